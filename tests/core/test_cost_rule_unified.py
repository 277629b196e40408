"""The cost rule's save is one op for the 帳票 view and the CLI (issue #16): ``ops.costs.set_cost_rule``
and ``set_item_cost`` keep what they are not given and return the 首長決裁 they made stale, which both
adapters show (the CLI used to compose the before/after comparison itself, the GUI did not say it)."""
from __future__ import annotations

import datetime as dt

from cloudsuppress.ops import costs as cost_ops

from .request_support import rdb  # noqa: F401
from .test_cli import run
from .test_costs_reapproval import _r0003


def _rule(db) -> cost_ops.CostRuleRow:
    with db.session() as s:
        return cost_ops.cost_rule_row(s)


def test_a_new_method_keeps_the_rounding_unit_and_the_population_date(db):
    with db.session() as s, s.begin():
        cost_ops.set_cost_rule(s, method="mixed", ratio=(50, 50), unit=1000, population_date=dt.date(2026, 4, 1))
    with db.session() as s, s.begin():
        cost_ops.set_cost_rule(s, method="equal")
    rule = _rule(db).rule
    assert (rule.unit, rule.population_date) == (1000, dt.date(2026, 4, 1))


def test_the_cli_rule_keeps_the_rounding_unit_the_screen_would_show(db, capsys):
    """`costs rule --method equal` on a 千円未満切捨て consortium used to reset it to 円単位 silently."""
    with db.session() as s, s.begin():
        cost_ops.set_cost_rule(s, method="population", unit=1000)
    code, out, _ = run(capsys, "--db", db.path, "costs", "rule", "--method", "equal")
    assert code == 0 and "均等割（千円未満切捨て）" in out, out
    assert _rule(db).description == "均等割（千円未満切捨て）"
    code, out, _ = run(capsys, "--db", db.path, "costs", "rule", "--method", "equal", "--unit", "1")
    assert code == 0 and _rule(db).description == "均等割（円単位）"


def test_the_op_returns_the_approvals_it_made_stale(rdb):  # noqa: F811
    item = _r0003(rdb)
    with rdb.session() as s, s.begin():
        changes = cost_ops.set_cost_rule(s, method="equal")
    assert [(x.member, x.approved, x.now) for x in changes.newly_stale] == [
        ("常陸大宮市", 279_410, 293_333), ("那珂市", 319_156, 293_334), ("かすみがうら市", 281_434, 293_333)]
    with rdb.session() as s, s.begin():  # the same rule again: nothing changed, nothing newly stale
        assert cost_ops.set_cost_rule(s, method="equal") == cost_ops.CostChanges()
    with rdb.session() as s, s.begin():
        changes = cost_ops.set_item_cost(s, item_id=item, estimate=1_990_000)
    assert [x.member for x in changes.newly_stale] == ["常陸大宮市", "那珂市", "かすみがうら市"]
    assert changes.requests and changes.costs  # the estimate is the item's too


def test_the_cli_warns_of_what_the_op_returned(rdb, capsys):  # noqa: F811
    _r0003(rdb)
    code, _, err = run(capsys, "--db", rdb.path, "costs", "rule", "--method", "equal", "--yes")
    assert code == 0 and "次の 3 件は、首長決裁を受けた負担額が変わりました（要再決裁）" in err, err
    assert "那珂市: 首長決裁 319,156円 → 現在 293,334円" in err, err


def test_the_cli_rule_changes_what_it_is_given_without_a_method(db, capsys):
    """`costs rule --unit 1000` (or --population-date, --ratio) without --method printed the rule as it
    was and exited 0: the option was dropped silently and a bad date went unread (walk, 2026-12-07)."""
    with db.session() as s, s.begin():
        cost_ops.set_cost_rule(s, method="mixed", ratio=(50, 50), unit=1, population_date=dt.date(2026, 4, 1))
    code, out, _ = run(capsys, "--db", db.path, "costs", "rule", "--unit", "1000")
    assert code == 0 and "按分ルールを設定しました: 均等割 50％・人口割 50％（千円未満切捨て）" in out, out
    code, out, _ = run(capsys, "--db", db.path, "costs", "rule", "--population-date", "2026-10-01")
    assert code == 0 and "人口基準日: 令和8年10月1日" in out, out
    code, out, _ = run(capsys, "--db", db.path, "costs", "rule", "--ratio", "6:94")
    assert code == 0 and "均等割 6％・人口割 94％（千円未満切捨て）" in out, out
    assert (_rule(db).rule.ratio, _rule(db).rule.population_date) == ((6, 94), dt.date(2026, 10, 1))
    code, _, err = run(capsys, "--db", db.path, "costs", "rule", "--population-date", "2026-99-01")
    assert code == 1 and "人口基準日" in err and "2026-99-01" in err, err
    code, _, err = run(capsys, "--db", db.path, "costs", "rule", "--method", "equal", "--ratio", "50:50")
    assert code == 1 and "按分割合は併用（均等割・人口割）のときだけ指定できます（按分方法: 均等割）" in err, err
    assert _rule(db).description == "均等割 6％・人口割 94％（千円未満切捨て）"


def test_the_cli_asks_before_a_rule_that_moves_approved_shares(rdb, capsys):  # noqa: F811
    """Walk O6: `costs rule` set a rule that made 首長決裁 stale and warned only afterwards. As `functions
    import` does for a replaced list, it now says what would move and sets nothing without --yes (or a yes
    at the terminal); a change that moves no approved share is set at once, as before."""
    _r0003(rdb)
    before = _rule(rdb).description
    with rdb.session() as s:
        assert len(cost_ops.preview_cost_rule(s, method="equal")) == 3  # read only: nothing written
    assert _rule(rdb).description == before
    code, out, err = run(capsys, "--db", rdb.path, "costs", "rule", "--method", "equal")
    assert (code, out) == (3, "")
    assert "次の 3 件は首長決裁を受けた負担額が変わります（要再決裁" in err, err
    assert "那珂市: 首長決裁 319,156円 → 現在 293,334円" in err, err
    assert "設定しませんでした。--yes を付けて実行すると設定します。" in err
    assert _rule(rdb).description == before
    code, out, err = run(capsys, "--db", rdb.path, "costs", "rule", "--method", "equal", "--yes")
    assert code == 0 and _rule(rdb).description != before
    code, _, err = run(capsys, "--db", rdb.path, "costs", "rule", "--population-date", "2026-04-01")
    assert (code, err) == (0, "")  # the date alone moves no share: no question

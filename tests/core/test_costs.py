"""Costs in the database: the consortium rule, an item's estimate and method override, shares
recomputed when a member joins or leaves, per-member cost lines with approvals, the cost table,
undo, and the summary's cost totals and suppression rate."""
from __future__ import annotations

import datetime as dt

import pytest

from cloudsuppress.errors import DomainError
from cloudsuppress.ops import costs as cost_ops
from cloudsuppress.ops import requests as req
from cloudsuppress.ops import undo as undo_ops
from cloudsuppress.ops.requests import UNSET
from cloudsuppress.ops.summary import build_summary

from .request_support import approve_all, join, member_id, move, new_item, rdb  # noqa: F401


def set_rule(db, method, ratio=None, unit=1, population_date=UNSET):
    with db.session() as s, s.begin():
        return cost_ops.set_cost_rule(s, method=method, ratio=ratio, unit=unit, population_date=population_date)


def set_cost(db, item, **kw):
    with db.session() as s, s.begin():
        return cost_ops.set_item_cost(s, item_id=item, **kw)


def shares(db, item):
    with db.session() as s:
        return cost_ops.item_shares(s, item)


@pytest.fixture
def shared(rdb):
    """R-0001 asked by all four Ibaraki members, estimate 2,750,000 yen, consortium rule 50:50."""
    item = new_item(rdb, "常陸大宮市")
    for m in ("那珂市", "かすみがうら市", "五霞町"):
        join(rdb, item, m)
    set_rule(rdb, "mixed", "50:50", population_date=dt.date(2026, 4, 1))
    set_cost(rdb, item, estimate=2_750_000)
    return rdb, item


def test_the_default_rule_is_equal_in_whole_yen(rdb):
    with rdb.session() as s:
        row = cost_ops.cost_rule_row(s)
    assert (row.stored, row.rule.method.value, row.rule.unit) == (False, "equal", 1)
    assert row.description == "均等割（円単位）"


def test_shares_follow_the_consortium_rule(shared):
    db, item = shared
    sh = shares(db, item)
    # The worked example of test_cost_apportionment: 733,457 / 850,143 / 739,398 / 427,002.
    assert sh.by_member() == {"常陸大宮市": 733_457, "那珂市": 850_143, "かすみがうら市": 739_398, "五霞町": 427_002}
    assert (sh.method, sh.own_rule, sh.population_total) == ("mixed", False, 151_586)
    assert sh.rule.population_date == dt.date(2026, 4, 1)
    assert sh.rule_text == "均等割 50％・人口割 50％（円単位）"


def test_an_item_override_and_going_back_to_the_consortium_rule(shared):
    db, item = shared
    set_cost(db, item, method="equal")
    sh = shares(db, item)
    assert sh.own_rule and set(sh.by_member().values()) == {687_500}
    set_cost(db, item, method="mixed", ratio="6:94")
    assert shares(db, item).rule.ratio == (6, 94)
    set_cost(db, item, method=None)
    assert not shares(db, item).own_rule
    assert shares(db, item).by_member()["五霞町"] == 427_002


def test_thousand_yen_unit_applies_to_every_item(shared):
    db, item = shared
    set_rule(db, "mixed", "50:50", unit=1000)
    assert shares(db, item).by_member() == {"常陸大宮市": 734_000, "那珂市": 850_000, "かすみがうら市": 739_000, "五霞町": 427_000}
    with db.session() as s:  # the population base date was kept when not given again
        assert cost_ops.get_cost_rule(s).population_date == dt.date(2026, 4, 1)


def test_shares_are_recomputed_when_a_member_leaves_and_joins(rdb):
    item = new_item(rdb, "那珂市")
    join(rdb, item, "五霞町")
    set_rule(rdb, "population")
    set_cost(rdb, item, estimate=1_000_000)
    # 55,827 : 9,178 of 65,005 → 858,810.8… and 141,189.1…; the missing yen goes to .8 (那珂市).
    assert shares(rdb, item).by_member() == {"那珂市": 858_811, "五霞町": 141_189}
    with rdb.session() as s, s.begin():
        req.withdraw_member(s, item_id=item, member_id=member_id(s, "五霞町"), reason="運用で対応")
    assert shares(rdb, item).by_member() == {"那珂市": 1_000_000}
    join(rdb, item, "かすみがうら市")
    after = shares(rdb, item).by_member()
    assert set(after) == {"那珂市", "かすみがうら市"} and sum(after.values()) == 1_000_000


def test_estimates_are_refused_for_items_nobody_bears_and_checked(rdb):
    item = new_item(rdb)
    with pytest.raises(DomainError, match="0 以上"):
        set_cost(rdb, item, estimate=-5)
    move(rdb, item, "withdrawn", reason="運用で対応")
    with pytest.raises(DomainError, match="費用を負担する団体がありません"):
        set_cost(rdb, item, estimate=100_000)
    with pytest.raises(DomainError, match="按分割合"):
        set_rule(rdb, "mixed")
    with pytest.raises(DomainError, match="単位"):
        set_rule(rdb, "equal", unit=100)


def test_without_an_estimate_there_are_no_shares(rdb):
    item = new_item(rdb)
    sh = shares(rdb, item)
    assert sh.estimate is None and sh.shares == ()


def test_setting_costs_is_one_undoable_action(shared):
    db, item = shared
    set_cost(db, item, estimate=3_300_000, method="equal")
    with db.session() as s:
        assert "見積額 3,300,000円" in undo_ops.undo_status(s).undo_label
    with db.session() as s, s.begin():
        ch = undo_ops.undo(s)
    assert ch.costs and ch.requests
    sh = shares(db, item)
    assert (sh.estimate, sh.own_rule) == (2_750_000, False)
    with db.session() as s, s.begin():
        undo_ops.redo(s)
    assert shares(db, item).estimate == 3_300_000


def test_member_costs_list_customized_and_open_items_with_approvals(shared):
    db, item = shared
    move(db, item, "under_review", reason=None)
    approve_all(db, item, ["常陸大宮市", "那珂市", "かすみがうら市", "五霞町"])
    move(db, item, "customized", reason="独自施策")
    pending = new_item(db, "五霞町", "0200002")
    set_cost(db, pending, estimate=330_000)
    with db.session() as s:
        mc = cost_ops.member_costs(s, member_id(s, "五霞町"))
    assert [ln.key for ln in mc.lines] == ["R-0001"] and mc.total == 427_002
    line = mc.lines[0]
    assert (line.population, line.population_total, line.ratio_text) == (9_178, 151_586, "50:50")
    assert line.finance.reference and line.mayor.approved_on == dt.date(2026, 6, 15) and not line.approvals_pending
    assert [ln.key for ln in mc.prospective] == ["R-0002"] and mc.prospective_total == 330_000
    assert mc.prospective[0].approvals_pending


def test_cost_table_and_summary_totals(shared):
    db, item = shared
    move(db, item, "under_review", reason=None)
    approve_all(db, item, ["常陸大宮市", "那珂市", "かすみがうら市", "五霞町"])
    move(db, item, "customized", reason="独自施策")
    other = new_item(db, "那珂市", "0010001")
    move(db, other, "withdrawn", reason="運用で対応")
    with db.session() as s:
        table = cost_ops.cost_table(s)
        summary = build_summary(s)
    assert table.members == ("常陸大宮市", "那珂市", "かすみがうら市", "五霞町")
    assert [r.key for r in table.rows] == ["R-0001"]
    assert table.member_totals == (733_457, 850_143, 739_398, 427_002) and table.total == 2_750_000
    assert {m["name"]: m["cost_total"] for m in summary["members"]} == {
        "常陸大宮市": 733_457, "那珂市": 850_143, "かすみがうら市": 739_398, "五霞町": 427_002}
    # Two decided items, one of them not customized.
    assert summary["items"]["suppression_rate"] == 0.5
    assert summary["items"]["total"] == 2  # the existing keys are kept


def test_a_stored_ratio_not_totalling_100_may_be_kept_but_not_entered(shared):
    """Rules stored before new ratios had to total 100 still load and may be saved unchanged (the
    editor sends the ratio back with every save), but a new such ratio is refused."""
    from cloudsuppress.domain.models import CostRule, ItemCostRule

    db, item = shared
    set_cost(db, item, method="mixed", ratio="30:70")
    with db.session() as s, s.begin():
        s.query(CostRule).one().ratio_population = 20  # 50:20, as an older version could store it
        s.query(ItemCostRule).one().ratio_population = 20  # 30:20
    assert shares(db, item).rule_text == "均等割 60％・人口割 40％（円単位）"  # 30:20 is whole percentages
    set_rule(db, "mixed", "50:20", population_date=dt.date(2026, 10, 1))  # only the date changes
    set_cost(db, item, estimate=3_300_000, method="mixed", ratio=(30, 20))
    with db.session() as s:
        assert cost_ops.cost_rule_row(s).description == "均等割：人口割 ＝ 50：20（円単位）"
    assert shares(db, item).estimate == 3_300_000
    with pytest.raises(DomainError, match="「70:20」は合計が 90 です"):
        set_rule(db, "mixed", "70:20")
    with pytest.raises(DomainError, match="合計 100"):
        set_cost(db, item, method="mixed", ratio="40:20")

"""Review R36: a 首長決裁 approves an amount. What it approved is kept on the approval row (migration
0008), and a later population update, rule change or new estimate that moves a member's share is
shown as 要再決裁 — in the core, the notice, the CLI — instead of silently changing approved amounts.

The figures are the review's: R-0003 of the demo, 880,000円 under 均等割 50％・人口割 50％ among
常陸大宮市, 那珂市 and かすみがうら市 (279,410 / 319,156 / 281,434円); 那珂市's yearly population
update 55,827 → 56,500 makes its share 320,414円.
"""
from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from cloudsuppress.domain.models import Approval, MemberRequest
from cloudsuppress.ops import costs as cost_ops
from cloudsuppress.ops import members as member_ops
from cloudsuppress.ops import requests as req
from cloudsuppress.ops import stale_approval
from cloudsuppress.ops import undo as undo_ops
from cloudsuppress.reports.cost_report_pdf import write_member_cost_report
from cloudsuppress.store import handover
from cloudsuppress.store.db import open_database
from cloudsuppress.store.handover_check import check_records

from .pdf_support import flat, needs_poppler, page_texts
from .request_support import approve_all, join, member_id, move, new_item, rdb  # noqa: F401
from .test_cli import run

ASKERS = ["常陸大宮市", "那珂市", "かすみがうら市"]
APPROVED = {"常陸大宮市": 279_410, "那珂市": 319_156, "かすみがうら市": 281_434}


def _r0003(db) -> int:
    """The demo's R-0003: rule 50:50 set, estimated, approved by the three members, customized."""
    with db.session() as s, s.begin():
        cost_ops.set_cost_rule(s, method="mixed", ratio=(50, 50), population_date=dt.date(2026, 4, 1))
    item = new_item(db, "那珂市")
    join(db, item, "常陸大宮市")
    join(db, item, "かすみがうら市")
    move(db, item, "under_review", reason=None)
    with db.session() as s, s.begin():
        cost_ops.set_item_cost(s, item_id=item, estimate=880_000)
    approve_all(db, item, ASKERS)
    move(db, item, "customized", reason="独自施策")
    return item


def _stale(db):
    with db.session() as s:
        return [(x.member, x.approved, x.now, x.reasons) for x in cost_ops.stale_approvals(s)]


def _mayor_row(db, item: int, member: str) -> Approval:
    with db.session() as s:
        row = s.scalar(select(Approval).where(Approval.stage == "mayor", Approval.member_request_id.in_(
            select(MemberRequest.id).where(MemberRequest.item_id == item,
                                           MemberRequest.member_id == member_id(s, member)))))
        s.expunge(row)
        return row


def test_the_mayors_approval_keeps_the_share_estimate_population_and_rule(rdb):
    item = _r0003(rdb)
    row = _mayor_row(rdb, item, "那珂市")
    assert (row.approved_share, row.approved_estimate, row.approved_population, row.approved_rule) == (
        319_156, 880_000, 55_827, "均等割 50％・人口割 50％（円単位）")
    with rdb.session() as s:
        finance = s.scalars(select(Approval).where(Approval.stage == "finance")).all()
        assert finance and all(a.approved_share is None for a in finance)  # a consultation approves nothing
    assert _stale(rdb) == []


def test_a_population_update_flags_the_approved_shares_it_moves(rdb):
    _r0003(rdb)
    with rdb.session() as s, s.begin():
        member_ops.update_member(s, member_id=member_id(s, "那珂市"), population=56_500)
    stale = _stale(rdb)
    assert [(m, a, n) for m, a, n, _ in stale] == [
        ("常陸大宮市", 279_410, 278_786), ("那珂市", 319_156, 320_414), ("かすみがうら市", 281_434, 280_800)]
    assert stale[1][3] == ("人口 55,827人→56,500人",)
    # the Japanese text keeps its pattern and parts, which the GUI spells in English (ui/labels.py)
    assert (stale[1][3][0].pattern, stale[1][3][0].parts) == (stale_approval.POPULATION_CHANGED, ("55,827", "56,500"))
    assert stale[0][3] == ("他の負担団体の人口又は負担団体の構成の変更",)


def test_a_new_rule_flags_every_approved_share_it_moves(rdb):
    _r0003(rdb)
    with rdb.session() as s, s.begin():
        cost_ops.set_cost_rule(s, method="equal")
    stale = _stale(rdb)
    assert [(m, a, n) for m, a, n, _ in stale] == [
        ("常陸大宮市", 279_410, 293_333), ("那珂市", 319_156, 293_334), ("かすみがうら市", 281_434, 293_333)]
    assert stale[1][3] == ("按分ルール「均等割 50％・人口割 50％（円単位）」→「均等割（円単位）」",)
    with rdb.session() as s, s.begin():  # back to the approved rule: nothing to renew
        cost_ops.set_cost_rule(s, method="mixed", ratio=(50, 50))
    assert _stale(rdb) == []


def test_a_raised_estimate_flags_the_approvals_and_the_member_costs(rdb):
    item = _r0003(rdb)
    with rdb.session() as s, s.begin():
        cost_ops.set_item_cost(s, item_id=item, estimate=1_990_000)
    stale = _stale(rdb)
    assert [(m, a, n) for m, a, n, _ in stale] == [
        ("常陸大宮市", 279_410, 631_848), ("那珂市", 319_156, 721_728), ("かすみがうら市", 281_434, 636_424)]
    assert stale[1][3] == ("見積額 880,000円→1,990,000円",)
    with rdb.session() as s:
        line = cost_ops.member_costs(s, member_id(s, "那珂市")).lines[0]
    assert line.needs_reapproval and (line.approved_share, line.share) == (319_156, 721_728)


def test_a_new_consultation_and_decision_on_the_new_amount_clear_it(rdb):
    item = _r0003(rdb)
    with rdb.session() as s, s.begin():
        member_ops.update_member(s, member_id=member_id(s, "那珂市"), population=56_500)
    with rdb.session() as s, s.begin():
        naka = member_id(s, "那珂市")
        # the new 財政課協議 comes after the old 首長決裁 (which no longer covers the amount) ...
        req.record_approval(s, item_id=item, member_id=naka, stage="finance", approved_on=dt.date(2026, 7, 1),
                            reference="財第900号", today=dt.date(2026, 12, 1))
        req.record_approval(s, item_id=item, member_id=naka, stage="mayor", approved_on=dt.date(2026, 7, 10),
                            reference="決裁第900号", today=dt.date(2026, 12, 1))
    assert [m for m, *_ in _stale(rdb)] == ["常陸大宮市", "かすみがうら市"]
    assert _mayor_row(rdb, item, "那珂市").approved_share == 320_414


def test_undo_and_redo_restore_the_approved_share(rdb):
    item = _r0003(rdb)
    with rdb.session() as s, s.begin():
        member_ops.update_member(s, member_id=member_id(s, "那珂市"), population=56_500)
    with rdb.session() as s, s.begin():
        req.record_approval(s, item_id=item, member_id=member_id(s, "那珂市"), stage="mayor",
                            approved_on=dt.date(2026, 7, 10), reference="決裁第900号", today=dt.date(2026, 12, 1))
    assert _mayor_row(rdb, item, "那珂市").approved_share == 320_414
    with rdb.session() as s, s.begin():
        undo_ops.undo(s)
    row = _mayor_row(rdb, item, "那珂市")
    assert (row.approved_share, row.approved_population, row.reference) == (319_156, 55_827, "決裁第201号")
    assert "那珂市" in [m for m, *_ in _stale(rdb)]
    with rdb.session() as s, s.begin():
        undo_ops.redo(s)
    assert _mayor_row(rdb, item, "那珂市").approved_share == 320_414


def test_an_open_item_with_a_stale_decision_counts_as_pending(rdb):
    item = new_item(rdb, "那珂市")
    join(rdb, item, "常陸大宮市")
    move(rdb, item, "under_review", reason=None)
    with rdb.session() as s, s.begin():
        cost_ops.set_item_cost(s, item_id=item, estimate=880_000)
    approve_all(rdb, item, ["常陸大宮市", "那珂市"])
    with rdb.session() as s:
        assert cost_ops.member_cost_facts(s)[member_id(s, "那珂市")].pending_mayor == 0
    with rdb.session() as s, s.begin():
        cost_ops.set_item_cost(s, item_id=item, estimate=990_000)
    with rdb.session() as s:
        facts = cost_ops.member_cost_facts(s)[member_id(s, "那珂市")]
    assert facts.pending_mayor == 1 and facts.pending_items == ("R-0001",)


@needs_poppler
def test_the_notice_does_not_call_a_moved_share_approved(rdb, tmp_path):
    _r0003(rdb)
    with rdb.session() as s:
        mc = cost_ops.member_costs(s, member_id(s, "那珂市"))
    write_member_cost_report(tmp_path / "before.pdf", mc, issued_on=dt.date(2026, 11, 22))
    before = flat("".join(page_texts(tmp_path / "before.pdf")))
    assert "財政課協議及び市長の決裁がいずれも済んでいることを" in before and "要再決裁" not in before
    with rdb.session() as s, s.begin():
        member_ops.update_member(s, member_id=member_id(s, "那珂市"), population=56_500)
    with rdb.session() as s:
        mc = cost_ops.member_costs(s, member_id(s, "那珂市"))
    write_member_cost_report(tmp_path / "after.pdf", mc, issued_on=dt.date(2026, 11, 22))
    every = flat("".join(page_texts(tmp_path / "after.pdf")))
    assert "いずれも済んでいる" not in every
    assert "R-0001（決裁額319,156円→現在320,414円）" in every
    assert "改めて貴市財政担当課との協議及び市長の決裁を経ていただき" in every
    section3 = every[every.index("3財政課協議・首長決裁の状況"):every.index("4検討中")]
    assert "要再決裁決裁額319,156円→現在320,414円" in section3


def test_the_cli_warns_and_marks_it(rdb, capsys):
    _r0003(rdb)
    code, out, err = run(capsys, "--db", rdb.path, "members", "update", "那珂市", "--population", "56500")
    assert code == 0 and "団体「那珂市」を訂正しました。" in out
    assert "要再決裁" in err and "要望 R-0001 の那珂市: 首長決裁 319,156円 → 現在 320,414円（人口 55,827人→56,500人）" in err
    code, out, err = run(capsys, "--db", rdb.path, "costs", "show", "R-0001")
    assert code == 0 and "要再決裁" in out and "首長決裁 319,156円 → 現在 320,414円" in out
    code, out, _ = run(capsys, "--db", rdb.path, "costs", "table")
    assert "320,414（要再決裁）" in out
    table = json.loads(run(capsys, "--db", rdb.path, "costs", "table", "--json")[1])
    assert {(x["member"], x["approved"], x["now"]) for x in table["reapproval"]} == {
        ("常陸大宮市", 279_410, 278_786), ("那珂市", 319_156, 320_414), ("かすみがうら市", 281_434, 280_800)}
    code, _, err = run(capsys, "--db", rdb.path, "costs", "set", "R-0001", "--estimate", "1990000")
    assert code == 0 and "首長決裁 319,156円 → 現在 724,573円（見積額 880,000円→1,990,000円、人口 55,827人→56,500人）" in err
    code, _, err = run(capsys, "--db", rdb.path, "costs", "rule", "--method", "equal", "--yes")
    assert code == 0 and "現在 663,334円" in err
    code, _, err = run(capsys, "--db", rdb.path, "members", "update", "五霞町", "--population", "9200")
    assert (code, err) == (0, "")  # a member in no approved item: nothing to warn about


def test_the_handover_carries_and_checks_what_was_approved(rdb, tmp_path):
    _r0003(rdb)
    with rdb.session() as s:
        handover.export_handover(s, tmp_path / "h.zip")
    target = open_database(tmp_path / "copy.sqlite")
    try:
        with target.session() as s, s.begin():
            handover.import_handover(s, tmp_path / "h.zip")
        with target.session() as s:
            kept = sorted((a.approved_share, a.approved_estimate, a.approved_population)
                          for a in s.scalars(select(Approval).where(Approval.stage == "mayor")))
        assert kept == sorted((v, 880_000, p) for v, p in ((279_410, 42_963), (319_156, 55_827), (281_434, 43_618)))
    finally:
        target.close(backup=False)
    _, data = handover.read_handover(tmp_path / "h.zip")
    tables = handover._tables()
    assert check_records(tables, data) == []
    body = data["approval"]
    cols = body["columns"]
    finance = next(r for r in body["rows"] if r[cols.index("stage")] == "finance")
    mayor = next(r for r in body["rows"] if r[cols.index("stage")] == "mayor")
    finance[cols.index("approved_share")] = 100
    mayor[cols.index("approved_share")] = 9_999_999
    problems = "\n".join(check_records(tables, data))
    assert "首長決裁（mayor）の記録にだけ付きます" in problems
    assert "決裁時の負担額 9,999,999円 が決裁時の見積額（880,000円）を超えています" in problems
    mayor[cols.index("approved_share")] = -1
    assert "approved_share" in "\n".join(check_records(tables, data))


def test_an_item_is_not_customized_on_approvals_of_another_amount(rdb):
    from cloudsuppress.errors import DomainError

    item = new_item(rdb, "那珂市")
    join(rdb, item, "常陸大宮市")
    move(rdb, item, "under_review", reason=None)
    with rdb.session() as s, s.begin():
        cost_ops.set_item_cost(s, item_id=item, estimate=880_000)
    approve_all(rdb, item, ["常陸大宮市", "那珂市"])
    with rdb.session() as s, s.begin():
        cost_ops.set_item_cost(s, item_id=item, estimate=1_990_000)  # the vendor's new price, after the decisions
    with pytest.raises(DomainError) as err:
        move(rdb, item, "customized", reason="独自施策")
    assert "首長決裁の後に負担額が増えた団体があります（常陸大宮市（首長決裁 440,000円 → 現在 995,000円）" in str(err.value)
    with rdb.session() as s, s.begin():
        for m in ("常陸大宮市", "那珂市"):  # the new consultation and decision on 995,000円
            req.record_approval(s, item_id=item, member_id=member_id(s, m), stage="finance",
                                approved_on=dt.date(2026, 7, 1), reference="財第900号", today=dt.date(2026, 12, 1))
            req.record_approval(s, item_id=item, member_id=member_id(s, m), stage="mayor",
                                approved_on=dt.date(2026, 7, 10), reference="決裁第900号", today=dt.date(2026, 12, 1))
    move(rdb, item, "customized", reason="独自施策")
    assert _stale(rdb) == []


@needs_poppler
def test_the_cost_table_pdf_marks_a_moved_share(rdb, capsys, tmp_path):
    _r0003(rdb)
    with rdb.session() as s, s.begin():
        member_ops.update_member(s, member_id=member_id(s, "那珂市"), population=56_500)
    with rdb.session() as s:
        row = cost_ops.cost_table(s).rows[0]
    assert row.reapproval == (True, True, True, False)
    pdf = tmp_path / "table.pdf"
    assert run(capsys, "--db", rdb.path, "export", "cost-table", "--out", pdf)[0] == 0
    text = flat("".join(page_texts(pdf)))
    assert text.count("（要再決裁）") == 4 and "「（要再決裁）」は、首長決裁の後に" in text  # 3 cells, the note

"""The item editor's save as one core operation (save_item): one audited, undoable action with a
Japanese label, everything validated first; join with the estimate; deleting a hearing note or
an approval."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from cloudsuppress.domain.models import AuditAction
from cloudsuppress.errors import DomainError
from cloudsuppress.ops import request_queries as rq
from cloudsuppress.ops import requests as req
from cloudsuppress.ops import undo as undo_ops

from .request_support import (  # noqa: F401
    PART,
    approve_all,
    dump_requests,
    function_id,
    member_id,
    move,
    new_item,
    part_of,
    rdb,
)


def detail(db, item_id):
    with db.session() as s:
        return rq.get_item_detail(s, item_id)


def run(db, op):
    with db.session() as s, s.begin():
        return op(s)


def actions(db):
    with db.session() as s:
        return list(s.scalars(select(AuditAction.label).where(AuditAction.kind == "op").order_by(AuditAction.id)))


def undo(db):
    run(db, undo_ops.undo)


def test_a_whole_edit_is_one_action_and_one_undo(rdb):
    item = new_item(rdb)  # 那珂市
    before = dump_requests(rdb)
    n = len(actions(rdb))
    ch = run(rdb, lambda s: req.save_item(
        s, item_id=item, item=req.ItemFields(title="転入届の受付を即日に", estimate=880_000),
        parts=[part_of(member_id(s, "那珂市"), annual_cases=900),
               part_of(member_id(s, "五霞町"), **dict(PART, annual_cases=40))]))
    assert (ch.requests, ch.id, ch.key) == (True, item, "R-0001")
    assert actions(rdb)[n:] == ["要望 R-0001 を編集（要望名・見積額、那珂市の内容、五霞町が参加）"]
    d = detail(rdb, item)
    assert (d.item.title, d.item.estimate) == ("転入届の受付を即日に", 880_000)
    assert {p.member: p.annual_cases for p in d.parts} == {"那珂市": 900, "五霞町": 40}
    undo(rdb)  # one undo takes the whole save back
    assert dump_requests(rdb) == before


def test_everything_is_validated_before_anything_is_written(rdb):
    item = new_item(rdb)
    before = dump_requests(rdb)
    with pytest.raises(DomainError) as refused:
        run(rdb, lambda s: req.save_item(
            s, item_id=item, item=req.ItemFields(title="   ", estimate=-5),
            parts=[part_of(member_id(s, "那珂市"), content=""),
                   part_of(member_id(s, "五霞町"), content="同じ", reason="service_level")]))
    lines = str(refused.value).splitlines()
    assert lines[:2] == ["要望名を入力してください。", "見積額は 0 以上の金額（円）で入力してください。"]
    assert "那珂市: 要望内容を入力してください。" in lines
    assert any(line.startswith("五霞町: 住民サービス水準が低下するか") for line in lines)
    assert dump_requests(rdb) == before


def test_nothing_changed_records_nothing(rdb):
    item = new_item(rdb)
    n = len(actions(rdb))
    ch = run(rdb, lambda s: req.save_item(s, item_id=item, item=req.ItemFields(title="転入届の受付"),
                                          parts=[part_of(member_id(s, "那珂市"), **PART)]))
    assert not ch.requests and ch.id == item
    assert len(actions(rdb)) == n


def test_joining_alone_keeps_the_join_label_and_takes_the_estimate(rdb):
    item = new_item(rdb)
    run(rdb, lambda s: req.save_item(s, item_id=item, item=req.ItemFields(estimate=330_000),
                                     parts=[part_of(member_id(s, "五霞町"), **PART)]))
    assert actions(rdb)[-1] == "要望 R-0001 を編集（見積額、五霞町が参加）"
    run(rdb, lambda s: req.save_item(s, item_id=item, parts=[part_of(member_id(s, "常陸大宮市"), **PART)]))
    assert actions(rdb)[-1] == "要望 R-0001 に常陸大宮市が参加"
    # join_item itself takes the estimate too: one call, one action
    run(rdb, lambda s: req.join_item(s, item_id=item, member_id=member_id(s, "かすみがうら市"), estimate=550_000, **PART))
    assert actions(rdb)[-1] == "要望 R-0001 にかすみがうら市が参加"
    assert detail(rdb, item).item.estimate == 550_000
    undo(rdb)
    assert detail(rdb, item).item.estimate == 330_000


def test_create_with_several_members_in_one_action(rdb):
    ch = run(rdb, lambda s: req.save_item(
        s, item_id=None, item=req.ItemFields(function_id=function_id(s, "0200002"), estimate=1_650_000),
        parts=[part_of(member_id(s, "五霞町"), **dict(PART, annual_cases=30)),
               part_of(member_id(s, "那珂市"), **dict(PART, annual_cases=2_400))]))
    assert ch.key == "R-0001" and actions(rdb)[-1] == "要望 R-0001 を登録（五霞町、那珂市）"
    d = detail(rdb, ch.id)
    assert (d.item.title, d.item.estimate, d.item.status) == ("減免申請の審査", 1_650_000, "requested")
    assert [p.member for p in d.parts] == ["那珂市", "五霞町"]  # member order
    undo(rdb)
    with rdb.session() as s:
        assert rq.list_item_rows(s) == []


def test_create_refuses_a_duplicate_and_an_incomplete_part(rdb):
    new_item(rdb)
    with pytest.raises(DomainError, match="すでに検討中の要望 R-0001"):
        run(rdb, lambda s: req.save_item(s, item_id=None, item=req.ItemFields(function_id=function_id(s, "0010002")),
                                         parts=[part_of(member_id(s, "五霞町"), **PART)]))
    with pytest.raises(DomainError, match="^理由区分を選んでください"):
        run(rdb, lambda s: req.save_item(s, item_id=None, item=req.ItemFields(function_id=function_id(s, "0200002")),
                                         parts=[part_of(member_id(s, "五霞町"), **dict(PART, reason=None))]))


def test_a_decided_item_is_not_saved(rdb):
    item = new_item(rdb)
    move(rdb, item, "withdrawn", reason="運用で対応")
    with pytest.raises(DomainError, match="決定済みのため、編集できません"):
        run(rdb, lambda s: req.save_item(s, item_id=item, item=req.ItemFields(title="変更")))


# --- deleting hearing notes and approvals -----------------------------------------------------


def test_delete_a_hearing_note_and_undo_it(rdb):
    item = new_item(rdb)
    run(rdb, lambda s: req.record_hearing(s, item_id=item, member_id=member_id(s, "那珂市"),
                                          held_on=dt.date(2026, 5, 1), confirmed="件数を確認", confirmed_cases=1100))
    note = detail(rdb, item).parts[0].hearings[0]
    run(rdb, lambda s: req.delete_hearing(s, hearing_id=note.id))
    assert detail(rdb, item).parts[0].hearings == ()
    assert actions(rdb)[-1] == "要望 R-0001 の那珂市のヒアリング記録（令和8年5月1日）を削除"
    undo(rdb)
    assert detail(rdb, item).parts[0].hearings == (note,)
    with pytest.raises(DomainError, match="ヒアリング記録（id 999）が見つかりません"):
        run(rdb, lambda s: req.delete_hearing(s, hearing_id=999))


def test_delete_an_approval_and_undo_it(rdb):
    from cloudsuppress.ops.costs import set_item_cost

    item = new_item(rdb)
    run(rdb, lambda s: set_item_cost(s, item_id=item, estimate=880_000))  # approvals are about an amount
    approve_all(rdb, item, ["那珂市"])
    with pytest.raises(DomainError, match="先に首長決裁の記録を削除"):  # the consultation the decision followed
        run(rdb, lambda s: req.delete_approval(s, item_id=item, member_id=member_id(s, "那珂市"), stage="finance"))
    run(rdb, lambda s: req.delete_approval(s, item_id=item, member_id=member_id(s, "那珂市"), stage="mayor"))
    part = detail(rdb, item).parts[0]
    assert part.mayor is None and part.finance is not None
    assert actions(rdb)[-1] == "要望 R-0001 の那珂市の首長決裁の記録を削除"
    with pytest.raises(DomainError, match="首長決裁は記録されていません"):
        run(rdb, lambda s: req.delete_approval(s, item_id=item, member_id=member_id(s, "那珂市"), stage="mayor"))
    undo(rdb)
    assert detail(rdb, item).parts[0].mayor is not None


def test_deleting_on_a_decided_item_is_refused(rdb):
    item = new_item(rdb)
    run(rdb, lambda s: req.record_hearing(s, item_id=item, member_id=member_id(s, "那珂市"),
                                          held_on=dt.date(2026, 5, 1), confirmed="件数を確認"))
    move(rdb, item, "under_review")
    run(rdb, lambda s: req.update_item(s, item_id=item, estimate=330_000))
    approve_all(rdb, item, ["那珂市"])
    move(rdb, item, "customized", reason="独自施策として実施")
    part = detail(rdb, item).parts[0]
    before = dump_requests(rdb)
    with pytest.raises(DomainError, match="決定済みのため、財政課協議の記録を削除できません"):
        run(rdb, lambda s: req.delete_approval(s, item_id=item, member_id=member_id(s, "那珂市"), stage="finance"))
    with pytest.raises(DomainError, match="決定済みのため、ヒアリング記録を削除できません"):
        run(rdb, lambda s: req.delete_hearing(s, hearing_id=part.hearings[0].id))
    assert dump_requests(rdb) == before
    with rdb.session() as s:
        assert s.scalar(select(func.count()).select_from(AuditAction)) > 0


def test_a_save_inside_a_larger_action_leaves_its_label_alone(rdb):
    from cloudsuppress.domain import audit

    with rdb.session() as s, s.begin():
        with audit.action(s, "まとめて登録"):
            req.save_item(s, item_id=None, item=req.ItemFields(function_id=function_id(s, "0200002")),
                          parts=[part_of(member_id(s, "五霞町"), **PART)])
    assert actions(rdb)[-1] == "まとめて登録"

"""Request operations against a real database: create, join instead of duplicating, edit, move
with guards, member withdrawal, hearings, approvals, list filters, function-deletion rule."""
from __future__ import annotations

import datetime as dt

import pytest

from cloudsuppress.domain.workflow import WorkflowError
from cloudsuppress.errors import DomainError
from cloudsuppress.importers.function_list import ColumnMapping, FunctionRecord, ParsedFunctionList
from cloudsuppress.ops import functions as function_ops
from cloudsuppress.ops import request_queries as rq
from cloudsuppress.ops import requests as req
from cloudsuppress.ops.meetings import create_meeting, resolve_subcommittee

from .request_support import PART, approve_all, dump_requests, function_id, join, member_id, move, new_item, rdb  # noqa: F401


def detail(db, item_id):
    with db.session() as s:
        return rq.get_item_detail(s, item_id)


def test_create_generates_a_key_and_records_the_first_member(rdb):
    first = new_item(rdb)
    second = new_item(rdb, member="五霞町", code="0010003")
    d = detail(rdb, first)
    assert d.item.key == "R-0001" and detail(rdb, second).item.key == "R-0002"
    assert d.item.status == "requested" and d.item.members == ("那珂市",)
    assert d.item.function_code == "0010002" and d.item.subcommittee == "住民業務" and d.item.fit == "△"
    (part,) = d.parts
    assert part.reason_label == "住民サービス水準の維持" and part.service_drop_label == "低下する"
    assert [h.to_label for h in d.history] == ["要望"] and d.allowed_moves == ("under_review", "withdrawn")


@pytest.mark.parametrize("field,value,message", [
    ("content", " ", "要望内容を入力してください"),
    ("reason", "whim", "理由区分を選んでください"),
    ("service_drop", None, "住民サービス水準が低下するか（低下する／低下しない）を選んでください"),
    ("service_drop_detail", "", "住民サービス水準への影響"),
    ("annual_cases", -1, "年間処理件数は 0 以上"),
])
def test_create_refuses_missing_mandatory_answers(rdb, field, value, message):
    before = dump_requests(rdb)
    with pytest.raises(DomainError, match=message):
        new_item(rdb, **{field: value})
    assert dump_requests(rdb) == before


def test_a_second_request_for_the_same_function_is_steered_to_join(rdb):
    item = new_item(rdb)
    with rdb.session() as s:
        (found,) = rq.find_items_for_function(s, function_id(s, "0010002"))
    assert found.id == item
    with pytest.raises(DomainError, match="すでに検討中の要望 R-0001 があります。.*参加してください"):
        new_item(rdb, member="五霞町")
    join(rdb, item, "五霞町", annual_cases=30)
    d = detail(rdb, item)
    assert d.item.members == ("那珂市", "五霞町") and d.item.annual_cases == 1230
    with pytest.raises(DomainError, match="すでに要望 R-0001 に参加しています"):
        join(rdb, item, "五霞町")


def test_a_new_function_needs_its_business_system_and_name(rdb):
    with rdb.session() as s, s.begin():
        with pytest.raises(DomainError, match="新しい機能の業務と機能名"):
            req.create_item(s, member_id=member_id(s, "五霞町"), **PART)
        ch = req.create_item(s, member_id=member_id(s, "五霞町"), business_system_id=1,
                             proposed_function="住民票の英語表記", **PART)
    row = detail(rdb, ch.id).item
    assert row.function_id is None and row.function_name == "住民票の英語表記" and row.business_system == "住民基本台帳"


def test_move_records_history_with_reason_meeting_and_user(rdb):
    item = new_item(rdb)
    move(rdb, item, "under_review", reason=None)
    with rdb.session() as s, s.begin():
        meeting = create_meeting(s, kind="部会", subcommittee_id=resolve_subcommittee(s, "住民業務"), title="住民業務部会",
                                 held_on=dt.date(2026, 11, 22)).id
    move(rdb, item, "standardized", reason="次期バージョンで標準機能に追加", meeting_id=meeting, by="事務局 田中")
    h = detail(rdb, item).history[-1]
    assert (h.from_label, h.to_label, h.reason, h.meeting_id, h.changed_by) == (
        "検討中", "標準化", "次期バージョンで標準機能に追加", meeting, "事務局 田中")


def test_a_move_naming_an_unknown_meeting_is_refused(rdb):
    item = new_item(rdb)
    move(rdb, item, "under_review", reason=None)
    with pytest.raises(DomainError, match="会議（id 7）が見つかりません"):
        move(rdb, item, "withdrawn", reason="運用で対応", meeting_id=7)
    assert detail(rdb, item).item.status == "under_review"


@pytest.mark.parametrize("path,to,message", [
    ([], "standardized", "「要望」から「標準化」には変更できません: 部会で検討してから判断してください"),
    ([], "customized", "「要望」から「カスタマイズ実施」には変更できません"),
    (["under_review"], "requested", "検討を始めた要望は「要望」に戻せません"),
    (["withdrawn"], "standardized", "「取下げ」から「標準化」には変更できません"),
    (["under_review", "standardized"], "withdrawn", "「標準化」から「取下げ」には変更できません"),
])
def test_each_refused_move_says_why_and_changes_nothing(rdb, path, to, message):
    item = new_item(rdb)
    for step in path:
        move(rdb, item, step)
    before = dump_requests(rdb)
    with pytest.raises(WorkflowError) as err:
        move(rdb, item, to)
    assert message in str(err.value) and str(err.value).startswith("要望 R-0001: ")
    assert dump_requests(rdb) == before


def test_customized_needs_estimate_and_every_paying_members_approvals(rdb):
    item = new_item(rdb)
    join(rdb, item, "五霞町")
    join(rdb, item, "常陸大宮市")
    move(rdb, item, "under_review")
    with pytest.raises(WorkflowError) as err:
        move(rdb, item, "customized", reason="独自施策")
    msg = str(err.value)
    assert "見積額が登録されていません" in msg
    assert "那珂市: 財政課協議の記録、首長決裁の記録" in msg and "五霞町: 財政課協議の記録、首長決裁の記録" in msg
    with rdb.session() as s, s.begin():
        req.update_item(s, item_id=item, estimate=2_400_000)
        req.withdraw_member(s, item_id=item, member_id=member_id(s, "常陸大宮市"), reason="運用で対応")
    approve_all(rdb, item, ["那珂市"])
    with pytest.raises(WorkflowError) as err:
        move(rdb, item, "customized", reason="独自施策")
    assert "五霞町: 財政課協議の記録、首長決裁の記録" in str(err.value)
    assert "那珂市" not in str(err.value).split("（", 1)[1] and "常陸大宮市" not in str(err.value)
    approve_all(rdb, item, ["五霞町"])
    move(rdb, item, "customized", reason="独自施策")
    assert detail(rdb, item).item.status == "customized"


def test_a_reopened_decision_goes_back_to_review_with_its_reason(rdb):
    item = new_item(rdb)
    move(rdb, item, "withdrawn", reason="運用で対応")
    with pytest.raises(WorkflowError, match="決定を見直すには理由が必要です"):
        move(rdb, item, "under_review", reason="")
    move(rdb, item, "under_review", reason="法改正で再検討")
    assert [h.to_status for h in detail(rdb, item).history] == ["requested", "withdrawn", "under_review"]


def test_decided_items_cannot_be_edited_silently(rdb):
    item = new_item(rdb)
    move(rdb, item, "withdrawn", reason="運用で対応")
    with rdb.session() as s, s.begin():
        with pytest.raises(DomainError, match="決定済みのため、編集できません。見直す場合は"):
            req.update_item(s, item_id=item, title="別の名前")


def test_member_withdrawal_and_the_item_withdrawn_when_nobody_remains(rdb):
    item = new_item(rdb)
    join(rdb, item, "五霞町")
    with rdb.session() as s, s.begin():
        req.withdraw_member(s, item_id=item, member_id=member_id(s, "那珂市"), reason="窓口運用で対応",
                            on=dt.date(2026, 5, 1))
    d = detail(rdb, item)
    assert d.item.status == "requested" and d.item.members == ("五霞町",) and d.item.withdrawn_members == ("那珂市",)
    assert d.parts[0].withdrawn_on == dt.date(2026, 5, 1)
    with rdb.session() as s, s.begin():
        with pytest.raises(DomainError, match="すでに取り下げています"):
            req.withdraw_member(s, item_id=item, member_id=member_id(s, "那珂市"), reason="x")
        with pytest.raises(DomainError, match="取下げの理由を入力してください"):
            req.withdraw_member(s, item_id=item, member_id=member_id(s, "五霞町"), reason=" ")
    with rdb.session() as s, s.begin():
        req.withdraw_member(s, item_id=item, member_id=member_id(s, "五霞町"), reason="不要になった")
    d = detail(rdb, item)
    assert d.item.status == "withdrawn" and "すべての団体が要望を取り下げた" in d.history[-1].reason


def test_hearing_notes_and_approvals_are_recorded(rdb):
    item = new_item(rdb)
    with rdb.session() as s, s.begin():
        req.record_hearing(s, item_id=item, member_id=member_id(s, "那珂市"), held_on=dt.date(2026, 4, 10),
                           confirmed="繁忙期のみ月100件程度", confirmed_cases=400)
        with pytest.raises(DomainError, match="参加していません"):
            req.record_hearing(s, item_id=item, member_id=member_id(s, "五霞町"), held_on=dt.date(2026, 4, 10),
                               confirmed="x")
        with pytest.raises(DomainError, match="段階「vote」はありません"):
            req.record_approval(s, item_id=item, member_id=member_id(s, "那珂市"), stage="vote",
                                approved_on=dt.date(2026, 4, 10))
        with pytest.raises(DomainError, match="見積額が未定です"):  # measure 3 judges the member's cost
            req.record_approval(s, item_id=item, member_id=member_id(s, "那珂市"), stage="finance",
                                approved_on=dt.date(2026, 4, 10), reference="財第1号")
        req.update_item(s, item_id=item, estimate=880_000)
    approve_all(rdb, item, ["那珂市"])
    (part,) = detail(rdb, item).parts
    assert part.hearings[0].confirmed_cases == 400
    assert (part.finance.reference, part.mayor.approved_on) == ("財第100号", dt.date(2026, 6, 15))


def test_list_filters(rdb):
    a = new_item(rdb)
    b = new_item(rdb, member="五霞町", code="0200002", content="減免の理由コードを追加", reason="own_policy")
    move(rdb, b, "under_review")
    with rdb.session() as s:
        keys = lambda **kw: [r.key for r in rq.list_item_rows(s, **kw)]  # noqa: E731
        assert keys() == ["R-0001", "R-0002"]
        assert keys(status="under_review") == ["R-0002"]
        assert keys(member_id=member_id(s, "那珂市")) == ["R-0001"]
        assert keys(subcommittee_id=2) == ["R-0002"]  # 税業務
        assert keys(business_system_id=1) == ["R-0001"]
        assert keys(text="減免") == ["R-0002"] and keys(text="ＲＥ-０００１".lower()) == []
        assert keys(text="r-0001") == ["R-0001"]
    assert a != b


def test_resolve_item_by_key_or_id(rdb):
    item = new_item(rdb)
    with rdb.session() as s:
        assert req.resolve_item(s, "R-0001") == item == req.resolve_item(s, str(item))
        with pytest.raises(DomainError, match="要望「R-9999」が見つかりません"):
            req.resolve_item(s, "R-9999")


def _reimport_without(db, codes_kept):
    records = [FunctionRecord(row=i + 2, code=c, name=n, business_system="住民基本台帳")
               for i, (c, n) in enumerate(codes_kept)]
    parsed = ParsedFunctionList("new.csv", None, ColumnMapping(0, {"code": 0, "name": 1}), records)
    with db.session() as s, s.begin():
        plan = function_ops.plan_function_import(s, parsed, business_system="住民基本台帳")
        text = plan.describe()
        function_ops.apply_function_import(s, plan)
    return text


def test_a_reimport_cannot_remove_a_function_with_requests(rdb):
    new_item(rdb)  # on 0010002
    before = dump_requests(rdb)
    with pytest.raises(DomainError) as err:
        _reimport_without(rdb, [("0010001", "住民票の写しの交付")])
    assert "要望項目が登録されている機能は" in str(err.value)
    assert "住民基本台帳 機能ID 0010002（要望 R-0001）" in str(err.value)
    assert dump_requests(rdb) == before
    # Removing a function nobody asked about is still fine.
    text = _reimport_without(rdb, [("0010001", "住民票の写しの交付"), ("0010002", "転入届の受付")])
    assert "削除 1 件" in text


def test_the_plan_lists_the_blocked_functions(rdb):
    new_item(rdb)
    records = [FunctionRecord(row=2, code="0010001", name="住民票の写しの交付", business_system="住民基本台帳")]
    parsed = ParsedFunctionList("new.csv", None, ColumnMapping(0, {"code": 0, "name": 1}), records)
    with rdb.session() as s:
        plan = function_ops.plan_function_import(s, parsed, business_system="住民基本台帳")
    assert plan.blocked == (("住民基本台帳", "0010002", ("R-0001",)),)
    assert "削除できない機能 0010002: 要望 R-0001 が登録されています" in plan.describe()

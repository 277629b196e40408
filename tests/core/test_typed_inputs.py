"""What a user edits is a frozen dataclass (ops.inputs, issue #16 item 2): a misspelt field is a
TypeError where the call is written, not a field silently ignored; each rule returns its problems
per field; a field left UNSET is not changed by an update, while None clears it."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from cloudsuppress.errors import DomainError
from cloudsuppress.ops import meetings as mops
from cloudsuppress.ops import request_queries as rq
from cloudsuppress.ops import requests as req
from cloudsuppress.ops.inputs import meeting_problems
from cloudsuppress.unset import UNSET

from .request_support import PART, dump_requests, member_id, new_item, part_of, rdb  # noqa: F401


def make_meeting(db) -> int:
    with db.session() as s, s.begin():
        return mops.create_meeting(s, kind="部会", title="住民業務部会", held_on=dt.date(2026, 11, 22),
                                   subcommittee_id=mops.resolve_subcommittee(s, "住民業務"), start_time="14:00",
                                   end_time="16:00", place="那珂市役所 第1会議室").id


def stored_meeting(db, meeting_id: int) -> dict[str, object]:
    with db.session() as s:
        m = mops.get_meeting(s, meeting_id)
        return {f.name: getattr(m, f.name) for f in dataclasses.fields(mops.MeetingFields)}


# --- a name the input does not have ---------------------------------------------------------------


@pytest.mark.parametrize("make", [
    lambda: req.PartFields(contents="要望"),
    lambda: req.ItemFields(titel="要望名"),
    lambda: mops.MeetingFields(note="協議内容"),
    lambda: req.MemberPart(1, req.PartFields(), annual_cases=3),
])
def test_a_misspelt_field_is_a_type_error_where_it_is_written(make):
    with pytest.raises(TypeError, match="unexpected keyword argument"):
        make()


def test_the_operations_take_no_loose_field_names(rdb):
    item = new_item(rdb)
    meeting = make_meeting(rdb)
    before, meeting_before = dump_requests(rdb), stored_meeting(rdb, meeting)
    with rdb.session() as s, s.begin():
        with pytest.raises(TypeError):
            mops.update_meeting(s, meeting_id=meeting, notes="協議内容")  # the **fields it used to take
        with pytest.raises(TypeError):
            req.update_member_request(s, item_id=item, member_id=member_id(s, "那珂市"), annual_cases=5)
        with pytest.raises(TypeError):
            req.save_item(s, item_id=item, title="要望名")
    assert dump_requests(rdb) == before and stored_meeting(rdb, meeting) == meeting_before


def test_inputs_are_frozen():
    fields = req.PartFields(content="要望")
    with pytest.raises(dataclasses.FrozenInstanceError):
        fields.content = "別の要望"  # type: ignore[misc]


# --- problems per field -------------------------------------------------------------------------


def test_a_parts_problems_are_per_field_and_unset_counts_as_empty():
    assert req.part_problems(req.PartFields(**PART)) == {}
    assert req.part_problems(req.PartFields(annual_cases=-3)) == {
        field: req.PART_PROBLEM_MESSAGES[field]
        for field in ("content", "reason", "service_drop", "service_drop_detail", "annual_cases")}
    assert set(req.part_problems(req.PartFields(**dict(PART, reason="気分で")))) == {"reason"}


def test_a_meetings_problems_are_per_field():
    good = mops.MeetingFields(kind="council", title="総会", held_on=dt.date(2026, 5, 20), number=1,
                              start_time="14:00", end_time="16:00")
    assert meeting_problems(good) == {}
    bad = mops.MeetingFields(kind="picnic", title="  ", start_time="16:00", end_time="14:00", number=0)
    assert list(meeting_problems(bad)) == ["kind", "title", "held_on", "end_time", "number"]
    assert meeting_problems(dataclasses.replace(good, kind="subcommittee")) == {
        "subcommittee_id": "部会の会議には専門部会を指定してください（--subcommittee）"}  # the CLI's words: the option
    assert meeting_problems(dataclasses.replace(good, kind="working_group", business_system_id=3)) == {}


def test_update_meeting_refuses_with_the_problems_joined_and_writes_nothing(rdb):
    meeting = make_meeting(rdb)
    before = stored_meeting(rdb, meeting)
    with pytest.raises(DomainError) as refused:
        with rdb.session() as s, s.begin():
            mops.update_meeting(s, meeting_id=meeting, fields=mops.MeetingFields(title=" ", end_time="13:00"))
    assert str(refused.value) == "会議名を入力してください。終了時刻は開始時刻より後にしてください（--time 14:00、--end 13:00）。"
    with pytest.raises(DomainError, match="^回数（第N回）は 1 以上で入力してください。$"):
        with rdb.session() as s, s.begin():
            mops.update_meeting(s, meeting_id=meeting, fields=mops.MeetingFields(number=0))
    assert stored_meeting(rdb, meeting) == before


def test_the_item_editors_save_names_each_members_problem(rdb):
    item = new_item(rdb)
    with pytest.raises(DomainError) as refused:
        with rdb.session() as s, s.begin():
            req.save_item(s, item_id=item, parts=[part_of(member_id(s, "那珂市"), content=" "),
                                                  part_of(member_id(s, "五霞町"), **dict(PART, annual_cases=-1))])
    assert str(refused.value).splitlines() == [f"那珂市: {req.PART_PROBLEM_MESSAGES['content']}。",
                                               f"五霞町: {req.PART_PROBLEM_MESSAGES['annual_cases']}。"]


# --- UNSET: not changed ---------------------------------------------------------------------------


def test_a_partial_meeting_edit_leaves_the_other_fields_alone(rdb):
    meeting = make_meeting(rdb)
    with rdb.session() as s, s.begin():
        mops.update_meeting(s, meeting_id=meeting, fields=mops.MeetingFields(notes="方針を確認した。"))
    before = stored_meeting(rdb, meeting)
    with rdb.session() as s, s.begin():
        mops.update_meeting(s, meeting_id=meeting, fields=mops.MeetingFields(place=" 本庁舎3階 ", end_time="17:00"))
    after = stored_meeting(rdb, meeting)
    assert (after["place"], after["end_time"]) == ("本庁舎3階", "17:00")
    assert {k: v for k, v in after.items() if k not in ("place", "end_time")} == {
        k: v for k, v in before.items() if k not in ("place", "end_time")}
    assert after["notes"] == "方針を確認した。"
    with rdb.session() as s, s.begin():  # None is a value: it clears the field
        mops.update_meeting(s, meeting_id=meeting, fields=mops.MeetingFields(place=None, notes=UNSET))
    assert stored_meeting(rdb, meeting) == dict(after, place=None)


def test_a_partial_part_edit_leaves_the_other_fields_alone(rdb):
    item = new_item(rdb)
    with rdb.session() as s:
        (before,) = rq.member_parts(s, item)
    with rdb.session() as s, s.begin():
        req.update_member_request(s, item_id=item, member_id=before.member_id, fields=req.PartFields(annual_cases=5))
    with rdb.session() as s:
        (after,) = rq.member_parts(s, item)
    assert after.annual_cases == 5
    assert [(p.content, p.reason, p.service_drop, p.service_drop_detail, p.workaround) for p in (before, after)] == [
        (PART["content"], PART["reason"], PART["service_drop"], PART["service_drop_detail"], PART["workaround"])] * 2


def test_a_partial_item_edit_leaves_the_title_and_the_function_alone(rdb):
    item = new_item(rdb)
    with rdb.session() as s:
        before = rq.get_item_detail(s, item).item
    with rdb.session() as s, s.begin():
        req.save_item(s, item_id=item, item=req.ItemFields(estimate=330_000))
    with rdb.session() as s:
        after = rq.get_item_detail(s, item).item
    assert after.estimate == 330_000
    assert (after.title, after.function_id) == (before.title, before.function_id)


def test_the_cli_changes_only_the_field_it_names(rdb, capsys):
    from .test_cli import run

    meeting = make_meeting(rdb)
    code, _, err = run(capsys, "--db", rdb.path, "meetings", "next", str(meeting), "--text", "12月中旬", "--date",
                       "2026-12-16")
    assert code == 0, err
    code, out, err = run(capsys, "--db", rdb.path, "meetings", "notes", str(meeting), "--text", " 方針を確認した。 ")
    assert (code, out.strip()) == (0, "協議内容を記録しました。"), err
    stored = stored_meeting(rdb, meeting)
    assert (stored["notes"], stored["next_meeting"], stored["next_meeting_on"]) == (
        "方針を確認した。", "12月中旬", dt.date(2026, 12, 16))
    assert (stored["place"], stored["start_time"]) == ("那珂市役所 第1会議室", "14:00")

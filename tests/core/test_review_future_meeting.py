"""Review R27: a decision could be recorded at a meeting dated after today (while approvals dated
after today were refused). A meeting that has not been held has no outcomes: recording one is
refused naming the meeting and its date and how to fix a wrong date (`meetings edit --date`); on
the meeting's own day it is recorded; a meeting with outcomes cannot be moved after today."""
from __future__ import annotations

import datetime as dt

import pytest

from cloudsuppress.domain.wareki import to_wareki
from cloudsuppress.domain.workflow import Status
from cloudsuppress.errors import DomainError
from cloudsuppress.ops import meetings as meeting_ops
from cloudsuppress.ops import requests as request_ops
from cloudsuppress.ops.inputs import MeetingFields

from .request_support import dump_requests, new_item, rdb  # noqa: F401
from .test_meetings_cli import cli

TODAY = dt.date.today()


@pytest.fixture(autouse=True)
def command_line_words(monkeypatch):
    """The refusal names the command (a GUI test earlier in the process may have set the GUI's words)."""
    from cloudsuppress import wording

    monkeypatch.setattr(wording, "_audience", wording.CLI)


def _meeting(db, held_on: dt.date) -> int:
    with db.session() as s, s.begin():
        sub = meeting_ops.resolve_subcommittee(s, "住民業務")
        mid = meeting_ops.create_meeting(s, kind="subcommittee", title="住民業務部会", held_on=held_on,
                                         subcommittee_id=sub).id
        meeting_ops.build_agenda(s, meeting_id=mid)
    return mid


@pytest.mark.parametrize("outcome,decide", [("decided", Status.WITHDRAWN), ("continued", None), ("information", None)])
def test_no_outcome_at_a_meeting_not_yet_held(rdb, outcome, decide):
    item = new_item(rdb, "那珂市", "0010002")
    later = TODAY + dt.timedelta(days=3)
    mid = _meeting(rdb, later)
    before = dump_requests(rdb)
    with pytest.raises(DomainError) as err, rdb.session() as s, s.begin():
        meeting_ops.record_outcome(s, meeting_id=mid, item_id=item, outcome=outcome, decide=decide, reason="運用で対応")
    assert str(err.value) == (f"「第1回 住民業務部会」は{to_wareki(later)}の会議で、まだ開かれていません。協議結果は会議の当日から"
                              f"記録できます。開催日が誤っていれば、meetings edit {mid} --date で直してください。")
    assert dump_requests(rdb) == before


def test_a_move_referring_to_a_meeting_not_yet_held_is_refused(rdb):
    item = new_item(rdb, "那珂市", "0010002")
    mid = _meeting(rdb, TODAY + dt.timedelta(days=1))
    with pytest.raises(DomainError) as err, rdb.session() as s, s.begin():
        request_ops.move_item(s, item_id=item, to=Status.WITHDRAWN, reason="運用で対応", meeting_id=mid)
    assert "まだ開かれていません。その会議での決定は会議の当日から記録できます" in str(err.value)


def test_on_the_meetings_day_the_outcome_is_recorded_and_the_date_then_stays(rdb, capsys):
    item = new_item(rdb, "那珂市", "0010002")
    mid = _meeting(rdb, TODAY)
    with rdb.session() as s, s.begin():
        meeting_ops.record_outcome(s, meeting_id=mid, item_id=item, outcome="decided", decide=Status.WITHDRAWN,
                                   reason="運用で対応")
    code, out, err = cli(capsys, rdb, "meetings", "edit", str(mid), "--date", (TODAY + dt.timedelta(days=7)).isoformat())
    assert code == 1 and "協議結果が記録されています。開催日を今日より後" in err


def test_a_wrong_date_is_fixed_from_the_command_line_and_the_outcome_then_recorded(rdb, capsys):
    new_item(rdb, "那珂市", "0010002")
    mid = _meeting(rdb, TODAY + dt.timedelta(days=30))  # typed a month ahead
    code, out, err = cli(capsys, rdb, "meetings", "outcome", str(mid), "--item", "R-0001", "--decide", "取下げ",
                         "--reason", "運用で対応")
    assert code == 1 and f"meetings edit {mid} --date で直してください" in err
    code, out, err = cli(capsys, rdb, "meetings", "edit", str(mid), "--date", TODAY.isoformat(), "--time", "14:00-16:00",
                         "--place", "第2会議室")
    assert code == 0 and out.strip() == "会議を更新しました。", err
    code, out, err = cli(capsys, rdb, "meetings", "outcome", str(mid), "--item", "R-0001", "--decide", "取下げ",
                         "--reason", "運用で対応")
    assert code == 0, err
    code, out, err = cli(capsys, rdb, "meetings", "show", str(mid))
    assert f"日時: {to_wareki(TODAY, weekday=True)} 14:00～16:00" in out and "場所: 第2会議室" in out


def test_edit_without_a_field_says_what_it_takes(rdb, capsys):
    mid = _meeting(rdb, TODAY)
    code, out, err = cli(capsys, rdb, "meetings", "edit", str(mid))
    assert code == 1 and "--date、--time、--end、--place、--title" in err


def test_no_discussion_notes_at_a_meeting_not_yet_held(rdb, capsys):  # noqa: F811
    """Walk O5: notes only (協議内容, 未協議) were recorded at a meeting dated after today and then printed in the
    minutes of a meeting not held. Refused as outcomes are (the 協議結果 tab offers neither there, walk O12);
    clearing stays possible, and on the meeting's day they are recorded."""
    item = new_item(rdb, "那珂市", "0010002")
    later = TODAY + dt.timedelta(days=3)
    mid = _meeting(rdb, later)
    for record in (lambda s: meeting_ops.record_outcome(s, meeting_id=mid, item_id=item, outcome=None, notes="事前に整理"),
                   lambda s: meeting_ops.set_item_notes(s, meeting_id=mid, item_id=item, notes="事前に整理")):
        with pytest.raises(DomainError) as err, rdb.session() as s, s.begin():
            record(s)
        assert "まだ開かれていません。協議内容は会議の当日から記録できます" in str(err.value)
    code, _, err = cli(capsys, rdb, "meetings", "outcome", str(mid), "--item", "R-0001", "--clear", "--notes", "事前に整理")
    assert code == 1 and "協議内容は会議の当日から記録できます" in err, err
    with rdb.session() as s, s.begin():  # clearing is no record of a discussion
        meeting_ops.record_outcome(s, meeting_id=mid, item_id=item, outcome=None, notes="")
        meeting_ops.update_meeting(s, meeting_id=mid, fields=MeetingFields(held_on=TODAY))
    with rdb.session() as s, s.begin():
        assert meeting_ops.set_item_notes(s, meeting_id=mid, item_id=item, notes="当日の協議").any

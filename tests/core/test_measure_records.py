"""Correcting the records of measures 1 and 2 (a 庁内説明会 typed with the wrong date, an
attendance recorded twice, an event registered before anyone went): the same operations from the
CLI (`measures list`, `briefing-update`, `briefing-delete`, `event`, `event-delete`,
`selection-remove`) as from the dashboard's 記録の一覧・修正…, each one undo step."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from cloudsuppress.errors import DomainError
from cloudsuppress.ops import measures as mo
from cloudsuppress.ops.undo import undo

from .request_support import member_id, rdb  # noqa: F401
from .test_cli import run


def _records(db):
    with db.session() as s:
        return mo.list_briefings(s), mo.list_selection_events(s)


def test_briefing_corrected_and_deleted_from_the_cli(rdb, capsys):
    with rdb.session() as s, s.begin():
        mo.record_briefing(s, member_id=member_id(s, "那珂市"), held_on=dt.date(2026, 3, 1), attendees=20)
    code, out, err = run(capsys, "--db", rdb.path, "measures", "list", "--json")
    assert (code, err) == (0, "")
    listed = json.loads(out)["briefings"]
    assert [(b["member"], b["held_on"], b["attendees"]) for b in listed] == [("那珂市", "2026-03-01", 20)]
    bid = listed[0]["id"]
    code, out, err = run(capsys, "--db", rdb.path, "measures", "briefing-update", bid, "--date", "令和8年3月2日",
                         "--attendees", "48")
    assert (code, err) == (0, "") and "修正しました" in out
    (b,), _ = _records(rdb)
    assert (b.held_on, b.attendees, b.version) == (dt.date(2026, 3, 2), 48, 2)
    with pytest.raises(SystemExit) as exit_:  # argparse refuses it, in Japanese, before anything opens
        run(capsys, "--db", rdb.path, "measures", "briefing-update", bid, "--attendees", "-1")
    assert exit_.value.code == 2 and "0 以上の整数" in capsys.readouterr().err
    code, _, err = run(capsys, "--db", rdb.path, "measures", "briefing-delete", 999)
    assert code == 1 and "見つかりません" in err
    assert run(capsys, "--db", rdb.path, "measures", "briefing-delete", bid)[0] == 0
    assert _records(rdb)[0] == []
    assert run(capsys, "--db", rdb.path, "undo")[0] == 0
    assert [(b.held_on, b.attendees) for b in _records(rdb)[0]] == [(dt.date(2026, 3, 2), 48)]


def test_selection_event_registered_then_refused_while_attended(rdb, capsys):
    assert run(capsys, "--db", rdb.path, "measures", "event", "--event", "二次選考", "--date", "2025-12-16")[0] == 0
    _, (ev,) = _records(rdb)
    assert (ev.name, ev.held_on, ev.attendees) == ("二次選考", dt.date(2025, 12, 16), ())
    code, out, _ = run(capsys, "--db", rdb.path, "measures", "list")
    assert "二次選考" in out and "参加なし" in out
    code, _, err = run(capsys, "--db", rdb.path, "measures", "event", "--event", "二次選考", "--date", "2025-12-16")
    assert code == 1 and "すでに登録" in err
    with rdb.session() as s, s.begin():
        mo.record_selection_attendance(s, event="二次選考", held_on=dt.date(2025, 12, 16),
                                       member_id=member_id(s, "五霞町"), person="山田太郎")
    _, (ev,) = _records(rdb)
    code, _, err = run(capsys, "--db", rdb.path, "measures", "event-delete", ev.id)
    assert code == 1 and "参加の記録が 1 件" in err
    assert run(capsys, "--db", rdb.path, "measures", "selection-remove", ev.attendees[0].id)[0] == 0
    assert run(capsys, "--db", rdb.path, "measures", "event-delete", ev.id)[0] == 0
    assert _records(rdb)[1] == []


def test_stale_briefing_correction_is_a_conflict(rdb):
    from cloudsuppress.store.concurrency import ConcurrentEditError

    with rdb.session() as s, s.begin():
        bid = mo.record_briefing(s, member_id=member_id(s, "那珂市"), held_on=dt.date(2026, 3, 1), attendees=20).id
    with rdb.session() as s, s.begin():
        mo.update_briefing(s, briefing_id=bid, attendees=30, by="佐藤")
    with pytest.raises(ConcurrentEditError), rdb.session() as s, s.begin():
        mo.update_briefing(s, briefing_id=bid, attendees=40, expected_version=1)
    with pytest.raises(DomainError), rdb.session() as s, s.begin():
        mo.delete_selection_event(s, event_id=12345)
    with rdb.session() as s, s.begin():
        undo(s)
    assert _records(rdb)[0][0].attendees == 20

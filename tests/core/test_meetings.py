"""Meetings from agenda to decisions: create, attend, build and order the agenda from the
subcommittee's undecided items, record outcomes (a decision moves the item through the workflow,
refusals included), warnings, undo, and the schema migration that made meeting_id a real key."""
from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from sqlalchemy import select

from cloudsuppress.domain.models import StatusChange
from cloudsuppress.domain.workflow import WorkflowError
from cloudsuppress.errors import DomainError
from cloudsuppress.ops import meeting_queries as mq
from cloudsuppress.ops import meetings as mops
from cloudsuppress.ops import undo as undo_ops
from cloudsuppress.store.db import open_database

from .request_support import dump_requests, join, member_id, move, new_item, rdb  # noqa: F401


def make_meeting(db, sub="住民業務", **kw) -> int:
    with db.session() as s, s.begin():
        values = dict(kind="部会", title=f"{sub}部会", held_on=dt.date(2026, 11, 22), start_time="14:00",
                      end_time="16:00", place="那珂市役所 第1会議室") | kw
        return mops.create_meeting(s, subcommittee_id=mops.resolve_subcommittee(s, sub), **values).id


@pytest.fixture
def flow(rdb):
    """Three items in 住民業務 (one joined by 五霞町), one in 税業務; a 住民業務 meeting with its agenda built."""
    a = new_item(rdb, "那珂市", "0010002")
    b = new_item(rdb, "常陸大宮市", "0010001")
    c = new_item(rdb, "かすみがうら市", "0010003")
    tax = new_item(rdb, "五霞町", "0200002")
    join(rdb, a, "五霞町")
    move(rdb, c, "under_review", reason=None)
    move(rdb, c, "withdrawn", reason="運用で対応")  # decided before: not on the agenda
    meeting = make_meeting(rdb)
    with rdb.session() as s, s.begin():
        assert mops.build_agenda(s, meeting_id=meeting).added == 2
    return rdb, meeting, dict(a=a, b=b, c=c, tax=tax)


def detail(db, meeting):
    with db.session() as s:
        return mq.get_meeting_detail(s, meeting)


def test_create_numbers_meetings_per_body_and_validates(rdb):
    first = make_meeting(rdb)
    second = make_meeting(rdb)
    other = make_meeting(rdb, "税業務")
    with rdb.session() as s:
        rows = {r.id: r for r in mq.list_meetings(s)}
    assert (rows[first].number, rows[second].number, rows[other].number) == (1, 2, 1)
    assert rows[second].label == "第2回 住民業務部会" and rows[second].kind_label == "部会"
    assert (rows[first].start_time, rows[first].end_time) == ("14:00", "16:00")
    with rdb.session() as s:
        with pytest.raises(DomainError, match="部会の会議には専門部会を指定してください"):
            mops.create_meeting(s, kind="部会", title="x", held_on=dt.date(2026, 1, 1))
        with pytest.raises(DomainError, match="時刻「25:00」を読めません"):
            mops.create_meeting(s, kind="協議会", title="総会", held_on=dt.date(2026, 1, 1), start_time="25:00")
        with pytest.raises(DomainError, match="終了時刻は開始時刻より後に"):
            mops.create_meeting(s, kind="協議会", title="総会", held_on=dt.date(2026, 1, 1), start_time="15:00",
                                end_time="9:00")


def test_agenda_holds_the_undecided_items_of_the_subcommittee_in_order(flow):
    db, meeting, ids = flow
    d = detail(db, meeting)
    assert [r.key for r in d.agenda] == ["R-0001", "R-0002"]  # not R-0003 (decided), not R-0004 (税業務)
    assert [r.outcome_label for r in d.agenda] == ["未協議", "未協議"]
    with db.session() as s, s.begin():
        assert mops.build_agenda(s, meeting_id=meeting).added == 0  # nothing twice
        mops.move_agenda_item(s, meeting_id=meeting, item_id=ids["b"], offset=-1)
        mops.add_agenda_item(s, meeting_id=meeting, item_id=ids["c"])  # a decided item, to report on it
    assert [r.key for r in detail(db, meeting).agenda] == ["R-0002", "R-0001", "R-0003"]
    with db.session() as s, s.begin():
        mops.move_agenda_item(s, meeting_id=meeting, item_id=ids["c"], offset=-5)  # clamped to the top
        mops.remove_agenda_item(s, meeting_id=meeting, item_id=ids["b"])
    rows = detail(db, meeting).agenda
    assert [(r.position, r.key) for r in rows] == [(1, "R-0003"), (2, "R-0001")]
    with db.session() as s:
        with pytest.raises(DomainError, match="すでに「第1回 住民業務部会」の議題にあります"):
            mops.add_agenda_item(s, meeting_id=meeting, item_id=ids["a"])
        with pytest.raises(DomainError, match="すべての要望を一度ずつ指定してください"):
            mops.set_agenda_order(s, meeting_id=meeting, item_ids=[ids["a"]])


def test_a_decision_moves_the_item_with_the_meeting_as_reference(flow):
    db, meeting, ids = flow
    with db.session() as s, s.begin():
        mops.record_outcome(s, meeting_id=meeting, item_id=ids["a"], outcome="decided", decide="under_review",
                            reason="部会で検討を開始", notes="那珂市から件数の説明があった。")
    with db.session() as s, s.begin():
        mops.record_outcome(s, meeting_id=meeting, item_id=ids["b"], outcome="continued", notes="次回までに件数を確認する。")
    d = detail(db, meeting)
    first, second = d.agenda
    assert (first.status, first.outcome_label, first.decision_label, first.notes) == (
        "under_review", "決定", "検討中", "那珂市から件数の説明があった。")
    # 継続審議 starts the review too (the next meeting of the 部会 proposes it first)
    assert (second.status, second.outcome_label) == ("under_review", "継続審議")
    assert [(x.key, x.to_label, x.reason) for x in d.decisions] == [
        ("R-0001", "検討中", "部会で検討を開始"), ("R-0002", "検討中", "第1回 住民業務部会で協議（継続審議）")]
    assert [r.key for r in d.continued] == ["R-0001", "R-0002"]
    with db.session() as s:
        change = s.scalars(select(StatusChange).where(StatusChange.item_id == ids["a"]).order_by(StatusChange.id)).all()[-1]
    assert change.meeting_id == meeting
    assert d.meeting.decided_count == 0  # nothing settled yet: 検討中 is not a decision


def test_the_workflow_refuses_a_decision_in_japanese_and_nothing_changes(flow):
    db, meeting, ids = flow
    before = dump_requests(db)
    with db.session() as s, s.begin():
        with pytest.raises(WorkflowError, match="要望 R-0001: 「要望」から「標準化」には決定できません: 判断するには理由が必要です"):
            mops.record_outcome(s, meeting_id=meeting, item_id=ids["a"], outcome="decided", decide="standardized",
                                reason=" ")
    assert dump_requests(db) == before
    assert detail(db, meeting).agenda[0].outcome is None
    with db.session() as s:
        with pytest.raises(DomainError, match="議題にありません"):
            mops.record_outcome(s, meeting_id=meeting, item_id=ids["tax"], outcome="continued")
        with pytest.raises(DomainError, match="決定内容（変更後の状態）を選んでください"):
            mops.record_outcome(s, meeting_id=meeting, item_id=ids["a"], outcome="decided")


def test_a_recorded_decision_is_not_overwritten_and_undo_takes_it_back(flow):
    db, meeting, ids = flow
    before = dump_requests(db)
    with db.session() as s, s.begin():
        mops.record_outcome(s, meeting_id=meeting, item_id=ids["a"], outcome="decided", decide="withdrawn",
                            reason="運用で対応できる")
    with db.session() as s:
        with pytest.raises(DomainError, match="すでに「取下げ」と決定しています"):
            mops.record_outcome(s, meeting_id=meeting, item_id=ids["a"], outcome="continued")
        with pytest.raises(DomainError, match="決定済みのため、議題から外せません"):
            mops.remove_agenda_item(s, meeting_id=meeting, item_id=ids["a"])
        assert undo_ops.undo_status(s).undo_label == "「第1回 住民業務部会」で要望 R-0001 を取下げと決定"
    with db.session() as s, s.begin():
        ch = undo_ops.undo(s)
    assert ch.meetings and ch.requests
    assert dump_requests(db) == before
    assert detail(db, meeting).agenda[0].outcome is None


def test_a_move_from_the_requests_command_shows_in_the_meetings_decisions(flow):
    db, meeting, ids = flow
    move(db, ids["a"], "under_review", reason=None, meeting_id=meeting)
    move(db, ids["a"], "standardized", reason="次期版で標準機能に追加", meeting_id=meeting)
    d = detail(db, meeting)
    (x,) = d.decisions
    assert (x.key, x.to_label, x.steps, x.reason) == ("R-0001", "標準化", ("要望", "検討中", "標準化"), "次期版で標準機能に追加")
    assert d.agenda[0].outcome_label == "決定" and d.agenda[0].decision_label == "標準化"
    with db.session() as s:
        with pytest.raises(DomainError, match="決定した要望（R-0001）があるため、会議を削除できません"):
            mops.delete_meeting(s, meeting_id=meeting)


def test_warnings_for_missing_secretariat_and_absent_members(flow):
    db, meeting, ids = flow
    codes = [(w.code, w.member) for w in detail(db, meeting).warnings]
    assert codes == [("no_secretariat", None), ("member_absent", "常陸大宮市"), ("member_absent", "那珂市"),
                     ("member_absent", "五霞町")]
    with db.session() as s, s.begin():
        mops.add_attendee(s, meeting_id=meeting, role="secretariat", name="木村 直子", organization="協議会事務局")
        mops.add_attendee(s, meeting_id=meeting, role="member", member_id=member_id(s, "那珂市"), name="佐藤 一郎",
                          title="係長")
        mops.add_attendee(s, meeting_id=meeting, role="vendor", name="山田 健", organization="デモ情報システム")
    d = detail(db, meeting)
    assert [w.member for w in d.warnings] == ["常陸大宮市", "五霞町"]
    assert "五霞町の要望（R-0001）が議題にありますが" in d.warnings[-1].message
    assert [(a.role_label, a.member or a.organization) for a in d.attendees] == [
        ("構成団体", "那珂市"), ("ベンダー", "デモ情報システム"), ("事務局", "協議会事務局")]
    with db.session() as s:
        with pytest.raises(DomainError, match="構成団体の出席者には団体を指定してください"):
            mops.add_attendee(s, meeting_id=meeting, role="member", name="誰か")
        with pytest.raises(DomainError, match="出席者の氏名を入力してください"):
            mops.add_attendee(s, meeting_id=meeting, role="vendor", name=" ")


def test_notes_and_next_meeting(flow):
    db, meeting, ids = flow
    with db.session() as s, s.begin():
        mops.set_meeting_notes(s, meeting_id=meeting, notes="方針を再確認した。", next_meeting="令和8年12月中旬（調整中）",
                               next_meeting_on=dt.date(2026, 12, 16))
        mops.set_item_notes(s, meeting_id=meeting, item_id=ids["b"], notes="件数を確認する。")
    d = detail(db, meeting)
    assert (d.notes, d.next_meeting, d.next_meeting_on) == ("方針を再確認した。", "令和8年12月中旬（調整中）", dt.date(2026, 12, 16))
    assert d.agenda[1].notes == "件数を確認する。"
    with db.session() as s:
        assert mops.set_item_notes(s, meeting_id=meeting, item_id=ids["b"], notes="件数を確認する。").any is False


def test_deleting_an_undecided_meeting_removes_its_agenda_and_attendees_and_undo_restores_them(flow):
    db, meeting, _ = flow
    with db.session() as s, s.begin():
        mops.add_attendee(s, meeting_id=meeting, role="secretariat", name="木村 直子")
    with db.session() as s, s.begin():
        mops.delete_meeting(s, meeting_id=meeting)
    with db.session() as s:
        assert mq.list_meetings(s) == []
    with db.session() as s, s.begin():
        undo_ops.undo(s)
    d = detail(db, meeting)
    assert len(d.agenda) == 2 and len(d.attendees) == 1


def test_migrating_a_0002_database_clears_meeting_ids_that_pointed_nowhere(tmp_path):
    """Databases from before 0003 stored meeting ids without a meetings table (the old demo wrote 1-3)."""
    from alembic import command

    from cloudsuppress.store.db import _alembic_config

    path = tmp_path / "old.sqlite"
    cfg = _alembic_config()
    cfg.set_main_option("sqlalchemy.url", f"sqlite:///{path}")
    import sqlalchemy as sa

    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0002")
    engine.dispose()
    con = sqlite3.connect(path)
    with con:
        con.execute("INSERT INTO subcommittee (id, name, sort_order) VALUES (1, '住民業務', 0)")
        con.execute("INSERT INTO request_item (id, key, title, status, created_at, updated_at) "
                    "VALUES (1, 'R-0001', 't', 'standardized', '2026-01-01', '2026-01-01')")
        for sid, meeting in ((1, None), (2, 2)):
            con.execute("INSERT INTO status_change (id, item_id, from_status, to_status, meeting_id, changed_by, changed_at)"
                        " VALUES (?, 1, NULL, 'requested', ?, 'x', '2026-01-01')", (sid, meeting))
        con.execute("DELETE FROM status_change WHERE id = 2")  # AUTOINCREMENT must not reuse 2
        con.execute("INSERT INTO status_change (id, item_id, from_status, to_status, meeting_id, changed_by, changed_at)"
                    " VALUES (3, 1, 'requested', 'standardized', 3, 'x', '2026-01-02')")
    con.close()
    database = open_database(path)
    try:
        assert database.backup_made is not None
        with database.engine.connect() as conn:
            rows = conn.exec_driver_sql("SELECT id, meeting_id FROM status_change ORDER BY id").all()
            ddl = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE name = 'status_change'").scalar()
        assert rows == [(1, None), (3, None)]
        assert "AUTOINCREMENT" in ddl and "fk_status_change_meeting_id_meeting" in ddl
        with database.session() as s, s.begin():
            s.add(StatusChange(item_id=1, from_status="standardized", to_status="under_review", changed_by="x",
                               changed_at=dt.datetime(2026, 1, 3)))
            s.flush()
            assert s.scalar(select(StatusChange.id).order_by(StatusChange.id.desc())) == 4
    finally:
        database.close()

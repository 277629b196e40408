"""Correcting the member list: edit a member's name, population and join date; remove a member
registered by mistake (refused while requests, attendance or measures refer to it); both undoable."""
from __future__ import annotations

import datetime as dt

import pytest

from cloudsuppress.concurrency import ConcurrentEditError
from cloudsuppress.errors import DomainError
from cloudsuppress.ops import measures as measure_ops
from cloudsuppress.ops import members as member_ops
from cloudsuppress.ops.undo import redo, undo

from .request_support import member_id, new_item, rdb  # noqa: F401


def _names(db) -> list[str]:
    with db.session() as s:
        return [m.name for m in member_ops.list_members(s)]


def test_remove_a_member_added_by_mistake_and_undo_it(rdb):
    with rdb.session() as s, s.begin():
        member_ops.add_member(s, name="大子町", population=16_000, joined_on=dt.date(2026, 4, 1))
    with rdb.session() as s:
        row = next(m for m in member_ops.list_members(s) if m.name == "大子町")
    with rdb.session() as s, s.begin():
        changes = member_ops.remove_member(s, member_id=row.id, expected_version=row.version)
    assert changes.members and "大子町" not in _names(rdb)
    with rdb.session() as s, s.begin():
        undo(s)
    with rdb.session() as s:
        back = next(m for m in member_ops.list_members(s) if m.name == "大子町")
    assert (back.id, back.population, back.joined_on) == (row.id, 16_000, dt.date(2026, 4, 1))
    with rdb.session() as s, s.begin():
        redo(s)
    assert "大子町" not in _names(rdb)


def test_a_member_in_use_is_not_removed(rdb):
    new_item(rdb, "那珂市")
    with rdb.session() as s, s.begin():
        measure_ops.record_briefing(s, member_id=member_id(s, "那珂市"), held_on=dt.date(2026, 4, 20), attendees=30)
    before = _names(rdb)
    with rdb.session() as s, s.begin(), pytest.raises(DomainError) as refused:
        member_ops.remove_member(s, member_id=member_id(s, "那珂市"))
    message = str(refused.value)
    assert "那珂市" in message and "要望 1 件" in message and "庁内説明会の記録 1 件" in message
    assert "編集" in message  # what to do instead
    assert _names(rdb) == before


def test_remove_refuses_a_stale_version(rdb):
    with rdb.session() as s:
        row = next(m for m in member_ops.list_members(s) if m.name == "五霞町")
    with rdb.session() as s, s.begin():
        member_ops.update_member(s, member_id=row.id, population=row.population + 1, expected_version=row.version)
    with rdb.session() as s, s.begin(), pytest.raises(ConcurrentEditError):
        member_ops.remove_member(s, member_id=row.id, expected_version=row.version)
    assert "五霞町" in _names(rdb)


def test_rename_a_member_keeps_its_requests(rdb):
    from cloudsuppress.models import Member, MemberRequest

    item = new_item(rdb, "五霞町")
    with rdb.session() as s, s.begin():
        member_ops.update_member(s, member_id=member_id(s, "五霞町"), name="新五霞町", population=9_000)
    with rdb.session() as s:
        part = s.query(MemberRequest).filter_by(item_id=item).one()
        assert (s.get(Member, part.member_id).name, s.get(Member, part.member_id).population) == ("新五霞町", 9_000)
    assert "新五霞町" in _names(rdb) and "五霞町" not in _names(rdb)
    with rdb.session() as s, s.begin(), pytest.raises(DomainError, match="すでに登録"):
        member_ops.update_member(s, member_id=member_id(s, "新五霞町"), name="那珂市")

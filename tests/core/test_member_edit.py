"""Correcting the member list: edit a member's name, population and join date; remove a member
registered by mistake (refused while requests, attendance or measures refer to it); both undoable."""
from __future__ import annotations

import datetime as dt

import pytest

from cloudsuppress.errors import DomainError
from cloudsuppress.ops import measures as measure_ops
from cloudsuppress.ops import members as member_ops
from cloudsuppress.ops.undo import redo, undo
from cloudsuppress.store.concurrency import ConcurrentEditError

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
    assert "members update" in message or "「編集…」" in message  # what to do instead (wording: test_wording.py)
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
    from cloudsuppress.domain.models import Member, MemberRequest

    item = new_item(rdb, "五霞町")
    with rdb.session() as s, s.begin():
        member_ops.update_member(s, member_id=member_id(s, "五霞町"), name="新五霞町", population=9_000)
    with rdb.session() as s:
        part = s.query(MemberRequest).filter_by(item_id=item).one()
        assert (s.get(Member, part.member_id).name, s.get(Member, part.member_id).population) == ("新五霞町", 9_000)
    assert "新五霞町" in _names(rdb) and "五霞町" not in _names(rdb)
    with rdb.session() as s, s.begin(), pytest.raises(DomainError, match="すでに登録"):
        member_ops.update_member(s, member_id=member_id(s, "新五霞町"), name="那珂市")


def test_cli_members_update_and_remove(rdb, capsys):
    from .test_cli import run

    code, out, err = run(capsys, "--db", rdb.path, "members", "update", "五霞町", "--name", "新五霞町",
                         "--population", "9,000", "--joined", "令和8年4月1日")
    assert (code, err) == (0, "") and "訂正しました" in out
    with rdb.session() as s:
        row = next(m for m in member_ops.list_members(s) if m.name == "新五霞町")
    assert (row.population, row.joined_on) == (9_000, dt.date(2026, 4, 1))
    code, _, err = run(capsys, "--db", rdb.path, "members", "update", "新五霞町")
    assert code == 1 and "--population" in err
    code, _, err = run(capsys, "--db", rdb.path, "members", "update", "新五霞町", "--joined", "令和8年13月1日")
    assert code == 1 and "参加日" in err
    new_item(rdb, "那珂市")
    code, _, err = run(capsys, "--db", rdb.path, "members", "remove", "那珂市")
    assert code == 1 and "要望 1 件" in err and "members update" in err
    run(capsys, "--db", rdb.path, "members", "update", "新五霞町", "--joined", "none")
    with rdb.session() as s:
        assert next(m for m in member_ops.list_members(s) if m.name == "新五霞町").joined_on is None
        member_ops.add_member(s, name="大子町", population=16_000)
        s.commit()
    assert run(capsys, "--db", rdb.path, "members", "remove", "大子町")[0] == 0
    assert "大子町" not in _names(rdb)


def test_cli_structure_add_and_list(rdb, capsys):
    import json

    from .test_cli import run

    code, _, err = run(capsys, "--db", rdb.path, "structure", "add-system", "霊園管理", "--subcommittee", "建設業務")
    assert code == 1 and "専門部会「建設業務」がありません" in err
    code, out, err = run(capsys, "--db", rdb.path, "structure", "add-system", "霊園管理", "--subcommittee", "建設業務",
                         "--new-subcommittee", "--code", "40")
    assert (code, err) == (0, "")
    code, out, _ = run(capsys, "--db", rdb.path, "structure", "list", "--json")
    tree = {t["subcommittee"]: t["systems"] for t in json.loads(out)}
    assert tree["建設業務"] == [{"name": "霊園管理", "code": "40", "working_group": "霊園管理WG", "functions": 0}]
    # One undo takes back both: the system and its new 専門部会.
    assert run(capsys, "--db", rdb.path, "undo")[0] == 0
    code, out, _ = run(capsys, "--db", rdb.path, "structure", "list", "--json")
    assert "建設業務" not in {t["subcommittee"] for t in json.loads(out)}
    code, _, err = run(capsys, "--db", rdb.path, "structure", "add-subcommittee", " ")
    assert code == 1 and "名称を入力" in err

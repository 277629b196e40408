"""Shared mode on a real PostgreSQL server: each user undoes and redoes their own actions,
never a colleague's, and an undo that a colleague's later change depends on is refused with
the database left as it was. (A single-user SQLite file keeps one stack: test_audit_undo.)"""
from __future__ import annotations

import datetime as dt

import pytest

from cloudsuppress.domain.models import RequestItem
from cloudsuppress.errors import DomainError
from cloudsuppress.ops import request_queries as rq
from cloudsuppress.ops import requests as req
from cloudsuppress.ops import undo as undo_ops

from .request_support import PART, dump_requests, function_id, member_id, seed

pytestmark = pytest.mark.postgres

SATO, SUZUKI = "佐藤（事務局）", "鈴木（事務局）"


@pytest.fixture
def pg_rdb(pg_db):
    seed(pg_db)
    return pg_db


def create(db, user: str, code: str, member: str = "那珂市", key: str | None = None) -> int:
    with db.session() as s, s.begin():
        return req.create_item(s, member_id=member_id(s, member), function_id=function_id(s, code), by=user,
                               key=key, **PART).id


def status(db, user: str) -> undo_ops.UndoStatus:
    with db.session() as s:
        return undo_ops.undo_status(s, user=user)


def undo(db, user: str) -> None:
    with db.session() as s, s.begin():
        undo_ops.undo(s, by=user)


def redo(db, user: str) -> None:
    with db.session() as s, s.begin():
        undo_ops.redo(s, by=user)


def keys(db) -> list[str]:
    with db.session() as s:
        return sorted(r.key for r in rq.list_item_rows(s))


def test_each_user_undoes_their_own_newest_action(pg_rdb):
    mine = create(pg_rdb, SATO, "0010001")
    theirs = create(pg_rdb, SUZUKI, "0010002")  # newer, by a colleague
    with pg_rdb.session() as s:
        mine_key, theirs_key = s.get(RequestItem, mine).key, s.get(RequestItem, theirs).key
    assert mine_key in status(pg_rdb, SATO).undo_label and theirs_key in status(pg_rdb, SUZUKI).undo_label
    undo(pg_rdb, SATO)
    assert keys(pg_rdb) == [theirs_key]  # the colleague's newer item stays
    assert status(pg_rdb, SATO).redo_label is not None and status(pg_rdb, SUZUKI).redo_label is None


def test_a_colleagues_new_action_keeps_my_redo(pg_rdb):
    create(pg_rdb, SATO, "0010001", key="R-0101")
    undo(pg_rdb, SATO)
    create(pg_rdb, SUZUKI, "0010002", key="R-0201")  # would clear a single shared redo stack
    assert status(pg_rdb, SATO).can_redo
    redo(pg_rdb, SATO)
    assert len(keys(pg_rdb)) == 2
    create(pg_rdb, SATO, "0010003")  # my own new action clears my redo stack
    undo(pg_rdb, SATO)
    create(pg_rdb, SATO, "0200001")
    assert not status(pg_rdb, SATO).can_redo


def test_a_redo_that_collides_with_a_colleagues_later_row_is_refused(pg_rdb):
    create(pg_rdb, SATO, "0010001")  # R-0001
    undo(pg_rdb, SATO)
    create(pg_rdb, SUZUKI, "0010002")  # the free number R-0001 goes to the colleague's item
    before = dump_requests(pg_rdb)
    with pytest.raises(DomainError, match="やり直せません.*両立しません.*変更していません"):
        redo(pg_rdb, SATO)
    assert dump_requests(pg_rdb) == before


def test_undo_is_refused_when_a_colleague_changed_the_same_data(pg_rdb):
    item = create(pg_rdb, SATO, "0010001")
    with pg_rdb.session() as s, s.begin():
        req.move_item(s, item_id=item, to="under_review", reason="部会で協議", by=SATO)
    with pg_rdb.session() as s, s.begin():  # the colleague edits the same item afterwards
        req.save_item(s, item_id=item, item=req.ItemFields(title="窓口交付の様式追加（修正）"), by=SUZUKI)
    before = dump_requests(pg_rdb)
    with pytest.raises(DomainError, match=f"その後 {SUZUKI} さんが同じデータを変更しています.*変更していません"):
        undo(pg_rdb, SATO)
    assert dump_requests(pg_rdb) == before


def test_undo_that_a_colleagues_rows_depend_on_is_refused_and_changes_nothing(pg_rdb):
    item = create(pg_rdb, SATO, "0010001")
    with pg_rdb.session() as s, s.begin():  # the colleague records a hearing on the new item
        req.record_hearing(s, item_id=item, member_id=member_id(s, "那珂市"), held_on=dt.date(2026, 11, 20),
                           confirmed="件数を確認した。", by=SUZUKI)
    before = dump_requests(pg_rdb)
    with pytest.raises(DomainError, match="元に戻せません.*変更していません"):
        undo(pg_rdb, SATO)
    assert dump_requests(pg_rdb) == before
    # The colleague can still undo their own hearing, after which mine can go too.
    undo(pg_rdb, SUZUKI)
    undo(pg_rdb, SATO)
    assert keys(pg_rdb) == []

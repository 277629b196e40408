"""Two users, one server: exactly one of two simultaneous saves wins and the other gets
ConcurrentEditError; N writers in parallel lose no update; two imports of one system never
interleave."""
from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select

from cloudsuppress.domain.models import AuditAction, BusinessSystem, Function, RequestItem
from cloudsuppress.errors import ConcurrentEditError
from cloudsuppress.importers.function_list import ColumnMapping, FunctionRecord, ParsedFunctionList
from cloudsuppress.ops import functions as function_ops
from cloudsuppress.ops import request_queries as rq
from cloudsuppress.ops import requests as req
from cloudsuppress.ops import undo as undo_ops
from cloudsuppress.store.db import open_database

from .request_support import new_item, seed

pytestmark = pytest.mark.postgres

WRITERS = 8
INCREMENTS = 50


@pytest.fixture
def pg_rdb(pg_db):
    seed(pg_db)
    return pg_db


def test_two_users_save_the_same_item_at_once_exactly_one_wins(pg_url, pg_rdb):
    item = new_item(pg_rdb)
    users = [open_database(pg_url), open_database(pg_url)]  # two app instances, two connections
    try:
        sessions = [u.session() for u in users]
        for s in sessions:
            s.begin()
        # Both read the item (version 1) inside their own transaction...
        items = [s.get(RequestItem, item) for s in sessions]
        assert [i.version for i in items] == [1, 1]
        items[0].title = "佐藤さんの要望名"
        sessions[0].flush()  # user 1 writes first and holds the row lock
        outcome: dict[str, object] = {}

        def second():
            try:
                items[1].title = "鈴木さんの要望名"
                sessions[1].flush()  # waits for user 1's commit, then finds version 2
                sessions[1].commit()
                outcome["result"] = "saved"
            except ConcurrentEditError as exc:
                sessions[1].rollback()
                outcome["result"] = exc

        t = threading.Thread(target=second)
        t.start()
        t.join(0.5)
        assert t.is_alive()  # really blocked on the row lock, not finished early
        sessions[0].commit()
        t.join(10)
        err = outcome["result"]
        assert isinstance(err, ConcurrentEditError)
        assert err.current["title"] == "佐藤さんの要望名" and err.attempted == {"title": "鈴木さんの要望名"}
        assert (err.expected_version, err.current_version) == (1, 2)
        for s in sessions:
            s.close()
    finally:
        for u in users:
            u.close()
    with pg_rdb.session() as s:
        got = s.get(RequestItem, item)
        assert (got.title, got.version) == ("佐藤さんの要望名", 2)


def test_two_dialogs_saving_with_the_version_they_showed(pg_url, pg_rdb):
    """The editor's path: both dialogs showed version 1; the second save is refused, not merged."""
    item = new_item(pg_rdb)
    with pg_rdb.session() as s:
        shown = rq.get_item_row(s, item).version
    results = []
    barrier = threading.Barrier(2)

    def save(estimate: int) -> None:
        db = open_database(pg_url)
        try:
            barrier.wait()
            with db.session() as s, s.begin():
                req.update_item(s, item_id=item, estimate=estimate, expected_version=shown)
            results.append(("saved", estimate))
        except ConcurrentEditError as exc:
            results.append(("conflict", exc.current["estimate"]))
        finally:
            db.close()

    threads = [threading.Thread(target=save, args=(e,)) for e in (100, 200)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(r[0] for r in results) == ["conflict", "saved"]
    winner = next(r[1] for r in results if r[0] == "saved")
    assert next(r[1] for r in results if r[0] == "conflict") == winner  # the loser sees the winner's value
    with pg_rdb.session() as s:
        assert s.get(RequestItem, item).estimate == winner


def test_n_writers_in_parallel_lose_no_update(pg_url, pg_rdb):
    """8 writers × 50 increments of the estimate, each read-modify-write through update_item with the
    version it read, retrying on conflict: the final count is exactly 400."""
    item = new_item(pg_rdb, estimate=0)
    conflicts = [0] * WRITERS
    errors: list[BaseException] = []
    start = threading.Barrier(WRITERS)

    def writer(n: int) -> None:
        try:
            start.wait()
            done = 0
            while done < INCREMENTS:
                try:
                    with pg_rdb.session() as s, s.begin():
                        row = s.get(RequestItem, item)
                        req.update_item(s, item_id=item, estimate=row.estimate + 1, by=f"writer{n}",
                                        expected_version=row.version)
                    done += 1
                except ConcurrentEditError:
                    conflicts[n] += 1
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            errors.append(exc)

    pg_rdb.engine.pool.dispose()
    threads = [threading.Thread(target=writer, args=(n,)) for n in range(WRITERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(240)
    assert not errors, errors
    total = WRITERS * INCREMENTS
    with pg_rdb.session() as s:
        got = s.get(RequestItem, item)
        assert got.estimate == total  # no update lost
        assert got.version == 1 + total  # and none applied twice
        edits = s.scalar(select(func.count()).select_from(AuditAction).where(AuditAction.label == "要望 R-0001 を編集"))
        assert edits == total  # one audited, undoable action per increment
    assert sum(conflicts) > 0  # the writers really raced


def _plan(s, names: list[str], source: str):
    records = [FunctionRecord(row=i + 2, code=f"{i + 1:07d}", name=n, business_system="住民基本台帳")
               for i, n in enumerate(names)]
    parsed = ParsedFunctionList(source, None, ColumnMapping(0, {"code": 0, "name": 1, "business_system": 2}), records)
    return function_ops.plan_function_import(s, parsed)


def test_a_function_import_planned_before_another_users_import_is_refused(pg_url, pg_rdb):
    """The bulk import bypasses the ORM; it claims each business system's version instead."""
    with pg_rdb.session() as s:
        stale_plan = _plan(s, [f"A版の機能{i}" for i in range(50)], "a.xlsx")
    with pg_rdb.session() as s, s.begin():
        function_ops.apply_function_import(s, _plan(s, [f"B版の機能{i}" for i in range(40)], "b.xlsx"))
    with pytest.raises(ConcurrentEditError, match="業務「住民基本台帳」"):
        with pg_rdb.session() as s, s.begin():
            function_ops.apply_function_import(s, stale_plan)
    with pg_rdb.session() as s:
        names = set(s.scalars(select(Function.name).join(BusinessSystem).where(BusinessSystem.name == "住民基本台帳")))
        assert names == {f"B版の機能{i}" for i in range(40)}  # the other import, whole; nothing of the stale one
        s.rollback()
    # and an undo of that import also moves the version on
    with pg_rdb.session() as s:
        plan = _plan(s, ["C"], "c.xlsx")
    with pg_rdb.session() as s, s.begin():
        undo_ops.undo(s)
    with pytest.raises(ConcurrentEditError):
        with pg_rdb.session() as s, s.begin():
            function_ops.apply_function_import(s, plan)


def test_two_simultaneous_imports_of_one_system_never_interleave(pg_url, pg_rdb):
    results = []
    barrier = threading.Barrier(2)

    def run(tag: str, count: int) -> None:
        db = open_database(pg_url)
        try:
            with db.session() as s:
                plan = _plan(s, [f"{tag}{i}" for i in range(count)], f"{tag}.xlsx")
            barrier.wait()
            with db.session() as s, s.begin():
                function_ops.apply_function_import(s, plan)
            results.append(tag)
        except ConcurrentEditError:
            results.append("conflict")
        finally:
            db.close()

    threads = [threading.Thread(target=run, args=a) for a in (("X", 300), ("Y", 200))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(results, key=str.lower)[0] == "conflict" and len(results) == 2
    winner = next(r for r in results if r != "conflict")
    with pg_rdb.session() as s:
        names = list(s.scalars(select(Function.name).join(BusinessSystem).where(BusinessSystem.name == "住民基本台帳")))
    assert len(names) == (300 if winner == "X" else 200) and all(n.startswith(winner) for n in names)

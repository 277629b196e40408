"""Parallel users on the PostgreSQL server never see an IntegrityError and never get duplicate
numbers (issue 17, finding 8): 8 request imports without 要望番号, 8 approvals of one member's
part, 8 `meetings create` without a number, each from its own connection and thread, all released
at once. The window between reading "the highest number so far" and writing the new row is
widened (a sleep) so that without the lock the race is not a matter of luck."""
from __future__ import annotations

import datetime as dt
import threading
import time

import pytest
from sqlalchemy import func, select

from cloudsuppress.domain.models import Approval, Meeting, RequestItem
from cloudsuppress.importers.requests import RequestRecord
from cloudsuppress.ops import meetings as meeting_ops
from cloudsuppress.ops import request_import as import_ops
from cloudsuppress.ops import requests as req
from cloudsuppress.store.db import open_database

from .request_support import PART, member_id, new_item, seed

pytestmark = pytest.mark.postgres

WRITERS = 8
WINDOW = 0.15  # seconds between reading the highest number and writing the row


@pytest.fixture
def pg_rdb(pg_db):
    seed(pg_db)
    return pg_db


def in_parallel(pg_url, work) -> list[object]:
    """Run work(session, i) for i in 0..7, each on its own Database (an app instance) and thread,
    started together, one transaction each; return what each returned or raised."""
    databases = [open_database(pg_url) for _ in range(WRITERS)]
    start = threading.Barrier(WRITERS)
    results: list[object] = [None] * WRITERS

    def run(i: int) -> None:
        start.wait()
        try:
            with databases[i].session() as s, s.begin():
                results[i] = work(s, i)
        except Exception as exc:  # noqa: BLE001 - the test reports every failure
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(WRITERS)]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
    finally:
        for d in databases:
            d.close()
    return results


def slow(monkeypatch, module, name: str) -> None:
    """Widen the race window: module.name sleeps before doing what it did."""
    original = getattr(module, name)

    def sleeping(*args, **kwargs):
        time.sleep(WINDOW)
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, sleeping)


def record(i: int) -> RequestRecord:
    return RequestRecord(file=f"要望票_{i}.xlsx", sheet="要望", row=5, columns={}, key=None,
                         member=["常陸大宮市", "那珂市", "かすみがうら市", "五霞町"][i % 4], function_code=None,
                         business_system="住民基本台帳", title=f"独自様式の追加 {i}",
                         content=PART["content"], reason=PART["reason"], service_drop=True,
                         service_drop_detail=PART["service_drop_detail"], annual_cases=None, workaround=None,
                         estimate=None)


def test_parallel_request_imports_without_keys_get_distinct_numbers(pg_url, pg_rdb, monkeypatch):
    original_next_key = req.next_key

    def next_key_then_wait(*args, **kwargs):  # read the highest number, then dawdle before inserting
        key = original_next_key(*args, **kwargs)
        time.sleep(WINDOW)
        return key

    monkeypatch.setattr(req, "next_key", next_key_then_wait)

    def work(s, i):
        plan = import_ops.plan_request_import(s, [record(i)])
        import_ops.apply_request_import(s, plan, by=f"職員{i}")
        return "ok"

    results = in_parallel(pg_url, work)
    assert results == ["ok"] * WRITERS, [repr(r) for r in results]
    with pg_rdb.session() as s:
        keys = sorted(s.scalars(select(RequestItem.key)))
    assert keys == [f"R-{n:04d}" for n in range(1, WRITERS + 1)]


def test_parallel_approvals_of_one_part_record_it_once(pg_url, pg_rdb, monkeypatch):
    item = new_item(pg_rdb)
    with pg_rdb.session() as s, s.begin():
        req.update_item(s, item_id=item, estimate=1_000_000)
        member = member_id(s, "那珂市")
    slow(monkeypatch, req, "check_approval")  # after reading the recorded approvals, before writing

    def work(s, i):
        req.record_approval(s, item_id=item, member_id=member, stage="finance", approved_on=dt.date(2026, 6, 1 + i),
                            reference=f"財第{100 + i}号", by=f"職員{i}")
        return "ok"

    results = in_parallel(pg_url, work)
    assert results == ["ok"] * WRITERS, [repr(r) for r in results]
    with pg_rdb.session() as s:
        rows = s.scalars(select(Approval)).all()
    assert len(rows) == 1 and rows[0].stage == "finance"  # the last writer's date and number stand
    assert rows[0].reference in {f"財第{100 + i}号" for i in range(WRITERS)}


def test_parallel_meetings_get_distinct_numbers(pg_url, pg_rdb, monkeypatch):
    with pg_rdb.session() as s, s.begin():
        meeting_ops.create_meeting(s, kind="協議会", title="総会", held_on=dt.date(2026, 4, 1))
    slow(monkeypatch, meeting_ops, "_now")  # called after the number is settled, before the insert

    def work(s, i):
        return meeting_ops.create_meeting(s, kind="協議会", title="総会", held_on=dt.date(2026, 5, 1 + i)).id

    results = in_parallel(pg_url, work)
    assert all(isinstance(r, int) for r in results), [repr(r) for r in results]
    with pg_rdb.session() as s:
        numbers = sorted(s.scalars(select(Meeting.number)))
        assert s.scalar(select(func.count()).select_from(Meeting)) == WRITERS + 1
    assert numbers == list(range(1, WRITERS + 2))

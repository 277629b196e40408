"""The request import writes in bulk (one statement per table) but must leave exactly what the
per-row operations left: the same rows with the same ids, the same audit trail, and an undo and
redo that take all of it back and forth. The reference below is the import as it was written
before, one operation per member row."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import text

from cloudsuppress.domain import audit
from cloudsuppress.errors import DomainError
from cloudsuppress.importers.requests import read_request_files
from cloudsuppress.ops import request_import as imp
from cloudsuppress.ops import request_queries as rq
from cloudsuppress.ops import requests as req
from cloudsuppress.ops import undo as undo_ops
from cloudsuppress.ops.consortium import create_consortium
from cloudsuppress.reports.request_template_xlsx import COLUMNS, EXTRA_COLUMNS
from cloudsuppress.store.db import open_database

from .conftest import write_csv
from .request_support import dump_requests, function_id, member_id, new_item, seed

NOW = dt.datetime(2026, 12, 7, 10, 30, 0)
HEADER = [*COLUMNS, *EXTRA_COLUMNS]


def _row(key, member, code, title, content, annual=1200, estimate="", system=""):  # noqa: ANN001, ANN202
    return [key, member, code, title, content, "住民サービス水準の維持", "低下する", "窓口で待ち時間が延びる。", annual,
            "別紙で対応", estimate, system]


def _per_row_apply(s, plan, *, by=None):  # noqa: ANN001, ANN202 - the import before it wrote in bulk
    with audit.action(s, f"要望票の取り込み（{'、'.join(plan.files)}）", by=by):
        for item in plan.items:
            item_id = item.item_id
            for part in item.parts:
                r = part.record
                values = dict(content=r.content, reason=r.reason, service_drop=r.service_drop,
                              service_drop_detail=r.service_drop_detail, annual_cases=r.annual_cases,
                              workaround=r.workaround)
                if item_id is None:
                    item_id = req.create_item(
                        s, member_id=part.member_id, title=item.title, function_id=item.function_id,
                        business_system_id=item.business_system_id, proposed_function=item.proposed_function,
                        estimate=item.estimate, key=None if item.generated_key else item.key,
                        allow_duplicate=True, by=by, **values).id
                elif part.action in ("add", "join"):
                    req.join_item(s, item_id=item_id, member_id=part.member_id, by=by, **values)
                elif part.action == "update":
                    req.update_member_request(s, item_id=item_id, member_id=part.member_id, by=by,
                                              fields=req.PartFields(**values))
            if item.item_id is not None and item.estimate_changed:
                req.update_item(s, item_id=item.item_id, estimate=item.estimate, by=by)
        s.flush()


def _database(path: Path):  # noqa: ANN202
    """Members, functions, R-0001 (那珂市 on 0010002) and R-0002 (常陸大宮市, 五霞町 withdrawn)."""
    database = open_database(path)
    with database.session() as s, s.begin():
        create_consortium(s, name="テスト協議会", preset="ibaraki33")
    seed(database)
    new_item(database)
    second = new_item(database, member="常陸大宮市", code="0200002")
    with database.session() as s, s.begin():
        req.join_item(s, item_id=second, member_id=member_id(s, "五霞町"), content="減免の区分", reason="own_policy",
                      service_drop=False, service_drop_detail="独自施策", annual_cases=None)
        req.withdraw_member(s, item_id=second, member_id=member_id(s, "五霞町"), reason="運用で対応")
    return database


def _files(tmp_path: Path) -> list[Path]:
    return [
        write_csv(tmp_path / "要望票_那珂市.csv", [HEADER,
            _row("R-0100", "那珂市", "0010001", "交付番号の印字", "受付番号を印字してほしい。", estimate="880,000"),
            _row("R-0001", "那珂市", "0010002", "", "転入届の様式を追加してほしい。", annual=900, estimate="1,600,000")]),
        write_csv(tmp_path / "要望票_常陸大宮市.csv", [HEADER,
            _row("R-0100", "常陸大宮市", "0010001", "", "同じく受付番号。"),  # merged into R-0100
            _row("", "常陸大宮市", "0010002", "", "転入届の欄を増やしたい。"),  # joins the open R-0001
            _row("", "常陸大宮市", "", "住民票の英語表記", "英語の証明書を出したい。", system="住民基本台帳")]),
        write_csv(tmp_path / "要望票_五霞町.csv", [HEADER,
            _row("R-0002", "五霞町", "0200002", "", "やはり減免の区分が要る。", annual=30),  # asks again
            _row("R-0100", "五霞町", "0010001", "", "受付番号が要る。", annual="")]),
    ]


def _trail(database, *, after: int = 0) -> list[tuple]:  # noqa: ANN001
    """The audit trail of the actions after ``after`` (the set-up's own trail has clock times in it)."""
    with database.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(
            "SELECT a.id, a.label, a.kind, a.state, c.seq, c.table_name, c.row_id, c.op, c.field, c.old_value, "
            "c.new_value, c.item_id FROM audit_change c JOIN audit_action a ON a.id = c.action_id "
            "WHERE a.id > :after ORDER BY a.id, c.seq"), {"after": after})]


def _last_action(database) -> int:  # noqa: ANN001
    with database.engine.connect() as conn:
        return conn.execute(text("SELECT max(id) FROM audit_action")).scalar()


@pytest.fixture
def frozen_clock(monkeypatch):
    """The operations' clock: NOW while the database is set up; the test moves it on for the import
    (so that the import's changes of 更新日時 are in the trail, as in real use)."""
    clock = {"now": NOW}
    monkeypatch.setattr(req, "_now", lambda: clock["now"])
    monkeypatch.setattr(req, "now", lambda: clock["now"])
    return clock


def test_bulk_import_writes_what_the_per_row_operations_wrote_and_undo_redo_match(tmp_path, frozen_clock):
    files = _files(tmp_path)
    results = {}
    for name, apply in (("per_row", _per_row_apply), ("bulk", imp.apply_request_import)):
        frozen_clock["now"] = NOW
        database = _database(tmp_path / f"{name}.sqlite")
        before, set_up = dump_requests(database), _last_action(database)
        frozen_clock["now"] = NOW + dt.timedelta(hours=1)
        with database.session() as s, s.begin():
            plan = imp.plan_request_import(s, read_request_files(files))
            apply(s, plan)
        assert (plan.new_items, plan.count("add"), plan.count("join"), plan.count("update")) == (2, 4, 2, 1)
        after = dump_requests(database)
        with database.engine.connect() as conn:  # the row versions an editor open meanwhile compares with
            versions = [tuple(r) for table in ("request_item", "member_request")
                        for r in conn.execute(text(f"SELECT '{table}', id, version FROM {table} ORDER BY id"))]
        with database.session() as s, s.begin():
            undo_ops.undo(s)
        undone = dump_requests(database)
        with database.session() as s, s.begin():
            undo_ops.redo(s)
        # The trail of the import, of its undo and of its redo.
        results[name] = (before, after, versions, _trail(database, after=set_up), undone, dump_requests(database))
        with database.session() as s:
            item = rq.list_item_rows(s, text="R-0100")[0]
            assert item.members == ("常陸大宮市", "那珂市", "五霞町") and item.estimate == 880_000
            assert rq.list_item_rows(s, text="R-0002")[0].members == ("常陸大宮市", "五霞町")
        database.close()
    before, after, _, _, undone, redone = results["bulk"]
    assert undone == before and redone == after and after != before
    assert results["bulk"] == results["per_row"]


def test_a_stale_plan_is_refused_whole(tmp_path, frozen_clock):
    """A plan made before a colleague took its 要望番号 is refused as create_item refused it, and
    nothing of it is written."""
    database = _database(tmp_path / "stale.sqlite")
    before = dump_requests(database)
    with database.session() as s:
        plan = imp.plan_request_import(s, read_request_files(_files(tmp_path)))
    new_item(database, member="五霞町", code="0010003", key="R-0100")
    taken = dump_requests(database)
    with pytest.raises(DomainError, match="要望番号「R-0100」はすでに使われています"):
        with database.session() as s, s.begin():
            imp.apply_request_import(s, plan)
    assert dump_requests(database) == taken != before
    database.close()


def test_five_hundred_rows_over_several_chunks_undo_to_nothing(tmp_path, frozen_clock):
    """More items than one IN (...) chunk of ids: every row and trail entry found, undone whole."""
    database = _database(tmp_path / "many.sqlite")
    before = dump_requests(database)
    rows = [HEADER]
    for n in range(1, 1201):
        rows.append(_row(f"K-{n:04d}", "那珂市", "0010001", f"要望{n}", f"内容{n}"))
        rows.append(_row(f"K-{n:04d}", "五霞町", "0010001", "", f"内容{n}"))
    path = write_csv(tmp_path / "many.csv", rows)
    with database.session() as s, s.begin():
        imp.apply_request_import(s, imp.plan_request_import(s, read_request_files([path])))
    with database.session() as s:
        assert len(rq.list_item_rows(s)) == 1202
        assert rq.list_item_rows(s, text="K-1200")[0].members == ("那珂市", "五霞町")
        fid = function_id(s, "0010001")
    after = dump_requests(database)
    assert len(after["member_request"]) == len(before["member_request"]) + 2400
    assert {r[2] for r in after["request_item"] if r[1].startswith("K-")} == {fid}
    with database.session() as s, s.begin():
        undo_ops.undo(s)
    assert dump_requests(database) == before
    database.close()


def test_bulk_import_on_postgresql_is_undone_and_redone_whole(pg_db, tmp_path, frozen_clock):
    """The driver-level inserts on the server: its types (timestamps, booleans) as the ORM writes them,
    the merged item, and undo/redo of the whole import."""
    seed(pg_db)
    new_item(pg_db)
    second = new_item(pg_db, member="常陸大宮市", code="0200002")
    with pg_db.session() as s, s.begin():
        req.join_item(s, item_id=second, member_id=member_id(s, "五霞町"), content="減免の区分", reason="own_policy",
                      service_drop=False, service_drop_detail="独自施策", annual_cases=None)
        req.withdraw_member(s, item_id=second, member_id=member_id(s, "五霞町"), reason="運用で対応")
    before = dump_requests(pg_db)
    frozen_clock["now"] = NOW + dt.timedelta(hours=1)
    with pg_db.session() as s, s.begin():
        imp.apply_request_import(s, imp.plan_request_import(s, read_request_files(_files(tmp_path))))
    after = dump_requests(pg_db)
    with pg_db.session() as s:
        item = rq.list_item_rows(s, text="R-0100")[0]
        assert item.members == ("常陸大宮市", "那珂市", "五霞町") and item.estimate == 880_000
        parts = {p.member: p for p in rq.member_parts(s, item.id)}
        assert parts["那珂市"].service_drop is True and parts["那珂市"].annual_cases == 1200
    created = [r for r in after["request_item"] if r[1] == "R-0100"][0]
    assert NOW + dt.timedelta(hours=1) in created  # the timestamp stored as a timestamp
    with pg_db.session() as s, s.begin():
        undo_ops.undo(s)
    assert dump_requests(pg_db) == before
    with pg_db.session() as s, s.begin():
        undo_ops.redo(s)
    assert dump_requests(pg_db) == after

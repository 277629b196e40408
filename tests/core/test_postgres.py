"""Shared mode on a real PostgreSQL server: the same migrations, the core flows (demo, function
import of 30,000 rows, requests, undo and redo), the CLI with a URL, change notices, masked URLs."""
from __future__ import annotations

import time

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, select, text

from cloudsuppress.cli import main as cli_main
from cloudsuppress.demo import create_demo, generate_function_records
from cloudsuppress.domain.models import AuditAction, Base, BusinessSystem, Function, RequestItem
from cloudsuppress.errors import DatabaseError, DomainError
from cloudsuppress.importers.function_list import ColumnMapping, ParsedFunctionList
from cloudsuppress.ops import functions as function_ops
from cloudsuppress.ops import request_queries as rq
from cloudsuppress.ops import requests as req
from cloudsuppress.ops import undo as undo_ops
from cloudsuppress.ops.summary import outcome_table
from cloudsuppress.store import sync
from cloudsuppress.store.db import head_revision, mask_url, open_database

from .request_support import dump_requests, join, member_id, move, new_item, seed

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_rdb(pg_db):
    seed(pg_db)
    return pg_db


def test_the_whole_migration_chain_runs_and_matches_the_models(pg_db):
    with pg_db.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True, "compare_server_default": True})
        assert ctx.get_current_revision() == head_revision()
        assert compare_metadata(ctx, Base.metadata) == []
        assert conn.execute(text("SELECT count(*) FROM business_system")).scalar() >= 33
    assert pg_db.is_shared and pg_db.path is None and pg_db.warnings == ()


def test_reopening_an_up_to_date_server_database_migrates_nothing(pg_url, pg_db):
    again = open_database(pg_url, create=False)
    try:
        assert again.backup_made is None
        with again.session() as s:
            assert s.scalar(select(func.count()).select_from(BusinessSystem)) >= 33
    finally:
        again.close()


def test_requests_flow_and_undo_redo(pg_rdb):
    item = new_item(pg_rdb)
    join(pg_rdb, item, "五霞町")
    move(pg_rdb, item, "under_review")
    with pg_rdb.session() as s, s.begin():
        req.withdraw_member(s, item_id=item, member_id=member_id(s, "五霞町"), reason="運用で対応")
        req.withdraw_member(s, item_id=item, member_id=member_id(s, "那珂市"), reason="運用で対応")
    with pg_rdb.session() as s:
        assert rq.get_item_row(s, item).status == "withdrawn"
        assert outcome_table(s).consortium.withdrawn == 1
    snapshot = dump_requests(pg_rdb)
    with pg_rdb.session() as s, s.begin():
        undo_ops.undo(s)
    with pg_rdb.session() as s:
        assert rq.get_item_row(s, item).status == "under_review"
    with pg_rdb.session() as s, s.begin():
        undo_ops.redo(s)
    assert dump_requests(pg_rdb) == snapshot


def test_the_demo_and_a_30000_row_import_with_undo(pg_db):
    with pg_db.engine.begin() as conn:  # the demo creates its own consortium
        conn.exec_driver_sql("TRUNCATE consortium, business_system, subcommittee, audit_change, audit_action CASCADE")
    with pg_db.session() as s, s.begin():
        create_demo(s, functions=300)
    with pg_db.session() as s:
        systems = [(b.name, b.subcommittee.name) for b in s.scalars(select(BusinessSystem).order_by(BusinessSystem.sort_order))]
        assert s.scalar(select(func.count()).select_from(RequestItem)) > 0
    records = generate_function_records(systems, 30_000, seed=7)
    parsed = ParsedFunctionList("30000.xlsx", None, ColumnMapping(0, {"code": 0, "name": 1, "business_system": 2}), records)
    started = time.perf_counter()
    with pg_db.session() as s, s.begin():
        plan = function_ops.plan_function_import(s, parsed, spec_version="第2.0版")
        assert plan.blocked_message() is None
        function_ops.apply_function_import(s, plan)
    elapsed = time.perf_counter() - started
    with pg_db.session() as s:
        assert s.scalar(select(func.count()).select_from(Function)) == 30_000
    assert elapsed < 60, elapsed
    with pg_db.session() as s, s.begin():
        assert undo_ops.undo_status(s).undo_label == "機能一覧の取り込み（30000.xlsx）"
        undo_ops.undo(s)
    with pg_db.session() as s:
        assert s.scalar(select(func.count()).select_from(Function)) == 300
    with pg_db.session() as s, s.begin():
        undo_ops.redo(s)
    with pg_db.session() as s:
        assert s.scalar(select(func.count()).select_from(Function)) == 30_000


def test_the_cli_takes_a_url(pg_url, pg_rdb, capsys):
    item = new_item(pg_rdb)
    with pg_rdb.session() as s:
        key = s.get(RequestItem, item).key
    assert cli_main(["--db", pg_url, "requests", "move", key, "--to", "under_review", "--reason", "部会で協議"]) == 0
    assert cli_main(["--db", pg_url, "requests", "list", "--json"]) == 0
    out = capsys.readouterr().out
    assert '"status": "under_review"' in out
    assert cli_main(["--db", pg_url, "undo"]) == 0
    with pg_rdb.session() as s:
        assert s.get(RequestItem, item).status == "requested"


def test_a_password_in_a_url_is_never_shown(capsys):
    url = "postgresql+psycopg://secretary:s3cret-pw@127.0.0.1:1/nowhere"
    assert "s3cret-pw" not in mask_url(url) and "***" in mask_url(url)
    with pytest.raises(DatabaseError) as err:
        open_database(url)
    assert "s3cret-pw" not in str(err.value) and "接続できません" in str(err.value)
    assert cli_main(["--db", url, "summary"]) == 1
    captured = capsys.readouterr()
    assert "s3cret-pw" not in captured.err + captured.out and "***" in captured.err


def test_the_change_marker_moves_on_with_every_commit_of_another_user(pg_url, pg_rdb):
    other = open_database(pg_url)
    try:
        with other.session() as s:
            before = sync.last_change_marker(s)
        with other.session() as s:
            assert sync.last_change_marker(s) == before  # nothing changed: the poll says so
        new_item(pg_rdb)
        with other.session() as s:
            after = sync.last_change_marker(s)
            assert after != before and after.last_label.startswith("要望 R-0001 を登録")
            assert [label for _id, _user, label, _at in sync.changes_since(s, before)] == [after.last_label]
        with pytest.raises(DomainError):  # a refused action commits nothing and moves nothing
            with pg_rdb.session() as s, s.begin():
                req.move_item(s, item_id=1, to="customized", reason=None)
        with other.session() as s:
            assert sync.last_change_marker(s) == after
    finally:
        other.close()


def test_listen_notify_reports_committed_actions_only(pg_url, pg_rdb):
    with sync.ChangeListener(pg_url) as listener:
        assert listener.wait(0.05) == []
        item = new_item(pg_rdb)
        notices = listener.wait(5)
        with pg_rdb.session() as s:
            newest = s.scalar(select(func.max(AuditAction.id)))
        assert len(notices) == 1 and notices[0].action_ids == (newest,)
        with pytest.raises(RuntimeError):  # rolled back: nobody is told
            with pg_rdb.session() as s, s.begin():
                req.update_item(s, item_id=item, estimate=1)
                raise RuntimeError("cancelled")
        assert listener.wait(0.3) == []
        with pg_rdb.session() as s, s.begin():
            undo_ops.undo(s)
        assert len(listener.wait(5)) == 1

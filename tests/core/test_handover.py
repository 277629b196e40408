"""Handover (事務局の交代): a whole consortium as one zip, verified by hashes, into an empty
SQLite or PostgreSQL database; SQLite → zip → PostgreSQL → zip gives identical data."""
from __future__ import annotations

import json
import zipfile

import pytest
from sqlalchemy import func, select

from cloudsuppress.cli import main as cli_main
from cloudsuppress.demo import create_demo
from cloudsuppress.domain.models import RequestItem
from cloudsuppress.errors import DomainError
from cloudsuppress.ops import request_queries as rq
from cloudsuppress.ops import undo as undo_ops
from cloudsuppress.store import handover
from cloudsuppress.store.db import head_revision, open_database

from .request_support import new_item


@pytest.fixture(scope="module")
def demo_zip(tmp_path_factory):
    """The demo consortium (members, 600 functions, requests, meetings, history) exported from SQLite."""
    folder = tmp_path_factory.mktemp("handover")
    database = open_database(folder / "demo.sqlite")
    try:
        with database.session() as s, s.begin():
            create_demo(s, functions=600)
        new_item(database, member="那珂市", code=_some_code(database), allow_duplicate=True)
        with database.session() as s:
            out = folder / "demo.zip"
            summary = handover.export_handover(s, out)
    finally:
        database.close()
    return out, summary


def _some_code(database) -> str:
    from cloudsuppress.domain.models import Function

    with database.session() as s:
        return s.scalar(select(Function.code).order_by(Function.id))


def _data_files(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist() if n.startswith("data/")}


def test_the_manifest_lists_every_table_with_counts_and_hashes(demo_zip):
    path, summary = demo_zip
    with zipfile.ZipFile(path) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    assert manifest["format"] == "cloudsuppress-handover" and manifest["format_version"] == 1
    assert manifest["schema_revision"] == head_revision() and manifest["app_version"]
    assert manifest["consortium"] == summary.consortium and "デモ" in summary.consortium
    assert summary.row_counts["function"] == 600 and summary.row_counts["audit_action"] > 0
    assert set(manifest["tables"]) >= {"member", "request_item", "meeting", "audit_change"}


def test_sqlite_to_zip_to_postgres_to_zip_is_identical(demo_zip, pg_url, tmp_path):
    path, summary = demo_zip
    target = open_database(pg_url)
    try:
        with target.session() as s, s.begin():
            handover.import_handover(s, path)
        with target.session() as s:
            again = handover.export_handover(s, tmp_path / "again.zip")
        assert again.row_counts == summary.row_counts
        assert _data_files(tmp_path / "again.zip") == _data_files(path)
        # the imported database works: history and undo came along, new ids follow the imported ones
        with target.session() as s:
            items = rq.list_item_rows(s)
        assert len(items) == summary.row_counts["request_item"]
        with target.session() as s, s.begin():
            undo_ops.undo(s)  # the last request created before the export
        new_id = new_item(target, member="那珂市", code=_some_code(target), allow_duplicate=True)
        assert new_id > max(i.id for i in items)
    finally:
        from cloudsuppress.domain.models import Base

        with target.engine.begin() as conn:
            conn.exec_driver_sql("TRUNCATE " + ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
                                 + " RESTART IDENTITY CASCADE")
        target.close()


def test_sqlite_round_trip_through_the_cli(demo_zip, tmp_path, capsys):
    path, summary = demo_zip
    target = tmp_path / "新しい事務局.sqlite"
    assert cli_main(["--db", str(target), "handover", "import", str(path)]) == 0
    assert cli_main(["--db", str(target), "handover", "export", "--out", str(tmp_path / "b.zip")]) == 0
    assert _data_files(tmp_path / "b.zip") == _data_files(path)
    out = capsys.readouterr().out
    assert "取り込みました" in out and summary.consortium in out


def test_a_non_empty_target_is_refused(demo_zip, db):
    path, _ = demo_zip
    with pytest.raises(DomainError, match="空ではありません"):
        with db.session() as s, s.begin():
            handover.import_handover(s, path)


def _rewrite(src, dest, *, change=None, manifest_change=None):
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w") as zout:
        for name in zin.namelist():
            data = zin.read(name)
            if name == "manifest.json" and manifest_change:
                m = json.loads(data)
                manifest_change(m)
                data = json.dumps(m).encode()
            elif change and name == change[0]:
                data = change[1](data)
            zout.writestr(name, data)
    return dest


@pytest.mark.parametrize("how", ["tampered-row", "wrong-revision", "not-a-zip", "no-manifest", "missing-table"])
def test_a_tampered_or_foreign_file_is_refused_and_nothing_is_written(demo_zip, tmp_path, how):
    path, _ = demo_zip
    bad = tmp_path / "bad.zip"
    if how == "tampered-row":
        _rewrite(path, bad, change=("data/member.json", lambda d: d.replace("那珂市".encode(), "那珂町".encode())))
        expected = "ハッシュ不一致"
    elif how == "wrong-revision":
        _rewrite(path, bad, manifest_change=lambda m: m.update(schema_revision="0003"))
        expected = "データベースの版が違います"
    elif how == "not-a-zip":
        bad.write_bytes(b"\x00" * 100)
        expected = "zip ファイルとして読めません"
    elif how == "no-manifest":
        with zipfile.ZipFile(bad, "w") as zf:
            zf.writestr("data/member.json", "{}")
        expected = "manifest.json がありません"
    else:
        _rewrite(path, bad, manifest_change=lambda m: m["tables"].pop("meeting"))
        expected = "表の構成"
    target = tmp_path / "target.sqlite"
    assert cli_main(["--db", str(target), "handover", "import", str(bad)]) == 1
    assert not target.exists()  # refused before a database was even created
    database = open_database(tmp_path / "t2.sqlite")
    try:
        with pytest.raises(DomainError, match=expected):
            with database.session() as s, s.begin():
                handover.import_handover(s, bad)
        with database.session() as s:
            assert handover.is_empty(s) and s.scalar(select(func.count()).select_from(RequestItem)) == 0
    finally:
        database.close()

"""One handover import for the GUI and the CLI (issue #16): ``store.handover.import_handover_into``.

A new database file made for a handover that then fails to load is removed again, whoever asked
(the GUI's new file, ``handover import --db``); the refusal names the handover file and says the
half-made database was removed. The failure here is the disk filling up half-way (SQLite's
``max_page_count`` on every new connection), a refusal the file's checks cannot foresee.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

from cloudsuppress.cli import main as cli_main
from cloudsuppress.demo import create_demo
from cloudsuppress.errors import DomainError
from cloudsuppress.ops.consortium import get_consortium
from cloudsuppress.store import handover
from cloudsuppress.store.db import open_database

ROOM_PAGES = 100  # the empty schema takes about 62 pages of 4 KiB, the demo's rows about 150 more


@pytest.fixture(scope="module")
def export(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("into")
    database = open_database(folder / "demo.sqlite")
    try:
        with database.session() as s, s.begin():
            create_demo(s, functions=600)
        with database.session() as s:
            handover.export_handover(s, folder / "demo.zip")
    finally:
        database.close()
    return folder / "demo.zip"


@pytest.fixture
def small_disk():
    """Every SQLite connection opened meanwhile may grow its file by ROOM_PAGES pages only."""

    def limit(dbapi_conn, _record):
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count={pages + ROOM_PAGES}")

    event.listen(Engine, "connect", limit)
    yield
    event.remove(Engine, "connect", limit)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_the_cli_leaves_no_half_made_database_when_the_load_fails(export, tmp_path, capsys, small_disk):
    folder = tmp_path / "new"
    folder.mkdir()
    target = folder / "新しい事務局.sqlite"
    assert cli_main(["--db", str(target), "handover", "import", str(export)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err, err
    assert "引継ぎファイル「demo.zip」を取り込めません: ディスクの空き容量が足りない" in err, err
    assert "作成したデータベースファイル「新しい事務局.sqlite」は削除しました" in err, err
    assert _leftovers(folder) == []  # no .sqlite, -wal, -shm or .lock


def test_the_core_removes_only_what_it_created(export, tmp_path, small_disk):
    folder = tmp_path / "new"
    folder.mkdir()
    (folder / "他の協議会.sqlite").write_bytes(b"")  # a neighbour is never touched
    with pytest.raises(DomainError, match="引継ぎファイル「demo.zip」を取り込めません: ディスクの空き容量") as refused:
        handover.import_handover_into(export, folder / "a.sqlite")
    assert "「a.sqlite」は削除しました" in str(refused.value)
    assert _leftovers(folder) == ["他の協議会.sqlite"]


def test_an_existing_database_is_left_as_it_was_when_refused(export, db, tmp_path):
    """The target holds a consortium: refused before a row is written, and the file stays (it is not ours)."""
    with pytest.raises(DomainError, match="空ではありません") as refused:
        handover.import_handover_into(export, db.path)
    assert "削除しました" not in str(refused.value)
    assert db.path.exists()
    with db.session() as s:
        assert get_consortium(s) is not None


def test_a_bad_file_creates_nothing(tmp_path):
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"not a zip")
    with pytest.raises(DomainError, match="引継ぎファイル「bad.zip」を取り込めません"):
        handover.import_handover_into(bad, tmp_path / "new.sqlite")
    assert not (tmp_path / "new.sqlite").exists()


def test_success_returns_the_open_database(export, tmp_path):
    imported = handover.import_handover_into(export, tmp_path / "b.sqlite")
    try:
        with imported.db.session() as s:
            assert get_consortium(s).name == imported.summary.consortium
        assert imported.db.path == (tmp_path / "b.sqlite").resolve()
    finally:
        imported.db.close()

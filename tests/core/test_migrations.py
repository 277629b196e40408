"""Opening a database: migrated to head, WAL and foreign keys on, schema equal to the models,
a newer database refused untouched, a non-database refused, backups before migrating."""
from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from cloudsuppress.domain.models import Base, Function
from cloudsuppress.errors import DatabaseError, DatabaseTooNewError, DomainError
from cloudsuppress.ops.consortium import create_consortium
from cloudsuppress.store import db as dbmod
from cloudsuppress.store.backups import list_backups
from cloudsuppress.store.db import backup_sqlite, head_revision, open_database


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_new_database_is_at_head(tmp_path):
    database = open_database(tmp_path / "new.sqlite")
    try:
        with database.engine.connect() as conn:
            assert MigrationContext.configure(conn).get_current_revision() == head_revision()
        assert database.backup_made is None
    finally:
        database.close()


def test_wal_and_foreign_keys_are_on(db):
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_foreign_keys_are_enforced(db):
    with pytest.raises(IntegrityError):
        with db.session() as s, s.begin():
            s.add(Function(business_system_id=9999, code="X", name="宙に浮いた機能"))


def test_the_migrated_schema_matches_the_models(db):
    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True, "compare_server_default": True})
        assert compare_metadata(ctx, Base.metadata) == []


def _stamp(path: Path, revision: str) -> None:
    con = sqlite3.connect(path)
    with con:
        con.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    con.close()


def test_a_database_from_a_newer_app_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "newer.sqlite"
    database = open_database(path)
    with database.session() as s, s.begin():
        create_consortium(s, name="新しい版の協議会")
    database.close()
    _stamp(path, "9999")
    digest = _sha(path)
    backups_before = list_backups(path)
    with pytest.raises(DatabaseTooNewError) as err:
        open_database(path)
    message = str(err.value)
    assert "新しい版" in message and "アプリを最新版に更新" in message
    assert "9999" in message and head_revision() in message
    assert isinstance(err.value, DomainError)  # the GUI and CLI show it as they show any refusal
    assert _sha(path) == digest
    assert list_backups(path) == backups_before  # refused before anything, the backup included


@pytest.mark.parametrize(
    "content", [b"This is a text file, not a database.\n" * 10, b"PK\x03\x04" + b"\x00" * 100],
    ids=["text", "zip"],
)
def test_a_file_that_is_not_sqlite_is_refused(tmp_path, content):
    path = tmp_path / "notes.sqlite"
    path.write_bytes(content)
    with pytest.raises(DomainError) as err:
        open_database(path)
    assert "SQLite のデータベースファイルではありません" in str(err.value)
    assert path.read_bytes() == content


def test_an_sqlite_file_of_another_app_is_refused(tmp_path):
    path = tmp_path / "other.sqlite"
    con = sqlite3.connect(path)
    with con:
        con.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    con.close()
    digest = _sha(path)
    with pytest.raises(DatabaseError) as err:
        open_database(path)
    assert "cloudsuppress のデータベースではありません" in str(err.value)
    assert _sha(path) == digest


def test_a_damaged_database_is_refused_with_a_domain_error(tmp_path):
    path = tmp_path / "damaged.sqlite"
    open_database(path).close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    digest = _sha(path)
    with pytest.raises(DatabaseError) as err:
        open_database(path)
    assert "壊れている" in str(err.value)
    assert _sha(path) == digest


def test_a_missing_file_is_refused_when_not_creating(tmp_path):
    with pytest.raises(DatabaseError) as err:
        open_database(tmp_path / "none.sqlite", create=False)
    assert "見つかりません" in str(err.value)
    assert not (tmp_path / "none.sqlite").exists()


def test_opening_an_up_to_date_database_makes_no_migration_backup(tmp_path):
    path = tmp_path / "current.sqlite"
    open_database(path).close()
    again = open_database(path)
    again.close()
    assert again.backup_made is None
    # Only the rotating copy made at open; nothing changed, so none at close, and none before a migration.
    assert [b.reason for b in list_backups(path)] == ["open"]


def test_backup_sqlite_copies_a_live_database(db, tmp_path):
    with db.session() as s, s.begin():
        s.execute(text("INSERT INTO member (name, population, sort_order) VALUES ('五霞町', 9178, 1)"))
    copy = backup_sqlite(db.path, reason="before-migration-0001")
    assert copy.parent == db.path.parent / "backups"
    assert copy.name.startswith(db.path.stem) and copy.name.endswith("-before-migration-0001.sqlite")
    con = sqlite3.connect(copy)
    try:
        # The copy holds the committed row even though it may still be in the WAL file.
        assert con.execute("SELECT name, population FROM member").fetchall() == [("五霞町", 9178)]
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (head_revision(),)
    finally:
        con.close()


def test_an_older_database_is_backed_up_before_migrating(tmp_path, monkeypatch):
    """Pretend the code has a newer head than the file: _migrate must copy the file aside first."""
    path = tmp_path / "old.sqlite"
    open_database(path).close()
    file_revision = head_revision()
    calls = []
    real_backup = dbmod.backup_sqlite

    def spy(p, *, reason):
        calls.append(reason)
        return real_backup(p, reason=reason)

    import alembic.command

    real_head, real_revisions = dbmod.known_revisions()
    # The code pretends to know one newer revision the file has not seen.
    monkeypatch.setattr(dbmod, "known_revisions", lambda: ("9999", real_revisions | {"9999"}))
    monkeypatch.setattr(dbmod, "backup_sqlite", spy)
    monkeypatch.setattr(alembic.command, "upgrade", lambda cfg, rev: None)  # nothing to run
    database = open_database(path)
    database.close()
    assert calls == [f"before-migration-{file_revision}"]
    assert database.backup_made is not None and database.backup_made.exists()


def test_the_light_revision_reader_agrees_with_alembic():
    """open_database reads the revisions as text to keep alembic out of the start-up path."""
    from alembic.script import ScriptDirectory

    from cloudsuppress.store.db import _alembic_config, known_revisions

    script = ScriptDirectory.from_config(_alembic_config())
    head, revisions = known_revisions()
    assert head == script.get_current_head()
    assert revisions == {r.revision for r in script.walk_revisions()}


def test_opening_an_up_to_date_database_does_not_import_alembic(tmp_path):
    import subprocess
    import sys

    open_database(tmp_path / "x.sqlite").close()
    code = (
        "import sys; from cloudsuppress.store.db import open_database; "
        f"open_database({str(tmp_path / 'x.sqlite')!r}).close(); "
        "print('alembic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"

"""Opening a database: engine, session factory, SQLite pragmas, and migrations at open.

``open_database`` is the one door. For SQLite it turns on WAL and foreign keys and makes
pysqlite's transactions real (DDL included), so that a migration or an import either
happens whole or not at all. Before migrating an existing database it copies it aside with
SQLite's backup API. A database written by a newer version of the app is refused.
"""
from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, event, inspect
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from .errors import DatabaseError, DatabaseTooNewError
from .resources import resource_path


@dataclass
class Database:
    """An open database: its URL, engine and session factory."""

    url: str
    engine: Engine
    session_factory: sessionmaker[Session]
    path: Path | None  # the SQLite file, None for a server database
    backup_made: Path | None = None

    def session(self) -> Session:
        """A new session; the caller owns the transaction (``with db.session() as s, s.begin():``)."""
        return self.session_factory()

    def close(self) -> None:
        """Release every connection (and, for SQLite, checkpoint the WAL into the file)."""
        if self.path is not None:
            try:
                with self.engine.connect() as conn:
                    conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            except Exception:  # closing must never fail the app
                pass
        self.engine.dispose()


def _alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(resource_path("migrations")))
    return cfg


def head_revision() -> str:
    """The newest schema revision this code knows."""
    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def _to_url(target: str | Path) -> tuple[str, Path | None]:
    text = str(target)
    if "://" in text:
        if text.startswith("sqlite:///"):
            return text, Path(text[len("sqlite:///"):])
        return text, None
    path = Path(text).expanduser().resolve()
    return f"sqlite:///{path}", path


def _install_sqlite_hooks(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # noqa: ANN001
        # Let SQLAlchemy, not pysqlite, decide when a transaction begins (DDL included).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA busy_timeout=10000")
        # 32 MiB page cache: a 30,000-function import then stays in memory until commit.
        cur.execute("PRAGMA cache_size=-32768")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # noqa: ANN001
        conn.exec_driver_sql("BEGIN")


def backup_sqlite(path: Path, *, reason: str) -> Path:
    """Copy a live SQLite database aside with the backup API; return the copy's path."""
    folder = path.parent / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    dest = folder / f"{path.stem}-{stamp}-{reason}.sqlite"
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(dest)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return dest


def _check_existing_sqlite(path: Path) -> None:
    """Refuse another program's or a damaged SQLite file read-only, before the connect hook
    switches it to WAL (which rewrites its header)."""
    try:
        con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if "alembic_version" in tables:
                con.execute("SELECT version_num FROM alembic_version").fetchall()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"データベースファイルが壊れているため開けません: {path}（{exc}）") from None
    if tables and "alembic_version" not in tables:
        raise DatabaseError("cloudsuppress のデータベースではありません（管理表がありません）。")


def _current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def open_database(target: str | Path, *, create: bool = True) -> Database:
    """Open (and if needed create and migrate) the database at a file path or SQLAlchemy URL."""
    url, path = _to_url(target)
    if path is not None:
        if not path.exists() and not create:
            raise DatabaseError(f"データベースファイルが見つかりません: {path}")
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > 0:
            with open(path, "rb") as fh:
                if fh.read(16) != b"SQLite format 3\x00":
                    raise DatabaseError(f"SQLite のデータベースファイルではありません: {path}")
            _check_existing_sqlite(path)
    engine = create_engine(url, future=True)
    if path is not None:
        _install_sqlite_hooks(engine)
    db = Database(url, engine, sessionmaker(engine, expire_on_commit=False), path)
    try:
        _migrate(db)
    except Exception:
        engine.dispose()
        raise
    return db


def _migrate(db: Database) -> None:
    script = ScriptDirectory.from_config(_alembic_config())
    head = script.get_current_head()
    current = _current_revision(db.engine)
    if current == head:
        return
    if current is not None:
        known = {rev.revision for rev in script.walk_revisions()}
        if current not in known:
            raise DatabaseTooNewError(
                "このデータベースは新しい版の cloudsuppress で作成されたため開けません"
                f"（データベースの版 {current}、このアプリが扱える版 {head}）。"
                "アプリを最新版に更新してから開いてください。"
            )
    elif inspect(db.engine).get_table_names():
        raise DatabaseError("cloudsuppress のデータベースではありません（管理表がありません）。")
    if current is not None and db.path is not None:
        db.backup_made = backup_sqlite(db.path, reason=f"before-migration-{current}")
    cfg = _alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")

"""Opening a database: engine, session factory, SQLite pragmas, and migrations at open.

``open_database`` is the one door. For SQLite it turns on WAL and foreign keys and makes
pysqlite's transactions real (DDL included), so that a migration or an import either
happens whole or not at all. Before migrating an existing database it copies it aside with
SQLite's backup API. A database written by a newer version of the app is refused.
"""
from __future__ import annotations

import datetime as dt
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, event, inspect
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from . import audit
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


def _alembic_config():  # noqa: ANN202 - alembic is imported only when a migration runs
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(resource_path("migrations")))
    return cfg


_REVISION_LINE = re.compile(r"^(revision|down_revision)\s*(?::[^=]*)?=\s*(?:['\"]([^'\"]*)['\"]|None)", re.M)


def known_revisions() -> tuple[str, frozenset[str]]:
    """(head, every revision), read from the migration files as text.

    Importing alembic costs about half a second of every start, so it is imported only when
    a database actually needs migrating; tests check this agrees with alembic's own view.
    """
    revisions, parents = set(), set()
    for path in sorted(resource_path("migrations", "versions").glob("*.py")):
        found = dict((m[1], m[2]) for m in _REVISION_LINE.finditer(path.read_text(encoding="utf-8")))
        if found.get("revision"):
            revisions.add(found["revision"])
            if found.get("down_revision"):
                parents.add(found["down_revision"])
    heads = revisions - parents
    if len(heads) != 1:
        raise DatabaseError(f"マイグレーションの構成が不正です（head が {len(heads)} 個）。")
    return heads.pop(), frozenset(revisions)


def head_revision() -> str:
    """The newest schema revision this code knows."""
    return known_revisions()[0]


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
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


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
    factory = sessionmaker(engine, expire_on_commit=False)
    audit.install(factory)
    db = Database(url, engine, factory, path)
    try:
        _migrate(db)
    except Exception:
        engine.dispose()
        raise
    return db


def _migrate(db: Database) -> None:
    head, known = known_revisions()
    current = _current_revision(db.engine)
    if current == head:
        return
    if current is not None:
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
    from alembic import command

    cfg = _alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")

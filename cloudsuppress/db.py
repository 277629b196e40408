"""Opening a database: engine, session factory, SQLite pragmas, and migrations at open.

``open_database`` is the one door, for a SQLite file (one secretary) and for a PostgreSQL
URL (shared mode, ``postgresql+psycopg://user@host/db``); the same Alembic migrations run on
both. For SQLite it checks the file (``PRAGMA quick_check``: a damaged file raises
``DatabaseCorruptError`` pointing at the backups), makes a rotating backup before anything
else touches it, turns on WAL and foreign keys and makes pysqlite's transactions real (DDL
included), so that a migration or an import either happens whole or not at all; closing
makes another backup when something changed. A database written by a newer version of the
app is refused. URLs are shown only with the password masked.
"""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import create_engine, event, inspect
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from . import audit
from .backups import DEFAULT_POLICY, SQLITE_HEADER, BackupPolicy, check_sqlite_file, corrupt_error, rotate_backup
from .backups import backup_sqlite  # noqa: F401 - the migration backup, patched by tests
from .checkpoint import Checkpointer
from .concurrency import AppSession
from .errors import DatabaseError, DatabaseTooNewError
from .resources import resource_path
from .storage import StorageWarning, storage_warnings


def mask_url(url: str) -> str:
    """The URL with any password replaced by ***, safe for messages and logs."""
    text = str(url)
    if "://" not in text:
        return text
    try:
        return make_url(text).render_as_string(hide_password=True)
    except Exception:  # not parseable: hide everything between :// and @
        return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", text)


@dataclass
class Database:
    """An open database: its URL, engine and session factory."""

    url: str
    engine: Engine
    session_factory: sessionmaker[Session]
    path: Path | None  # the SQLite file, None for a server database
    backup_made: Path | None = None  # the copy made before a migration
    backup_policy: BackupPolicy = DEFAULT_POLICY
    warnings: tuple[StorageWarning, ...] = ()  # the file is on a network share or in a synced folder
    opened_marker: object = None
    backups_made: list[Path] = field(default_factory=list)
    checkpointer: Checkpointer | None = None  # SQLite: copies the log back into the file off the committing thread

    @property
    def is_shared(self) -> bool:
        """True for a server database (PostgreSQL) that several users may open at once."""
        return self.path is None

    @property
    def display_url(self) -> str:
        return str(self.path) if self.path is not None else mask_url(self.url)

    def session(self) -> Session:
        """A new session; the caller owns the transaction (``with db.session() as s, s.begin():``)."""
        return self.session_factory()

    def change_marker(self):  # noqa: ANN201 - sync.ChangeMarker
        from .sync import last_change_marker

        with self.session() as s:
            return last_change_marker(s)

    def close(self, *, backup: bool = True) -> None:
        """Release every connection; for SQLite, back up the file if anything changed, then checkpoint the WAL."""
        if self.checkpointer is not None:
            self.checkpointer.stop()
        if self.path is not None:
            if backup and self.backup_policy.on_close:
                try:
                    if self.change_marker() != self.opened_marker:
                        self.backups_made.append(rotate_backup(self.path, reason="close", policy=self.backup_policy))
                except Exception:  # closing must never fail the app
                    pass
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
        # Commits do not copy the log back into the file; a thread does (checkpoint.py).
        cur.execute("PRAGMA wal_autocheckpoint=0")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # noqa: ANN001
        conn.exec_driver_sql("BEGIN")


def _check_existing_sqlite(path: Path) -> bool:
    """Refuse another program's or a damaged SQLite file read-only, before the connect hook
    switches it to WAL (which rewrites its header); True when it holds a cloudsuppress schema."""
    problems = check_sqlite_file(path)
    if problems:
        raise corrupt_error(path, "; ".join(problems[:3]))
    con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        revision = None
        if "alembic_version" in tables:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
    except sqlite3.DatabaseError as exc:
        raise corrupt_error(path, str(exc)) from None
    finally:
        con.close()
    if tables and "alembic_version" not in tables:
        raise DatabaseError("cloudsuppress のデータベースではありません（管理表がありません）。")
    head, known = known_revisions()
    if revision is not None and revision not in known:  # refused before the backup and before WAL touches it
        raise _too_new(revision, head)
    return "alembic_version" in tables


def _too_new(current: str, head: str) -> DatabaseTooNewError:
    return DatabaseTooNewError(
        "このデータベースは新しい版の cloudsuppress で作成されたため開けません"
        f"（データベースの版 {current}、このアプリが扱える版 {head}）。"
        "アプリを最新版に更新してから開いてください。"
    )


def _current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def open_database(target: str | Path, *, create: bool = True, backup_policy: BackupPolicy = DEFAULT_POLICY) -> Database:
    """Open (and if needed create and migrate) the database at a file path or SQLAlchemy URL."""
    url, path = _to_url(target)
    ours = False
    if path is not None:
        if not path.exists() and not create:
            raise DatabaseError(f"データベースファイルが見つかりません: {path}")
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > 0:
            with open(path, "rb") as fh:
                if fh.read(16) != SQLITE_HEADER:
                    raise DatabaseError(f"SQLite のデータベースファイルではありません: {path}")
            ours = _check_existing_sqlite(path)
        if ours and backup_policy.on_open:
            # Before migrations and before the app writes anything: the state the user last saw.
            opened_backup = rotate_backup(path, reason="open", policy=backup_policy)
        else:
            opened_backup = None
        engine = create_engine(url)
        _install_sqlite_hooks(engine)
    else:
        engine = create_engine(url, pool_pre_ping=True)
        opened_backup = None
    factory = sessionmaker(engine, expire_on_commit=False, class_=AppSession)
    audit.install(factory)
    if engine.dialect.name == "postgresql":
        from .sync import install_notify

        install_notify(factory)
    db = Database(url, engine, factory, path, backup_policy=backup_policy,
                  warnings=storage_warnings(path) if path is not None else ())
    if path is not None:
        db.checkpointer = Checkpointer(path)
        event.listen(factory, "after_commit", lambda _session: db.checkpointer.poke())
    if opened_backup is not None:
        db.backups_made.append(opened_backup)
    try:
        _migrate(db)
        db.opened_marker = db.change_marker()
    except OperationalError as exc:
        engine.dispose()
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else type(exc).__name__
        raise DatabaseError(f"データベースに接続できません: {mask_url(url)}（{reason}）") from None
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
            raise _too_new(current, head)
    elif inspect(db.engine).get_table_names():
        raise DatabaseError("cloudsuppress のデータベースではありません（管理表がありません）。")
    if current is not None and db.path is not None:
        db.backup_made = backup_sqlite(db.path, reason=f"before-migration-{current}")
    from alembic import command

    cfg = _alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")

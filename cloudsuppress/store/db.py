"""Opening a database: engine, session factory, SQLite pragmas, and migrations at open.

``open_database`` is the one door, for a SQLite file (one secretary) and for a PostgreSQL
URL (shared mode, ``postgresql+psycopg://user@host/db``); the same Alembic migrations run on
both. For SQLite it checks the file (``PRAGMA quick_check``: a damaged file raises
``DatabaseCorruptError`` pointing at the backups), makes a rotating backup before anything
else touches it (see backups.py for when), turns on WAL and foreign keys and makes pysqlite's
transactions real (DDL included), so that a migration or an import either happens whole or
not at all. A database written by a newer version of the app is refused. URLs are shown only
with the password masked (in the user part and in ``?password=``).

Opening a SQLite file for writing takes its writer lock (writer_lock.py): a second process
is refused with who holds it, and may open the file read-only instead (``read_only=True``:
no lock, no check, no backup, no migration; every write is refused with a message). A file
or folder that cannot be written opens read-only when ``allow_read_only`` (the GUI), with a
warning saying why; a backup that cannot be made is a warning, never a failure to open.
A disk with no room left (``disk_is_full``, or the lock file or SQLite's -shm cannot be
written) opens read-only the same way, saying which folder's disk and what to free; the CLI's
writing commands are refused with that. SQLite's "database is locked", "readonly database" and "disk is full" become Japanese
``DomainError`` messages (``DatabaseBusyError`` for the first, which a caller may retry).
"""
from __future__ import annotations

import errno
import os
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import create_engine, event, inspect
from sqlalchemy.engine import Connection, Engine, ExceptionContext, make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from .. import limits
from ..domain import audit
from ..errors import DatabaseError, DatabaseTooNewError
from ..file_errors import error_reason
from ..resources import resource_path
from . import writer_lock
from .backups import (
    DEFAULT_POLICY,
    SQLITE_HEADER,
    BackupError,
    BackupPolicy,
    _free_space,
    backup_due,
    backup_sqlite,  # noqa: F401 - the migration backup, patched by tests
    check_sqlite_file,
    corrupt_error,
    disk_is_full,
    is_damage,
    read_only_uri,
    rotate_backup,
)
from .checkpoint import Checkpointer
from .concurrency import AppSession
from .revisions import known_revisions
from .storage import StorageWarning, storage_warnings

if TYPE_CHECKING:
    from alembic.config import Config

    from .sync import ChangeMarker


_SECRET_PARAM = re.compile(r"(?i)\b(password|passwd|pwd|pass|sslpassword|secret|token)=([^&\s'\"]*)")


def mask_secrets(text: str) -> str:
    """Any ``password=…`` (URL query, libpq connection string) in a text replaced by ***."""
    return _SECRET_PARAM.sub(lambda m: f"{m[1]}=***", str(text))


def mask_url(url: str) -> str:
    """The URL with any password (user part or ``?password=``) replaced by ***, safe for messages and logs."""
    text = str(url)
    if "://" not in text:
        return text
    try:
        text = make_url(text).render_as_string(hide_password=True)
    except Exception:  # not parseable: hide everything between :// and @
        text = re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", text)
    return mask_secrets(text)


BUSY_TIMEOUT_MS = 10_000  # how long a SQLite connection waits for another one before giving up


class DatabaseBusyError(DatabaseError):
    """SQLite waited its busy timeout for another connection and gave up; nothing was written. Retry."""


class DiskFullError(DatabaseError):
    """The disk holding the database has no room left: nothing was written."""


# SQLite's names for "no room": the file or log cannot grow, the shared-memory file cannot be made or grown
DISK_FULL_ERRORS = ("SQLITE_FULL", "SQLITE_IOERR_SHMSIZE")


def disk_full_reason(path: Path, *, gui: bool) -> str:
    """Why a database on a full disk opens read-only (GUI) or a command that changes it is refused (CLI), and what to do."""
    folder = path.parent
    try:
        free = f"空き {_free_space(folder) / 1024:,.0f} KB"
    except OSError:
        free = "空きなし"
    again = "ファイル > 開く… で開き直してください" if gui else "もう一度コマンドを実行してください"
    return (f"ディスクがいっぱいのため、データベースに書き込めません（{folder} のあるディスク、{free}）。{FREE_SOME}"
            f"空きができたら、{again}。")


FREE_SOME = ("空きを作るには、不要なファイルを削除するか、別のディスクへ移してください"
             "（このフォルダーの backups の古いバックアップなど）。")


class DatabaseOutdatedError(DatabaseError):
    """Opened read-only, the file is at an older schema that only a writer may migrate."""


READ_ONLY_REFUSAL = "読み取り専用で開いているため、変更できません。"


@dataclass
class Database:
    """An open database: its URL, engine and session factory."""

    url: str
    engine: Engine
    session_factory: sessionmaker[AppSession]
    path: Path | None  # the SQLite file, None for a server database
    backup_made: Path | None = None  # the copy made before a migration
    backup_policy: BackupPolicy = DEFAULT_POLICY
    warnings: tuple[StorageWarning, ...] = ()  # the file is on a network share or in a synced folder
    opened_marker: object = None
    backups_made: list[Path] = field(default_factory=list)
    checkpointer: Checkpointer | None = None  # SQLite: copies the log back into the file off the committing thread
    read_only: bool = False  # opened without the writer lock: every write is refused
    read_only_reason: str | None = None  # why (another process writes, the file cannot be written)
    lock: writer_lock.WriterLock | None = None  # SQLite opened for writing: this process's writer lock

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

    def change_marker(self) -> ChangeMarker:
        from .sync import last_change_marker

        with self.session() as s:
            return last_change_marker(s)

    def close(self, *, backup: bool = True) -> None:
        """Release every connection; for SQLite, back up the file if anything changed, then checkpoint the WAL."""
        if self.checkpointer is not None:
            self.checkpointer.stop()
        if self.path is not None and not self.read_only:
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
        if self.lock is not None:
            self.lock.release()
            self.lock = None


def _alembic_config() -> Config:  # alembic is imported only when a migration runs
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(resource_path("migrations")))
    return cfg


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


def sqlite_path(target: str | Path) -> Path | None:
    """The SQLite file a path or URL names (resolved), or None for a server database."""
    path = _to_url(target)[1]
    return None if path is None else path.expanduser().resolve()


def _install_sqlite_hooks(engine: Engine, folder: Path, *, read_only: bool = False) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: object) -> None:  # a DB-API sqlite3 connection
        # Let SQLAlchemy, not pysqlite, decide when a transaction begins (DDL included).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys=ON")
        if read_only:  # the mode is the writer's to set; never write, whatever an op tries
            cur.execute("PRAGMA query_only=ON")
        else:
            cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        # 32 MiB page cache: a 30,000-function import then stays in memory until commit.
        cur.execute("PRAGMA cache_size=-32768")
        # Commits do not copy the log back into the file; a thread does (checkpoint.py).
        cur.execute("PRAGMA wal_autocheckpoint=0")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN")

    @event.listens_for(engine, "handle_error")
    def _on_error(context: ExceptionContext) -> None:
        raise_sqlite_error_as_message(context.original_exception, folder)


def sqlite_error_message(exc: BaseException, folder: Path | None = None) -> DatabaseError | None:
    """The Japanese refusal for SQLite's everyday failures (busy, read-only, disk full, unopenable); None for others.
    ``folder``: the database's folder, named in the disk-full message."""
    if not isinstance(exc, sqlite3.Error):
        return None
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return DatabaseBusyError(
            "データベースがほかの処理で使用中のため、10 秒待っても保存できませんでした。変更は保存していません。"
            "しばらくしてから、もう一度操作してください。")
    if "readonly" in text or "read-only" in text or "query_only" in text or "query-only" in text:
        return DatabaseError(READ_ONLY_REFUSAL + "データベースファイルとそのフォルダーに書き込めるか、"
                             "ほかの画面やコマンドが編集中でないか確かめて、開き直してください。")
    if "full" in text or getattr(exc, "sqlite_errorname", "") in DISK_FULL_ERRORS:
        where = f"（{folder} のあるディスク）" if folder is not None else ""
        return DiskFullError(f"ディスクの空き容量が足りないため保存できませんでした{where}。変更は保存していません。"
                             "不要なファイルを削除して空き容量を増やしてから、もう一度操作してください。")
    if "unable to open" in text or "disk i/o" in text:
        return DatabaseError(f"データベースファイルを読み書きできません（{exc}）。ファイルのある場所"
                             "（USB メモリー・ネットワーク）につながっているか、フォルダーに書き込めるか確かめてください。")
    return None


def raise_sqlite_error_as_message(exc: BaseException, folder: Path | None = None) -> None:
    message = sqlite_error_message(exc, folder)
    if message is not None:
        raise message from None


def _refuse_writes_when_read_only(factory: sessionmaker[Any], reason: str) -> None:
    @event.listens_for(factory, "before_flush")
    def _refuse(session: Session, _context: object, _instances: object) -> None:
        if session.new or session.dirty or session.deleted:
            raise DatabaseError(READ_ONLY_REFUSAL + reason)


def _check_existing_sqlite(path: Path) -> bool:
    """Refuse another program's or a damaged SQLite file read-only, before the connect hook
    switches it to WAL (which rewrites its header); True when it holds a cloudsuppress schema."""
    try:
        problems = check_sqlite_file(path)
    except sqlite3.Error as exc:  # locked, unreadable: say so, never 「壊れている」
        raise sqlite_error_message(exc) or DatabaseError(f"データベースファイルを読めません: {path}（{exc}）") from None
    if problems:
        raise corrupt_error(path, "; ".join(problems[:3]))
    return _schema_check(path)


def _schema_check(path: Path) -> bool:
    """Refuse a file that is not ours or is too new; True when it holds a cloudsuppress schema."""
    con = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        revision = None
        if "alembic_version" in tables:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
    except sqlite3.DatabaseError as exc:
        if is_damage(exc):
            raise corrupt_error(path, str(exc)) from None
        raise sqlite_error_message(exc) or DatabaseError(f"データベースファイルを読めません: {path}（{exc}）") from None
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


def _unwritable_reason(path: Path) -> str | None:
    """Why this process cannot write the SQLite file (or its -wal, -shm and lock beside it), or None."""
    folder = path.parent
    if path.exists() and not os.access(path, os.W_OK):
        return (f"データベースファイルが読み取り専用です: {path}。変更するには、ファイルのプロパティで"
                "「読み取り専用」を外すか、書き込めるフォルダーへコピーしてから開いてください。")
    if not os.access(folder, os.W_OK):
        return (f"データベースのあるフォルダーに書き込めません: {folder}。変更するには、"
                "書き込めるフォルダー（ドキュメントなど）へファイルをコピーしてから開いてください。")
    return None


def open_database(target: str | Path, *, create: bool = True, backup_policy: BackupPolicy = DEFAULT_POLICY,
                  read_only: bool = False, allow_read_only: bool = False, purpose: str = "") -> Database:
    """Open (and if needed create and migrate) the database at a file path or SQLAlchemy URL.

    A SQLite file is opened for writing under its writer lock (``DatabaseLockedError`` when
    another process holds it), or read-only with ``read_only=True``. With ``allow_read_only``
    a file or folder this process cannot write opens read-only with the reason in
    ``read_only_reason`` and ``warnings``, instead of being refused. ``purpose`` is written
    in the lock (「画面」, 「コマンド requests move」) for the message another process shows.
    """
    url, path = _to_url(target)
    if path is None:
        return _open_server(url, create=create, backup_policy=backup_policy)
    path = path.expanduser().resolve()
    url = f"sqlite:///{path}"
    exists = path.exists() and path.stat().st_size > 0
    if not path.exists() and not create:
        raise DatabaseError(f"データベースファイルが見つかりません: {path}")
    if path.is_dir():
        raise DatabaseError(f"フォルダーです。データベースファイルを指定してください: {path}")
    if exists:
        try:
            with open(path, "rb") as fh:
                header = fh.read(16)
        except OSError as exc:
            raise DatabaseError(f"データベースファイルを読めません: {path}（{error_reason(exc, writing=False)}）") from None
        if header != SQLITE_HEADER:
            raise DatabaseError(f"SQLite のデータベースファイルではありません: {path}")
    reason = None
    if not read_only:
        unwritable = _unwritable_reason(path) if exists else None
        if unwritable is not None:
            if not allow_read_only:
                raise DatabaseError(unwritable)
            read_only, reason = True, unwritable
    if read_only:
        if not exists:
            raise DatabaseError(f"データベースファイルが見つかりません: {path}")
        return _open_read_only_on_full_disk(path, reason=reason, backup_policy=backup_policy)
    if exists and disk_is_full(path.parent):  # not one page of a change would fit: say so before trying
        return _open_on_full_disk(path, allow_read_only=allow_read_only, backup_policy=backup_policy)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = writer_lock.acquire(path, purpose=purpose, doing="変更できません")
    except PermissionError:
        if allow_read_only and exists:
            return _open_read_only(path, reason=_unwritable_reason(path) or "ロックファイルを作成できません。",
                                   backup_policy=backup_policy)
        raise DatabaseError(f"データベースのあるフォルダーに書き込めません: {path.parent}") from None
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)) and exists:
            return _open_on_full_disk(path, allow_read_only=allow_read_only, backup_policy=backup_policy)
        blocking = next((p for p in path.parents if p.exists() and not p.is_dir()), None)
        why = f"「{blocking}」はフォルダーではなくファイルです" if blocking is not None else error_reason(exc)
        raise DatabaseError(f"データベースファイルを開けません: {path}（{why}）") from None
    try:
        return _open_sqlite_locked(path, url, lock, backup_policy=backup_policy)
    except DiskFullError:
        lock.release()
        if not exists:
            raise
        return _open_on_full_disk(path, allow_read_only=allow_read_only, backup_policy=backup_policy)
    except BaseException:
        lock.release()
        raise


def _open_on_full_disk(path: Path, *, allow_read_only: bool, backup_policy: BackupPolicy) -> Database:
    """A disk with no room: read-only (the GUI), or the CLI's refusal naming the folder and what to free."""
    if not allow_read_only:
        raise DiskFullError(disk_full_reason(path, gui=False))
    return _open_read_only_on_full_disk(path, reason=disk_full_reason(path, gui=True), backup_policy=backup_policy)


def _open_read_only_on_full_disk(path: Path, *, reason: str | None, backup_policy: BackupPolicy) -> Database:
    try:
        return _open_read_only(path, reason=reason, backup_policy=backup_policy)
    except DiskFullError:  # not even readable: the log holds commits and SQLite has no room for its -shm
        folder = path.parent
        raise DiskFullError(
            f"ディスクがいっぱいのため、データベースを開けません（{folder} のあるディスク）。"
            f"前回の変更の記録（{path.name}-wal）を読むための空き（64 KB）もありません。{FREE_SOME}"
            "空きができたら、開き直してください。") from None


def _open_sqlite_locked(path: Path, url: str, lock: writer_lock.WriterLock, *,
                        backup_policy: BackupPolicy) -> Database:
    ours = path.exists() and path.stat().st_size > 0 and _check_existing_sqlite(path)
    notes: list[StorageWarning] = []
    opened_backup = None
    due, print_ = backup_due(path, backup_policy) if ours and backup_policy.on_open else (False, None)
    if due:
        # Before migrations and before the app writes anything: the state the user last saw.
        try:
            opened_backup = rotate_backup(path, reason="open", policy=backup_policy, print_=print_)
        except BackupError as exc:  # the database still opens: say what is wrong and what to do
            notes.append(StorageWarning("backup", str(exc), "バックアップ"))
    engine = create_engine(url)
    _install_sqlite_hooks(engine, path.parent)
    factory = sessionmaker(engine, expire_on_commit=False, class_=AppSession)
    limits.install(factory)  # both databases refuse the same values
    audit.install(factory)
    db = Database(url, engine, factory, path, backup_policy=backup_policy,
                  warnings=storage_warnings(path) + tuple(notes), lock=lock)
    checkpointer = db.checkpointer = Checkpointer(path)
    event.listen(factory, "after_commit", lambda _session: checkpointer.poke())
    if opened_backup is not None:
        db.backups_made.append(opened_backup)
    _finish_open(db)
    return db


def _open_read_only(path: Path, *, reason: str | None, backup_policy: BackupPolicy) -> Database:
    """A SQLite file opened without the writer lock: no check, no backup, no migration, no writes."""
    holder = writer_lock.current_holder(path)
    if reason is None:
        reason = (f"{holder.describe()}編集しています。" if holder is not None else "")
    if _schema_check(path) is False:
        raise DatabaseError("cloudsuppress のデータベースではありません（管理表がありません）。")
    url = "sqlite:///" + read_only_uri(path) + "&uri=true"
    engine = create_engine(url)
    _install_sqlite_hooks(engine, path.parent, read_only=True)
    factory = sessionmaker(engine, expire_on_commit=False, class_=AppSession)
    limits.install(factory)  # both databases refuse the same values
    audit.install(factory)
    _refuse_writes_when_read_only(factory, reason)
    # "locked": the user chose it over waiting for the other writer; "read_only": the file or folder forced it
    kind = "locked" if holder is not None and reason.endswith("編集しています。") else "read_only"
    notes = (StorageWarning(kind, f"読み取り専用で開いています。{reason}", "読み取り専用"),)
    db = Database(f"sqlite:///{path}", engine, factory, path, backup_policy=backup_policy,
                  warnings=storage_warnings(path) + notes, read_only=True, read_only_reason=reason)
    try:
        head = head_revision()
        current = _current_revision(engine)
        if current != head:
            raise DatabaseOutdatedError(
                f"このデータベースは古い版（{current}）のため、読み取り専用では開けません。"
                + (f"{holder.describe()}編集中です。それを終了してから開き直すと版を更新します。"
                   if holder is not None else "書き込める状態で開くと版を更新します。"))
        db.opened_marker = db.change_marker()
    except BaseException:
        engine.dispose()
        raise
    return db


def _open_server(url: str, *, create: bool, backup_policy: BackupPolicy) -> Database:
    engine = create_engine(url, pool_pre_ping=True)
    factory = sessionmaker(engine, expire_on_commit=False, class_=AppSession)
    limits.install(factory)  # both databases refuse the same values
    audit.install(factory)
    if engine.dialect.name == "postgresql":
        from .sync import install_notify

        install_notify(factory)
    db = Database(url, engine, factory, None, backup_policy=backup_policy)
    _finish_open(db)
    return db


def _finish_open(db: Database) -> None:
    """Migrate to this app's schema; connection failures and migration failures are told apart."""
    url = db.url
    try:
        try:
            _current_revision(db.engine)
        except OperationalError as exc:
            raise DatabaseError(f"データベースに接続できません: {mask_url(url)}（{_reason(exc)}）") from None
        try:
            _migrate(db)
        except OperationalError as exc:
            saved = f"更新前のバックアップ: {db.backup_made}。" if db.backup_made is not None else ""
            raise DatabaseError(
                f"データベースの版を更新できませんでした: {mask_url(url)}（{_reason(exc)}）。"
                f"データベースは更新前のままです。{saved}") from None
        db.opened_marker = db.change_marker()
    except BaseException:
        db.engine.dispose()
        raise


def _reason(exc: OperationalError) -> str:
    text = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else type(exc).__name__
    return mask_secrets(text)


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
    sqlite = db.engine.dialect.name == "sqlite"
    with db.engine.connect() as conn:
        if sqlite:
            # A batch migration copies a table and drops the old one; with foreign keys enforced that
            # DROP fails as soon as another table's rows point at it (0007 rebuilding `function` under
            # the requests). SQLite's own advice: keys off for the rebuild (outside the transaction),
            # then foreign_key_check before committing.
            raw = conn.connection.driver_connection  # not through SQLAlchemy, which would BEGIN first
            assert raw is not None  # the open connection's sqlite3 object
            raw.commit()
            raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
                if sqlite:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise DatabaseError(f"データベースの更新で参照の不整合が見つかりました（{broken[0][0]} ほか "
                                            f"{len(broken)} 件）。更新は取り消しました。")
        finally:
            if sqlite:
                raw = conn.connection.driver_connection
                assert raw is not None
                raw.commit()
                raw.execute("PRAGMA foreign_keys=ON")

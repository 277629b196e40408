"""SQLite safety: rotating backups, the integrity check, and restoring a backup (ファイル > バックアップから復元).

Backups are made with SQLite's backup API (a consistent copy even of a live database in WAL
mode) into ``backups/`` beside the database file, named ``<stem>-<YYYYmmdd-HHMMSS-ffffff>-<reason>.sqlite``.
A copy is written under a temporary name and renamed, so a crash never leaves a half backup
that looks whole; ``.part`` files left by a killed copy are removed by the next one.

When: the GUI makes one copy per session (at open); a CLI command that changes something
makes one only when the newest copy is older than ``min_interval_minutes`` (60; a day for a
database of ``large_bytes``, 100 MB, or more), and a command that only reads makes none (issue
17 finding 7, issue 18 item 3). Neither makes an automatic copy when the database has not
changed since the last automatic copy: the ledger keeps each copy's fingerprint (schema version,
number and newest id of the audit actions, the undone ones, the page count; ``fingerprint``),
read in a few index lookups, never by hashing the file. A copy is skipped,
with a warning, when the disk has less free space than the database needs; a copy that cannot
be written (an unwritable or odd ``backups``) is a warning, never a reason the database does
not open. ``prune_backups`` deletes only the rotating copies the app itself made (``open`` /
``close``, listed in ``backups/.cloudsuppress-rotation``): copies made before a migration or a
restore, ``manual`` copies and files placed by hand are never pruned.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ..errors import DatabaseCorruptError, DomainError
from ..file_errors import error_reason
from ..unset import UNSET, Unset

SQLITE_HEADER = b"SQLite format 3\x00"
ROTATING_REASONS = ("open", "close")
LEDGER = ".cloudsuppress-rotation"  # the rotating copies this app made: the only ones pruned
_PART_MAX_AGE_S = 600  # a .part older than this belongs to a copy that was killed


@dataclass(frozen=True)
class BackupPolicy:
    """How many backups to keep: the newest ``keep_last``, plus the newest of each of the last ``keep_days`` days."""

    keep_last: int = 10
    keep_days: int = 14
    on_open: bool = True  # one copy when the file is opened for writing (once per GUI session)
    on_close: bool = False  # another when it is closed with changes (off: at most one per session)
    min_interval_minutes: int = 0  # skip the copy at open when the newest copy is younger (CLI: 60)
    large_bytes: int = 100 * 1024 * 1024  # a database this large (file and log) is "large"
    large_interval_minutes: int = 0  # the interval for a large database (CLI: a day); 0: the same

    def interval_minutes(self, size: int) -> int:
        """The least age of the newest copy before another automatic one, for a database of ``size`` bytes."""
        if size >= self.large_bytes and self.large_interval_minutes > self.min_interval_minutes:
            return self.large_interval_minutes
        return self.min_interval_minutes


DEFAULT_POLICY = BackupPolicy()
CLI_POLICY = BackupPolicy(min_interval_minutes=60, large_interval_minutes=24 * 60)


class BackupError(DomainError):
    """A backup could not be made (disk space, an unwritable or odd ``backups``); the message says what to do."""


@dataclass(frozen=True)
class BackupInfo:
    """One backup file, for the restore dialog's list."""

    path: Path
    created_at: dt.datetime
    reason: str  # open / close / before-migration-0003 / before-restore / manual
    size: int

    @property
    def reason_label(self) -> str:
        if self.reason == "open":
            return "起動時"
        if self.reason == "close":
            return "終了時"
        if self.reason.startswith("before-migration"):
            return "版の更新前"
        if self.reason == "before-restore":
            return "復元前"
        return self.reason


def backup_folder(db_path: Path) -> Path:
    return Path(db_path).parent / "backups"


SHM_ROOM = 64 * 1024  # what SQLite's shared-memory file (-shm) needs to read a database with an empty log


def no_room_for_shm(path: Path) -> bool:
    """True when the disk holding ``path`` is so full that SQLite cannot make (or grow) the
    -shm file it needs to read a WAL database, even read-only (its "disk I/O error")."""
    path = Path(path)
    try:
        if Path(f"{path}-shm").stat().st_size >= SHM_ROOM // 2:
            return False  # already as large as an empty log needs
    except OSError:
        pass
    return disk_is_full(path.parent)


def disk_is_full(folder: Path) -> bool:
    """True when the disk holding ``folder`` has less room than SQLite needs to open a database
    for writing (its -shm and the first pages of its log): no change could be saved there."""
    try:
        return _free_space(Path(folder)) < SHM_ROOM
    except OSError:
        return False


def log_is_empty(path: Path) -> bool:
    """True when the database's write-ahead log holds nothing (absent or empty): the file alone is the database."""
    try:
        return Path(f"{path}-wal").stat().st_size == 0
    except FileNotFoundError:
        return True
    except OSError:
        return False


def read_only_uri(path: Path) -> str:
    """A read-only SQLite URI for ``path``; ``immutable`` when its folder cannot be written
    (SQLite cannot make the WAL's shared-memory file there, and nobody can change the file),
    and when the disk is full and the log empty (the -shm cannot be made or grown; nobody can
    write to a full disk, and the file alone holds every commit)."""
    path = Path(path).resolve()
    uri = f"{path.as_uri()}?mode=ro"
    if not os.access(path.parent, os.W_OK) and not Path(f"{path}-shm").exists():
        # With an -shm left beside it SQLite reads the log through it (read-only); without one it
        # cannot make one here, and only an immutable open reads the file at all.
        uri += "&immutable=1"
    elif no_room_for_shm(path) and log_is_empty(path):
        uri += "&immutable=1"
    return uri


def database_size(path: Path) -> int:
    """The bytes a copy of the database needs: the file and its write-ahead log."""
    size = 0
    for p in (Path(path), Path(str(path) + "-wal")):
        try:
            size += p.stat().st_size
        except OSError:
            pass
    return size


def _free_space(folder: Path) -> int:
    import shutil as _shutil

    return _shutil.disk_usage(folder).free


def check_backup_space(db_path: Path, folder: Path) -> None:
    """Refuse (BackupError) when the disk holding ``folder`` cannot take a copy of the database."""
    need = database_size(db_path)
    need = need + need // 10 + 8 * 1024 * 1024
    try:
        free = _free_space(folder)
    except OSError:
        return
    if free < need:
        raise BackupError(
            f"ディスクの空き容量が足りないため、バックアップを作成しませんでした（空き {free / 2**20:,.0f} MB、"
            f"必要 {need / 2**20:,.0f} MB、{folder}）。不要なファイルを削除して空き容量を増やしてください。")


def _prepare_folder(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise BackupError(f"バックアップを作成できません: {folder} はフォルダーではなくファイルです。"
                          "このファイルの名前を変えるか別の場所へ移してください。")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(f"バックアップ用のフォルダーを作成できません: {folder}（{error_reason(exc)}）。"
                          "データベースのあるフォルダーに書き込めるか確かめてください。") from None
    if not os.access(folder, os.W_OK):
        raise BackupError(f"バックアップ用のフォルダーに書き込めません: {folder}。"
                          "フォルダーの書き込み許可を確かめてください。")


def clean_parts(db_path: Path, *, max_age_s: float = _PART_MAX_AGE_S) -> list[Path]:
    """Remove ``.part`` copies of this database left in ``backups`` by a killed backup."""
    import time

    folder = backup_folder(db_path)
    stem = Path(db_path).stem
    removed: list[Path] = []
    try:
        candidates = list(folder.glob(f"{glob_escape(stem)}-*.part"))
    except OSError:
        return removed
    now = time.time()
    for p in candidates:
        try:
            if now - p.stat().st_mtime >= max_age_s:
                p.unlink()
                removed.append(p)
        except OSError:
            pass
    return removed


def glob_escape(text: str) -> str:
    import glob

    return glob.escape(text)


def _pattern(db_path: Path) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(Path(db_path).stem)}-(\d{{8}}-\d{{6}})(?:-(\d{{6}}))?-([A-Za-z0-9_.-]+)\.sqlite$")


def copy_sqlite(source: str, dest: Path, *, uri: bool = False, self_contained: bool = False) -> Path:
    """A consistent copy of a (live, WAL) SQLite database through the backup API, written as
    ``dest.part`` and renamed, so ``dest`` is never half written; ``self_contained``: the copy in
    rollback-journal mode, one file to hand over. OSError / sqlite3.Error leave no .part behind."""
    tmp = dest.with_name(dest.name + ".part")
    try:
        src = sqlite3.connect(source, uri=uri)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
                if self_contained:
                    dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        os.replace(tmp, dest)
    except (OSError, sqlite3.Error):
        try:
            tmp.unlink()
        except OSError:
            pass
        raise
    return dest


def backup_sqlite(path: Path, *, reason: str) -> Path:
    """Copy a live SQLite database aside with the backup API; return the copy's path."""
    path = Path(path).resolve()
    folder = backup_folder(path)
    _prepare_folder(folder)
    clean_parts(path)
    check_backup_space(path, folder)
    now = dt.datetime.now()
    dest = folder / f"{path.stem}-{now:%Y%m%d-%H%M%S-%f}-{reason}.sqlite"
    try:
        copy_sqlite(str(path), dest)
    except (OSError, sqlite3.Error) as exc:
        full = "full" in str(exc) or getattr(exc, "errno", None) == 28
        why = "ディスクの空き容量が足りません" if full else str(getattr(exc, "strerror", None) or exc)
        raise BackupError(f"バックアップを作成できませんでした: {folder}（{why}）。") from None
    return dest


def _ledger(db_path: Path) -> Path:
    return backup_folder(db_path) / LEDGER


def _ledger_entries(db_path: Path) -> dict[str, str]:
    """The rotating copies this app made, oldest first: file name → the database's fingerprint
    when the copy was taken ("" for a line written by an older version, which had none)."""
    try:
        lines = _ledger(db_path).read_text(encoding="utf-8").split("\n")
    except OSError:
        return {}
    entries: dict[str, str] = {}
    for line in lines:
        name, _tab, print_ = line.partition("\t")
        if name:
            entries.pop(name, None)
            entries[name] = print_
    return entries


def _record_rotating(db_path: Path, dest: Path, print_: str | None = None) -> None:
    try:
        with open(_ledger(db_path), "a", encoding="utf-8") as fh:
            fh.write(dest.name + (f"\t{print_}" if print_ else "") + "\n")
    except OSError:  # unlisted: the copy is simply never pruned
        pass


def fingerprint(path: Path) -> str | None:
    """What changes whenever the database's content does, read cheaply (no hashing of the file):
    the schema version, the number, newest id and undone count of the audit actions (every change
    the app makes, undo and redo included, is one) and the page count. None when it cannot be read."""
    try:
        con = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            schema = con.execute("PRAGMA schema_version").fetchone()[0]
            pages = con.execute("PRAGMA page_count").fetchone()[0]
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if "audit_action" not in tables:
                return None
            count, last, undone = con.execute(
                "SELECT count(*), max(id), sum(state != 'done') FROM audit_action").fetchone()
        finally:
            con.close()
    except (OSError, sqlite3.Error):
        return None
    return f"s{schema}:p{pages}:a{count}:{last}:{undone or 0}"


def last_automatic_fingerprint(db_path: Path) -> str | None:
    """The fingerprint recorded with the newest automatic copy that still exists (None: none recorded)."""
    folder = backup_folder(db_path)
    for name, print_ in reversed(list(_ledger_entries(db_path).items())):
        if (folder / name).is_file():
            return print_ or None
    return None


def backup_due(db_path: Path, policy: BackupPolicy) -> tuple[bool, str | None]:
    """Whether opening the database for writing takes an automatic copy — the newest copy is older
    than the policy's interval for this size, and the database changed since the last automatic copy —
    and the fingerprint read for it (None when not read or unreadable), for ``rotate_backup``."""
    interval = policy.interval_minutes(database_size(db_path))
    if interval > 0:
        age = newest_backup_age(db_path)
        if age is not None and age.total_seconds() < interval * 60:
            return False, None
    current = fingerprint(db_path)
    return current is None or current != last_automatic_fingerprint(db_path), current


def newest_backup_age(db_path: Path, *, now: dt.datetime | None = None) -> dt.timedelta | None:
    """How old the newest backup of this database is (None when there is none)."""
    found = list_backups(db_path)
    if not found:
        return None
    return (now or dt.datetime.now()) - found[0].created_at


def list_backups(db_path: Path) -> list[BackupInfo]:
    """Backups of this database file, newest first."""
    folder = backup_folder(db_path)
    if not folder.is_dir():
        return []
    pattern = _pattern(db_path)
    out = []
    for p in folder.iterdir():
        m = pattern.match(p.name)
        if not m or not p.is_file():
            continue
        stamp = dt.datetime.strptime(m.group(1), "%Y%m%d-%H%M%S")
        if m.group(2):
            stamp = stamp.replace(microsecond=int(m.group(2)))
        out.append(BackupInfo(p, stamp, m.group(3), p.stat().st_size))
    out.sort(key=lambda b: (b.created_at, b.path.name), reverse=True)
    return out


def prune_backups(db_path: Path, policy: BackupPolicy = DEFAULT_POLICY, *, today: dt.date | None = None) -> list[Path]:
    """Delete rotating backups beyond the policy; return the deleted paths."""
    today = today or dt.date.today()
    entries = _ledger_entries(db_path)
    made = set(entries)
    rotating = [b for b in list_backups(db_path) if b.reason in ROTATING_REASONS and b.path.name in made]
    keep = {b.path for b in rotating[: max(policy.keep_last, 1)]}
    days_seen: set[dt.date] = set()
    for b in rotating:  # newest first: the first of each day is that day's newest
        day = b.created_at.date()
        if (today - day).days < policy.keep_days and day not in days_seen:
            days_seen.add(day)
            keep.add(b.path)
    deleted = []
    for b in rotating:
        if b.path not in keep:
            try:
                b.path.unlink()
                deleted.append(b.path)
            except OSError:
                continue
            for suffix in ("-wal", "-shm"):  # left by a read of the copy (a restore's check): empty, never needed alone
                try:
                    b.path.with_name(b.path.name + suffix).unlink(missing_ok=True)
                except OSError:
                    pass
    if deleted:
        gone = {p.name for p in deleted}
        try:
            _ledger(db_path).write_text("".join(f"{n}\t{p}\n" if p else f"{n}\n"
                                                for n, p in entries.items() if n not in gone), encoding="utf-8")
        except OSError:
            pass
    return deleted


def rotate_backup(db_path: Path, *, reason: str, policy: BackupPolicy = DEFAULT_POLICY,
                  print_: str | None | Unset = UNSET) -> Path:
    """Make a backup and prune the old rotating ones (``open`` / ``close`` are rotating; others are kept).
    ``print_``: the database's fingerprint when the caller has just read it (``backup_due``)."""
    if reason not in ROTATING_REASONS:
        print_ = None
    elif print_ is UNSET:
        print_ = fingerprint(db_path)
    dest = backup_sqlite(db_path, reason=reason)
    if reason in ROTATING_REASONS:
        _record_rotating(db_path, dest, print_)
    prune_backups(db_path, policy)
    return dest


# --- integrity ------------------------------------------------------------------------------------


def check_sqlite_file(path: Path, *, quick: bool = True) -> list[str]:
    """Problems ``PRAGMA quick_check`` (or ``integrity_check``) finds in a file; empty when it is sound."""
    path = Path(path).resolve()
    with open(path, "rb") as fh:
        if fh.read(16) != SQLITE_HEADER:
            return ["SQLite のデータベースファイルではありません"]
    try:
        con = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            rows = [r[0] for r in con.execute("PRAGMA quick_check" if quick else "PRAGMA integrity_check")]
        finally:
            con.close()
    except sqlite3.OperationalError as exc:
        if not is_damage(exc):  # locked, unreadable, no room: not a damaged file (issue 17 finding 6)
            raise
        return [str(exc)]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def is_damage(exc: BaseException) -> bool:
    """True when SQLite's error says the file itself is damaged (not locked, not unreadable)."""
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text or "corrupt" in text


def corrupt_error(path: Path, detail: str) -> DatabaseCorruptError:
    """The error shown when a database file fails its check, pointing at the newest backup."""
    backups = [b for b in list_backups(path) if not check_sqlite_file(b.path)]
    hint = "バックアップがありません。"
    if backups:  # how to restore is the front end's to say (the GUI's menu, the CLI's command)
        hint = (f"バックアップから復元できます（最新の正常なバックアップ: "
                f"{backups[0].created_at:%Y-%m-%d %H:%M}、{backups[0].path}）。")
    return DatabaseCorruptError(
        f"データベースファイルが壊れているため開けません: {path}（{detail}）。{hint}",
        path=Path(path), backups=tuple(backups),
    )


# --- restore --------------------------------------------------------------------------------------


def _revision_of(path: Path) -> str | None:
    con = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "alembic_version" not in tables:
            return None
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    finally:
        con.close()


def validate_backup(backup_path: Path) -> str:
    """Refuse (DomainError) a file that is not a sound cloudsuppress database this app can open; return its revision."""
    from .revisions import known_revisions

    backup_path = Path(backup_path).expanduser().resolve()
    if not backup_path.is_file():
        raise DomainError(f"バックアップファイルが見つかりません: {backup_path}")
    try:
        problems = check_sqlite_file(backup_path, quick=False)
    except (OSError, sqlite3.Error) as exc:
        raise DomainError(f"バックアップファイルを読めません: {backup_path}（{exc}）") from None
    if problems:
        raise DomainError(f"バックアップファイルが壊れているため復元できません: {backup_path}（{problems[0]}）")
    try:
        revision = _revision_of(backup_path)
    except sqlite3.DatabaseError as exc:
        raise DomainError(f"バックアップファイルを読めません: {backup_path}（{exc}）") from None
    if revision is None:
        raise DomainError(f"cloudsuppress のデータベースではないため復元できません: {backup_path}")
    if revision not in known_revisions()[1]:
        raise DomainError(f"このバックアップは新しい版の cloudsuppress で作成されたため復元できません（版 {revision}）。")
    return revision


def _save_aside(db_path: Path) -> Path | None:
    """Keep the current file before it is replaced: a backup-API copy, or a raw copy when it is damaged."""
    if not db_path.exists():
        return None
    try:
        if not check_sqlite_file(db_path):
            return backup_sqlite(db_path, reason="before-restore")
    except sqlite3.DatabaseError:
        pass
    folder = backup_folder(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    dest = folder / f"{db_path.stem}-{dt.datetime.now():%Y%m%d-%H%M%S-%f}-before-restore.damaged"
    shutil.copy2(db_path, dest)
    wal = db_path.with_name(db_path.name + "-wal")
    if wal.exists():
        shutil.copy2(wal, dest.with_name(dest.name + "-wal"))
    return dest


def restore_backup(db_path: Path, backup_path: Path) -> Path | None:
    """Replace the database file with a backup; the caller has closed the database.

    Refused (``DatabaseLockedError`` naming the holder) while another process has the file
    open for writing: replacing it under a running app loses every later save (issue 17,
    finding 1). The backup is validated first (integrity check, a cloudsuppress schema this
    app knows); the current file is saved aside (returned, so the user can be told where); the
    copy is written beside the database and renamed over it, so the file is either the old one
    or the restored one, never half of each. Relative paths are taken from the current folder.
    """
    from . import writer_lock

    db_path = Path(db_path).expanduser().resolve()
    backup_path = Path(backup_path).expanduser().resolve()
    validate_backup(backup_path)
    lock = writer_lock.acquire(db_path, purpose="復元", doing="復元できません")
    try:
        return _restore_locked(db_path, backup_path)
    finally:
        lock.release()


def _restore_locked(db_path: Path, backup_path: Path) -> Path | None:
    saved = _save_aside(db_path)
    tmp = db_path.with_name(db_path.name + ".restoring")
    src = sqlite3.connect(read_only_uri(backup_path), uri=True)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")  # a self-contained file, no -wal beside it
        finally:
            dst.close()
    finally:
        src.close()
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())
    # The old file's WAL and shared-memory index belong to the old file: never replay them onto the restored one.
    for suffix in ("-wal", "-shm"):
        try:
            db_path.with_name(db_path.name + suffix).unlink()
        except FileNotFoundError:
            pass
    os.replace(tmp, db_path)
    return saved

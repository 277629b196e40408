"""SQLite safety: rotating backups, the integrity check, and restoring a backup (ファイル > バックアップから復元).

Backups are made with SQLite's backup API (a consistent copy even of a live database in WAL
mode) into ``backups/`` beside the database file, named ``<stem>-<YYYYmmdd-HHMMSS-ffffff>-<reason>.sqlite``.
A copy is written under a temporary name and renamed, so a crash never leaves a half backup
that looks whole. ``prune_backups`` keeps the newest N and the newest of each of the last M
days; copies made before a migration or a restore are never pruned.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from .errors import DatabaseCorruptError, DomainError

SQLITE_HEADER = b"SQLite format 3\x00"
_KEPT_REASONS = ("before-migration", "before-restore")


@dataclass(frozen=True)
class BackupPolicy:
    """How many backups to keep: the newest ``keep_last``, plus the newest of each of the last ``keep_days`` days."""

    keep_last: int = 10
    keep_days: int = 14
    on_open: bool = True
    on_close: bool = True


DEFAULT_POLICY = BackupPolicy()


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


def _pattern(db_path: Path) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(Path(db_path).stem)}-(\d{{8}}-\d{{6}})(?:-(\d{{6}}))?-([A-Za-z0-9_.-]+)\.sqlite$")


def backup_sqlite(path: Path, *, reason: str) -> Path:
    """Copy a live SQLite database aside with the backup API; return the copy's path."""
    path = Path(path)
    folder = backup_folder(path)
    folder.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now()
    dest = folder / f"{path.stem}-{now:%Y%m%d-%H%M%S-%f}-{reason}.sqlite"
    tmp = dest.with_name(dest.name + ".part")
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    os.replace(tmp, dest)
    return dest


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
    rotating = [b for b in list_backups(db_path) if not b.reason.startswith(_KEPT_REASONS)]
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
                pass
    return deleted


def rotate_backup(db_path: Path, *, reason: str, policy: BackupPolicy = DEFAULT_POLICY) -> Path:
    """Make a backup and prune the old ones."""
    dest = backup_sqlite(db_path, reason=reason)
    prune_backups(db_path, policy)
    return dest


# --- integrity ------------------------------------------------------------------------------------


def check_sqlite_file(path: Path, *, quick: bool = True) -> list[str]:
    """Problems ``PRAGMA quick_check`` (or ``integrity_check``) finds in a file; empty when it is sound."""
    path = Path(path)
    with open(path, "rb") as fh:
        if fh.read(16) != SQLITE_HEADER:
            return ["SQLite のデータベースファイルではありません"]
    try:
        con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            rows = [r[0] for r in con.execute("PRAGMA quick_check" if quick else "PRAGMA integrity_check")]
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def corrupt_error(path: Path, detail: str) -> DatabaseCorruptError:
    """The error shown when a database file fails its check, pointing at the newest backup."""
    backups = [b for b in list_backups(path) if not check_sqlite_file(b.path)]
    hint = "バックアップがありません。"
    if backups:
        hint = (f"「ファイル > バックアップから復元」で復元できます（最新のバックアップ: "
                f"{backups[0].created_at:%Y-%m-%d %H:%M}、{backups[0].path}）。")
    return DatabaseCorruptError(
        f"データベースファイルが壊れているため開けません: {path}（{detail}）。{hint}",
        path=Path(path), backups=tuple(backups),
    )


# --- restore --------------------------------------------------------------------------------------


def _revision_of(path: Path) -> str | None:
    con = sqlite3.connect(f"{Path(path).as_uri()}?mode=ro", uri=True)
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
    from .db import known_revisions

    backup_path = Path(backup_path)
    if not backup_path.is_file():
        raise DomainError(f"バックアップファイルが見つかりません: {backup_path}")
    problems = check_sqlite_file(backup_path, quick=False)
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

    The backup is validated first (integrity check, a cloudsuppress schema this app knows);
    the current file is saved aside (returned, so the user can be told where); the copy is
    written beside the database and renamed over it, so the file is either the old one or
    the restored one, never half of each.
    """
    db_path, backup_path = Path(db_path), Path(backup_path)
    validate_backup(backup_path)
    saved = _save_aside(db_path)
    tmp = db_path.with_name(db_path.name + ".restoring")
    src = sqlite3.connect(f"{backup_path.as_uri()}?mode=ro", uri=True)
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

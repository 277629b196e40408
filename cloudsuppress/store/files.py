"""Creating and opening consortium database files (File menu 新しい協議会… / 開く…, CLI init).

Plain functions shared by the GUI and the CLI: they take a path and return an open ``Database`` or raise a
``DomainError`` whose Japanese message the caller shows as it is. A new consortium is
created in one transaction right after the file is made; if that fails, a file this call
created is removed again, so a refused attempt leaves nothing behind. An existing
consortium database is never overwritten.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import DomainError
from ..ops.consortium import create_consortium, get_consortium
from ..wording import either
from .backups import DEFAULT_POLICY, BackupPolicy, copy_sqlite
from .db import Database, open_database

DB_SUFFIX = ".sqlite"
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def safe_file_name(text: str, default: str = "report") -> str:
    """A file name from a title: characters Windows refuses become 「_」 (「負担額通知_a/b」 → 「負担額通知_a_b」)."""
    return _UNSAFE.sub("_", text.strip()).strip(" .") or default


def suggested_file_name(name: str) -> str:
    """A file name for a consortium name: 「○○協議会」 → 「○○協議会.sqlite」."""
    return safe_file_name(name, "協議会")[:80] + DB_SUFFIX


def with_db_suffix(path: Path) -> Path:
    """The path with the .sqlite suffix added when the user typed none."""
    return path if path.suffix.lower() in (".sqlite", ".sqlite3", ".db") else path.with_name(path.name + DB_SUFFIX)


def _remove_sqlite_files(path: Path) -> None:
    for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        try:
            p.unlink()
        except FileNotFoundError:
            pass


def _refuse_existing(path: Path) -> None:
    """Raise unless an existing non-empty file is a cloudsuppress database without a consortium."""
    from .writer_lock import DatabaseLockedError

    try:
        db = open_database(path, create=False)
    except DatabaseLockedError:
        raise
    except DomainError:
        raise DomainError(
            f"「{path.name}」はすでにある別のファイルです。上書きはしません。別のファイル名を指定してください。"
        ) from None
    try:
        with db.session() as s:
            info = get_consortium(s)
    finally:
        db.close()
    if info is not None:
        raise DomainError(
            f"「{path.name}」にはすでに協議会「{info.name}」が登録されています。"
            "登録済みの協議会は上書きできません。別のファイル名を指定するか、"
            + either(gui="「開く…」で開いてください。",
                     cli="そのファイルを --db に指定してほかのコマンドで使ってください（init は新しいファイルに使います）。")
        )


def create_database_file(path: Path, *, name: str, preset: str, demo: bool = False,
                         backup_policy: BackupPolicy = DEFAULT_POLICY) -> Database:
    """Create a database file holding a new consortium (from a preset, or the demo data); return it open."""
    path = Path(path)
    if not name.strip():
        raise DomainError("協議会の名称を入力してください。")
    existed = path.exists() and path.stat().st_size > 0
    if existed:
        _refuse_existing(path)
    made_file = not path.exists()
    db = open_database(path, backup_policy=backup_policy)
    try:
        with db.session() as s, s.begin():
            if demo:
                from ..demo import create_demo

                create_demo(s, name=name)
            else:
                create_consortium(s, name=name, preset=preset)
    except BaseException:
        db.close()
        if made_file:
            _remove_sqlite_files(path)
        raise
    return db


def open_database_file(path: Path, *, backup_policy: BackupPolicy = DEFAULT_POLICY, read_only: bool = False,
                       allow_read_only: bool = False, purpose: str = "") -> Database:
    """Open an existing database file (migrating it if it is older); never create one.

    ``read_only`` / ``allow_read_only`` / ``purpose`` as for ``db.open_database``.
    """
    return open_database(Path(path), create=False, backup_policy=backup_policy, read_only=read_only,
                         allow_read_only=allow_read_only, purpose=purpose)


def save_database_copy(source: Path, dest: Path, *, overwrite: bool = False) -> Path:
    """Write a consistent copy of an open SQLite database to ``dest`` (ファイル > 名前を付けてコピーを保存…).

    SQLite's backup API copies even a live WAL database consistently; the copy is written
    under a temporary name and renamed, so ``dest`` is never half written. The open database
    itself cannot be the destination. An existing file is replaced only with ``overwrite`` (the
    user was asked about that very name: a name typed without .sqlite is another file), and never
    while another program has it open for writing (its writer lock is held for the replacement);
    the replaced database's -wal and -shm are removed with it, so they are never replayed onto the copy.
    """
    import sqlite3

    from . import writer_lock

    source, dest = Path(source), with_db_suffix(Path(dest))
    if dest.exists() and dest.resolve() == source.resolve():
        raise DomainError("開いているデータベースと同じファイルには保存できません。別のファイル名を指定してください。")
    if dest.is_dir():
        raise DomainError(f"「{dest}」はフォルダーです。保存するファイルの名前まで指定してください。")
    if not dest.exists():
        lock = None
    elif not overwrite:
        raise DomainError(f"「{dest.name}」はすでにあります。別のファイル名を指定してください。")
    else:
        lock = writer_lock.acquire(dest, purpose="コピーの保存", doing="上書きできません")
    try:
        if lock is not None:
            for suffix in ("-wal", "-shm"):  # the replaced file's log and index: never replayed onto the copy
                dest.with_name(dest.name + suffix).unlink(missing_ok=True)
        # read-only source; one self-contained file to hand over
        return copy_sqlite(f"{source.resolve().as_uri()}?mode=ro", dest, uri=True, self_contained=True)
    except (OSError, sqlite3.Error) as error:
        raise DomainError(f"コピーを保存できません: {dest}（{error}）") from None
    finally:
        if lock is not None:
            lock.release()

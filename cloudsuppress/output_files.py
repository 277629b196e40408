"""Writing an export file without harming what is already there (every PDF, xlsx, docx, csv and zip).

One door for every export, CLI and GUI alike:

- ``check_output(target, overwrite=…)`` refuses a target that is a SQLite database (its first
  16 bytes are ``SQLite format 3\\0``; the open database is one too) or that database's -wal /
  -shm / -journal companion, whatever ``overwrite`` says, and refuses any other existing file
  unless the caller has the user's consent (the GUI's save dialog asked; the CLI's ``--force``).
- ``output_file(target, overwrite=…)`` yields a temporary path in the same folder; the writer
  writes there and, when it returns, the file is renamed over the target (``os.replace``, atomic
  on one file system). A writer that fails, or a process that is killed, leaves the previous
  file whole; the temporary file is removed on failure (a killed process leaves it, named
  ``….part.<suffix>``, never the target).

The temporary name keeps the target's suffix (the request template writer checks for .xlsx),
and a file error on the temporary path is reported with the target's name.
"""
from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import DomainError

SQLITE_HEADER = b"SQLite format 3\x00"
_COMPANIONS = ("-wal", "-shm", "-journal")


def is_sqlite_database(path: str | Path) -> bool:
    """True when the file starts with SQLite's header (a database, whatever its name)."""
    try:
        with open(path, "rb") as fh:
            return fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def _database_companion(path: Path) -> bool:
    """True for X-wal / X-shm / X-journal next to a database X (overwriting them corrupts X)."""
    for tail in _COMPANIONS:
        if path.name.endswith(tail):
            return is_sqlite_database(path.with_name(path.name[: -len(tail)]))
    return False


def check_output(target: str | Path, *, overwrite: bool = False) -> Path:
    """Refuse a database (always) or an existing file (unless ``overwrite``); return the target as a Path."""
    target = Path(target)
    if target.is_dir():
        raise DomainError(f"「{target}」はフォルダーです。書き出すファイルの名前まで指定してください。")
    if not target.exists():
        return target
    if is_sqlite_database(target) or _database_companion(target):
        raise DomainError(f"「{target.name}」はデータベースのファイルです。データベースには書き出しません。"
                          "別のファイル名を指定してください。")
    if not overwrite:
        raise DomainError(f"「{target}」はすでにあります。上書きしてよければ --force を付けて実行してください"
                          "（または別のファイル名を指定してください）。")
    return target


def temporary_name(target: Path) -> Path:
    """A unique sibling of ``target`` with the same suffix: 「表.xlsx」 → 「表.1234-a1b2c3.part.xlsx」."""
    return target.with_name(f"{target.stem}.{os.getpid()}-{secrets.token_hex(3)}.part{target.suffix}")


def _name_the_target(exc: BaseException, tmp: Path, target: Path) -> None:
    from .file_errors import os_error_of

    os_error = os_error_of(exc)
    if os_error is not None and os_error.filename is not None and Path(os_error.filename) == tmp:
        os_error.filename = str(target)


@contextmanager
def output_file(target: str | Path, *, overwrite: bool = False) -> Iterator[Path]:
    """Yield a temporary path next to ``target``; when the block ends normally, it replaces ``target``.

    ``with output_file(out, overwrite=args.force) as tmp: write_x(tmp, …)``
    """
    target = check_output(target, overwrite=overwrite)
    tmp = temporary_name(target)
    try:
        yield tmp
        if not tmp.exists():  # a writer that wrote nothing: leave the target as it was
            return
        check_output(target, overwrite=True)  # a database may have appeared there meanwhile
        os.replace(tmp, target)
    except BaseException as exc:
        _name_the_target(exc, tmp, target)
        try:
            tmp.unlink()
        except OSError:
            pass
        raise


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def excel_safe_cell(text: str) -> str:
    """A CSV cell Excel will not run: text starting with = + - @ tab or CR gets a leading 「'」 (OWASP).

    Excel (and LibreOffice) read such a cell as a formula (=HYPERLINK(…), =cmd|…, @SUM(…)); the
    quote makes it text, shown as written. Negative numbers are text here too (a history CSV holds
    what people typed), so 「-5」 becomes 「'-5」, as OWASP advises."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def existing_outputs(targets: list[Path]) -> list[Path]:
    """The targets that exist already (a folder export asks once for all of them)."""
    return [t for t in targets if t.exists()]

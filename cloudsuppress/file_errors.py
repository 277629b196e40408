"""A file that cannot be written or read, said in Japanese for the CLI and the GUI.

The writers raise ``OSError`` (reportlab, python-docx, csv, zip) or xlsxwriter's
``FileCreateError``, which wraps the ``OSError`` but is not one: both are "file errors" here.
On Windows the everyday case is writing over a workbook that is open in Excel
(PermissionError); the reason names that. The OS's own text (English on most systems) is
used only for an error this table does not know.
"""
from __future__ import annotations

import errno
from pathlib import Path


def _file_create_error() -> type[BaseException]:
    from xlsxwriter.exceptions import FileCreateError  # imported when an error is looked at, not at start-up

    return FileCreateError


def file_errors() -> tuple[type[BaseException], ...]:
    """The exception types that mean "this file could not be written or read", for ``except
    file_errors() as error:`` (Python evaluates the tuple only when an exception is matched, so
    xlsxwriter is not imported by the app's start-up)."""
    return (OSError, _file_create_error())

_REASONS = {
    errno.ENOENT: "フォルダーが見つかりません",
    errno.EACCES: "書き込みが許可されていません。Excel などほかのアプリで開いていないか、書き込めるフォルダーか確かめてください",
    errno.EPERM: "書き込みが許可されていません。Excel などほかのアプリで開いていないか、書き込めるフォルダーか確かめてください",
    errno.EISDIR: "フォルダーです。ファイル名まで指定してください",
    errno.ENOTDIR: "途中にフォルダーではないものがあります",
    errno.ENOSPC: "ディスクの空き容量が足りません",
    errno.EROFS: "読み取り専用の場所です",
    errno.ENAMETOOLONG: "パスが長すぎます",
    errno.EINVAL: "ファイル名に使えない文字が含まれています",
    errno.EEXIST: "同じ名前のファイルがすでにあります",
    errno.EBUSY: "ほかのアプリが使用中です",
}
_READ_REASONS = {
    errno.ENOENT: "ファイルが見つかりません",
    errno.EACCES: "読み込みが許可されていません。ほかのアプリで開いていないか確かめてください",
    errno.EPERM: "読み込みが許可されていません。ほかのアプリで開いていないか確かめてください",
    errno.EISDIR: "フォルダーです。ファイルを指定してください",
}


def os_error_of(exc: BaseException) -> OSError | None:
    """The ``OSError`` behind a file error (xlsxwriter wraps it), or None."""
    if isinstance(exc, OSError):
        return exc
    if isinstance(exc, _file_create_error()) and exc.args and isinstance(exc.args[0], OSError):
        return exc.args[0]
    return None


def is_file_error(exc: BaseException) -> bool:
    return isinstance(exc, file_errors())


def failed_path(exc: BaseException) -> str | None:
    """The file the OS named in the error, if any."""
    os_error = os_error_of(exc)
    name = getattr(os_error, "filename", None) if os_error is not None else None
    return str(name) if name is not None else None


def error_reason(exc: BaseException, *, writing: bool = True) -> str:
    """Why: 「書き込みが許可されていません…」, 「フォルダーが見つかりません」 ..."""
    os_error = os_error_of(exc)
    code = getattr(os_error, "errno", None)
    if getattr(os_error, "winerror", None) == 32:  # ERROR_SHARING_VIOLATION: open in another app
        code = errno.EACCES
    table = {**_REASONS, **_READ_REASONS} if not writing else _REASONS
    if code in table:
        return table[code]
    detail = getattr(os_error, "strerror", None) or str(os_error or exc)
    return f"システムのエラー: {detail}"


def cannot_write_message(path: str | Path, exc: BaseException) -> str:
    """ファイルに書き込めません: PATH（理由）"""
    return f"ファイルに書き込めません: {path}（{error_reason(exc)}）"


def cannot_read_message(path: str | Path | None, exc: BaseException) -> str:
    """ファイルを読み込めません: PATH（理由）"""
    where = f": {path}" if path else ""
    return f"ファイルを読み込めません{where}（{error_reason(exc, writing=False)}）"

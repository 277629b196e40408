"""The two questions and the one message every save path of the GUI shares: a suffix added to
a typed name that then names an existing file (asked, since the save dialog never saw that name),
and 「ファイルに書き込めません」 with the file and the reason.

Kept apart from report_export so that the PDF preview, which report_export opens, can use them
without importing report_export back (an import circle).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from cloudsuppress.file_errors import error_reason

# The texts keep the context they were translated under (report_export).


def with_suffix_confirmed(parent: QWidget | None, path: Path, suffix: str) -> Path | None:
    """The path with ``suffix`` added when the user typed none; when that makes it the name of an
    existing file, the save dialog never asked about it, so ask here (None: keep the file)."""
    if path.suffix.lower() == suffix:
        return path
    path = path.with_name(path.name + suffix)
    if path.exists():
        answer = QMessageBox.question(
            parent, QCoreApplication.translate("report_export", "上書きの確認"),
            QCoreApplication.translate("report_export", "{0} はすでにあります。置き換えますか？").format(path.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return None
    return path


def show_write_error(parent: QWidget | None, path: Path, error: BaseException) -> None:
    """「ファイルに書き込めません」 with the file and the reason (the core's Japanese, e.g. open in Excel)."""
    QMessageBox.warning(parent, QCoreApplication.translate("report_export", "書き出せません"),
                        QCoreApplication.translate("report_export", "ファイルに書き込めません。\n{0}\n\n{1}。")
                        .format(path, error_reason(error)))

"""Writing a report from the GUI: ask where, write it on the runner's worker thread, offer to open it;
a PDF is previewed in the app first (``PdfPreviewDialog``), and saved or printed from there.

``export_report`` is shared by the 比較表 and 会議 views. The ``write(path)`` function it is
given reads what it needs through the runner (``runner.read``) and calls a core writer
(``cloudsuppress.reports``); both happen on the worker thread, so a 1,000-item comparison
sheet keeps the window painted. A refusal (DomainError) or a file that cannot be written
(OSError, or xlsxwriter's FileCreateError which is not one: the file is open in Excel, the
folder is read-only) is shown as a message naming the file and why.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from cloudsuppress.errors import DomainError
from cloudsuppress.file_errors import file_errors
from cloudsuppress.output_files import output_file
from cloudsuppress.store.files import safe_file_name  # noqa: F401 - the views import it from here

from ..file_dialogs import KIND_REPORTS, save_file_name
from ..op_runner import OpRunner
from .save_prompts import show_write_error, with_suffix_confirmed  # noqa: F401 - callers import them from here


def export_report(
    runner: OpRunner, *, parent: QWidget | None, caption: str, suggested: str, file_filter: str,
    write: Callable[[Path], object], label: str, folder: str = "", preview: bool = False,
) -> Path | None:
    """Ask for a file, write it in the worker, offer to open it; return the path, or None.

    With ``preview`` a PDF is written to a temporary file first and shown in the app's
    preview, from which the user saves (asked where only then) or prints it.
    """
    if preview and file_filter.rstrip().endswith("(*.pdf)"):
        return preview_pdf_report(runner, parent=parent, caption=caption, suggested=suggested,
                                  file_filter=file_filter, write=write, label=label, folder=folder)
    # Documents first, then the folder last used for a report; a missing folder is offered to be made.
    path = save_file_name(parent, caption, kind=KIND_REPORTS, suggested=suggested, file_filter=file_filter,
                          folder=folder)
    if path is None:
        return None
    wanted = file_filter.rsplit("*", 1)[-1].split(")")[0].strip()  # '.pdf' from '… (*.pdf)'
    if wanted.startswith("."):
        path = with_suffix_confirmed(parent, path, wanted)
        if path is None:
            return None
    try:
        runner.call_in_worker(lambda: write_replacing(path, write), parent=parent, label=label)
    except DomainError as error:
        runner.show_error(error, parent=parent)
        return None
    except file_errors() as error:
        show_write_error(parent, path, error)
        return None
    answer = QMessageBox.question(parent, QCoreApplication.translate("report_export", "書き出しました"),
                                  QCoreApplication.translate("report_export", "{0} を書き出しました。\n開きますか？").format(path.name),
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    if answer == QMessageBox.StandardButton.Yes:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    return path


def write_replacing(path: Path, write: Callable[[Path], object]) -> None:
    """Run ``write`` on a temporary file beside ``path`` and rename it over ``path`` (the save dialog
    asked before replacing a file; a database is refused by the core whatever the user said)."""
    with output_file(path, overwrite=True) as tmp:
        write(tmp)


def preview_pdf_report(
    runner: OpRunner, *, parent: QWidget | None, caption: str, suggested: str, file_filter: str,
    write: Callable[[Path], object], label: str, folder: str = "",
) -> Path | None:
    """Write a PDF report to a temporary file in the worker, preview it; return where it was saved, or None."""
    import shutil
    import tempfile

    from .pdf_preview_dialog import PdfPreviewDialog

    if not suggested.lower().endswith(".pdf"):
        suggested += ".pdf"
    tmpdir = Path(tempfile.mkdtemp(prefix="cloudsuppress-preview-"))
    tmp = tmpdir / safe_file_name(suggested)
    try:
        try:
            runner.call_in_worker(lambda: write(tmp), parent=parent, label=label)
        except DomainError as error:
            runner.show_error(error, parent=parent)
            return None
        except file_errors() as error:
            show_write_error(parent, Path(suggested), error)
            return None
        dialog = PdfPreviewDialog(tmp, suggested=suggested, caption=caption, file_filter=file_filter, folder=folder,
                                  parent=parent)
        dialog.exec()
        dialog.document.close()  # release the file before it is removed (Windows keeps open files)
        return dialog.saved
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)

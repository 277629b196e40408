"""PdfPreviewDialog: a written PDF report shown inside the app before it is saved or printed.

The report has already been written to a temporary file; the dialog shows it with QtPdf
(``QPdfDocument`` + ``QPdfView``). 保存… asks where and copies the file there (``saved``
keeps the path); 印刷… prints it through the system's print dialog. Ctrl+S and Ctrl+P do the same,
the pages have the focus on open (arrow and page keys scroll), Esc closes. ``print_pdf`` renders
each page as an image at the printer's resolution into the printer's painter, so what is
printed is what the preview shows (fonts are embedded in the PDF).
"""
from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QKeySequence, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cloudsuppress.errors import DomainError
from cloudsuppress.output_files import output_file

from .save_prompts import show_write_error, with_suffix_confirmed


def print_pdf(document: QPdfDocument, printer: QPrinter, *, first: int = 0, last: int | None = None) -> int:
    """Print pages ``first``..``last`` of a loaded PDF; return the number of pages printed."""
    last = document.pageCount() - 1 if last is None else min(last, document.pageCount() - 1)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    printed = 0
    try:
        dpi = printer.resolution()
        for index in range(first, last + 1):
            if printed:
                printer.newPage()
            points = document.pagePointSize(index)
            target = printer.pageLayout().paintRectPixels(dpi)
            size = QSize(int(points.width() / 72 * dpi), int(points.height() / 72 * dpi))
            image = document.render(index, size)
            # Fit the page into the printable area, keeping its proportions, centred.
            scale = min(target.width() / size.width(), target.height() / size.height())
            w, h = size.width() * scale, size.height() * scale
            rect = QRectF(QPointF((target.width() - w) / 2, (target.height() - h) / 2), QSize(int(w), int(h)).toSizeF())
            painter.drawImage(rect, image)
            printed += 1
    finally:
        painter.end()
    return printed


class PdfPreviewDialog(QDialog):
    """Show a PDF; save a copy or print it."""

    def __init__(self, pdf: Path, *, suggested: str, caption: str, file_filter: str, folder: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.pdf = Path(pdf)
        self.suggested, self.caption, self.file_filter, self.folder = suggested, caption, file_filter, folder
        self.saved: Path | None = None
        self.setWindowTitle(self.tr("印刷プレビュー: {0}").format(suggested))
        self.resize(980, 860)
        self.document = QPdfDocument(self)
        self.document.load(str(self.pdf))
        self.view = QPdfView(self)
        self.view.setAccessibleName(self.tr("印刷プレビュー"))
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.pages_label = QLabel(self.tr("{0} ページ").format(self.document.pageCount()))
        self.fit_button = QPushButton(self.tr("ページ全体"))
        self.fit_button.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitInView))
        self.width_button = QPushButton(self.tr("幅に合わせる"))
        self.width_button.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        self.print_button = QPushButton(self.tr("印刷…"))
        self.print_button.clicked.connect(self.print_document)
        self.save_button = QPushButton(self.tr("保存…"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        close = QPushButton(self.tr("閉じる"))
        close.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Print, self, activated=self.print_document)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        bar = QHBoxLayout()
        for w in (self.pages_label, self.fit_button, self.width_button):
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (self.print_button, self.save_button, close):
            bar.addWidget(w)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        for button, name in ((self.fit_button, self.tr("ページ全体")), (self.width_button, self.tr("幅に合わせる")),
                             (self.print_button, self.tr("印刷")), (self.save_button, self.tr("保存")),
                             (close, self.tr("閉じる"))):
            button.setAccessibleName(name)
        self.pages_label.setAccessibleName(self.pages_label.text())
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)  # the arrow and page keys scroll the pages at once

    def page_count(self) -> int:
        return self.document.pageCount()

    def save(self) -> Path | None:
        """保存…: copy the previewed file where the user wants it; close the preview."""
        from ..file_dialogs import KIND_REPORTS, save_file_name

        dest = save_file_name(self, self.caption, kind=KIND_REPORTS, suggested=self.suggested,
                              file_filter=self.file_filter, folder=self.folder)
        if dest is None:
            return None
        dest = with_suffix_confirmed(self, dest, ".pdf")  # 「資料1」 → 「資料1.pdf」, asked if that exists
        if dest is None:
            return None
        try:  # the save dialog asked before replacing a file; never a database, never half written
            with output_file(dest, overwrite=True) as tmp:
                shutil.copyfile(self.pdf, tmp)
        except DomainError as error:
            QMessageBox.warning(self, self.tr("保存できません"), str(error))
            return None
        except OSError as error:
            show_write_error(self, dest, error)
            return None
        self.saved = dest
        self.accept()
        return dest

    def print_document(self, printer: QPrinter | None = None) -> int:
        """印刷…: ask the printer (unless one is given) and print every page; return pages printed."""
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setDocName(self.suggested)
            dialog = QPrintDialog(printer, self)
            dialog.setWindowTitle(self.tr("印刷"))
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return 0
        first, last = 0, None
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first, last = printer.fromPage() - 1, printer.toPage() - 1
        return print_pdf(self.document, printer, first=first, last=last)

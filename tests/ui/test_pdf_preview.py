"""The PDF preview: the written report loads in QtPdf with every page, saves a copy, and prints."""
from __future__ import annotations

import re

import pytest
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog

from cloudsuppress.ops.comparison import build_comparison
from cloudsuppress.reports.comparison_pdf import write_comparison_pdf
from tests.core.pdf_support import poppler
from ui.dialogs.pdf_preview_dialog import PdfPreviewDialog


def pdf_pages(path) -> int:
    info = poppler("pdfinfo", str(path))
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


@pytest.fixture
def comparison_pdf(runner, tmp_path):
    path = tmp_path / "比較一覧表.pdf"
    write_comparison_pdf(path, runner.read(build_comparison), paper="a4", doc_number="資料1")
    return path


@pytest.fixture
def preview(comparison_pdf, qtbot, app_font, tmp_path):
    dialog = PdfPreviewDialog(comparison_pdf, suggested="資料1_比較一覧表.pdf", caption="保存", file_filter="PDF (*.pdf)",
                              folder=str(tmp_path))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.document.status() == QPdfDocument.Status.Ready)
    return dialog


def test_preview_loads_every_page(preview, comparison_pdf):
    assert preview.page_count() == pdf_pages(comparison_pdf) >= 1
    assert str(preview.page_count()) in preview.pages_label.text()
    assert preview.view.document() is preview.document


def test_save_copies_the_previewed_file(preview, comparison_pdf, tmp_path, monkeypatch):
    dest = tmp_path / "out" / "資料1"
    dest.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(dest), "")))
    saved = preview.save()
    assert saved == dest.with_name("資料1.pdf") == preview.saved
    assert saved.read_bytes() == comparison_pdf.read_bytes()


def test_print_to_a_pdf_printer(preview, comparison_pdf, tmp_path):
    out = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    printer.setResolution(150)  # keeps the test quick; a real printer uses its own
    assert preview.print_document(printer) == preview.page_count()
    assert out.stat().st_size > 20_000
    assert pdf_pages(out) == pdf_pages(comparison_pdf)


def test_save_into_a_missing_folder_offers_to_create_it(preview, tmp_path, monkeypatch, no_message_boxes, settings_file):
    """Issue #14: the missing folder is offered to be created (the fixture answers Yes); then it is saved there."""
    dest = tmp_path / "ない" / "比較表.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(dest), "")))
    assert preview.save() == dest and dest.stat().st_size > 20_000
    assert no_message_boxes == [("question", f"フォルダ {dest.parent} はありません。作成しますか？")]

"""The 帳票 view's PDF exports open in the app's print preview (every page of the written report),
and 保存 there writes the file; the Excel cost table is still saved directly, without a preview."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtGui import QDesktopServices
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QFileDialog

from cloudsuppress.ops.costs import cost_table, member_costs
from cloudsuppress.ops.members import list_members
from tests.core.pdf_support import poppler
from ui.dialogs.pdf_preview_dialog import PdfPreviewDialog


def pdf_pages(path) -> int:
    info = poppler("pdfinfo", str(path))
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def pdf_text(path) -> str:
    return poppler("pdftotext", "-layout", str(path), "-")


@pytest.fixture
def reports(runner, qtbot, app_font, report_options):
    from ui.views.reports_view import ReportsView

    view = ReportsView(runner)
    qtbot.addWidget(view)
    view.resize(1232, 800)
    view.show()
    view.refresh()
    return view


class Shown(list):
    """The previews shown, in order (``target`` and ``opened`` set by the fixture)."""


@pytest.fixture
def previews(monkeypatch, qtbot, tmp_path):
    """Stand in for the user at the preview: note what it shows, then 保存 to ``previews.target``."""
    shown = Shown()

    def exec_(self):
        qtbot.waitUntil(lambda: self.document.status() == QPdfDocument.Status.Ready)
        shown.append(dict(pages=self.page_count(), file_pages=pdf_pages(self.pdf), label=self.pages_label.text(),
                          title=self.windowTitle(), source=self.pdf.read_bytes(), view_doc=self.view.document()
                          is self.document, suggested=self.suggested))
        return 1 if self.save() else 0

    monkeypatch.setattr(PdfPreviewDialog, "exec", exec_)
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toLocalFile()) or True))

    def target(path: Path) -> None:
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))

    shown.target = target
    shown.opened = opened
    return shown


def test_member_cost_report_opens_the_preview_and_saves_from_it(reports, runner, report_options, previews, tmp_path,
                                                               no_message_boxes):
    member = runner.read(list_members)[1]
    report_options(member=member.name, date=QDate(2026, 12, 1))
    dest = tmp_path / "out" / "通知"  # the suffix is added
    dest.parent.mkdir()
    previews.target(dest)
    saved = reports.export_member_report()
    assert saved == dest.with_name("通知.pdf")
    (shown,) = previews
    assert shown["pages"] == shown["file_pages"] >= 1 and shown["view_doc"]
    assert shown["label"] == f"{shown['pages']} ページ"
    # dated as every other export (the notice's date; walk 2026-12-07: 「負担額通知_那珂市.pdf」 had none)
    assert shown["suggested"] == f"負担額通知_{member.name}_R081201.pdf" and member.name in shown["title"]
    assert saved.read_bytes() == shown["source"]  # what was previewed is what was saved
    assert pdf_pages(saved) == shown["pages"]
    mc = runner.read(lambda s: member_costs(s, member.id))
    text = pdf_text(saved)
    assert member.name in text and f"{mc.total:,}" in text
    assert no_message_boxes == [] and previews.opened == []  # no "open it?" question after a preview
    assert reports._last_folder == str(dest.parent)


def test_cost_table_pdf_is_previewed_and_xlsx_is_saved_directly(reports, runner, previews, tmp_path,
                                                                  no_message_boxes):
    table = runner.read(cost_table)
    pdf = tmp_path / "table.pdf"
    previews.target(pdf)
    assert reports.export_cost_table("pdf") == pdf
    assert len(previews) == 1 and previews[0]["pages"] == pdf_pages(pdf)
    assert f"{table.total:,}" in pdf_text(pdf)

    xlsx = tmp_path / "table.xlsx"
    previews.target(xlsx)
    assert reports.export_cost_table("xlsx") == xlsx
    assert len(previews) == 1  # no preview for Excel
    assert xlsx.read_bytes()[:2] == b"PK"
    assert [kind for kind, _text in no_message_boxes] == ["question"]  # the direct save offers to open the file


def test_summary_is_previewed_with_every_page(reports, previews, tmp_path, no_message_boxes):
    pdf = tmp_path / "summary.pdf"
    previews.target(pdf)
    assert reports.export_summary() == pdf
    (shown,) = previews
    assert shown["pages"] == pdf_pages(pdf) >= 1
    assert "いばらき自治体クラウド" in pdf_text(pdf)


def test_closing_the_preview_saves_nothing(reports, runner, monkeypatch, report_options, tmp_path, no_message_boxes):
    member = runner.read(list_members)[0]
    report_options(member=member.name)
    seen = []

    def close_it(self):
        seen.append((self.page_count(), self.pdf))
        return 0  # 閉じる

    monkeypatch.setattr(PdfPreviewDialog, "exec", close_it)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: pytest.fail("asked where to save")))
    assert reports.export_member_report() is None
    ((pages, previewed),) = seen
    assert pages >= 1
    assert not previewed.exists()  # the temporary file is gone with the preview

"""The 比較表 view over the demo database (4 members, a few open items among decided ones): the
matrix model, its filters, the long layout (by hand and with more than 8 members) and the
PDF / xlsx exports. Expectations are read from the core's own table, so the demo may change."""
from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog

from cloudsuppress.domain.wareki import to_wareki
from cloudsuppress.domain.workflow import OPEN, Status
from cloudsuppress.ops.comparison import build_comparison
from cloudsuppress.ops.members import add_member
from tests.core.pdf_support import poppler
from ui.dialogs.comparison_export_dialog import ComparisonExportDialog
from ui.main_window import VIEW_COMPARISON
from ui.table_models.comparison_table_model import (
    CELL_ROLE,
    COL_ITEM,
    GROUP_ROLE,
    LONG_ASK,
    LONG_MEMBER,
    TAIL_STATUS,
    ComparisonTableModel,
)

MEMBERS = ("常陸大宮市", "那珂市", "かすみがうら市", "五霞町")


@pytest.fixture
def model(runner, qapp):
    m = ComparisonTableModel()
    m.set_table(runner.read(build_comparison))
    return m


def test_model_passes_qt_model_tester_in_both_layouts(model, qtmodeltester):
    assert model.columnCount() == 1 + 4 + 3
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(1, 5)] == list(MEMBERS)
    assert model.headerData(model.tail_column(TAIL_STATUS), Qt.Orientation.Horizontal) == "状態"
    qtmodeltester.check(model)
    model.sort(model.tail_column(TAIL_STATUS), Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    model.set_long_layout(True)
    qtmodeltester.check(model)
    model.set_filter(undecided=True, member="五霞町")
    qtmodeltester.check(model)


def open_keys(table):
    return [r.key for r in table.rows if Status(r.status) in OPEN]


def test_wide_layout_groups_items_and_leaves_cells_blank_where_nobody_asked(model, runner):
    table = runner.read(build_comparison)
    assert model.item_count == model.total_count == len(table.rows) > 10
    assert model.index(0, 0).data(GROUP_ROLE) is True
    first = table.rows[0]
    assert model.index(0, 0).data().startswith(f"{first.subcommittee}　＞　{first.business_system}")
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsSelectable
    item = next(r for r in table.rows if 0 < len([c for c in r.cells if c]) < len(r.cells))
    row = next(r for r in range(model.rowCount()) if model.row_at(r) and model.row_at(r).key == item.key)
    assert model.index(row, COL_ITEM).data().startswith(f"{item.key}\n{item.title}")
    m = next(i for i, c in enumerate(item.cells) if c is not None)
    cell, col = item.cells[m], model.member_column(table.members[m])
    text = model.index(row, col).data()
    assert cell.short in text and cell.reason_label in text and f"住民サービス {cell.service_drop_label}" in text
    if cell.annual_cases is not None:
        assert f"{cell.annual_cases:,}件/年" in text
    tip = model.index(row, col).data(Qt.ItemDataRole.ToolTipRole)
    assert cell.content in tip and cell.service_drop_detail in tip
    assert (0, cell.short) in model.index(row, col).data(CELL_ROLE)
    blank = next(i for i, c in enumerate(item.cells) if c is None)
    assert model.index(row, model.member_column(table.members[blank])).data() == ""  # did not ask
    assert model.index(row, model.tail_column(TAIL_STATUS)).data() == item.status_label


def test_filters_subcommittee_undecided_and_member(model, runner):
    table = runner.read(build_comparison)
    sub = next(r.subcommittee for r in table.rows if Status(r.status) in OPEN)
    model.set_filter(subcommittee=sub)
    assert model.keys() == [r.key for r in table.rows if r.subcommittee == sub]
    model.set_filter(undecided=True)
    assert model.keys() == [r.key for r in table.rows if r.subcommittee == sub and Status(r.status) in OPEN]
    model.set_filter(subcommittee=None)
    assert model.keys() == open_keys(table) and len(open_keys(table)) >= 2
    name = next(c.member for r in table.rows if Status(r.status) in OPEN for c in r.asking if not c.withdrawn)
    i = table.members.index(name)
    model.set_filter(member=name)
    assert model.keys() == [r.key for r in table.rows if Status(r.status) in OPEN
                            and r.cells[i] is not None and not r.cells[i].withdrawn]
    model.set_filter(member=None, undecided=False)
    assert model.item_count == len(table.rows)


def test_long_layout_has_one_line_per_asking_member(model, runner):
    table = runner.read(build_comparison)
    model.set_long_layout(True)
    assert model.columnCount() == 1 + 5 + 3
    assert model.headerData(LONG_MEMBER, Qt.Orientation.Horizontal) == "団体"
    item = next(r for r in table.rows if len(r.asking) >= 2)
    rows = [r for r in range(model.rowCount()) if model.row_at(r) and model.row_at(r).key == item.key]
    assert [model.index(r, LONG_MEMBER).data() for r in rows] == [
        c.member + ("（取下げ）" if c.withdrawn else "") for c in item.asking]
    assert model.index(rows[0], COL_ITEM).data().startswith(item.key)
    assert model.index(rows[1], COL_ITEM).data() == ""  # the item's columns on its first line only
    assert model.index(rows[1], model.tail_column(TAIL_STATUS)).data() == ""
    assert model.index(rows[1], LONG_ASK).data() == item.asking[1].content
    assert model.rowCount() == len({r.business_system for r in table.rows}) + sum(
        max(1, len(r.asking)) for r in table.rows)


@pytest.fixture
def comparison_view(main_window):
    main_window.show_view(VIEW_COMPARISON)
    return main_window.comparison


def test_view_filters_and_long_layout_toggle(main_window, comparison_view, runner):
    view = comparison_view
    table = runner.read(build_comparison)
    nav = main_window.nav
    assert nav.item(next(r for r in range(nav.count()) if nav.item(r).text() == "比較表")).flags() & Qt.ItemFlag.ItemIsEnabled
    total = len(table.rows)
    assert view.count_label.text() == f"表示 {total} 件／全 {total} 件"
    assert not view.long_check.isChecked()  # 4 members: wide
    assert view.table.columnSpan(0, 0) == view.model.columnCount()  # group header across the table
    assert view.table.rowHeight(1) > 4 * view.fontMetrics().lineSpacing()  # multi-line cells
    item = next(r for r in table.rows if Status(r.status) in OPEN)
    view.subcommittee_combo.setCurrentIndex(view.subcommittee_combo.findText(item.subcommittee))
    view.undecided_check.click()
    expected = [r.key for r in table.rows if r.subcommittee == item.subcommittee and Status(r.status) in OPEN]
    assert view.model.keys() == expected
    assert view.count_label.text() == f"表示 {len(expected)} 件／全 {total} 件"
    member = item.asking[-1].member
    view.member_combo.setCurrentIndex(view.member_combo.findText(member))
    assert item.key in view.model.keys()
    assert all(member in [c.member for c in r.asking] for r in table.rows if r.key in view.model.keys())
    shown = view.model.keys()
    view.set_long_layout(True)
    assert view.model.long_layout and view.model.columnCount() == 9
    assert view.model.keys() == shown  # filters kept
    view.set_long_layout(False)
    assert view.model.columnCount() == 8


def test_more_than_eight_members_switch_to_the_long_layout(comparison_view, runner):
    view = comparison_view
    for n in range(5):
        runner.run(lambda s, n=n: add_member(s, name=f"追加町{n + 1}", population=1000 + n), parent=None)
    assert view.model.members[-1] == "追加町5"
    assert view.long_check.isChecked() and view.model.long_layout
    view.set_long_layout(False)  # the user can still ask for the wide matrix
    assert view.model.columnCount() == 1 + 9 + 3


def fill_export_dialog(*, paper="a4", doc_number="資料2", meeting_index=0, date=None):
    def exec_(dialog):
        (dialog.a4_radio if paper == "a4" else dialog.a3_radio).setChecked(True)
        dialog.doc_number_edit.setText(doc_number)
        if date is not None:
            dialog.date_edit.setDate(QDate(date.year, date.month, date.day))
        dialog.meeting_combo.setCurrentIndex(meeting_index)
        return QDialog.DialogCode.Accepted
    return exec_


def test_export_comparison_pdf_and_xlsx(comparison_view, runner, monkeypatch, no_message_boxes, tmp_path):
    view = comparison_view
    table = runner.read(build_comparison)
    undecided = open_keys(table)
    decided = next(r.key for r in table.rows if Status(r.status) not in OPEN)
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toLocalFile()) or True))
    view.undecided_check.click()
    pdf = tmp_path / "cmp.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(pdf), "")))
    monkeypatch.setattr(ComparisonExportDialog, "exec", fill_export_dialog(paper="a4", doc_number="資料2",
                                                                          date=dt.date(2026, 11, 20)))
    from ui.dialogs.pdf_preview_dialog import PdfPreviewDialog

    previewed = []
    monkeypatch.setattr(PdfPreviewDialog, "exec", lambda self: previewed.append(self.page_count()) or self.save())
    assert view.export("pdf") == pdf
    assert previewed and previewed[0] >= 1 and opened == []  # seen in the preview, saved from there
    text = poppler("pdftotext", "-layout", str(pdf), "-")
    assert "カスタマイズ要望比較一覧表" in text and "資料2" in text and "令和8年11月20日現在" in text  # the chosen date
    for key in undecided:
        assert key in text
    assert decided not in text  # undecided only, as on screen
    size = poppler("pdfinfo", str(pdf))
    assert "841.89 x 595.276 pts (A4)" in size  # A4 landscape, as chosen

    xlsx = tmp_path / "cmp.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(xlsx), "")))
    monkeypatch.setattr(ComparisonExportDialog, "exec", fill_export_dialog(paper="a3", doc_number="資料3"))
    assert view.export("xlsx") == xlsx
    assert opened[-1] == str(xlsx)
    ws = openpyxl.load_workbook(xlsx).active
    values = {str(c.value) for row in ws.iter_rows() for c in row if c.value is not None}
    assert "資料3" in (ws.oddHeader.right.text or "")  # on every printed page, as in the PDF
    assert set(undecided) <= values and decided not in values
    assert f"{to_wareki(dt.date.today())}現在" in values  # the dialog's default date: today


def test_export_dialog_needs_a_document_number_and_prints_its_date_in_wareki(comparison_view, qtbot):
    dialog = ComparisonExportDialog([], parent=comparison_view)
    qtbot.addWidget(dialog)
    assert dialog.ok_button.isEnabled() and dialog.paper() == "a3"
    assert dialog.created_on() == dt.date.today()  # dated today unless changed, shown as it will print
    assert dialog.printed_date.text() == f"印字: {to_wareki(dt.date.today())}現在"
    dialog.date_edit.setDate(QDate(2026, 11, 22))
    assert dialog.created_on() == dt.date(2026, 11, 22) and dialog.printed_date.text() == "印字: 令和8年11月22日現在"
    dialog.doc_number_edit.clear()
    assert not dialog.ok_button.isEnabled()
    assert dialog.error_label.text() == "資料番号を入力してください（例: 資料1）。"


def test_main_script_renders_the_comparison_view(tmp_path):
    from .test_main_script import run_main

    shot = tmp_path / "comparison.png"
    proc = run_main("--db", str(tmp_path / "c.sqlite"), "--screenshot", str(shot), "--view", "comparison",
                    tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert shot.read_bytes().startswith(b"\x89PNG")


def test_a_long_ask_is_wrapped_and_its_cut_is_marked(qapp):
    from PySide6.QtGui import QFont, QFontMetrics

    from ui.views.comparison_view import elided_lines

    font = QFont("BIZ UDGothic", 10)
    text = "保険料免除申請書に、氏名と基礎年金番号を印字できるようにしてほしい。" * 3
    width = QFontMetrics(font).horizontalAdvance("保険料免除申請書に、氏名と")
    lines = elided_lines(font, text, width, 3)
    assert len(lines) == 3
    assert lines[-1].endswith("…")
    assert all(QFontMetrics(font).horizontalAdvance(line) <= width + 1 for line in lines)
    short = elided_lines(font, "短い要望", width, 3)
    assert short == ["短い要望"]


def test_the_screen_names_peers_from_judgements_as_the_documents_do(runner):
    """With members' Fit&Gap judgements the PDF, the xlsx and the presentation say 「標準機能で運用: 2団体
    （…）」 (review R27); the 比較表 screen still said 「要望なし: 2団体（…）」 (walk, 2026-12-07)."""
    import dataclasses

    from ui.table_models.comparison_table_model import item_text

    row = next(r for r in runner.read(build_comparison).rows if r.peers)
    names = "・".join(row.peers)
    assert f"要望なし: {len(row.peers)}団体（{names}）" in item_text(row)
    judged = item_text(dataclasses.replace(row, peers_judged=True))
    assert f"標準機能で運用: {len(row.peers)}団体（{names}）" in judged and "要望なし" not in judged


def test_the_gap_members_go_on_their_own_line_under_the_peers(qapp):
    """In the narrow item column the run-on line broke 「△・×と判／定し」; the △/× members now start a line."""
    from ui.table_models.comparison_table_model import peer_text

    assert peer_text(("五霞町",), judged=True, gaps=(("那珂市", "△"),)) == (
        "標準機能で運用: 1団体（五霞町）\n△・×と判定し要望なし: 那珂市（△）")
    assert peer_text((), judged=False, gaps=(("那珂市", "×"),)) == "△・×と判定し要望なし: 那珂市（×）"

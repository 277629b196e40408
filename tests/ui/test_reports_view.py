"""The 帳票 view over the demo database: the cost rule edit changes the shares shown (compared
with the core's ``item_shares``), the per-item method, the cost table model, and the exports
(member cost report, cost table PDF / Excel, plenary summary) produce the files."""
from __future__ import annotations

import subprocess

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog

from cloudsuppress.ops.costs import cost_rule_row, cost_table, item_shares, member_costs
from cloudsuppress.ops.members import list_members
from cloudsuppress.ops.requests import get_item
from ui.main_window import VIEW_REPORTS
from ui.table_models.cost_table_model import COL_ESTIMATE, CostTableModel, ShareTableModel
from ui.table_models import cost_table_model as ct


@pytest.fixture
def reports(runner, qtbot, app_font):
    from ui.views.reports_view import ReportsView

    view = ReportsView(runner)
    qtbot.addWidget(view)
    runner.changed.connect(view.on_changed)
    view.resize(1232, 800)
    view.show()
    view.refresh()
    return view


def _pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def _select(view, key: str) -> None:
    row = view.model.row_of(key, attr="key")
    view.table.setCurrentIndex(view.model.index(row, 0))


def _shown_shares(view) -> dict[str, int]:
    m = view.share_model
    return {m.index(r, ct.SH_MEMBER).data(): int(m.index(r, ct.SH_SHARE).data().replace(",", ""))
            for r in range(m.rowCount())}


def _shared_key(runner) -> tuple[str, int]:
    """A customized item borne by several members."""
    table = runner.read(cost_table)
    key = next(r.key for r in table.rows if sum(v is not None for v in r.shares) >= 3)
    return key, runner.read(lambda s: get_item(s, _item_id(s, key)).id)


def _item_id(s, key):
    from cloudsuppress.ops.requests import resolve_item

    return resolve_item(s, key)


def test_models_pass_qt_model_tester(runner, qtmodeltester):
    model = CostTableModel()
    model.set_table(runner.read(cost_table))
    qtmodeltester.check(model)
    model.sort(COL_ESTIMATE, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    estimates = [r.estimate for r in model.rows()]
    assert estimates == sorted(estimates, reverse=True)
    model.sort(len(ct.FIXED), Qt.SortOrder.DescendingOrder)  # the first member's shares
    qtmodeltester.check(model)
    key, item_id = _shared_key(runner)
    shares = ShareTableModel()
    shares.set_rows(runner.read(lambda s: item_shares(s, item_id)).shares)
    qtmodeltester.check(shares)


def test_cost_table_matches_the_core(reports, runner):
    table = runner.read(cost_table)
    model = reports.model
    assert model.rowCount() == len(table.rows) and model.columnCount() == len(ct.FIXED) + len(table.members)
    assert [model.headerData(len(ct.FIXED) + i, Qt.Orientation.Horizontal) for i in range(len(table.members))] == \
        list(table.members)
    assert f"合計 {table.total:,}円" in reports.totals_label.text()
    for name, total in zip(table.members, table.member_totals):
        assert f"{name} {total:,}円" in reports.totals_label.text()


def test_selecting_an_item_shows_how_each_share_was_computed(reports, runner):
    key, item_id = _shared_key(runner)
    _select(reports, key)
    sh = runner.read(lambda s: item_shares(s, item_id))
    assert _shown_shares(reports) == sh.by_member()
    m = reports.share_model
    first = sh.shares[0]
    assert m.index(0, ct.SH_EQUAL).data() == f"{first.equal_part:,}"
    assert m.index(0, ct.SH_POPULATION_PART).data() == f"{first.population_part:,}"
    assert m.index(0, ct.SH_POPULATION).data() == f"{first.population:,}"
    assert key in reports.item_label.text() and f"{sh.estimate:,}円" in reports.item_label.text()


def test_editing_the_cost_rule_changes_the_shares_shown(reports, runner, qtbot):
    key, item_id = _shared_key(runner)
    _select(reports, key)
    before = _shown_shares(reports)
    version = runner.read(cost_rule_row).version
    reports.rule_editor.combo.setCurrentIndex(reports.rule_editor.combo.findData("equal"))
    reports.unit_combo.setCurrentIndex(reports.unit_combo.findData(1000))
    with qtbot.waitSignal(runner.changed):
        qtbot.mouseClick(reports.save_rule_button, Qt.MouseButton.LeftButton)
    row = runner.read(cost_rule_row)
    assert row.description == "均等割（千円未満切捨て）" and row.version == version + 1
    assert reports.selected_key() == key  # the selection survived the refresh
    after = _shown_shares(reports)
    assert after == runner.read(lambda s: item_shares(s, item_id)).by_member()
    assert after != before and sum(after.values()) == sum(before.values())
    assert "均等割（千円未満切捨て）" in reports.rule_label.text()
    # mixed 6:94 (Shibukawa's rule)
    reports.rule_editor.combo.setCurrentIndex(reports.rule_editor.combo.findData("mixed"))
    reports.rule_editor.equal.setValue(6)
    reports.rule_editor.population.setValue(94)
    reports.save_rule()
    assert _shown_shares(reports) == runner.read(lambda s: item_shares(s, item_id)).by_member()
    assert runner.read(cost_rule_row).rule.ratio == (6, 94)


def test_item_method_override(reports, runner, qtbot):
    key, item_id = _shared_key(runner)
    _select(reports, key)
    reports.item_editor.combo.setCurrentIndex(reports.item_editor.combo.findData("population"))
    with qtbot.waitSignal(runner.changed):
        reports.item_rule_button.click()
    sh = runner.read(lambda s: item_shares(s, item_id))
    assert sh.own_rule and sh.method == "population"
    assert _shown_shares(reports) == sh.by_member()
    assert "この要望独自の方法" in reports.item_label.text()
    assert reports.item_editor.method() == "population"
    reports.item_editor.combo.setCurrentIndex(0)  # back to the consortium's rule
    reports.save_item_rule()
    assert not runner.read(lambda s: item_shares(s, item_id)).own_rule


@pytest.fixture
def save_to(monkeypatch):
    """Answer the save dialog with a path; a PDF preview, where the app has one, saves at once."""
    try:
        from ui.dialogs.pdf_preview_dialog import PdfPreviewDialog
    except ImportError:  # an export without the preview: written, then offered to open
        pass
    else:
        monkeypatch.setattr(PdfPreviewDialog, "exec", lambda self: self.save())
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toLocalFile()) or True))

    def target(path):
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))
    target.opened = opened
    return target


def test_export_member_cost_report(reports, runner, monkeypatch, no_message_boxes, save_to, tmp_path):
    member = runner.read(list_members)[1]
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: (member.name, True)))
    pdf = tmp_path / "member.pdf"
    save_to(pdf)
    assert reports.export_member_report() == pdf
    mc = runner.read(lambda s: member_costs(s, member.id))
    text = _pdf_text(pdf)
    assert member.name in text and f"{mc.total:,}" in text


def test_export_member_report_cancelled(reports, monkeypatch, save_to, tmp_path):
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("", False)))
    save_to(tmp_path / "never.pdf")
    assert reports.export_member_report() is None
    assert not (tmp_path / "never.pdf").exists()


def test_export_cost_table_pdf_and_xlsx(reports, runner, no_message_boxes, save_to, tmp_path):
    table = runner.read(cost_table)
    pdf = tmp_path / "table.pdf"
    save_to(pdf)
    assert reports.export_cost_table("pdf") == pdf
    text = _pdf_text(pdf)
    assert f"{table.total:,}" in text and table.members[0] in text
    xlsx = tmp_path / "table"  # the suffix is added
    save_to(xlsx)
    assert reports.export_cost_table("xlsx") == tmp_path / "table.xlsx"
    ws = openpyxl.load_workbook(tmp_path / "table.xlsx").active
    values = " ".join(str(c.value) for row in ws.iter_rows() for c in row if c.value is not None)
    assert table.rows[0].title in values and table.members[-1] in values and str(table.rows[0].estimate) in values


def test_export_summary(reports, runner, no_message_boxes, save_to, tmp_path):
    pdf = tmp_path / "summary.pdf"
    save_to(pdf)
    assert reports.export_summary() == pdf
    text = _pdf_text(pdf)
    assert "いばらき自治体クラウド" in text and "五霞町" in text


def test_reports_page_is_enabled_in_the_navigation(main_window, qtbot):
    nav = main_window.nav
    row = next(r for r in range(nav.count()) if nav.item(r).text() == "帳票")
    assert nav.item(row).flags() & Qt.ItemFlag.ItemIsEnabled
    main_window.show_view(VIEW_REPORTS)
    assert main_window.stack.currentWidget() is main_window.reports
    assert main_window.reports.model.rowCount() > 0


def test_main_script_renders_the_reports_view(tmp_path):
    from .test_main_script import run_main

    shot = tmp_path / "reports.png"
    proc = run_main("--db", str(tmp_path / "c.sqlite"), "--screenshot", str(shot), "--view", "reports",
                    tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert shot.read_bytes().startswith(b"\x89PNG") and shot.stat().st_size > 20_000

"""The 帳票 view over the demo database: the cost rule edit changes the shares shown (compared
with the core's ``item_shares``), the per-item method, the cost table model, and the exports
(member cost report, cost table PDF / Excel, plenary summary) produce the files."""
from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from cloudsuppress.ops.costs import all_member_costs, cost_rule_row, cost_table, item_shares, member_costs
from cloudsuppress.ops.members import list_members
from cloudsuppress.ops.requests import get_item
from tests.core.pdf_support import poppler
from ui.main_window import VIEW_REPORTS
from ui.table_models import cost_table_model as ct
from ui.table_models.cost_table_model import COL_ESTIMATE, CostTableModel, ShareTableModel
from ui.table_models.row_list_model import ROW_ROLE


@pytest.fixture
def reports(runner, qtbot, app_font, report_options):
    from ui.views.reports_view import ReportsView

    view = ReportsView(runner)
    qtbot.addWidget(view)
    runner.changed.connect(view.on_changed)
    view.resize(1232, 800)
    view.show()
    view.refresh()
    return view


def _pdf_text(path) -> str:
    return poppler("pdftotext", "-layout", str(path), "-")


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
    for name, total in zip(table.members, table.member_totals, strict=True):
        assert f"{name} {total:,}円" in reports.totals_label.text()


def test_open_items_show_forecasts_and_undecided_shares(reports, runner):
    """With 検討中の要望も表示, an open item's share reads 「…円（見込）」 and a member in an open item
    without an estimate 「未定」; a blank cell still means the member does not bear the item."""
    reports.include_open.setChecked(True)
    table = runner.read(lambda s: cost_table(s, include_open=True))
    model = reports.model
    seen = set()
    for r in range(model.rowCount()):
        row = model.index(r, 0).data(ROW_ROLE)
        for i in range(len(table.members)):
            text = model.index(r, len(ct.FIXED) + i).data()
            kind = row.cell(i)
            seen.add(kind)
            amount = "" if row.shares[i] is None else f"{row.shares[i]:,}"
            expected = {"forecast": f"{amount}（見込）", "unknown": "未定", "none": "", "share": amount}[kind]
            assert text == expected
    assert {"share", "none"} <= seen and seen & {"forecast", "unknown"}  # the demo has open items


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


def test_editing_the_cost_rule_changes_the_shares_shown(reports, runner, qtbot, no_message_boxes):
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
    assert reports.rule_editor.population.value() == 94  # the rest of 100 follows
    reports.save_rule()
    assert _shown_shares(reports) == runner.read(lambda s: item_shares(s, item_id)).by_member()
    assert runner.read(cost_rule_row).rule.ratio == (6, 94)
    reports.rule_editor.population.setValue(30)
    assert reports.rule_editor.ratio() == (70, 30)
    # A rule stored before ratios had to total 100 is shown as stored, not 'corrected'.
    reports.rule_editor.set_value("mixed", (1, 2))
    assert reports.rule_editor.ratio() == (1, 2)


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


def test_export_member_cost_report(reports, runner, report_options, no_message_boxes, save_to, tmp_path):
    member = runner.read(list_members)[1]
    report_options(member=member.name, date=QDate(2026, 12, 1), reference="い協第15号", sender="事務局長　木村 直子")
    pdf = tmp_path / "member.pdf"
    save_to(pdf)
    assert reports.export_member_report() == pdf
    mc = runner.read(lambda s: member_costs(s, member.id))
    text = _pdf_text(pdf)
    assert member.name in text and f"{mc.total:,}" in text
    lines = ["".join(ln.split()) for ln in text.splitlines() if ln.strip()]
    assert lines[:3] == ["い協第15号", "令和8年12月1日", f"{member.name}長様"] and "事務局長木村直子" in lines
    (dialog,) = report_options.shown
    assert dialog.printed_date.text() == "印字: 令和8年12月1日"
    # The number and the sender are offered again next time; the addressee defaults to everyone.
    report_options(cancel=True)
    assert reports.export_member_report() is None
    again = report_options.shown[-1]
    assert (again.reference_edit.text(), again.sender_edit.text()) == ("い協第15号", "事務局長　木村 直子")
    assert again.member() is None and again.include_none_check.isEnabled()


def test_export_member_report_cancelled(reports, report_options, save_to, tmp_path):
    report_options(cancel=True)
    save_to(tmp_path / "never.pdf")
    assert reports.export_member_report() is None
    assert not (tmp_path / "never.pdf").exists()


def test_export_every_members_notice_into_a_folder(reports, runner, report_options, no_message_boxes, monkeypatch,
                                                   save_to, tmp_path):
    folder = tmp_path / "通知"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(folder)))
    report_options(member=None, date=QDate(2026, 12, 1), reference="い協第16号")
    assert reports.export_member_report() == folder
    bearing = [mc for mc in runner.read(lambda s: all_member_costs(s))]
    everyone = runner.read(list_members)
    assert 0 < len(bearing) and sorted(p.name for p in folder.iterdir()) == sorted(
        f"負担額通知_{mc.member}.pdf" for mc in bearing)
    for mc in bearing:
        text = "".join(_pdf_text(folder / f"負担額通知_{mc.member}.pdf").split())
        assert text.startswith(f"い協第16号令和8年12月1日{mc.member}長様") and f"{mc.total:,}円" in text
    assert no_message_boxes[-1][0] == "question" and str(len(bearing)) in no_message_boxes[-1][1]  # open the folder?
    assert save_to.opened == [str(folder)]
    # A second run into the same folder asks before overwriting; 「いいえ」 keeps the files as they are.
    before = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.No))
    assert reports.export_member_report() is None
    assert {p.name: p.stat().st_mtime_ns for p in folder.iterdir()} == before
    # Members bearing nothing get a notice too when asked.
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    every = tmp_path / "every"
    every.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(every)))
    report_options(member=None, include_none=True)
    assert reports.export_member_report() == every
    assert len(list(every.iterdir())) == len(everyone)


def test_export_notices_choosing_no_folder_writes_nothing(reports, report_options, monkeypatch, tmp_path):
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: ""))
    report_options(member=None)
    assert reports.export_member_report() is None


def test_export_cost_table_pdf_and_xlsx(reports, runner, report_options, no_message_boxes, save_to, tmp_path):
    table = runner.read(cost_table)
    pdf = tmp_path / "table.pdf"
    save_to(pdf)
    report_options(doc_number="資料4", date=QDate(2027, 1, 5))
    assert reports.export_cost_table("pdf") == pdf
    text = _pdf_text(pdf)
    assert f"{table.total:,}" in text and table.members[0] in text
    assert "資料4" in text and "令和9年1月5日現在" in text
    xlsx = tmp_path / "table"  # the suffix is added
    save_to(xlsx)
    assert reports.export_cost_table("xlsx") == tmp_path / "table.xlsx"
    ws = openpyxl.load_workbook(tmp_path / "table.xlsx").active
    values = " ".join(str(c.value) for row in ws.iter_rows() for c in row if c.value is not None)
    assert table.rows[0].title in values and table.members[-1] in values and str(table.rows[0].estimate) in values


def test_export_summary(reports, runner, report_options, no_message_boxes, save_to, tmp_path):
    pdf = tmp_path / "summary.pdf"
    save_to(pdf)
    report_options(doc_number="資料2", date=QDate(2026, 12, 1))
    assert reports.export_summary() == pdf
    text = _pdf_text(pdf)
    assert "いばらき自治体クラウド" in text and "五霞町" in text
    assert "資料2" in text and "令和8年12月1日現在" in text


def test_summary_is_as_of_its_date(reports, runner, report_options, save_to, tmp_path, monkeypatch):
    """The dashboard printed is the one as of the chosen date: a meeting after it is not yet missed."""
    import datetime as dt

    from cloudsuppress.ops import measures as measure_ops

    seen = []
    real = measure_ops.measures_dashboard

    def spy(s, **kw):
        seen.append(kw.get("today"))
        return real(s, **kw)

    monkeypatch.setattr("ui.views.reports_view.measures_dashboard", spy)
    save_to(tmp_path / "summary.pdf")
    report_options(doc_number="資料2", date=QDate(2026, 6, 1))
    assert reports.export_summary() == tmp_path / "summary.pdf"
    assert seen == [dt.date(2026, 6, 1)]


def test_summary_needs_its_document_number(reports, report_options, save_to, tmp_path):
    save_to(tmp_path / "never.pdf")
    report_options(doc_number="  ")
    assert reports.export_summary() is None  # 書き出す… stays disabled with an empty 資料番号
    dialog = report_options.shown[-1]
    assert not dialog.ok_button.isEnabled() and "資料番号" in dialog.error_label.text()
    assert not (tmp_path / "never.pdf").exists()


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


def test_notices_into_a_folder_that_cannot_be_written(reports, report_options, no_message_boxes, monkeypatch,
                                                      tmp_path):
    """A notice open in a PDF viewer on Windows (or a read-only folder): one Japanese message, no traceback."""
    import cloudsuppress.reports.cost_report_pdf as cost_report_pdf

    folder = tmp_path / "通知"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(folder)))

    def locked(path, *a, **k):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(cost_report_pdf, "write_member_cost_report", locked)
    report_options(member=None)
    assert reports.export_member_report() is None
    kind, text = no_message_boxes[-1]
    assert kind == "warning" and "ファイルに書き込めません" in text and "負担額通知_" in text


def test_the_notice_from_the_gui_is_signed_by_the_consortiums_chair(reports, runner, report_options, no_message_boxes,
                                                                     save_to, tmp_path):
    """No 発信者 typed: the 会長 and 担当 come from ツール > 協議会の設定; the 写し check adds its line."""
    from cloudsuppress.ops.consortium import get_consortium_settings
    from ui.settings import app_settings

    officers = runner.read(get_consortium_settings)  # the demo's 会長 and 担当
    member = runner.read(list_members)[1]
    app_settings().setValue("reports/notice_copy_finance", True)
    report_options(member=member.name, date=QDate(2026, 12, 1))
    pdf = tmp_path / "member.pdf"
    save_to(pdf)
    assert reports.export_member_report() == pdf
    assert report_options.shown[-1].copy_finance_check.isChecked()
    flat = "".join(_pdf_text(pdf).split())
    chair = "".join(f"会長{officers.chair_member}長{officers.chair_name}".split())
    assert chair in flat and "（公印省略）" in flat and "第号" in flat
    assert f"写し送付先{member.name}財政担当課長" in flat and "".join(officers.office_phone.split()) in flat

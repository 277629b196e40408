"""The four-measures dashboard over the demo database: the per-member lines match the core's
``measures_dashboard``, the suppression rate card, the charts, and recording a briefing or a
selection-event attendance through the dialogs updates the lines."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLabel

from cloudsuppress.ops.measures import BRIEFING_NOT_HELD, format_share, list_briefings, measures_dashboard
from ui.dialogs.measure_dialogs import BriefingDialog, SelectionAttendanceDialog
from ui.table_models import measures_table_model as mt
from ui.table_models.measures_table_model import MeasuresTableModel
from ui.views.outcome_chart import OutcomeChart

from .test_main_window import type_japanese


@pytest.fixture
def dashboard(runner, qtbot, app_font):
    from ui.views.dashboard_view import DashboardView

    view = DashboardView(runner)
    qtbot.addWidget(view)
    runner.changed.connect(view.on_changed)
    view.resize(1232, 800)
    view.show()
    view.refresh()
    return view


def _line(view, member: str) -> dict[int, str]:
    model = view.measures.model
    row = next(r for r in range(model.rowCount()) if model.index(r, mt.COL_MEMBER).data() == member)
    return {c: model.index(row, c).data() for c in range(model.columnCount())}


def test_model_passes_qt_model_tester(runner, qtmodeltester):
    model = MeasuresTableModel()
    model.set_rows(runner.read(measures_dashboard).members)
    qtmodeltester.check(model)
    model.sort(mt.COL_COST, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    costs = [r.cost_total for r in model.rows()]
    assert costs == sorted(costs, reverse=True)


def test_member_lines_match_the_core(dashboard, runner):
    data = runner.read(measures_dashboard)
    assert dashboard.measures.model.rowCount() == len(data.members) == 4
    for m in data.members:
        line = _line(dashboard, m.member)
        if m.briefing_held:
            assert line[mt.COL_BRIEFING].endswith(f"・{m.last_briefing_attendees}人")
        else:
            assert line[mt.COL_BRIEFING] == BRIEFING_NOT_HELD  # the summary PDF's word too
        assert line[mt.COL_ANSWERED].startswith(f"{m.answered}/{m.requests}")
        assert line[mt.COL_SELECTION] == f"{m.selection_attended}/{m.selection_events} 回（{m.selection_people} 人）"
        assert line[mt.COL_COST] == f"{m.cost_total:,}円"
        assert line[mt.COL_MEETINGS].startswith(f"{m.meetings_attended}/{m.meetings}")
        assert line[mt.COL_SECRETARIAT] == f"{m.meetings_with_secretariat}/{m.meetings}"
        pending = "なし" if not (m.pending_finance or m.pending_mayor) else \
            f"財政課 {m.pending_finance}・首長 {m.pending_mayor}"
        assert line[mt.COL_PENDING] == pending
    # 五霞町 has held no briefing in the demo: the cell says so and is tinted
    gokamachi = next(m for m in data.members if m.member == "五霞町")
    assert not gokamachi.briefing_held
    model = dashboard.measures.model
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "五霞町")
    assert model.index(row, mt.COL_BRIEFING).data(Qt.ItemDataRole.BackgroundRole) is not None


def test_suppression_rate_card(dashboard, runner):
    data = runner.read(measures_dashboard)
    value = dashboard.suppression_card.findChild(QLabel, "suppressionRate")
    note = dashboard.suppression_card.findChild(QLabel, "suppressionRateNote")
    # one decimal and the same string as the summary PDF's 抑制率 (the demo's 14 of 31: 45.2％, not 45.16%)
    assert value.text() == format_share(data.suppression_rate)
    assert data.decided and re.fullmatch(r"\d+\.\d％", value.text())
    assert note.plain_text() == f"決定 {data.decided} 件中 カスタマイズせず {data.not_customized} 件"


def test_charts_show_every_member_and_subcommittee(dashboard, runner):
    data = runner.read(measures_dashboard)
    assert [r.name for r in dashboard.measures.member_chart.rows] == [r.name for r in data.outcome.members]
    assert [r.name for r in dashboard.measures.sub_chart.rows] == [r.name for r in data.outcome.subcommittees]
    assert dashboard.measures.member_chart.labels() == ["カスタマイズ実施", "標準化", "取下げ", "検討中", "要望（未検討）"]
    image = dashboard.measures.member_chart.grab().toImage()
    assert image.width() > 200 and image.height() >= dashboard.measures.member_chart.minimumHeight()
    # something other than white was painted where the first bar is
    colours = {image.pixelColor(x, image.height() // 2).name() for x in range(0, image.width(), 5)}
    assert len(colours) > 2


def test_measures_tab_is_first_and_shows_the_table(dashboard):
    assert dashboard.tabs.tabText(0) == "4つの方策"
    assert dashboard.measures.table.isVisible()


def test_recording_a_briefing_updates_the_line(dashboard, runner, qtbot, monkeypatch):
    assert _line(dashboard, "五霞町")[mt.COL_BRIEFING] == "未開催"
    model = dashboard.measures.model
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "五霞町")
    dashboard.measures.table.setCurrentIndex(model.index(row, 0))

    def fill(self):
        assert self.member_combo.currentText() == "五霞町"  # the selected member is proposed
        self.date_edit.setDate(QDate(2026, 4, 7))
        self.attendees_spin.setValue(23)
        self.notes_edit.setFocus()
        type_japanese(self.notes_edit, "課長級を対象に説明")
        return self.record()

    monkeypatch.setattr(BriefingDialog, "exec", fill)
    assert dashboard.measures.briefing_button.isEnabled()
    with qtbot.waitSignal(runner.changed):
        qtbot.mouseClick(dashboard.measures.briefing_button, Qt.MouseButton.LeftButton)
    assert _line(dashboard, "五霞町")[mt.COL_BRIEFING] == "令和8年4月7日・23人"
    briefing = runner.read(lambda s: list_briefings(s))[0]
    assert (briefing.member, briefing.held_on, briefing.attendees, briefing.notes) == (
        "五霞町", dt.date(2026, 4, 7), 23, "課長級を対象に説明")


def test_briefing_refused_keeps_the_dialog_open(runner, qtbot, no_message_boxes, monkeypatch):
    dialog = BriefingDialog(runner)
    qtbot.addWidget(dialog)
    dialog.date_edit.setDate(QDate(2026, 4, 7))
    monkeypatch.setattr("cloudsuppress.ops.measures.record_briefing",
                        lambda s, **kw: (_ for _ in ()).throw(__import__("cloudsuppress.errors").errors.DomainError("だめです")))
    assert dialog.record() is False
    assert no_message_boxes and "だめです" in no_message_boxes[0][1]
    assert dialog.result() == 0


def test_recording_selection_attendance_updates_the_line(dashboard, runner, qtbot, monkeypatch):
    before = _line(dashboard, "五霞町")[mt.COL_SELECTION]
    assert before.startswith("1/2 回")

    def fill(self):
        self.event_combo.setCurrentIndex(self.event_combo.findText("二次選考（提案プレゼンテーション）"))
        assert self.date_edit.date() == QDate(2025, 12, 16)  # the known event's date
        self.member_combo.setCurrentIndex(self.member_combo.findText("五霞町"))
        self.person_edit.setFocus()
        type_japanese(self.person_edit, "高橋一郎")
        return self.record()

    monkeypatch.setattr(SelectionAttendanceDialog, "exec", fill)
    with qtbot.waitSignal(runner.changed):
        dashboard.measures.selection_button.click()
    assert _line(dashboard, "五霞町")[mt.COL_SELECTION] == "2/2 回（2 人）"
    assert "二次選考（提案プレゼンテーション）（令和7年12月16日）" in dashboard.measures.events_label.text()
    m = next(m for m in runner.read(measures_dashboard).members if m.member == "五霞町")
    assert (m.selection_attended, m.selection_people) == (2, 2)


def test_chart_paints_without_rows(qtbot):
    chart = OutcomeChart("空")
    qtbot.addWidget(chart)
    chart.set_rows(())
    chart.resize(300, chart.minimumHeight())
    assert not chart.grab().isNull()


@pytest.mark.parametrize("dialog_class", [BriefingDialog, SelectionAttendanceDialog])
def test_record_dialogs_say_kiroku_and_cancel_in_japanese(runner, qtbot, dialog_class):
    from PySide6.QtWidgets import QDialogButtonBox

    dialog = dialog_class(runner)
    qtbot.addWidget(dialog)
    texts = [b.text().replace("&", "") for b in dialog.findChild(QDialogButtonBox).buttons()]
    assert sorted(texts) == sorted(["記録", "キャンセル"])
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel).click()
    assert dialog.result() == 0


@pytest.mark.parametrize("width", [1112, 1232])  # the dashboard's share of a 1280- and a 1400-px window
def test_member_names_stay_readable_in_a_narrow_window(dashboard, qtbot, width):
    """At 1280 px (1920×1080 at 150 %) the member column kept shrinking to 「…」: it is never narrower than
    its longest name; the other columns scroll sideways instead, under rows that all stay visible."""
    dashboard.resize(width, 760)
    qtbot.wait(20)
    table = dashboard.measures.table
    header = table.horizontalHeader()
    names = [table.model().index(r, mt.COL_MEMBER).data() for r in range(table.model().rowCount())]
    longest = max(table.fontMetrics().horizontalAdvance(n) for n in names)
    assert header.sectionSize(mt.COL_MEMBER) >= longest + 8
    rows = table.model().rowCount() * table.verticalHeader().defaultSectionSize()
    assert table.viewport().height() >= rows  # the scroll bar, when shown, does not cover the last line
    total = sum(header.sectionSize(c) for c in range(table.model().columnCount()))
    if total > table.viewport().width():
        assert table.horizontalScrollBar().maximum() > 0
    else:  # wide enough: the member column takes what the others leave, no empty strip on the right
        assert total == table.viewport().width()


def test_the_dashboard_is_kept_until_a_change_it_shows(dashboard, runner, monkeypatch):
    """Issue 18: the dashboard is cached until a change (5,000 items took over a second to read, and any
    change anywhere read it again); a change it depends on must never leave it stale."""
    from cloudsuppress.changes import Changes
    from cloudsuppress.ops import costs as cost_ops
    from ui.views import measures_panel as mp

    reads = {"dashboard": 0, "costs": 0}

    def counted(name, fn):
        def wrapper(*a, **kw):
            reads[name] += 1
            return fn(*a, **kw)
        return wrapper

    monkeypatch.setattr(mp, "measures_dashboard", counted("dashboard", mp.measures_dashboard))
    monkeypatch.setattr(mp, "member_cost_facts", counted("costs", mp.member_cost_facts))
    panel = dashboard.measures
    shown = panel.data

    runner.changed.emit(Changes(history=True))  # the undo stack only: nothing the dashboard shows
    assert reads == {"dashboard": 0, "costs": 0} and panel.data is shown

    runner.changed.emit(Changes(functions=True))  # fit figures: read again, the members' costs kept
    assert reads == {"dashboard": 1, "costs": 0}

    before = {m.member: m.cost_total for m in panel.data.members}
    rule = runner.read(cost_ops.get_cost_rule)
    method = "equal" if rule.method.value != "equal" else "population"
    runner.run(lambda s: cost_ops.set_cost_rule(s, method=method, unit=rule.unit), parent=None)
    assert reads == {"dashboard": 2, "costs": 1}
    after = {m.member: m.cost_total for m in panel.data.members}
    assert after != before  # the new rule's shares, not the cached ones
    assert panel.data.members == measures_dashboard_now(runner).members

    runner.changed.emit(Changes(measures=True))  # briefings: read again, costs kept
    assert reads == {"dashboard": 3, "costs": 1}
    dashboard.refresh()  # an explicit refresh (another database opened, the consortium reloaded) reads all
    assert reads == {"dashboard": 4, "costs": 2}


def measures_dashboard_now(runner):
    return runner.read(measures_dashboard)


@pytest.mark.parametrize("width", [1280, 1366])
def test_card_notes_break_between_their_pieces_never_inside_a_word(qtbot, width):
    """Qt wraps Japanese between any two characters: the request card read 「検／討中 2」 at 1366 px and
    「1団体のみ／1」 at 1280 px (#13 closing review). Each line of a note now holds whole pieces."""
    from PySide6.QtGui import QTextDocument

    from ui.views.dashboard_view import _card

    note = "実施 17・標準化 3・取下げ 11・検討中 2・未検討 2\n未決定 4 件のうち　1団体のみ 1・全団体 0"
    card = _card("カスタマイズ要望項目", "35", note, name="requestCount")
    qtbot.addWidget(card)
    card.setFixedWidth(width * 2 // 9)  # the request card's share of the dashboard row at that width
    card.show()
    label = card.findChild(QLabel, "requestCountNote")
    assert label.plain_text() == note
    doc = QTextDocument()
    doc.setDefaultFont(label.font())
    doc.setDocumentMargin(0)
    doc.setPlainText(label.text())
    doc.setTextWidth(label.contentsRect().width())
    doc.size()  # lays the document out
    block, breaks = doc.begin(), []
    while block.isValid():
        layout, text = block.layout(), block.text()
        for i in range(1, layout.lineCount()):
            at = layout.lineAt(i).textStart()
            breaks.append((text[:at], text[at:]))
        block = block.next()
    assert breaks, "the note should wrap at this width"
    for before, after in breaks:
        ok = before.endswith(("・", "　", "／")) or (before.endswith(" ") and not after[:1].isdigit() and after[:1] != "件")
        assert ok, (before[-8:], after[:8])

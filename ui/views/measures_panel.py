"""MeasuresPanel: the 「4つの方策」 part of the dashboard.

One line per member for each of the Toyama measures (``MeasuresTableModel`` over
``ops.measures.measures_dashboard``), the buttons that record a briefing and a
selection-event attendance, the vendor-selection events with who attended, and the outcome
charts per member and per subcommittee. It reads through the runner and changes nothing
itself: the dialogs run their operations through the runner, whose broadcast refreshes it.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cloudsuppress.changes import Changes
from cloudsuppress.ops.costs import MemberCostFacts, member_cost_facts
from cloudsuppress.ops.measures import Dashboard, measures_dashboard

from ..dates import display_date
from ..dialogs.measure_dialogs import BriefingDialog, SelectionAttendanceDialog
from ..labels import join_names, people
from ..op_runner import OpRunner
from ..table_models.measures_table_model import COL_MEMBER, MeasuresTableModel
from ..table_models.row_list_model import ROW_ROLE
from ..table_setup import setup_list_table
from .outcome_chart import OutcomeChart


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-weight: bold; color: #1f3a5f; padding-top: 4px;")
    return label


class MeasuresPanel(QWidget):
    """The four measures per member, the selection events and the outcome charts."""

    refreshed = Signal(object)  # the Dashboard just shown

    def __init__(self, runner: OpRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.data: Dashboard | None = None
        # What the dashboard computed, kept until a change it depends on (issue 18: 5,000 items took over
        # a second, and every change anywhere refreshed it): the whole dashboard for the day it was made,
        # and the members' cost figures (the costliest part) apart, since most changes do not touch them.
        self._shown: tuple[dt.date, Dashboard] | None = None
        self._cost_facts: dict[int, MemberCostFacts] | None = None
        self.model = MeasuresTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("measuresTable")
        self.table.setModel(self.model)
        setup_list_table(self.table, widths={1: 190, 2: 170, 3: 140, 4: 150, 5: 130, 6: 140, 7: 110})
        # The member's name is what a line is read by: its column is never narrower than the longest name
        # and takes the width left over; when the window is too narrow for all the columns (1280 px, a
        # 1920×1080 laptop at 150 %), the table scrolls sideways rather than cutting names to 「…」.
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.horizontalScrollBar().rangeChanged.connect(lambda *_: self._fit_height())
        self.table.installEventFilter(self)
        self.table.doubleClicked.connect(lambda _i: self.record_briefing())

        self.briefing_button = QPushButton(self.tr("庁内説明会を記録…"))
        self.briefing_button.clicked.connect(self.record_briefing)
        self.selection_button = QPushButton(self.tr("選考会への参加を記録…"))
        self.selection_button.clicked.connect(self.record_selection)
        self.records_button = QPushButton(self.tr("記録の一覧・修正…"))
        self.records_button.clicked.connect(self.open_records)
        buttons = QHBoxLayout()
        buttons.addWidget(_heading(self.tr("構成団体ごとの4つの方策")))
        buttons.addStretch(1)
        buttons.addWidget(self.briefing_button)
        buttons.addWidget(self.selection_button)
        buttons.addWidget(self.records_button)

        self.events_label = QLabel()
        self.events_label.setObjectName("selectionEvents")
        self.events_label.setWordWrap(True)
        self.events_label.setStyleSheet("color: #333333;")

        self.member_chart = OutcomeChart(self.tr("団体別の要望の結果"))
        self.member_chart.setObjectName("memberChart")
        self.sub_chart = OutcomeChart(self.tr("専門部会別の要望の結果"))
        self.sub_chart.setObjectName("subcommitteeChart")
        charts = QHBoxLayout()
        charts.setSpacing(16)
        charts.addWidget(self.member_chart, 1)
        charts.addWidget(self.sub_chart, 1)

        note = QLabel(self.tr("① 庁内説明会と、要望のうち「住民サービス水準が低下するか」に理由を添えて答えた割合　"
                              "② RFI説明会・二次選考への職員の参加　③ 負担する要望の財政課協議・首長決裁の未了と負担額　"
                              "④ 自団体の要望を扱った部会・分科会への出席と事務局の出席（赤: 要対応）"))
        note.setWordWrap(True)
        note.setStyleSheet("color: #4a5568;")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        layout.addWidget(note)
        layout.addWidget(_heading(self.tr("ベンダー選考会への参加")))
        layout.addWidget(self.events_label)
        layout.addLayout(charts)
        layout.addStretch(1)

    # What the dashboard reads: everything but the audit trail and the undo stack (fit figures: functions
    # and structure; meetings; briefings and selection events: measures). The cost figures read only
    # the items, their members and approvals, the members' populations and the cost rules.
    DASHBOARD_INPUTS = ("consortium", "members", "structure", "functions", "requests", "meetings", "costs", "measures")
    COST_INPUTS = ("consortium", "members", "requests", "costs")

    def _forget(self, changes: Changes | None) -> None:
        """Drop what ``changes`` makes stale (None: everything, e.g. another database opened)."""
        if changes is None or any(getattr(changes, f) for f in self.COST_INPUTS):
            self._cost_facts = None
        if changes is None or any(getattr(changes, f) for f in self.DASHBOARD_INPUTS):
            self._shown = None

    def on_changed(self, changes: Changes) -> None:
        if changes.any:
            self.refresh(changes)

    def _read(self) -> Dashboard:
        today = dt.date.today()
        if self._shown is not None and self._shown[0] == today:
            return self._shown[1]

        def read(s) -> tuple[dict[int, MemberCostFacts], Dashboard]:  # noqa: ANN001 - a Session
            facts = self._cost_facts if self._cost_facts is not None else member_cost_facts(s)
            return facts, measures_dashboard(s, today=today, cost_facts=facts)

        self._cost_facts, data = self.runner.read(read)
        self._shown = (today, data)
        return data

    def refresh(self, changes: Changes | None = None) -> Dashboard:
        """Show the dashboard: read afresh (``changes`` None), or after ``changes`` reusing what they left
        current (nothing is read again when they touched nothing the dashboard shows)."""
        self._forget(changes)
        data = self._read()
        self.data = data
        self.model.set_rows(data.members)
        self._fit_member_column()
        self._fit_height()
        self.events_label.setText(self._events_text(data) or self.tr("選考会の記録はまだありません。"))
        self.member_chart.set_rows(data.outcome.members)
        self.sub_chart.set_rows(data.outcome.subcommittees)
        self.refreshed.emit(data)
        return data

    def eventFilter(self, watched, event) -> bool:  # noqa: ANN001, N802 - Qt's signature
        if watched is self.table and event.type() == QEvent.Type.Resize:
            self._fit_member_column()
        return super().eventFilter(watched, event)

    def _fit_member_column(self) -> None:
        """The member column: its names' width at least, and whatever the other columns leave."""
        header = self.table.horizontalHeader()
        others = sum(header.sectionSize(c) for c in range(self.model.columnCount()) if c != COL_MEMBER)
        names = max(self.table.sizeHintForColumn(COL_MEMBER) + 8, header.sectionSizeHint(COL_MEMBER))  # a little air
        header.resizeSection(COL_MEMBER, max(names, self.table.viewport().width() - others))

    def _fit_height(self) -> None:
        """As tall as its rows (it sits in the tab's scroll area), plus the sideways scroll bar when shown."""
        bar = self.table.horizontalScrollBar()
        extra = bar.sizeHint().height() if bar.maximum() > 0 else 0
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height()
                                  + self.model.rowCount() * self.table.verticalHeader().defaultSectionSize() + 4 + extra)

    def _events_text(self, data: Dashboard) -> str:
        lines = []
        for ev in data.selection_events:
            by_member: dict[str, int] = {}
            for a in ev.attendees:
                by_member[a.member] = by_member.get(a.member, 0) + 1
            who = join_names(f"{m} {people(n)}" for m, n in by_member.items()) or self.tr("参加なし")
            lines.append(self.tr("{0}（{1}）: {2}").format(ev.name, display_date(ev.held_on), who))
        return "\n".join(lines)

    def selected_member_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.data(index, ROW_ROLE).member_id

    def record_briefing(self) -> bool:
        """Open the briefing dialog for the selected member; True when something was recorded."""
        dialog = BriefingDialog(self.runner, self, member_id=self.selected_member_id())
        ok = bool(dialog.exec())
        dialog.deleteLater()
        return ok

    def record_selection(self) -> bool:
        """Open the selection-attendance dialog; True when something was recorded."""
        dialog = SelectionAttendanceDialog(self.runner, self, member_id=self.selected_member_id())
        ok = bool(dialog.exec())
        dialog.deleteLater()
        return ok

    def open_records(self) -> None:
        """The briefing and selection records, to correct or delete (MeasureRecordsDialog)."""
        from ..dialogs.measure_records_dialog import MeasureRecordsDialog

        dialog = MeasureRecordsDialog(self.runner, self)
        dialog.exec()
        dialog.deleteLater()

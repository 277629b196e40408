"""MeasureRecordsDialog: the records behind the 「4つの方策」 tab, to correct or delete.

Two tabs: the members' 庁内説明会 (measure 1: 修正… opens the briefing dialog on the record,
saved against the version shown; 削除… asks first) and the vendor-selection events with who
attended (measure 2: 選考会を登録… for an event nobody has attended yet, 削除… removes an
attendance, or an event with no attendance left). Every change is one operation through the
runner; the runner's broadcast refreshes the lists here and the dashboard behind.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cloudsuppress.changes import Changes
from cloudsuppress.ops.measures import BriefingRow, list_briefings, list_selection_events

from ..dates import display_date
from ..op_runner import OpRunner
from ..operations import measures as measure_ops
from .measure_dialogs import BriefingDialog, SelectionEventDialog


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[tuple[object, list[str]]]) -> None:
    """Rows of (key kept on the first cell, texts)."""
    table.setRowCount(len(rows))
    for r, (key, texts) in enumerate(rows):
        for c, text in enumerate(texts):
            item = QTableWidgetItem(text)
            if c == 0:
                item.setData(Qt.ItemDataRole.UserRole, key)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()


def _selected(table: QTableWidget) -> object | None:
    row = table.currentRow()
    item = table.item(row, 0) if row >= 0 else None
    return item.data(Qt.ItemDataRole.UserRole) if item is not None else None


class MeasureRecordsDialog(QDialog):
    """The 庁内説明会 and 選考会 records, to correct or delete."""

    def __init__(self, runner: OpRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.setWindowTitle(self.tr("4つの方策の記録"))
        self.resize(760, 480)

        self.briefings = _table([self.tr("構成団体"), self.tr("開催日"), self.tr("参加人数"), self.tr("メモ")])
        self.briefings.doubleClicked.connect(lambda _i: self.edit_briefing())
        self.edit_briefing_button = QPushButton(self.tr("修正…"))
        self.edit_briefing_button.clicked.connect(self.edit_briefing)
        self.delete_briefing_button = QPushButton(self.tr("削除…"))
        self.delete_briefing_button.clicked.connect(self.delete_briefing)
        briefing_tab = QWidget()
        bl = QVBoxLayout(briefing_tab)
        bl.addWidget(self.briefings)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.edit_briefing_button)
        row.addWidget(self.delete_briefing_button)
        bl.addLayout(row)

        self.selections = _table([self.tr("選考会"), self.tr("開催日"), self.tr("構成団体"), self.tr("参加者"),
                                  self.tr("所属")])
        self.add_event_button = QPushButton(self.tr("選考会を登録…"))
        self.add_event_button.clicked.connect(self.add_event)
        self.delete_selection_button = QPushButton(self.tr("削除…"))
        self.delete_selection_button.clicked.connect(self.delete_selection)
        selection_tab = QWidget()
        sl = QVBoxLayout(selection_tab)
        sl.addWidget(self.selections)
        row = QHBoxLayout()
        row.addWidget(self.add_event_button)
        row.addStretch(1)
        row.addWidget(self.delete_selection_button)
        sl.addLayout(row)

        self.tabs = QTabWidget()
        self.tabs.addTab(briefing_tab, self.tr("庁内説明会"))
        self.tabs.addTab(selection_tab, self.tr("ベンダー選考会"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("閉じる"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(close)
        runner.changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, changes: Changes) -> None:
        if changes.measures or changes.members:
            self.refresh()

    def refresh(self) -> None:
        briefings, events = self.runner.read(lambda s: (list_briefings(s), list_selection_events(s)))
        _fill(self.briefings, [(b, [b.member, display_date(b.held_on), self.tr("{0} 人").format(b.attendees),
                                    b.notes or ""]) for b in briefings])
        rows: list[tuple[object, list[str]]] = []
        for ev in events:
            if not ev.attendees:
                rows.append((("event", ev.id, ev.label), [ev.name, display_date(ev.held_on), self.tr("（参加なし）"), "", ""]))
            for a in ev.attendees:
                rows.append((("attendee", a.id, f"{ev.label} {a.member} {a.person}"),
                             [ev.name, display_date(ev.held_on), a.member, a.person, a.section or ""]))
        _fill(self.selections, rows)
        self.edit_briefing_button.setEnabled(bool(briefings))
        self.delete_briefing_button.setEnabled(bool(briefings))
        self.delete_selection_button.setEnabled(bool(rows))

    # --- measure 1 ------------------------------------------------------------------------

    def selected_briefing(self) -> BriefingRow | None:
        return _selected(self.briefings)

    def edit_briefing(self) -> bool:
        b = self.selected_briefing()
        if b is None:
            return False
        dialog = BriefingDialog(self.runner, self, briefing=b)
        ok = bool(dialog.exec())
        dialog.deleteLater()
        return ok

    def delete_briefing(self) -> bool:
        b = self.selected_briefing()
        if b is None:
            return False
        answer = QMessageBox.question(
            self, self.tr("庁内説明会の記録を削除"),
            self.tr("{0}の庁内説明会（{1}、{2} 人）の記録を削除しますか？（元に戻すで取り消せます）").format(
                b.member, display_date(b.held_on), b.attendees))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return measure_ops.delete_briefing(self, self.runner, briefing_id=b.id) is not None

    # --- measure 2 ------------------------------------------------------------------------

    def add_event(self) -> bool:
        dialog = SelectionEventDialog(self.runner, self)
        ok = bool(dialog.exec())
        dialog.deleteLater()
        return ok

    def delete_selection(self) -> bool:
        key = _selected(self.selections)
        if key is None:
            return False
        kind, row_id, label = key
        what = self.tr("選考会「{0}」の記録") if kind == "event" else self.tr("参加の記録（{0}）")
        answer = QMessageBox.question(self, self.tr("選考会の記録を削除"),
                                      self.tr("{0}を削除しますか？（元に戻すで取り消せます）").format(what.format(label)))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        if kind == "event":
            return measure_ops.delete_selection_event(self, self.runner, event_id=row_id) is not None
        return measure_ops.remove_selection_attendee(self, self.runner, attendee_id=row_id) is not None

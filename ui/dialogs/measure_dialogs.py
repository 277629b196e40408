"""Recording the Toyama measures from the dashboard: a member's 庁内説明会 (measure 1) and its
staff's attendance at a vendor-selection event (measure 2).

Each dialog collects the fields and, on OK, runs one operation through the runner
(``ui.operations.measures``: ``record_briefing`` / ``update_briefing`` / ``record_selection_attendance``
/ ``create_selection_event``); a refusal is shown by the
runner and the dialog stays open so the user can correct it. The runner's broadcast
(Changes.measures) is what refreshes the dashboard.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cloudsuppress.changes import Changes
from cloudsuppress.ops.measures import BriefingRow, list_selection_events
from cloudsuppress.ops.members import list_members

from ..date_edit import DateEdit
from ..op_runner import OpRunner
from ..operations import measures as measure_ops
from .dialog_buttons import accept_cancel


def _date_edit() -> QDateEdit:
    edit = DateEdit(QDate.currentDate())
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy/MM/dd")
    edit.setMinimumDate(QDate(1989, 1, 8))
    return edit


def _member_combo(runner: OpRunner, member_id: int | None) -> QComboBox:
    combo = QComboBox()
    for m in runner.read(list_members):
        combo.addItem(m.name, m.id)
    if member_id is not None and combo.findData(member_id) >= 0:
        combo.setCurrentIndex(combo.findData(member_id))
    return combo


class _RecordDialog(QDialog):
    """OK runs ``save()`` (one operation through the runner) and closes only when it succeeded."""

    def __init__(self, runner: OpRunner, parent: QWidget | None):
        super().__init__(parent)
        self.runner = runner
        self.form = QFormLayout()
        self.buttons, self.record_button = accept_cancel(self, self.tr("記録"), self.record)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def save(self) -> Changes | None:  # pragma: no cover - overridden
        raise NotImplementedError

    def record(self) -> bool:
        if self.save() is None:
            return False
        self.accept()
        return True


class BriefingDialog(_RecordDialog):
    """Record a member's 庁内説明会: member, date, number attending, notes; given ``briefing``, correct
    that record instead (its member stays; saved against the version shown)."""

    def __init__(self, runner: OpRunner, parent: QWidget | None = None, *, member_id: int | None = None,
                 briefing: BriefingRow | None = None):
        super().__init__(runner, parent)
        self.briefing = briefing
        self.setWindowTitle(self.tr("庁内説明会の記録を修正") if briefing else self.tr("庁内説明会を記録"))
        self.member_combo = _member_combo(runner, briefing.member_id if briefing else member_id)
        self.date_edit = _date_edit()
        self.attendees_spin = QSpinBox()
        self.attendees_spin.setRange(0, 100_000)
        self.attendees_spin.setSuffix(self.tr(" 人"))
        self.notes_edit = QLineEdit()
        self.notes_edit.setPlaceholderText(self.tr("例: 全課長級を対象に、カスタマイズ抑制の方針を説明"))
        self.form.addRow(self.tr("構成団体"), self.member_combo)
        self.form.addRow(self.tr("開催日"), self.date_edit)
        self.form.addRow(self.tr("参加人数"), self.attendees_spin)
        self.form.addRow(self.tr("メモ"), self.notes_edit)
        if briefing is not None:
            self.member_combo.setEnabled(False)
            self.date_edit.setDate(QDate(briefing.held_on))
            self.attendees_spin.setValue(briefing.attendees)
            self.notes_edit.setText(briefing.notes or "")
            self.record_button.setText(self.tr("保存"))

    def save(self) -> Changes | None:
        member_id = self.member_combo.currentData()
        held_on: dt.date = self.date_edit.date().toPython()
        attendees = self.attendees_spin.value()
        notes = self.notes_edit.text()
        if self.briefing is not None:
            return measure_ops.update_briefing(self, self.runner, briefing_id=self.briefing.id, held_on=held_on,
                                               attendees=attendees, notes=notes,
                                               expected_version=self.briefing.version)
        return measure_ops.record_briefing(self, self.runner, member_id=member_id, held_on=held_on,
                                           attendees=attendees, notes=notes)


class SelectionAttendanceDialog(_RecordDialog):
    """Record that a member's staff member attended a vendor-selection event."""

    def __init__(self, runner: OpRunner, parent: QWidget | None = None, *, member_id: int | None = None):
        super().__init__(runner, parent)
        self.setWindowTitle(self.tr("選考会への参加を記録"))
        self.event_combo = QComboBox()
        self.event_combo.setEditable(True)
        self.event_combo.lineEdit().setPlaceholderText(self.tr("例: RFI説明会、二次選考"))
        self._dates: dict[str, dt.date] = {}
        for ev in runner.read(list_selection_events):
            if ev.name not in self._dates:
                self.event_combo.addItem(ev.name)
            self._dates[ev.name] = ev.held_on
        for name in (self.tr("RFI説明会"), self.tr("二次選考")):
            if self.event_combo.findText(name) < 0:
                self.event_combo.addItem(name)
        self.date_edit = _date_edit()
        self.member_combo = _member_combo(runner, member_id)
        self.person_edit = QLineEdit()
        self.section_edit = QLineEdit()
        self.section_edit.setPlaceholderText(self.tr("例: 市民課（任意）"))
        self.form.addRow(self.tr("選考会"), self.event_combo)
        self.form.addRow(self.tr("開催日"), self.date_edit)
        self.form.addRow(self.tr("構成団体"), self.member_combo)
        self.form.addRow(self.tr("参加者"), self.person_edit)
        self.form.addRow(self.tr("所属"), self.section_edit)
        self.event_combo.currentTextChanged.connect(self._on_event)
        self.event_combo.setCurrentIndex(0)
        self._on_event(self.event_combo.currentText())

    def _on_event(self, name: str) -> None:
        """A known event brings its date, so the attendance joins it rather than making a new one."""
        if name in self._dates:
            self.date_edit.setDate(QDate(self._dates[name]))

    def save(self) -> Changes | None:
        return measure_ops.record_selection_attendance(
            self, self.runner, event=self.event_combo.currentText(), held_on=self.date_edit.date().toPython(),
            member_id=self.member_combo.currentData(), person=self.person_edit.text(),
            section=self.section_edit.text())


class SelectionEventDialog(_RecordDialog):
    """Register a vendor-selection event before anyone is recorded as attending it (an event no
    member attended is what measure 2 wants to see)."""

    def __init__(self, runner: OpRunner, parent: QWidget | None = None):
        super().__init__(runner, parent)
        self.setWindowTitle(self.tr("選考会を登録"))
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("例: RFI説明会、二次選考"))
        self.date_edit = _date_edit()
        self.form.addRow(self.tr("選考会"), self.name_edit)
        self.form.addRow(self.tr("開催日"), self.date_edit)
        self.record_button.setText(self.tr("登録"))

    def save(self) -> Changes | None:
        return measure_ops.create_selection_event(self, self.runner, name=self.name_edit.text(),
                                                  held_on=self.date_edit.date().toPython())

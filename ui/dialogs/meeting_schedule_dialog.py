"""MeetingScheduleDialog: change a meeting's date, times and place (日時・場所を変更…) through the
OpRunner. A meeting registered with a wrong date could not be corrected, and outcomes are refused
at a meeting dated after today (review R27), so the date must be fixable where the meeting is
shown. Times the core's rule refuses (not a time, an end without a start or before it) are shown
under the form with 変更 disabled; the core's own refusal (a meeting with outcomes moved after
today) is shown by the runner and the dialog stays open.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from cloudsuppress.ops.inputs import MeetingFields, meeting_problems
from cloudsuppress.ops.meeting_queries import MeetingRow

from ..date_edit import DateEdit
from ..dates import wareki_text, weekday_text
from ..labels import label as core_label
from ..op_runner import OpRunner
from ..operations import meetings as meeting_ops
from .dialog_buttons import accept_cancel
from .new_meeting_dialog import ERROR_STYLE


class MeetingScheduleDialog(QDialog):
    """The meeting's 開催日, 時間 and 場所, filled in; ``changed`` is True once a change was saved."""

    def __init__(self, runner: OpRunner, meeting: MeetingRow, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.meeting_id = meeting.id
        self.changed = False
        self.setWindowTitle(self.tr("日時・場所を変更（{0}）").format(core_label(meeting.label)))
        self.setMinimumWidth(460)
        self.date_edit = DateEdit(QDate(meeting.held_on))
        self.wareki_label = QLabel()
        self.wareki_label.setStyleSheet("color: #4a5568;")
        self.start_edit = QLineEdit(meeting.start_time or "")
        self.start_edit.setPlaceholderText("14:00")
        self.start_edit.setMaximumWidth(90)
        self.end_edit = QLineEdit(meeting.end_time or "")
        self.end_edit.setPlaceholderText("16:00")
        self.end_edit.setMaximumWidth(90)
        self.place_edit = QLineEdit(meeting.place or "")
        self.place_edit.setMaxLength(200)
        self.error_label = QLabel()
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)

        date_row = QHBoxLayout()
        date_row.addWidget(self.date_edit)
        date_row.addWidget(self.wareki_label, 1)
        time_row = QHBoxLayout()
        time_row.addWidget(self.start_edit)
        time_row.addWidget(QLabel("～"))
        time_row.addWidget(self.end_edit)
        time_row.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("開催日"), date_row)
        form.addRow(self.tr("時間"), time_row)
        form.addRow(self.tr("場所"), self.place_edit)
        self.buttons, self.ok_button = accept_cancel(self, self.tr("変更"), self.save_now)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self.date_edit.dateChanged.connect(self._show_wareki)
        for edit in (self.start_edit, self.end_edit):
            edit.textChanged.connect(self._validate)
        self._show_wareki()
        self._validate()

    def held_on(self) -> dt.date:
        return self.date_edit.date().toPython()

    def _show_wareki(self) -> None:
        self.wareki_label.setText(wareki_text(self.held_on()) + weekday_text(self.held_on()))

    def problems(self) -> list[str]:
        """The problems of what this dialog edits (date and times), by the core's one rule for a
        meeting (``meeting_problems``), each in the user's language (empty when none)."""
        fields = MeetingFields(held_on=self.held_on(), start_time=self.start_edit.text(), end_time=self.end_edit.text())
        return [self.tr(message + "。") for field, message in meeting_problems(fields).items()
                if field in ("held_on", "start_time", "end_time")]

    def _validate(self) -> None:
        problems = self.problems()
        self.error_label.setText("\n".join(problems))
        self.ok_button.setEnabled(not problems)

    def save_now(self) -> None:
        """Save through the runner; close only if it was saved."""
        if self.problems():
            self._validate()
            return
        changes = meeting_ops.update_schedule(self, self.runner, meeting_id=self.meeting_id, held_on=self.held_on(),
                                              start_time=self.start_edit.text(), end_time=self.end_edit.text(),
                                              place=self.place_edit.text())
        if changes is None:
            return
        self.changed = True
        self.accept()

"""NewMeetingDialog: register a meeting (協議会 / 部会 / 分科会) through the OpRunner.

The kind decides what must be named: a 部会 needs its subcommittee, a 分科会 its subcommittee or
its business system (the 業務's own 専門部会 is then taken), a 協議会 neither. The title follows the
chosen body (「住民業務部会」) until the user types one. The core's rule for a meeting
(``meeting_problems``: no title, a time it cannot read, an end without a start or before it) is
shown under the form as the user types, with 登録 disabled; the core's own refusals (a body that is
gone) are shown by the runner and the dialog stays open.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cloudsuppress.domain.vocab import MEETING_KIND_LABELS
from cloudsuppress.ops.functions import SystemNode
from cloudsuppress.ops.inputs import MeetingFields, meeting_problems

from ..date_edit import DateEdit
from ..dates import wareki_text, weekday_text
from ..op_runner import OpRunner
from ..operations import meetings as meeting_ops
from .dialog_buttons import accept_cancel

ERROR_STYLE = "color: #b3261e;"
FORM_ORDER = ("kind", "subcommittee_id", "number", "title", "held_on", "start_time", "end_time")  # the rows below


class NewMeetingDialog(QDialog):
    """Ask for one meeting and create it; ``created_id`` holds its id once it was created."""

    def __init__(self, runner: OpRunner, systems: list[SystemNode], parent: QWidget | None = None,
                 *, subcommittee_id: int | None = None):
        super().__init__(parent)
        self.runner = runner
        self._systems = systems
        self.created_id: int | None = None
        self._title_typed = False
        self.setWindowTitle(self.tr("新しい会議"))
        self.setMinimumWidth(500)

        self.kind_combo = QComboBox()
        for code, label in MEETING_KIND_LABELS.items():
            self.kind_combo.addItem(self.tr(label), code)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData("subcommittee"))
        self.subcommittee_combo = QComboBox()
        self.subcommittee_combo.addItem(self.tr("（指定しない）"), None)
        for name, sid in dict.fromkeys((n.subcommittee, n.subcommittee_id) for n in systems):
            self.subcommittee_combo.addItem(name, sid)
        if subcommittee_id is not None and self.subcommittee_combo.findData(subcommittee_id) >= 0:
            self.subcommittee_combo.setCurrentIndex(self.subcommittee_combo.findData(subcommittee_id))
        elif self.subcommittee_combo.count() > 1:
            self.subcommittee_combo.setCurrentIndex(1)
        self.system_combo = QComboBox()
        self.number_spin = QSpinBox()
        self.number_spin.setRange(0, 999)
        self.number_spin.setSpecialValueText(self.tr("自動（次の回）"))
        self.number_spin.setPrefix(self.tr("第"))
        self.number_spin.setSuffix(self.tr("回"))
        self.number_spin.setMinimumWidth(140)
        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(200)
        self.title_edit.textEdited.connect(self._on_title_typed)
        self.date_edit = DateEdit(QDate.currentDate())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy/MM/dd")
        self.wareki_label = QLabel()
        self.wareki_label.setObjectName("warekiLabel")
        self.wareki_label.setStyleSheet("color: #4a5568;")
        self.start_edit = QLineEdit()
        self.start_edit.setPlaceholderText("14:00")
        self.start_edit.setMaximumWidth(90)
        self.end_edit = QLineEdit()
        self.end_edit.setPlaceholderText("16:00")
        self.end_edit.setMaximumWidth(90)
        self.place_edit = QLineEdit()
        self.place_edit.setMaxLength(200)
        self.place_edit.setPlaceholderText(self.tr("例: 本庁舎3階 第1会議室"))
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
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
        form.addRow(self.tr("種別"), self.kind_combo)
        form.addRow(self.tr("専門部会"), self.subcommittee_combo)
        form.addRow(self.tr("業務（分科会）"), self.system_combo)
        form.addRow(self.tr("回数"), self.number_spin)
        form.addRow(self.tr("会議名"), self.title_edit)
        form.addRow(self.tr("開催日"), date_row)
        form.addRow(self.tr("時間"), time_row)
        form.addRow(self.tr("場所"), self.place_edit)

        self.buttons, self.ok_button = accept_cancel(self, self.tr("登録"), self.create_now)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self.kind_combo.currentIndexChanged.connect(self._on_body_changed)
        self.subcommittee_combo.currentIndexChanged.connect(self._on_body_changed)
        self.system_combo.currentIndexChanged.connect(self._on_body_changed)
        for edit in (self.title_edit, self.start_edit, self.end_edit):
            edit.textChanged.connect(self._validate)
        self.date_edit.dateChanged.connect(self._show_wareki)
        self._fill_systems()
        self._suggest_title()
        self._show_wareki()
        self._validate()

    # --- the form ---------------------------------------------------------------------

    def kind(self) -> str:
        return self.kind_combo.currentData()

    def held_on(self) -> dt.date:
        return self.date_edit.date().toPython()

    def _fill_systems(self) -> None:
        sub = self.subcommittee_combo.currentData()
        current = self.system_combo.currentData()
        self.system_combo.blockSignals(True)
        self.system_combo.clear()
        self.system_combo.addItem(self.tr("（指定しない）"), None)
        for n in self._systems:
            if sub is None or n.subcommittee_id == sub:
                self.system_combo.addItem(n.name, n.id)
        index = self.system_combo.findData(current)
        self.system_combo.setCurrentIndex(max(index, 0))
        self.system_combo.blockSignals(False)
        self.system_combo.setEnabled(self.kind() == "working_group")
        self.subcommittee_combo.setEnabled(self.kind() != "council")

    def _on_body_changed(self) -> None:
        if self.sender() is not self.system_combo:
            self._fill_systems()
        self._suggest_title()
        self._validate()

    def _on_title_typed(self, text: str) -> None:
        self._title_typed = bool(text.strip())

    def _suggest_title(self) -> None:
        """「住民業務部会」「住基ネット連携分科会」「協議会」 until the user types a title of their own.

        The title is data (it heads the minutes, which are always Japanese), so it is suggested in
        Japanese whatever the UI language: 「住民業務Subcommittee」 would help nobody."""
        if self._title_typed:
            return
        kind = self.kind()
        if kind == "council":
            title = MEETING_KIND_LABELS["council"]
        elif kind == "working_group" and self.system_combo.currentData() is not None:
            title = self.system_combo.currentText() + MEETING_KIND_LABELS["working_group"]
        elif self.subcommittee_combo.currentData() is not None:
            title = self.subcommittee_combo.currentText() + MEETING_KIND_LABELS[
                "subcommittee" if kind == "subcommittee" else "working_group"]
        else:
            title = ""
        self.title_edit.setText(title)

    def _show_wareki(self) -> None:
        self.wareki_label.setText(wareki_text(self.held_on()) + weekday_text(self.held_on()))

    def fields(self) -> MeetingFields:
        """The meeting as the form holds it (times as typed; 第N回 left to the core when 自動)."""
        kind = self.kind()
        return MeetingFields(
            kind=kind, title=self.title_edit.text().strip(), held_on=self.held_on(),
            number=self.number_spin.value() or None, start_time=self.start_edit.text(), end_time=self.end_edit.text(),
            place=self.place_edit.text().strip(),
            subcommittee_id=self.subcommittee_combo.currentData() if kind != "council" else None,
            business_system_id=self.system_combo.currentData() if kind == "working_group" else None)

    def problems(self) -> list[str]:
        """What keeps the meeting from being registered (empty when nothing does): the core's one rule
        (``ops.inputs.meeting_problems``), each message shown in the user's language, in the form's order."""
        found = meeting_problems(self.fields())
        return [self.tr(found[field] + "。") for field in sorted(found, key=FORM_ORDER.index)]

    def _validate(self) -> None:
        problems = self.problems()
        self.error_label.setText("\n".join(problems))
        self.ok_button.setEnabled(not problems)

    # --- registering ------------------------------------------------------------------

    def create_now(self) -> None:
        """Create the meeting through the runner; close only if it was created."""
        if self.problems():
            self._validate()
            return
        kind, held_on = self.kind(), self.held_on()
        sub = self.subcommittee_combo.currentData() if kind != "council" else None
        system = self.system_combo.currentData() if kind == "working_group" else None
        number = self.number_spin.value() or None
        title, place = self.title_edit.text().strip(), self.place_edit.text().strip()
        start, end = self.start_edit.text(), self.end_edit.text()
        changes = meeting_ops.create_meeting(self, self.runner, kind=kind, title=title, held_on=held_on,
                                             subcommittee_id=sub, business_system_id=system, number=number,
                                             start_time=start, end_time=end, place=place)
        if changes is None:
            return
        self.created_id = changes.id
        self.accept()

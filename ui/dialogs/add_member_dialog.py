"""AddMemberDialog: register one member (団体名, 人口, 参加日) through the OpRunner, or, given a
``member``, correct one (a typo in its name, a rename after a merger, this year's population,
its join date), saved with the version shown so a colleague's newer edit is not overwritten.

Problems the dialog can see for itself (an empty name, a name already registered) are shown
under the fields as the user types, with 追加 / 保存 disabled; anything the core refuses is shown
by the runner and the dialog stays open so the entry can be corrected.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cloudsuppress.domain.vocab import normalize_text
from cloudsuppress.ops.members import MemberRow

from ..date_edit import DateEdit
from ..dates import wareki_text
from ..op_runner import OpRunner
from ..operations import members as member_ops
from .dialog_buttons import accept_cancel

MAX_POPULATION = 99_999_999
ERROR_STYLE = "color: #b3261e;"


class AddMemberDialog(QDialog):
    """Ask for one member and add it (``added`` holds its name once added), or edit ``member``
    (``saved`` holds its name once saved)."""

    def __init__(self, runner: OpRunner, existing_names: list[str], parent: QWidget | None = None, *,
                 member: MemberRow | None = None):
        super().__init__(parent)
        self.runner = runner
        self.member = member
        own = normalize_text(member.name) if member else None
        self._existing = {normalize_text(n) for n in existing_names} - {own}
        self.added: str | None = None
        self.saved: str | None = None
        self.setWindowTitle(self.tr("団体を編集") if member else self.tr("団体を追加"))
        self.setMinimumWidth(460)

        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("例: 大子町"))
        self.name_edit.setMaxLength(100)
        self.population_spin = QSpinBox()
        self.population_spin.setRange(1, MAX_POPULATION)
        self.population_spin.setValue(10_000)
        self.population_spin.setGroupSeparatorShown(True)
        self.population_spin.setSuffix(self.tr(" 人"))
        self.population_spin.setMinimumWidth(160)
        self.joined_check = QCheckBox(self.tr("参加日を記録する"))
        self.joined_check.setChecked(True)
        self.joined_edit = DateEdit(QDate.currentDate())
        self.joined_edit.setCalendarPopup(True)
        self.joined_edit.setDisplayFormat("yyyy/MM/dd")
        self.joined_edit.setMinimumDate(QDate(1989, 1, 8))
        self.wareki_label = QLabel()
        self.wareki_label.setObjectName("warekiLabel")
        self.wareki_label.setStyleSheet("color: #4a5568;")
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)

        joined_row = QHBoxLayout()
        joined_row.addWidget(self.joined_edit)
        joined_row.addWidget(self.wareki_label, 1)
        form = QFormLayout()
        form.addRow(self.tr("団体名"), self.name_edit)
        form.addRow(self.tr("人口"), self.population_spin)
        form.addRow("", self.joined_check)
        form.addRow(self.tr("参加日"), joined_row)

        self.buttons, self.ok_button = accept_cancel(self, self.tr("保存") if member else self.tr("追加"), self.add_now)
        if member is not None:
            self.name_edit.setText(member.name)
            self.population_spin.setValue(member.population)
            self.joined_check.setChecked(member.joined_on is not None)
            if member.joined_on is not None:
                self.joined_edit.setDate(QDate(member.joined_on.year, member.joined_on.month, member.joined_on.day))

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self.name_edit.textChanged.connect(self._validate)
        self.joined_check.toggled.connect(self._on_joined_toggled)
        self.joined_edit.dateChanged.connect(self._show_wareki)
        self._show_wareki()
        self._validate()

    def joined_on(self) -> dt.date | None:
        """The join date entered, or None when it is not to be recorded."""
        return self.joined_edit.date().toPython() if self.joined_check.isChecked() else None

    def problem(self) -> str:
        """What keeps the entry from being added ("" when nothing does)."""
        name = normalize_text(self.name_edit.text())
        if not name:
            return self.tr("団体名を入力してください。")
        if name in self._existing:
            return self.tr("団体「{0}」はすでに登録されています。").format(name)
        return ""

    def _validate(self) -> None:
        problem = self.problem()
        # An empty name at first is not an error yet, only a reason the button is disabled.
        self.error_label.setText(problem if self.name_edit.text() or self.name_edit.isModified() else "")
        self.ok_button.setEnabled(not problem)

    def _on_joined_toggled(self, on: bool) -> None:
        self.joined_edit.setEnabled(on)
        self._show_wareki()

    def _show_wareki(self) -> None:
        date = self.joined_on()
        self.wareki_label.setText(wareki_text(date) if date else "")

    def add_now(self) -> None:
        """Add (or save) the member through the runner; close only if that worked."""
        if self.problem():
            self._validate()
            return
        name = normalize_text(self.name_edit.text())
        population = self.population_spin.value()
        joined = self.joined_on()
        member = self.member
        if member is not None:
            changes = member_ops.update_member(self, self.runner, member_id=member.id, name=name, population=population,
                                               joined_on=joined, expected_version=member.version)
        else:
            changes = member_ops.add_member(self, self.runner, name=name, population=population, joined_on=joined)
        if changes is None:
            return
        if member is not None:
            self.saved = name
        else:
            self.added = name
        self.accept()

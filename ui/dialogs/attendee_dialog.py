"""AttendeeDialog: record one attendee of a meeting — a member's staff, the vendor or the
secretariat — through the OpRunner. A member's attendee names the member; the vendor and
the secretariat name their organization instead. 追加 stays disabled until a name is given.
"""
from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from cloudsuppress.domain.vocab import ATTENDEE_ROLE_LABELS
from cloudsuppress.ops.members import MemberRow

from ..op_runner import OpRunner
from ..operations import meetings as meeting_ops
from .dialog_buttons import accept_cancel
from .new_meeting_dialog import ERROR_STYLE

DEFAULT_ORGANIZATIONS = {"secretariat": "協議会事務局", "vendor": ""}


class AttendeeDialog(QDialog):
    """Ask for one attendee and record it; ``added`` holds the name once it was recorded."""

    def __init__(self, runner: OpRunner, meeting_id: int, members: list[MemberRow], parent: QWidget | None = None,
                 *, role: str = "member", member_id: int | None = None):
        super().__init__(parent)
        self.runner = runner
        self.meeting_id = meeting_id
        self.added: str | None = None
        self.setWindowTitle(self.tr("出席者を追加"))
        self.setMinimumWidth(440)

        self.role_combo = QComboBox()
        for code, label in ATTENDEE_ROLE_LABELS.items():
            self.role_combo.addItem(self.tr(label), code)
        self.member_combo = QComboBox()
        for m in members:
            self.member_combo.addItem(m.name, m.id)
        self.organization_edit = QLineEdit()
        self.organization_edit.setMaxLength(100)
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(100)
        self.name_edit.setPlaceholderText(self.tr("例: 佐藤 一郎"))
        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(100)
        self.title_edit.setPlaceholderText(self.tr("例: 市民課 主査"))
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setStyleSheet(ERROR_STYLE)

        form = QFormLayout()
        form.addRow(self.tr("区分"), self.role_combo)
        form.addRow(self.tr("団体"), self.member_combo)
        form.addRow(self.tr("所属"), self.organization_edit)
        form.addRow(self.tr("氏名"), self.name_edit)
        form.addRow(self.tr("役職"), self.title_edit)
        self.buttons, self.ok_button = accept_cancel(self, self.tr("追加"), self.add_now)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self.role_combo.currentIndexChanged.connect(self._on_role)
        self.name_edit.textChanged.connect(self._validate)
        self.role_combo.setCurrentIndex(max(self.role_combo.findData(role), 0))
        if member_id is not None:
            self.member_combo.setCurrentIndex(max(self.member_combo.findData(member_id), 0))
        self._on_role()

    def role(self) -> str:
        return self.role_combo.currentData()

    def _on_role(self) -> None:
        member = self.role() == "member"
        self.member_combo.setEnabled(member)
        self.organization_edit.setEnabled(not member)
        if not member and not self.organization_edit.isModified():
            self.organization_edit.setText(self.tr(DEFAULT_ORGANIZATIONS.get(self.role(), "")))
        self._validate()

    def problem(self) -> str:
        if self.role() == "member" and self.member_combo.currentData() is None:
            return self.tr("団体を選んでください（団体が未登録です）。")
        if not self.name_edit.text().strip():
            return self.tr("氏名を入力してください。")
        return ""

    def _validate(self) -> None:
        problem = self.problem()
        self.error_label.setText(problem if self.name_edit.isModified() or self.name_edit.text() else "")
        self.ok_button.setEnabled(not problem)

    def add_now(self) -> None:
        """Record the attendee through the runner; close only if it was recorded."""
        if self.problem():
            self._validate()
            return
        role, name, title = self.role(), self.name_edit.text().strip(), self.title_edit.text().strip()
        member_id = self.member_combo.currentData() if role == "member" else None
        organization = self.organization_edit.text().strip() if role != "member" else None
        changes = meeting_ops.add_attendee(self, self.runner, meeting_id=self.meeting_id, role=role, name=name,
                                           member_id=member_id, organization=organization, title=title)
        if changes is None:
            return
        self.added = name
        self.accept()

"""ConsortiumSettingsDialog (ツール > 協議会の設定…): who sends the consortium's notices and whom
members contact — the 会長 (his municipality and name), 「（公印省略）」, and the secretariat's
担当 block (section, name, phone, mail).

The settings belong to the consortium (they are stored in its database, shared by every
secretary), unlike ツール > 設定…, which holds this user's preferences. Fields are checked by
the core's ``settings_problems`` as they are typed; 保存 goes through the op runner, and a
refusal keeps the dialog open.
"""
from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QFormLayout, QGroupBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from cloudsuppress.ops.consortium import ConsortiumSettings, get_consortium_settings, settings_problems

from ..op_runner import OpRunner
from ..operations import consortium as consortium_ops
from .dialog_buttons import accept_cancel

ERROR_STYLE = "color: #b42318;"
NOTE_STYLE = "color: #4a5568;"


class ConsortiumSettingsDialog(QDialog):
    """Edit the consortium's officers and contact, printed on the 負担額通知."""

    def __init__(self, runner: OpRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.setWindowTitle(self.tr("協議会の設定"))
        self.setMinimumWidth(520)
        st = runner.read(get_consortium_settings)
        self.saved: ConsortiumSettings | None = None

        def edit(value: str, limit: int, placeholder: str, name: str) -> QLineEdit:
            e = QLineEdit(value)
            e.setMaxLength(limit)
            e.setPlaceholderText(placeholder)
            e.setAccessibleName(name)
            e.textChanged.connect(self._validate)
            return e

        self.chair_member_edit = edit(st.chair_member, 100, self.tr("例: 那珂市（「那珂市長」と印字）"), self.tr("会長の所属団体"))
        self.chair_name_edit = edit(st.chair_name, 100, self.tr("例: 山田　太郎"), self.tr("会長の氏名"))
        self.seal_check = QCheckBox(self.tr("通知に「（公印省略）」と印字する"))
        self.seal_check.setChecked(st.seal_omitted)
        chair = QGroupBox(self.tr("発信者（会長）"))
        chair_form = QFormLayout(chair)
        chair_form.addRow(self.tr("所属団体"), self.chair_member_edit)
        chair_form.addRow(self.tr("氏名"), self.chair_name_edit)
        chair_form.addRow("", self.seal_check)

        self.section_edit = edit(st.office_section, 200, self.tr("例: 協議会事務局（那珂市総務部情報政策課）"),
                                 self.tr("事務局の担当課"))
        self.staff_edit = edit(st.office_staff, 100, self.tr("例: 木村　直子"), self.tr("担当者"))
        self.phone_edit = edit(st.office_phone, 50, self.tr("例: 029-270-8011（内線123）"), self.tr("電話"))
        self.mail_edit = edit(st.office_mail, 200, self.tr("例: jimukyoku@example.lg.jp"), self.tr("メール"))
        office = QGroupBox(self.tr("担当（通知の末尾に印字）"))
        office_form = QFormLayout(office)
        office_form.addRow(self.tr("担当課"), self.section_edit)
        office_form.addRow(self.tr("担当者"), self.staff_edit)
        office_form.addRow(self.tr("電話"), self.phone_edit)
        office_form.addRow(self.tr("メール"), self.mail_edit)

        note = QLabel(self.tr("協議会のデータベースに保存され、事務局の全員で共有します。負担額通知の発信者と担当欄に印字します。"))
        note.setWordWrap(True)
        note.setStyleSheet(NOTE_STYLE)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.buttons, self.ok_button = accept_cancel(self, self.tr("保存"), self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(chair)
        layout.addWidget(office)
        layout.addWidget(note)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self._validate()

    _FIELDS = {"chair_member": "所属団体", "chair_name": "氏名", "office_section": "担当課", "office_staff": "担当者",
               "office_phone": "電話", "office_mail": "メール"}

    def settings(self) -> ConsortiumSettings:
        """What the form holds now."""
        return ConsortiumSettings(self.chair_member_edit.text(), self.chair_name_edit.text(),
                                  self.seal_check.isChecked(), self.section_edit.text(), self.staff_edit.text(),
                                  self.phone_edit.text(), self.mail_edit.text())

    def _validate(self) -> None:
        problems = settings_problems(self.settings())
        self.error_label.setText("\n".join(f"{self.tr(self._FIELDS[k])}: {v}" for k, v in problems.items()))
        self.ok_button.setEnabled(not problems)

    def save(self) -> None:
        """Store the settings through the runner; close only if that worked."""
        st = self.settings()
        if consortium_ops.update_consortium_settings(self, self.runner, settings=st) is None:
            return
        self.saved = st.normalized()
        self.accept()

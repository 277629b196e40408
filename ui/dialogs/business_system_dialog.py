"""BusinessSystemDialog: add a 業務 to the consortium's structure (ファイル > 業務を追加…, or the
function browser tree's context menu), under an existing 専門部会 or a new one typed in.

A consortium made without a preset has no 業務, and a function list can only be imported into
a registered one; so can a system the package adds later. The 専門部会 and the 業務 are added
in one action (one Ctrl+Z takes both back).
"""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QMessageBox, QVBoxLayout, QWidget

from cloudsuppress.domain.vocab import normalize_text
from cloudsuppress.ops.consortium import list_subcommittees

from ..op_runner import OpRunner
from ..operations import structure as structure_ops
from .dialog_buttons import accept_cancel
from .new_meeting_dialog import ERROR_STYLE


class BusinessSystemDialog(QDialog):
    """Ask for a 業務 (name, 専門部会, optional number and WG) and add it; ``added`` holds its name."""

    def __init__(self, runner: OpRunner, *, existing_systems: list[str], subcommittee: str | None = None,
                 name: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self._systems = {normalize_text(n) for n in existing_systems}
        self._subcommittees = runner.read(list_subcommittees)
        self.added: str | None = None
        self.setWindowTitle(self.tr("業務を追加"))
        self.setMinimumWidth(480)

        self.subcommittee_combo = QComboBox()
        self.subcommittee_combo.setEditable(True)
        self.subcommittee_combo.addItems(self._subcommittees)
        self.subcommittee_combo.lineEdit().setPlaceholderText(self.tr("例: 住民業務（新しい専門部会は名称を入力）"))
        if subcommittee in self._subcommittees:
            self.subcommittee_combo.setCurrentText(subcommittee)
        elif not self._subcommittees:
            self.subcommittee_combo.setCurrentText("")
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(100)
        self.name_edit.setPlaceholderText(self.tr("例: 住民基本台帳（機能一覧の業務名と同じ表記）"))
        self.code_edit = QLineEdit()
        self.code_edit.setMaxLength(20)
        self.code_edit.setPlaceholderText(self.tr("任意（例: 1-2）"))
        self.wg_edit = QLineEdit()
        self.wg_edit.setMaxLength(100)
        self.wg_edit.setPlaceholderText(self.tr("任意（空欄なら「業務名WG」）"))
        form = QFormLayout()
        form.addRow(self.tr("専門部会"), self.subcommittee_combo)
        form.addRow(self.tr("業務名"), self.name_edit)
        form.addRow(self.tr("業務番号"), self.code_edit)
        form.addRow(self.tr("ワーキンググループ"), self.wg_edit)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #4a5568;")
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.buttons, self.ok_button = accept_cancel(self, self.tr("追加"), self.add_now)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        if name:  # a 業務 spelled in an imported list: offered as written, editable
            self.name_edit.setText(name)
        self.name_edit.textChanged.connect(self._validate)
        self.subcommittee_combo.currentTextChanged.connect(self._validate)
        self._validate()

    def subcommittee(self) -> str:
        return normalize_text(self.subcommittee_combo.currentText())

    def name(self) -> str:
        return normalize_text(self.name_edit.text())

    def problem(self) -> str:
        if not self.subcommittee():
            return self.tr("専門部会を選ぶか、新しい専門部会の名称を入力してください。")
        if not self.name():
            return self.tr("業務名を入力してください。")
        if self.name() in self._systems:
            return self.tr("業務「{0}」はすでにあります。").format(self.name())
        return ""

    def _validate(self) -> None:
        problem = self.problem()
        shown = self.name_edit.text() or self.name_edit.isModified()
        self.error_label.setText(problem if shown else "")
        self.ok_button.setEnabled(not problem)
        new = self.subcommittee() and self.subcommittee() not in self._subcommittees
        self.note.setText(self.tr("専門部会「{0}」も新しく追加します。").format(self.subcommittee()) if new else "")

    def add_now(self) -> None:
        """Add the 業務 (and a new 専門部会) through the runner; close only if it was added."""
        if self.problem():
            self._validate()
            return
        sub, name = self.subcommittee(), self.name()
        code, wg = self.code_edit.text().strip() or None, self.wg_edit.text().strip() or None
        new_sub = sub not in self._subcommittees
        read = structure_ops.read_as(self.runner, name)
        distinct = False
        if read is not None and not read[1]:  # a synonym (住民記録 for 住民基本台帳): the user decides (walk O1)
            distinct = QMessageBox.question(
                self, self.tr("業務の追加"),
                self.tr("「{0}」は、登録済みの業務「{1}」の別の呼び方として読まれます（機能一覧・要望票の業務名）。"
                        "同じ業務なら追加は不要です。\n\n別の業務として追加しますか？追加すると、業務名が「{0}」の"
                        "一覧はその新しい業務に取り込まれます。").format(name, read[0]),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No) == QMessageBox.StandardButton.Yes
            if not distinct:
                return
        if structure_ops.add_business_system(self, self.runner, name=name, subcommittee=sub, code=code,
                                             working_group=wg, new_subcommittee=new_sub, distinct=distinct) is None:
            return
        self.added = name
        self.accept()


class RenameBusinessSystemDialog(QDialog):
    """Ask for a 業務's new name and rename it through the runner; ``renamed`` holds the new name.

    Its functions, requests and meetings follow it (they refer to it by id); the core refuses a
    name another 業務 has, and the dialog says so before the button is pressed.
    """

    def __init__(self, runner: OpRunner, *, system_id: int, name: str, existing_systems: list[str],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.system_id = system_id
        self.old_name = name
        self._others = {normalize_text(n) for n in existing_systems if n != name}
        self.renamed: str | None = None
        self.setWindowTitle(self.tr("業務名を変更"))
        self.setMinimumWidth(440)
        self.name_edit = QLineEdit(name)
        self.name_edit.setMaxLength(100)
        self.name_edit.selectAll()
        form = QFormLayout()
        form.addRow(self.tr("今の業務名"), QLabel(name))
        form.addRow(self.tr("新しい業務名"), self.name_edit)
        note = QLabel(self.tr("この業務の機能・要望・会議は、新しい名前のまま引き継がれます。"))
        note.setWordWrap(True)
        note.setStyleSheet("color: #4a5568;")
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.buttons, self.ok_button = accept_cancel(self, self.tr("変更"), self.rename_now)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.name_edit.textChanged.connect(self._validate)
        self._validate()

    def name(self) -> str:
        return normalize_text(self.name_edit.text())

    def problem(self) -> str:
        if not self.name():
            return self.tr("業務名を入力してください。")
        if self.name() in self._others:
            return self.tr("業務「{0}」はすでにあります。").format(self.name())
        if self.name() == self.old_name:
            return " "  # nothing to change: the button stays off, nothing is said
        return ""

    def _validate(self) -> None:
        problem = self.problem()
        self.error_label.setText(problem.strip())
        self.ok_button.setEnabled(not problem)

    def rename_now(self) -> None:
        """Rename through the runner; close only if it was renamed."""
        if self.problem():
            self._validate()
            return
        system_id, name = self.system_id, self.name()
        if structure_ops.rename_business_system(self, self.runner, system_id=system_id, name=name) is None:
            return
        self.renamed = name
        self.accept()

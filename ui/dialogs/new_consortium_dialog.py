"""NewConsortiumDialog: name a new consortium, pick its preset and where its database lives.

On 作成 the dialog creates the file and the consortium in one transaction
(``cloudsuppress.store.files.create_database_file``) and keeps the open ``Database`` in
``database`` for the main window to switch to; a refusal (an existing consortium's file,
an unwritable folder) is shown and the dialog stays open so the user can choose again.
Until a file is chosen with 参照…, the suggested file name follows the consortium name.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cloudsuppress.errors import DomainError
from cloudsuppress.file_errors import error_reason
from cloudsuppress.presets import PRESET_LABELS
from cloudsuppress.store.connection import Database
from cloudsuppress.store.files import create_database_file, suggested_file_name, with_db_suffix

from ..op_runner import run_in_worker
from ..settings import backup_policy
from .dialog_buttons import accept_cancel

DB_FILTER = "協議会データベース (*.sqlite)"
ERROR_STYLE = "color: #b3261e;"


def default_data_folder() -> Path:
    """The user's data folder, where main.py keeps its default database."""
    import platformdirs

    return Path(platformdirs.user_data_dir("cloudsuppress", appauthor=False))


class NewConsortiumDialog(QDialog):
    """Ask for the name, preset and file of a new consortium, then create it."""

    def __init__(self, parent: QWidget | None = None, *, folder: Path | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("新しい協議会"))
        self.setMinimumWidth(780)
        self.database: Database | None = None
        self._folder = folder or default_data_folder()
        self._path_chosen = False  # once the user picks a file, the name no longer moves it

        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("例: ○○自治体クラウド基幹業務運営協議会"))
        self.name_edit.setMaxLength(200)
        self.preset_combo = QComboBox()
        for key, label in PRESET_LABELS.items():
            self.preset_combo.addItem(self.tr(label), key)
        self.path_edit = QLineEdit(str(self._folder / suggested_file_name("")))
        self.path_edit.textEdited.connect(self._on_path_edited)
        browse = QPushButton(self.tr("参照…"))
        browse.clicked.connect(self.choose_path)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        hint = QLabel(self.tr("専門部会と業務はプリセットから作られます。あとから追加・変更できます。"))
        hint.setStyleSheet("color: #4a5568;")
        hint.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("協議会の名称（必須）"), self.name_edit)
        form.addRow(self.tr("専門部会・業務"), self.preset_combo)
        form.addRow(self.tr("保存先"), path_row)

        self.buttons, self.create_button = accept_cancel(self, self.tr("作成"), self.create_now)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self.name_edit.textChanged.connect(self._on_name_changed)
        self.path_edit.textChanged.connect(self._validate)
        self.path_edit.textChanged.connect(self.path_edit.setToolTip)  # the whole path, when it is long
        self._validate()

    # --- fields -----------------------------------------------------------------------

    def preset(self) -> str:
        return self.preset_combo.currentData()

    def path(self) -> Path | None:
        text = self.path_edit.text().strip()
        return with_db_suffix(Path(text).expanduser()) if text else None

    def choose_path(self) -> bool:
        """Ask where to save the database; False if the user cancelled."""
        start = self.path_edit.text().strip() or str(self._folder / suggested_file_name(self.name_edit.text()))
        # We never overwrite (create_database_file refuses), so the dialog need not ask.
        name, _ = QFileDialog.getSaveFileName(self, self.tr("協議会データベースの保存先"), start, self.tr(DB_FILTER),
                                              "", QFileDialog.Option.DontConfirmOverwrite)
        if not name:
            return False
        self._path_chosen = True
        self.path_edit.setText(str(with_db_suffix(Path(name))))
        return True

    def _on_path_edited(self) -> None:
        self._path_chosen = True

    def _on_name_changed(self, text: str) -> None:
        if not self._path_chosen:
            current = self.path()
            folder = current.parent if current else self._folder
            self.path_edit.setText(str(folder / suggested_file_name(text)))
        self._validate()

    def problem(self) -> str:
        """What keeps the consortium from being created ("" when nothing does)."""
        if not self.name_edit.text().strip():
            return self.tr("協議会の名称を入力してください。")
        if self.path() is None:
            return self.tr("保存先のファイルを指定してください。")
        return ""

    def _validate(self) -> None:
        problem = self.problem()
        self.error_label.setText(problem if self.name_edit.isModified() or self.name_edit.text() else "")
        self.create_button.setEnabled(not problem)

    # --- creating ---------------------------------------------------------------------

    def create_now(self) -> None:
        """Create the file and the consortium; close on success, explain and stay on refusal."""
        if self.problem():
            self._validate()
            return
        path = self.path()
        try:
            name, preset, policy = self.name_edit.text().strip(), self.preset(), backup_policy()
            self.database = run_in_worker(  # the 業務 and migrations: a moment, off the UI thread
                lambda: create_database_file(path, name=name, preset=preset, backup_policy=policy),
                parent=self, label=self.tr("協議会を作成しています…"))
        except DomainError as error:
            QMessageBox.warning(self, self.tr("協議会を作成できません"), str(error))
            return
        except OSError as error:
            QMessageBox.warning(self, self.tr("協議会を作成できません"),
                                self.tr("ファイルを作成できません: {0}\n{1}").format(path, error_reason(error)))
            return
        self.accept()

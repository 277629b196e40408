"""FirstRunWizard: the first start, with no database yet — set up a consortium, or try the demo.

Pages: 1. start (次へ for a new consortium, or the 「デモデータで試す」 button); 2. the consortium's name, its
preset (茨城県方式 / 空) and where its file goes; 3. its members with populations, typed
into a small table or imported from a member list file; 4. optionally a function list.
On 完了 the file and consortium are created in one transaction
(``cloudsuppress.store.files.create_database_file``), the members are added through an
``OpRunner`` over the new database (one undoable action), and a chosen function list opens
in the usual import dialog, where the secretary checks the columns as always. The open
``Database`` is left in ``database`` for main.py; a refusal is shown and the wizard stays.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from cloudsuppress.errors import DomainError
from cloudsuppress.file_errors import error_reason
from cloudsuppress.importers.members import MemberRecord, parse_population
from cloudsuppress.presets import PRESET_LABELS
from cloudsuppress.store.connection import Database
from cloudsuppress.store.files import create_database_file, suggested_file_name, with_db_suffix

from ..op_runner import run_in_worker
from ..settings import backup_policy
from .new_consortium_dialog import DB_FILTER, default_data_folder

DEMO_NAME = "デモ協議会（茨城県方式）"
PAGE_START, PAGE_CONSORTIUM, PAGE_MEMBERS, PAGE_FUNCTIONS = range(4)
NOTE_STYLE = "color: #4a5568;"


class StartPage(QWizardPage):
    """Welcome: 次へ sets up a new consortium; 「デモデータで試す」 finishes at once with the demo."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("cloudsuppress へようこそ"))
        self.setSubTitle(self.tr("協議会のデータベースを作ります。あとから「ファイル」メニューで別の協議会を作る・開くこともできます。"))
        new_note = QLabel(self.tr("「次へ」を押して、協議会の名称・構成団体・機能一覧を登録します。"))
        new_note.setWordWrap(True)
        self.demo_button = QPushButton(self.tr("デモデータで試す"))
        self.demo_button.setAccessibleName(self.tr("デモデータで試す"))
        demo_note = QLabel(self.tr("4団体・3,069機能の架空の協議会で、画面と帳票を試せます。"))
        demo_note.setStyleSheet(NOTE_STYLE)
        demo_row = QHBoxLayout()
        demo_row.addWidget(self.demo_button)
        demo_row.addWidget(demo_note, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(new_note)
        layout.addSpacing(24)
        layout.addLayout(demo_row)
        layout.addStretch(1)


class ConsortiumPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None, *, folder: Path):
        super().__init__(parent)
        self.setTitle(self.tr("協議会"))
        self.setSubTitle(self.tr("協議会の名称と、専門部会・業務のひな形を選びます。"))
        self._folder = folder
        self._path_chosen = False
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(200)
        self.name_edit.setPlaceholderText(self.tr("例: ○○自治体クラウド基幹業務運営協議会"))
        self.preset_combo = QComboBox()
        for key, label in PRESET_LABELS.items():
            self.preset_combo.addItem(self.tr(label), key)
        self.path_edit = QLineEdit(str(folder / suggested_file_name("")))
        self.path_edit.textEdited.connect(self._on_path_edited)
        browse = QPushButton(self.tr("参照…"))
        browse.setAccessibleName(self.tr("保存先を選ぶ"))
        browse.clicked.connect(self.choose_path)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow(self.tr("協議会の名称（必須）"), self.name_edit)
        form.addRow(self.tr("専門部会・業務"), self.preset_combo)
        form.addRow(self.tr("保存先"), row)
        self.name_edit.textChanged.connect(self._on_name_changed)
        self.path_edit.textChanged.connect(self.completeChanged)

    def _on_path_edited(self) -> None:
        self._path_chosen = True

    def _on_name_changed(self, text: str) -> None:
        if not self._path_chosen:
            current = self.path()
            folder = current.parent if current else self._folder
            self.path_edit.setText(str(folder / suggested_file_name(text)))
        self.completeChanged.emit()

    def choose_path(self) -> bool:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("協議会データベースの保存先"), self.path_edit.text(),
                                              self.tr(DB_FILTER), "", QFileDialog.Option.DontConfirmOverwrite)
        if not name:
            return False
        self._path_chosen = True
        self.path_edit.setText(str(with_db_suffix(Path(name))))
        return True

    def path(self) -> Path | None:
        text = self.path_edit.text().strip()
        return with_db_suffix(Path(text).expanduser()) if text else None

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return bool(self.name_edit.text().strip()) and self.path() is not None


class MembersPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("構成団体"))
        self.setSubTitle(self.tr("構成団体と人口を入力するか、団体一覧（Excel・CSV）から取り込みます。"
                                 "人口は人口割の費用負担に使います。あとからでも登録できます。"))
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("団体名"), self.tr("人口")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("構成団体の一覧"))
        add = QPushButton(self.tr("行を追加"))
        add.clicked.connect(lambda: self.add_member("", None))
        remove = QPushButton(self.tr("選択した行を削除"))
        remove.clicked.connect(self.remove_selected)
        self.import_button = QPushButton(self.tr("団体一覧を取り込む…"))
        self.import_button.clicked.connect(self.import_file)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b3261e;")
        self.error_label.setWordWrap(True)
        buttons = QHBoxLayout()
        for b in (add, remove, self.import_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.error_label)
        self.table.itemChanged.connect(lambda *_: self.completeChanged.emit())
        for _ in range(4):
            self.add_member("", None)

    def add_member(self, name: str, population: int | None) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        self.table.setItem(r, 0, QTableWidgetItem(name))
        self.table.setItem(r, 1, QTableWidgetItem("" if population is None else f"{population:,}"))

    def remove_selected(self) -> None:
        for r in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(r)
        self.completeChanged.emit()

    def import_file(self) -> bool:
        """Fill the table from a member list file (the core's reader validates it)."""
        from cloudsuppress.importers.members import read_member_list

        from ..file_dialogs import KIND_MEMBER_LISTS, open_file_name
        from ..views.member_view import FILE_FILTER as MEMBER_FILTER

        chosen = open_file_name(self, self.tr("団体一覧を選ぶ"), kind=KIND_MEMBER_LISTS, file_filter=self.tr(MEMBER_FILTER))
        if chosen is None:
            return False
        name = str(chosen)
        try:
            records = read_member_list(Path(name))
        except DomainError as error:
            QMessageBox.warning(self, self.tr("団体一覧を取り込めません"), str(error))
            return False
        self.table.setRowCount(0)
        for rec in records:
            self.add_member(rec.name, rec.population)
        self.completeChanged.emit()
        return True

    def records(self) -> tuple[list[MemberRecord], list[str]]:
        """The filled rows as member records, and what is wrong with the others."""
        out, problems, seen = [], [], set()
        for r in range(self.table.rowCount()):
            name = (self.table.item(r, 0).text() if self.table.item(r, 0) else "").strip()
            pop_text = (self.table.item(r, 1).text() if self.table.item(r, 1) else "").strip()
            if not name and not pop_text:
                continue
            population = parse_population(pop_text) if pop_text else None
            if not name:
                problems.append(self.tr("{0}行目: 団体名を入力してください。").format(r + 1))
            elif population is None or population <= 0:
                problems.append(self.tr("{0}行目: 「{1}」の人口を数字で入力してください。").format(r + 1, name))
            elif name in seen:
                problems.append(self.tr("{0}行目: 「{1}」が重複しています。").format(r + 1, name))
            else:
                seen.add(name)
                out.append(MemberRecord(row=r + 1, name=name, population=population, joined_on=None))
        return out, problems

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        _, problems = self.records()
        self.error_label.setText("\n".join(problems[:3]))
        return not problems


class FunctionsPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("機能一覧"))
        self.setSubTitle(self.tr("パッケージの機能一覧（標準仕様書の機能要件・適合度）を取り込めます。あとから"
                                 "「ファイル」＞「機能一覧を取り込む…」でも取り込めます。"))
        self.import_check = QCheckBox(self.tr("完了したら機能一覧を取り込む"))
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("取り込む表計算ファイル（.xlsx / .xls / .csv）"))
        self.path_edit.setAccessibleName(self.tr("機能一覧のファイル"))
        browse = QPushButton(self.tr("参照…"))
        browse.setAccessibleName(self.tr("機能一覧のファイルを選ぶ"))
        browse.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        note = QLabel(self.tr("完了後に取り込み画面が開きます。列の対応を確かめてから取り込んでください。"))
        note.setStyleSheet(NOTE_STYLE)
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.import_check)
        layout.addLayout(row)
        layout.addWidget(note)
        layout.addStretch(1)
        self.import_check.toggled.connect(self.completeChanged)
        self.path_edit.textChanged.connect(self.completeChanged)

    def choose_file(self) -> bool:
        from ..file_dialogs import KIND_FUNCTION_LISTS, open_file_name
        from .import_functions_dialog import FILE_FILTER

        chosen = open_file_name(self, self.tr("機能一覧を選ぶ"), kind=KIND_FUNCTION_LISTS, file_filter=self.tr(FILE_FILTER))
        if chosen is None:
            return False
        self.path_edit.setText(str(chosen))
        self.import_check.setChecked(True)
        return True

    def function_list(self) -> Path | None:
        text = self.path_edit.text().strip()
        return Path(text) if self.import_check.isChecked() and text else None

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return not self.import_check.isChecked() or bool(self.path_edit.text().strip())


class FirstRunWizard(QWizard):
    """Create the first consortium (or the demo) and leave it open in ``database``."""

    def __init__(self, parent: QWidget | None = None, *, folder: Path | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("はじめての設定"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setMinimumSize(720, 520)
        self.database: Database | None = None
        self.function_import_message: str | None = None
        self.folder = folder or default_data_folder()
        self.start_page = StartPage()
        self.consortium_page = ConsortiumPage(folder=self.folder)
        self.members_page = MembersPage()
        self.functions_page = FunctionsPage()
        self.setPage(PAGE_START, self.start_page)
        self.setPage(PAGE_CONSORTIUM, self.consortium_page)
        self.setPage(PAGE_MEMBERS, self.members_page)
        self.setPage(PAGE_FUNCTIONS, self.functions_page)
        self.start_page.demo_button.clicked.connect(self.create_demo)
        for which, text in ((QWizard.WizardButton.BackButton, self.tr("< 戻る")),
                            (QWizard.WizardButton.NextButton, self.tr("次へ >")),
                            (QWizard.WizardButton.FinishButton, self.tr("完了")),
                            (QWizard.WizardButton.CancelButton, self.tr("キャンセル"))):
            self.setButtonText(which, text)

    def create_demo(self) -> None:
        """「デモデータで試す」: the demo consortium in the data folder (as earlier versions started)."""
        self._create(demo=True)

    def accept(self) -> None:
        """完了: create the consortium as the pages describe it."""
        self._create(demo=False)

    def _create(self, *, demo: bool) -> None:
        """Create the database; on refusal say why and stay on the wizard."""
        try:
            if demo:
                path = self.folder / suggested_file_name(DEMO_NAME)
                policy = backup_policy()
                # 3–4 s of work: on a worker thread, the window painted and a busy dialog shown.
                self.database = run_in_worker(
                    lambda: create_database_file(path, name=DEMO_NAME, preset="ibaraki33", demo=True,
                                                 backup_policy=policy),
                    parent=self, label=self.tr("デモの協議会を作成しています…"))
            else:
                self.database = self._create_consortium()
        except DomainError as error:
            QMessageBox.warning(self, self.tr("協議会を作成できません"), str(error))
            return
        except OSError as error:
            QMessageBox.warning(self, self.tr("協議会を作成できません"), error_reason(error))
            return
        if self.database is None:
            return
        super().accept()

    def _create_consortium(self) -> Database | None:
        from ..op_runner import OpRunner
        from ..operations import members as member_ops
        from .runner_dialogs import APP_DIALOGS

        page = self.consortium_page
        path, name, preset, policy = page.path(), page.name_edit.text().strip(), page.preset_combo.currentData(), backup_policy()
        db = run_in_worker(lambda: create_database_file(path, name=name, preset=preset, backup_policy=policy),
                           parent=self, label=self.tr("協議会を作成しています…"))
        runner = OpRunner(db, dialogs=APP_DIALOGS)
        records, _ = self.members_page.records()
        if records:
            member_ops.import_members(self, runner, records=records, label=self.tr("構成団体を登録しています…"))
        path = self.functions_page.function_list()
        if path is not None:
            from .import_functions_dialog import ImportFunctionsDialog

            dialog = ImportFunctionsDialog(runner, self)
            if dialog.load_file(path):
                dialog.exec()
            self.function_import_message = dialog.applied
        runner.deleteLater()
        return db

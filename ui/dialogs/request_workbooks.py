"""The Excel round-trip with the members, from the request view.

要望様式を書き出す…: choose members and a folder; one workbook per member (the core's
``write_request_template``: the member's name filled in, drop-downs, the function list for
look-up, instructions), written on a worker thread.

要望を取り込む…: choose one or more filled workbooks (or CSV files); they are read and
validated on a worker thread and planned against the database; any problem lists every
issue (file, row, column) and imports nothing; otherwise the plan's preview is shown and,
once confirmed, the import is planned again and applied in one transaction on the worker
(so it is exactly what the database holds at that moment), as one undoable action.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cloudsuppress.errors import DomainError
from cloudsuppress.file_errors import failed_path, file_errors
from cloudsuppress.importers.requests import read_request_files
from cloudsuppress.ops.consortium import require_consortium
from cloudsuppress.ops.functions import list_function_rows
from cloudsuppress.ops.members import MemberRow
from cloudsuppress.ops.request_import import RequestImportPlan, plan_request_import
from cloudsuppress.output_files import check_output, output_file
from cloudsuppress.reports.request_template_xlsx import write_request_template

from ..labels import join_names, label
from ..op_runner import OpRunner
from ..operations import requests as request_ops
from .dialog_buttons import accept_cancel

IMPORT_FILTER = QT_TRANSLATE_NOOP("request_workbooks", "要望票 (*.xlsx *.xlsm *.xls *.ods *.csv *.tsv *.txt);;すべてのファイル (*)")


def template_file_name(member: str) -> str:
    """「要望票_那珂市.xlsx」"""
    return f"要望票_{member}.xlsx"


class ExportTemplatesDialog(QDialog):
    """Choose the members (all ticked at first) and the folder for their request workbooks."""

    def __init__(self, members: list[MemberRow], folder: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("要望様式を書き出す"))
        self.setMinimumWidth(520)
        note = QLabel(self.tr("団体ごとに要望票（Excel）を1つ書き出します。団体名の記入済みで、"
                              "理由区分と住民サービス低下は選択式、機能一覧のシートと記入方法が付きます。"))
        note.setWordWrap(True)
        self.member_list = QListWidget()
        for m in members:
            item = QListWidgetItem(m.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.member_list.addItem(item)
        if not folder:  # Documents, or the folder used last for request workbooks
            from ..file_dialogs import KIND_REQUESTS, start_folder

            folder = str(start_folder(KIND_REQUESTS))
        self.folder_edit = QLineEdit(folder)
        self.folder_edit.setPlaceholderText(self.tr("書き出すフォルダ"))
        browse = QPushButton(self.tr("参照…"))
        browse.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(browse)
        self.buttons, self.ok_button = accept_cancel(self, self.tr("書き出す"))
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(QLabel(self.tr("団体")))
        layout.addWidget(self.member_list, 1)
        layout.addWidget(QLabel(self.tr("フォルダ")))
        layout.addLayout(folder_row)
        self.reason_label = QLabel()
        self.reason_label.setObjectName("reasonLabel")
        self.reason_label.setStyleSheet("color: #8a5a00;")
        self.reason_label.setWordWrap(True)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.buttons)
        self.member_list.itemChanged.connect(self._validate)
        self.folder_edit.textChanged.connect(self._validate)
        self._validate()

    def chosen_members(self) -> list[str]:
        return [self.member_list.item(i).text() for i in range(self.member_list.count())
                if self.member_list.item(i).checkState() == Qt.CheckState.Checked]

    def folder(self) -> Path | None:
        text = self.folder_edit.text().strip()
        return Path(text) if text else None

    def choose_folder(self) -> None:
        from ..file_dialogs import KIND_REQUESTS, existing_folder

        folder = existing_folder(self, self.tr("書き出すフォルダを選ぶ"), kind=KIND_REQUESTS, folder=self.folder_edit.text())
        if folder is not None:
            self.folder_edit.setText(str(folder))

    def accept(self) -> None:  # noqa: D401 - QDialog API
        """書き出す: a folder typed that does not exist yet is offered to be created first."""
        from ..file_dialogs import KIND_REQUESTS, ensure_folder, remember_folder

        folder = self.folder()
        if folder is None or not ensure_folder(self, folder):
            return
        remember_folder(KIND_REQUESTS, folder)
        super().accept()

    def _validate(self) -> None:
        folder = self.folder()
        members = bool(self.chosen_members())
        self.ok_button.setEnabled(members and folder is not None)
        # A disabled 書き出す says why; a missing folder is offered to be created when pressed.
        reason = ("" if members and folder is not None else
                  self.tr("書き出す団体を選んでください。") if not members else self.tr("書き出すフォルダを指定してください。"))
        self.ok_button.setToolTip(reason)
        self.reason_label.setText(reason or (self.tr("フォルダ {0} はまだありません。書き出すときに作成します。").format(folder)
                                             if not folder.is_dir() else ""))


def export_request_templates(runner: OpRunner, members: list[MemberRow], *, parent: QWidget,
                             folder: str = "") -> str | None:
    """Ask for members and a folder and write one workbook per member; a status line, or None."""
    if not members:
        QMessageBox.information(
            parent, QCoreApplication.translate("request_workbooks", "要望様式を書き出す"),
            QCoreApplication.translate("request_workbooks", "団体が登録されていません。先に団体を登録してください。"))
        return None
    dialog = ExportTemplatesDialog(members, folder, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        names, target = dialog.chosen_members(), dialog.folder()
    finally:
        dialog.deleteLater()
    paths = [target / template_file_name(n) for n in names]
    existing = [p.name for p in paths if p.exists()]
    if existing and QMessageBox.question(
            parent, QCoreApplication.translate("request_workbooks", "要望様式を書き出す"),
            QCoreApplication.translate(
                "request_workbooks", "次のファイルはすでにあります。上書きしますか。\n{0}").format("\n".join(existing))
    ) != QMessageBox.StandardButton.Yes:
        return None
    try:
        info, rows = runner.read(lambda s: (require_consortium(s), list_function_rows(s, requestable=True)))  # no 欠番

        def write() -> None:
            for path in paths:  # asked above before replacing; a database is refused before anything is written
                check_output(path, overwrite=True)
            for name, path in zip(names, paths, strict=True):
                with output_file(path, overwrite=True) as tmp:
                    write_request_template(tmp, member=name, consortium=info.name, functions=rows)

        runner.call_in_worker(write, parent=parent, label=QCoreApplication.translate("request_workbooks", "要望票を書き出しています…"))
    except DomainError as error:
        runner.show_error(error, parent=parent)
        return None
    except file_errors() as error:  # OSError, or xlsxwriter's FileCreateError (the workbook is open in Excel)
        from .report_export import show_write_error

        show_write_error(parent, Path(failed_path(error) or target), error)
        return None
    return QCoreApplication.translate("request_workbooks", "要望票を {0} 件書き出しました: {1}").format(len(paths), target)


def describe_request_plan(plan: RequestImportPlan) -> str:
    """The import's preview in the UI language, one line per item; in Japanese exactly the core's
    ``plan.describe()`` (the CLI prints that). Keys, titles and member names are data."""
    translate = QCoreApplication.translate
    lines = [translate("request_workbooks", "新しい要望項目 {0} 件、団体の要望の追加 {1} 件、変更 {2} 件、変更なし {3} 件")
             .format(plan.new_items, plan.count("add") + plan.count("join"), plan.count("update"),
                     plan.count("unchanged"))]
    notes = {"add": "", "join": translate("request_workbooks", "（参加）"),
             "unchanged": translate("request_workbooks", "（変更なし）")}
    for i in plan.items:
        new = i.item_id is None
        what = translate("request_workbooks", "新規") if new else translate("request_workbooks", "既存")
        parts = join_names(
            p.member + (notes[p.action] if p.action in notes else translate("request_workbooks", "（変更: {0}）").format(
                translate("request_workbooks", "・").join(label(f) for f in p.changed)))
            for p in i.parts)
        est = translate("request_workbooks", "（見積額を変更）") if i.estimate_changed and not new else ""
        lines.append(translate("request_workbooks", "  {0} {1} {2}: {3}{4}").format(i.key, what, i.title, parts, est))
    return "\n".join(lines)


class RequestImportPreviewDialog(QDialog):
    """The plan's preview; 取り込む confirms."""

    def __init__(self, plan: RequestImportPlan, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("要望を取り込む"))
        self.resize(820, 480)
        files = join_names(Path(f).name for f in plan.files)
        header = QLabel(self.tr("次の内容で取り込みます（{0}）。よろしければ「取り込む」を押してください。"
                                "取り込んだ後でも「元に戻す」で取り消せます。").format(files))
        header.setWordWrap(True)
        self.text = QPlainTextEdit(describe_request_plan(plan))
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.buttons, self.ok_button = accept_cancel(self, self.tr("取り込む"))
        self.ok_button.setEnabled(plan.has_changes)
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(self.text, 1)
        if not plan.has_changes:
            same = QLabel(self.tr("データベースと同じ内容のため、取り込むものはありません。"))
            layout.addWidget(same)
        layout.addWidget(self.buttons)


def import_request_workbooks(runner: OpRunner, *, parent: QWidget, folder: str = "") -> str | None:
    """Choose filled workbooks, validate, preview and import them; a status line, or None."""
    from ..file_dialogs import KIND_REQUESTS, open_file_names

    paths = open_file_names(parent, QCoreApplication.translate("request_workbooks", "記入済みの要望票を選ぶ（複数可）"),
                            kind=KIND_REQUESTS, folder=folder,
                            file_filter=QCoreApplication.translate("request_workbooks", IMPORT_FILTER))
    if not paths:
        return None
    try:
        records = runner.call_in_worker(lambda: read_request_files(paths), parent=parent,
                                        label=QCoreApplication.translate("request_workbooks", "要望票を読み込んでいます…"),
                                        cancellable=True)  # a read: 中止 leaves everything as it was
        plan = runner.read(lambda s: plan_request_import(s, records))
    except DomainError as error:  # ImportValidationError lists every issue; nothing was written
        runner.show_error(error, parent=parent)
        return None
    dialog = RequestImportPreviewDialog(plan, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
    finally:
        dialog.deleteLater()

    if request_ops.import_requests(parent, runner, records=records,
                                   label=QCoreApplication.translate("request_workbooks", "要望を取り込んでいます…")) is None:
        return None
    return QCoreApplication.translate("request_workbooks", "要望票を取り込みました（{0}）: 新しい要望項目 {1} 件、{2} 行。").format(
        join_names(p.name for p in paths), plan.new_items, len(records))

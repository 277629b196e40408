"""RestoreBackupDialog: ファイル > バックアップから復元… lists the backups of the open file.

Contract: shows ``backups.list_backups(path)`` newest first (date, why it was made, size) and
returns the chosen ``BackupInfo`` in ``chosen`` when the user presses 復元…; it restores
nothing itself: the caller confirms, closes the database, calls ``restore_backup`` and reopens.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cloudsuppress.store.backups import BackupInfo, backup_folder, list_backups

from ..dates import display_date

# BackupInfo.reason_label's texts, translated when shown.
REASON_LABELS = (QT_TRANSLATE_NOOP("RestoreBackupDialog", "起動時"), QT_TRANSLATE_NOOP("RestoreBackupDialog", "終了時"),
                 QT_TRANSLATE_NOOP("RestoreBackupDialog", "版の更新前"), QT_TRANSLATE_NOOP("RestoreBackupDialog", "復元前"))


def format_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(1, round(size / 1024)):,} KB"


class RestoreBackupDialog(QDialog):
    """The backups of one database file; ``chosen`` after 復元…."""

    def __init__(self, db_path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.chosen: BackupInfo | None = None
        self.setWindowTitle(self.tr("バックアップから復元"))
        self.resize(640, 420)
        self.backups = list_backups(Path(db_path))
        intro = QLabel(self.tr("復元するバックアップを選んでください。いまのデータベースは、"
                               "置き換える前に別のファイルとして保存されます。\n保存場所: {0}").format(
            backup_folder(Path(db_path))))
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self.backups), 3)
        self.table.setHorizontalHeaderLabels([self.tr("作成日時"), self.tr("種類"), self.tr("大きさ")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for r, b in enumerate(self.backups):
            cells = (f"{display_date(b.created_at.date())} {b.created_at:%H:%M:%S}",  # 和暦 or 西暦, as 設定 says
                     self.tr(b.reason_label), format_size(b.size))
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(b.path))
                self.table.setItem(r, c, item)
        self.empty = QLabel(self.tr("このデータベースのバックアップはまだありません。"))
        self.empty.setVisible(not self.backups)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("キャンセル"))
        self.restore_button = buttons.addButton(self.tr("復元…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.choose)
        buttons.rejected.connect(self.reject)
        self.table.itemSelectionChanged.connect(
            lambda: self.restore_button.setEnabled(bool(self.table.selectionModel().selectedRows())))
        self.table.doubleClicked.connect(lambda *_: self.choose())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        if self.backups:
            self.table.selectRow(0)

    def choose(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        self.chosen = self.backups[rows[0].row()]
        self.accept()

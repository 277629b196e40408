"""ConflictDialog: another user saved the record first; show both versions and let the user choose.

Contract: the OpRunner opens it with the ``ConcurrentEditError`` an operation raised (nothing
was written). The table lists each field the user tried to save beside what is stored now,
the fields that differ highlighted, with who changed the record and when. The user chooses:

* 「最新の内容を読み込む」: ``reload_conflict`` confirms the current row; ``choice`` is
  ``RELOADED`` and the runner then tells the views to refresh (the user's edit is dropped).
* 「自分の変更を重ねて保存」: ``reapply`` saves the same values on top of the version shown
  here, through ``runner.attempt`` (``ui.operations.conflicts.reapply_mine``). If a third user saved again meanwhile, the new conflict
  replaces the one shown and the dialog stays open; on success ``choice`` is ``REAPPLIED``
  and ``changes`` holds what the save changed (the runner broadcasts it).
* キャンセル: nothing happens; the user's edit stays in the editor.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cloudsuppress.errors import ConcurrentEditError, DomainError
from cloudsuppress.ops.concurrency import reload_conflict

from ..labels import label as core_label
from ..operations import conflicts as conflict_ops

# Field names as the editors label them (request item, member request, member).
FIELD_LABELS = {
    "title": QT_TRANSLATE_NOOP("ConflictDialog", "要望名"),
    "estimate": QT_TRANSLATE_NOOP("ConflictDialog", "見積額（円）"),
    "function_id": QT_TRANSLATE_NOOP("ConflictDialog", "機能"),
    "business_system_id": QT_TRANSLATE_NOOP("ConflictDialog", "業務"),
    "proposed_function": QT_TRANSLATE_NOOP("ConflictDialog", "新しい機能の名称"),
    "content": QT_TRANSLATE_NOOP("ConflictDialog", "要望内容"),
    "reason": QT_TRANSLATE_NOOP("ConflictDialog", "理由区分"),
    "service_drop": QT_TRANSLATE_NOOP("ConflictDialog", "住民サービスの低下"),
    "service_drop_detail": QT_TRANSLATE_NOOP("ConflictDialog", "低下の内容"),
    "annual_cases": QT_TRANSLATE_NOOP("ConflictDialog", "年間件数"),
    "workaround": QT_TRANSLATE_NOOP("ConflictDialog", "運用での回避策"),
    "name": QT_TRANSLATE_NOOP("ConflictDialog", "名称"),
    "population": QT_TRANSLATE_NOOP("ConflictDialog", "人口"),
    "joined_on": QT_TRANSLATE_NOOP("ConflictDialog", "加入日"),
    "status": QT_TRANSLATE_NOOP("ConflictDialog", "状態"),
}
DIFFERS = QColor("#fff3cd")


class ConflictDialog(QDialog):
    """Both versions side by side, and the choice between reloading and re-applying."""

    RELOADED = "reload"
    REAPPLIED = "reapply"

    def __init__(self, runner, error: ConcurrentEditError, parent: QWidget | None = None):  # noqa: ANN001
        super().__init__(parent)
        self.runner = runner
        self.error = error
        self.choice: str | None = None
        self.changes = None
        self.setWindowTitle(self.tr("他の利用者が先に保存しました"))
        self.setMinimumWidth(760)

        self.heading = QLabel()
        self.heading.setObjectName("conflictHeading")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("QLabel#conflictHeading { font-size: 12pt; font-weight: bold; color: #8a4b00; }")
        self.who = QLabel()
        self.who.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #8a4b00;")
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("項目"), self.tr("自分の変更"), self.tr("現在の内容")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

        buttons = QDialogButtonBox()
        self.reload_button = QPushButton(self.tr("最新の内容を読み込む"))
        self.reapply_button = QPushButton(self.tr("自分の変更を重ねて保存"))
        self.cancel_button = QPushButton(self.tr("キャンセル"))
        buttons.addButton(self.reload_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.reapply_button, QDialogButtonBox.ButtonRole.ApplyRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.reload_button.clicked.connect(self.reload_latest)
        self.reapply_button.clicked.connect(self.reapply_mine)
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.who)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        explain = QLabel(self.tr("何も上書きしていません。最新の内容を読み込むと、あなたの変更は破棄されます。"
                                 "重ねて保存すると、上の「自分の変更」の項目だけが最新の内容に上書きされます。"))
        explain.setWordWrap(True)
        explain.setStyleSheet("color: #555555;")
        layout.addWidget(explain)
        layout.addWidget(buttons)
        self.show_error(error)

    # --- showing ----------------------------------------------------------------------

    @staticmethod
    def format_value(value: object) -> str:
        if value is None or value == "":
            return QCoreApplication.translate("ConflictDialog", "（空欄）")
        if value is True:
            return QCoreApplication.translate("ConflictDialog", "はい")
        if value is False:
            return QCoreApplication.translate("ConflictDialog", "いいえ")
        if isinstance(value, dt.datetime):
            return f"{value:%Y-%m-%d %H:%M}"
        if isinstance(value, int):
            return f"{value:,}"
        return str(value)

    def show_error(self, error: ConcurrentEditError) -> None:
        """Show (again) a conflict: the heading, who changed it, and the two versions."""
        self.error = error
        deleted = error.current is None
        if deleted:
            self.heading.setText(self.tr("{0}は、他の利用者が削除しました。").format(core_label(error.label)))
        else:
            self.heading.setText(self.tr("{0}は、あなたが編集している間に他の利用者が変更しました。").format(core_label(error.label)))
        who = error.changed_by or self.tr("（不明）")
        when = f"{error.changed_at:%Y-%m-%d %H:%M}" if hasattr(error.changed_at, "strftime") else self.tr("（不明）")
        self.who.setText(self.tr("変更した人: {0}　変更日時: {1}　版: {2} → {3}　（保存はしていません）").format(
            who, when, error.expected_version if error.expected_version is not None else "?",
            error.current_version if error.current_version is not None else self.tr("削除")))
        differing = set(error.differing_fields)
        fields = list(error.attempted)
        self.table.setRowCount(len(fields))
        bold = QFont()
        bold.setBold(True)
        for r, name in enumerate(fields):
            mine = self.format_value(error.attempted.get(name))
            current = self.tr("（削除されています）") if deleted else self.format_value(error.current.get(name))
            cells = (self.tr(FIELD_LABELS.get(name, name)), mine, current)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if name in differing:
                    item.setBackground(QBrush(DIFFERS))
                    if c == 0:
                        item.setFont(bold)
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()
        self.reapply_button.setEnabled(not deleted)
        if not fields:
            self.note.setText(self.tr("変更した項目はありません。最新の内容を読み込んでください。"))

    # --- choices ----------------------------------------------------------------------

    def reload_latest(self) -> None:
        """Read the record as stored now; the runner then has every view refresh."""
        error = self.error
        try:
            self.runner.read(lambda s: reload_conflict(s, error))
        except DomainError as exc:
            QMessageBox.warning(self, self.tr("読み込めません"), str(exc))
            return
        self.choice = self.RELOADED
        self.accept()

    def reapply_mine(self) -> bool:
        """Save the user's values on top of the version shown; a newer conflict is shown in place."""
        error = self.error
        seen = error.current_version
        try:
            self.changes = conflict_ops.reapply_mine(self.runner, error=error, seen_version=seen)
        except ConcurrentEditError as again:
            self.show_error(again)
            self.note.setText(self.tr("その間に、さらに別の利用者が変更しました。内容を確認して、もう一度選んでください。"))
            return False
        except DomainError as exc:
            QMessageBox.warning(self, self.tr("保存できません"), str(exc))
            return False
        self.choice = self.REAPPLIED
        self.accept()
        return True

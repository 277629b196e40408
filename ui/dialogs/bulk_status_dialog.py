"""BulkStatusDialog: one new status and one reason for the request items chosen in a list.

The dialog only asks; the caller hands ``ops.selection.move_items`` to the runner, which
shows the core's refusal (naming the item that cannot move; nothing changed) as it is. A
refused change leaves the dialog's text where it was: the caller opens it again with
``reason`` filled in.
"""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from cloudsuppress.domain.workflow import Status

from ..labels import join_names
from .dialog_buttons import accept_cancel


class BulkStatusDialog(QDialog):
    """状態をまとめて変更: the target status and the reason, for ``keys``."""

    def __init__(self, keys: list[str], *, to: Status | None = None, reason: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("状態をまとめて変更"))
        self.setMinimumWidth(480)
        shown = join_names(keys[:8]) + (self.tr(" ほか {0} 件").format(len(keys) - 8) if len(keys) > 8 else "")
        head = QLabel(self.tr("選んだ要望 {0} 件: {1}").format(len(keys), shown))
        head.setWordWrap(True)
        self.status_combo = QComboBox()
        for st in Status:
            self.status_combo.addItem(self.tr(st.label), st.value)
        if to is not None:
            self.status_combo.setCurrentIndex(self.status_combo.findData(to.value))
        self.reason_edit = QLineEdit(reason)
        self.reason_edit.setPlaceholderText(self.tr("例: 第2回部会で協議した結果、代替運用で対応する"))
        note = QLabel(self.tr("1 件でも変更できない要望があれば、どれも変更しません（元に戻すは 1 回でまとめて戻ります）。"))
        note.setWordWrap(True)
        note.setStyleSheet("color: #4a5568;")
        form = QFormLayout()
        form.addRow(self.tr("変更後の状態"), self.status_combo)
        form.addRow(self.tr("理由"), self.reason_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addLayout(form)
        layout.addWidget(note)
        buttons, self.ok_button = accept_cancel(self, self.tr("変更"))
        layout.addWidget(buttons)

    def target(self) -> Status:
        return Status(self.status_combo.currentData())

    def reason(self) -> str:
        return self.reason_edit.text().strip()

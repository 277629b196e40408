"""The button row of the app's small dialogs: one accept button with the dialog's own word
(追加, 登録, 作成, 書き出す…) and キャンセル, wired to the dialog."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton


def accept_cancel(dialog: QDialog, accept_text: str, on_accept: Callable[[], object] | None = None
                  ) -> tuple[QDialogButtonBox, QPushButton]:
    """(button box, accept button): accept runs ``on_accept`` (default: the dialog's accept),
    キャンセル rejects. キャンセル is spelled here, not left to Qt's own translation, so it reads
    the same whether or not Qt's Japanese file is installed."""
    buttons = QDialogButtonBox()
    ok = buttons.addButton(accept_text, QDialogButtonBox.ButtonRole.AcceptRole)
    cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
    cancel.setText(QCoreApplication.translate("DialogButtons", "キャンセル"))
    buttons.accepted.connect(on_accept or dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons, ok

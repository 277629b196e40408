"""The clear button of the search boxes that filter a list as the user types.

Qt's own (``QLineEdit.setClearButtonEnabled``) fades in and out over ~160 ms, repainting the box and
what lies under it on every frame while the next keys are typed: in the function browser the key
after the first one was the slowest of all (issue 18, benchmarks/keystroke.py). This is the same
button without the fade: an action at the end of the box, shown while there is text to clear.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit, QStyle


def add_clear_action(edit: QLineEdit) -> QAction:
    """Give ``edit`` a clear button, shown while it holds text; returns the button's action."""
    action = edit.addAction(edit.style().standardIcon(QStyle.StandardPixmap.SP_LineEditClearButton),
                            QLineEdit.ActionPosition.TrailingPosition)
    action.setToolTip(QCoreApplication.translate("SearchField", "検索語を消去"))
    action.setVisible(bool(edit.text()))
    action.triggered.connect(edit.clear)
    edit.textChanged.connect(lambda text: action.setVisible(bool(text)))
    return action

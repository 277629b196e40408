"""ImportIssuesDialog: every problem a refused import found, one line per distinct problem, copyable.

A message box cannot hold 200 lines; a read-only text area can, and the secretary can copy
it into a mail to whoever prepared the spreadsheet. The same problem on many rows (a 業務
spelled differently on all 176 rows) is one line naming the rows (``summarize_issues``), and
lines wrap, so that a hint at the end of a long line is never cut off.
"""
from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cloudsuppress.errors import ImportValidationError


class ImportIssuesDialog(QDialog):
    """Lists ``ImportValidationError.issues``; says that nothing was written."""

    def __init__(self, error: ImportValidationError, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("取り込みを中止しました"))
        self.resize(760, 420)
        lines = error.summary_lines()  # every issue found, collapsed (error.issues keeps only the first 200)
        more = error.not_listed
        if more > 0:
            lines.append(self.tr("ほか {0} 件の問題があります。").format(more))
        self.header = QLabel(
            self.tr("{0} 件の問題が見つかったため、取り込みを中止しました。データベースは変更していません。\n"
                    "表計算ファイルを直してから、もう一度取り込んでください。").format(error.total)
        )
        self.header.setWordWrap(True)
        self.text = QPlainTextEdit("\n".join(lines))
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("閉じる"))  # Qt's own text is English
        copy = QPushButton(self.tr("一覧をコピー"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.text.toPlainText()))
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)

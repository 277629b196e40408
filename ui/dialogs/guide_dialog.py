"""GuideDialog (ヘルプ > 使い方ガイド): docs/guide.md rendered in the app.

The Markdown is rendered by Qt (``QTextDocument.setMarkdown``) in a QTextBrowser whose base
URL is the docs folder, so the guide's screenshots (``![…](guide-requests.png)``) resolve
beside it, in a source checkout and in the PyInstaller build alike
(``cloudsuppress.resources.docs_dir``). Links to web pages open in the browser.
"""
from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from cloudsuppress.resources import docs_dir

GUIDE_FILE = "guide.md"


class GuideDialog(QDialog):
    """The user guide, with its pictures."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("使い方ガイド"))
        self.resize(960, 820)
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(self.tr("使い方ガイド"))
        self.browser.setOpenExternalLinks(True)
        folder = docs_dir()
        self.browser.setSearchPaths([str(folder)])
        self.browser.document().setBaseUrl(QUrl.fromLocalFile(str(folder) + "/"))
        path = folder / GUIDE_FILE
        if path.is_file():
            self.browser.document().setMarkdown(path.read_text(encoding="utf-8"))
        else:
            self.browser.setPlainText(self.tr("使い方ガイドが見つかりません: {0}").format(path))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("閉じる"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.browser.moveCursor(QTextCursor.MoveOperation.Start)  # the guide opens at its top, not where it was left

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.browser.verticalScrollBar().setValue(0)
        self.browser.horizontalScrollBar().setValue(0)

"""Create the QApplication: bundled Japanese fonts, names, and the last-resort error dialog.

The fonts are bundled so that Japanese renders on a Windows or Linux machine that has no
Japanese font installed; the family is whatever the font file declares ("BIZ UDGothic").
"""
from __future__ import annotations

import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from cloudsuppress.resources import resource_path

APP_NAME = "cloudsuppress"
APP_DISPLAY_NAME = "cloudsuppress カスタマイズ抑制 事務局ツール"
ORGANIZATION = "cloudsuppress"
UI_FONT_FILES = ("BIZUDGothic-Regular.ttf", "BIZUDGothic-Bold.ttf")
UI_FONT_FAMILY = "BIZ UDGothic"
UI_FONT_POINT_SIZE = 10


def load_fonts() -> str | None:
    """Register the bundled UI fonts; return the family they declare (None if none loaded)."""
    family = None
    for name in UI_FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        if font_id < 0:
            print(f"cloudsuppress: フォントを読み込めません: {name}", file=sys.stderr)
            continue
        families = QFontDatabase.applicationFontFamilies(font_id)
        if families and family is None:
            family = families[0]
    return family


def app_icon() -> QIcon:
    """The app's icon at every size it was rendered in (resources/icons, made by packaging/make_icons.py)."""
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        path = resource_path("icons", f"cloudsuppress-{size}.png")
        if path.exists():
            icon.addFile(str(path))
    return icon


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with the app's names and font (reuses an existing instance, as in tests)."""
    app = QApplication.instance()
    if app is None:
        # High DPI is on in Qt 6; PassThrough keeps 125 %/150 % Windows scaling exact instead of rounding it.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(argv if argv is not None else sys.argv)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QApplication.setApplicationDisplayName(APP_DISPLAY_NAME)
    QGuiApplication.setDesktopFileName("cloudsuppress")  # matches packaging/cloudsuppress.desktop
    app.setWindowIcon(app_icon())
    family = load_fonts() or UI_FONT_FAMILY
    font = QFont(family, UI_FONT_POINT_SIZE)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    app.setFont(font)
    from cloudsuppress.wording import GUI, set_audience

    set_audience(GUI)  # the core's refusals name screens and buttons, not commands (wording.py)
    from .screen_fit import install_screen_fit  # every dialog and window fits the screen it opens on

    install_screen_fit(app)
    return app


def install_excepthook() -> None:
    """Show unexpected errors in a Japanese dialog instead of losing them on a console."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        text = "".join(traceback.format_exception(kind, error, tb))
        print(text, file=sys.stderr)
        if QApplication.instance() is None:
            return
        box = QMessageBox(QApplication.activeWindow())
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(QCoreApplication.translate("app", "予期しないエラー"))
        box.setText(QCoreApplication.translate(
            "app", "予期しないエラーが発生しました。作業中の内容を確認し、必要ならアプリを再起動してください。"))
        box.setInformativeText(f"{kind.__name__}: {error}")
        box.setDetailedText(text)
        box.exec()

    sys.excepthook = hook

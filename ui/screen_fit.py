"""Every window fits the screen it opens on: the committee laptop's 1366×768, or 1280×720 of
usable space (a 1920×1080 panel at 150 %).

``ScreenFitFilter`` is installed on the application (ui/app.py) and watches the first Show of
every top-level dialog and main window: a window asked for more than the screen's available
geometry (less a title bar) is shrunk to it and moved inside it, so no dialog has to know the
screen, and a dialog added later is covered too. A window cannot shrink below its layout's
minimum size, so a tall form puts its fields in a scroll area (``scrolled``) and keeps its
buttons outside it; tests/ui/test_window_fit.py opens every window of the app on both screens.

The main window is sized to the available geometry and remembers its geometry and maximized
state per screen (``restore_main_geometry`` / ``save_main_geometry``): the same laptop docked
to a 1920×1080 monitor and undocked at 1366×768 keeps one placement for each.
"""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, QRect, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QDialog, QFrame, QMainWindow, QScrollArea, QWidget

# What the window manager adds above a window (title bar) and around it; the available geometry
# already leaves out the task bar. Windows 10/11 at 100 %: 31 px title bar, 1 px border.
TITLE_BAR = 32
BORDER = 2
FITTED = "_cloudsuppress_fitted"


def usable_rect(screen: QScreen | None) -> QRect:
    """The room a window's client area has on ``screen``: available geometry minus the frame."""
    screen = screen or QGuiApplication.primaryScreen()
    if screen is None:
        return QRect(BORDER, TITLE_BAR + BORDER, 1280 - 2 * BORDER, 720 - TITLE_BAR - 2 * BORDER)
    a = screen.availableGeometry()
    return QRect(a.x() + BORDER, a.y() + TITLE_BAR + BORDER, a.width() - 2 * BORDER, a.height() - TITLE_BAR - 2 * BORDER)


def fit_to_screen(window: QWidget, screen: QScreen | None = None, *, move: bool = True) -> None:
    """Shrink ``window`` to the usable part of its screen (never below its minimum) and, with
    ``move``, move it inside."""
    room = usable_rect(screen or window.screen())
    size = window.size()
    wanted = QSize(min(size.width(), room.width()), min(size.height(), room.height()))
    wanted = wanted.expandedTo(window.minimumSize())
    if wanted != size:
        window.resize(wanted)
    if move:
        keep_inside(window, screen)


def keep_inside(window: QWidget, screen: QScreen | None = None) -> None:
    """Move ``window`` so that its frame and title bar lie on the screen (no move when they do)."""
    if window.isMaximized() or window.isFullScreen():
        return
    room = usable_rect(screen or window.screen())
    # move() places the frame: keep the frame (and the title bar above it) inside the screen.
    frame = window.frameGeometry()
    left, top = room.x() - BORDER, room.y() - BORDER
    right, bottom = room.right() + BORDER, room.bottom() + BORDER
    x = max(min(frame.x(), right - frame.width() + 1), left)
    y = max(min(frame.y(), bottom - frame.height() + 1), top)
    if (x, y) != (frame.x(), frame.y()):
        window.move(x, y)


class ScreenFitFilter(QObject):
    """Application event filter: fit each top-level dialog / main window to its screen when first shown."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if (event.type() == QEvent.Type.Show and isinstance(watched, (QDialog, QMainWindow))
                and watched.isWindow() and not watched.property(FITTED)):
            watched.setProperty(FITTED, True)
            if not watched.isMaximized() and not watched.isFullScreen():
                # The size now; the place once Qt has placed it (centred on its parent or the
                # screen: an early move() would stop Qt from centring it).
                fit_to_screen(watched, move=False)
                QTimer.singleShot(0, watched, lambda w=watched: keep_inside(w))
        return False


_filter: ScreenFitFilter | None = None


def install_screen_fit(app: QObject) -> None:
    """Install the filter once on the application."""
    global _filter
    if _filter is None:
        _filter = ScreenFitFilter(app)
        app.installEventFilter(_filter)


def scrolled(content: QWidget, *, name: str = "formScroll") -> QScrollArea:
    """``content`` in a frameless vertical scroll area (a form that may be taller than the screen)."""
    area = QScrollArea()
    area.setObjectName(name)
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    return area


# --- the main window's placement, per screen -----------------------------------------------

def _screen_key(screen: QScreen | None) -> str:
    if screen is None:
        return "none"
    g = screen.geometry()
    name = (screen.name() or "screen").replace("/", "_").replace("\\", "_")
    return f"{name}_{g.width()}x{g.height()}"


def restore_main_geometry(window: QMainWindow, settings: QSettings | None, *,
                          preferred: QSize | None = None) -> None:
    """Place the main window as it was last on this screen, else ``preferred`` shrunk to the screen
    (maximized when the screen is smaller than ``preferred``, as on the 1366×768 laptop)."""
    preferred = preferred if preferred is not None else QSize(1400, 860)
    screen = window.screen() or QGuiApplication.primaryScreen()
    key = _screen_key(screen)
    if settings is not None:
        saved = settings.value(f"window/{key}/geometry")
        if isinstance(saved, (QByteArray, bytes)) and window.restoreGeometry(QByteArray(saved)):
            fit_to_screen(window, screen)
            if str(settings.value(f"window/{key}/maximized", "false")).lower() == "true":
                window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
            window.setProperty(FITTED, True)
            return
    room = usable_rect(screen)
    window.resize(min(preferred.width(), room.width()), min(preferred.height(), room.height()))
    window.move(room.x() + (room.width() - window.width()) // 2, room.y() + (room.height() - window.height()) // 2)
    if room.width() < preferred.width() or room.height() < preferred.height():
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
    window.setProperty(FITTED, True)


def save_main_geometry(window: QMainWindow, settings: QSettings | None) -> None:
    """Remember the main window's geometry and maximized state for the screen it is on."""
    if settings is None:
        return
    key = _screen_key(window.screen())
    settings.setValue(f"window/{key}/geometry", window.saveGeometry())
    settings.setValue(f"window/{key}/maximized", "true" if window.isMaximized() else "false")

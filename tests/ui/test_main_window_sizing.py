"""The main window on the committee laptop (issue #14): sized to the screen, its place and maximized
state remembered per screen, the navigation folded to its text's width when the window is narrow."""
from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QFont, QFontMetrics


def test_the_navigation_folds_on_a_narrow_window(main_window, qtbot):
    main_window.setWindowState(Qt.WindowState.WindowNoState)
    main_window.resize(1400, 800)
    qtbot.wait(10)
    assert main_window.nav.width() == 168
    main_window.resize(1280, 700)
    qtbot.wait(10)
    nav = main_window.nav
    assert nav.width() < 168 and main_window.brand.width() == nav.width()
    bold = QFont(nav.font())
    bold.setBold(True)
    for row in range(nav.count()):  # every label still whole, even in bold (the selected one)
        assert QFontMetrics(bold).horizontalAdvance(nav.item(row).text()) + 16 <= nav.width(), nav.item(row).text()
    for line in main_window.brand.text().splitlines():
        assert QFontMetrics(bold).horizontalAdvance(line) + 16 <= nav.width()


def test_place_and_maximized_state_are_remembered_per_screen(runner, qtbot, app_font, tmp_path):
    from ui.main_window import MainWindow
    from ui.screen_fit import _screen_key

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    first = MainWindow(runner, settings=settings)
    qtbot.addWidget(first)
    first.setWindowState(Qt.WindowState.WindowNoState)
    first.setGeometry(40, 60, 700, 500)
    first.show()
    qtbot.waitExposed(first)
    first.close()
    key = _screen_key(first.screen())
    assert settings.value(f"window/{key}/maximized") == "false"
    second = MainWindow(runner, settings=settings)
    qtbot.addWidget(second)
    assert not second.isMaximized()
    assert (second.geometry().width(), second.geometry().height()) == (first.geometry().width(), first.geometry().height())
    second.show()
    second.setWindowState(Qt.WindowState.WindowMaximized)
    second.close()
    assert settings.value(f"window/{key}/maximized") == "true"
    third = MainWindow(runner, settings=settings)
    qtbot.addWidget(third)
    assert third.windowState() & Qt.WindowState.WindowMaximized

"""Keyboard and screen readers: every button, text field and drop-down in the main views has a name."""
from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QLabel, QLineEdit, QPushButton


def unnamed_controls(widget) -> list[str]:
    """Controls a screen reader could not name: no accessibleName, no text, no label pointing at them."""
    buddies = {id(label.buddy()) for label in widget.findChildren(QLabel) if label.buddy() is not None}
    missing = []
    controls = [c for kind in (QPushButton, QLineEdit, QComboBox) for c in widget.findChildren(kind)]
    for control in controls:
        if control.accessibleName().strip() or id(control) in buddies:
            continue
        if isinstance(control.parent(), (QAbstractSpinBox, QComboBox)):
            continue  # the editor inside a spin box, date edit or editable combo: named through its owner
        if isinstance(control, QAbstractButton) and control.text().strip():
            continue  # a button is announced by its text
        missing.append(f"{type(control).__name__} {control.objectName() or ''} "
                       f"{getattr(control, 'placeholderText', lambda: '')()}".strip())
    return missing


def test_every_control_in_the_main_views_has_an_accessible_name(main_window):
    views = {"dashboard": main_window.dashboard, "functions": main_window.functions, "members": main_window.members,
             "requests": main_window.requests, "comparison": main_window.comparison, "meetings": main_window.meetings}
    missing = {key: unnamed_controls(view) for key, view in views.items()}
    assert {k: v for k, v in missing.items() if v} == {}


def test_navigation_and_standard_shortcuts(main_window):
    assert main_window.nav.accessibleName()
    assert main_window.new_action.shortcut() == QKeySequence(QKeySequence.StandardKey.New)
    assert main_window.open_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    assert main_window.undo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert main_window.file_extras.save_copy_action.shortcut() == QKeySequence(QKeySequence.StandardKey.SaveAs)
    assert main_window.guide_action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)


def test_high_dpi_rounding_is_pass_through(app_font):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.highDpiScaleFactorRoundingPolicy() == Qt.HighDpiScaleFactorRoundingPolicy.PassThrough


def test_ctrl_number_switches_screens(main_window, qtbot):
    from PySide6.QtCore import Qt

    qtbot.keyClick(main_window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert main_window.current_view() == "requests"
    qtbot.keyClick(main_window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert main_window.current_view() == "dashboard"

"""UI fixtures: a small demo database, the OpRunner over it, the main window. All opt-in."""
from __future__ import annotations

import pytest

from cloudsuppress.db import open_database
from cloudsuppress.demo import create_demo

DEMO_FUNCTIONS = 300


@pytest.fixture
def demo_db(tmp_path):
    """A demo consortium with 300 functions (2 △, 2 ×) in a temporary SQLite file."""
    db = open_database(tmp_path / "t.sqlite")
    with db.session() as s, s.begin():
        create_demo(s, functions=DEMO_FUNCTIONS)
    yield db
    db.close()


@pytest.fixture
def app_font(qapp):
    """The QApplication set up as main.py does (bundled font, names)."""
    from ui.app import create_application

    return create_application()


@pytest.fixture
def runner(demo_db, qapp):
    from ui.op_runner import OpRunner

    r = OpRunner(demo_db)
    yield r
    r.deleteLater()


@pytest.fixture
def main_window(runner, qtbot, app_font):
    from ui.main_window import MainWindow

    window = MainWindow(runner)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def no_message_boxes(monkeypatch):
    """Record QMessageBox statics instead of blocking; answers Yes to questions."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str]] = []

    def record(kind, answer=None):
        def fn(parent, title, text, *args, **kwargs):
            shown.append((kind, text))
            return answer
        return staticmethod(fn)

    monkeypatch.setattr(QMessageBox, "warning", record("warning", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "critical", record("critical", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "information", record("information", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "question", record("question", QMessageBox.StandardButton.Yes))
    return shown


@pytest.fixture
def settings_file(tmp_path, monkeypatch):
    """CLOUDSUPPRESS_SETTINGS points at a temporary INI file; preferences are reset afterwards."""
    from ui.settings import Preferences, apply_preferences

    path = tmp_path / "settings.ini"
    monkeypatch.setenv("CLOUDSUPPRESS_SETTINGS", str(path))
    yield path
    apply_preferences(Preferences())

"""UI fixtures: a small demo database, the OpRunner over it, the main window. All opt-in.

The demo database is built once per test session (2–4 s) and copied for every test that asks
for it, with SQLite's backup API (a consistent copy whatever the WAL holds).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from cloudsuppress.demo import create_demo
from cloudsuppress.store.backups import copy_sqlite
from cloudsuppress.store.db import open_database

DEMO_FUNCTIONS = 300


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory):
    """The demo consortium with 300 functions (2 △, 2 ×), built once: copy it, never open it."""
    path = tmp_path_factory.mktemp("demo-template") / "demo.sqlite"
    db = open_database(path)
    with db.session() as s, s.begin():
        create_demo(s, functions=DEMO_FUNCTIONS)
    db.close()
    return path


def copy_database(source, target) -> None:
    """A consistent copy of a SQLite database file: the app's own (backup API, not a byte copy)."""
    copy_sqlite(str(source), Path(target))


@pytest.fixture
def demo_db(tmp_path, demo_template):
    """A demo consortium with 300 functions (2 △, 2 ×) in a temporary SQLite file of its own."""
    target = tmp_path / "t.sqlite"
    copy_database(demo_template, target)
    db = open_database(target)
    yield db
    db.close()


@pytest.fixture
def app_font(qapp):
    """The QApplication set up as main.py does (bundled font, names)."""
    from ui.app import create_application

    return create_application()


@pytest.fixture
def runner(demo_db, qapp):
    from ui.dialogs.runner_dialogs import APP_DIALOGS
    from ui.op_runner import OpRunner

    r = OpRunner(demo_db, dialogs=APP_DIALOGS)
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


@pytest.fixture
def report_options(monkeypatch, settings_file):
    """Stand in for the user at the 帳票 options dialog: ``report_options(member=…, reference=…, …)``
    fills it and presses 書き出す… (``report_options(cancel=True)`` cancels); the dialogs shown are
    kept in ``report_options.shown``. Without a call the dialog is accepted as it opens."""
    from ui.dialogs.report_options_dialog import ReportOptionsDialog

    shown: list = []

    def answer(*, cancel: bool = False, member=None, include_none: bool = False, date=None, reference=None,
               sender=None, doc_number=None):
        def exec_(dialog):
            shown.append(dialog)
            if cancel:
                return 0
            if dialog.kind == "notice":
                dialog.member_combo.setCurrentIndex(dialog.member_combo.findData(member))
                dialog.include_none_check.setChecked(include_none)
            if date is not None:
                dialog.date_edit.setDate(date)
            for edit, value in ((dialog.reference_edit, reference), (dialog.sender_edit, sender),
                                (dialog.doc_number_edit, doc_number)):
                if value is not None:
                    edit.setText(value)
            if not dialog.ok_button.isEnabled():
                return 0
            dialog.ok_button.click()
            return 1

        monkeypatch.setattr(ReportOptionsDialog, "exec", exec_)

    answer.shown = shown
    answer()
    return answer


@pytest.fixture
def shown_view(main_window, qtbot):
    """``shown_view(key, (w, h))``: the main window at that size showing one view, its list filled and laid
    out; returns the view. ``size`` None keeps the window's size."""

    def show(key, size=None):
        if size is not None:
            main_window.resize(*size)
        main_window.show_view(key)
        view = main_window.view(key)
        qtbot.waitUntil(lambda: view.model.rowCount() > 0)
        qtbot.wait(50)
        return view

    return show

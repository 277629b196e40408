"""The first-run wizard end to end: a consortium with typed or imported members and a function list; the demo."""
from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWizard

from cloudsuppress.ops.consortium import get_consortium
from cloudsuppress.ops.functions import fit_stats, system_tree
from cloudsuppress.ops.members import list_members
from ui.dialogs.first_run_wizard import PAGE_CONSORTIUM, PAGE_FUNCTIONS, PAGE_MEMBERS, FirstRunWizard
from ui.dialogs.import_functions_dialog import ImportFunctionsDialog

from .test_import_dialog import HEADER, good_rows
from .test_main_window import type_japanese


@pytest.fixture
def wizard(qtbot, app_font, tmp_path):
    w = FirstRunWizard(folder=tmp_path)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    if w.database is not None:
        w.database.close()


def press(qtbot, wizard, which):
    button = wizard.button(which)
    assert button.isEnabled(), which
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def read(db, fn):
    with db.session() as s:
        return fn(s)


def test_new_consortium_with_typed_members_and_a_function_list(wizard, qtbot, tmp_path, monkeypatch):
    functions_csv = tmp_path / "functions.csv"
    with open(functions_csv, "w", newline="", encoding="utf-8-sig") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        w.writerows(good_rows(5))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(functions_csv), "")))
    monkeypatch.setattr(ImportFunctionsDialog, "exec", lambda self: self.import_now())

    press(qtbot, wizard, QWizard.WizardButton.NextButton)  # 新しい協議会を作る is the default
    assert wizard.currentId() == PAGE_CONSORTIUM
    page = wizard.consortium_page
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # the name is required
    page.name_edit.setFocus()
    type_japanese(page.name_edit, "富山県情報システム共同利用推進協議会")
    assert page.path() == tmp_path / "富山県情報システム共同利用推進協議会.sqlite"
    page.preset_combo.setCurrentIndex(page.preset_combo.findData("ibaraki33"))
    press(qtbot, wizard, QWizard.WizardButton.NextButton)

    assert wizard.currentId() == PAGE_MEMBERS
    members = wizard.members_page
    for r, (name, pop) in enumerate((("射水市", "90,742"), ("滑川市", "32755"), ("舟橋村", "３，１３１"))):
        members.table.item(r, 0).setText(name)
        members.table.item(r, 1).setText(pop)
    members.table.item(3, 0).setText("上市町")  # no population: refused with a message
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert "上市町" in members.error_label.text()
    members.table.item(3, 1).setText("19,734")
    press(qtbot, wizard, QWizard.WizardButton.NextButton)

    assert wizard.currentId() == PAGE_FUNCTIONS
    assert wizard.functions_page.choose_file()
    press(qtbot, wizard, QWizard.WizardButton.FinishButton)

    db = wizard.database
    assert db is not None and db.path == tmp_path / "富山県情報システム共同利用推進協議会.sqlite"
    assert read(db, get_consortium).name == "富山県情報システム共同利用推進協議会"
    assert [(m.name, m.population) for m in read(db, list_members)] == [
        ("射水市", 90742), ("滑川市", 32755), ("舟橋村", 3131), ("上市町", 19734)]
    assert len(read(db, system_tree)) > 30  # the Ibaraki preset: its 33 procured systems, sub-numbered ones apart
    assert read(db, fit_stats).total == 5
    assert "5" in wizard.function_import_message


def test_members_imported_from_a_member_list_file(wizard, qtbot, tmp_path, monkeypatch):
    member_csv = tmp_path / "members.csv"
    member_csv.write_text("団体名,人口\n常陸大宮市,42963\n那珂市,55827\n", encoding="utf-8-sig")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(member_csv), "")))
    press(qtbot, wizard, QWizard.WizardButton.NextButton)
    type_japanese(wizard.consortium_page.name_edit, "茨城協議会")
    wizard.consortium_page.preset_combo.setCurrentIndex(wizard.consortium_page.preset_combo.findData("empty"))
    press(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.members_page.import_file()
    assert wizard.members_page.table.rowCount() == 2
    press(qtbot, wizard, QWizard.WizardButton.NextButton)
    press(qtbot, wizard, QWizard.WizardButton.FinishButton)  # no function list
    db = wizard.database
    assert [m.name for m in read(db, list_members)] == ["常陸大宮市", "那珂市"]
    assert read(db, system_tree) == []  # the empty preset
    assert wizard.function_import_message is None


def test_demo_choice_finishes_on_the_first_page(wizard, qtbot):
    qtbot.mouseClick(wizard.start_page.demo_button, Qt.MouseButton.LeftButton)
    assert not wizard.isVisible()
    db = wizard.database
    assert read(db, fit_stats).total == 3069
    assert len(read(db, list_members)) == 4


def test_an_existing_consortium_file_is_refused_and_the_wizard_stays(wizard, qtbot, tmp_path, no_message_boxes):
    from cloudsuppress.store.files import create_database_file

    create_database_file(tmp_path / "既存.sqlite", name="既存", preset="empty").close()
    press(qtbot, wizard, QWizard.WizardButton.NextButton)
    type_japanese(wizard.consortium_page.name_edit, "新しい協議会")
    wizard.consortium_page.path_edit.setText(str(tmp_path / "既存.sqlite"))
    press(qtbot, wizard, QWizard.WizardButton.NextButton)
    press(qtbot, wizard, QWizard.WizardButton.NextButton)
    press(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert wizard.database is None and wizard.isVisible()
    assert "上書きできません" in no_message_boxes[-1][1]


def test_main_asks_the_wizard_only_on_the_very_first_start(tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings

    import main
    from cloudsuppress.store.files import create_database_file
    from ui.settings import remember_database

    monkeypatch.setattr(main, "default_db_path", lambda: tmp_path / "data" / "cloudsuppress.sqlite")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    made = create_database_file(tmp_path / "made.sqlite", name="作った協議会", preset="empty")
    asked = []

    def wizard():
        asked.append(True)
        return made

    assert main.open_start_database(None, settings, warn=print, first_run=wizard) is made
    assert asked == [True]
    made.close()

    def no_wizard():
        raise AssertionError("the wizard must not run once a database is remembered")

    remember_database(settings, tmp_path / "made.sqlite")
    db = main.open_start_database(None, settings, warn=print, first_run=no_wizard)
    try:
        assert read(db, get_consortium).name == "作った協議会"
    finally:
        db.close()
    assert main.open_start_database(None, QSettings(str(tmp_path / "s2.ini"), QSettings.Format.IniFormat),
                                    warn=print, first_run=lambda: None) is None  # cancelled


def test_screenshot_without_any_database_renders_the_demo_without_a_wizard(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data"),
           "CLOUDSUPPRESS_SETTINGS": str(tmp_path / "settings.ini")}
    shot = tmp_path / "shot.png"
    proc = subprocess.run([sys.executable, str(root / "main.py"), "--screenshot", str(shot)], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert shot.read_bytes().startswith(b"\x89PNG")
    assert (tmp_path / "data" / "cloudsuppress" / "cloudsuppress.sqlite").is_file()  # the demo database
    assert not (tmp_path / "settings.ini").exists() or "last_path" not in (tmp_path / "settings.ini").read_text()

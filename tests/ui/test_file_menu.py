"""ファイル menu: a new consortium end to end, opening another file, refusals, the last file remembered."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog

from cloudsuppress.ops.consortium import create_consortium, get_consortium
from cloudsuppress.ops.functions import system_tree
from cloudsuppress.ops.members import list_members
from cloudsuppress.store.db import open_database
from ui.dialogs.new_consortium_dialog import NewConsortiumDialog
from ui.settings import LAST_DATABASE_KEY, last_database, remember_database

from .test_main_window import type_japanese

IBARAKI = "茨城県方式（4専門部会・33業務）"
EMPTY = "空（部会・業務を自分で登録）"


@pytest.fixture
def temp_settings(tmp_path):
    """A QSettings in a temporary INI file: the user's real settings are never touched."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    yield settings
    settings.clear()


@pytest.fixture
def window(runner, qtbot, app_font, temp_settings):
    from ui.main_window import MainWindow

    w = MainWindow(runner, settings=temp_settings)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def make_db(path, name, preset="empty"):
    db = open_database(path)
    with db.session() as s, s.begin():
        create_consortium(s, name=name, preset=preset)
    db.close()
    return path


def fill_new_consortium(monkeypatch, qtbot, *, name, preset_label, path):
    """Make the dialog's exec fill the fields as a user would and press 作成."""
    def run(dialog):
        assert not dialog.create_button.isEnabled()  # the name is required
        dialog.name_edit.setFocus()
        type_japanese(dialog.name_edit, name)
        dialog.preset_combo.setCurrentIndex(dialog.preset_combo.findText(preset_label))
        dialog.path_edit.setText(str(path))
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(NewConsortiumDialog, "exec", run)


@pytest.mark.parametrize(("preset_label", "systems"), [(IBARAKI, 42), (EMPTY, 0)])
def test_new_consortium_end_to_end(window, qtbot, monkeypatch, tmp_path, temp_settings, no_message_boxes,
                                   preset_label, systems):
    old_db = window.runner.db
    path = tmp_path / "new" / "みなみ協議会"  # no suffix typed: .sqlite is added
    fill_new_consortium(monkeypatch, qtbot, name="みなみ自治体クラウド協議会", preset_label=preset_label, path=path)
    with qtbot.waitSignal(window.runner.changed) as blocker:
        window.new_action.trigger()
    assert blocker.args[0].consortium and blocker.args[0].members and blocker.args[0].functions
    created = tmp_path / "new" / "みなみ協議会.sqlite"
    assert created.is_file()
    assert window.runner.db.path == created.resolve()
    assert window.windowTitle() == "cloudsuppress — みなみ自治体クラウド協議会"
    assert len(window.runner.read(system_tree)) == systems
    tree_root = window.functions.tree.topLevelItem(0)
    assert sum(tree_root.child(i).childCount() for i in range(tree_root.childCount())) == systems
    assert window.functions.model.total_count == 0
    assert window.members.model.rowCount() == 0
    assert window.dashboard.title.text() == "みなみ自治体クラウド協議会"
    assert window.count_label.text() == "機能 0 件"
    assert last_database(temp_settings) == created.resolve()
    assert no_message_boxes == []
    assert old_db is not window.runner.db


def test_new_consortium_file_name_follows_the_name_until_chosen(qtbot, tmp_path, monkeypatch):
    dialog = NewConsortiumDialog(folder=tmp_path)
    qtbot.addWidget(dialog)
    type_japanese(dialog.name_edit, "県西/協議会")
    assert dialog.path() == tmp_path / "県西_協議会.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(tmp_path / "elsewhere" / "kensei"), "")))
    assert dialog.choose_path()
    type_japanese(dialog.name_edit, "追記")
    assert dialog.path() == tmp_path / "elsewhere" / "kensei.sqlite"
    dialog.name_edit.clear()
    assert dialog.error_label.text() == "協議会の名称を入力してください。"
    assert not dialog.create_button.isEnabled()


def test_new_consortium_never_overwrites_a_consortium(window, qtbot, monkeypatch, tmp_path, no_message_boxes):
    existing = make_db(tmp_path / "kita.sqlite", "きた協議会")
    shown_title = window.windowTitle()

    def run(dialog):
        type_japanese(dialog.name_edit, "上書き協議会")
        dialog.path_edit.setText(str(existing))
        dialog.create_now()
        assert dialog.database is None and dialog.result() == 0  # not accepted: the user may choose again
        return dialog.result()

    monkeypatch.setattr(NewConsortiumDialog, "exec", run)
    with qtbot.assertNotEmitted(window.runner.changed):
        assert not window.new_consortium()
    kind, text = no_message_boxes[-1]
    assert kind == "warning"
    assert text == ("「kita.sqlite」にはすでに協議会「きた協議会」が登録されています。"
                    "登録済みの協議会は上書きできません。別のファイル名を指定するか、「開く…」で開いてください。")
    assert window.windowTitle() == shown_title
    db = open_database(existing, create=False)
    try:
        with db.session() as s:
            assert get_consortium(s).name == "きた協議会"
    finally:
        db.close()


def test_new_consortium_refuses_another_programs_file(qtbot, tmp_path, no_message_boxes):
    notes = tmp_path / "notes.sqlite"
    notes.write_text("大事なメモ")
    dialog = NewConsortiumDialog(folder=tmp_path)
    qtbot.addWidget(dialog)
    type_japanese(dialog.name_edit, "協議会")
    dialog.path_edit.setText(str(notes))
    dialog.create_now()
    assert dialog.database is None
    assert no_message_boxes == [
        ("warning", "「notes.sqlite」はすでにある別のファイルです。上書きはしません。別のファイル名を指定してください。")]
    assert notes.read_text() == "大事なメモ"


def test_open_non_sqlite_file_keeps_the_current_database(window, qtbot, monkeypatch, tmp_path, temp_settings,
                                                         no_message_boxes):
    bad = tmp_path / "report.sqlite"
    bad.write_text("これはデータベースではありません")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(bad), "")))
    db, title = window.runner.db, window.windowTitle()
    with qtbot.assertNotEmitted(window.runner.changed):
        window.open_action.trigger()
    assert no_message_boxes == [("warning", f"SQLite のデータベースファイルではありません: {bad.resolve()}")]
    assert window.runner.db is db and window.windowTitle() == title
    assert len(window.runner.read(list_members)) == 4  # still open and readable
    assert last_database(temp_settings) is None


def test_open_another_database_switches_and_is_remembered(window, qtbot, monkeypatch, tmp_path, temp_settings,
                                                          no_message_boxes):
    other = make_db(tmp_path / "nishi.sqlite", "にし協議会", preset="ibaraki33")
    node = window.runner.read(system_tree)[4]
    assert window.functions.select_tree_node("system", node.id)  # a 業務 of the demo is selected
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(other), "")))
    assert window.choose_database()
    assert window.windowTitle() == "cloudsuppress — にし協議会"
    assert window.runner.db.path == other.resolve()
    assert window.dashboard.members.rowCount() == 1  # only the 計 row
    assert window.functions.node_stats.text().startswith("全体:")  # not the same id in the other file
    assert temp_settings.value(LAST_DATABASE_KEY) == str(other.resolve())
    assert "開きました" in window.statusBar().currentMessage()
    assert no_message_boxes == []


def test_start_reopens_the_remembered_database(tmp_path, temp_settings, monkeypatch):
    import main

    remembered = make_db(tmp_path / "last.sqlite", "前回の協議会")
    remember_database(temp_settings, remembered)
    monkeypatch.setattr(main, "default_db_path", lambda: pytest.fail("the default file must not be opened"))
    warnings = []
    db = main.open_start_database(None, temp_settings, warn=warnings.append)
    try:
        assert db.path == remembered.resolve()
        with db.session() as s:
            assert get_consortium(s).name == "前回の協議会"
    finally:
        db.close()
    assert warnings == []
    explicit = make_db(tmp_path / "explicit.sqlite", "指定の協議会")
    db = main.open_start_database(explicit, temp_settings, warn=warnings.append)  # --db wins
    db.close()
    assert db.path == explicit.resolve()


def test_start_falls_back_when_the_remembered_database_is_gone(tmp_path, temp_settings, monkeypatch):
    import main

    remember_database(temp_settings, tmp_path / "deleted.sqlite")
    default = make_db(tmp_path / "default.sqlite", "既定の協議会")
    monkeypatch.setattr(main, "default_db_path", lambda: default)
    warnings = []
    db = main.open_start_database(None, temp_settings, warn=warnings.append)
    db.close()
    assert db.path == default.resolve()
    assert len(warnings) == 1 and "前回のデータベースが見つからない" in warnings[0]

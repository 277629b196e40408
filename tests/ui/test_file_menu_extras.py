"""ファイル > 最近使ったファイル / 名前を付けてコピーを保存… / バックアップを作成."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog

from cloudsuppress.ops.consortium import create_consortium, get_consortium
from cloudsuppress.store.backups import list_backups
from cloudsuppress.store.db import open_database
from ui.settings import recent_databases, remember_database


@pytest.fixture
def temp_settings(tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    yield settings
    settings.clear()


@pytest.fixture
def window(runner, qtbot, app_font, temp_settings):
    from ui.main_window import MainWindow

    w = MainWindow(runner, settings=temp_settings)
    qtbot.addWidget(w)
    return w


def make_db(path, name):
    db = open_database(path)
    with db.session() as s, s.begin():
        create_consortium(s, name=name, preset="empty")
    db.close()
    return path


def recent_entries(window):
    window.file_extras.rebuild_recent()
    return [a for a in window.file_extras.recent_menu.actions() if a.data()]


def test_recent_files_list_and_open(window, temp_settings, tmp_path):
    assert [a.text() for a in window.file_extras.recent_menu.actions()] == ["（なし）"]
    first = make_db(tmp_path / "一.sqlite", "第一協議会")
    second = make_db(tmp_path / "二.sqlite", "第二協議会")
    assert window.open_database_file(first)
    assert window.open_database_file(second)
    entries = recent_entries(window)
    assert [a.text() for a in entries] == ["&1 二.sqlite", "&2 一.sqlite"]
    assert entries[0].isChecked()  # the one open now
    entries[1].trigger()
    assert window.runner.read(get_consortium).name == "第一協議会"
    assert recent_databases(temp_settings)[0] == first.resolve()


def test_a_recent_file_that_has_gone_is_taken_off_the_list(window, temp_settings, tmp_path, no_message_boxes):
    gone = make_db(tmp_path / "消えた.sqlite", "消えた協議会")
    remember_database(temp_settings, gone)
    gone.unlink()
    recent_entries(window)[0].trigger()
    assert "見つからない" in no_message_boxes[-1][1]
    assert recent_databases(temp_settings) == []


def test_save_a_copy_keeps_working_on_the_original(window, runner, tmp_path, monkeypatch):
    dest = tmp_path / "copies" / "写し"
    dest.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(dest), "")))
    saved = window.file_extras.save_copy_action.trigger() or window.statusBar().currentMessage()
    assert "コピーを保存しました" in saved
    copy = dest.with_name("写し.sqlite")
    opened = open_database(copy, create=False)
    try:
        with opened.session() as s:
            assert get_consortium(s).name == runner.read(get_consortium).name
    finally:
        opened.close(backup=False)
    assert window.database_path() == runner.db.path != copy  # still on the original


def test_save_a_copy_over_the_open_file_is_refused(window, runner, monkeypatch, no_message_boxes):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(runner.db.path), "")))
    assert window.file_extras.save_copy() is None
    assert "同じファイル" in no_message_boxes[-1][1]


def test_backup_now_adds_a_manual_backup(window, runner):
    before = len(list_backups(runner.db.path))
    path = window.file_extras.backup_now()
    backups = list_backups(runner.db.path)
    assert len(backups) == before + 1 and backups[0].path == path and backups[0].reason == "manual"
    assert "バックアップを作成しました" in window.statusBar().currentMessage()


def test_save_a_copy_asks_again_when_the_typed_name_gets_its_suffix(window, runner, tmp_path, monkeypatch):
    """「写し」 typed while 「写し.sqlite」 exists: Qt asked about 「写し」 (which does not exist), so the
    app asks about the file it would really replace; No leaves it alone (#17 closing review: it was
    replaced without a word)."""
    from PySide6.QtWidgets import QMessageBox

    existing = make_db(tmp_path / "写し.sqlite", "別の協議会")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(tmp_path / "写し"), "")))
    asked = []

    def answer(reply):
        def question(parent, title, text, *a, **k):
            asked.append(text)
            return reply
        return staticmethod(question)

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    assert window.file_extras.save_copy() is None
    assert asked == ["「写し.sqlite」はすでにあります。上書きしますか？"]
    db = open_database(existing, create=False)
    try:
        with db.session() as s:
            assert get_consortium(s).name == "別の協議会"
    finally:
        db.close(backup=False)
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    assert window.file_extras.save_copy() == existing
    db = open_database(existing, create=False)
    try:
        with db.session() as s:
            assert get_consortium(s).name == runner.read(get_consortium).name
    finally:
        db.close(backup=False)

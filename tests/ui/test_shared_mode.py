"""Several secretaries at once, in the GUI: connecting to the shared PostgreSQL server, noticing
other users' changes, the storage warning, restoring a backup (also of a damaged file), and the
handover file through the File menu."""
from __future__ import annotations

import os
import uuid
import zipfile

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog

from cloudsuppress.ops.consortium import get_consortium
from cloudsuppress.ops.members import add_member, list_members
from cloudsuppress.store import credentials
from cloudsuppress.store.backups import backup_sqlite, list_backups
from cloudsuppress.store.db import open_database
from cloudsuppress.store.storage import StorageWarning
from ui.dialogs.connection_dialog import ConnectionDialog, open_remembered_server
from ui.dialogs.runner_dialogs import APP_DIALOGS
from ui.op_runner import OpRunner
from ui.server_settings import last_server_url

PG_SERVER = os.environ.get("CLOUDSUPPRESS_TEST_PG", "postgresql+psycopg://root@127.0.0.1:5432/test")


# --- fixtures -------------------------------------------------------------------------------


@pytest.fixture
def pg_url():
    """A fresh, uniquely named database on the test server, dropped afterwards (skipped without a
    server; a failure when CI is set, since CI always has one)."""
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    admin = create_engine(PG_SERVER, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})
    name = f"cs_ui_{uuid.uuid4().hex[:12]}"
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    except Exception as exc:  # noqa: BLE001 - any failure to reach the server
        admin.dispose()
        server = make_url(PG_SERVER)
        message = (f"PostgreSQL at {server.host}:{server.port or 5432} is not reachable: "
                   f"{str(exc).strip().splitlines()[0]}")
        if os.environ.get("CI"):
            pytest.fail(message + " (CI is set, so this fails instead of skipping)", pytrace=False)
        pytest.skip(message)
    try:
        yield make_url(PG_SERVER).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture
def no_keyring(monkeypatch):
    """Never touch the real OS keyring from a test."""
    monkeypatch.setattr(credentials, "_keyring", lambda: None)


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(runner, qtbot, app_font, settings):
    """A main window that remembers in a temporary settings file."""
    from ui.main_window import MainWindow

    w = MainWindow(runner, settings=settings)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.database_menu.watcher.stop()


def fill(dialog: ConnectionDialog, url: str) -> None:
    from sqlalchemy.engine import make_url

    u = make_url(url)
    dialog.host_edit.setText(u.host)
    dialog.port_spin.setValue(u.port or 5432)
    dialog.database_edit.setText(u.database)
    dialog.user_edit.setText(u.username)
    dialog.password_edit.setText(u.password or "")


# --- the connection dialog --------------------------------------------------------------------


def test_connection_dialog_tests_and_connects_to_the_real_server(pg_url, qtbot, no_keyring):
    dialog = ConnectionDialog()
    qtbot.addWidget(dialog)
    assert dialog.password_edit.echoMode() == dialog.password_edit.EchoMode.Password
    assert not dialog.save_password.isEnabled() and "保存できません" in dialog.keyring_note.text()
    assert not dialog.connect_button.isEnabled()  # nothing filled in yet
    fill(dialog, pg_url)
    assert dialog.test_connection()
    assert dialog.result_label.text().startswith("接続できました")
    assert dialog.connect_database()
    try:
        assert dialog.database.is_shared
        assert dialog.url == pg_url.split("://")[0] + "://" + pg_url.split("://")[1]  # no password in it
        assert ":" not in dialog.url.split("://")[1].split("@")[0]
    finally:
        dialog.database.close()


def test_connection_dialog_says_why_it_cannot_connect(qtbot, no_keyring):
    dialog = ConnectionDialog()
    qtbot.addWidget(dialog)
    fill(dialog, "postgresql+psycopg://secretary:s3cret@127.0.0.1:1/nowhere")
    assert not dialog.test_connection()
    assert dialog.result_label.text().startswith("接続できません")
    assert not dialog.connect_database() and dialog.database is None
    assert "s3cret" not in dialog.result_label.text()


def test_keyring_checkbox_is_offered_when_a_keyring_exists(qtbot, monkeypatch):
    monkeypatch.setattr(credentials, "keyring_available", lambda: True)
    dialog = ConnectionDialog()
    qtbot.addWidget(dialog)
    assert dialog.save_password.isEnabled() and dialog.save_password.isChecked()
    assert dialog.save_password.text() == "パスワードを保存する（OS の資格情報）"


def test_connecting_through_the_menu_switches_to_shared_mode(window, runner, pg_url, settings, monkeypatch,
                                                            no_keyring):
    def exec_(dialog):
        fill(dialog, pg_url)
        assert dialog.connect_database()
        return 1

    monkeypatch.setattr(ConnectionDialog, "exec", exec_)
    menu = window.file_menu.actions()
    assert window.database_menu.connect_action in menu
    window.database_menu.connect_action.trigger()
    try:
        assert runner.db.is_shared
        assert "共有モード" in window.windowTitle() and "postgresql+psycopg://" in window.windowTitle()
        assert not window.database_menu.mode_label.isHidden()
        assert window.database_menu.mode_label.text() == "共有モード"
        assert last_server_url(settings) == pg_url  # trust auth: the URL carries no password
        assert not window.database_menu.restore_action.isEnabled()
        # The next start reconnects; a --screenshot start never asks for a password.
        warnings = []
        assert open_remembered_server(last_server_url(settings), interactive=False, warn=warnings.append) is None
        assert "パスワード" in warnings[0]
        prompted = []

        def exec_again(dialog):
            prompted.append(dialog.database_edit.text())
            assert dialog.connect_database()
            return 1

        monkeypatch.setattr(ConnectionDialog, "exec", exec_again)
        again = open_remembered_server(last_server_url(settings), interactive=True, warn=warnings.append)
        assert again is not None and again.is_shared and prompted == [pg_url.rsplit("/", 1)[1]]
        again.close()
    finally:
        runner.db.close()


def test_password_is_kept_out_of_the_settings(settings):
    from ui.server_settings import remember_server

    remember_server(settings, "postgresql+psycopg://secretary:s3cret@db.example.lg.jp:5432/consortium")
    settings.sync()
    assert last_server_url(settings) == "postgresql+psycopg://secretary@db.example.lg.jp:5432/consortium"
    assert "s3cret" not in open(settings.fileName(), encoding="utf-8").read()


# --- other users' changes -----------------------------------------------------------------------


def test_polling_picks_up_another_users_change_and_refreshes_the_view(window, runner, demo_db, qtbot):
    other_db = open_database(demo_db.path)
    other = OpRunner(other_db, dialogs=APP_DIALOGS)
    try:
        watcher = window.database_menu.watcher
        watcher.stop()
        before = window.members.model.rowCount()
        assert not watcher.poll()  # nothing happened yet
        assert other.run(lambda s: add_member(s, name="新しい町", population=12_345), parent=None)
        assert window.members.model.rowCount() == before  # not noticed until the next tick
        with qtbot.waitSignal(watcher.foreign_changes) as blocker:
            assert watcher.poll()
        assert window.members.model.rowCount() == before + 1
        assert "他の利用者の変更を反映しました" in window.statusBar().currentMessage()
        assert "新しい町" in blocker.args[0][-1][2]
        # This window's own change is not announced as someone else's.
        assert runner.run(lambda s: add_member(s, name="自分の町", population=1_000), parent=None)
        assert not watcher.poll()
    finally:
        other.deleteLater()
        other_db.close()


def test_the_timer_polls_by_itself(window, demo_db, qtbot):
    watcher = window.database_menu.watcher
    watcher.timer.setInterval(100)
    other_db = open_database(demo_db.path)
    try:
        with other_db.session() as s, s.begin():
            add_member(s, name="タイマーの町", population=500)
        with qtbot.waitSignal(watcher.foreign_changes, timeout=5000):
            pass
        assert "タイマーの町" in {m.name for m in window.runner.read(list_members)}
    finally:
        other_db.close()


# --- storage warnings -----------------------------------------------------------------------------


def test_storage_warning_in_the_status_bar_and_once_in_a_dialog(demo_db, qtbot, app_font, no_message_boxes):
    from ui.main_window import MainWindow

    demo_db.warnings = (StorageWarning("cloud", "データベースファイルがクラウド同期フォルダにあります。", "同期フォルダ: OneDrive"),)
    runner = OpRunner(demo_db, dialogs=APP_DIALOGS)
    w = MainWindow(runner)
    qtbot.addWidget(w)
    label = w.database_menu.storage_label
    assert not label.isHidden() and label.text() == "保存場所に注意"
    assert "OneDrive" in label.toolTip()
    assert w.database_menu.show_storage_warnings()
    assert not w.database_menu.show_storage_warnings()  # once per file
    # one sentence a line, never wrapped inside a word (white-space: pre)
    assert no_message_boxes == [("warning", '<p style="white-space:pre">データベースファイルがクラウド同期フォルダにあります。'
                                            "<br>（同期フォルダ: OneDrive）</p>")]
    w.database_menu.watcher.stop()


# --- backups --------------------------------------------------------------------------------------


def test_restore_from_backup_through_the_menu(window, runner, demo_db, monkeypatch, no_message_boxes):
    from ui.dialogs.restore_backup_dialog import RestoreBackupDialog

    backup_sqlite(demo_db.path, reason="manual")
    assert runner.run(lambda s: add_member(s, name="後から追加した町", population=100), parent=None)
    listed = []

    def exec_(dialog):
        listed.extend(dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount()))
        dialog.table.selectRow(0)
        dialog.choose()
        return 1

    monkeypatch.setattr(RestoreBackupDialog, "exec", exec_)
    assert window.database_menu.restore_from_backup()
    assert listed and listed[0] == "manual"
    assert runner.db is not demo_db and runner.db.path == demo_db.path
    assert "後から追加した町" not in {m.name for m in runner.read(list_members)}
    assert window.members.model.rowCount() == len(runner.read(list_members))
    kinds = [k for k, _ in no_message_boxes]
    assert kinds == ["question", "information"]
    saved = no_message_boxes[-1][1].split("\n")[-1]
    assert os.path.exists(saved) and "before-restore" in saved
    assert any(b.reason == "before-restore" for b in list_backups(demo_db.path))


def test_a_damaged_file_offers_its_newest_backup(window, runner, tmp_path, no_message_boxes):
    from cloudsuppress.store.files import create_database_file

    path = tmp_path / "damaged.sqlite"
    create_database_file(path, name="壊れる協議会", preset="ibaraki33").close()
    from cloudsuppress.store.db import open_database

    open_database(path).close()  # the next session's copy at open
    assert list_backups(path)
    data = bytearray(path.read_bytes())
    data[4096:8192] = b"\xff" * 4096  # break a page in the middle
    path.write_bytes(bytes(data))
    assert window.open_database_file(path)
    assert runner.db.path == path
    assert runner.read(get_consortium).name == "壊れる協議会"
    assert [k for k, _ in no_message_boxes] == ["question", "information"]
    assert "壊れていたファイル" in no_message_boxes[-1][1]


# --- handover -------------------------------------------------------------------------------------


def test_handover_export_then_import_into_a_new_file(window, runner, tmp_path, monkeypatch, no_message_boxes):
    out = tmp_path / "引継ぎ.zip"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))
    window.database_menu.export_handover_action.trigger()
    assert zipfile.is_zipfile(out)
    name = runner.read(get_consortium).name
    members = [m.name for m in runner.read(list_members)]

    target = tmp_path / "新しい事務局.sqlite"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(out), "")))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    window.database_menu.import_handover_action.trigger()
    assert runner.db.path == target  # the current database was not empty: a new file was made
    assert runner.read(get_consortium).name == name
    assert [m.name for m in runner.read(list_members)] == members
    assert window.members.model.rowCount() == len(members)
    assert "引継ぎファイルを取り込みました" in window.statusBar().currentMessage()
    assert [k for k, _ in no_message_boxes] == ["information", "question"]


def test_handover_refuses_a_tampered_file_before_creating_anything(window, runner, tmp_path, monkeypatch,
                                                                   no_message_boxes):
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"not a zip")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(bad), "")))
    before = runner.db
    assert not window.database_menu.import_handover()
    assert runner.db is before
    assert no_message_boxes[0][0] == "warning" and "取り込めません" in no_message_boxes[0][1]


def test_handover_into_a_new_file_that_fills_the_disk_leaves_nothing_behind(window, runner, tmp_path, monkeypatch,
                                                                             no_message_boxes):
    """The new file goes through the core's import_handover_into, as the CLI's does: when the load fails
    half-way (the disk full), the file made for it is removed and the refusal names the handover file."""
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    from cloudsuppress.store.handover import export_handover

    out = tmp_path / "引継ぎ.zip"
    runner.read(lambda s: export_handover(s, out))
    folder = tmp_path / "new"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(out), "")))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(folder / "新しい事務局"), "")))

    def small_disk(dbapi_conn, _record):  # every new connection may grow its file by 100 pages only
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count={pages + 100}")

    before = runner.db
    event.listen(Engine, "connect", small_disk)
    try:
        assert not window.database_menu.import_handover()
    finally:
        event.remove(Engine, "connect", small_disk)
    assert runner.db is before
    assert sorted(p.name for p in folder.iterdir()) == []  # no .sqlite, -wal, -shm or .lock
    kind, text = no_message_boxes[-1]
    assert kind == "warning" and "引継ぎファイル「引継ぎ.zip」を取り込めません" in text, text
    assert "「新しい事務局.sqlite」は削除しました" in text, text


# --- two users on the server ------------------------------------------------------------------------


def test_two_users_on_the_server_conflict_and_notice_each_other(pg_url, qapp, monkeypatch):
    from cloudsuppress.ops.members import update_member
    from ui.change_watcher import ChangeWatcher
    from ui.dialogs.conflict_dialog import ConflictDialog

    first, second = open_database(pg_url), open_database(pg_url)
    a, b = OpRunner(first, dialogs=APP_DIALOGS), OpRunner(second, dialogs=APP_DIALOGS)
    try:
        with first.session() as s, s.begin():
            from cloudsuppress.ops.consortium import create_consortium

            create_consortium(s, name="共有テスト協議会", preset="ibaraki33")
            add_member(s, name="共有町", population=1000)
        member = next(m for m in a.read(list_members) if m.name == "共有町")
        watcher = ChangeWatcher(a)
        watcher.reset()
        # B saves first; A's save from the version it showed is refused and shows the dialog.
        assert b.run(lambda s: update_member(s, member_id=member.id, population=2000,
                                             expected_version=member.version), parent=None)
        seen = []

        def exec_(dialog):
            seen.append({dialog.table.item(r, 0).text(): (dialog.table.item(r, 1).text(), dialog.table.item(r, 2).text())
                         for r in range(dialog.table.rowCount())})
            dialog.reapply_button.click()
            return 1

        monkeypatch.setattr(ConflictDialog, "exec", exec_)
        assert a.run(lambda s: update_member(s, member_id=member.id, population=3000,
                                             expected_version=member.version), parent=None)
        assert seen == [{"人口": ("3,000", "2,000")}]
        assert next(m for m in b.read(list_members) if m.id == member.id).population == 3000
        # A's watcher: B's change is someone else's; A's own re-applied save is not.
        assert watcher.poll() is True
        assert watcher.poll() is False
    finally:
        a.deleteLater()
        b.deleteLater()
        first.close()
        second.close()


def test_main_opens_a_server_database_given_as_db(pg_url, tmp_path):
    """`main.py --db postgresql+psycopg://…` opens the server database in shared mode, as the CLI's
    --db does (it was taken as a file path: 「postgresql+psycopg:/root@…」, a new SQLite file), and
    is what the desktop build's smoke test starts the bundled PostgreSQL driver with."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    db = open_database(pg_url)
    with db.session() as s, s.begin():
        from cloudsuppress.ops.consortium import create_consortium

        create_consortium(s, name="共有モード確認協議会", preset="empty")
    db.close()
    out = tmp_path / "shot.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CLOUDSUPPRESS_SETTINGS": str(tmp_path / "s.ini"),
           "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data")}
    proc = subprocess.run([sys.executable, str(root / "main.py"), "--db", pg_url, "--screenshot", str(out),
                           "--view", "members"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr
    assert out.stat().st_size > 20_000
    assert not list(tmp_path.rglob("*.sqlite")), list(tmp_path.rglob("*"))  # no file was made of the URL
    bad = pg_url.rsplit("/", 1)[0] + "/cs_no_such_database"
    proc = subprocess.run([sys.executable, str(root / "main.py"), "--db", bad, "--screenshot", str(out)],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=180)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert "cloudsuppress: データベースに接続できません" in proc.stderr, proc.stderr

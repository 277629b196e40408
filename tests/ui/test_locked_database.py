"""A database file another process is writing (issue 17, finding 8), seen from the GUI.

A real second process holds the file as the GUI does. ファイル > 開く… then tells who holds
it and since when, and offers 読み取り専用で開く: the window shows the file read-only (title,
status bar), a save is refused with a message (never 「予期しないエラー」), and キャンセル keeps
the database that was open.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from cloudsuppress.ops import members as member_ops

from .conftest import copy_database

ROOT = Path(__file__).resolve().parents[2]
HOLDER = r"""
import sys
from cloudsuppress.store.db import open_database
db = open_database(sys.argv[1], purpose="画面")
print("ready", flush=True)
sys.stdin.readline()
db.close()
"""


@pytest.fixture
def held_file(tmp_path, demo_template):
    """A copy of the demo that a second process keeps open for writing."""
    path = tmp_path / "ほかで編集中.sqlite"
    copy_database(demo_template, path)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True, env=env)
    assert proc.stdout.readline().strip() == "ready"
    yield path, proc
    if proc.poll() is None:
        proc.stdin.write("quit\n")
        proc.stdin.close()
        proc.wait(timeout=30)


@pytest.fixture
def window(runner, qtbot, app_font, tmp_path):
    """An interactive main window (it has settings, in a temporary file): dialogs are asked."""
    from PySide6.QtCore import QSettings

    from ui.main_window import MainWindow

    w = MainWindow(runner, settings=QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.database_menu.watcher.stop()


@pytest.fixture
def answer_lock_dialog(monkeypatch):
    """Stand in for the user at the lock dialog: records its texts and presses the named button."""
    seen: list[dict] = []
    choice = {"button": "読み取り専用で開く"}

    def exec_(box):
        seen.append({"title": box.windowTitle(), "text": box.text(), "info": box.informativeText(),
                     "buttons": [b.text() for b in box.buttons()]})
        next(b for b in box.buttons() if b.text() == choice["button"]).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return seen, choice


def test_a_file_another_process_writes_opens_read_only_after_saying_who(window, runner, held_file,
                                                                       answer_lock_dialog, no_message_boxes):
    path, proc = held_file
    seen, _choice = answer_lock_dialog
    main_window = window
    assert main_window.open_database_file(path)
    assert len(seen) == 1
    dialog = seen[0]
    assert dialog["title"] == "ほかで編集中のデータベース"
    assert path.name in dialog["text"] and "ほかで編集中" in dialog["text"]
    assert f"プロセス {proc.pid}" in dialog["info"] and "使い方: 画面" in dialog["info"] and "開いた時刻: " in dialog["info"]
    assert "読み取り専用で開く" in dialog["buttons"] and "キャンセル" in dialog["buttons"]
    assert runner.db.path == path.resolve() and runner.db.read_only
    assert main_window.windowTitle().endswith("読み取り専用")
    label = main_window.database_menu.mode_label
    assert not label.isHidden() and label.text() == "読み取り専用" and "画面" in label.toolTip()
    assert not main_window.database_menu.restore_action.isEnabled()
    before = len(runner.read(member_ops.list_members))

    def add(s):
        member_ops.add_member(s, name="読み取り専用の町", population=1)

    assert runner.run(add, parent=main_window) is None
    assert [k for k, _ in no_message_boxes] == ["warning"]
    assert "読み取り専用" in no_message_boxes[0][1] and "予期しない" not in no_message_boxes[0][1]
    assert len(runner.read(member_ops.list_members)) == before


def test_a_read_only_window_opens_the_file_for_writing_once_the_other_process_has_closed_it(
        window, runner, held_file, answer_lock_dialog, no_message_boxes):
    path, proc = held_file
    seen, _choice = answer_lock_dialog
    assert window.open_database_file(path) and runner.db.read_only
    assert window.open_database_file(path) and runner.db.read_only  # still held: asked again, read-only again
    assert len(seen) == 2
    proc.stdin.write("quit\n")
    proc.stdin.flush()
    proc.wait(timeout=30)
    assert window.open_database_file(path)  # ファイル > 開く… on the same file
    assert not runner.db.read_only and runner.db.lock is not None and len(seen) == 2
    assert not window.windowTitle().endswith("読み取り専用")


def test_cancel_at_the_lock_dialog_keeps_the_open_database(window, runner, held_file, answer_lock_dialog):
    path, _proc = held_file
    seen, choice = answer_lock_dialog
    choice["button"] = "キャンセル"
    main_window = window
    current = runner.db
    assert not main_window.open_database_file(path)
    assert len(seen) == 1 and runner.db is current and not current.read_only


def test_a_busy_database_offers_to_try_again_and_the_retry_saves(qtbot, tmp_path, demo_template, monkeypatch, app_font):
    """Another connection holds the write lock past SQLite's busy timeout: a message with もう一度試す, not 予期しないエラー."""
    import sqlite3

    from cloudsuppress.store import db as db_module
    from cloudsuppress.store.db import open_database
    from ui.op_runner import OpRunner

    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 200)
    path = tmp_path / "busy.sqlite"
    copy_database(demo_template, path)
    database = open_database(path)
    runner = OpRunner(database)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # a foreign program in the middle of a write
    seen = []

    def exec_(box):
        seen.append((box.windowTitle(), box.text()))
        other.execute("COMMIT")  # the other writer finishes while the user reads the message
        next(b for b in box.buttons() if b.text() == "もう一度試す").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    try:
        result = runner.run(lambda s: member_ops.add_member(s, name="待たされた町", population=1), parent=None)
        assert result is not None
        assert len(seen) == 1 and seen[0][0] == "データベースが使用中です"
        assert "変更は保存していません" in seen[0][1].replace("\n", "")
        assert "待たされた町" in {m.name for m in runner.read(member_ops.list_members)}
    finally:
        other.close()
        runner.deleteLater()
        database.close()


def test_the_window_keeps_its_writer_lock_through_a_restore_and_a_refused_one(window, runner, monkeypatch,
                                                                               no_message_boxes):
    from cloudsuppress.errors import DomainError
    from cloudsuppress.store.backups import backup_sqlite
    from cloudsuppress.store.writer_lock import held_here
    from ui import database_menu
    from ui.dialogs import restore_backup_dialog

    path = runner.db.path
    copy = backup_sqlite(path, reason="manual")

    class Chooser:
        def __init__(self, *_a, **_k):
            from cloudsuppress.store.backups import list_backups

            self.chosen = next(b for b in list_backups(path) if b.path == copy)

        def exec(self):
            return 1

        def deleteLater(self):
            pass

    monkeypatch.setattr(restore_backup_dialog, "RestoreBackupDialog", Chooser)
    assert window.database_menu.restore_from_backup()
    assert runner.db.lock is not None and held_here(path)

    def refuse(*_a, **_k):
        raise DomainError("復元を断りました")

    monkeypatch.setattr(database_menu, "restore_backup", refuse)
    assert not window.database_menu.restore_from_backup()
    assert "復元を断りました" in no_message_boxes[-1][1]
    assert runner.db.lock is not None and held_here(path) and not runner.db.read_only  # still the writer


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.skipif(sys.platform != "linux", reason="Qt's vnc platform plugin: a real window without a display")
def test_the_real_gui_holds_its_file_and_a_cli_restore_beside_it_is_refused(tmp_path, demo_template):
    """Finding 1 with the GUI itself: main.py runs (Qt's vnc platform: a real event loop and window, no display
    needed; main.py refuses offscreen without --screenshot) on the file; `backup restore` beside it is refused."""
    import json
    import time

    from cloudsuppress.store.backups import backup_sqlite
    from cloudsuppress.store.writer_lock import lock_path_of

    path = tmp_path / "画面で編集中.sqlite"
    copy_database(demo_template, path)
    backup = backup_sqlite(path, reason="manual")
    before = path.read_bytes()
    env = dict(os.environ, PYTHONPATH=str(ROOT), CLOUDSUPPRESS_SETTINGS=str(tmp_path / "settings.ini"))
    env.pop("QT_QPA_PLATFORM", None)
    gui_env = dict(env, QT_QPA_PLATFORM=f"vnc:size=1366x768:port={_free_port()}")
    gui = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--db", str(path)], env=gui_env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        holder = None
        while time.monotonic() < deadline and gui.poll() is None:
            try:
                holder = json.loads(lock_path_of(path).read_text(encoding="utf-8"))
                if holder.get("purpose") == "画面":
                    break
            except (OSError, ValueError):
                pass
            time.sleep(0.2)
        assert holder is not None and holder["purpose"] == "画面", (gui.poll(), gui.poll() is not None and gui.stderr.read())
        time.sleep(1.0)  # the window is up and idle, as the secretary would leave it
        done = subprocess.run([sys.executable, "-m", "cloudsuppress", "--db", str(path), "backup", "restore", str(backup)],
                              capture_output=True, text=True, env=env, timeout=120)
        assert done.returncode == 1 and "画面で編集中のため復元できません" in done.stderr, done.stderr
        assert f"プロセス {gui.pid}" in done.stderr and holder["pid"] == gui.pid
    finally:
        gui.terminate()
        gui.wait(timeout=60)
    assert not any(p.name.endswith("before-restore.sqlite") for p in (path.parent / "backups").iterdir())
    assert path.exists() and len(path.read_bytes()) >= len(before) // 2  # still the GUI's file, not replaced

"""main.py as the user starts it: a fresh database gets the demo, --screenshot writes a PNG."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_main(*args, tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)


def test_screenshot_of_fresh_database(tmp_path):
    shot = tmp_path / "shot.png"
    db = tmp_path / "new.sqlite"
    proc = run_main("--db", str(db), "--screenshot", str(shot), "--view", "dashboard", tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stderr
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 20_000
    from PySide6.QtGui import QImage

    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1400, 860)

    from cloudsuppress.ops.functions import fit_stats
    from cloudsuppress.store.db import open_database

    opened = open_database(db)
    try:
        with opened.session() as s:
            assert fit_stats(s).total == 3069  # the demo, created once
    finally:
        opened.close()


def test_unopenable_database_is_a_japanese_message_not_a_traceback(tmp_path):
    bad = tmp_path / "notes.sqlite"
    bad.write_text("これはデータベースではありません")
    proc = run_main("--db", str(bad), "--screenshot", str(tmp_path / "x.png"), tmp_path=tmp_path)
    assert proc.returncode == 1
    assert "SQLite のデータベースファイルではありません" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "x.png").exists()


def test_screenshot_of_members_view(tmp_path):
    shot = tmp_path / "members.png"
    proc = run_main("--db", str(tmp_path / "m.sqlite"), "--screenshot", str(shot), "--view", "members",
                    tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert shot.read_bytes().startswith(b"\x89PNG")


def test_start_without_db_reopens_the_remembered_file_and_screenshot_leaves_settings(tmp_path):
    from PySide6.QtCore import QSettings

    from cloudsuppress.ops.consortium import create_consortium
    from cloudsuppress.store.db import open_database

    remembered = tmp_path / "last.sqlite"
    db = open_database(remembered)
    with db.session() as s, s.begin():
        create_consortium(s, name="前回の協議会", preset="empty")
    db.close()
    ini = tmp_path / "settings.ini"
    settings = QSettings(str(ini), QSettings.Format.IniFormat)
    settings.setValue("database/last_path", str(remembered))
    settings.sync()
    before = ini.read_bytes()
    data_home = tmp_path / "xdg"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CLOUDSUPPRESS_SETTINGS": str(ini),
           "XDG_DATA_HOME": str(data_home)}
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "--screenshot", str(tmp_path / "s.png")],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert not data_home.exists()  # the default database was not created: the remembered one was opened
    assert ini.read_bytes() == before


def test_screenshot_of_requests_view(tmp_path):
    shot = tmp_path / "requests.png"
    proc = run_main("--db", str(tmp_path / "r.sqlite"), "--screenshot", str(shot), "--view", "requests",
                    tmp_path=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert shot.read_bytes().startswith(b"\x89PNG")


def test_start_up_does_not_load_the_document_writers(tmp_path):
    """Start-up time (≤ 1.5 s) depends on leaving the writers for their first use: xlsxwriter,
    reportlab, python-docx and Alembic are loaded when a document is written or a migration runs."""
    script = (
        "import sys; sys.path.insert(0, {root!r}); import main; "
        "main.main(['--db', {db!r}, '--screenshot', {shot!r}], process_exit=False); "
        "print(' '.join(m for m in ('xlsxwriter', 'reportlab', 'docx', 'alembic') if m in sys.modules))"
    ).format(root=str(ROOT), db=str(tmp_path / "s.sqlite"), shot=str(tmp_path / "s.png"))
    # A first run creates the demo (that may load anything); the second is the start-up measured.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for _ in range(2):
        proc = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True,
                              timeout=120)
        assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1:] in ([], [""])

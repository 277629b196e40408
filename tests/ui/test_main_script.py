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

    from cloudsuppress.db import open_database
    from cloudsuppress.ops.functions import fit_stats

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

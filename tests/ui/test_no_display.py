"""Without a display the app says so and exits (issue #14): `dev.py run` on a machine without a
display used to start offscreen and hang behind a first-run wizard nobody could see."""
from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_dev():
    spec = importlib.util.spec_from_file_location("dev_script", ROOT / "dev.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_main_without_a_screen_exits_with_a_message(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CLOUDSUPPRESS_SETTINGS": str(tmp_path / "s.ini")}
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(tmp_path / "x.sqlite")], cwd=tmp_path,
                          env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert "--screenshot" in proc.stderr and "画面" in proc.stderr
    assert not (tmp_path / "x.sqlite").exists()  # nothing was created behind the user's back


def test_dev_run_without_a_display_says_so(monkeypatch, capsys):
    dev = load_dev()
    monkeypatch.setattr(dev, "IS_WINDOWS", False)
    monkeypatch.setattr(dev, "ensure_venv", lambda: None)
    monkeypatch.setattr(dev, "ensure_system_libraries", lambda **kw: None)
    started = []
    monkeypatch.setattr(dev.subprocess, "call", lambda cmd, **kw: started.append((cmd, kw["env"])) or 0)
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert dev.main(["run"]) == 2
    assert started == []
    captured = capsys.readouterr()
    assert "画面" in captured.out + captured.err
    assert dev.main(["run", "--screenshot", "s.png"]) == 0  # a screenshot needs no display
    assert started[-1][1]["QT_QPA_PLATFORM"] == "offscreen"


def test_main_on_linux_without_a_display_says_so_in_japanese(tmp_path):
    """main.py started directly (or the packaged app) with no DISPLAY, WAYLAND_DISPLAY or QT_QPA_PLATFORM
    aborted in Qt's English 「could not connect to display」 (exit 134); it now says what `dev.py run` says."""
    if sys.platform in ("win32", "darwin"):
        pytest.skip("Windows and macOS need no display variable")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["CLOUDSUPPRESS_SETTINGS"] = str(tmp_path / "s.ini")
    db = tmp_path / "x.sqlite"
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db)], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.strip() == ("cloudsuppress: 画面（DISPLAY / WAYLAND_DISPLAY）がないため起動できません。"
                                   "画面のある環境で実行するか、--screenshot FILE.png で画面を画像に保存してください。")
    assert not db.exists()
    shot = tmp_path / "s.png"  # a screenshot needs no display: it renders offscreen
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), "--screenshot", str(shot)],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert shot.read_bytes().startswith(b"\x89PNG")

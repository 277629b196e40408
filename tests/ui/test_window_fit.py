"""Every top-level window of the app fits the committee laptop: 1280×720 of usable space (a
1920×1080 panel at 150 %) and 1366×768, with its buttons on the screen.

The windows are listed from the code (every QDialog / QMainWindow subclass under ui/, see
window_fit_probe.py): a new dialog without a way to build it fails here until one is added to
``FACTORIES``. Each screen size runs in a child process whose offscreen screen has that size.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cloudsuppress.demo import create_demo
from cloudsuppress.store.db import open_database

ROOT = Path(__file__).resolve().parents[2]
SCREENS = [(1280, 720), (1366, 768)]


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("fit") / "demo.sqlite"
    db = open_database(path)
    with db.session() as s, s.begin():
        create_demo(s, functions=300)
    db.close()
    return path


def run_probe(tmp_path: Path, demo: Path, width: int, height: int, *, scale: float | None = None,
              pngs: Path | None = None) -> dict:
    """Open every window on an offscreen screen of ``width``×``height`` in a child process; its report."""
    screen = tmp_path / f"screen_{width}x{height}.json"
    screen.write_text(json.dumps({"windowFrameMargins": True, "screens": [
        {"name": "laptop", "x": 0, "y": 0, "width": width, "height": height,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    db = tmp_path / f"demo_{width}x{height}.sqlite"
    db.write_bytes(demo.read_bytes())
    out = tmp_path / f"fit_{width}x{height}.json"
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={screen}",
               CLOUDSUPPRESS_SETTINGS=str(tmp_path / "settings.ini"))
    if scale is not None:
        env["QT_SCALE_FACTOR"] = str(scale)
    args = [sys.executable, "-m", "tests.ui.window_fit_probe", str(db), str(out)] + ([str(pngs)] if pngs else [])
    done = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(out.read_text(encoding="utf-8"))


# (physical width, height, QT_SCALE_FACTOR): a 1920×1080 panel at 150 % is the same 1280×720 of room,
# with every text and line drawn at 1.5 device pixels per point.
CASES = [(1280, 720, None), (1366, 768, None), (1920, 1080, 1.5)]


@pytest.mark.parametrize(("width", "height", "scale"), CASES,
                         ids=[f"{w}x{h}" + (f"@{s}" if s else "") for w, h, s in CASES])
def test_every_window_fits_the_laptop_screen(tmp_path, demo_file, width, height, scale):
    report = run_probe(tmp_path, demo_file, width, height, scale=scale)
    assert report["screen"] == [round(width / (scale or 1)), round(height / (scale or 1))]
    assert report["missing"] == [], "windows without a factory in tests/ui/window_fit_probe.py FACTORIES"
    windows = report["windows"]
    # The list comes from the code; these are among it (the probe found the package's windows).
    assert {"ui.main_window.MainWindow [comparison]", "ui.request_editor.request_item_dialog.RequestItemDialog [new]",
            "ui.dialogs.first_run_wizard.FirstRunWizard [page 0]"} <= set(windows)
    problems = {name: found for name, found in windows.items() if found}
    assert problems == {}


def test_the_probe_finds_a_window_that_does_not_fit(qapp):
    """The check itself: a dialog taller than the screen with its button at the foot is reported."""
    from PySide6.QtWidgets import QDialog, QPushButton, QVBoxLayout, QWidget

    from tests.ui.window_fit_probe import check

    dialog = QDialog()
    layout = QVBoxLayout(dialog)
    tall = QWidget()
    screen = qapp.primaryScreen().availableGeometry()
    tall.setMinimumHeight(screen.height() + 100)
    layout.addWidget(tall)
    layout.addWidget(QPushButton("保存"))
    dialog.show()
    found = check(dialog)
    dialog.close()
    assert any("minimum size" in p for p in found)
    assert any("保存" in p for p in found)

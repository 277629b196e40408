"""Screenshots of the app as it looks on the committee laptop (issue #14), for docs/ and for looking.

    python scripts/laptop_screenshots.py 1366x768 [--scale 1.5] [--out docs/laptop]

Runs offscreen on a screen of that size (Qt's offscreen platform reads it from a JSON file,
so the process re-executes itself with it), on a fresh demo database: the main window as it
starts there (sized to the screen), and over it the request editor, the new-request form, the
function-list import with a file read, the meeting view and the comparison scrolled sideways.
Each PNG is the whole screen: the main window with the dialog where the app places it.
``--scale`` renders with QT_SCALE_FACTOR (1.25, 1.5: the 125 % / 150 % Windows settings); the
screen given is then the physical one (1920x1080 at 1.5 gives 1280x720 of room).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def demo_app(name: str):  # -> (QApplication, OpRunner); the types are Qt's, imported inside
    """The application and a runner on a fresh demo database in a temporary folder (settings there
    too), as both screenshot scripts start."""
    from cloudsuppress.demo import create_demo
    from cloudsuppress.store.db import open_database
    from ui.app import create_application
    from ui.dialogs.runner_dialogs import APP_DIALOGS
    from ui.op_runner import OpRunner

    app = create_application([name])
    tmp = Path(tempfile.mkdtemp(prefix=f"{name}-"))
    os.environ.setdefault("CLOUDSUPPRESS_SETTINGS", str(tmp / "settings.ini"))
    db = open_database(tmp / "demo.sqlite")
    with db.session() as s, s.begin():
        create_demo(s)
    return app, OpRunner(db, dialogs=APP_DIALOGS)


def shoot(out: Path, tag: str) -> list[Path]:
    from PySide6.QtGui import QColor, QPainter, QPixmap

    from ui.main_window import MainWindow

    app, runner = demo_app("screenshots")
    window = MainWindow(runner)
    window.show()
    screen = app.primaryScreen()
    written: list[Path] = []

    def settle() -> None:
        for _ in range(6):
            app.processEvents()

    def save(name: str, dialog=None) -> None:  # noqa: ANN001
        settle()
        geo = screen.geometry()
        picture = QPixmap(geo.size() * screen.devicePixelRatio())
        picture.setDevicePixelRatio(screen.devicePixelRatio())
        picture.fill(QColor("#3a3f47"))  # the desktop
        painter = QPainter(picture)
        for w in [window] + ([dialog] if dialog is not None else []):
            frame = w.frameGeometry()
            painter.fillRect(frame.adjusted(0, -30, 0, 0), QColor("#dde3ea"))  # a title bar, as Windows draws one
            painter.setPen(QColor("#1f2933"))
            painter.drawText(frame.x() + 10, frame.y() - 10, w.windowTitle())
            painter.drawPixmap(w.geometry().topLeft(), w.grab())
        painter.end()
        path = out / f"{name}-{tag}.png"
        picture.save(str(path))
        written.append(path)

    window.show_view("comparison")
    bar = window.comparison.table.horizontalScrollBar()
    bar.setValue(bar.maximum())
    save("comparison")
    window.show_view("meetings")
    save("meetings")

    from cloudsuppress.ops.request_queries import list_item_rows
    from ui.request_editor.request_item_dialog import RequestItemDialog

    window.show_view("requests")
    model = window.requests.function_model()
    item = next(i for i in runner.read(list_item_rows) if i.key == "R-0001")
    for name, item_id in (("request-editor", item.id), ("new-request", None)):
        dialog = RequestItemDialog(runner, item_id=item_id, functions=model, parent=window)
        dialog.show()
        save(name, dialog)
        dialog.done(0)

    from tests.ui.window_fit_probe import Context, _function_workbook
    from ui.dialogs.import_functions_dialog import ImportFunctionsDialog

    dialog = ImportFunctionsDialog(runner, window)
    ctx = Context.__new__(Context)
    ctx.tmp = runner.db.path.parent  # the demo's temporary folder
    dialog.show()
    dialog.load_file(_function_workbook(ctx))
    save("import-functions", dialog)
    dialog.done(0)
    window.close()
    runner.db.close()
    return written


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("size", help="the screen, e.g. 1366x768 (physical pixels with --scale)")
    ap.add_argument("--scale", type=float, default=None)
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "laptop")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    tag = args.size + (f"-{int(args.scale * 100)}pct" if args.scale else "")
    if args.child:
        for path in shoot(args.out, tag):
            print(path)
        return 0
    width, height = (int(v) for v in args.size.split("x"))
    config = Path(tempfile.mkdtemp()) / "screen.json"
    config.write_text(json.dumps({"windowFrameMargins": True, "screens": [
        {"name": "laptop", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96,
         "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    if args.scale:
        env["QT_SCALE_FACTOR"] = str(args.scale)
    return subprocess.call([sys.executable, __file__, *sys.argv[1:], "--child"], env=env, cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main())

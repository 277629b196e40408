"""Render the function-list import preview and the function browser at laptop sizes (issue 12).

    QT_QPA_PLATFORM=offscreen python scripts/render_import_screens.py docs/screenshots

A demo consortium (3,069 functions) in a temporary file; a ministry-style 機能・帳票要件 annex
(cover sheet, two-row merged header, IDs formatted 0000000, footnotes, a retired ID, a 帳票要件
sheet) and a Fit&Gap sheet with two members' judgements, built as tests/ui/field_workbooks.py
builds them, and a vendor's answer sheet (cost in 千円, 「空欄の場合は「×」とみなします」). Writes
import_dialog_{1366,1280}.png (columns), import_rows_{1366,1280}.png (the rows as imported),
import_vendor_{1366,1280}.png and import_vendor_fits_{1366,1280}.png, import_plan_{1366,1280}.png,
import_questions_{1366,1280}.png, function_browser_{1366,1280}.png (forms and 欠番) and
function_browser_judgements_{1366,1280}.png. Each size runs in a child
process whose offscreen screen IS that size (Qt reads it from a JSON file; a running
application cannot change its screen), so the windows place and size themselves as on the
laptop; they are drawn at the screen size less the taskbar and title bar (40 px).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "ui"))

SIZES = ((1366, 768), (1280, 720))


def render(out: Path, width: int, height: int) -> None:
    """Draw every screen at one size (in a process whose screen is that size)."""
    from ui.app import create_application

    app = create_application()
    import field_workbooks as fw

    from cloudsuppress.demo import create_demo
    from cloudsuppress.importers.detect import ImportOverrides
    from cloudsuppress.importers.tabular import read_workbook
    from cloudsuppress.ops.function_import import preview_function_import
    from cloudsuppress.ops.functions import apply_function_import, list_function_rows
    from cloudsuppress.store.connection import open_database
    from ui.dialogs.import_functions_dialog import (
        TAB_COLUMNS,
        TAB_FITS,
        TAB_PLAN,
        TAB_QUESTIONS,
        TAB_ROWS,
        ImportFunctionsDialog,
    )
    from ui.dialogs.runner_dialogs import APP_DIALOGS
    from ui.main_window import MainWindow
    from ui.op_runner import OpRunner

    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp())
    db = open_database(work / "demo.sqlite")
    with db.session() as s, s.begin():
        create_demo(s)
    runner = OpRunner(db, dialogs=APP_DIALOGS)
    annex = fw.ministry_annex(work / "住民記録_機能・帳票要件.xlsx", functions=180, retired=(5, 41), forms=12)
    unknown = fw.unknown_systems_list(work / "機能一覧_他市様式.xlsx")

    def shoot(widget, name: str) -> None:
        app.processEvents()
        widget.grab().save(str(out / name))

    vendor = fw.vendor_answer_sheet(work / "機能要件一覧（回答書）.xlsx", rows=40)
    for name, path, tab in (("import_dialog", annex, TAB_COLUMNS), ("import_rows", annex, TAB_ROWS),
                            ("import_plan", annex, TAB_PLAN), ("import_questions", unknown, TAB_QUESTIONS),
                            ("import_vendor", vendor, TAB_ROWS), ("import_vendor_fits", vendor, TAB_FITS)):
        dialog = ImportFunctionsDialog(runner)
        dialog.load_file(path)
        if path in (annex, vendor):
            dialog.system_combo.setCurrentIndex(dialog.system_combo.findData("住民基本台帳"))
        dialog.tabs.setCurrentIndex(tab)
        dialog.resize(width, height - 40)
        dialog.show()
        shoot(dialog, f"{name}_{width}.png")
        dialog.close()
        dialog.deleteLater()

    # The browser after both lists came in: forms and 欠番 in 住民基本台帳, members' judgements of
    # 住基ネット連携 (a list replaces its 業務's list, so each goes to its own 業務).
    for path in (annex, fw.fit_gap_sheet(work / "FitGap.xlsx", members=("常陸大宮市", "那珂市"), rows=8,
                                         systems=("住基ネット連携",))):
        book = read_workbook(path)
        overrides = ImportOverrides(business_system="住民基本台帳") if path == annex else ImportOverrides()
        preview = runner.read(lambda s, book=book, overrides=overrides: preview_function_import(s, book, overrides))
        plan = preview.plan
        if plan is None:
            raise SystemExit("\n".join(str(i) for i in preview.issues))
        runner.run(lambda s, plan=plan: apply_function_import(s, plan), parent=None)
    window = MainWindow(runner)
    window.show_view("functions")
    view = window.functions
    rows = runner.read(list_function_rows)
    window.resize(width, height - 40)
    window.show()
    # 住民基本台帳: functions, the retired 0010006 (selected: struck through) and the forms.
    retired = next(r for r in rows if r.code == "0010006" and r.business_system == "住民基本台帳")
    view.select_tree_node("system", retired.business_system_id)
    app.processEvents()
    view.select_function(retired.id)
    view.table.scrollTo(view.model.index(view.model.row_of_function(retired.id), 0),
                        view.table.ScrollHint.PositionAtTop)
    shoot(window, f"function_browser_{width}.png")
    # 住基ネット連携 from the Fit&Gap sheet: each member's judgement in the detail.
    judged = next(r for r in rows if r.code == "0010002" and r.business_system == "住基ネット連携")
    view.select_tree_node("system", judged.business_system_id)
    app.processEvents()
    view.select_function(judged.id)
    shoot(window, f"function_browser_judgements_{width}.png")
    window.close()
    db.close()


def main(out: Path) -> None:
    """One child process per screen size."""
    for width, height in SIZES:
        with tempfile.TemporaryDirectory() as tmp:
            screen = Path(tmp) / "screen.json"
            screen.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": width,
                                                       "height": height, "logicalDpi": 96, "logicalBaseDpi": 96,
                                                       "dpr": 1}]}), encoding="utf-8")
            env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={screen}")
            subprocess.run([sys.executable, __file__, str(out), f"{width}x{height}"], env=env, check=True)


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    if len(sys.argv) > 2:
        w, h = (int(v) for v in sys.argv[2].split("x"))
        render(target, w, h)
    else:
        main(target)

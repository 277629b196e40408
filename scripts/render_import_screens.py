"""Render the function-list import preview and the function browser at laptop sizes (issue 12).

    QT_QPA_PLATFORM=offscreen python scripts/render_import_screens.py docs/screenshots

A demo consortium (3,069 functions) in a temporary file; a ministry-style 機能・帳票要件 annex
(cover sheet, two-row merged header, IDs formatted 0000000, footnotes, a retired ID, a 帳票要件
sheet) and a Fit&Gap sheet with two members' judgements, built as tests/ui/field_workbooks.py
builds them. Writes import_dialog_{1366,1280}.png (columns), import_plan_{1366,1280}.png,
import_questions_{1366,1280}.png and function_browser_{1366,1280}.png. The dialogs are drawn at
the screen size less the taskbar and title bar (40 px), as a maximised window would be.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "ui"))

SIZES = ((1366, 768), (1280, 720))


def main(out: Path) -> None:
    from ui.app import create_application

    app = create_application()
    import field_workbooks as fw

    from cloudsuppress.connection import open_database
    from cloudsuppress.demo import create_demo
    from cloudsuppress.importers.detect import ImportOverrides
    from cloudsuppress.importers.tabular import read_workbook
    from cloudsuppress.ops.function_import import preview_function_import
    from cloudsuppress.ops.functions import apply_function_import, list_function_rows
    from ui.dialogs.import_functions_dialog import ImportFunctionsDialog
    from ui.main_window import MainWindow
    from ui.op_runner import OpRunner

    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp())
    db = open_database(work / "demo.sqlite")
    with db.session() as s, s.begin():
        create_demo(s)
    runner = OpRunner(db)
    annex = fw.ministry_annex(work / "住民記録_機能・帳票要件.xlsx", functions=180, retired=(5, 41), forms=12)
    unknown = fw.unknown_systems_list(work / "機能一覧_他市様式.xlsx")

    def shoot(widget, name: str) -> None:
        app.processEvents()
        widget.grab().save(str(out / name))

    for width, height in SIZES:
        for name, path, tab in (("import_dialog", annex, 0), ("import_plan", annex, 2), ("import_questions", unknown, 1)):
            dialog = ImportFunctionsDialog(runner)
            dialog.load_file(path)
            if path == annex:
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
        preview = runner.read(lambda s: preview_function_import(s, book, overrides))
        plan = preview.plan
        if plan is None:
            raise SystemExit("\n".join(str(i) for i in preview.issues))
        runner.run(lambda s: apply_function_import(s, plan), parent=None)
    window = MainWindow(runner)
    window.show_view("functions")
    view = window.functions
    system = next(r for r in runner.read(list_function_rows) if r.code == "0010002" and r.business_system == "住基ネット連携")
    view.select_tree_node("subcommittee", system.subcommittee_id)
    for width, height in SIZES:
        window.resize(width, height - 40)
        window.show()
        app.processEvents()
        view.select_function(system.id)
        shoot(window, f"function_browser_{width}.png")
    window.close()
    db.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))

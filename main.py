"""Start the cloudsuppress GUI.

    python main.py [--db PATH] [--view functions|dashboard|members] [--screenshot FILE.png]

Without --db the database lives in the user's data folder; a fresh database gets the demo
consortium so that the first start shows something real. --screenshot renders the window
offscreen into a PNG and exits (used for the docs and in tests).
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

VIEWS = ("functions", "dashboard", "members")


def default_db_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("cloudsuppress", appauthor=False)) / "cloudsuppress.sqlite"


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="cloudsuppress-gui", description="カスタマイズ抑制 事務局ツール")
    p.add_argument("--db", type=Path, help="データベース（SQLite ファイル）。既定: ユーザーのデータフォルダ")
    p.add_argument("--screenshot", type=Path, metavar="FILE.png", help="画面を PNG に保存して終了する")
    p.add_argument("--view", choices=VIEWS, default="functions", help="最初に表示する画面")
    return p.parse_args(argv)


def open_or_create(path: Path):
    """Open the database; give a fresh one the demo consortium (one transaction)."""
    from cloudsuppress.db import open_database
    from cloudsuppress.demo import create_demo
    from cloudsuppress.ops.consortium import get_consortium

    db = open_database(path)
    try:
        with db.session() as s, s.begin():
            if get_consortium(s) is None:
                create_demo(s)
    except BaseException:
        db.close()
        raise
    return db


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.screenshot and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"

    from PySide6.QtWidgets import QMessageBox

    from cloudsuppress.errors import DomainError
    from ui.app import create_application, install_excepthook

    app = create_application([sys.argv[0]])
    path = args.db or default_db_path()
    try:
        db = open_or_create(path)
    except DomainError as error:
        if args.screenshot:
            print(f"cloudsuppress: {error}", file=sys.stderr)
        else:
            QMessageBox.critical(None, "データベースを開けません", str(error))
        return 1

    from ui.main_window import MainWindow
    from ui.op_runner import OpRunner

    runner = OpRunner(db)
    window = MainWindow(runner)
    window.show_view(args.view)
    try:
        if args.screenshot:
            window.resize(1400, 860)
            window.show()
            for _ in range(5):
                app.processEvents()
            if not window.grab().save(str(args.screenshot)):
                print(f"cloudsuppress: 画像を保存できません: {args.screenshot}", file=sys.stderr)
                return 1
            return 0
        install_excepthook()
        window.show()
        return app.exec()
    finally:
        window.close()
        db.close()


if __name__ == "__main__":
    sys.exit(main())

"""Start the cloudsuppress GUI.

    python main.py [--db PATH|URL] [--view functions|dashboard|members|requests|comparison|meetings|reports] [--screenshot FILE.png]

--db takes a SQLite file or, as the CLI's --db does, a server database in shared mode
(postgresql+psycopg://user@host/db; a password is taken from the URL or the keyring, else asked for).
Without --db the app reopens the database opened last (remembered in the user's settings,
see ui/settings.py). On the very first start the first-run wizard sets up a consortium (or
the demo); a remembered file that has gone falls back to the database in the user's data
folder, which gets the demo consortium when it is fresh.
--screenshot renders the window offscreen into a PNG and exits (used for the docs and in
tests); it never shows a dialog and never changes the remembered database.
On Linux with no display (no DISPLAY / WAYLAND_DISPLAY, no QT_QPA_PLATFORM) it says so and exits
with status 2, unless --screenshot is given.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

VIEWS = ("functions", "dashboard", "members", "requests", "comparison", "meetings", "reports")


def default_db_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("cloudsuppress", appauthor=False)) / "cloudsuppress.sqlite"


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="cloudsuppress-gui", description="カスタマイズ抑制 事務局ツール")
    p.add_argument("--db", help="データベース（SQLite ファイルのパス、または共有モードの postgresql+psycopg://ユーザー@サーバー/データベース）。"
                                "既定: 前回開いたもの")
    p.add_argument("--screenshot", type=Path, metavar="FILE.png", help="画面を PNG に保存して終了する")
    p.add_argument("--size", metavar="WxH", help="--screenshot の画面の大きさ（例 1366x768、既定 1400x860）")
    p.add_argument("--view", choices=VIEWS, default="functions", help="最初に表示する画面")
    args = p.parse_args(argv)
    if args.db is not None and "://" not in args.db:
        args.db = Path(args.db)
    return args


def open_server(url: str, *, interactive: bool, warn):  # noqa: ANN001 - warn(text)
    """--db postgresql+psycopg://…: the server database in shared mode. A password comes from the
    URL or the keyring; else an interactive start asks in the connection dialog, and a --screenshot
    run connects without one (a server with trust authentication needs none)."""
    from cloudsuppress.store import credentials

    if interactive and credentials.needs_prompt(url):
        from ui.dialogs.connection_dialog import open_remembered_server

        return open_remembered_server(url, interactive=True, warn=warn)
    from cloudsuppress.store.db import open_database

    return open_database(credentials.resolve_url(url))


def open_or_create(path: Path, *, interactive: bool = False):
    """Open the database (read-only when it cannot be written or, after asking, when another
    process writes it); give a fresh one the demo consortium (one transaction). None when the
    user declines to open it read-only."""
    from cloudsuppress.ops.consortium import get_consortium
    from ui.database_menu import open_file_for_gui

    db = open_file_for_gui(path, None, create=True, interactive=interactive)
    if db is None or db.read_only:
        return db
    def fill() -> None:
        with db.session() as s, s.begin():
            if get_consortium(s) is None:
                from cloudsuppress.demo import create_demo  # only a fresh file needs it (0.1 s of imports)

                create_demo(s)

    try:
        from ui.op_runner import run_in_worker

        # A fresh file's demo takes seconds: on a worker thread with a busy dialog (issue #14).
        run_in_worker(fill, parent=None, label="デモの協議会を作成しています…")
    except BaseException:
        db.close()
        raise
    return db


def open_start_database(db_arg: Path | str | None, settings, *, warn, first_run=None, interactive: bool = False,
                        recover=None):
    """The database to start with: --db, else the remembered one, else the default file.

    A remembered file that is gone or cannot be opened is reported through ``warn(text)``
    and the default file is opened instead; errors opening --db or the default propagate.
    On the very first start (nothing remembered, no default file yet) ``first_run()`` is
    asked for the database when given (the wizard; None when the user cancels it).
    A remembered server database (shared mode) comes first; its password is asked for when the
    keyring has none, only when ``interactive`` (never for --screenshot). A damaged remembered
    file goes to ``recover(error)``, which may restore a backup and return the path to open.
    """
    from cloudsuppress.errors import DomainError
    from ui.database_menu import open_file_for_gui
    from ui.settings import last_database

    if isinstance(db_arg, str):
        return open_server(db_arg, interactive=interactive, warn=warn)
    if db_arg is not None:
        return open_or_create(db_arg, interactive=interactive)
    from cloudsuppress.errors import DatabaseCorruptError
    from ui.dialogs.connection_dialog import open_remembered_server
    from ui.server_settings import last_server_url

    server = last_server_url(settings)
    if server is not None and (db := open_remembered_server(server, interactive=interactive, warn=warn)) is not None:
        return db
    remembered = last_database(settings)
    if remembered is not None:
        if remembered.is_file():
            try:
                return open_file_for_gui(remembered, None, interactive=interactive)
            except DatabaseCorruptError as error:  # offer the newest sound backup
                if recover is not None and (restored := recover(error)) is not None:
                    return open_file_for_gui(restored, None, interactive=interactive)
                warn(f"前回のデータベースを開けないため、既定のデータベースを開きます。\n{error}")
            except DomainError as error:
                warn(f"前回のデータベースを開けないため、既定のデータベースを開きます。\n{error}")
        else:
            warn(f"前回のデータベースが見つからないため、既定のデータベースを開きます: {remembered}")
    elif first_run is not None and not default_db_path().exists():
        return first_run()
    return open_or_create(default_db_path(), interactive=interactive)


def _recover(error):
    """A damaged database file at start: offer to restore its newest sound backup (path to open, or None)."""
    from ui.database_menu import offer_restore

    return offer_restore(error, None)


def has_no_display() -> bool:
    """True on Linux and the other X11 / Wayland systems when no screen is reachable and no Qt platform is named."""
    if sys.platform in ("win32", "darwin"):  # their Qt platforms need no variable
        return False
    return not any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


NO_DISPLAY = ("画面（DISPLAY / WAYLAND_DISPLAY）がないため起動できません。"
              "画面のある環境で実行するか、--screenshot FILE.png で画面を画像に保存してください。")


def main(argv: list[str] | None = None, *, process_exit: bool = False) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if not args.screenshot and has_no_display():
        # Qt would abort in English (「could not connect to display」, exit 134): say it as `dev.py run` does.
        print(f"cloudsuppress: {NO_DISPLAY}", file=sys.stderr)
        return 2
    if args.screenshot and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if not args.screenshot and os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] in ("offscreen", "minimal"):
        # Nothing would be seen, and a first-run wizard or a question would wait forever.
        print("cloudsuppress: 画面のないプラットフォーム（QT_QPA_PLATFORM="
              f"{os.environ['QT_QPA_PLATFORM']}）では --screenshot FILE.png のときだけ起動します。", file=sys.stderr)
        return 2

    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QMessageBox

    from cloudsuppress.errors import DomainError
    from ui.app import create_application, install_excepthook
    from ui.settings import app_settings, apply_preferences, load_preferences, remember_database

    app = create_application([sys.argv[0]])
    settings = app_settings()
    prefs = load_preferences(settings)
    apply_preferences(prefs)  # the audit trail's user name, the date style, the backups kept
    from ui.i18n import install_translators

    install_translators(prefs.language)  # before any window: texts are translated when built

    def warn(text: str) -> None:
        if args.screenshot:
            print(f"cloudsuppress: {text}", file=sys.stderr)
        else:
            QMessageBox.warning(None, QCoreApplication.translate("main", "前回のデータベース"), text)

    def first_run():
        from ui.dialogs.first_run_wizard import FirstRunWizard

        wizard = FirstRunWizard(folder=default_db_path().parent)
        wizard.exec()
        return wizard.database

    try:
        # --screenshot never waits on the wizard: with no database it renders the demo.
        db = open_start_database(args.db, settings, warn=warn, first_run=None if args.screenshot else first_run,
                                 interactive=not args.screenshot, recover=None if args.screenshot else _recover)
    except DomainError as error:
        if args.screenshot:
            print(f"cloudsuppress: {error}", file=sys.stderr)
        else:
            QMessageBox.critical(None, QCoreApplication.translate("main", "データベースを開けません"), str(error))
        return 1
    if db is None:  # the first-run wizard was cancelled, or the user did not open a locked file read-only
        return 0

    from ui.dialogs.runner_dialogs import APP_DIALOGS
    from ui.main_window import MainWindow
    from ui.op_runner import OpRunner

    runner = OpRunner(db, dialogs=APP_DIALOGS)
    # A screenshot run must leave the user's settings as they were.
    window = MainWindow(runner, settings=None if args.screenshot else settings)
    if not args.screenshot and db.path is not None:
        remember_database(settings, db.path)
    elif not args.screenshot:  # a server database: its URL without the password
        from ui.server_settings import remember_server

        remember_server(settings, db.url)
    window.show_view(args.view)
    try:
        if args.screenshot:
            width, _, height = (args.size or "1400x860").partition("x")
            window.setWindowState(Qt.WindowState.WindowNoState)
            window.resize(int(width), int(height))
            window.show()
            for _ in range(5):
                app.processEvents()
            if not window.grab().save(str(args.screenshot)):
                print(f"cloudsuppress: 画像を保存できません: {args.screenshot}", file=sys.stderr)
                return 1
            return 0
        install_excepthook()

        def follow(replacement) -> None:  # a language switch builds a new window
            nonlocal window
            window = replacement
            window.replaced.connect(follow)

        window.replaced.connect(follow)
        window.show()
        return app.exec()
    finally:
        window.close()
        runner.db.close()  # the database open now: File > 開く… may have replaced the first
        if process_exit:
            # The process ends now: spare the interpreter's shutdown collections a walk over
            # every object still alive (30,000 function rows, the Qt wrappers: ~0.15 s of
            # each exit). Not when called in-process (tests): the caller's heap stays as it is.
            import gc

            gc.freeze()


if __name__ == "__main__":
    sys.exit(main(process_exit=True))

"""ファイル menu additions: 最近使ったファイル, 名前を付けてコピーを保存…, バックアップを作成.

``FileMenuExtras`` adds its actions to the window's File menu where it is created (after
開く…). The recent list lives in the window's QSettings (``ui.settings.recent_databases``;
remembering a database puts it on top) and is rebuilt each time the submenu opens; a file
that has gone is taken off the list when chosen. Copies and backups are SQLite backup-API
copies made by the core (``cloudsuppress.store.files.save_database_copy``,
``cloudsuppress.store.backups.rotate_backup``) on the runner's worker thread; they do not change
the database, so they need no transaction. Restoring a backup is the database menu's
(``ui.database_menu``).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from cloudsuppress.errors import DomainError

from .settings import backup_policy, clear_recent_databases, recent_databases

COPY_FILTER = "協議会データベース (*.sqlite)"


class FileMenuExtras(QObject):
    """The recent files submenu, Save a copy, and Backup now, for one MainWindow."""

    def __init__(self, window, file_menu: QMenu):  # noqa: ANN001 - MainWindow
        super().__init__(window)
        self.window = window
        self.recent_menu = file_menu.addMenu(self.tr("最近使ったファイル"))
        self.recent_menu.aboutToShow.connect(self.rebuild_recent)
        self.rebuild_recent()
        file_menu.addSeparator()
        self.save_copy_action = QAction(self.tr("名前を付けてコピーを保存…"), window)
        self.save_copy_action.setShortcut(QKeySequence.StandardKey.SaveAs)
        self.save_copy_action.triggered.connect(self.save_copy)
        file_menu.addAction(self.save_copy_action)
        self.backup_action = QAction(self.tr("バックアップを作成"), window)
        self.backup_action.triggered.connect(self.backup_now)
        file_menu.addAction(self.backup_action)

    # --- recent files -----------------------------------------------------------------

    def recent_paths(self) -> list[Path]:
        settings = self.window.settings
        return recent_databases(settings) if settings is not None else []

    def rebuild_recent(self) -> None:
        menu = self.recent_menu
        menu.clear()
        paths = self.recent_paths()
        current = self.window.database_path()
        for n, path in enumerate(paths, start=1):
            action = menu.addAction(f"&{n} {path.name}")
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.setData(str(path))
            if current is not None and path == current.resolve():
                action.setCheckable(True)
                action.setChecked(True)
            action.triggered.connect(lambda _=False, p=path: self.open_recent(p))
        if not paths:
            empty = menu.addAction(self.tr("（なし）"))
            empty.setEnabled(False)
            return
        menu.addSeparator()
        menu.addAction(self.tr("一覧を消去"), self.clear_recent)

    def open_recent(self, path: Path) -> bool:
        if not path.is_file():
            QMessageBox.warning(self.window, self.tr("ファイルが見つかりません"),
                                self.tr("ファイルが見つからないため、一覧から外します。\n{0}").format(path))
            settings = self.window.settings
            if settings is not None:
                remaining = [p for p in recent_databases(settings) if p != path]
                clear_recent_databases(settings)
                settings.setValue("database/recent", [str(p) for p in remaining])
                settings.sync()
            return False
        return self.window.open_database_file(path)

    def clear_recent(self) -> None:
        if self.window.settings is not None:
            clear_recent_databases(self.window.settings)

    # --- copies and backups -----------------------------------------------------------

    def _sqlite_path(self, title: str) -> Path | None:
        path = self.window.database_path()
        if path is None:
            QMessageBox.information(self.window, title,
                                    self.tr("共有データベース（サーバー）では使えません。バックアップはサーバーの管理者が行います。"))
        return path

    def save_copy(self) -> Path | None:
        """名前を付けてコピーを保存…: a consistent copy of the open file; the app stays on the original."""
        title = self.tr("名前を付けてコピーを保存")
        source = self._sqlite_path(title)
        if source is None:
            return None
        from .file_dialogs import KIND_DATABASES, dated_file_name, save_file_name

        # 「デモ協議会_コピー_R081207.sqlite」 in the folder last used for databases (a USB stick…), else Documents.
        chosen = save_file_name(self.window, title, kind=KIND_DATABASES,
                                suggested=dated_file_name(source.stem, self.tr("コピー"), suffix=".sqlite"),
                                file_filter=self.tr(COPY_FILTER))
        if chosen is None:
            return None
        from cloudsuppress.store.files import save_database_copy, with_db_suffix

        target = with_db_suffix(Path(chosen))
        # The file dialog asked about the name as chosen; a name typed without .sqlite is another file.
        overwrite = target.exists() and (target == Path(chosen) or QMessageBox.question(
            self.window, title, self.tr("「{0}」はすでにあります。上書きしますか？").format(target.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No) == QMessageBox.StandardButton.Yes)
        if target.exists() and not overwrite:
            return None
        runner = self.window.runner
        try:
            dest = runner.call_in_worker(lambda: save_database_copy(source, target, overwrite=overwrite),
                                         parent=self.window,
                                         label=self.tr("コピーを保存しています…"))
        except DomainError as error:
            runner.show_error(error, parent=self.window)
            return None
        self.window.statusBar().showMessage(self.tr("コピーを保存しました: {0}").format(dest), 10_000)
        return dest

    def backup_now(self) -> Path | None:
        """バックアップを作成: a backup now, in the backups folder beside the file, rotated as set in 設定."""
        source = self._sqlite_path(self.tr("バックアップを作成"))
        if source is None:
            return None
        from cloudsuppress.store.backups import rotate_backup

        runner = self.window.runner
        try:
            dest = runner.call_in_worker(
                lambda: rotate_backup(source, reason="manual", policy=backup_policy()), parent=self.window,
                label=self.tr("バックアップを作成しています…"))
        except (DomainError, OSError) as error:
            QMessageBox.warning(self.window, self.tr("バックアップを作成できません"), str(error))
            return None
        self.window.statusBar().showMessage(self.tr("バックアップを作成しました: {0}").format(dest), 10_000)
        return dest

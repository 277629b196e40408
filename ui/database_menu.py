"""DatabaseMenu: the main window's part for shared mode, backups and handover (issue 6).

Contract: built by the MainWindow once its menus and status bar exist. It adds to ファイル
共有データベースに接続… / バックアップから復元… / 引継ぎファイルを書き出す… / 引継ぎファイルを取り込む…,
puts two labels in the status bar (「共有モード」 with the masked URL; a warning when the
SQLite file lives on a network share or in a cloud-synced folder), and runs the
``ChangeWatcher`` that refreshes the views when other users commit. Switching databases goes
through the window's own ``switch_database`` (which calls ``database_switched`` here), so the
remembered database, the title and the labels follow. Dialogs pop up by themselves (the
storage warning) only in an interactive window, one with settings: a screenshot run and
tests never block on them.
"""
from __future__ import annotations

import dataclasses
import html
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMenu, QMessageBox, QStyle, QWidget

from cloudsuppress.errors import DatabaseCorruptError, DomainError
from cloudsuppress.store import writer_lock
from cloudsuppress.store.backups import restore_backup, validate_backup
from cloudsuppress.store.connection import Database, open_database
from cloudsuppress.store.handover import export_handover, is_empty, read_handover
from cloudsuppress.store.writer_lock import DatabaseLockedError

from .change_watcher import ChangeWatcher
from .message_text import short_lines
from .op_runner import OpRunner
from .operations import consortium as consortium_ops
from .server_settings import forget_last_server, known_server_url, remember_server

HANDOVER_FILTER = QT_TRANSLATE_NOOP("DatabaseMenu", "引継ぎファイル (*.zip)")
DB_FILTER = QT_TRANSLATE_NOOP("DatabaseMenu", "協議会データベース (*.sqlite)")


def ask_read_only(error: DatabaseLockedError, parent: QWidget | None) -> bool:
    """Another process writes the file: say who and since when, and offer 読み取り専用で開く."""
    tr = QCoreApplication.translate
    holder = error.holder
    lines = []
    if holder is not None:
        who = holder.user or tr("DatabaseMenu", "不明な利用者")
        where = holder.host or tr("DatabaseMenu", "不明なコンピューター")
        lines.append(tr("DatabaseMenu", "編集中の人: {0}（{1}、プロセス {2}）").format(who, where, holder.pid or "?"))
        if holder.since is not None:
            lines.append(tr("DatabaseMenu", "開いた時刻: {0:%Y-%m-%d %H:%M}").format(holder.since))
        if holder.purpose:
            lines.append(tr("DatabaseMenu", "使い方: {0}").format(holder.purpose))
    box = QMessageBox(QMessageBox.Icon.Warning, tr("DatabaseMenu", "ほかで編集中のデータベース"),
                      tr("DatabaseMenu", "「{0}」は、ほかで編集中です。").format(Path(error.path).name), parent=parent)
    # Short lines, broken where a reader pauses: a narrow box would wrap Japanese mid-word.
    box.setInformativeText("\n".join(lines) + "\n\n" + tr(
        "DatabaseMenu", "同じファイルを二か所で同時に変更すると、一方の変更が失われます。\n"
        "そのため、ここでは変更できません。\n\n"
        "読み取り専用で開くと、内容の確認・印刷・書き出しができます。\n"
        "変更するには、相手の画面を閉じてから開き直してください。"))
    box.setStyleSheet("QLabel#qt_msgbox_informativelabel, QLabel#qt_msgbox_label { min-width: 500px; }")
    read_only = box.addButton(tr("DatabaseMenu", "読み取り専用で開く"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("DatabaseMenu", "キャンセル"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(read_only)
    box.exec()
    return box.clickedButton() is read_only


def open_file_for_gui(path: Path, parent: QWidget | None, *, create: bool = False,
                      interactive: bool = True) -> Database | None:
    """Open a database file for the GUI: for writing under its lock; read-only when its file or
    folder cannot be written (with the reason as a warning) or, after asking, when another
    process writes it. None when the user declines; other refusals raise ``DomainError``.
    Not interactive (a screenshot run): a locked file opens read-only without asking."""
    from .op_runner import run_in_worker
    from .settings import backup_policy

    policy = backup_policy()
    # A large file takes seconds (its check, the backup at open, migrations): on a worker thread, with
    # a busy dialog, so that no window freezes (issue #14); the questions stay on this thread.
    label = QCoreApplication.translate("DatabaseMenu", "データベースを開いています…")
    try:
        return run_in_worker(lambda: open_database(path, create=create, backup_policy=policy, allow_read_only=True,
                                                   purpose="画面"), parent=parent, label=label)
    except DatabaseLockedError as error:
        if interactive and not ask_read_only(error, parent):
            return None
        return run_in_worker(lambda: open_database(path, create=False, backup_policy=policy, read_only=True),
                             parent=parent, label=label)


def offer_restore(error: DatabaseCorruptError, parent: QWidget | None) -> Path | None:
    """A damaged file: offer its newest sound backup; after restoring, say where the damaged file went.

    Returns the restored database path (to reopen), or None when the user declined or none exists.
    """
    if not error.backups or error.path is None:
        QMessageBox.critical(parent, QCoreApplication.translate("DatabaseMenu", "データベースを開けません"), str(error))
        return None
    newest = error.backups[0]
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("DatabaseMenu", "データベースが壊れています"),
        QCoreApplication.translate("DatabaseMenu", "{0}\n\n最新の正常なバックアップ（{1:%Y-%m-%d %H:%M}、{2}）から復元しますか？"
           "いまのファイルは別の名前で保存されます。").format(str(error), newest.created_at, newest.reason_label))
    if answer != QMessageBox.StandardButton.Yes:
        return None
    try:
        saved = restore_backup(Path(error.path), newest.path)
    except (DomainError, OSError) as exc:
        QMessageBox.critical(parent, QCoreApplication.translate("DatabaseMenu", "復元できません"), str(exc))
        return None
    QMessageBox.information(
        parent, QCoreApplication.translate("DatabaseMenu", "復元しました"),
        QCoreApplication.translate(
            "DatabaseMenu", "バックアップから復元しました。壊れていたファイルは次の場所に保存しました:\n{0}").format(saved))
    return Path(error.path)


class DatabaseMenu(QObject):
    """See the module docstring."""

    def __init__(self, window, file_menu: QMenu, *, before: QAction | None = None):  # noqa: ANN001 - MainWindow
        super().__init__(window)
        self.window = window
        self._warned: set[str] = set()
        self.connect_action = self._action(self.tr("共有データベースに接続…"), self.connect_server)
        self.restore_action = self._action(self.tr("バックアップから復元…"), self.restore_from_backup)
        self.export_handover_action = self._action(self.tr("引継ぎファイルを書き出す…"), self.export_handover)
        self.import_handover_action = self._action(self.tr("引継ぎファイルを取り込む…"), self.import_handover)
        actions = [self.connect_action, None, self.restore_action, None,
                   self.export_handover_action, self.import_handover_action, None]
        for action in actions:
            if action is None:
                file_menu.insertSeparator(before) if before is not None else file_menu.addSeparator()
            elif before is not None:
                file_menu.insertAction(before, action)
            else:
                file_menu.addAction(action)

        self.mode_label = QLabel()
        self.mode_label.setObjectName("sharedModeStatus")
        self.mode_label.setStyleSheet("QLabel#sharedModeStatus { padding: 0 10px; color: #1f3a5f; font-weight: bold; }")
        self.storage_label = QLabel()
        self.storage_label.setObjectName("storageWarningStatus")
        self.storage_label.setStyleSheet("QLabel#storageWarningStatus { padding: 0 10px; color: #8a4b00; }")
        icon = window.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.storage_icon = QLabel()
        self.storage_icon.setPixmap(icon.pixmap(16, 16))
        bar = window.statusBar()
        bar.insertPermanentWidget(0, self.mode_label)
        bar.insertPermanentWidget(0, self.storage_label)
        bar.insertPermanentWidget(0, self.storage_icon)

        self.watcher = ChangeWatcher(window.runner, self)
        self.watcher.foreign_changes.connect(self._on_foreign_changes)
        self.database_switched(window.runner.db, remember=False)
        self.watcher.start()

    def _action(self, text: str, slot) -> QAction:  # noqa: ANN001
        action = QAction(text, self.window)
        action.triggered.connect(lambda *_: slot())
        return action

    @property
    def runner(self) -> OpRunner:
        return self.window.runner

    @property
    def interactive(self) -> bool:
        return self.window.settings is not None

    # --- the open database ------------------------------------------------------------

    def title_suffix(self) -> str:
        """「 — 共有モード（postgresql+psycopg://user:***@host/db）」 for a server database."""
        db = self.runner.db
        if db.read_only:
            return self.tr(" — 読み取り専用")
        return self.tr(" — 共有モード（{0}）").format(db.display_url) if db.is_shared else ""

    def database_switched(self, db: Database, *, remember: bool = True) -> None:
        """After the window switched databases: remember it, labels, actions, the watcher's marker."""
        settings = self.window.settings
        if remember and settings is not None:
            if db.is_shared:
                remember_server(settings, db.url)
            else:
                forget_last_server(settings)
        self.mode_label.setVisible(db.is_shared or db.read_only)
        if db.read_only:  # why, and what to do, on hover; the window title says it too
            self.mode_label.setText(self.tr("読み取り専用"))
            self.mode_label.setToolTip(db.read_only_reason or "")
        else:
            self.mode_label.setText(self.tr("共有モード"))
            self.mode_label.setToolTip(db.display_url)
        self.restore_action.setEnabled(not db.is_shared and not db.read_only)
        self.import_handover_action.setEnabled(not db.read_only)
        warnings = tuple(w for w in db.warnings if w.kind != "locked")  # the user chose that read-only open
        kinds = {w.kind for w in warnings}
        self.storage_icon.setVisible(bool(warnings))
        self.storage_label.setVisible(bool(warnings))
        if kinds & {"network", "cloud"}:
            self.storage_label.setText(self.tr("保存場所に注意"))
        elif "backup" in kinds:
            self.storage_label.setText(self.tr("バックアップを作成できませんでした"))
        else:
            self.storage_label.setText(self.tr("書き込めません") if warnings else "")
        tip = "\n\n".join(f"{w.message}（{w.detail}）" for w in warnings)
        self.storage_label.setToolTip(tip)
        self.storage_icon.setToolTip(tip)
        self.watcher.reset()
        if warnings and self.interactive:
            QTimer.singleShot(0, self.show_storage_warnings)

    def take_over(self, previous: DatabaseMenu) -> None:
        """This window replaces ``previous``'s (a language switch): stop its watcher, and do
        not warn again about a storage place the user has already been warned about."""
        previous.watcher.stop()
        self._warned |= previous._warned

    def show_storage_warnings(self, *, again: bool = False) -> bool:
        """The storage warnings of the open file in a dialog, once per file (unless ``again``)."""
        db = self.runner.db
        key = str(db.path)
        shown = [w for w in db.warnings if w.kind != "locked"]  # a read-only open the user chose needs no warning
        if not shown or (key in self._warned and not again):
            return False
        self._warned.add(key)
        text = "\n\n".join(short_lines(w.message) + (f"\n（{w.detail}）" if w.kind in ("network", "cloud") else "")
                           for w in shown)
        # Lines kept as broken (no wrapping inside a word); the box widens to the longest.
        rich = '<p style="white-space:pre">' + html.escape(text).replace("\n", "<br>") + "</p>"
        QMessageBox.warning(self.window, self.tr("データベースについての注意"), rich)
        return True

    def _on_foreign_changes(self, actions: list) -> None:
        text = self.tr("他の利用者の変更を反映しました")
        if actions:
            _id, user, label, _at = actions[-1]
            text += self.tr("（{0}: {1}）").format(user, label)
        self.window.statusBar().showMessage(text, 15_000)

    # --- shared mode ------------------------------------------------------------------

    def connect_server(self) -> bool:
        """ファイル > 共有データベースに接続…"""
        from .dialogs.connection_dialog import ConnectionDialog

        settings = self.window.settings
        dialog = ConnectionDialog(self.window, url=known_server_url(settings) if settings is not None else None)
        dialog.exec()
        db = dialog.database
        dialog.deleteLater()
        if db is None:
            return False
        try:
            self.window.switch_database(db)
        except DomainError as error:
            db.close()
            QMessageBox.warning(self.window, self.tr("接続できません"), str(error))
            return False
        self.window.statusBar().showMessage(self.tr("共有データベースに接続しました: {0}").format(db.display_url), 10_000)
        return True

    # --- backups ----------------------------------------------------------------------

    def restore_from_backup(self) -> bool:
        """ファイル > バックアップから復元…: choose, confirm, close, restore, reopen, say where the old file went."""
        from .dialogs.restore_backup_dialog import RestoreBackupDialog

        db = self.runner.db
        if db.path is None:
            QMessageBox.information(self.window, self.tr("バックアップから復元"),
                                    self.tr("共有データベースのバックアップは、サーバーの管理者が行います。"))
            return False
        dialog = RestoreBackupDialog(db.path, self.window)
        dialog.exec()
        chosen = dialog.chosen
        dialog.deleteLater()
        if chosen is None:
            return False
        try:
            validate_backup(chosen.path)  # refuse a bad copy before closing anything
        except DomainError as error:
            QMessageBox.warning(self.window, self.tr("復元できません"), str(error))
            return False
        answer = QMessageBox.question(
            self.window, self.tr("バックアップから復元"),
            self.tr("{0:%Y-%m-%d %H:%M}（{1}）のバックアップで、いまのデータベースを置き換えます。"
                    "それ以降の変更は、この画面からは見えなくなります（いまのファイルは別の名前で保存します）。"
                    "復元しますか？").format(chosen.created_at, chosen.reason_label))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        path = db.path
        # Keep this window's writer lock across close → restore → reopen: no other process may
        # slip in between, and after a refused restore this window still writes under its lock.
        keep = writer_lock.acquire(path, purpose="画面") if db.lock is not None else None
        try:
            # No closing backup: it could rotate out the very copy being restored.
            db.backup_policy = dataclasses.replace(db.backup_policy, on_close=False)
            db.close(backup=False)
            restored_ok = False
            try:
                saved = restore_backup(path, chosen.path)
                restored_ok = True
            except (DomainError, OSError) as error:
                QMessageBox.critical(self.window, self.tr("復元できません"), str(error))
            try:
                restored = open_file_for_gui(path, self.window)  # the restored file, or the untouched one
                if restored is None:
                    return False
                self.window.switch_database(restored)
            except DomainError as error:
                QMessageBox.critical(self.window, self.tr("データベースを開けません"), str(error))
                return False
        finally:
            if keep is not None:
                keep.release()
        if not restored_ok:
            return False
        QMessageBox.information(self.window, self.tr("復元しました"),
                                self.tr("バックアップから復元しました。復元前のデータベースは次の場所に保存しました:\n{0}")
                                .format(saved))
        self.window.statusBar().showMessage(self.tr("バックアップから復元しました"), 10_000)
        return True

    # --- handover ---------------------------------------------------------------------

    def export_handover(self) -> Path | None:
        """ファイル > 引継ぎファイルを書き出す…: the whole consortium as one zip."""
        from .file_dialogs import KIND_HANDOVER, dated_file_name, save_file_name

        stem = self.runner.db.path.stem if self.runner.db.path is not None else self.tr("協議会")
        chosen = save_file_name(self.window, self.tr("引継ぎファイルを書き出す"), kind=KIND_HANDOVER,
                                suggested=dated_file_name(self.tr("引継ぎ"), stem, suffix=".zip"),
                                file_filter=self.tr(HANDOVER_FILTER))
        if chosen is None:
            return None
        name = str(chosen)
        from .dialogs.report_export import with_suffix_confirmed

        out = with_suffix_confirmed(self.window, Path(name), ".zip")  # asked if 「x.zip」 exists and 「x」 was typed
        if out is None:
            return None
        runner = self.runner
        try:
            # the save dialog asked before replacing a file; the core still refuses a database
            summary = runner.call_in_worker(lambda: runner.read(lambda s: export_handover(s, out, overwrite=True)),
                                            parent=self.window, label=self.tr("引継ぎファイルを書き出しています…"))
        except (DomainError, OSError) as error:
            QMessageBox.warning(self.window, self.tr("書き出せません"), str(error))
            return None
        QMessageBox.information(self.window, self.tr("引継ぎファイル"),
                                self.tr("引継ぎファイルを書き出しました（{0:,} 行）:\n{1}").format(summary.total_rows, out))
        return out

    def import_handover(self) -> bool:
        """ファイル > 引継ぎファイルを取り込む…: only into an empty database; else offer a new empty file."""
        from .file_dialogs import KIND_HANDOVER, open_file_name

        path = open_file_name(self.window, self.tr("引継ぎファイルを取り込む"), kind=KIND_HANDOVER,
                              file_filter=self.tr(HANDOVER_FILTER))
        if path is None:
            return False
        try:
            summary, _data = read_handover(path)  # verified (hashes, version) before anything is created
        except DomainError as error:
            QMessageBox.warning(self.window, self.tr("取り込めません"), str(error))
            return False
        label = self.tr("引継ぎファイルを取り込んでいます…")
        if not self.runner.read(is_empty):
            answer = QMessageBox.question(
                self.window, self.tr("引継ぎファイルを取り込む"),
                self.tr("引継ぎファイルは空のデータベースにだけ取り込めます（いまの協議会は上書きしません）。"
                        "新しい空のデータベースファイルを作って、そこに取り込みますか？"))
            if answer != QMessageBox.StandardButton.Yes:
                return False
            suggested = f"{summary.consortium or '協議会'}.sqlite"
            from .file_dialogs import KIND_DATABASES, save_file_name

            chosen = save_file_name(self.window, self.tr("新しいデータベースファイル"), kind=KIND_DATABASES,
                                    suggested=suggested, file_filter=self.tr(DB_FILTER))
            if chosen is None:
                return False
            target = str(chosen)
            target_path = Path(target) if target.lower().endswith((".sqlite", ".sqlite3", ".db")) else Path(target + ".sqlite")
            if target_path.exists() and target_path.stat().st_size > 0:
                QMessageBox.warning(self.window, self.tr("取り込めません"),
                                    self.tr("「{0}」はすでにあります。新しいファイル名を指定してください。").format(target_path.name))
                return False
            # the CLI's handover import calls the same core function: a file it made is removed on failure
            imported = consortium_ops.import_handover_into_new_file(self.window, self.runner, path=path,
                                                                    target=target_path, label=label)
            if imported is None:
                return False
            self.window.switch_database(imported.db)
        elif consortium_ops.import_handover(self.window, self.runner, path=path, label=label) is None:
            return False
        self.window.statusBar().showMessage(
            self.tr("引継ぎファイルを取り込みました: {0}（{1:,} 行）").format(summary.consortium or path.name,
                                                                 summary.total_rows), 10_000)
        return True

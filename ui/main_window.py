"""MainWindow: navigation on the left, one view at a time, the gap rate always in the status bar.

The window owns no data: views read through the OpRunner, and every change goes through it
and comes back as one ``changed(Changes)`` broadcast that the window hands to each view.
ファイル > 新しい協議会… / 開く… swap the runner's database (``open_database_file`` and
``switch_database``): the views stay, the runner broadcasts that everything changed, and
the window closes the database it left. With a QSettings the window remembers the file it
switched to, so that main.py reopens it at the next start.
"""
from __future__ import annotations

from importlib import import_module
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QSize, Qt, Signal, qVersion
from PySide6.QtGui import QAction, QFont, QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cloudsuppress.changes import Changes
from cloudsuppress.errors import DatabaseCorruptError, DomainError
from cloudsuppress.ops.consortium import get_consortium
from cloudsuppress.ops.functions import fit_stats
from cloudsuppress.ops.summary import format_rate
from cloudsuppress.ops.undo import undo_status
from cloudsuppress.store.connection import Database

from .op_runner import OpRunner
from .operations import undo as undo_ops
from .screen_fit import restore_main_geometry, save_main_geometry
from .settings import app_settings, remember_database

VIEW_DASHBOARD = "dashboard"
VIEW_FUNCTIONS = "functions"
VIEW_MEMBERS = "members"
VIEW_REQUESTS = "requests"
VIEW_MEETINGS = "meetings"
VIEW_COMPARISON = "comparison"
VIEW_REPORTS = "reports"
# The navigation in order; a page without a view key is one a later version adds, shown
# disabled so the secretariat sees where it will be.
PAGES = (
    (VIEW_DASHBOARD, "ダッシュボード"),
    (VIEW_FUNCTIONS, "機能一覧"),
    (VIEW_REQUESTS, "要望"),
    (VIEW_COMPARISON, "比較表"),
    (VIEW_MEETINGS, "会議"),
    (VIEW_MEMBERS, "団体"),
    (VIEW_REPORTS, "帳票"),
)
# Each view's module and class under ui/views. A view is built (and its module imported) the
# first time it is shown or asked for: the window opens with the one view on screen, which
# keeps the start-up under the foundation issue's 1.5 s; the others follow on first use.
VIEW_CLASSES = {
    VIEW_DASHBOARD: ("dashboard_view", "DashboardView"),
    VIEW_FUNCTIONS: ("function_browser_view", "FunctionBrowserView"),
    VIEW_MEMBERS: ("member_view", "MemberView"),
    VIEW_REQUESTS: ("request_list_view", "RequestListView"),
    VIEW_MEETINGS: ("meeting_view", "MeetingView"),
    VIEW_COMPARISON: ("comparison_view", "ComparisonView"),
    VIEW_REPORTS: ("reports_view", "ReportsView"),
}
OPEN_FILTER = "協議会データベース (*.sqlite *.sqlite3 *.db);;すべてのファイル (*)"
KEY_ROLE = Qt.ItemDataRole.UserRole


def gap_rate_text(st) -> str:
    """「ギャップ率 0.13%（△2 ×2／評価済み3,069）」"""
    by = st.by_fit
    return QCoreApplication.translate("MainWindow", "ギャップ率 {0}（△{1} ×{2}／評価済み{3}）").format(
        format_rate(st.gap_rate), f"{by.get('△', 0):,}", f"{by.get('×', 0):,}", f"{st.assessed:,}")


class MainWindow(QMainWindow):
    """The application window for one open database."""

    replaced = Signal(object)  # the window built to take this one's place (a language switch)

    def __init__(self, runner: OpRunner, parent=None, *, settings: QSettings | None = None):
        super().__init__(parent)
        self.runner = runner
        self.settings = settings  # where the last database is remembered; None: nowhere
        # Sized to the screen (1366×768 or 1280×720 usable on the committee laptop), as it was
        # last on this screen when the settings remember it (ui/screen_fit.py).
        self.setMinimumSize(QSize(960, 600))

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(self.tr("画面の切り替え"))
        self.nav.setFixedWidth(168)
        self.nav.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.nav.setFrameShape(QFrame.Shape.NoFrame)
        self.nav.setSpacing(2)
        self._side_narrow: bool | None = None  # the navigation folds to its text's width on a narrow window
        self.stack = QStackedWidget()
        self._views: dict[str, QWidget] = {}  # the views built so far, by key
        self._pages: dict[str, int] = {}
        for key, label in PAGES:
            item = QListWidgetItem(self.tr(label))
            if key is None:
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                item.setToolTip(self.tr("今後の版で追加"))
            else:
                item.setData(KEY_ROLE, key)
                self._pages[key] = self.stack.addWidget(QWidget())  # the view replaces it when built
            self.nav.addItem(item)
        self.nav.currentItemChanged.connect(self._on_nav)
        # Ctrl+1 … Ctrl+6 switch screens from the keyboard (the navigation list takes no focus).
        for n, key in enumerate([k for k, _ in PAGES if k is not None], start=1):
            QShortcut(QKeySequence(f"Ctrl+{n}"), self, activated=lambda key=key: self.show_view(key))

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        brand = self.brand = QLabel(self.tr("カスタマイズ抑制\n事務局ツール"))
        brand.setObjectName("brand")
        self._fold_side(False)
        side = QVBoxLayout()
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(0)
        side.addWidget(brand)
        side.addWidget(self.nav, 1)
        row.addLayout(side)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._build_menus()
        self.rate_label = QLabel()
        self.rate_label.setObjectName("gapRateStatus")
        self.count_label = QLabel()
        self.count_label.setObjectName("functionCountStatus")
        for label in (self.count_label, self.rate_label):
            label.setStyleSheet("padding: 0 10px;")
        self.statusBar().addPermanentWidget(self.count_label)
        self.statusBar().addPermanentWidget(self.rate_label)
        from .database_menu import DatabaseMenu  # shared mode, backups, handover, other users' changes

        self.database_menu = DatabaseMenu(self, self.file_menu, before=self.import_action)

        runner.changed.connect(self.on_changed)
        # The function list first: its tree's counts are the status bar's (read once, not twice).
        self.show_view(VIEW_FUNCTIONS)
        self._refresh_title()
        self._refresh_status()
        self.refresh_undo()
        restore_main_geometry(self, settings)

    NARROW_WINDOW = 1360  # below this width (the 1280×720 laptop, a window not maximized) the side folds

    def _fold_side(self, narrow: bool) -> None:
        """The navigation column at 168 px, or (narrow) just as wide as its longest text, so that the
        views get the room: 40 px more for the function list's 機能名 at 1280×720."""
        if narrow == self._side_narrow:
            return
        self._side_narrow = narrow
        pad = 8 if narrow else 14
        self.nav.setStyleSheet(
            "QListWidget#navigation { background: #1f3a5f; color: #ffffff; border: none; padding-top: 8px; }"
            f"QListWidget#navigation::item {{ padding: 9px {pad}px; border-radius: 4px; margin: 0 {pad // 2 + 2}px; }}"
            "QListWidget#navigation::item:selected { background: #ffffff; color: #1f3a5f; font-weight: bold; }"
            "QListWidget#navigation::item:disabled { color: #8ea3bf; }"
        )
        self.brand.setStyleSheet("QLabel#brand { background: #1f3a5f; color: #ffffff; font-weight: bold;"
                                 f" padding: 16px {pad + 2}px 10px {pad + 2}px; border-bottom: 1px solid #3d5a80; }}")
        width = 168
        if narrow:
            bold = QFont(self.nav.font())
            bold.setBold(True)
            fm = QFontMetrics(bold)
            texts = [self.nav.item(r).text() for r in range(self.nav.count())]
            texts += self.brand.text().splitlines()
            width = min(168, max(fm.horizontalAdvance(t) for t in texts) + 2 * pad + pad + 14)
        self.nav.setFixedWidth(width)
        self.brand.setFixedWidth(width)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._fold_side(self.width() < self.NARROW_WINDOW)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        save_main_geometry(self, self.settings)
        super().closeEvent(event)

    def _build_menus(self) -> None:
        file_menu = self.file_menu = self.menuBar().addMenu(self.tr("ファイル(&F)"))
        self.new_action = QAction(self.tr("新しい協議会…"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_consortium)
        file_menu.addAction(self.new_action)
        self.open_action = QAction(self.tr("開く…"), self)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.choose_database)
        file_menu.addAction(self.open_action)
        from .file_menu_extras import FileMenuExtras  # 最近使ったファイル, コピーを保存, バックアップ

        self.file_extras = FileMenuExtras(self, file_menu)
        file_menu.addSeparator()
        self.import_action = QAction(self.tr("機能一覧を取り込む…"), self)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(self.import_functions)
        file_menu.addAction(self.import_action)
        self.add_system_action = QAction(self.tr("業務を追加…"), self)
        self.add_system_action.triggered.connect(self.add_business_system)
        file_menu.addAction(self.add_system_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("終了"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        edit_menu = self.menuBar().addMenu(self.tr("編集(&E)"))
        self.undo_action = QAction(self.tr("元に戻す"), self)
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.undo_action.triggered.connect(self.undo)
        edit_menu.addAction(self.undo_action)
        self.redo_action = QAction(self.tr("やり直し"), self)
        self.redo_action.setShortcut(QKeySequence("Ctrl+Y"))
        self.redo_action.triggered.connect(self.redo)
        edit_menu.addAction(self.redo_action)
        request_menu = self.menuBar().addMenu(self.tr("要望(&R)"))
        for text, slot in ((self.tr("新しい要望…"), lambda: self._on_requests(self.requests.new_item)),
                           (self.tr("要望様式を書き出す…"), lambda: self._on_requests(self.requests.export_templates)),
                           (self.tr("要望を取り込む…"), lambda: self._on_requests(self.requests.import_requests))):
            action = QAction(text, self)
            action.triggered.connect(slot)
            request_menu.addAction(action)
        tools_menu = self.menuBar().addMenu(self.tr("ツール(&T)"))
        self.settings_action = QAction(self.tr("設定…"), self)
        self.settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        self.settings_action.triggered.connect(self.edit_settings)
        tools_menu.addAction(self.settings_action)
        self.consortium_settings_action = QAction(self.tr("協議会の設定（会長・事務局の連絡先）…"), self)
        self.consortium_settings_action.triggered.connect(self.edit_consortium_settings)
        tools_menu.addAction(self.consortium_settings_action)
        help_menu = self.menuBar().addMenu(self.tr("ヘルプ(&H)"))
        self.guide_action = QAction(self.tr("使い方ガイド"), self)
        self.guide_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.guide_action.triggered.connect(self.show_guide)
        help_menu.addAction(self.guide_action)
        about = QAction(self.tr("バージョン情報"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    # --- views ------------------------------------------------------------------------

    def view(self, key: str) -> QWidget:
        """The view for a key, built and filled on first use."""
        built = self._views.get(key)
        if built is not None:
            return built
        if key not in self._pages:
            raise ValueError(f"unknown view: {key}")
        module_name, class_name = VIEW_CLASSES[key]
        module = import_module(f"{__package__}.views.{module_name}")
        built = getattr(module, class_name)(self.runner)
        if hasattr(built, "status_message"):
            built.status_message.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        if hasattr(built, "first_step"):  # the dashboard's 「はじめに」 links
            built.first_step.connect(self.take_first_step)
        index = self._pages[key]
        showing = self.stack.currentIndex() == index
        placeholder = self.stack.widget(index)
        self.stack.insertWidget(index, built)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        if showing:
            self.stack.setCurrentIndex(index)
        self._views[key] = built
        built.refresh()
        return built

    def built_views(self) -> list[QWidget]:
        """The views built so far, in navigation order (only they follow changes; the rest
        read everything when built)."""
        return [self._views[key] for key, _ in PAGES if key in self._views]

    dashboard = property(lambda self: self.view(VIEW_DASHBOARD))
    functions = property(lambda self: self.view(VIEW_FUNCTIONS))
    members = property(lambda self: self.view(VIEW_MEMBERS))
    requests = property(lambda self: self.view(VIEW_REQUESTS))
    comparison = property(lambda self: self.view(VIEW_COMPARISON))
    meetings = property(lambda self: self.view(VIEW_MEETINGS))
    reports = property(lambda self: self.view(VIEW_REPORTS))

    # --- navigation -------------------------------------------------------------------

    def show_view(self, key: str) -> None:
        """Show a view by key ('dashboard', 'functions', 'members', …), building it if new."""
        self.view(key)
        for row in range(self.nav.count()):
            if self.nav.item(row).data(KEY_ROLE) == key:
                self.nav.setCurrentRow(row)
        self.stack.setCurrentIndex(self._pages[key])

    def current_view(self) -> str:
        for key, index in self._pages.items():
            if index == self.stack.currentIndex():
                return key
        return ""

    def _on_nav(self, item: QListWidgetItem | None, _previous) -> None:
        key = item.data(KEY_ROLE) if item is not None else None
        if key in self._pages:
            self.view(key)
            self.stack.setCurrentIndex(self._pages[key])

    # --- data -------------------------------------------------------------------------

    def reload(self) -> None:
        """Read everything afresh (after a change to the consortium)."""
        self._refresh_title()
        for view in self.built_views():
            view.refresh()
        self._refresh_status()
        self.refresh_undo()

    def _refresh_title(self) -> None:
        info = self.runner.read(get_consortium)
        title = f"cloudsuppress — {info.name}" if info else "cloudsuppress"
        self.setWindowTitle(title + self.database_menu.title_suffix())

    def on_changed(self, changes: Changes) -> None:
        if changes.consortium:
            self.reload()
            return
        for view in self.built_views():
            view.on_changed(changes)
        if changes.functions:
            self._refresh_status()
        self.refresh_undo()

    def _refresh_status(self) -> None:
        functions = self._views.get(VIEW_FUNCTIONS)
        # The function list's tree holds the consortium's counts, read by its refresh, which runs before
        # this one after every change: not a second grouping of every function (~0.1 s at 100,000).
        st = functions.consortium_stats() if functions is not None else self.runner.read(fit_stats)
        self.rate_label.setText(gap_rate_text(st))
        self.count_label.setText(self.tr("機能 {0} 件").format(f"{st.total:,}"))

    # --- database files ---------------------------------------------------------------

    def database_path(self) -> Path | None:
        """The file of the open database."""
        return self.runner.db.path

    def switch_database(self, db: Database) -> None:
        """Show another (already open) database; close the one shown until now."""
        previous = self.runner.replace_database(db)  # broadcasts: every view reloads
        # Ids of another file mean other things: a selected 業務 must not carry over.
        if VIEW_FUNCTIONS in self._views:
            self._views[VIEW_FUNCTIONS].select_tree_node("all", None)
        if previous is not db:  # its backup at close and the log's truncation: off the UI thread
            self.runner.call_in_worker(previous.close, parent=self, label=self.tr("前のデータベースを閉じています…"))
        if self.settings is not None and db.path is not None:
            remember_database(self.settings, db.path)
        if db.path is not None:
            self.statusBar().showMessage(self.tr("開きました: {0}").format(db.path), 10_000)
        self.database_menu.database_switched(db)
        self.reload()  # the title shows the file or 「共有モード」

    def open_database_file(self, path: Path) -> bool:
        """Open a database file and switch to it; on refusal say why and keep the current one."""
        path = Path(path)
        current = self.database_path()
        if current is not None and path.resolve() == current.resolve() and not self.runner.db.read_only:
            return True  # (opened read-only: opening it again takes the writer lock once it is free)
        from .database_menu import open_file_for_gui

        if not path.is_file():
            QMessageBox.warning(self, self.tr("データベースを開けません"),
                                self.tr("データベースファイルが見つかりません: {0}").format(path))
            return False
        try:  # for writing; read-only when the file cannot be written or (asked) another process writes it
            db = open_file_for_gui(path, self, interactive=self.settings is not None)
            if db is None:
                return False
        except DatabaseCorruptError as error:  # offer the newest sound backup, then open that
            from .database_menu import offer_restore

            restored = offer_restore(error, self)
            return restored is not None and self.open_database_file(restored)
        except DomainError as error:
            QMessageBox.warning(self, self.tr("データベースを開けません"), str(error))
            return False
        try:
            self.switch_database(db)
        except DomainError as error:  # the runner is busy with another action
            db.close()
            QMessageBox.warning(self, self.tr("データベースを開けません"), str(error))
            return False
        return True

    def choose_database(self) -> bool:
        """ファイル > 開く…: ask for a database file and open it."""
        from .file_dialogs import KIND_DATABASES, open_file_name

        path = open_file_name(self, self.tr("協議会データベースを開く"), kind=KIND_DATABASES,
                              file_filter=self.tr(OPEN_FILTER))
        if path is None:
            return False
        return self.open_database_file(path)

    def new_consortium(self) -> bool:
        """ファイル > 新しい協議会…: create a consortium in a new file and switch to it."""
        from .dialogs.new_consortium_dialog import NewConsortiumDialog

        dialog = NewConsortiumDialog(self)
        dialog.exec()
        if dialog.database is None:
            return False
        try:
            self.switch_database(dialog.database)
        except DomainError as error:
            dialog.database.close()
            QMessageBox.warning(self, self.tr("協議会を開けません"), str(error))
            return False
        return True

    # --- undo -------------------------------------------------------------------------

    def refresh_undo(self) -> None:
        """Menu texts from the core's undo status: 「元に戻す: 要望 R-0001 を検討中に変更」."""
        st = self.runner.read(undo_status)
        self.undo_action.setEnabled(st.can_undo)
        self.undo_action.setText(self.tr("元に戻す: {0}").format(st.undo_label) if st.can_undo else self.tr("元に戻す"))
        self.redo_action.setEnabled(st.can_redo)
        self.redo_action.setText(self.tr("やり直し: {0}").format(st.redo_label) if st.can_redo else self.tr("やり直し"))

    def undo(self) -> None:
        """Take back the newest action (the broadcast refreshes every view and this menu)."""
        label = self.runner.read(undo_status).undo_label
        if undo_ops.undo(self, self.runner) is not None and label:
            self.statusBar().showMessage(self.tr("元に戻しました: {0}").format(label), 10_000)

    def redo(self) -> None:
        label = self.runner.read(undo_status).redo_label
        if undo_ops.redo(self, self.runner) is not None and label:
            self.statusBar().showMessage(self.tr("やり直しました: {0}").format(label), 10_000)

    def _on_requests(self, action) -> None:
        self.show_view(VIEW_REQUESTS)
        action()

    # --- actions ----------------------------------------------------------------------

    def take_first_step(self, step: str) -> None:
        """A 「はじめに」 link of the dashboard: the screen or dialog where that step is done."""
        if step == "add_system":
            self.add_business_system()
        elif step == "import":
            self.import_functions()
        else:  # "members", "requests"
            self.show_view(VIEW_MEMBERS if step == "members" else VIEW_REQUESTS)

    def import_functions(self) -> None:
        from .dialogs.import_functions_dialog import ImportFunctionsDialog

        dialog = ImportFunctionsDialog(self.runner, self)
        if dialog.choose_file():
            dialog.exec()
        if dialog.applied is not None:
            self.statusBar().showMessage(dialog.applied, 10_000)

    def add_business_system(self) -> str | None:
        """ファイル > 業務を追加…: shown in the function browser, where the new 業務 appears."""
        self.show_view("functions")
        return self.functions.add_business_system()

    def edit_settings(self) -> bool:
        """ツール > 設定…: store the preferences; redraw dates, say when a restart is needed."""
        from cloudsuppress.ops.costs import get_cost_rule

        from .dialogs.settings_dialog import SettingsDialog

        rule = self.runner.read(lambda s: get_cost_rule(s).describe())
        dialog = SettingsDialog(self.settings if self.settings is not None else app_settings(), self, cost_rule=rule)
        if not dialog.exec():
            return False
        self.reload()  # dates on screen follow the new style
        if dialog.language_changed():
            self.switch_language(dialog.preferences().language)
        else:
            self.statusBar().showMessage(self.tr("設定を保存しました。"), 10_000)
        return True

    def edit_consortium_settings(self) -> bool:
        """ツール > 協議会の設定…: the 会長 and the secretariat's contact printed on notices."""
        from .dialogs.consortium_settings_dialog import ConsortiumSettingsDialog

        if self.runner.read(get_consortium) is None:
            return False
        dialog = ConsortiumSettingsDialog(self.runner, self)
        if not dialog.exec():
            return False
        self.statusBar().showMessage(self.tr("協議会の設定を保存しました。"), 10_000)
        return True

    def switch_language(self, language: str) -> MainWindow:
        """Show the window in another language at once: Qt translates a text when its widget is
        built, so a new window is built on the same database (same view, size and place) and
        this one closes. ``replaced`` tells main.py which window is now the application's."""
        from .i18n import install_translators

        install_translators(language)
        replacement = MainWindow(self.runner, settings=self.settings)
        replacement.database_menu.take_over(self.database_menu)
        replacement.setWindowState(self.windowState())  # maximized or not, as this one
        replacement.setMinimumSize(self.minimumSize().boundedTo(self.size()))
        replacement.setGeometry(self.geometry())
        replacement.show_view(self.current_view() or VIEW_FUNCTIONS)
        self.runner.changed.disconnect(self.on_changed)
        if self.isVisible():
            replacement.show()
        self.replaced.emit(replacement)
        replacement.statusBar().showMessage(QCoreApplication.translate("MainWindow", "表示言語を切り替えました。"), 10_000)
        self.close()
        self.deleteLater()
        return replacement

    def show_guide(self) -> None:
        """ヘルプ > 使い方ガイド: docs/guide.md, with its screenshots, in a window of its own."""
        from .dialogs.guide_dialog import GuideDialog

        if getattr(self, "_guide", None) is None:
            self._guide = GuideDialog(self)
        self._guide.show()
        self._guide.raise_()

    def show_about(self) -> None:
        from cloudsuppress import __version__

        QMessageBox.about(
            self, self.tr("バージョン情報"),
            self.tr("<h3>cloudsuppress {0}</h3>"
                    "<p>自治体クラウド協議会のカスタマイズ抑制を支える事務局向けツール</p>"
                    "<p>フォント: BIZ UDゴシック（SIL Open Font License 1.1）</p>"
                    "<p>Qt {1}</p>").format(__version__, qVersion()),
        )

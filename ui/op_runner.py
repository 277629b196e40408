"""OpRunner: the one door for every change the UI makes (like Anki's CollectionOp).

Contract: a widget hands ``run`` a function ``op(session) -> Changes``. The runner opens a
session and one transaction (the scope of the button push), runs the op, commits, and emits
``changed`` exactly once with what the op reports; views decide for themselves whether to
refresh. A ``DomainError`` rolls the transaction back and is shown to the user as it is
(Japanese); ``run`` then returns None and emits nothing. A busy SQLite file (another
connection held it past the 10 s busy timeout; nothing was written) offers もう一度試す. ``read`` runs a read-only function
in a session and returns its plain-data result (frozen dataclasses, never ORM objects).
Widgets never open sessions themselves.

Long work (imports, reading a large spreadsheet) goes through ``call_in_worker``: the
function runs on a QThread while a local event loop keeps the window painting; a busy
QProgressDialog appears only if the work takes longer than half a second. The call still
reads like ordinary sequential code: it returns the result or re-raises the error.

``replace_database`` points the runner at another database (File > 開く… / 新しい協議会…) and
broadcasts ``EVERYTHING``, so each view reloads; the caller closes the database it gets back.

Several users (shared mode): a ``ConcurrentEditError`` is not just shown, it opens the
conflict dialog. When the user re-applies there and it succeeds, ``run`` returns those
changes as if the first attempt had worked; when the user reloads, ``conflict_reloaded``
(the error) is emitted first, so an editor can drop what it was holding, then ``EVERYTHING``.
``own_action_ids`` collects the audit actions this runner committed, so that the change
watcher can tell this window's changes from other users'.

The runner imports no dialog module: the dialogs it opens (the conflict dialog, the list of an
import's issues) come in as a ``RunnerDialogs`` where the runner is built (main.py passes
``ui.dialogs.runner_dialogs.APP_DIALOGS``). A runner built without them shows a conflict or an
import's issues as a plain message, as it shows any other refusal.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Literal, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from cloudsuppress.changes import Changes
from cloudsuppress.errors import ConcurrentEditError, DomainError, ImportValidationError
from cloudsuppress.store.connection import Database, DatabaseBusyError, Session

T = TypeVar("T")
PROGRESS_DELAY_MS = 500
# The open file is made whole (its write-ahead log copied back) this long after the last commit,
# so that a copy of the .sqlite file alone taken at a quiet moment holds everything (checkpoint.py).
IDLE_CHECKPOINT_SECONDS = 1.5
# Broadcast when another database is opened: every view must forget what it shows.
EVERYTHING = Changes(**{f.name: True for f in fields(Changes)})


class _WorkerThread(QThread):
    """Runs one function and keeps its result or exception for the main thread."""

    def __init__(self, fn: Callable[[], object], parent: QObject | None = None):
        super().__init__(parent)
        self._fn = fn
        self.result: object = None
        self.error: BaseException | None = None

    def run(self) -> None:  # noqa: D401 - QThread API
        try:
            self.result = self._fn()
        except BaseException as exc:  # handed to the main thread, re-raised there
            self.error = exc


def whole_file_when_idle(db: Database) -> None:
    """Checkpoint the SQLite log once the app has been quiet for IDLE_CHECKPOINT_SECONDS (not on a server)."""
    checkpointer = getattr(db, "checkpointer", None)
    if checkpointer is not None:
        checkpointer.idle_delay = IDLE_CHECKPOINT_SECONDS


class Cancelled(DomainError):
    """The user pressed 中止 while a cancellable read ran; nothing was changed (never shown as an error)."""

    def __init__(self) -> None:
        super().__init__(QCoreApplication.translate("OpRunner", "中止しました。"))


_abandoned: set[QThread] = set()  # cancelled reads still finishing in the background


def run_in_worker(fn: Callable[[], T], *, parent: QWidget | None, label: str, cancellable: bool = False) -> T:
    """Run ``fn`` on a worker thread while a local event loop keeps every window painted and
    timers turning; return its result or re-raise its error (for callers without a runner:
    the first-run wizard, the start-up). User input is held back meanwhile; a busy progress
    dialog (with ``label``) and the wait cursor show when the work lasts longer than
    ``PROGRESS_DELAY_MS``. ``fn`` must not touch widgets, and opens its own sessions.

    ``cancellable`` (only for work that changes nothing: reading a file): the dialog has a 中止
    button; pressing it raises ``Cancelled`` at once and the read finishes unseen in the background.
    """
    thread = _WorkerThread(fn)
    loop = QEventLoop()
    thread.finished.connect(loop.quit)
    progress = QProgressDialog(label, QCoreApplication.translate("OpRunner", "中止"), 0, 0, parent)
    if not cancellable:
        progress.setCancelButton(None)
    progress.setWindowTitle(QCoreApplication.translate("OpRunner", "お待ちください"))
    # As narrow as its label, the window manager cut the title (with the app's name Qt adds) to
    # 「お待ちく… 局ツール」: wide enough for the whole title, its icon and the title bar's buttons.
    title = progress.windowTitle()
    shown = QGuiApplication.applicationDisplayName()
    if shown and shown not in title:
        title = f"{title} — {shown}"
    progress.setMinimumWidth(progress.fontMetrics().horizontalAdvance(title) + 120)
    progress.setWindowModality(Qt.WindowModality.WindowModal if parent is not None else Qt.WindowModality.ApplicationModal)
    progress.setMinimumDuration(PROGRESS_DELAY_MS if not cancellable else 24 * 3600 * 1000)
    progress.setAutoClose(False)
    progress.setAutoReset(False)
    progress.setValue(0)
    progress.canceled.connect(loop.quit)
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        thread.start()
        if not thread.isFinished():
            if cancellable:
                # Input held back until the dialog shows; then only the (application-modal) dialog takes it.
                timer = QTimer()
                timer.setSingleShot(True)
                timer.timeout.connect(loop.quit)
                timer.start(PROGRESS_DELAY_MS)
                loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
                timer.stop()
                if not thread.isFinished():
                    progress.setWindowModality(Qt.WindowModality.ApplicationModal)
                    progress.show()
                    loop.exec()
            else:
                loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        if progress.wasCanceled() and not thread.isFinished():
            _abandoned.add(thread)
            thread.finished.connect(lambda: _abandoned.discard(thread))
            raise Cancelled()
        thread.wait()
    finally:
        QGuiApplication.restoreOverrideCursor()
        progress.close()
        progress.deleteLater()
    if thread.error is not None:
        raise thread.error
    return thread.result  # type: ignore[return-value]


@dataclass(frozen=True)
class ConflictChoice:
    """What the user chose in the conflict dialog: re-applied their values (``changes``: what that
    saved, not broadcast yet), reloaded the record (``latest``: the newest conflict shown), or
    neither (``action`` None: cancelled, nothing happens)."""

    action: Literal["reapplied", "reloaded"] | None
    changes: Changes | None = None
    latest: ConcurrentEditError | None = None


def _plain_conflict(runner: OpRunner, error: ConcurrentEditError, parent: QWidget | None) -> ConflictChoice:
    QMessageBox.warning(parent, QCoreApplication.translate("OpRunner", "操作できません"), str(error))
    return ConflictChoice(None)


def _plain_import_issues(error: ImportValidationError, parent: QWidget | None) -> None:
    QMessageBox.warning(parent, QCoreApplication.translate("OpRunner", "操作できません"), str(error))


@dataclass(frozen=True)
class RunnerDialogs:
    """The dialogs a runner opens, handed in where it is built (the runner imports no dialog).

    ``resolve_conflict(runner, error, parent)`` lets the user settle a ``ConcurrentEditError``
    (it may re-apply through ``runner.attempt``); ``show_import_issues(error, parent)`` lists a
    refused import's issues. The defaults show the error's message, as for any refusal.
    """

    resolve_conflict: Callable[[OpRunner, ConcurrentEditError, QWidget | None], ConflictChoice] = _plain_conflict
    show_import_issues: Callable[[ImportValidationError, QWidget | None], None] = _plain_import_issues


class OpRunner(QObject):
    """Runs operations on the database for the UI and broadcasts what they changed."""

    changed = Signal(object)  # Changes
    conflict_reloaded = Signal(object)  # ConcurrentEditError whose record the user chose to reload

    def __init__(self, db: Database, parent: QObject | None = None, *, dialogs: RunnerDialogs | None = None):
        super().__init__(parent)
        self.db = db
        self.dialogs = dialogs if dialogs is not None else RunnerDialogs()
        whole_file_when_idle(db)
        self._busy = False
        self.own_action_ids: set[int] = set()

    @property
    def busy(self) -> bool:
        """True while a long operation runs on the worker thread."""
        return self._busy

    # --- reading ----------------------------------------------------------------------

    def read(self, fn: Callable[[Session], T]) -> T:
        """Run a read-only function in its own session and return its (plain) result."""
        with self.db.session() as s:
            return fn(s)

    def read_in_worker(self, fn: Callable[[Session], T], *, parent: QWidget | None, label: str | None = None) -> T:
        """A read that can take long (every row of 30,000 functions): in its own session on the
        worker thread, the window painted meanwhile; a plain ``read`` when a worker already runs, or
        while ``parent`` is not on screen yet (a window being built runs no nested event loop: start-up
        stays as fast as before, and no queued event is handled half-way through a constructor)."""
        if self._busy or parent is None or not parent.isVisible():
            return self.read(fn)
        return self.call_in_worker(lambda: self.read(fn), parent=parent, label=label or self.tr("読み込んでいます…"))

    def replace_database(self, db: Database) -> Database:
        """Switch to another open database, broadcast EVERYTHING, and return the previous one."""
        if self._busy:
            raise DomainError(self.tr("別の処理を実行中です。終わってからもう一度操作してください。"))
        previous, self.db = self.db, db
        whole_file_when_idle(db)
        self.changed.emit(EVERYTHING)
        return previous

    # --- changing ---------------------------------------------------------------------

    def run(
        self,
        op: Callable[[Session], Changes],
        *,
        parent: QWidget | None,
        background: bool = False,
        label: str | None = None,
    ) -> Changes | None:
        """Run ``op`` in one transaction; show a refusal, or broadcast the changes once."""

        def transaction() -> Changes:
            return self.attempt(op)

        try:
            if background:
                changes = self.call_in_worker(transaction, parent=parent, label=label)
            else:
                changes = transaction()
        except ConcurrentEditError as error:
            changes = self.resolve_conflict(error, parent=parent)
            if changes is None:
                return None
        except DatabaseBusyError as error:  # SQLite waited its 10 s: nothing was written, offer to try again
            if self.ask_retry(error, parent=parent):
                return self.run(op, parent=parent, background=background, label=label)
            return None
        except DomainError as error:
            self.show_error(error, parent=parent)
            return None
        if changes is None:
            changes = Changes()
        if changes.any:
            self.changed.emit(changes)
        return changes

    def attempt(self, op: Callable[[Session], Changes]) -> Changes:
        """Run ``op`` in one transaction and return its changes; errors propagate, nothing is broadcast.

        For dialogs that handle a refusal themselves (the conflict dialog's 「重ねて保存」).
        """
        with self.db.session() as s, s.begin():
            changes = op(s)
            # The audit actions this transaction wrote (ours, not another user's).
            self.own_action_ids.update(s.info.get("audit_action_ids") or ())
            return changes

    def resolve_conflict(self, error: ConcurrentEditError, *, parent: QWidget | None) -> Changes | None:
        """Show the conflict dialog; the re-applied changes (not yet broadcast), or None."""
        choice = self.dialogs.resolve_conflict(self, error, parent)
        if choice.action == "reapplied":
            return choice.changes if choice.changes is not None else Changes()
        if choice.action == "reloaded":
            self.conflict_reloaded.emit(choice.latest if choice.latest is not None else error)
            self.changed.emit(EVERYTHING)
        return None

    def call_in_worker(self, fn: Callable[[], T], *, parent: QWidget | None, label: str | None = None,
                       cancellable: bool = False) -> T:
        """Run ``fn`` on a worker thread, keeping the UI painted; return its result or re-raise.

        User input is held back meanwhile (the work is one user action); a progress dialog
        shows only when the work lasts longer than ``PROGRESS_DELAY_MS``.
        """
        if self._busy:  # never nest: a second import while one runs would interleave writes
            raise DomainError(self.tr("別の処理を実行中です。終わってからもう一度操作してください。"))
        self._busy = True
        try:
            return run_in_worker(fn, parent=parent, label=label or self.tr("処理しています…"), cancellable=cancellable)
        finally:
            self._busy = False

    # --- errors -----------------------------------------------------------------------

    def ask_retry(self, error: DomainError, *, parent: QWidget | None) -> bool:
        """The database was busy: say so, and let the user try the same action again."""
        from .message_text import short_lines

        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("データベースが使用中です"), short_lines(str(error)),
                          parent=parent)
        box.setStyleSheet("QLabel#qt_msgbox_label { min-width: 460px; }")
        again = box.addButton(self.tr("もう一度試す"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("キャンセル"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(again)
        box.exec()
        return box.clickedButton() is again

    def show_error(self, error: DomainError, *, parent: QWidget | None) -> None:
        """Show a refused operation: an import's issue list, or the message as it is (a read the
        user cancelled is no refusal: nothing is shown)."""
        if isinstance(error, Cancelled):
            return
        if isinstance(error, ConcurrentEditError):
            changes = self.resolve_conflict(error, parent=parent)
            if changes is not None and changes.any:
                self.changed.emit(changes)
            return
        if isinstance(error, ImportValidationError):
            self.dialogs.show_import_issues(error, parent)
            return
        QMessageBox.warning(parent, self.tr("操作できません"), str(error))

"""ChangeWatcher: notices what other users committed to the shared database, and has the views refresh.

Contract: every ``interval_ms`` a QTimer reads the core's change marker
(``sync.last_change_marker``: two index-only aggregates and one row, through ``runner.read``).
When it moved, the actions since the last marker are compared with the ones this window's
runner committed itself (``runner.own_action_ids``); if any is someone else's, the watcher
broadcasts ``EVERYTHING`` through the runner (each view reloads) and emits ``foreign_changes``
with (id, user, label, at) of those actions, for the status bar. It skips a tick while the
runner is busy or a modal prompt (message box, file dialog, progress, conflict dialog) is
open, so nothing reloads under an operation. A switched database resets the marker silently.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox, QProgressDialog

from cloudsuppress.store.sync import changes_since, last_change_marker

from .op_runner import EVERYTHING, OpRunner

DEFAULT_INTERVAL_MS = 4000


class ChangeWatcher(QObject):
    """Polls the change marker; see the module docstring."""

    foreign_changes = Signal(list)  # [(id, user, label, at), ...]

    def __init__(self, runner: OpRunner, parent: QObject | None = None, *, interval_ms: int = DEFAULT_INTERVAL_MS):
        super().__init__(parent)
        self.runner = runner
        self._db = None
        self._marker = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)

    def start(self) -> None:
        self.reset()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def reset(self) -> None:
        """Take the database as it is now as seen (at start, and after switching databases)."""
        self._db = self.runner.db
        try:
            self._marker = self.runner.read(last_change_marker)
        except Exception:  # noqa: BLE001 - a server gone away: try again at the next tick
            self._marker = None

    def _blocked(self) -> bool:
        if self.runner.busy:
            return True
        from .dialogs.conflict_dialog import ConflictDialog

        modal = QApplication.activeModalWidget()
        return isinstance(modal, (QMessageBox, QFileDialog, QInputDialog, QProgressDialog, ConflictDialog))

    def poll(self) -> bool:
        """One tick; True when other users' changes were found and broadcast."""
        if self._blocked():
            return False
        if self.runner.db is not self._db or self._marker is None:
            self.reset()
            return False
        try:
            marker = self.runner.read(last_change_marker)
        except Exception:  # noqa: BLE001 - the server is unreachable for a moment: keep the old marker
            return False
        if marker == self._marker:
            return False
        old, self._marker = self._marker, marker
        actions = self.runner.read(lambda s: changes_since(s, old))
        own = self.runner.own_action_ids
        foreign = [a for a in actions if a[0] not in own]
        ours = len(actions) - len(foreign)
        if not foreign and marker.count - old.count <= ours:
            return False  # only this window's own changes, already broadcast by the runner
        self.runner.changed.emit(EVERYTHING)
        self.foreign_changes.emit(foreign)
        return True

"""元に戻す / やり直し: the core's undo stack (the menu texts come from ``ops.undo.undo_status``)."""
from __future__ import annotations

from PySide6.QtWidgets import QWidget

from cloudsuppress.changes import Changes
from cloudsuppress.ops import undo as undo_ops

from ..op_runner import OpRunner


def undo(parent: QWidget | None, runner: OpRunner) -> Changes | None:
    """Take back the newest action (on a shared database: the user's own)."""
    return runner.run(lambda s: undo_ops.undo(s), parent=parent)


def redo(parent: QWidget | None, runner: OpRunner) -> Changes | None:
    """Replay the action undone most recently."""
    return runner.run(lambda s: undo_ops.redo(s), parent=parent)

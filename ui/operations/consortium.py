"""The consortium itself: its officers and contact (協議会の設定), and a handover file taken in whole."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from cloudsuppress.changes import Changes
from cloudsuppress.ops import consortium as consortium_ops
from cloudsuppress.ops.consortium import ConsortiumSettings
from cloudsuppress.store import handover
from cloudsuppress.store.connection import Session

from ..op_runner import EVERYTHING, OpRunner


def update_consortium_settings(parent: QWidget | None, runner: OpRunner, *,
                               settings: ConsortiumSettings) -> Changes | None:
    """Store the consortium's officers and contact (every invalid field named in the refusal)."""
    return runner.run(lambda s: consortium_ops.update_consortium_settings(s, settings=settings), parent=parent)


def import_handover(parent: QWidget | None, runner: OpRunner, *, path: Path, label: str) -> Changes | None:
    """Load a verified handover file into the runner's empty database, in the background; every
    view reloads (``EVERYTHING``). The caller cleans up a database it made for this when refused."""

    def op(s: Session) -> Changes:
        handover.import_handover(s, path)
        return EVERYTHING

    return runner.run(op, parent=parent, background=True, label=label)

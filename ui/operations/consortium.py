"""The consortium itself: its officers and contact (協議会の設定), and a handover file taken in whole."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from cloudsuppress.changes import Changes
from cloudsuppress.errors import DomainError
from cloudsuppress.ops import consortium as consortium_ops
from cloudsuppress.ops.consortium import ConsortiumSettings
from cloudsuppress.store import handover
from cloudsuppress.store.connection import Session, open_database

from ..op_runner import EVERYTHING, OpRunner


def update_consortium_settings(parent: QWidget | None, runner: OpRunner, *,
                               settings: ConsortiumSettings) -> Changes | None:
    """Store the consortium's officers and contact (every invalid field named in the refusal)."""
    return runner.run(lambda s: consortium_ops.update_consortium_settings(s, settings=settings), parent=parent)


def import_handover(parent: QWidget | None, runner: OpRunner, *, path: Path, label: str) -> Changes | None:
    """Load a verified handover file into the runner's empty database, in the background; every
    view reloads (``EVERYTHING``)."""

    def op(s: Session) -> Changes:
        handover.import_handover(s, path)
        return EVERYTHING

    return runner.run(op, parent=parent, background=True, label=label)


def import_handover_into_new_file(parent: QWidget | None, runner: OpRunner, *, path: Path, target: Path,
                                  label: str) -> handover.ImportedHandover | None:
    """Create ``target`` and load the handover file into it, in the background, through the core's
    ``import_handover_into`` (the CLI's ``handover import`` calls it too: a half-made file is removed
    there). The new database is the caller's to switch to; None when refused (the user was told)."""
    from ..settings import backup_policy

    policy = backup_policy()
    try:
        return runner.call_in_worker(
            lambda: handover.import_handover_into(path, target, open_target=lambda t: open_database(t, backup_policy=policy)),
            parent=parent, label=label)
    except DomainError as error:
        runner.show_error(error, parent=parent)
        return None

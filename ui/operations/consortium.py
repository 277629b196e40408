"""The consortium itself: its officers and contact (協議会の設定)."""
from __future__ import annotations

from PySide6.QtWidgets import QWidget

from cloudsuppress.changes import Changes
from cloudsuppress.ops import consortium as consortium_ops
from cloudsuppress.ops.consortium import ConsortiumSettings

from ..op_runner import OpRunner


def update_consortium_settings(parent: QWidget | None, runner: OpRunner, *,
                               settings: ConsortiumSettings) -> Changes | None:
    """Store the consortium's officers and contact (every invalid field named in the refusal)."""
    return runner.run(lambda s: consortium_ops.update_consortium_settings(s, settings=settings), parent=parent)

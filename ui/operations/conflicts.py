"""Another user saved first (shared mode): the conflict dialog's 「自分の変更を重ねて保存」."""
from __future__ import annotations

from cloudsuppress.changes import Changes
from cloudsuppress.errors import ConcurrentEditError
from cloudsuppress.ops import concurrency as concurrency_ops

from ..op_runner import OpRunner


def reapply_mine(runner: OpRunner, *, error: ConcurrentEditError, seen_version: int | None) -> Changes:
    """Save the refused values again on top of the version the dialog showed. Unlike the other
    operations the refusal is raised, not shown (``runner.attempt``): the dialog shows a newer
    ``ConcurrentEditError`` in place; nothing is broadcast (the runner does it after the dialog)."""
    return runner.attempt(lambda s: concurrency_ops.reapply(s, error, seen_version=seen_version))

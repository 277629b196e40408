"""Functions (機能一覧): importing a function list."""
from __future__ import annotations

from PySide6.QtWidgets import QWidget

from cloudsuppress.changes import Changes
from cloudsuppress.ops.function_import import FunctionImportPlan, apply_function_import

from ..op_runner import OpRunner


def import_functions(parent: QWidget | None, runner: OpRunner, *, plan: FunctionImportPlan,
                     label: str) -> Changes | None:
    """Apply a previewed function-list import as one action, in the background."""
    return runner.run(lambda s: apply_function_import(s, plan), parent=parent, background=True, label=label)

"""The dialogs the OpRunner opens, as the ``RunnerDialogs`` it is built with (ui/op_runner.py
imports no dialog module; main.py and the other places that build a runner for the app pass
``APP_DIALOGS``).

``resolve_conflict`` opens the ConflictDialog over a ``ConcurrentEditError`` and reports the
user's choice; ``show_import_issues`` lists a refused import's issues in the ImportIssuesDialog.
"""
from __future__ import annotations

from PySide6.QtWidgets import QWidget

from cloudsuppress.errors import ConcurrentEditError, ImportValidationError

from ..op_runner import ConflictChoice, OpRunner, RunnerDialogs
from .conflict_dialog import ConflictDialog
from .import_issues_dialog import ImportIssuesDialog


def resolve_conflict(runner: OpRunner, error: ConcurrentEditError, parent: QWidget | None) -> ConflictChoice:
    """Show both versions; the user's choice (re-applied changes are not broadcast yet)."""
    dialog = ConflictDialog(runner, error, parent)
    dialog.exec()
    choice, changes, latest = dialog.choice, dialog.changes, dialog.error
    dialog.deleteLater()
    if choice == ConflictDialog.REAPPLIED:
        return ConflictChoice("reapplied", changes=changes)
    if choice == ConflictDialog.RELOADED:
        return ConflictChoice("reloaded", latest=latest)
    return ConflictChoice(None)


def show_import_issues(error: ImportValidationError, parent: QWidget | None) -> None:
    """Every issue of a refused import, copyable; nothing was written."""
    ImportIssuesDialog(error, parent).exec()


APP_DIALOGS = RunnerDialogs(resolve_conflict=resolve_conflict, show_import_issues=show_import_issues)

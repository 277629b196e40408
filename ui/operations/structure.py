"""The consortium's structure: 業務 (business systems, under 専門部会)."""
from __future__ import annotations

from PySide6.QtWidgets import QWidget

from cloudsuppress.changes import Changes
from cloudsuppress.ops import business_systems as system_ops
from cloudsuppress.ops import consortium as consortium_ops

from ..op_runner import OpRunner


def add_business_system(parent: QWidget | None, runner: OpRunner, *, name: str, subcommittee: str,
                        code: str | None, working_group: str | None, new_subcommittee: bool) -> Changes | None:
    """Add a 業務 under a 専門部会 (a new one too, when ``new_subcommittee``)."""
    return runner.run(lambda s: consortium_ops.add_business_system(
        s, name=name, subcommittee=subcommittee, code=code, working_group=working_group,
        new_subcommittee=new_subcommittee), parent=parent)


def rename_business_system(parent: QWidget | None, runner: OpRunner, *, system_id: int,
                           name: str) -> Changes | None:
    """Rename a 業務 (its functions, requests and meetings follow it)."""
    return runner.run(lambda s: system_ops.rename_business_system(s, system_id=system_id, name=name), parent=parent)


def remove_business_system(parent: QWidget | None, runner: OpRunner, *, system_id: int) -> Changes | None:
    """Remove a 業務 added by mistake (refused while anything refers to it)."""
    return runner.run(lambda s: system_ops.remove_business_system(s, system_id=system_id), parent=parent)


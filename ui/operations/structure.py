"""The consortium's structure: 業務 (business systems, under 専門部会)."""
from __future__ import annotations

from PySide6.QtWidgets import QWidget

from cloudsuppress.changes import Changes
from cloudsuppress.domain.vocab import normalize_text
from cloudsuppress.ops import business_systems as system_ops
from cloudsuppress.ops import consortium as consortium_ops

from ..op_runner import OpRunner


def add_business_system(parent: QWidget | None, runner: OpRunner, *, name: str, subcommittee: str,
                        code: str | None, working_group: str | None, new_subcommittee: bool,
                        distinct: bool = False) -> Changes | None:
    """Add a 業務 under a 専門部会 (a new one too, when ``new_subcommittee``); ``distinct``: although its
    name is a synonym of a registered 業務 (the user said it is another one)."""
    return runner.run(lambda s: consortium_ops.add_business_system(
        s, name=name, subcommittee=subcommittee, code=code, working_group=working_group,
        new_subcommittee=new_subcommittee, distinct=distinct), parent=parent)


def read_as(runner: OpRunner, name: str) -> tuple[str, bool] | None:
    """The registered 業務 a new name would be read as, and whether only its spelling differs (or None)."""
    return runner.read(lambda s: system_ops.read_as(s, normalize_text(name)))


def rename_business_system(parent: QWidget | None, runner: OpRunner, *, system_id: int,
                           name: str) -> Changes | None:
    """Rename a 業務 (its functions, requests and meetings follow it)."""
    return runner.run(lambda s: system_ops.rename_business_system(s, system_id=system_id, name=name), parent=parent)


def remove_business_system(parent: QWidget | None, runner: OpRunner, *, system_id: int) -> Changes | None:
    """Remove a 業務 added by mistake (refused while anything refers to it)."""
    return runner.run(lambda s: system_ops.remove_business_system(s, system_id=system_id), parent=parent)


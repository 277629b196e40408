"""Members (構成団体): add, correct, remove, import a member list, and a late joiner's acceptances."""
from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from cloudsuppress.changes import Changes
from cloudsuppress.importers.members import MemberRecord
from cloudsuppress.ops import late_joiners as late_joiner_ops
from cloudsuppress.ops import members as member_ops
from cloudsuppress.store.connection import Session

from ..op_runner import OpRunner


def add_member(parent: QWidget | None, runner: OpRunner, *, name: str, population: int,
               joined_on: dt.date | None) -> Changes | None:
    """Add one member."""
    return runner.run(lambda s: member_ops.add_member(s, name=name, population=population, joined_on=joined_on),
                      parent=parent)


def update_member(parent: QWidget | None, runner: OpRunner, *, member_id: int, name: str, population: int,
                  joined_on: dt.date | None, expected_version: int) -> Changes | None:
    """Save a member's name, population and join date against the version the form showed."""
    return runner.run(lambda s: member_ops.update_member(s, member_id=member_id, name=name, population=population,
                                                         joined_on=joined_on, expected_version=expected_version),
                      parent=parent)


def remove_member(parent: QWidget | None, runner: OpRunner, *, member_id: int,
                  expected_version: int) -> Changes | None:
    """Remove a member registered by mistake (the core refuses one that anything refers to)."""
    return runner.run(lambda s: member_ops.remove_member(s, member_id=member_id, expected_version=expected_version),
                      parent=parent)


def import_members(parent: QWidget | None, runner: OpRunner, *, records: list[MemberRecord],
                   label: str) -> tuple[int, int] | None:
    """Import a member list whole or not at all, in the background; (added, updated), or None."""
    counts: list[int] = []

    def op(s: Session) -> Changes:
        added, updated, changes = member_ops.import_members(s, records)
        counts[:] = [added, updated]
        return changes

    if runner.run(op, parent=parent, background=True, label=label) is None:
        return None
    return counts[0], counts[1]


def accept_decisions(parent: QWidget | None, runner: OpRunner, *, member_id: int, accepted_on: dt.date,
                     item_ids: list[int], notes: str) -> Changes | None:
    """後乗り: record that the member accepted these prior decisions on ``accepted_on``."""
    return runner.run(lambda s: late_joiner_ops.accept_decisions(s, member_id=member_id, accepted_on=accepted_on,
                                                                 item_ids=item_ids, notes=notes),
                      parent=parent)


def join_customization(parent: QWidget | None, runner: OpRunner, *, item_id: int, member_id: int, content: str,
                       reason: str, service_drop: bool | None, service_drop_detail: str,
                       finance: tuple[dt.date, str], mayor: tuple[dt.date, str], on: dt.date,
                       annual_cases: int | None) -> Changes | None:
    """後乗り: the member joins a customization decided before it joined, with its own approvals."""
    return runner.run(lambda s: late_joiner_ops.join_customization(
        s, item_id=item_id, member_id=member_id, content=content, reason=reason, service_drop=service_drop,
        service_drop_detail=service_drop_detail, finance=finance, mayor=mayor, on=on, annual_cases=annual_cases),
        parent=parent)

"""Requests (要望): moving items through the workflow, one member's hearings, approvals and
withdrawal, and importing filled-in request workbooks."""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from PySide6.QtWidgets import QWidget

from cloudsuppress.changes import Changes
from cloudsuppress.domain.workflow import Status
from cloudsuppress.importers.requests import RequestRecord
from cloudsuppress.ops import requests as request_ops
from cloudsuppress.ops import selection as selection_ops
from cloudsuppress.ops.inputs import ItemFields, MemberPart
from cloudsuppress.ops.request_import import apply_request_import, plan_request_import
from cloudsuppress.store.connection import Session

from ..op_runner import OpRunner


def save_item(parent: QWidget | None, runner: OpRunner, *, item_id: int | None, item: ItemFields,
              parts: Sequence[MemberPart], key: str | None = None, allow_duplicate: bool = False,
              expected_version: int | None = None, part_versions: Mapping[int, int] | None = None) -> Changes | None:
    """The item editor's whole edit as one action (``item_id`` None creates the item: the changes
    carry its ``id`` and ``key``), against the versions the editor showed."""
    return runner.run(lambda s: request_ops.save_item(
        s, item_id=item_id, item=item, parts=parts, key=key, allow_duplicate=allow_duplicate,
        expected_version=expected_version, part_versions=part_versions), parent=parent)


def move_item(parent: QWidget | None, runner: OpRunner, *, item_id: int, to: Status, reason: str | None,
              meeting_id: int | None) -> Changes | None:
    """Move one item to another status (the core's workflow judges the move)."""
    return runner.run(lambda s: request_ops.move_item(s, item_id=item_id, to=to, reason=reason,
                                                      meeting_id=meeting_id), parent=parent)


def move_items(parent: QWidget | None, runner: OpRunner, *, item_ids: Sequence[int], to: Status,
               reason: str | None) -> Changes | None:
    """Move every selected item with one reason, as one action (one refusal refuses them all)."""
    return runner.run(lambda s: selection_ops.move_items(s, item_ids=item_ids, to=to, reason=reason), parent=parent)


def record_hearing(parent: QWidget | None, runner: OpRunner, *, item_id: int, member_id: int, held_on: dt.date,
                   confirmed: str, confirmed_cases: int | None) -> Changes | None:
    """Record a hearing (ヒアリング記録) with one member about its request."""
    return runner.run(lambda s: request_ops.record_hearing(s, item_id=item_id, member_id=member_id, held_on=held_on,
                                                           confirmed=confirmed, confirmed_cases=confirmed_cases),
                      parent=parent)


def delete_hearing(parent: QWidget | None, runner: OpRunner, *, hearing_id: int) -> Changes | None:
    """Delete a hearing note recorded by mistake."""
    return runner.run(lambda s: request_ops.delete_hearing(s, hearing_id=hearing_id), parent=parent)


def record_approval(parent: QWidget | None, runner: OpRunner, *, item_id: int, member_id: int, stage: str,
                    approved_on: dt.date, reference: str | None) -> Changes | None:
    """Record (or correct) a member's 財政課協議 ('finance') or 首長決裁 ('mayor')."""
    return runner.run(lambda s: request_ops.record_approval(s, item_id=item_id, member_id=member_id, stage=stage,
                                                            approved_on=approved_on, reference=reference),
                      parent=parent)


def delete_approval(parent: QWidget | None, runner: OpRunner, *, item_id: int, member_id: int,
                    stage: str) -> Changes | None:
    """Delete a member's 財政課協議 or 首長決裁 recorded by mistake."""
    return runner.run(lambda s: request_ops.delete_approval(s, item_id=item_id, member_id=member_id, stage=stage),
                      parent=parent)


def withdraw_member(parent: QWidget | None, runner: OpRunner, *, item_id: int, member_id: int,
                    reason: str) -> Changes | None:
    """Withdraw one member's part (the item is withdrawn when no member remains)."""
    return runner.run(lambda s: request_ops.withdraw_member(s, item_id=item_id, member_id=member_id, reason=reason),
                      parent=parent)


def import_requests(parent: QWidget | None, runner: OpRunner, *, records: list[RequestRecord],
                    label: str) -> Changes | None:
    """Import the records of filled-in request workbooks as one action, in the background (planned
    again inside this transaction: the preview's plan was read in another session)."""

    def op(s: Session) -> Changes:
        return apply_request_import(s, plan_request_import(s, records))

    return runner.run(op, parent=parent, background=True, label=label)

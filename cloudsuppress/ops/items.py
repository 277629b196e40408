"""Reading one request item and the 部会 decision it may be waiting on: shared by the request
operations and the cost split (which the request operations use in turn), so neither imports the
other for them.
"""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.models import AgendaEntry, Meeting, RequestItem, StatusChange
from ..domain.vocab import CUSTOMIZED_PENDING
from ..domain.workflow import Status
from ..errors import DomainError
from .meeting_label import meeting_label


def get_item(s: Session, item_id: int) -> RequestItem:
    """The item's ORM row (inside the session only), or DomainError."""
    item = s.get(RequestItem, item_id)
    if item is None:
        raise DomainError(f"要望項目（id {item_id}）が見つかりません。")
    return item


def pending_decision(s: Session, item: RequestItem) -> tuple[Meeting, AgendaEntry] | None:
    """The meeting whose カスタマイズ decision in principle the item (still 検討中) awaits: the item's
    latest discussed agenda entry, when it says 'customized_pending'; None otherwise (a later meeting
    carried it over or decided otherwise, the item is not 検討中, or it was confirmed and reopened since)."""
    if item.status != Status.UNDER_REVIEW.value:
        return None
    row = s.execute(select(AgendaEntry, Meeting).join(Meeting, Meeting.id == AgendaEntry.meeting_id)
                    .where(AgendaEntry.item_id == item.id, AgendaEntry.outcome.is_not(None))
                    .order_by(Meeting.held_on.desc(), Meeting.id.desc(), AgendaEntry.id.desc()).limit(1)).first()
    if row is None or row[0].outcome != CUSTOMIZED_PENDING:
        return None
    confirmed = s.get(StatusChange, row[0].status_change_id) if row[0].status_change_id else None
    if confirmed is not None and confirmed.to_status == Status.CUSTOMIZED.value:
        return None  # confirmed once and reopened since: a new decision is the 部会's, not an approval's
    return row[1], row[0]


def pending_decisions(s: Session, item_ids: list[int]) -> dict[int, str]:
    """For each item awaiting its approvals (``pending_decision``), the label of the meeting that decided it."""
    out = {}
    for item in (s.scalars(select(RequestItem).where(RequestItem.id.in_(item_ids))) if item_ids else ()):
        if (pending := pending_decision(s, item)) is not None:
            out[item.id] = meeting_label(pending[0])
    return out

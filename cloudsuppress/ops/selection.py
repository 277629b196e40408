"""Operations on several request items at once (the lists' multi-select and context menu).

Each is one user action: one audit action, so one undo step. Every item is checked before any
is changed; when one is refused the error names it (「要望 R-0007: …」) and says that none of the
selection was changed (the caller's transaction rolls back as for any refused op).
"""
from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from ..changes import Changes
from ..domain import audit
from ..domain.workflow import Status, WorkflowError, check_move, parse_status
from ..errors import DomainError
from . import meetings as meeting_ops
from . import requests as request_ops

_NOTHING_CHANGED = "選んだ {n} 件はどれも変更していません。"


def _keys_text(keys: Sequence[str], limit: int = 5) -> str:
    shown = "、".join(keys[:limit])
    return shown + (f" ほか {len(keys) - limit} 件" if len(keys) > limit else "")


def _unique(item_ids: Sequence[int]) -> list[int]:
    ids = list(dict.fromkeys(item_ids))
    if not ids:
        raise DomainError("要望を選んでください。")
    return ids


def move_items(s: Session, *, item_ids: Sequence[int], to: Status | str, reason: str | None,
               meeting_id: int | None = None, by: str | None = None) -> Changes:
    """Move every selected item to ``to`` with one reason, as one action; the workflow judges each
    item (outside a meeting, its table as it is) and one refusal refuses the whole selection."""
    ids = _unique(item_ids)
    target = parse_status(to)
    items = [request_ops.get_item(s, i) for i in ids]
    for item in items:
        try:
            check_move(item.status, target, reason=reason, facts=request_ops.item_facts(s, item))
        except WorkflowError as exc:
            raise WorkflowError(f"要望 {item.key}: {exc}" + _NOTHING_CHANGED.format(n=len(ids))) from None
    keys = [i.key for i in items]
    with audit.action(s, f"要望 {len(ids)} 件（{_keys_text(keys)}）を{target.label}に変更", by=by):
        for item in items:
            request_ops.move_item(s, item_id=item.id, to=target, reason=reason, meeting_id=meeting_id, by=by)
    return request_ops.CHANGED


def add_agenda_items(s: Session, *, meeting_id: int, item_ids: Sequence[int], by: str | None = None) -> Changes:
    """Put every selected item at the end of a meeting's agenda, in the order given, as one action;
    an item already on it refuses the selection (named)."""
    ids = _unique(item_ids)
    m = meeting_ops.get_meeting(s, meeting_id)
    label = meeting_ops.meeting_label(m)
    items = [request_ops.get_item(s, i) for i in ids]
    present = {e.item_id for e in meeting_ops._entries(s, meeting_id)}
    for item in items:
        if item.id in present:
            raise DomainError(f"要望 {item.key} はすでに「{label}」の議題にあります。" + _NOTHING_CHANGED.format(n=len(ids)))
    with audit.action(s, f"「{label}」の議題に要望 {len(ids)} 件（{_keys_text([i.key for i in items])}）を追加", by=by):
        for item in items:
            meeting_ops.add_agenda_item(s, meeting_id=meeting_id, item_id=item.id, by=by)
    return meeting_ops.CHANGED

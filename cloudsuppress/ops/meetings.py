"""Meetings (協議会 / 部会 / 分科会): create one, record who attended, build and order its agenda,
and record what the meeting made of each item (measure 4 of the Toyama approach).

A decision moves the item through ``ops.requests.move_item`` with the meeting as its
reference, so the workflow's rules and refusals apply unchanged. Every operation takes a
Session (the caller owns the transaction), opens one audit action and returns Changes.
Reading lives in ``meeting_queries``.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session, aliased

from ..changes import Changes, ChangesWithId
from ..domain import audit
from ..domain.models import (
    AgendaEntry,
    BusinessSystem,
    Function,
    Meeting,
    MeetingAttendee,
    Member,
    RequestItem,
    StatusChange,
    Subcommittee,
)
from ..domain.vocab import (
    ATTENDEE_ROLE_LABELS,
    ATTENDEE_ROLES,
    CUSTOMIZED_PENDING,
    OUTCOME_LABELS,
    OUTCOMES,
    is_continued,
    parse_meeting_kind,
)
from ..domain.workflow import (
    DECISIONS,
    OPEN,
    PENDING_LABEL,
    Status,
    approvals_complete,
    check_meeting_decision,
    check_pending_customization,
    meeting_steps,
    parse_status,
)
from ..errors import DomainError
from ..store.locks import lock_numbering
from ..unset import UNSET, Unset
from . import requests as request_ops
from .business_systems import match_business_system
from .inputs import NUMBER_PROBLEM, meeting_problems

# Re-exported (``X as X``): the meetings' own API, defined where the request operations can use them.
from .inputs import MeetingFields as MeetingFields  # what update_meeting takes
from .inputs import parse_time as parse_time  # re-exported: the meetings' own API (the CLI's --time)
from .meeting_held import check_meeting_held, check_new_date
from .meeting_label import meeting_label as meeting_label
from .meeting_label import title_number as title_number
from .requests import confirm_pending as confirm_pending
from .requests import pending_decision as pending_decision
from .requests import pending_decisions as pending_decisions

CHANGED = Changes(meetings=True, history=True)
DECIDED = Changes(meetings=True, requests=True, history=True)
_FINAL = frozenset(st.value for st in DECISIONS)


@dataclass(frozen=True)
class AgendaChanges(Changes):
    """Changes plus how many items building the agenda added."""

    added: int = 0


def _now() -> dt.datetime:
    return dt.datetime.now()  # full precision (see models._now)


# --- look-ups ---------------------------------------------------------------------------------


def get_meeting(s: Session, meeting_id: int) -> Meeting:
    """The meeting's ORM row (inside the session only), or DomainError."""
    meeting = s.get(Meeting, meeting_id)
    if meeting is None:
        raise DomainError(f"会議（id {meeting_id}）が見つかりません。")
    return meeting


def resolve_subcommittee(s: Session, name: str) -> int:
    """The id of a subcommittee given its name (住民業務 or 住民業務部会)."""
    text = name.strip()
    for candidate in (text, text.removesuffix("部会"), text.removesuffix("専門部会")):
        sid = s.scalar(select(Subcommittee.id).where(Subcommittee.name == candidate))
        if sid is not None:
            return sid
    names = "、".join(s.scalars(select(Subcommittee.name).order_by(Subcommittee.sort_order)))
    raise DomainError(f"専門部会「{name}」はありません（{names or '専門部会が未登録'}）。")


def resolve_business_system(s: Session, name: str) -> int:
    """The id of a business system given its name, spelled as the function import and ``functions list``
    take it (住民記録 = 住基 = 住民基本台帳, full/half width: ``match_business_system``)."""
    bid = match_business_system(s, name)
    if bid is None:
        raise DomainError(f"業務「{name}」はありません（structure list で登録済みの業務を確かめてください）。")
    return bid


def _entry(s: Session, meeting_id: int, item_id: int) -> AgendaEntry | None:
    return s.scalar(select(AgendaEntry).where(AgendaEntry.meeting_id == meeting_id, AgendaEntry.item_id == item_id))


def _require_entry(s: Session, meeting: Meeting, item: RequestItem) -> AgendaEntry:
    entry = _entry(s, meeting.id, item.id)
    if entry is None:
        raise DomainError(f"要望 {item.key} は「{meeting_label(meeting)}」の議題にありません。先に議題に追加してください。")
    return entry


def _entries(s: Session, meeting_id: int) -> list[AgendaEntry]:
    return list(s.scalars(select(AgendaEntry).where(AgendaEntry.meeting_id == meeting_id)
                          .order_by(AgendaEntry.position, AgendaEntry.id)))


# --- meetings ---------------------------------------------------------------------------------


def _check_meeting(s: Session, values: MeetingFields, *, edited: MeetingFields | None = None) -> None:
    """Refuse a meeting as it would be saved: ``meeting_problems`` joined, then the bodies it names, then 第N回.

    For an edit (``edited``: the fields given), a time problem on a field it leaves alone is not its own:
    a meeting stored with an end time only (before that was refused) keeps taking its notes."""
    problems = meeting_problems(values)
    if edited is not None and "start_time" in problems and not {"start_time", "end_time"} & edited.given().keys():
        del problems["start_time"]
    number = problems.pop("number", None)
    if problems:
        raise DomainError("。".join(problems.values()) + "。")
    subcommittee_id = None if values.subcommittee_id is UNSET else values.subcommittee_id
    business_system_id = None if values.business_system_id is UNSET else values.business_system_id
    if subcommittee_id is not None and s.get(Subcommittee, subcommittee_id) is None:
        raise DomainError(f"専門部会（id {subcommittee_id}）が見つかりません。")
    if business_system_id is not None:
        system = s.get(BusinessSystem, business_system_id)
        if system is None:
            raise DomainError(f"業務（id {business_system_id}）が見つかりません。")
        if subcommittee_id is not None and system.subcommittee_id != subcommittee_id:
            raise DomainError(f"業務「{system.name}」はこの専門部会に属していません。")
    if number is not None:
        raise DomainError(number + "。")


def create_meeting(
    s: Session, *, kind: str, title: str, held_on: dt.date, subcommittee_id: int | None = None,
    business_system_id: int | None = None, number: int | None = None, start_time: str | None = None,
    end_time: str | None = None, place: str | None = None, by: str | None = None,
) -> ChangesWithId:
    """Create a meeting; ``number`` (第N回) defaults to the next one of the same kind and body."""
    kind = parse_meeting_kind(kind) or kind
    if business_system_id is not None and subcommittee_id is None:  # a 分科会 named by its 業務: that 業務's 部会
        system = s.get(BusinessSystem, business_system_id)
        subcommittee_id = system.subcommittee_id if system else None
    _check_meeting(s, MeetingFields(kind=kind, title=title, held_on=held_on, subcommittee_id=subcommittee_id,
                                    business_system_id=business_system_id, start_time=start_time, end_time=end_time))
    start_time, end_time = parse_time(start_time), parse_time(end_time)
    if number is None:
        number = title_number(title)  # --title 第3回… is meeting number 3
    if number is None:
        lock_numbering(s, "meeting_number")  # parallel users: never two 第7回
        number = (s.scalar(select(func.max(Meeting.number)).where(
            Meeting.kind == kind, Meeting.subcommittee_id.is_(None) if subcommittee_id is None
            else Meeting.subcommittee_id == subcommittee_id,
            Meeting.business_system_id.is_(None) if business_system_id is None
            else Meeting.business_system_id == business_system_id)) or 0) + 1
    elif number < 1:
        raise DomainError(NUMBER_PROBLEM + "。")
    now = _now()
    meeting = Meeting(kind=kind, subcommittee_id=subcommittee_id, business_system_id=business_system_id, number=number,
                      title=title.strip(), held_on=held_on, start_time=start_time, end_time=end_time,
                      place=(place or "").strip() or None, created_at=now, updated_at=now)
    with audit.action(s, f"会議「{meeting_label(meeting)}」を登録", by=by):
        s.add(meeting)
        s.flush()
    return ChangesWithId(meetings=True, history=True, id=meeting.id)


def _cleaned(fields: MeetingFields, *, times: bool = True) -> MeetingFields:
    """The fields as stored: the kind's label read, times as 'HH:MM' (unless ``times`` is False: as typed, for
    ``meeting_problems`` to read), texts stripped (an empty one None, an empty title '' so that it is refused)."""
    values: dict[str, Any] = fields.given()
    if "kind" in values:
        values["kind"] = parse_meeting_kind(str(values["kind"])) or values["kind"]
    for key in ("start_time", "end_time") if times else ():
        if key in values:
            values[key] = parse_time(values[key])
    for key in ("title", "place", "notes", "next_meeting"):
        if isinstance(values.get(key), str):
            values[key] = values[key].strip() or (None if key != "title" else "")
    return replace(fields, **values)


def update_meeting(s: Session, *, meeting_id: int, fields: MeetingFields, by: str | None = None) -> Changes:
    """Change a meeting's fields (title, held_on, times, place, notes, next_meeting, ...); UNSET ones stay."""
    m = get_meeting(s, meeting_id)
    _check_meeting(s, _cleaned(fields, times=False).over(MeetingFields.of(m)), edited=fields)
    edit = _cleaned(fields)
    changed = {k: v for k, v in edit.given().items() if getattr(m, k) != v}
    if not changed:
        return Changes()
    if isinstance(changed.get("held_on"), dt.date):
        check_new_date(m, changed["held_on"], recorded=any(e.outcome for e in _entries(s, meeting_id)))
    with audit.action(s, f"会議「{meeting_label(m)}」を編集", by=by):
        for k, v in changed.items():
            setattr(m, k, v)
        m.updated_at = _now()
        s.flush()
    return CHANGED


def delete_meeting(s: Session, *, meeting_id: int, by: str | None = None) -> Changes:
    """Delete a meeting with its attendees and agenda; refused once a status change refers to it."""
    m = get_meeting(s, meeting_id)
    used = s.scalars(select(RequestItem.key).join(StatusChange, StatusChange.item_id == RequestItem.id)
                     .where(StatusChange.meeting_id == meeting_id).distinct()).all()
    if used:
        raise DomainError(f"「{meeting_label(m)}」で決定した要望（{'、'.join(sorted(used))}）があるため、会議を削除できません。")
    with audit.action(s, f"会議「{meeting_label(m)}」を削除", by=by):
        for row in [*_entries(s, meeting_id),
                    *s.scalars(select(MeetingAttendee).where(MeetingAttendee.meeting_id == meeting_id))]:
            s.delete(row)
        s.flush()
        s.delete(m)
        s.flush()
    return CHANGED


# --- attendees --------------------------------------------------------------------------------


def add_attendee(s: Session, *, meeting_id: int, role: str, name: str, member_id: int | None = None,
                 organization: str | None = None, title: str | None = None, by: str | None = None) -> ChangesWithId:
    """Record an attendee: a member's staff (role 'member' with member_id), the vendor or the secretariat."""
    m = get_meeting(s, meeting_id)
    if role not in ATTENDEE_ROLES:
        raise DomainError(f"出席者の区分「{role}」はありません（" + "、".join(ATTENDEE_ROLE_LABELS.values()) + "）。")
    if not (name or "").strip():
        raise DomainError("出席者の氏名を入力してください。")
    if role == "member":
        if member_id is None:
            raise DomainError("構成団体の出席者には団体を指定してください。")
        if s.get(Member, member_id) is None:
            raise DomainError(f"団体（id {member_id}）が見つかりません。")
    elif member_id is not None:
        raise DomainError("ベンダー・事務局の出席者には団体を指定しません。")
    order = (s.scalar(select(func.max(MeetingAttendee.sort_order)).where(MeetingAttendee.meeting_id == meeting_id)) or 0) + 1
    row = MeetingAttendee(meeting_id=meeting_id, role=role, member_id=member_id, name=name.strip(),
                          organization=(organization or "").strip() or None,
                          title=(title or "").strip() or None, sort_order=order)
    with audit.action(s, f"「{meeting_label(m)}」の出席者に{row.name}を追加", by=by):
        s.add(row)
        s.flush()
    return ChangesWithId(meetings=True, history=True, id=row.id)


def remove_attendee(s: Session, *, attendee_id: int, by: str | None = None) -> Changes:
    """Remove an attendee."""
    row = s.get(MeetingAttendee, attendee_id)
    if row is None:
        raise DomainError(f"出席者（id {attendee_id}）が見つかりません。")
    m = get_meeting(s, row.meeting_id)
    with audit.action(s, f"「{meeting_label(m)}」の出席者から{row.name}を削除", by=by):
        s.delete(row)
        s.flush()
    return CHANGED


# --- agenda -----------------------------------------------------------------------------------


def _scope_items(s: Session, m: Meeting) -> list[int]:
    """Open items in the meeting's scope (its business system, else its subcommittee, else all),
    in subcommittee → business system → 要望番号 order."""
    fs, os_ = aliased(BusinessSystem), aliased(BusinessSystem)
    q = (
        select(RequestItem.id, fs.id, os_.id, fs.subcommittee_id, os_.subcommittee_id, fs.sort_order, os_.sort_order,
               RequestItem.key)
        .outerjoin(Function, Function.id == RequestItem.function_id)
        .outerjoin(fs, fs.id == Function.business_system_id)
        .outerjoin(os_, os_.id == RequestItem.business_system_id)
        .where(RequestItem.status.in_([st.value for st in OPEN]))
    )
    sub_order = dict(s.execute(select(Subcommittee.id, Subcommittee.sort_order)).all())
    out = []
    for item_id, fsid, osid, fsub, osub, fsort, osort, key in s.execute(q):
        system, sub, sort = (fsid, fsub, fsort) if fsid is not None else (osid, osub, osort)
        if m.business_system_id is not None and system != m.business_system_id:
            continue
        if m.subcommittee_id is not None and sub != m.subcommittee_id:
            continue
        out.append((sub_order.get(sub, 1 << 30), sort if sort is not None else 1 << 30, key, item_id))
    return [t[-1] for t in sorted(out)]


def _same_body(m: Meeting) -> tuple[ColumnElement[bool], ...]:  # a where clause
    return (Meeting.kind == m.kind,
            Meeting.subcommittee_id.is_(None) if m.subcommittee_id is None else Meeting.subcommittee_id == m.subcommittee_id,
            Meeting.business_system_id.is_(None) if m.business_system_id is None
            else Meeting.business_system_id == m.business_system_id)


def carried_over(s: Session, m: Meeting) -> list[int]:
    """The open items the same body (部会, 分科会) carried over to this meeting: those whose latest
    agenda entry at an earlier meeting of that body says 継続審議 (or a decision that went only as far as
    検討中, which the minutes print as 継続審議), in that meeting's agenda order."""
    earlier = list(s.execute(
        select(Meeting.id, Meeting.held_on).where(*_same_body(m), Meeting.id != m.id,
                                                  (Meeting.held_on < m.held_on)
                                                  | ((Meeting.held_on == m.held_on) & (Meeting.id < m.id)))))
    if not earlier:
        return []
    when = {mid: (held, mid) for mid, held in earlier}
    latest: dict[int, tuple[tuple[tuple[dt.date, int], int], int, bool]] = {}  # item → ((when, position), position, continued)
    rows = s.execute(select(AgendaEntry.item_id, AgendaEntry.meeting_id, AgendaEntry.position, AgendaEntry.outcome,
                            AgendaEntry.decision_status)
                     .join(RequestItem, RequestItem.id == AgendaEntry.item_id)
                     .where(AgendaEntry.meeting_id.in_(list(when)), RequestItem.status.in_([st.value for st in OPEN])))
    for item_id, mid, position, outcome, decision in rows:
        key = (when[mid], position)
        if item_id not in latest or key[0] > latest[item_id][0][0]:
            latest[item_id] = (key, position, is_continued(outcome, decision))
    carried = [(k, item_id) for item_id, (k, _, continued) in latest.items() if continued]
    # the most recent meeting's carried items first, each in its agenda order
    carried.sort(key=lambda t: ((-t[0][0][0].toordinal(), -t[0][0][1]), t[0][1]))
    return [item_id for _, item_id in carried]


def build_agenda(s: Session, *, meeting_id: int, by: str | None = None) -> AgendaChanges:
    """Add every undecided item of the meeting's subcommittee (or business system) not yet on its
    agenda: the items the same body carried over (継続審議) first, at the head of the agenda, then
    the others at its end."""
    m = get_meeting(s, meeting_id)
    entries = _entries(s, meeting_id)
    present = {e.item_id for e in entries}
    first = [i for i in carried_over(s, m) if i not in present]
    rest = [i for i in _scope_items(s, m) if i not in present and i not in first]
    if not first and not rest:
        return AgendaChanges()
    with audit.action(s, f"「{meeting_label(m)}」の議題を作成（{len(first) + len(rest)} 件）", by=by):
        new = [AgendaEntry(meeting_id=meeting_id, item_id=i, position=0) for i in first]
        s.add_all(new)
        s.flush()
        _renumber(s, meeting_id, new + entries)
        last = len(new) + len(entries)
        for n, item_id in enumerate(rest, start=1):
            s.add(AgendaEntry(meeting_id=meeting_id, item_id=item_id, position=last + n))
        s.flush()
    return AgendaChanges(meetings=True, history=True, added=len(first) + len(rest))


def add_agenda_item(s: Session, *, meeting_id: int, item_id: int, by: str | None = None) -> Changes:
    """Put one item at the end of the agenda (any item, also a decided one being reviewed)."""
    m = get_meeting(s, meeting_id)
    item = request_ops.get_item(s, item_id)
    if _entry(s, meeting_id, item_id) is not None:
        raise DomainError(f"要望 {item.key} はすでに「{meeting_label(m)}」の議題にあります。")
    last = s.scalar(select(func.max(AgendaEntry.position)).where(AgendaEntry.meeting_id == meeting_id)) or 0
    with audit.action(s, f"「{meeting_label(m)}」の議題に要望 {item.key} を追加", by=by):
        s.add(AgendaEntry(meeting_id=meeting_id, item_id=item_id, position=last + 1))
        s.flush()
    return CHANGED


def remove_agenda_item(s: Session, *, meeting_id: int, item_id: int, by: str | None = None) -> Changes:
    """Take an item off the agenda; refused once the meeting decided it."""
    m = get_meeting(s, meeting_id)
    item = request_ops.get_item(s, item_id)
    entry = _require_entry(s, m, item)
    if entry.outcome == "decided":
        raise DomainError(f"要望 {item.key} は「{meeting_label(m)}」で決定済みのため、議題から外せません。")
    with audit.action(s, f"「{meeting_label(m)}」の議題から要望 {item.key} を削除", by=by):
        s.delete(entry)
        s.flush()
        _renumber(s, meeting_id)
    return CHANGED


def _renumber(s: Session, meeting_id: int, order: list[AgendaEntry] | None = None) -> None:
    for n, e in enumerate(order if order is not None else _entries(s, meeting_id), start=1):
        if e.position != n:
            e.position = n
    s.flush()


def move_agenda_item(s: Session, *, meeting_id: int, item_id: int, offset: int, by: str | None = None) -> Changes:
    """Move an agenda item up (offset -1) or down (+1) by ``offset`` places, clamped to the list."""
    m = get_meeting(s, meeting_id)
    item = request_ops.get_item(s, item_id)
    entry = _require_entry(s, m, item)
    order = _entries(s, meeting_id)
    old = order.index(entry)
    new = max(0, min(len(order) - 1, old + offset))
    if new == old:
        return Changes()
    order.insert(new, order.pop(old))
    word = "上" if new < old else "下"
    with audit.action(s, f"「{meeting_label(m)}」の議題で要望 {item.key} を{word}へ移動", by=by):
        _renumber(s, meeting_id, order)
    return CHANGED


def set_agenda_order(s: Session, *, meeting_id: int, item_ids: list[int], by: str | None = None) -> Changes:
    """Reorder the whole agenda (e.g. after drag and drop); ``item_ids`` must list every item on it once."""
    m = get_meeting(s, meeting_id)
    entries = {e.item_id: e for e in _entries(s, meeting_id)}
    if sorted(item_ids) != sorted(entries):
        raise DomainError("議題の並び順には、議題にあるすべての要望を一度ずつ指定してください。")
    if [e.item_id for e in _entries(s, meeting_id)] == list(item_ids):
        return Changes()
    with audit.action(s, f"「{meeting_label(m)}」の議題を並べ替え", by=by):
        _renumber(s, meeting_id, [entries[i] for i in item_ids])
    return CHANGED


# --- outcomes and notes -----------------------------------------------------------------------


def record_outcome(
    s: Session, *, meeting_id: int, item_id: int, outcome: str | None, decide: Status | str | None = None,
    reason: str | None = None, notes: str | None | Unset = UNSET, by: str | None = None,
) -> Changes:
    """Record what the meeting made of an agenda item (one audit action, one undo step).

    'decided' moves the item to ``decide`` with the meeting as its reference. The meeting is the
    部会's review, so an item still 要望 decided 標準化 or カスタマイズ実施 moves 要望 → 検討中 →
    the decision (two status changes); the guards of measure 3 apply unchanged and a refusal
    (WorkflowError) changes nothing. 'continued' (継続審議) moves an item still 要望 to 検討中 so
    the next meeting of the same body proposes it first; 'information' (報告) and None (未協議)
    leave the status alone. A decision to 標準化 / 取下げ / カスタマイズ実施, once recorded, is
    changed only by undo or by a new move of the item; recording 検討中 does not lock the entry.

    'customized_pending' (or 'decided' with ``decide='customized_pending'``) is カスタマイズ decided in
    principle, to be confirmed when the bearing members' 財政課協議 and 首長決裁 arrive: the item moves
    to 検討中 (from 要望) and stays there; the estimate is required (measure 3); the entry is locked like
    a decision; ``ops.requests.record_approval`` moves the item to カスタマイズ実施 when the last missing
    approval is recorded. When the approvals are already complete it is recorded as カスタマイズ実施.
    """
    outcome, decide = _parse_outcome(outcome, decide)
    m = get_meeting(s, meeting_id)
    if outcome is not None:  # back to 未協議 stays possible
        check_meeting_held(m)
    item = request_ops.get_item(s, item_id)
    entry = _require_entry(s, m, item)
    if outcome is None and notes is not UNSET and (str(notes or "").strip() or None) not in (None, entry.notes):
        check_meeting_held(m, what="協議内容")  # walk O5: no discussion of a meeting not held in its minutes
    plan = _plan_outcome(s, m, item, entry, outcome, decide, reason)
    with audit.action(s, plan.label, by=by):
        _apply_outcome(s, m, plan, reason, notes, by)
    return DECIDED if plan.moves else CHANGED


def record_outcomes(
    s: Session, *, meeting_id: int, item_ids: Sequence[int], outcome: str | None, decide: Status | str | None = None,
    reason: str | None = None, by: str | None = None,
) -> Changes:
    """Record the same outcome (and decision, with one reason) for several agenda items of the meeting, as
    ``record_outcome`` records one: every item is checked by the same rules before any is changed, then all
    are recorded in one audit action (one undo step). A refusal names the item (要望番号) and says that none
    of the selection was changed; the discussion notes of each item stay as they are."""
    ids = list(dict.fromkeys(item_ids))
    if not ids:
        raise DomainError("要望を選んでください。")
    outcome, decide = _parse_outcome(outcome, decide)
    m = get_meeting(s, meeting_id)
    if outcome is not None:
        check_meeting_held(m)
    unchanged = f"選んだ {len(ids)} 件はどれも変更していません。"
    plans: list[_OutcomePlan] = []
    for item_id in ids:
        item = request_ops.get_item(s, item_id)
        try:
            plans.append(_plan_outcome(s, m, item, _require_entry(s, m, item), outcome, decide, reason))
        except DomainError as exc:
            text = str(exc) if item.key in str(exc) else f"要望 {item.key}: {exc}"
            raise type(exc)(text + unchanged) from None
    if len(plans) == 1:
        label = plans[0].label
    else:
        keys = [p.item.key for p in plans]
        shown = "、".join(keys[:5]) + (f" ほか {len(keys) - 5} 件" if len(keys) > 5 else "")
        whats = {p.what for p in plans}  # 「を標準化と決定」 and the like
        what = whats.pop() if len(whats) == 1 else "の協議結果を記録"
        label = f"「{meeting_label(m)}」で要望 {len(plans)} 件（{shown}）{what}"
    with audit.action(s, label, by=by):
        for plan in plans:
            _apply_outcome(s, m, plan, reason, UNSET, by)
    return DECIDED if any(p.moves for p in plans) else CHANGED


@dataclass(frozen=True)
class _OutcomePlan:
    """What recording an outcome for one item will do, every rule already checked."""

    item: RequestItem
    entry: AgendaEntry
    outcome: str | None
    target: Status | None  # the decision recorded on the entry (カスタマイズ実施 for the pending one)
    steps: tuple[Status, ...]  # the status changes, in order
    label: str  # the audit action's words: 「第2回 住民業務部会」で要望 R-0001 を標準化と決定
    what: str  # its end after the 要望番号: を標準化と決定 (a bulk action's label says it once for all)

    @property
    def moves(self) -> bool:
        return bool(self.steps) or self.outcome == CUSTOMIZED_PENDING


def _parse_outcome(outcome: str | None, decide: Status | str | None) -> tuple[str | None, Status | str | None]:
    if decide is not None and not isinstance(decide, Status) and str(decide).strip() in (CUSTOMIZED_PENDING, PENDING_LABEL):
        outcome, decide = CUSTOMIZED_PENDING, None
    if outcome is not None and outcome not in OUTCOMES:
        raise DomainError(f"協議結果「{outcome}」はありません（" + "、".join(OUTCOME_LABELS.values()) + "）。")
    return outcome, decide


def _plan_outcome(s: Session, m: Meeting, item: RequestItem, entry: AgendaEntry, outcome: str | None,
                  decide: Status | str | None, reason: str | None) -> _OutcomePlan:
    """record_outcome's rules for one item (DomainError / WorkflowError naming it); nothing changed."""
    if (entry.outcome == "decided" and entry.decision_status in _FINAL) or entry.outcome == CUSTOMIZED_PENDING:
        decided_as = PENDING_LABEL if entry.outcome == CUSTOMIZED_PENDING else Status(entry.decision_status).label
        raise DomainError(
            f"要望 {item.key} は「{meeting_label(m)}」ですでに「{decided_as}」と決定しています。"
            "誤りであれば元に戻すで取り消すか、理由を記録して要望を「検討中」に戻してください。")
    current = parse_status(item.status)
    if outcome == CUSTOMIZED_PENDING:
        if decide is not None:
            raise DomainError("状態を変更するのは協議結果が「決定」のときだけです。")
        facts = request_ops.item_facts(s, item)
        if current in OPEN and approvals_complete(facts):
            outcome, decide = "decided", Status.CUSTOMIZED  # nothing to wait for: decided outright
        else:
            try:
                check_pending_customization(current, reason=reason, facts=facts)
            except DomainError as exc:
                raise type(exc)(f"要望 {item.key}: {exc}") from None
            return _OutcomePlan(item, entry, CUSTOMIZED_PENDING, Status.CUSTOMIZED,
                                (Status.UNDER_REVIEW,) if current == Status.REQUESTED else (),
                                *_words(m, item, "で", f"を{PENDING_LABEL}と決定"))
    if outcome == "decided":
        if decide is None:
            raise DomainError(f"要望 {item.key} の決定内容（変更後の状態）を選んでください。")
        target = parse_status(decide)
        try:
            check_meeting_decision(current, target, reason=reason, facts=request_ops.item_facts(s, item))
        except DomainError as exc:
            raise type(exc)(f"要望 {item.key}: {exc}") from None
        return _OutcomePlan(item, entry, outcome, target, meeting_steps(current, target),
                            *_words(m, item, "で", f"を{target.label}と決定"))
    if decide is not None:
        raise DomainError("状態を変更するのは協議結果が「決定」のときだけです。")
    steps = (Status.UNDER_REVIEW,) if outcome == "continued" and current == Status.REQUESTED else ()
    return _OutcomePlan(item, entry, outcome, None, steps,
                        *_words(m, item, "の", f"を{OUTCOME_LABELS.get(outcome or '', '未協議')}として記録"))


def _words(m: Meeting, item: RequestItem, particle: str, what: str) -> tuple[str, str]:
    """(label, what) of an outcome plan: 「第2回 住民業務部会」で要望 R-0001 を標準化と決定, and its end."""
    return f"「{meeting_label(m)}」{particle}要望 {item.key} {what}", what


def _apply_outcome(s: Session, m: Meeting, plan: _OutcomePlan, reason: str | None, notes: str | None | Unset,
                   by: str | None) -> None:
    """Carry out a checked plan inside the caller's audit action."""
    item, entry, outcome, target = plan.item, plan.entry, plan.outcome, plan.target
    for n, step in enumerate(plan.steps, start=1):
        why: str | None
        if outcome == CUSTOMIZED_PENDING:
            why = f"{meeting_label(m)}で協議（{PENDING_LABEL}）"
        elif n < len(plan.steps) or target is None:
            why = f"{meeting_label(m)}で協議" + ("（継続審議）" if outcome == "continued" else "")
        else:
            why = reason
        request_ops.move_item(s, item_id=item.id, to=step, reason=why, meeting_id=m.id, by=by)
    if target is not None:
        change_id = (s.scalar(select(func.max(StatusChange.id)).where(StatusChange.item_id == item.id))
                     if plan.steps else None)
        entry.decision_status, entry.decision_reason = target.value, (reason or "").strip() or None
        entry.status_change_id = change_id
    else:
        entry.decision_status = entry.decision_reason = entry.status_change_id = None
    entry.outcome = outcome
    if notes is not UNSET:
        entry.notes = (str(notes or "")).strip() or None
    s.flush()


def set_item_notes(s: Session, *, meeting_id: int, item_id: int, notes: str | None, by: str | None = None) -> Changes:
    """Record the discussion (協議内容) of one agenda item; refused at a meeting not held yet (clearing stays possible)."""
    m = get_meeting(s, meeting_id)
    item = request_ops.get_item(s, item_id)
    entry = _require_entry(s, m, item)
    value = (notes or "").strip() or None
    if entry.notes == value:
        return Changes()
    if value is not None:
        check_meeting_held(m, what="協議内容")
    with audit.action(s, f"「{meeting_label(m)}」の要望 {item.key} の協議内容を記録", by=by):
        entry.notes = value
        s.flush()
    return CHANGED


def set_meeting_notes(s: Session, *, meeting_id: int, notes: str | None = None,
                      next_meeting: str | None | Unset = UNSET, next_meeting_on: dt.date | None | Unset = UNSET,
                      by: str | None = None) -> Changes:
    """Record the meeting's overall discussion and its next meeting (次回予定)."""
    fields = MeetingFields(notes=notes or "", next_meeting=UNSET if next_meeting is UNSET else next_meeting or "",
                           next_meeting_on=next_meeting_on)
    return update_meeting(s, meeting_id=meeting_id, fields=fields, by=by)

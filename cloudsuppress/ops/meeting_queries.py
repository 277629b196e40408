"""Reading meetings: the list, one meeting's detail (attendees, agenda, decisions, warnings).
All plain frozen dataclasses, safe to keep after the session is closed."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.models import (
    AgendaEntry,
    BusinessSystem,
    Meeting,
    MeetingAttendee,
    Member,
    RequestItem,
    StatusChange,
    Subcommittee,
)
from ..domain.vocab import (
    ATTENDEE_ROLE_LABELS,
    CUSTOMIZED_PENDING,
    MEETING_KIND_LABELS,
    OUTCOME_LABELS,
    is_continued,
    target_code,
)
from ..domain.workflow import DECISIONS, STATUS_LABELS, Status
from .meetings import carried_over, get_meeting, meeting_label
from .request_queries import list_item_rows


@dataclass(frozen=True)
class MeetingRow:
    """One meeting as the meeting list shows it."""

    id: int
    kind: str
    kind_label: str
    subcommittee_id: int | None
    subcommittee: str | None
    business_system: str | None
    number: int | None
    title: str
    label: str  # 第2回 住民業務部会
    held_on: dt.date
    start_time: str | None
    end_time: str | None
    place: str | None
    agenda_count: int
    decided_count: int  # items the meeting decided (標準化 / 取下げ / カスタマイズ実施; not 検討中)
    attendee_count: int


@dataclass(frozen=True)
class AttendeeRow:
    id: int
    role: str
    role_label: str
    member_id: int | None
    member: str | None
    organization: str | None
    name: str
    title: str | None


@dataclass(frozen=True)
class AgendaRow:
    """One agenda entry with its item, in agenda order."""

    id: int
    position: int
    item_id: int
    key: str
    title: str
    function_code: str | None
    function_name: str | None
    business_system: str | None
    status: str
    status_label: str
    members: tuple[str, ...]
    outcome: str | None  # decided / continued / information, None while not discussed
    outcome_label: str
    notes: str | None
    decision_status: str | None
    decision_label: str | None
    decision_reason: str | None
    carried_over: bool = False  # 継続: the same body's earlier meeting carried it over (継続審議)
    function_kind: str | None = None  # 'function' / 'form' (帳票)

    @property
    def target_code(self) -> str | None:
        """function_code as printed: 「帳票 0000004」 for a form."""
        return target_code(self.function_code, self.function_kind)

    @property
    def is_continued(self) -> bool:
        """This meeting carried the item over: 継続審議, or a decision that went only as far as 検討中."""
        return is_continued(self.outcome, self.decision_status)

    @property
    def result_text(self) -> str:
        """決定（取下げ）, 継続審議 (also a decision that went only as far as 検討中), 報告 or 未協議, as
        the agenda on screen shows it."""
        if self.is_continued:
            return OUTCOME_LABELS["continued"]
        if self.outcome == CUSTOMIZED_PENDING:
            return "決定（カスタマイズ実施・決裁後に確定）"
        if self.outcome == "decided" and self.decision_label:
            return f"決定（{self.decision_label}）"
        return self.outcome_label


@dataclass(frozen=True)
class DecisionRow:
    """One item the meeting decided: its final status at the meeting and why (one line in the minutes)."""

    item_id: int
    key: str
    title: str
    to_status: str
    to_label: str
    steps: tuple[str, ...]  # status labels, e.g. ('要望', '検討中', '取下げ') when it moved twice
    reason: str | None


@dataclass(frozen=True)
class MeetingWarning:
    """Something the secretariat should fix before printing the minutes."""

    code: str  # no_secretariat / member_absent
    message: str
    member: str | None = None
    keys: tuple[str, ...] = ()  # member_absent: the 要望番号 of its items on the agenda (the UI words its own text)


@dataclass(frozen=True)
class MeetingDetail:
    meeting: MeetingRow
    notes: str | None
    next_meeting: str | None
    next_meeting_on: dt.date | None
    attendees: tuple[AttendeeRow, ...]
    agenda: tuple[AgendaRow, ...]
    decisions: tuple[DecisionRow, ...]
    continued: tuple[AgendaRow, ...]
    warnings: tuple[MeetingWarning, ...]


def _rows(s: Session, meetings: list[Meeting]) -> list[MeetingRow]:
    subs: dict[int | None, str] = dict(s.execute(select(Subcommittee.id, Subcommittee.name)).all())
    systems: dict[int | None, str] = dict(s.execute(select(BusinessSystem.id, BusinessSystem.name)).all())
    ids = [m.id for m in meetings]
    agenda = dict(s.execute(select(AgendaEntry.meeting_id, func.count()).where(AgendaEntry.meeting_id.in_(ids))
                            .group_by(AgendaEntry.meeting_id)).all())
    attendees = dict(s.execute(select(MeetingAttendee.meeting_id, func.count())
                               .where(MeetingAttendee.meeting_id.in_(ids)).group_by(MeetingAttendee.meeting_id)).all())
    decided = dict(s.execute(select(StatusChange.meeting_id, func.count(StatusChange.item_id.distinct()))
                             .where(StatusChange.meeting_id.in_(ids),
                                    StatusChange.to_status.in_([st.value for st in DECISIONS]))
                             .group_by(StatusChange.meeting_id)).all())
    return [
        MeetingRow(m.id, m.kind, MEETING_KIND_LABELS.get(m.kind, m.kind), m.subcommittee_id, subs.get(m.subcommittee_id),
                   systems.get(m.business_system_id), m.number, m.title, meeting_label(m), m.held_on, m.start_time,
                   m.end_time, m.place, agenda.get(m.id, 0), decided.get(m.id, 0), attendees.get(m.id, 0))
        for m in meetings
    ]


def list_meetings(s: Session, *, subcommittee_id: int | None = None) -> list[MeetingRow]:
    """Meetings, newest first, optionally of one subcommittee."""
    q = select(Meeting).order_by(Meeting.held_on.desc(), Meeting.id.desc())
    if subcommittee_id is not None:
        q = q.where(Meeting.subcommittee_id == subcommittee_id)
    return _rows(s, list(s.scalars(q)))


def get_meeting_row(s: Session, meeting_id: int) -> MeetingRow:
    return _rows(s, [get_meeting(s, meeting_id)])[0]


def attendees(s: Session, meeting_id: int) -> list[AttendeeRow]:
    """Attendees grouped as the minutes print them: members (in member order), vendor, secretariat."""
    role_order = {"member": 0, "vendor": 1, "secretariat": 2}
    rows = s.execute(select(MeetingAttendee, Member.name, Member.sort_order)
                     .outerjoin(Member, Member.id == MeetingAttendee.member_id)
                     .where(MeetingAttendee.meeting_id == meeting_id)).all()
    rows = sorted(rows, key=lambda r: (role_order.get(r[0].role, 9), r[2] or 0, r[0].member_id or 0, r[0].sort_order, r[0].id))
    return [AttendeeRow(a.id, a.role, ATTENDEE_ROLE_LABELS.get(a.role, a.role), a.member_id, name, a.organization,
                        a.name, a.title) for a, name, _ in rows]


def _decision_changes(s: Session, meeting_id: int) -> dict[int, list[StatusChange]]:
    out: dict[int, list[StatusChange]] = {}
    for c in s.scalars(select(StatusChange).where(StatusChange.meeting_id == meeting_id).order_by(StatusChange.id)):
        out.setdefault(c.item_id, []).append(c)
    return out


def agenda(s: Session, meeting_id: int) -> list[AgendaRow]:
    """The agenda in order. An entry not yet given an outcome but whose item was moved to a decision
    with this meeting as reference (``requests move --meeting``) shows as decided."""
    entries = list(s.scalars(select(AgendaEntry).where(AgendaEntry.meeting_id == meeting_id)
                             .order_by(AgendaEntry.position, AgendaEntry.id)))
    items = {r.id: r for r in list_item_rows(s, item_ids=[e.item_id for e in entries])} if entries else {}
    changes = _decision_changes(s, meeting_id)
    carried = set(carried_over(s, get_meeting(s, meeting_id))) if entries else set()
    out = []
    for e in entries:
        r = items[e.item_id]
        outcome, decision, reason = e.outcome, e.decision_status, e.decision_reason
        moved = changes.get(e.item_id, [])
        if moved and (outcome is None or (outcome != "information" and decision in (None, Status.UNDER_REVIEW.value)
                                          and moved[-1].to_status != Status.UNDER_REVIEW.value)):
            # moved with this meeting as reference after (or without) the outcome: the move is what it decided
            outcome, decision, reason = "decided", moved[-1].to_status, moved[-1].reason
        out.append(AgendaRow(
            e.id, e.position, r.id, r.key, r.title, r.function_code, r.function_name, r.business_system, r.status,
            r.status_label, r.members, outcome, OUTCOME_LABELS.get(outcome or "", "未協議"), e.notes, decision,
            (OUTCOME_LABELS[outcome] if outcome == CUSTOMIZED_PENDING else STATUS_LABELS[Status(decision)]) if decision
            else None, reason, e.item_id in carried, r.function_kind,
        ))
    return out


def decisions(s: Session, meeting_id: int) -> list[DecisionRow]:
    """Every item whose status this meeting changed (a decision, also starting or reopening the review),
    from the agenda or from ``requests move --meeting``: one row per item with its last status at the meeting."""
    changes = _decision_changes(s, meeting_id)
    keys = dict(s.execute(select(RequestItem.id, RequestItem.key)).all()) if changes else {}
    titles = dict(s.execute(select(RequestItem.id, RequestItem.title).where(RequestItem.id.in_(changes))).all())
    positions = dict(s.execute(select(AgendaEntry.item_id, AgendaEntry.position)
                               .where(AgendaEntry.meeting_id == meeting_id)).all())
    out = []
    for item_id, steps in changes.items():
        last = steps[-1]
        labels = ([STATUS_LABELS[Status(steps[0].from_status)]] if steps[0].from_status else []) + \
            [STATUS_LABELS[Status(c.to_status)] for c in steps]
        out.append(DecisionRow(item_id, keys[item_id], titles[item_id], last.to_status,
                               STATUS_LABELS[Status(last.to_status)], tuple(labels), last.reason))
    out.sort(key=lambda d: (positions.get(d.item_id, 1 << 30), d.key))
    return out


def meeting_warnings(s: Session, meeting_id: int, *, rows: list[AgendaRow] | None = None,
                     people: list[AttendeeRow] | None = None) -> list[MeetingWarning]:
    """No secretariat attendee (measure 4: the secretariat attends every meeting); members with
    items on the agenda but nobody attending."""
    rows = agenda(s, meeting_id) if rows is None else rows
    people = attendees(s, meeting_id) if people is None else people
    out = []
    if not any(p.role == "secretariat" for p in people):
        out.append(MeetingWarning("no_secretariat", "事務局の出席者が記録されていません。事務局はすべての会議に出席します。"))
    present = {p.member for p in people if p.role == "member"}
    asking: dict[str, list[str]] = {}
    for r in rows:
        for name in r.members:
            asking.setdefault(name, []).append(r.key)
    order = {n: i for i, n in enumerate(s.scalars(select(Member.name).order_by(Member.sort_order, Member.id)))}
    for name in sorted(asking, key=lambda n: order.get(n, 1 << 30)):
        if name not in present:
            keys = "、".join(asking[name])
            out.append(MeetingWarning("member_absent",
                                      f"{name}の要望（{keys}）が議題にありますが、{name}の出席者が記録されていません。", name,
                                      tuple(asking[name])))
    return out


def get_meeting_detail(s: Session, meeting_id: int) -> MeetingDetail:
    """Everything the meeting screen and the minutes show."""
    m = get_meeting(s, meeting_id)
    rows = agenda(s, meeting_id)
    people = attendees(s, meeting_id)
    return MeetingDetail(
        get_meeting_row(s, meeting_id), m.notes, m.next_meeting, m.next_meeting_on, tuple(people), tuple(rows),
        tuple(decisions(s, meeting_id)), tuple(r for r in rows if r.is_continued),
        tuple(meeting_warnings(s, meeting_id, rows=rows, people=people)),
    )

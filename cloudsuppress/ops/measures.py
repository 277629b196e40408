"""The Toyama four measures (カスタマイズ抑制のための4つの方策): what the secretariat records for
them, and the dashboard data that shows, per member, how each measure stands.

1. internal briefing held (庁内説明会: date, number attending), and the share of the member's
   requests that answer the resident-service question (住民サービス水準が低下するか);
2. its staff at the vendor-selection events (RFI説明会, 二次選考);
3. pending 財政課協議 / 首長決裁 for customizations it bears, and its total cost;
4. its attendance at the meetings where its items were discussed, and the secretariat's.

Overall: the suppression rate (decided items not customized / decided items), the outcome
table per member and per subcommittee, the fit-gap rate. Writing operations take a Session,
open one audit action and return Changes; the dashboard is plain frozen dataclasses.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..changes import Changes, ChangesWithId
from ..domain import audit
from ..domain.models import (
    AgendaEntry,
    Briefing,
    Meeting,
    MeetingAttendee,
    Member,
    MemberRequest,
    SelectionAttendee,
    SelectionEvent,
)
from ..domain.wareki import to_wareki
from ..errors import DomainError
from ..store.concurrency import check_version, reapplicable
from ..unset import UNSET, Unset
from .costs import MemberCostFacts, member_cost_facts
from .functions import FitStats, combine_stats, system_tree
from .meetings import meeting_label
from .summary import OutcomeTable, item_status_counts, outcome_table, suppression_rate

CHANGED = Changes(measures=True, history=True)
# A member without a 庁内説明会 on record: the seed's words are 「庁内説明会を開催し」, and the record's date is
# its 開催日, so the dashboard, the summary PDF and the CLI all say 未開催.
BRIEFING_NOT_HELD = "未開催"


def format_share(rate: float | None) -> str:
    """A measure's rate as printed for the members, one decimal: 0.4516 → '45.2％'; None → '—'.
    (The fit-gap rate keeps two decimals, ``summary.format_rate``: its figures are as small as 0.12%.)"""
    return "—" if rate is None else f"{rate * 100:.1f}％"


def _member_name(s: Session, member_id: int) -> str:
    name = s.scalar(select(Member.name).where(Member.id == member_id))
    if name is None:
        raise DomainError(f"団体（id {member_id}）が見つかりません。")
    return name


# --- measure 1: internal briefings -------------------------------------------------------------------


@dataclass(frozen=True)
class BriefingRow:
    id: int
    member_id: int
    member: str
    held_on: dt.date
    attendees: int
    notes: str | None
    version: int = 1


def record_briefing(s: Session, *, member_id: int, held_on: dt.date, attendees: int, notes: str | None = None,
                    by: str | None = None) -> ChangesWithId:
    """Record a member's 庁内説明会 (date and number attending)."""
    member = _member_name(s, member_id)
    _check_briefing(held_on, attendees)
    with audit.action(s, f"{member}の庁内説明会（{to_wareki(held_on)}）を記録", by=by):
        row = Briefing(member_id=member_id, held_on=held_on, attendees=attendees, notes=(notes or "").strip() or None)
        s.add(row)
        s.flush()
    return ChangesWithId(measures=True, history=True, id=row.id)


def _check_briefing(held_on: dt.date | None, attendees: object) -> None:
    if held_on is None:
        raise DomainError("庁内説明会の開催日を入力してください。")
    if not isinstance(attendees, int) or attendees < 0:
        raise DomainError("参加人数は 0 以上の整数で入力してください。")


@reapplicable("measures.update_briefing")
def update_briefing(s: Session, *, briefing_id: int, held_on: dt.date | None | Unset = UNSET,
                    attendees: int | Unset = UNSET, notes: str | None | Unset = UNSET, by: str | None = None,
                    expected_version: int | None = None) -> Changes:
    """Correct a briefing's date, number attending or notes."""
    row = s.get(Briefing, briefing_id)
    if row is None:
        raise DomainError(f"庁内説明会の記録（id {briefing_id}）が見つかりません。")
    values: dict[str, object] = {
        k: v for k, v in dict(held_on=held_on, attendees=attendees, notes=notes).items() if v is not UNSET}
    check_version(s, row, expected_version, attempted=values)
    _check_briefing(row.held_on if held_on is UNSET else held_on, row.attendees if attendees is UNSET else attendees)
    if notes is not UNSET:
        values["notes"] = (notes or "").strip() or None
    changed = {k: v for k, v in values.items() if getattr(row, k) != v}
    if not changed:
        return Changes()
    with audit.action(s, f"{_member_name(s, row.member_id)}の庁内説明会の記録を修正", by=by):
        for k, v in changed.items():
            setattr(row, k, v)
        s.flush()
    return CHANGED


def delete_briefing(s: Session, *, briefing_id: int, by: str | None = None) -> Changes:
    """Delete a briefing recorded by mistake."""
    row = s.get(Briefing, briefing_id)
    if row is None:
        raise DomainError(f"庁内説明会の記録（id {briefing_id}）が見つかりません。")
    with audit.action(s, f"{_member_name(s, row.member_id)}の庁内説明会（{to_wareki(row.held_on)}）の記録を削除", by=by):
        s.delete(row)
        s.flush()
    return CHANGED


def list_briefings(s: Session, *, member_id: int | None = None) -> list[BriefingRow]:
    """Briefings, newest first."""
    q = (select(Briefing, Member.name).join(Member, Member.id == Briefing.member_id)
         .order_by(Briefing.held_on.desc(), Briefing.id.desc()))
    if member_id is not None:
        q = q.where(Briefing.member_id == member_id)
    return [BriefingRow(b.id, b.member_id, name, b.held_on, b.attendees, b.notes, b.version) for b, name in s.execute(q)]


# --- measure 2: vendor-selection events ----------------------------------------------------------------


@dataclass(frozen=True)
class SelectionAttendeeRow:
    id: int
    member_id: int
    member: str
    person: str
    section: str | None


@dataclass(frozen=True)
class SelectionEventRow:
    id: int
    name: str
    held_on: dt.date
    attendees: tuple[SelectionAttendeeRow, ...]

    @property
    def label(self) -> str:
        return f"{self.name}（{to_wareki(self.held_on)}）"


def _event(s: Session, name: str, held_on: dt.date) -> SelectionEvent | None:
    return s.scalar(select(SelectionEvent).where(SelectionEvent.name == name, SelectionEvent.held_on == held_on))


def create_selection_event(s: Session, *, name: str, held_on: dt.date, by: str | None = None) -> ChangesWithId:
    """Record a vendor-selection event (RFI説明会, 二次選考) on a date."""
    name = (name or "").strip()
    if not name or held_on is None:
        raise DomainError("選考会の名称と開催日を入力してください。")
    if _event(s, name, held_on) is not None:
        raise DomainError(f"選考会「{name}」（{to_wareki(held_on)}）はすでに登録されています。")
    with audit.action(s, f"選考会「{name}」（{to_wareki(held_on)}）を登録", by=by):
        ev = SelectionEvent(name=name, held_on=held_on)
        s.add(ev)
        s.flush()
    return ChangesWithId(measures=True, history=True, id=ev.id)


def record_selection_attendance(s: Session, *, event: str, held_on: dt.date, member_id: int, person: str,
                                section: str | None = None, by: str | None = None) -> ChangesWithId:
    """Record that a member's staff member attended a selection event (the event is created if new)."""
    member = _member_name(s, member_id)
    person = (person or "").strip()
    if not person:
        raise DomainError("参加者の氏名を入力してください。")
    event = (event or "").strip()
    if not event or held_on is None:
        raise DomainError("選考会の名称と開催日を入力してください。")
    ev = _event(s, event, held_on)
    if ev is not None and s.scalar(select(SelectionAttendee.id).where(
            SelectionAttendee.event_id == ev.id, SelectionAttendee.member_id == member_id,
            SelectionAttendee.person == person)) is not None:
        raise DomainError(f"{member}の{person}さんの「{event}」への参加はすでに記録されています。")
    with audit.action(s, f"選考会「{event}」に{member}の{person}さんが参加", by=by):
        if ev is None:
            ev = SelectionEvent(name=event, held_on=held_on)
            s.add(ev)
            s.flush()
        row = SelectionAttendee(event_id=ev.id, member_id=member_id, person=person,
                                section=(section or "").strip() or None)
        s.add(row)
        s.flush()
    return ChangesWithId(measures=True, history=True, id=row.id)


def remove_selection_attendee(s: Session, *, attendee_id: int, by: str | None = None) -> Changes:
    """Delete an attendance recorded by mistake."""
    row = s.get(SelectionAttendee, attendee_id)
    if row is None:
        raise DomainError(f"選考会の参加記録（id {attendee_id}）が見つかりません。")
    ev = s.get_one(SelectionEvent, row.event_id)  # the foreign key keeps it
    with audit.action(s, f"選考会「{ev.name}」の{row.person}さんの参加記録を削除", by=by):
        s.delete(row)
        s.flush()
    return CHANGED


def delete_selection_event(s: Session, *, event_id: int, by: str | None = None) -> Changes:
    """Delete a selection event registered by mistake; refused while attendances are recorded for it."""
    ev = s.get(SelectionEvent, event_id)
    if ev is None:
        raise DomainError(f"選考会の記録（id {event_id}）が見つかりません。")
    attended = s.scalar(select(func.count(SelectionAttendee.id)).where(SelectionAttendee.event_id == event_id)) or 0
    if attended:
        raise DomainError(f"選考会「{ev.name}」（{to_wareki(ev.held_on)}）には参加の記録が {attended} 件あるため削除できません。"
                          "先に参加の記録を削除してください。")
    with audit.action(s, f"選考会「{ev.name}」（{to_wareki(ev.held_on)}）の記録を削除", by=by):
        s.delete(ev)
        s.flush()
    return CHANGED


def list_selection_events(s: Session) -> list[SelectionEventRow]:
    """Selection events in date order, each with its attendees in member order."""
    people: dict[int, list[SelectionAttendeeRow]] = defaultdict(list)
    for a, name in s.execute(select(SelectionAttendee, Member.name).join(Member, Member.id == SelectionAttendee.member_id)
                             .order_by(Member.sort_order, Member.id, SelectionAttendee.id)):
        people[a.event_id].append(SelectionAttendeeRow(a.id, a.member_id, name, a.person, a.section))
    return [SelectionEventRow(e.id, e.name, e.held_on, tuple(people.get(e.id, ())))
            for e in s.scalars(select(SelectionEvent).order_by(SelectionEvent.held_on, SelectionEvent.id))]


# --- the dashboard --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MemberMeasures:
    """One member's line for each of the four measures."""

    member_id: int
    member: str
    # 1: briefing and the policy question
    last_briefing_on: dt.date | None
    last_briefing_attendees: int | None
    briefings: int
    requests: int  # its requests (parts), withdrawn ones included
    answered: int  # those answering 住民サービス水準が低下するか with a reason
    # 2: vendor selection
    selection_events: int  # events held
    selection_attended: int  # events at least one of its staff attended
    selection_people: int  # attendances
    # 3: cost outside the joint contract
    pending_finance: int  # open items with an estimate it is in, without 財政課協議
    pending_mayor: int  # ... without 首長決裁
    pending_items: tuple[str, ...]  # their keys
    cost_total: int  # its shares of customized items (yen)
    prospective_total: int  # its shares of open items with an estimate
    # 4: meetings where its items were discussed
    meetings: int
    meetings_attended: int
    meetings_with_secretariat: int
    missed: tuple[str, ...]  # labels of the meetings it missed
    missed_meetings: tuple[tuple[str, dt.date], ...] = ()  # the same as (meeting label, date), for the UI to word

    @property
    def briefing_held(self) -> bool:
        return self.briefings > 0

    @property
    def answered_rate(self) -> float | None:
        return self.answered / self.requests if self.requests else None

    @property
    def attendance_rate(self) -> float | None:
        return self.meetings_attended / self.meetings if self.meetings else None


@dataclass(frozen=True)
class Dashboard:
    """The four-measures dashboard: one line per member, and the overall figures."""

    members: tuple[MemberMeasures, ...]
    outcome: OutcomeTable
    decided: int
    not_customized: int
    suppression_rate: float | None
    fit: FitStats  # gap rate = fit.gap_rate
    selection_events: tuple[SelectionEventRow, ...]


def _meeting_facts(s: Session, today: dt.date
                   ) -> tuple[dict[int, set[int]], dict[int, set[int]], set[int], dict[int, Meeting]]:
    """(meeting → members with an item on its agenda, meeting → members attending, meetings with the
    secretariat present, meetings) for the subcommittee and working-group meetings held by ``today``:
    a meeting still to come has no attendance yet, and must not count as one a member missed."""
    meetings = {m.id: m for m in s.scalars(select(Meeting).where(Meeting.kind != "council", Meeting.held_on <= today))}
    with_items: dict[int, set[int]] = defaultdict(set)
    for meeting_id, member_id in s.execute(
        select(AgendaEntry.meeting_id, MemberRequest.member_id)
        .join(MemberRequest, MemberRequest.item_id == AgendaEntry.item_id)
    ):
        if meeting_id in meetings:
            with_items[meeting_id].add(member_id)
    present: dict[int, set[int]] = defaultdict(set)
    secretariat: set[int] = set()
    for meeting_id, role, attendee_id in s.execute(select(MeetingAttendee.meeting_id, MeetingAttendee.role,
                                                          MeetingAttendee.member_id)):
        if role == "secretariat":
            secretariat.add(meeting_id)
        elif role == "member" and attendee_id is not None:
            present[meeting_id].add(attendee_id)
    return with_items, present, secretariat, meetings


def measures_dashboard(s: Session, *, today: dt.date | None = None,
                       cost_facts: dict[int, MemberCostFacts] | None = None) -> Dashboard:
    """Everything the four-measures dashboard shows, as of ``today`` (default: the real today): meetings
    and selection events dated after it are not yet held, so they count neither as attended nor as missed.
    ``cost_facts``: ``member_cost_facts`` read earlier and still current (a view keeps them until the
    requests, members or costs change), else read here."""
    today = today or dt.date.today()
    members = list(s.execute(select(Member.id, Member.name).order_by(Member.sort_order, Member.id)))
    briefings: dict[int, list[Briefing]] = defaultdict(list)
    for briefing in s.scalars(select(Briefing).order_by(Briefing.held_on.desc(), Briefing.id.desc())):
        briefings[briefing.member_id].append(briefing)
    asked: dict[int, list[tuple[bool | None, str | None]]] = defaultdict(list)
    for mid, drop, detail in s.execute(select(MemberRequest.member_id, MemberRequest.service_drop,
                                              MemberRequest.service_drop_detail)):
        asked[mid].append((drop, detail))
    events = list_selection_events(s)
    held_events = [e for e in events if e.held_on <= today]
    with_items, present, secretariat, meetings = _meeting_facts(s, today)
    # Every member's cost figures from one reading of the items' shares (member_costs per member split
    # every item again for each of them: 9 s for 34 members and 5,000 items; all_member_costs built every
    # member's cost lines: 1.2 s).
    costs_of = member_cost_facts(s) if cost_facts is None else cost_facts
    out = []
    for mid, name in members:
        b = briefings.get(mid, [])
        parts = asked.get(mid, [])
        answered = sum(1 for drop, detail in parts if drop is not None and (detail or "").strip())
        attended_events = [e for e in held_events if any(a.member_id == mid for a in e.attendees)]
        people = sum(1 for e in held_events for a in e.attendees if a.member_id == mid)
        costs = costs_of.get(mid) or MemberCostFacts(mid)
        mine = sorted((meetings[k] for k, v in with_items.items() if mid in v), key=lambda m: (m.held_on, m.id))
        attended = [m for m in mine if mid in present.get(m.id, set())]
        out.append(MemberMeasures(
            mid, name, b[0].held_on if b else None, b[0].attendees if b else None, len(b), len(parts), answered,
            len(held_events), len(attended_events), people,
            costs.pending_finance, costs.pending_mayor, costs.pending_items, costs.total, costs.prospective_total,
            len(mine), len(attended), sum(1 for m in mine if m.id in secretariat),
            tuple(f"{meeting_label(m)}（{to_wareki(m.held_on)}）" for m in mine if m not in attended),
            tuple((meeting_label(m), m.held_on) for m in mine if m not in attended),
        ))
    counts = item_status_counts(s)
    decided = sum(counts.get(k, 0) for k in ("standardized", "withdrawn", "customized"))
    fit = combine_stats([n.stats for n in system_tree(s)])
    return Dashboard(tuple(out), outcome_table(s), decided, decided - counts.get("customized", 0),
                     suppression_rate(counts), fit, tuple(events))

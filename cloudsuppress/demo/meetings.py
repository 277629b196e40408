"""Demo meetings: three past 部会 per subcommittee (検討開始, 判断, 実施決定) with attendees, agendas,
notes and the decisions the demo requests refer to, plus one upcoming meeting with its agenda built.

Meetings are created first so that the demo's status moves can name them; the agendas are
filled in afterwards from what each meeting decided. The texts are written for this project.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from ..domain.models import AgendaEntry, BusinessSystem, Function, Member, RequestItem, StatusChange, Subcommittee
from ..domain.workflow import OPEN
from ..ops import meetings as meeting_ops

# (第N回, date, start, end, room, overall notes)
_PAST = (
    (1, dt.date(2026, 5, 27), "14:00", "16:00", "第1会議室",
     "事務局から、カスタマイズ抑制方針と要望票の記入方法を説明した。各団体の要望について、"
     "処理件数と住民サービス水準への影響を確認し、検討を始めることとした。"),
    (2, dt.date(2026, 7, 8), "13:30", "16:30", "第2会議室",
     "ヒアリング結果を踏まえ、要望ごとに標準機能での運用、代替運用案、ベンダーによる標準化の可否を協議した。"),
    (3, dt.date(2026, 8, 26), "10:00", "12:00", "大会議室",
     "カスタマイズ経費は共同調達の契約外であることを再確認し、財政課協議と首長決裁を終えた要望について実施を決定した。"),
)
_NEXT = (4, dt.date(2026, 11, 25), "14:00", "16:00", "第1会議室")
OPEN_VALUES = frozenset(st.value for st in OPEN)
_VENUE = "那珂市役所 本庁舎3階 "
_TITLES = ("課長", "係長", "主査")
_STAFF = ("佐藤", "鈴木", "高橋", "田中", "渡辺", "伊藤", "山本", "中村", "小林", "加藤")
_ITEM_NOTES = {
    1: "要望団体から業務の流れと処理件数の説明があった。他団体の運用も聞き取り、検討を続けることとした。",
    2: "代替運用案の実効性を協議した。ベンダーから標準機能での対応案が示された。",
    3: "見積額と負担団体の財政課協議・首長決裁の結果を確認した。",
}


def create_demo_meetings(s: Session) -> dict[tuple[int, int], int]:
    """Three past meetings for every subcommittee; returns (subcommittee id, stage) → meeting id."""
    out = {}
    for sid, name in s.execute(select(Subcommittee.id, Subcommittee.name).order_by(Subcommittee.sort_order)):
        for number, day, start, end, room, notes in _PAST:
            ch = meeting_ops.create_meeting(s, kind="subcommittee", subcommittee_id=sid, number=number,
                                            title=f"{name}部会", held_on=day, start_time=start, end_time=end,
                                            place=_VENUE + room)
            meeting_ops.update_meeting(s, meeting_id=ch.id, fields=meeting_ops.MeetingFields(notes=notes))
            out[(sid, number)] = ch.id
    return out


def item_subcommittee(s: Session, item_id: int) -> int | None:
    """The subcommittee an item belongs to (through its function or its own business system)."""
    fs, os_ = aliased(BusinessSystem), aliased(BusinessSystem)
    row = s.execute(select(fs.subcommittee_id, os_.subcommittee_id).select_from(RequestItem)
                    .outerjoin(Function, Function.id == RequestItem.function_id)
                    .outerjoin(fs, fs.id == Function.business_system_id)
                    .outerjoin(os_, os_.id == RequestItem.business_system_id)
                    .where(RequestItem.id == item_id)).first()
    return (row[0] or row[1]) if row else None


def _attend(s: Session, meeting_id: int, members: Sequence[tuple[int, str]], k: int) -> None:
    for i, (mid, _name) in enumerate(members):
        meeting_ops.add_attendee(s, meeting_id=meeting_id, role="member", member_id=mid,
                                 name=f"{_STAFF[(i + k) % len(_STAFF)]} {'一郎二郎三郎'[i % 3 * 2:i % 3 * 2 + 2]}",
                                 title=_TITLES[(i + k) % len(_TITLES)])
    meeting_ops.add_attendee(s, meeting_id=meeting_id, role="vendor", name="山田 健", organization="株式会社デモ情報システム",
                             title="プロジェクトマネージャー")
    meeting_ops.add_attendee(s, meeting_id=meeting_id, role="secretariat", name="木村 直子", organization="協議会事務局",
                             title="主任")


def fill_demo_meetings(s: Session, meetings: dict[tuple[int, int], int]) -> int | None:
    """Attendees and agendas of the past meetings from what each decided; an upcoming meeting.
    Returns the upcoming meeting's id."""
    members = list(s.execute(select(Member.id, Member.name).order_by(Member.sort_order, Member.id)))
    for (_sid, stage), mid in sorted(meetings.items(), key=lambda kv: kv[1]):
        changes = list(s.scalars(select(StatusChange).where(StatusChange.meeting_id == mid).order_by(StatusChange.id)))
        if not changes:  # a subcommittee without requests: the meeting was not needed
            meeting_ops.delete_meeting(s, meeting_id=mid)
            continue
        _attend(s, mid, members, stage)
        last: dict[int, StatusChange] = {}
        for c in changes:
            last[c.item_id] = c
        for pos, (item_id, c) in enumerate(sorted(last.items()), start=1):
            if c.to_status in OPEN_VALUES:  # review started, carried over to the next meeting (継続審議)
                s.add(AgendaEntry(meeting_id=mid, item_id=item_id, position=pos, outcome="continued",
                                  notes=_ITEM_NOTES[stage]))
            else:
                s.add(AgendaEntry(meeting_id=mid, item_id=item_id, position=pos, outcome="decided",
                                  notes=_ITEM_NOTES[stage], decision_status=c.to_status, decision_reason=c.reason,
                                  status_change_id=c.id))
        s.flush()
    open_items = s.scalars(select(RequestItem.id).where(RequestItem.status.in_([st.value for st in OPEN])))
    per_sub: dict[int, int] = {}
    for item_id in open_items:
        sub = item_subcommittee(s, item_id)
        if sub is not None:  # an item under no 業務 yet has no subcommittee meeting to go to
            per_sub[sub] = per_sub.get(sub, 0) + 1
    if not per_sub:
        return None
    busiest = max(per_sub, key=lambda k: (per_sub[k], -k))
    number, day, start, end, room = _NEXT
    name = s.scalar(select(Subcommittee.name).where(Subcommittee.id == busiest))
    upcoming = meeting_ops.create_meeting(s, kind="subcommittee", subcommittee_id=busiest, number=number,
                                          title=f"{name}部会", held_on=day, start_time=start, end_time=end,
                                          place=_VENUE + room).id
    meeting_ops.build_agenda(s, meeting_id=upcoming)
    # The secretariat and the vendor are recorded; members confirm their attendance later.
    meeting_ops.add_attendee(s, meeting_id=upcoming, role="secretariat", name="木村 直子", organization="協議会事務局",
                             title="主任")
    return upcoming

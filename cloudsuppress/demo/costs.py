"""Demo data for costs and the four measures: a 50:50 apportionment rule with its population base
date, each member's internal briefing, and the two vendor-selection events with who attended.

Everything goes through the normal operations (so it has an audit trail). One member misses
the second selection and one holds no briefing, so the dashboard has something to point at.
The names are made up for this project.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.models import Member
from ..ops import costs as cost_ops
from ..ops import measures as measure_ops
from ..ops.consortium import ConsortiumSettings, update_consortium_settings

RULE = ("mixed", (50, 50))
# The demo's documents are dated 令和8年, so its populations are taken as of the start of that fiscal
# year (the figures themselves are seed 004's, 平成26年; a base date 12 years before the notice
# would be questioned by any finance section).
POPULATION_DATE = dt.date(2026, 4, 1)
# The letterhead of the demo's notices: the 会長 and the secretariat's contact (made up).
OFFICERS = ConsortiumSettings(chair_member="常陸大宮市", chair_name="大宮　一郎", seal_omitted=True,
                              office_section="協議会事務局（常陸大宮市総務部情報政策課）", office_staff="木村　直子",
                              office_phone="0295-52-1111（内線2345）", office_mail="jimukyoku@example.lg.jp")
EVENTS = (("RFI説明会", dt.date(2025, 10, 21)), ("二次選考（提案プレゼンテーション）", dt.date(2025, 12, 16)))
_PEOPLE = ("佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田")
_GIVEN = ("一郎", "花子", "健", "美咲", "大輔", "由美", "翔", "直子")
_SECTIONS = ("市民課", "税務課", "保険年金課", "企画課")


def set_demo_cost_rule(s: Session) -> None:
    """The demo's 50:50 rule (before any 首長決裁 is recorded: a mayor approves a share under it)."""
    cost_ops.set_cost_rule(s, method=RULE[0], ratio=RULE[1], unit=1, population_date=POPULATION_DATE)


def create_demo_costs(s: Session) -> None:
    """Set the demo's cost rule (if not yet) and record briefings and vendor-selection attendance."""
    set_demo_cost_rule(s)
    update_consortium_settings(s, settings=OFFICERS)
    members = list(s.execute(select(Member.id, Member.name, Member.population).order_by(Member.sort_order, Member.id)))
    n = 0
    for i, (mid, _name, population) in enumerate(members):
        if i < len(members) - 1 or len(members) == 1:  # the last member has not held its briefing yet
            attendees = max(8, min(120, population // 900))
            measure_ops.record_briefing(s, member_id=mid, held_on=dt.date(2026, 3, 10) + dt.timedelta(days=7 * i),
                                        attendees=attendees, notes="課長級・担当職員を対象に、ノンカスタマイズの方針と"
                                        "要望票の「住民サービス水準が低下するか」の設問を説明した。")
        for k, (event, day) in enumerate(EVENTS):
            if k == 1 and i == len(members) - 1 and len(members) > 1:
                continue  # the smallest member could not send anyone to the second selection
            for _ in range(2 if population > 20_000 else 1):
                person = f"{_PEOPLE[n % len(_PEOPLE)]}{_GIVEN[n % len(_GIVEN)]}"
                measure_ops.record_selection_attendance(s, event=event, held_on=day, member_id=mid, person=person,
                                                        section=_SECTIONS[n % len(_SECTIONS)])
                n += 1

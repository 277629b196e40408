"""Members (構成団体) of the consortium."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..changes import Changes
from ..domain import audit
from ..domain.models import Member
from ..errors import DomainError
from ..importers.members import MemberRecord
from ..store.concurrency import check_version, conflict, reapplicable
from ..unset import UNSET, Unset
from ..wording import either
from .consortium import require_consortium


@dataclass(frozen=True)
class MemberRow:
    id: int
    name: str
    population: int
    joined_on: dt.date | None
    version: int = 1  # pass back as expected_version when saving an edit


def list_members(s: Session) -> list[MemberRow]:
    """Members in their display order."""
    return [
        MemberRow(m.id, m.name, m.population, m.joined_on, m.version)
        for m in s.scalars(select(Member).order_by(Member.sort_order, Member.id))
    ]


def add_member(s: Session, *, name: str, population: int, joined_on: dt.date | None = None) -> Changes:
    """Add one member."""
    require_consortium(s)  # members belong to a consortium
    name = name.strip()
    if not name:
        raise DomainError("団体名を入力してください。")
    if population <= 0:
        raise DomainError("人口は正の整数で入力してください。")
    if s.scalar(select(Member).where(Member.name == name)):
        raise DomainError(f"団体「{name}」はすでに登録されています。")
    order = (s.scalar(select(func.max(Member.sort_order))) or 0) + 1
    with audit.action(s, f"団体「{name}」を追加"):
        s.add(Member(name=name, population=population, joined_on=joined_on, sort_order=order))
        s.flush()
    return Changes(members=True, history=True)




@reapplicable("members.update_member")
def update_member(s: Session, *, member_id: int, name: str | None | Unset = UNSET, population: int | Unset = UNSET,
                  joined_on: dt.date | None | Unset = UNSET, expected_version: int | None = None, by: str | None = None) -> Changes:
    """Change a member's name, population or join date; ConcurrentEditError when someone saved a newer version."""
    m = s.get(Member, member_id)
    if m is None and expected_version is not None:  # deleted while the editor was open
        raise conflict(s.connection(), table="member", row_id=member_id, expected_version=expected_version,
                       attempted={})
    if m is None:
        raise DomainError(f"団体（id {member_id}）が見つかりません。")
    values: dict[str, object] = {
        k: v for k, v in dict(name=name, population=population, joined_on=joined_on).items() if v is not UNSET}
    check_version(s, m, expected_version, attempted=values)
    if name is not UNSET:
        values["name"] = name = (name or "").strip()
        if not name:
            raise DomainError("団体名を入力してください。")
        if name != m.name and s.scalar(select(Member.id).where(Member.name == name)):
            raise DomainError(f"団体「{name}」はすでに登録されています。")
    if population is not UNSET and (not isinstance(population, int) or population <= 0):
        raise DomainError("人口は正の整数で入力してください。")
    changed = {k: v for k, v in values.items() if getattr(m, k) != v}
    if not changed:
        return Changes()
    with audit.action(s, f"団体「{m.name}」を編集", by=by):
        for k, v in changed.items():
            setattr(m, k, v)
        s.flush()
    return Changes(members=True, history=True)


# What refers to a member, in the words of a refusal to remove it.
_USES = {"member_request": "要望", "meeting_attendee": "会議の出席者", "briefing": "庁内説明会の記録",
         "selection_attendee": "選考会への参加記録", "decision_acceptance": "既決事項の承認"}


def member_uses(s: Session, member_id: int) -> dict[str, int]:
    """Rows of other tables that refer to the member, by table (those with a count only)."""
    uses: dict[str, int] = {}
    for table in Member.metadata.sorted_tables:
        for fk in table.foreign_keys:
            if fk.column.table.name == "member" and fk.column.name == "id":
                n = s.scalar(select(func.count()).select_from(table).where(fk.parent == member_id)) or 0
                if n:
                    uses[table.name] = uses.get(table.name, 0) + n
    return uses


@reapplicable("members.remove_member")
def remove_member(s: Session, *, member_id: int, expected_version: int | None = None, by: str | None = None) -> Changes:
    """Remove a member registered by mistake. Refused while anything refers to it (requests,
    attendance, measures, acceptances): those are the consortium's record, and a member that
    leaves keeps its history (a rename, e.g. after a merger, is an edit instead)."""
    m = s.get(Member, member_id)
    if m is None and expected_version is not None:
        raise conflict(s.connection(), table="member", row_id=member_id, expected_version=expected_version,
                       attempted={})
    if m is None:
        raise DomainError(f"団体（id {member_id}）が見つかりません。")
    check_version(s, m, expected_version, attempted={"deleted": True})
    uses = member_uses(s, member_id)
    if uses:
        order = list(_USES)
        listed = sorted(uses.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else len(order))
        what = "、".join(f"{_USES.get(t, t)} {n} 件" for t, n in listed)
        raise DomainError(f"団体「{m.name}」は削除できません。{what}に使われています"
                          + either(gui="（名称や人口の訂正は、「団体」画面の「編集…」でできます）。",
                                   cli="（名称や人口の訂正は members update でできます）。"))
    with audit.action(s, f"団体「{m.name}」を削除", by=by):
        s.delete(m)
        s.flush()
    return Changes(members=True, history=True)


def import_members(s: Session, records: list[MemberRecord]) -> tuple[int, int, Changes]:
    """Add new members and update the population and join date of existing ones. Returns (added, updated, changes)."""
    require_consortium(s)
    existing = {m.name: m for m in s.scalars(select(Member))}
    order = (s.scalar(select(func.max(Member.sort_order))) or 0) + 1
    with audit.action(s, f"団体一覧の取り込み（{len(records)} 団体）"):
        added, updated = _import_members(s, records, existing, order)
    return added, updated, Changes(members=True, history=True)


def _import_members(s: Session, records: list[MemberRecord], existing: dict[str, Member], order: int) -> tuple[int, int]:
    added = updated = 0
    for rec in records:
        m = existing.get(rec.name)
        if m is None:
            s.add(Member(name=rec.name, population=rec.population, joined_on=rec.joined_on, sort_order=order))
            order += 1
            added += 1
        elif (m.population, m.joined_on) != (rec.population, rec.joined_on or m.joined_on):
            m.population = rec.population
            m.joined_on = rec.joined_on or m.joined_on
            updated += 1
    s.flush()
    return added, updated

"""Importing members' request workbooks: plan (validate against the database, preview what will
be added or changed), then apply all of it in the caller's transaction, as one undoable action.

Grouping: rows sharing a 要望番号 form one item, across files and members. A row without a
要望番号 joins the open item already raised for its function, if there is exactly one; rows
without a 要望番号 for the same function form one new item. 見積額 is for the whole item: the
rows of one item repeat it or leave it blank.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import audit
from ..changes import Changes
from ..errors import ImportIssue, ImportValidationError
from ..importers.requests import FIELDS, RequestRecord
from ..models import BusinessSystem, Function, Member, MemberRequest, RequestItem
from ..vocab import normalize_key
from ..workflow import OPEN, Status
from . import requests as req

_COMPARED = ("content", "reason", "service_drop", "service_drop_detail", "annual_cases", "workaround")


@dataclass(frozen=True)
class PlannedPart:
    """One member's row: added to a new item, joining an existing one, or changing its part."""

    member: str
    member_id: int
    action: str  # 'add' (new item), 'join', 'update', 'unchanged'
    changed: tuple[str, ...]  # labels of the fields that differ (for 'update')
    record: RequestRecord


@dataclass(frozen=True)
class PlannedItem:
    key: str
    item_id: int | None  # None: a new item
    title: str
    function_id: int | None
    business_system_id: int | None
    proposed_function: str | None
    estimate: int | None
    estimate_changed: bool
    parts: tuple[PlannedPart, ...]
    # The 要望番号 was not in the file but given by the plan (the next free one when it was made);
    # applying takes the next free one again under the numbering lock, as another user may have
    # taken this one meanwhile on a shared database.
    generated_key: bool = False


@dataclass(frozen=True)
class RequestImportPlan:
    """A validated import: what the user confirms before anything is written."""

    files: tuple[str, ...]
    items: tuple[PlannedItem, ...]

    @property
    def new_items(self) -> int:
        return sum(1 for i in self.items if i.item_id is None)

    def count(self, action: str) -> int:
        return sum(1 for i in self.items for p in i.parts if p.action == action)

    @property
    def has_changes(self) -> bool:
        return any(i.item_id is None or i.estimate_changed or any(p.action != "unchanged" for p in i.parts)
                   for i in self.items)

    def describe(self) -> str:
        """A Japanese preview, one line per item."""
        lines = [f"新しい要望項目 {self.new_items} 件、団体の要望の追加 {self.count('add') + self.count('join')} 件、"
                 f"変更 {self.count('update')} 件、変更なし {self.count('unchanged')} 件"]
        for i in self.items:
            what = "新規" if i.item_id is None else "既存"
            parts = "、".join(
                p.member + {"add": "", "join": "（参加）", "unchanged": "（変更なし）"}.get(
                    p.action, f"（変更: {'・'.join(p.changed)}）") for p in i.parts)
            est = "（見積額を変更）" if i.estimate_changed and i.item_id is not None else ""
            lines.append(f"  {i.key} {what} {i.title}: {parts}{est}")
        return "\n".join(lines)


FORM_PREFIX = "帳票:"  # 機能ID 「帳票:0230001」 names the form when a function has the same ID


def _function_index(s: Session) -> dict[str, list[tuple[int, int, str, bool]]]:
    """Code → (id, system, name, retired) of functions; a form under its code too when no function of
    its system has that code, and always under 「帳票:code」."""
    out: dict[str, list[tuple[int, int, str, bool]]] = defaultdict(list)
    forms = []
    for fid, code, bsid, name, kind, retired in s.execute(
            select(Function.id, Function.code, Function.business_system_id, Function.name, Function.kind,
                   Function.retired)):
        if kind == "form":
            forms.append((code, (fid, bsid, name, retired)))
        else:
            out[code].append((fid, bsid, name, retired))
    for code, entry in forms:
        out[FORM_PREFIX + code].append(entry)
        if not any(c[1] == entry[1] for c in out.get(code, ())):
            out[code].append(entry)
    return out


def plan_request_import(s: Session, records: list[RequestRecord]) -> RequestImportPlan:
    """Check the records against members, functions and items; change nothing."""
    issues: list[ImportIssue] = []
    members = {normalize_key(name): (mid, name) for mid, name in s.execute(select(Member.id, Member.name))}
    systems = {normalize_key(name): bid for bid, name in s.execute(select(BusinessSystem.id, BusinessSystem.name))}
    system_names = dict(s.execute(select(BusinessSystem.id, BusinessSystem.name)).all())
    functions = _function_index(s)
    items_by_key = {i.key: i for i in s.scalars(select(RequestItem))}
    resolved = []
    for rec in records:
        m = members.get(normalize_key(rec.member))
        if m is None:
            issues.append(rec.issue("member", f"団体「{rec.member}」は登録されていません。"))
            continue
        fid = bsid = None
        if rec.function_code:
            cands = functions.get(rec.function_code, [])
            if rec.business_system and len(cands) > 1:
                cands = [c for c in cands if c[1] == systems.get(normalize_key(rec.business_system))]
            if not cands:
                issues.append(rec.issue("function_code", f"機能ID「{rec.function_code}」は機能一覧にありません。"))
                continue
            if len(cands) > 1:
                names = "、".join(system_names[c[1]] for c in cands)
                issues.append(rec.issue("function_code", f"機能ID「{rec.function_code}」は複数の業務（{names}）にあります。業務列に業務名を記入してください。"))
                continue
            if cands[0][3] and not (rec.key and rec.key in items_by_key):
                issues.append(rec.issue("function_code", f"機能ID「{rec.function_code}」は欠番（削除された機能）のため、"
                                                         "新しい要望の対象にできません。"))
                continue
            fid = cands[0][0]
        else:
            bsid = systems.get(normalize_key(rec.business_system or ""))
            if bsid is None:
                issues.append(rec.issue("business_system" if rec.business_system else "function_code",
                                        f"業務「{rec.business_system}」は登録されていません。" if rec.business_system
                                        else "機能IDが空です。パッケージにない機能の場合は、業務列に業務名を記入してください。"))
                continue
            if not rec.title:
                issues.append(rec.issue("title", "パッケージにない機能の要望には要望名（新しい機能の名称）が必要です。"))
                continue
        resolved.append((rec, m[0], m[1], fid, bsid))

    # Group: by key; without a key, by function (joining its one open item if there is one).
    open_by_function: dict[int, list[RequestItem]] = defaultdict(list)
    for item in items_by_key.values():
        if item.function_id is not None and Status(item.status) in OPEN:
            open_by_function[item.function_id].append(item)
    groups: dict[str, list[tuple]] = defaultdict(list)
    for entry in resolved:
        rec, _, _, fid, _ = entry
        if rec.key:
            groups[rec.key].append(entry)
        elif fid is not None and len(open_by_function.get(fid, [])) == 1:
            groups[open_by_function[fid][0].key].append(entry)
        elif fid is not None:
            groups[f"\0function:{fid}"].append(entry)
        else:
            groups[f"\0row:{rec.file}:{rec.row}"].append(entry)

    planned: list[PlannedItem] = []
    taken: set[str] = set(items_by_key)
    for gkey, entries in groups.items():
        first = entries[0][0]
        existing = items_by_key.get(gkey)
        if existing is not None and Status(existing.status) not in OPEN:
            issues.append(first.issue("key", f"要望 {gkey} は「{Status(existing.status).label}」で決定済みのため、取り込めません。"))
            continue
        seen: dict[int, RequestRecord] = {}
        estimate, estimate_rec = None, None
        function_id = existing.function_id if existing else entries[0][3]
        ok = True
        for rec, mid, mname, fid, _ in entries:
            if mid in seen:
                issues.append(rec.issue("member", f"団体「{mname}」の要望 {rec.key or ''} が重複しています（{seen[mid].file} {seen[mid].row}行目）。"))
                ok = False
            seen[mid] = rec
            if rec.function_code and fid != function_id:
                where = f"既存の要望 {gkey}" if existing else f"{first.file} {first.row}行目"
                issues.append(rec.issue("function_code", f"同じ要望番号の行で機能IDが違います（{where}と異なります）。"))
                ok = False
            if rec.estimate is not None:
                if estimate is not None and rec.estimate != estimate:
                    issues.append(rec.issue("estimate", f"見積額 {rec.estimate:,} 円が、同じ要望番号の{estimate_rec.file} "
                                                        f"{estimate_rec.row}行目の {estimate:,} 円と違います（見積額は要望項目全体の金額です）。"))
                    ok = False
                estimate, estimate_rec = rec.estimate, rec
        if not ok:
            continue
        parts = []
        for rec, mid, mname, _, _ in entries:
            if existing is None:
                parts.append(PlannedPart(mname, mid, "add", (), rec))
                continue
            current = s.scalar(select(MemberRequest).where(MemberRequest.item_id == existing.id, MemberRequest.member_id == mid))
            if current is None or current.withdrawn:
                parts.append(PlannedPart(mname, mid, "join", (), rec))
                continue
            changed = tuple(FIELDS[f] for f in _COMPARED if getattr(current, f) != getattr(rec, f))
            parts.append(PlannedPart(mname, mid, "update" if changed else "unchanged", changed, rec))
        if existing is None:
            key = gkey if not gkey.startswith("\0") else req.next_key(s, taken)
            taken.add(key)
            title = next((e[0].title for e in entries if e[0].title), None)
            if title is None:
                title = s.scalar(select(Function.name).where(Function.id == function_id)) if function_id else ""
            planned.append(PlannedItem(key, None, title, function_id, entries[0][4] if function_id is None else None,
                                       first.title if function_id is None else None, estimate, estimate is not None,
                                       tuple(parts), generated_key=gkey.startswith("\0")))
        else:
            changed_est = estimate is not None and estimate != existing.estimate
            planned.append(PlannedItem(existing.key, existing.id, existing.title, existing.function_id,
                                       existing.business_system_id, existing.proposed_function,
                                       estimate if changed_est else existing.estimate, changed_est, tuple(parts)))
    if issues:
        raise ImportValidationError(sorted(issues, key=lambda i: (i.file, i.row or 0)))
    return RequestImportPlan(tuple(dict.fromkeys(r.file for r in records)), tuple(planned))


def _part_values(rec: RequestRecord) -> dict:
    return dict(content=rec.content, reason=rec.reason, service_drop=rec.service_drop,
                service_drop_detail=rec.service_drop_detail, annual_cases=rec.annual_cases, workaround=rec.workaround)


def apply_request_import(s: Session, plan: RequestImportPlan, *, by: str | None = None) -> Changes:
    """Write a plan as one undoable action; any refusal leaves the caller's transaction to roll back."""
    label = f"要望票の取り込み（{'、'.join(plan.files)}）"
    with audit.action(s, label, by=by):
        for item in plan.items:
            item_id = item.item_id
            for part in item.parts:
                values = _part_values(part.record)
                if item_id is None:
                    created = req.create_item(
                        s, member_id=part.member_id, title=item.title, function_id=item.function_id,
                        business_system_id=item.business_system_id, proposed_function=item.proposed_function,
                        estimate=item.estimate, key=None if item.generated_key else item.key, allow_duplicate=True,
                        by=by, **values)
                    item_id = created.id
                elif part.action in ("add", "join"):
                    req.join_item(s, item_id=item_id, member_id=part.member_id, by=by, **values)
                elif part.action == "update":
                    req.update_member_request(s, item_id=item_id, member_id=part.member_id, by=by, **values)
            if item.item_id is not None and item.estimate_changed:
                req.update_item(s, item_id=item.item_id, estimate=item.estimate, by=by)
        s.flush()
    return Changes(requests=True, history=True)

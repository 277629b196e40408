"""Importing members' request workbooks: plan (validate against the database, preview what will
be added or changed), then apply all of it in the caller's transaction, as one undoable action.

Grouping: rows sharing a 要望番号 form one item, across files and members. A row without a
要望番号 joins the open item already raised for its function, if there is exactly one; rows
without a 要望番号 for the same function form one new item. 見積額 is for the whole item: the
rows of one item repeat it or leave it blank.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from operator import itemgetter
from typing import Any

from sqlalchemy import inspect as sa_inspect
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from .. import limits
from ..bulk import gc_paused
from ..changes import Changes
from ..domain import audit
from ..domain.models import Base, BusinessSystem, Function, Member, MemberRequest, RequestItem, StatusChange
from ..domain.vocab import normalize_key
from ..domain.workflow import OPEN, Status
from ..errors import DomainError, ImportIssue, ImportValidationError
from ..importers.requests import FIELDS, RequestRecord
from ..store.concurrency import describe_record
from ..store.locks import lock_numbering
from . import requests as req
from .consortium import require_consortium

Row = dict[str, Any]  # a row's column values, as written in bulk (executemany), not through the ORM
Update = tuple[type[Base], int, Row, bool]  # (model, row id, changed values, the version moves on)
Resolved = tuple[RequestRecord, int, str, int | None, int | None]  # (record, member id, name, function id, 業務 id)

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


def _function_index(s: Session) -> dict[str, list[tuple[int, int, str, bool, str]]]:
    """Code → (id, system, name, retired, kind) of functions and forms; a form also under 「帳票:code」.
    A function and a form of one system may share a code: the row's 種別 (or 帳票:) says which."""
    out: dict[str, list[tuple[int, int, str, bool, str]]] = defaultdict(list)
    for fid, code, bsid, name, kind, retired in s.execute(
            select(Function.id, Function.code, Function.business_system_id, Function.name, Function.kind,
                   Function.retired)):
        entry = (fid, bsid, name, retired, kind)
        out[code].append(entry)
        if kind == "form":
            out[FORM_PREFIX + code].append(entry)
    return out


def plan_request_import(s: Session, records: list[RequestRecord]) -> RequestImportPlan:
    """Check the records against members, functions and items; change nothing."""
    require_consortium(s)
    with gc_paused():  # tens of thousands of small objects, none cyclic (see bulk.gc_paused)
        return _plan(s, records)


def _plan(s: Session, records: list[RequestRecord]) -> RequestImportPlan:
    issues: list[ImportIssue] = []
    members = {normalize_key(name): (mid, name) for mid, name in s.execute(select(Member.id, Member.name))}
    systems = {normalize_key(name): bid for bid, name in s.execute(select(BusinessSystem.id, BusinessSystem.name))}
    system_names = dict(s.execute(select(BusinessSystem.id, BusinessSystem.name)).all())
    functions = _function_index(s)
    function_names = {c[0]: c[2] for cands in functions.values() for c in cands}
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
            if rec.kind and cands:
                cands = [c for c in cands if c[4] == rec.kind]
            if rec.business_system and len(cands) > 1:
                cands = [c for c in cands if c[1] == systems.get(normalize_key(rec.business_system))]
            if not cands:
                issues.append(rec.issue("function_code", f"機能ID「{rec.function_code}」は機能一覧にありません"
                                        + ("（種別: 帳票）。" if rec.kind == "form" else "（種別: 機能）。" if rec.kind else "。")))
                continue
            if len(cands) > 1 and len({c[1] for c in cands}) == 1 and len({c[4] for c in cands}) > 1:
                # A retired (欠番) one of the two is not what a new request means; both retired: the
                # function, refused as 欠番 below as before.
                live = [c for c in cands if not c[3]]
                cands = live if len(live) == 1 else [c for c in cands if c[4] != "form"] if not live else cands
            if len(cands) > 1 and len({c[1] for c in cands}) == 1 and len({c[4] for c in cands}) > 1:
                function = next(c for c in cands if c[4] != "form")
                form = next(c for c in cands if c[4] == "form")
                issues.append(rec.issue(
                    "function_code", f"機能ID「{rec.function_code}」は業務「{system_names[cands[0][1]]}」の機能（{function[2]}）と"
                                     f"帳票（{form[2]}）の両方にあります。種別列に「機能」か「帳票」を記入してください"
                                     f"（帳票なら機能IDを「{FORM_PREFIX}{rec.function_code}」としても指定できます）。"))
                continue
            if len(cands) > 1:
                names = "、".join(system_names[c[1]] for c in cands)
                issues.append(rec.issue("function_code", f"機能ID「{rec.function_code}」は複数の業務（{names}）にあります。"
                                                         "業務列に業務名を記入してください。"))
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

    # A row without 要望番号 that says exactly what a member's part of an existing item says (the
    # same member, function and 要望内容) is the same workbook imported again: refused naming the
    # item, never a second item (a decided one would come back as a new 要望).
    unkeyed = [e for e in resolved if not e[0].key]
    if unkeyed:
        seen_parts: dict[tuple[int, int | None, str, str], RequestItem] = {}
        by_id = {i.id: i for i in items_by_key.values()}
        for part in s.execute(select(MemberRequest.item_id, MemberRequest.member_id, MemberRequest.content)):
            item = by_id.get(part.item_id)
            if item is not None:
                seen_parts.setdefault((part.member_id, item.function_id, normalize_key(item.title if item.function_id
                                       is None else ""), normalize_key(part.content)), item)
        kept = []
        for entry in resolved:
            rec, mid, _, fid, _ = entry
            same = None if rec.key else seen_parts.get(
                (mid, fid, normalize_key(rec.title or "" if fid is None else ""), normalize_key(rec.content)))
            if same is not None:
                issues.append(rec.issue("key", f"この要望は要望 {same.key}（{Status(same.status).label}）として取り込み済みです。"
                                               f"要望番号に {same.key} と記入するか、この行を削除してください。"))
            else:
                kept.append(entry)
        resolved = kept

    # Group: by key; without a key, by function (joining its one open item if there is one).
    open_by_function: dict[int, list[RequestItem]] = defaultdict(list)
    for item in items_by_key.values():
        if item.function_id is not None and Status(item.status) in OPEN:
            open_by_function[item.function_id].append(item)
    groups: dict[str, list[Resolved]] = defaultdict(list)
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

    # The parts the existing items already have, read once (not once per row).
    existing_ids = [items_by_key[g].id for g in groups if g in items_by_key]
    current_parts: dict[tuple[int, int], MemberRequest] = {}
    for start in range(0, len(existing_ids), 500):
        for mr in s.scalars(select(MemberRequest).where(MemberRequest.item_id.in_(existing_ids[start:start + 500]))):
            current_parts[(mr.item_id, mr.member_id)] = mr
    planned: list[PlannedItem] = []
    taken: set[str] = set(items_by_key)
    # A generated key is the next after the highest R-number in the database or taken so far.
    top = int(req.next_key(s, taken)[len(req.KEY_PREFIX):]) - 1
    for gkey, entries in groups.items():
        first = entries[0][0]
        existing = items_by_key.get(gkey)
        if existing is not None and Status(existing.status) not in OPEN:
            issues.append(first.issue("key", f"要望 {gkey} は「{Status(existing.status).label}」で決定済みのため、取り込めません。"))
            continue
        seen: dict[int, RequestRecord] = {}
        estimate: int | None = None
        estimate_rec: RequestRecord | None = None
        function_id = existing.function_id if existing else entries[0][3]
        ok = True
        for rec, mid, mname, fid, _ in entries:
            if mid in seen:
                issues.append(rec.issue("member", f"団体「{mname}」の要望 {rec.key or ''} が重複しています"
                                                  f"（{seen[mid].file} {seen[mid].row}行目）。"))
                ok = False
            seen[mid] = rec
            if rec.function_code and fid != function_id:
                where = f"既存の要望 {gkey}" if existing else f"{first.file} {first.row}行目"
                issues.append(rec.issue("function_code", f"同じ要望番号の行で機能IDが違います（{where}と異なります）。"))
                ok = False
            if rec.estimate is not None:
                if estimate is not None and estimate_rec is not None and rec.estimate != estimate:
                    issues.append(rec.issue("estimate", f"見積額 {rec.estimate:,} 円が、同じ要望番号の{estimate_rec.file} "
                                                        f"{estimate_rec.row}行目の {estimate:,} 円と違います"
                                                        "（見積額は要望項目全体の金額です）。"))
                    ok = False
                estimate, estimate_rec = rec.estimate, rec
        if not ok:
            continue
        parts = []
        for rec, mid, mname, _, _ in entries:
            if existing is None:
                parts.append(PlannedPart(mname, mid, "add", (), rec))
                continue
            current = current_parts.get((existing.id, mid))
            if current is None or current.withdrawn:
                parts.append(PlannedPart(mname, mid, "join", (), rec))
                continue
            changed = tuple(FIELDS[f] for f in _COMPARED if getattr(current, f) != getattr(rec, f))
            parts.append(PlannedPart(mname, mid, "update" if changed else "unchanged", changed, rec))
        if existing is None:
            key = gkey if not gkey.startswith("\0") else f"{req.KEY_PREFIX}{top + 1:04d}"
            taken.add(key)
            if (number := req.key_number(key)) is not None:
                top = max(top, number)
            title = next((e[0].title for e in entries if e[0].title), None)
            if title is None:
                title = function_names.get(function_id, "") if function_id else ""
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


def apply_request_import(s: Session, plan: RequestImportPlan, *, by: str | None = None) -> Changes:
    """Write a plan as one undoable action; any refusal leaves the caller's transaction to roll back.

    The rows and the audit trail are those the per-row operations write (``requests.create_item``,
    ``join_item``, ``update_member_request``, ``update_item``), with the same checks and
    messages, but written in bulk: the state the plan needs is read in a few queries, every
    table gets one ``executemany``, and the trail one insert per table (5,000 items from 34
    workbooks took 30-50 s through the ORM, one flush and several look-ups per row).
    """
    label = f"要望票の取り込み（{'、'.join(plan.files)}）"
    with audit.action(s, label, by=by) as act, gc_paused():
        _BulkWrite(s, act.user).write(plan)
    return Changes(requests=True, history=True)


def _clean_part(rec: RequestRecord) -> Row:
    """A member's row as the per-row operations store it (texts stripped, no empty 代替運用案)."""
    content, detail = rec.content.strip(), rec.service_drop_detail.strip()
    values = dict(content=content, reason=rec.reason, service_drop=rec.service_drop,
                  service_drop_detail=detail, annual_cases=rec.annual_cases,
                  workaround=(rec.workaround or "").strip() or None)
    req.check_part_fields(req.PartFields(content=content, reason=rec.reason, service_drop=rec.service_drop,
                                         service_drop_detail=detail, annual_cases=rec.annual_cases))
    return values


class _BulkWrite:
    """One import's writes: rows prepared in Python, one statement per table, and the audit trail
    the per-row operations would have left, entry for entry and in their order."""

    def __init__(self, s: Session, user: str):
        self.s, self.user = s, user
        self.conn = s.connection()
        self.now = req.now()
        # The trail as the operations flushed it: one list per flush, each entry
        # (table, op, row or row id, field, old, new, item id); an inserted row's id is filled in later.
        self.flushes: list[list[list[Any]]] = []  # per flush: [table, "insert", row] / [table, "update", id, column, old, new, item id]

    # --- checks against the database as it is now (the plan may have been made earlier) ------

    def _settle_keys(self, plan: RequestImportPlan) -> RequestImportPlan:
        """The generated 要望番号 taken again now, under the numbering lock, as create_item takes
        them one after another: each the next after the highest in the database and in the items
        written before it (another user may have taken the plan's meanwhile)."""
        if not any(i.generated_key for i in plan.items):
            return plan
        lock_numbering(self.s, "request_key")
        top = int(req.next_key(self.s)[len(req.KEY_PREFIX):]) - 1
        items = []
        for i in plan.items:
            if i.item_id is None:
                if i.generated_key:
                    i = replace(i, key=f"{req.KEY_PREFIX}{top + 1:04d}")
                number = req.key_number(i.key)
                top = max(top, number if number is not None else top)
            items.append(i)
        return replace(plan, items=tuple(items))

    def _check(self, plan: RequestImportPlan) -> dict[int, Row]:
        new_keys = [i.key for i in plan.items if i.item_id is None]
        seen: set[str] = set()
        for key in new_keys:
            if key in seen:
                raise DomainError(f"要望番号「{key}」はすでに使われています。")
            seen.add(key)
        for chunk in _chunks(new_keys):
            used = self.s.scalars(select(RequestItem.key).where(RequestItem.key.in_(chunk))).first()
            if used is not None:
                raise DomainError(f"要望番号「{used}」はすでに使われています。")
        for i in plan.items:
            if i.item_id is None and i.function_id is None and (
                    i.business_system_id is None or not (i.proposed_function or "").strip()):
                raise DomainError("対象の機能を選ぶか、新しい機能の業務と機能名を入力してください。")
            if i.estimate_changed or i.item_id is None:
                req.check_estimate(i.estimate)
        wanted = (
            (Function, "機能", {i.function_id for i in plan.items if i.item_id is None and i.function_id is not None}),
            (BusinessSystem, "業務", {i.business_system_id for i in plan.items
                                      if i.item_id is None and i.function_id is None and i.business_system_id is not None}),
            (Member, "団体", {p.member_id for i in plan.items for p in i.parts}),
        )
        for model, what, ids in wanted:
            found: set[int] = set()
            for chunk in _chunks(sorted(ids)):
                found.update(self.s.scalars(select(model.id).where(model.id.in_(chunk))))
            missing = sorted(ids - found)
            if missing:
                raise DomainError(f"{what}（id {missing[0]}）が見つかりません。")
        existing = [i.item_id for i in plan.items if i.item_id is not None]
        items: dict[int, Row] = {}
        for chunk in _chunks(existing):
            for row in self.s.execute(select(RequestItem.__table__).where(RequestItem.id.in_(chunk))).mappings():
                items[row["id"]] = dict(row)
        for item_id in existing:
            if item_id not in items:
                raise DomainError(f"要望項目（id {item_id}）が見つかりません。")
        return items

    # --- the rows -----------------------------------------------------------------------------

    def write(self, plan: RequestImportPlan) -> None:
        plan = self._settle_keys(plan)
        current_items = self._check(plan)
        current_parts: dict[tuple[int, int], Row] = {}
        for chunk in _chunks(list(current_items)):
            for row in self.s.execute(select(MemberRequest.__table__).where(MemberRequest.item_id.in_(chunk))).mappings():
                current_parts[(row["item_id"], row["member_id"])] = dict(row)
        item_rows: list[Row] = []
        part_rows: list[Row] = []
        status_rows: list[Row] = []
        updates: list[Update] = []  # (model, row id, changed values, version moves on)
        for i in plan.items:
            if i.item_id is None:
                self._new_item(i, item_rows, part_rows, status_rows)
            else:
                self._existing_item(i, current_items[i.item_id], current_parts, part_rows, updates)
        self._insert(RequestItem, item_rows)
        ids = self._ids(RequestItem, RequestItem.key, [r["key"] for r in item_rows])
        for r in item_rows:
            r["id"] = ids[r["key"]]
        for r in (*part_rows, *status_rows):
            if "item_row" in r:
                r["item_id"] = r.pop("item_row")["id"]
        self._insert(StatusChange, status_rows)
        self._insert(MemberRequest, part_rows)
        ids = self._ids(StatusChange, StatusChange.item_id, [r["item_id"] for r in status_rows])
        for r in status_rows:
            r["id"] = ids[r["item_id"]]
        ids = self._part_ids(part_rows)
        for r in part_rows:
            r["id"] = ids[(r["item_id"], r["member_id"])]
        for model, row_id, values, bump in updates:
            table = Base.metadata.tables[model.__tablename__]
            self.conn.execute(update(table).where(table.c.id == row_id).values(
                {**values, "version": table.c.version + 1} if bump else values))
        self._record()
        self.s.expire_all()  # the session's copies of rows written here (the plan's items) are stale

    def _new_item(self, i: PlannedItem, item_rows: list[Row], part_rows: list[Row], status_rows: list[Row]) -> None:
        """create_item for the first member (item, then its part and status change), join_item for the rest."""
        row = dict(key=i.key, function_id=i.function_id,
                   business_system_id=None if i.function_id is not None else i.business_system_id,
                   proposed_function=None if i.function_id is not None else (i.proposed_function or "").strip(),
                   title=i.title.strip(), status=Status.REQUESTED.value, estimate=i.estimate,
                   created_at=self.now, updated_at=self.now, version=1)
        # The flush's limits check, for what the workbooks' own check did not see: a title taken from
        # the function's name (a longer column), a generated key.
        found = [problem for c in ("key", "title", "proposed_function")
                 if row[c] is not None and (problem := limits.check_value("request_item", c, row[c]))]
        if found:
            raise DomainError("\n".join(f"{describe_record('request_item', row, '新規')}: {f}" for f in found))
        item_rows.append(row)
        self.flushes.append([["request_item", "insert", row]])
        for n, p in enumerate(i.parts):
            part = dict(item_row=row, member_id=p.member_id, **_clean_part(p.record), withdrawn=False,
                        withdrawn_on=None, withdrawn_reason=None, created_at=self.now, updated_at=self.now, version=1)
            part_rows.append(part)
            flush = [["member_request", "insert", part]]
            if n == 0:
                status = dict(item_row=row, from_status=None, to_status=Status.REQUESTED.value,
                              reason=f"{p.member}から要望", meeting_id=None, changed_by=self.user, changed_at=self.now)
                status_rows.append(status)
                flush.append(["status_change", "insert", status])
            self.flushes.append(flush)

    def _existing_item(self, i: PlannedItem, item: Row, current_parts: dict[tuple[int, int], Row], part_rows: list[Row],
                       updates: list[Update]) -> None:
        """join_item, update_member_request and update_item on an item already in the database."""
        first_change = next((p.action for p in i.parts if p.action != "unchanged"), None)
        if first_change is not None or i.estimate_changed:  # the first change refuses a decided item, in its words
            req.require_open(_ItemState(item["key"], item["status"]),
                             "団体を追加" if first_change in ("add", "join") else "編集")
        item_changes: Row = {}
        bump = False  # the item's own fields changed (a join, the estimate): its version moves on
        for p in i.parts:
            if p.action == "unchanged":
                continue
            values = _clean_part(p.record)
            current = current_parts.get((item["id"], p.member_id))
            flush: list[list[Any]] = []
            if p.action in ("add", "join"):
                if current is not None and not current["withdrawn"]:
                    raise DomainError(f"団体「{p.member}」はすでに要望 {i.key} に参加しています。"
                                      "内容の修正は編集で行ってください。")
                values |= dict(withdrawn=False, withdrawn_on=None, withdrawn_reason=None, updated_at=self.now)
                if current is None:
                    part = dict(item_id=item["id"], member_id=p.member_id, **values, created_at=self.now, version=1)
                    part_rows.append(part)
                    flush.append(["member_request", "insert", part])
                else:  # a member that had withdrawn asks again
                    self._change(MemberRequest, current, values, item["id"], flush, updates)
                # join_item sets the item's updated_at through the ORM, in the same flush
                bump |= self._change(RequestItem, item, dict(updated_at=self.now), item["id"], flush, item_changes)
                self.flushes.append(flush)
            else:  # 'update': the part's fields, then the item stamped without moving its version
                if current is None:
                    raise DomainError(f"団体「{p.member}」は要望 {i.key} に参加していません。")
                if not {k: v for k, v in values.items() if current[k] != v}:
                    continue
                self._change(MemberRequest, current, values | dict(updated_at=self.now), item["id"], flush, updates)
                self.flushes.append(flush)
                self.flushes.append([["request_item", "update", item["id"], "updated_at", item["updated_at"],
                                      self.now, item["id"]]])
                item["updated_at"] = item_changes["updated_at"] = self.now
        if i.estimate_changed and i.estimate != item["estimate"]:
            flush = []
            bump |= self._change(RequestItem, item, dict(estimate=i.estimate, updated_at=self.now), item["id"], flush,
                                 item_changes)
            self.flushes.append(flush)
        if item_changes:
            updates.append((RequestItem, item["id"], item_changes, bump))

    def _change(self, model: type[Base], current: Row, values: Row, item_id: int, flush: list[list[Any]],
                into: Row | list[Update]) -> bool:
        """A row's fields that differ, changed as the ORM would: the trail entries (in column order, as
        the audit hook writes them), the row as it now is, and the update (a list of statements, or the
        item's dict); True if anything differed (the ORM then moves the row's version on)."""
        changed = {k: v for k, v in values.items() if current[k] != v}
        if not changed:
            return False
        table = model.__tablename__
        for k in _columns(model):
            if k in changed:
                flush.append([table, "update", current["id"], k, current[k], changed[k], item_id])
        current.update(changed)
        if isinstance(into, dict):
            into.update(changed)
        else:
            into.append((model, current["id"], changed, True))
        return True

    def _record(self) -> None:
        """The trail: each flush's inserts then updates, in table order, as ``audit`` records a flush."""
        columns = {m.__tablename__: _columns(m) for m in (RequestItem, MemberRequest, StatusChange)}
        order = audit.TABLE_ORDER
        now, now_text = self.now, self.now.isoformat()  # as audit.encode writes a time, once
        entries: list[tuple[str, int, str, str | None, str | None, str | None, int | None]] = []
        for flush in self.flushes:
            for e in sorted(flush, key=lambda e: order[e[0]]) if len(flush) > 1 else flush:
                if e[1] == "insert":
                    row = e[2]
                    item_id = row["id"] if e[0] == "request_item" else row["item_id"]
                    image = {c: now_text if row[c] is now else row[c] for c in columns[e[0]]}
                    entries.append((e[0], row["id"], "insert", None, None, audit.row_json(image), item_id))
                else:
                    table, _, row_id, fld, old, new, item_id = e
                    entries.append((table, row_id, "update", fld, audit.encode(old), audit.encode(new), item_id))
        audit.record_entries(self.s, entries)

    # --- statements ---------------------------------------------------------------------------

    def _insert(self, model: type[Base], rows: list[Row]) -> None:
        """One executemany of plain rows, values converted as SQLAlchemy stores them."""
        if not rows:
            return
        table = model.__table__
        cols = [c for c in rows[0] if c in table.c and c != "id"]
        dialect = self.conn.dialect
        procs = [(n, _memo(proc)) for n, c in enumerate(cols)
                 if (proc := table.c[c].type.dialect_impl(dialect).bind_processor(dialect)) is not None]
        values = itemgetter(*cols)
        params = []
        for r in rows:
            row = list(values(r))
            for n, convert in procs:
                if row[n] is not None:
                    row[n] = convert(row[n])
            params.append(tuple(row))
        mark = "?" if self.conn.dialect.paramstyle == "qmark" else "%s"
        self.conn.exec_driver_sql(
            f"INSERT INTO {model.__tablename__} ({', '.join(cols)}) VALUES ({', '.join([mark] * len(cols))})", params)

    def _ids(self, model: type[RequestItem] | type[StatusChange], column: Any,  # column: a mapped attribute
             values: list[Any]) -> dict[Any, int]:
        """The ids of the rows just inserted, by a column unique among them (a key; the item of a status change)."""
        out: dict[Any, int] = {}
        for chunk in _chunks(values):
            out.update((v, i) for i, v in self.s.execute(
                select(model.id, column).where(column.in_(chunk)).order_by(model.id)))
        return out

    def _part_ids(self, part_rows: list[Row]) -> dict[tuple[int, int], int]:
        out: dict[tuple[int, int], int] = {}
        for chunk in _chunks(sorted({r["item_id"] for r in part_rows})):
            q = select(MemberRequest.id, MemberRequest.item_id, MemberRequest.member_id).where(
                MemberRequest.item_id.in_(chunk))
            out.update(((item_id, member_id), pid) for pid, item_id, member_id in self.s.execute(q))
        return out


@dataclass(frozen=True)
class _ItemState:
    key: str
    status: str


def _memo(process: Callable[[Any], Any]) -> Callable[[Any], Any]:  # a bind processor
    """A type's conversion, once per distinct value: the import's dates are all one timestamp and its
    flags two values, and converting each of 100,000 again was a fifth of the write."""
    if process is None:
        return None
    done: dict[Any, Any] = {}

    def converted(value: Any) -> Any:
        try:
            return done[value]
        except KeyError:
            done[value] = out = process(value)
            return out
        except TypeError:  # not hashable
            return process(value)
    return converted


def _columns(model: type[Base]) -> list[str]:
    return [c.key for c in sa_inspect(model).column_attrs]


def _chunks(values: list[Any], size: int = 500) -> list[list[Any]]:
    return [values[i:i + size] for i in range(0, len(values), size)]

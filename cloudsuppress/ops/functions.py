"""Function list operations: browse rows, the subcommittee tree, fit-gap rates, and imports.

An import is two steps, so that the user sees the difference before anything changes:
``plan_function_import`` compares the parsed file with what the database holds, per business
system; ``apply_function_import`` writes the plan in the caller's transaction. Importing a list
for a business system replaces that system's list (matching IDs updated, new ones added,
missing ones removed); other systems are untouched.
"""
from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from operator import attrgetter
from typing import NamedTuple

from sqlalchemy import bindparam, delete, func, select, update
from sqlalchemy.orm import Session

from ..changes import Changes
from ..errors import DomainError, ImportIssue, ImportValidationError
from ..importers.function_list import FIELDS, FunctionRecord, ParsedFunctionList
from ..importers.tabular import column_letter
from .. import audit
from ..bulk import gc_paused
from ..concurrency import conflict
from ..models import BusinessSystem, Function, RequestItem, Subcommittee
from ..vocab import FIT_MARKS, normalize_key

# Fields compared to decide whether a function "changed" on re-import.
COMPARED = ("level1", "level2", "level3", "name", "requirement", "requirement_class", "fit", "convenience")


class FunctionRow(NamedTuple):
    """A function as the browser shows it (plain, immutable data, safe outside the session).

    A NamedTuple rather than a frozen dataclass: the browser loads 30,000 of them at start-up,
    and a NamedTuple is built several times faster.
    """

    id: int
    code: str
    business_system_id: int
    business_system: str
    subcommittee_id: int
    subcommittee: str
    level1: str | None
    level2: str | None
    level3: str | None
    name: str
    requirement: str | None
    requirement_class: str | None
    fit: str | None
    convenience: bool
    spec_version: str | None


@dataclass(frozen=True)
class FitStats:
    """Counts of fit marks; the gap rate is (△+×) over assessed functions."""

    total: int = 0
    by_fit: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIT_MARKS, 0))
    unassessed: int = 0
    convenience: int = 0

    @property
    def assessed(self) -> int:
        return self.total - self.unassessed

    @property
    def gaps(self) -> int:
        return self.by_fit.get("△", 0) + self.by_fit.get("×", 0)

    @property
    def gap_rate(self) -> float | None:
        return self.gaps / self.assessed if self.assessed else None


@dataclass(frozen=True)
class SystemNode:
    """A business system in the subcommittee tree, with its function counts."""

    id: int
    code: str | None
    name: str
    subcommittee_id: int
    subcommittee: str
    working_group: str | None
    spec_version: str | None
    stats: FitStats


def list_function_rows(
    s: Session, *, business_system_id: int | None = None, function_id: int | None = None
) -> list[FunctionRow]:
    """Every function (or one system's), in subcommittee → system → list order."""
    q = (
        select(
            Function.id, Function.code, Function.business_system_id, BusinessSystem.name,
            Subcommittee.id, Subcommittee.name, Function.level1, Function.level2, Function.level3,
            Function.name, Function.requirement, Function.requirement_class, Function.fit,
            Function.convenience, Function.spec_version,
        )
        .join(BusinessSystem, Function.business_system_id == BusinessSystem.id)
        .join(Subcommittee, BusinessSystem.subcommittee_id == Subcommittee.id)
        .order_by(Subcommittee.sort_order, BusinessSystem.sort_order, Function.sort_order, Function.id)
    )
    if business_system_id is not None:
        q = q.where(Function.business_system_id == business_system_id)
    if function_id is not None:
        q = q.where(Function.id == function_id)
    # Core execution and one fetchall: the ORM's result handling adds ~0.1 s for 30,000 column
    # rows, and iterating the result fetches them one call at a time.
    return list(map(FunctionRow._make, s.connection().execute(q).fetchall()))


def _stats_from_counts(counts: Counter, convenience: int) -> FitStats:
    by_fit = {m: counts.get(m, 0) for m in FIT_MARKS}
    total = sum(counts.values())
    return FitStats(total=total, by_fit=by_fit, unassessed=counts.get(None, 0), convenience=convenience)


def system_tree(s: Session) -> list[SystemNode]:
    """Every business system with its subcommittee and fit counts, in display order."""
    counts: dict[int, Counter] = defaultdict(Counter)
    conv: Counter = Counter()
    for sys_id, fit, convenience, n in s.execute(
        select(Function.business_system_id, Function.fit, Function.convenience, func.count())
        .group_by(Function.business_system_id, Function.fit, Function.convenience)
    ):
        counts[sys_id][fit] += n
        if convenience:
            conv[sys_id] += n
    rows = s.execute(
        select(BusinessSystem, Subcommittee)
        .join(Subcommittee, BusinessSystem.subcommittee_id == Subcommittee.id)
        .order_by(Subcommittee.sort_order, BusinessSystem.sort_order, BusinessSystem.id)
    )
    return [
        SystemNode(b.id, b.code, b.name, sc.id, sc.name, b.working_group, b.spec_version,
                   _stats_from_counts(counts[b.id], conv[b.id]))
        for b, sc in rows
    ]


def combine_stats(stats: list[FitStats]) -> FitStats:
    """Add up several systems' counts (a subcommittee, or the whole consortium)."""
    by_fit = {m: sum(st.by_fit.get(m, 0) for st in stats) for m in FIT_MARKS}
    return FitStats(
        total=sum(st.total for st in stats),
        by_fit=by_fit,
        unassessed=sum(st.unassessed for st in stats),
        convenience=sum(st.convenience for st in stats),
    )


def fit_stats(s: Session) -> FitStats:
    """Fit counts over the whole consortium."""
    return combine_stats([n.stats for n in system_tree(s)])


# --- import -----------------------------------------------------------------------------


@dataclass(frozen=True)
class FunctionChange:
    code: str
    name: str
    fields: tuple[str, ...]  # labels of the fields that differ


@dataclass(frozen=True)
class SystemDiff:
    """What importing the file would do to one business system's list."""

    business_system_id: int
    business_system: str
    old_spec_version: str | None
    new_spec_version: str | None
    added: tuple[str, ...]
    changed: tuple[FunctionChange, ...]
    removed: tuple[str, ...]
    unchanged: int
    existing: int
    # Functions the file drops but request items still point to: (機能ID, 要望番号...).
    blocked: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # The system's row version the diff was computed against: applying refuses a newer one.
    version: int | None = None

    @property
    def replaces(self) -> bool:
        return self.existing > 0 and bool(self.changed or self.removed or self.added)


@dataclass(frozen=True)
class FunctionImportPlan:
    """A validated import, ready to apply; ``diffs`` is what the user confirms."""

    source: str
    spec_version: str | None
    records: dict[int, tuple[FunctionRecord, ...]]  # business system id → records
    diffs: tuple[SystemDiff, ...]

    @property
    def total_records(self) -> int:
        return sum(len(r) for r in self.records.values())

    @property
    def needs_confirmation(self) -> bool:
        """True when existing functions would be changed or removed."""
        return any(d.changed or d.removed for d in self.diffs) or any(
            d.existing and d.old_spec_version != d.new_spec_version for d in self.diffs
        )

    @property
    def blocked(self) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
        """(業務, 機能ID, 要望番号...) of every function the import would remove although requests point to it."""
        return tuple((d.business_system, code, keys) for d in self.diffs for code, keys in d.blocked)

    def blocked_message(self) -> str | None:
        """Why the plan cannot be applied, or None."""
        if not self.blocked:
            return None
        lines = [f"{system} 機能ID {code}（要望 {'、'.join(keys)}）" for system, code, keys in self.blocked]
        return (
            "要望項目が登録されている機能は、新しい一覧にないため削除することになりますが、削除できません。"
            "一覧にその機能を残すか、要望項目の機能を付け替えてから取り込んでください。\n" + "\n".join(lines)
        )

    def describe(self) -> str:
        """A Japanese summary of the plan, one line per business system."""
        lines = []
        for d in self.diffs:
            ver = ""
            if d.old_spec_version != d.new_spec_version and d.existing:
                ver = f"（仕様書の版 {d.old_spec_version or '未設定'} → {d.new_spec_version or '未設定'}）"
            lines.append(
                f"{d.business_system}: 追加 {len(d.added)} 件、変更 {len(d.changed)} 件、"
                f"削除 {len(d.removed)} 件、変更なし {d.unchanged} 件{ver}"
            )
            for code, keys in d.blocked:
                lines.append(f"  削除できない機能 {code}: 要望 {'、'.join(keys)} が登録されています")
        return "\n".join(lines)


ADD_SYSTEM_HINT = "業務は、機能一覧の業務ツリーの右クリック「業務を追加…」か、CLI の structure add-system で追加できます。"


@gc_paused()
def plan_function_import(
    s: Session,
    parsed: ParsedFunctionList,
    *,
    business_system: str | None = None,
    spec_version: str | None = None,
) -> FunctionImportPlan:
    """Resolve business systems and compare the parsed list with the database; change nothing."""
    systems = {normalize_key(b.name): b for b in s.scalars(select(BusinessSystem))}
    ids = {b: b.id for b in systems.values()}
    by_system: dict[int, list[FunctionRecord]] = defaultdict(list)
    issues: list[ImportIssue] = []
    seen: dict[tuple[int, str], int] = {}
    default = None
    if business_system:
        default = systems.get(normalize_key(business_system))
        if default is None:
            raise ImportValidationError(
                [ImportIssue(parsed.file, None, None, f"業務「{business_system}」が登録されていません。{ADD_SYSTEM_HINT}")]
            )
    col = parsed.mapping.columns.get("business_system")
    if col is None and default is None:
        raise ImportValidationError(
            [ImportIssue(parsed.file, None, None,
                         "この一覧には業務の列がありません。取り込み先の業務を指定してください（GUI では業務を選択、CLI では --business-system）。",
                         sheet=parsed.sheet)]
        )
    resolved: dict[str, BusinessSystem | None] = {}  # each spelling looked up once, not once per row
    for rec in parsed.records:
        name = rec.business_system
        if name:
            target = resolved.get(name, False)
            if target is False:
                target = resolved[name] = systems.get(normalize_key(name))
            if target is None:
                issues.append(
                    ImportIssue(
                        parsed.file, rec.row, f"{column_letter(col)}列（{FIELDS['business_system']}）" if col is not None else None,
                        f"業務「{name}」が登録されていません。", sheet=parsed.sheet,
                    )
                )
                continue
        elif default is not None:
            target = default
        else:
            issues.append(
                ImportIssue(parsed.file, rec.row, f"{column_letter(col)}列（{FIELDS['business_system']}）",
                            "業務が空です。", sheet=parsed.sheet)
            )
            continue
        # Two spellings of one system (（資格） and (資格)), or a blank cell filled by the default,
        # can put one ID twice into the same system; the parser cannot see that.
        target_id = ids[target]  # the ORM attribute costs ~1 µs a read, at 30,000 rows twice
        first = seen.setdefault((target_id, rec.code), rec.row)
        if first != rec.row:
            code_col = parsed.mapping.columns.get("code")
            issues.append(
                ImportIssue(parsed.file, rec.row, f"{column_letter(code_col)}列（{FIELDS['code']}）" if code_col is not None else None,
                            f"機能ID「{rec.code}」が業務「{target.name}」の中で重複しています（{first}行目と同じ）。", sheet=parsed.sheet)
            )
            continue
        by_system[target_id].append(rec)
    if issues:
        unknown = sorted(name for name, target in resolved.items() if target is None)
        if unknown:
            issues.append(ImportIssue(parsed.file, None, None, f"登録されていない業務: {'、'.join(unknown)}。{ADD_SYSTEM_HINT}"))
        raise ImportValidationError(issues)

    diffs = []
    compared_cols = [getattr(Function, f) for f in COMPARED]
    compared_values = attrgetter(*COMPARED)  # a tuple of the compared fields, in C
    for sys_id, records in by_system.items():
        system = s.get(BusinessSystem, sys_id)
        existing = {
            row[0]: row[1:]
            for row in s.connection().execute(select(Function.code, *compared_cols).where(Function.business_system_id == sys_id))
        }
        added, changed, unchanged = [], [], 0
        incoming = set()
        if not existing:  # a first list for this system: everything is new
            added = [rec.code for rec in records]
            records = ()
        for rec in records:
            incoming.add(rec.code)
            old = existing.get(rec.code)
            if old is None:
                added.append(rec.code)
                continue
            new = compared_values(rec)
            if old == new:
                unchanged += 1
            else:
                differ = tuple(FIELDS.get(f, f) for f, a, b in zip(COMPARED, old, new) if a != b)
                changed.append(FunctionChange(rec.code, rec.name, differ))
        removed = tuple(code for code in existing if code not in incoming)
        diffs.append(
            # Without a new version the system keeps the one it has (a correction, not a new edition).
            SystemDiff(sys_id, system.name, system.spec_version,
                       spec_version if spec_version is not None else system.spec_version, tuple(added), tuple(changed),
                       removed, unchanged, len(existing), _requested_codes(s, sys_id, set(removed)), system.version)
        )
    diffs.sort(key=lambda d: d.business_system_id)
    return FunctionImportPlan(parsed.file, spec_version, {k: tuple(v) for k, v in by_system.items()}, tuple(diffs))


def _requested_codes(s: Session, sys_id: int, codes: set[str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Of these codes, those request items point to, with the items' keys."""
    if not codes:
        return ()
    found: dict[str, list[str]] = defaultdict(list)
    for code, key in s.execute(
        select(Function.code, RequestItem.key)
        .join(RequestItem, RequestItem.function_id == Function.id)
        .where(Function.business_system_id == sys_id)
        .order_by(Function.sort_order, RequestItem.key)
    ):
        if code in codes:
            found[code].append(key)
    return tuple((code, tuple(keys)) for code, keys in found.items())


_WRITE_COLUMNS = ("code", "name", "level1", "level2", "level3", "requirement", "requirement_class",
                  "fit", "convenience", "spec_version", "sort_order")


def _executemany(s: Session, sql: str, rows: list[tuple]) -> None:
    """Plain DB-API executemany: for 30,000 rows SQLAlchemy's per-row parameter handling costs
    more than the writes themselves."""
    if not rows:
        return
    conn = s.connection()
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    conn.exec_driver_sql(sql.replace("?", mark), rows)


def apply_function_import(s: Session, plan: FunctionImportPlan, *, by: str | None = None) -> Changes:
    """Write a plan: per business system, update matching IDs, add new ones, remove missing ones.

    Refused (DomainError) when it would remove a function that request items point to. The
    audit trail gets one compact entry per function added, changed or removed.
    """
    message = plan.blocked_message()
    if message:
        raise DomainError(message)
    with audit.action(s, f"機能一覧の取り込み（{plan.source}）", by=by), gc_paused():
        _apply_function_import(s, plan)
    return Changes(functions=True, structure=True, history=True)


def _apply_function_import(s: Session, plan: FunctionImportPlan) -> None:
    # Every statement goes once for all business systems (not once per system): at 42 systems the
    # per-statement overhead of a few hundred small queries was half of the write's time.
    now = dt.datetime.now().replace(microsecond=0)
    table = Function.__table__
    cols = ", ".join(_WRITE_COLUMNS)
    insert_sql = f"INSERT INTO function (business_system_id, {cols}) VALUES (?, {', '.join('?' * len(_WRITE_COLUMNS))})"
    update_sql = f"UPDATE function SET {', '.join(f'{c} = ?' for c in _WRITE_COLUMNS)}, version = version + 1 WHERE id = ?"
    current_cols = [getattr(Function, c) for c in _WRITE_COLUMNS]
    versions = {d.business_system_id: d.new_spec_version for d in plan.diffs}
    planned = {d.business_system_id: d.version for d in plan.diffs}
    sys_ids = sorted(plan.records)
    for sys_id in sys_ids:
        _claim_system(s, sys_id, planned.get(sys_id), plan)
    existing_by_system: dict[int, dict[str, tuple[int, tuple]]] = {sys_id: {} for sys_id in sys_ids}
    for row in _rows_of_systems(s, select(Function.business_system_id, Function.id, *current_cols), sys_ids):
        existing_by_system[row[0]][row[2]] = (row[1], tuple(row[2:]))
    inserts, updates, deleted, updated, deletes = [], [], [], [], []
    inserted_systems = []
    for sys_id in sys_ids:
        version = versions.get(sys_id, plan.spec_version)
        existing = existing_by_system[sys_id]
        before = len(inserts)
        for order, rec in enumerate(plan.records[sys_id]):
            values = (rec.code, rec.name, rec.level1, rec.level2, rec.level3, rec.requirement,
                      rec.requirement_class, rec.fit, bool(rec.convenience), version, order)
            found = existing.pop(rec.code, None)
            if found is None:
                inserts.append((sys_id, *values))
            elif found[1] != values:
                updates.append((*values, found[0]))
                old, new = {}, {}
                for c, a, b in zip(_WRITE_COLUMNS, found[1], values):
                    if a != b:
                        old[c], new[c] = a, b
                updated.append((found[0], "update", audit.row_json(old), audit.row_json(new)))
        if len(inserts) > before:
            inserted_systems.append(sys_id)
        for fid, vals in existing.values():
            deletes.append(fid)
            deleted.append((fid, "delete", audit.row_json(
                {"id": fid, "business_system_id": sys_id, **dict(zip(_WRITE_COLUMNS, vals))}), None))
    # The trail in the order of the writes: removals, changes, additions, then the systems.
    audit.record_rows(s, "function", deleted)
    for start in range(0, len(deletes), 500):
        s.execute(delete(table).where(table.c.id.in_(deletes[start:start + 500])))
    _executemany(s, update_sql, updates)
    audit.record_rows(s, "function", updated)
    last_id = s.connection().execute(select(func.max(Function.id))).scalar() or 0
    _executemany(s, insert_sql, inserts)
    if inserts:
        # One entry per system listing its new ids (30,000 entries cost the import a quarter of
        # its time). Undo records the full rows it removes, and redo takes them from there.
        conn = s.connection()
        new_ids: dict[int, list[int]] = defaultdict(list)
        # Each row inserted got the next id after the highest one (this transaction holds the
        # write lock): when the ids above the old highest are exactly as many as the rows and
        # without a gap, row i has id last_id + 1 + i. Otherwise (ids taken by another session
        # in between, an id at the top of its range) they are found by their codes.
        count, low, high = conn.execute(
            select(func.count(), func.min(Function.id), func.max(Function.id)).where(Function.id > last_id)).one()
        if count == len(inserts) and low == last_id + 1 and high == last_id + count:
            for fid, row in enumerate(inserts, start=low):
                new_ids[row[0]].append(fid)
        else:
            added_codes: dict[int, set[str]] = defaultdict(set)
            for row in inserts:
                added_codes[row[0]].add(row[1])
            for sys_id, code, fid in _rows_of_systems(
                    s, select(Function.business_system_id, Function.code, Function.id), inserted_systems):
                if code in added_codes[sys_id]:
                    new_ids[sys_id].append(fid)
        audit.record_rows(s, "function", [(sys_id, "bulk_insert", None, json.dumps(sorted(new_ids[sys_id])))
                                          for sys_id in inserted_systems])
    bs_cols = ("spec_version", "list_source", "list_imported_at")
    old_bs = {row[0]: tuple(row[1:]) for row in _rows_of_systems(
        s, select(BusinessSystem.id, BusinessSystem.spec_version, BusinessSystem.list_source,
                  BusinessSystem.list_imported_at), sys_ids, column=BusinessSystem.id)}
    bs = BusinessSystem.__table__
    new_bs = {sys_id: (versions.get(sys_id, plan.spec_version), plan.source[:400], now) for sys_id in sys_ids}
    s.execute(update(bs).where(bs.c.id == bindparam("bs_id")).values(
        {c: bindparam(f"new_{c}") for c in bs_cols}), [{"bs_id": sys_id, **{f"new_{c}": v for c, v in zip(bs_cols, new_bs[sys_id])}} for sys_id in sys_ids])
    audit.record_rows(s, "business_system", [
        (sys_id, "update", audit.row_json(dict(zip(bs_cols, old_bs[sys_id]))), audit.row_json(dict(zip(bs_cols, new_bs[sys_id]))))
        for sys_id in sys_ids
    ])
    s.flush()


def _rows_of_systems(s: Session, query, sys_ids: list[int], *, column=Function.business_system_id):
    """The rows of ``query`` for these business systems (a few hundred ids per IN list)."""
    conn = s.connection()  # Core rows: the ORM's result handling is not needed for plain columns
    for start in range(0, len(sys_ids), 500):
        yield from conn.execute(query.where(column.in_(sys_ids[start:start + 500])))


def _claim_system(s: Session, sys_id: int, planned: int | None, plan: FunctionImportPlan) -> None:
    """Move the system's version on, refusing (ConcurrentEditError) when it is no longer the planned one.

    The raw executemany below bypasses the ORM's version check, so the import checks once per
    business system instead: this UPDATE takes the row lock first (a concurrent import or undo
    of the same system on PostgreSQL waits for it, then finds the version moved on), and every
    change to a system's list (an import, its undo or redo) moves the system's version on.
    """
    bs = BusinessSystem.__table__
    q = update(bs).where(bs.c.id == sys_id)
    if planned is not None:
        q = q.where(bs.c.version == planned)
    if s.execute(q.values(version=bs.c.version + 1)).rowcount != 1:
        raise conflict(s.connection(), table="business_system", row_id=sys_id, expected_version=planned,
                       attempted={"list_source": plan.source, "functions": len(plan.records.get(sys_id, ()))})


def get_function(s: Session, function_id: int) -> FunctionRow:
    """One function by id."""
    rows = list_function_rows(s, function_id=function_id)
    if rows:
        return rows[0]
    raise DomainError(f"機能（id {function_id}）が見つかりません。")

"""Importing a function list: plan (what would change, per business system) and apply.

An import is two steps, so that the user sees the difference before anything changes:
``plan_function_import`` compares the parsed file with what the database holds, per business
system; ``apply_function_import`` writes the plan in the caller's transaction. Importing a list
for a business system replaces that system's list (matching IDs updated, new ones added,
missing ones removed); other systems are untouched. Functions and forms (帳票) are matched by
kind and ID; a retired ID (欠番) is kept as a retired row. ``preview_function_import`` is the
whole detection → parse → plan in one call, for the GUI's preview and the CLI's ``--dry-run``.
"""
from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any, cast

from sqlalchemy import CursorResult, bindparam, delete, func, select, update
from sqlalchemy import Table as SqlTable
from sqlalchemy.orm import Session

from ..bulk import gc_paused
from ..changes import Changes
from ..domain import audit
from ..domain.models import BusinessSystem, Function, Member, MemberJudgement, RequestItem
from ..domain.vocab import normalize_key, target_code
from ..domain.workflow import OPEN
from ..errors import DomainError, ImportIssue, ImportValidationError
from ..importers.detect import Detection, ImportOverrides, detect_function_list
from ..importers.function_list import FIELDS, FunctionRecord, ParsedFunctionList, parse_forms_only, parse_function_list
from ..importers.tabular import Workbook, column_letter
from ..phrase import Phrase, phrase_list
from ..store.concurrency import conflict
from ..wording import either
from .business_systems import SystemMatcher

# Fields compared to decide whether a function "changed" on re-import (the 9th, retired, is
# also read by position in plan_function_import).
COMPARED = ("level1", "level2", "level3", "name", "requirement", "requirement_class", "fit", "convenience", "retired",
            "fit_alternative", "vendor_cost", "vendor_cost_note", "vendor_alternative", "revision_kind",
            "revision_note", "rationale")
_LABELS = {**FIELDS, "retired": "欠番", "fit_alternative": "代替", "vendor_cost_note": "費用の注記"}


# The plan's warnings, as Phrases (Japanese text with its pattern, which the GUI translates).
RETIRING_REQUESTED = ("注意: {0}: 要望 {1} の対象 {2} が欠番になります（新しい版で削除される機能です。"
                      "要望の扱いを確かめてください）。")  # 業務, 要望番号s, 機能ID
LOW_MATCH = ("注意: {0}: ファイルの機能ID（{1} …）は登録済みの一覧（{2} 件: {3} …）と{4}。取り込むと登録済みの {5} 件を"
             "削除し、別の一覧で置き換えます。機能IDの列（No. や項番を機能IDとして読んでいないか）を確かめてください。")
NONE_MATCH = "1 件も一致しません"
FEW_MATCH = "{0} 件しか一致しません"
PATTERNS = (RETIRING_REQUESTED, LOW_MATCH, NONE_MATCH, FEW_MATCH)


@dataclass(frozen=True)
class FunctionChange:
    code: str
    name: str
    fields: tuple[str, ...]  # labels of the fields that differ
    kind: str = "function"  # or "form" (帳票): a form and a function may share an ID

    @property
    def shown(self) -> str:
        """The ID as printed: 「帳票 0230003」 for a form (target_code)."""
        return target_code(self.code, self.kind) or self.code


REMOVED_SHOWN = 5  # IDs named per 業務 in what an import removed or retired (the rest counted)


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
    retired: tuple[str, ...] = ()  # IDs retired (欠番) by this file: newly retired or added retired
    functions: int = 0  # live functions in the file for this system
    forms: int = 0  # forms (帳票) in the file for this system
    # Retired IDs (欠番) registered but not in the file: kept (an ID is never reused; requests may point to it).
    kept_retired: tuple[str, ...] = ()
    matched: int = 0  # the file's IDs that are registered (live or retired) for this system
    live: int = 0  # registered live rows of the kinds the file carries
    sample_new: tuple[str, ...] = ()  # the file's first IDs, to show beside the registered ones
    sample_old: tuple[str, ...] = ()
    # IDs this file retires (欠番) that open request items (要望・検討中) point to: (機能ID, 要望番号...).
    retiring_requested: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # ``removed`` / ``retired`` / ``kept_retired`` as (kind, code): a form (帳票) and a function can
    # share an ID, so a bare code does not say which one goes.
    removed_keys: tuple[tuple[str, str], ...] = ()
    retired_keys: tuple[tuple[str, str], ...] = ()
    kept_retired_keys: tuple[tuple[str, str], ...] = ()

    @property
    def removed_shown(self) -> tuple[str, ...]:
        """``removed`` as printed: 「帳票 0230003」 for a form."""
        return _shown(self.removed, self.removed_keys)

    @property
    def retired_shown(self) -> tuple[str, ...]:
        return _shown(self.retired, self.retired_keys)

    @property
    def kept_retired_shown(self) -> tuple[str, ...]:
        return _shown(self.kept_retired, self.kept_retired_keys)

    @property
    def low_match(self) -> bool:
        """The file replaces a registered list although (almost) none of its IDs match: most often
        another list (a vendor's 回答書 numbered 1, 2, 3 …) or the wrong ID column."""
        return self.live > 0 and self.matched * 10 < self.live and bool(self.removed)

    def retiring_warnings(self) -> list[str]:
        """One line per retired ID an open request points to: the secretariat must tell the members."""
        return [Phrase(RETIRING_REQUESTED, self.business_system, phrase_list(keys), code)
                for code, keys in self.retiring_requested]

    def warning(self) -> str | None:
        if not self.low_match:
            return None
        how = Phrase(NONE_MATCH) if not self.matched else Phrase(FEW_MATCH, str(self.matched))
        return Phrase(LOW_MATCH, self.business_system, phrase_list(self.sample_new), f"{self.live:,}",
                      phrase_list(self.sample_old), how, f"{len(self.removed):,}")

    @property
    def replaces(self) -> bool:
        return self.existing > 0 and bool(self.changed or self.removed or self.added)


def _shown(codes: tuple[str, ...], keys: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    """IDs as printed (target_code: 「帳票 0230003」 for a form); the bare codes when no kinds are known."""
    return tuple(target_code(code, kind) or code for kind, code in keys) if keys else codes


@dataclass(frozen=True)
class FunctionImportPlan:
    """A validated import, ready to apply; ``diffs`` is what the user confirms."""

    source: str
    spec_version: str | None
    records: dict[int, tuple[FunctionRecord, ...]]  # business system id → records
    diffs: tuple[SystemDiff, ...]
    # Members whose judgements the file carries (their judgements of these systems are replaced),
    # and member name as written → member id.
    members: dict[str, int] = field(default_factory=dict)
    # Per kind, the compared fields the file has no column for: an existing row keeps its values
    # there (a Fit&Gap sheet without 機能要件 does not wipe the official list's requirements).
    kept: dict[str, frozenset[str]] = field(default_factory=dict)
    # Member groups not written as registered, matched to the one registered name containing them
    # (as written, registered name): 「那珂」 → 那珂市, said in the plan rather than done silently.
    member_matches: tuple[tuple[str, str], ...] = ()

    def counts(self) -> tuple[SystemCounts, ...]:
        """Per business system: added / changed / removed / retired / unchanged, functions and forms."""
        return tuple(SystemCounts(d.business_system, len(d.added), len(d.changed), len(d.removed), len(d.retired),
                                  d.unchanged, d.functions, d.forms) for d in self.diffs)

    def to_json(self) -> dict[str, Any]:
        """What ``functions import --dry-run --json`` prints."""
        return {"source": self.source, "spec_version": self.spec_version,
                "business_systems": [c.__dict__ for c in self.counts()],
                "warnings": list(self.warnings),
                "kept_retired": [{"business_system": d.business_system, "codes": list(d.kept_retired)}
                                 for d in self.diffs if d.kept_retired],
                "members": sorted(self.members),
                "member_matches": [{"written": w, "member": m} for w, m in self.member_matches], "blocked": [
                    {"business_system": b, "code": c, "requests": list(k)} for b, c, k in self.blocked]}

    @property
    def total_records(self) -> int:
        return sum(len(r) for r in self.records.values())

    def imported_counts(self) -> tuple[int, int, int]:
        """(live functions, live forms (帳票), retired IDs (欠番)) the file brings: counted apart, as
        the totals and gap rates count them."""
        every = [rec for recs in self.records.values() for rec in recs]
        retired = sum(1 for rec in every if rec.retired)
        forms = sum(1 for rec in every if rec.kind == "form" and not rec.retired)
        return len(every) - retired - forms, forms, retired

    def imported_parts(self) -> list[tuple[str, int]]:
        """[("機能", 4), ("帳票", 2), ("欠番", 2)]: the parts there are (「機能」 0 when there is none),
        for the CLI's sentence and the GUI's message in its language."""
        functions, forms, retired = self.imported_counts()
        return [(w, n) for w, n in (("機能", functions), ("帳票", forms), ("欠番", retired)) if n] or [("機能", 0)]

    def imported_text(self) -> str:
        """「機能 4 件、帳票 2 件、欠番 2 件を取り込みました。」 (only the parts there are): what an applied
        import brought, with forms and retired IDs not counted as functions."""
        return f"{'、'.join(f'{word} {n:,} 件' for word, n in self.imported_parts())}を取り込みました。"

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

    @property
    def warnings(self) -> tuple[str, ...]:
        """What the user must read before confirming (a list replaced by one that shares no ID), first."""
        return (tuple(w for d in self.diffs if (w := d.warning()))
                + tuple(w for d in self.diffs for w in d.retiring_warnings()))

    def removal_lines(self, *, applied: bool, shown: int = REMOVED_SHOWN) -> list[str]:
        """「住民基本台帳: 削除した機能 1 件（0010003）、欠番にした ID 1 件（0010004）」: per business system,
        what the import takes out of its list, with the first IDs, so that nothing vanishes unsaid
        (a Fit&Gap sheet covering part of a list removes the functions it does not list)."""
        def some(codes: tuple[str, ...]) -> str:
            more = f" ほか {len(codes) - shown:,} 件" if len(codes) > shown else ""
            return f"{len(codes):,} 件（{'、'.join(codes[:shown])}{more}）"

        removed, retired = ("削除した機能", "欠番にした ID") if applied else ("削除する機能", "欠番にする ID")
        lines = []
        for d in self.diffs:
            parts = [f"{word} {some(codes)}" for word, codes in ((removed, d.removed_shown),
                                                                   (retired, d.retired_shown)) if codes]
            if parts:
                lines.append(f"{d.business_system}: {'、'.join(parts)}")
        return lines

    def describe(self) -> str:
        """A Japanese summary of the plan, one line per business system (warnings first)."""
        lines = list(self.warnings)
        if self.member_matches:
            lines.append("団体の列" + "、".join(f"「{w}」は{m}" for w, m in self.member_matches) + "として読みます。")
        for d in self.diffs:
            ver = ""
            if d.old_spec_version != d.new_spec_version and d.existing:
                ver = f"（仕様書の版 {d.old_spec_version or '未設定'} → {d.new_spec_version or '未設定'}）"
            lines.append(
                f"{d.business_system}: 追加 {len(d.added)} 件、変更 {len(d.changed)} 件、"
                f"削除 {len(d.removed)} 件、変更なし {d.unchanged} 件{ver}"
                + (f"（うち欠番 {len(d.retired)} 件）" if d.retired else "")
                + (f"（帳票 {d.forms} 件を含む）" if d.forms else "")
            )
            for code, keys in d.blocked:
                lines.append(f"  削除できない機能 {code}: 要望 {'、'.join(keys)} が登録されています")
            if d.kept_retired:
                lines.append(f"  欠番 {len(d.kept_retired)} 件（{'、'.join(d.kept_retired_shown[:5])}"
                             f"{' …' if len(d.kept_retired) > 5 else ''}）はファイルにありませんが、欠番として残します。")
        return "\n".join(lines)


@dataclass(frozen=True)
class SystemCounts:
    business_system: str
    added: int
    changed: int
    removed: int
    retired: int
    unchanged: int
    functions: int
    forms: int


@dataclass(frozen=True)
class UnknownSystem:
    """A 業務 name of the file that matches no registered 業務: asked about once, not once per row."""

    name: str
    rows: int  # how many rows carry it
    first_row: int
    suggestion: str | None  # a registered 業務 to offer first


ADD_SYSTEM_HINT = "業務は structure add-system で追加できます。"  # the command line's words (add_system_hint)


def add_system_hint() -> str:
    """How to add a missing 業務, in the words of the GUI or of the command line (wording.py)."""
    return either(gui="業務は、「機能一覧」画面の業務ツリーを右クリックして「業務を追加…」"
                      "（またはメニューの ファイル > 業務を追加…）で追加できます。", cli=ADD_SYSTEM_HINT)


def find_unknown_systems(s: Session, parsed: ParsedFunctionList, *, system_map: dict[str, str] | None = None
                         ) -> tuple[UnknownSystem, ...]:
    """Each distinct 業務 name of the file that matches no registered 業務 (synonyms and the map applied)."""
    matcher = SystemMatcher(s, system_map)
    counts: dict[str, list[int]] = {}
    resolved: dict[str, int | None] = {}
    for rec in parsed.records:
        name = rec.business_system
        if not name:
            continue
        if name not in resolved:
            resolved[name] = matcher.match(name)
        if resolved[name] is None:
            entry = counts.setdefault(name, [0, rec.row])
            entry[0] += 1
    return tuple(UnknownSystem(name, n, first, matcher.suggestion(name)) for name, (n, first) in counts.items())


@gc_paused()
def plan_function_import(
    s: Session,
    parsed: ParsedFunctionList,
    *,
    business_system: str | None = None,
    spec_version: str | None = None,
    system_map: dict[str, str] | None = None,
) -> FunctionImportPlan:
    """Resolve business systems (synonyms, ``system_map``) and members, and compare the parsed list
    with the database; change nothing. Unknown 業務 names are refused once per name."""
    matcher = SystemMatcher(s, system_map)
    names = matcher.systems
    by_system: dict[int, list[FunctionRecord]] = defaultdict(list)
    issues: list[ImportIssue] = [ImportIssue(parsed.file, None, None, p) for p in matcher.problems]
    seen: dict[tuple[int, str, str], int] = {}
    default = None
    if business_system:
        default = matcher.match(business_system, use_map=False)
        if default is None:
            raise ImportValidationError(
                [ImportIssue(parsed.file, None, None, f"業務「{business_system}」が登録されていません。{add_system_hint()}")]
            )
    col = parsed.mapping.columns.get("business_system")
    if col is None and default is None:
        raise ImportValidationError(
            [ImportIssue(parsed.file, None, None,
                         "この一覧には業務の列がありません。取り込み先の業務を指定してください"
                         + either(gui="（取り込みの画面の「取り込み先の業務」で選択）。", cli="（--business-system）。"),
                         sheet=parsed.sheet)]
        )
    members, member_matches = _resolve_members(s, parsed, issues)
    resolved: dict[str, int | None] = {}  # each spelling looked up once, not once per row
    unknown: dict[str, list[Any]] = {}  # name → [rows, first row, sheet]
    for rec in parsed.records:
        name = rec.business_system
        sheet = parsed.form_sheet if rec.kind == "form" else parsed.sheet
        if name:
            target_id = resolved.get(name, -1)
            if target_id == -1:
                target_id = resolved[name] = matcher.match(name)
            if target_id is None:
                entry = unknown.setdefault(name, [0, rec.row, sheet])
                entry[0] += 1
                continue
        elif default is not None:
            target_id = default
        else:
            issues.append(
                ImportIssue(parsed.file, rec.row, f"{column_letter(col)}列（{FIELDS['business_system']}）" if col is not None else None,
                            "業務が空です。", sheet=sheet)
            )
            continue
        # Two spellings of one system (（資格） and (資格)), or a blank cell filled by the default,
        # can put one ID twice into the same system; the parser cannot see that.
        first = seen.setdefault((target_id, rec.kind, rec.code), rec.row)
        if first != rec.row:
            code_col = parsed.mapping.columns.get("code")
            issues.append(
                ImportIssue(parsed.file, rec.row, f"{column_letter(code_col)}列（{FIELDS['code']}）" if code_col is not None else None,
                            f"機能ID「{rec.code}」が業務「{names[target_id]}」の中で重複しています（{first}行目と同じ）。", sheet=sheet)
            )
            continue
        by_system[target_id].append(rec)
    for name, (n, first_row, sheet) in unknown.items():
        hint = matcher.suggestion(name)
        issues.append(ImportIssue(
            parsed.file, first_row, f"{column_letter(col)}列（{FIELDS['business_system']}）" if col is not None else None,
            f"業務「{name}」が登録されていません（{n:,} 行、最初は {first_row} 行目）。"
            + (f"「{hint}」のことなら、" if hint else "")
            + "登録済みの業務に対応付けるか"
            + either(gui="（取り込みのプレビューで登録済みの業務を選択）", cli=f"（--system-map {name}=登録済みの業務名）")
            + f"、新しい業務として登録してください。{add_system_hint()}",
            sheet=sheet))
    if issues:
        raise ImportValidationError(issues)

    diffs = []
    compared_cols = [getattr(Function, f) for f in COMPARED]
    compared_values = attrgetter(*COMPARED)  # a tuple of the compared fields, in C
    kept = _kept_fields(parsed)
    compared_at = {kind: [i for i, f in enumerate(COMPARED) if f not in fields] for kind, fields in kept.items() if fields}
    for sys_id, records in by_system.items():
        system = s.get_one(BusinessSystem, sys_id)
        kinds_here = {rec.kind for rec in records}  # a file without forms leaves the forms alone, and the reverse
        existing = {
            (row[0], row[1]): row[2:]
            for row in s.connection().execute(
                select(Function.kind, Function.code, *compared_cols).where(Function.business_system_id == sys_id))
            if row[0] in kinds_here
        }
        n_forms = sum(1 for rec in records if rec.kind == "form")
        n_functions = sum(1 for rec in records if rec.kind != "form" and not rec.retired)
        retired_keys = tuple((rec.kind, rec.code) for rec in records
                             if rec.retired and not existing.get((rec.kind, rec.code), (None,) * 9)[8])
        retired = tuple(code for _, code in retired_keys)
        added, changed, unchanged = [], [], 0
        incoming = set()
        if not existing:  # a first list for this system: everything is new
            added = [rec.code for rec in records]
            records = []
        for rec in records:
            key = (rec.kind, rec.code)
            incoming.add(key)
            old = existing.get(key)
            if old is None:
                added.append(rec.code)
                continue
            new = compared_values(rec)
            name_at = COMPARED.index("name")
            if rec.retired and _placeholder_name(rec.name) and old[name_at]:  # keeps its name (see the apply)
                new = (*new[:name_at], old[name_at], *new[name_at + 1:])
            at = compared_at.get(rec.kind)
            if old == new or (at is not None and all(old[i] == new[i] for i in at)):
                unchanged += 1
            else:
                differ = tuple(_LABELS.get(f, f) for i, (f, a, b) in enumerate(zip(COMPARED, old, new, strict=True))
                               if a != b and (at is None or i in at))
                changed.append(FunctionChange(rec.code, new[name_at], differ, rec.kind))
        matched = len(incoming & existing.keys()) if incoming else 0
        # A retired ID the file does not carry stays retired: IDs are never reused, requests may point to it.
        kept_retired = [key for key in existing if key not in incoming and existing[key][8]]
        removed_keys = [key for key in existing if key not in incoming and not existing[key][8]]
        live = sum(1 for v in existing.values() if not v[8])
        diffs.append(
            # Without a new version the system keeps the one it has (a correction, not a new edition).
            SystemDiff(sys_id, system.name, system.spec_version,
                       spec_version if spec_version is not None else system.spec_version, tuple(added), tuple(changed),
                       tuple(code for _, code in removed_keys), unchanged, len(existing),
                       _requested_codes(s, sys_id, set(removed_keys)), system.version, retired, n_functions, n_forms,
                       tuple(code for _, code in kept_retired), matched, live,
                       tuple(rec.code for rec in records[:3]), tuple(sorted(c for (_, c), v in existing.items()
                                                                            if not v[8])[:3]) if matched * 10 < live else (),
                       _requested_codes(s, sys_id, {(rec.kind, rec.code) for rec in records
                                                    if rec.retired and (rec.kind, rec.code) in existing
                                                    and not existing[(rec.kind, rec.code)][8]}, open_only=True),
                       tuple(removed_keys), retired_keys, tuple(kept_retired))
        )
    diffs.sort(key=lambda d: d.business_system_id)
    return FunctionImportPlan(parsed.file, spec_version, {k: tuple(v) for k, v in by_system.items()}, tuple(diffs),
                              members, kept, member_matches)


def _placeholder_name(name: str | None) -> bool:
    """「（削除）」「欠番」…: what a retired row carries instead of a name."""
    return (name or "").strip().strip("（）()【】[] ") in {"", "削除", "欠番"}


def _kept_fields(parsed: ParsedFunctionList) -> dict[str, frozenset[str]]:
    """Per kind, the compared fields no column of the file carries (records made in code carry what they set)."""
    out = {}
    for kind in {rec.kind for rec in parsed.records}:
        mapping = parsed.form_mapping if kind == "form" and parsed.form_mapping is not None else parsed.mapping
        records = [rec for rec in parsed.records if rec.kind == kind]
        cols = set(mapping.columns)
        carried = {"name"} | (cols & set(COMPARED))
        if "fit" in cols:
            carried.add("fit_alternative")
        if "vendor_cost" in cols:
            carried.add("vendor_cost_note")
        if cols & {"requirement", "name", "revision_kind"}:
            carried.add("retired")
        for f in set(COMPARED) - carried:
            if set(map(attrgetter(f), records)) - {None, False}:
                carried.add(f)
        out[kind] = frozenset(set(COMPARED) - carried)
    return out


def _resolve_members(s: Session, parsed: ParsedFunctionList, issues: list[ImportIssue]
                     ) -> tuple[dict[str, int], tuple[tuple[str, str], ...]]:
    """Member names of a Fit&Gap sheet's column groups → member ids, and the names matched only by
    containment (as written, registered); unknown names refused, named."""
    written = parsed.members
    if not written:
        return {}, ()
    names: dict[int, str] = {mid: name for mid, name in s.execute(select(Member.id, Member.name))}
    registered = {normalize_key(name): mid for mid, name in names.items()}
    found, unknown, matches = {}, [], []
    for name in written:
        key = normalize_key(name)
        mid = registered.get(key)
        if mid is None:  # 「那珂市」 written 「那珂市役所」 or 「那珂」: one registered name containing it
            near = [m for k, m in registered.items() if k and (k in key or key in k)]
            mid = near[0] if len(near) == 1 else None
            if mid is not None:
                matches.append((name, names[mid]))
        if mid is None:
            unknown.append(name)
        else:
            found[name] = mid
    if unknown:
        issues.append(ImportIssue(
            parsed.file, parsed.mapping.header_top + 1 if parsed.mapping.header_top is not None else None, None,
            f"団体の列グループ「{'」「'.join(unknown)}」が構成団体にありません（"
            + (f"登録済み: {'、'.join(_member_names(s))}" if registered else "団体がまだ登録されていません") + "）。"
            "団体名を登録済みの名前に直すか、団体を登録してから取り込んでください。", sheet=parsed.sheet))
    return found, tuple(matches)


def _member_names(s: Session) -> list[str]:
    return list(s.scalars(select(Member.name).order_by(Member.sort_order, Member.id)))


def _requested_codes(s: Session, sys_id: int, codes: set[tuple[str, str]], *, open_only: bool = False
                     ) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Of these (kind, code) keys, those request items (with ``open_only`` undecided ones) point to, with the items' keys."""
    if not codes:
        return ()
    found: dict[str, list[str]] = defaultdict(list)
    q = (select(Function.kind, Function.code, RequestItem.key)
         .join(RequestItem, RequestItem.function_id == Function.id)
         .where(Function.business_system_id == sys_id)
         .order_by(Function.sort_order, RequestItem.key))
    if open_only:
        q = q.where(RequestItem.status.in_([st.value for st in OPEN]))
    for kind, code, key in s.execute(q):
        if (kind, code) in codes:
            found[code].append(key)
    return tuple((code, tuple(keys)) for code, keys in found.items())


# The issue-12 columns, last, with the value a row has when a list does not speak of them.
_OPTIONAL_DEFAULTS = {"kind": "function", "retired": False, "fit_alternative": False, "vendor_cost": None,
                      "vendor_cost_note": None, "vendor_alternative": None, "revision_kind": None,
                      "revision_note": None, "rationale": None}
_WRITE_COLUMNS = ("code", "name", "level1", "level2", "level3", "requirement", "requirement_class",
                  "fit", "convenience", "spec_version", "sort_order", *_OPTIONAL_DEFAULTS)


def _executemany(s: Session, sql: str, rows: list[tuple[Any, ...]]) -> None:
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
    now = dt.datetime.now()  # full precision (see models._now)
    table = cast(SqlTable, Function.__table__)
    # New rows carry the issue-12 columns only where some record has a value for them: for a plain
    # 30,000-row list, nine always-default columns nearly doubled the time of the INSERTs.
    base = len(_WRITE_COLUMNS) - len(_OPTIONAL_DEFAULTS)
    every = [rec for recs in plan.records.values() for rec in recs]
    needed = [i for i, (c, default) in enumerate(_OPTIONAL_DEFAULTS.items(), start=base)
              if set(map(attrgetter(c), every)) - {default}]
    insert_cols = [*_WRITE_COLUMNS[:base], *(_WRITE_COLUMNS[i] for i in needed)]
    insert_sql = (f"INSERT INTO function (business_system_id, {', '.join(insert_cols)}) "
                  f"VALUES (?, {', '.join('?' * len(insert_cols))})")
    update_sql = f"UPDATE function SET {', '.join(f'{c} = ?' for c in _WRITE_COLUMNS)}, version = version + 1 WHERE id = ?"
    current_cols = [getattr(Function, c) for c in _WRITE_COLUMNS]
    versions = {d.business_system_id: d.new_spec_version for d in plan.diffs}
    planned = {d.business_system_id: d.version for d in plan.diffs}
    sys_ids = sorted(plan.records)
    for sys_id in sys_ids:
        _claim_system(s, sys_id, planned.get(sys_id), plan)
    existing_by_system: dict[int, dict[tuple[str, str], tuple[int, tuple[Any, ...]]]] = {sys_id: {} for sys_id in sys_ids}
    kind_at = 2 + _WRITE_COLUMNS.index("kind")
    retired_at = _WRITE_COLUMNS.index("retired")
    for row in _rows_of_systems(s, select(Function.business_system_id, Function.id, *current_cols), sys_ids):
        existing_by_system[row[0]][(row[kind_at], row[2])] = (row[1], tuple(row[2:]))
    keep_at = {kind: {i for i, c in enumerate(_WRITE_COLUMNS) if c in fields} for kind, fields in plan.kept.items()}
    inserts: list[tuple[Any, ...]] = []
    updates: list[tuple[Any, ...]] = []
    deleted: list[tuple[int, str, str | None, str | None]] = []
    updated: list[tuple[int, str, str | None, str | None]] = []
    deletes: list[int] = []
    inserted_systems = []
    for sys_id in sys_ids:
        version = versions.get(sys_id, plan.spec_version)
        existing = existing_by_system[sys_id]
        before = len(inserts)
        for order, rec in enumerate(plan.records[sys_id]):
            values: tuple[Any, ...] = (rec.code, rec.name, rec.level1, rec.level2, rec.level3, rec.requirement,
                      rec.requirement_class, rec.fit, bool(rec.convenience), version, order, rec.kind,
                      bool(rec.retired), bool(rec.fit_alternative), rec.vendor_cost, rec.vendor_cost_note,
                      rec.vendor_alternative, rec.revision_kind, rec.revision_note, rec.rationale)
            found = existing.pop((rec.kind, rec.code), None)
            if found is not None and keep_at.get(rec.kind):  # columns the file lacks keep their values
                old_values = found[1]
                values = tuple(old_values[i] if i in keep_at[rec.kind] else v for i, v in enumerate(values))
            if found is not None and rec.retired and _placeholder_name(rec.name) and found[1][1]:
                # A retired row's 「（削除）」 is no name: the function keeps its last one (requests show it, marked 欠番).
                values = (values[0], found[1][1], *values[2:])
            if found is None:
                inserts.append((sys_id, *values[:base], *[values[i] for i in needed]))
            elif found[1] != values:
                updates.append((*values, found[0]))
                old, new = {}, {}
                for c, a, b in zip(_WRITE_COLUMNS, found[1], values, strict=True):
                    if a != b:
                        old[c], new[c] = a, b
                updated.append((found[0], "update", audit.row_json(old), audit.row_json(new)))
        if len(inserts) > before:
            inserted_systems.append(sys_id)
        kinds_here = {rec.kind for rec in plan.records[sys_id]}
        for fid, vals in existing.values():
            if vals[kind_at - 2] not in kinds_here:  # a file without forms leaves the forms alone
                continue
            if vals[retired_at]:  # a retired ID (欠番) is kept: never reused, requests may point to it
                continue
            deletes.append(fid)
            deleted.append((fid, "delete", audit.row_json(
                {"id": fid, "business_system_id": sys_id, **dict(zip(_WRITE_COLUMNS, vals, strict=True))}), None))
    # The trail in the order of the writes: removals, changes, additions, then the systems.
    judgement_table = cast(SqlTable, MemberJudgement.__table__)
    old_judgements = _judgements_to_replace(s, plan, sys_ids, set(deletes))
    audit.record_rows(s, "member_judgement", [(jid, "delete", audit.row_json(row), None)
                                              for jid, row in old_judgements])
    gone = [jid for jid, _ in old_judgements]
    for start in range(0, len(gone), 500):
        s.execute(delete(judgement_table).where(judgement_table.c.id.in_(gone[start:start + 500])))
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
            added_codes: dict[int, set[tuple[str, str]]] = defaultdict(set)
            kind_index = 1 + insert_cols.index("kind") if "kind" in insert_cols else None
            for row in inserts:
                added_codes[row[0]].add((row[kind_index] if kind_index else "function", row[1]))
            for sys_id, kind, code, fid in _rows_of_systems(
                    s, select(Function.business_system_id, Function.kind, Function.code, Function.id), inserted_systems):
                if (kind, code) in added_codes[sys_id]:
                    new_ids[sys_id].append(fid)
        audit.record_rows(s, "function", [(sys_id, "bulk_insert", None, json.dumps(sorted(new_ids[sys_id])))
                                          for sys_id in inserted_systems])
    _insert_judgements(s, plan, sys_ids)
    bs_cols = ("spec_version", "list_source", "list_imported_at")
    old_bs = {row[0]: tuple(row[1:]) for row in _rows_of_systems(
        s, select(BusinessSystem.id, BusinessSystem.spec_version, BusinessSystem.list_source,
                  BusinessSystem.list_imported_at), sys_ids, column=BusinessSystem.id)}
    bs = cast(SqlTable, BusinessSystem.__table__)
    new_bs = {sys_id: (versions.get(sys_id, plan.spec_version), plan.source[:400], now) for sys_id in sys_ids}
    s.execute(update(bs).where(bs.c.id == bindparam("bs_id")).values(
        {c: bindparam(f"new_{c}") for c in bs_cols}),
        [{"bs_id": sys_id, **{f"new_{c}": v for c, v in zip(bs_cols, new_bs[sys_id], strict=True)}} for sys_id in sys_ids])
    audit.record_rows(s, "business_system", [
        (sys_id, "update", audit.row_json(dict(zip(bs_cols, old_bs[sys_id], strict=True))),
         audit.row_json(dict(zip(bs_cols, new_bs[sys_id], strict=True))))
        for sys_id in sys_ids
    ])
    s.flush()


def _judgements_to_replace(s: Session, plan: FunctionImportPlan, sys_ids: list[int], deleted_ids: set[int]
                           ) -> list[tuple[int, dict[str, Any]]]:
    """Judgements the import replaces: those of the file's members on these systems, and every
    judgement of a function the import removes."""
    member_ids = set(plan.members.values())
    if not member_ids and not deleted_ids:
        return []
    cols = [c.name for c in MemberJudgement.__table__.columns]
    out = []
    q = (select(*MemberJudgement.__table__.columns, Function.business_system_id)
         .join(Function, Function.id == MemberJudgement.function_id))
    for row in _rows_of_systems(s, q, sys_ids):
        values = dict(zip(cols, row[:-1], strict=True))
        if values["member_id"] in member_ids or values["function_id"] in deleted_ids:
            out.append((values["id"], values))
    return out


def _insert_judgements(s: Session, plan: FunctionImportPlan, sys_ids: list[int]) -> None:
    """Each member's judgement per function, from the file's member column groups."""
    if not plan.members:
        return
    ids = {(sys_id, kind, code): fid for sys_id, kind, code, fid in _rows_of_systems(
        s, select(Function.business_system_id, Function.kind, Function.code, Function.id), sys_ids)}
    rows = []
    for sys_id in sys_ids:
        for rec in plan.records[sys_id]:
            for member, judgement, note in rec.judgements:
                mid = plan.members.get(member)
                if mid is not None and (judgement or note):
                    rows.append({"function_id": ids[(sys_id, rec.kind, rec.code)], "member_id": mid,
                                 "judgement": judgement, "note": note})
    if not rows:
        return
    last_id = s.connection().execute(select(func.max(MemberJudgement.id))).scalar() or 0
    s.execute(cast(SqlTable, MemberJudgement.__table__).insert(), rows)
    new = s.connection().execute(select(*MemberJudgement.__table__.columns).where(MemberJudgement.id > last_id)
                                 .order_by(MemberJudgement.id)).all()
    cols = [c.name for c in MemberJudgement.__table__.columns]
    audit.record_rows(s, "member_judgement", [(r[0], "insert", None, audit.row_json(dict(zip(cols, r, strict=True)))) for r in new])


def _rows_of_systems(s: Session, query: Any, sys_ids: list[int], *,
                     column: Any = Function.business_system_id) -> Iterator[Any]:
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
    bs = cast(SqlTable, BusinessSystem.__table__)
    q = update(bs).where(bs.c.id == sys_id)
    if planned is not None:
        q = q.where(bs.c.version == planned)
    if cast(CursorResult[Any], s.execute(q.values(version=bs.c.version + 1))).rowcount != 1:
        raise conflict(s.connection(), table="business_system", row_id=sys_id, expected_version=planned,
                       attempted={"list_source": plan.source, "functions": len(plan.records.get(sys_id, ()))})




# --- the preview: detection → parse → plan in one call -------------------------------------------


@dataclass(frozen=True)
class ImportPreview:
    """Everything the import dialog shows and the CLI's --dry-run prints; ``plan`` None when refused."""

    detection: Detection
    plan: FunctionImportPlan | None
    issues: tuple[ImportIssue, ...]
    unknown_systems: tuple[UnknownSystem, ...] = ()
    parsed: ParsedFunctionList | None = None


def parse_detected(book: Workbook, detection: Detection) -> ParsedFunctionList:
    """Validate the detected sheets' rows (functions and forms); ImportValidationError lists every problem."""
    issues = [ImportIssue(book.file, None, None, p) for p in detection.problems]
    if detection.functions is None and detection.forms is None and not issues:
        issues.append(ImportIssue(book.file, None, None, "機能一覧の見出し行が見つかりません。"))
    if issues:
        raise ImportValidationError(issues)
    if detection.functions is None:
        forms = detection.forms
        assert forms is not None  # checked above: no functions and no forms is refused
        return parse_forms_only(book.table(forms.sheet), forms.column_mapping())
    det = detection.functions
    form_part = None
    if detection.forms is not None:
        form_part = (book.table(detection.forms.sheet), detection.forms.column_mapping())
    return parse_function_list(book.table(det.sheet), det.column_mapping(), forms=form_part)


NO_OVERRIDES = ImportOverrides()  # the detection as found (a frozen dataclass: one shared default is safe)


def preview_function_import(s: Session, book: Workbook, overrides: ImportOverrides = NO_OVERRIDES) -> ImportPreview:
    """Detect, validate and plan the import of a workbook with the user's overrides; change nothing.

    Call it again after every change of an override (the workbook is read once); apply
    ``preview.plan`` with ``apply_function_import`` after reading the file again."""
    detection = detect_function_list(book, overrides)
    try:
        parsed = parse_detected(book, detection)
    except ImportValidationError as exc:
        return ImportPreview(detection, None, tuple(exc.issues))
    system_map = dict(overrides.system_map)
    unknown = find_unknown_systems(s, parsed, system_map=system_map)
    try:
        plan = plan_function_import(s, parsed, business_system=overrides.business_system,
                                    spec_version=overrides.spec_version, system_map=system_map)
    except ImportValidationError as exc:
        return ImportPreview(detection, None, tuple(exc.issues), unknown, parsed)
    return ImportPreview(detection, plan, (), unknown, parsed)

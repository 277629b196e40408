"""A request item as the request list shows it, folded from plain rows: shared by the ORM query
(``ops.request_queries.list_item_rows``) and the CLI's plain-sqlite3 read (``ops.plain_lists``),
so that both count members, cases and names the same way. No database here."""
from __future__ import annotations

import datetime as dt
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..domain.vocab import target_code
from ..domain.workflow import STATUS_LABELS, Status


@dataclass(frozen=True)
class ItemRow:
    """One request item as the request list shows it."""

    id: int
    key: str
    title: str
    status: str
    status_label: str
    function_id: int | None
    function_code: str | None
    function_name: str | None  # the package function, or the proposed new function's name
    fit: str | None
    business_system_id: int | None
    business_system: str | None
    subcommittee_id: int | None
    subcommittee: str | None
    members: tuple[str, ...]  # members still in the item
    withdrawn_members: tuple[str, ...]
    estimate: int | None
    annual_cases: int | None  # total over the members still in the item
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1  # pass back as expected_version when saving an edit or a move
    search_text: str = ""  # every member's 要望内容, 低下の内容 and 代替運用案, for the list's search
    function_kind: str | None = None  # 'function' / 'form' (帳票): what function_code is an ID of

    @property
    def target_code(self) -> str | None:
        """function_code as printed: 「帳票 0000004」 for a form."""
        return target_code(self.function_code, self.function_kind)


# The item query's columns, in this order: id, key, title, status, function_id, proposed_function,
# estimate, created_at, updated_at, version, then the function's code, name, fit, kind, retired, then
# the function's 業務 (id, name, subcommittee_id) and the item's own 業務 (id, name, subcommittee_id).
ITEM_COLUMNS = 21
# A member's part: item_id, member_id, member name, withdrawn, content, annual_cases, service_drop_detail,
# workaround; in the members' display order.
PART_COLUMNS = 8


def fold_text(text: str) -> str:
    """The form a search compares: NFKC, case-folded."""
    return unicodedata.normalize("NFKC", text).casefold()


def fold_item_rows(items: Iterable[Sequence[Any]], parts: Iterable[Sequence[Any]], subcommittees: Mapping[int, str], *,
                   member_id: int | None = None, subcommittee_id: int | None = None,
                   business_system_id: int | None = None, text: str | None = None,
                   include_withdrawn: bool = False) -> list[ItemRow]:
    """ItemRows from the item rows (in key order) and the parts, filtered as ``list_item_rows`` says."""
    member_rows: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    for item_id, mid, name, withdrawn, content, cases, detail, workaround in parts:
        member_rows[item_id].append((mid, name, withdrawn, content, cases, detail, workaround))
    needle = fold_text(text.strip()) if text and text.strip() else None
    out = []
    for (item_id, key, title, status, function_id, proposed, estimate, created_at, updated_at, version,
         code, fname, fit, fkind, fretired, f_sys, f_sys_name, f_sub, o_sys, o_sys_name, o_sub) in items:
        # the function's 業務, else the item's own (a proposed new function)
        sys_id, sys_name, sub_id = (f_sys, f_sys_name, f_sub) if f_sys is not None else (o_sys, o_sys_name, o_sub)
        if business_system_id is not None and (sys_id is None or sys_id != business_system_id):
            continue
        if subcommittee_id is not None and (sys_id is None or sub_id != subcommittee_id):
            continue
        mrows = member_rows.get(item_id, [])
        if member_id is not None and not any(m[0] == member_id and (include_withdrawn or not m[2]) for m in mrows):
            continue
        # What every member wrote (要望内容, 低下の内容, 代替運用案), so a search finds an item by it.
        search = "\n".join(t for m in mrows for t in (m[3], m[5], m[6]) if t)
        if needle is not None:
            hay = " ".join(filter(None, [key, title, code, fname, proposed, search, *(m[1] for m in mrows)]))
            if needle not in fold_text(hay):
                continue
        active = [m for m in mrows if not m[2]]
        counts = [m[4] for m in active if m[4] is not None]
        out.append(ItemRow(
            item_id, key, title, status, STATUS_LABELS[Status(status)], function_id, code,
            # A retired function (欠番) keeps its last name, marked wherever a request's target is shown.
            (f"{fname}（欠番）" if fretired and fname else fname) or proposed, fit,
            sys_id, sys_name, sub_id, subcommittees.get(sub_id) if sys_id is not None else None,
            tuple(m[1] for m in active), tuple(m[1] for m in mrows if m[2]), estimate,
            sum(counts) if counts else None, created_at, updated_at, version,
            search_text=search, function_kind=fkind,
        ))
    return out

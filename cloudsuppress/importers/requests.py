"""Filled request workbooks and CSV files: find the header, validate every row, return records.

The documented columns are 要望番号, 団体名, 機能ID, 要望名, 要望内容, 理由区分, 住民サービス低下,
低下の内容, 年間処理件数, 代替運用案, 見積額 (and 業務, for a function the package lacks). Every
problem is collected with its file, row and column, and reported in one ImportValidationError.
Checks that need the database (members, functions, items) are made by
``ops.request_import.plan_request_import``.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import limits
from ..bulk import gc_paused
from ..domain.vocab import REASON_LABELS, clean_text, normalize_key, normalize_text, parse_reason, parse_service_drop
from ..errors import ImportIssue, ImportValidationError
from .cells import UNPRINTABLE, cell_kind_problem, duplicate_column_message, strip_invisible, text_problems
from .tabular import Table, column_letter, read_table

FIELDS = {
    "key": "要望番号", "member": "団体名", "function_code": "機能ID", "title": "要望名", "content": "要望内容",
    "reason": "理由区分", "service_drop": "住民サービス低下", "service_drop_detail": "低下の内容",
    "annual_cases": "年間処理件数", "workaround": "代替運用案", "estimate": "見積額", "business_system": "業務",
    "kind": "種別",
}
SYNONYMS = {
    "key": ("要望番号", "要望no", "番号"), "member": ("団体名", "団体", "構成団体"), "function_code": ("機能id", "機能番号"),
    "title": ("要望名", "件名"), "content": ("要望内容",), "reason": ("理由区分", "理由"),
    "service_drop": ("住民サービス低下", "住民サービス水準の低下", "住民サービス"),
    "service_drop_detail": ("低下の内容", "低下の内容・理由"), "annual_cases": ("年間処理件数", "処理件数"),
    "workaround": ("代替運用案", "代替案"), "estimate": ("見積額", "見積金額"), "business_system": ("業務", "業務名"),
    "kind": ("種別", "機能帳票の別", "機能・帳票", "機能/帳票"),
}
# 種別: 機能 or 帳票, for an ID a function and a form of one 業務 share (the ministry numbers them apart).
KIND_WORDS = {"機能": "function", "帳票": "form"}
REQUIRED = ("member", "content", "reason", "service_drop", "service_drop_detail")
_LOOKUP = {normalize_key(w).lower(): f for f, words in SYNONYMS.items() for w in words}
_NUMBER_NOISE = re.compile(r"[,\s円件¥￥\\]")


@dataclass(frozen=True)
class RequestRecord:
    """One validated row of a request workbook."""

    file: str
    sheet: str | None
    row: int
    columns: dict[str, str]  # field → column label for messages (e.g. "C列（機能ID）")
    key: str | None
    member: str
    function_code: str | None
    business_system: str | None
    title: str | None
    content: str
    reason: str
    service_drop: bool
    service_drop_detail: str
    annual_cases: int | None
    workaround: str | None
    estimate: int | None
    kind: str | None = None  # "function" / "form" from the 種別 column; None when not written

    def issue(self, fld: str | None, message: str) -> ImportIssue:
        """An import issue located at this row (and a column)."""
        return ImportIssue(self.file, self.row, self.columns.get(fld) if fld else None, message, sheet=self.sheet)


# Where each field of a row is stored (its limits are that column's).
_STORED_AS = {
    "key": ("request_item", "key"), "title": ("request_item", "title"), "estimate": ("request_item", "estimate"),
    "content": ("member_request", "content"), "service_drop_detail": ("member_request", "service_drop_detail"),
    "workaround": ("member_request", "workaround"), "annual_cases": ("member_request", "annual_cases"),
    "function_code": ("function", "code"), "business_system": ("business_system", "name"), "member": ("member", "name"),
}


def parse_amount(text: str) -> int | None:
    """1,200 / 1200件 / ¥1,200,000 / 1200000円 → int; None if not a whole number ≥ 0."""
    t = _NUMBER_NOISE.sub("", normalize_text(text))
    if t.endswith(".0"):
        t = t[:-2]
    return int(t) if t.isascii() and t.isdigit() else None  # 「𐩀」 is a digit to isdigit, not to int


# Reader-level limits: the database columns' own (PostgreSQL refuses more; nothing is cut).
LIMITS = {"key": 30, "member": 100, "function_code": 50, "title": 200, "business_system": 100}


def _find_header(rows: list[list[str]]) -> tuple[int, dict[str, int], dict[str, list[int]]] | None:
    for r, row in enumerate(rows[:20]):
        found: dict[str, int] = {}
        every: dict[str, list[int]] = {}
        for c, text in enumerate(row):
            f = _LOOKUP.get(normalize_key(text).lower()) if text else None
            if f:
                found.setdefault(f, c)
                every.setdefault(f, []).append(c)
        if "member" in found and "content" in found:
            return r, found, {f: cols for f, cols in every.items() if len(cols) > 1}
    return None


def read_request_file(path: str | Path) -> tuple[list[RequestRecord], list[ImportIssue]]:
    """Records and issues of one file (the 要望 sheet of a workbook, or a CSV)."""
    path = Path(path)
    sheet = None
    if path.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".ods"):
        from python_calamine import CalamineWorkbook

        try:
            wb = CalamineWorkbook.from_path(str(path))
            names = list(wb.sheet_names)
            wb.close()
        except Exception:
            names = []
        sheet = "要望" if "要望" in names else None
    table = read_table(path, sheet=sheet)
    found = _find_header(table.rows)
    if found is None:
        return [], [ImportIssue(table.file, None, None, "見出し行（要望番号・団体名・要望内容 など）が見つかりません。",
                                sheet=table.sheet)]
    header, cols, duplicated = found
    missing = [FIELDS[f] for f in REQUIRED if f not in cols]
    if missing:
        return [], [ImportIssue(table.file, header + 1, None, f"必要な列がありません: {'、'.join(missing)}", sheet=table.sheet)]
    if duplicated:  # a second 団体名 column: which one the member meant is not guessed
        return [], [ImportIssue(table.file, header + 1, None, duplicate_column_message(FIELDS[f], c, header + 1),
                                sheet=table.sheet) for f, c in duplicated.items()]
    labels = {f: f"{column_letter(c)}列（{FIELDS[f]}）" for f, c in cols.items()}
    first = header + 1
    columns = _columns(table.rows[first:], cols)
    suspect = _suspect_rows(table, first, cols, columns)
    clean = _clean_records(table, first, labels, columns)
    records, issues = [], []
    for i, record in enumerate(clean):
        if record is _EMPTY_ROW:
            continue  # an empty row of the template (団体名 is pre-filled)
        if record is None or first + i in suspect:  # every check, cell by cell, as they are reported
            record, row_issues = _check_row(table, first + i, cols, labels)
            issues += row_issues
            if record is None:
                continue
        records.append(record)
    if not records and not issues:
        issues.append(ImportIssue(table.file, header + 1, None, "要望の行がありません。", sheet=table.sheet))
    return records, issues


# Most rows of a filled workbook are fine. Each column is first asked, at C speed, whether any of its
# cells could hold a problem (a control character anywhere in the column, a text longer than the limit,
# a cell that was a date or a number); the few rows such a screen points at, and the rows the clean
# reading below could not complete, go through _check_row, which makes every check and message.
_EMPTY_ROW = object()
_KEYS = ("key", "member", "function_code")  # cells read as keys: invisible characters removed


def _columns(body: list[list[str]], cols: dict[str, int]) -> dict[str, list[str]]:
    """Each field's cells below the header, short rows read as empty cells."""
    width = max(cols.values()) + 1
    if any(len(r) < width for r in body):  # CSV lines may be short; calamine's ranges are rectangular
        pad = [""] * width
        body = [r if len(r) >= width else r + pad[len(r):] for r in body]
    return {f: [r[c] for r in body] for f, c in cols.items()}


def _suspect_rows(table: Table, first: int, cols: dict[str, int], columns: dict[str, list[str]]) -> set[int]:
    """Rows (0-based in the sheet) that may have a problem of a cell's own: a key that was not text,
    a formula without its value, a control character or 外字, a text over its limit. A superset: _check_row decides."""
    suspect = {r for r, c in table.uncached_formula_cells() if r >= first and c in cols.values()}
    key_columns = {cols[f] for f in _KEYS if f in cols}
    suspect.update(r for r, c in table.cell_kinds if r >= first and c in key_columns)
    for fld, cells in columns.items():
        limit = LIMITS.get(fld)
        if limit is not None and max(map(len, cells), default=0) > limit:  # the raw text is the longest
            suspect.update(first + i for i, v in enumerate(cells) if len(v) > limit)
        if UNPRINTABLE.search("".join(cells)):
            suspect.update(first + i for i, v in enumerate(cells) if UNPRINTABLE.search(v))
    return suspect


def _distinct(cells: list[str], read: Callable[[str], Any]) -> list[Any]:
    """``read`` of every cell, called once per distinct text (a column of marks has a handful)."""
    seen = {v: read(v) for v in set(cells)}
    return list(map(seen.__getitem__, cells))


def _normalized(cells: list[str], read: Callable[[str], str]) -> list[str]:
    """``read`` (normalize_text, with or without strip_invisible) of every cell: for a column of ASCII
    without carriage returns (IDs, 要望番号) that is only a strip, done at C speed."""
    joined = "".join(cells)
    if joined.isascii() and "\r" not in joined:  # ASCII is NFKC already and holds no invisible character
        return list(map(str.strip, cells))
    return _distinct(cells, read)


def _free_text(cells: list[str]) -> list[str]:
    """clean_text of every cell: strip at C speed unless some cell has a carriage return."""
    if "\r" in "".join(cells):
        return list(map(clean_text, cells))
    return list(map(str.strip, cells))


def _clean_records(table: Table, first: int, labels: dict[str, str], columns: dict[str, list[str]]) -> list[Any]:
    """Per row below the header: its RequestRecord read column by column, _EMPTY_ROW for an empty row,
    or None when a value is missing or not understood (_check_row says which)."""
    n = len(table.rows) - first
    empty = [""] * n
    col = columns.get
    # Empty unless some cell other than 団体名 has text (the template pre-fills 団体名).
    filled = list(map(any, zip(*(map(str.strip, c) for f, c in columns.items() if f != "member"), strict=True))) or [False] * n

    def key(fld: str) -> list[str]:
        return _normalized(col(fld, empty), lambda v: normalize_text(strip_invisible(v)))

    def plain(fld: str) -> list[str]:
        return _normalized(col(fld, empty), normalize_text)

    member, code, item_key, system = key("member"), key("function_code"), key("key"), plain("business_system")
    content, detail = _free_text(col("content", empty)), _free_text(col("service_drop_detail", empty))
    title, workaround = _free_text(col("title", empty)), _free_text(col("workaround", empty))
    reason = _distinct(col("reason", empty), parse_reason)
    drop = _distinct(col("service_drop", empty), parse_service_drop)
    kind = _distinct(col("kind", empty), _kind_of)
    numbers = {fld: _distinct(col(fld, empty), _number_of) for fld in ("annual_cases", "estimate")}
    values = {"key": item_key, "title": title, "content": content, "service_drop_detail": detail,
              "workaround": workaround, "function_code": code, "business_system": system, "member": member,
              **{fld: [v for _, v in numbers[fld]] for fld in numbers}}
    over: set[int] = set()  # rows with a value the database column cannot hold
    for fld, (stored_in, column) in _STORED_AS.items():
        if not limits.column_fits(stored_in, column, values[fld]):  # C-speed check of the whole column first
            over.update(i for i, v in enumerate(values[fld])
                        if v is not None and v != "" and limits.check_value(stored_in, column, v))
    out: list[Any] = []
    for i in range(n):
        if not filled[i]:
            out.append(_EMPTY_ROW)
            continue
        ok, answer = drop[i]
        if (not member[i] or not content[i] or reason[i] is None or not ok or answer is None or kind[i] is False
                or not detail[i] or not numbers["annual_cases"][i][0] or not numbers["estimate"][i][0] or i in over):
            out.append(None)
            continue
        out.append(RequestRecord(
            table.file, table.sheet, first + i + 1, labels, item_key[i] or None, member[i], code[i] or None,
            system[i] or None, title[i] or None, content[i], reason[i], answer, detail[i],
            numbers["annual_cases"][i][1], workaround[i] or None, numbers["estimate"][i][1], kind[i]))
    return out


def _kind_of(text: str) -> str | None | bool:
    """種別: "function" / "form", None when empty, False when not understood."""
    word = normalize_text(text)
    return KIND_WORDS.get(word, False) if word else None


def _number_of(text: str) -> tuple[bool, int | None]:
    """(understood, value) of 年間処理件数 or 見積額: an empty cell is understood as None."""
    raw = normalize_text(text)
    if not raw:
        return True, None
    value = parse_amount(raw)
    return value is not None, value


def _check_row(table: Table, index: int, cols: dict[str, int], labels: dict[str, str]
               ) -> tuple[RequestRecord | None, list[ImportIssue]]:
    """Every check of one row, its problems in the order they are reported, and its record if it has none."""
    row = table.rows[index]
    cell = {f: (row[c] if c < len(row) else "") for f, c in cols.items()}
    rownum = index + 1
    row_issues: list[ImportIssue] = []

    def bad(fld: str, message: str) -> None:
        row_issues.append(ImportIssue(table.file, rownum, labels.get(fld), message, sheet=table.sheet))

    for fld, c in cols.items():
        problem = cell_kind_problem(table, index, c, FIELDS[fld]) if fld in _KEYS else None
        if problem is None and (index, c) in table.uncached_formula_cells():
            problem = f"{FIELDS[fld]}の数式の計算結果が保存されていません。Excel で開いて再計算し、保存し直してください。"
        if problem:
            bad(fld, problem)
        raw = cell.get(fld, "")
        for message in text_problems(strip_invisible(raw.strip()), FIELDS[fld], LIMITS.get(fld)):
            bad(fld, message)
    if row_issues:
        return None, row_issues
    cell = {f: strip_invisible(v) if f in _KEYS else v for f, v in cell.items()}
    member = normalize_text(cell.get("member", ""))
    if not member:
        bad("member", "団体名が空です。")
    content = clean_text(cell.get("content", ""))
    if not content:
        bad("content", "要望内容が空です。")
    reason = parse_reason(cell.get("reason", ""))
    if reason is None:
        shown = cell.get("reason", "").strip()
        bad("reason", (f"理由区分「{shown}」は選択肢にありません" if shown else "理由区分が空です")
            + f"（{'、'.join(REASON_LABELS.values())}）。")
    ok, drop = parse_service_drop(cell.get("service_drop", ""))
    if not ok or drop is None:
        shown = cell.get("service_drop", "").strip()
        bad("service_drop", (f"住民サービス低下「{shown}」は選択肢にありません" if shown else "住民サービス低下が空です")
            + "（低下する、低下しない）。")
    kind_text = normalize_text(cell.get("kind", ""))
    kind = KIND_WORDS.get(kind_text) if kind_text else None
    if kind_text and kind is None:
        bad("kind", f"種別「{kind_text}」は「機能」か「帳票」で記入してください。")
    detail = clean_text(cell.get("service_drop_detail", ""))
    if not detail:
        bad("service_drop_detail", "低下の内容（低下しない場合はその理由）が空です。")
    numbers: dict[str, int | None] = {}
    for fld in ("annual_cases", "estimate"):
        raw = normalize_text(cell.get(fld, ""))
        numbers[fld] = None
        if raw:
            numbers[fld] = parse_amount(raw)
            if numbers[fld] is None:
                bad(fld, f"{FIELDS[fld]}「{raw}」は 0 以上の整数ではありません。")
    # The same limits as the database columns (PostgreSQL's; SQLite would store anything): too long
    # is refused, never cut; too large is refused before it can overflow anything.
    texts = {"key": normalize_text(cell.get("key", "")), "title": clean_text(cell.get("title", "")),
             "content": content, "service_drop_detail": detail, "workaround": clean_text(cell.get("workaround", "")),
             "function_code": normalize_text(cell.get("function_code", "")),
             "business_system": normalize_text(cell.get("business_system", "")), "member": member}
    for fld, (stored_in, column) in _STORED_AS.items():
        value = numbers.get(fld) if fld in numbers else texts.get(fld)
        if value is not None and value != "" and (problem := limits.check_value(stored_in, column, value, label=FIELDS[fld])):
            bad(fld, problem)
    if row_issues or reason is None or drop is None:  # (a missing reason or answer is among them)
        return None, row_issues
    return RequestRecord(
        table.file, table.sheet, rownum, labels, normalize_text(cell.get("key", "")) or None, member,
        normalize_text(cell.get("function_code", "")) or None, normalize_text(cell.get("business_system", "")) or None,
        clean_text(cell.get("title", "")) or None, content, reason, drop, detail, numbers["annual_cases"],
        clean_text(cell.get("workaround", "")) or None, numbers["estimate"], kind,
    ), row_issues


def read_request_files(paths: list[str | Path]) -> list[RequestRecord]:
    """Validate several files at once; ImportValidationError lists every problem of every file."""
    with gc_paused():  # 34 workbooks of a consortium make ~50,000 records, none cyclic
        return _read_request_files(paths)


def _read_request_files(paths: list[str | Path]) -> list[RequestRecord]:
    records, issues = [], []
    for p in paths:
        try:
            recs, errs = read_request_file(p)
        except ImportValidationError as exc:
            issues += exc.issues
            continue
        records += recs
        issues += errs
    if issues:
        raise ImportValidationError(issues)
    return records

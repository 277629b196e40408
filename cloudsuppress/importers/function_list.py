"""The package function list (機能一覧): find the header, map the columns, validate every row.

Real lists put title rows above the header, merge cells, and name the same column in several
ways. ``guess_mapping`` finds the header row and the columns by known synonyms; the user (in
the mapping dialog) or the CLI (``--map FIELD=COLUMN``) can correct it; ``parse_function_list``
then validates every row and returns records, or raises one error listing every problem.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import compress
from typing import NamedTuple

from ..errors import ImportIssue, ImportValidationError
from ..bulk import gc_paused
from ..vocab import clean_text, normalize_text, parse_fit, parse_flag, parse_requirement_class
from .tabular import Table, column_letter

# field → label shown to the user
FIELDS: dict[str, str] = {
    "code": "機能ID",
    "business_system": "業務",
    "level1": "大分類",
    "level2": "中分類",
    "level3": "小分類",
    "name": "機能名",
    "requirement": "機能要件",
    "requirement_class": "実装区分",
    "fit": "適合度",
    "convenience": "便利機能",
}
REQUIRED_FIELDS = ("code", "name")

# Synonyms, compared after NFKC normalisation with spaces and brackets removed.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "code": ("機能id", "機能番号", "no", "no.", "機能no", "機能コード", "要件id", "要件番号", "id", "番号"),
    "business_system": ("業務", "業務名", "業務システム", "システム", "システム名", "対象業務"),
    "level1": ("大分類", "大項目", "機能分類", "分類1", "区分1", "大区分"),
    "level2": ("中分類", "中項目", "分類2", "区分2", "中区分"),
    "level3": ("小分類", "小項目", "分類3", "区分3", "小区分"),
    "name": ("機能名", "機能名称", "機能", "項目名", "機能項目"),
    "requirement": ("機能要件", "要件", "機能説明", "機能概要", "説明", "要件内容", "機能要件内容"),
    "requirement_class": ("実装区分", "区分", "機能区分", "要件区分", "実装要否"),
    "fit": ("適合度", "適合", "対応可否", "適合状況", "対応状況", "可否", "パッケージ対応"),
    "convenience": ("便利機能", "便利機能フラグ"),
}

_STRIP = re.compile(r"[\s　()（）【】\[\]「」・:：※*＊]")
HEADER_SCAN_ROWS = 30
_SHORT_FIELDS = ("level1", "level2", "level3", "business_system")
# Fields compared or looked up (NFKC-normalised); the rest is free text kept as written.
_KEY_FIELDS = frozenset({"code", "fit", "requirement_class", "convenience"})
MAX_CODE_CHARS = 50
MAX_NAME_CHARS = 400


def _norm_header(text: str) -> str:
    return _STRIP.sub("", normalize_text(text)).lower()


_LOOKUP: dict[str, str] = {}
for _field, _words in SYNONYMS.items():
    for _w in _words:
        _LOOKUP.setdefault(_norm_header(_w), _field)


@dataclass(frozen=True)
class ColumnMapping:
    """Where the header is and which column holds each field (0-based indexes)."""

    header_row: int  # 0-based index into Table.rows
    columns: dict[str, int]

    def missing_required(self) -> list[str]:
        return [f for f in REQUIRED_FIELDS if f not in self.columns]


class FunctionRecord(NamedTuple):
    """One validated row of a function list (a NamedTuple: 30,000 of them are made per import)."""

    row: int  # spreadsheet row number (1-based)
    code: str
    name: str
    business_system: str | None = None
    level1: str | None = None
    level2: str | None = None
    level3: str | None = None
    requirement: str | None = None
    requirement_class: str | None = None
    fit: str | None = None
    convenience: bool = False


@dataclass
class ParsedFunctionList:
    """The validated records of one file, with where they came from."""

    file: str
    sheet: str | None
    mapping: ColumnMapping
    records: list[FunctionRecord] = field(default_factory=list)

    @property
    def has_business_system_column(self) -> bool:
        return "business_system" in self.mapping.columns


def header_field(text: str) -> str | None:
    """The field a header cell names, or None."""
    return _LOOKUP.get(_norm_header(text)) if text else None


def guess_mapping(table: Table) -> ColumnMapping | None:
    """Find the header row (the one naming most known fields) and map its columns."""
    best: tuple[int, int, dict[str, int]] | None = None
    for r, row in enumerate(table.rows[:HEADER_SCAN_ROWS]):
        found: dict[str, int] = {}
        for c, text in enumerate(row):
            f = header_field(text)
            if f and f not in found:
                found[f] = c
        score = len(found) + (2 if "code" in found and "name" in found else 0)
        if found and (best is None or score > best[0]):
            best = (score, r, found)
    if best is None or best[0] < 3:
        return None
    _, r, found = best
    # A header merged over two rows ("機能" above "機能ID | 機能名") repeats the top text in
    # the row below; skip past such a second header row if it names fields too.
    if r + 1 < len(table.rows):
        below = {header_field(t) for t in table.rows[r + 1]} - {None}
        if len(below) >= 2 and below <= set(found) | set(SYNONYMS):
            more = {f: c for c, t in enumerate(table.rows[r + 1]) if (f := header_field(t)) and f not in found}
            if more:
                found = {**found, **more}
                r += 1
    return ColumnMapping(r, found)


def mapping_from_options(table: Table, header_row: int | None, options: dict[str, str]) -> ColumnMapping:
    """Apply ``FIELD=COLUMN`` options (column letter, 1-based number or header text) over a guess."""
    guess = guess_mapping(table)
    if header_row is None:
        if guess is None:
            raise ImportValidationError(
                [ImportIssue(table.file, None, None, "見出し行が見つかりません。--header-row で見出しの行番号を指定してください。", sheet=table.sheet)]
            )
        header_row = guess.header_row
        columns = dict(guess.columns)
    else:
        if not 1 <= header_row <= len(table.rows):
            raise ImportValidationError(
                [ImportIssue(table.file, None, None, f"見出し行の行番号 {header_row} は 1〜{len(table.rows)} の範囲で指定してください。", sheet=table.sheet)]
            )
        header_row -= 1
        columns = {}
        if 0 <= header_row < len(table.rows):
            for c, text in enumerate(table.rows[header_row]):
                f = header_field(text)
                if f and f not in columns:
                    columns[f] = c
    header = table.rows[header_row] if 0 <= header_row < len(table.rows) else []
    issues = []
    for fld, col in options.items():
        if fld not in FIELDS:
            issues.append(ImportIssue(table.file, None, None, f"項目名「{fld}」は使えません（使える項目: {', '.join(FIELDS)}）。"))
            continue
        index = _resolve_column(col, header)
        if index is None:
            issues.append(ImportIssue(table.file, header_row + 1, col, f"列「{col}」が見つかりません（{FIELDS[fld]}）。", sheet=table.sheet))
        else:
            columns = {k: v for k, v in columns.items() if v != index or k == fld}
            columns[fld] = index
    if issues:
        raise ImportValidationError(issues)
    return ColumnMapping(header_row, columns)


def _resolve_column(col: str, header: list[str]) -> int | None:
    col = col.strip()
    if re.fullmatch(r"[A-Za-z]{1,3}", col):
        index = 0
        for ch in col.upper():
            index = index * 26 + (ord(ch) - 64)
        return index - 1
    if col.isdigit() and int(col) > 0:
        return int(col) - 1
    target = _norm_header(col)
    for c, text in enumerate(header):
        if _norm_header(text) == target:
            return c
    return None


def _transpose(rows: list[list[str]], width: int) -> list[tuple[str, ...]]:
    """The first ``width`` columns of ``rows``, short rows padded with "" (transposed in C by zip)."""
    if not rows or width <= 0:
        return [()] * max(width, 0)
    if any(len(r) < width for r in rows):  # CSV lines may be short; calamine's ranges are rectangular
        pad = [""] * width
        rows = [r if len(r) >= width else r + pad[len(r):] for r in rows]
    return list(zip(*rows))[:width]


def parse_function_list(table: Table, mapping: ColumnMapping) -> ParsedFunctionList:
    """Validate every row below the header; raise ImportValidationError listing every problem."""
    with gc_paused():  # a record per row, made in one go
        return _parse_function_list(table, mapping)


def _parse_function_list(table: Table, mapping: ColumnMapping) -> ParsedFunctionList:
    issues: list[ImportIssue] = []

    def issue(row: int | None, fld: str | None, message: str) -> None:
        col = None
        if fld is not None and fld in mapping.columns:
            col = f"{column_letter(mapping.columns[fld])}列（{FIELDS[fld]}）"
        issues.append(ImportIssue(table.file, row, col, message, sheet=table.sheet))

    for fld in mapping.missing_required():
        issue(mapping.header_row + 1, None, f"必須の列「{FIELDS[fld]}」が見出し行にありません。列の対応を指定してください。")
    used = {}
    for fld, c in mapping.columns.items():
        if c in used:
            issue(mapping.header_row + 1, fld, f"「{FIELDS[fld]}」と「{FIELDS[used[c]]}」に同じ列が割り当てられています。")
        used[c] = fld
    if issues:
        raise ImportValidationError(issues)

    parsed = ParsedFunctionList(table.file, table.sheet, mapping)
    first = mapping.header_row + 1
    body = table.rows[first:]
    # Column by column, with list comprehensions: a row-by-row loop building a dict per row
    # cost twice as much on a 30,000-row list. Problems are sorted back into row order.
    found: list[tuple[int, int, str | None, str]] = []  # (row, check order, field, message)

    def flag(order: int, index: int, fld: str | None, message: str) -> None:
        found.append((first + index + 1, order, fld, message))

    cols: dict[str, list[str]] = {}
    columns = _transpose(body, max(mapping.columns.values(), default=-1) + 1)
    for fld, c in mapping.columns.items():
        cells = columns[c]
        if fld == "code":  # mostly plain ASCII, every value distinct
            cols[fld] = [v.strip() if v.isascii() else normalize_text(v) for v in cells]
        elif fld in _KEY_FIELDS:  # marks and classes: a handful of distinct values, each normalised once
            norm = {v: (v.strip() if v.isascii() else normalize_text(v)) for v in set(cells)}
            cols[fld] = [norm[v] for v in cells]
        elif "\r" in "".join(cells):  # C-speed pre-check: line breaks to unify somewhere
            cols[fld] = [clean_text(v) if "\r" in v else v.strip() for v in cells]
        else:
            cols[fld] = list(map(str.strip, cells))
    empty = [""] * len(body)
    code, name = cols.get("code", empty), cols.get("name", empty)
    keep = list(compress(range(len(body)), map(any, zip(*cols.values()))))  # skip blank lines

    # Each check first asks a C-speed question of the whole column (any empty? longest?) and
    # walks the rows only when that finds something (blank lines make "" appear: they walk too).
    for order, fld, values, limit in ((0, "code", code, MAX_CODE_CHARS), (1, "name", name, MAX_NAME_CHARS)):
        if "" in values or max(map(len, values), default=0) > limit:
            what = FIELDS[fld]
            for i in keep:
                if not values[i]:
                    flag(order, i, fld, f"{what}が空です。")
                elif len(values[i]) > limit:
                    flag(order, i, fld, f"{what}が長すぎます（{len(values[i])}文字、上限{limit}文字）。")
    for fld in _SHORT_FIELDS:
        if fld not in cols or max(map(len, cols[fld]), default=0) <= 200:
            continue
        for i in (i for i in keep if len(cols[fld][i]) > 200):
            flag(2, i, fld, f"{FIELDS[fld]}が長すぎます（200文字まで）。")

    def parsed_column(fld: str, parse, order: int, message: str) -> list:
        texts = cols.get(fld, empty)
        results = {t: parse(t) for t in set(texts)}  # few distinct values: parse each once
        for i in keep:
            if not results[texts[i]][0]:
                flag(order, i, fld, message.format(texts[i]))
        return [results[t][1] for t in texts]

    fits = parsed_column("fit", parse_fit, 3, "適合度「{}」を読み取れません（○ / △ / × のいずれか、未評価なら空欄）。")
    classes = parsed_column("requirement_class", parse_requirement_class, 4,
                            "実装区分「{}」を読み取れません（実装必須機能 / 標準オプション機能 / 実装不可機能）。")
    conveniences = parsed_column("convenience", parse_flag, 5, "便利機能「{}」を読み取れません（○ または空欄）。")
    formula_rows: set[int] = set()
    for fld, texts in cols.items():
        if fld == "requirement" or "\x00=" not in "\x00" + "\x00".join(texts):  # C-speed pre-check
            continue
        for i in (i for i, v in enumerate(texts) if v[:1] == "=" and len(v) > 1):
            if i not in formula_rows:  # one such problem per row is enough
                formula_rows.add(i)
                flag(6, i, fld, "数式の文字列が入っています。値に直してから取り込んでください。")
    systems = cols.get("business_system", empty)
    seen: dict[tuple[str, str], int] = {}
    for i in (keep if len(set(zip(systems, code))) < len(code) else ()):  # only when some pair repeats
        if code[i]:
            key = (systems[i], code[i])
            if key in seen:
                flag(7, i, "code", f"機能ID「{code[i]}」が重複しています（{seen[key]}行目と同じ）。")
            else:
                seen[key] = first + i + 1
    found.sort(key=lambda f: (f[0], f[1]))
    for rownum, _, fld, message in found:
        issue(rownum, fld, message)

    level1, level2, level3 = cols.get("level1", empty), cols.get("level2", empty), cols.get("level3", empty)
    requirement = cols.get("requirement", empty)

    def kept(col: list, *, none_for_empty: bool = False) -> list:
        picked = col if len(keep) == len(col) else [col[i] for i in keep]
        return [v or None for v in picked] if none_for_empty else picked

    parsed.records = list(map(FunctionRecord._make, zip(
        [first + i + 1 for i in keep], kept(code), kept(name),
        *(kept(c, none_for_empty=True) for c in (systems, level1, level2, level3, requirement)),
        kept(classes), kept(fits), kept(conveniences))))
    if not parsed.records and not issues:
        issue(mapping.header_row + 1, None, "見出し行の下に機能の行がありません。")
    if issues:
        raise ImportValidationError(issues)
    return parsed

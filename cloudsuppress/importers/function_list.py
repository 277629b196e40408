"""The package function list (機能一覧): find the header, map the columns, validate every row.

Real lists put title rows above the header, merge cells, and name the same column in several
ways. ``guess_mapping`` finds the header row and the columns by known synonyms; the user (in
the mapping dialog) or the CLI (``--map FIELD=COLUMN``) can correct it; ``parse_function_list``
then validates every row and returns records, or raises one error listing every problem.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import compress
from typing import Any, NamedTuple

from ..bulk import gc_paused
from ..domain.vocab import (
    clean_text,
    fit_qualifier,
    normalize_text,
    parse_fit_word,
    parse_flag,
    parse_requirement_class,
    understood_fit_words,
)
from ..errors import ImportIssue, ImportValidationError
from ..wording import either
from .cells import (
    UNPRINTABLE,
    control_char,
    name_from_sentence,
    number_id_problem,
    parse_cost,
    private_char,
    private_char_message,
    strip_invisible,
)
from .fields import FIELD_CHOICES as FIELD_CHOICES  # the fields and labels, light for the CLI parser
from .fields import FIELDS as FIELDS
from .fields import REQUIRED_FIELDS as REQUIRED_FIELDS
from .tabular import Table, column_letter

Flag = Callable[[int, int, "str | None", str], None]  # (check order, row index, field, message)


# Synonyms, compared after NFKC normalisation with spaces and brackets removed. An ID named as an
# ID (機能ID, 要件ID, 帳票ID) wins over a running number (No., 項番, 通番): see detect.py.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "code": ("機能id", "機能番号", "機能no", "機能コード", "要件id", "要件番号", "要件no", "帳票id", "帳票番号",
             "帳票no", "帳票コード", "id", "コード", "管理番号", "機能要件id"),
    "row_number": ("no", "no.", "項番", "通番", "連番", "番号", "行番号", "項目番号", "整理番号", "#"),
    "business_system": ("業務", "業務名", "業務システム", "システム", "システム名", "対象業務"),
    "level1": ("大分類", "大項目", "機能分類", "分類1", "区分1", "大区分"),
    "level2": ("中分類", "中項目", "分類2", "区分2", "中区分"),
    "level3": ("小分類", "小項目", "分類3", "区分3", "小区分"),
    "name": ("機能名", "機能名称", "機能", "項目名", "機能項目", "帳票名", "帳票名称", "要件名", "機能要件名"),
    "requirement": ("機能要件", "要件", "機能説明", "機能概要", "説明", "要件内容", "機能要件内容", "項目", "要件の内容",
                    "帳票要件", "要求内容", "要求事項", "仕様"),
    "requirement_class": ("実装区分", "区分", "機能区分", "要件区分", "実装要否", "必須任意の別", "必須任意", "必須任意区分",
                          "必須/任意", "帳票区分", "必須・任意"),
    "fit": ("適合度", "適合", "対応可否", "適合状況", "対応状況", "可否", "パッケージ対応", "回答欄", "回答",
            "パッケージ対応状況", "判定", "適合判定", "パッケージ判定", "ベンダー回答", "対応", "標準対応",
            "パッケージ適合度", "判定結果", "fit/gap", "fit&gap", "fitgap", "適合可否"),
    "convenience": ("便利機能", "便利機能フラグ"),
    "vendor_cost": ("カスタマイズ費用", "概算費用", "改修費用", "カスタマイズ費用概算", "費用", "概算金額", "カスタマイズ経費"),
    "vendor_alternative": ("備考代替案等", "代替案", "代替案等", "代替機能", "代替方法", "備考代替案", "代替案・備考"),
    "revision_kind": ("改定区分", "改訂区分", "前版からの改定区分"),
    "revision_note": ("改定内容", "改訂内容", "前版からの改定内容"),
    "rationale": ("要件の考え方理由", "要件の考え方", "考え方理由", "考え方", "要件の考え方・理由"),
}
_FORM_WORDS = {"帳票id", "帳票番号", "帳票no", "帳票コード", "帳票名", "帳票名称", "帳票区分", "帳票要件"}
# Under a member's name in a Fit&Gap sheet: its judgement and its current practice / request.
_JUDGEMENT_WORDS = {"判定", "判定結果", "評価", "○△×", "適合", "適合度", "団体判定"}
_MEMBER_NOTE_WORDS = {"現行運用要望", "現行運用", "要望", "運用要望", "現行運用・要望", "備考", "意見", "要望内容", "コメント"}
# A top header cell over 判定 that is not a member: the package's or the vendor's own answer.
_NOT_MEMBER = re.compile(r"パッケージ|ベンダー|事業者|標準|回答|提案|前版|改定|改訂|機能|分類|項目")
# Header words a column could also mean (offered first in the drop-down).
_ALTERNATIVES = {"code": ("row_number",), "row_number": ("code",), "requirement": ("name",), "name": ("requirement",),
                 "level1": ("business_system",)}

_STRIP = re.compile(r"[\s　()（）【】\[\]「」・:：※*＊/／]")
_UNIT = re.compile(r"(千円|百万円|円|税抜|税込|税別)+$")
HEADER_SCAN_ROWS = 60  # a vendor sheet may open with long instructions
_SHORT_FIELDS = ("level1", "level2", "level3", "business_system")
# Fields compared or looked up (NFKC-normalised); the rest is free text kept as written.
_KEY_FIELDS = frozenset({"code", "fit", "requirement_class", "convenience", "revision_kind"})
_TEXT_FIELDS = ("vendor_alternative", "revision_note", "rationale")
MAX_CODE_CHARS = 50
MAX_NAME_CHARS = 400
MAX_SHORT_CHARS = 200
MAX_TEXT_CHARS = 32_767
RETIRED_WORDS = frozenset({"（削除）", "(削除)", "削除", "【削除】", "欠番", "（欠番）"})


def _norm_header(text: str) -> str:
    text = _STRIP.sub("", normalize_text(text)).lower()
    return _UNIT.sub("", text) or text


# A footnote marker (※1, *2) or a legend in brackets (（○△×）, (7桁), （帳票名）) at the end of a
# header cell, as the ministry annex and vendors write them: 「適合度（○△×）」 is 適合度.
_TRAILING_LEGEND = re.compile(r"(?:\s*(?:[※*＊][0-9]*|\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】))+\s*$")


def _header_keys(text: str) -> tuple[str, str | None]:
    """The header's key, and the key without a trailing footnote marker / legend (None when the same)."""
    key = _norm_header(text)
    bare = _TRAILING_LEGEND.sub("", normalize_text(text))
    if not bare:
        return key, None
    bare_key = _norm_header(bare)
    return key, (bare_key if bare_key != key else None)


_LOOKUP: dict[str, str] = {}
for _field, _words in SYNONYMS.items():
    for _w in _words:
        _LOOKUP.setdefault(_norm_header(_w), _field)
_FORM_KEYS = {_norm_header(w) for w in _FORM_WORDS}
_JUDGEMENT_KEYS = {_norm_header(w) for w in _JUDGEMENT_WORDS}
_MEMBER_NOTE_KEYS = {_norm_header(w) for w in _MEMBER_NOTE_WORDS}


class FieldHit(NamedTuple):
    """What a header cell names: its field, whether it is a form's word, other meanings."""

    field: str
    kind: str = ""  # "form" for 帳票ID / 帳票名称 …, "member" for a member group's columns
    alternatives: tuple[str, ...] = ()

    @property
    def form(self) -> bool:
        return self.kind == "form"


def header_hit(text: str) -> FieldHit | None:
    """The field a header cell names (with its kind and other meanings), or None."""
    if not text:
        return None
    key, bare = _header_keys(text)
    fld = _LOOKUP.get(key)
    if fld is None and bare is not None:
        key = bare
        fld = _LOOKUP.get(key)
    if fld is None and "適合度" in key:  # パッケージ適合度, 適合度（標準）: contains the word
        fld = "fit"
    if fld is None:
        return None
    return FieldHit(fld, "form" if key in _FORM_KEYS else "", _ALTERNATIVES.get(fld, ()))


def is_judgement_word(text: str) -> bool:
    key, bare = _header_keys(text)
    return key in _JUDGEMENT_KEYS or bare in _JUDGEMENT_KEYS


def is_member_note_word(text: str) -> bool:
    key, bare = _header_keys(text)
    return key in _MEMBER_NOTE_KEYS or bare in _MEMBER_NOTE_KEYS


def not_a_member(text: str) -> bool:
    """A group header that names no member (the package's answer, 前版からの改定, 機能分類 …)."""
    return bool(_NOT_MEMBER.search(normalize_text(text)))


@dataclass(frozen=True)
class ColumnMapping:
    """Where the header is and which column holds each field (0-based indexes), and what the
    detection learnt of the sheet (see detect.py)."""

    header_row: int  # 0-based index into Table.rows of the (last) header row
    columns: dict[str, int]
    header_top: int | None = None  # the first header row, when the header spans two
    skip_rows: frozenset[int] = frozenset()  # 0-based rows below the header that are not data
    blank_fit: str | None = None  # the sheet's rule for a blank answer
    cost_unit: int = 1  # 1000 when the cost column is in 千円
    member_columns: tuple[tuple[str, int, int | None], ...] = ()  # (member as written, 判定 column, note column)
    names_from_requirement: bool = False
    kind: str = "function"
    problems: tuple[str, ...] = ()  # undecided columns: the import is refused until they are decided

    def missing_required(self) -> list[str]:
        required = ("code",) if self.names_from_requirement else REQUIRED_FIELDS
        return [f for f in required if f not in self.columns]


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
    kind: str = "function"
    retired: bool = False
    fit_alternative: bool = False
    vendor_cost: int | None = None
    vendor_cost_note: str | None = None
    vendor_alternative: str | None = None
    revision_kind: str | None = None
    revision_note: str | None = None
    rationale: str | None = None
    judgements: tuple[tuple[str, str | None, str | None], ...] = ()  # (member as written, judgement, note)


@dataclass
class ParsedFunctionList:
    """The validated records of one file (functions, then forms), with where they came from."""

    file: str
    sheet: str | None
    mapping: ColumnMapping
    records: list[FunctionRecord] = field(default_factory=list)
    form_sheet: str | None = None
    form_mapping: ColumnMapping | None = None

    @property
    def has_business_system_column(self) -> bool:
        return "business_system" in self.mapping.columns

    @property
    def members(self) -> tuple[str, ...]:
        """Member names of the file's column groups, as written."""
        return tuple(m for m, _, _ in self.mapping.member_columns)


def header_field(text: str) -> str | None:
    """The field a header cell names, or None (a running No. counts as an ID here)."""
    hit = header_hit(text)
    if hit is None:
        return None
    return "code" if hit.field == "row_number" else hit.field


def guess_mapping(table: Table) -> ColumnMapping | None:
    """Find the header (one or two rows) and map its columns; None when no header is found."""
    from .detect import detect_sheet

    det = detect_sheet(table, kind="function")
    return det.column_mapping() if det else None


def mapping_from_options(table: Table, header_row: int | None, options: dict[str, str]) -> ColumnMapping:
    """Apply ``FIELD=COLUMN`` options (column letter, 1-based number or header text) over a guess."""
    from .detect import detect_sheet

    if header_row is not None and not 1 <= header_row <= len(table.rows):
        raise ImportValidationError(
            [ImportIssue(table.file, None, None, f"見出し行の行番号 {header_row} は 1〜{len(table.rows)} の範囲で"
                                                 "指定してください。", sheet=table.sheet)]
        )
    columns, issues = resolve_column_options(table, header_row, options)
    if issues:
        raise ImportValidationError(issues)
    det = detect_sheet(table, kind="function", header_rows=(header_row, header_row) if header_row else None,
                       columns=columns)
    if det is None:
        if header_row is None:
            raise ImportValidationError(
                [ImportIssue(table.file, None, None, "見出し行が見つかりません。" + either(
                    gui="取り込みの画面の「見出し行」で見出しの行番号を指定してください。",
                    cli="--header-row で見出しの行番号を指定してください。"), sheet=table.sheet)]
            )
        return ColumnMapping(header_row - 1, {f: c for c, f in columns.items() if f})
    return det.column_mapping()


def resolve_column_options(table: Table, header_row: int | None, options: dict[str, str]) -> tuple[dict[int, str], list[ImportIssue]]:
    """``FIELD=COLUMN`` options as {column index: field}, or the issues naming what is wrong."""
    from .detect import find_header

    header: list[str] = []
    if header_row is not None and 1 <= header_row <= len(table.rows):
        header = table.rows[header_row - 1]
    elif options:
        found = find_header(table)
        if found is not None:
            header = [text for text, _, _ in found.labels]
    columns: dict[int, str] = {}
    issues = []
    for fld, col in options.items():
        if fld not in FIELDS:
            issues.append(ImportIssue(table.file, None, None, f"項目名「{fld}」は使えません（使える項目: {', '.join(FIELD_CHOICES)}）。"))
            continue
        index = _resolve_column(col, header)
        if index is None:
            issues.append(ImportIssue(table.file, header_row, col, f"列「{col}」が見つかりません（{FIELDS[fld]}）。", sheet=table.sheet))
        else:
            columns[index] = fld
    return columns, issues


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
        if _norm_header(text) == target or any(_norm_header(part) == target for part in text.split(" / ")):
            return c
    return None


def _transpose(rows: list[list[str]], width: int) -> list[tuple[str, ...]]:
    """The first ``width`` columns of ``rows``, short rows padded with "" (transposed in C by zip)."""
    if not rows or width <= 0:
        return [()] * max(width, 0)
    if any(len(r) < width for r in rows):  # CSV lines may be short; calamine's ranges are rectangular
        pad = [""] * width
        rows = [r if len(r) >= width else r + pad[len(r):] for r in rows]
    return list(zip(*rows, strict=False))[:width]  # rows may run past width, unevenly: cut at the shortest


def parse_function_list(table: Table, mapping: ColumnMapping, *, forms: tuple[Table, ColumnMapping] | None = None
                        ) -> ParsedFunctionList:
    """Validate every data row (and a form sheet's, when given); raise ImportValidationError listing every problem."""
    with gc_paused():  # a record per row, made in one go
        issues: list[ImportIssue] = []
        records = _parse_rows(table, mapping, issues)
        parsed = ParsedFunctionList(table.file, table.sheet, mapping, records)
        if forms is not None:
            form_table, form_mapping = forms
            parsed.records = records + _parse_rows(form_table, form_mapping, issues)
            parsed.form_sheet, parsed.form_mapping = form_table.sheet, form_mapping
        if issues:
            raise ImportValidationError(issues)
        return parsed


def parse_forms_only(table: Table, mapping: ColumnMapping) -> ParsedFunctionList:
    """A workbook holding only a 帳票要件 sheet."""
    with gc_paused():
        issues: list[ImportIssue] = []
        records = _parse_rows(table, mapping, issues)
        if issues:
            raise ImportValidationError(issues)
        return ParsedFunctionList(table.file, table.sheet, mapping, records, table.sheet, mapping)


def _parse_rows(table: Table, mapping: ColumnMapping, issues: list[ImportIssue]) -> list[FunctionRecord]:
    start = len(issues)
    form = mapping.kind == "form"
    labels = dict(FIELDS)
    if form:
        labels.update(code="帳票ID", name="帳票名称", requirement="帳票要件")

    def issue(row: int | None, fld: str | None, message: str) -> None:
        col = None
        if fld is not None and fld in mapping.columns:
            col = f"{column_letter(mapping.columns[fld])}列（{labels[fld]}）"
        issues.append(ImportIssue(table.file, row, col, message, sheet=table.sheet))

    for message in mapping.problems:
        issue(mapping.header_row + 1, None, message)
    missing = mapping.missing_required()
    if missing:
        heads = [v.strip() for v in table.rows[mapping.header_row] if v.strip()] if mapping.header_row < len(table.rows) else []
        shown = "、".join(heads[:12]) + ("、…" if len(heads) > 12 else "")
    for fld in missing:
        issue(mapping.header_row + 1, None,
              f"必須の列「{labels[fld]}」が見つかりません（{mapping.header_row + 1}行目の見出し: {shown}）。"
              + either(gui=f"「列の対応」で{labels[fld]}の列を選んでください。",
                       cli=f"--map {fld}=列記号 で指定してください。"))
    used: dict[int, str] = {}
    for fld, c in mapping.columns.items():
        if c in used:
            issue(mapping.header_row + 1, fld, f"「{labels[fld]}」と「{labels[used[c]]}」に同じ列が割り当てられています。")
        used[c] = fld
    if len(issues) > start:
        return []

    first = mapping.header_row + 1
    body = table.rows[first:]
    # Column by column, with list comprehensions: a row-by-row loop building a dict per row
    # cost twice as much on a 30,000-row list. Problems are sorted back into row order.
    found: list[tuple[int, int, str | None, str]] = []  # (row, check order, field, message)

    def flag(order: int, index: int, fld: str | None, message: str) -> None:
        found.append((first + index + 1, order, fld, message))

    cols: dict[str, list[str]] = {}
    member_cols = [c for _, j, n in mapping.member_columns for c in (j, n) if c is not None]
    width = max([*mapping.columns.values(), *member_cols], default=-1) + 1
    columns = _transpose(body, width)
    for fld, c in mapping.columns.items():
        cells = columns[c]
        if fld == "code":  # mostly plain ASCII, every value distinct
            cols[fld] = [v.strip() if v.isascii() else strip_invisible(normalize_text(v)) for v in cells]
        elif fld in _KEY_FIELDS:  # marks and classes: a handful of distinct values, each normalised once
            norm = {v: (v.strip() if v.isascii() else strip_invisible(normalize_text(v))) for v in set(cells)}
            cols[fld] = [norm[v] for v in cells]
        elif "\r" in "".join(cells):  # C-speed pre-check: line breaks to unify somewhere
            cols[fld] = [clean_text(v) if "\r" in v else v.strip() for v in cells]
        else:
            cols[fld] = list(map(str.strip, cells))
    empty = [""] * len(body)
    skip = mapping.skip_rows
    code = cols.get("code", empty)
    requirement = cols.get("requirement", empty)
    keep = [i for i in compress(range(len(body)), map(any, zip(*cols.values(), strict=True))) if first + i not in skip]
    revision = cols.get("revision_kind", empty)
    retired = [False] * len(body)
    names_col = cols.get("name", empty)
    if RETIRED_WORDS & set(requirement) or RETIRED_WORDS & set(names_col) or RETIRED_WORDS & set(revision):
        retired = [requirement[i] in RETIRED_WORDS or names_col[i] in RETIRED_WORDS or revision[i] in RETIRED_WORDS
                   for i in range(len(body))]
    if mapping.names_from_requirement:
        name = [("（削除）" if retired[i] and not requirement[i] else name_from_sentence(requirement[i]))
                if requirement[i] else "" for i in range(len(body))]
        cols["name"] = name
    name = cols.get("name", empty)
    if any(retired):  # a retired row may carry no name: it keeps its ID and is marked （削除）
        name = cols["name"] = [n or ("（削除）" if retired[i] else "") for i, n in enumerate(name)]

    # Each check first asks a C-speed question of the whole column (any empty? longest?) and
    # walks the rows only when that finds something (blank lines make "" appear: they walk too).
    for order, fld, values, limit in ((0, "code", code, MAX_CODE_CHARS), (1, "name", name, MAX_NAME_CHARS)):
        if "" in values or max(map(len, values), default=0) > limit:
            what = labels[fld]
            for i in keep:
                if not values[i]:
                    flag(order, i, fld if fld in mapping.columns else "requirement", f"{what}が空です。")
                elif len(values[i]) > limit:
                    flag(order, i, fld, f"{what}が長すぎます（{len(values[i])}文字、上限{limit}文字）。")
    for fld, limit in ((f, MAX_SHORT_CHARS) for f in _SHORT_FIELDS):
        if fld not in cols or max(map(len, cols[fld]), default=0) <= limit:
            continue
        for i in (i for i in keep if len(cols[fld][i]) > limit):
            flag(2, i, fld, f"{labels[fld]}が長すぎます（{len(cols[fld][i])}文字、上限{limit}文字）。")
    if "revision_kind" in cols and max(map(len, revision), default=0) > 20:
        for i in (i for i in keep if len(revision[i]) > 20):
            flag(2, i, "revision_kind", f"改定区分が長すぎます（{len(revision[i])}文字、上限20文字）。")
    _hygiene(table, mapping, cols, keep, first, flag)

    def parsed_column(fld: str, parse: Callable[[str], tuple[Any, ...]], order: int, message: str) -> list[Any]:
        texts = cols.get(fld, empty)
        results = {t: parse(t) for t in set(texts)}  # few distinct values: parse each once
        if not all(r[0] for r in results.values()):
            for i in keep:
                if not results[texts[i]][0]:
                    flag(order, i, fld, message.format(texts[i]))
        values = {t: (r[1:] if len(r) > 2 else r[1]) for t, r in results.items()}
        return list(map(values.__getitem__, texts))

    blank = (True, mapping.blank_fit, False)
    fit_pairs = parsed_column("fit", lambda t: parse_fit_word(t) if t else blank, 3,
                              "適合度「{}」を読み取れません（使える語: " + understood_fit_words() + "。未評価なら空欄）。")
    fits = [p[0] for p in fit_pairs]
    alternatives = [p[1] for p in fit_pairs]
    alt_texts = cols.get("vendor_alternative", empty)
    if "fit" in cols:
        qualifiers = {t: q for t in set(cols["fit"]) if t and (q := fit_qualifier(t))}
        if qualifiers:  # 「×（EUC）」: × stays ×, the vendor's EUC kept as its alternative text
            alt_texts = [a or qualifiers.get(t, "") for a, t in zip(alt_texts, cols["fit"], strict=True)]
    class_words = "実装必須帳票 / 標準オプション帳票" if form else "実装必須機能 / 標準オプション機能 / 実装不可機能"
    classes = parsed_column("requirement_class", parse_requirement_class, 4,
                            "実装区分「{}」を読み取れません（" + class_words + "）。")
    conveniences = parsed_column("convenience", parse_flag, 5, "便利機能「{}」を読み取れません（○ または空欄）。")
    costs = parsed_column("vendor_cost", lambda t: parse_cost(t, mapping.cost_unit), 5,
                          "カスタマイズ費用「{}」を金額として読み取れません（0 以上の数値、または「別途見積」などの文字）。")
    formula_rows: set[int] = set()
    for fld, texts in cols.items():
        if fld == "requirement" or "\x00=" not in "\x00" + "\x00".join(texts):  # C-speed pre-check
            continue
        for i in (i for i, v in enumerate(texts) if v[:1] == "=" and len(v) > 1):
            if i not in formula_rows and first + i not in skip:  # one such problem per row is enough
                formula_rows.add(i)
                flag(6, i, fld, "数式の文字列が入っています。値に直してから取り込んでください。")
    systems = cols.get("business_system", empty)
    seen: dict[tuple[str, str], int] = {}
    for i in (keep if len(set(zip(systems, code, strict=True))) < len(code) else ()):  # only when some pair repeats
        if code[i]:
            key = (systems[i], code[i])
            if key in seen:
                flag(7, i, "code", f"{labels['code']}「{code[i]}」が重複しています（{seen[key]}行目と同じ）。")
            else:
                seen[key] = first + i + 1
    judgements = _judgements(mapping, columns, len(body), keep, flag)
    found.sort(key=lambda f: (f[0], f[1]))
    for rownum, _, where, message in found:
        issue(rownum, where, message)

    level1, level2, level3 = cols.get("level1", empty), cols.get("level2", empty), cols.get("level3", empty)

    def kept(col: list[Any], *, none_for_empty: bool = False) -> list[Any]:
        picked = col if len(keep) == len(col) else [col[i] for i in keep]
        return [v or None for v in picked] if none_for_empty else picked

    kinds = ["form" if form else "function"] * len(keep)
    cost_values = kept(costs) if "vendor_cost" in cols else [(None, None)] * len(keep)
    records = list(map(FunctionRecord._make, zip(
        [first + i + 1 for i in keep], kept(code), kept(name),
        *(kept(c, none_for_empty=True) for c in (systems, level1, level2, level3, requirement)),
        kept(classes), kept(fits), kept(conveniences), kinds, kept(retired), kept(alternatives),
        [c[0] for c in cost_values], [c[1] for c in cost_values],
        kept(alt_texts, none_for_empty=True),
        *(kept(cols.get(f, empty), none_for_empty=True) for f in ("revision_kind", "revision_note", "rationale")),
        kept(judgements) if judgements else [()] * len(keep), strict=True)))
    if not records and len(issues) == start:
        issue(mapping.header_row + 1, None, f"見出し行の下に{'帳票' if form else '機能'}の行がありません。")
    return records


def _hygiene(table: Table, mapping: ColumnMapping, cols: dict[str, list[str]], keep: list[int], first: int,
             flag: Flag) -> None:
    """Issue 17's input checks: IDs that were not text, control characters, formulas without a value."""
    code_c = mapping.columns.get("code")
    kinds = table.cell_kinds
    if code_c is not None and kinds:
        for i in keep:
            kind = kinds.get((first + i, code_c))
            if kind is None:
                continue
            shown = cols["code"][i]
            if kind == "date":
                flag(0, i, "code", f"機能ID「{shown}」が日付のセルです。ID を文字列として入力し直してください。")
            elif kind in ("bool", "time"):
                flag(0, i, "code", f"機能ID「{shown}」が{'真偽値（TRUE/FALSE）' if kind == 'bool' else '時刻'}のセルです。"
                                   "ID を文字列として入力し直してください。")
            elif kind == "number" and not shown.lstrip("-").isdigit():
                problem = number_id_problem(table, first + i, code_c, "機能ID", shown)
                if problem:
                    flag(0, i, "code", problem)
    for fld, texts in cols.items():
        joined = " ".join(texts)
        if joined.isprintable() or not UNPRINTABLE.search(joined):  # C-speed pre-checks of the whole column
            continue
        for i in keep:
            bad = control_char(texts[i])
            if bad:
                flag(8, i, fld, f"制御文字（{bad}）が入っています。取り除いてから取り込んでください。")
            gaiji = private_char(texts[i])
            if gaiji:
                flag(8, i, fld, private_char_message(None, gaiji))
    missing = table.uncached_formula_cells()
    if missing:
        wanted = set(mapping.columns.values())
        rows = {first + i for i in keep}
        for r, c in sorted(missing):
            if r in rows and c in wanted:
                fld = next(f for f, col in mapping.columns.items() if col == c)
                flag(6, r - first, fld, "数式の計算結果が保存されていません。Excel で開いて再計算し、保存し直してください。")


def _judgements(mapping: ColumnMapping, columns: list[tuple[str, ...]], n: int, keep: list[int], flag: Flag) -> list[Any]:
    """Per row: ((member, judgement, note), ...) of the member column groups."""
    if not mapping.member_columns:
        return []
    out: list[Any] = [()] * n
    per_member = []
    for member, jc, nc in mapping.member_columns:
        marks = columns[jc]
        notes = columns[nc] if nc is not None else [""] * n
        parsed = {v: parse_fit_word(v) for v in set(marks)}
        for i in keep:
            if not parsed[marks[i]][0]:
                flag(3, i, None, f"{member}の判定「{marks[i].strip()}」を読み取れません（○ / △ / × / －）。")
        per_member.append((member, [parsed[m][1] if parsed[m][0] else None for m in marks],
                           [clean_text(v) or None for v in notes], [m.strip() for m in marks]))
    for i in range(n):
        out[i] = tuple((member, "－" if marks[i] in ("－", "-", "ー", "―", "対象外") else judgement[i], notes[i])
                       for member, judgement, notes, marks in per_member
                       if judgement[i] or notes[i] or marks[i])
    return out

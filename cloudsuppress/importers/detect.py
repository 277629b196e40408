"""Find the function table in a workbook as a person would, and say what was found.

A secretariat receives workbooks made by people: a cover sheet first, title and note rows
above the table, a header over two rows with merged cells, footnotes, legends and a 合計 row
under it, a running No. beside the real ID, per-member column groups in a Fit&Gap sheet.
``detect_function_list`` reads every sheet and returns a ``Detection``: the chosen sheets
(functions, and forms from a 帳票要件 sheet), the header rows, each column's meaning with its
alternatives, the rows left out and why, the fit words and what they mean, and what it could
not decide (two ID columns): the GUI shows it as a preview with drop-downs, the CLI prints it
with ``--dry-run``. Nothing is guessed silently: what is undecided is refused until the user
says (``ImportOverrides``).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from itertools import compress, pairwise
from operator import itemgetter
from types import MappingProxyType
from typing import Any

from ..domain.vocab import FIT_WORDS, normalize_text, parse_fit_word, understood_fit_words
from ..phrase import AND, Phrase, phrase_list
from ..wording import either
from .function_list import (
    FIELDS,
    HEADER_SCAN_ROWS,
    ColumnMapping,
    FieldHit,
    header_hit,
    is_judgement_word,
    is_member_note_word,
    not_a_member,
)
from .tabular import Table, Workbook, column_letter

_EMPTY: Mapping[int, str | None] = MappingProxyType({})
MEMBER_PART_LABELS = {"member_judgement": "判定", "member_note": "現行運用・要望"}
_FORM_LABELS = {"code": "帳票ID", "name": "帳票名称", "requirement": "帳票要件"}


def field_label(fld: str, kind: str = "function") -> str:
    """A field's Japanese label; a form sheet says 帳票ID / 帳票名称 / 帳票要件."""
    return (_FORM_LABELS.get(fld) if kind == "form" else None) or FIELDS[fld]


# What the detection tells the user, as Phrases (Japanese text with its pattern, which the GUI translates).
NUMBER_AS_ID = "機能IDの列がないため、{0}列「{1}」を機能IDとして使います。"
ID_CANDIDATES = "機能IDの候補"
FIELD_TWICE = "「{0}」の列が複数"  # a field's label
COLUMN_NAMED = "{0}列「{1}」"  # column letter, header as written
HIDDEN_COLUMN = "{0}（非表示の列）"  # a column named in a message that Excel does not show (its COLUMN_NAMED)
CANDIDATES_GUI = "{0}が{1}つあります: {2}。どちらを{3}とするか指定してください（取り込みの画面の「列の対応」で選択）。"
FIT_LIKE_NAMED = "{0}列「{1}」の値は適合度のようです（{2}）。"  # column letter, header, the marks seen
FIT_LIKE = "{0}列の値は適合度のようです（{1}）。"
FIT_LIKE_GUI = "{0}「列の対応」でこの列を「適合度」にするか、「取り込まない」を選んでください。"
PATTERNS = (NUMBER_AS_ID, ID_CANDIDATES, FIELD_TWICE, COLUMN_NAMED, HIDDEN_COLUMN, CANDIDATES_GUI, FIT_LIKE_NAMED,
            FIT_LIKE, FIT_LIKE_GUI)


@dataclass(frozen=True)
class ImportOverrides:
    """What the user decided over the detection (GUI drop-downs, CLI options)."""

    sheet: str | None = None  # the function sheet (None: detected)
    form_sheet: str | None = None  # None: detected; "": import no form sheet
    header_rows: tuple[int, int] | None = None  # 1-based first and last header row of the function sheet
    columns: Mapping[int, str | None] = field(default_factory=dict)  # 0-based column → field key, None to leave it out
    system_map: Mapping[str, str] = field(default_factory=dict)  # 業務 as written in the file → a registered 業務
    business_system: str | None = None  # target of a list without a 業務 column
    spec_version: str | None = None
    cost_unit: int | None = None  # the cost column's unit: None as its header says (千円 → 1000), 1 円, 1000 千円
    blank_fit: str | None = None  # a blank answer: None as the sheet's note says, "" unassessed, or a mark (×)


@dataclass(frozen=True)
class ColumnGuess:
    index: int
    letter: str
    header: str  # both header rows joined: 「機能分類 / 大項目」
    field: str | None  # None: not imported
    alternatives: tuple[str, ...] = ()
    member: str | None = None  # a member's column group (Fit&Gap): the member's name as written
    sample: tuple[str, ...] = ()


@dataclass(frozen=True)
class IgnoredRow:
    row: int  # 1-based
    reason: str
    text: str


@dataclass(frozen=True)
class FitWord:
    word: str
    mark: str | None
    alternative: bool
    count: int


@dataclass(frozen=True)
class Ambiguity:
    field: str
    columns: tuple[int, ...]
    message: str


@dataclass(frozen=True)
class MemberGroup:
    name: str
    judgement_column: int
    note_column: int | None


@dataclass(frozen=True)
class SheetInfo:
    name: str
    score: int
    kind: str | None  # "function" / "form" / None
    hidden: bool = False  # hidden in the workbook: chosen only when no shown sheet holds a table


@dataclass(frozen=True)
class SheetDetection:
    sheet: str | None
    kind: str
    header_rows: tuple[int, int]
    columns: tuple[ColumnGuess, ...]
    data_rows: tuple[int, int] | None
    ignored: tuple[IgnoredRow, ...]
    fit_words: tuple[FitWord, ...]
    unknown_fit_words: tuple[str, ...]
    blank_fit: str | None
    blank_fit_row: int | None
    cost_unit: int
    ambiguities: tuple[Ambiguity, ...]
    member_groups: tuple[MemberGroup, ...]
    names_from_requirement: bool
    notes: tuple[str, ...] = ()  # what the user should know (No. used as the ID, …)
    blank_fit_cells: int = 0  # data rows whose fit cell is blank (what the blank rule decides)
    detected_cost_unit: int = 1  # as the header says; ``cost_unit`` is the one used (the user may change it)
    detected_blank_fit: str | None = None  # as the sheet's note says; ``blank_fit`` is the one used

    @property
    def mapping(self) -> dict[str, int]:
        return {c.field: c.index for c in self.columns if c.field and c.member is None}

    @property
    def cost_unit_source(self) -> str | None:
        """Where the cost unit in use comes from, for the CLI's detection and the import dialog to say
        alike: "choice" (the user's, against the header: 千円 chosen, or 円 over a 千円 header of a
        cost column taken), "header" (千円 as the header says), None (円 as written: nothing to say)."""
        if self.cost_unit != self.detected_cost_unit and (self.cost_unit != 1 or "vendor_cost" in self.mapping):
            return "choice"
        return "header" if self.cost_unit != 1 else None

    def column_mapping(self) -> ColumnMapping:
        """What the parser needs."""
        return ColumnMapping(
            self.header_rows[1] - 1, self.mapping, header_top=self.header_rows[0] - 1,
            skip_rows=frozenset(i.row - 1 for i in self.ignored), blank_fit=self.blank_fit,
            cost_unit=self.cost_unit,
            member_columns=tuple((g.name, g.judgement_column, g.note_column) for g in self.member_groups),
            names_from_requirement=self.names_from_requirement, kind=self.kind,
            problems=tuple(a.message for a in self.ambiguities),
        )

    def describe(self) -> list[str]:
        kind = "帳票" if self.kind == "form" else "機能"
        top, bottom = self.header_rows
        lines = [f"{kind}のシート: {self.sheet or '（CSV）'}",
                 f"  見出し行: {top}行目" + (f"〜{bottom}行目" if bottom != top else "")]
        if self.data_rows:
            lines.append(f"  データ行: {self.data_rows[0]}行目〜{self.data_rows[1]}行目")
        lines.append("  列:")
        for c in self.columns:
            if not c.header and c.field is None:
                continue
            meaning = ("取り込まない" if c.field is None
                       else f"{c.member}の{MEMBER_PART_LABELS[c.field]}" if c.member else field_label(c.field, self.kind))
            alt = f"（他の候補: {'、'.join(field_label(a, self.kind) for a in c.alternatives)}）" if c.alternatives else ""
            lines.append(f"    {c.letter}列「{c.header}」→ {meaning}{alt}")
        if self.names_from_requirement:
            lines.append("  機能名の列がないため、機能要件の最初の一文から機能名を作ります。")
        source = self.cost_unit_source
        if source is not None and self.cost_unit != 1:
            lines.append("  費用の単位: 千円（円に換算して取り込みます）" + ("（指定による）" if source == "choice" else ""))
        elif source is not None:
            lines.append("  費用の単位: 円（指定による。見出しは千円）")
        for w in self.fit_words:
            meaning = "未評価" if w.mark is None else w.mark + ("（代替）" if w.alternative else "")
            lines.append(f"  適合度「{w.word}」→ {meaning}（{w.count}件）")
        if self.blank_fit and self.blank_fit == self.detected_blank_fit:
            lines.append(f"  空欄の適合度 → {self.blank_fit}（{self.blank_fit_row}行目の注記による）")
        elif self.blank_fit:
            lines.append(f"  空欄の適合度 → {self.blank_fit}（指定による）")
        elif self.detected_blank_fit:
            lines.append(f"  空欄の適合度 → 未評価（指定による。{self.blank_fit_row}行目の注記は「{self.detected_blank_fit}」）")
        for unknown in self.unknown_fit_words:
            lines.append(f"  適合度「{unknown}」は読み取れません（{understood_fit_words()}）")
        for i in self.ignored:
            lines.append(f"  {i.row}行目を除外（{i.reason}）: {i.text}")
        for n in self.notes:
            lines.append(f"  {n}")
        for a in self.ambiguities:
            lines.append(f"  要確認: {a.message}")
        return lines

    def to_json(self) -> dict[str, Any]:
        return {
            "sheet": self.sheet, "kind": self.kind, "header_rows": list(self.header_rows),
            "data_rows": list(self.data_rows) if self.data_rows else None,
            "columns": [{"column": c.letter, "header": c.header, "field": c.field, "member": c.member,
                         "alternatives": list(c.alternatives)} for c in self.columns if c.header or c.field],
            "ignored": [{"row": i.row, "reason": i.reason, "text": i.text} for i in self.ignored],
            "fit_words": [{"word": w.word, "mark": w.mark, "alternative": w.alternative, "count": w.count}
                          for w in self.fit_words],
            "unknown_fit_words": list(self.unknown_fit_words), "blank_fit": self.blank_fit,
            "blank_fit_cells": self.blank_fit_cells, "cost_unit": self.cost_unit, "ambiguities": [a.message for a in self.ambiguities],
            "members": [g.name for g in self.member_groups], "names_from_requirement": self.names_from_requirement,
        }


@dataclass(frozen=True)
class Detection:
    file: str
    sheets: tuple[SheetInfo, ...]
    functions: SheetDetection | None
    forms: SheetDetection | None
    problems: tuple[str, ...] = ()

    def describe(self) -> str:
        lines = [f"ファイル: {self.file}"]
        if len(self.sheets) > 1 or (self.sheets and self.sheets[0].name):
            chosen = {d.sheet for d in (self.functions, self.forms) if d}
            lines.append("シート: " + "、".join(
                f"{s.name}{'（非表示）' if s.hidden else ''}{'（取り込む）' if s.name in chosen else ''}"
                for s in self.sheets))
        for d in (self.functions, self.forms):
            if d:
                lines += d.describe()
        lines += self.problems
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        return {"file": self.file, "sheets": [{"name": s.name, "score": s.score, "kind": s.kind} for s in self.sheets],
                "functions": self.functions.to_json() if self.functions else None,
                "forms": self.forms.to_json() if self.forms else None, "problems": list(self.problems)}


# --- the header -------------------------------------------------------------------------------

_Label = tuple[str, "FieldHit | None", "str | None"]  # (header text shown, what it names, member)


@dataclass
class _Header:
    top: int  # 0-based
    bottom: int
    labels: list[_Label]  # per column
    score: int


def _label(top: str, bottom: str | None) -> tuple[str, FieldHit | None, str | None, str]:
    """(shown header, hit, member name, member part) of one column under a one- or two-row header."""
    t = (top or "").strip()
    if bottom is None:
        return t, header_hit(t), None, ""
    b = (bottom or "").strip()
    if not b or b == t:
        return t, header_hit(t), None, ""
    shown = f"{t} / {b}" if t else b
    if t and header_hit(t) is None and not not_a_member(t):
        if is_judgement_word(b):
            return shown, FieldHit("member_judgement", "member"), t, "judgement"
        if is_member_note_word(b):
            return shown, FieldHit("member_note", "member"), t, "note"
    hit = header_hit(b)
    if hit is None and t:
        hit = header_hit(t)
    return shown, hit, None, ""


def _score(labels: list[_Label]) -> int:
    fields = {hit.field for _, hit, _ in labels if hit and hit.field not in ("member_judgement", "member_note")}
    if any(m for _, _, m in labels):
        fields.add("members")
    idish = fields & {"code", "row_number"}
    bonus = 2 if idish and fields & {"name", "requirement"} else 0
    return len(fields) + bonus


def _labels(rows: list[list[str]], top: int, bottom: int | None, width: int) -> list[_Label]:
    upper = rows[top]
    lower = rows[bottom] if bottom is not None else None
    out = []
    for c in range(width):
        t = upper[c] if c < len(upper) else ""
        b = (lower[c] if c < len(lower) else "") if lower is not None else None
        shown, hit, member, _ = _label(t, b)
        out.append((shown, hit, member))
    return out


def _can_be_upper_header(row: list[str]) -> bool:
    """The upper row of a two-row header names a column, or spans several (a merged 機能分類, a
    member's name over 判定 / 現行運用・要望); a title alone in A1 does neither."""
    texts = [v.strip() for v in row]
    if any(header_hit(v) for v in texts if v):
        return True
    return any(a and a == b for a, b in pairwise(texts))


def find_header(table: Table, *, rows: tuple[int, int] | None = None, min_score: int = 3) -> _Header | None:
    """The header (one row or two) naming the most known columns in the first rows."""
    width = table.width
    if rows is not None:
        top, bottom = rows[0] - 1, rows[1] - 1
        if not (0 <= top <= bottom < len(table.rows)) or bottom - top > 1:
            return None
        labels = _labels(table.rows, top, bottom if bottom != top else None, width)
        return _Header(top, bottom, labels, _score(labels))
    best: _Header | None = None
    for r in range(min(HEADER_SCAN_ROWS, len(table.rows))):
        row = table.rows[r]
        if not any(row):
            continue
        single = _labels(table.rows, r, None, width)
        cand = _Header(r, r, single, _score(single))
        if r + 1 < len(table.rows) and any(table.rows[r + 1]) and _can_be_upper_header(row):
            double = _labels(table.rows, r, r + 1, width)
            score = _score(double)
            lower_known = sum(1 for t in table.rows[r + 1] if t and header_hit(t))
            if score > cand.score and lower_known >= 1:
                cand = _Header(r, r + 1, double, score)
        if best is None or cand.score > best.score:
            best = cand
    if best is None or best.score < min_score:
        return None
    return best


# --- rows that are not data -------------------------------------------------------------------

_NOTE = re.compile(r"^\s*(?:※|\*|＊|注[0-9０-９]*[\s：:.)）]|（注|\(注|備考[：:]|注記|出典)")
_LEGEND = re.compile(r"^\s*[【■◆●]|凡例")
_TOTAL_WORDS = {"合計", "計", "小計", "総計", "合計額", "総合計"}
# A cell that may label a total: 1 to 8 characters, the first after leading spaces one of 合計小総
# (or nothing but spaces); the rows found are then confirmed by _total_rows.
_TOTAL_CANDIDATE = re.compile(r"(?=.{1,8}\Z)[ 　]*(?:[合計小総]|\Z)", re.S)
_ODD_START = frozenset("※*＊【■◆●注(（ 　\t\n")
_BLANK_NOTE = re.compile(r"空欄(?:の場合)?(?:は|を)?[^。\n]{0,8}?[「『\"]?([○〇◯×✕✖△])[」』\"]?"
                         r"[^。\n]{0,6}?(?:とみな|と見な|として扱|扱い|とする)")


def _row_text(row: list[str]) -> str:
    seen = []
    for v in row:
        v = v.strip()
        if v and v not in seen:
            seen.append(v)
    return " ".join(seen)


def _short(text: str, n: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _classify(table: Table, first: int, mapping: dict[str, int]) -> tuple[list[IgnoredRow], int | None, int | None]:
    """Rows below the header that are not functions, and the first and last data rows (0-based)."""
    rows = table.rows
    code_c = mapping.get("code")
    name_c = mapping.get("name", mapping.get("requirement"))
    formulas = table.formula_cells()
    formula_rows = {r for r, _ in formulas}
    ignored: list[IgnoredRow] = []

    def cell(row: list[str], c: int | None) -> str:
        return row[c].strip() if c is not None and c < len(row) else ""

    def reason_of(r: int, row: list[str]) -> str | None:
        code = cell(row, code_c)
        text = _row_text(row)
        lead = next((v for v in row if v.strip()), "")
        if _NOTE.match(lead):
            return "注記"
        if _LEGEND.match(lead):
            return "凡例"
        if any(normalize_text(v).replace(" ", "") in _TOTAL_WORDS for v in row[: max(mapping.values(), default=0) + 1]):
            return "合計行"
        if r in formula_rows and (not code or (r, code_c) in formulas or (r, name_c) in formulas):
            return "数式の行"
        if not code and text and len({v.strip() for v in row if v.strip()}) == 1 and \
                sum(1 for c in mapping.values() if cell(row, c)) >= 2:
            return "見出し・区切りの行"  # one text merged across the table
        return None

    fit_c = mapping.get("fit")
    filled_cols = [c for f, c in mapping.items() if f != "code"]

    def looks_like_data(row: list[str]) -> bool:
        """A row below the table that fills the table's columns (業務, 機能名, a fit mark) but has no ID
        is a function whose ID was forgotten, not a sentence after the table."""
        if code_c is None or cell(row, code_c) or not cell(row, name_c):
            return False
        filled = [cell(row, c) for c in filled_cols if cell(row, c)]
        if len(set(filled)) < 2:
            return False
        return len(filled) >= 3 or (fit_c is not None and bool(cell(row, fit_c)) and parse_fit_word(cell(row, fit_c))[1] is not None)

    # Data rows have an ID (or, without an ID column, a name). One C-speed pass over that column
    # finds the rows that need a closer look (no key, a note mark, a total, a formula); a 30,000-row
    # list of plain rows is decided without a Python loop over its rows.
    key_c = code_c if code_c is not None else name_c
    body = rows[first:]
    if key_c is None:
        keys = [""] * len(body)
    elif all(len(r) > key_c for r in body):
        keys = [r[key_c] for r in body]
    else:
        keys = [r[key_c] if len(r) > key_c else "" for r in body]
    odd = set(compress(range(len(body)), [not k or k[0] in _ODD_START or k in _TOTAL_WORDS for k in keys]))
    odd |= _total_rows(body, keys, mapping)
    odd |= {r - first for r in formula_rows if r >= first}
    plain = [i for i in range(len(body)) if i not in odd] if odd else range(len(body))
    # A key that only looks odd (「注」 in 「注意喚起」) is still data.
    still = [i for i in sorted(odd) if keys[i].strip() and reason_of(first + i, body[i]) is None]
    if still:
        plain = sorted({*plain, *still})
    # Blank-then-text at the end (「以上」, a contact line): one text per row after a blank row.
    k = len(plain)
    while k > 0 and len({v.strip() for v in body[plain[k - 1]] if v.strip()}) == 1:
        k -= 1
    if 0 < k < len(plain) and any(not any(v.strip() for v in body[j]) for j in range(plain[k - 1] + 1, plain[k])):
        odd |= set(plain[k:])
        plain = plain[:k]
    first_data = first + plain[0] if len(plain) else None
    last_data = first + plain[-1] if len(plain) else None
    for i in sorted(odd | (set(range(plain[-1] + 1, len(body))) if len(plain) else set())):
        r = first + i
        row = body[i]
        if not any(v.strip() for v in row):
            continue
        if first_data is not None and last_data is not None and first_data <= r <= last_data and i not in odd:
            continue
        reason = reason_of(r, row)
        if reason is None and last_data is not None and r > last_data and looks_like_data(row):
            continue  # a function whose ID was left blank, last in the table: the parser names it
        if reason is None and (last_data is None or r > last_data):
            reason = "表の後の文"
        if reason is None and first_data is not None and r < first_data:
            reason = "表の前の文"
        if reason:
            ignored.append(IgnoredRow(r + 1, reason, _short(_row_text(row))))
    return ignored, first_data, last_data


def _total_rows(body: list[list[str]], keys: list[str], mapping: dict[str, int]) -> set[int]:
    """Rows labelled 合計 / 計 in a text column whose ID cell holds no ID-like text (a count, a sum):
    found from the values alone, so that an .xls or an .ods (no formula information) and an .xlsx
    leave out the same rows."""
    code_c = mapping.get("code")
    if code_c is None:
        return set()
    found: set[int] = set()
    shortest = min(map(len, body), default=0)
    for fld in ("name", "requirement", "level1", "level2", "level3", "business_system", "row_number"):
        c = mapping.get(fld)
        if c is None:
            continue
        col = list(map(itemgetter(c), body)) if c < shortest else [r[c] if len(r) > c else "" for r in body]
        found.update(compress(range(len(body)), map(_TOTAL_CANDIDATE.match, col)))  # C speed, no call per cell
    if not found:
        return set()
    shapes = Counter((len(k.strip()), k.strip().isdigit()) for k in keys[:2000] if k.strip())
    common = shapes.most_common(1)[0][0] if shapes else None
    out = set()
    for i in found:
        key = keys[i].strip()
        if (len(key), key.isdigit()) == common:
            continue  # a real ID beside the word: a function named 合計 stays a function
        row = body[i]
        if any(normalize_text(row[c]).replace(" ", "") in _TOTAL_WORDS for c in mapping.values() if c < len(row)):
            out.add(i)
    return out


# --- the whole sheet --------------------------------------------------------------------------

_ID_FIELDS = ("code", "row_number")


def detect_sheet(table: Table, *, kind: str | None = None, header_rows: tuple[int, int] | None = None,
                 columns: Mapping[int, str | None] = _EMPTY) -> SheetDetection | None:
    """Detect one sheet's table; None when no header is found."""
    header = find_header(table, rows=header_rows)
    if header is None:
        return None
    width = table.width
    labels = header.labels
    form_words = sum(1 for _, hit, _ in labels if hit and hit.form)
    if kind is None:
        kind = "form" if form_words or "帳票" in (table.sheet or "") else "function"
    by_field: dict[str, list[int]] = {}
    members: dict[str, dict[str, int]] = {}
    chosen: dict[int, str | None] = {}
    member_of: dict[int, str] = {}
    for c, (_, hit, member) in enumerate(labels):
        if hit is None:
            chosen[c] = None
            continue
        if member:
            part = "judgement" if hit.field == "member_judgement" else "note"
            members.setdefault(member, {}).setdefault(part, c)
            member_of[c] = member
            chosen[c] = hit.field
            continue
        by_field.setdefault(hit.field, []).append(c)
        chosen[c] = hit.field
    body_first = header.bottom + 1
    ambiguities: list[Ambiguity] = []
    notes: list[str] = []
    user = dict(columns)

    def values(c: int) -> list[str]:
        return [r[c].strip() for r in table.rows[body_first:body_first + 5000] if c < len(r)]

    strong = [c for c in by_field.get("code", []) if c not in user]
    running = [c for c in by_field.get("row_number", []) if c not in user]
    if "code" not in user.values():
        if len(strong) > 1:
            decided = [c for c in strong if _looks_like_ids(values(c))]
            if len(decided) == 1:
                for c in strong:
                    chosen[c] = "code" if c == decided[0] else None
            else:
                ambiguities.append(_ambiguity("code", strong, labels, Phrase(ID_CANDIDATES), table))
        elif not strong and running:
            if len(running) == 1:
                chosen[running[0]] = "code"
                notes.append(Phrase(NUMBER_AS_ID, column_letter(running[0]), labels[running[0]][0]))
            else:
                ambiguities.append(_ambiguity("code", running, labels, Phrase(ID_CANDIDATES), table))
    for fld, cols in by_field.items():
        if fld in _ID_FIELDS:
            continue
        cols = [c for c in cols if c not in user]
        if len(cols) > 1 and fld not in user.values():
            ambiguities.append(_ambiguity(fld, cols, labels, Phrase(FIELD_TWICE, Phrase(FIELDS[fld])), table))
    for c, wanted in user.items():
        if wanted is not None and wanted not in FIELDS:
            continue
        if wanted is not None:
            for other, f in list(chosen.items()):
                if f == wanted and other != c and other not in member_of:
                    chosen[other] = None
        chosen[c] = wanted
        if wanted not in ("member_judgement", "member_note"):
            member_of.pop(c, None)
    ambiguities = [a for a in ambiguities if sum(1 for c in a.columns if chosen.get(c) == a.field
                                                 or (a.field == "code" and chosen.get(c) == "row_number")) > 1
                   and a.field not in user.values()]
    mapping = {f: c for c, f in chosen.items() if f and c not in member_of and f not in ("row_number",)}
    if kind == "function" and "fit" not in mapping:
        ambiguities += _fit_like_columns(table, body_first, chosen, user, member_of, labels)
    names_from_requirement = kind == "function" and "name" not in mapping and "requirement" in mapping
    if kind == "form" and "name" not in mapping and "requirement" in mapping:
        names_from_requirement = True
    ignored, first_data, last_data = _classify(table, body_first, mapping)
    groups = tuple(MemberGroup(m, parts["judgement"], parts.get("note"))
                   for m, parts in members.items() if "judgement" in parts and all(
                       chosen.get(parts[p]) in ("member_judgement", "member_note") for p in parts))
    skip = {i.row - 1 for i in ignored}
    data = [r for r, row in enumerate(table.rows[body_first:], start=body_first) if any(row) and r not in skip]
    fit_words: tuple[FitWord, ...] = ()
    unknown: tuple[str, ...] = ()
    blanks = 0
    if "fit" in mapping:
        fit_words, unknown, blanks = _fit_words(table, mapping["fit"], data)
    blank_fit, blank_row = _blank_rule(table, header, ignored)
    cost_unit = 1
    if "vendor_cost" in mapping and "千円" in labels[mapping["vendor_cost"]][0]:
        cost_unit = 1000
    guesses = []
    for c in range(width):
        shown, hit, member = labels[c]
        meaning = chosen.get(c)
        alts = tuple(a for a in (hit.alternatives if hit else ()) if a != meaning)
        if hit and hit.field != meaning and hit.field not in alts:
            alts = (hit.field, *alts)
        if hit and hit.field != "row_number":  # a column named as an ID (機能ID) is never a running number:
            alts = tuple(a for a in alts if a != "row_number")  # No.（通番） is a choice only for No. / 項番
        sample = tuple(table.rows[r][c] for r in data[:3] if c < len(table.rows[r]))
        guesses.append(ColumnGuess(c, column_letter(c), shown, meaning, alts, member_of.get(c), sample))
    return SheetDetection(
        table.sheet, kind, (header.top + 1, header.bottom + 1), tuple(guesses),
        (data[0] + 1, data[-1] + 1) if data else None, tuple(ignored), fit_words, unknown,
        blank_fit, blank_row, cost_unit, tuple(ambiguities), groups, names_from_requirement, tuple(notes),
        blanks, cost_unit, blank_fit)


def steer(det: SheetDetection | None, overrides: ImportOverrides) -> SheetDetection | None:
    """The detection with the user's cost unit and blank-answer rule in place of the detected ones."""
    if det is None:
        return None
    changes: dict[str, Any] = {}
    if overrides.cost_unit is not None and overrides.cost_unit != det.cost_unit:
        changes["cost_unit"] = overrides.cost_unit
    if overrides.blank_fit is not None and (overrides.blank_fit or None) != det.blank_fit:
        changes["blank_fit"] = overrides.blank_fit or None
    return replace(det, **changes) if changes else det


def _fit_like_columns(table: Table, first: int, chosen: dict[int, str | None], user: dict[int, str | None],
                      member_of: dict[int, str], labels: list[_Label]) -> list[Ambiguity]:
    """Columns mapped to nothing whose values are all fit marks (○・△・× of two kinds or more): a fit
    column under a header not understood is not left out silently, the user says what it is."""
    out = []
    rows = table.rows[first:first + 2000]
    for c, fld in chosen.items():
        if fld is not None or c in user or c in member_of:
            continue
        present = {v.strip() for r in rows if c < len(r) and (v := r[c]) and v.strip()}
        if not present or len(present) > 12:
            continue
        marks = set()
        for v in present:
            ok, mark, _ = parse_fit_word(v)
            if not ok or mark is None:
                break
            marks.add(mark)
        else:
            if len(marks) >= 2:
                letter = column_letter(c)
                head = labels[c][0]
                shown = "・".join(sorted(present))
                seen = Phrase(FIT_LIKE_NAMED, letter, head, shown) if head else Phrase(FIT_LIKE, letter, shown)
                out.append(Ambiguity("fit", (c,), either(
                    gui=Phrase(FIT_LIKE_GUI, seen),
                    cli=f"{seen}適合度として取り込むなら --map fit={letter}、取り込まないなら --map ignore={letter} "
                        "を指定してください。")))
    return out


def _looks_like_ids(vals: list[str]) -> bool:
    """Every value present and distinct: a column that can serve as the ID (a blank or repeated one cannot)."""
    present = [v for v in vals if v]
    return bool(present) and len(set(present)) == len(present) and len(present) >= 0.9 * len(vals)


def _ambiguity(fld: str, cols: list[int], labels: list[_Label], what: Phrase, table: Table) -> Ambiguity:
    """Two or more columns that could be ``fld``, named (a hidden one said to be hidden: the user
    looking at the sheet in Excel does not see it)."""
    hidden = table.hidden_columns()

    def named_column(c: int) -> Phrase:
        named = Phrase(COLUMN_NAMED, column_letter(c), labels[c][0])
        return Phrase(HIDDEN_COLUMN, named) if c in hidden else named

    named = phrase_list([named_column(c) for c in cols], AND)
    return Ambiguity(fld, tuple(cols), either(
        gui=Phrase(CANDIDATES_GUI, what, str(len(cols)), named, Phrase(FIELDS[fld])),
        cli=f"{what}が{len(cols)}つあります: {named}。どちらを{FIELDS[fld]}とするか指定してください（--map {fld}=列記号）。"))


def _fit_words(table: Table, col: int, data: list[int]) -> tuple[tuple[FitWord, ...], tuple[str, ...], int]:
    """The fit words with their counts, the words not understood, and how many cells are blank."""
    rows = table.rows
    counts = Counter([rows[r][col] if col < len(rows[r]) else "" for r in data])
    merged: Counter[str] = Counter()
    for word, n in counts.items():
        merged[word.strip()] += n
    counts = merged
    words, unknown = [], []
    for word, n in counts.most_common():
        if not word:
            continue
        ok, mark, alt = parse_fit_word(word)
        if ok:
            words.append(FitWord(word, mark, alt, n))
        else:
            unknown.append(word)
    return tuple(words), tuple(unknown), counts.get("", 0)


def _blank_rule(table: Table, header: _Header, ignored: list[IgnoredRow]) -> tuple[str | None, int | None]:
    """The sheet's own rule for blank answers (「空欄は×とみなす」), from its notes or header."""
    rows = list(range(0, header.bottom + 1)) + [i.row - 1 for i in ignored]
    for r in rows:
        for v in table.rows[r]:
            if "空欄" in v:
                m = _BLANK_NOTE.search(normalize_text(v).replace("〇", "○"))
                if m:
                    ok, mark, _ = parse_fit_word(m.group(1))
                    if ok and mark:
                        return mark, r + 1
    return None, None


def detect_function_list(book: Workbook, overrides: ImportOverrides = ImportOverrides()) -> Detection:
    """Choose the function sheet (and a 帳票要件 sheet) of a workbook and detect their tables."""
    infos: list[SheetInfo] = []
    found: dict[str, SheetDetection] = {}
    for name in book.sheet_names:
        table = book.tables[name]
        forced = overrides.header_rows if name == (overrides.sheet or "") and overrides.header_rows else None
        cols = overrides.columns if overrides.sheet is not None and name == overrides.sheet else _EMPTY
        det = detect_sheet(table, header_rows=forced, columns=cols)
        if det is None:
            infos.append(SheetInfo(name, 0, None, table.hidden))
            continue
        infos.append(SheetInfo(name, _score([(c.header, header_hit(c.header.split(" / ")[-1]), c.member)
                                             for c in det.columns]), det.kind, table.hidden))
        found[name] = det
    problems: list[str] = []
    functions = forms = None
    if overrides.sheet is not None:
        if overrides.sheet not in book.tables:
            problems.append(f"シート「{overrides.sheet}」がありません（あるシート: {'、'.join(book.sheet_names)}）。")
        else:
            functions = found.get(overrides.sheet)
            if functions is None:
                problems.append(f"シート「{overrides.sheet}」に見出し行（機能ID・機能名 など）が見つかりません。"
                                "見出し行を指定してください"
                                + either(gui="（取り込みの画面の「見出し行」）。", cli="（--header-row）。"))
            elif functions.kind == "form":
                functions = _as_kind(book.tables[overrides.sheet], "function", overrides)
    else:
        if overrides.columns or overrides.header_rows:
            first = _best(infos, "function")
            first = _best(infos, "form") if first is None else first
            if first is not None:
                functions = detect_sheet(book.tables[first], kind=None, header_rows=overrides.header_rows,
                                         columns=overrides.columns)
        else:
            best = _best(infos, "function")
            functions = found.get(best) if best is not None else None
        broken = [n for n in book.sheet_names if book.tables[n].unreadable]
        if functions is None and not found and broken:
            problems.append(f"シート「{'」「'.join(broken)}」を読み込めません（ファイルが壊れている可能性があります）。")
        elif functions is None and not found and (near := _near_header(book)):
            problems.append(near)
        elif functions is None and not found and not any(any(any(v.strip() for v in r) for r in book.tables[n].rows)
                                                         for n in book.sheet_names):
            problems.append(f"シート「{'」「'.join(n or '（CSV）' for n in book.sheet_names)}」には何も入力されていません。")
        elif functions is None and not found:
            names = "、".join(n or "（CSV）" for n in book.sheet_names)
            problems.append(f"見出し行が見つかりません（機能ID・機能名 などの見出し。調べたシート: {names}）。"
                            "見出し行を指定してください"
                            + either(gui="（取り込みの画面の「シート」と「見出し行」）。", cli="（--sheet と --header-row）。"))
    if overrides.form_sheet == "":
        forms = None
    elif overrides.form_sheet is not None:
        if overrides.form_sheet not in book.tables:
            problems.append(f"シート「{overrides.form_sheet}」がありません（あるシート: {'、'.join(book.sheet_names)}）。")
        else:
            forms = _as_kind(book.tables[overrides.form_sheet], "form", overrides)
            if forms is None:
                problems.append(f"シート「{overrides.form_sheet}」に帳票の見出し行（帳票ID・帳票名称）が見つかりません。")
    else:
        best = _best(infos, "form", exclude=functions.sheet if functions else None)
        forms = found.get(best) if best is not None else None
    if functions is None and forms is not None and overrides.sheet is None and not problems:
        pass  # a workbook of forms only
    if functions is not None and functions.kind == "form" and forms is None:
        functions, forms = None, functions
    if overrides.cost_unit not in (None, 1, 1000):
        problems.append(f"費用の単位は 1（円）か 1000（千円）で指定してください: {overrides.cost_unit}")
    if overrides.blank_fit and parse_fit_word(overrides.blank_fit)[1] != overrides.blank_fit:
        problems.append(f"空欄の適合度の扱いは ○ / △ / × か未評価で指定してください: {overrides.blank_fit}")
    return Detection(book.file, tuple(infos), steer(functions, overrides), steer(forms, overrides), tuple(problems))


def _near_header(book: Workbook) -> str | None:
    """A row that names some columns (機能名、適合度 …) but not an ID: say which row and what it holds."""
    for name in book.sheet_names:
        header = find_header(book.tables[name], min_score=2)
        if header is None:
            continue
        fields = {hit.field for _, hit, _ in header.labels if hit}
        if fields & {"code", "row_number"}:
            continue
        heads = [v.strip() for v in book.tables[name].rows[header.bottom] if v.strip()]
        where = f"シート「{name}」の" if name else ""
        return (f"機能IDの列が見つかりません（{where}{header.bottom + 1}行目の見出し: {'、'.join(heads[:12])}"
                f"{'、…' if len(heads) > 12 else ''}）。"
                + either(gui="取り込みの画面の「列の対応」で機能IDの列を選んでください。",
                         cli=f"--header-row {header.bottom + 1} --map code=列記号 で指定してください。"))
    return None


def _as_kind(table: Table, kind: str, overrides: ImportOverrides) -> SheetDetection | None:
    return detect_sheet(table, kind=kind)


def _best(infos: list[SheetInfo], kind: str, *, exclude: str | None = None) -> str | None:
    cands = [i for i in infos if i.kind == kind and i.name != exclude and i.score >= 3]
    if not cands:
        return None
    # A sheet the author hid (an old edition, the list behind a drop-down) never wins over a shown
    # one, however many known columns it names: Excel never shows it to the person who sent the file.
    shown = [i for i in cands if not i.hidden] or cands
    return max(shown, key=lambda i: i.score).name


__all__ = ["Ambiguity", "ColumnGuess", "Detection", "FitWord", "IgnoredRow", "ImportOverrides", "MemberGroup",
           "SheetDetection", "SheetInfo", "detect_function_list", "detect_sheet", "find_header", "steer", "FIT_WORDS"]

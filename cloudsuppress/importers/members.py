"""Member lists (団体名, 人口, 参加日) from CSV or a spreadsheet."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from .. import limits
from ..domain.vocab import normalize_text
from ..domain.wareki import date_hint, parse_date
from ..errors import ImportIssue, ImportValidationError
from .cells import cell_kind_problem, duplicate_column_message, strip_invisible, text_problems
from .tabular import column_letter, read_table

COLUMNS = {
    "name": ("団体名", "構成団体", "団体", "市町村名", "自治体名", "名称"),
    "population": ("人口", "人口数", "住民数"),
    "joined_on": ("参加日", "加入日", "参加年月日", "加入年月日"),
}
LABELS = {"name": "団体名", "population": "人口", "joined_on": "参加日"}


@dataclass(frozen=True)
class MemberRecord:
    row: int
    name: str
    population: int
    joined_on: dt.date | None


MAX_NAME_CHARS = 100


def parse_population(text: str) -> int | None:
    """42,963 / 42963人 / ４２９６３ → 42963; None if not a whole number."""
    t = re.sub(r"[,\s人]", "", normalize_text(text))
    if t.endswith(".0"):
        t = t[:-2]
    return int(t) if t.isascii() and t.isdigit() else None  # 「𐩀」 is a digit to isdigit, not to int


# A unit or a note in brackets after a heading (人口（人）, 人口(R8.4.1現在)) and a footnote mark (参加日※1).
_HEADER_NOTE = re.compile(r"(?:[（(][^（）()]*[）)]|[※*＊][0-9０-９]*)+$")


def header_key(text: str) -> str:
    """A header cell as the column names are matched: spaces, a trailing （unit） and ※n left out."""
    t = normalize_text(text).replace(" ", "")
    return _HEADER_NOTE.sub("", t) or t


def read_member_list(path: str | Path, *, sheet: str | None = None) -> list[MemberRecord]:
    """Validate a member list; raise ImportValidationError listing every problem."""
    table = read_table(path, sheet=sheet)
    header_row, cols = None, {}
    duplicated: dict[str, list[int]] = {}
    nearest: tuple[int, dict[str, int]] | None = None  # the row naming the most columns, for the refusal
    for r, row in enumerate(table.rows[:20]):
        found: dict[str, int] = {}
        every: dict[str, list[int]] = {}
        for c, text in enumerate(row):
            t = header_key(text)
            for fld, words in COLUMNS.items():
                if t in words:
                    found.setdefault(fld, c)
                    every.setdefault(fld, []).append(c)
        if "name" in found and "population" in found:
            header_row, cols = r, found
            duplicated = {f: c for f, c in every.items() if len(c) > 1}
            break
        if found and (nearest is None or len(found) > len(nearest[1])):
            nearest = (r, found)
    if header_row is None:
        if nearest is not None:  # name the row and what it lacks, not only that nothing was found
            r, found = nearest
            missing = "・".join(LABELS[f] for f in ("name", "population") if f not in found)
            shown = "、".join(v.strip() for v in table.rows[r] if v.strip())
            raise ImportValidationError([ImportIssue(
                table.file, r + 1, None, f"{r + 1}行目の見出しに「{missing}」の列がありません（見出し: {shown}）。",
                sheet=table.sheet)])
        raise ImportValidationError(
            [ImportIssue(table.file, None, None, "見出し行（団体名・人口・参加日）が見つかりません。", sheet=table.sheet)]
        )
    if duplicated:  # a second 団体名 column: which one is meant is not guessed
        raise ImportValidationError([ImportIssue(table.file, header_row + 1, None,
                                                 duplicate_column_message(LABELS[f], c, header_row + 1), sheet=table.sheet)
                                     for f, c in duplicated.items()])
    issues: list[ImportIssue] = []
    records: list[MemberRecord] = []
    seen: dict[str, int] = {}

    def col(fld: str) -> str:
        return f"{column_letter(cols[fld])}列（{LABELS[fld]}）"

    for index in range(header_row + 1, len(table.rows)):
        row = table.rows[index]
        rownum = index + 1
        cell = {f: strip_invisible(normalize_text(row[c])) if c < len(row) else "" for f, c in cols.items()}
        if not any(cell.values()):
            continue
        hygiene = [(f, p) for f, c in cols.items() for p in
                   ([cell_kind_problem(table, index, c, LABELS[f])] if f == "name" else
                    [f"{LABELS[f]}の数式の計算結果が保存されていません。Excel で開いて再計算し、保存し直してください。"]
                    if (index, c) in table.uncached_formula_cells() else [])
                   + text_problems(cell[f], LABELS[f]) if p]
        if hygiene:
            issues += [ImportIssue(table.file, rownum, col(f), p, sheet=table.sheet) for f, p in hygiene]
            continue
        name = cell["name"]
        if not name:
            issues.append(ImportIssue(table.file, rownum, col("name"), "団体名が空です。", sheet=table.sheet))
        elif len(name) > MAX_NAME_CHARS:  # member.name is VARCHAR(100): PostgreSQL refuses more
            issues.append(ImportIssue(table.file, rownum, col("name"),
                                      f"団体名が長すぎます（{len(name)}文字、上限{MAX_NAME_CHARS}文字）。", sheet=table.sheet))
        elif name in seen:
            issues.append(ImportIssue(table.file, rownum, col("name"),
                                      f"団体名「{name}」が重複しています（{seen[name]}行目）。", sheet=table.sheet))
        else:
            seen[name] = rownum
        population = parse_population(cell["population"])
        if population is None or population <= 0:
            issues.append(ImportIssue(table.file, rownum, col("population"),
                                      f"人口「{cell['population']}」は正の整数ではありません。", sheet=table.sheet))
        elif problem := limits.check_value("member", "population", population, label="人口"):
            issues.append(ImportIssue(table.file, rownum, col("population"), problem, sheet=table.sheet))
            population = None
        joined = None
        if cell.get("joined_on"):
            joined = parse_date(cell["joined_on"])
            if joined is None:
                issues.append(ImportIssue(
                    table.file, rownum, col("joined_on"),
                    f"参加日「{cell['joined_on']}」を日付として読めません{date_hint(cell['joined_on'])}"
                    "（例: 2026-04-01、令和8年4月1日）。", sheet=table.sheet))
            elif problem := limits.check_value("member", "joined_on", joined, label="参加日"):
                issues.append(ImportIssue(table.file, rownum, col("joined_on"), problem, sheet=table.sheet))
                joined = None
        records.append(MemberRecord(rownum, name, population or 0, joined))
    if not records and not issues:
        issues.append(ImportIssue(table.file, header_row + 1, None, "団体の行がありません。", sheet=table.sheet))
    if issues:
        raise ImportValidationError(issues)
    return records

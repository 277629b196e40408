"""Read a sheet of .xlsx / .xls / .xlsm / .ods (python-calamine) or a CSV file into strings.

Every cell becomes a string as the user sees it (``10.0`` → ``"10"``). Cells covered by a
merged range take the value of the range's top-left cell, because real function lists merge
the 大分類 column down a block of rows and the header across two rows.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..bulk import gc_paused
from ..errors import ImportIssue, ImportValidationError
from ..file_errors import cannot_read_message

SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}
CSV_SUFFIXES = {".csv", ".txt", ".tsv"}
CSV_ENCODINGS = ("utf-8-sig", "cp932")
MAX_CELL_CHARS = 32_767  # Excel's own limit for one cell
_QUOTED = re.compile(r'"(?:[^"]|"")*(?:"|$)')


@dataclass
class Table:
    """One sheet as rows of strings; ``rows[i]`` is spreadsheet row ``i + 1``."""

    file: str
    sheet: str | None
    rows: list[list[str]]
    sheet_names: list[str] = field(default_factory=list)
    encoding: str | None = None  # for CSV: the encoding it was read with

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def cell_text(value: object) -> str:
    """A cell value as the user reads it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    return str(value)


def read_table(path: str | Path, *, sheet: str | None = None) -> Table:
    """Read one sheet (default: the first) of a spreadsheet, or a whole CSV file."""
    path = Path(path)
    name = path.name
    if not path.exists():
        raise ImportValidationError([ImportIssue(name, None, None, f"ファイルが見つかりません: {path}")])
    if path.is_dir():
        raise ImportValidationError([ImportIssue(name, None, None, f"フォルダーです。ファイルを指定してください: {path}")])
    try:
        path.open("rb").close()  # a locked or unreadable file is said so, not taken for a broken one
    except OSError as exc:
        raise ImportValidationError([ImportIssue(name, None, None, cannot_read_message(path, exc))]) from None
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        return _read_csv(path)
    if suffix in SPREADSHEET_SUFFIXES:
        return _read_spreadsheet(path, sheet)
    raise ImportValidationError(
        [ImportIssue(name, None, None, f"この形式（{suffix or '拡張子なし'}）は読み込めません。.xlsx / .xls / .csv を指定してください。")]
    )


@gc_paused()  # one list per row, tens of thousands at once
def _read_spreadsheet(path: Path, sheet: str | None) -> Table:
    from python_calamine import CalamineWorkbook

    name = path.name
    try:
        workbook = CalamineWorkbook.from_path(str(path))
    except Exception:  # calamine raises several types for broken files, with English texts
        raise ImportValidationError([ImportIssue(name, None, None, _broken(path.suffix.lower()))]) from None
    try:
        names = list(workbook.sheet_names)
        if not names:
            raise ImportValidationError([ImportIssue(name, None, None, "シートがありません。")])
        if sheet is None:
            sheet = names[0]
        elif sheet not in names:
            raise ImportValidationError(
                [ImportIssue(name, None, None, f"シート「{sheet}」がありません（あるシート: {'、'.join(names)}）。")]
            )
        try:
            ws = workbook.get_sheet_by_name(sheet)
            raw = ws.to_python(skip_empty_area=False)
            merged = ws.merged_cell_ranges or []
        except Exception:
            raise ImportValidationError(
                [ImportIssue(name, None, None, "シートを読み込めません（ファイルが壊れている可能性があります）。", sheet=sheet)]
            ) from None
    finally:
        workbook.close()
    # A row of text cells only (nearly all, in a function list) is kept as calamine made it.
    only_text = {str}
    rows = [row if set(map(type, row)) <= only_text else [v if type(v) is str else cell_text(v) for v in row]
            for row in raw]
    _fill_merged(rows, merged)
    return Table(name, sheet, rows, names)


_KINDS = {".xlsx": "Excel ファイル", ".xlsm": "Excel ファイル", ".xlsb": "Excel ファイル", ".xls": "Excel 97-2003 ファイル",
          ".ods": "OpenDocument の表計算ファイル"}
_EXPECTED = {".xlsx": "xlsx", ".xlsm": "xlsm", ".xlsb": "xlsb", ".xls": "xls", ".ods": "ods"}


def _broken(suffix: str) -> str:
    """「Excel ファイルとして読み込めません（壊れているか、xlsx ではありません）」"""
    return (f"{_KINDS.get(suffix, '表計算ファイル')}として読み込めません"
            f"（壊れているか、{_EXPECTED.get(suffix, '表計算ファイル')} ではありません）。")


def _fill_merged(rows: list[list[str]], merged: list) -> None:
    for (r0, c0), (r1, c1) in merged:
        if r0 >= len(rows) or c0 >= len(rows[r0]):
            continue
        value = rows[r0][c0]
        for r in range(r0, min(r1, len(rows) - 1) + 1):
            row = rows[r]
            for c in range(c0, c1 + 1):
                if c < len(row) and not row[c]:
                    row[c] = value


def decode_csv_bytes(data: bytes, file: str) -> tuple[str, str]:
    """Decode CSV bytes as UTF-8 (with or without BOM) or Shift_JIS (cp932)."""
    for encoding in CSV_ENCODINGS:
        try:
            return data.decode(encoding), ("utf-8" if encoding == "utf-8-sig" and not data.startswith(b"\xef\xbb\xbf") else encoding)
        except UnicodeDecodeError:
            continue
    raise ImportValidationError(
        [ImportIssue(file, None, None, "文字コードを判別できません。UTF-8 または Shift_JIS（CP932）で保存してください。")]
    )


def _guess_delimiter(sample: str) -> str:
    """Comma or tab: the one that appears the same number of times on the most lines.

    A cell's text may hold tabs or commas of its own (pasted from Excel, not always quoted), so
    the total count misleads; the real separator is the one that is regular from line to line.
    """
    lines = [line for line in _QUOTED.sub("", sample).splitlines() if line.strip()]

    def regularity(sep: str) -> int:
        counts = Counter(line.count(sep) for line in lines)
        counts.pop(0, None)
        return max(counts.values(), default=0)

    tabs, commas = regularity("\t"), regularity(",")
    if tabs == commas:
        return "\t" if sample.count("\t") > sample.count(",") else ","
    return "\t" if tabs > commas else ","


def _read_csv(path: Path) -> Table:
    name = path.name
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        raise ImportValidationError(
            [ImportIssue(name, None, None, "テキストの CSV ファイルではありません（UTF-16 や表計算形式の可能性があります）。")]
        )
    text, encoding = decode_csv_bytes(data, name)
    delimiter = "\t" if path.suffix.lower() == ".tsv" else _guess_delimiter(text[:8192])
    csv.field_size_limit(max(MAX_CELL_CHARS * 4, 1 << 20))
    try:
        rows = [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as exc:  # its texts are English: say what they mean
        reason = ("1 つのセルが長すぎます" if "field limit" in str(exc)
                  else "引用符「\"」の対応が崩れています" if "quote" in str(exc) or "new-line" in str(exc)
                  else "形式が崩れています")
        raise ImportValidationError([ImportIssue(name, None, None, f"CSV として読み込めません（{reason}）。")]) from None
    return Table(name, None, rows, [], encoding)

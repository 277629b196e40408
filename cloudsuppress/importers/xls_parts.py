"""What an Excel 97-2003 (.xls) file says beyond its raw values: each number cell's format, and the
size of each sheet before a reader expands it.

python-calamine reads .xls values (a 7-digit ID stored as the number 10001 with the format
0000000 reads 10001, where Excel shows 0010001) but exposes no formats. ``xlrd`` (the .xls reader
of the python-excel project; 2.0.2, June 2025, .xls only, pure Python, no dependencies) gives each
cell's XF record and the workbook's format table (``formatting_info=True``: ``xf_list``,
``format_map``). It is used for that and nothing else: values still come from calamine, and the
formats go through the same ``format_number`` / ``format_date`` as an .xlsx's styles.xml.

Bounds (issue 17): an .xls sheet holds at most 65,536 rows × 256 columns, but one value in IV65536
makes calamine expand 16.7 million cells (1.2 GB and 3 s for a 13 KB file, measured). The used
range of every sheet is checked against its cells here, before calamine reads it, with the same
rule as for .xlsx (``check_used_range``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .xlsx_parts import SheetFormats, check_used_range

# xlrd's cell types (xlrd.biffh): XL_CELL_NUMBER, XL_CELL_DATE
_NUMBER, _DATE = 2, 3


@dataclass
class XlsInfo:
    """Per sheet: the format code of every number/date cell whose format is not General (0-based)."""

    formats: dict[str, dict[tuple[int, int], str]] = field(default_factory=dict)


class XlsSheetFormats(SheetFormats):
    """The ``SheetFormats`` of an .xls sheet (format codes only; formula cells are not known)."""

    def __init__(self, info: XlsInfo, sheet: str):
        super().__init__(None, sheet)
        self._codes = info.formats.get(sheet, {})

    def format_of(self, row: int, col: int) -> str:
        return self._codes.get((row, col), "General")

    def formulas(self) -> tuple[frozenset[tuple[int, int]], frozenset[tuple[int, int]]]:
        return frozenset(), frozenset()


def check_xls(path: str) -> XlsInfo | None:
    """Check every sheet's used range (raises ``XlsxBoundsError``) and collect the number formats.

    None when xlrd is not installed or cannot read the file (calamine then reads it, or says it is
    broken, as before)."""
    try:
        import xlrd
    except ImportError:  # an environment made before the dependency: raw values, as before
        return None
    try:
        book = xlrd.open_workbook(path, formatting_info=True, on_demand=True, ragged_rows=True,
                                  logfile=_Quiet())
    except Exception:  # not an .xls, encrypted, damaged: calamine's attempt says so in Japanese
        return None
    info = XlsInfo()
    try:
        codes: dict[int, str] = {}
        for i, xf in enumerate(book.xf_list):
            fmt = book.format_map.get(xf.format_key)
            text = fmt.format_str if fmt is not None else "General"
            if text and text != "General":
                codes[i] = text
        for index, name in enumerate(book.sheet_names()):
            try:
                sheet = book.sheet_by_index(index)
            except Exception:  # a sheet xlrd cannot parse: calamine reads it or lists it unreadable
                continue
            lengths = [sheet.row_len(r) for r in range(sheet.nrows)]
            check_used_range(name, sheet.nrows, max(lengths, default=0), sum(lengths))
            try:
                info.formats[name] = _formats_of(sheet, lengths, codes) if codes else {}
            except Exception:  # an odd record xlrd trips on: that sheet's numbers as raw values, as before
                info.formats[name] = {}
            book.unload_sheet(index)
    finally:
        book.release_resources()
    return info


def _formats_of(sheet: Any, lengths: list[int], codes: dict[int, str]) -> dict[tuple[int, int], str]:
    found: dict[tuple[int, int], str] = {}
    for r, length in enumerate(lengths):
        if not length:
            continue
        types = sheet.row_types(r)
        for c in range(length):
            if types[c] in (_NUMBER, _DATE):
                code = codes.get(sheet.cell_xf_index(r, c))
                if code is not None:
                    found[(r, c)] = code
    return found


class _Quiet:
    """xlrd writes warnings (e.g. about a file's odd records) to a log file; nobody reads them here."""

    def write(self, text: str) -> int:
        return len(text)

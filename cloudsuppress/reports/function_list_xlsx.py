"""Write a function list as .xlsx, in the layout the importer reads back.

Used to hand the list to members and vendors, and by the benchmarks to make large inputs.
Rows are any objects with the attributes of ``FunctionRow`` / ``FunctionRecord``.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

import xlsxwriter

from ..domain.vocab import REQUIREMENT_LABELS

HEADERS = ("業務", "機能ID", "大分類", "中分類", "小分類", "機能名", "機能要件", "実装区分", "適合度", "便利機能")
WIDTHS = (16, 11, 16, 18, 14, 28, 60, 16, 7, 8)


class FunctionLike(Protocol):
    business_system: str | None
    code: str
    level1: str | None
    level2: str | None
    level3: str | None
    name: str
    requirement: str | None
    requirement_class: str | None
    fit: str | None
    convenience: bool


def write_function_list_xlsx(path: str | Path, rows: Iterable[FunctionLike], *, title: str = "機能一覧") -> int:
    """Write the rows under a title line and a header; return the number of rows written."""
    # Shared strings, as Excel itself saves (constant_memory would write inline strings).
    workbook = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False})
    try:
        font = {"font_name": "BIZ UDGothic", "font_size": 10}
        title_fmt = workbook.add_format({**font, "bold": True, "font_size": 14})
        head_fmt = workbook.add_format({**font, "bold": True, "bg_color": "#DDE6F0", "border": 1,
                                        "align": "center", "valign": "vcenter", "text_wrap": True})
        cell_fmt = workbook.add_format({**font, "border": 1, "valign": "top", "text_wrap": True})
        mark_fmt = workbook.add_format({**font, "border": 1, "valign": "top", "align": "center"})
        ws = workbook.add_worksheet("機能一覧")
        ws.write_string(0, 0, title, title_fmt)
        for c, (head, width) in enumerate(zip(HEADERS, WIDTHS, strict=True)):
            ws.set_column(c, c, width)
            ws.write_string(2, c, head, head_fmt)
        n = 0
        for n, row in enumerate(rows, start=1):
            r = 2 + n
            values = (
                row.business_system or "", row.code, row.level1 or "", row.level2 or "", row.level3 or "",
                row.name, row.requirement or "", REQUIREMENT_LABELS.get(row.requirement_class or "", ""),
                row.fit or "", "○" if row.convenience else "",
            )
            for c, value in enumerate(values):
                ws.write_string(r, c, value, mark_fmt if c in (8, 9) else cell_fmt)
        ws.freeze_panes(3, 2)
        ws.autofilter(2, 0, 2 + n, len(HEADERS) - 1)
        ws.set_landscape()
        ws.set_paper(9)  # A4
        ws.repeat_rows(2)
        ws.fit_to_pages(1, 0)
    finally:
        workbook.close()
    return n

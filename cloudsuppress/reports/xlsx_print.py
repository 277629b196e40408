"""How a spreadsheet report prints, decided by us rather than by the spreadsheet program.

A sheet printed "fit to width" prints at whatever scale the program picks: the comparison table
came out at 6.7 pt, the cost table at 5.5 pt. A ``PrintPlan`` fixes the print scale from the
columns' widths instead, so the printed size is known (font size × scale) and can be held at
7 pt or more; it also breaks the pages by hand, so a group band or a heading never ends a page.

Column widths are in the spreadsheet's character units. The workbooks' Normal font is 9 pt BIZ
UDGothic, whose digit is 6 px, so a column of width ``w`` is ``6w + 5`` px (96 px to the inch)
in Excel and LibreOffice alike.
"""
from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from reportlab.lib.pagesizes import A3, A4, landscape, portrait
from xlsxwriter.worksheet import Worksheet

PAPER_CODES = {"a3": 8, "a4": 9}  # Excel's paper size numbers
MARGIN_IN = {"left": 0.4, "right": 0.4, "top": 0.55, "bottom": 0.6}  # header and footer sit inside
FLOOR_PT = 7.0
DIGIT_PX = 6
FONT = "BIZ UDGothic"


def column_pt(width: float) -> float:
    """A column of ``width`` character units, in points."""
    return (DIGIT_PX * width + 5) * 0.75


def _escape(text: str) -> str:
    return text.replace("&", "&&")


def header_text(*, right: str | None = None, left: str | None = None, size: int = 11) -> str:
    """A page header in BIZ UDGothic (never the program's default font): 資料番号 at the right."""
    out = ""
    if left:
        out += f'&L&"{FONT},Regular"&{size}{_escape(left)}'
    if right:
        out += f'&R&"{FONT},Bold"&{size}{_escape(right)}'
    return out


def footer_text(*, left: str | None = None, size: int = 9) -> str:
    """A page footer in BIZ UDGothic: an optional note at the left, "n / N" in the centre."""
    out = f'&L&"{FONT},Regular"&{size}{_escape(left)}' if left else ""
    return out + f'&C&"{FONT},Regular"&{size}&P / &N'


@dataclass(frozen=True)
class PrintPlan:
    """Paper, orientation and a fixed print scale for a sheet whose columns are known."""

    paper: str
    scale: int  # percent
    landscape: bool = True
    font_pt: float = 9.0  # the smallest font the sheet's cells use

    @staticmethod
    def page_size(paper: str, landscape_: bool = True) -> tuple[float, float]:
        size = {"a3": A3, "a4": A4}[paper]
        return landscape(size) if landscape_ else portrait(size)

    @classmethod
    def printable_width(cls, paper: str, landscape_: bool = True) -> float:
        return cls.page_size(paper, landscape_)[0] - (MARGIN_IN["left"] + MARGIN_IN["right"]) * 72

    @classmethod
    def for_columns(cls, widths: Sequence[float], *, paper: str, landscape_: bool = True,
                    font_pt: float = 9.0) -> PrintPlan:
        """The largest scale (at most 100 %) at which the columns fit the paper's width."""
        total = sum(column_pt(w) for w in widths)
        scale = min(100, math.floor(100 * cls.printable_width(paper, landscape_) / total))
        return cls(paper, scale, landscape_, font_pt)

    @classmethod
    def narrow(cls, columns: list[tuple[str, float]], flexible: set[str], *, paper: str, landscape_: bool = True,
               font_pt: float = 9.0, least: dict[str, float] | None = None) -> list[tuple[str, float]]:
        """The columns with the ``flexible`` ones (long texts that wrap) narrowed alike until the
        sheet prints at the floor: font_pt × scale ≥ FLOOR_PT; none below its ``least`` (the
        widest word it must hold whole; 10 units otherwise)."""
        least = least or {}
        lowest = math.ceil(100 * FLOOR_PT / font_pt) / 100 + 0.004  # the scale is rounded down to a percent
        target = cls.printable_width(paper, landscape_) / lowest
        out = list(columns)
        free = {t for t, _ in columns if t in flexible}
        for _ in range(len(columns)):  # a column stopped at its least leaves the others to give more
            fixed = sum(column_pt(w) for t, w in out if t not in free)
            flex = sum(column_pt(w) for t, w in out if t in free)
            if not free or fixed + flex <= target:
                break
            ratio = max(0.0, (target - fixed) / flex)
            clamped = {t for t, w in out if t in free and w * ratio < least.get(t, 10.0)}
            out = [(t, max(least.get(t, 10.0), w * ratio) if t in free else w) for t, w in out]
            free -= clamped
            if not clamped:
                break
        return out

    @property
    def printed_pt(self) -> float:
        return self.font_pt * self.scale / 100

    @property
    def ok(self) -> bool:
        """Whether the smallest text prints at FLOOR_PT or more."""
        return self.printed_pt >= FLOOR_PT - 1e-9

    @staticmethod
    def inner_pt(width: float) -> float:
        """The room for text in a cell of ``width`` units: the column less the cell's padding (a
        point spare, so a program measuring a little wider never wraps again)."""
        return column_pt(width) - 2 * 2.25 - 1.0

    @staticmethod
    def width_for_inner(pt: float) -> float:
        """The narrowest column width (units, a whole pixel) whose cell leaves ``pt`` points for
        text: the inverse of ``inner_pt``."""
        return math.ceil((pt + 2 * 2.25 + 1.0) / 0.75 - 5) / DIGIT_PX

    def page_height(self) -> float:
        """The height a page offers to rows, in the sheet's own points (before scaling)."""
        h = self.page_size(self.paper, self.landscape)[1] - (MARGIN_IN["top"] + MARGIN_IN["bottom"]) * 72
        return h / (self.scale / 100)

    def apply(self, ws: Worksheet) -> None:
        """Paper, orientation, margins and the fixed scale on an XlsxWriter worksheet."""
        if self.landscape:
            ws.set_landscape()
        else:
            ws.set_portrait()
        ws.set_paper(PAPER_CODES[self.paper])
        ws.set_print_scale(self.scale)
        ws.set_margins(left=MARGIN_IN["left"], right=MARGIN_IN["right"], top=MARGIN_IN["top"],
                       bottom=MARGIN_IN["bottom"])

    def page_breaks(self, heights: Sequence[float], *, header_rows: int, repeat: int | None = None,
                    keep_with_next: Collection[int] = frozenset()) -> list[int]:
        """Rows (0-based) that start a new page: as many rows as fit each page, a row of
        ``keep_with_next`` (a group band, a heading) never the last on its page; consecutive ones keep
        the whole run with the row after it (a table's last row, a gap row, a note). ``header_rows``
        rows open the first page; row ``repeat`` (default the last of them) repeats on the others."""
        room = self.page_height() * 0.97  # a little spare for the program's rounding
        repeat = header_rows - 1 if repeat is None else repeat
        y = sum(heights[:header_rows])
        breaks: list[int] = []
        i = header_rows
        while i < len(heights):
            h = heights[i]
            need, j = h, i
            while j in keep_with_next and j + 1 < len(heights):  # a chain (a row, a gap, a note) goes whole
                j += 1
                need += heights[j]
            first_on_page = y <= (heights[repeat] if breaks else sum(heights[:header_rows])) + 1e-6
            if y + need > room and not first_on_page:
                breaks.append(i)
                y = heights[repeat]
                continue
            y += h
            i += 1
        return breaks

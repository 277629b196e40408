"""What every printed page must satisfy (issue #15), measured on the files themselves:

- ``pdf_font_sizes``: every text size used on a PDF's pages, in points as printed (the font
  size times the text and graphics matrices), from the content streams via pypdf;
- ``xlsx_printed_sizes``: every font size in a sheet's print area (cells, header, footer) times
  the sheet's print scale: what the paper shows;
- ``broken_tokens``: an unbreakable token (a member name, a status or reason label) split
  across two consecutive lines: the PDF's lines in drawing order (pdftotext -raw, one cell's
  lines after another) or a spreadsheet cell's written lines;
- ``bad_line_starts``: lines that begin with a closing bracket or 、。 (禁則).
"""
from __future__ import annotations

import math
import re
from itertools import pairwise
from pathlib import Path

from .pdf_support import raw_text

CLOSING = tuple("）)」』】〕］]｝}、。，．,")


def pdf_font_sizes(path: Path) -> dict[float, int]:
    """{printed size rounded to 0.1 pt: number of text runs} over every page."""
    from pypdf import PdfReader

    sizes: dict[float, int] = {}
    for page in PdfReader(str(path)).pages:
        def visit(text, cm, tm, font, size):  # noqa: ANN001 - pypdf's visitor signature
            if not text.strip():
                return
            scale_y = math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3])
            printed = round(size * scale_y, 1)
            sizes[printed] = sizes.get(printed, 0) + 1

        page.extract_text(visitor_text=visit)
    return sizes


def pdf_lines(path: Path) -> list[str]:
    """The PDF's text lines in drawing order (a wrapped cell's lines one after another)."""
    return [ln.strip() for ln in raw_text(path).splitlines()]


def broken_tokens(lines: list[str], tokens) -> list[str]:  # noqa: ANN001 - any iterable of str
    """'かすみがう|ら市' for each token split between a line's end and the next line's start."""
    found = []
    toks = [t for t in set(tokens) if len(t) > 1]
    for a, b in pairwise(lines):
        a, b = a.rstrip(), b.lstrip()
        if not a or not b:
            continue
        for t in toks:
            for k in range(1, len(t)):
                if a.endswith(t[:k]) and b.startswith(t[k:]) and not a.endswith(t) and not b.startswith(t):
                    found.append(f"{t[:k]}|{t[k:]}")
    return found


def bad_line_starts(lines: list[str]) -> list[str]:
    return [ln for ln in lines if ln.strip() and ln.strip().startswith(CLOSING)]


# --- spreadsheets ---------------------------------------------------------------------------


def _print_rows_cols(ws) -> tuple[range, range]:  # noqa: ANN001 - an openpyxl worksheet
    from openpyxl.utils import range_boundaries

    area = ws.print_area
    if area:
        ref = (area[0] if isinstance(area, list) else str(area)).split("!")[-1].replace("$", "")
        c1, r1, c2, r2 = range_boundaries(ref)
    else:
        c1, r1, c2, r2 = 1, 1, ws.max_column, ws.max_row
    return range(r1, r2 + 1), range(c1, c2 + 1)


_HF_SIZE = re.compile(r"&(\d+)")


def print_scale(ws) -> float:  # noqa: ANN001
    """The sheet's print scale as a fraction (fit-to-page has no known scale: an error)."""
    assert not ws.sheet_properties.pageSetUpPr or not ws.sheet_properties.pageSetUpPr.fitToPage, \
        f"{ws.title}: fit-to-page leaves the printed size to the spreadsheet program"
    return (ws.page_setup.scale or 100) / 100


def xlsx_printed_sizes(path: Path) -> dict[str, float]:
    """{sheet: the smallest printed font size} for every sheet that prints."""
    import openpyxl

    wb = openpyxl.load_workbook(path)
    out = {}
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        scale = print_scale(ws)
        rows, cols = _print_rows_cols(ws)
        smallest = math.inf
        for r in rows:
            for c in cols:
                cell = ws.cell(r, c)
                if cell.value not in (None, ""):
                    smallest = min(smallest, (cell.font.sz or 11) * scale)
        for hf in (ws.oddHeader, ws.oddFooter):
            for part in (hf.left, hf.center, hf.right):
                if part.text:
                    smallest = min(smallest, (part.size or 11) * scale)
        out[ws.title] = smallest
    return out


def xlsx_lines(path: Path) -> list[list[str]]:
    """Every text cell's written lines, per cell."""
    import openpyxl

    wb = openpyxl.load_workbook(path)
    cells = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cells.append(cell.value.split("\n"))
    return cells

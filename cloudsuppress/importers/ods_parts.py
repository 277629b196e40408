"""What calamine does not say about an .ods: the text each non-text cell shows.

An OpenDocument spreadsheet stores, for a number or a date, both its value and the text the
application displayed (``<text:p>``): an ID 10001 with the format 0000000 is saved as
``office:value="10001"`` and ``<text:p>0010001</text:p>``. ``displayed_texts`` reads those texts
for the cells the reader asks about, so an .ods reads as the user saw it, like an .xlsx.
"""
from __future__ import annotations

import zipfile
import zlib
from xml.etree import ElementTree

from .xlsx_parts import check_used_range, check_zip_sizes

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_CELLS = {f"{{{_TABLE}}}table-cell", f"{{{_TABLE}}}covered-table-cell"}
_ROW = f"{{{_TABLE}}}table-row"
_SHEET = f"{{{_TABLE}}}table"
# what a damaged or odd zip raises: the look-ups are best effort, the cells' values stand
_UNREADABLE = (OSError, KeyError, ValueError, EOFError, RuntimeError, NotImplementedError, zipfile.BadZipFile,
               zlib.error, ElementTree.ParseError)
_REPEAT_LIMIT = 10_000  # repeated cells beyond any asked position are not expanded


def displayed_texts(path: str, sheet: str, wanted: set[tuple[int, int]]) -> dict[tuple[int, int], str]:
    """(row, column) → displayed text, for the wanted 0-based positions of one sheet."""
    if not wanted:
        return {}
    max_row = max(r for r, _ in wanted)
    out: dict[tuple[int, int], str] = {}
    try:
        with zipfile.ZipFile(path) as zf, zf.open("content.xml") as fh:
            row = col = 0
            inside = False
            for event, elem in ElementTree.iterparse(fh, events=("start", "end")):
                tag = elem.tag
                if event == "start":
                    if tag == _SHEET:
                        inside = elem.get(f"{{{_TABLE}}}name") == sheet
                        row = col = 0
                    continue
                if tag == _SHEET:
                    if inside:
                        break
                    elem.clear()
                    continue
                if not inside:
                    if tag == _ROW:
                        elem.clear()
                    continue
                if tag in _CELLS:
                    repeat = int(elem.get(f"{{{_TABLE}}}number-columns-repeated", "1"))
                    kind = elem.get(f"{{{_OFFICE}}}value-type")
                    if kind and kind != "string":
                        text = "\n".join("".join(p.itertext()) for p in elem.iter(f"{{{_TEXT}}}p"))
                        for k in range(min(repeat, _REPEAT_LIMIT)):
                            if (row, col + k) in wanted:
                                out[(row, col + k)] = text
                    col += repeat
                elif tag == _ROW:
                    repeat = int(elem.get(f"{{{_TABLE}}}number-rows-repeated", "1"))
                    if repeat > 1 and any(r == row for r, _ in wanted):
                        cells = {c: t for (r, c), t in out.items() if r == row}
                        for k in range(1, min(repeat, _REPEAT_LIMIT)):
                            for c, t in cells.items():
                                if (row + k, c) in wanted:
                                    out[(row + k, c)] = t
                    row += repeat
                    col = 0
                    elem.clear()
                    if row > max_row:
                        break
    except _UNREADABLE:
        return {}
    return out


def merged_ranges(path: str, sheet: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The merged ranges of one sheet as ((top, left), (bottom, right)), 0-based: a cell with
    ``table:number-rows-spanned`` / ``number-columns-spanned`` (the cells it covers are
    ``covered-table-cell``). calamine does not report them for an .ods."""
    out = []
    span_rows, span_cols = f"{{{_TABLE}}}number-rows-spanned", f"{{{_TABLE}}}number-columns-spanned"
    try:
        with zipfile.ZipFile(path) as zf, zf.open("content.xml") as fh:
            row = col = 0
            inside = False
            for event, elem in ElementTree.iterparse(fh, events=("start", "end")):
                tag = elem.tag
                if event == "start":
                    if tag == _SHEET:
                        inside = elem.get(f"{{{_TABLE}}}name") == sheet
                        row = col = 0
                    elif tag in _CELLS and inside:
                        rs, cs = int(elem.get(span_rows, "1")), int(elem.get(span_cols, "1"))
                        if rs > 1 or cs > 1:
                            out.append(((row, col), (row + rs - 1, col + cs - 1)))
                    continue
                if tag == _SHEET:
                    if inside:
                        break
                    elem.clear()
                    continue
                if not inside:
                    if tag == _ROW:
                        elem.clear()
                    continue
                if tag in _CELLS:
                    col += int(elem.get(f"{{{_TABLE}}}number-columns-repeated", "1"))
                elif tag == _ROW:
                    row += int(elem.get(f"{{{_TABLE}}}number-rows-repeated", "1"))
                    col = 0
                    elem.clear()
    except _UNREADABLE:
        return []
    return out


def check_ods(path: str) -> None:
    """Refuse (XlsxBoundsError) an .ods whose used range is beyond the reader's bounds.

    Repeated cells (``number-columns-repeated`` / ``number-rows-repeated``) let a few bytes
    describe a value a million rows down; calamine would allocate the whole range."""
    with zipfile.ZipFile(path) as zf:
        check_zip_sizes(zf)
        try:
            fh = zf.open("content.xml")
        except KeyError:
            return
        with fh:
            name = ""
            row = col = max_row = max_col = cells = 0
            row_has = False
            try:
                for event, elem in ElementTree.iterparse(fh, events=("start", "end")):
                    tag = elem.tag
                    if event == "start":
                        if tag == _SHEET:
                            name = elem.get(f"{{{_TABLE}}}name", "")
                            row = col = max_row = max_col = cells = 0
                        elif tag == _ROW:
                            col, row_has = 0, False
                        continue
                    if tag in _CELLS:
                        repeat = int(elem.get(f"{{{_TABLE}}}number-columns-repeated", "1"))
                        if elem.get(f"{{{_OFFICE}}}value-type") or any(
                                (p.text or "").strip() or len(p) for p in elem.iter(f"{{{_TEXT}}}p")):
                            max_col = max(max_col, col + repeat)
                            cells += repeat
                            row_has = True
                        col += repeat
                        elem.clear()
                    elif tag == _ROW:
                        repeat = int(elem.get(f"{{{_TABLE}}}number-rows-repeated", "1"))
                        if row_has:
                            max_row = row + repeat
                            cells += (repeat - 1) * 1
                        row += repeat
                        elem.clear()
                    elif tag == _SHEET:
                        check_used_range(name, max_row, max_col, cells)
                        elem.clear()
            except (ElementTree.ParseError, ValueError):
                return  # calamine's own reading says the file is broken

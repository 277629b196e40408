"""カスタマイズ要望比較一覧表 as .xlsx (XlsxWriter), for members who want to edit it: the same
columns, title, labels and 禁則 as the PDF, header rows repeated on every printed page, landscape,
A3 or A4, dated (令和8年11月22日現在), the 資料番号 in the page header of every printed page.

What prints is decided here, not left to the spreadsheet program:
- the text of every cell is broken into lines by the PDF's line breaker (``wrap_text``, 禁則,
  names and labels kept whole) at the cell's width, and written with explicit line breaks, so
  Excel and LibreOffice print the same lines; each row gets the height of its lines;
- the print scale is fixed (no fit-to-page): the columns' total width sets it, and a layout whose
  scale would print the 9 pt text under 7 pt is not used (the wide layout becomes the long one,
  the long one narrows its text columns);
- the pages are broken by hand (manual page breaks), so a group band never ends a page."""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

import xlsxwriter
from xlsxwriter.format import Format

from ..domain.workflow import STATUS_LABELS
from ..ops.comparison import ComparisonCell, ComparisonRow, ComparisonTable
from .comparison_pdf import KEEP_CHARS, as_of_text, kept_words, legend_text, meta_text, sheet_title
from .pdf_base import GOTHIC, NO_START, today, unbreakable_tokens, widths, wrap_text
from .xlsx_print import PrintPlan, footer_text, header_text

_LEAD = (("要望番号", 9), ("機能ID", 10), ("業務", 12), ("機能名・要望名", 26), ("適合", 6))
_TAIL = (("見積額", 12), ("状態", 10), ("決定内容", 34))  # 状態: widened to カスタマイズ実施
_LONG = (("団体", 12), ("要望内容", 44), ("年間件数", 10), ("理由", 20), ("住民サービス水準への影響", 36))
HEADER_ROW = 4  # 0-based row of the column headings (title, meta, and the legend box over rows 2–3 above)
# The workbook's own font (its Normal style) is the cells' 9 pt BIZ UDGothic, so Excel and
# LibreOffice both measure a column width unit as one of its digits, 6 px: a half-width
# character is one unit, a full-width one two. Without this LibreOffice measured the units with
# whatever stood in for Calibri and the estimates below were a third off. The font's ascent plus
# descent is exactly 1 em, so a wrapped line is 9 pt in LibreOffice (about 9.75 in Excel); it is
# taken as 10.5 pt here, and an estimate errs towards one line too many: better air than a cut.
BOOK_FONT = {"font_name": "BIZ UDGothic", "font_size": 9}
BOOK_COLUMN_PX, BOOK_ROW_PX = 56, 16  # XlsxWriter's metrics for a 6 px digit (5 px padding)
LINE_PT, ROW_PAD_PT, MAX_ROW_PT = 10.5, 4.0, 409.0
LEGEND_BLANK_NOTE = "（空欄はその団体の要望なし）"
LEGEND_AIR_PT = 4.0  # under the legend's last line, above the headings' border


def text_units(text: str) -> int:
    """Half-width character units of one line: full-width (and ambiguous) characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WFA" else 1 for ch in text)


def _paragraph_lines(text: str, per_line: int) -> int:
    """Lines of one paragraph filled as a spreadsheet does: ASCII words (1,200件's digits, R-0001)
    move whole to the next line, and a closing mark (。、）) does not start a line (it takes the
    character before it down)."""
    lines, used, last = 1, 0, 0  # last: units of the character or word last placed
    for word in re.findall(r"[!-~]+|.", text):
        w = text_units(word)
        if used + w <= per_line or used == 0:
            used, last = used + w, w
            continue
        if word[0] in NO_START and used > last:  # 追い出し: the previous character goes down with it
            lines, used, last = lines + 1, last + w, w
        else:
            lines, used, last = lines + 1, w, w
        while used > per_line:  # a word longer than a line is broken
            lines, used = lines + 1, used - per_line
    return lines


def wrapped_lines(text: str, width: float) -> int:
    """How many lines ``text`` takes in a wrapped cell of column width ``width`` (at least 1)."""
    per_line = max(2, int(width))
    return sum(_paragraph_lines(part, per_line) for part in text.split("\n")) if text else 1


def _width_for(texts: Iterable[str], least: float) -> float:
    """A column width in which each of ``texts`` fits on one line, never less than ``least``."""
    return max(least, max((text_units(t) for t in texts), default=0) + 2)


def cell_text(c: ComparisonCell | None) -> str:
    """One member's cell of the wide layout: ask, then 件数, 理由, 住民サービス on their own lines."""
    if c is None:
        return ""
    lines = (["［取下げ］"] if c.withdrawn else []) + [c.content]
    if c.annual_cases is not None:
        lines.append(f"件数 {c.annual_cases:,}件/年")
    lines += [f"理由 {c.reason_label}", f"住民サービス {c.service_drop_label}"]
    return "\n".join(lines)


def _columns(table: ComparisonTable) -> list[tuple[str, float]]:
    """Headings and widths: member names, counts and amounts on this sheet stay on one line."""
    asks = [c for r in table.rows for c in r.asking]
    amounts = [f"{r.estimate:,}円" for r in table.rows if r.estimate is not None]
    if table.long_layout:
        names = [c.member for c in asks if len(c.member) <= KEEP_CHARS]
        counts = [f"{c.annual_cases:,}件" for c in asks if c.annual_cases is not None]
        middle = [(_LONG[0][0], _width_for(names, _LONG[0][1])), _LONG[1],
                  (_LONG[2][0], _width_for(counts, _LONG[2][1])),
                  (_LONG[3][0], _width_for({c.reason_label for c in asks}, _LONG[3][1])), _LONG[4]]
    else:
        middle = [(m, _width_for([m] if len(m) <= KEEP_CHARS else [], 24)) for m in table.members]
    systems = {r.business_system for r in table.rows if r.business_system and len(r.business_system) <= KEEP_CHARS}
    lead = [*_LEAD[:2], (_LEAD[2][0], _width_for(systems, _LEAD[2][1])), *_LEAD[3:]]
    return [*lead, *middle, (_TAIL[0][0], _width_for(amounts, _TAIL[0][1])),
            (_TAIL[1][0], _width_for(STATUS_LABELS.values(), _TAIL[1][1])), _TAIL[2]]


def _lead_text(row: ComparisonRow) -> str:
    """The 機能名・要望名 cell: the function's name, the request's own title under it when it says
    something else, and the peer line (who runs the function as delivered) under the item."""
    named = row.function_name or row.title
    own_title = row.title and row.title != (row.function_name or "").removesuffix("（欠番）")
    return (named + (f"\n（{row.title}）" if own_title else "")
            + (f"\n{row.peer_line}" if row.peer_line else ""))


def _least_units(texts: Iterable[str], words: tuple[str, ...]) -> float:
    """The narrowest a wrapping column may be: its widest unbreakable piece on one line, a member
    name or label with the brackets and ・ that 禁則 keeps with it (「（かすみがうら市）」 is 9
    characters, not the name's 7). Pieces longer than a kept name and its two marks wrap anyway."""
    ws = widths()
    best = 0.0
    for t in texts:
        for tok in unbreakable_tokens(t or "", words):
            if len(tok) <= KEEP_CHARS + 2:
                best = max(best, ws.width(tok, GOTHIC, 9.0))
    return max(10.0, PrintPlan.width_for_inner(best))


def _least(table: ComparisonTable) -> dict[str, float]:
    """{column: its least width} for the columns ``PrintPlan.narrow`` may narrow."""
    words = tuple(w for w in kept_words(table) if len(w) <= KEEP_CHARS)
    asks = [c for r in table.rows for c in r.asking]
    return {
        "機能名・要望名": _least_units((_lead_text(r) for r in table.rows), words),
        "要望内容": _least_units([("［取下げ］" if c.withdrawn else "") + c.content
                              + (f"\n代替運用案: {c.workaround}" if c.workaround else "") for c in asks], words),
        "住民サービス水準への影響": _least_units([f"{c.service_drop_label}\n{c.service_drop_detail}" for c in asks],
                                       words),
        "決定内容": _least_units((r.decision for r in table.rows), words),
    }


def _plan(table: ComparisonTable, paper: str) -> tuple[ComparisonTable, list[tuple[str, float]], PrintPlan]:
    """The layout, its columns and its print scale, the first that prints at 7 pt or more: the wide
    layout, the wide one with its long texts narrowed, the long one, the long one narrowed. No
    narrowed column is left too narrow for its widest unbreakable piece (``_least``)."""
    least = _least(table)
    flexible = set(least)
    for t in (table, replace(table, long_layout=True)) if not table.long_layout else (table,):
        columns = _columns(t)
        plan = PrintPlan.for_columns([w for _, w in columns], paper=paper)
        if plan.ok:
            return t, columns, plan
        columns = PrintPlan.narrow(columns, flexible, paper=paper, least=least)
        plan = PrintPlan.for_columns([w for _, w in columns], paper=paper)
        if plan.ok:
            return t, columns, plan
    return t, columns, plan


def write_comparison_xlsx(path: str | Path, table: ComparisonTable, *, paper: str = "a3", doc_number: str = "資料1",
                          created_on: dt.date | None = None) -> int:
    """Write the comparison table dated ``created_on`` (today if None); return the number of data rows written."""
    table, columns, plan = _plan(table, paper)
    words = kept_words(table)
    wb = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "default_format_properties": BOOK_FONT,
                                         "default_column_width": BOOK_COLUMN_PX, "default_row_height": BOOK_ROW_PX})
    try:
        font = {"font_name": "BIZ UDGothic", "font_size": 9}
        title_fmt = wb.add_format({**font, "bold": True, "font_size": 14})
        meta_fmt = wb.add_format({**font, "font_size": 10})
        legend_fmt = wb.add_format({**font, "font_color": "#555555", "valign": "top", "text_wrap": True})
        head_fmt = wb.add_format({**font, "bold": True, "bg_color": "#DDDDDD", "border": 1, "align": "center",
                                  "valign": "vcenter", "text_wrap": True})
        group_fmt = wb.add_format({**font, "bold": True, "bg_color": "#EEEEEE", "border": 1})
        cell_fmt = wb.add_format({**font, "border": 1, "valign": "top", "text_wrap": True})
        center_fmt = wb.add_format({**font, "border": 1, "valign": "top", "align": "center"})
        yen_fmt = wb.add_format({**font, "border": 1, "valign": "top", "num_format": '#,##0"円"'})
        count_fmt = wb.add_format({**font, "border": 1, "valign": "top", "num_format": '#,##0"件"'})
        ws = wb.add_worksheet("比較一覧表")
        date_fmt = wb.add_format({**font, "font_size": 10, "align": "right"})
        middle = columns[len(_LEAD):len(columns) - len(_TAIL)]
        last = len(columns) - 1
        for i, (_, width) in enumerate(columns):
            ws.set_column(i, i, width)
        lines: dict[int, int] = {}  # row → the most lines one of its cells needs
        # Column titles that have pieces break between them only (機能名・/要望名).
        heads = tuple(t for t, _ in columns if t not in ("機能名・要望名", "住民サービス水準への影響")) + (
            "機能名・", "要望名", "住民サービス", "水準への影響")

        def broken(col: int, text: str, keep: tuple[str, ...] = words) -> list[str]:
            """The text broken into lines by the PDF's breaker at the cell's width."""
            return wrap_text(text, plan.inner_pt(columns[col][1]), GOTHIC, 9.0, keep) if text else []

        def put(row: int, col: int, text: str, fmt: Format, *, keep: tuple[str, ...] = words) -> None:
            value = "\n".join(broken(col, text, keep))
            ws.write_string(row, col, value, fmt)
            lines[row] = max(lines.get(row, 1), value.count("\n") + 1)

        # A row never taller than a spreadsheet allows (409 pt) nor than a page: a longer one goes on
        # in rows under it, its key marked 「（続き）」 and its 状態 and 決定内容 repeated.
        most = max(3, int((min(MAX_ROW_PT, plan.page_height() * 0.8) - ROW_PAD_PT) // LINE_PT))

        # The pages are laid out here, as they will print: ``page`` tracks the height used on the
        # current page (the sheet's points, before the print scale) and ``breaks`` the rows that
        # start a page. A long row fills what is left of a page and goes on on the next one.
        # The legend is one box over rows 2–3, the sheet's width, its lines at the top and air under
        # the last (review R23: its second line was written in row 3, 13.5 pt, bottom-aligned, and
        # printed on the headings' top border).
        # 「（空欄はその団体の要望なし）」 kept whole: the A3 sheet broke it after 「その団体」 (docs/samples render)
        legend = wrap_text(legend_text(table), plan.inner_pt(sum(w for _, w in columns[:-2])), GOTHIC, 9,
                           (*words, LEGEND_BLANK_NOTE))
        legend_pt = len(legend) * LINE_PT + ROW_PAD_PT + LEGEND_AIR_PT
        top_rows = {0: 22.0, 1: 15.0, 2: max(13.5, legend_pt / 2), 3: max(13.5, legend_pt / 2)}
        for row_no, h in top_rows.items():
            ws.set_row(row_no, h)
        room = plan.page_height() * 0.97
        page = {"y": 0.0, "head": 0.0}
        band: list[tuple[int, float]] = []  # a group band just placed, nothing under it yet
        breaks: list[int] = []

        def new_page(r: int) -> None:
            if band:  # the band goes with its first row: the page breaks above it
                row_no, h = band.pop()
                breaks.append(row_no)
                page["y"] = page["head"] + h
                return
            breaks.append(r)
            page["y"] = page["head"]

        def place(r: int, h: float, *, keep: float = 0.0) -> None:
            """Row ``r`` of height ``h`` (with ``keep`` more kept under it) on this page or the next."""
            if page["y"] + h + keep > room and page["y"] > page["head"] + 1e-6:
                new_page(r)
            page["y"] += h

        def emit(r: int, texts: dict[int, tuple[str, Format]], numbers: dict[int, tuple[int | None, Format]],
                 repeat: dict[int, str], carried: str | None = None) -> int:
            """Write one logical row from sheet row ``r``; return the last sheet row used. ``carried``:
            the key a member's sub-row prints when it opens a page (「R-0016（続き）」, as the PDF)."""
            cells: dict[int, tuple[list[str], Format]] = {c: (broken(c, t), f) for c, (t, f) in texts.items()}
            need = max((len(ls) for ls, _ in cells.values()), default=1)
            first = True
            opened = False  # this row's first part opens a page
            start = 0
            while True:
                fits = int((room - page["y"] - ROW_PAD_PT) // LINE_PT)
                left = need - start
                # as the PDF: a short row moves whole to the next page, a tall one fills this page first
                short = left * LINE_PT <= max(room / 4, 8 * LINE_PT)
                if fits < left and (short or fits < 3) and page["y"] > page["head"] + 1e-6:
                    new_page(r)
                    opened = first
                    fits = int((room - page["y"] - ROW_PAD_PT) // LINE_PT)
                step = max(1, min(most, fits))
                for c in range(len(columns)):
                    if c in numbers:
                        value, fmt = numbers[c]
                        if first and value is not None:
                            ws.write_number(r, c, value, fmt)
                        else:
                            ws.write_blank(r, c, None, cell_fmt)
                        continue
                    part, fmt = cells.get(c, ([], cell_fmt))
                    chunk = part[start:start + step]
                    if not first and c in repeat and not chunk:
                        chunk = broken(c, repeat[c])
                    elif opened and c == 0 and carried and not chunk:
                        chunk = broken(c, carried)
                    if chunk:
                        ws.write_string(r, c, "\n".join(chunk), fmt)
                        lines[r] = max(lines.get(r, 1), len(chunk))
                    else:
                        ws.write_blank(r, c, None, fmt)
                page["y"] += lines.get(r, 1) * LINE_PT + ROW_PAD_PT
                band.clear()
                start += step
                if start >= need:
                    return r
                r += 1
                first = False

        title = sheet_title(table)
        ws.write_string(0, 0, title, title_fmt)
        ws.write_string(1, last, as_of_text(created_on or today()), date_fmt)
        ws.write_string(1, 0, meta_text(table), meta_fmt)
        ws.merge_range(2, 0, HEADER_ROW - 1, last, "\n".join(legend), legend_fmt)
        for i, (heading, _) in enumerate(columns):
            put(HEADER_ROW, i, heading, head_fmt, keep=heads + words)
        page["head"] = lines[HEADER_ROW] * LINE_PT + ROW_PAD_PT  # the headings repeat on every page
        page["y"] = sum(top_rows.values()) + page["head"]
        r = HEADER_ROW
        group = None
        n = 0
        bands: list[int] = []
        tail_col = len(_LEAD) + len(middle)
        for row in table.rows:
            g = " ＞ ".join(x for x in (row.subcommittee, row.business_system) if x) or "（業務未設定）"
            if g != group:
                group = g
                r += 1
                ws.merge_range(r, 0, r, last, g, group_fmt)
                bands.append(r)
                band.clear()
                place(r, BOOK_ROW_PX * 0.75, keep=3 * LINE_PT + ROW_PAD_PT)  # never alone at a page's foot
                band.append((r, BOOK_ROW_PX * 0.75))
            lead = [row.key, row.target_code or "（新規）", row.business_system or "", _lead_text(row), row.fit or ""]
            repeat = {0: f"{row.key}\n（続き）", tail_col + 1: row.status_label, tail_col + 2: row.decision}
            subrows = (row.asking or (None,)) if table.long_layout else (None,)
            for k, c in enumerate(subrows):
                n += 1
                texts: dict[int, tuple[str, Format]] = {}
                numbers: dict[int, tuple[int | None, Format]] = {}
                if k == 0:
                    texts.update({i: (v, center_fmt if i == 4 else cell_fmt) for i, v in enumerate(lead)})
                    numbers[tail_col] = (row.estimate, yen_fmt)
                    texts[tail_col + 1] = (row.status_label, cell_fmt)
                    texts[tail_col + 2] = (row.decision, cell_fmt)
                else:
                    numbers[tail_col] = (None, cell_fmt)
                if table.long_layout:
                    base = len(_LEAD)
                    numbers[base + 2] = (c.annual_cases if c is not None else None, count_fmt)
                    if c is not None:
                        texts[base] = (c.member, cell_fmt)
                        texts[base + 1] = (("［取下げ］" if c.withdrawn else "") + c.content +
                                           (f"\n代替運用案: {c.workaround}" if c.workaround else ""), cell_fmt)
                        texts[base + 3] = (c.reason_label, cell_fmt)
                        texts[base + 4] = (f"{c.service_drop_label}\n{c.service_drop_detail}", cell_fmt)
                        repeat = {**repeat, base: c.member}
                else:
                    texts.update({len(_LEAD) + i: (cell_text(cell), cell_fmt) for i, cell in enumerate(row.cells)})
                r = emit(r + 1, texts, numbers, repeat, repeat[0] if k else None)
        heights = {}
        for row_no, n_lines in lines.items():
            heights[row_no] = min(MAX_ROW_PT, n_lines * LINE_PT + ROW_PAD_PT)
            ws.set_row(row_no, heights[row_no])
        ws.freeze_panes(HEADER_ROW + 1, 4)
        ws.repeat_rows(HEADER_ROW)
        plan.apply(ws)
        ws.set_header(header_text(right=doc_number))
        ws.set_footer(footer_text(left=f"{table.consortium}　{title}"))
        # Pages broken by hand: a group band always starts a page with its first row under it.
        ws.set_h_pagebreaks(breaks)
        ws.print_area(0, 0, r, last)
    finally:
        wb.close()
    return n

"""カスタマイズ要望比較一覧表 as .xlsx (XlsxWriter), for members who want to edit it: the same
columns as the PDF, header rows repeated on every printed page, landscape, fit to the paper's
width, wrapped text, A3 or A4, dated (令和8年11月22日現在) under the 資料番号.

Spreadsheets do not grow a row for wrapped text when they open a file (LibreOffice prints such a
row one line high), so every row gets an explicit height from the lines its cells need, estimated
from the column widths and the characters' widths (full-width counts two)."""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

import xlsxwriter

from ..ops.comparison import ComparisonCell, ComparisonTable
from ..vocab import FIT_LABELS
from ..wareki import to_wareki
from ..workflow import STATUS_LABELS
from .comparison_pdf import KEEP_CHARS, TITLE, as_of_text
from .pdf_base import NO_START, today

PAPER_CODES = {"a3": 8, "a4": 9}  # Excel's paper size numbers
_LEAD = (("要望番号", 9), ("機能ID", 10), ("業務", 12), ("機能名・要望名", 26), ("適合", 6))
_TAIL = (("見積額", 12), ("状態", 10), ("決定内容", 34))  # 状態: widened to カスタマイズ実施
_LONG = (("団体", 12), ("要望内容", 44), ("年間件数", 10), ("理由", 20), ("住民サービス水準への影響", 36))
HEADER_ROW = 4  # 0-based row of the column headings (title, meta, legend and a blank line above)
# The workbook's own font (its Normal style) is the cells' 9 pt BIZ UDGothic, so Excel and
# LibreOffice both measure a column width unit as one of its digits, 6 px: a half-width
# character is one unit, a full-width one two. Without this LibreOffice measured the units with
# whatever stood in for Calibri and the estimates below were a third off. The font's ascent plus
# descent is exactly 1 em, so a wrapped line is 9 pt in LibreOffice (about 9.75 in Excel); it is
# taken as 10.5 pt here, and an estimate errs towards one line too many: better air than a cut.
BOOK_FONT = {"font_name": "BIZ UDGothic", "font_size": 9}
BOOK_COLUMN_PX, BOOK_ROW_PX = 56, 16  # XlsxWriter's metrics for a 6 px digit (5 px padding)
LINE_PT, ROW_PAD_PT, MAX_ROW_PT = 10.5, 4.0, 409.0


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


def _width_for(texts, least: float) -> float:
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
                  (_LONG[2][0], _width_for(counts, _LONG[2][1])), *_LONG[3:]]
    else:
        middle = [(m, _width_for([m] if len(m) <= KEEP_CHARS else [], 24)) for m in table.members]
    return [*_LEAD, *middle, (_TAIL[0][0], _width_for(amounts, _TAIL[0][1])),
            (_TAIL[1][0], _width_for(STATUS_LABELS.values(), _TAIL[1][1])), _TAIL[2]]


def write_comparison_xlsx(path: str | Path, table: ComparisonTable, *, paper: str = "a3", doc_number: str = "資料1",
                          created_on: dt.date | None = None) -> int:
    """Write the comparison table dated ``created_on`` (today if None); return the number of data rows written."""
    wb = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "default_format_properties": BOOK_FONT,
                                         "default_column_width": BOOK_COLUMN_PX, "default_row_height": BOOK_ROW_PX})
    try:
        font = {"font_name": "BIZ UDGothic", "font_size": 9}
        title_fmt = wb.add_format({**font, "bold": True, "font_size": 14})
        meta_fmt = wb.add_format({**font, "font_size": 10})
        legend_fmt = wb.add_format({**font, "font_color": "#555555"})
        docno_fmt = wb.add_format({**font, "bold": True, "font_size": 11, "border": 1, "align": "center"})
        head_fmt = wb.add_format({**font, "bold": True, "bg_color": "#DDDDDD", "border": 1, "align": "center",
                                  "valign": "vcenter", "text_wrap": True})
        group_fmt = wb.add_format({**font, "bold": True, "bg_color": "#EEEEEE", "border": 1})
        cell_fmt = wb.add_format({**font, "border": 1, "valign": "top", "text_wrap": True})
        center_fmt = wb.add_format({**font, "border": 1, "valign": "top", "align": "center"})
        yen_fmt = wb.add_format({**font, "border": 1, "valign": "top", "num_format": '#,##0"円"'})
        count_fmt = wb.add_format({**font, "border": 1, "valign": "top", "num_format": '#,##0"件"'})
        ws = wb.add_worksheet("比較一覧表")
        date_fmt = wb.add_format({**font, "font_size": 10, "align": "right"})
        columns = _columns(table)
        middle = columns[len(_LEAD):len(columns) - len(_TAIL)]
        last = len(columns) - 1
        for i, (_, width) in enumerate(columns):
            ws.set_column(i, i, width)
        lines: dict[int, int] = {}  # row → the most lines one of its cells needs

        def put(row: int, col: int, text: str, fmt) -> None:
            ws.write_string(row, col, text, fmt)
            lines[row] = max(lines.get(row, 1), wrapped_lines(text, columns[col][1]))

        ws.write_string(0, 0, TITLE, title_fmt)
        ws.write_string(0, last, doc_number, docno_fmt)
        ws.write_string(1, last, as_of_text(created_on or today()), date_fmt)
        meta = "　".join(x for x in (table.consortium, table.subcommittee and f"{table.subcommittee}部会", table.meeting,
                                    to_wareki(table.meeting_date) if table.meeting_date else None) if x)
        ws.write_string(1, 0, meta, meta_fmt)
        ws.write_string(2, 0, "適合度　" + "　".join(f"{m} {t}" for m, t in FIT_LABELS.items()) + "　　状態　" +
                        "　".join(STATUS_LABELS.values()), legend_fmt)
        for i, (title, _) in enumerate(columns):
            put(HEADER_ROW, i, title, head_fmt)
        r = HEADER_ROW
        group = None
        n = 0
        for row in table.rows:
            g = " ＞ ".join(x for x in (row.subcommittee, row.business_system) if x) or "（業務未設定）"
            if g != group:
                group = g
                r += 1
                ws.merge_range(r, 0, r, last, g, group_fmt)
            lead = [row.key, row.function_code or "（新規）", row.business_system or "",
                    (row.function_name or row.title) + (f"\n（{row.title}）" if row.title and row.title != row.function_name else "")
                    + (f"\n{row.peer_line}" if row.peer_line else ""),  # peer evidence under the item
                    row.fit or ""]
            tail_col = len(_LEAD) + len(middle)
            subrows = (row.asking or (None,)) if table.long_layout else (None,)
            for k, c in enumerate(subrows):
                r += 1
                n += 1
                if k == 0:
                    for i, v in enumerate(lead):
                        put(r, i, v, center_fmt if i == 4 else cell_fmt)
                    if row.estimate is not None:
                        ws.write_number(r, tail_col, row.estimate, yen_fmt)
                    else:
                        ws.write_blank(r, tail_col, None, cell_fmt)
                    put(r, tail_col + 1, row.status_label, cell_fmt)
                    put(r, tail_col + 2, row.decision, cell_fmt)
                else:
                    for i in list(range(len(_LEAD))) + [tail_col, tail_col + 1, tail_col + 2]:
                        ws.write_blank(r, i, None, cell_fmt)
                if table.long_layout:
                    base = len(_LEAD)
                    if c is None:
                        for i in range(len(_LONG)):
                            ws.write_blank(r, base + i, None, cell_fmt)
                        continue
                    put(r, base, c.member, cell_fmt)
                    put(r, base + 1, ("［取下げ］" if c.withdrawn else "") + c.content +
                        (f"\n代替運用案: {c.workaround}" if c.workaround else ""), cell_fmt)
                    if c.annual_cases is not None:
                        ws.write_number(r, base + 2, c.annual_cases, count_fmt)
                    else:
                        ws.write_blank(r, base + 2, None, cell_fmt)
                    put(r, base + 3, c.reason_label, cell_fmt)
                    put(r, base + 4, f"{c.service_drop_label}\n{c.service_drop_detail}", cell_fmt)
                else:
                    for i, cell in enumerate(row.cells):
                        put(r, len(_LEAD) + i, cell_text(cell), cell_fmt)
        for row_no, n_lines in lines.items():
            ws.set_row(row_no, min(MAX_ROW_PT, n_lines * LINE_PT + ROW_PAD_PT))
        ws.freeze_panes(HEADER_ROW + 1, 4)
        ws.repeat_rows(HEADER_ROW)
        ws.set_landscape()
        ws.set_paper(PAPER_CODES[paper])
        ws.fit_to_pages(1, 0)
        ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
        ws.set_footer("&C&P / &N")
        ws.print_area(0, 0, r, last)
    finally:
        wb.close()
    return n

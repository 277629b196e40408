"""費用負担一覧 as .xlsx (XlsxWriter): amounts as numbers with a 円 format, so members can add
them up; totals as formulas; landscape, heading row repeated on every printed page; the date
(…現在) under the title, the 資料番号 in the page header and the consortium and "n / N" in the
page footer of every printed page (in BIZ UDGothic), and the PDF's footnote under the table. An
open item's shares are numbers formatted 「…円（見込）」 and its members without an estimate read
未定, as in the PDF.

It prints as the PDF does: text cells hold the PDF line breaker's lines (names, labels and
amounts whole), the print scale is fixed so that 9 pt prints at 7 pt or more, and when the
members' columns cannot be held side by side at that size (twelve members with long names),
the sheet lists the bearing members under each item instead, with each member's total below."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.utility import xl_rowcol_to_cell
from xlsxwriter.worksheet import Worksheet

from ..domain.wareki import to_wareki
from ..domain.workflow import STATUS_LABELS
from ..ops.costs import CostTable
from .comparison_xlsx import BOOK_COLUMN_PX, BOOK_FONT, BOOK_ROW_PX, LINE_PT, ROW_PAD_PT, text_units
from .cost_table_pdf import TITLE, footnote, method_cell, share_text
from .pdf_base import CONTINUED, GOTHIC, wrap_text
from .xlsx_print import PrintPlan, column_pt, footer_text, header_text

HEADER_ROW = 3  # 0-based row of the column headings
FONT = {"font_name": "BIZ UDGothic", "font_size": 9}


Put = Callable[[int, int, str, Format], None]


def _width(texts: Iterable[str], least: float) -> float:
    """Units in which each line of each text fits whole (full-width counts two), at least ``least``."""
    return max([least] + [text_units(line) + 2 for t in texts for line in t.split("\n")])


def _wide_columns(table: CostTable) -> list[tuple[str, float]]:
    heads = ["要望番号", "要望名", "状態", "見積額", "按分方法"]
    amounts = [f"{r.estimate:,}円" for r in table.rows if r.estimate is not None]
    cols = [(heads[0], _width([r.key for r in table.rows], 10)), (heads[1], 30.0),
            (heads[2], _width(STATUS_LABELS.values(), 10)), (heads[3], _width(amounts + [f"{table.total:,}円"], 12)),
            (heads[4], _width([method_cell(r.rule_text) for r in table.rows], 12))]
    for i, (m, p) in enumerate(zip(table.members, table.populations, strict=True)):
        cells = [share_text(r, i).replace("\n", "") for r in table.rows] + [f"{table.member_totals[i]:,}円"]
        cols.append((f"{m}\n（{p:,}人）", _width([m, f"（{p:,}人）", *cells], 12)))
    return cols


def _long_columns(table: CostTable) -> list[tuple[str, float]]:
    amounts = [f"{r.estimate:,}円" for r in table.rows if r.estimate is not None]
    shares = [share_text(r, i).replace("\n", "") for r in table.rows for i in range(len(table.members))]
    return [("要望番号", _width([r.key for r in table.rows], 10)), ("要望名", 34.0),
            ("状態", _width(STATUS_LABELS.values(), 10)), ("見積額", _width(amounts, 12)),
            ("按分方法", _width([method_cell(r.rule_text) for r in table.rows], 12)),
            ("負担団体", _width(table.members, 12)), ("負担額", _width(shares + [f"{table.total:,}円"], 12))]


def _fill(columns: list[tuple[str, float]], plan: PrintPlan) -> list[tuple[str, float]]:
    """At full scale with room to spare, 要望名 takes the rest of the paper's width."""
    if plan.scale < 100:
        return columns
    spare_pt = PrintPlan.printable_width(plan.paper) - sum(column_pt(w) for _, w in columns) - 2
    extra = int(spare_pt / 0.75 / 6)
    return [(t, w + extra if t == "要望名" and extra > 0 else w) for t, w in columns]


def _plan(table: CostTable) -> tuple[bool, list[tuple[str, float]], PrintPlan]:
    """(long layout?, columns, print plan): members side by side on A4 (up to 8) or A3 if that prints
    at 7 pt or more (要望名 narrowed first), else one sub-row per bearing member on A4."""
    papers = ("a4", "a3") if len(table.members) <= 8 else ("a3",)
    for paper in papers:
        columns = _wide_columns(table)
        plan = PrintPlan.for_columns([w for _, w in columns], paper=paper)
        if not plan.ok:
            columns = PrintPlan.narrow(columns, {"要望名"}, paper=paper, least={"要望名": 16})
            plan = PrintPlan.for_columns([w for _, w in columns], paper=paper)
        if plan.ok:
            return False, _fill(columns, plan), plan
    columns = _long_columns(table)
    plan = PrintPlan.for_columns([w for _, w in columns], paper="a4")
    if not plan.ok:
        columns = PrintPlan.narrow(columns, {"要望名"}, paper="a4", least={"要望名": 16})
        plan = PrintPlan.for_columns([w for _, w in columns], paper="a4")
    return True, _fill(columns, plan), plan


def write_cost_table_xlsx(path: str | Path, table: CostTable, *, issued_on: dt.date | None = None,
                          doc_number: str | None = None) -> int:
    """Write the cost table; return the number of item rows."""
    long, columns, plan = _plan(table)
    words = (*table.members, *STATUS_LABELS.values(), "（見込）", "未定", "要望番号", "要望名", "見積額", "按分方法",
             "負担団体", "負担額", *{p for r in table.rows for p in method_cell(r.rule_text).split("\n")})
    wb = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "default_format_properties": BOOK_FONT,
                                         "default_column_width": BOOK_COLUMN_PX, "default_row_height": BOOK_ROW_PX})
    try:
        fmt = {
            "title": wb.add_format({**FONT, "bold": True, "font_size": 14}),
            "meta": wb.add_format({**FONT, "font_size": 10}),
            "head": wb.add_format({**FONT, "bold": True, "bg_color": "#DDDDDD", "border": 1, "align": "center",
                                   "valign": "vcenter", "text_wrap": True}),
            "cell": wb.add_format({**FONT, "border": 1, "valign": "top", "text_wrap": True}),
            "yen": wb.add_format({**FONT, "border": 1, "valign": "top", "num_format": '#,##0"円"'}),
            "total_label": wb.add_format({**FONT, "bold": True, "border": 1, "bg_color": "#EEEEEE"}),
            "total": wb.add_format({**FONT, "bold": True, "border": 1, "bg_color": "#EEEEEE",
                                    "num_format": '#,##0"円"'}),
            "forecast": wb.add_format({**FONT, "border": 1, "valign": "top", "num_format": '#,##0"円（見込）"'}),
            "unknown": wb.add_format({**FONT, "border": 1, "valign": "top", "align": "right"}),
            "note": wb.add_format({**FONT, "font_color": "#444444", "text_wrap": True, "valign": "top"}),
        }
        ws = wb.add_worksheet("費用負担一覧")
        for i, (_, w) in enumerate(columns):
            ws.set_column(i, i, w)
        lines: dict[int, int] = {}

        def put(r: int, c: int, text: str, f: Format) -> None:
            value = "\n".join(part for para in text.split("\n")
                              for part in (wrap_text(para, plan.inner_pt(columns[c][1]), GOTHIC, 9.0, words) or [""]))
            ws.write_string(r, c, value, f)
            lines[r] = max(lines.get(r, 1), value.count("\n") + 1)

        ws.write_string(0, 0, TITLE, fmt["title"])
        ws.set_row(0, 22)
        when = to_wareki(issued_on or dt.date.today())
        basis = f"　人口基準日 {to_wareki(table.population_date)}" if table.population_date else ""
        meta = f"{table.consortium}　{when}現在　按分ルール：{table.rule_text}{basis}"
        # on the rows above the headings, broken to the printed width (it ran off the page)
        for k, line in enumerate(wrap_text(meta, plan.inner_pt(sum(w for _, w in columns)), GOTHIC, 10.0, words)[:2]):
            ws.write_string(1 + k, 0, line, fmt["meta"])
            ws.set_row(1 + k, 15)
        for c, (h, _) in enumerate(columns):
            put(HEADER_ROW, c, h, fmt["head"])
        continues: dict[int, str] = {}  # sheet row of a member's sub-row → its item's key
        if long:
            r = _write_long_rows(ws, table, put, fmt, continues)
        else:
            r = _write_wide_rows(ws, table, put, fmt)
        note_row = r + 2
        note = footnote(table, blank_means=not long)
        note_lines = wrap_text(note, plan.inner_pt(sum(w for _, w in columns)), GOTHIC, 9.0, words)
        ws.merge_range(note_row, 0, note_row, len(columns) - 1, "\n".join(note_lines), fmt["note"])
        lines[note_row] = len(note_lines)
        # A sub-row that opens a page says which item it goes on, 「R-0003（続き）」 as the PDF and
        # the comparison do; its taller key cell can move the breaks after it, so they are laid out
        # again until they hold (``tall`` only grows: a row once given the room keeps it).
        cont_lines = {b: wrap_text(f"{k}{CONTINUED}", plan.inner_pt(columns[0][1]), GOTHIC, 9.0, (*words, CONTINUED))
                      for b, k in continues.items()}
        tall: set[int] = set()
        while True:
            heights = {row_no: max(n, len(cont_lines[row_no]) if row_no in tall else 1) * LINE_PT + ROW_PAD_PT
                       for row_no, n in lines.items()}
            row_heights = [heights.get(i, {0: 22.0, 1: 15.0, 2: 15.0}.get(i, BOOK_ROW_PX * 0.75))
                           for i in range(note_row + 1)]
            # the note never opens a page alone: the table's last row, the gap and the note go together
            breaks = plan.page_breaks(row_heights, header_rows=HEADER_ROW + 1,
                                      keep_with_next={note_row - 2, note_row - 1})
            opened = {b for b in breaks if b in continues}
            if opened <= tall:
                break
            tall |= opened
        for b in sorted(opened):
            ws.write_string(b, 0, "\n".join(cont_lines[b]), fmt["cell"])
        for row_no, height in heights.items():
            ws.set_row(row_no, height)
        # Printed header and footer as in the PDF, in BIZ UDGothic: the 資料番号 on every page.
        ws.set_header(header_text(right=(doc_number or "").strip() or None))
        ws.set_footer(footer_text(left=table.consortium))
        ws.freeze_panes(HEADER_ROW + 1, 2)
        ws.repeat_rows(HEADER_ROW)
        plan.apply(ws)
        ws.set_h_pagebreaks(breaks)
        ws.print_area(0, 0, note_row, len(columns) - 1)
    finally:
        wb.close()
    return len(table.rows)


def _write_wide_rows(ws: Worksheet, table: CostTable, put: Put, fmt: dict[str, Format]) -> int:
    """One row per item, one column per member, then the totals row; return the totals row."""
    r = HEADER_ROW
    for r, row in enumerate(table.rows, start=HEADER_ROW + 1):
        put(r, 0, row.key, fmt["cell"])
        put(r, 1, row.title, fmt["cell"])
        put(r, 2, row.status_label, fmt["cell"])
        if row.estimate is None:
            put(r, 3, "未定", fmt["cell"])
        else:
            ws.write_number(r, 3, row.estimate, fmt["yen"])
        put(r, 4, method_cell(row.rule_text), fmt["cell"])
        for i, v in enumerate(row.shares):
            kind = row.cell(i)
            if kind == "unknown":
                ws.write_string(r, 5 + i, "未定", fmt["unknown"])
            elif kind == "none":
                ws.write_blank(r, 5 + i, None, fmt["cell"])
            else:  # a share or a forecast: the kinds that have an amount
                ws.write_number(r, 5 + i, v or 0, fmt["forecast"] if kind == "forecast" else fmt["yen"])
    total_row = r + 1
    ws.write_string(total_row, 0, "合計", fmt["total_label"])
    for c in (1, 2, 4):
        ws.write_blank(total_row, c, None, fmt["total_label"])
    first, last = HEADER_ROW + 1, total_row - 1
    values = [table.total] + list(table.member_totals)
    for c, v in zip([3] + list(range(5, 5 + len(table.members))), values, strict=True):
        if table.rows:
            formula = f"=SUM({xl_rowcol_to_cell(first, c)}:{xl_rowcol_to_cell(last, c)})"
            ws.write_formula(total_row, c, formula, fmt["total"], v)
        else:
            ws.write_number(total_row, c, v, fmt["total"])
    return total_row


def _write_long_rows(ws: Worksheet, table: CostTable, put: Put, fmt: dict[str, Format],
                     continues: dict[int, str]) -> int:
    """Under each item one row per bearing member (its share), then each member's total; return the
    last row written. ``continues`` gets each member sub-row after an item's first: row → key."""
    r = HEADER_ROW
    share_rows: dict[int, list[int]] = {i: [] for i in range(len(table.members))}
    for row in table.rows:
        bearing: list[int | None] = [i for i in range(len(table.members)) if row.cell(i) != "none"] or [None]
        for k, i in enumerate(bearing):
            r += 1
            if k == 0:
                put(r, 0, row.key, fmt["cell"])
                put(r, 1, row.title, fmt["cell"])
                put(r, 2, row.status_label, fmt["cell"])
                if row.estimate is None:
                    put(r, 3, "未定", fmt["cell"])
                else:
                    ws.write_number(r, 3, row.estimate, fmt["yen"])
                put(r, 4, method_cell(row.rule_text), fmt["cell"])
            else:
                continues[r] = row.key
                for c in range(5):
                    ws.write_blank(r, c, None, fmt["cell"])
            if i is None:
                ws.write_blank(r, 5, None, fmt["cell"])
                ws.write_blank(r, 6, None, fmt["cell"])
                continue
            put(r, 5, table.members[i], fmt["cell"])
            kind = row.cell(i)
            if kind == "unknown":
                ws.write_string(r, 6, "未定", fmt["unknown"])
            else:
                ws.write_number(r, 6, row.shares[i] or 0, fmt["forecast"] if kind == "forecast" else fmt["yen"])
                share_rows[i].append(r)
    r += 2
    ws.merge_range(r, 0, r, 6, "団体別の負担額の合計", fmt["total_label"])
    for i, (m, v) in enumerate(zip(table.members, table.member_totals, strict=True)):
        r += 1
        put(r, 5, m, fmt["cell"])
        cells = ",".join(xl_rowcol_to_cell(x, 6) for x in share_rows[i])
        if cells:
            ws.write_formula(r, 6, f"=SUM({cells})", fmt["yen"], v)
        else:
            ws.write_number(r, 6, v, fmt["yen"])
    r += 1
    ws.write_string(r, 5, "合計", fmt["total_label"])
    ws.write_number(r, 6, table.total, fmt["total"])
    return r

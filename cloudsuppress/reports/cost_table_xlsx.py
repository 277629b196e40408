"""費用負担一覧 as .xlsx (XlsxWriter): amounts as numbers with a 円 format, so members can add
them up; totals as formulas; landscape, heading row repeated on every printed page; the date
(…現在) and, when given, the 資料番号 at the top right, the consortium and "n / N" in the printed
footer, and the PDF's footnote under the table. An open item's shares are numbers formatted
「…円（見込）」 and its members without an estimate read 未定, as in the PDF."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell

from ..ops.costs import CostTable
from ..wareki import to_wareki
from .cost_table_pdf import TITLE, footnote

HEADER_ROW = 3  # 0-based row of the column headings


def write_cost_table_xlsx(path: str | Path, table: CostTable, *, issued_on: dt.date | None = None,
                          doc_number: str | None = None) -> int:
    """Write the cost table; return the number of item rows."""
    wb = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False})
    try:
        font = {"font_name": "BIZ UDGothic", "font_size": 9}
        title_fmt = wb.add_format({**font, "bold": True, "font_size": 14})
        meta_fmt = wb.add_format({**font, "font_size": 10})
        docno_fmt = wb.add_format({**font, "bold": True, "font_size": 11, "border": 1, "align": "center"})
        head_fmt = wb.add_format({**font, "bold": True, "bg_color": "#DDDDDD", "border": 1, "align": "center",
                                  "valign": "vcenter", "text_wrap": True})
        cell_fmt = wb.add_format({**font, "border": 1, "valign": "top", "text_wrap": True})
        yen_fmt = wb.add_format({**font, "border": 1, "valign": "top", "num_format": '#,##0"円"'})
        total_label = wb.add_format({**font, "bold": True, "border": 1, "bg_color": "#EEEEEE"})
        total_fmt = wb.add_format({**font, "bold": True, "border": 1, "bg_color": "#EEEEEE", "num_format": '#,##0"円"'})
        forecast_fmt = wb.add_format({**font, "border": 1, "valign": "top", "num_format": '#,##0"円（見込）"'})
        unknown_fmt = wb.add_format({**font, "border": 1, "valign": "top", "align": "right"})
        note_fmt = wb.add_format({**font, "font_color": "#444444", "text_wrap": True, "valign": "top"})
        ws = wb.add_worksheet("費用負担一覧")
        headers = ["要望番号", "要望名", "状態", "見積額", "按分方法"] + [
            f"{m}\n（{p:,}人）" for m, p in zip(table.members, table.populations)]
        for i, w in enumerate([10, 30, 12, 13, 22] + [13] * len(table.members)):
            ws.set_column(i, i, w)
        ws.write_string(0, 0, TITLE, title_fmt)
        if doc_number and doc_number.strip():
            ws.write_string(0, len(headers) - 1, doc_number.strip(), docno_fmt)
        when = to_wareki(issued_on or dt.date.today())
        basis = f"　人口基準日 {to_wareki(table.population_date)}" if table.population_date else ""
        ws.write_string(1, 0, f"{table.consortium}　{when}現在　按分ルール：{table.rule_text}{basis}", meta_fmt)
        ws.set_row(HEADER_ROW, 30)
        for c, h in enumerate(headers):
            ws.write_string(HEADER_ROW, c, h, head_fmt)
        r = HEADER_ROW
        for r, row in enumerate(table.rows, start=HEADER_ROW + 1):
            ws.write_string(r, 0, row.key, cell_fmt)
            ws.write_string(r, 1, row.title, cell_fmt)
            ws.write_string(r, 2, row.status_label, cell_fmt)
            if row.estimate is None:
                ws.write_string(r, 3, "未定", cell_fmt)
            else:
                ws.write_number(r, 3, row.estimate, yen_fmt)
            ws.write_string(r, 4, row.rule_text, cell_fmt)
            for i, v in enumerate(row.shares):
                kind = row.cell(i)
                if kind == "unknown":
                    ws.write_string(r, 5 + i, "未定", unknown_fmt)
                elif kind == "none":
                    ws.write_blank(r, 5 + i, None, cell_fmt)
                else:
                    ws.write_number(r, 5 + i, v, forecast_fmt if kind == "forecast" else yen_fmt)
        total_row = r + 1
        ws.write_string(total_row, 0, "合計", total_label)
        for c in (1, 2, 4):
            ws.write_blank(total_row, c, None, total_label)
        first, last = HEADER_ROW + 1, total_row - 1
        values = [table.total] + list(table.member_totals)
        for c, v in zip([3] + list(range(5, 5 + len(table.members))), values):
            if table.rows:
                formula = f"=SUM({xl_rowcol_to_cell(first, c)}:{xl_rowcol_to_cell(last, c)})"
                ws.write_formula(total_row, c, formula, total_fmt, v)
            else:
                ws.write_number(total_row, c, v, total_fmt)
        note_row = total_row + 2
        ws.merge_range(note_row, 0, note_row, len(headers) - 1, footnote(table), note_fmt)
        ws.set_row(note_row, 40)
        # Printed footer as in the PDF: the consortium at the left, "n / N" at the right ("&" doubled: a code there).
        ws.set_footer(f"&L&9{table.consortium.replace('&', '&&')}&R&9&P / &N")
        ws.freeze_panes(HEADER_ROW + 1, 2)
        ws.repeat_rows(HEADER_ROW)
        ws.set_landscape()
        ws.set_paper(9 if len(table.members) <= 8 else 8)
        ws.fit_to_pages(1, 0)
    finally:
        wb.close()
    return len(table.rows)

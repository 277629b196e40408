"""カスタマイズ要望比較一覧表 as .xlsx (XlsxWriter), for members who want to edit it: the same
columns as the PDF, header rows repeated on every printed page, landscape, fit to the paper's
width, wrapped text, A3 or A4."""
from __future__ import annotations

from pathlib import Path

import xlsxwriter

from ..ops.comparison import ComparisonCell, ComparisonTable
from ..vocab import FIT_LABELS
from ..wareki import to_wareki
from ..workflow import STATUS_LABELS
from .comparison_pdf import TITLE

PAPER_CODES = {"a3": 8, "a4": 9}  # Excel's paper size numbers
_LEAD = (("要望番号", 9), ("機能ID", 10), ("業務", 14), ("機能名・要望名", 26), ("適合", 5))
_TAIL = (("見積額", 12), ("状態", 11), ("決定内容", 34))
_LONG = (("団体", 12), ("要望内容", 44), ("年間件数", 9), ("理由", 16), ("住民サービス水準への影響", 36))
HEADER_ROW = 4  # 0-based row of the column headings (title, meta, legend and a blank line above)


def cell_text(c: ComparisonCell | None) -> str:
    """One member's cell of the wide layout: ask, then 件数, 理由, 住民サービス on their own lines."""
    if c is None:
        return ""
    lines = (["［取下げ］"] if c.withdrawn else []) + [c.content]
    if c.annual_cases is not None:
        lines.append(f"件数 {c.annual_cases:,}件/年")
    lines += [f"理由 {c.reason_label}", f"住民サービス {c.service_drop_label}"]
    return "\n".join(lines)


def write_comparison_xlsx(path: str | Path, table: ComparisonTable, *, paper: str = "a3", doc_number: str = "資料1") -> int:
    """Write the comparison table; return the number of data rows written."""
    wb = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False})
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
        middle = list(_LONG) if table.long_layout else [(m, 24) for m in table.members]
        columns = list(_LEAD) + middle + list(_TAIL)
        last = len(columns) - 1
        for i, (_, width) in enumerate(columns):
            ws.set_column(i, i, width)
        ws.write_string(0, 0, TITLE, title_fmt)
        ws.write_string(0, last, doc_number, docno_fmt)
        meta = "　".join(x for x in (table.consortium, table.subcommittee and f"{table.subcommittee}部会", table.meeting,
                                    to_wareki(table.meeting_date) if table.meeting_date else None) if x)
        ws.write_string(1, 0, meta, meta_fmt)
        ws.write_string(2, 0, "適合度　" + "　".join(f"{m} {t}" for m, t in FIT_LABELS.items()) + "　　状態　" +
                        "　".join(STATUS_LABELS.values()), legend_fmt)
        for i, (title, _) in enumerate(columns):
            ws.write_string(HEADER_ROW, i, title, head_fmt)
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
                    (row.function_name or row.title) + (f"\n（{row.title}）" if row.title and row.title != row.function_name else ""),
                    row.fit or ""]
            tail_col = len(_LEAD) + len(middle)
            subrows = (row.asking or (None,)) if table.long_layout else (None,)
            for k, c in enumerate(subrows):
                r += 1
                n += 1
                if k == 0:
                    for i, v in enumerate(lead):
                        ws.write_string(r, i, v, center_fmt if i == 4 else cell_fmt)
                    if row.estimate is not None:
                        ws.write_number(r, tail_col, row.estimate, yen_fmt)
                    else:
                        ws.write_blank(r, tail_col, None, cell_fmt)
                    ws.write_string(r, tail_col + 1, row.status_label, cell_fmt)
                    ws.write_string(r, tail_col + 2, row.decision, cell_fmt)
                else:
                    for i in list(range(len(_LEAD))) + [tail_col, tail_col + 1, tail_col + 2]:
                        ws.write_blank(r, i, None, cell_fmt)
                if table.long_layout:
                    base = len(_LEAD)
                    if c is None:
                        for i in range(len(_LONG)):
                            ws.write_blank(r, base + i, None, cell_fmt)
                        continue
                    ws.write_string(r, base, c.member, cell_fmt)
                    ws.write_string(r, base + 1, ("［取下げ］" if c.withdrawn else "") + c.content +
                                    (f"\n代替運用案: {c.workaround}" if c.workaround else ""), cell_fmt)
                    if c.annual_cases is not None:
                        ws.write_number(r, base + 2, c.annual_cases, count_fmt)
                    else:
                        ws.write_blank(r, base + 2, None, cell_fmt)
                    ws.write_string(r, base + 3, c.reason_label, cell_fmt)
                    ws.write_string(r, base + 4, f"{c.service_drop_label}\n{c.service_drop_detail}", cell_fmt)
                else:
                    for i, cell in enumerate(row.cells):
                        ws.write_string(r, len(_LEAD) + i, cell_text(cell), cell_fmt)
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

"""費用負担一覧 as PDF: every customized item with each member's share and the members' totals,
A4 landscape (A3 for many members), heading row repeated on every page, "n / N"."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib.units import mm

from ..ops.costs import CostTable
from ..wareki import to_wareki
from .pdf_base import GOTHIC, GOTHIC_BOLD, PAPERS, Flow, yen

TITLE = "カスタマイズ経費 費用負担一覧"


def cost_table_cells(table: CostTable) -> tuple[list[str], list[list[str]]]:
    """Headings and rows (totals last) as the PDF prints them; the xlsx writes the numbers instead."""
    headers = ["要望番号", "要望名", "状態", "見積額", "按分方法"] + [
        f"{m}\n（{p:,}人）" for m, p in zip(table.members, table.populations)]
    rows = [[r.key, r.title, r.status_label, yen(r.estimate) or "未定", r.rule_text.split("（")[0]]
            + ["" if v is None else yen(v) for v in r.shares] for r in table.rows]
    rows.append(["", "合計", "", yen(table.total), ""] + [yen(v) for v in table.member_totals])
    return headers, rows


def write_cost_table_pdf(path: str | Path, table: CostTable, *, issued_on: dt.date | None = None,
                         doc_number: str | None = None) -> int:
    """Write the cost table; return the number of pages."""
    paper = PAPERS["a3"] if len(table.members) > 8 else PAPERS["a4"]
    f = Flow(paper, margin=12 * mm, bottom=14 * mm)
    f.paragraph(TITLE, font=GOTHIC_BOLD, size=15, align="c", leading=1.8)
    when = to_wareki(issued_on or dt.date.today())
    basis = f"　人口基準日 {to_wareki(table.population_date)}" if table.population_date else ""
    f.paragraph(f"{table.consortium}　{when}現在　按分ルール：{table.rule_text}{basis}", font=GOTHIC, size=9.5)
    f.space(2 * mm)
    headers, rows = cost_table_cells(table)
    widths = [13, 34, 17, 16, 20] + [16] * len(table.members)
    align = "lllrl" + "r" * len(table.members)
    if table.rows:
        f.table(headers, rows, widths, font=GOTHIC, head_font=GOTHIC_BOLD, size=8.5, align=align,
                shade_rows=frozenset({len(rows) - 1}))
    else:
        f.paragraph("カスタマイズの実施を決定した要望はありません。", font=GOTHIC, size=10)
    f.space(2 * mm)
    f.paragraph("各団体の負担額は、負担団体の人口（人口基準日現在）により按分し、端数は最大剰余法で調整しています。"
                "空欄はその要望を負担しない団体です。", font=GOTHIC, size=8.5, gray=0.3)
    return f.render(path, title=TITLE, author=table.consortium, footer_left=table.consortium,
                    doc_number=doc_number or None)

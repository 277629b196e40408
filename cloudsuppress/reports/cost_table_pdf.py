"""費用負担一覧 as PDF: every customized item with each member's share and the members' totals,
A4 landscape (A3 for many members), heading row repeated on every page, "n / N". With open items
(include_open) their shares are marked （見込） and their members without an estimate 未定, so a
blank cell still means "does not bear it"."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib.units import mm

from ..domain.wareki import to_wareki
from ..domain.workflow import STATUS_LABELS
from ..ops.costs import CostTable, CostTableRow
from .pdf_base import GOTHIC, GOTHIC_BOLD, PAPERS, Flow, yen

TITLE = "カスタマイズ経費 費用負担一覧"
WIDE_MAX = 12  # members beyond this do not fit one column each, even on A3
SIZE = 8.5


def method_cell(rule_text: str) -> str:
    """「均等割 50%・人口割 50%（円単位）」 → one part per line, without the unit (the heading states it):
    a narrow column then breaks between the parts, never inside 「人口割 50%」. A stored ratio printed
    as entered (「均等割：人口割 ＝ 1：2」) takes three lines, 「均等割：」「人口割」「＝ 1：2」."""
    return rule_text.split("（")[0].replace("・", "\n").replace("：人口割 ＝ ", "：\n人口割\n＝ ")


def share_text(row: CostTableRow, i: int) -> str:
    """Member ``i``'s cell: its share; an open item's share marked （見込）; 未定 for a member in an open
    item without an estimate; blank for a member that does not bear the item."""
    kind = row.cell(i)
    mark = "\n（要再決裁）" if row.reapproval and row.reapproval[i] else ""  # review R36
    if kind == "share":
        return yen(row.shares[i]) + mark
    if kind == "forecast":
        return f"{yen(row.shares[i])}\n（見込）" + mark
    return ("未定" + mark) if kind == "unknown" else ""


def footnote(table: CostTable, *, blank_means: bool = True) -> str:
    """What the cells mean, true for the rows listed (open items included or not)."""
    text = ("各団体の負担額は、協議会の按分ルールにより負担団体の間で按分し（人口割は人口基準日現在の人口による）、"
            "端数は最大剰余法で調整しています。")
    if blank_means:
        text += "空欄はその要望を負担しない団体です。"
    if table.has_open:
        text += ("状態が「要望」「検討中」の要望は未決定で、その額は現時点の見積額による見込み（「（見込）」と表示）、"
                 "「未定」は見積額が未定のため算定できない要望団体です。")
        if any(r.open and any(v is not None for v in r.shares) for r in table.rows):
            text += "合計には見込みの額を含みます。"
    if any(any(r.reapproval) for r in table.rows):
        text += ("「（要再決裁）」は、首長決裁の後に見積額・按分ルール・人口等の変更で負担額が変わり、"
                 "変更後の額による財政課協議・首長決裁が必要なものです。")
    return text


def cost_table_cells(table: CostTable) -> tuple[list[str], list[list[str]]]:
    """Headings and rows (totals last) as the PDF prints them; the xlsx writes the numbers instead."""
    headers = ["要望番号", "要望名", "状態", "見積額", "按分方法"] + [
        f"{m}\n（{p:,}人）" for m, p in zip(table.members, table.populations, strict=True)]
    rows = [[r.key, r.title, r.status_label, yen(r.estimate) or "未定", method_cell(r.rule_text)]
            + [share_text(r, i) for i in range(len(table.members))] for r in table.rows]
    rows.append(["", "合計", "", yen(table.total), ""] + [yen(v) for v in table.member_totals])
    return headers, rows


def _write_long(f: Flow, table: CostTable) -> None:
    """Many members: one sub-row per bearing member under each item, then each member's total."""
    rows: list[list[str]] = []
    continues: dict[int, str] = {}  # a member's sub-row: 「R-0003（続き）」 when it opens a page
    for r in table.rows:
        bearing = [(m, share_text(r, i)) for i, m in enumerate(table.members) if r.cell(i) != "none"] or [("", "")]
        for k, (m, text) in enumerate(bearing):
            lead = ([r.key, r.title, r.status_label, yen(r.estimate) or "未定", method_cell(r.rule_text)] if k == 0
                    else ["", "", "", "", ""])
            if k:
                continues[len(rows)] = r.key
            rows.append(lead + [m, text.replace("\n", "")])
    # 状態 as in the wide layout (an open item's shares are forecasts)
    f.table(["要望番号", "要望名", "状態", "見積額", "按分方法", "負担団体", "負担額"], rows, [0, 44, 0, 0, 8, 0, 0],
            font=GOTHIC, size=SIZE, align="lllrllr", continues=continues)
    f.heading("団体別の負担額の合計", font=GOTHIC_BOLD, size=11)
    counts = [sum(1 for r in table.rows if r.shares[i] is not None) for i in range(len(table.members))]
    totals = [[m, f"{p:,}人", f"{n:,}件", yen(v)] for m, p, n, v in
              zip(table.members, table.populations, counts, table.member_totals, strict=True)]
    totals.append(["合計", f"{sum(table.populations):,}人", "", yen(table.total)])
    f.table(["団体", "人口", "負担する要望", "負担額の合計"], totals, [30, 20, 20, 24], font=GOTHIC, size=SIZE,
            align="lrrr", shade_rows=frozenset({len(totals) - 1}))


def write_cost_table_pdf(path: str | Path, table: CostTable, *, issued_on: dt.date | None = None,
                         doc_number: str | None = None) -> int:
    """Write the cost table; return the number of pages. Up to WIDE_MAX members get one column
    each (A4, A3 above 8); more members are listed under each item instead (A4)."""
    words = (*table.members, *STATUS_LABELS.values(), "（見込）", "未定", "要望番号", "要望名", "見積額", "按分方法",
             "負担団体", "負担額", *{part for r in table.rows for part in method_cell(r.rule_text).split("\n")})
    headers, rows = cost_table_cells(table)
    long = len(table.members) > WIDE_MAX
    paper = PAPERS["a3"] if 8 < len(table.members) <= WIDE_MAX else PAPERS["a4"]
    if not long:  # member names, amounts and labels whole, side by side, or one sub-row per member
        for candidate in (paper, PAPERS["a3"]):
            probe = Flow(candidate, margin=12 * mm, words=words)
            # 要望名 keeps at least 10 characters a line, or the names go under each item instead
            if probe.fits(headers, rows, font=GOTHIC, size=SIZE, reserve=10 * SIZE):
                paper = candidate
                break
        else:
            long, paper = True, PAPERS["a4"]
    f = Flow(paper, margin=12 * mm, bottom=14 * mm, doc_number=doc_number, words=words)  # later pages below the box
    f.paragraph(TITLE, font=GOTHIC_BOLD, size=15, align="c", leading=1.8)
    when = to_wareki(issued_on or dt.date.today())
    basis = f"　人口基準日 {to_wareki(table.population_date)}" if table.population_date else ""
    f.paragraph(f"{table.consortium}　{when}現在　按分ルール：{table.rule_text}{basis}", font=GOTHIC, size=9.5)
    f.space(2 * mm)
    widths = [0, 34, 0, 0, 4] + [2] * len(table.members)  # names and amounts whole; the rest to 要望名
    align = "lllrl" + "r" * len(table.members)
    if table.rows and long:
        _write_long(f, table)
    elif table.rows:
        f.table(headers, rows, widths, font=GOTHIC, head_font=GOTHIC_BOLD, size=SIZE, align=align,
                shade_rows=frozenset({len(rows) - 1}))
    else:
        f.paragraph("カスタマイズの実施を決定した要望はありません。", font=GOTHIC, size=10)
    f.space(2 * mm)
    # the note goes with the table's last row: it never opens a page alone (it did, under the
    # stress database's totals, on an otherwise empty fifth page)
    f.paragraph(footnote(table, blank_means=not long), font=GOTHIC, size=SIZE, gray=0.3, with_previous=True)
    return f.render(path, title=TITLE, author=table.consortium, footer_left=table.consortium,
                    doc_number=doc_number or None)

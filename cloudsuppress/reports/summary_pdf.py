"""カスタマイズ抑制の取組状況: the summary report for the consortium's plenary meeting (協議会総会),
A4 portrait: the Toyama outcome table and the suppression rate, the per-member and
per-subcommittee tables with bar charts (reportlab graphics), the fit-gap rate, and the four
measures member by member.

reportlab's charts draw their labels in Helvetica unless told otherwise, and Helvetica is not
embedded: every label, axis and legend here names the embedded BIZ UD Gothic (``_font``), and
the tests check the PDF's fonts.
"""
from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from ..domain.wareki import to_wareki
from ..ops.measures import BRIEFING_NOT_HELD, Dashboard, format_share
from ..ops.summary import OUTCOME_LABELS, OutcomeRow, format_rate
from .pdf_base import GOTHIC, GOTHIC_BOLD, MINCHO, PAPERS, Flow, yen

TITLE = "カスタマイズ抑制の取組状況について"
BODY = 10.5
# Outcome colours that stay apart when printed in grey: dark, mid, light, white with a border.
SERIES = (
    ("customized", "カスタマイズ実施", colors.HexColor("#1F4E79")),
    ("standardized", "標準化", colors.HexColor("#5B9BD5")),
    ("withdrawn", "取下げ", colors.HexColor("#BDD7EE")),
    ("under_review", "検討中", colors.HexColor("#E0E0E0")),
    ("requested", "要望（未検討）", colors.white),
)


BAR = 5.5 * mm
ROW_HEIGHT = BAR * 1.6  # a bar and the gap to the next
CHART_FRAME = 22 * mm  # the title above the bars, the axis and the legend below


def _value_max(rows: tuple[OutcomeRow, ...]) -> tuple[int, int]:
    """(axis maximum, step) for the largest number of requests among ``rows``."""
    top = max((r.raised for r in rows), default=0)
    step = 1 if top <= 10 else 2 if top <= 20 else 5 if top <= 50 else 10
    return max(step, -(-top // step) * step), step


def outcome_charts(rows: tuple[OutcomeRow, ...], width: float, *, title: str, max_height: float) -> list[Drawing]:
    """The outcome chart for ``rows``, split into parts no taller than ``max_height`` (a page) when there are
    too many rows for one: each part has its own axis and legend, all share one scale, and the parts after
    the first are titled （続き）. The parts are as even as possible (34 members: 17 and 17, not 26 and 8)."""
    per_part = max(1, int((max_height - CHART_FRAME) // ROW_HEIGHT))
    parts = max(1, -(-len(rows) // per_part))
    size = max(1, -(-len(rows) // parts))
    scale = _value_max(rows)
    chunks = [rows[i:i + size] for i in range(0, len(rows), size)] or [rows]
    return [outcome_chart(chunk, width, title=title if k == 0 else f"{title}（続き）", scale=scale)
            for k, chunk in enumerate(chunks)]


def outcome_chart(rows: tuple[OutcomeRow, ...], width: float, *, title: str,
                  scale: tuple[int, int] | None = None) -> Drawing:
    """A stacked horizontal bar per row (member or subcommittee): customized, standardized, withdrawn, open.
    ``scale`` (axis maximum, step) defaults to the rows' own; the parts of a split chart share one."""
    bar = BAR
    label_w = 34 * mm
    plot_h = max(len(rows), 1) * ROW_HEIGHT
    height = plot_h + CHART_FRAME
    d = Drawing(width, height)
    d.add(String(0, height - 4 * mm, title, fontName=GOTHIC_BOLD, fontSize=9.5))
    ch = HorizontalBarChart()
    ch.x, ch.y = label_w, 12 * mm  # type: ignore[assignment]  # the stubs say int; reportlab takes points (floats)
    ch.width, ch.height = width - label_w - 8 * mm, plot_h  # type: ignore[assignment]  # the stubs say int; reportlab takes points (floats)
    # Top to bottom in table order: the chart draws its first category at the bottom.
    ordered = list(reversed(rows))
    ch.data = [[getattr(r, key) for r in ordered] for key, _, _ in SERIES]
    ch.categoryAxis.categoryNames = [r.name for r in ordered]
    ch.categoryAxis.style = "stacked"
    ch.categoryAxis.labels.fontName = GOTHIC
    ch.categoryAxis.labels.fontSize = 8
    ch.categoryAxis.labels.boxAnchor = "e"
    ch.categoryAxis.labels.dx = -2
    ch.valueAxis.labels.fontName = GOTHIC
    ch.valueAxis.labels.fontSize = 7.5
    ch.valueAxis.valueMin = 0
    ch.valueAxis.valueMax, ch.valueAxis.valueStep = scale or _value_max(rows)
    ch.valueAxis.labelTextFormat = "%d"
    ch.barWidth = bar  # type: ignore[assignment]  # the stubs say int; reportlab takes points (floats)
    ch.groupSpacing = bar * 0.6  # type: ignore[assignment]  # the stubs say int; reportlab takes points (floats)
    ch.barLabels.fontName = GOTHIC  # not shown, but named so no Helvetica can slip in
    for i, (_, _, colour) in enumerate(SERIES):
        ch.bars[i].fillColor = colour
        ch.bars[i].strokeColor = colors.HexColor("#404040")
        ch.bars[i].strokeWidth = 0.4
    d.add(ch)
    legend = Legend()
    legend.fontName = GOTHIC
    legend.fontSize = 8
    legend.x, legend.y = 12 * mm, 4 * mm  # type: ignore[assignment]  # stubs: int; reportlab takes floats. five entries: start left of the plot so the last one fits
    legend.alignment = "right"
    legend.columnMaximum = 1
    # Each entry as wide as its label needs (「カスタマイズ実施」 ran into the 標準化 swatch at 26 mm).
    widest = max(stringWidth(label, GOTHIC, legend.fontSize) for _, label, _ in SERIES)
    legend.dx = legend.dy = 3 * mm  # type: ignore[assignment]  # the stubs say int; reportlab takes points (floats)
    legend.deltax = max(22 * mm, widest + legend.dx + 4 * mm)  # type: ignore[assignment]  # the stubs say int; reportlab takes points (floats)
    legend.strokeColor = colors.HexColor("#404040")
    legend.strokeWidth = 0.4
    legend.colorNamePairs = [(colour, label) for _, label, colour in SERIES]
    d.add(legend)
    return d


def _fresh_page_height(f: Flow) -> float:
    """The height a new page of ``f`` offers (below whatever room it keeps at the top, such as under the
    資料番号 box): a chart part no taller than this always fits on a page of its own."""
    probe = copy.copy(f)
    probe.pages = [[("probe",)]]
    probe.new_page()
    return probe.y - probe.bottom


def _outcome_rows(rows: tuple[OutcomeRow, ...], costs: dict[str, int] | None = None) -> list[list[str]]:
    out = []
    for r in rows:
        cells = [r.name, f"{r.raised:,}", f"{r.customized:,}", f"{r.standardized:,}", f"{r.withdrawn:,}",
                 f"{r.under_review:,}", f"{r.requested:,}"]
        if costs is not None:
            cells.append(yen(costs.get(r.name, 0)))
        out.append(cells)
    return out


def write_summary_pdf(path: str | Path, dashboard: Dashboard, *, consortium: str, issued_on: dt.date | None = None,
                      doc_number: str | None = "資料2") -> int:
    """Write the summary report; return the number of pages."""
    issued_on = issued_on or dt.date.today()
    d = dashboard
    names = [r.name for r in d.outcome.members + d.outcome.subcommittees]
    f = Flow(PAPERS["a4-portrait"], margin=20 * mm, bottom=18 * mm,
             words=(*names, *dict(OUTCOME_LABELS).values(), "カスタマイズ", "標準化", "取下げ", "検討中", "要望", "負担額",
                    "未検討", "庁内説明会", "設問回答率", "選考会参加", "未了の決裁", "部会出席", "ギャップ率", "未評価", "対応不可",
                    "改修必要"))
    f.space(6 * mm)
    f.paragraph(TITLE, font=GOTHIC_BOLD, size=15, align="c", leading=1.8)
    f.paragraph(f"{consortium}　事務局", align="r", size=BODY)
    f.paragraph(f"{to_wareki(issued_on)}現在", align="r", size=BODY)

    f.heading("1　カスタマイズ要望の結果")
    o = d.outcome.consortium
    labels = dict(OUTCOME_LABELS)
    rows = [[labels[k], f"{getattr(o, k):,}"] for k in ("raised", "customized", "standardized", "withdrawn")]
    for key in ("under_review", "requested"):  # 検討中 and 要望 apart, as on the dashboard and the lists
        if getattr(o, key):
            rows.append([labels[key], f"{getattr(o, key):,}"])
    f.table(["項目", "項目数"], rows, [70, 20], indent=6 * mm, font=MINCHO, size=10, align="lr")
    f.space(1.5 * mm)
    f.paragraph(f"抑制率（決定した {d.decided} 項目のうち、カスタマイズを行わなかった {d.not_customized} 項目の割合）："
                f"{format_share(d.suppression_rate)}", indent=6 * mm, size=BODY, font=GOTHIC)

    f.heading("2　団体別の状況")
    costs = {m.member: m.cost_total for m in d.members}
    f.table(["団体", "要望", "カスタマイズ", "標準化", "取下げ", "検討中", "未検討", "負担額"],
            _outcome_rows(d.outcome.members, costs), [26, 12, 20, 12, 12, 12, 12, 24], indent=6 * mm, size=9.5,
            align="lrrrrrrr")
    f.space(1.5 * mm)
    f.paragraph("団体ごとの要望数は、複数団体が共同で要望した項目をそれぞれの団体に数えています（取り下げた団体は取下げ）。"
                "検討中は部会で協議を始めた項目、未検討は要望のまま部会でまだ協議していない項目です。"
                "負担額は、カスタマイズを行った項目の按分後の負担額の合計です。", indent=6 * mm, size=8.5, gray=0.3)
    f.space(2 * mm)
    page_height = _fresh_page_height(f)
    for chart in outcome_charts(d.outcome.members, f.width - 6 * mm, title="団体別の要望の結果（項目数）",
                                max_height=page_height):
        f.drawing(chart, indent=6 * mm)

    f.heading("3　専門部会別の状況")
    f.table(["専門部会", "要望", "カスタマイズ", "標準化", "取下げ", "検討中", "未検討"], _outcome_rows(d.outcome.subcommittees),
            [30, 13, 18, 13, 13, 13, 13], indent=6 * mm, size=9.5, align="lrrrrrr")
    f.space(2 * mm)
    for chart in outcome_charts(d.outcome.subcommittees, f.width - 6 * mm, title="専門部会別の要望の結果（項目数）",
                                max_height=page_height):
        f.drawing(chart, indent=6 * mm)

    f.heading("4　機能の適合状況（フィット＆ギャップ）")
    fit = d.fit
    f.table(["機能数", "○ 標準", "△ 改修必要", "× 対応不可", "未評価", "ギャップ率"],
            [[f"{fit.total:,}", f"{fit.by_fit.get('○', 0):,}", f"{fit.by_fit.get('△', 0):,}",
              f"{fit.by_fit.get('×', 0):,}", f"{fit.unassessed:,}", format_rate(fit.gap_rate)]],
            [18, 16, 16, 16, 14, 16], indent=6 * mm, size=9.5, align="rrrrrr")
    f.space(1.5 * mm)
    f.paragraph("ギャップ率は、評価済みの機能のうち △（改修必要）と ×（対応不可）の割合です。", indent=6 * mm, size=8.5,
                gray=0.3)

    f.heading("5　4つの方策の実施状況")
    rows = []
    for m in d.members:
        brief = (f"{to_wareki(m.last_briefing_on)}\n{m.last_briefing_attendees}人" if m.last_briefing_on
                 else BRIEFING_NOT_HELD)
        pending = f"財政 {m.pending_finance}件\n首長 {m.pending_mayor}件" if (m.pending_finance or m.pending_mayor) else "なし"
        meetings = (f"{m.meetings_attended}/{m.meetings}回\n事務局 {m.meetings_with_secretariat}/{m.meetings}回"
                    if m.meetings else "—")
        selection = f"{m.selection_attended}/{m.selection_events}回\n{m.selection_people}人"
        rows.append([m.member, brief, format_share(m.answered_rate), selection, pending, meetings])
    f.table(["団体", "①庁内説明会", "①設問回答率", "②選考会参加", "③未了の決裁", "④部会出席"], rows,
            [26, 25, 20, 21, 21, 25], indent=6 * mm, size=9, align="llrlll")
    f.space(1.5 * mm)
    f.paragraph("①庁内説明会は直近の開催日と参加人数、設問回答率は「住民サービス水準が低下するか」に理由を添えて答えた"
                "要望の割合。②は選考会（RFI説明会・二次選考）のうち職員が参加した回数と延べ人数。"
                "③は見積額が出ている検討中の要望で財政課協議・首長決裁が未了の件数。④は自団体の要望が議題となった部会・分科会"
                "への出席回数と、そのうち事務局が出席した回数。", indent=6 * mm, size=8.5, gray=0.3)
    f.space(6 * mm)
    f.paragraph("以上", align="r", size=BODY)
    return f.render(path, title=TITLE, author=consortium, footer_left=consortium, doc_number=doc_number or None)

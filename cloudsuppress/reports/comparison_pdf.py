"""カスタマイズ要望比較一覧表 as PDF: A3 or A4 landscape, header row on every page, "n / N".

Drawn straight on the canvas for speed (1,000 items × 10 members in about a second): every
cell is wrapped once with the 禁則 line breaker and cached glyph widths, row heights are
computed, the rows are split into pages (a row taller than a page is split between lines,
never cut), and only then is each page drawn with one text object. platypus Tables with a
Paragraph per cell were measured several times slower than LibreOffice for the same table.

Layouts: wide (one column per member; the ask, 年間件数, 理由 and 住民サービス in the cell) and
long (one sub-row per asking member, for more than 8 members or on request, and when the members'
columns cannot fit the paper side by side, which the legend then says).

Column widths: each column first gets what its heading and its unbreakable texts need — short
headings (要望番号, 年間件数), member names, counts and amounts as printed on this sheet, the
statuses (カスタマイズ実施) — and the rest of the width is shared by weight among the long texts.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from reportlab.lib.rl_accel import fp_str
from reportlab.lib.units import mm
from reportlab.pdfgen.pathobject import PDFPathObject

from ..bulk import gc_paused
from ..domain.vocab import FIT_LABELS, REASON_LABELS, SERVICE_DROP_LABELS
from ..domain.wareki import to_wareki
from ..domain.workflow import STATUS_LABELS
from ..ops.comparison import ComparisonCell, ComparisonRow, ComparisonTable
from .pdf_base import (
    CONTINUED,
    GOTHIC,
    GOTHIC_BOLD,
    PAPERS,
    RawText,
    draw_doc_number,
    draw_footer,
    new_canvas,
    today,
    widths,
    wrap_text,
    yen,
)

TITLE = "カスタマイズ要望比較一覧表"
MARGIN = 10 * mm
PAD = 1.2 * mm
GREY = 0.35  # meta lines (件数, 理由, 住民サービス)

# (heading, share of the spare width, alignment, heading pieces that may go on separate lines) of
# the item columns before and after the members. Every column first gets what its heading and its
# unbreakable texts need (_minimum); the width left over is shared by these weights, so the long
# texts (要望内容, 決定内容) grow and short labels, names and numbers never break.
_LEAD = (("要望番号", 0, "l", ()), ("機能ID", 0, "l", ()), ("業務", 3, "l", ()),
         ("機能名・要望名", 26, "l", ("機能名・", "要望名")), ("適合", 0, "c", ()))
_TAIL = (("見積額", 0, "r", ()), ("状態", 0, "l", ()), ("決定内容", 34, "l", ()))
_LONG_MEMBER = (("団体", 0, "l", ()), ("要望内容", 60, "l", ()), ("年間件数", 0, "r", ()), ("理由", 6, "l", ()),
                ("住民サービス水準への影響", 40, "l", ("住民サービス", "水準への影響")))
_MEMBER_WEIGHT = 24  # a member's column in the wide layout
KEEP_CHARS = 12  # a name or label up to this many characters is never broken; longer ones wrap
SIZE = 7.0  # the type floor: nothing printed smaller (A4 switches layout rather than shrink)
SERVICE = "住民サービス"
CASES_LABEL = "件数"


@dataclass
class _Col:
    title: str
    width: float
    align: str
    x: float = 0.0
    pieces: tuple[str, ...] = ()  # where the heading may break (empty: anywhere, by the 禁則 rules)


@dataclass
class _Row:
    cells: list[list[tuple[int, str]]]  # per column: (style, line) — style 0 text, 1 grey
    height: float
    group: str | None = None  # a group band's text instead of cells
    key: str = ""
    first: bool = True  # long layout: the first sub-row of an item (draws the item columns)
    member_from: int = 0  # long layout: the column where member columns start
    # printed again where the row (or an item's later sub-row) continues on a new page: the key
    # with 「（続き）」 under it, and the item's 状態 and 決定内容 (column index → lines)
    repeat: dict[int, list[tuple[int, str]]] = field(default_factory=dict)


@dataclass
class _Page:
    rows: list[tuple[_Row, float]] = field(default_factory=list)  # (row, top y)


class _Wrapper:
    """wrap_text with a cache: statuses, reasons and labels repeat on every page. ``words`` (member
    names, status and reason labels) are never broken where they fit the line."""

    def __init__(self, font: str, size: float, words: tuple[str, ...] = ()):
        self.font, self.size, self.words = font, size, words
        self.cache: dict[tuple[str, float], list[str]] = {}

    def __call__(self, text: str, width: float) -> list[str]:
        k = (text, width)
        got = self.cache.get(k)
        if got is None:
            got = self.cache[k] = wrap_text(text, width, self.font, self.size, self.words)
        return got


def kept_words(table: ComparisonTable) -> tuple[str, ...]:
    """What the sheet never breaks inside: member names, statuses, reasons, answers, labels, and the
    body named in a decision's meeting (「住民業務部会」 of 「（第2回 住民業務部会）」: the A4 sheet broke
    it 「住民業務／部会」)."""
    return tuple(dict.fromkeys([*table.members, *(c.member for r in table.rows for c in r.asking),
                                *STATUS_LABELS.values(), *REASON_LABELS.values(), *SERVICE_DROP_LABELS.values(),
                                SERVICE, CONTINUED, "［取下げ］", "代替運用案", *_meeting_bodies(table)]))


def _meeting_bodies(table: ComparisonTable) -> list[str]:
    """The meetings' bodies named in the decisions: the label's part after 「第N回」."""
    out = []
    for r in table.rows:
        for part in getattr(r.decision, "parts", ()):
            label = str(part)
            if label.startswith("第") and "回 " in label:
                out.append(label.split("回 ", 1)[1])
    return out


def _kept(texts: Iterable[str | None], most: int = KEEP_CHARS) -> list[str]:
    """The texts that must stay on one line: names and labels up to ``most`` characters."""
    return [t for t in texts if t and len(t) <= most]


def _minimum(title: str, pieces: tuple[str, ...], keep: list[str], size: float) -> float:
    """The narrowest a column may be: its widest heading piece and its widest unbreakable text."""
    ws = widths()
    head = max(ws.width(p, GOTHIC_BOLD, size + 0.5) for p in (pieces or (title,)))
    body = max((ws.width(t, GOTHIC, size) for t in keep), default=0.0)
    return max(head, body) + 2 * PAD + 0.5


def _columns(table: ComparisonTable, usable: float, size: float) -> tuple[list[_Col], int] | None:
    """The columns with their widths: each its minimum, plus a weighted share of what is left.
    None when the wide layout's members do not fit the paper even at their minimums."""
    rows = table.rows
    asks = [c for r in rows for c in r.asking]
    specs: list[tuple[str, float, str, tuple[str, ...], list[str]]] = [
        (*_LEAD[0], [r.key for r in rows] + [CONTINUED]),
        (*_LEAD[1], [r.target_code or "（新規）" for r in rows]),
        (*_LEAD[2], _kept({r.business_system for r in rows})),
        (*_LEAD[3], _kept({m for r in rows for m in r.peers})),  # the peer line names members
        (*_LEAD[4], ["○"]),
    ]
    member_from = len(specs)
    if table.long_layout:
        specs += [
            (*_LONG_MEMBER[0], _kept({c.member for c in asks})),
            (*_LONG_MEMBER[1], []),
            (*_LONG_MEMBER[2], [f"{c.annual_cases:,}件" for c in asks if c.annual_cases is not None]),
            (*_LONG_MEMBER[3], _kept({c.reason_label for c in asks}, 12)),  # 住民サービス水準の維持 whole
            (*_LONG_MEMBER[4], list(SERVICE_DROP_LABELS.values())),
        ]
    else:
        for i, m in enumerate(table.members):
            cells = [c for r in rows if (c := r.cells[i]) is not None]
            counts = [f"{c.annual_cases:,}件" for c in cells if c.annual_cases is not None]
            reasons = _kept({c.reason_label for c in cells}, 12)
            keep = [SERVICE, *SERVICE_DROP_LABELS.values(), CASES_LABEL, *counts, *reasons] if cells else []
            # A member with no ask on this sheet keeps a narrow blank column; the others share the room.
            specs.append((m, _MEMBER_WEIGHT if cells else _MEMBER_WEIGHT / 4, "l", (m,) if len(m) <= KEEP_CHARS else (),
                          keep))
    specs += [
        (*_TAIL[0], [yen(r.estimate) for r in rows if r.estimate is not None]),
        (*_TAIL[1], list(STATUS_LABELS.values())),  # カスタマイズ実施 whole, whatever is on this sheet
        (*_TAIL[2], []),
    ]
    mins = [_minimum(t, p, keep, size) for t, _, _, p, keep in specs]
    spare = usable - sum(mins)
    if spare < 0 and not table.long_layout:
        return None
    if spare < 0:  # cannot fit even the minimums (very long names): shrink them all alike
        scale, spare = usable / sum(mins), 0.0
        mins = [m * scale for m in mins]
    weight = sum(w for _, w, _, _, _ in specs) or 1.0
    cols = []
    x = MARGIN
    for (title, w, align, pieces, _), least in zip(specs, mins, strict=True):
        col = _Col(title, least + spare * w / weight, align, x, pieces)
        cols.append(col)
        x += col.width
    return cols, member_from


def _heading_lines(col: _Col, wrap: _Wrapper) -> list[str]:
    """A heading on one line if it fits, else its pieces joined line by line (要望番号 never splits)."""
    inner = col.width - 2 * PAD
    ws = widths()
    if ws.width(col.title, wrap.font, wrap.size) <= inner or not col.pieces:
        return wrap(col.title, inner)
    lines: list[str] = []
    for piece in col.pieces:
        if lines and ws.width(lines[-1] + piece, wrap.font, wrap.size) <= inner:
            lines[-1] += piece
        else:
            lines += wrap(piece, inner)
    return lines


def _pieces(pieces: list[str], wrap: _Wrapper, width: float) -> list[str]:
    """Pieces joined line by line, breaking only between them: '件数 11,790件/年' on one line, or
    '件数' / '11,790件/年', or '件数' / '1,234,567,890件' / '/年' — never inside a number or a label.
    A piece wider than the line (a long reason) wraps by the 禁則 rules."""
    ws = widths()
    lines: list[str] = []
    for k, piece in enumerate(pieces):
        sep = "" if piece.startswith("/") else " "
        if lines and k and ws.width(lines[-1] + sep + piece, wrap.font, wrap.size) <= width:
            lines[-1] += sep + piece
        else:
            lines += wrap(piece, width)
    return lines


def _item_cells(r: ComparisonRow, wrap: _Wrapper, cols: list[_Col]) -> list[list[tuple[int, str]]]:
    inner = [c.width - 2 * PAD for c in cols]
    name = r.function_name or r.title
    title_lines = [(0, s) for s in wrap(name, inner[3])]
    if r.title and r.title != name.removesuffix("（欠番）"):  # a retired function's name is marked, the title is not
        title_lines += [(1, s) for s in wrap(f"（{r.title}）", inner[3])]
    if r.peer_line:  # peer evidence: who runs it on the package as delivered
        title_lines += [(1, s) for s in wrap(r.peer_line, inner[3])]
    lead = [
        [(0, s) for s in wrap(r.key, inner[0])],
        [(0, s) for s in wrap(r.target_code or "（新規）", inner[1])],
        [(0, s) for s in wrap(r.business_system or "", inner[2])],
        title_lines,
        [(0, r.fit)] if r.fit else [],
    ]
    n = len(cols)
    tail = [
        [(0, s) for s in wrap(yen(r.estimate), inner[n - 3])],
        [(0, s) for s in wrap(r.status_label, inner[n - 2])],
        [(0, s) for s in wrap(r.decision, inner[n - 1])],
    ]
    return lead + tail


def _member_cell(c: ComparisonCell | None, wrap: _Wrapper, width: float) -> list[tuple[int, str]]:
    if c is None:
        return []
    lines: list[tuple[int, str]] = []
    style = 1 if c.withdrawn else 0
    if c.withdrawn:
        lines.append((1, "［取下げ］"))
    lines += [(style, s) for s in wrap(c.content, width)]
    if c.annual_cases is not None:
        lines += [(1, s) for s in _pieces([CASES_LABEL, f"{c.annual_cases:,}件", "/年"], wrap, width)]
    lines += [(1, s) for s in _pieces(["理由", c.reason_label], wrap, width)]
    lines += [(1, s) for s in _pieces([SERVICE, c.service_drop_label], wrap, width)]
    return lines


def _height(cells: list[list[tuple[int, str]]], leading: float) -> float:
    return max((len(c) for c in cells), default=0) * leading + 2 * PAD if cells else leading + 2 * PAD


def _build_rows(table: ComparisonTable, cols: list[_Col], member_from: int, wrap: _Wrapper, leading: float) -> list[_Row]:
    rows: list[_Row] = []
    group = None
    n_members = 0 if table.long_layout else len(table.members)
    inner = [c.width - 2 * PAD for c in cols]
    for r in table.rows:
        g = " ＞ ".join(x for x in (r.subcommittee, r.business_system) if x) or "（業務未設定）"
        if g != group:
            group = g
            rows.append(_Row([], leading + 2 * PAD, group=g))
        item = _item_cells(r, wrap, cols)
        lead, tail = item[:member_from], item[member_from:]
        if not table.long_layout:
            members = [_member_cell(c, wrap, inner[member_from + i]) for i, c in enumerate(r.cells[:n_members])]
            cells = lead + members + tail
            rows.append(_Row(cells, _height(cells, leading), key=r.key, repeat=_repeat(r, wrap, inner, tail)))
            continue
        asking = r.asking or (None,)
        for k, c in enumerate(asking):
            if c is None:
                member: list[list[tuple[int, str]]] = [[], [], [], [], []]
            else:
                w = inner[member_from:member_from + 5]
                content = ([(1, "［取下げ］")] if c.withdrawn else []) + [(1 if c.withdrawn else 0, s)
                                                                         for s in wrap(c.content, w[1])]
                if c.workaround:
                    content += [(1, s) for s in wrap(f"代替運用案: {c.workaround}", w[1])]
                member = [
                    [(0, s) for s in wrap(c.member, w[0])],
                    content,
                    [(0, s) for s in wrap(f"{c.annual_cases:,}件" if c.annual_cases is not None else "", w[2])],
                    [(0, s) for s in wrap(c.reason_label, w[3])],
                    [(0, s) for s in wrap(c.service_drop_label, w[4])] + [(1, s) for s in wrap(c.service_drop_detail, w[4])],
                ]
            first = k == 0
            cells = (lead if first else [[] for _ in lead]) + member + (tail if first else [[] for _ in tail])
            repeat = {**_repeat(r, wrap, inner, tail), member_from: member[0]}  # whose part continues
            rows.append(_Row(cells, _height(cells, leading), key=r.key, first=first, member_from=member_from,
                             repeat=repeat))
    return rows


def _repeat(r: ComparisonRow, wrap: _Wrapper, inner: list[float], tail: list[list[tuple[int, str]]]
            ) -> dict[int, list[tuple[int, str]]]:
    """What a continued part prints again: the key and 「（続き）」 inside the key column (wrapped
    to it), the 状態 and the 決定内容."""
    n = len(inner)
    return {0: [(1, s) for s in wrap(f"{r.key}{CONTINUED}", inner[0])], n - 2: tail[-2], n - 1: tail[-1]}


def _continued(row: _Row, leading: float) -> _Row:
    """The row as it starts a page after its item began on an earlier one: key（続き）, 状態 and
    決定内容 filled in where its own cells are empty there."""
    cells = list(row.cells)
    for i, lines in row.repeat.items():
        if not cells[i]:
            cells[i] = lines
    return _Row(cells, _height(cells, leading), key=row.key, first=False, member_from=row.member_from,
                repeat=row.repeat)


def _split(row: _Row, room: float, leading: float) -> tuple[_Row, _Row]:
    """Split a row between lines so the first part fits ``room`` points; the rest continues on the
    next page with its key（続き）, status and decision."""
    n = max(1, int((room - 2 * PAD) // leading))
    head = [c[:n] for c in row.cells]
    tail = [c[n:] for c in row.cells]
    tail[0] = []  # the key is printed again as 「R-0003（続き）」
    return (_Row(head, _height(head, leading), key=row.key, first=row.first, member_from=row.member_from,
                 repeat=row.repeat),
            _continued(_Row(tail, 0.0, key=row.key, first=False, member_from=row.member_from, repeat=row.repeat),
                       leading))


def _paginate(rows: list[_Row], top: float, bottom: float, leading: float) -> list[_Page]:
    pages = [_Page()]
    y = top
    full = top - bottom
    i = 0
    group: _Row | None = None
    queue = list(rows)
    while i < len(queue):
        row = queue[i]
        if row.group is not None:
            group = row
            nxt = queue[i + 1] if i + 1 < len(queue) else None
            need = row.height + (min(nxt.height, full - row.height) if nxt is not None else 0)
            if y - need < bottom and pages[-1].rows:
                pages.append(_Page())
                y = top
            pages[-1].rows.append((row, y))
            y -= row.height
            i += 1
            continue
        if y - row.height < bottom:
            room = y - bottom
            # A tall row is split where the page ends (an 800-character request does not leave
            # half a page blank); a short one moves whole.
            tall = row.height > max(full / 4, 8 * leading)
            if tall and room > 2 * PAD + 3 * leading:
                head, tail = _split(row, room, leading)
                pages[-1].rows.append((head, y))
                queue[i] = tail
            pages.append(_Page())
            y = top
            if group is not None:  # the group band again, marked as continued
                cont = _Row([], group.height, group=f"{group.group}{CONTINUED}")
                pages[-1].rows.append((cont, y))
                y -= cont.height
            row = queue[i]
            if not row.first and row.cells and not row.cells[0]:
                row = queue[i] = _continued(row, leading)
            if row.height > y - bottom:  # still too tall for a fresh page: split again
                head, tail = _split(row, y - bottom, leading)
                pages[-1].rows.append((head, y))
                y -= head.height
                queue[i] = tail
                continue
        pages[-1].rows.append((row, y))
        y -= row.height
        i += 1
    return pages


def sheet_title(table: ComparisonTable) -> str:
    """「カスタマイズ要望比較一覧表」, or 「カスタマイズ要望比較一覧表（五霞町）」 on one member's sheet."""
    return f"{TITLE}（{table.member}）" if table.member else TITLE


def meta_text(table: ComparisonTable) -> str:
    """The line under the title, the same on the PDF and the xlsx: consortium, 部会 (unless the
    meeting's name already ends with it), meeting, its date, 「（未決定の要望のみ）」."""
    return "　".join(x for x in (
        table.consortium,
        f"{table.subcommittee}部会" if table.subcommittee and not (table.meeting or "").endswith("部会") else None,
        table.meeting,
        to_wareki(table.meeting_date) if table.meeting_date else None,
        "（未決定の要望のみ）" if table.undecided_only else None,
    ) if x)


def legend_text(table: ComparisonTable, *, switched: bool = False) -> str:
    """The legend under the meta line (marks, statuses, how member cells read; a member's sheet
    says how many of its parts are withdrawn and printed 取下げ)."""
    text = ("適合度　" + "　".join(f"{m} {label}" for m, label in FIT_LABELS.items()) + "　　状態　" +
            "　".join(STATUS_LABELS.values()) +
            ("　　団体ごとに 1 行（取下げた団体は［取下げ］）" + ("。団体の列が用紙の幅に収まらないため縦長の配置" if switched else "")
             if table.long_layout else
             "　　団体欄: 要望内容／年間件数／理由／住民サービス水準が低下するか（空欄はその団体の要望なし）"))
    if table.member:
        mine = sum(1 for r in table.rows for c in r.asking if c.member == table.member)
        text += (f"　　{table.member}の要望 {mine} 件" +
                 (f"（うち取下げ {table.withdrawn_parts} 件は［取下げ］と表示）" if table.withdrawn_parts else ""))
    return text


def as_of_text(created_on: dt.date) -> str:
    """The sheet's date, printed top right under the 資料番号: 令和8年11月22日現在."""
    return f"{to_wareki(created_on)}現在"


@gc_paused()  # ~85,000 lines laid out and drawn, none cyclic: the collector cost ~0.3 s of a 1.3 s write
def write_comparison_pdf(path: str | Path, table: ComparisonTable, *, paper: str = "a3", doc_number: str = "資料1",
                         created_on: dt.date | None = None) -> int:
    """Write the comparison table as a PDF dated ``created_on`` (today if None); return the number of pages."""
    as_of = as_of_text(created_on or today())
    pagesize = PAPERS[paper]
    pw, ph = pagesize
    size = SIZE  # the floor on both papers: A4 takes the long layout sooner instead of 6 pt
    leading = size * 1.32
    ws = widths()
    wrap = _Wrapper(GOTHIC, size, kept_words(table))
    usable = pw - 2 * MARGIN
    layout = _columns(table, usable, size)
    switched = layout is None  # too many members for this paper side by side: one sub-row each instead
    if switched:
        table = replace(table, long_layout=True)
        layout = _columns(table, usable, size)
    assert layout is not None  # the long layout always has columns (shrunk if it must)
    cols, member_from = layout

    # Header block: title, then the consortium / subcommittee / meeting line, then the legend.
    title_size = 16 if paper == "a3" else 13
    meta = meta_text(table)
    legend = legend_text(table, switched=switched)
    title = sheet_title(table)
    legend_lines = wrap_text(legend, usable - 40 * mm, GOTHIC, size)
    header_top = ph - MARGIN
    header_h = title_size + 4 * mm + (size + 3) + len(legend_lines) * leading + 2 * mm
    table_top = header_top - header_h

    head_size = size + 0.5
    head_wrap = _Wrapper(GOTHIC_BOLD, head_size)
    head_cells = [_heading_lines(c, head_wrap) for c in cols]
    head_leading = head_size * 1.3
    head_h = max(len(h) for h in head_cells) * head_leading + 2 * PAD

    rows = _build_rows(table, cols, member_from, wrap, leading)
    bottom = MARGIN + 6 * mm
    pages = _paginate(rows, table_top - head_h, bottom, leading)

    c = new_canvas(path, pagesize, title=title, subject=meta, fonts=(GOTHIC, GOTHIC_BOLD))
    encoded: dict[tuple[str, str], list[tuple[str, str]]] = {}  # RawText's runs, shared by the pages
    total = len(pages)
    x0, x1 = MARGIN, MARGIN + usable
    ascent = size * 0.86
    left_xs = [f"{col.x + PAD:.2f}" for col in cols]  # where a left-aligned line starts, as RawText writes it
    col_xs = [fp_str(col.x) for col in cols[1:]]  # the grid's vertical lines, formatted once
    x0_s, x1_s, tail_x_s = fp_str(x0), fp_str(x1), fp_str(cols[-len(_TAIL)].x)
    header_code: list[str] | None = None
    for number, page in enumerate(pages, start=1):
        # The header block and the column headings are the same on every page: drawn once, their
        # operators written again on the later pages (~20 text runs measured and encoded per page).
        # Each page starts from the canvas's initial state (showPage resets it), so the first
        # page's operators are what the same calls would write on any page.
        if header_code is None:
            mark = len(c._code)  # type: ignore[attr-defined]  # private: the page's content stream
            # Header block
            c.setFillGray(0)
            c.setFont(GOTHIC_BOLD, title_size)
            c.drawCentredString(pw / 2, header_top - title_size, title)
            draw_doc_number(c, doc_number, pagesize, margin=MARGIN)
            c.setFont(GOTHIC, size + 2)
            c.drawString(MARGIN, header_top - title_size - 4 * mm - (size + 2) * 0.3, meta)
            # The date right under the 資料番号 box, on the legend's first line (the legend keeps 40 mm free there).
            c.drawRightString(x1, header_top - title_size - 4 * mm - (size + 3) - ascent, as_of)
            t = c.beginText()
            t.setFont(GOTHIC, size)
            t.setFillGray(GREY)
            ly = header_top - title_size - 4 * mm - (size + 3) - ascent
            for line in legend_lines:
                t.setTextOrigin(MARGIN, ly)
                t.textOut(line)
                ly -= leading
            c.drawText(t)

            # Column headings
            c.setFillGray(0.86)
            c.rect(x0, table_top - head_h, usable, head_h, stroke=0, fill=1)
            t = c.beginText()
            t.setFont(GOTHIC_BOLD, head_size)
            t.setFillGray(0)
            for col, lines in zip(cols, head_cells, strict=True):
                y = table_top - PAD - head_size * 0.86
                for line in lines:
                    w = ws.width(line, GOTHIC_BOLD, head_size)
                    t.setTextOrigin(col.x + (col.width - w) / 2, y)
                    t.textOut(line)
                    y -= head_leading
            c.drawText(t)

            header_code = c._code[mark:]  # type: ignore[attr-defined]
        else:
            c._code.extend(header_code)  # type: ignore[attr-defined]
            # The font the header's calls leave selected (a TrueType font writes no operator here);
            # the fill and the line width are set again below before anything uses them.
            c.setFont(GOTHIC, size + 2)

        # Rows: bands first, then all text in one text object, then the grid in one path.
        bottom_y = page.rows[-1][1] - page.rows[-1][0].height if page.rows else table_top - head_h
        c.setFillGray(0.93)
        for row, top in page.rows:
            if row.group is not None:
                c.rect(x0, top - row.height, usable, row.height, stroke=0, fill=1)
        rt = RawText(c, encoded)
        rt.set_font(GOTHIC, size)
        gray = 0.0
        rt.set_gray(gray)
        for row, top in page.rows:
            if row.group is not None:
                if gray != 0.0:  # the band's text is black, whatever grey the row above ended in
                    rt.set_gray(0.0)
                    gray = 0.0
                rt.set_font(GOTHIC_BOLD, size)
                rt.line(x0 + PAD, top - PAD - ascent, row.group)
                rt.set_font(GOTHIC, size)
                continue
            for col, xs, cell_lines in zip(cols, left_xs, row.cells, strict=True):
                if not cell_lines:
                    continue
                y = top - PAD - ascent
                inner = col.width - 2 * PAD
                left = col.align == "l"
                for style, line in cell_lines:
                    g = GREY if style else 0.0
                    if g != gray:
                        rt.set_gray(g)
                        gray = g
                    if left:
                        rt.line_at(xs, y, line)
                    else:
                        w = ws.width(line, GOTHIC, size)
                        rt.line(col.x + PAD + (inner - w if col.align == "r" else (inner - w) / 2), y, line)
                    y -= leading
        rt.draw()

        # The grid as one path, its operators written here as reportlab's PathObject writes them
        # (fp_str, "x y m" / "x y l" joined by spaces): 40 columns × 2 points per row came to
        # 125,000 moveTo/lineTo calls for 1,000 items.
        top_s = fp_str(table_top)
        grid = ["n", f"{fp_str(x0, bottom_y, usable, table_top - bottom_y)} re",
                f"{fp_str(x0, table_top - head_h)} m", f"{fp_str(x1, table_top - head_h)} l"]
        head_bottom_s = fp_str(table_top - head_h)
        grid += [f"{xs} {top_s} m {xs} {head_bottom_s} l" for xs in col_xs]
        above: _Row | None = None
        for row, top in page.rows:
            # Each row draws its top line: across the table, or for a long layout's sub-row only
            # across the member columns (the item's own columns span its sub-rows). A row that
            # starts the page, or follows a band, is closed across the whole table.
            starts = above is None or above.group is not None
            above = row
            ts = fp_str(top)
            if row.group is not None or row.first or starts:
                grid.append(f"{x0_s} {ts} m {x1_s} {ts} l")
            else:
                grid.append(f"{col_xs[row.member_from - 1]} {ts} m {tail_x_s} {ts} l")
            if row.group is None:
                bs = fp_str(top - row.height)
                grid.append(" ".join(f"{xs} {ts} m {xs} {bs} l" for xs in col_xs))
        c.setLineWidth(0.4)
        c.setStrokeGray(0.25)
        c.drawPath(PDFPathObject(grid), stroke=1, fill=0)
        c.setStrokeGray(0)
        draw_footer(c, number, total, pagesize, margin=MARGIN, left=f"{table.consortium}　{title}")
        c.showPage()
    c.save()
    return total

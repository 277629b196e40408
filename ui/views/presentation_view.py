"""PresentationView: the meeting room's projector (F5 in a meeting). One agenda item at a time in
large type — the function, each asking member's request, reason, annual case count, answer to
the resident-service question, its share of the estimate and its hearing notes, the peer
evidence (「要望なし: 3団体（…）」), and the item's place on the agenda (3 / 8, 継続).

Contract: the view reads ``ops.presentation.build_presentation`` through the runner and reads it
again on every broadcast, staying on the same item. The secretary's decision controls record
through the runner with ``ops.meetings.record_outcome`` — the very op of the meeting view's
協議結果 tab, so the same rules and refusals apply. With one screen the controls sit under the
slide and H hides them; with two the slide goes full screen on the second screen (the
projector) and the controls become a window of their own on the laptop's screen.

Readable from the back of the room: every text is at least 20 pt at 1920×1080 (scaled with the
screen), and an item never scrolls — a long item is set smaller (down to that floor), then its
members flow into more columns, the columns are balanced (a long request gets the width the short
ones leave), and only then are the longest texts cut with 「…」, no shorter than the slide needs
(Z shows one member's whole text, see below; the whole text is also in the comparison sheet).

Keys (on the slide): → / PageDown / Space next, ← / PageUp previous, Home / End, 1 標準化,
2 取下げ, 3 カスタマイズ実施, 4 継続審議, 5 報告のみ, 6 カスタマイズ実施（決裁後に確定） (each puts the cursor in 理由; Enter records,
Esc goes back to the slide), H the controls, Z one member's whole text (again: the next member,
then all members; Esc also goes back to all), Esc leaves.
"""
from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QKeySequence, QPainter, QShortcut, QTextDocument
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from cloudsuppress.changes import Changes
from cloudsuppress.domain.vocab import CUSTOMIZED_PENDING
from cloudsuppress.domain.workflow import DECISIONS, Status
from cloudsuppress.ops.meeting_held import not_held_yet
from cloudsuppress.ops.presentation import Presentation, PresentedItem, PresentedMember, build_presentation

from ..dates import display_date
from ..labels import label, rule_text, yen
from ..op_runner import OpRunner
from ..operations import meetings as meeting_ops
from ..table_models.comparison_table_model import peer_text
from ..table_models.meeting_table_model import outcome_summary

BASE_W, BASE_H = 1920, 1080
MIN_PT = 20.0  # at 1920×1080: the smallest text anywhere on the slide
MAX_PT = 34.0
TITLE_RATIO = 1.4
# Characters of a long text kept when nothing else makes the item fit (None: whole); below the
# longest text the largest limit that fits is searched for, down to the last.
CUT_LIMITS = (None, 110, 60, 30, 16)
MIN_SHARE = 0.2  # a balanced member column is never narrower than this share of the slide
NAVY, GREY, GREEN = "#1f3a5f", "#4a5568", "#1e6b34"
AMBER = "#7a4b00"  # the not-held line (as the meeting view's warnings)

# What the controls offer, in the order of the keys 0–6: (text, outcome, decision)
CHOICES = (
    ("未協議", None, None),
    ("標準化とする", "decided", Status.STANDARDIZED),
    ("取下げとする", "decided", Status.WITHDRAWN),
    ("カスタマイズを実施する", "decided", Status.CUSTOMIZED),
    ("継続審議とする", "continued", None),
    ("報告のみ", "information", None),
    ("カスタマイズを実施する（財政課協議・首長決裁の後に確定）", "decided", "customized_pending"),
)
FINAL = frozenset(st.value for st in DECISIONS)


def decided_choice(row) -> int:
    """The CHOICES index that shows a decision recorded at this meeting."""
    if row.outcome == CUSTOMIZED_PENDING:
        return len(CHOICES) - 1
    return next((n for n, (_, outcome, decide) in enumerate(CHOICES)
                 if outcome == "decided" and decide is not None and getattr(decide, "value", decide) == row.decision_status), 0)


def _tr(text: str) -> str:
    """The slide's words in the UI language (in Japanese exactly as before)."""
    return QCoreApplication.translate("PresentationView", text)


def _yen(n: int | None) -> str:
    return "—" if n is None else yen(n)


def _e(text: str | None) -> str:
    return html.escape(text or "").replace("\n", "<br>")


class SlideLayout:
    """An item set as rich text for a slide of ``width`` × ``height`` pixels: the point size,
    the member columns and whether a request had to be cut, chosen so that nothing scrolls."""

    def __init__(self, item: PresentedItem, width: int, height: int, scale: float, font: QFont,
                 only: int | None = None, start: int = 0):
        self.item, self.width, self.height, self.scale, self.font = item, width, height, scale, font
        self.only = only  # Z: the one member shown, in full
        self.point_size = MIN_PT * scale
        self.columns = 1
        self.truncated = False
        self.widths: tuple[int, ...] | None = None  # balanced column widths (%), None: equal
        self.split = 1  # Z: the columns one member's request flows over
        self.start = start  # Z: where the page of the member's request starts
        self.page: tuple[int, int] | None = None  # Z: the characters of the request shown (start, end)
        self.doc = self._fit()

    @property
    def min_point_size(self) -> float:
        """The smallest text on the slide (the member cards' grey lines are set at the body size)."""
        return self.point_size

    def _fit(self) -> QTextDocument:
        """The largest size that fits; then more columns; then balanced columns; then the longest
        texts cut, as little as the slide needs."""
        n = 1 if self.only is not None else max(1, len(self.item.members))
        first = 1 if n == 1 else 2 if n <= 4 else 3
        low, high = MIN_PT * self.scale, MAX_PT * self.scale
        last = max(first, min(4, n))
        if self.only is not None:  # Z: the member's request from ``start`` on, whole if it fits
            self.page = (self.start, len(self.item.members[self.only].content or ""))

        def fits(cols: int, limit: int | None, widths) -> QTextDocument | None:
            doc = self._document(low, cols, limit, widths)
            return doc if doc.size().height() <= self.height else None

        def largest(cols: int, limit: int | None, widths, doc: QTextDocument) -> QTextDocument:
            lo, hi, best = low, high, doc
            while hi - lo > 0.5 * self.scale:  # the largest size that still fits, to half a point
                mid = (lo + hi) / 2
                candidate = self._document(mid, cols, limit, widths)
                if candidate.size().height() <= self.height:
                    lo, best = mid, candidate
                else:
                    hi = mid
            self.point_size, self.columns, self.truncated, self.widths = lo, cols, limit is not None, widths
            return best

        for cols in range(first, last + 1):
            for widths in (None, balanced_widths(self.item, cols, self.only)):
                if (doc := fits(cols, None, widths)) is not None:
                    return largest(cols, None, widths, doc)
        if self.only is not None:  # Z: the whole text, its request flowing over two to four columns
            text = self.item.members[self.only].content or ""
            for self.split in (2, 3, 4):
                if (doc := fits(1, None, None)) is not None:
                    return largest(1, None, None, doc)
            # Still too long: pages (Z shows the next), each ending at a line end where one is near.
            lo, hi, best = self.start + 1, len(text) - 1, None
            while lo <= hi:
                mid = (lo + hi) // 2
                self.page = (self.start, mid)
                if (doc := fits(1, None, None)) is not None:
                    best, best_end, lo = doc, mid, mid + 1
                else:
                    hi = mid - 1
            if best is not None:
                line_end = text.rfind("\n", self.start, best_end)
                end = line_end + 1 if line_end > self.start + (best_end - self.start) * 2 // 3 else best_end
                self.page = (self.start, end)
                return largest(1, None, None, self._document(low, 1, None))
            self.split, self.page = 1, None
        # Cut: the largest limit (characters kept of each long text) that fits, the columns balanced
        # on what is kept (a cut request gives back the width it no longer needs).
        longest = max((len(t or "") for m in self.item.members
                       for t in (m.content, m.service_drop_detail, *(h.confirmed for h in m.hearings))), default=0)
        found = None  # (limit, cols, widths, doc): the most kept, then the fewest columns
        for cols in range(first, last + 1):
            lo, hi = CUT_LIMITS[-1] if found is None else found[0] + 1, max(CUT_LIMITS[-1], longest - 1)
            while lo <= hi:
                mid = (lo + hi) // 2
                widths = balanced_widths(self.item, cols, self.only, mid)
                if (doc := fits(cols, mid, widths)) is not None:
                    found, lo = (mid, cols, widths, doc), mid + 1
                else:
                    hi = mid - 1
        if found is not None:
            limit, cols, widths, doc = found
            return largest(cols, limit, widths, doc)
        widths = balanced_widths(self.item, last, self.only, CUT_LIMITS[-1])
        self.point_size, self.columns, self.truncated, self.widths = low, last, True, widths
        return self._document(low, last, CUT_LIMITS[-1], widths)

    def _document(self, pt: float, cols: int, truncate: int | None, widths=None) -> QTextDocument:
        doc = QTextDocument()
        font = QFont(self.font)
        font.setPointSizeF(pt)
        doc.setDefaultFont(font)
        doc.setDocumentMargin(0)
        doc.setHtml(item_html(self.item, pt, cols, truncate, widths=widths, only=self.only, split=self.split,
                              page=self.page))
        doc.setTextWidth(self.width)
        return doc


def _weight(m: PresentedMember, limit: int | None = None) -> int:
    """About how much a member's card holds (characters, long texts cut at ``limit``), to share the width by."""
    def n(text: str | None) -> int:
        return min(len(text or ""), limit) if limit is not None else len(text or "")
    return n(m.content) + n(m.service_drop_detail) + sum(n(h.confirmed) for h in m.hearings) + 40 * (3 + len(m.hearings))


def balanced_widths(item: PresentedItem, cols: int, only: int | None = None,
                    limit: int | None = None) -> tuple[int, ...] | None:
    """Column widths (%) in proportion to what the columns hold, none under MIN_SHARE: a long
    request gets the width short ones leave, before anything is cut. None: equal widths do."""
    members = [item.members[only]] if only is not None else list(item.members)
    if cols < 2 or len(members) < 2:
        return None
    need = [0] * cols
    for i, m in enumerate(members):
        need[i % cols] = max(need[i % cols], _weight(m, limit))
    total = sum(need) or 1
    floor = 100 * MIN_SHARE
    shares = [max(floor, 100 * w / total) for w in need]
    scale = 100 / sum(shares)
    widths = [max(1, round(s * scale)) for s in shares]
    widths[widths.index(max(widths))] += 100 - sum(widths)
    return None if max(widths) - min(widths) <= 2 else tuple(widths)


def _cut(text: str | None, limit: int | None) -> str:
    text = text or ""
    return text if limit is None or len(text) <= limit else text[:limit - 1] + "…"


def _split_text(text: str, parts: int) -> list[str]:
    """``text`` in ``parts`` pieces of about equal height (a line counts for the rows it wraps into),
    broken at line ends where it has them."""
    total = len(text)
    lines = text.split("\n")
    rows = [1 + len(line) // 24 for line in lines]
    height = sum(rows)
    if len(lines) < parts * 2:  # one long paragraph: cut between characters
        step = -(-total // parts)
        return [text[i:i + step] for i in range(0, total, step)] or [""]
    out, current, size = [], [], 0
    for line, n in zip(lines, rows, strict=True):
        current.append(line)
        size += n
        if size >= height * (len(out) + 1) / parts and len(out) < parts - 1:
            out.append("\n".join(current))
            current = []
    out.append("\n".join(current))
    return out


def _nb(text: str) -> str:
    """A number kept with its unit and label on one line (「年間 2,960 件」, never 「2,960／件」)."""
    return text.replace(" ", "&nbsp;")


def item_html(item: PresentedItem, pt: float, cols: int, truncate: int | None, *,
              widths: tuple[int, ...] | None = None, only: int | None = None, split: int = 1,
              page: tuple[int, int] | None = None) -> str:
    """The slide's body as Qt rich text (sizes in points; nothing under ``pt``); ``truncate``: the
    characters kept of each long text (request, resident-service detail, hearing note); ``widths``:
    the member columns' widths in %; ``only``: the one member shown (Z), its request over ``split`` columns,
    ``page`` the characters of it shown (start, end) when it does not fit on one slide."""
    r = item.row
    title = f"{_e(r.key)}　{_e(r.title)}"
    fn = "　".join(x for x in (r.business_system, f"{r.target_code or _tr('（新規）')} {item.fit or ''}".strip(),
                                r.function_name) if x)
    out = [f'<div style="font-size:{pt * TITLE_RATIO:.1f}pt; font-weight:bold; color:{NAVY}">{title}</div>',
           f'<div style="font-size:{pt:.1f}pt; color:{GREY}; margin-bottom:8px">'
           f'{_tr("{0}　／　状態: {1}").format(_e(fn), _e(label(r.status_label)))}</div>']
    cells = []
    whole_text_hint = QCoreApplication.translate("PresentationView", "（全文 {0} / {1}　Z 次の団体　Esc 全団体）")
    for m in ([item.members[only]] if only is not None else item.members):
        content = _cut(m.content, truncate)
        if only is not None and page is not None:  # Z: a page of one member's whole text
            start, end = page
            content = (("…" if start else "") + (m.content or "")[start:end]
                       + (QCoreApplication.translate("PresentationView", "…（続く・Z で続き）") if end < len(m.content or "") else ""))
        lines = [f'<span style="font-weight:bold; color:{NAVY}">{_e(m.member)}</span>'
                 + (f'<span style="color:#9b2c2c">{_e(_tr("［取下げ］"))}</span>' if m.withdrawn else "")
                 + (f'<span style="color:{GREY}">　{_e(whole_text_hint.format(only + 1, len(item.members)))}</span>'
                    if only is not None else ""),
                 _e(content)]
        facts = [_tr("理由: {0}").format(_e(label(m.reason_label)))]
        if m.annual_cases is not None:
            facts.append(_nb(_tr("年間 {0} 件").format(f"{m.annual_cases:,}")))
        lines.append(f'<span style="color:{GREY}">{"　".join(facts)}</span>')
        service = _tr("住民サービス: {0}").format(_e(label(m.service_drop_label)))
        if m.service_drop_detail:
            service += _tr("（{0}）").format(_e(_cut(m.service_drop_detail, truncate)))
        lines.append(f'<span style="color:{GREY}">{service}</span>')
        if m.share is not None:
            lines.append(f'<span style="color:{GREY}">{_tr("負担額: {0}").format(_yen(m.share))}</span>')
        for h in m.hearings:
            cases = _nb(_tr("（{0} 件）").format(f"{h.confirmed_cases:,}")) if h.confirmed_cases is not None else ""
            hearing = _tr("ヒアリング {0}: {1}{2}").format(display_date(h.held_on), _e(_cut(h.confirmed, truncate)), cases)
            lines.append(f'<span style="color:{GREY}">{hearing}</span>')
        if only is not None and split > 1:  # Z: one member's whole text, its request flowing over columns
            parts = _split_text(content, split)
            groups = [[lines[0], _e(parts[0])], *[[_e(x)] for x in parts[1:]]]
            para = '<p style="margin:0; line-height:118%">{0}</p>'
            tds = "".join(f'<td width="{100 // len(groups)}%" bgcolor="#f1f5fa" valign="top">'
                          + "".join(para.format(x) for x in g) + "</td>" for g in groups)
            facts_td = (f'<td colspan="{len(groups)}" bgcolor="#f1f5fa" valign="top">'
                        + "".join(para.format(x) for x in lines[2:]) + "</td>")  # the facts below, full width
            out.append(f'<table width="100%" cellspacing="10" cellpadding="12" style="font-size:{pt:.1f}pt">'
                       f"<tr>{tds}</tr><tr>{facts_td}</tr></table>")
            break
        cells.append("".join(f'<p style="margin:0; line-height:118%">{x}</p>' for x in lines))
    if cells:
        shares = widths if widths is not None and len(widths) == cols else (100 // cols,) * cols
        rows = []
        for i in range(0, len(cells), cols):
            chunk = cells[i:i + cols] + [""] * (cols - len(cells[i:i + cols]))
            rows.append("<tr>" + "".join(
                f'<td width="{w}%" bgcolor="{"#f1f5fa" if c else "#ffffff"}" valign="top">{c}</td>'
                for w, c in zip(shares, chunk, strict=True)) + "</tr>")
        out.append(f'<table width="100%" cellspacing="10" cellpadding="12" style="font-size:{pt:.1f}pt">'
                   + "".join(rows) + "</table>")
    money = _tr("見積額: {0}").format(_yen(item.estimate)) + (
        _tr("（{0}）").format(_e(rule_text(item.rule_text))) if item.estimate is not None and item.rule_text else "")
    out.append(f'<div style="font-size:{pt:.1f}pt; color:{NAVY}">{money}</div>')
    if item.peers:
        out.append(f'<div style="font-size:{pt:.1f}pt; font-weight:bold; color:{GREEN}">'
                   f'{_e(peer_text(item.peers, judged=item.peers_judged))}{_e(_tr("　— 標準の機能で業務を行っている団体"))}</div>')
    if item.gaps:  # members that judged it △ / × on their Fit&Gap sheet but do not ask
        out.append(f'<div style="font-size:{pt:.1f}pt; color:{AMBER}">{_e(peer_text((), judged=False, gaps=item.gaps))}</div>')
    if r.notes:
        out.append(f'<div style="font-size:{pt:.1f}pt; color:{GREY}">{_tr("協議内容: {0}").format(_e(r.notes))}</div>')
    return "".join(out)


class PresentationCanvas(QWidget):
    """Paints the current item: a header (meeting, 継続, position), the body, the key hints."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.presentation: Presentation | None = None
        self.index = 0
        self._layout: SlideLayout | None = None
        self._layout_key: tuple | None = None
        self.only: int | None = None  # Z: the member whose whole text is shown (None: all members)
        self.start = 0  # Z: the page of that member's request
        self.key_handler = None  # the view's keys (next, previous, 0–6, H, Esc)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAutoFillBackground(True)
        pal = self.palette()
        pal.setColor(self.backgroundRole(), QColor("#ffffff"))
        self.setPalette(pal)

    def scale(self) -> float:
        """The window's size against 1920×1080 (the screen, not what the controls leave of it)."""
        top = self.window()
        return min(top.width() / BASE_W, top.height() / BASE_H) or 1.0

    def item(self) -> PresentedItem | None:
        p = self.presentation
        return p.items[self.index] if p is not None and 0 <= self.index < len(p.items) else None

    def _margins(self) -> tuple[float, float, float]:
        s = self.scale()
        return 48 * s, 110 * s, 70 * s  # side, header, footer

    def slide_layout(self) -> SlideLayout | None:
        """The current item set for the current size (cached)."""
        item = self.item()
        if item is None:
            return None
        side, head, foot = self._margins()
        only = self.only if self.only is not None and self.only < len(item.members) else None
        key = (id(self.presentation), self.index, self.width(), self.height(), only, self.start)
        if key != self._layout_key:
            self._layout = SlideLayout(item, int(self.width() - 2 * side), int(self.height() - head - foot),
                                       self.scale(), self.font(), only, self.start if only is not None else 0)
            self._layout_key = key
        return self._layout

    def set_presentation(self, presentation: Presentation, index: int) -> None:
        new_index = max(0, min(index, len(presentation.items) - 1)) if presentation.items else 0
        if new_index != self.index:
            self.only, self.start = None, 0  # another item: all its members
        self.presentation = presentation
        self.index = new_index
        self._layout_key = None
        self.update()

    def position_text(self) -> str:
        p = self.presentation
        return f"{self.index + 1} / {len(p.items)}" if p and p.items else "0 / 0"

    def show_next_member(self) -> None:
        """Z: one member's whole text; again the next member; after the last, all members."""
        item = self.item()
        n = len(item.members) if item is not None else 0
        layout = self.slide_layout() if self.only is not None else None
        if layout is not None and layout.page is not None and layout.page[1] < len(item.members[self.only].content or ""):
            self.start = layout.page[1]  # the next page of the same member's request
            self.update()
            return
        self.start = 0
        self.only = None if n == 0 or (self.only is not None and self.only + 1 >= n) else (
            0 if self.only is None else self.only + 1)
        self.update()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self.key_handler is None or not self.key_handler(event):
            super().keyPressEvent(event)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        s = self.scale()
        side, head, foot = self._margins()
        w, h = self.width(), self.height()
        pres, item = self.presentation, self.item()
        header_font = QFont(self.font())
        header_font.setPointSizeF(MIN_PT * 1.15 * s)
        p.setFont(header_font)
        p.fillRect(QRectF(0, 0, w, head - 24 * s), QColor(NAVY))
        p.setPen(QColor("#ffffff"))
        left = label(pres.meeting) + "　" + display_date(pres.held_on) if pres else ""
        if item is not None and item.row.carried_over:
            left += _tr("　［継続］")
        p.drawText(QRectF(side, 0, w * 0.7, head - 24 * s), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                   left)
        big = QFont(header_font)
        big.setPointSizeF(MIN_PT * 1.6 * s)
        big.setBold(True)
        p.setFont(big)
        p.drawText(QRectF(w * 0.6, 0, w * 0.4 - side, head - 24 * s),
                   Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, self.position_text())
        layout = self.slide_layout()
        if layout is None:
            p.setPen(QColor(GREY))
            p.setFont(header_font)
            p.drawText(QRectF(side, head, w - 2 * side, h - head - foot), Qt.AlignmentFlag.AlignCenter,
                       self.tr("議題がありません。会議の「議題」タブで議題を作成してください。"))
        else:
            p.save()
            p.translate(side, head)
            layout.doc.drawContents(p, QRectF(0, 0, w - 2 * side, h - head - foot))
            p.restore()
        hint = QFont(self.font())
        hint.setPointSizeF(MIN_PT * s)
        p.setFont(hint)
        p.setPen(QColor(GREY))
        p.drawText(QRectF(side, h - foot, w - 2 * side, foot), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                   self.tr("→ 次　← 前　1〜6 決定・継続・報告　Z 団体の全文　H 操作パネル　Esc 終了"))
        p.end()


class PresentationControls(QWidget):
    """The secretary's decision controls for the current item (the same op as the 協議結果 tab)."""

    recorded = Signal()
    done = Signal()  # Enter recorded or Esc pressed: back to the slide

    def __init__(self, runner: OpRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.meeting_id: int | None = None
        self.item: PresentedItem | None = None
        self.decided = False  # the current item is decided at this meeting: nothing to record
        self._showed_decision = False
        self.setObjectName("presentationControls")
        self.item_label = QLabel()
        self.item_label.setStyleSheet(f"font-weight: bold; color: {NAVY};")
        self.choice_combo = QComboBox()
        for n, (text, _, _) in enumerate(CHOICES):
            self.choice_combo.addItem(self.tr("{0}　[{1}]").format(self.tr(text), n))
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("理由（決定のとき。Enter で記録、Esc でスライドへ）"))
        self.reason_edit.returnPressed.connect(self.record)
        self.record_button = QPushButton(self.tr("記録"))
        self.record_button.clicked.connect(self.record)
        self.state_label = QLabel()
        self.state_label.setObjectName("presentationState")
        self.state_label.setStyleSheet(f"color: {GREEN};")
        row = QHBoxLayout()
        row.addWidget(self.item_label)
        row.addWidget(self.choice_combo)
        row.addWidget(self.reason_edit, 1)
        row.addWidget(self.record_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addLayout(row)
        layout.addWidget(self.state_label)

    def set_item(self, meeting_id: int, item: PresentedItem | None, *, held_on: dt.date | None = None) -> None:
        """Show the current item; the form is cleared only when the item changes. At a meeting dated after
        today (``held_on``) the line says so and nothing is offered to record (walk O12; the op refuses too)."""
        changed = item is None or self.item is None or item.row.item_id != self.item.row.item_id
        self.meeting_id, self.item = meeting_id, item
        held = not not_held_yet(held_on)
        r = item.row if item is not None else None
        # Decided at this meeting (標準化 / 取下げ / カスタマイズ実施): the controls show that decision and
        # offer nothing to record over it (the core refuses a second decision; walk 2026-12-07, 35).
        decided = r is not None and ((r.outcome == "decided" and r.decision_status in FINAL)
                                     or r.outcome == CUSTOMIZED_PENDING)
        self.decided = decided
        for w in (self.choice_combo, self.reason_edit, self.record_button):
            w.setEnabled(held and not decided)
        if item is None or r is None:
            self.item_label.setText("")
            self.state_label.setText("")
            return
        self.item_label.setText(item.row.key)
        if decided:
            state = self.tr("この会議で決定済み: {0}（決定は記録し直せません）").format(label(r.decision_label))
        else:
            state = self.tr("協議結果: {0}　状態: {1}").format(outcome_summary(r), label(r.status_label))
        if not held:
            state = self.tr("{0}の会議です。協議結果は会議の当日から記録できます。").format(display_date(held_on))
        self.state_label.setStyleSheet(f"color: {GREEN if held else AMBER};")
        self.state_label.setText(state)
        if decided:
            self.choice_combo.setCurrentIndex(decided_choice(r))
            self.reason_edit.setText(r.decision_reason or "")
        elif changed or self._showed_decision:
            self.choice_combo.setCurrentIndex(0)
            self.reason_edit.clear()
        self._showed_decision = decided

    def choose(self, n: int) -> None:
        """Key 0–6: choose, and put the cursor in 理由 (nothing on an item already decided)."""
        if self.decided:
            return
        self.choice_combo.setCurrentIndex(n)
        self.reason_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def record(self) -> bool:
        """Record the chosen outcome through the runner (record_outcome, as the 協議結果 tab does)."""
        item, mid = self.item, self.meeting_id
        if item is None or mid is None or self.decided:
            return False
        _, outcome, decide = CHOICES[self.choice_combo.currentIndex()]
        reason = self.reason_edit.text().strip() if outcome == "decided" else None
        item_id = item.row.item_id
        changes = meeting_ops.record_outcome(self.window(), self.runner, meeting_id=mid, item_id=item_id,
                                             outcome=outcome, decide=decide, reason=reason)
        if changes is None:
            return False  # refused: the core's message was shown; what was typed stays
        self.reason_edit.clear()
        self.recorded.emit()
        self.done.emit()
        return True

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.key() == Qt.Key.Key_Escape:
            self.done.emit()
            return
        super().keyPressEvent(event)


class PresentationView(QWidget):
    """The presentation window; see the module docstring."""

    def __init__(self, runner: OpRunner, meeting_id: int, *, start_item_id: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.runner = runner
        self.meeting_id = meeting_id
        self.setWindowTitle(self.tr("プレゼンテーション"))
        self.canvas = PresentationCanvas(self)
        self.controls = PresentationControls(runner, self)
        self.controls.done.connect(self.focus_slide)
        self.separate_controls = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.controls)
        for keys, slot in (("PgDown", self.next), ("PgUp", self.previous)):
            sc = QShortcut(QKeySequence(keys), self)
            sc.setContext(Qt.ShortcutContext.WindowShortcut)
            sc.activated.connect(slot)
        self.canvas.key_handler = self._slide_key
        runner.changed.connect(self._on_changed)
        self.reload(start_item_id=start_item_id)
        self.canvas.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- data -------------------------------------------------------------------------

    def reload(self, *, start_item_id: int | None = None) -> None:
        """Read the agenda again, staying on the same item (or going to ``start_item_id``)."""
        current = self.canvas.item()
        want = start_item_id if start_item_id is not None else (current.row.item_id if current else None)
        pres = self.runner.read(lambda s: build_presentation(s, self.meeting_id))
        index = next((n for n, it in enumerate(pres.items) if it.row.item_id == want), self.canvas.index)
        self.canvas.set_presentation(pres, index)
        self._sync()

    def _on_changed(self, changes: Changes) -> None:
        if changes.requests or changes.meetings or changes.costs:
            self.reload()

    def _sync(self) -> None:
        p = self.canvas.presentation
        self.controls.set_item(self.meeting_id, self.canvas.item(), held_on=p.held_on if p else None)
        self.setWindowTitle(self.tr("プレゼンテーション — {0}（{1}）").format(label(p.meeting) if p else "",
                                                                      self.canvas.position_text()))

    # --- navigation -------------------------------------------------------------------

    def go(self, index: int) -> None:
        p = self.canvas.presentation
        if p is None or not p.items:
            return
        self.canvas.set_presentation(p, index)
        self._sync()

    def next(self) -> None:
        self.go(self.canvas.index + 1)

    def previous(self) -> None:
        self.go(self.canvas.index - 1)

    def position_text(self) -> str:
        return self.canvas.position_text()

    def focus_slide(self) -> None:
        self.canvas.setFocus(Qt.FocusReason.OtherFocusReason)

    def toggle_controls(self) -> None:
        """H: hide or show the decision controls (on the slide's screen)."""
        self.controls.setVisible(not self.controls.isVisible())
        if not self.controls.isVisible():
            self.focus_slide()

    def _slide_key(self, event) -> bool:
        """The slide's keys; False for a key it does not use."""
        key = event.key()
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Space, Qt.Key.Key_PageDown):
            self.next()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace):
            self.previous()
        elif key == Qt.Key.Key_Home:
            self.go(0)
        elif key == Qt.Key.Key_End:
            self.go(len(self.canvas.presentation.items) - 1 if self.canvas.presentation else 0)
        elif key == Qt.Key.Key_H:
            self.toggle_controls()
        elif key == Qt.Key.Key_Z:
            self.canvas.show_next_member()
        elif key == Qt.Key.Key_Escape and self.canvas.only is not None:
            self.canvas.only, self.canvas.start = None, 0  # from one member's whole text back to all members
            self.canvas.update()
        elif Qt.Key.Key_0 <= key <= Qt.Key.Key_6:
            if not self.controls.isVisible():
                self.controls.show()
            self.controls.choose(key - Qt.Key.Key_0)
            if self.separate_controls:
                self.controls.activateWindow()
        elif key == Qt.Key.Key_Escape:
            self.close()
        else:
            return False
        return True

    # --- showing ----------------------------------------------------------------------

    def show_presentation(self) -> None:
        """Full screen: on the second screen with the controls on the laptop's, else both on one."""
        screens = QGuiApplication.screens()
        primary = QGuiApplication.primaryScreen()
        if len(screens) > 1:
            projector = next(s for s in screens if s is not primary)
            self.separate_controls = True
            self.controls.setParent(None, Qt.WindowType.Window)
            self.controls.setWindowTitle(self.tr("プレゼンテーションの操作"))
            geo = primary.availableGeometry()
            self.controls.resize(min(geo.width(), 1100), self.controls.sizeHint().height())
            self.controls.move(geo.left() + 20, geo.bottom() - self.controls.height() - 60)
            self.controls.show()
            self.setGeometry(projector.geometry())
        self.showFullScreen()
        self.focus_slide()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if not self.separate_controls:  # on the projector too: as large as the slide's smallest text
            font = QFont(self.font())
            font.setPointSizeF(MIN_PT * min(self.width() / BASE_W, self.height() / BASE_H))
            self.controls.setFont(font)
            for child in self.controls.findChildren(QWidget):  # labels with a style sheet keep their own font
                child.setFont(font)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self.separate_controls:  # a window of its own on the laptop: it goes with the slide
            self.controls.close()
            self.controls.deleteLater()
        try:
            self.runner.changed.disconnect(self._on_changed)
        except (RuntimeError, TypeError):
            pass
        super().closeEvent(event)

    def render_png(self, path: str, size: QSize) -> None:
        """The window at ``size`` as a PNG (for the guide and for looking at it)."""
        self.resize(size)
        self.grab().save(str(path))

"""What every PDF report shares: the embedded BIZ UD fonts, paper sizes, Japanese line breaking
(禁則) with cached glyph widths, and the page furniture (資料番号 top right, "n / N" footer).

Every piece of text must name one of the fonts registered here: reportlab falls back to an
unembedded Helvetica for anything drawn without a font (a canvas's initial font included,
which is why ``new_canvas`` sets ``initialFontName``). Reports lay out all their pages first
and draw them afterwards, so the page count is known when the footers are drawn.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlab.lib.pagesizes import A3, A4, landscape, portrait
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from ..resources import resource_path

if TYPE_CHECKING:  # reportlab.graphics loads with the first chart, not at start-up
    from reportlab.graphics.shapes import Drawing

try:  # the C helpers make reportlab's string handling several times faster; optional
    import _rl_accel  # noqa: F401
except ImportError:  # pragma: no cover
    pass

GOTHIC = "BIZUDGothic"
GOTHIC_BOLD = "BIZUDGothic-Bold"
MINCHO = "BIZUDMincho"
_FONT_FILES = {GOTHIC: "BIZUDGothic-Regular.ttf", GOTHIC_BOLD: "BIZUDGothic-Bold.ttf", MINCHO: "BIZUDMincho-Regular.ttf"}

PAPERS = {
    "a3": landscape(A3),
    "a4": landscape(A4),
    "a4-portrait": portrait(A4),
}

# 禁則: characters that may not begin a line (closing brackets, punctuation, small kana, the
# prolonged sound mark, iteration marks) and that may not end one (opening brackets).
NO_START = frozenset(
    "、。，．,.・：；:;？！?!‐-–—ー〜～…‥゛゜ヽヾゝゞ々〻"
    "）)］]｝}〕〉》」』】〙〗｠»"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
    "％%‰℃°′″"
)
NO_END = frozenset("（(［[｛{〔〈《「『【〘〖｟«￥$＄")
CONTINUED = "（続き）"  # after the key of a row that goes on from the page before: 「R-0003（続き）」

_registered: set[str] = set()
ALL_FONTS = (GOTHIC, GOTHIC_BOLD, MINCHO)


def register_fonts(*fonts: str) -> None:
    """Register these BIZ UD fonts (all three when none is named) as embedded TrueType fonts, each
    once. Reading a font's tables takes ~0.05 s of CPU (6 MB for Mincho), so a report that prints
    in Gothic only (the comparison sheet) does not read Mincho."""
    for name in fonts or ALL_FONTS:
        if name not in _registered:
            pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", _FONT_FILES[name]))))
            _registered.add(name)
            if name in (GOTHIC, GOTHIC_BOLD) and {GOTHIC, GOTHIC_BOLD} <= _registered:
                from reportlab.lib.fonts import addMapping

                addMapping(GOTHIC, 0, 0, GOTHIC)
                addMapping(GOTHIC, 1, 0, GOTHIC_BOLD)


class Widths:
    """Glyph widths per font, read once per character from the font's own table (1/1000 em)."""

    def __init__(self) -> None:
        self._tables: dict[str, tuple[dict[int, float], float, dict[str, float]]] = {}

    def _table(self, font: str) -> tuple[dict[int, float], float, dict[str, float]]:
        t = self._tables.get(font)
        if t is None:
            register_fonts(font)
            face = pdfmetrics.getFont(font).face  # type: ignore[attr-defined]  # a TTFont's face; the stubs type getFont as Font
            t = self._tables[font] = (face.charWidths, float(face.defaultWidth), {})
        return t

    def char_widths(self, font: str) -> dict[str, float]:
        """A dict char → width at size 1000 that fills itself (use ``em_width`` for a miss)."""
        return self._table(font)[2]

    def em_width(self, font: str, ch: str) -> float:
        """Width of one character at size 1000 (and remember it)."""
        widths, default, cache = self._table(font)
        w = cache[ch] = float(widths.get(ord(ch), default))
        return w

    def width(self, text: str, font: str, size: float) -> float:
        """Width of a string in points (reportlab applies no kerning, so this equals stringWidth)."""
        cache = self._table(font)[2]
        total = 0.0
        for ch in text:
            w = cache.get(ch)
            if w is None:
                w = self.em_width(font, ch)
            total += w
        return total * size / 1000.0


WIDTHS = Widths.__new__(Widths)  # initialised on first use, so importing does not read fonts
_widths_ready = False


def widths() -> Widths:
    """The shared width cache."""
    global _widths_ready
    if not _widths_ready:
        Widths.__init__(WIDTHS)
        _widths_ready = True
    return WIDTHS


def _is_word_char(ch: str) -> bool:
    # Latin letters, digits and the like stay together (a URL, 1,200件's digits, R-0001), as in
    # Japanese typesetting; a word longer than the line is still broken.
    return ch.isascii() and not ch.isspace() and ch not in "()[]{}"


# Amounts, counts, ordinals and dates read as one word: 「1,650,000円」, 「1,200件」, 「第2回」, 「令和8年11月22日」 are
# never broken inside (a line may still break before or after them).
_UNITS = re.compile(r"(?:令和|平成|昭和)(?:元|[0-9０-９]{1,2})年(?:[0-9０-９]{1,2}月(?:[0-9０-９]{1,2}日)?)?"
                    r"|第[0-9０-９]+(?:回|号|条|版|期)"
                    r"|[0-9０-９][0-9０-９,，.]*(?:円|人|件|団体|％|%|年度|か月|ページ)")


@lru_cache(maxsize=64)
def _words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    alts = sorted({w for w in words if len(w) > 1}, key=len, reverse=True)
    core = "|".join([re.escape(w) for w in alts] + [_UNITS.pattern])
    # 禁則 glues an opening bracket to what follows it and a closing one to what precedes it, so
    # 「（42,963人）」 is as unbreakable as 「42,963人」.
    opening = re.escape("".join(sorted(NO_END)))
    closing = re.escape("".join(sorted(NO_START)))
    return re.compile(f"[{opening}]*(?:{core})[{closing}]*")


def unbreakable_tokens(text: str, words: tuple[str, ...] = ()) -> list[str]:
    """The pieces of ``text`` that ``wrap_text`` keeps on one line when they fit: the ``words``
    given (member names, status labels), amounts and dates, and runs of ASCII letters and digits,
    each with the brackets and punctuation 禁則 keeps with it."""
    found = [m.group(0) for m in _words_pattern(tuple(words)).finditer(text)]
    opening = "".join(NO_END)
    closing = "".join(NO_START)
    found += re.findall(f"[{re.escape(opening)}]*[!-~]+[{re.escape(closing)}]*", text)
    return found


def min_token_width(texts: Iterable[str | None], font: str, size: float, words: tuple[str, ...] = ()) -> float:
    """The width in points of the widest unbreakable token in ``texts`` (0 when there is none)."""
    ws = widths()
    best = 0.0
    for t in texts:
        for tok in unbreakable_tokens(t or "", words):
            best = max(best, ws.width(tok, font, size))
    return best


def wrap_text(text: str, width: float, font: str, size: float, words: tuple[str, ...] = ()) -> list[str]:
    """Break text into lines no wider than ``width`` points, keeping the 禁則 rules.

    Explicit line breaks are kept. Between Japanese characters any point may break; runs of
    ASCII letters and digits break only at spaces unless a run alone is wider than the line;
    ``words`` (member names, status labels), amounts with their unit and 和暦 dates are kept
    whole in the same way. No line starts with a NO_START character and none ends with a NO_END
    one (the characters are pushed to the next line, 追い出し); text is never dropped and never
    overflows.
    """
    if not text:
        return []
    ws = widths()
    cache = ws.char_widths(font)
    scale = size / 1000.0
    limit = width / scale  # compare in font units
    pattern = _words_pattern(tuple(words))
    out: list[str] = []
    for para in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if not para:
            out.append("")
            continue
        # Atoms: a run of word characters, a kept word, or a single other character.
        spans = {m.start(): m.end() for m in pattern.finditer(para)} if not para.isascii() else {}
        atoms: list[str] = []
        aw: list[float] = []
        i, n = 0, len(para)
        while i < n:
            ch = para[i]
            end = spans.get(i)
            if end is not None:
                while end < n and _is_word_char(para[end - 1]) and _is_word_char(para[end]):
                    end += 1
                atom = para[i:end]
                i = end
            elif _is_word_char(ch):
                j = i + 1
                while j < n and _is_word_char(para[j]):
                    j += 1
                atom = para[i:j]
                i = j
            else:
                atom = ch
                i += 1
            w = 0.0
            for c in atom:
                cw = cache.get(c)
                if cw is None:
                    cw = ws.em_width(font, c)
                w += cw
            if w > limit and len(atom) > 1:  # an over-long word: break it between characters
                for c in atom:
                    atoms.append(c)
                    aw.append(cache.get(c) or ws.em_width(font, c))
            else:
                atoms.append(atom)
                aw.append(w)
        out.extend(_fill(atoms, aw, limit))
    return out


def _fill(atoms: list[str], aw: list[float], limit: float) -> list[str]:
    lines: list[str] = []
    line: list[int] = []  # atom indexes on the current line
    cur = 0.0
    for k, w in enumerate(aw):
        if not line and atoms[k] == " ":
            continue  # no leading space
        if cur + w <= limit or not line:
            line.append(k)
            cur += w
            continue
        # atoms[k] does not fit: find a legal break at or before it.
        cut = len(line)
        while cut > 0 and not _legal(atoms, line, cut, k):
            cut -= 1
        if cut == 0:
            cut = len(line)  # nothing legal (a line of only punctuation): break anyway
        head, rest = line[:cut], line[cut:]
        lines.append("".join(atoms[i] for i in head).rstrip(" "))
        line = [i for i in rest if not (atoms[i] == " " and i == rest[0])] + [k]
        cur = sum(aw[i] for i in line)
        while cur > limit and len(line) > 1:  # moved-down characters plus this one overflow again
            cut = len(line) - 1
            while cut > 0 and not _legal(atoms, line, cut, line[cut]):
                cut -= 1
            cut = cut or len(line) - 1
            lines.append("".join(atoms[i] for i in line[:cut]).rstrip(" "))
            line = line[cut:]
            cur = sum(aw[i] for i in line)
    if line:
        lines.append("".join(atoms[i] for i in line).rstrip(" "))
    return lines


def _legal(atoms: list[str], line: list[int], cut: int, nxt: int) -> bool:
    """May a line end after line[cut-1] with the next line starting at line[cut] (or atom nxt)?"""
    first = atoms[line[cut]] if cut < len(line) else atoms[nxt]
    last = atoms[line[cut - 1]]
    return first[0] not in NO_START and last[-1] not in NO_END


# --- fast text --------------------------------------------------------------------------------


class RawText:
    """One BT … ET block of absolutely positioned lines, written as PDF operators directly.

    reportlab's TextObject re-encodes every string into font subsets and measures it to move
    its cursor; a table repeats the same short strings (statuses, reasons, labels) thousands of
    times and positions every line absolutely, so the encoded runs are cached per document
    and no cursor is kept. Fonts must be registered TrueType fonts (``register_fonts``).
    """

    def __init__(self, canvas: Canvas, cache: dict[tuple[str, str], list[tuple[str, str]]] | None = None):
        self.c = canvas
        self.code: list[str] = []
        self.cache = {} if cache is None else cache  # (font, text) → [(subset font name, escaped)]
        self.font = GOTHIC
        self.size = 10.0
        self._cur_name: str | None = None  # the font selected last (Tf), and its size
        self._cur_size = 0.0

    def set_font(self, font: str, size: float) -> None:
        self.font, self.size = font, size

    def set_gray(self, gray: float) -> None:
        self.code.append(f"{gray:.3f} g")

    def line(self, x: float, y: float, text: str) -> None:
        """Draw ``text`` with its baseline starting at (x, y)."""
        self.line_at(f"{x:.2f}", y, text)

    def line_at(self, x: str, y: float, text: str) -> None:
        """``line`` with x already formatted as ``f"{x:.2f}"`` (a table column's left edge, once)."""
        if not text:
            return
        runs = self.cache.get((self.font, text))
        if runs is None:
            font = pdfmetrics.getFont(self.font)
            # reportlab's own text path, without its per-call overhead: private API the stubs leave out
            doc = self.c._doc  # type: ignore[attr-defined]  # private: the canvas's PDF document
            runs = self.cache[(self.font, text)] = [(font.getSubsetInternalName(subset, doc), self.c._escape(t))  # type: ignore[attr-defined]  # TTFont's subset name; private escape
                                                    for subset, t in font.splitString(text, doc)]  # type: ignore[attr-defined]  # a TTFont method
        code = self.code
        code.append(f"1 0 0 1 {x} {y:.2f} Tm")
        for name, escaped in runs:
            if self._cur_name != name or self._cur_size != self.size:
                code.append(f"{name} {self.size:g} Tf")
                self._cur_name, self._cur_size = name, self.size
            code.append(f"({escaped}) Tj")

    def draw(self) -> None:
        """Add the block to the current page and start afresh."""
        if self.code:
            self.c._code.append("BT\n" + "\n".join(self.code) + "\nET")  # type: ignore[attr-defined]  # private: the page's content stream
        self.code = []
        self._cur_name = None


# --- pages ------------------------------------------------------------------------------------


def new_canvas(path: str | Path, pagesize: tuple[float, float], *, title: str, author: str | None = None,
               subject: str | None = None, fonts: tuple[str, ...] = ALL_FONTS) -> Canvas:
    """A canvas whose every default font is an embedded BIZ UD font; ``fonts``: those it may draw in."""
    register_fonts(*fonts, GOTHIC)
    c = Canvas(str(path), pagesize=pagesize, initialFontName=GOTHIC,  # type: ignore[arg-type]  # the stubs say a number; it is a font name
               initialFontSize=10, pageCompression=1, lang="ja-JP")
    c.setTitle(title)
    c.setCreator("cloudsuppress")
    if author:
        c.setAuthor(author)
    if subject:
        c.setSubject(subject)
    return c


DOC_NUMBER_MARGIN = 12 * mm  # from the top of the page to the 資料番号 box
DOC_NUMBER_SIZE = 11


def doc_number_bottom(*, margin: float = DOC_NUMBER_MARGIN, size: float = DOC_NUMBER_SIZE) -> float:
    """How far below the top of the page the 資料番号 box reaches."""
    return margin + size + 3 * mm


def draw_doc_number(c: Canvas, text: str, pagesize: tuple[float, float], *, margin: float = DOC_NUMBER_MARGIN,
                    size: float = DOC_NUMBER_SIZE) -> None:
    """資料番号 (資料2) boxed at the top right."""
    if not text:
        return
    w = widths().width(text, GOTHIC_BOLD, size)
    pw, ph = pagesize
    x1 = pw - margin
    box_w, box_h = w + 4 * mm, size + 3 * mm
    c.setLineWidth(0.8)
    c.rect(x1 - box_w, ph - margin - box_h, box_w, box_h, stroke=1, fill=0)
    c.setFont(GOTHIC_BOLD, size)
    c.drawString(x1 - box_w + 2 * mm, ph - margin - box_h + 1.5 * mm + size * 0.12, text)


def draw_footer(c: Canvas, page: int, pages: int, pagesize: tuple[float, float], *, margin: float = 12 * mm,
                left: str | None = None, size: float = 8) -> None:
    """"n / N" centred at the bottom, an optional note at the bottom left."""
    pw, _ = pagesize
    c.setFont(GOTHIC, size)
    c.setFillGray(0)
    c.drawCentredString(pw / 2, margin * 0.6, f"{page} / {pages}")
    if left:
        c.drawString(margin, margin * 0.6, left)


def yen(value: int | None) -> str:
    """1650000 → '1,650,000円'; None → ''."""
    return "" if value is None else f"{value:,}円"


def today() -> dt.date:
    return dt.date.today()


# --- flowing documents ------------------------------------------------------------------------


Op = tuple[Any, ...]  # a drawing operation kept for a page: ("line", ...), ("fill", ...), ("drawing", x, y, d) ...


def _shift(op: Op, dy: float) -> Op:
    """A drawing operation moved down the page by ``-dy`` (to carry it to the next page)."""
    kind = op[0]
    if kind == "line":
        return (kind, op[1], op[2] + dy, op[3], op[4] + dy, *op[5:])
    return (kind, op[1], op[2] + dy, *op[3:])


@dataclass(frozen=True)
class _Held:
    """What must move with the next thing placed: from op ``first`` of page ``page``, begun at
    ``y``; ``head`` draws again, on the new page, the heading of the table the moved row is in."""

    page: int
    first: int
    y: float
    head: Callable[[], None] | None = None


class Flow:
    """A top-to-bottom page layout for documents such as minutes and cost reports.

    Calls add paragraphs, headings and simple grid tables; the result is a list of pages of
    drawing operations, rendered by ``render`` once the page count is known (for "n / N").
    Paragraphs are wrapped with ``wrap_text``. A heading travels to the next page with what
    follows it (no heading alone at the foot of a page); a table row moves to the next page
    whole when it is short, and a tall row is split at a line boundary, its continued part
    marked 「（続き）」 under its key and the ``repeat`` columns printed again.
    """

    def __init__(self, pagesize: tuple[float, float], *, margin: float = 20 * mm, bottom: float = 20 * mm,
                 doc_number: str | None = None, words: tuple[str, ...] = ()):
        """``doc_number``: the 資料番号 boxed at the top right of every page; pages after the
        first start below it (the first page's heading is the caller's to lay out beside it).
        ``words``: what no paragraph or table of the document breaks (member names, labels)."""
        register_fonts()  # the paragraphs, tables and charts measure any of the three fonts
        self.words = tuple(words)
        self.pagesize = pagesize
        self.left = margin
        self.right = pagesize[0] - margin
        self.top = pagesize[1] - margin
        self.bottom = bottom
        self.doc_number = (doc_number or "").strip() or None
        self.pages: list[list[Op]] = [[]]
        self.y = self.top
        # What must move with the next thing placed: (page index, first op index, y where it began).
        self._held: _Held | None = None
        # The last table row (or paragraph line) placed, which a note may bring to the next page.
        self._last_row: _Held | None = None

    @property
    def width(self) -> float:
        return self.right - self.left

    def _page_top(self) -> float:
        if self.doc_number:  # clear of the box, with a little air
            return min(self.top, self.pagesize[1] - doc_number_bottom() - 2 * mm)
        return self.top

    def new_page(self) -> None:
        held, self._held = self._held, None
        moved: list[Op] = []
        if held is not None and held.page == len(self.pages) - 1 and held.first > 0:
            moved = self.pages[-1][held.first:]
            del self.pages[-1][held.first:]
        self.pages.append([])
        self.y = self._page_top()
        if moved and held is not None:  # the held heading (or table row) goes first on the new page
            if held.head is not None:  # a table row under its table's heading, as on any later page
                held.head()
            dy = self.y - held.y
            self.pages[-1].extend(_shift(op, dy) for op in moved)
            used = held.y - self._y_before_move
            self.y -= used

    def hold(self) -> None:
        """Keep what is placed from now on with the next thing placed (a heading with its text)."""
        self._held = _Held(len(self.pages) - 1, len(self.pages[-1]), self.y)

    def release(self) -> None:
        self._held = None

    def ensure(self, height: float) -> None:
        """Start a new page unless ``height`` points still fit on this one."""
        if self.y - height < self.bottom and self.pages[-1]:
            self._y_before_move = self.y
            self.new_page()

    def _break(self) -> None:
        self._y_before_move = self.y
        self.new_page()

    def space(self, height: float) -> None:
        self.y -= height

    def text(self, x: float, y: float, line: str, font: str, size: float, gray: float = 0.0) -> None:
        self.pages[-1].append(("text", x, y, line, font, size, gray))

    def paragraph(self, text: str, *, font: str = MINCHO, size: float = 10.5, indent: float = 0.0,
                  label: str | None = None, label_font: str | None = None, label_width: float = 0.0,
                  leading: float = 1.6, gray: float = 0.0, align: str = "l", keep: int = 1,
                  with_previous: bool = False, words: tuple[str, ...] = ()) -> None:
        """Wrapped text from ``left + indent`` (after a hanging ``label`` of ``label_width``).

        ``keep``: lines kept together at the top (2 avoids a lone first line); ``with_previous``:
        the paragraph's first lines stay on the page of the table row before it (a note under a
        table never starts a page alone)."""
        x = self.left + indent + label_width
        width = self.right - x
        lines = wrap_text(text or "", width, font, size, words or self.words) or [""]
        lead = size * leading
        if with_previous and self._last_row is not None and self._held is None:
            self._held = self._last_row
        together = min(max(keep, 2 if len(lines) >= 2 else 1), len(lines))
        self.ensure(lead * together)
        ascent = size * 0.88
        for i, line in enumerate(lines):
            if self.y - lead < self.bottom:
                self._break()
            if i == 0 and label:
                self.text(self.left + indent, self.y - ascent, label, label_font or font, size)
            if align == "c":
                lx = self.left + (self.width - widths().width(line, font, size)) / 2
            elif align == "r":
                lx = self.right - widths().width(line, font, size)
            else:
                lx = x
            if i == len(lines) - 1:  # a closing line after this one (以上, a note) may bring it along
                self._last_row = _Held(len(self.pages) - 1, len(self.pages[-1]), self.y)
            self.text(lx, self.y - ascent, line, font, size, gray)
            self.y -= lead
            if i == together - 1:
                self.release()

    def heading(self, text: str, *, font: str = GOTHIC_BOLD, size: float = 11.5, before: float = 3 * mm,
                follow: float | None = None) -> None:
        """A section heading, kept with the first lines (or the first table row) of what follows;
        ``follow``: the height of a short section that must stay whole with its heading (a total
        and the 以上 under it), instead of the default two lines."""
        self.space(before)
        self.ensure(size * 1.7 + (2 * 10.5 * 1.6 if follow is None else follow))
        self.paragraph(text, font=font, size=size, leading=1.7)
        # hold the heading's lines: they move to the next page with what follows if that does not fit
        n = len(wrap_text(text, self.width, font, size)) or 1
        page = self.pages[-1]
        first = len(page) - n
        self._held = _Held(len(self.pages) - 1, max(first, 0), self.y + n * size * 1.7)

    def column_widths(self, headers: list[str], rows: list[list[str]], col_widths: Sequence[float], *,
                      indent: float = 0.0, font: str = MINCHO, head_font: str = GOTHIC_BOLD, size: float = 10.0,
                      pad: float = 1.5 * mm, words: tuple[str, ...] = ()) -> list[float]:
        """Column widths in points: the relative ``col_widths`` scaled to the line, then every column
        short of its longest unbreakable token (a member name, a status label, an amount) or its
        heading's widened to it, the room taken from the columns with room to spare (a weight of 0:
        a column exactly as wide as its tokens)."""
        words = words or self.words
        total = self.width - indent
        scale = total / sum(col_widths)
        cw = [w * scale for w in col_widths]
        need = []
        for i in range(len(cw)):
            cells = [r[i] for r in rows if i < len(r)]
            need.append(max(min_token_width(cells, font, size, words),
                            min_token_width([headers[i]], head_font, size, words)) + 2 * pad + 0.5)
        if sum(need) > total:  # cannot hold every token: keep the proportions (the caller checks ``fits`` first)
            return cw
        # The proportions first; a column short of its tokens is widened, the room taken from the
        # columns with room to spare, in proportion to it (a weight of 0: exactly what it needs).
        for _ in range(len(cw)):
            short = [i for i in range(len(cw)) if cw[i] < need[i] - 1e-6]
            if not short:
                break
            deficit = sum(need[i] - cw[i] for i in short)
            for i in short:
                cw[i] = need[i]
            slack = {i: cw[i] - need[i] for i in range(len(cw)) if cw[i] > need[i]}
            room = sum(slack.values())
            for i, sl in slack.items():
                cw[i] -= deficit * sl / room
        return cw

    def fits(self, headers: list[str], rows: list[list[str]], *, indent: float = 0.0, font: str = MINCHO,
             head_font: str = GOTHIC_BOLD, size: float = 10.0, pad: float = 1.5 * mm,
             words: tuple[str, ...] = (), reserve: float = 0.0) -> bool:
        """Whether every column can hold its widest unbreakable token side by side on the line,
        with ``reserve`` points left for the text that wraps (if not, the caller switches to a
        layout with fewer columns rather than break words)."""
        words = words or self.words
        need = reserve
        for i in range(len(headers)):
            cells = [r[i] for r in rows if i < len(r)]
            need += max(min_token_width(cells, font, size, words),
                        min_token_width([headers[i]], head_font, size, words)) + 2 * pad + 0.5
        return need <= self.width - indent

    def table(self, headers: list[str], rows: list[list[str]], col_widths: Sequence[float], *, indent: float = 0.0,
              font: str = MINCHO, head_font: str = GOTHIC_BOLD, size: float = 10.0, pad: float = 1.5 * mm,
              align: str | None = None, shade_rows: frozenset[int] = frozenset(), words: tuple[str, ...] = (),
              repeat: frozenset[int] = frozenset(), continues: Mapping[int, str] | None = None) -> None:
        """A grid table; the heading row repeats after a page break.

        ``align``: one letter per column, l / r / c (amounts right-aligned); ``shade_rows``: indexes of
        rows drawn on a light grey (a total row); ``words``: tokens never broken (their columns are
        widened to hold them); ``repeat``: columns printed again on a split row's continued part;
        ``continues``: {row index: key} for rows that go on the row above them (a member's sub-row
        under its item): one that opens a page says whose it is, 「R-0003（続き）」 in its first cell."""
        aligns = align or "l" * len(col_widths)
        words = words or self.words
        cw = self.column_widths(headers, rows, col_widths, indent=indent, font=font, head_font=head_font,
                                size=size, pad=pad, words=words)
        xs = [self.left + indent + sum(cw[:i]) for i in range(len(cw))]
        lead = size * 1.45
        ascent = size * 0.88

        def row_lines(cells: list[str], f: str) -> list[list[str]]:
            return [wrap_text(c or "", w - 2 * pad, f, size, words) for c, w in zip(cells, cw, strict=True)]

        def draw(lines: list[list[str]], f: str, shade: float | None, head: bool = False) -> None:
            h = max((len(x) for x in lines), default=1) * lead + 2 * pad
            ops = self.pages[-1]
            if shade is not None:
                ops.append(("fill", xs[0], self.y - h, sum(cw), h, shade))
            for x, w, cell, a in zip(xs, cw, lines, aligns, strict=True):
                ops.append(("rect", x, self.y - h, w, h))
                y = self.y - pad - ascent
                for line in cell:
                    if a == "l":
                        lx = x + pad
                    else:  # amounts right-aligned, their headings centred
                        lw = widths().width(line, f, size)
                        lx = x + w - pad - lw if a == "r" and not head else x + (w - lw) / 2
                    self.text(lx, y, line, f, size)
                    y -= lead
            self.y -= h

        def height(lines: list[list[str]]) -> float:
            return max((len(x) for x in lines), default=1) * lead + 2 * pad

        head = row_lines(headers, head_font)
        head_h = height(head)
        first_h = height(row_lines(rows[0], font)) if rows else lead + 2 * pad
        body = self._page_top() - self.bottom - head_h
        self.ensure(head_h + min(first_h, 3 * lead + 2 * pad))
        draw(head, head_font, 0.88, True)
        self.release()
        for i, cells in enumerate(rows):
            lines = row_lines(cells, font)
            shade = 0.94 if i in shade_rows else None
            h = height(lines)
            while self.y - h < self.bottom:
                room = int((self.y - self.bottom - 2 * pad) // lead)
                # a short row moves whole; a tall one is split where the page ends
                if h <= min(body, max(body / 4, 6 * lead + 2 * pad)) or room < 2:
                    self._break()
                    draw(head, head_font, 0.88, True)
                    if continues and i in continues:  # the item it belongs to is on the page before
                        lines[0] = wrap_text(f"{continues[i]}{CONTINUED}", cw[0] - 2 * pad, font, size,
                                             (*words, CONTINUED))
                        h = height(lines)
                    break
                part = [cell[:room] for cell in lines]
                rest = [cell[room:] for cell in lines]
                for c in repeat:
                    rest[c] = lines[c]
                rest[0] = wrap_text(f"{cells[0]}{CONTINUED}", cw[0] - 2 * pad, font, size, words) + rest[0]
                draw(part, font, shade)
                self._break()
                draw(head, head_font, 0.88, True)
                lines, h = rest, height(rest)
            self._last_row = _Held(len(self.pages) - 1, len(self.pages[-1]), self.y,
                                   lambda: draw(head, head_font, 0.88, True))
            draw(lines, font, shade)

    def drawing(self, d: Drawing, *, indent: float = 0.0, after: float = 2 * mm) -> None:
        """A reportlab graphics Drawing (a chart) at the left margin plus ``indent``, kept on one page.

        Every String in it must name a registered font (reportlab's charts default to Helvetica)."""
        # The renderer starts every drawing by selecting STATE_DEFAULTS' Helvetica, unembedded,
        # even when nothing is written in it: start it in BIZ UD Gothic instead.
        d.initialFontName = GOTHIC  # type: ignore[attr-defined]  # renderPDF reads it; the stubs do not declare it
        self.ensure(d.height)
        self.release()
        self._last_row = None
        self.pages[-1].append(("drawing", self.left + indent, self.y - d.height, d))
        self.y -= d.height + after

    def render(self, path: str | Path, *, title: str, author: str | None = None, footer_left: str | None = None,
               doc_number: str | None = None) -> int:
        """Draw every page (footer "n / N", the 資料番号 given here or to the constructor) and save;
        return the page count."""
        doc_number = doc_number or self.doc_number
        c = new_canvas(path, self.pagesize, title=title, author=author)
        total = len(self.pages)
        cache: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for n, ops in enumerate(self.pages, start=1):
            for op in ops:
                if op[0] == "fill":
                    c.setFillGray(op[5])
                    c.rect(op[1], op[2], op[3], op[4], stroke=0, fill=1)
            c.setFillGray(0)
            c.setLineWidth(0.6)
            for op in ops:
                if op[0] == "rect":
                    c.rect(op[1], op[2], op[3], op[4], stroke=1, fill=0)
                elif op[0] == "line":
                    c.setLineWidth(op[5])
                    c.line(op[1], op[2], op[3], op[4])
                elif op[0] == "drawing":
                    from reportlab.graphics import renderPDF

                    renderPDF.draw(op[3], c, op[1], op[2])
                    c.setFillGray(0)
                    c.setStrokeGray(0)
                    c.setLineWidth(0.6)
            t = RawText(c, cache)
            gray = 0.0
            for op in ops:
                if op[0] == "text":
                    _, x, y, line, font, size, g = op
                    if g != gray:
                        t.set_gray(g)
                        gray = g
                    t.set_font(font, size)
                    t.line(x, y, line)
            t.draw()
            if doc_number:
                draw_doc_number(c, doc_number, self.pagesize)
            draw_footer(c, n, total, self.pagesize, margin=self.bottom, left=footer_left)
            c.showPage()
        c.save()
        return total

"""What calamine does not say about an .xlsx: its size before reading, and how cells are shown.

Two jobs, both on the raw XML parts of the zip, both cheap C-speed scans:

* **Bounds before reading** (issue 17): a sheet whose cells or declared ``<dimension>`` reach
  XFD1048576 makes calamine allocate the whole used range (over 100 GB: the process aborts),
  and a zip of a few MB may inflate to gigabytes. ``check_xlsx`` refuses such files with a
  Japanese message before calamine sees them.
* **Cells as Excel shows them**: calamine returns values only. An ID typed as a number with the
  format ``0000000`` holds 10001 and shows 0010001; ``SheetFormats`` reads ``xl/styles.xml``
  and the cells' ``s=`` attributes (only when a sheet has number cells with a non-General
  format) so that the reader can give the text the user sees. It also lists formula cells and
  formulas saved without a cached value (calamine reads those as empty).
"""
from __future__ import annotations

import datetime as dt
import re
import zipfile
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import PurePosixPath
from xml.etree import ElementTree

MAX_ROWS = 1_000_000
MAX_COLUMNS = 1_000
MAX_UNCOMPRESSED = 1 << 30  # 1 GiB of XML for the whole workbook
MAX_RATIO = 200  # a part that inflates more than this (and is large) is a zip bomb, not a list
MAX_SPARSE_AREA = 5_000_000  # rows × columns calamine would allocate, allowed whatever the cell count
SPARSE_FACTOR = 100  # beyond MAX_SPARSE_AREA, the used range may be at most this many times the cells

_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
       "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
       "rel": "http://schemas.openxmlformats.org/package/2006/relationships"}
_REF = re.compile(rb'<(?:\w+:)?dimension ref="([A-Z]{1,3})?(\d+)?(?::([A-Z]{1,3})(\d+))?"')
_ROW = re.compile(rb'<(?:\w+:)?row [^>]*?r="(\d+)"')
_LONG_COL = re.compile(rb'<(?:\w+:)?c r="([A-Z]{3,})\d+"')
_MID_COL = re.compile(rb'<(?:\w+:)?c r="([A-Z]{2})\d+"')
_SHAPE = bytes.maketrans(bytes(range(65, 91)) + b"0123456789", b"A" * 26 + b"0" * 10)
_CELL = re.compile(rb'<(?:\w+:)?c r="([A-Z]{1,3})(\d+)"([^>]*?)(/?)>')
_ATTR_S = re.compile(rb'\bs="(\d+)"')
_ATTR_T = re.compile(rb'\bt="(\w+)"')
_COL = re.compile(rb'<(?:\w+:)?col\b([^>]*)>')
_HIDDEN = re.compile(rb'\bhidden="(?:1|true)"')
_ATTR_MIN = re.compile(rb'\bmin="(\d+)"')
_ATTR_MAX = re.compile(rb'\bmax="(\d+)"')
_FORMULA_CELL = re.compile(
    rb'<(?:\w+:)?c r="([A-Z]{1,3})(\d+)"[^>]*?>\s*<(?:\w+:)?f\b[^>]*?(?:/>|>.*?</(?:\w+:)?f>)\s*(<(?:\w+:)?v>[^<])?',
    re.S)


class XlsxBoundsError(Exception):
    """The workbook is beyond what can be read safely; ``str()`` is the Japanese reason."""


def col_index(letters: bytes | str) -> int:
    """b"A" → 0, b"XFD" → 16383."""
    n = 0
    for ch in letters if isinstance(letters, str) else letters.decode():
        n = n * 26 + (ord(ch) - 64)
    return n - 1


def _sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → its part inside the zip (via workbook.xml and its relationships)."""
    try:
        wb = ElementTree.fromstring(zf.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ElementTree.ParseError):
        return {}
    targets = {r.get("Id"): r.get("Target", "") for r in rels.findall("rel:Relationship", _NS)}
    parts = {}
    for sh in wb.iterfind("m:sheets/m:sheet", _NS):
        target = targets.get(sh.get(f"{{{_NS['r']}}}id"), "")
        if not target:
            continue
        path = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
        parts[sh.get("name", "")] = str(PurePosixPath(path))
    return parts


def _too_large(sheet: str, what: str) -> XlsxBoundsError:
    return XlsxBoundsError(
        f"シート「{sheet}」は{what}ため、読み込みません。Excel で表の外の不要な行・列（書式だけのセルを含む）を"
        f"削除して保存し直してください（上限 {MAX_ROWS:,} 行 × {MAX_COLUMNS:,} 列）。")


@dataclass
class SheetXml:
    """What the bounds check learnt of one sheet's XML: its part in the zip, its extent, its formula cells.

    The XML itself is not kept (issue 18: 12.5 MB for a 30,000-row list, held through the whole import);
    the number formats, looked up only when a sheet has number cells, read the part again."""

    name: str
    part: str
    max_row: int = 0
    max_col: int = 0
    cells: int = 0
    formulas: tuple[frozenset[tuple[int, int]], frozenset[tuple[int, int]]] = (frozenset(), frozenset())


@dataclass
class XlsxInfo:
    """The bounds-checked parts of an .xlsx, kept for the format and formula look-ups."""

    path: str
    sheets: dict[str, SheetXml] = field(default_factory=dict)
    styles: bytes | None = None


def check_xlsx(path: str) -> XlsxInfo:
    """Refuse (XlsxBoundsError) a workbook too large to read; return its sheets' XML otherwise."""
    info = XlsxInfo(path)
    with zipfile.ZipFile(path) as zf:
        check_zip_sizes(zf)
        for name, part in _sheet_parts(zf).items():
            try:
                data = _read_bounded(zf, part)
            except KeyError:
                continue
            info.sheets[name] = sheet = _check_sheet(name, part, data)
            sheet.formulas = formula_cells(data)
        try:
            info.styles = zf.read("xl/styles.xml")
        except KeyError:
            info.styles = None
    return info


def check_zip_sizes(zf: zipfile.ZipFile) -> None:
    """Refuse a zip (xlsx, ods) whose parts inflate absurdly, before anything is inflated."""
    total = 0
    for zi in zf.infolist():
        total += zi.file_size
        if zi.file_size > 50_000_000 and zi.file_size > MAX_RATIO * max(zi.compress_size, 1):
            raise XlsxBoundsError(
                f"ファイル内の「{zi.filename}」が展開すると {zi.file_size / 1e6:,.0f} MB になります（圧縮率が"
                f"異常です）。壊れているか、表計算のファイルではない可能性があります。")
    if total > MAX_UNCOMPRESSED:
        raise XlsxBoundsError(
            f"展開後の大きさが {total / 1e9:,.1f} GB あり、読み込める大きさ（{MAX_UNCOMPRESSED / 1e9:,.1f} GB）を"
            "超えています。")


def check_used_range(sheet: str, max_row: int, max_col: int, cells: int) -> None:
    """Refuse a used range beyond the bounds, or far larger than the cells in it."""
    if max_row > MAX_ROWS or max_col > MAX_COLUMNS:
        raise _too_large(sheet, f"セルが {max_row:,} 行目・{max_col:,} 列目まである")
    area = max_row * max_col
    if area > MAX_SPARSE_AREA and area > SPARSE_FACTOR * max(cells, 1):
        raise _too_large(sheet, f"使用範囲（{max_row:,} 行 × {max_col:,} 列）がセルの数（{cells:,}）に比べて大きすぎる")


def _read_bounded(zf: zipfile.ZipFile, part: str) -> bytes:
    zi = zf.getinfo(part)
    with zf.open(zi) as fh:
        data = fh.read(MAX_UNCOMPRESSED + 1)
    if len(data) > MAX_UNCOMPRESSED:
        raise XlsxBoundsError(f"シートの XML（{part}）が大きすぎるため読み込みません。")
    return data


def _check_sheet(name: str, part: str, data: bytes) -> SheetXml:
    sheet = SheetXml(name, part)
    head = data[:4096]
    m = _REF.search(head)
    if m and m.group(3):
        d_rows, d_cols = int(m.group(4)), col_index(m.group(3)) + 1
        if d_rows > MAX_ROWS or d_cols > MAX_COLUMNS:
            raise _too_large(name, f"使用範囲が {m.group(1).decode() if m.group(1) else ''}{m.group(2).decode() if m.group(2) else ''}:"
                                   f"{m.group(3).decode()}{m.group(4).decode()}（{d_rows:,} 行 × {d_cols:,} 列）と宣言されている")
    last = data.rfind(b"<row ")
    if last < 0:
        last = data.rfind(b":row ")
        last = last - 1 if last > 0 else last
    max_row = 0
    if last >= 0:
        rm = _ROW.match(data, last)
        if rm:
            max_row = int(rm.group(1))
    prefixed = b"<sheetData" not in data[:65536]  # a writer using a namespace prefix (<x:c …>)
    # Column letters in C: upper-case letters → "A", digits → "0", then plain finds (a regex over
    # 13 MB of XML costs a quarter of a second; these cost a few milliseconds).
    shape = data.translate(_SHAPE)
    max_col = 26
    if shape.find(b'<c r="AAA') >= 0 or (prefixed and shape.find(b':c r="AAA') >= 0):
        max_col = max(col_index(c) for c in set(_LONG_COL.findall(data))) + 1
    elif shape.find(b'<c r="AA0') >= 0 or (prefixed and shape.find(b':c r="AA0') >= 0):
        max_col = 702  # at most ZZ; looked up exactly only when the area check needs it
        if max_row * max_col > MAX_SPARSE_AREA:
            max_col = max(col_index(c) for c in set(_MID_COL.findall(data))) + 1
    # Cells may also sit below the last <row r=…> a writer declared (or rows carry no r=).
    tail = _CELL.search(data, max(0, data.rfind(b"<c ", 0, len(data))))
    if tail:
        max_row = max(max_row, int(tail.group(2)))
    sheet.max_row, sheet.max_col = max_row, max_col
    if max_row > MAX_ROWS or max_col > MAX_COLUMNS:
        raise _too_large(name, f"セルが {max_row:,} 行目・{max_col:,} 列目まである")
    area = max_row * max_col
    if area <= MAX_SPARSE_AREA:  # the cells are counted only when the range is large
        return sheet
    cells = sheet.cells = data.count(b"<c ") + data.count(b"<c>") + (data.count(b":c ") if prefixed else 0)
    if area > SPARSE_FACTOR * max(cells, 1):
        raise _too_large(name, f"使用範囲（{max_row:,} 行 × {max_col:,} 列）がセルの数（{cells:,}）に比べて大きすぎる")
    return sheet


# --- number formats --------------------------------------------------------------------------

# Excel's built-in formats (Japanese locale, where the built-in date shows 2026/4/1).
_BUILTIN = {0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00",
            12: "# ?/?", 13: "# ??/??", 14: "yyyy/m/d", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM",
            19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "yyyy/m/d h:mm", 37: "#,##0 ;(#,##0)",
            38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)", 45: "mm:ss",
            46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
            27: 'ggge"年"m"月"d"日"', 28: 'ggge"年"m"月"d"日"', 29: 'ggge"年"m"月"d"日"', 30: "m/d/yy",
            31: 'yyyy"年"m"月"d"日"', 32: 'h"時"mm"分"', 33: 'h"時"mm"分"ss"秒"', 34: 'yyyy"年"m"月"', 35: 'm"月"d"日"',
            36: 'ggge"年"m"月"d"日"', 50: 'ggge"年"m"月"d"日"', 51: 'yyyy"年"m"月"', 52: 'yyyy"年"m"月"',
            53: 'm"月"d"日"', 54: 'm"月"d"日"', 55: 'yyyy"年"m"月"', 56: 'm"月"d"日"', 57: 'ggge"年"m"月"d"日"',
            58: 'ggge"年"m"月"d"日"'}


def _style_formats(styles: bytes | None) -> list[str]:
    """cellXfs index → format code."""
    if not styles:
        return []
    try:
        root = ElementTree.fromstring(styles)
    except ElementTree.ParseError:
        return []
    custom = {int(n.get("numFmtId", "0")): n.get("formatCode", "General")
              for n in root.iterfind("m:numFmts/m:numFmt", _NS)}
    formats = []
    for xf in root.iterfind("m:cellXfs/m:xf", _NS):
        fid = int(xf.get("numFmtId", "0") or 0)
        formats.append(custom.get(fid, _BUILTIN.get(fid, "General")))
    return formats


class SheetFormats:
    """Format codes of a sheet's number cells, and its formula cells (0-based positions)."""

    def __init__(self, info: XlsxInfo | None, sheet: str):
        self._info = info
        self._sheet = sheet
        self._styles: dict[tuple[int, int], str] | None = None
        self._hidden: frozenset[int] | None = None

    def _xml(self) -> bytes:
        """The sheet's XML read again from the workbook (b"" if it cannot be: formats then read as General,
        as for a workbook the bounds check could not open)."""
        if self._info is None or self._sheet not in self._info.sheets:
            return b""
        try:
            with zipfile.ZipFile(self._info.path) as zf:
                return _read_bounded(zf, self._info.sheets[self._sheet].part)
        except (OSError, KeyError, zipfile.BadZipFile, XlsxBoundsError):
            return b""

    def hidden_columns(self) -> frozenset[int]:
        """0-based columns the sheet hides (``<col hidden="1">`` before the cells), read when first asked
        (the detection asks once per ambiguity, and detects again at each change in the import dialog)."""
        if self._hidden is None:
            self._hidden = self._read_hidden_columns()
        return self._hidden

    def _read_hidden_columns(self) -> frozenset[int]:
        xml = self._xml()
        head = xml[:max(xml.find(b"sheetData"), 0)]
        found: set[int] = set()
        for m in _COL.finditer(head):
            attrs = m.group(1)
            if not _HIDDEN.search(attrs):
                continue
            lo, hi = _ATTR_MIN.search(attrs), _ATTR_MAX.search(attrs)
            if lo and hi:
                found.update(range(int(lo.group(1)) - 1, min(int(hi.group(1)), MAX_COLUMNS)))
        return frozenset(found)

    def format_of(self, row: int, col: int) -> str:
        """The format code of a number cell (General when unknown)."""
        if self._styles is None:
            self._styles = self._scan_styles()
        return self._styles.get((row, col), "General")

    def _scan_styles(self) -> dict[tuple[int, int], str]:
        formats = _style_formats(self._info.styles if self._info else None)
        interesting = {str(i).encode() for i, f in enumerate(formats) if f != "General"}
        found: dict[tuple[int, int], str] = {}
        if not interesting:
            return found
        for m in _CELL.finditer(self._xml()):
            attrs = m.group(3)
            sm = _ATTR_S.search(attrs)
            if not sm or sm.group(1) not in interesting:
                continue
            tm = _ATTR_T.search(attrs)
            if tm and tm.group(1) not in (b"n", b"d"):
                continue
            found[(int(m.group(2)) - 1, col_index(m.group(1)))] = formats[int(sm.group(1))]
        return found

    def formulas(self) -> tuple[frozenset[tuple[int, int]], frozenset[tuple[int, int]]]:
        """(every formula cell, formula cells saved without a cached value)."""
        if self._info is None or self._sheet not in self._info.sheets:
            return frozenset(), frozenset()
        return self._info.sheets[self._sheet].formulas


def formula_cells(data: bytes) -> tuple[frozenset[tuple[int, int]], frozenset[tuple[int, int]]]:
    """(every formula cell, formula cells saved without a cached value) of a sheet's XML, 0-based."""
    every, empty = set(), set()
    if b"<f" in data or b":f" in data:
        for m in _FORMULA_CELL.finditer(data):
            pos = (int(m.group(2)) - 1, col_index(m.group(1)))
            every.add(pos)
            if not m.group(3):
                empty.add(pos)
    return frozenset(every), frozenset(empty)


# --- showing a value as its format does --------------------------------------------------------

_QUOTED = re.compile(r'"([^"]*)"|\\(.)|\[[^\]]*\]|_.|\*.')
_ZEROS = re.compile(r"^0+$")


def _strip_literals(code: str) -> str:
    return _QUOTED.sub(lambda m: m.group(1) or m.group(2) or "", code)


def format_number(value: float, code: str) -> str | None:
    """The text Excel shows for a number under ``code``, for the formats IDs and amounts use;
    None when the format is not one of those (the caller keeps its plain text)."""
    section = code.split(";")[0]
    if section in ("General", "@", ""):
        return None
    bare = _strip_literals(section)
    if float(value).is_integer():
        shown = _integer_with_literals(int(value), section)
        if shown is not None:
            return shown
    if bare in ("#,##0", "#,##0 "):
        return f"{int(round(value)):,}"
    if re.fullmatch(r"0\.(0+)", bare):
        return f"{value:.{len(bare) - 2}f}"
    percent = _PERCENT.fullmatch(bare)
    if percent:  # 0% shows 0.5 as 50%, 0.0% as 50.0% (rounded half away from zero, as Excel does)
        places = len(percent.group(1) or ".") - 1
        scaled = (Decimal(repr(float(value))) * 100).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
        return f"{scaled:,}%" if "," in bare else f"{scaled}%"
    return None


_PERCENT = re.compile(r"(?:#,##)?0(\.0+)?%")


_TOKEN = re.compile(r'"([^"]*)"|\\(.)|([0#])|([-/ ()+:.\u3000-\u30ff\u4e00-\u9fff])')


def _integer_with_literals(value: int, section: str) -> str | None:
    """An integer under a format of digit placeholders and literal text, as Excel shows it:
    "J"00000 → J00001, 0000-000 → 0100-001, 0000"号" → 0001号. None for any other format (a
    thousands separator, a decimal point, a condition): the caller decides."""
    tokens: list[tuple[str, str]] = []  # ("d", "0" / "#") or ("t", literal text)
    pos = 0
    for m in _TOKEN.finditer(section):
        if m.start() != pos:
            return None
        pos = m.end()
        quoted, escaped, digit, plain = m.groups()
        if digit:
            tokens.append(("d", digit))
        else:
            tokens.append(("t", quoted if quoted is not None else escaped or plain))
    if pos != len(section) or not any(k == "d" for k, _ in tokens):
        return None
    if any(k == "t" and v == "." for k, v in tokens):  # 0.00 is a decimal format, not a literal point
        return None
    digits = str(abs(value))
    places = [i for i, (k, _) in enumerate(tokens) if k == "d"]
    out = [v if k == "t" else "" for k, v in tokens]
    rest = digits
    for n, i in enumerate(reversed(places)):
        if n == len(places) - 1:  # the leftmost placeholder takes every digit left
            out[i] = rest or ("0" if tokens[i][1] == "0" else "")
            rest = ""
        elif rest:
            out[i], rest = rest[-1], rest[:-1]
        else:
            out[i] = "0" if tokens[i][1] == "0" else ""
    return ("-" if value < 0 else "") + "".join(out)


def integer_format_problem(code: str) -> str | None:
    """Why an ID typed as a number under ``code`` cannot be taken as shown (None when it can):
    a thousands separator (#,##0 shows 1004 as 1,004) or a format this reader does not render."""
    section = code.split(";")[0]
    if section in ("General", "@", "") or _integer_with_literals(1, section) is not None:
        return None
    if "," in _strip_literals(section):
        return f"表示形式「{code}」で桁区切りの「,」が付いた数値です"
    return f"表示形式「{code}」の数値です（この形式の表示は読み取れません）"


def _literal_ends(section: str) -> tuple[str, str]:
    """Literal text before and after the digits of a format such as "A"0000 or 0000"号"."""
    m = re.fullmatch(r'((?:"[^"]*"|\\.)*)0+((?:"[^"]*"|\\.)*)', section)
    if not m:
        return "", ""
    return _strip_literals(m.group(1)), _strip_literals(m.group(2))


def is_date_format(code: str) -> bool:
    bare = _strip_literals(code.split(";")[0]).lower()
    return any(ch in bare for ch in "ymdhsge") and "general" not in bare


def format_date(value: dt.date | dt.datetime, code: str) -> str:
    """A date as a Japanese Excel shows it under ``code`` (yyyy/m/d when the code is unknown)."""
    from ..domain.wareki import era_of

    section = code.split(";")[0]
    if not is_date_format(section):
        section = "yyyy/m/d"
    out = []
    tokens = re.finditer(r'"([^"]*)"|\\(.)|\[[^\]]*\]|(ggge|gge|ge|g|ee|e|yyyy|yy|mmmm|mmm|mm|m|dd|d|hh|h|ss|s|AM/PM|.)',
                         section, re.I)
    prev_h = False
    for m in tokens:
        if m.group(1) is not None or m.group(2) is not None:
            out.append(m.group(1) if m.group(1) is not None else m.group(2))
            continue
        t = m.group(3)
        if t is None:
            continue
        low = t.lower()
        d = value
        if low in ("ggge", "gge", "ge", "g", "ee", "e"):
            era, year = era_of(d if isinstance(d, dt.date) else d.date())
            if low.startswith("g"):
                out.append(era)
            if low.endswith("e"):
                out.append("元" if year == 1 and low.startswith("g") else str(year).zfill(2 if low == "ee" else 1))
        elif low == "yyyy":
            out.append(f"{d.year:04d}")
        elif low == "yy":
            out.append(f"{d.year % 100:02d}")
        elif low in ("mm", "m"):
            if prev_h and isinstance(d, dt.datetime):
                out.append(f"{d.minute:02d}" if low == "mm" else str(d.minute))
            else:
                out.append(f"{d.month:02d}" if low == "mm" else str(d.month))
        elif low in ("dd", "d"):
            out.append(f"{d.day:02d}" if low == "dd" else str(d.day))
        elif low in ("hh", "h"):
            hour = d.hour if isinstance(d, dt.datetime) else 0
            out.append(f"{hour:02d}" if low == "hh" else str(hour))
        elif low in ("ss", "s"):
            sec = d.second if isinstance(d, dt.datetime) else 0
            out.append(f"{sec:02d}" if low == "ss" else str(sec))
        elif low in ("mmmm", "mmm"):
            out.append(str(d.month))
        else:
            out.append(t)
        prev_h = low in ("hh", "h")
    return "".join(out)

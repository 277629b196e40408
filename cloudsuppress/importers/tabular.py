"""Read a sheet of .xlsx / .xls / .xlsm / .ods (python-calamine) or a CSV file into strings.

Every cell becomes a string as the user sees it (``10.0`` → ``"10"``; in an .xlsx, 10001 with
the format 0000000 → ``"0010001"`` and a date as its format shows it, see ``xlsx_parts``).
Cells covered by a merged range take the value of the range's top-left cell, because real
function lists merge the 大分類 column down a block of rows and the header across two rows.
An .xlsx is checked for its size and used range before calamine reads it (issue 17).
"""
from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

from ..bulk import gc_paused, release_freed_memory
from ..errors import ImportIssue, ImportValidationError
from ..file_errors import cannot_read_message
from .xls_parts import XlsInfo, XlsSheetFormats, check_xls
from .xlsx_parts import SheetFormats, XlsxBoundsError, XlsxInfo, check_xlsx, format_date, format_number

SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}
CSV_SUFFIXES = {".csv", ".txt", ".tsv"}
CSV_ENCODINGS = ("utf-8-sig", "cp932")
MAX_CELL_CHARS = 32_767  # Excel's own limit for one cell
_QUOTED = re.compile(r'"(?:[^"]|"")*(?:"|$)')


@dataclass
class Table:
    """One sheet as rows of strings; ``rows[i]`` is spreadsheet row ``i + 1``."""

    file: str
    sheet: str | None
    rows: list[list[str]]
    sheet_names: list[str] = field(default_factory=list)
    encoding: str | None = None  # for CSV: the encoding it was read with
    # Cells that were not text in the workbook, 0-based (row, column) → "number" / "date" /
    # "bool" / "time": an ID taken from a date or TRUE is refused, not imported as its text.
    cell_kinds: dict[tuple[int, int], str] = field(default_factory=dict)
    formats: SheetFormats | None = None  # formula cells of an .xlsx (None for other files)
    merged: list[Any] = field(default_factory=list)  # calamine's merged ranges ((r0, c0), (r1, c1))
    unreadable: bool = False  # a sheet calamine could not read, kept (empty) in a whole-workbook read
    hidden: bool = False  # hidden in the workbook (Excel never shows it: an old edition, a list for drop-downs)

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def formula_cells(self) -> frozenset[tuple[int, int]]:
        """0-based positions of formula cells (an .xlsx only)."""
        return self.formats.formulas()[0] if self.formats else frozenset()

    def hidden_columns(self) -> frozenset[int]:
        """0-based columns hidden in the workbook (an .xlsx only; read from the file when asked)."""
        return self.formats.hidden_columns() if self.formats else frozenset()

    def uncached_formula_cells(self) -> frozenset[tuple[int, int]]:
        """Formula cells saved without their value (calamine reads them as empty)."""
        return self.formats.formulas()[1] if self.formats else frozenset()


@dataclass
class Workbook:
    """Every sheet of a file, read once (a CSV is one sheet named "")."""

    file: str
    sheet_names: list[str]
    tables: dict[str, Table]

    def table(self, name: str | None) -> Table:
        return self.tables[name or (self.sheet_names[0] if self.sheet_names else "")]


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def cell_text(value: object) -> str:
    """A cell value as the user reads it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    return str(value)


def read_table(path: str | Path, *, sheet: str | None = None) -> Table:
    """Read one sheet (default: the first) of a spreadsheet, or a whole CSV file."""
    path = _checked(path)
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        return _read_csv(path)
    return _read_spreadsheet(path, [sheet], first_only=sheet is None)[0]


def read_workbook(path: str | Path) -> Workbook:
    """Read every sheet of a spreadsheet (or a CSV file as one sheet), bounded as ``read_table``."""
    path = _checked(path)
    if path.suffix.lower() in CSV_SUFFIXES:
        table = _read_csv(path)
        return Workbook(path.name, [""], {"": table})
    tables = _read_spreadsheet(path, None)
    names = tables[0].sheet_names if tables else []
    return Workbook(path.name, names, {t.sheet or "": t for t in tables})


def _checked(path: str | Path) -> Path:
    path = Path(path)
    name = path.name
    if not path.exists():
        raise ImportValidationError([ImportIssue(name, None, None, f"ファイルが見つかりません: {path}")])
    if path.is_dir():
        raise ImportValidationError([ImportIssue(name, None, None, f"フォルダーです。ファイルを指定してください: {path}")])
    try:
        path.open("rb").close()  # a locked or unreadable file is said so, not taken for a broken one
    except OSError as exc:
        raise ImportValidationError([ImportIssue(name, None, None, cannot_read_message(path, exc))]) from None
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES or suffix in SPREADSHEET_SUFFIXES:
        return path
    raise ImportValidationError(
        [ImportIssue(name, None, None, f"この形式（{suffix or '拡張子なし'}）は読み込めません。.xlsx / .xls / .csv を指定してください。")]
    )


@gc_paused()  # one list per row, tens of thousands at once
def _read_spreadsheet(path: Path, sheets: list[str | None] | None, *, first_only: bool = False) -> list[Table]:
    """Read the named sheets (None in the list: the first sheet; ``sheets`` None: every sheet)."""
    from python_calamine import CalamineWorkbook

    name = path.name
    info: XlsxInfo | None = None
    xls_info: XlsInfo | None = None  # number formats of an .xls (xlrd), which calamine does not give
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        try:
            info = check_xlsx(str(path))
        except XlsxBoundsError as exc:
            raise ImportValidationError([ImportIssue(name, None, None, str(exc))]) from None
        except Exception:  # not a zip, or a broken one: calamine's check below says so in its words
            info = None
    elif path.suffix.lower() == ".xls":
        try:
            xls_info = check_xls(str(path))
        except XlsxBoundsError as exc:
            raise ImportValidationError([ImportIssue(name, None, None, str(exc))]) from None
    elif path.suffix.lower() == ".ods":
        from .ods_parts import check_ods

        try:
            check_ods(str(path))
        except XlsxBoundsError as exc:
            raise ImportValidationError([ImportIssue(name, None, None, str(exc))]) from None
        except Exception:  # not a zip: calamine says so below
            pass
    try:
        workbook = CalamineWorkbook.from_path(str(path))
    except Exception:  # calamine raises several types for broken files, with English texts
        raise ImportValidationError([ImportIssue(name, None, None, _broken(path.suffix.lower()))]) from None
    try:
        names = list(workbook.sheet_names)
        if not names:
            raise ImportValidationError([ImportIssue(name, None, None, "シートがありません。")])
        wanted = list(names) if sheets is None else [names[0] if s is None else s for s in sheets]
        hidden = _hidden_sheets(workbook)
        tables = []
        for sheet in wanted:
            if sheet not in names:
                raise ImportValidationError(
                    [ImportIssue(name, None, None, f"シート「{sheet}」がありません（あるシート: {'、'.join(names)}）。")]
                )
            try:
                tables.append(_read_sheet(workbook, name, sheet, names, info, xls_info))
                tables[-1].hidden = sheet in hidden
            except ImportValidationError:
                if sheets is not None:
                    raise
                # Reading every sheet to find the list: a chart sheet or a damaged cover sheet is
                # passed over (listed, empty) instead of stopping the import of the others.
                tables.append(Table(name, sheet, [], names, unreadable=True))
    finally:
        workbook.close()
        release_freed_memory()  # calamine's copies, freed: the process's size for the rest of the import
    return tables


def _hidden_sheets(workbook: Any) -> frozenset[str]:
    """The sheets the workbook hides (calamine's metadata; none when it cannot say)."""
    try:
        from python_calamine import SheetVisibleEnum

        return frozenset(m.name for m in workbook.sheets_metadata if m.visible != SheetVisibleEnum.Visible)
    except Exception:  # an older reader or a format without the flag: every sheet counts as shown
        return frozenset()


def _read_sheet(workbook: Any, name: str, sheet: str, names: list[str], info: XlsxInfo | None,
                xls_info: XlsInfo | None = None) -> Table:
    try:
        ws = workbook.get_sheet_by_name(sheet)
        raw = ws.to_python(skip_empty_area=False)
        merged = ws.merged_cell_ranges or []
        del ws  # calamine's copy of the cells (as large as the rows themselves): freed before they are shown
    except Exception:
        raise ImportValidationError(
            [ImportIssue(name, None, None, "シートを読み込めません（ファイルが壊れている可能性があります）。", sheet=sheet)]
        ) from None
    formats: SheetFormats | None = None
    if info is not None:
        formats = SheetFormats(info, sheet)
    elif xls_info is not None:
        formats = XlsSheetFormats(xls_info, sheet)
    kinds: dict[tuple[int, int], str] = {}
    # A row of text cells only (nearly all, in a function list) is kept as calamine made it; in the
    # others only the cells that are not text are replaced (calamine's lists are ours to change).
    only_text = {str}
    rows = raw if isinstance(raw, list) else list(raw)
    for r, row in enumerate(rows):
        if set(map(type, row)) <= only_text:
            continue
        for c in [c for c, v in enumerate(row) if type(v) is not str]:
            row[c] = _shown(row[c], r, c, formats, kinds)
    if kinds and name.lower().endswith(".ods"):  # an .ods keeps the text it displayed: use it
        from .ods_parts import displayed_texts

        path = getattr(workbook, "path", None) or ""
        for (r, c), text in displayed_texts(str(path), sheet, set(kinds)).items():
            if text and r < len(rows) and c < len(rows[r]):
                rows[r][c] = text
    if not merged and name.lower().endswith(".ods"):  # calamine gives no merged ranges for an .ods
        from .ods_parts import merged_ranges

        merged = merged_ranges(str(getattr(workbook, "path", None) or ""), sheet)
    _fill_merged(rows, merged)
    return Table(name, sheet, rows, names, cell_kinds=kinds, formats=formats, merged=list(merged))


def _shown(v: object, r: int, c: int, formats: SheetFormats | None, kinds: dict[tuple[int, int], str]) -> str:
    """The text a non-text cell shows (recording what kind of cell it was)."""
    if v is None or v == "":
        return ""
    if isinstance(v, bool):
        kinds[(r, c)] = "bool"
        return cell_text(v)
    if isinstance(v, (int, float)):
        kinds[(r, c)] = "number"
        if formats is not None:
            code = formats.format_of(r, c)
            if code != "General":
                shown = format_number(v, code)
                if shown is not None:
                    return shown
        return cell_text(v)
    if isinstance(v, (dt.datetime, dt.date)):
        kinds[(r, c)] = "date"
        if formats is not None:
            return format_date(v, formats.format_of(r, c))
        return cell_text(v)
    kinds[(r, c)] = "time"
    return cell_text(v)


_KINDS = {".xlsx": "Excel ファイル", ".xlsm": "Excel ファイル", ".xlsb": "Excel ファイル", ".xls": "Excel 97-2003 ファイル",
          ".ods": "OpenDocument の表計算ファイル"}
_EXPECTED = {".xlsx": "xlsx", ".xlsm": "xlsm", ".xlsb": "xlsb", ".xls": "xls", ".ods": "ods"}


def _broken(suffix: str) -> str:
    """「Excel ファイルとして読み込めません（壊れているか、xlsx ではありません）」"""
    return (f"{_KINDS.get(suffix, '表計算ファイル')}として読み込めません"
            f"（壊れているか、{_EXPECTED.get(suffix, '表計算ファイル')} ではありません）。")


def _fill_merged(rows: list[list[str]], merged: list[Any]) -> None:
    for (r0, c0), (r1, c1) in merged:
        if r0 >= len(rows) or c0 >= len(rows[r0]):
            continue
        value = rows[r0][c0]
        for r in range(r0, min(r1, len(rows) - 1) + 1):
            row = rows[r]
            for c in range(c0, c1 + 1):
                if c < len(row) and not row[c]:
                    row[c] = value


def decode_csv_bytes(data: bytes, file: str) -> tuple[str, str]:
    """Decode CSV bytes as UTF-16 with a BOM (Excel's 「Unicode テキスト」, which keeps 髙・﨑),
    UTF-8 (with or without BOM) or Shift_JIS (cp932).

    A file that is one of them except for a few damaged bytes is refused naming each byte's row
    and column (review R9); a UTF-8 file is never read as Shift_JIS because one byte is damaged
    (most UTF-8 Japanese also makes Shift_JIS characters: the list came in as 「蝗｣菴灘錐」).
    """
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # a UTF-16 BOM is unambiguous
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise ImportValidationError(_MarkedText(data, "utf-16").issues(file)) from None
    try:
        return data.decode("utf-8-sig"), "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    except UnicodeDecodeError:
        utf8 = _MarkedText(data, "utf-8-sig")
    if utf8.bad_spans * 10 <= utf8.good:  # plenty of real UTF-8 characters around the damage
        raise ImportValidationError(utf8.issues(file))
    try:
        text = data.decode("cp932")
    except UnicodeDecodeError:
        sjis = _MarkedText(data, "cp932")
    else:
        if not _CP932_NOT_TEXT.search(text):
            return text, "cp932"
        # every byte decoded, so the file is Shift_JIS, but some bytes are no character anywhere else:
        # 0x80 / 0xA0 / 0xFD-0xFF (no character in Shift_JIS; Python gives them private-use code
        # points) and 外字 (the writer's own characters, 0xF040-0xF9FC), which print blank here
        raise ImportValidationError(_MarkedText(data, "cp932").issues(file))
    if sjis.bad_spans <= max(3, sjis.good // 10):
        raise ImportValidationError(sjis.issues(file))
    best = min(utf8, sjis, key=lambda m: m.bad_spans)
    return best.unknown(file)


# What Python's cp932 makes of bytes that are no shared character: 0x80 → U+0080, 0xA0 → U+F8F0,
# 0xFD-0xFF → U+F8F1-U+F8F3, and the user-defined area 0xF040-0xF9FC (外字) → U+E000-U+E757.
_CP932_NOT_TEXT = re.compile("[\u0080\uf8f0-\uf8f3\ue000-\ue757]")
_CP932_GAIJI_LEADS = range(0xF0, 0xFA)

_ENCODING_NAMES = {"utf-8-sig": "UTF-8 ", "cp932": "Shift_JIS（CP932）", "utf-16": "UTF-16 "}  # as 「… として」 reads
_MARK = 0xDC00  # a byte b that cannot be decoded is kept as the lone surrogate U+DC00+b: no real character is one


def _mark_bad_bytes(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeDecodeError)
    return "".join(chr(_MARK + b) for b in error.object[error.start:error.end]), error.end


codecs.register_error("cloudsuppress-mark", _mark_bad_bytes)


def _column(index: int | None) -> str | None:
    return f"{column_letter(index)}列" if index is not None else None


def _is_mark(ch: str) -> bool:
    return _MARK <= ord(ch) <= _MARK + 0xFF


class _MarkedText:
    """CSV bytes decoded with every undecodable byte marked, to say where they are."""

    def __init__(self, data: bytes, encoding: str):
        self.encoding = encoding
        self.text = data.decode(encoding, "cloudsuppress-mark")
        if encoding == "cp932":  # bytes Python decodes but no other program shows: marked like the rest
            self.text = _CP932_NOT_TEXT.sub(lambda m: "".join(chr(_MARK + b) for b in m.group().encode("cp932")),
                                            self.text)
        marks = [i for i, ch in enumerate(self.text) if _is_mark(ch)]
        self.bad_spans = sum(1 for n, i in enumerate(marks) if n == 0 or marks[n - 1] != i - 1)
        self.good = sum(1 for ch in self.text if ord(ch) > 0x7F) - len(marks)  # characters beyond ASCII read fine

    def places(self) -> list[tuple[int, int | None, str, str]]:
        """(row, column or None, the bytes as 0x.. text, the cell's text just before them) per damaged place."""
        columns = True
        try:
            rows = list(csv.reader(io.StringIO(self.text, newline=""), delimiter=_guess_delimiter(self.text[:8192])))
        except csv.Error:  # quotes broken too: lines, without columns
            rows, columns = [[line] for line in self.text.split("\n")], False
        found: list[tuple[int, int | None, str, str]] = []
        for r, row in enumerate(rows, start=1):
            for c, cell in enumerate(row):
                i = 0
                consumed: set[int] = set()  # the byte after a lead byte, shown with it: not text before a later one
                while i < len(cell):
                    if not _is_mark(cell[i]):
                        i += 1
                        continue
                    start = i
                    while i < len(cell) and _is_mark(cell[i]):
                        i += 1
                    raw = [ord(ch) - _MARK for ch in cell[start:i]]
                    lead = self.encoding == "cp932" and len(raw) == 1 and (0x81 <= raw[0] <= 0x9F or 0xE0 <= raw[0] <= 0xFC)
                    if lead and i < len(cell) and ord(cell[i]) < 0x80:  # the byte that was no second half
                        raw.append(ord(cell[i]))
                        consumed.add(i)
                    before = "".join(ch for k, ch in enumerate(cell[:start])
                                     if not _is_mark(ch) and k not in consumed and ch.isprintable()).strip()[-10:]
                    found.append((r, c if columns else None, " ".join(f"0x{b:02X}" for b in raw), before))
        return found

    def issues(self, file: str) -> list[ImportIssue]:
        name = _ENCODING_NAMES[self.encoding]
        issues = []
        for r, c, shown, before in self.places():
            where = f"{shown}、{f'「{before}」の後' if before else 'セルの先頭'}"
            raw = [int(b, 16) for b in shown.split()]
            if self.encoding == "cp932" and len(raw) == 2 and raw[0] in _CP932_GAIJI_LEADS and raw[1] >= 0x40:
                text = (f"外字（利用者定義文字）があります（{where}）。ほかのパソコンや印刷では表示されないため、"
                        "標準の文字に置き換えて保存してください。")
            else:
                text = f"{name}として読めない文字があります（{where}）。その文字を入力し直して保存してください。"
            issues.append(ImportIssue(file, r, _column(c), text))
        return issues

    def unknown(self, file: str) -> NoReturn:
        r, c, shown, _before = self.places()[0]
        raise ImportValidationError([ImportIssue(
            file, r, _column(c),
            f"文字コードを判別できません（ここで最初に読めない文字があります: {shown}）。"
            "UTF-8 または Shift_JIS（CP932）で保存してください。")])


def _guess_delimiter(sample: str) -> str:
    """Comma or tab: the one that appears the same number of times on the most lines.

    A cell's text may hold tabs or commas of its own (pasted from Excel, not always quoted), so
    the total count misleads; the real separator is the one that is regular from line to line.
    """
    lines = [line for line in _QUOTED.sub("", sample).splitlines() if line.strip()]

    def regularity(sep: str) -> int:
        counts = Counter(line.count(sep) for line in lines)
        counts.pop(0, None)
        return max(counts.values(), default=0)

    tabs, commas = regularity("\t"), regularity(",")
    if tabs == commas:
        return "\t" if sample.count("\t") > sample.count(",") else ","
    return "\t" if tabs > commas else ","


def _read_csv(path: Path) -> Table:
    name = path.name
    data = path.read_bytes()
    if b"\x00" in data[:4096] and data[:2] not in (b"\xff\xfe", b"\xfe\xff"):
        raise ImportValidationError(
            [ImportIssue(name, None, None, "テキストの CSV ファイルではありません（BOM のない UTF-16 や表計算形式の可能性があります）。"
                         "Excel で「CSV UTF-8（コンマ区切り）」または「Unicode テキスト」として保存し直してください。")]
        )
    text, encoding = decode_csv_bytes(data, name)
    delimiter = "\t" if path.suffix.lower() == ".tsv" else _guess_delimiter(text[:8192])
    csv.field_size_limit(max(MAX_CELL_CHARS * 4, 1 << 20))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[str]] = []
    start_line = 0  # the physical line (0-based) the record being read starts on
    try:
        for r in reader:
            rows.append(list(r))
            start_line = reader.line_num
    except csv.Error as exc:  # its texts are English: say what they mean, and where
        column = _open_quote_column(text, start_line, delimiter)
        if column is not None:  # the usual cause: a quote never closed took the rest of a long file
            raise ImportValidationError([_unclosed_quote(name, len(rows) + 1, column, None)]) from None
        reason = ("1 つのセルが長すぎます" if "field limit" in str(exc)
                  else "引用符「\"」の対応が崩れています" if "quote" in str(exc) or "new-line" in str(exc)
                  else "形式が崩れています")
        raise ImportValidationError([ImportIssue(name, len(rows) + 1, None, f"CSV として読み込めません（{reason}）。")]) from None
    if rows and rows[-1] and "\n" in rows[-1][-1] and _ends_inside_quotes(text, delimiter):
        # A quote never closed: the reader took the rest of the file as one cell, silently.
        raise ImportValidationError([_unclosed_quote(name, len(rows), len(rows[-1]) - 1,
                                                    rows[-1][-1].rstrip("\r\n").count("\n"))])
    return Table(name, None, rows, [], encoding)


def _ends_inside_quotes(text: str, delimiter: str) -> bool:
    """Whether the file ends inside a quoted cell (the strict reader says 'unexpected end of data')."""
    try:
        for _ in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True):
            pass
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False


def _open_quote_column(text: str, line: int, delimiter: str) -> int | None:
    """The column (0-based) whose quote, opened on physical line ``line``, that line leaves open."""
    lines = io.StringIO(text, newline="")
    for _ in range(line):
        lines.readline()
    column, quoted, at_start = 0, False, True
    for ch in lines.readline().rstrip("\r\n"):
        if ch == '"' and (quoted or at_start):
            quoted, at_start = not quoted, False
        elif ch == delimiter and not quoted:
            column, at_start = column + 1, True
        else:
            at_start = False
    return column if quoted else None


def _unclosed_quote(file: str, row: int, column: int, lines: int | None) -> ImportIssue:
    rest = f"（{lines + 1} 行分）" if lines is not None else ""
    return ImportIssue(file, row, f"{column_letter(column)}列",
                       f"引用符「\"」が閉じられていないため、このセルから後ろ{rest}がすべて 1 つのセルとして読まれます。"
                       "引用符を閉じるか削除して保存し直してください。")

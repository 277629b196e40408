"""The request workbook sent to each member (カスタマイズ要望票), written with XlsxWriter.

Sheets: 要望 (the documented stable columns, the member's name filled in, drop-downs for
理由区分 and 住民サービス低下), 機能一覧 (機能ID, 業務, 機能名, 適合度 for look-up), 記入方法
(instructions). ``importers.requests`` reads the 要望 sheet back.

Printed, it reads at a known size: the 要望 sheet on A4 landscape at a fixed scale that keeps its
10 pt at 7 pt or more, its print area the rows to fill in; the instructions on A4 portrait, broken
into lines by the PDF's line breaker (explicit breaks, row heights to match); the function list,
thousands of rows for look-up on screen, does not print (printing the whole workbook gave 131
pages; its heading line alone then printed as an empty-looking page).
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Protocol

import xlsxwriter

from ..domain.vocab import REASON_LABELS, SERVICE_DROP_LABELS
from ..errors import DomainError
from ..store.files import safe_file_name
from .comparison_xlsx import BOOK_COLUMN_PX, BOOK_FONT, BOOK_ROW_PX, text_units, wrapped_lines
from .pdf_base import GOTHIC, wrap_text
from .xlsx_print import PrintPlan, footer_text

SHEET = "要望"
GUIDE_WORDS = (*REASON_LABELS.values(), *SERVICE_DROP_LABELS.values(), "機能一覧", "要望番号", "機能ID", "要望名",
               "要望内容", "理由区分", "住民サービス低下", "低下の内容", "年間処理件数", "代替運用案", "見積額")
COLUMNS = ("要望番号", "団体名", "機能ID", "要望名", "要望内容", "理由区分", "住民サービス低下", "低下の内容",
           "年間処理件数", "代替運用案", "見積額")
# 業務: only for a function the package lacks (機能ID blank); 種別: 機能 or 帳票, for an ID a
# function and a form of one 業務 share (the ministry numbers 機能ID and 帳票ID apart).
EXTRA_COLUMNS = ("業務", "種別")
WIDTHS = (10, 14, 11, 24, 40, 20, 14, 34, 12, 30, 12, 16, 7)
KIND_LABELS = {"function": "機能", "form": "帳票"}
HEADER_ROW = 3  # 0-based: row 4 in Excel
BLANK_ROWS = 100


class FunctionLike(Protocol):
    """A function listed for look-up (ops.functions.FunctionRow, a frozen row: read-only attributes)."""

    @property
    def code(self) -> str: ...
    @property
    def business_system(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def fit(self) -> str | None: ...


SUFFIX = ".xlsx"


def template_file_name(member: str) -> str:
    """「要望票_那珂市.xlsx」: the name the GUI gives each member's workbook in the chosen folder."""
    return safe_file_name(f"要望票_{member}") + SUFFIX


def template_path(out: str | Path, member: str) -> Path:
    """Where ``--out`` puts one member's workbook: a folder (existing, or written with a trailing
    「/」) gets 「要望票_団体名.xlsx」 inside it, as the GUI writes them; a file must end in .xlsx,
    since the workbook is Excel whatever its name says (「x.csv」 would be an xlsx misnamed)."""
    text = str(out)
    path = Path(out)
    if path.is_dir() or text.endswith(("/", "\\")):
        if not path.is_dir():
            raise DomainError(f"出力先のフォルダーがありません: {text}")
        return path / template_file_name(member)
    check_template_suffix(path)
    return path


def check_template_suffix(path: str | Path) -> None:
    """Refuse a workbook name that does not end in .xlsx."""
    if Path(path).suffix.lower() != SUFFIX:
        raise DomainError(f"要望票は Excel ファイル（.xlsx）で書き出します。出力先は .xlsx のファイル名か、"
                          f"フォルダーにしてください: {path}")


class GapLike(Protocol):
    """A pre-filled line (ops.judgements.GapRow, a frozen row: read-only attributes)."""

    @property
    def code(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def business_system(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def judgement(self) -> str | None: ...
    @property
    def note(self) -> str | None: ...


PREFILL_NOTE = ("Fit&Gap で△・×と判定した機能を記入済みです。要望する行は理由区分・住民サービス低下・低下の内容を記入し、"
                "要望しない行は削除してください。")


def write_request_template(path: str | Path, *, member: str, consortium: str | None,
                           functions: Iterable[FunctionLike], rows: int = BLANK_ROWS,
                           prefill: Sequence[GapLike] = ()) -> None:
    """Write a request workbook for one member (the path must end in .xlsx); ``prefill`` rows (the
    member's △/× judgements) come first with 機能ID, 要望名 and 要望内容 filled in, the mandatory
    answers left for the member."""
    check_template_suffix(path)
    wb = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "default_format_properties": BOOK_FONT,
                                         "default_column_width": BOOK_COLUMN_PX, "default_row_height": BOOK_ROW_PX})
    try:
        size = 10.0
        font = {"font_name": "BIZ UDGothic", "font_size": size}
        title = wb.add_format({**font, "bold": True, "font_size": 14})
        head = wb.add_format({**font, "bold": True, "bg_color": "#DDE6F0", "border": 1, "align": "center",
                              "valign": "vcenter", "text_wrap": True})
        cell = wb.add_format({**font, "border": 1, "valign": "top", "text_wrap": True})
        locked_cell = wb.add_format({**font, "border": 1, "valign": "top", "bg_color": "#F2F2F2"})
        money = wb.add_format({**font, "border": 1, "valign": "top", "num_format": "#,##0"})

        ws = wb.add_worksheet(SHEET)
        ws.write_string(0, 0, f"カスタマイズ要望票（{member}）", title)
        headers = COLUMNS + EXTRA_COLUMNS
        # across the sheet, not wrapped inside column A (it printed 「協議会: いば」)
        plain = wb.add_format({**font})
        ws.merge_range(1, 0, 1, len(headers) - 1, f"団体名: {member}" + (f"　協議会: {consortium}" if consortium else ""),
                       plain)
        # Every heading (the importer reads them as they are) and the member's name whole in its
        # column (a ten-character name ran over the next one); the long texts' columns narrowed so
        # the sheet prints at 7 pt or more on A4.
        widths: list[float] = [max(w, text_units(h) + 3) for h, w in zip(headers, WIDTHS, strict=True)]
        widths[1] = max(widths[1], text_units(member) + 3)
        columns = list(zip(headers, widths, strict=True))
        plan = PrintPlan.for_columns(widths, paper="a4", font_pt=size)
        if not plan.ok:
            columns = PrintPlan.narrow(columns, {"要望内容", "低下の内容", "代替運用案", "要望名"}, paper="a4",
                                       font_pt=size)
            plan = PrintPlan.for_columns([w for _, w in columns], paper="a4", font_pt=size)
        for c, (h, w) in enumerate(columns):
            ws.set_column(c, c, w)
            ws.write_string(HEADER_ROW, c, h, head)
        ws.set_row(HEADER_ROW, 18)
        first, last = HEADER_ROW + 1, HEADER_ROW + rows + len(prefill)
        filled = {}
        for i, gap in enumerate(prefill):
            code = f"帳票:{gap.code}" if gap.kind == "form" else gap.code
            filled[first + i] = {COLUMNS.index("機能ID"): code, COLUMNS.index("要望名"): gap.name,
                                 COLUMNS.index("要望内容"): gap.note or "", len(COLUMNS): gap.business_system,
                                 len(COLUMNS) + 1: KIND_LABELS.get(gap.kind, "機能")}
        if prefill:
            ws.merge_range(2, 0, 2, len(headers) - 1, PREFILL_NOTE, plain)
        for r, values in filled.items():  # a pre-filled row as tall as its longest text, as printed
            n_lines = max(wrapped_lines(text, columns[c][1]) for c, text in values.items() if text)
            if n_lines > 1:
                ws.set_row(r, min(409.0, n_lines * size * 1.35 + 4))
        for r in range(first, last + 1):
            for c in range(len(headers)):
                if c == 1:
                    ws.write_string(r, c, member, locked_cell)
                elif filled.get(r, {}).get(c):
                    ws.write_string(r, c, filled[r][c], cell)
                else:
                    ws.write_blank(r, c, None, money if headers[c] in ("年間処理件数", "見積額") else cell)
        reason_col, drop_col = COLUMNS.index("理由区分"), COLUMNS.index("住民サービス低下")
        ws.data_validation(first, reason_col, last, reason_col, {
            "validate": "list", "source": list(REASON_LABELS.values()),
            "error_title": "理由区分", "error_message": "一覧から選んでください。",
        })
        ws.data_validation(first, drop_col, last, drop_col, {
            "validate": "list", "source": [SERVICE_DROP_LABELS[True], SERVICE_DROP_LABELS[False]],
            "input_title": "住民サービス水準", "input_message": "このカスタマイズがないと、住民サービスの水準が低下しますか。",
            "error_title": "住民サービス低下", "error_message": "「低下する」か「低下しない」を選んでください。",
        })
        for col in ("年間処理件数", "見積額"):
            c = COLUMNS.index(col)
            ws.data_validation(first, c, last, c, {
                "validate": "integer", "criteria": ">=", "value": 0,
                "error_title": col, "error_message": "0 以上の整数で入力してください。",
            })
        ws.freeze_panes(HEADER_ROW + 1, 3)
        plan.apply(ws)
        ws.repeat_rows(HEADER_ROW)
        ws.print_area(0, 0, last, len(headers) - 1)
        # the footer scales with the sheet: big enough to print at 7 pt
        ws.set_footer(footer_text(left=f"カスタマイズ要望票（{member}）", size=math.ceil(7 * 100 / plan.scale)))

        fl = wb.add_worksheet("機能一覧")
        for c, (h, w) in enumerate(zip(("機能ID", "業務", "機能名", "適合度", "種別"), (11, 20, 40, 7, 7), strict=True)):
            fl.set_column(c, c, w)
            fl.write_string(0, c, h, head)
        n = 0
        for n, f in enumerate(functions, start=1):
            fl.write_string(n, 0, f.code, cell)
            fl.write_string(n, 1, f.business_system or "", cell)
            fl.write_string(n, 2, f.name, cell)
            fl.write_string(n, 3, f.fit or "", cell)
            fl.write_string(n, 4, KIND_LABELS.get(getattr(f, "kind", "function"), "機能"), cell)
        fl.autofilter(0, 0, max(n, 1), 4)
        fl.freeze_panes(1, 0)
        # A look-up list for the screen (thousands of rows, searched with the filter): printing the
        # workbook leaves it out. Its print area is one empty cell beside the list, which Excel and
        # LibreOffice print as nothing (its heading row alone printed as an empty-looking page);
        # 記入方法 says so, and how to print the rows one has filtered or selected.
        fl.print_area(0, 5, 0, 5)
        PrintPlan("a4", 100, landscape=False, font_pt=size).apply(fl)

        guide = wb.add_worksheet("記入方法")
        guide_width = 90  # units: 409 pt, inside A4 portrait's printable width at 100 %
        guide.set_column(0, 0, guide_width)
        plain_wrap = wb.add_format({**font, "text_wrap": True, "valign": "top"})
        for r, line in enumerate(INSTRUCTIONS):
            if r == 0:
                guide.write_string(r, 0, line, title)
                guide.set_row(r, 22)
                continue
            wrapped = wrap_text(line, PrintPlan.inner_pt(guide_width), GOTHIC, size, GUIDE_WORDS) or [""]
            guide.write_string(r, 0, "\n".join(wrapped), plain_wrap)
            guide.set_row(r, len(wrapped) * 14 + 3)
        PrintPlan("a4", 100, landscape=False, font_pt=size).apply(guide)
        guide.print_area(0, 0, len(INSTRUCTIONS) - 1, 0)
    finally:
        wb.close()


INSTRUCTIONS = (
    "カスタマイズ要望票の記入方法",
    "",
    "協議会はパッケージを標準のまま利用すること（ノンカスタマイズ）を原則としています。要望は、業務の運用で対応できないかを十分に検討してから記入してください。",
    "カスタマイズの経費は共同調達の契約外で、要望した団体が負担します。実施には各団体の財政課協議と首長決裁が必要です。",
    "",
    "1. 「要望」シートの4行目の見出しの下に、1行に1件ずつ記入してください。見出しの文字と列の並びは変更しないでください。",
    "2. 要望番号: 事務局が付けた番号（例: R-0001）に参加する場合はその番号を、新しい要望の場合は空欄にしてください。",
    "3. 団体名: 記入済みです。変更しないでください。",
    "4. 機能ID: 「機能一覧」シートで対象の機能を探し、その機能IDを記入してください。"
    "パッケージにない機能の場合は空欄にし、右端の「業務」列に業務名を記入してください。",
    "   「機能一覧」シートは画面で検索するための一覧で、ブックを印刷しても印刷されません。"
    "一部を印刷するときは、その行を選んで「選択した部分を印刷」してください。",
    "5. 要望名: 要望を一言で表す名称を記入してください（空欄の場合は機能名を使います）。",
    "   種別: 同じ番号の機能と帳票がある場合は、右端の「種別」列に「機能」か「帳票」を記入してください"
    "（「機能一覧」シートの種別のとおり）。",
    "6. 要望内容: どのように変えてほしいかを具体的に記入してください（必須）。",
    "7. 理由区分: 一覧から選んでください（必須）。" + "／".join(REASON_LABELS.values()),
    "8. 住民サービス低下: このカスタマイズがないと住民サービスの水準が低下するかを「低下する」「低下しない」から選んでください（必須）。",
    "9. 低下の内容: 低下する場合はその内容を、低下しない場合はそれでも必要な理由を記入してください（必須）。",
    "10. 年間処理件数: この要望に関係する1年間の処理件数を整数で記入してください。",
    "11. 代替運用案: カスタマイズしない場合の運用での対応案を記入してください。",
    "12. 見積額: ベンダーの見積額（円、要望項目全体の金額）が分かっている場合に記入してください。"
    "同じ要望番号の行では同じ金額にしてください。",
    "",
    "記入したファイルは、そのまま事務局に送ってください。CSV（UTF-8 または Shift_JIS）で保存したものも受け付けます。",
)

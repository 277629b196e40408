"""Workbooks in the shapes function lists really arrive in (DOMAIN.md, "What the lists really look like").

Built with openpyxl so that merged cells, two-row headers, number formats (IDs stored as numbers
formatted 0000000), formulas and footnotes are as Excel writes them. Used by the import dialog
tests and by ``scripts``-style screenshot rendering; not a test module itself.
"""
from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font


def ministry_annex(path: Path, *, functions: int = 24, retired: tuple[int, ...] = (5,), forms: int = 6,
                   business: str = "住民記録") -> Path:
    """A ministry 標準仕様書 別紙「機能・帳票要件」: a cover sheet, 機能要件 with title and note rows,
    a two-row merged header (機能分類 over 大項目/中項目/小項目; 前版からの改定 over 改定区分/改定内容),
    大項目 merged down its block, IDs as numbers formatted 0000000, a retired ID （削除） and
    footnotes (※1 …) under the table; then 帳票要件 with 帳票ID / 帳票名称 / 実装区分.

    Function i (0-based) has 機能ID 0010001 + i; retired rows read （削除） with 改定区分 削除.
    """
    wb = Workbook()
    cover = wb.active
    cover.title = "表紙"
    cover["B3"] = f"{business}システム標準仕様書"
    cover["B5"] = "別紙　機能・帳票要件"
    cover["B7"] = "第2.1版"
    cover["B9"] = "令和6年1月"

    ws = wb.create_sheet("機能要件")
    ws["A1"] = f"【{business}】機能要件"
    ws["A2"] = "※ 実装必須機能は、標準準拠システムが必ず実装する機能である。"
    head = 4
    for c, text in enumerate(("機能ID", "機能分類", None, None, "機能名称", "機能要件", "実装区分",
                              "前版からの改定", None), start=1):
        if text:
            ws.cell(head, c, text)
    for c, text in ((2, "大項目"), (3, "中項目"), (4, "小項目"), (8, "改定区分"), (9, "改定内容")):
        ws.cell(head + 1, c, text)
    ws.merge_cells(start_row=head, start_column=2, end_row=head, end_column=4)
    ws.merge_cells(start_row=head, start_column=8, end_row=head, end_column=9)
    for c in (1, 5, 6, 7):
        ws.merge_cells(start_row=head, start_column=c, end_row=head + 1, end_column=c)
    for c in range(1, 10):
        ws.cell(head, c).font = Font(bold=True)
        ws.cell(head + 1, c).font = Font(bold=True)
    first = head + 2
    block = 6
    for i in range(functions):
        r = first + i
        code = ws.cell(r, 1, 10001 + i)
        code.number_format = "0000000"
        big = ("住民記録", "証明発行", "照会")[(i // block) % 3]
        if i % block == 0:
            ws.cell(r, 2, big)
            end = min(r + block - 1, first + functions - 1)
            if end > r:
                ws.merge_cells(start_row=r, start_column=2, end_row=end, end_column=2)
        ws.cell(r, 3, ("異動", "証明", "照会", "統計")[i % 4])
        ws.cell(r, 4, f"小項目{i % 3 + 1}")
        if i in retired:
            ws.cell(r, 5, "（削除）")
            ws.cell(r, 6, "（削除）")
            ws.cell(r, 8, "削除")
            ws.cell(r, 9, "第2.0版で削除")
            continue
        ws.cell(r, 5, f"{('転入', '転出', '転居', '世帯変更', '証明書交付', '個人照会')[i % 6]}の処理{i + 1}")
        req = ws.cell(r, 6, f"{business}の{('転入', '転出', '転居')[i % 3]}届を受け付け、\n異動の内容を記録できること。")
        req.alignment = Alignment(wrap_text=True)
        ws.cell(r, 7, "実装必須機能" if i % 4 else "標準オプション機能")
        if i % 7 == 3:
            ws.cell(r, 8, "修正")
            ws.cell(r, 9, "文言の修正")
    foot = first + functions + 1
    ws.cell(foot, 1, "※1 機能IDは、機能要件の識別のための番号であり、欠番は削除された機能である。")
    ws.merge_cells(start_row=foot, start_column=1, end_row=foot, end_column=9)
    ws.cell(foot + 1, 1, "※2 実装区分の定義は、本文第1章を参照のこと。")
    ws.column_dimensions["E"].width = 24
    ws.column_dimensions["F"].width = 48

    if forms:
        fs = wb.create_sheet("帳票要件")
        fs["A1"] = f"【{business}】帳票要件"
        for c, text in enumerate(("帳票ID", "帳票名称", "帳票概要", "実装区分"), start=1):
            fs.cell(3, c, text).font = Font(bold=True)
        for i in range(forms):
            cell = fs.cell(4 + i, 1, 20001 + i)
            cell.number_format = "0000000"
            fs.cell(4 + i, 2, ("住民票の写し", "住民票記載事項証明書", "転出証明書", "世帯一覧表", "異動届受理通知",
                               "住民基本台帳人口集計表")[i % 6])
            fs.cell(4 + i, 3, "様式は総務省令に定めるとおり。")
            fs.cell(4 + i, 4, "実装必須帳票" if i % 3 else "標準オプション帳票")
        fs.cell(5 + forms, 1, "※ 帳票IDは、帳票要件の識別のための番号である。")
    wb.save(path)
    return path


def vendor_answer_sheet(path: Path, *, rows: int = 12, blank_means_cross: bool = True) -> Path:
    """A vendor's 機能要件一覧（回答書）: instruction rows, No / 大分類 / 中分類 / 項目 / 必須・任意の別 /
    回答欄 / カスタマイズ費用（千円） / 備考（代替案等）, 〇 (U+3007) typed for ○, 別途見積 in a cost
    cell, a 合計 row with =SUM() and notes at the bottom."""
    wb = Workbook()
    ws = wb.active
    ws.title = "機能要件一覧（回答書）"
    ws["A1"] = "機能要件一覧（回答書）"
    ws["A2"] = "回答欄には、○（標準で対応可）、△（カスタマイズで対応可）、×（対応不可）を記入してください。"
    if blank_means_cross:
        ws["A3"] = "空欄の場合は「×」とみなします。"
    head = 5
    for c, text in enumerate(("No", "大分類", "中分類", "項目", "必須・任意の別", "回答欄",
                              "カスタマイズ費用（千円）", "備考（代替案等）"), start=1):
        ws.cell(head, c, text).font = Font(bold=True)
    marks = ("〇", "○", "△", "×", "〇", "")
    for i in range(rows):
        r = head + 1 + i
        ws.cell(r, 1, i + 1)
        ws.cell(r, 2, "住民記録")
        ws.cell(r, 3, ("異動", "証明", "照会")[i % 3])
        ws.cell(r, 4, f"転入届の受付時に、前住所地の市区町村から送付された転出証明書情報を取り込み、"
                      f"入力を省略できること（要件{i + 1}）。")
        ws.cell(r, 5, "必須" if i % 2 else "任意")
        mark = marks[i % len(marks)]
        if mark:
            ws.cell(r, 6, mark)
        if mark == "△":
            ws.cell(r, 7, "別途見積" if i % 4 == 0 else 350 + i)
            ws.cell(r, 8, "EUCで代替可能")
    total = head + 1 + rows
    ws.cell(total, 6, "合計")
    ws.cell(total, 7, f"=SUM(G{head + 1}:G{total - 1})")
    ws.cell(total + 2, 1, "※ 費用は税抜、千円単位。")
    wb.save(path)
    return path


def fit_gap_sheet(path: Path, *, members: tuple[str, ...] = ("常陸大宮市", "那珂市"), rows: int = 8,
                  systems: tuple[str, ...] = ("住民記録",)) -> Path:
    """A consortium's Fit&Gap sheet: No / 業務 / 機能ID / 機能名 / パッケージ対応状況 (適合 / 代替 /
    カスタマイズ / 対象外), then per member a group (member name merged over 判定 / 現行運用・要望)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Fit&Gap"
    ws["A1"] = "Fit&Gap 分析シート（移行）"
    head = 3
    fixed = ("No", "業務", "機能ID", "機能名", "パッケージ対応状況")
    for c, text in enumerate(fixed, start=1):
        ws.cell(head, c, text)
        ws.merge_cells(start_row=head, start_column=c, end_row=head + 1, end_column=c)
    for m, name in enumerate(members):
        c = len(fixed) + 1 + 2 * m
        ws.cell(head, c, name)
        ws.merge_cells(start_row=head, start_column=c, end_row=head, end_column=c + 1)
        ws.cell(head + 1, c, "判定")
        ws.cell(head + 1, c + 1, "現行運用・要望")
    answers = ("適合", "代替", "カスタマイズ", "適合", "対象外", "適合")
    judgements = ("○", "△", "×", "○", "－", "○")
    for i in range(rows):
        r = head + 2 + i
        ws.cell(r, 1, i + 1)
        ws.cell(r, 2, systems[i % len(systems)])
        cell = ws.cell(r, 3, 10001 + i)
        cell.number_format = "0000000"
        ws.cell(r, 4, f"住民票の写しの交付{i + 1}")
        ws.cell(r, 5, answers[i % len(answers)])
        for m in range(len(members)):
            c = len(fixed) + 1 + 2 * m
            j = judgements[(i + m) % len(judgements)]
            ws.cell(r, c, j)
            if j in ("△", "×"):
                ws.cell(r, c + 1, f"窓口で即日交付しているため、一括印刷が必要（{members[m]}）")
    ws.cell(head + 3 + rows, 1, "【判定の凡例】○：現行どおり　△：運用変更で対応　×：対応不可")
    wb.save(path)
    return path


def two_id_columns(path: Path, *, rows: int = 6) -> Path:
    """A list with two columns that could each be the ID (機能番号 and 要件ID, both ID-like): the
    import must ask which one, never guess."""
    wb = Workbook()
    ws = wb.active
    ws.title = "機能一覧"
    for c, text in enumerate(("No.", "機能番号", "要件ID", "業務", "機能名", "適合度"), start=1):
        ws.cell(1, c, text)
    for i in range(rows):
        ws.cell(2 + i, 1, i + 1)
        ws.cell(2 + i, 2, f"01{i + 1:05d}")
        ws.cell(2 + i, 3, f"R-{i + 1:04d}")
        ws.cell(2 + i, 4, "住民基本台帳")
        ws.cell(2 + i, 5, f"住民票の発行{i + 1}")
        ws.cell(2 + i, 6, "○")
    wb.save(path)
    return path


def unknown_systems_list(path: Path, *, rows: int = 30) -> Path:
    """A list whose 業務 column spells systems the consortium does not know: 住民記録 (a synonym of
    住民基本台帳), and two names no synonym knows (one close to a registered 業務), each on many rows."""
    wb = Workbook()
    ws = wb.active
    ws.title = "機能一覧"
    for c, text in enumerate(("機能ID", "業務", "機能名", "適合度"), start=1):
        ws.cell(1, c, text)
    names = ("住民記録", "斎場予約", "住民記録", "後期高齢者医療制度")
    for i in range(rows):
        ws.cell(2 + i, 1, f"09{i + 1:05d}")
        ws.cell(2 + i, 2, names[i % len(names)])
        ws.cell(2 + i, 3, f"新しい機能{i + 1}")
        ws.cell(2 + i, 4, "○")
    wb.save(path)
    return path

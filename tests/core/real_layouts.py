"""Workbooks in the three shapes function lists really arrive in (DOMAIN.md, "What the lists really
look like"), written with openpyxl: merged cells, number formats, formulas, notes and all."""
from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment

LONG_SENTENCE = (
    "住民異動届（転入届、転出届、転居届、世帯変更届）の受付にあたり、本人確認書類の種別と番号、届出人と異動者の続柄、"
    "届出の方法（窓口、郵送、電子申請）を記録し、異動日と届出日の前後関係、住所の表記（方書を含む）、世帯主の変更の有無を"
    "確認したうえで、住民票への記載、消除又は修正を行い、関連する業務システム（国民健康保険、介護保険、後期高齢者医療、"
    "児童手当、選挙人名簿、印鑑登録、税務システム）に異動情報を即時に連携できること。また、異動の取消し又は訂正があった場合には、"
    "連携先に対しても取消し又は訂正の情報を連携し、処理の経過を履歴として参照できること。なお、連携の結果はエラーの有無を含めて"
    "一覧で確認でき、エラーとなった連携を再送できること。さらに、届出の受付から処理完了までの各段階の担当者と日時を記録し、"
    "後日の照会に応じて出力できること。加えて、同一世帯の複数人の異動を一度の操作で処理できること。"
)


def ministry_annex(path: Path) -> Path:
    """別紙「機能・帳票要件」 of 介護保険: a cover sheet, title and note rows, a two-row merged
    header, 大/中項目 merged down, 7-digit IDs stored as numbers with the format 0000000, （削除）
    rows with 改定区分 削除, footnotes under the table, and a 帳票要件 sheet."""
    wb = Workbook()
    cover = wb.active
    cover.title = "表紙"
    cover["B3"] = "介護保険システム標準仕様書"
    cover["B5"] = "【別紙】機能・帳票要件"
    cover["B8"] = "令和5年4月　厚生労働省"

    ws = wb.create_sheet("機能要件")
    ws["A1"] = "機能要件一覧（介護保険）"
    ws["A2"] = "本一覧は標準仕様書第2.0版に対応する。改定の内容は「前版からの改定」欄を参照のこと。"
    ws.merge_cells("A2:I2")
    for col, title in (("A", "機能ID"), ("E", "機能要件"), ("F", "実装区分"), ("G", "要件の考え方・理由")):
        ws[f"{col}4"] = title
        ws.merge_cells(f"{col}4:{col}5")
    ws["B4"] = "機能分類"
    ws.merge_cells("B4:D4")
    ws["B5"], ws["C5"], ws["D5"] = "大項目", "中項目", "小項目"
    ws["H4"] = "前版からの改定"
    ws.merge_cells("H4:I4")
    ws["H5"], ws["I5"] = "改定区分", "改定内容"
    rows = [
        (230001, "資格管理", "資格取得", "転入", "転入による資格取得を登録できること。\n・住民記録システムの異動情報を連携すること。",
         "実装必須機能", "全国共通の事務であるため。", None, None),
        (230002, None, None, "年齢到達", "65歳到達による資格取得を一括で登録できること。", "実装必須機能", None, "修正", "文言の修正"),
        (230003, None, "資格喪失", "死亡", "（削除）", None, None, "削除", "第2.0版で削除"),
        (230265, "賦課", "保険料算定", "所得段階", "所得段階を判定し、保険料を算定できること。", "標準オプション機能", None, "追加", None),
        (230266, None, None, "減免", "保険料の減免を登録できること。減免理由ごとに減免額を管理できること。", "実装不可機能",
         "団体ごとの運用差が大きいため。", None, None),
    ]
    for i, row in enumerate(rows):
        r = 6 + i
        for c, value in enumerate(row):
            if value is not None:
                ws.cell(r, c + 1, value)
        ws.cell(r, 1).number_format = "0000000"
        ws.cell(r, 5).alignment = Alignment(wrap_text=True)
    ws.merge_cells("B6:B8")  # 資格管理 over its three rows
    ws.merge_cells("C6:C7")  # 資格取得 over two
    ws.merge_cells("B9:B10")
    ws.merge_cells("C9:C10")
    ws["A12"] = "※1 機能IDは、業務ごとに一意の7桁の番号である。削除した機能IDは欠番とし、再利用しない。"
    ws.merge_cells("A12:I12")
    ws["A13"] = "※2 実装区分の考え方は、本文第3章を参照のこと。"
    ws.merge_cells("A13:I13")

    fs = wb.create_sheet("帳票要件")
    fs["A1"] = "帳票要件一覧（介護保険）"
    for c, title in enumerate(("帳票ID", "帳票名称", "帳票要件", "実装区分", "改定区分"), start=1):
        fs.cell(3, c, title)
    forms = [
        (230001, "介護保険被保険者証", "被保険者証を印刷できること。", "実装必須帳票", None),
        (230002, "介護保険資格者証", "資格者証を印刷できること。", "標準オプション帳票", None),
        (230003, "（削除）", "（削除）", None, "削除"),
    ]
    for i, row in enumerate(forms):
        for c, value in enumerate(row):
            if value is not None:
                fs.cell(4 + i, c + 1, value)
        fs.cell(4 + i, 1).number_format = "0000000"
    fs["A8"] = "※ 帳票のレイアウトは別添を参照のこと。"
    wb.save(path)
    return path


def vendor_answer(path: Path) -> Path:
    """機能要件一覧（回答書）: instruction rows, No / 大分類 / 中分類 / 項目 / 必須・任意の別 / 回答欄 /
    カスタマイズ費用（千円） / 備考（代替案等）, 〇 (U+3007), 別途見積, 「空欄の場合は「×」とみなします」,
    a 合計 row with =SUM() and a note at the bottom."""
    wb = Workbook()
    ws = wb.active
    ws.title = "回答書"
    ws["A1"] = "機能要件一覧（回答書）"
    ws["A2"] = "回答欄には、○（標準機能で対応可）、△（カスタマイズにより対応）、×（対応不可）を記入すること。"
    ws["A3"] = "回答欄が空欄の場合は「×」とみなします。"
    header = ("No", "大分類", "中分類", "項目", "必須・任意の別", "回答欄", "カスタマイズ費用（千円）", "備考（代替案等）")
    for c, title in enumerate(header, start=1):
        ws.cell(5, c, title)
    body = [
        (1, "住民記録", "異動", LONG_SENTENCE, "必須", "〇", None, None),
        (2, None, None, "転居届を受け付け、世帯の住所を一括で変更できること。", "任意", "△", 1200, "運用で対応可能"),
        (3, None, "証明", "住民票の写しに外字を正しく印字できること。", "必須", "×", "別途見積", None),
        (4, None, None, "除票の写しを交付できること。", "必須", None, None, None),
        (5, None, None, "広域交付の住民票を交付できること。", "任意", "○", None, None),
    ]
    for i, row in enumerate(body):
        for c, value in enumerate(row):
            if value is not None:
                ws.cell(6 + i, c + 1, value)
    ws.merge_cells("B6:B10")
    ws.merge_cells("C6:C7")
    ws.merge_cells("C8:C10")
    ws["A11"] = "合計"
    ws.merge_cells("A11:F11")
    ws["G11"] = "=SUM(G6:G10)"
    ws["A13"] = "※ 費用は税抜き、千円単位で記入すること。"
    wb.save(path)
    return path


def fit_gap(path: Path, *, members: tuple[str, str] = ("那珂市", "常陸大宮市")) -> Path:
    """A consortium's Fit&Gap sheet: the package's answer (適合 / 代替 / カスタマイズ / 対象外) and, per
    member, a column group (the member's name merged over 判定 and 現行運用・要望); 業務 written
    住民記録 / 住基 / 住民基本台帳; a running No. beside the real 機能ID."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Fit&Gap"
    ws["A1"] = "Fit&Gap分析結果（住民記録）"
    ws["A2"] = "【判定の凡例】○: 標準で対応 △: 運用の見直しが必要 ×: カスタマイズが必要 －: 対象外"
    for col, title in (("A", "No."), ("B", "業務"), ("C", "機能ID"), ("D", "機能名"), ("E", "パッケージ対応状況"),
                       ("F", "代替案")):
        ws[f"{col}3"] = title
        ws.merge_cells(f"{col}3:{col}4")
    for start, end, member in (("G", "H", members[0]), ("I", "J", members[1])):
        ws[f"{start}3"] = member
        ws.merge_cells(f"{start}3:{end}3")
        ws[f"{start}4"], ws[f"{end}4"] = "判定", "現行運用・要望"
    body = [
        (1, "住民記録", "0010001", "住民票の写しの交付", "適合", None, "○", None, "○", None),
        (2, "住民記録", "0010002", "転入届の受付", "カスタマイズ", None, "△", "窓口で世帯全員を一括入力している", "○", None),
        (3, "住基", "0010003", "外字の印字", "対象外", None, "－", None, "×", "独自の外字を約200字登録している"),
        (4, "住民基本台帳", "0010004", "除票の照会", "代替", "EUCで照会画面を作成", "○", None, "△", "照会画面に続柄を表示したい"),
    ]
    for i, row in enumerate(body):
        for c, value in enumerate(row):
            if value is not None:
                ws.cell(5 + i, c + 1, value)
    ws["A10"] = "※ 判定は各団体の業務担当課による（令和8年10月時点）。"
    wb.save(path)
    return path

"""Workbooks made the way people make them (helper r's review)."""
import re, random, pathlib
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
OUT = pathlib.Path(__file__).parent
D = pathlib.Path('/work/shared/data/jyuki-stnd')

def sections():
    idx = (D / 'index.md').read_text(encoding='utf-8-sig')
    out = []
    for m in re.finditer(r'### \[(\d+(?:\.\d+)*)\. ([^\]]+?) \((\d+)\)\]', idx):
        num, title, key = m.groups()
        f = D / f'j{key}.txt'
        if f.exists():
            out.append((num, title, key, f.read_text(encoding='utf-8-sig')))
    return out

def split_kinds(text):
    parts = re.split(r'【(実装すべき機能|実装してもしなくても良い機能|実装しない機能)】', text)
    res = []
    for i in range(1, len(parts), 2):
        body = parts[i + 1].strip()
        if body and body not in ('なし', '－', '-'):
            res.append((parts[i], body))
    return res

# ---------- 1. ministry annex 住民記録 ----------
def book1():
    wb = Workbook(); ws = wb.active; ws.title = '表紙'
    ws['B3'] = '住民記録システム標準仕様書【第1.0版】'
    ws['B5'] = '別紙　機能・帳票要件'
    ws['B8'] = '令和3年8月'; ws['B9'] = '総務省'
    h = wb.create_sheet('改版履歴')
    h.append(['版', '改版日', '改版内容'])
    h.append(['第1.0版', '2021/8/31', '初版'])
    h.append(['第1.1版', '2022/8/31', '機能ID 0010003 を削除、ほか'])
    f = wb.create_sheet('機能要件')
    f['A1'] = '住民記録システム標準仕様書　機能要件一覧'; f['A1'].font = Font(size=14, bold=True)
    f['A2'] = '※本一覧は第3章「機能要件」を一覧化したものである。'
    # two-row header, row 4-5
    f['A4'] = '機能ID'; f.merge_cells('A4:A5')
    f['B4'] = '機能分類'; f.merge_cells('B4:D4')
    f['B5'] = '大項目'; f['C5'] = '中項目'; f['D5'] = '小項目'
    f['E4'] = '機能要件'; f.merge_cells('E4:E5')
    f['F4'] = '実装区分'; f.merge_cells('F4:F5')
    f['G4'] = '前版からの改定'; f.merge_cells('G4:H4')
    f['G5'] = '改定区分'; f['H5'] = '改定内容'
    f['I4'] = '備考'; f.merge_cells('I4:I5')
    r = 6; n = 0; rows = []
    big_start = {}
    for num, title, key, text in sections()[:25]:
        lv = num.split('.')
        big = {'1': '管理項目', '2': '住民記録', '3': '証明書発行', '4': '照会'}.get(lv[0], lv[0])
        mid = title
        for kind, body in split_kinds(text):
            n += 1
            code = f'{int(key):04d}{n % 1000:03d}'
            f.cell(r, 1, code)  # text ID with leading zeros
            f.cell(r, 2, big); f.cell(r, 3, '.'.join(lv[:2])); f.cell(r, 4, mid)
            f.cell(r, 5, body).alignment = Alignment(wrap_text=True, vertical='top')
            f.cell(r, 6, kind)
            rows.append((code, kind, len(body)))
            r += 1
    # a retired row
    f.cell(r, 1, '0010003'); f.cell(r, 2, '管理項目'); f.cell(r, 5, '（削除）'); f.cell(r, 6, '実装すべき機能')
    f.cell(r, 7, '削除'); f.cell(r, 8, '1.1.1に統合'); r += 1
    # merge 大項目 down first 5 rows (block)
    f.merge_cells(start_row=6, start_column=2, end_row=10, end_column=2)
    r += 1
    f.cell(r, 1, '※1 機能IDは、業務ごとに一意の7桁の番号である。'); f.merge_cells(start_row=r, start_column=1, end_row=r, end_column=9); r += 1
    f.cell(r, 1, '※2 （削除）と記載した機能IDは欠番とし、再利用しない。'); f.merge_cells(start_row=r, start_column=1, end_row=r, end_column=9)
    fo = wb.create_sheet('帳票要件')
    fo['A1'] = '帳票要件一覧'
    fo.append([])
    fo.append(['帳票ID', '帳票名称', '帳票要件', '実装区分', '備考'])
    for i, (nm, k) in enumerate([('住民票の写し', '実装必須帳票'), ('住民票記載事項証明書', '実装必須帳票'),
                                 ('転出証明書', '実装必須帳票'), ('世帯一覧表', '標準オプション帳票'),
                                 ('異動届受理通知', '標準オプション帳票')]):
        fo.append([f'{i+1:07d}', nm, f'{nm}を出力できること。\n・A4縦\n・カラー不要', k, ''])
    fo.append([])
    fo.append(['※帳票のレイアウトは別紙参照'])
    wb.save(OUT / 'b1_住民記録_機能・帳票要件.xlsx')
    return rows

# ---------- 2. 介護保険, numeric ids 0000000, odd column order, hidden column ----------
def book2():
    wb = Workbook(); ws = wb.active; ws.title = '機能一覧（介護）'
    ws['A1'] = '介護保険システム　機能一覧'
    ws['A2'] = '（令和8年10月1日現在）'
    # header rows 3-4, unusual order: 実装区分 | 業務 | 機能ID | 旧機能ID(hidden) | 機能名 | 機能分類(大/中) | 適合度 | 便利機能
    heads = ['実装区分', '業務', '機能ID', '旧機能ID', '機能名', '機能分類', None, '適合度', '便利機能']
    for c, v in enumerate(heads, 1):
        if v: ws.cell(3, c, v)
    for c in (1, 2, 3, 4, 5, 8, 9):
        ws.merge_cells(start_row=3, start_column=c, end_row=4, end_column=c)
    ws.merge_cells('F3:G3'); ws['F4'] = '大分類'; ws['G4'] = '中分類'
    ws.column_dimensions['D'].hidden = True
    marks = ['〇', '◯', '○', '△', '×', '〇', '○', '〇']
    sys = ['介護保険', '介護', 'ｶｲｺﾞﾎｹﾝ', '介護保険 ']
    r = 5; exp = []
    codes = [230265, 230266, 230270, 10001, 1, 2300001, 230300, 230301, 230302, 230303, 230304, 230305]
    for i, code in enumerate(codes):
        ws.cell(r, 1, '実装必須機能' if i % 3 else '標準オプション機能')
        ws.cell(r, 2, sys[i % len(sys)])
        c = ws.cell(r, 3, code); c.number_format = '0000000'
        ws.cell(r, 4, 9000 + i)
        ws.cell(r, 5, f'資格管理機能{i+1}（被保険者証の再交付）')
        ws.cell(r, 6, '資格管理'); ws.cell(r, 7, '被保険者証')
        ws.cell(r, 8, marks[i % len(marks)])
        ws.cell(r, 9, '○' if i == 2 else None)
        exp.append(f'{code:07d}')
        r += 1
    ws.cell(r, 5, '計'); ws.cell(r, 3, f'=COUNTA(C5:C{r-1})')
    r += 2
    ws.cell(r, 1, '注）適合度：○標準対応、△改修必要、×対応不可')
    wb.save(OUT / 'b2_介護保険_機能一覧.xlsx')
    return exp

# ---------- 3. vendor answer sheet ----------
def book3():
    wb = Workbook(); ws = wb.active; ws.title = '機能要件一覧（回答書）'
    ws['A1'] = '機能要件一覧（回答書）'
    ws['A2'] = '【記入要領】回答欄には、○（標準機能で対応可）、△（カスタマイズにより対応）、×（対応不可）のいずれかを記入すること。'
    ws['A3'] = '　　　　　　空欄の場合は「×」とみなします。カスタマイズ費用は千円単位（税抜）で記入すること。'
    ws.merge_cells('A2:I2'); ws.merge_cells('A3:I3')
    ws.append([])
    ws.append(['No', '業務', '大分類', '中分類', '項目', '必須・任意の別', '回答欄', 'カスタマイズ費用（千円）', '備考（代替案等）'])
    hdr = ws.max_row
    texts = []
    for num, title, key, text in sections()[25:45]:
        for kind, body in split_kinds(text):
            texts.append((title, kind, body))
    ans = ['〇', '○', '△', '×', '', '◯', '△']
    cost = [None, None, 350, None, None, None, '別途見積']
    gyomu = ['住基', 'ｼﾞｭｳｷ', '住民記録', '住民基本台帳', '住　基']
    for i, (title, kind, body) in enumerate(texts):
        a = ans[i % len(ans)]
        ws.append([i + 1, gyomu[i % len(gyomu)], '住民記録', title, body,
                   '必須' if kind == '実装すべき機能' else '任意', a,
                   cost[i % len(cost)] if a == '△' else None,
                   'EUCで対応' if a == '×' else None])
        ws.cell(ws.max_row, 5).alignment = Alignment(wrap_text=True)
    last = ws.max_row
    ws.append(['合計', None, None, None, None, None, None, f'=SUM(H{hdr+1}:H{last})', None])
    ws.append([])
    ws.append(['※ 費用は概算であり、詳細設計後に変動する場合がある。'])
    wb.save(OUT / 'b3_回答書_住民記録.xlsx')
    return len(texts)

# ---------- 4. Fit&Gap per member ----------
def book4(members):
    wb = Workbook(); ws = wb.active; ws.title = 'Fit&Gap'
    ws['A1'] = '住民基本台帳　Fit&Gap 検討シート'
    ws['A3'] = '項番'; ws['B3'] = '機能番号'; ws['C3'] = '機能名称'; ws['D3'] = 'パッケージ対応状況'
    for c in 'ABCD': ws.merge_cells(f'{c}3:{c}4')
    col = 5
    for m in members:
        ws.cell(3, col, m); ws.merge_cells(start_row=3, start_column=col, end_row=3, end_column=col + 1)
        ws.cell(4, col, '判定'); ws.cell(4, col + 1, '現行運用・要望'); col += 2
    pk = ['適合', '代替', 'カスタマイズ', '対象外', '適合']
    for i in range(10):
        row = [i + 1, f'J{i+1:05d}', f'住民票の写しの交付{i+1}', pk[i % len(pk)]]
        for j, m in enumerate(members):
            mk = ['○', '〇', '△', '×', '－'][(i + j) % 5]
            row += [mk, '窓口で手作業により対応している。年間約1,200件。' if mk in '△×' else None]
        ws.append(row)
    ws.append([]); ws.append(['【判定の凡例】○：現行どおり　△：運用変更で対応　×：対応不可　－：対象外'])
    wb.save(OUT / 'b4_FitGap_住基.xlsx')

if __name__ == '__main__':
    import sys
    rows = book1(); print('b1', len(rows), 'rows, max len', max(r[2] for r in rows))
    print('b2', book2()); print('b3', book3())
    book4(sys.argv[1:] or ['常陸大宮市', '那珂市', 'かすみがうら市', '五霞町'])

#!/bin/sh
# Re-run the key repros against the current code (helper r). Prints one line per check.
cd /work/notes/review
C=/work/wt/r/.venv/bin/cloudsuppress
cp t_before_b3.sqlite rc.sqlite
echo "R1: $($C --db rc.sqlite functions import b3_回答書_住民記録.xlsx --system-map ｼﾞｭｳｷ=住民基本台帳 --dry-run 2>&1 | grep -E '一致|削除 [0-9]+ 件' | tail -2 | tr '\n' ' ')"
echo "R7: $($C --db rc.sqlite functions import bad/blank_id_last.xlsx --dry-run 2>&1 | grep -E '除外|エラー|空です' | tr '\n' ' ')"
cp t_before_b3.sqlite rc.sqlite
echo "R12: $($C --db rc.sqlite functions import hdr/fit_paren.csv --dry-run 2>&1 | grep 'D列')"
echo "R13: $($C --db rc.sqlite functions import hdr/paren_headers.csv --dry-run 2>&1 | tail -1)"
$C --db rc.sqlite functions import b6b_formats.xlsx --yes >/dev/null 2>&1
echo "R17: $($C --db rc.sqlite functions list --business-system 住民基本台帳 --json | python3 -c "import json,sys; print([x['code'] for x in json.load(sys.stdin) if x['kind']=='function'][:3])")"
echo "R18: $($C --db t.sqlite functions import conv/b2_介護保険_機能一覧.xls --system-map ｶｲｺﾞﾎｹﾝ=介護保険 --dry-run 2>&1 | tail -1)"
rm -f rc19.sqlite*; $C --db rc19.sqlite init --name x --preset ibaraki33 >/dev/null; $C --db rc19.sqlite functions import 'b1_住民記録_機能・帳票要件.xlsx' --business-system 住民記録 --yes >/dev/null 2>&1
echo "R19: $($C --db rc19.sqlite functions import 'conv/b1_住民記録_機能・帳票要件.ods' --business-system 住民記録 --dry-run 2>&1 | tail -1)"
rm -f rc8.sqlite*; $C --db rc8.sqlite init --name x --preset ibaraki33 >/dev/null; $C --db rc8.sqlite members import members.csv >/dev/null
$C --db rc8.sqlite functions import b7_same_code.xlsx --business-system 住民基本台帳 --yes >/dev/null
echo "R20: $($C --db rc8.sqlite requests import tmpl/t8_filled.xlsx --dry-run 2>&1 | tail -2 | tr '\n' ' ')"
rm -f rc10.sqlite*; $C --db rc10.sqlite init --name x --preset ibaraki33 >/dev/null
echo "R21: $($C --db rc10.sqlite members import members_real.xlsx 2>&1 | tail -1)"
echo "R30: $($C --db t5.sqlite functions import b8_hidden_sheet.xlsx --business-system 住民基本台帳 --dry-run 2>&1 | grep '機能のシート')"
cp t_before_b3.sqlite rcc.sqlite; $C --db rcc.sqlite functions import b12_costs.xlsx --yes >/dev/null 2>&1
echo "R33: No.3 vendor_cost=$(sqlite3 rcc.sqlite "select vendor_cost from function where code='3'")"
echo "R32: $($C --db t5.sqlite functions import bad/unicode_text.txt --dry-run 2>&1 | tail -1)"
cp t.sqlite rct.sqlite; $C --db rct.sqlite requests import tmpl/tr_filled.xlsx >/dev/null 2>&1
echo "R26: $($C --db rct.sqlite functions import b1v2_住民記録.xlsx --business-system 住民記録 --dry-run 2>&1 | tail -2 | tr '\n' ' ')"

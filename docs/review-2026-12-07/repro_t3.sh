#!/bin/sh
# Fresh consortium from the review workbooks → Fit&Gap → 要望票 round trip → meeting → notice.
set -e
cd /work/notes/review
C="/work/wt/r/.venv/bin/cloudsuppress --db r3.sqlite"
rm -f r3.sqlite*
$C init --name 回答書テスト --preset ibaraki33 >/dev/null
$C members import members.csv >/dev/null
$C functions import b4_FitGap_住基.xlsx --business-system 住民基本台帳 --yes >/dev/null
$C requests export-template --member 那珂市 --out tmpl/r3_那珂市.xlsx --from-judgements --force >/dev/null
$C requests import tmpl/那珂市_要望票_記入済み2.xlsx >/dev/null
$C meetings create --kind 部会 --subcommittee 住民業務 --title 住民業務部会 --date 2026-12-04 --time 14:00-16:00 --place "那珂市役所 本庁舎2階 201会議室" >/dev/null
$C meetings agenda 1 --build >/dev/null 2>&1
$C requests approve R-0002 --member 那珂市 --stage finance --date 2026-12-03 --ref 財第101号 >/dev/null
$C requests approve R-0002 --member 那珂市 --stage mayor --date 2026-12-04 --ref 決裁第55号 >/dev/null
$C meetings outcome 1 --item R-0002 --decide customized --reason "市独自の交付体制のため、那珂市の負担で実施する。" >/dev/null 2>&1
$C meetings outcome 1 --item R-0001 --decide withdrawn --reason "代替機能（EUC）で対応できることを確認した。" >/dev/null 2>&1
$C export costs --member 那珂市 --out docs/r3_notice.pdf --force
pdftoppm -r 80 -png docs/r3_notice.pdf png/r3_notice

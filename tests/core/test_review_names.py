"""Review R2 (helper r): a name made from a requirement's first clause never ends inside an open
bracket (a 。 inside （…） does not end the clause) and never starts with a bullet or list number."""
from __future__ import annotations

import openpyxl
import pytest

from cloudsuppress.importers.cells import name_from_sentence

from .conftest import parse_file


@pytest.mark.parametrize("text,name", [
    ("照会した支援対象者（併せて支援を求める者を含む。）の情報を表示できること。",
     "照会した支援対象者（併せて支援を求める者を含む。）の情報を表示できること"),
    ("・氏名優先区分を管理できること。", "氏名優先区分を管理できること"),
    ("● 世帯主を変更できること。", "世帯主を変更できること"),
    ("○転出証明書を発行できること。", "転出証明書を発行できること"),
    ("- 異動履歴を照会できること。", "異動履歴を照会できること"),
    ("1. 住民票の写しを交付できること。", "住民票の写しを交付できること"),
    ("（2）転入届を受け付けること。", "転入届を受け付けること"),
    ("住民票の写しを交付できること。なお、様式は別紙のとおり。", "住民票の写しを交付できること"),
])
def test_first_clause(text, name):
    assert name_from_sentence(text) == name


@pytest.mark.parametrize("text", [
    "氏名（漢字・アルファベットを含む。）・旧氏・フリガナ・生年月日・性別・続柄を管理できること。",
    "住民票（原票）は、欄の大きさの上限（履歴を保持できる上限回数のこと。）を超えた場合に改製できること。",
    "住民票（世帯全員の写し、世帯の一部の写し、記載事項証明書、除票の写し及び改製原住民票の写しを含む）を交付できること。",
])
def test_a_shortened_name_never_leaves_a_bracket_open(text):
    name = name_from_sentence(text)
    assert name.count("（") == name.count("）"), name
    assert len(name) <= 42 and name.endswith(("…", "…）"))


def test_names_made_on_import_are_balanced(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["機能ID", "機能要件"])
    ws.append(["0010012", "氏名（漢字・アルファベットを含む。）・旧氏・フリガナを管理できること。"])
    ws.append(["0020003", "・氏名優先区分を管理できること。"])
    wb.save(tmp_path / "n.xlsx")
    names = [r.name for r in parse_file(tmp_path / "n.xlsx").records]
    assert names == ["氏名（漢字・アルファベットを含む。）・旧氏・フリガナを管理できること", "氏名優先区分を管理できること"]

"""Review R6 / R14 (helper r): half-width kana 業務 spellings (ｼﾞｭｳｷ, ｶｲｺﾞﾎｹﾝ) and kana readings
match the registered 業務 without --system-map; 「×（EUC）」 stays × (代替 is a ○ reached another way),
the vendor's EUC kept as its alternative text."""
from __future__ import annotations

import openpyxl
import pytest

from cloudsuppress.domain.vocab import parse_fit_word
from cloudsuppress.ops.business_systems import SystemMatcher

from .conftest import functions_of, import_file


@pytest.mark.parametrize("written,registered", [
    ("ｼﾞｭｳｷ", "住民基本台帳"), ("ジュウキ", "住民基本台帳"), ("じゅうき", "住民基本台帳"),
    ("ｶｲｺﾞﾎｹﾝ", "介護保険"), ("ｶｲｺﾞ ﾎｹﾝ", "介護保険"), ("かいごほけん", "介護保険"),
    ("ｺﾃｲｼｻﾝｾﾞｲ", "固定資産税"), ("ｺｸﾐﾝﾈﾝｷﾝ", "国民年金"),
])
def test_kana_spellings_match(db, written, registered):
    with db.session() as s:
        matcher = SystemMatcher(s)
        found = matcher.match(written)
        assert found is not None and matcher.systems[found] == registered


@pytest.mark.parametrize("word,parsed", [
    ("×（EUC）", (True, "×", False)), ("×(代替)", (True, "×", False)), ("△（代替案）", (True, "△", False)),
    ("○（EUC）", (True, "○", True)), ("○(代替)", (True, "○", True)), ("EUC", (True, "○", True)),
])
def test_alternative_qualifier_marks_only_a_fit(word, parsed):
    assert parse_fit_word(word) == parsed


def test_x_with_euc_keeps_the_vendor_text(db, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["機能ID", "業務", "機能名", "適合度", "代替案"])
    ws.append(["0010001", "ｼﾞｭｳｷ", "住民票の写しの交付", "×（EUC）", ""])
    ws.append(["0010002", "ｼﾞｭｳｷ", "転入届の受付", "×（EUC）", "帳票出力ツールで対応"])
    ws.append(["0010003", "ｼﾞｭｳｷ", "世帯変更届", "○（EUC）", ""])
    wb.save(tmp_path / "e.xlsx")
    import_file(db, tmp_path / "e.xlsx")
    rows = functions_of(db, "住民基本台帳")
    assert (rows["0010001"].fit, rows["0010001"].fit_alternative) == ("×", False)
    assert (rows["0010003"].fit, rows["0010003"].fit_alternative) == ("○", True)
    with db.session() as s:
        from sqlalchemy import select

        from cloudsuppress.domain.models import Function
        alt = dict(s.execute(select(Function.code, Function.vendor_alternative)).all())
    assert alt["0010001"] == "EUC" and alt["0010002"] == "帳票出力ツールで対応" and alt["0010003"] is None

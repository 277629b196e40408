"""Japanese line breaking (禁則) of the PDF reports: no line starts with closing punctuation or a
small kana, none ends with an opening bracket, long words and URLs still break, no line is
wider than its cell, and no character is lost."""
from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cloudsuppress.reports.pdf_base import GOTHIC, MINCHO, NO_END, NO_START, widths, wrap_text

SIZE = 7.0


def check(text: str, width: float, font: str = GOTHIC) -> list[str]:
    lines = wrap_text(text, width, font, SIZE)
    ws = widths()
    for line in lines:
        assert ws.width(line, font, SIZE) <= width + 1e-6, (line, width)
    assert "".join("".join(lines).split()) == "".join(text.split())  # nothing lost (spaces aside)
    return lines


def test_punctuation_never_starts_a_line_and_brackets_never_end_one():
    text = "住民票の写しを交付する際、受付番号を印字してほしい。「窓口」での確認（本人確認）に時間がかかるため。"
    for chars in range(4, 20):
        width = widths().width("あ" * chars, GOTHIC, SIZE)
        lines = check(text, width)
        for prev, line in pairwise(lines):
            assert line[0] not in NO_START, (chars, lines)
            assert prev[-1] not in NO_END, (chars, lines)


def test_the_line_without_rules_would_start_with_a_full_stop():
    """The rule is exercised: at this width a plain cut would put 。 at the start of line 2."""
    width = widths().width("あ" * 5, GOTHIC, SIZE)
    lines = check("あいうえお。かきくけこ", width)
    assert lines == ["あいうえ", "お。かきく", "けこ"]


def test_small_kana_and_the_long_vowel_mark_stay_with_their_syllable():
    width = widths().width("あ" * 4, GOTHIC, SIZE)
    for text in ("カスタマイズ要望をサーバーで管理", "しゅっちょうじょ、ちょっと"):
        lines = check(text, width)
        assert all(line[0] not in NO_START for line in lines[1:]), lines


def test_long_urls_and_numbers_break_inside_when_wider_than_the_cell():
    url = "https://example.lg.jp/kikaku/seisaku/0123456789/abcdefghij.html"
    width = widths().width("あ" * 6, GOTHIC, SIZE)
    lines = check(f"詳細は {url} を参照。", width)
    assert len(lines) > 3
    assert "".join(lines).replace(" ", "") == f"詳細は{url}を参照。"


def test_words_are_not_split_when_they_fit_on_the_next_line():
    width = widths().width("あ" * 8, GOTHIC, SIZE)
    lines = check("年間 1,200件 R-0001 を確認", width)
    assert any("1,200" in line for line in lines) and any("R-0001" in line for line in lines)


def test_explicit_line_breaks_are_kept_and_empty_text_has_no_lines():
    assert wrap_text("", 100, GOTHIC, SIZE) == []
    assert check("一行目\n二行目", 200) == ["一行目", "二行目"]


def test_mincho_is_measured_with_its_own_widths():
    width = widths().width("あ" * 10, MINCHO, SIZE)
    check("令和8年11月22日（日）、第2回住民業務部会を開催した。", width, MINCHO)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="あいうえおカキクケコ漢字、。（）「」ーっゃ・！？ abc123-/.", min_size=1, max_size=80),
       st.integers(min_value=3, max_value=30))
def test_any_text_fits_and_keeps_its_characters(text, chars):
    check(text, widths().width("あ" * chars, GOTHIC, SIZE))


_PHRASE = st.tuples(st.text(alphabet="あいうえお漢字カタカナ", min_size=2, max_size=8),
                    st.sampled_from(["", "、", "。", "ー", "っ", "）", "」"]),
                    st.sampled_from(["", "（", "「"]))


@settings(max_examples=150, deadline=None)
@given(st.lists(_PHRASE, min_size=1, max_size=12), st.integers(min_value=4, max_value=20))
def test_sentences_always_break_by_the_rules(phrases, chars):
    """Text as written (punctuation after words, brackets before them) never needs a forced break."""
    text = "".join(open_ + word + close for word, close, open_ in phrases)
    lines = check(text, widths().width("あ" * chars, GOTHIC, SIZE))
    for prev, line in pairwise(lines):
        assert line[0] not in NO_START and prev[-1] not in NO_END, lines


@pytest.mark.parametrize("text", ["。。。。。。。。。。。。", "（（（（（（（（（（"])
def test_a_line_of_only_forbidden_characters_is_still_broken_not_lost(text):
    width = widths().width("あ" * 4, GOTHIC, SIZE)
    assert len(check(text, width)) == 3

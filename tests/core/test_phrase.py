"""A Phrase is a str: every str method works on it, whatever number its plural form depends on."""
from __future__ import annotations

import datetime as dt

from cloudsuppress.phrase import Phrase


def test_a_phrase_keeps_the_str_methods():
    # Its plural number used to be stored as ``count``, which hid str.count: 「'NoneType' object is
    # not callable」 for any caller that counted lines in a cell (mypy found it).
    cases = Phrase("{0}件\n{1}", "1,100", "確認", count=1_100)
    assert cases.count("\n") == 1 and cases.count("件") == 1
    assert Phrase("第{0}回", "3").count("回") == 1
    assert cases.plural_count == 1_100 and Phrase("{0}", dt.date(2026, 4, 27)).plural_count is None

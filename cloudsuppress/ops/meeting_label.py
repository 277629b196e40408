"""「第2回 住民業務部会」: a meeting's label from its title and number (a module of its own, so the
request operations can name a meeting without importing the meeting operations)."""
from __future__ import annotations

import re

from ..domain.models import Meeting
from ..phrase import Phrase

NUMBERED = "第{0}回 {1}"  # the number, the title: a Phrase the GUI spells 'No. 2 住民業務部会'

# 「第3回」「第３回」「第十回」 at the start of a title: the title already says which meeting it is.
_NUMBERED_TITLE = re.compile(r"^\s*第\s*([0-9０-９]+|[一二三四五六七八九十百]+)\s*回")
_KANJI_DIGITS = {c: n for n, c in enumerate("〇一二三四五六七八九")}


def title_number(title: str | None) -> int | None:
    """The N of a title that starts with 第N回 (arabic, full-width or kanji numerals), else None."""
    import unicodedata

    m = _NUMBERED_TITLE.match(title or "")
    if m is None:
        return None
    text = unicodedata.normalize("NFKC", m[1])
    if text.isdigit():
        return int(text)
    total, digit = 0, 0
    for ch in text:
        if ch == "十":
            total += (digit or 1) * 10
            digit = 0
        elif ch == "百":
            total += (digit or 1) * 100
            digit = 0
        else:
            digit = _KANJI_DIGITS[ch]
    return total + digit or None


def meeting_label(m: Meeting) -> str:
    """「第2回 住民業務部会」: the title, with its number in front when the title has none of its own
    (「第3回 住民業務部会」 as a title is never printed 「第4回 第3回 住民業務部会」)."""
    if m.number and f"第{m.number}回" not in m.title and title_number(m.title) is None:
        return Phrase(NUMBERED, str(m.number), m.title)
    return m.title

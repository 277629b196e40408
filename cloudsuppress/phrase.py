"""Phrase: a value the core composes from a fixed Japanese pattern, which a UI can spell in its own language.

The core speaks Japanese (「2,960件」「第1回」「令和8年4月13日」) and never imports Qt. A Phrase is
that Japanese text, so CSV files, the CLI and comparisons see a plain string, and it also keeps
its pattern and parts, so that the UI (ui/labels.py) can translate the pattern and put the
parts back in: "2,960 cases", "No. 1", "Reiwa 8/4/13". Kept apart from ``ops`` so that the UI
can recognise one without importing the database layer at start-up.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from .domain.wareki import to_wareki


def format_at(at: dt.datetime) -> str:
    """令和8年4月13日 10:05: the 和暦 date and the time."""
    return f"{to_wareki(at.date())} {at:%H:%M}"


class Phrase(str):
    """``pattern`` filled with ``parts``; see the module docstring.

    A part is a string shown as it is (a number already formatted, a name), a date or a time
    (written in 和暦 here), or a Phrase; a Phrase without parts is a vocabulary word (its pattern
    is the word). ``count`` (kept as ``plural_count``) is the number a plural form depends on, if any.
    """

    pattern: str
    parts: tuple[object, ...]
    plural_count: int | None  # not ``count``: that is str.count, which a cell's line counter calls

    def __new__(cls, pattern: str, *parts: object, count: int | None = None) -> Phrase:
        text = pattern.format(*(_japanese(p) for p in parts)) if parts else pattern
        phrase = super().__new__(cls, text)
        phrase.pattern, phrase.parts, phrase.plural_count = pattern, parts, count
        return phrase


def _japanese(part: object) -> object:
    if isinstance(part, dt.datetime):
        return format_at(part)
    if isinstance(part, dt.date):
        return to_wareki(part)
    return part


LIST = "{0}、{1}"  # 「A、B」: a list as Japanese writes it
AND = "{0}と{1}"  # 「A と B」: two or three things named together


def phrase_list(items: Sequence[object], pattern: str = LIST) -> str:
    """``items`` joined as Japanese joins them (「A、B、C」), as nested Phrases so that a UI joins them
    its own way ("A, B, C"); "" for no items."""
    if not items:
        return ""
    out: object = items[0]
    for item in items[1:]:
        out = Phrase(pattern, out, item)
    return out if isinstance(out, str) else str(out)

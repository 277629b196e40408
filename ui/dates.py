"""Dates on screen: 和暦 (令和8年11月22日) or Western (2026/11/22), as the user chose in 設定.

Printed documents (PDF, Word, Excel) always use 和暦 through ``cloudsuppress.wareki``; only
what the UI shows follows this setting.
"""
from __future__ import annotations

import datetime as dt

from cloudsuppress.wareki import to_wareki

_style = "wareki"


def set_date_style(style: str) -> None:
    """'wareki' or 'western'."""
    global _style
    _style = "western" if style == "western" else "wareki"


def date_style() -> str:
    return _style


def display_date(date: dt.date | None, *, weekday: bool = False) -> str:
    """A date as the UI shows it ("" for None)."""
    if date is None:
        return ""
    if _style == "wareki":
        return to_wareki(date, weekday=weekday)
    text = f"{date.year}/{date.month:02d}/{date.day:02d}"
    if weekday:
        text += "（" + "月火水木金土日"[date.weekday()] + "）"
    return text

"""Dates on screen: 和暦 (令和8年11月22日) or Western (2026/11/22), as the user chose in 設定.

Printed documents (PDF, Word, Excel) always use 和暦 through ``cloudsuppress.domain.wareki``; only
what the UI shows follows this setting. The texts go through the "Dates" translation
context, so in English a 和暦 date reads 「Reiwa 8/11/22」 and the weekday 「(Sun)」; in
Japanese they are exactly what ``to_wareki`` prints.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from cloudsuppress.domain.wareki import era_of

_style = "wareki"

CONTEXT = "Dates"
# Monday first, as date.weekday() counts.
WEEKDAYS = (
    QT_TRANSLATE_NOOP("Dates", "（月）"),
    QT_TRANSLATE_NOOP("Dates", "（火）"),
    QT_TRANSLATE_NOOP("Dates", "（水）"),
    QT_TRANSLATE_NOOP("Dates", "（木）"),
    QT_TRANSLATE_NOOP("Dates", "（金）"),
    QT_TRANSLATE_NOOP("Dates", "（土）"),
    QT_TRANSLATE_NOOP("Dates", "（日）"),
)


def set_date_style(style: str) -> None:
    """'wareki' or 'western'."""
    global _style
    _style = "western" if style == "western" else "wareki"


def date_style() -> str:
    return _style


def weekday_text(date: dt.date) -> str:
    """「（日）」 (English: ' (Sun)')."""
    return QCoreApplication.translate(CONTEXT, WEEKDAYS[date.weekday()])


def wareki_text(date: dt.date) -> str:
    """令和8年11月22日 (元年 for an era's first year); in English 「Reiwa 8/11/22」."""
    era, year = era_of(date)
    era = QCoreApplication.translate(CONTEXT, era)
    if year == 1:
        return QCoreApplication.translate("Dates", "{0}元年{1}月{2}日").format(era, date.month, date.day)
    return QCoreApplication.translate("Dates", "{0}{1}年{2}月{3}日").format(era, year, date.month, date.day)


def display_date(date: dt.date | None, *, weekday: bool = False) -> str:
    """A date as the UI shows it ("" for None)."""
    if date is None:
        return ""
    if _style == "wareki":
        text = wareki_text(date)
    else:
        text = f"{date.year}/{date.month:02d}/{date.day:02d}"
    return text + weekday_text(date) if weekday else text

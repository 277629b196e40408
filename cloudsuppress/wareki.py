"""Japanese era dates (和暦): 令和8年11月22日, with 元年 for an era's first year, and parsing."""
from __future__ import annotations

import datetime as dt
import re
import unicodedata

# (era, first day, letter)
ERAS = (
    ("令和", dt.date(2019, 5, 1), "R"),
    ("平成", dt.date(1989, 1, 8), "H"),
    ("昭和", dt.date(1926, 12, 25), "S"),
    ("大正", dt.date(1912, 7, 30), "T"),
    ("明治", dt.date(1868, 10, 23), "M"),
)


def era_of(date: dt.date) -> tuple[str, int]:
    """The era name and year number of a date."""
    for name, start, _ in ERAS:
        if date >= start:
            return name, date.year - start.year + 1
    raise ValueError(f"明治より前の日付は和暦にできません: {date}")


def to_wareki(date: dt.date, *, weekday: bool = False) -> str:
    """令和8年11月22日 (元年 for the first year); with weekday, 令和8年11月22日（日）."""
    era, year = era_of(date)
    text = f"{era}{'元' if year == 1 else year}年{date.month}月{date.day}日"
    if weekday:
        text += "（" + "月火水木金土日"[date.weekday()] + "）"
    return text


_ERA_BY_KEY = {name: (name, start) for name, start, _ in ERAS} | {
    letter: (name, start) for name, start, letter in ERAS
}
_WAREKI = re.compile(r"^(令和|平成|昭和|大正|明治|[RHSTM])\s*(元|\d{1,3})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?$")
_WESTERN = re.compile(r"^(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?(?:\s+00:00(?::00)?)?$")


def parse_date(text: str) -> dt.date | None:
    """Parse 2026-11-22, 2026/11/22, 2026年11月22日, 令和8年11月22日, R8.11.22; None if not a date."""
    t = unicodedata.normalize("NFKC", text).strip().upper().replace("令和", "令和")
    if not t:
        return None
    m = _WESTERN.match(t)
    try:
        if m:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        m = _WAREKI.match(unicodedata.normalize("NFKC", text).strip())
        if m is None:
            m = _WAREKI.match(t)
        if m:
            _, start = _ERA_BY_KEY[m[1]]
            year = 1 if m[2] == "元" else int(m[2])
            if year < 1:  # 令和0年 is a typo, not the year before 令和
                return None
            return dt.date(start.year + year - 1, int(m[3]), int(m[4]))
    except ValueError:
        return None
    return None

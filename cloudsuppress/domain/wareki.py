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
# The first day of the next era, for each era that has ended.
_ERA_END = {ERAS[i][0]: ERAS[i - 1][1] for i in range(1, len(ERAS))}
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
            name, start = _ERA_BY_KEY[m[1]]
            year = 1 if m[2] == "元" else int(m[2])
            if year < 1:  # 令和0年 is a typo, not the year before 令和
                return None
            date = dt.date(start.year + year - 1, int(m[3]), int(m[4]))
            # Only a day of that era: 平成32年 or 令和元年4月1日 is a slip, and a document
            # dated by guesswork is worse than a question to the user.
            end = _ERA_END.get(name)
            if date < start or (end is not None and date >= end):
                return None
            return date
    except ValueError:
        return None
    return None


def date_hint(text: str) -> str:
    """Why ``text`` is not a date, when it is an era date outside its era (else ""):
    「（平成は平成31年4月30日までです）」, to add to a "cannot read the date" message."""
    m = _WAREKI.match(unicodedata.normalize("NFKC", text or "").strip().upper())
    if m is None:
        return ""
    name, start = _ERA_BY_KEY[m[1]]
    year = 1 if m[2] == "元" else int(m[2])
    try:
        date = dt.date(start.year + year - 1, int(m[3]), int(m[4]))
    except ValueError:
        return ""
    end = _ERA_END.get(name)
    if year >= 1 and end is not None and date >= end:
        return f"（{name}は{to_wareki(end - dt.timedelta(days=1))}までです）"
    if year >= 1 and date < start:
        return f"（{name}は{to_wareki(start)}からです）"
    return ""


def require_date(text: str, what: str = "日付") -> dt.date:
    """``parse_date``, or a DomainError that says what was typed and why it is not a date."""
    from ..errors import DomainError

    date = parse_date(text)
    if date is None:
        raise DomainError(f"{what}「{text}」を読めません{date_hint(text)}（例: 2026-11-22、令和8年11月22日）。")
    return date


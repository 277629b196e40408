"""和暦: official documents print 令和8年11月22日; dates typed by people are read back."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cloudsuppress.domain.wareki import era_of, parse_date, to_wareki


@pytest.mark.parametrize(
    ("date", "text"),
    [
        (dt.date(2026, 11, 22), "令和8年11月22日"),
        (dt.date(2019, 5, 1), "令和元年5月1日"),
        (dt.date(2019, 4, 30), "平成31年4月30日"),
        (dt.date(1989, 1, 8), "平成元年1月8日"),
        (dt.date(1989, 1, 7), "昭和64年1月7日"),
        (dt.date(2020, 1, 1), "令和2年1月1日"),
        (dt.date(2013, 10, 1), "平成25年10月1日"),
    ],
)
def test_to_wareki(date, text):
    assert to_wareki(date) == text


def test_to_wareki_with_weekday():
    assert to_wareki(dt.date(2026, 11, 22), weekday=True) == "令和8年11月22日（日）"
    assert to_wareki(dt.date(2019, 5, 1), weekday=True) == "令和元年5月1日（水）"


def test_before_meiji_is_refused():
    with pytest.raises(ValueError):
        to_wareki(dt.date(1868, 1, 1))


@pytest.mark.parametrize(
    "text",
    [
        "2026-11-22", "2026/11/22", "2026/1１/22", "2026.11.22", "2026年11月22日", "２０２６年１１月２２日",
        "令和8年11月22日", "令和８年１１月２２日", "令和 8年 11月 22日", "R8.11.22", "r8.11.22", "Ｒ８．１１．２２",
        "R8/11/22", "2026-11-22 00:00:00", " 2026/11/22 ",
    ],
)
def test_parse_date_of_everything_people_type(text):
    assert parse_date(text) == dt.date(2026, 11, 22)


@pytest.mark.parametrize(
    ("text", "date"),
    [("令和元年5月1日", dt.date(2019, 5, 1)), ("平成31年4月30日", dt.date(2019, 4, 30)),
     ("H25.10.1", dt.date(2013, 10, 1)), ("昭和64年1月7日", dt.date(1989, 1, 7)), ("2019/5/1", dt.date(2019, 5, 1))],
)
def test_parse_date_eras(text, date):
    assert parse_date(text) == date


@pytest.mark.parametrize(
    "text",
    ["", "   ", "未定", "2026-13-01", "2026-02-30", "令和8年2月30日", "X8.11.22", "11/22", "2026年", "令和8年11月",
     "20261122", "平成三十年一月一日", "2026-11-22T10:00", "令和0年5月1日", "H0.1.1",
     # days outside their era: after it ended, or before it began
     "平成32年4月1日", "平成31年5月1日", "H31.5.1", "昭和65年1月1日", "昭和64年1月8日", "令和元年4月30日", "R1.4.1",
     "平成元年1月7日", "大正元年7月29日", "明治元年1月1日"],
)
def test_parse_date_returns_none_for_garbage(text):
    assert parse_date(text) is None


@given(st.dates(min_value=dt.date(1989, 1, 8), max_value=dt.date(2150, 12, 31)))
def test_round_trip_from_heisei_on(date):
    text = to_wareki(date)
    assert parse_date(text) == date
    era, year = era_of(date)
    assert text.startswith(era)
    assert parse_date(date.isoformat()) == date
    assert parse_date(date.strftime("%Y/%m/%d")) == date


@given(st.dates(min_value=dt.date(1868, 10, 23), max_value=dt.date(2150, 12, 31)), st.booleans())
def test_round_trip_in_every_era(date, weekday):
    text = to_wareki(date)
    assert parse_date(text) == date
    assert to_wareki(date, weekday=weekday).startswith(text)


@given(st.text(max_size=20))
def test_parse_date_never_raises(text):
    result = parse_date(text)
    assert result is None or isinstance(result, dt.date)


@pytest.mark.parametrize(
    ("text", "hint"),
    [("平成32年4月1日", "（平成は平成31年4月30日までです）"), ("H31.5.1", "（平成は平成31年4月30日までです）"),
     ("令和元年4月30日", "（令和は令和元年5月1日からです）"), ("昭和64年1月8日", "（昭和は昭和64年1月7日までです）"),
     ("令和8年11月22日", ""), ("令和8年2月30日", ""), ("未定", "")],
)
def test_date_hint_explains_a_day_outside_its_era(text, hint):
    from cloudsuppress.domain.wareki import date_hint

    assert date_hint(text) == hint


def test_require_date_names_what_was_typed_and_why():
    from cloudsuppress.domain.wareki import require_date
    from cloudsuppress.errors import DomainError

    assert require_date("R8.11.22") == dt.date(2026, 11, 22)
    with pytest.raises(DomainError, match=r"^開催日「平成32年4月1日」を読めません（平成は平成31年4月30日までです）（例: "):
        require_date("平成32年4月1日", "開催日")

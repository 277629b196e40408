"""One set of limits for both databases: what PostgreSQL's columns hold, checked before any write.

SQLite stores a 202-character 要望番号 in a VARCHAR(30) and 3,000,000,000 in an INTEGER; the
PostgreSQL server refuses both, so a consortium that grew on a laptop could not move to shared
mode (and a handover file from one imported with a traceback into the other). The limits are
read from the models' column types, so they cannot drift from the schema:

- ``String(n)``: at most n characters (never cut: a longer text is refused, saying how long it is);
- ``Integer``: -2,147,483,648 … 2,147,483,647 (PostgreSQL's integer; ``BigInteger`` 64-bit);
- ``Date``: 明治 onwards (the first day 和暦 can be written for) up to 2999-12-31;
- every text: no NUL (PostgreSQL refuses it) and no other control character XML forbids
  (U+000B in a meeting title made the minutes .docx fail), tab and line breaks allowed.

``check_value`` is the one question; ``problems(table, values)`` asks it for a row's values and
returns Japanese messages naming the field (「要望名は 200 文字以内にしてください（5,000 文字あります）」);
importers put them on the file/row/column they came from. ``install`` adds a ``before_flush``
check of every new or changed ORM row, so nothing the forms, the CLI or the importers write
reaches either database outside these limits (``DomainError`` naming the record and the field).
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping, Sequence
from typing import Literal, TypeVar, cast

from sqlalchemy import BigInteger, Date, DateTime, Integer, SmallInteger, String, event, inspect
from sqlalchemy.orm import Session, sessionmaker

from .domain.wareki import ERAS
from .errors import DomainError

INT32 = (-(2 ** 31), 2 ** 31 - 1)
INT64 = (-(2 ** 63), 2 ** 63 - 1)
INT16 = (-(2 ** 15), 2 ** 15 - 1)
DATE_MIN = ERAS[-1][1]  # 明治元年10月23日: 和暦 cannot be written for an earlier day
DATE_MAX = dt.date(2999, 12, 31)
# C0 controls other than tab, LF, CR; U+FFFE/U+FFFF; lone surrogates: XML 1.0 refuses them, PostgreSQL refuses NUL.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


# Columns the history tab never names (it shows only audited tables).
_LABELS = {
    ("consortium", "name"): "協議会の名称", ("consortium", "chair_member"): "会長団体",
    ("consortium", "chair_name"): "会長名", ("consortium", "office_section"): "事務局の担当課",
    ("consortium", "office_staff"): "事務局の担当者", ("consortium", "office_phone"): "事務局の電話番号",
    ("consortium", "office_mail"): "事務局のメールアドレス", ("consortium", "preset"): "プリセット",
    ("selection_event", "name"): "選考会の名称", ("selection_event", "held_on"): "選考会の開催日",
    ("selection_attendee", "person"): "参加者の氏名", ("selection_attendee", "section"): "参加者の所属",
    ("briefing", "attendees"): "参加人数", ("briefing", "held_on"): "説明会の実施日",
    ("function", "vendor_cost"): "カスタマイズ費用", ("function", "vendor_cost_note"): "費用の注記",
    ("cost_rule", "population_date"): "人口の基準日", ("decision_acceptance", "accepted_on"): "承認日",
    ("member_judgement", "judgement"): "団体の判断", ("member_judgement", "note"): "判断の備考",
}


@functools.cache  # the schema does not change while the app runs: every flush and imported cell asks again
def _label(table: str, column: str) -> str:
    if (table, column) in _LABELS:
        return _LABELS[(table, column)]
    from .field_labels import field_label  # the words the history tab uses for the same columns

    return field_label(table, column)


Limit = (tuple[Literal["text"], int | None] | tuple[Literal["int"], tuple[int, int]]
         | tuple[Literal["date", "datetime"], tuple[dt.date, dt.date]])


@functools.cache
def column_limit(table: str, column: str) -> Limit | None:
    """('text', n) / ('int', (lo, hi)) / ('date', (lo, hi)) for a column of the schema, or None."""
    from .domain.models import Base

    t = Base.metadata.tables.get(table)
    if t is None or column not in t.c:
        return None
    kind = t.c[column].type
    if isinstance(kind, String):  # Text is a String without a length
        return ("text", kind.length)
    if isinstance(kind, SmallInteger):
        return ("int", INT16)
    if isinstance(kind, BigInteger):
        return ("int", INT64)
    if isinstance(kind, Integer):
        return ("int", INT32)
    if isinstance(kind, DateTime):
        return ("datetime", (DATE_MIN, DATE_MAX))
    if isinstance(kind, Date):
        return ("date", (DATE_MIN, DATE_MAX))
    return None


def text_problem(value: str, max_length: int | None, label: str) -> str | None:
    """Why a text cannot be stored (too long, a control character), or None."""
    if max_length is not None and len(value) > max_length:
        return f"{label}は {max_length:,} 文字以内にしてください（{len(value):,} 文字あります）。"
    bad = _ILLEGAL.search(value)
    if bad:
        return f"{label}に使えない制御文字（U+{ord(bad.group()):04X}）が含まれています。削除してください。"
    return None


def int_problem(value: int, bounds: tuple[int, int], label: str) -> str | None:
    lo, hi = bounds
    if value < lo or value > hi:
        if lo < 0 and value < lo:
            return f"{label}は {lo:,} 以上にしてください（{value:,}）。"
        return f"{label}は {hi:,} 以下にしてください（{value:,}）。"
    return None


def date_problem(value: dt.date, label: str) -> str | None:
    day = value.date() if isinstance(value, dt.datetime) else value
    if day < DATE_MIN:
        return f"{label}（{day.isoformat()}）は明治より前の日付です。明治元年（1868年）10月23日以降の日付にしてください。"
    if day > DATE_MAX:
        return f"{label}（{day.isoformat()}）は {DATE_MAX.year} 年より後の日付です。日付を確かめてください。"
    return None


def check_value(table: str, column: str, value: object, *, label: str | None = None) -> str | None:
    """The problem with storing ``value`` in table.column on either database, or None."""
    if value is None or isinstance(value, bool):
        return None
    limit = column_limit(table, column)
    if limit is None:
        return None
    label = label or _label(table, column)
    if limit[0] == "text" and isinstance(value, str):
        return text_problem(value, limit[1], label)
    if limit[0] == "int" and isinstance(value, int):
        return int_problem(value, limit[1], label)
    if limit[0] in ("date", "datetime") and isinstance(value, dt.date):
        return date_problem(value, label)
    return None


def column_fits(table: str, column: str, values: Sequence[object]) -> bool:
    """True when ``check_value`` finds no problem with any of ``values`` (a column of imported cells),
    asked of the whole column at once: its longest text, one search of all its texts, its extremes."""
    limit = column_limit(table, column)
    if limit is None:
        return True
    if limit[0] == "text":
        texts = cast("Sequence[str]", values)
        try:
            joined = "".join(texts)  # a column of texts (nearly always): no loop in Python
        except TypeError:  # None or numbers among them: only the texts are checked as texts
            texts = [v for v in values if isinstance(v, str)]
            joined = "".join(texts)
        if limit[1] is not None and max(map(len, texts), default=0) > limit[1]:
            return False
        return _ILLEGAL.search(joined) is None  # one character per match: joining adds none
    if limit[0] == "int":
        numbers = [v for v in values if type(v) is int]  # not bool, not None
        return not numbers or (limit[1][0] <= min(numbers) and max(numbers) <= limit[1][1])
    return all(check_value(table, column, v) is None for v in values)


def problems(table: str, values: Mapping[str, object], *, labels: Mapping[str, str] | None = None) -> dict[str, str]:
    """{column: message} for the values that either database would refuse (or corrupt)."""
    out = {}
    for column, value in values.items():
        found = check_value(table, column, value, label=(labels or {}).get(column))
        if found:
            out[column] = found
    return out


def require(table: str, values: Mapping[str, object], *, labels: Mapping[str, str] | None = None) -> None:
    """Raise DomainError (every problem, one a line) unless all values fit."""
    found = problems(table, values, labels=labels)
    if found:
        raise DomainError("\n".join(found.values()))


def strip_illegal(text: str) -> str:
    """The text without the control characters XML and PostgreSQL refuse (for titles copied from elsewhere)."""
    return _ILLEGAL.sub("", text)


def scrub(value: object) -> object:
    """``value`` with ``strip_illegal`` applied to every string inside it (frozen dataclasses, tuples,
    lists, dicts rebuilt): for documents built from rows stored before these limits (a meeting title
    with U+000B made its minutes .docx fail with "All strings must be XML compatible")."""
    import dataclasses

    if isinstance(value, str):
        return strip_illegal(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changed = {f.name: scrub(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init}
        return dataclasses.replace(value, **changed)
    if isinstance(value, tuple) and not hasattr(value, "_fields"):
        return tuple(scrub(v) for v in value)
    if isinstance(value, list):
        return [scrub(v) for v in value]
    if isinstance(value, dict):
        return {k: scrub(v) for k, v in value.items()}
    return value


# --- the backstop at flush ------------------------------------------------------------------------


def _describe(obj: object, table: str) -> str:
    from .store.concurrency import describe_record

    values = {}
    for k in ("key", "name", "title", "code"):
        v = getattr(obj, k, None)
        if isinstance(v, str):  # a 5,000-character title is named by its start, not echoed whole
            v = _ILLEGAL.sub("", v)
            v = v if len(v) <= 30 else v[:30] + "…"
        values[k] = v
    return describe_record(table, values, getattr(obj, "id", None) or "新規")


def _check_flush(session: Session, _ctx: object, _instances: object) -> None:
    found: list[str] = []
    for obj in list(session.new) + list(session.dirty):
        table = getattr(type(obj), "__tablename__", None)
        if table is None:
            continue
        state = inspect(obj)
        for attr in state.mapper.column_attrs:
            if obj in session.dirty and not state.attrs[attr.key].history.added:
                continue  # unchanged: it was checked when it was written
            value = getattr(obj, attr.key)
            problem = check_value(table, attr.columns[0].name, value)
            if problem:
                found.append(f"{_describe(obj, table)}: {problem}")
    if found:
        raise DomainError("\n".join(dict.fromkeys(found)))


_S = TypeVar("_S", bound=Session)


def install(factory: sessionmaker[_S]) -> None:
    """Check every new or changed row against the limits before it is flushed."""
    event.listen(factory, "before_flush", _check_flush)

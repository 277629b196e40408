"""The handover file as a trust boundary: bounded reading and a check of every record.

A handover file comes from another office, by mail or USB stick. Its SHA-256 list sits in
the same zip, so it catches damage in transit, not deliberate edits: whoever edits a file
can recompute the hashes (issue 17, finding 3). So nothing in it is trusted: each member is
read with a size and compression-ratio limit (a 4 MB zip of 4 GB of zeros must not become a
MemoryError), JSON nesting that would exhaust the stack is refused, and every record is
checked against the schema before anything is written: shape, types, lengths and number
ranges (the PostgreSQL column limits, so a file that imports into SQLite also imports into
PostgreSQL), the app's vocabularies (statuses, meeting kinds ...), primary and unique keys,
references between tables, and exactly one consortium. Problems are listed in Japanese by
file, row and column; the caller refuses the file with them and writes nothing.
"""
from __future__ import annotations

import datetime as dt
import json
import zipfile
import zlib
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Boolean, Column, Date, DateTime, Integer, String, Table, UniqueConstraint

MAX_MEMBER_BYTES = 256 * 1024 * 1024  # one table's JSON, uncompressed
MAX_TOTAL_BYTES = 512 * 1024 * 1024  # the whole file, uncompressed
MAX_RATIO = 200  # uncompressed : compressed, for members over 1 MiB (JSON of real data stays near 10-30)
MAX_MEMBERS = 200
MAX_MANIFEST_BYTES = 1024 * 1024
MAX_PROBLEMS = 20
INT_MIN, INT_MAX = -(2**31), 2**31 - 1  # PostgreSQL's integer


class HandoverProblem(Exception):
    """What is wrong with the file, in Japanese (the caller adds the file's name)."""


def check_archive(zf: zipfile.ZipFile) -> None:
    """Refuse a zip whose members are too many, too large or compressed beyond any real data."""
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise HandoverProblem(f"zip の中のファイルが多すぎます（{len(infos)} 個）。")
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > MAX_MEMBER_BYTES:
            raise HandoverProblem(f"{info.filename} が大きすぎます（展開すると {info.file_size / 2**20:,.0f} MB、"
                                  f"上限 {MAX_MEMBER_BYTES // 2**20} MB）。")
        if info.file_size > 2**20 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise HandoverProblem(f"{info.filename} の圧縮率が異常です（{info.compress_size:,} バイトが "
                                  f"{info.file_size:,} バイトに展開されます）。引継ぎファイルではないか、細工されています。")
    if total > MAX_TOTAL_BYTES:
        raise HandoverProblem(f"展開後の大きさが上限を超えます（{total / 2**20:,.0f} MB、上限 {MAX_TOTAL_BYTES // 2**20} MB）。")


def read_member(zf: zipfile.ZipFile, name: str, *, limit: int = MAX_MEMBER_BYTES) -> bytes:
    """A member's bytes, reading at most ``limit`` (whatever its header declares)."""
    try:
        info = zf.getinfo(name)
    except KeyError:
        raise HandoverProblem(f"{name} がありません。") from None
    if info.file_size > limit:
        raise HandoverProblem(f"{name} が大きすぎます（展開すると {info.file_size / 2**20:,.0f} MB）。")
    out = bytearray()
    try:
        with zf.open(info) as fh:
            while chunk := fh.read(1024 * 1024):
                out += chunk
                if len(out) > limit:
                    raise HandoverProblem(f"{name} が宣言された大きさを超えています。")
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError, RuntimeError,
            zlib.error) as exc:  # zlib: damaged deflate data; RuntimeError: an encrypted member
        raise HandoverProblem(f"{name} を読めません（{exc}）。") from None
    return bytes(out)


def parse_json(name: str, raw: bytes) -> object:
    """JSON from a member; nesting too deep for the parser, bad UTF-8 or bad JSON is a problem, not a crash."""
    try:
        return json.loads(raw.decode("utf-8"))
    except RecursionError:
        raise HandoverProblem(f"{name} の入れ子が深すぎます。") from None
    except (UnicodeDecodeError, ValueError) as exc:
        raise HandoverProblem(f"{name} は JSON として読めません（{str(exc)[:120]}）。") from None


def _vocabularies() -> dict[tuple[str, str], frozenset[str]]:
    from ..domain.costs import Method
    from ..domain.vocab import (
        APPROVAL_STAGES,
        ATTENDEE_ROLES,
        FIT_MARKS,
        MEETING_KINDS,
        OUTCOMES,
        REASON_CODES,
        REQUIREMENT_CLASSES,
    )
    from ..domain.workflow import Status

    statuses = frozenset(s.value for s in Status)
    methods = frozenset(m.value for m in Method)
    return {
        ("request_item", "status"): statuses, ("status_change", "from_status"): statuses,
        ("status_change", "to_status"): statuses, ("agenda_entry", "decision_status"): statuses,
        ("agenda_entry", "outcome"): frozenset(OUTCOMES), ("meeting", "kind"): frozenset(MEETING_KINDS),
        ("meeting_attendee", "role"): frozenset(ATTENDEE_ROLES), ("approval", "stage"): frozenset(APPROVAL_STAGES),
        ("cost_rule", "method"): methods, ("item_cost_rule", "method"): methods,
        ("function", "fit"): frozenset(FIT_MARKS), ("function", "requirement_class"): frozenset(REQUIREMENT_CLASSES),
        ("member_request", "reason"): frozenset(REASON_CODES),
        # issue 12: a function list's row is a function (機能要件) or a form (帳票要件); a member's own
        # Fit&Gap judgement is a fit mark or 「－」 (not applicable to that member).
        ("function", "kind"): frozenset(FUNCTION_KINDS), ("member_judgement", "judgement"): frozenset(JUDGEMENTS),
    }


FUNCTION_KINDS = ("function", "form")
JUDGEMENTS = ("○", "△", "×", "－")


# Counts and money are never negative; ratios are percentages; the rounding unit is 1 or 1000 yen.
_RANGES = {
    ("member", "population"): (0, INT_MAX), ("request_item", "estimate"): (0, INT_MAX),
    ("member_request", "annual_cases"): (0, INT_MAX), ("member_request", "confirmed_cases"): (0, INT_MAX),
    ("selection_event", "attendees"): (0, INT_MAX), ("briefing", "attendees"): (0, INT_MAX),
    ("cost_rule", "ratio_equal"): (0, 100), ("cost_rule", "ratio_population"): (0, 100),
    ("item_cost_rule", "ratio_equal"): (0, 100), ("item_cost_rule", "ratio_population"): (0, 100),
    ("cost_rule", "unit"): (1, 1000), ("meeting", "number"): (1, 10_000),
    ("function", "vendor_cost"): (0, INT_MAX),
    # what a 首長決裁 approved (migration 0008, R36)
    ("approval", "approved_share"): (0, INT_MAX), ("approval", "approved_estimate"): (0, INT_MAX),
    ("approval", "approved_population"): (0, INT_MAX),
}
APPROVED_COLUMNS = ("approved_share", "approved_estimate", "approved_population", "approved_rule")


def _record_problems(table: str, record: dict[str, Any]) -> list[str]:
    """Rules across the columns of one record whose values each passed (the app's own rules)."""
    if table == "function":
        if record["fit_alternative"] and record["fit"] != "○":
            return [f"「fit_alternative」: 代替の印は適合度 ○ の機能にだけ付きます（適合度 {_show(record['fit'])}）"]
        return []
    if table == "approval":  # what a 首長決裁 approved (migration 0008): only on a 首長決裁, a share within its estimate
        kept = [c for c in APPROVED_COLUMNS if record.get(c) is not None]
        if kept and record["stage"] != "mayor":
            return [f"「{kept[0]}」: 決裁時の負担額・見積額は首長決裁（mayor）の記録にだけ付きます"
                    f"（段階 {_show(record['stage'])}）"]
        share, estimate = record.get("approved_share"), record.get("approved_estimate")
        if share is not None and (estimate is None or share > estimate):
            return [f"「approved_share」: 決裁時の負担額 {share:,}円 が決裁時の見積額"
                    f"（{'空' if estimate is None else f'{estimate:,}円'}）を超えています"]
        return []
    if table == "consortium":  # 会長・事務局の連絡先 (migration 0006): as the settings dialog checks them
        from ..ops.consortium import SETTING_LABELS, ConsortiumSettings, settings_problems

        fields = ("chair_member", "chair_name", "office_section", "office_staff", "office_phone", "office_mail")
        settings = ConsortiumSettings(**{f: record[f] or "" for f in fields}, seal_omitted=bool(record["seal_omitted"]))
        return [f"「{f}」（{SETTING_LABELS[f]}）: {why.rstrip('。')}" for f, why in settings_problems(settings).items()]
    return []


def _value_problem(table: Table, column: Column[Any], value: object, vocab: dict[tuple[str, str], frozenset[str]]) -> str | None:
    """Why a JSON value cannot go into this column (None when it can)."""
    t = column.type
    if value is None:
        if column.nullable and not column.primary_key:
            return None
        return "空にできない列が空です"
    if isinstance(t, Boolean):
        # 0 / 1 as SQLite stores them; not 1.0 or "1" (type(), since bool is an int too)
        return None if isinstance(value, bool) or (type(value) is int and value in (0, 1)) \
            else f"真偽値ではありません（{_show(value)}）"
    if isinstance(t, Integer):
        if isinstance(value, bool) or not isinstance(value, int):
            return f"整数ではありません（{_show(value)}）"
        low, high = _RANGES.get((table.name, column.name), (INT_MIN, INT_MAX))
        if not low <= value <= high:
            return f"範囲外の数です（{value:,}、{low:,}〜{high:,}）"
        if column.name == "version" and value < 1:
            return f"版番号が不正です（{value}）"
        return None
    if isinstance(t, (Date, DateTime)):
        if not isinstance(value, str):
            return f"日付ではありません（{_show(value)}）"
        try:
            (dt.date if isinstance(t, Date) and not isinstance(t, DateTime) else dt.datetime).fromisoformat(value)
        except ValueError:
            return f"日付として読めません（{_show(value)}）"
        return None
    if isinstance(t, String):  # Text too
        if not isinstance(value, str):
            return f"文字列ではありません（{_show(value)}）"
        if t.length is not None and len(value) > t.length:
            return f"長すぎます（{len(value):,} 文字、上限 {t.length:,} 文字）"
        if "\x00" in value:
            return "NUL 文字が含まれています"
        allowed = vocab.get((table.name, column.name))
        if allowed is not None and value not in allowed:
            return f"このアプリにない値です（{_show(value)}）"
        return None
    return None


def _show(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:40] + "…"


def check_records(tables: list[Table], data: Mapping[str, object]) -> list[str]:
    """Every problem in the tables' JSON bodies (shape, values, keys, references), at most ``MAX_PROBLEMS``."""
    problems: list[str] = []
    vocab = _vocabularies()
    ids: dict[str, set[object]] = {}
    good_rows: dict[str, list[dict[str, object]]] = {}

    def add(text: str) -> bool:
        problems.append(text)
        return len(problems) >= MAX_PROBLEMS

    for table in tables:
        name = f"data/{table.name}.json"
        body = data.get(table.name)
        if not isinstance(body, dict) or not isinstance(body.get("columns"), list) or not isinstance(body.get("rows"), list):
            if add(f"{name}: 表の形式ではありません。"):
                return problems
            continue
        columns = body["columns"]
        expected = [c.name for c in table.columns]
        if sorted(map(str, columns)) != sorted(expected) or len(set(columns)) != len(columns):
            if add(f"{name}: 列がこのアプリと一致しません（{', '.join(map(str, columns))[:200]}）。"):
                return problems
            continue
        records = []
        seen_pk: set[object] = set()
        uniques = [tuple(c.name for c in con.columns) for con in table.constraints if isinstance(con, UniqueConstraint)]
        uniques += [tuple(c.name for c in ix.columns) for ix in table.indexes if ix.unique]
        seen_unique: dict[tuple[str, ...], set[tuple[object, ...]]] = {u: set() for u in uniques}
        for n, row in enumerate(body["rows"], start=1):
            where = f"{name} {n} 行目"
            if not isinstance(row, list) or len(row) != len(columns):
                if add(f"{where}: 列の数が合いません。"):
                    return problems
                continue
            record = dict(zip(columns, row, strict=True))
            bad = False
            for column in table.columns:
                why = _value_problem(table, column, record[column.name], vocab)
                if why is not None:
                    bad = True
                    if add(f"{where}「{column.name}」: {why}。"):
                        return problems
            if bad:
                continue
            for why in _record_problems(table.name, record):
                bad = True
                if add(f"{where}{why}。"):
                    return problems
            if bad:
                continue
            pk = tuple(record[c.name] for c in table.primary_key.columns)
            if pk in seen_pk:
                if add(f"{where}: id {pk[0] if len(pk) == 1 else pk} が重複しています。"):
                    return problems
                continue
            seen_pk.add(pk)
            for u in uniques:
                key = tuple(record[c] for c in u)
                if None in key:
                    continue
                if key in seen_unique[u]:
                    if add(f"{where}: {'・'.join(u)} が重複しています（{_show(list(key))}）。"):
                        return problems
                seen_unique[u].add(key)
            records.append(record)
        good_rows[table.name] = records
        if "id" in table.c:
            ids[table.name] = {r["id"] for r in records}
    for table in tables:  # references: to rows of the file itself (the database it goes into is empty)
        for fk in table.foreign_keys:
            target = fk.column.table.name
            known = ids.get(target, set())
            for n, record in enumerate(good_rows.get(table.name, []), start=1):
                value = record.get(fk.parent.name)
                if value is not None and value not in known:
                    if add(f"data/{table.name}.json {n} 行目「{fk.parent.name}」: 参照先の {target} id {value} がありません。"):
                        return problems
    consortia = len(good_rows.get("consortium", []))
    if "consortium" in good_rows and consortia != 1:
        add(f"協議会がちょうど 1 件ではありません（{consortia} 件）。1 つの引継ぎファイルには 1 つの協議会だけが入ります。")
    return problems

"""The `meetings` and `export` commands of the CLI: thin parsing over ``ops.meetings``,
``ops.meeting_queries``, ``ops.comparison`` and the report writers. Each changing command runs
in one transaction; warnings (no secretariat, absent members) go to stderr as 注意 lines."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.wareki import require_date, to_wareki
from ..domain.workflow import DECISIONS
from ..errors import DomainError
from ..output_files import output_file
from ..unset import UNSET, Unset
from .types import add_force, lazy_module, whole_number

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..ops.meeting_queries import AgendaRow, MeetingRow, MeetingWarning
    from ..store.db import Database
    from .types import Subparsers

_FINAL = frozenset(st.value for st in DECISIONS)

if TYPE_CHECKING:  # the modules themselves, so that mypy checks every call into them
    from ..ops import meeting_queries as mq
    from ..ops import meetings as meeting_ops
    from ..ops import requests as request_ops
else:
    mq = lazy_module("cloudsuppress.ops.meeting_queries")  # imported by the command that uses it
    meeting_ops = lazy_module("cloudsuppress.ops.meetings")
    request_ops = lazy_module("cloudsuppress.ops.requests")


def _date(text: str | None, what: str = "日付") -> dt.date | None:
    return None if text is None else require_date(text, what)


def _warn(warnings: Iterable[MeetingWarning]) -> None:
    for w in warnings:
        print(f"注意: {w.message}", file=sys.stderr)


def _meeting_json(r: MeetingRow) -> dict[str, object]:
    return {"id": r.id, "kind": r.kind, "kind_label": r.kind_label, "subcommittee": r.subcommittee,
            "business_system": r.business_system, "number": r.number, "title": r.title, "label": r.label,
            "date": r.held_on.isoformat(), "wareki": to_wareki(r.held_on), "start_time": r.start_time,
            "end_time": r.end_time, "place": r.place, "agenda": r.agenda_count, "decided": r.decided_count,
            "attendees": r.attendee_count}


def _agenda_json(r: AgendaRow) -> dict[str, object]:
    return {"position": r.position, "item_id": r.item_id, "key": r.key, "title": r.title,
            "function_code": r.function_code, "function_kind": r.function_kind, "business_system": r.business_system,
            "status": r.status,
            "status_label": r.status_label, "members": list(r.members), "outcome": r.outcome,
            "outcome_label": r.outcome_label, "decision": r.decision_status, "decision_label": r.decision_label,
            "reason": r.decision_reason, "notes": r.notes, "carried_over": r.carried_over}


def _print_agenda(rows: Sequence[AgendaRow], as_json: bool) -> None:
    if as_json:
        print(json.dumps([_agenda_json(r) for r in rows], ensure_ascii=False, indent=2))
        return
    for r in rows:
        result = r.result_text
        mark = "［継続］" if r.carried_over else ""
        print(f"{r.position}\t{r.key}\t{r.status_label}\t{result}\t{mark}{r.title}\t{'、'.join(r.members)}")


_RANGE = re.compile(r"\s*[-~〜]\s*")  # after NFKC: 14:00-16:00, 14:00～16:00, 14:00〜16:00, １４：００－１６：００


def _time_range(time: str | None, end: str | None) -> tuple[str | None, str | None]:
    """--time as a start (14:00) or a range written as the app prints it (14:00～16:00, 〜, -, full width),
    with --end; a range and --end together are refused instead of read as a start time."""
    if not time:
        return time, end
    parts = _RANGE.split(unicodedata.normalize("NFKC", time).strip())
    if len(parts) != 2:
        return time, end
    if end is not None:
        raise DomainError(f"--time に時間の範囲（{time}）を指定したときは、--end は指定できません。")
    return parts[0], parts[1]


def _create(db: Database, args: argparse.Namespace) -> int:
    start, end = _time_range(args.time, args.end)
    with db.session() as s, s.begin():
        sub = meeting_ops.resolve_subcommittee(s, args.subcommittee) if args.subcommittee else None
        system = meeting_ops.resolve_business_system(s, args.business_system) if args.business_system else None
        ch = meeting_ops.create_meeting(s, kind=args.kind, subcommittee_id=sub, business_system_id=system,
                                        title=args.title, number=args.number, held_on=require_date(args.date, "開催日"),
                                        start_time=start, end_time=end, place=args.place, by=args.by)
    print(ch.id)
    return 0


def _edited_fields(args: argparse.Namespace) -> meeting_ops.MeetingFields:
    """The fields `meetings edit` was given (the others stay as they are)."""
    start, end = _time_range(args.time, args.end)
    if all(v is None for v in (args.date, start, end, args.place, args.title)):
        raise DomainError("直す項目を指定してください（--date、--time、--end、--place、--title）。")

    def given(value: str | None) -> str | Unset:
        return UNSET if value is None else value

    return meeting_ops.MeetingFields(
        held_on=UNSET if args.date is None else require_date(args.date, "開催日"), start_time=given(start),
        end_time=given(end), place=given(args.place), title=given(args.title))


def _show(db: Database, args: argparse.Namespace) -> int:
    with db.session() as s:
        d = mq.get_meeting_detail(s, args.meeting)
    if args.json:
        print(json.dumps({
            **_meeting_json(d.meeting), "notes": d.notes, "next_meeting": d.next_meeting,
            "next_meeting_on": d.next_meeting_on.isoformat() if d.next_meeting_on else None,
            "attendees": [{"id": a.id, "role": a.role, "role_label": a.role_label, "member": a.member,
                           "organization": a.organization, "name": a.name, "title": a.title} for a in d.attendees],
            "agenda": [_agenda_json(r) for r in d.agenda],
            "decisions": [{"key": x.key, "title": x.title, "status": x.to_status, "status_label": x.to_label,
                           "steps": list(x.steps), "reason": x.reason} for x in d.decisions if x.to_status in _FINAL],
            "continued": [{"key": r.key, "title": r.title, "status": r.status} for r in d.continued],
            "reports": [{"key": r.key, "title": r.title} for r in d.agenda if r.outcome == "information"],
            "warnings": [{"code": w.code, "message": w.message, "member": w.member} for w in d.warnings],
        }, ensure_ascii=False, indent=2))
        return 0
    m = d.meeting
    when = to_wareki(m.held_on, weekday=True) + (f" {m.start_time}" if m.start_time else "") + \
        (f"～{m.end_time}" if m.end_time else "")
    print(f"{m.label}（{m.kind_label}）\n日時: {when}\n場所: {m.place or '（未定）'}")
    print("出席者:")
    for a in d.attendees:
        print(f"  {a.member or a.organization or a.role_label}\t{a.name}\t{a.title or ''}")
    print("議題:")
    _print_agenda(d.agenda, False)
    print("決定事項:")
    for x in d.decisions:
        if x.to_status in _FINAL:
            print(f"  {x.key}\t{x.to_label}\t{x.title}\t{x.reason or ''}")
    print("継続審議事項:")
    for r in d.continued:
        print(f"  {r.key}\t{r.status_label}\t{r.title}")
    _warn(d.warnings)
    return 0


def cmd_meetings(db: Database, args: argparse.Namespace) -> int:
    """Run one `meetings` subcommand."""
    if args.action == "create":
        return _create(db, args)
    if args.action == "list":
        with db.session() as s:
            sub = meeting_ops.resolve_subcommittee(s, args.subcommittee) if args.subcommittee else None
            rows = mq.list_meetings(s, subcommittee_id=sub)
        if args.json:
            print(json.dumps([_meeting_json(r) for r in rows], ensure_ascii=False, indent=2))
        else:
            for r in rows:
                print(f"{r.id}\t{to_wareki(r.held_on)}\t{r.kind_label}\t{r.label}\t議題 {r.agenda_count} 件\t"
                      f"決定 {r.decided_count} 件")
        return 0
    if args.action == "show":
        return _show(db, args)
    message = None
    with db.session() as s, s.begin():
        by = args.by if hasattr(args, "by") else None
        if args.action == "attend":
            role = "member" if args.member else "vendor" if args.vendor else "secretariat"
            member = request_ops.resolve_member(s, args.member) if args.member else None
            meeting_ops.add_attendee(s, meeting_id=args.meeting, role=role, member_id=member, name=args.person,
                                     title=args.title, organization=args.org, by=by)
            message = f"出席者 {args.person} を記録しました。"
            warnings = mq.meeting_warnings(s, args.meeting)
        elif args.action == "unattend":
            meeting_ops.remove_attendee(s, attendee_id=args.attendee, by=by)
            message = "出席者の記録を削除しました。"
            warnings = []
        elif args.action == "agenda":
            return _agenda(s, args, by)
        elif args.action == "outcome":
            refs = list(dict.fromkeys(args.item))
            items = [request_ops.resolve_item(s, r) for r in refs]
            outcome = ("decided" if args.decide else "continued" if args.continued else
                       "information" if args.info else None)
            if len(items) == 1:
                kw = {"notes": args.notes} if args.notes is not None else {}
                meeting_ops.record_outcome(s, meeting_id=args.meeting, item_id=items[0], outcome=outcome,
                                           decide=args.decide, reason=args.reason, by=by, **kw)
            elif args.notes is not None:
                raise DomainError("--notes（協議内容）は要望ごとに記録します。--item を 1 件にしてください。")
            else:
                meeting_ops.record_outcomes(s, meeting_id=args.meeting, item_ids=items, outcome=outcome,
                                            decide=args.decide, reason=args.reason, by=by)
            message = (f"要望 {refs[0]} の協議結果を記録しました。" if len(refs) == 1
                       else f"要望 {len(refs)} 件（{'、'.join(refs)}）の協議結果を記録しました。")
            warnings = []
        elif args.action == "notes":
            if args.item:
                meeting_ops.set_item_notes(s, meeting_id=args.meeting, item_id=request_ops.resolve_item(s, args.item),
                                           notes=args.text, by=by)
            else:
                meeting_ops.update_meeting(s, meeting_id=args.meeting, fields=meeting_ops.MeetingFields(notes=args.text),
                                           by=by)
            message = "協議内容を記録しました。"
            warnings = []
        elif args.action == "next":
            fields = meeting_ops.MeetingFields(next_meeting=args.text, next_meeting_on=_date(args.date, "次回の開催日"))
            meeting_ops.update_meeting(s, meeting_id=args.meeting, fields=fields, by=by)
            message = "次回予定を記録しました。"
            warnings = []
        elif args.action == "edit":
            meeting_ops.update_meeting(s, meeting_id=args.meeting, fields=_edited_fields(args), by=by)
            message = "会議を更新しました。"
            warnings = []
        else:  # delete
            meeting_ops.delete_meeting(s, meeting_id=args.meeting, by=by)
            message = f"会議（id {args.meeting}）を削除しました。"
            warnings = []
    print(message)
    _warn(warnings)
    return 0


def _agenda(s: Session, args: argparse.Namespace, by: str | None) -> int:
    m = meeting_ops.get_meeting(s, args.meeting)
    if args.build:
        ch = meeting_ops.build_agenda(s, meeting_id=m.id, by=by)
        print(f"議題に {ch.added} 件を加えました。", file=sys.stderr)
    elif args.add:
        meeting_ops.add_agenda_item(s, meeting_id=m.id, item_id=request_ops.resolve_item(s, args.add), by=by)
    elif args.remove:
        meeting_ops.remove_agenda_item(s, meeting_id=m.id, item_id=request_ops.resolve_item(s, args.remove), by=by)
    elif args.up or args.down:
        ref = args.up or args.down
        meeting_ops.move_agenda_item(s, meeting_id=m.id, item_id=request_ops.resolve_item(s, ref),
                                     offset=-1 if args.up else 1, by=by)
    s.flush()
    rows = mq.agenda(s, m.id)
    warnings = mq.meeting_warnings(s, m.id, rows=rows)
    _print_agenda(rows, args.json)
    _warn(warnings)
    return 0


def add_comparison_export(export: Subparsers) -> None:
    """The `export comparison` subcommand and its options, on the `export` subparsers."""
    cmp_ = export.add_parser("comparison", help="カスタマイズ要望比較一覧表（.pdf / .xlsx）")
    cmp_.add_argument("--out", required=True, help="出力先（.pdf または .xlsx）")
    add_force(cmp_)
    cmp_.add_argument("--subcommittee", help="専門部会で絞り込む")
    cmp_.add_argument("--meeting", type=whole_number, help="会議の議題の要望（議題の順）")
    cmp_.add_argument("--member", help="団体の要望だけ")
    cmp_.add_argument("--paper", choices=["a3", "a4"], default="a3", help="用紙（横向き、既定 a3）")
    cmp_.add_argument("--undecided-only", action="store_true", help="未決定（要望・検討中）の要望だけ")
    cmp_.add_argument("--long", action="store_true", help="縦長の配置（団体ごとに 1 行; 9 団体以上では既定）")
    cmp_.add_argument("--doc-number", default="資料1", help="右上の資料番号（既定: 資料1）")
    cmp_.add_argument("--date", help="作成日（「令和8年11月22日現在」と印字。2026-11-22 や R8.11.22 も可。既定: 今日）")


def cmd_export(db: Database, args: argparse.Namespace) -> int:
    """Run one `export` subcommand: the comparison table or the minutes."""
    out = Path(args.out)
    suffix = out.suffix.lower()
    if args.action == "comparison":
        from ..ops.comparison import build_comparison

        if suffix not in (".pdf", ".xlsx"):
            raise DomainError("比較一覧表の出力先は .pdf または .xlsx にしてください。")
        from ..reports.comparison_pdf import as_of_text

        created_on = _date(getattr(args, "date", None), "作成日") or dt.date.today()
        dated = as_of_text(created_on)
        with db.session() as s:
            sub = meeting_ops.resolve_subcommittee(s, args.subcommittee) if args.subcommittee else None
            member = request_ops.resolve_member(s, args.member) if args.member else None
            table = build_comparison(s, subcommittee_id=sub, meeting_id=args.meeting, member_id=member,
                                     undecided_only=args.undecided_only, long_layout=True if args.long else None)
        if suffix == ".pdf":
            from ..reports.comparison_pdf import write_comparison_pdf

            with output_file(out, overwrite=args.force) as tmp:
                pages = write_comparison_pdf(tmp, table, paper=args.paper, doc_number=args.doc_number, created_on=created_on)
            print(f"比較一覧表（{len(table.rows)} 件、{pages} ページ、{dated}）を書き出しました: {out}")
        else:
            from ..reports.comparison_xlsx import write_comparison_xlsx

            with output_file(out, overwrite=args.force) as tmp:
                write_comparison_xlsx(tmp, table, paper=args.paper, doc_number=args.doc_number, created_on=created_on)
            print(f"比較一覧表（{len(table.rows)} 件、{dated}）を書き出しました: {out}")
        return 0
    if suffix not in (".pdf", ".docx"):
        raise DomainError("議事録の出力先は .pdf または .docx にしてください。")
    from ..ops.minutes import build_minutes

    with db.session() as s:
        minutes = build_minutes(s, args.meeting)
    if suffix == ".pdf":
        from ..reports.minutes_pdf import write_minutes_pdf

        with output_file(out, overwrite=args.force) as tmp:
            write_minutes_pdf(tmp, minutes)
    else:
        from ..reports.minutes_docx import write_minutes_docx

        with output_file(out, overwrite=args.force) as tmp:
            write_minutes_docx(tmp, minutes)
    print(f"議事録を書き出しました: {out}")
    _warn(minutes.warnings)
    return 0

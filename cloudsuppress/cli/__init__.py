"""`cloudsuppress`: thin argument parsing over the same operations the GUI uses.

Each command runs in one transaction: after a failed command the database is as before.
Errors go to stderr in Japanese with a non-zero exit status (1 refused / invalid input,
2 usage, 3 confirmation needed).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from ..domain.vocab import APPROVAL_LABELS, APPROVAL_STAGES, MEETING_KIND_LABELS
from ..domain.wareki import require_date
from ..domain.workflow import Status
from ..errors import DatabaseCorruptError, DomainError, ImportValidationError
from ..file_errors import cannot_read_message, cannot_write_message, failed_path, file_errors
from ..output_files import output_file  # light: no database or report imports
from ..presets import PRESETS
from .costs import COST_EXPORTS, add_cost_commands, add_cost_exports
from .functions import add_function_commands
from .meetings import add_comparison_export
from .request_parts import add_request_save_command, cmd_request_save
from .structure import (
    add_structure_commands,
    cmd_consortium,
    cmd_members,
    cmd_structure,
    print_members,
    print_structure,
)
from .types import add_force, japanese_argparse_message, lazy_module, request_status, whole_number

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..ops.request_queries import ItemRow
    from ..store.db import Database
    from .types import Subparsers

# A call runs one command in a fresh process: the ops (and through them the ORM and the
# models) are imported by the command that uses them, not by every call (see lazy_module).
if TYPE_CHECKING:  # the modules themselves, so that mypy checks every call into them
    from ..ops import consortium as consortium_ops
    from ..ops import functions as function_ops
    from ..ops import history as history_ops
    from ..ops import request_import as request_import_ops
    from ..ops import request_queries as request_queries
    from ..ops import requests as request_ops
    from ..ops import undo as undo_ops
else:
    consortium_ops = lazy_module("cloudsuppress.ops.consortium")
    function_ops = lazy_module("cloudsuppress.ops.functions")
    history_ops = lazy_module("cloudsuppress.ops.history")
    request_import_ops = lazy_module("cloudsuppress.ops.request_import")
    request_queries = lazy_module("cloudsuppress.ops.request_queries")
    request_ops = lazy_module("cloudsuppress.ops.requests")
    undo_ops = lazy_module("cloudsuppress.ops.undo")

EXIT_REFUSED = 1
EXIT_CONFIRM = 3


class _Parser(argparse.ArgumentParser):
    """argparse with Japanese usage, help headings and errors (see ``cli.types``), and our exit code."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["add_help"] = False  # our own -h, with a Japanese help line
        super().__init__(*args, **kwargs)
        self._positionals.title = "位置引数"
        self._optionals.title = "オプション"
        self.add_argument("-h", "--help", action="help", help="この説明を表示して終了する")

    def format_usage(self) -> str:
        return _usage_in_japanese(super().format_usage())

    def format_help(self) -> str:
        return _usage_in_japanese(super().format_help())

    def error(self, message: str) -> NoReturn:  # argparse's own messages, with our exit code
        self.print_usage(sys.stderr)
        message = japanese_argparse_message(message)
        if message.startswith("次の引数を指定してください: "):  # the subcommand's dest is no word for the user
            message = re.sub(r"\b(command|action)\b", "サブコマンド", message)
        print(f"{self.prog}: 引数の誤り: {message}", file=sys.stderr)
        raise SystemExit(2)


def _usage_in_japanese(text: str) -> str:
    return "使い方:" + text[len("usage:"):] if text.startswith("usage:") else text


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="cloudsuppress", description="カスタマイズ抑制 事務局ツール（コマンドライン）")
    p.add_argument("--db", required=True,
                   help="データベース（SQLite ファイルのパス、または postgresql+psycopg://ユーザー@サーバー/データベース）")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    init = sub.add_parser("init", help="協議会を作成する")
    init.add_argument("--name", required=True, help="協議会の名称")
    init.add_argument("--preset", default="ibaraki33", choices=sorted(PRESETS), help="専門部会・業務のプリセット")
    init.add_argument("--demo", action="store_true", help="デモデータ（団体・機能一覧）も作成する")

    add_structure_commands(sub)

    add_function_commands(sub, _Parser, whole_number)

    summ = sub.add_parser("summary", help="概要（機能数・適合度・ギャップ率・要望の結果）")
    summ.add_argument("--json", action="store_true")

    _add_request_commands(sub)
    _add_meeting_commands(sub)
    _add_export_commands(sub)
    add_cost_commands(sub)
    _add_safety_commands(sub)
    by_help = "操作者名（既定: OS のユーザー名）"
    sub.add_parser("undo", help="直前の操作を元に戻す（共有データベースでは自分の操作）").add_argument("--by", help=by_help)
    sub.add_parser("redo", help="元に戻した操作をやり直す（共有データベースでは自分の操作）").add_argument("--by", help=by_help)
    return p


STATUS_HELP = "要望・検討中・標準化・取下げ・カスタマイズ実施（requested などの英語の値も可）"


def _add_request_commands(sub: Subparsers) -> None:
    requests = sub.add_parser("requests", help="カスタマイズ要望").add_subparsers(dest="action", required=True, parser_class=_Parser)
    imp = requests.add_parser("import", help="記入済みの要望票（.xlsx / .csv）を取り込む（複数可）")
    imp.add_argument("files", nargs="+", metavar="FILE")
    imp.add_argument("--dry-run", action="store_true", help="取り込み内容を表示するだけで適用しない")
    imp.add_argument("--by", help="操作者名")
    tpl = requests.add_parser("export-template", help="団体ごとの要望票（.xlsx）を書き出す")
    tpl.add_argument("--member", required=True, help="団体名")
    tpl.add_argument("--out", required=True, help="出力先（.xlsx、またはフォルダー: 要望票_団体名.xlsx を書き出す）")
    tpl.add_argument("--from-judgements", action="store_true",
                     help="Fit&Gap でその団体が△・×とした機能を要望の行として記入しておく")
    add_force(tpl)
    lst = requests.add_parser("list", help="要望項目の一覧")
    lst.add_argument("--status", type=request_status(), metavar="状態", help=STATUS_HELP)
    lst.add_argument("--member", help="団体名で絞り込む")
    lst.add_argument("--json", action="store_true")
    mv = requests.add_parser("move", help="要望項目の状態を変更する")
    mv.add_argument("item", metavar="ITEM", help="要望番号（R-0001）または id")
    mv.add_argument("more", nargs="*", metavar="ITEM",
                    help="ほかの要望も同じ理由でまとめて変更する（1 操作・元に戻すも 1 回。1 件でも拒否されれば何も変更しない）")
    mv.add_argument("--to", required=True, type=request_status(), metavar="状態", help=STATUS_HELP)
    mv.add_argument("--reason", required=True)
    mv.add_argument("--meeting", type=whole_number, help="決定した会議の id")
    mv.add_argument("--by", help="操作者名")
    ap = requests.add_parser("approve", help="財政課協議・首長決裁を記録する")
    ap.add_argument("item", metavar="ITEM")
    ap.add_argument("--member", required=True)
    ap.add_argument("--stage", required=True, choices=list(APPROVAL_STAGES))
    ap.add_argument("--date", required=True, help="日付（2026-06-01、令和8年6月1日 など）")
    ap.add_argument("--ref", help="文書番号・決裁番号")
    ap.add_argument("--by", help="操作者名")
    add_request_save_command(requests)  # the request editor's save: ops.requests.save_item
    wd = requests.add_parser("withdraw", help="団体の要望を取り下げる")
    wd.add_argument("item", metavar="ITEM")
    wd.add_argument("--member", required=True)
    wd.add_argument("--reason", required=True)
    wd.add_argument("--by", help="操作者名")
    hist = requests.add_parser("history", help="要望項目の変更履歴（CSV 出力可）")
    hist.add_argument("item", metavar="ITEM")
    hist.add_argument("--csv", help="CSV の出力先（UTF-8 BOM 付き）")
    add_force(hist)


def _add_safety_commands(sub: Subparsers) -> None:
    hand = sub.add_parser("handover", help="事務局の交代: 協議会全体を 1 つの .zip で書き出す・取り込む").add_subparsers(
        dest="action", required=True, parser_class=_Parser)
    h_exp = hand.add_parser("export", help="協議会全体を引継ぎファイル（.zip）に書き出す")
    h_exp.add_argument("--out", required=True)
    add_force(h_exp)
    hand.add_parser("import", help="引継ぎファイルを空のデータベースに取り込む（--db が新しいファイルなら作成）").add_argument("file")
    backup = sub.add_parser("backup", help="SQLite ファイルのバックアップ").add_subparsers(
        dest="action", required=True, parser_class=_Parser)
    backup.add_parser("list", help="バックアップの一覧（新しい順）").add_argument("--json", action="store_true")
    backup.add_parser("restore", help="バックアップから復元する（今のファイルは backups に残す）").add_argument("file")


def _add_meeting_commands(sub: Subparsers) -> None:
    meetings = sub.add_parser("meetings", help="会議（協議会・部会・分科会）、出席者、議題、協議結果").add_subparsers(
        dest="action", required=True, parser_class=_Parser)
    cr = meetings.add_parser("create", help="会議を登録する（新しい会議の id を 1 行で出力）")
    cr.add_argument("--kind", required=True, choices=list(MEETING_KIND_LABELS.values()), help="会議の種類")
    cr.add_argument("--subcommittee", help="専門部会（部会・分科会の会議）")
    cr.add_argument("--business-system", help="業務（分科会の会議）")
    cr.add_argument("--title", required=True, help="会議名（例: 住民業務部会）")
    cr.add_argument("--number", type=whole_number, help="回数（第N回; 既定: 同じ会議の次の回）")
    cr.add_argument("--date", required=True, help="開催日（2026-11-22、令和8年11月22日 など）")
    cr.add_argument("--time", help="開始時刻（14:00）、または 14:00-16:00")
    cr.add_argument("--end", help="終了時刻（16:00）")
    cr.add_argument("--place", help="場所")
    cr.add_argument("--by", help="操作者名")
    lst = meetings.add_parser("list", help="会議の一覧（新しい順）")
    lst.add_argument("--subcommittee")
    lst.add_argument("--json", action="store_true")
    show = meetings.add_parser("show", help="会議の詳細（出席者・議題・決定事項・注意）")
    show.add_argument("meeting", type=whole_number, metavar="ID")
    show.add_argument("--json", action="store_true")
    at = meetings.add_parser("attend", help="出席者を記録する")
    at.add_argument("meeting", type=whole_number, metavar="ID")
    who = at.add_mutually_exclusive_group(required=True)
    who.add_argument("--member", help="構成団体名")
    who.add_argument("--vendor", action="store_true", help="ベンダー")
    who.add_argument("--secretariat", action="store_true", help="事務局")
    at.add_argument("--person", required=True, help="氏名")
    at.add_argument("--title", help="役職")
    at.add_argument("--org", help="所属（ベンダーの会社名、課名など）")
    at.add_argument("--by", help="操作者名")
    ua = meetings.add_parser("unattend", help="出席者の記録を削除する")
    ua.add_argument("attendee", type=whole_number, metavar="ATTENDEE_ID", help="出席者の id（meetings show --json）")
    ua.add_argument("--by", help="操作者名")
    ag = meetings.add_parser("agenda", help="議題の表示と編集（--build: 部会の未決定の要望から作成）")
    ag.add_argument("meeting", type=whole_number, metavar="ID")
    edit = ag.add_mutually_exclusive_group()
    edit.add_argument("--build", action="store_true", help="専門部会（業務）の未決定の要望をすべて議題に加える")
    edit.add_argument("--add", metavar="ITEM", help="要望を議題の最後に加える")
    edit.add_argument("--remove", metavar="ITEM", help="要望を議題から外す")
    edit.add_argument("--up", metavar="ITEM", help="要望を一つ上へ")
    edit.add_argument("--down", metavar="ITEM", help="要望を一つ下へ")
    ag.add_argument("--json", action="store_true", help="議題を JSON（順番どおりの配列）で出力")
    ag.add_argument("--by", help="操作者名")
    oc = meetings.add_parser("outcome", help="議題の協議結果を記録する（決定は要望の状態を変更する）")
    oc.add_argument("meeting", type=whole_number, metavar="ID")
    oc.add_argument("--item", required=True, metavar="ITEM", nargs="+", action="extend",
                    help="要望番号（R-0001）または id。複数を並べると同じ協議結果・理由でまとめて記録する"
                         "（1 操作・元に戻すも 1 回。1 件でも拒否されれば何も記録しない）")
    what = oc.add_mutually_exclusive_group(required=True)
    what.add_argument("--decide", type=request_status(pending=True), metavar="状態",
                      help="決定: 変更後の状態（--reason 必須）。" + STATUS_HELP
                           + "。「カスタマイズ実施（財政課協議・首長決裁の後に確定）」"
                           "または customized_pending: 検討中にし、最後の決裁の記録でカスタマイズ実施になる")
    what.add_argument("--continue", dest="continued", action="store_true", help="継続審議")
    what.add_argument("--info", action="store_true", help="報告のみ")
    what.add_argument("--clear", action="store_true", help="未協議に戻す")
    oc.add_argument("--reason", help="決定の理由")
    oc.add_argument("--notes", help="この議題の協議内容")
    oc.add_argument("--by", help="操作者名")
    nt = meetings.add_parser("notes", help="協議内容を記録する（--item で議題ごと、なしで会議全体）")
    nt.add_argument("meeting", type=whole_number, metavar="ID")
    nt.add_argument("--item", metavar="ITEM")
    nt.add_argument("--text", required=True)
    nt.add_argument("--by", help="操作者名")
    nx = meetings.add_parser("next", help="次回予定を記録する")
    nx.add_argument("meeting", type=whole_number, metavar="ID")
    nx.add_argument("--text", required=True, help="次回予定（議事録にそのまま載る）")
    nx.add_argument("--date", help="次回の開催日")
    nx.add_argument("--by", help="操作者名")
    ed = meetings.add_parser("edit", help="会議の開催日・時刻・場所・会議名を直す")
    ed.add_argument("meeting", type=whole_number, metavar="ID")
    ed.add_argument("--date", help="開催日（協議結果を記録した会議は今日より後にはできない）")
    ed.add_argument("--time", help="開始時刻（14:00）、または 14:00-16:00")
    ed.add_argument("--end", help="終了時刻（16:00）")
    ed.add_argument("--place", help="場所")
    ed.add_argument("--title", help="会議名")
    ed.add_argument("--by", help="操作者名")
    dl = meetings.add_parser("delete", help="会議を削除する（決定に使われた会議は削除できない）")
    dl.add_argument("meeting", type=whole_number, metavar="ID")
    dl.add_argument("--by", help="操作者名")


def _add_export_commands(sub: Subparsers) -> None:
    export = sub.add_parser("export", help="比較一覧表・議事録・負担額通知・実施状況報告を書き出す").add_subparsers(
        dest="action", required=True, parser_class=_Parser)
    add_comparison_export(export)
    mn = export.add_parser("minutes", help="議事録（.pdf / .docx）")
    mn.add_argument("meeting", type=whole_number, metavar="ID")
    mn.add_argument("--out", required=True, help="出力先（.pdf または .docx）")
    add_force(mn)
    add_cost_exports(export)


def _confirm(prompt: str) -> bool:
    if not sys.stdin or not sys.stdin.isatty():
        return False
    try:
        return input(prompt + " [y/N]: ").strip().lower() in ("y", "yes", "はい")
    except EOFError:
        return False


def _cmd_summary(db: Database, args: argparse.Namespace) -> int:
    from ..ops.summary import build_summary
    from ..summary_figures import summary_lines

    with db.session() as s:
        summary = build_summary(s)
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
        return 0
    print("\n".join(summary_lines(summary, members=len(summary["members"]))))
    return 0


def _plain_read(args: argparse.Namespace) -> int | None:
    """`summary` (text), `members list`, `structure list` and `requests list` (without --member) of a
    SQLite file read with plain sqlite3,
    without importing SQLAlchemy and the models (most of a call's start); None: the command or the file
    needs the ordinary door (a URL, an older or foreign file, ``summary --json``), or SQLite refused a
    query (the ordinary door says why). Everything is read before anything is printed."""
    what = (args.command, getattr(args, "action", None))
    if what not in (("summary", None), ("members", "list"), ("structure", "list"), ("requests", "list")):
        return None
    if (what[0] == "summary" and args.json) or (what[0] == "requests" and args.member):  # the member by its name: ORM
        return None
    import sqlite3

    from ..store.plain_reader import open_plain_reader

    con = open_plain_reader(args.db)
    if con is None:
        return None
    try:
        if what[0] == "summary":
            from ..ops.plain_summary import plain_summary_lines

            lines = plain_summary_lines(con)
        elif what[0] == "members":
            from ..ops.plain_lists import read_members

            members = read_members(con)
        elif what[0] == "requests":
            from ..ops.plain_lists import read_item_rows

            items = read_item_rows(con, status=args.status)
        else:
            from ..ops.plain_lists import read_structure

            subs, systems = read_structure(con)
    except (sqlite3.Error, ValueError):  # ValueError: a date not stored as the ORM stores it
        return None
    finally:
        con.close()
    if what[0] == "summary":
        print("\n".join(lines))
    elif what[0] == "members":
        print_members(members, as_json=args.json)
    elif what[0] == "requests":
        _print_item_rows(items, as_json=args.json)
    else:
        print_structure(subs, systems, as_json=args.json)
    return 0


def _print_item_rows(items: list[ItemRow], *, as_json: bool) -> None:
    """`requests list`: one item per line (or JSON), read through the ORM or with plain sqlite3."""
    if as_json:
        print(json.dumps([_item_json(r) for r in items], ensure_ascii=False, indent=2))
    else:
        for r in items:
            print(f"{r.key}\t{r.status_label}\t{r.target_code or '（新規）'}\t{r.title}\t{'、'.join(r.members)}")


def _item_json(r: ItemRow) -> dict[str, object]:
    return {"id": r.id, "key": r.key, "title": r.title, "status": r.status, "status_label": r.status_label,
            "function_code": r.function_code, "function_kind": r.function_kind, "function_name": r.function_name,
            "business_system": r.business_system,
            "subcommittee": r.subcommittee, "members": list(r.members), "withdrawn_members": list(r.withdrawn_members),
            "estimate": r.estimate, "annual_cases": r.annual_cases}


def _cmd_requests(db: Database, args: argparse.Namespace) -> int:
    if args.action == "save":
        return cmd_request_save(db, args)
    if args.action == "import":
        from ..importers.requests import read_request_files

        records = read_request_files(args.files)
        with db.session() as s, s.begin():
            plan = request_import_ops.plan_request_import(s, records)
            print(plan.describe())
            if args.dry_run:
                s.rollback()
                return 0
            request_import_ops.apply_request_import(s, plan, by=args.by)
        print(f"{len(records)} 行を取り込みました。")
        return 0
    if args.action == "export-template":
        from ..reports.request_template_xlsx import template_path, write_request_template

        member = args.member.strip()
        out = template_path(args.out, member)  # a folder gets 要望票_団体名.xlsx; a file must be .xlsx
        args.out = str(out)  # a file error names the workbook, not the folder
        gaps = []
        with db.session() as s:
            info = consortium_ops.require_consortium(s)
            member_id = request_ops.resolve_member(s, member)
            rows = function_ops.list_function_rows(s, requestable=True)  # no retired ID for a new request
            if args.from_judgements:
                from ..ops.judgements import member_gap_rows

                gaps = member_gap_rows(s, member_id=member_id)
                if not gaps:
                    raise DomainError(f"{member} が Fit&Gap で△・×とした機能はありません（判定を含む Fit&Gap シートを"
                                      "functions import で取り込むと記入できます）。")
        with output_file(out, overwrite=args.force) as tmp:
            write_request_template(tmp, member=member, consortium=info.name, functions=rows, prefill=gaps)
        print(f"{member} の要望票を書き出しました: {out}" + (f"（△・× の {len(gaps)} 件を記入済み）" if gaps else ""))
        return 0
    if args.action == "list":
        with db.session() as s:
            member_filter = request_ops.resolve_member(s, args.member) if args.member else None
            items = request_queries.list_item_rows(s, status=args.status, member_id=member_filter)
        _print_item_rows(items, as_json=args.json)
        return 0
    if args.action == "history":
        with db.session() as s:
            item_id = request_ops.resolve_item(s, args.item)
            entries = history_ops.item_audit_trail(s, item_id)
        if args.csv:
            with output_file(args.csv, overwrite=args.force) as tmp:
                history_ops.write_audit_csv(tmp, entries)
            print(f"{len(entries)} 行の履歴を書き出しました: {args.csv}")
        else:
            for e in entries:
                print(f"{e.at:%Y-%m-%d %H:%M}\t{e.user}\t{e.label}\t{e.field_label or e.op_label}\t{e.old or ''}\t{e.new or ''}")
        return 0
    if args.action == "move" and getattr(args, "more", None):
        from ..ops.selection import move_items

        refs = [args.item, *args.more]
        with db.session() as s, s.begin():
            ids = [request_ops.resolve_item(s, r) for r in refs]
            with _meeting_door(s, args, refs, ids):
                move_items(s, item_ids=ids, to=args.to, reason=args.reason, meeting_id=args.meeting, by=args.by)
        print(f"要望 {len(refs)} 件（{'、'.join(refs)}）を「{Status(args.to).label}」にしました。")
        return 0
    with db.session() as s, s.begin():
        item_id = request_ops.resolve_item(s, args.item)
        if args.action == "move":
            with _meeting_door(s, args, [args.item], [item_id]):
                request_ops.move_item(s, item_id=item_id, to=args.to, reason=args.reason, meeting_id=args.meeting,
                                      by=args.by)
            message = f"要望 {args.item} を「{Status(args.to).label}」にしました。"
        elif args.action == "approve":
            date = require_date(args.date)
            request_ops.record_approval(s, item_id=item_id, member_id=request_ops.resolve_member(s, args.member),
                                        stage=args.stage, approved_on=date, reference=args.ref, by=args.by)
            message = f"要望 {args.item} の{args.member}の{APPROVAL_LABELS[args.stage]}を記録しました。"
        else:
            request_ops.withdraw_member(s, item_id=item_id, member_id=request_ops.resolve_member(s, args.member),
                                        reason=args.reason, by=args.by)
            message = f"要望 {args.item} の{args.member}の要望を取り下げました。"
    print(message)
    return 0


@contextmanager
def _meeting_door(s: Session, args: argparse.Namespace, refs: list[str], item_ids: list[int]) -> Iterator[None]:
    """`requests move --meeting ID` is a status change outside the meeting (its table as it is, the meeting as a
    reference only; nothing on the agenda or in the minutes). When it refuses what the meeting itself may decide
    (要望 → 標準化 / カスタマイズ実施), the refusal names the meeting's own command, `meetings outcome`."""
    from ..domain.workflow import WorkflowError, meeting_steps

    try:
        yield
    except WorkflowError as exc:
        if args.meeting is None or not any(
                len(meeting_steps(request_ops.get_item(s, i).status, args.to)) > 1 for i in item_ids):
            raise
        raise WorkflowError(
            f"{exc}会議での決定として議題と議事録に記録するには `meetings outcome {args.meeting} --item {' '.join(refs)}"
            f" --decide {args.to} --reason …` を使ってください（要望 → 検討中 → {Status(args.to).label} と記録します）。"
        ) from None


def _cmd_undo(db: Database, args: argparse.Namespace) -> int:
    with db.session() as s, s.begin():
        status = undo_ops.undo_status(s, user=args.by)  # a shared database: the stack of --by (default: you)
        if args.command == "undo":
            undo_ops.undo(s, by=args.by)
            print(f"元に戻しました: {status.undo_label}")
        else:
            undo_ops.redo(s, by=args.by)
            print(f"やり直しました: {status.redo_label}")
    return 0


def _open(target: str, *, create: bool = False, args: argparse.Namespace | None = None) -> Database:
    """Open a file or URL; a server password comes from the URL, the keyring, or (on a terminal) a prompt.

    A SQLite file is opened read-only for a command that only reads (no lock, no check, no
    backup), else under the writer lock, refused naming the holder while another process writes.
    """
    from ..store.backups import CLI_POLICY
    from ..store.db import mask_url, open_database

    if "://" not in target:
        from ..store.db import DatabaseOutdatedError
        from ..store.writer_lock import DatabaseLockedError
        from .access import LOCKED_HINT, purpose_of, reads_only

        if args is not None and reads_only(args) and not create:
            try:
                return open_database(target, create=False, read_only=True, backup_policy=CLI_POLICY)
            except DatabaseOutdatedError:  # the first command after an update: migrate under the lock
                pass
        try:
            db = open_database(target, create=create, backup_policy=CLI_POLICY,
                               purpose=purpose_of(args) if args is not None else "コマンド")
            for warning in db.warnings:  # a backup that could not be made: the command still runs
                if warning.kind == "backup":
                    print(f"注意: {warning.message}", file=sys.stderr)
            return db
        except DatabaseLockedError as exc:
            raise DatabaseLockedError(f"{exc}{LOCKED_HINT}", path=exc.path, lock_path=exc.lock_path,
                                      holder=exc.holder) from None
    from ..errors import DatabaseError
    from ..store import credentials

    url = credentials.resolve_url(target)
    try:
        return open_database(url, create=create)
    except DatabaseError as exc:
        if "password" not in str(exc).lower() or not sys.stdin or not sys.stdin.isatty():
            raise
        import getpass

        password = getpass.getpass(f"{mask_url(target)} のパスワード: ")
        return open_database(credentials.url_with_password(target, password), create=create)


def _cmd_handover(args: argparse.Namespace) -> int:
    from ..store import handover
    from ..store.db import mask_url

    if args.action == "export":
        db = _open(args.db, args=args)
        try:
            with db.session() as s:
                summary = handover.export_handover(s, Path(args.out), overwrite=args.force)
        finally:
            db.close()
        print(f"引継ぎファイルを書き出しました: {args.out}（{len(summary.row_counts)} 表、{summary.total_rows:,} 行）")
        return 0
    # the GUI's 引継ぎファイルを取り込む… into a new file calls the same: nothing half-made is left on failure
    imported = handover.import_handover_into(Path(args.file), args.db,
                                             open_target=lambda target: _open(str(target), create=True, args=args))
    summary = imported.summary
    imported.db.close()
    print(f"引継ぎファイルを取り込みました: 協議会「{summary.consortium}」（{summary.total_rows:,} 行）→ {mask_url(args.db)}")
    return 0


def _cmd_backup(args: argparse.Namespace) -> int:
    from ..store.backups import list_backups, restore_backup

    if "://" in args.db:
        raise DomainError("バックアップと復元は SQLite ファイルのためのものです。サーバーのデータベースは"
                          "サーバーの管理者がバックアップしてください（引継ぎファイルの書き出しも使えます）。")
    path = Path(args.db).expanduser().resolve()
    if args.action == "list":
        rows = list_backups(path)
        if args.json:
            print(json.dumps([{"path": str(b.path), "created_at": b.created_at.isoformat(), "reason": b.reason,
                               "size": b.size} for b in rows], ensure_ascii=False, indent=2))
        else:
            for b in rows:
                print(f"{b.created_at:%Y-%m-%d %H:%M:%S}\t{b.reason_label}\t{b.size:,}\t{b.path}")
            if not rows:
                print("バックアップはありません。")
        return 0
    backup_file = Path(args.file).expanduser().resolve()  # relative to where the command runs, as the README shows
    saved = restore_backup(path, backup_file)  # refused while another process has the file open for writing
    print(f"バックアップから復元しました: {backup_file}")
    if saved is not None:
        print(f"復元前のファイルは次の場所に残しました: {saved}")
    return 0


def _cmd_init(args: argparse.Namespace) -> int:
    from ..store.files import create_database_file

    if "://" in args.db:  # a server database: the schema is created, there is no file to clean up
        db = _open(args.db, create=True)
        try:
            with db.session() as s, s.begin():
                if args.demo:
                    from ..demo import create_demo

                    create_demo(s, name=args.name)
                else:
                    consortium_ops.create_consortium(s, name=args.name, preset=args.preset)
        finally:
            db.close()
    else:  # the same door as the GUI's 新しい協議会…: never overwrites, leaves no file on failure
        create_database_file(Path(args.db), name=args.name, preset=args.preset, demo=args.demo).close()
    print(f"協議会「{args.name}」を作成しました: {args.db}")
    return 0


def run(argv: list[str] | None = None) -> int:
    return _dispatch(build_parser().parse_args(argv))


def _output_of(args: argparse.Namespace) -> str | None:
    """The file a command writes (--out, --csv), if it writes one."""
    return getattr(args, "out", None) or getattr(args, "csv", None)


def _file_error_message(exc: BaseException, args: argparse.Namespace | None) -> str:
    """「ファイルに書き込めません: PATH（理由）」 for the command's output, else 「ファイルを読み込めません…」."""
    named = failed_path(exc)
    out = _output_of(args) if args is not None else None
    writing = not isinstance(exc, OSError)  # xlsxwriter's FileCreateError: always the file being written
    if out is not None and (named is None or Path(named).name.startswith(Path(out).name)  # also 'x.zip.part'
                            or Path(named).resolve() == Path(out).resolve()):
        writing, named = True, out
    if writing:
        return cannot_write_message(named or out or "", exc)
    return cannot_read_message(named, exc)


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "init":
        return _cmd_init(args)
    if args.command == "handover":
        return _cmd_handover(args)
    if args.command == "backup":
        return _cmd_backup(args)
    status = _plain_read(args)
    if status is not None:
        return status
    db = _open(args.db, args=args)
    try:
        if args.command == "members":
            return cmd_members(db, args)
        if args.command == "structure":
            return cmd_structure(db, args)
        if args.command == "consortium":
            return cmd_consortium(db, args)
        if args.command == "functions":
            from .functions import cmd_functions

            return cmd_functions(db, args, confirm=_confirm)
        if args.command == "summary":
            return _cmd_summary(db, args)
        if args.command == "requests":
            return _cmd_requests(db, args)
        if args.command in ("undo", "redo"):
            return _cmd_undo(db, args)
        if args.command == "meetings":
            from .meetings import cmd_meetings

            return cmd_meetings(db, args)
        if args.command in ("costs", "measures", "latejoin"):
            from .costs import cmd_costs, cmd_latejoin, cmd_measures

            if args.command == "costs":
                return cmd_costs(db, args, confirm=_confirm)
            return {"measures": cmd_measures, "latejoin": cmd_latejoin}[args.command](db, args)
        if args.command == "export" and args.action in COST_EXPORTS:
            from .costs import cmd_export as cmd_cost_export

            return cmd_cost_export(db, args)
        if args.command == "export":
            from .meetings import cmd_export

            return cmd_export(db, args)
    finally:
        db.close()
    return 2


def main(argv: list[str] | None = None) -> int:
    """Console entry point: domain errors, and files that cannot be written or read, become a
    Japanese message on stderr and exit status 1 (never a traceback)."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    from ..wording import CLI, set_audience

    set_audience(CLI)  # messages name commands and options (the GUI names screens and buttons)
    args = None
    try:
        args = build_parser().parse_args(argv)
        status = _dispatch(args)
        sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's shutdown
        return status
    except BrokenPipeError:  # `cloudsuppress ... | head`: the reader has all it wanted
        return _quiet_after_broken_pipe()
    except DatabaseCorruptError as exc:
        print(f"エラー: {exc}", file=sys.stderr)
        if exc.backups and args is not None:
            print(f"復元するには: cloudsuppress --db \"{args.db}\" backup restore \"{exc.backups[0].path}\""
                  "（いまのファイルは backups に残します）", file=sys.stderr)
        return EXIT_REFUSED
    except DomainError as exc:
        from ..store.db import mask_secrets  # a password typed into a URL never reaches the terminal

        # An import's problems: the same problem on many rows (a misspelled 業務 on all 176) is one
        # line naming the rows, as the GUI's list shows it.
        text = exc.summary() if isinstance(exc, ImportValidationError) else str(exc)
        print(f"エラー: {mask_secrets(text)}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        print("中断しました。データベースは変更していません。", file=sys.stderr)
        return 130
    except file_errors() as exc:  # OSError, and xlsxwriter's FileCreateError which is not one
        print(f"エラー: {_file_error_message(exc, args)}", file=sys.stderr)
        return EXIT_REFUSED


EXIT_BROKEN_PIPE = 141  # as a shell reports a command ended by SIGPIPE (`cat big | head`)


def _quiet_after_broken_pipe() -> int:
    """The reader of our output has gone: no message, and no second error when Python flushes at exit."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except Exception:  # noqa: BLE001 - a stream without a file descriptor (tests): nothing to redirect
        pass
    return EXIT_BROKEN_PIPE


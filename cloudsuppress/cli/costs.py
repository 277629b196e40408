"""The `costs` and `measures` commands of the CLI and the cost and summary exports: thin parsing
over ``ops.costs``, ``ops.measures``, ``ops.late_joiners`` and the report writers. Each changing
command runs in one transaction."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.wareki import require_date, to_wareki
from ..domain.workflow import Status
from ..errors import DomainError
from ..output_files import output_file
from ..unset import UNSET, Unset
from .types import add_force, cost_method, lazy_module, whole_number, yen

if TYPE_CHECKING:
    from ..ops.costs import CostTableRow, ItemShares, StaleApproval
    from ..ops.measures import Dashboard
    from ..store.db import Database
    from .types import Subparsers

if TYPE_CHECKING:  # the modules themselves, so that mypy checks every call into them
    from ..ops import costs as cost_ops
    from ..ops import measures as measure_ops
    from ..ops import requests as request_ops
else:
    cost_ops = lazy_module("cloudsuppress.ops.costs")  # imported by the command that uses it
    measure_ops = lazy_module("cloudsuppress.ops.measures")
    request_ops = lazy_module("cloudsuppress.ops.requests")

COST_EXPORTS = ("costs", "cost-table", "summary")


def _date(text: str | None, what: str = "日付") -> dt.date | None:
    return None if text is None else require_date(text, what)


def add_cost_commands(sub: Subparsers) -> None:
    """The `costs` and `measures` command groups."""
    costs = sub.add_parser("costs", help="カスタマイズ経費: 見積額、按分方法、負担額").add_subparsers(
        dest="action", required=True, parser_class=sub._parser_class)
    st = costs.add_parser("set", help="要望項目の見積額と按分方法を設定する")
    st.add_argument("item", metavar="ITEM", help="要望番号（R-0001）または id")
    st.add_argument("--estimate", type=yen, help="見積額（円。1500000 または 1,500,000）")
    st.add_argument("--method", type=cost_method(consortium=True), metavar="方法",
                    help="この要望の按分方法: 均等割・人口割・併用（equal・population・mixed）、"
                         "協議会のルール（consortium）に戻す")
    st.add_argument("--ratio", help="併用の割合 均等割:人口割（例: 50:50）")
    st.add_argument("--by", help="操作者名")
    sh = costs.add_parser("show", help="要望項目の団体ごとの負担額")
    sh.add_argument("item", metavar="ITEM")
    sh.add_argument("--json", action="store_true")
    ru = costs.add_parser("rule", help="協議会の按分ルールを表示・設定する（何も指定しなければ表示、指定しない項目は今のまま）")
    ru.add_argument("--method", type=cost_method(), metavar="方法", help="均等割・人口割・併用（equal・population・mixed）")
    ru.add_argument("--ratio", help="併用の割合 均等割:人口割（例: 50:50、6:94）")
    ru.add_argument("--unit", type=whole_number, choices=[1, 1000],
                    help="端数処理: 1 円単位、1000 千円未満切捨て（省略時は今の設定のまま）")
    ru.add_argument("--population-date", help="人口基準日（団体の人口がいつ時点のものか）")
    ru.add_argument("--by", help="操作者名")
    ru.add_argument("--yes", action="store_true",
                    help="首長決裁を受けた負担額が変わる（要再決裁になる）場合も確認せずに設定する")
    tb = costs.add_parser("table", help="協議会全体の費用負担一覧")
    tb.add_argument("--json", action="store_true")
    tb.add_argument("--include-open", action="store_true", help="検討中の要望（見積額あり）も含める")

    measures = sub.add_parser("measures", help="4つの方策: 庁内説明会、選考会への参加、ダッシュボード").add_subparsers(
        dest="action", required=True, parser_class=sub._parser_class)
    br = measures.add_parser("briefing", help="庁内説明会を記録する")
    br.add_argument("--member", required=True)
    br.add_argument("--date", required=True)
    br.add_argument("--attendees", required=True, type=whole_number, help="参加人数")
    br.add_argument("--notes")
    br.add_argument("--by", help="操作者名")
    se = measures.add_parser("selection", help="選考会（RFI説明会・二次選考）への参加を記録する")
    se.add_argument("--event", required=True, help="選考会の名称（例: RFI説明会）")
    se.add_argument("--date", required=True)
    se.add_argument("--member", required=True)
    se.add_argument("--person", required=True, help="参加者の氏名")
    se.add_argument("--section", help="所属（課名）")
    se.add_argument("--by", help="操作者名")
    measures.add_parser("show", help="4つの方策のダッシュボード").add_argument("--json", action="store_true")
    measures.add_parser("list", help="庁内説明会と選考会の記録（番号つき: 修正・削除に使う）").add_argument(
        "--json", action="store_true")
    bu = measures.add_parser("briefing-update", help="庁内説明会の記録を修正する（番号は measures list）")
    bu.add_argument("id", type=whole_number)
    bu.add_argument("--date")
    bu.add_argument("--attendees", type=whole_number, help="参加人数")
    bu.add_argument("--notes")
    bu.add_argument("--by", help="操作者名")
    bd = measures.add_parser("briefing-delete", help="庁内説明会の記録を削除する")
    bd.add_argument("id", type=whole_number)
    bd.add_argument("--by", help="操作者名")
    ev = measures.add_parser("event", help="選考会を登録する（参加の記録がまだないもの）")
    ev.add_argument("--event", required=True, help="選考会の名称（例: 二次選考）")
    ev.add_argument("--date", required=True)
    ev.add_argument("--by", help="操作者名")
    ed = measures.add_parser("event-delete", help="参加の記録がない選考会を削除する")
    ed.add_argument("id", type=whole_number)
    ed.add_argument("--by", help="操作者名")
    sr = measures.add_parser("selection-remove", help="選考会への参加の記録を削除する")
    sr.add_argument("id", type=whole_number)
    sr.add_argument("--by", help="操作者名")

    late = sub.add_parser("latejoin", help="後乗り団体: 参加前の決定の承認、カスタマイズへの参加").add_subparsers(
        dest="action", required=True, parser_class=sub._parser_class)
    ls = late.add_parser("list", help="団体の参加日までに決定した要望（承認済みかどうか）")
    ls.add_argument("--member", required=True)
    ls.add_argument("--json", action="store_true")
    ac = late.add_parser("accept", help="参加前の決定を承認したことを記録する（--item なしで未承認のすべて）")
    ac.add_argument("--member", required=True)
    ac.add_argument("--date", required=True, help="承認した日付")
    ac.add_argument("--item", action="append", metavar="ITEM", help="要望番号（複数可）")
    ac.add_argument("--by", help="操作者名")
    jn = late.add_parser("join", help="カスタマイズ実施済みの要望に参加し、費用を再按分する")
    jn.add_argument("item", metavar="ITEM")
    jn.add_argument("--member", required=True)
    jn.add_argument("--content", required=True, help="要望内容")
    jn.add_argument("--reason", required=True, help="理由区分（自治体独自施策、事務効率・処理件数 など）")
    jn.add_argument("--service-drop", required=True, choices=["yes", "no"], help="住民サービス水準が低下するか")
    jn.add_argument("--detail", required=True, help="低下の内容、または低下しない理由")
    jn.add_argument("--finance-date", required=True)
    jn.add_argument("--finance-ref", required=True, help="財政課協議の文書番号")
    jn.add_argument("--mayor-date", required=True)
    jn.add_argument("--mayor-ref", required=True, help="首長決裁の文書番号")
    jn.add_argument("--date", required=True, help="参加した日付")
    jn.add_argument("--by", help="操作者名")


def add_cost_exports(export: Subparsers) -> None:
    """`export costs`, `export cost-table`, `export summary`."""
    co = export.add_parser("costs", help="団体あての負担額通知（.pdf）")
    who = co.add_mutually_exclusive_group(required=True)
    who.add_argument("--member", help="団体名（その団体あての 1 通）")
    who.add_argument("--all", action="store_true",
                     help="負担する（見込みを含む）全団体あてに 1 団体 1 ファイルで書き出す（--out はフォルダ）")
    co.add_argument("--include-none", action="store_true", help="--all で、負担のない団体あても書き出す")
    co.add_argument("--out", required=True, help="出力先（.pdf。--all のときはフォルダ）")
    add_force(co)
    co.add_argument("--date", help="文書の日付（既定: 今日）")
    co.add_argument("--ref", help="文書番号（例: い協第15号）。--all では全団体に同じ番号")
    co.add_argument("--sender", help="発信者の行を置き換える（例: 会長職務代理者　副会長　那珂市長　山田 太郎。"
                                     "既定: 協議会の設定の会長）")
    co.add_argument("--copy-finance", action="store_true", help="「写し送付先　○○市財政担当課長」の行を加える")
    ct = export.add_parser("cost-table", help="協議会全体の費用負担一覧（.pdf / .xlsx）")
    ct.add_argument("--out", required=True, help="出力先（.pdf または .xlsx）")
    add_force(ct)
    ct.add_argument("--include-open", action="store_true", help="検討中の要望（見積額あり）も含める")
    ct.add_argument("--date", help="文書の日付（既定: 今日）")
    ct.add_argument("--doc-number", help="右上の資料番号（例: 資料3。既定: なし）")
    su = export.add_parser("summary", help="協議会総会向けの実施状況報告（.pdf）")
    su.add_argument("--out", required=True, help="出力先（.pdf）")
    add_force(su)
    su.add_argument("--date", help="文書の日付（既定: 今日）")
    su.add_argument("--doc-number", default="資料2", help="右上の資料番号（既定: 資料2。比較一覧表の既定 資料1 と重ならない）")


# --- costs -------------------------------------------------------------------------------------------


def _shares_text(sh: ItemShares) -> list[str]:
    head = f"{sh.key}　{sh.title}　見積額 {sh.estimate:,}円" if sh.estimate is not None else f"{sh.key}　{sh.title}　見積額 未定"
    lines = [head, f"按分方法: {sh.rule_text}{'（この要望の設定）' if sh.own_rule else ''}"]
    for r in sh.shares:
        lines.append(f"  {r.member}\t{r.share:,}円\t人口 {r.population:,} / {sh.population_total:,}"
                     f"\t均等割 {r.equal_part:,}円\t人口割 {r.population_part:,}円\t端数調整 {r.adjustment:,}円")
    return lines


def stale_lines(stale: Sequence[StaleApproval]) -> list[str]:
    return [f"  {x.describe()}" for x in stale]


def warn_reapproval(stale: Sequence[StaleApproval]) -> None:
    """On stderr: the members whose share no longer matches what their mayor approved (R36)."""
    if not stale:
        return
    print(f"注意: 次の {len(stale)} 件は、首長決裁を受けた負担額が変わりました（要再決裁）。変更後の負担額により、"
          "改めて財政課協議・首長決裁を経て記録してください（costs show / export notices で確認できます）。",
          file=sys.stderr)
    print("\n".join(stale_lines(stale)), file=sys.stderr)


def _stale_json(stale: list[StaleApproval]) -> list[dict[str, object]]:
    return [{"item": x.key, "member": x.member, "approved": x.approved, "now": x.now, "reasons": list(x.reasons)}
            for x in stale]


def _table_cell(row: CostTableRow, i: int) -> str:
    kind = row.cell(i)
    if kind in ("share", "forecast"):
        return f"{row.shares[i]:,}" + ("（見込）" if kind == "forecast" else "")
    return "未定" if kind == "unknown" else ""


EXIT_CONFIRM = 3  # confirmation needed (as `functions import` without --yes; cli/__init__ documents the codes)


def cmd_costs(db: Database, args: argparse.Namespace, *, confirm: Callable[[str], bool] = lambda _: False) -> int:
    if args.action == "show":
        with db.session() as s:
            sh = cost_ops.item_shares(s, request_ops.resolve_item(s, args.item))
            stale = cost_ops.stale_approvals(s, item_ids=[sh.item_id])
        if args.json:
            print(json.dumps({"item": sh.key, "estimate": sh.estimate, "method": sh.method, "shares": sh.by_member(),
                              "reapproval": _stale_json(stale)}, ensure_ascii=False, indent=2))
        else:
            print("\n".join(_shares_text(sh)))
            if stale:
                print("要再決裁（首長決裁を受けた負担額と現在の負担額が違います。改めて財政課協議・首長決裁が必要です）:")
                print("\n".join(stale_lines(stale)))
        return 0
    if args.action == "table":
        with db.session() as s:
            table = cost_ops.cost_table(s, include_open=args.include_open)
            stale = cost_ops.stale_approvals(
                s, statuses=cost_ops.BEARING if args.include_open else (Status.CUSTOMIZED,))
        marked = {(x.key, x.member) for x in stale}
        if args.json:
            print(json.dumps({"rule": table.rule_text, "members": list(table.members),
                              "items": [{"item": r.key, "title": r.title, "status": r.status_label,
                                         "estimate": r.estimate, "rule": r.rule_text,
                                         "shares": {m: v for m, v in zip(table.members, r.shares, strict=True) if v is not None},
                                         "forecast": r.open,
                                         "undetermined": [m for i, m in enumerate(table.members)
                                                          if r.cell(i) == "unknown"]}
                                        for r in table.rows],
                              "totals": dict(zip(table.members, table.member_totals, strict=True)), "total": table.total,
                              "reapproval": _stale_json(stale)},
                             ensure_ascii=False, indent=2))
        else:
            for r in table.rows:
                cells = "\t".join(_table_cell(r, i) + ("（要再決裁）" if (r.key, table.members[i]) in marked else "")
                                  for i in range(len(r.shares)))
                print(f"{r.key}\t{'未定' if r.estimate is None else f'{r.estimate:,}'}\t{cells}")
            print("合計\t" + f"{table.total:,}\t" + "\t".join(f"{v:,}" for v in table.member_totals))
            if stale:
                print("要再決裁（首長決裁を受けた負担額と現在の負担額が違います）:")
                print("\n".join(stale_lines(stale)))
        return 0
    if args.action == "rule":
        if args.method is None and args.ratio is None and args.unit is None and args.population_date is None:
            with db.session() as s:
                row = cost_ops.cost_rule_row(s)
            date = row.rule.population_date
            print(f"按分ルール: {row.description}" + (f"　人口基準日: {to_wareki(date)}" if date else "")
                  + ("" if row.stored else "（未設定のため既定）"))
            return 0
        population_date = UNSET if args.population_date is None else _date(args.population_date, "人口基準日")
        rule_method = UNSET if args.method is None else args.method
        unit = UNSET if args.unit is None else args.unit
        with db.session() as s, s.begin():  # the 帳票 view's 保存 calls the same op (and asks first, as here)
            moving = cost_ops.preview_cost_rule(s, method=rule_method, ratio=args.ratio, unit=unit,
                                                population_date=population_date)
            if moving and not args.yes:
                print(f"このルールにすると、次の {len(moving)} 件は首長決裁を受けた負担額が変わります（要再決裁: "
                      "改めて財政課協議・首長決裁が必要です）。", file=sys.stderr)
                print("\n".join(stale_lines(moving)), file=sys.stderr)
                if not confirm("設定しますか？"):
                    print("設定しませんでした。--yes を付けて実行すると設定します。", file=sys.stderr)
                    s.rollback()
                    return EXIT_CONFIRM
            changes = cost_ops.set_cost_rule(s, method=rule_method, ratio=args.ratio, by=args.by, unit=unit,
                                             population_date=population_date)
            row = cost_ops.cost_rule_row(s)
        date = row.rule.population_date
        print(f"按分ルールを設定しました: {row.description}" + (f"　人口基準日: {to_wareki(date)}" if date else ""))
        warn_reapproval(changes.newly_stale)
        return 0
    # set
    if args.estimate is None and args.method is None:
        raise DomainError("--estimate または --method を指定してください。")
    estimate: int | Unset = UNSET if args.estimate is None else args.estimate
    method: str | None | Unset = UNSET
    if args.method is not None:
        method = None if args.method == "consortium" else args.method
    elif args.ratio is not None:
        raise DomainError("--ratio は --method mixed と一緒に指定してください。")
    with db.session() as s, s.begin():
        item_id = request_ops.resolve_item(s, args.item)
        changes = cost_ops.set_item_cost(s, item_id=item_id, by=args.by, estimate=estimate, method=method,
                                         ratio=args.ratio if args.method is not None else None)
        sh = cost_ops.item_shares(s, item_id)
    print("\n".join(_shares_text(sh)))
    warn_reapproval(changes.newly_stale)
    return 0


# --- measures ----------------------------------------------------------------------------------------


def _dashboard_json(d: Dashboard) -> dict[str, object]:
    return {
        "suppression_rate": d.suppression_rate, "decided": d.decided, "not_customized": d.not_customized,
        "gap_rate": d.fit.gap_rate,
        "selection_events": [{"name": e.name, "date": e.held_on.isoformat(),
                              "attendees": [{"member": a.member, "person": a.person} for a in e.attendees]}
                             for e in d.selection_events],
        "members": [{
            "name": m.member,
            "briefing": {"date": m.last_briefing_on.isoformat() if m.last_briefing_on else None,
                         "attendees": m.last_briefing_attendees, "count": m.briefings},
            "requests": m.requests, "answered": m.answered, "answered_rate": m.answered_rate,
            "selection": {"events": m.selection_events, "attended": m.selection_attended, "people": m.selection_people},
            "approvals_pending": {"finance": m.pending_finance, "mayor": m.pending_mayor, "items": list(m.pending_items)},
            "cost_total": m.cost_total, "prospective_total": m.prospective_total,
            "meetings": {"with_items": m.meetings, "attended": m.meetings_attended,
                         "secretariat_present": m.meetings_with_secretariat, "missed": list(m.missed)},
        } for m in d.members],
    }


def cmd_measures(db: Database, args: argparse.Namespace) -> int:
    if args.action == "show":
        with db.session() as s:
            d = measure_ops.measures_dashboard(s)
        if args.json:
            print(json.dumps(_dashboard_json(d), ensure_ascii=False, indent=2))
            return 0
        rate = "—" if d.suppression_rate is None else measure_ops.format_share(d.suppression_rate)
        print(f"抑制率（決定済みのうちカスタマイズしなかった割合）: {rate}（{d.not_customized} / {d.decided}）")
        for m in d.members:
            brief = (f"{to_wareki(m.last_briefing_on)} {m.last_briefing_attendees}人" if m.last_briefing_on
                     else measure_ops.BRIEFING_NOT_HELD)
            print(f"{m.member}\t説明会 {brief}\t選考会 {m.selection_attended}/{m.selection_events}\t"
                  f"未決裁 財政{m.pending_finance} 首長{m.pending_mayor}\t負担額 {m.cost_total:,}円\t"
                  f"会議出席 {m.meetings_attended}/{m.meetings}")
        return 0
    if args.action == "list":
        return _measures_list(db, args)
    if args.action in ("briefing-update", "briefing-delete", "event", "event-delete", "selection-remove"):
        return _measures_correct(db, args)
    with db.session() as s, s.begin():
        member_id = request_ops.resolve_member(s, args.member)
        if args.action == "briefing":
            measure_ops.record_briefing(s, member_id=member_id, held_on=require_date(args.date, "開催日"),
                                        attendees=args.attendees, notes=args.notes, by=args.by)
            message = f"{args.member}の庁内説明会（{args.attendees}人）を記録しました。"
        else:
            measure_ops.record_selection_attendance(s, event=args.event, held_on=require_date(args.date, "開催日"),
                                                    member_id=member_id, person=args.person, section=args.section,
                                                    by=args.by)
            message = f"選考会「{args.event}」への{args.member}の{args.person}さんの参加を記録しました。"
    print(message)
    return 0


def _measures_list(db: Database, args: argparse.Namespace) -> int:
    with db.session() as s:
        briefings, events = measure_ops.list_briefings(s), measure_ops.list_selection_events(s)
    if args.json:
        print(json.dumps({
            "briefings": [{"id": b.id, "member": b.member, "held_on": b.held_on.isoformat(), "attendees": b.attendees,
                           "notes": b.notes} for b in briefings],
            "selection_events": [{"id": e.id, "name": e.name, "held_on": e.held_on.isoformat(), "attendees": [
                {"id": a.id, "member": a.member, "person": a.person, "section": a.section} for a in e.attendees]}
                for e in events],
        }, ensure_ascii=False, indent=2))
        return 0
    print("庁内説明会（番号: measures briefing-update / briefing-delete）")
    for b in briefings:
        print(f"  {b.id}\t{b.member}\t{to_wareki(b.held_on)}\t{b.attendees}人\t{b.notes or ''}")
    print("選考会（選考会の番号: measures event-delete、参加の番号: measures selection-remove）")
    for e in events:
        print(f"  {e.id}\t{e.name}\t{to_wareki(e.held_on)}" + ("" if e.attendees else "\t参加なし"))
        for a in e.attendees:
            print(f"    {a.id}\t{a.member}\t{a.person}\t{a.section or ''}")
    return 0


def _measures_correct(db: Database, args: argparse.Namespace) -> int:
    with db.session() as s, s.begin():
        if args.action == "briefing-update":
            changes = measure_ops.update_briefing(
                s, briefing_id=args.id, by=args.by,
                held_on=UNSET if args.date is None else require_date(args.date, "開催日"),
                attendees=UNSET if args.attendees is None else args.attendees,
                notes=UNSET if args.notes is None else args.notes)
            message = "庁内説明会の記録を修正しました。" if changes.any else "変更はありません。"
        elif args.action == "briefing-delete":
            measure_ops.delete_briefing(s, briefing_id=args.id, by=args.by)
            message = "庁内説明会の記録を削除しました。"
        elif args.action == "event":
            measure_ops.create_selection_event(s, name=args.event, held_on=require_date(args.date, "開催日"), by=args.by)
            message = f"選考会「{args.event}」を登録しました。"
        elif args.action == "event-delete":
            measure_ops.delete_selection_event(s, event_id=args.id, by=args.by)
            message = "選考会の記録を削除しました。"
        else:
            measure_ops.remove_selection_attendee(s, attendee_id=args.id, by=args.by)
            message = "選考会への参加の記録を削除しました。"
    print(message)
    return 0


# --- late joiners ------------------------------------------------------------------------------------


def cmd_latejoin(db: Database, args: argparse.Namespace) -> int:
    from ..domain.vocab import parse_reason
    from ..ops import late_joiners as lj

    if args.action == "list":
        with db.session() as s:
            rows = lj.prior_decisions(s, request_ops.resolve_member(s, args.member))
        if args.json:
            print(json.dumps([{"item": d.key, "title": d.title, "status": d.status, "status_label": d.status_label,
                               "decided_on": d.decided_on.isoformat(),
                               "accepted_on": d.accepted_on.isoformat() if d.accepted_on else None} for d in rows],
                             ensure_ascii=False, indent=2))
        else:
            for d in rows:
                accepted = f"承認 {to_wareki(d.accepted_on)}" if d.accepted_on else "未承認"
                print(f"{d.key}\t{d.status_label}\t{to_wareki(d.decided_on)}\t{accepted}\t{d.title}")
        return 0
    with db.session() as s, s.begin():
        member_id = request_ops.resolve_member(s, args.member)
        if args.action == "accept":
            ids = [request_ops.resolve_item(s, i) for i in args.item] if args.item else None
            lj.accept_decisions(s, member_id=member_id, accepted_on=require_date(args.date, "承認日"), item_ids=ids, by=args.by)
            message = f"{args.member}の既決事項の承認を記録しました。"
        else:
            reason = parse_reason(args.reason)
            if reason is None:
                raise DomainError(f"理由区分「{args.reason}」はありません。")
            ch = lj.join_customization(
                s, item_id=request_ops.resolve_item(s, args.item), member_id=member_id, content=args.content,
                reason=reason, service_drop=args.service_drop == "yes", service_drop_detail=args.detail,
                finance=(require_date(args.finance_date, "財政課協議の日付"), args.finance_ref),
                mayor=(require_date(args.mayor_date, "首長決裁の日付"), args.mayor_ref), on=require_date(args.date, "参加日"),
                by=args.by)
            before = dict(ch.before)
            lines = [f"{name}\t{before.get(name, 0):,}円 → {yen:,}円" for name, yen in ch.after]
            message = f"{args.member}が要望 {args.item} に参加し、費用を再按分しました。\n" + "\n".join(lines)
    print(message)
    return 0


# --- exports -----------------------------------------------------------------------------------------


def _export_notices(db: Database, args: argparse.Namespace, out: Path) -> int:
    """`export costs`: one member's notice to a .pdf, or (--all) every bearing member's into a folder."""
    from ..reports.cost_report_pdf import write_member_cost_report, write_member_cost_reports

    issued_on = _date(args.date) or dt.date.today()
    from ..ops.consortium import get_consortium_settings

    with db.session() as s:
        officers = get_consortium_settings(s)
    letter = dict(issued_on=issued_on, sender=args.sender, reference=args.ref, officers=officers,
                  copy_to_finance=args.copy_finance)
    missing = officers.missing_for_notices()
    if missing:  # written anyway (a draft may be wanted), but never without a word
        print(f"注意: 協議会の設定の{'・'.join(missing)}が未設定のため、通知の発信者・担当欄に印字されません"
              "（cloudsuppress consortium set で設定できます）。", file=sys.stderr)
    if not args.all:
        if args.include_none:
            raise DomainError("--include-none は --all と一緒に指定してください。")
        if out.suffix.lower() != ".pdf":
            raise DomainError("負担額通知の出力先は .pdf にしてください（全団体分は --all とフォルダ）。")
        with db.session() as s:
            mc = cost_ops.member_costs(s, request_ops.resolve_member(s, args.member))
        with output_file(out, overwrite=args.force) as tmp:
            pages = write_member_cost_report(tmp, mc, **letter)
        print(f"{mc.member}の負担額通知（{len(mc.lines)} 件、合計 {mc.total:,}円、{pages} ページ）を書き出しました: {out}")
        return 0
    if out.suffix.lower() == ".pdf" or (out.exists() and not out.is_dir()):
        raise DomainError(f"--all の出力先はフォルダにしてください（団体ごとに 1 ファイル）: {out}")
    with db.session() as s:
        notices = cost_ops.all_member_costs(s, include_none=args.include_none)
    if not notices:
        raise DomainError("カスタマイズ経費を負担する団体がありません（--include-none で全団体あてに書き出せます）。")
    for mc, path in zip(notices, write_member_cost_reports(out, notices, overwrite=args.force, **letter), strict=True):
        print(f"{mc.member}: {len(mc.lines)} 件、合計 {mc.total:,}円 → {path.name}")
    print(f"負担額通知 {len(notices)} 団体分を書き出しました: {out}")
    return 0


def cmd_export(db: Database, args: argparse.Namespace) -> int:
    out = Path(args.out)
    suffix = out.suffix.lower()
    if args.action == "costs":
        return _export_notices(db, args, out)
    if args.action == "cost-table":
        if suffix not in (".pdf", ".xlsx"):
            raise DomainError("費用負担一覧の出力先は .pdf または .xlsx にしてください。")
        with db.session() as s:
            table = cost_ops.cost_table(s, include_open=args.include_open)
        issued_on = _date(args.date) or dt.date.today()
        if suffix == ".pdf":
            from ..reports.cost_table_pdf import write_cost_table_pdf

            with output_file(out, overwrite=args.force) as tmp:
                write_cost_table_pdf(tmp, table, issued_on=issued_on, doc_number=args.doc_number)
        else:
            from ..reports.cost_table_xlsx import write_cost_table_xlsx

            with output_file(out, overwrite=args.force) as tmp:
                write_cost_table_xlsx(tmp, table, issued_on=issued_on, doc_number=args.doc_number)
        print(f"費用負担一覧（{len(table.rows)} 件）を書き出しました: {out}")
        return 0
    if suffix != ".pdf":
        raise DomainError("実施状況報告の出力先は .pdf にしてください。")
    from ..ops.consortium import get_consortium
    from ..reports.summary_pdf import write_summary_pdf

    issued_on = _date(args.date) or dt.date.today()
    with db.session() as s:
        dashboard = measure_ops.measures_dashboard(s, today=issued_on)  # meetings held by the report's date
        info = get_consortium(s)
    with output_file(out, overwrite=args.force) as tmp:
        pages = write_summary_pdf(tmp, dashboard, consortium=info.name if info else "", issued_on=issued_on,
                                  doc_number=args.doc_number)
    print(f"実施状況報告（{pages} ページ）を書き出しました: {out}")
    return 0

"""`members` and `structure` commands: the consortium's members (list, import, correct one,
remove one registered by mistake) and its 専門部会 / 業務 (list, add, rename, remove) — the CLI side of the
団体 view and of 業務を追加… . Each command is one transaction and one undoable action."""
from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import asdict, replace
from typing import TYPE_CHECKING, Protocol

from ..domain.vocab import normalize_text
from ..domain.wareki import require_date
from ..errors import DomainError
from ..ops.plain_lists import PlainSystem
from .costs import warn_reapproval
from .types import lazy_module, whole_number

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..store.db import Database
    from .types import Subparsers

if TYPE_CHECKING:  # the modules themselves, so that mypy checks every call into them
    from ..domain import audit as audit
    from ..ops import consortium as consortium_ops
    from ..ops import costs as cost_ops
    from ..ops import functions as function_ops
    from ..ops import members as member_ops
    from ..ops import requests as request_ops
else:
    audit = lazy_module("cloudsuppress.domain.audit")  # imported by the command that uses it
    consortium_ops = lazy_module("cloudsuppress.ops.consortium")
    member_ops = lazy_module("cloudsuppress.ops.members")
    function_ops = lazy_module("cloudsuppress.ops.functions")
    request_ops = lazy_module("cloudsuppress.ops.requests")
    cost_ops = lazy_module("cloudsuppress.ops.costs")


def add_structure_commands(sub: Subparsers) -> None:
    members = sub.add_parser("members", help="構成団体").add_subparsers(
        dest="action", required=True, parser_class=sub._parser_class)
    m_imp = members.add_parser("import", help="団体一覧（団体名, 人口, 参加日）を取り込む")
    m_imp.add_argument("file")
    m_imp.add_argument("--sheet")
    members.add_parser("list", help="団体の一覧").add_argument("--json", action="store_true")
    up = members.add_parser("update", help="団体名・人口・参加日を訂正する（合併後の名称変更、毎年の人口など）")
    up.add_argument("member", metavar="NAME", help="今の団体名")
    up.add_argument("--name", help="新しい団体名")
    up.add_argument("--population", type=whole_number, help="人口")
    up.add_argument("--joined", help="参加日（2026-04-01、令和8年4月1日 など。none で消す）")
    rm = members.add_parser("remove", help="誤って登録した団体を削除する（要望や記録のある団体は削除できない）")
    rm.add_argument("member", metavar="NAME")

    co = sub.add_parser("consortium", help="協議会の設定（通知の発信者: 会長、公印省略、事務局の担当・連絡先）").add_subparsers(
        dest="action", required=True, parser_class=sub._parser_class)
    co.add_parser("show", help="協議会の設定を表示する").add_argument("--json", action="store_true")
    cs = co.add_parser("set", help="協議会の設定を変更する（指定した項目だけ。空文字 \"\" で消去）")
    cs.add_argument("--chair-member", help="会長の所属団体（例: 那珂市。通知には「那珂市長」と印字）")
    cs.add_argument("--chair-name", help="会長の氏名")
    cs.add_argument("--seal-omitted", choices=("yes", "no"), help="通知に「（公印省略）」と印字するか")
    cs.add_argument("--office-section", help="事務局の担当課（例: 協議会事務局（那珂市総務部情報政策課））")
    cs.add_argument("--office-staff", help="担当者の氏名")
    cs.add_argument("--office-phone", help="電話番号")
    cs.add_argument("--office-mail", help="メールアドレス")
    cs.add_argument("--by", help="操作者名")
    structure = sub.add_parser("structure", help="専門部会と業務（一覧、追加）").add_subparsers(
        dest="action", required=True, parser_class=sub._parser_class)
    structure.add_parser("list", help="専門部会と業務の一覧").add_argument("--json", action="store_true")
    structure.add_parser("add-subcommittee", help="専門部会を追加する").add_argument("name", metavar="NAME")
    sy = structure.add_parser("add-system", help="業務を追加する（機能一覧を取り込む前に）")
    sy.add_argument("name", metavar="NAME", help="業務名（機能一覧の業務名と同じ表記）")
    sy.add_argument("--subcommittee", required=True, help="専門部会（なければ --new-subcommittee）")
    sy.add_argument("--new-subcommittee", action="store_true", help="専門部会も新しく追加する")
    sy.add_argument("--code", help="業務番号（任意）")
    sy.add_argument("--wg", help="ワーキンググループ（既定: 業務名WG）")
    sy.add_argument("--distinct", action="store_true",
                    help="登録済みの業務の別の呼び方（住民記録 と 住民基本台帳 など）でも、別の業務として追加する")
    rn = structure.add_parser("rename-system", help="業務の名称を変更する（機能・要望・会議はそのまま）")
    rn.add_argument("name", metavar="NAME", help="今の業務名")
    rn.add_argument("new_name", metavar="NEW_NAME", help="新しい業務名")
    structure.add_parser("remove-system", help="誤って追加した業務を削除する（機能・要望・会議のある業務は削除できない）"
                         ).add_argument("name", metavar="NAME")


def cmd_members(db: Database, args: argparse.Namespace) -> int:
    if args.action == "import":
        from ..importers.members import read_member_list

        records = read_member_list(args.file, sheet=args.sheet)
        with db.session() as s, s.begin():
            before = cost_ops.stale_approvals(s)
            added, updated, _ = member_ops.import_members(s, records)
            stale = cost_ops.newly_stale(before, cost_ops.stale_approvals(s))
        print(f"団体を {added} 件追加、{updated} 件更新しました。")
        warn_reapproval(stale)
        return 0
    if args.action == "update":
        values = {}
        if args.name is not None:
            values["name"] = args.name
        if args.population is not None:
            values["population"] = args.population
        if args.joined is not None:
            values["joined_on"] = None if args.joined.strip().lower() == "none" else require_date(args.joined, "参加日")
        if not values:
            raise DomainError("訂正する項目を指定してください（--name、--population、--joined）。")
        with db.session() as s, s.begin():
            before = cost_ops.stale_approvals(s)
            changes = member_ops.update_member(s, member_id=request_ops.resolve_member(s, args.member), **values)
            stale = cost_ops.newly_stale(before, cost_ops.stale_approvals(s))
        print(f"団体「{args.member}」を訂正しました。" if changes.any else f"団体「{args.member}」は変わりませんでした。")
        warn_reapproval(stale)
        return 0
    if args.action == "remove":
        with db.session() as s, s.begin():
            member_ops.remove_member(s, member_id=request_ops.resolve_member(s, args.member))
        print(f"団体「{args.member}」を削除しました（undo で取り消せます）。")
        return 0
    with db.session() as s:
        rows = member_ops.list_members(s)
    print_members(rows, as_json=args.json)
    return 0


class _Member(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def population(self) -> int: ...
    @property
    def joined_on(self) -> dt.date | None: ...


def print_members(rows: Sequence[_Member], *, as_json: bool) -> None:
    """`members list`: one member per line (or JSON), read through the ORM or with plain sqlite3."""
    if as_json:
        print(json.dumps([{"name": r.name, "population": r.population,
                           "joined_on": r.joined_on.isoformat() if r.joined_on else None} for r in rows],
                         ensure_ascii=False, indent=2))
    else:
        for r in rows:
            print(f"{r.name}\t{r.population}\t{r.joined_on or ''}")


def _system_id(s: Session, name: str) -> int:
    """The registered 業務 of this exact name (a rename or removal never goes by a synonym)."""
    for node in function_ops.system_tree(s):
        if node.name == normalize_text(name):
            return node.id
    raise DomainError(f"業務「{normalize_text(name)}」が登録されていません（structure list で一覧を表示できます）。")


def cmd_structure(db: Database, args: argparse.Namespace) -> int:
    if args.action in ("rename-system", "remove-system"):
        from ..ops import business_systems

        with db.session() as s, s.begin():
            consortium_ops.require_consortium(s)
            system_id = _system_id(s, args.name)
            if args.action == "rename-system":
                business_systems.rename_business_system(s, system_id=system_id, name=args.new_name)
            else:
                business_systems.remove_business_system(s, system_id=system_id)
        print(f"業務「{normalize_text(args.name)}」を「{normalize_text(args.new_name)}」に名称変更しました。"
              if args.action == "rename-system" else f"業務「{normalize_text(args.name)}」を削除しました（undo で取り消せます）。")
        return 0
    if args.action == "add-subcommittee":
        with db.session() as s, s.begin():
            consortium_ops.add_subcommittee(s, name=args.name)
        print(f"専門部会「{normalize_text(args.name)}」を追加しました。")
        return 0
    if args.action == "add-system":  # 業務を追加… calls the same op
        with db.session() as s, s.begin():
            consortium_ops.add_business_system(s, name=args.name, subcommittee=args.subcommittee,
                                               code=args.code, working_group=args.wg,
                                               new_subcommittee=args.new_subcommittee, distinct=args.distinct)
        print(f"業務「{normalize_text(args.name)}」を専門部会「{normalize_text(args.subcommittee)}」に追加しました。")
        return 0
    with db.session() as s:
        subs = consortium_ops.list_subcommittees(s)
        nodes = function_ops.system_tree(s)
    print_structure(subs, [PlainSystem(n.subcommittee, n.code, n.name, n.working_group, n.stats.total) for n in nodes],
                    as_json=args.json)
    return 0


def print_structure(subs: list[str], systems: Sequence[PlainSystem], *, as_json: bool) -> None:
    """`structure list`: each 専門部会 with its 業務 and their numbers of functions (or JSON)."""
    tree = {sub: [n for n in systems if n.subcommittee == sub] for sub in subs}
    if as_json:
        print(json.dumps([{"subcommittee": sub, "systems": [
            {"name": n.name, "code": n.code, "working_group": n.working_group, "functions": n.functions}
            for n in group]} for sub, group in tree.items()], ensure_ascii=False, indent=2))
    else:
        for sub, group in tree.items():
            print(sub)
            for n in group:
                print(f"  {n.code or '-'}\t{n.name}\t{n.functions:,} 機能")


_SETTING_OPTIONS = ("chair_member", "chair_name", "office_section", "office_staff", "office_phone", "office_mail")


def cmd_consortium(db: Database, args: argparse.Namespace) -> int:
    """`consortium show` / `consortium set`: the officers and contact printed on notices."""
    if args.action == "set":
        with db.session() as s, s.begin():
            current = consortium_ops.get_consortium_settings(s)
            changed = {k: getattr(args, k) for k in _SETTING_OPTIONS if getattr(args, k) is not None}
            if args.seal_omitted is not None:
                changed["seal_omitted"] = args.seal_omitted == "yes"
            if not changed:
                raise DomainError("変更する項目を指定してください（例: --chair-name \"山田 太郎\"）。")
            with audit.action(s, "協議会の設定（会長・事務局の連絡先）を変更", by=args.by):
                consortium_ops.update_consortium_settings(s, settings=replace(current, **changed))
        print("協議会の設定を変更しました。")
    with db.session() as s:
        info = consortium_ops.require_consortium(s)
        st = consortium_ops.get_consortium_settings(s)
    if getattr(args, "json", False):
        print(json.dumps({"name": info.name, **asdict(st)}, ensure_ascii=False, indent=2))
        return 0
    labels = consortium_ops.SETTING_LABELS
    print(f"協議会: {info.name}")
    for field in ("chair_member", "chair_name", "seal_omitted", *_SETTING_OPTIONS[2:]):
        value = getattr(st, field)
        text = ("する" if value else "しない") if field == "seal_omitted" else (value or "（未設定）")
        print(f"{labels[field]}: {text}")
    return 0

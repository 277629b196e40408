"""`requests save`: one member's part of a request item (要望内容, 理由区分, 住民サービス水準, 年間処理件数,
代替運用案), changed or, for a member not in the item yet, joined — through the request editor's own op,
``ops.requests.save_item``: the same validation (every problem at once), one audited action, one undo
step. A field not given stays as it is; a member joining gives every mandatory field."""
from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ..domain.vocab import REASON_LABELS, parse_reason, parse_service_drop
from ..errors import DomainError
from ..unset import UNSET, Unset
from .types import lazy_module, whole_number

if TYPE_CHECKING:
    from ..store.db import Database
    from .types import Subparsers

if TYPE_CHECKING:  # the module itself, so that mypy checks every call into it
    from ..ops import requests as request_ops
else:
    request_ops = lazy_module("cloudsuppress.ops.requests")


def add_request_save_command(requests: Subparsers) -> None:
    """`requests save ITEM --member NAME [--content ...]`."""
    sv = requests.add_parser("save", help="団体の要望（要望内容・理由区分・住民サービス水準 など）を保存する"
                                          "（指定した項目だけ。項目にまだない団体は参加: 必須項目をすべて指定）")
    sv.add_argument("item", metavar="ITEM", help="要望番号（R-0001）または id")
    sv.add_argument("--member", required=True, help="団体名")
    sv.add_argument("--content", help="要望内容")
    sv.add_argument("--reason", help=f"理由区分（{'、'.join(REASON_LABELS.values())}）")
    sv.add_argument("--service-drop", metavar="低下する|低下しない", help="住民サービス水準が低下するか（yes / no も可）")
    sv.add_argument("--detail", help="低下の内容、または低下しない理由")
    sv.add_argument("--cases", help="年間処理件数（none で消す）")
    sv.add_argument("--workaround", help="代替運用案（空文字 \"\" で消す）")
    sv.add_argument("--by", help="操作者名")


def _part_fields(args: argparse.Namespace) -> request_ops.PartFields:
    reason: str | Unset = UNSET
    if args.reason is not None:
        code = parse_reason(args.reason)
        if code is None:
            raise DomainError(f"理由区分「{args.reason}」はありません（{'、'.join(REASON_LABELS.values())}）。")
        reason = code
    drop: bool | None | Unset = UNSET
    if args.service_drop is not None:
        known, drop = parse_service_drop(args.service_drop)
        if not known or drop is None:
            raise DomainError(f"--service-drop は「低下する」か「低下しない」で指定してください（「{args.service_drop}」）。")
    cases: int | None | Unset = UNSET
    if args.cases is not None:
        try:
            cases = None if args.cases.strip().lower() == "none" else whole_number(args.cases)
        except argparse.ArgumentTypeError:
            raise DomainError(f"年間処理件数は 0 以上の整数で指定してください（「{args.cases}」）。") from None
    return request_ops.PartFields(
        content=UNSET if args.content is None else args.content, reason=reason, service_drop=drop,
        service_drop_detail=UNSET if args.detail is None else args.detail, annual_cases=cases,
        workaround=UNSET if args.workaround is None else (args.workaround.strip() or None))


def cmd_request_save(db: Database, args: argparse.Namespace) -> int:
    """Save one member's part with the editor's op; say whether anything changed."""
    fields = _part_fields(args)
    with db.session() as s, s.begin():
        item_id = request_ops.resolve_item(s, args.item)
        member_id = request_ops.resolve_member(s, args.member)
        changes = request_ops.save_item(s, item_id=item_id, parts=[request_ops.MemberPart(member_id, fields)],
                                        by=args.by)
    if not changes.any:
        print(f"要望 {changes.key} の{args.member}の要望は変わりませんでした。")
    else:
        print(f"要望 {changes.key} の{args.member}の要望を保存しました（undo で取り消せます）。")
    return 0

"""`functions` commands: import a function list as it arrives (with what was detected, and the
options that steer it), and list the functions and forms for scripts."""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..errors import DomainError, ImportIssue, ImportValidationError, summarize_issues
from ..importers.fields import FIELD_CHOICES  # the readers themselves only for the commands that read a file
from .types import lazy_module

if TYPE_CHECKING:
    from ..importers.detect import Detection, ImportOverrides
    from ..importers.tabular import Workbook
    from ..ops.function_import import FunctionImportPlan
    from ..store.db import Database

# Imported by the command that runs, not by every call (see cli/__init__.py).
if TYPE_CHECKING:  # the modules themselves, so that mypy checks every call into them
    from ..ops import business_systems as business_system_ops
    from ..ops import consortium as consortium_ops
    from ..ops import functions as function_ops
else:
    consortium_ops = lazy_module("cloudsuppress.ops.consortium")
    function_ops = lazy_module("cloudsuppress.ops.functions")
    business_system_ops = lazy_module("cloudsuppress.ops.business_systems")

EXIT_CONFIRM = 3


def add_function_commands(sub: Any, parser_class: type[argparse.ArgumentParser], whole_number: Callable[[str], int]) -> None:
    functions = sub.add_parser("functions", help="機能一覧").add_subparsers(dest="action", required=True, parser_class=parser_class)
    imp = functions.add_parser(
        "import", help="機能一覧（.xlsx / .xls / .csv）を取り込む（シート・見出し・列・除外行を自動判定。--dry-run で判定結果を表示）")
    imp.add_argument("file")
    imp.add_argument("--sheet", help="機能のシート名（既定: 見出しが最もよく分かるシート）")
    imp.add_argument("--form-sheet", help="帳票要件のシート名（既定: 自動判定。none で帳票を取り込まない）")
    imp.add_argument("--map", action="append", default=[], metavar="FIELD=COLUMN",
                     help=f"列の対応（FIELD: {', '.join(FIELD_CHOICES)}、または ignore で列を取り込まない; "
                          "COLUMN: 列記号・列番号・見出し名）")
    imp.add_argument("--header-row", help="見出し行の行番号（2行の見出しは 4-5 のように。既定: 自動判定）")
    imp.add_argument("--business-system", help="業務列のない一覧の取り込み先業務")
    imp.add_argument("--system-map", action="append", default=[], metavar="ファイルの業務名=登録済みの業務名",
                     help="ファイルの業務名を登録済みの業務に対応付ける（例: 住民記録=住民基本台帳。複数可）")
    imp.add_argument("--spec-version", help="標準仕様書の版（例: 第2.1版）")
    imp.add_argument("--cost-unit", choices=["yen", "thousand"],
                     help="カスタマイズ費用の列の単位: yen 円、thousand 千円（既定: 見出しに「千円」とあれば千円）")
    imp.add_argument("--blank-fit", choices=["unassessed", "x"],
                     help="空欄の適合度: unassessed 未評価、x ×とみなす（既定: シートに「空欄の場合は「×」とみなします」"
                          "などの注記があればそのとおり、なければ未評価）")
    imp.add_argument("--yes", action="store_true", help="既存の一覧を置き換える場合も確認せずに適用する")
    imp.add_argument("--dry-run", action="store_true",
                     help="判定結果（シート・見出し行・列・除外行・適合度の読み方）と差分を表示するだけで適用しない")
    imp.add_argument("--json", action="store_true", help="--dry-run の結果を JSON で出力する（業務ごとの件数）")
    lst = functions.add_parser("list", help="機能・帳票の一覧（欠番を含む）")
    lst.add_argument("--business-system", help="業務で絞り込む")
    lst.add_argument("--json", action="store_true")


def _pairs(items: list[str], option: str, form: str) -> dict[str, str]:
    out = {}
    for item in items:
        if "=" not in item:
            raise DomainError(f"{option} は {form} の形で指定してください: {item}")
        k, v = item.split("=", 1)
        out[k.strip()] = v.strip()
    return out


def _header_rows(text: str | None) -> tuple[int, int] | None:
    if not text:
        return None
    parts = text.replace("〜", "-").replace("~", "-").split("-")
    try:
        rows = [int(p) for p in parts if p.strip()]
    except ValueError:
        rows = []
    if not rows or len(rows) > 2 or min(rows) < 1 or (len(rows) == 2 and not 0 <= rows[1] - rows[0] <= 1):
        raise DomainError(f"--header-row は 3 または 4-5（2行の見出し）のように指定してください: {text}")
    return rows[0], rows[-1]


def overrides_from_args(book: Workbook, args: argparse.Namespace) -> ImportOverrides:
    """The CLI options as ImportOverrides; ``--map`` columns resolved against the chosen sheet's header."""
    from ..importers.detect import ImportOverrides, detect_function_list  # only the commands that read a file
    from ..importers.function_list import resolve_column_options

    header_rows = _header_rows(args.header_row)
    maps = _pairs(args.map, "--map", "FIELD=COLUMN")
    form_sheet = None if args.form_sheet is None else ("" if args.form_sheet.strip().lower() == "none" else args.form_sheet)
    sheet = args.sheet
    columns: dict[int, str | None] = {}
    if maps:
        if sheet is None:
            first = detect_function_list(book, ImportOverrides(header_rows=header_rows))
            sheet = first.functions.sheet if first.functions else book.sheet_names[0]
        if sheet not in book.tables:
            raise ImportValidationError([ImportIssue(book.file, None, None,
                                                     f"シート「{sheet}」がありません（あるシート: {'、'.join(book.sheet_names)}）。")])
        table = book.tables[sheet]
        ignored = {k: v for k, v in maps.items() if k in ("ignore", "none", "-")}
        real = {k: v for k, v in maps.items() if k not in ignored}
        resolved, issues = resolve_column_options(table, header_rows[1] if header_rows else None, real)
        if issues:
            raise ImportValidationError(issues)
        columns.update(resolved)
        for value in ignored.values():
            skip, issues = resolve_column_options(table, header_rows[1] if header_rows else None, {"code": value})
            if issues:
                raise ImportValidationError(issues)
            columns.update(dict.fromkeys(skip, None))
    return ImportOverrides(
        sheet=sheet if (args.sheet is not None or maps or header_rows) else None, form_sheet=form_sheet,
        header_rows=header_rows, columns=columns,
        system_map=_pairs(args.system_map, "--system-map", "ファイルの業務名=登録済みの業務名"),
        business_system=args.business_system, spec_version=args.spec_version,
        cost_unit={"yen": 1, "thousand": 1000}.get(args.cost_unit or ""),
        blank_fit={"unassessed": "", "x": "×"}.get(args.blank_fit or ""))


def cmd_functions(db: Database, args: argparse.Namespace, *, confirm: Callable[[str], bool]) -> int:
    if args.action == "list":
        return _cmd_list(db, args)
    from ..importers.tabular import read_workbook

    book = read_workbook(args.file)
    overrides = overrides_from_args(book, args)
    with db.session() as s, s.begin():
        consortium_ops.require_consortium(s)
        preview = function_ops.preview_function_import(s, book, overrides)
        if args.dry_run and args.json:
            print(json.dumps({"detection": preview.detection.to_json(),
                              "plan": preview.plan.to_json() if preview.plan else None,
                              "unknown_business_systems": [u.__dict__ for u in preview.unknown_systems],
                              "issues": summarize_issues(list(preview.issues))}, ensure_ascii=False, indent=2))
            s.rollback()
            return 0 if preview.plan else 1
        if args.dry_run:
            print(preview.detection.describe())
        if preview.plan is None:
            raise ImportValidationError(list(preview.issues))
        plan = preview.plan
        print(plan.describe())
        if not args.dry_run:
            left_out = _left_out(preview.detection)
            if left_out:
                print(left_out)
        if args.dry_run:
            for line in _changed_lines(plan) + plan.removal_lines(applied=False):
                print(line)
            s.rollback()
            return 0
        if plan.needs_confirmation and not args.yes and not confirm("既存の機能一覧を置き換えます。適用しますか？"):
            print("適用しませんでした。--yes を付けて実行すると適用します。", file=sys.stderr)
            s.rollback()
            return EXIT_CONFIRM
        function_ops.apply_function_import(s, plan)
    print(plan.imported_text())
    for line in plan.removal_lines(applied=True):
        print(line)
    return 0


CHANGED_SHOWN = 50  # --dry-run lists this many changed IDs per 業務 (the GUI's 取り込み内容 shows them too)


def _changed_lines(plan: FunctionImportPlan) -> list[str]:
    """「  変更 0020002 外国人住民データの管理: 大分類」: which IDs change and in which fields."""
    lines = []
    for d in plan.diffs:
        if not d.changed:
            continue
        lines.append(f"{d.business_system} の変更:")
        lines += [f"  {c.shown} {c.name}: {'・'.join(c.fields)}" for c in d.changed[:CHANGED_SHOWN]]
        if len(d.changed) > CHANGED_SHOWN:
            lines.append(f"  ほか {len(d.changed) - CHANGED_SHOWN:,} 件")
    return lines


def _left_out(detection: Detection) -> str | None:
    """「除外した行: 3 行（注記 2 行、合計行 1 行）」: the rows not imported, which --dry-run lists one by one."""
    from collections import Counter

    reasons = Counter(i.reason for d in (detection.functions, detection.forms) if d for i in d.ignored)
    if not reasons:
        return None
    return (f"除外した行: {sum(reasons.values()):,} 行（{'、'.join(f'{r} {n:,} 行' for r, n in reasons.most_common())}）。"
            "どの行かは --dry-run で表示します。")


def _cmd_list(db: Database, args: argparse.Namespace) -> int:
    with db.session() as s:
        system_id = None
        if args.business_system:
            system_id = business_system_ops.match_business_system(s, args.business_system)
            if system_id is None:
                raise DomainError(f"業務「{args.business_system}」が登録されていません。")
        rows = function_ops.list_function_rows(s, business_system_id=system_id)
    if args.json:
        print(json.dumps([{
            "code": r.code, "name": r.name, "business_system": r.business_system, "fit": r.fit,
            "fit_alternative": r.fit_alternative, "kind": r.kind, "retired": r.retired,
            "requirement_class": r.requirement_class, "level1": r.level1, "level2": r.level2, "level3": r.level3,
            "vendor_cost": r.vendor_cost, "vendor_cost_note": r.vendor_cost_note,
        } for r in rows], ensure_ascii=False, indent=2))
        return 0
    for r in rows:
        mark = (r.fit or "-") + ("(代替)" if r.fit_alternative else "")
        kind = "帳票" if r.kind == "form" else "機能"
        print(f"{r.business_system}\t{kind}\t{r.code}\t{mark}\t{r.name}{'（欠番）' if r.retired and r.name != '（削除）' else ''}")
    return 0



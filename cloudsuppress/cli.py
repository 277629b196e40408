"""`cloudsuppress`: thin argument parsing over the same operations the GUI uses.

Each command runs in one transaction: after a failed command the database is as before.
Errors go to stderr in Japanese with a non-zero exit status (1 refused / invalid input,
2 usage, 3 confirmation needed).
"""
from __future__ import annotations

import argparse
import json
import sys

from .db import open_database
from .errors import DomainError
from .importers.function_list import FIELDS, mapping_from_options, parse_function_list
from .importers.members import read_member_list
from .importers.tabular import read_table
from .ops import consortium as consortium_ops
from .ops import functions as function_ops
from .ops import members as member_ops
from .ops.summary import build_summary, format_rate
from .presets import PRESETS

EXIT_REFUSED = 1
EXIT_CONFIRM = 3


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's own messages, with our exit code
        self.print_usage(sys.stderr)
        print(f"{self.prog}: 引数の誤り: {message}", file=sys.stderr)
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="cloudsuppress", description="カスタマイズ抑制 事務局ツール（コマンドライン）")
    p.add_argument("--db", required=True, help="データベース（SQLite ファイルのパス、または SQLAlchemy URL）")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    init = sub.add_parser("init", help="協議会を作成する")
    init.add_argument("--name", required=True, help="協議会の名称")
    init.add_argument("--preset", default="ibaraki33", choices=sorted(PRESETS), help="専門部会・業務のプリセット")
    init.add_argument("--demo", action="store_true", help="デモデータ（団体・機能一覧）も作成する")

    members = sub.add_parser("members", help="構成団体").add_subparsers(dest="action", required=True, parser_class=_Parser)
    m_imp = members.add_parser("import", help="団体一覧（団体名, 人口, 参加日）を取り込む")
    m_imp.add_argument("file")
    m_imp.add_argument("--sheet")
    members.add_parser("list", help="団体の一覧").add_argument("--json", action="store_true")

    functions = sub.add_parser("functions", help="機能一覧").add_subparsers(dest="action", required=True, parser_class=_Parser)
    f_imp = functions.add_parser("import", help="機能一覧（.xlsx / .xls / .csv）を取り込む")
    f_imp.add_argument("file")
    f_imp.add_argument("--sheet", help="シート名（既定: 先頭のシート）")
    f_imp.add_argument("--map", action="append", default=[], metavar="FIELD=COLUMN",
                       help=f"列の対応（FIELD: {', '.join(FIELDS)}; COLUMN: 列記号・列番号・見出し名）")
    f_imp.add_argument("--header-row", type=int, help="見出し行の行番号（既定: 自動判定）")
    f_imp.add_argument("--business-system", help="業務列のない一覧の取り込み先業務")
    f_imp.add_argument("--spec-version", help="標準仕様書の版（例: 第2.1版）")
    f_imp.add_argument("--yes", action="store_true", help="既存の一覧を置き換える場合も確認せずに適用する")
    f_imp.add_argument("--dry-run", action="store_true", help="差分を表示するだけで適用しない")

    summ = sub.add_parser("summary", help="概要（機能数・適合度・ギャップ率）")
    summ.add_argument("--json", action="store_true")
    return p


def _parse_maps(items: list[str]) -> dict[str, str]:
    out = {}
    for item in items:
        if "=" not in item:
            raise DomainError(f"--map は FIELD=COLUMN の形で指定してください: {item}")
        k, v = item.split("=", 1)
        out[k.strip()] = v.strip()
    return out


def _confirm(prompt: str) -> bool:
    if not sys.stdin or not sys.stdin.isatty():
        return False
    try:
        return input(prompt + " [y/N]: ").strip().lower() in ("y", "yes", "はい")
    except EOFError:
        return False


def _cmd_functions_import(db, args) -> int:
    table = read_table(args.file, sheet=args.sheet)
    mapping = mapping_from_options(table, args.header_row, _parse_maps(args.map))
    parsed = parse_function_list(table, mapping)
    with db.session() as s, s.begin():
        consortium_ops.require_consortium(s)
        plan = function_ops.plan_function_import(
            s, parsed, business_system=args.business_system, spec_version=args.spec_version
        )
        print(plan.describe())
        if args.dry_run:
            s.rollback()
            return 0
        if plan.needs_confirmation and not args.yes and not _confirm("既存の機能一覧を置き換えます。適用しますか？"):
            print("適用しませんでした。--yes を付けて実行すると適用します。", file=sys.stderr)
            s.rollback()
            return EXIT_CONFIRM
        function_ops.apply_function_import(s, plan)
    print(f"{plan.total_records} 件の機能を取り込みました。")
    return 0


def _cmd_summary(db, args) -> int:
    with db.session() as s:
        summary = build_summary(s)
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
        return 0
    f = summary["functions"]
    print(f"協議会: {summary['consortium'] or '（未作成）'}")
    print(f"構成団体: {len(summary['members'])} 団体（人口 {summary['population_total']:,} 人）")
    print(f"機能数: {f['total']:,}（○ {f['by_fit']['○']:,} / △ {f['by_fit']['△']:,} / × {f['by_fit']['×']:,} / 未評価 {f['unassessed']:,}）")
    print(f"ギャップ率（△＋×／評価済み）: {format_rate(f['gap_rate'])}")
    for sc in summary["subcommittees"]:
        print(f"  {sc['name']}: {sc['total']:,} 機能、ギャップ率 {format_rate(sc['gap_rate'])}")
    return 0


def run(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    db = open_database(args.db, create=args.command == "init")
    try:
        if args.command == "init":
            with db.session() as s, s.begin():
                if args.demo:
                    from .demo import create_demo

                    create_demo(s, name=args.name)
                else:
                    consortium_ops.create_consortium(s, name=args.name, preset=args.preset)
            print(f"協議会「{args.name}」を作成しました: {db.url}")
            return 0
        if args.command == "members":
            if args.action == "import":
                records = read_member_list(args.file, sheet=args.sheet)
                with db.session() as s, s.begin():
                    consortium_ops.require_consortium(s)
                    added, updated, _ = member_ops.import_members(s, records)
                print(f"団体を {added} 件追加、{updated} 件更新しました。")
                return 0
            with db.session() as s:
                rows = member_ops.list_members(s)
            if args.json:
                print(json.dumps([{"name": r.name, "population": r.population,
                                   "joined_on": r.joined_on.isoformat() if r.joined_on else None} for r in rows],
                                 ensure_ascii=False, indent=2))
            else:
                for r in rows:
                    print(f"{r.name}\t{r.population}\t{r.joined_on or ''}")
            return 0
        if args.command == "functions":
            return _cmd_functions_import(db, args)
        if args.command == "summary":
            return _cmd_summary(db, args)
    finally:
        db.close()
    return 2


def main(argv: list[str] | None = None) -> int:
    """Console entry point: domain errors become a message on stderr and exit status 1."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    try:
        return run(argv)
    except DomainError as exc:
        print(f"エラー: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        print("中断しました。データベースは変更していません。", file=sys.stderr)
        return 130
    except OSError as exc:
        print(f"エラー: ファイルを扱えません: {exc}", file=sys.stderr)
        return EXIT_REFUSED


if __name__ == "__main__":
    raise SystemExit(main())

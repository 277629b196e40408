"""Generate a synthetic consortium at scale: 34 members, 30,000 functions over the preset systems.

    python benchmarks/generate.py [--functions 30000] [--members 34] [--out benchmarks/out]

Writes ``functions-N.xlsx`` (the layout real lists use, title row above the header),
``members-M.csv`` and ``bench.sqlite`` (the consortium with both imported).
"""
from __future__ import annotations

import argparse
import csv
from pathlib import Path

from cloudsuppress.demo import generate_function_records, synthetic_members
from cloudsuppress.importers.function_list import guess_mapping, parse_function_list
from cloudsuppress.importers.tabular import read_table
from cloudsuppress.ops import consortium as consortium_ops
from cloudsuppress.ops import functions as function_ops
from cloudsuppress.ops import members as member_ops
from cloudsuppress.presets import PRESETS
from cloudsuppress.reports.function_list_xlsx import write_function_list_xlsx
from cloudsuppress.store.db import open_database

OUT = Path(__file__).resolve().parent / "out"


def preset_systems() -> list[tuple[str, str]]:
    return [(p.name, p.subcommittee) for p in PRESETS["ibaraki33"][1]]


def generate(out: Path = OUT, *, functions: int = 30_000, members: int = 34) -> dict[str, Path]:
    """Write the inputs and the database; return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    xlsx = out / f"functions-{functions}.xlsx"
    if not xlsx.exists():
        records = generate_function_records(preset_systems(), functions, gaps=functions // 800,
                                            convenience=functions // 25)
        write_function_list_xlsx(xlsx, records, title=f"パッケージ機能一覧（合成データ {functions:,} 機能）")
    member_csv = out / f"members-{members}.csv"
    with open(member_csv, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["団体名", "人口", "参加日"])
        for name, pop, joined in synthetic_members(members):
            w.writerow([name, pop, joined.isoformat()])
    db_path = out / "bench.sqlite"
    for p in out.glob("bench.sqlite*"):
        p.unlink()
    db = open_database(db_path)
    try:
        with db.session() as s, s.begin():
            consortium_ops.create_consortium(s, name="ベンチマーク協議会（合成データ）", preset="ibaraki33")
            for name, pop, joined in synthetic_members(members):
                member_ops.add_member(s, name=name, population=pop, joined_on=joined)
        table = read_table(xlsx)
        parsed = parse_function_list(table, guess_mapping(table))
        with db.session() as s, s.begin():
            function_ops.apply_function_import(s, function_ops.plan_function_import(s, parsed, spec_version="合成"))
    finally:
        db.close()
    return {"xlsx": xlsx, "members": member_csv, "db": db_path}


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--functions", type=int, default=30_000)
    ap.add_argument("--members", type=int, default=34)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    for kind, path in generate(args.out, functions=args.functions, members=args.members).items():
        print(f"{kind}: {path}")

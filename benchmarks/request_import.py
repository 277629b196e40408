"""The request import against its floor and against LibreOffice, on the same workbooks.

    .venv/bin/python benchmarks/request_import.py [--items 5000] [--members 34] [--rounds 3]

Writes ``members`` filled request workbooks (sheet 要望, a title row above the header, as the
exported template has): ``items`` request items over the 30,000-function benchmark consortium,
each asked by 1 to 17 members (about 45,000 rows), sharing their 要望番号 across the workbooks
so that the import merges them, 見積額 on the first member's row. Then, A/B interleaved:

- in-process, warm: the import (read every workbook, validate, plan, write, commit) on a fresh
  copy of the database, against its floor: calamine reading the same workbooks plus a bare
  sqlite3 ``executemany`` of the same item and member rows (prepared beforehand) and a commit;
- whole processes: ``cloudsuppress requests import`` of the workbooks against ``soffice
  --headless --convert-to csv`` of the same workbooks (one process for all of them).

Both import sides are checked to have written the same rows (items, members per item).
Targets (issue 18): within 3x of the floor, and faster than LibreOffice.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.timing import FLOORS, LO_CSV, interleaved, load, ratio_line, run_process  # noqa: E402

OUT = Path(__file__).resolve().parent / "out"
_ASKS = ("証明書の交付時に受付番号を帳票に印字してほしい。", "転入届の入力画面に在留カードの番号と期間を入力する欄を追加してほしい。",
         "納税通知書に市独自の減免案内を同封する区分を設けてほしい。", "高額療養費の支給対象者に申請勧奨通知を自動で作成してほしい。",
         "現況届の提出状況を学校区別に一覧で出力してほしい。", "窓口での確認に時間がかかるため、照会画面に履歴を表示してほしい。")
_REASONS = ("住民サービス水準の維持", "自治体独自施策", "事務効率・処理件数", "法令・制度対応", "その他")
HEADER = ["要望番号", "団体名", "業務", "機能ID", "要望名", "要望内容", "理由区分", "住民サービス低下", "低下の内容",
          "年間処理件数", "代替運用案", "見積額"]


def base_database(functions: int, members: int) -> Path:
    """The benchmark consortium (``generate.py``), made once per size and reused."""
    out = OUT / f"requests-{functions}-{members}"
    db = out / "bench.sqlite"
    if not db.exists():
        from benchmarks.generate import generate

        generate(out, functions=functions, members=members)
    return db


def write_workbooks(db: Path, out: Path, *, items: int, seed: int = 18) -> list[Path]:
    """One filled request workbook per member; returns their paths (written once per size)."""
    import xlsxwriter

    con = sqlite3.connect(db)
    members = [r[0] for r in con.execute("SELECT name FROM member ORDER BY id")]
    funcs = con.execute("SELECT f.code, f.name, b.name FROM function f JOIN business_system b "
                        "ON b.id = f.business_system_id ORDER BY f.id").fetchall()
    con.close()
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / f"要望票_{m}.xlsx" for m in members]
    if all(p.exists() for p in paths):
        return paths
    rng = random.Random(seed)
    rows: dict[str, list[list]] = {m: [] for m in members}
    for n, (code, name, system) in enumerate(rng.sample(funcs, items)):
        asking = rng.sample(members, rng.randint(1, 17))
        estimate = rng.choice((None, 120_000, 880_000, 1_500_000, 6_600_000))
        for k, m in enumerate(asking):
            drop = rng.random() < 0.3
            rows[m].append([f"R-{n + 1:04d}", m, system, code, f"{name}の改修", "".join(rng.sample(_ASKS, 2)),
                            rng.choice(_REASONS), "低下する" if drop else "低下しない",
                            "窓口での待ち時間が延びる。" if drop else "他の手段で同じ案内ができる。",
                            rng.choice((12, 85, 640, 1200, None)), None if rng.random() < 0.6 else "当面は手作業で対応する。",
                            estimate if k == 0 else None])
    for m, path in zip(members, paths, strict=True):
        wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
        ws = wb.add_worksheet("要望")
        ws.write_row(0, 0, [f"カスタマイズ要望票（{m}）"])
        ws.write_row(1, 0, HEADER)
        for r, row in enumerate(rows[m], start=2):
            for c, v in enumerate(row):
                if v is not None:
                    ws.write(r, c, v)
        wb.close()
    return paths


def imported_rows(db: Path) -> tuple[int, list[tuple]]:
    """What an import wrote: the item count, and (key, member names) per item, sorted."""
    con = sqlite3.connect(db)
    try:
        items = con.execute("SELECT count(*) FROM request_item").fetchone()[0]
        parts = con.execute("SELECT i.key, group_concat(m.name, ',') FROM member_request r JOIN request_item i "
                            "ON i.id = r.item_id JOIN member m ON m.id = r.member_id GROUP BY i.key ORDER BY i.key"
                            ).fetchall()
    finally:
        con.close()
    return items, [(k, tuple(sorted(names.split(",")))) for k, names in parts]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--items", type=int, default=5000)
    ap.add_argument("--members", type=int, default=34)
    ap.add_argument("--functions", type=int, default=30_000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--no-libreoffice", action="store_true")
    args = ap.parse_args()

    from python_calamine import CalamineWorkbook

    from cloudsuppress.importers.requests import read_request_files
    from cloudsuppress.ops import request_import
    from cloudsuppress.store.db import open_database

    base = base_database(args.functions, args.members)
    books = write_workbooks(base, OUT / f"requests-{args.functions}-{args.members}" / f"books-{args.items}",
                            items=args.items)
    work = Path(tempfile.mkdtemp(prefix="cs-req-"))
    target = work / "import.sqlite"

    def fresh(_name: str = "") -> None:
        for p in work.glob("import.sqlite*"):
            p.unlink()
        shutil.rmtree(work / "backups", ignore_errors=True)
        shutil.copy(base, target)

    # The floor's rows, prepared outside the timing: the same items and member rows the import writes.
    records = read_request_files(books)
    fresh()
    con = sqlite3.connect(target)
    member_ids = dict(con.execute("SELECT name, id FROM member"))
    fids = {(c, s): i for i, c, s in con.execute(
        "SELECT f.id, f.code, b.name FROM function f JOIN business_system b ON b.id = f.business_system_id")}
    con.close()
    now = dt.datetime.now().replace(microsecond=0).isoformat(sep=" ")
    item_rows, part_rows, seen = [], [], {}
    for r in records:
        if r.key not in seen:
            seen[r.key] = len(seen) + 1
            item_rows.append((seen[r.key], r.key, fids[(r.function_code, r.business_system)], r.title, "requested",
                              r.estimate, now, now))
        part_rows.append((seen[r.key], member_ids[r.member], r.content, r.reason, r.service_drop,
                          r.service_drop_detail, r.annual_cases, r.workaround, False, now, now))
    print(f"{len(books)} workbooks, {len(records):,} rows, {len(item_rows):,} items; {load()}")

    def ours() -> None:
        db = open_database(target)
        try:
            recs = read_request_files(books)
            with db.session() as s, s.begin():
                request_import.apply_request_import(s, request_import.plan_request_import(s, recs))
        finally:
            db.close()

    def floor() -> None:
        for p in books:
            wb = CalamineWorkbook.from_path(str(p))
            wb.get_sheet_by_name("要望").to_python()
            wb.close()
        con = sqlite3.connect(target)
        con.executemany("INSERT INTO request_item (id, key, function_id, title, status, estimate, created_at, "
                        "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", item_rows)
        con.executemany("INSERT INTO member_request (item_id, member_id, content, reason, service_drop, "
                        "service_drop_detail, annual_cases, workaround, withdrawn, created_at, updated_at) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", part_rows)
        con.commit()
        con.close()

    results = {}

    def check(name: str) -> None:
        results[name] = imported_rows(target)

    sides = {"ours": ours, "floor": floor}
    samples = interleaved(sides, args.rounds, before=fresh)
    fresh()
    ours()
    check("ours")
    fresh()
    floor()
    check("floor")
    same = results["ours"] == results["floor"]
    print(f"same rows written (items, members per item): {same} ({results['ours'][0]:,} items)")
    print(ratio_line("request import in-process (read+validate+plan+write+commit)", samples["ours"], samples["floor"],
                     "floor: calamine read + bare sqlite3 insert + commit"))
    print(ratio_line("  (CPU)", samples["ours"], samples["floor"], "floor CPU", what="cpu"))

    if not args.no_libreoffice and shutil.which("soffice"):
        profile = work / "lo-profile"
        csv_out = work / "csv"
        lo = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", LO_CSV,
              "--outdir", str(csv_out), *map(str, books)]
        run_process(lo, timeout=900)  # the first run creates the profile: not timed
        cli = [sys.executable, "-m", "cloudsuppress.cli", "--db", str(target), "requests", "import",
               *map(str, books)]
        floor_db = work / "floor.sqlite"
        floor = [sys.executable, str(FLOORS), "import", str(floor_db), *map(str, books)]

        def before(name: str) -> None:
            if name == "cli":
                fresh()
            elif name == "floor":
                floor_db.unlink(missing_ok=True)

        whole = interleaved({"cli": lambda: run_process(cli, timeout=900),
                             "lo": lambda: run_process(lo, timeout=900),
                             "floor": lambda: run_process(floor, timeout=900)}, args.rounds, before=before)
        converted = sorted(csv_out.glob("*.csv"))
        lo_rows = sum(max(0, len(p.read_text(encoding="utf-8", errors="replace").splitlines()) - 2)
                      for p in converted)
        print(f"LibreOffice wrote {len(converted)} CSV files, {lo_rows:,} rows (the import read {len(records):,})")
        print(ratio_line("`cloudsuppress requests import` whole process", whole["cli"], whole["lo"],
                         "`soffice --headless --convert-to csv` of the same workbooks, whole process"))
        print(ratio_line("  (CPU)", whole["cli"], whole["lo"], "LibreOffice CPU", what="cpu"))
        print(ratio_line("  the fixed stack's floor process (Python, SQLAlchemy's ORM imported, calamine's rows of the "
                         "34 workbooks, a bare executemany each, commit; benchmarks/floors.py)", whole["floor"],
                         whole["lo"], "LibreOffice's whole process"))
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

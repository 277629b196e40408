"""A script of 115 typical CLI calls (one consortium's year, shortened), this revision against an
earlier one, A/B interleaved.

    .venv/bin/python benchmarks/cli_script.py [--compare 8c7add4] [--rounds 3] [--summary-rounds 15]

Each side is a checkout (``git archive`` of ``--compare`` into a temporary folder; this working
tree for the other) run as whole processes with ``python -m cloudsuppress.cli`` from the
checkout's folder, each with its own new database: init, members and a 3,000-function list
imported, 40 request items from three workbooks, moves, approvals, meetings, attendees, lists,
summaries, histories, undo/redo and two comparison PDFs. Printed: the script's wall time and
CPU (all its processes) per side, and the CPU of one ``summary`` call on the 3,000-function
database beside a bare ``python -c pass``; the load average beside each. A third side, the
script's floor under the fixed stack (``floor_argv``), says how much room a 3x target leaves.
"""
from __future__ import annotations

import argparse
import csv
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import generate  # noqa: E402
from benchmarks.timing import Sample, checkout, interleaved, precompile, ratio_line, run_process, timed  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = Path(__file__).resolve().parent / "out"
HEADER = ["要望番号", "団体名", "機能ID", "要望名", "要望内容", "理由区分", "住民サービス低下", "低下の内容",
          "年間処理件数", "代替運用案", "見積額", "業務"]


def inputs(work: Path) -> dict:
    """The 3,000-function list, the members and three request workbooks (CSV), made once."""
    paths = generate(OUT / "cli-3000", functions=3000, members=34) if not (OUT / "cli-3000" / "bench.sqlite").exists() \
        else {"xlsx": OUT / "cli-3000" / "functions-3000.xlsx", "members": OUT / "cli-3000" / "members-34.csv",
              "db": OUT / "cli-3000" / "bench.sqlite"}
    con = sqlite3.connect(paths["db"])
    members = [r[0] for r in con.execute("SELECT name FROM member ORDER BY id")]
    funcs = con.execute("SELECT f.code, b.name FROM function f JOIN business_system b ON b.id = f.business_system_id "
                        "ORDER BY f.id LIMIT 40").fetchall()
    con.close()
    books = []
    for b in range(3):
        path = work / f"要望票_{b}.csv"
        with open(path, "w", encoding="utf-8-sig", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(HEADER)
            for n, (code, system) in enumerate(funcs):
                if n % 3 == b or n % 5 == b:
                    w.writerow([f"R-{n + 1:04d}", members[(n + b) % len(members)], code, "", "様式を追加してほしい。",
                                "住民サービス水準の維持", "低下しない", "窓口で対応できる。", 120, "", 880000, system])
        books.append(path)
    return {**paths, "books": books, "members_list": members}


def script(data: dict, db: Path, out: Path) -> list[list[str]]:
    """The 115 calls (arguments after --db)."""
    m = data["members_list"]
    calls: list[list[str]] = [
        ["init", "--name", "ベンチマーク協議会"],
        ["members", "import", str(data["members"])],
        ["functions", "import", str(data["xlsx"]), "--yes"],
        ["summary"],
        ["requests", "import", *map(str, data["books"])],
    ]
    reads = [["summary"], ["requests", "list"], ["requests", "list", "--json"], ["members", "list"],
             ["structure", "list"], ["meetings", "list"], ["requests", "history", "R-0001"]]
    for n in range(1, 21):
        calls.append(["requests", "move", f"R-{n:04d}", "--to", "under_review", "--reason", "部会で協議"])
        calls.append(reads[n % len(reads)])
    for n in range(1, 11):
        asking = m[(n - 1 + (n - 1) % 3) % len(m)]  # the member of the first workbook that has the row
        calls.append(["requests", "approve", f"R-{n:04d}", "--member", asking, "--stage", "finance",
                      "--date", "2026-06-01"])
        calls.append(reads[(n + 3) % len(reads)])
    for k in range(1, 6):
        calls.append(["meetings", "create", "--kind", "協議会", "--title", "協議会", "--date", f"2026-0{k + 4}-10"])
        calls.append(["meetings", "attend", str(k), "--member", m[k], "--person", "山田太郎"])
        calls.append(["meetings", "attend", str(k), "--secretariat", "--person", "事務局 佐藤"])
        calls.append(["meetings", "show", str(k)])
        calls.append(reads[k % len(reads)])
    for _ in range(2):
        calls += [["undo"], ["redo"]]
    for k in range(2):
        calls.append(["export", "comparison", "--out", str(out / f"比較{k}.pdf")])
    while len(calls) < 115:
        calls.append(reads[len(calls) % len(reads)])
    return calls


# The calls this tree answers with plain sqlite3 (cli._plain_read): their floor is a bare interpreter.
PLAIN_READS = (["summary"], ["members", "list"], ["structure", "list"], ["requests", "list"], ["requests", "list", "--json"])


def floor_argv(argv: list[str]) -> list[str]:
    """A call's floor process under the fixed stack: a bare interpreter for a read this tree answers
    without SQLAlchemy, an interpreter that imports SQLAlchemy (its Core, the least a command that
    writes through it loads) for every other call; no models, no work."""
    return [sys.executable, "-c", "pass" if argv in PLAIN_READS else "import sqlalchemy"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--compare", default="8c7add4", help="the earlier revision (default: before issue 18)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--summary-rounds", type=int, default=15)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="cs-cli-"))
    try:
        data = inputs(work)
        trees = {"this": precompile(ROOT), args.compare: checkout(args.compare, work)}
        calls = None

        def run_script(name: str) -> None:
            side = work / f"run-{name}"
            shutil.rmtree(side, ignore_errors=True)
            side.mkdir()
            db = side / "c.sqlite"
            for argv in script(data, db, side):
                proc = subprocess.run([sys.executable, "-m", "cloudsuppress.cli", "--db", str(db), *argv],
                                      cwd=trees[name], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
                if proc.returncode != 0:
                    raise SystemExit(f"{name}: {' '.join(argv)} failed ({proc.returncode}): {proc.stderr.strip()}")

        calls = script(data, work / "x.sqlite", work)
        print(f"{len(calls)} calls per script; this tree vs {args.compare}")

        def run_floor() -> None:
            for argv in calls:
                subprocess.run(floor_argv(argv), check=True)

        samples = interleaved({"this": lambda: run_script("this"), args.compare: lambda: run_script(args.compare),
                               "floor": run_floor}, args.rounds)
        print(ratio_line(f"script of {len(calls)} CLI calls, this tree", samples["this"], samples[args.compare],
                         f"the same script at {args.compare}"))
        print(ratio_line("  (CPU of all its processes)", samples["this"], samples[args.compare], f"{args.compare} CPU",
                         what="cpu"))
        floor, base = samples["floor"].median("cpu"), samples[args.compare].median("cpu")
        writes = sum(1 for argv in calls if argv not in PLAIN_READS)
        print(f"  floor of the script under the fixed stack ({writes} calls importing SQLAlchemy and nothing else, "
              f"{len(calls) - writes} bare interpreters): {samples['floor'].text('cpu')} CPU; a 3x target leaves "
              f"{base / 3:.2f} s of CPU for the script, {base / 3 / floor:.1f}x its floor "
              f"(this tree: {samples['this'].median('cpu') / floor:.1f}x its floor)")

        # summary on each side's own database from its script (3,000 functions, 40 items; the
        # earlier revision may not open a database the newer one wrote)
        one = {name: Sample() for name in (*trees, "bare")}
        for _ in range(args.summary_rounds):
            for name, tree in trees.items():
                db = work / f"run-{name}" / "c.sqlite"
                timed(lambda db=db, tree=tree: run_process(
                    [sys.executable, "-m", "cloudsuppress.cli", "--db", str(db), "summary"], cwd=tree), one[name])
            timed(lambda: run_process([sys.executable, "-c", "pass"]), one["bare"])
        print(ratio_line("`summary`, 3,000 functions, CPU of the process, this tree", one["this"], one[args.compare],
                         f"at {args.compare}", what="cpu"))
        print(ratio_line("  this tree against a bare `python -c pass`", one["bare"], one["this"],
                         "`summary`", what="cpu").replace("faster", "of the summary's CPU is the bare interpreter"))
        print(f"  target: summary <= 0.35 s CPU: {'met' if one['this'].median('cpu') <= 0.35 else 'NOT met'} "
              f"(median {one['this'].median('cpu'):.3f} s)")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

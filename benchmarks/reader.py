"""The readers alone, this tree against an earlier revision, A/B interleaved, with calamine as the floor.

    .venv/bin/python benchmarks/reader.py [--compare 8fdae36] [--rounds 5]

Each run is a fresh process (``python -c`` from the side's tree) that imports the reader, then
times only the read, in-process (CPU by ``time.process_time``), and reports the peak memory the
read added (``tracemalloc``, a second read): the request reader (``read_request_files``) on the 34
workbooks of ``request_import.py`` (5,000 items, 44,901 rows), and the function-list reader
(``read_table`` + ``guess_mapping`` + ``parse_function_list``) on the 30,000-row xlsx of
``generate.py``. The floor is calamine reading the same sheets into Python lists. Both sides
are checked to return the same records.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.timing import checkout, precompile  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = Path(__file__).resolve().parent / "out"

CHILD = r'''
import hashlib, json, sys, time, tracemalloc
from pathlib import Path
what, paths = sys.argv[1], [Path(p) for p in sys.argv[2:]]
if what == "floor":
    from python_calamine import CalamineWorkbook
    def read():
        out = []
        for p in paths:
            wb = CalamineWorkbook.from_path(str(p))
            out.append(wb.get_sheet_by_index(0).to_python(skip_empty_area=False) if p.name.startswith("functions")
                       else wb.get_sheet_by_name("要望").to_python(skip_empty_area=False))
            wb.close()
        return out
    digest = lambda out: ""
elif what == "requests":
    from cloudsuppress.importers.requests import read_request_files
    read = lambda: read_request_files(paths)
    digest = lambda recs: hashlib.sha1(repr([(r.row, r.key, r.member, r.function_code, r.title, r.content, r.reason,
        r.service_drop, r.service_drop_detail, r.annual_cases, r.workaround, r.estimate) for r in recs]).encode()).hexdigest()
else:
    from cloudsuppress.importers.tabular import read_table
    from cloudsuppress.importers.function_list import guess_mapping, parse_function_list
    def read():
        table = read_table(paths[0])
        return parse_function_list(table, guess_mapping(table)).records
    digest = lambda recs: hashlib.sha1(repr([tuple(r) for r in recs]).encode()).hexdigest()
t0 = time.process_time()
out = read()
cpu = time.process_time() - t0
d = digest(out)
del out
tracemalloc.start()
out = read()
peak = tracemalloc.get_traced_memory()[1]
print(json.dumps({"cpu": cpu, "peak": peak, "digest": d}))
'''


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--compare", default="8fdae36", help="the earlier revision (default: main before this reader work)")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--only", choices=("requests", "functions"))
    args = ap.parse_args()
    books = sorted((OUT / "requests-30000-34" / "books-5000").glob("*.xlsx"))
    xlsx = OUT / "requests-30000-34" / "functions-30000.xlsx"
    if not books or not xlsx.exists():
        raise SystemExit("run benchmarks/request_import.py once first (it writes the workbooks)")
    work = Path(tempfile.mkdtemp(prefix="cs-reader-"))
    try:
        trees = {"this": precompile(ROOT), args.compare: checkout(args.compare, work)}
        for what, paths in (("requests", books), ("functions", [xlsx])):
            if args.only and what != args.only:
                continue
            runs: dict[str, list[dict]] = {name: [] for name in (*trees, "floor")}
            for _ in range(args.rounds):
                for name in runs:
                    tree = trees.get(name, ROOT)
                    proc = subprocess.run([sys.executable, "-c", CHILD, "floor" if name == "floor" else what,
                                           *map(str, paths)], cwd=tree, capture_output=True, text=True, check=True)
                    runs[name].append({**json.loads(proc.stdout), "load": os.getloadavg()[0]})
            digests = {name: {r["digest"] for r in rs} for name, rs in runs.items() if name != "floor"}
            rows = 44_901 if what == "requests" else 30_000
            print(f"{what} reader ({len(paths)} file(s), {rows:,} rows), {args.rounds} interleaved rounds, "
                  f"load {min(r['load'] for rs in runs.values() for r in rs):.1f}-"
                  f"{max(r['load'] for rs in runs.values() for r in rs):.1f} on {os.cpu_count()} cores; "
                  f"same records both sides: {len({d for ds in digests.values() for d in ds}) == 1}")
            med = {name: statistics.median(r["cpu"] for r in rs) for name, rs in runs.items()}
            peak = {name: statistics.median(r["peak"] for r in rs) / 2 ** 20 for name, rs in runs.items()}
            for name in runs:
                print(f"  {name:>10}: CPU {med[name]:.3f} s (min {min(r['cpu'] for r in runs[name]):.3f}), "
                      f"{med[name] / med['floor']:.1f}x the calamine floor; peak traced memory {peak[name]:.1f} MiB "
                      f"({peak[name] / rows * 1000:.2f} MiB per 1,000 rows)")
            print(f"  this tree against {args.compare}: {med[args.compare] / med['this']:.2f}x less CPU")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

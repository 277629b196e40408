"""The 4つの方策 dashboard with 5,000 request items x 34 members, against a bare read of its rows.

    .venv/bin/python benchmarks/dashboard.py [--rounds 5]

The database: the 30,000-function benchmark consortium with the 5,000-item request workbooks of
``request_import.py`` imported (44,901 member rows, 3,943 items with an estimate), made once.
A/B interleaved, in-process, each side in a fresh session:

- ``measures_dashboard``: everything the tab shows, read cold (the first showing, or after a change
  to requests, members or costs);
- the same with the members' cost figures kept (``cost_facts``): what MeasuresPanel reads again
  after a change to anything else it shows (fit marks, meetings, briefings);
- the baseline: bare sqlite3 reading the rows the dashboard reads (items, member rows, approvals,
  agenda and attendees, function fit counts) and nothing else.

Target (issue 18): the dashboard with 5,000 items <= 0.5 s.
"""
from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.request_import import OUT, base_database, write_workbooks  # noqa: E402
from benchmarks.timing import interleaved, load, ratio_line  # noqa: E402

_ROWS = ("SELECT id, key, status, estimate FROM request_item",
         "SELECT item_id, member_id, service_drop, service_drop_detail, withdrawn FROM member_request",
         "SELECT member_request_id, stage FROM approval",
         "SELECT meeting_id, item_id FROM agenda_entry",
         "SELECT meeting_id, role, member_id FROM meeting_attendee",
         "SELECT business_system_id, fit, count(*) FROM function GROUP BY business_system_id, fit",
         "SELECT id, name, population FROM member")


def dashboard_database(items: int = 5000, members: int = 34, functions: int = 30_000) -> Path:
    """The benchmark consortium with ``items`` request items imported (made once, then reused)."""
    out = OUT / f"requests-{functions}-{members}"
    target = out / f"dashboard-{items}.sqlite"
    if target.exists():
        return target
    from cloudsuppress.importers.requests import read_request_files
    from cloudsuppress.ops import request_import
    from cloudsuppress.store.db import open_database

    base = base_database(functions, members)
    books = write_workbooks(base, out / f"books-{items}", items=items)
    shutil.copy(base, target)
    db = open_database(target)
    try:
        records = read_request_files(books)
        with db.session() as s, s.begin():
            request_import.apply_request_import(s, request_import.plan_request_import(s, records))
    finally:
        db.close()
    return target


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--items", type=int, default=5000)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    path = dashboard_database(args.items)

    from cloudsuppress.ops.costs import member_cost_facts
    from cloudsuppress.ops.measures import measures_dashboard
    from cloudsuppress.store.db import open_database

    db = open_database(path)
    try:
        with db.session() as s:
            facts = member_cost_facts(s)
            whole = measures_dashboard(s)
            assert measures_dashboard(s, cost_facts=facts) == whole  # the kept figures are the same figures
        estimated = sum(1 for m in whole.members if m.prospective_total or m.cost_total)
        print(f"{args.items:,} items, {len(whole.members)} members ({estimated} bearing a share); {load()}")

        def cold() -> None:
            with db.session() as s:
                measures_dashboard(s)

        def kept() -> None:
            with db.session() as s:
                measures_dashboard(s, cost_facts=facts)

        def bare() -> None:
            con = sqlite3.connect(path)
            for sql in _ROWS:
                con.execute(sql).fetchall()
            con.close()

        samples = interleaved({"cold": cold, "kept": kept, "bare": bare}, args.rounds)
    finally:
        db.close()
    base = "bare sqlite3 read of the rows it reads"
    print(ratio_line("dashboard, read cold", samples["cold"], samples["bare"], base, what="cpu") + " (CPU)")
    print(ratio_line("dashboard, members' cost figures kept", samples["kept"], samples["bare"], base, what="cpu")
          + " (CPU)")
    print(ratio_line("dashboard, read cold (wall)", samples["cold"], samples["bare"], base))
    ok = samples["cold"].median("cpu") <= 0.5
    print(f"target <= 0.5 s: {'met' if ok else 'NOT met'} (CPU median {samples['cold'].median('cpu'):.3f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The floors of the product's fixed stack: what a process does before any of the project's own
work, for telling an unmet target from an unreachable one.

    python benchmarks/floors.py import DB FILE.xlsx...  # an import's floor process
    python benchmarks/floors.py range FILE.xlsx         # calamine's own memory for a sheet
    python benchmarks/floors.py openpyxl FILE.xlsx      # a streaming reader's time and memory

``import``: start Python, import SQLAlchemy's ORM (the fixed shape's database layer, which every
command that writes loads), read each workbook's first sheet with calamine into Python rows, and
insert every row's cells as text with one bare sqlite3 ``executemany`` per file and a commit: no
detection, validation, plan, models or audit trail. ``run.py`` (the function list) and
``request_import.py`` (the 34 request workbooks) time it beside LibreOffice in the same run.

``range``: the peak resident size of a process that has loaded the CLI with SQLAlchemy and the
models (the base ``import_memory.py`` measures the import above) and then holds calamine's range of
the sheet, before one Python row is made; printed as ``base_mib range_mib rows``.

``openpyxl``: openpyxl's read-only (streaming) reader over the same sheet: CPU seconds, peak MiB
above the same base, rows; the reader a memory target below calamine's range would need.
"""
from __future__ import annotations

import resource
import sys
import time


def _peak_mib() -> float:
    """This process's peak resident size: VmHWM, which starts again at exec (``ru_maxrss`` carries the
    peak of the process it was forked from, here the benchmark holding the generated data)."""
    try:
        with open("/proc/self/status") as fh:
            return next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:")) / 1024
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def floor_import(db: str, *books: str) -> None:
    import sqlite3

    import sqlalchemy.orm  # noqa: F401  (the fixed stack, as a writing command loads it)
    from python_calamine import CalamineWorkbook

    con = sqlite3.connect(db)
    made: set[int] = set()
    for book in books:
        wb = CalamineWorkbook.from_path(book)
        rows = wb.get_sheet_by_name(wb.sheet_names[0]).to_python()
        width = max(len(r) for r in rows)
        if width not in made:
            con.execute(f"CREATE TABLE floor{width} ({', '.join(f'c{n} TEXT' for n in range(width))})")
            made.add(width)
        con.executemany(f"INSERT INTO floor{width} VALUES ({', '.join('?' * width)})",
                        [[str(v) for v in r] + [""] * (width - len(r)) for r in rows])
    con.commit()
    con.close()


def _cli_base() -> float:
    import cloudsuppress.cli  # noqa: F401
    import cloudsuppress.store.db  # noqa: F401

    return _peak_mib()


def range_memory(xlsx: str) -> None:
    base = _cli_base()
    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_path(xlsx)
    sheet = wb.get_sheet_by_name(wb.sheet_names[0])
    print(f"{base:.1f} {_peak_mib() - base:.1f} {sheet.height}")


def openpyxl_stream(xlsx: str) -> None:
    base = _cli_base()
    t = time.process_time()
    import openpyxl

    wb = openpyxl.load_workbook(xlsx, read_only=True, data_only=True)
    rows = sum(1 for _ in wb.worksheets[0].iter_rows(values_only=True))
    print(f"{time.process_time() - t:.3f} {_peak_mib() - base:.1f} {rows}")


if __name__ == "__main__":
    what, *rest = sys.argv[1:]
    if what == "import":
        floor_import(*rest)
    elif what == "range":
        range_memory(*rest)
    elif what == "openpyxl":
        openpyxl_stream(*rest)
    else:
        raise SystemExit(__doc__)

"""The comparison sheet (比較一覧表) PDF against LibreOffice printing the same table, both as whole processes.

    .venv/bin/python benchmarks/comparison.py [--items 1000] [--members 34] [--paper a3] [--rounds 3]

The consortium of ``benchmarks/request_import.py`` (30,000 functions, 34 members) with ``items``
request items imported from the members' workbooks (each asked by 1 to 17 members). Then, A/B
interleaved, each a whole process:

- ours: ``cloudsuppress export comparison --out table.pdf`` (start, query, lay out, write);
- LibreOffice: ``soffice --headless --convert-to pdf`` of the project's own xlsx of the same
  table (``cloudsuppress export comparison --out table.xlsx``, made once, untimed), which sets the
  same paper, orientation and fit-to-width scale as the PDF.

Printed: both times and CPU with their ratio and the load, both page counts, and whether both
PDFs carry every item's 要望番号 (pdftotext). Target (issue 18): at least 3x faster.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.request_import import OUT, base_database, write_workbooks  # noqa: E402
from benchmarks.timing import interleaved, ratio_line, run_process  # noqa: E402
from cloudsuppress.domain.vocab import REASON_LABELS  # noqa: E402
from cloudsuppress.domain.workflow import STATUS_LABELS, Status  # noqa: E402
from cloudsuppress.ops.comparison import ComparisonCell, ComparisonRow, ComparisonTable  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
_PHRASES = ("証明書の交付時に受付番号を帳票に印字してほしい。", "転入届の入力画面に在留カードの番号と期間を入力する欄を追加してほしい。",
            "納税通知書に市独自の減免案内を同封する区分を設けてほしい。", "（窓口での確認に時間がかかるため）",
            "高額療養費の支給対象者に申請勧奨通知を自動で作成してほしい。", "現況届の提出状況を学校区別に一覧で出力してほしい。",
            "詳細は https://example.lg.jp/kikaku/0123 を参照。", "年間約1,200件、繁忙期は3月・4月に集中する。")
_SYSTEMS = (("住民業務", "住民基本台帳"), ("住民業務", "印鑑登録"), ("税業務", "個人住民税"), ("税業務", "固定資産税"),
            ("福祉業務", "介護保険"), ("福祉業務", "児童手当"), ("総合業務", "選挙投票管理"), ("総合業務", "健康管理"))


def synthetic_table(items: int, members: int, *, seed: int = 4) -> ComparisonTable:
    """A comparison table of ``items`` rows and ``members`` member columns, without a database."""
    rng = random.Random(seed)
    names = tuple(f"第{i + 1}{'市町村'[i % 3]}" for i in range(members))
    reasons = list(REASON_LABELS.items())
    statuses = list(Status)
    rows = []
    for n in range(items):
        sub, system = _SYSTEMS[n * len(_SYSTEMS) // items]
        asking = set(rng.sample(range(members), rng.randint(1, min(4, members))))
        cells = []
        for m in range(members):
            if m not in asking:
                cells.append(None)
                continue
            text = "".join(rng.sample(_PHRASES, rng.randint(1, 2)))[: rng.randint(20, 110)]
            code, label = rng.choice(reasons)
            drop = rng.random() < 0.3
            cells.append(ComparisonCell(names[m], text, rng.choice((12, 85, 640, 1_200, 5_800, None)), code, label, drop,
                                        "低下する" if drop else "低下しない", "窓口での待ち時間が延びる。", None,
                                        rng.random() < 0.1))
        st = rng.choice(statuses)
        rows.append(ComparisonRow(n + 1, f"R-{n + 1:04d}", f"要望{n + 1}", f"{n + 1:07d}", f"{system}の帳票出力（{n % 7 + 1}）",
                                  rng.choice("○△×"), sub, system, tuple(cells), rng.choice((None, 330_000, 1_650_000)),
                                  st.value, STATUS_LABELS[st], "代替運用案で対応できることを部会で確認した（第2回 部会）"
                                  if st != Status.REQUESTED else ""))
    return ComparisonTable("ベンチマーク自治体クラウド協議会", None, "第3回 合同部会", dt.date(2026, 11, 22), names, tuple(rows),
                           long_layout=False)


def pdf_facts(pdf: Path) -> tuple[int, set[str]]:
    """The page count and the 要望番号 printed in a PDF."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    pages = int(next((ln.split()[-1] for ln in info.splitlines() if ln.startswith("Pages:")), "0"))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    return pages, set(re.findall(r"R-\d{4}", text))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--items", type=int, default=1000)
    ap.add_argument("--members", type=int, default=34)
    ap.add_argument("--functions", type=int, default=30_000)
    ap.add_argument("--paper", choices=("a3", "a4"), default="a3")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    base = base_database(args.functions, args.members)
    books = write_workbooks(base, OUT / f"requests-{args.functions}-{args.members}" / f"books-{args.items}",
                            items=args.items)
    work = Path(tempfile.mkdtemp(prefix="cs-cmp-"))
    try:
        db = work / "c.sqlite"
        shutil.copy(base, db)
        cli = [sys.executable, "-m", "cloudsuppress.cli", "--db", str(db)]
        run_process([*cli, "requests", "import", *map(str, books)], cwd=ROOT)
        xlsx, pdf = work / "table.xlsx", work / "table.pdf"
        export = [*cli, "export", "comparison", "--paper", args.paper, "--date", "2026-11-22"]
        run_process([*export, "--out", str(xlsx)], cwd=ROOT)
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        profile, lo_out = work / "lo-profile", work / "lo"
        lo = [soffice or "soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
              "--outdir", str(lo_out), str(xlsx)]
        sides = {"ours": lambda: run_process([*export, "--out", str(pdf)], cwd=ROOT)}
        if soffice:
            run_process(lo, timeout=1800)  # the first start creates the profile: not counted
            sides["lo"] = lambda: run_process(lo, timeout=1800)

        def before(name: str) -> None:  # each side writes its file anew
            (pdf if name == "ours" else lo_out / "table.pdf").unlink(missing_ok=True)

        samples = interleaved(sides, args.rounds, before=before)
        if not soffice:
            print(f"comparison PDF: {samples['ours'].text()} (LibreOffice not installed: no baseline)")
            return 0
        ours_pages, ours_keys = pdf_facts(pdf)
        lo_pages, lo_keys = pdf_facts(lo_out / "table.pdf")
        print(f"{args.items:,} items x {args.members} members, {args.paper.upper()}: our PDF {ours_pages} pages, "
              f"LibreOffice's print of our xlsx {lo_pages} pages; every 要望番号 in ours: {len(ours_keys) == args.items}, "
              f"in LibreOffice's: {len(lo_keys) == args.items} ({len(lo_keys):,})")
        print(ratio_line("`cloudsuppress export comparison` PDF, whole process", samples["ours"], samples["lo"],
                         "`soffice --convert-to pdf` of the same table's xlsx, whole process"))
        print(ratio_line("  (CPU)", samples["ours"], samples["lo"], "LibreOffice CPU", what="cpu"))
        print(f"  target >= 3x faster (wall, medians): "
              f"{'met' if samples['lo'].median() / samples['ours'].median() >= 3 else 'NOT met'}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The comparison sheet's speed against what secretariats do today: LibreOffice turning the xlsx into a PDF.

    .venv/bin/python benchmarks/comparison.py [--items 1000] [--members 10] [--paper a3] [--repeat 3]

Generates ``items`` request items × ``members`` members (1 to 4 asking members per item, asks of
20 to 110 characters, realistic reasons and case counts), writes the comparison xlsx, then times
``write_comparison_pdf`` against ``soffice --headless --convert-to pdf`` of that xlsx. Both are
the best of ``--repeat`` runs; LibreOffice gets its own profile directory and a first run that
is not counted (its start-up creates the profile). Target: the PDF at least 3x faster.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.timing import best_of  # noqa: E402
from cloudsuppress.ops.comparison import ComparisonCell, ComparisonRow, ComparisonTable  # noqa: E402
from cloudsuppress.reports.comparison_pdf import write_comparison_pdf  # noqa: E402
from cloudsuppress.reports.comparison_xlsx import write_comparison_xlsx  # noqa: E402
from cloudsuppress.vocab import REASON_LABELS  # noqa: E402
from cloudsuppress.workflow import STATUS_LABELS, Status  # noqa: E402

OUT = Path(__file__).resolve().parent / "out"
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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--items", type=int, default=1000)
    ap.add_argument("--members", type=int, default=10)
    ap.add_argument("--paper", choices=("a3", "a4"), default="a3")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    table = synthetic_table(args.items, args.members)
    xlsx = OUT / f"comparison-{args.items}x{args.members}.xlsx"
    pdf = OUT / f"comparison-{args.items}x{args.members}.pdf"
    write_comparison_xlsx(xlsx, table, paper=args.paper)
    pages = [0]

    def ours() -> None:
        pages[0] = write_comparison_pdf(pdf, table, paper=args.paper)

    ours_s = best_of(args.repeat, ours)
    print(f"reportlab: {ours_s:.2f} s, {pages[0]} pages ({args.items} items × {args.members} members, {args.paper.upper()})")
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("LibreOffice (soffice) not found: no baseline.")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        outdir = Path(tmp) / "lo"

        def lo() -> None:
            subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                            "--outdir", str(outdir), str(xlsx)], check=True, capture_output=True)

        lo()  # first start creates the profile: not counted
        lo_s = best_of(args.repeat, lo)
        lo_pdf = outdir / (xlsx.stem + ".pdf")
        lo_pages = subprocess.run(["pdfinfo", str(lo_pdf)], capture_output=True, text=True).stdout
        lo_pages = next((ln.split()[-1] for ln in lo_pages.splitlines() if ln.startswith("Pages:")), "?")
    print(f"LibreOffice xlsx → pdf: {lo_s:.2f} s, {lo_pages} pages")
    ratio = lo_s / ours_s
    print(f"ratio: reportlab is {ratio:.1f}x faster than LibreOffice (target ≥ 3x): {'OK' if ratio >= 3 else 'BELOW TARGET'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

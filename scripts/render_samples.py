"""Regenerate the page renders in docs/samples/ from the demo and the stress databases.

    python scripts/render_samples.py [--keep DIR]

Runs this tree's code (``python -m cloudsuppress`` and ``python -m tests.core.stress_support``
with PYTHONPATH set to the repository), prints the xlsx files through LibreOffice
(``soffice --headless --convert-to pdf``) with the bundled BIZ UD fonts made visible to
fontconfig by a private fonts.conf, refuses a LibreOffice PDF that does not embed them
(``pdffonts``), and renders each listed page with ``pdftoppm -r 80 -png`` under the same file
name as before. Needs soffice, pdftoppm and pdffonts on PATH.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "docs" / "samples"
DATE = "2026-11-22"

# output PNG name → (source key, page)
PAGES: dict[str, tuple[str, int]] = {
    "comparison-a3-demo-p-1.png": ("demo/comparison_a3.pdf", 1),
    "comparison-a4-demo-p-1.png": ("demo/comparison_a4.pdf", 1),
    "comparison-a3-xlsx-demo-p-1.png": ("demo/comparison_a3.xlsx", 1),
    "cost-table-demo-p-1.png": ("demo/cost_table.pdf", 1),
    "notice-demo-p-1.png": ("demo/notice_那珂市.pdf", 1),
    "notice-demo-p-3.png": ("demo/notice_那珂市.pdf", 3),
    "comparison-a3-stress-p-1.png": ("stress/comparison_wide_a3.pdf", 1),
    "comparison-a4-stress-p-01.png": ("stress/comparison_long_a4.pdf", 1),
    "comparison-a4-stress-p-02.png": ("stress/comparison_long_a4.pdf", 2),
    "comparison-a4-xlsx-stress-p-01.png": ("stress/comparison_long_a4.xlsx", 1),
    "cost-table-stress-p-1.png": ("stress/cost_table.pdf", 1),
    "cost-table-xlsx-stress-p-1.png": ("stress/cost_table.xlsx", 1),
    "notice-stress-p-1.png": ("stress/notice_五霞町.pdf", 1),
    "summary-stress-p-2.png": ("stress/summary.pdf", 2),
    "template-xlsx-p-1.png": ("stress/template.xlsx", 1),
    "template-xlsx-p-3.png": ("stress/template.xlsx", 3),  # 記入方法 (p-4 before the print area fix)
}

FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>{fonts}</dir>
  <cachedir>{cache}</cachedir>
</fontconfig>
"""


def run(args: list[str], env: dict[str, str] | None = None) -> None:
    subprocess.run(args, check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)


def make_demo(work: Path, env: dict[str, str]) -> None:
    db = str(work / "demo.sqlite")
    cli = [sys.executable, "-m", "cloudsuppress", "--db", db]
    sys.path.insert(0, str(ROOT))
    from cloudsuppress.demo import DEMO_NAME  # the stress database's name too

    run([*cli, "init", "--name", DEMO_NAME, "--demo"], env)
    out = work / "demo"
    out.mkdir()
    for paper in ("a3", "a4"):
        run([*cli, "export", "comparison", "--out", str(out / f"comparison_{paper}.pdf"), "--paper", paper,
             "--date", DATE], env)
    run([*cli, "export", "comparison", "--out", str(out / "comparison_a3.xlsx"), "--paper", "a3", "--date", DATE], env)
    run([*cli, "export", "cost-table", "--out", str(out / "cost_table.pdf"), "--doc-number", "資料3", "--date", DATE], env)
    run([*cli, "export", "costs", "--member", "那珂市", "--out", str(out / "notice_那珂市.pdf"), "--ref", "い協第15号",
         "--copy-finance", "--date", DATE], env)


def print_xlsx(xlsx: Path, work: Path) -> Path:
    """The xlsx printed to PDF by LibreOffice with the BIZ UD fonts; refused if they are not embedded."""
    conf = work / "fonts.conf"
    if not conf.exists():
        conf.write_text(FONTS_CONF.format(fonts=ROOT / "resources" / "fonts", cache=work / "fccache"), encoding="utf-8")
    env = dict(os.environ, FONTCONFIG_FILE=str(conf))
    outdir = work / "lo" / xlsx.parent.name
    outdir.mkdir(parents=True, exist_ok=True)
    run(["soffice", f"-env:UserInstallation=file://{work / 'lo-profile'}", "--headless", "--convert-to", "pdf",
         "--outdir", str(outdir), str(xlsx)], env)
    pdf = outdir / (xlsx.stem + ".pdf")
    fonts = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
    names = [line.split()[0] for line in fonts.splitlines()[2:] if line.strip()]
    if not names or not all("BIZUD" in n for n in names):
        raise SystemExit(f"LibreOffice did not use the BIZ UD fonts for {xlsx.name}:\n{fonts}")
    return pdf


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--keep", type=Path, help="work in this folder and keep the PDFs and xlsx files")
    a = ap.parse_args()
    work = a.keep or Path(tempfile.mkdtemp(prefix="render_samples_"))
    work.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    try:
        make_demo(work, env)
        run([sys.executable, "-m", "tests.core.stress_support", str(work / "stress")], env)
        pdfs: dict[str, Path] = {}
        for name, (source, page) in PAGES.items():
            src = work / source
            if src.suffix == ".xlsx":
                if source not in pdfs:
                    pdfs[source] = print_xlsx(src, work)
                src = pdfs[source]
            prefix = work / "png" / name.removesuffix(".png")
            prefix.parent.mkdir(exist_ok=True)
            run(["pdftoppm", "-r", "80", "-png", "-f", str(page), "-l", str(page), "-singlefile", str(src),
                 str(prefix)])
            shutil.copyfile(prefix.with_suffix(".png"), SAMPLES / name)
            print(SAMPLES / name)
    finally:
        if a.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

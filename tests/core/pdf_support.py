"""Reading PDFs back in tests with poppler's command-line tools: text per page, fonts, page count."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext") or not shutil.which("pdffonts"),
                                   reason="poppler-utils (pdftotext, pdffonts) not installed")


def poppler(tool: str, *args: str) -> str:
    """The output of one of poppler's tools; the test is skipped, with the reason, where poppler
    is not installed (a Windows laptop), never failed with FileNotFoundError. Every test reads
    PDFs back through here (tests/test_suite_portability.py keeps it so)."""
    if shutil.which(tool) is None:
        pytest.skip(f"poppler-utils ({tool}) is not installed: this test reads the PDF back with it")
    return subprocess.run([tool, *args], capture_output=True, text=True, check=True).stdout


def page_texts(path: Path) -> list[str]:
    """The text of every page (pdftotext -layout), split at form feeds."""
    out = poppler("pdftotext", "-layout", str(path), "-")
    pages = out.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def flat(text: str) -> str:
    """Text without spaces and line breaks (wrapped cells joined back)."""
    return "".join(text.split())


def fonts(path: Path) -> list[dict]:
    """pdffonts rows: name, type, emb."""
    out = poppler("pdffonts", str(path)).splitlines()[2:]
    rows = []
    for line in out:
        parts = line.split()
        # name type... encoding emb sub uni object ID: emb is the 5th field from the end
        rows.append({"name": parts[0], "emb": parts[-5], "line": line})
    return rows


def assert_fonts_embedded(path: Path) -> None:
    rows = fonts(path)
    assert rows, "no fonts at all"
    for r in rows:
        assert r["emb"] == "yes", r["line"]
        assert "BIZUD" in r["name"], r["line"]
        assert "Helvetica" not in r["line"]


def page_count(path: Path) -> int:
    out = poppler("pdfinfo", str(path))
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


def raw_text(path: Path) -> str:
    """The text in drawing order (pdftotext -raw): a wrapped cell's lines come out one after another."""
    return poppler("pdftotext", "-raw", str(path), "-")

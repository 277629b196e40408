"""The suite runs wherever the app runs: a PDF check on a machine without poppler (a Windows
laptop) is skipped with its reason, never failed with FileNotFoundError."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.core import pdf_support

TESTS = Path(__file__).resolve().parent
POPPLER_CALL = re.compile(r"""\[\s*["'](pdftotext|pdfinfo|pdffonts|pdftoppm|pdfimages)["']""")


def test_every_poppler_call_goes_through_the_guarded_helper():
    direct = [f"{path.relative_to(TESTS)}:{n}"
              for path in sorted(TESTS.rglob("*.py")) if path.name != "pdf_support.py"
              for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
              if POPPLER_CALL.search(line)]
    assert direct == [], "call tests.core.pdf_support.poppler() instead, which skips where poppler is absent"


def test_a_missing_poppler_skips_with_the_reason(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty folder: no pdftotext
    with pytest.raises(pytest.skip.Exception, match="poppler-utils"):
        pdf_support.page_count(tmp_path / "any.pdf")

"""Vendor cost cells: a value that says its own unit (￥ / 円) is yen whatever the column's 千円
heading says — 「￥350,000」 in a カスタマイズ費用（千円） column was stored as 350,000,000 yen (reviewer R33)."""
from __future__ import annotations

import pytest

from cloudsuppress.importers.cells import parse_cost


@pytest.mark.parametrize(("text", "unit", "yen"), [
    ("￥350,000", 1000, 350_000), ("¥350,000", 1000, 350_000), ("350,000円", 1000, 350_000),
    ("350千円", 1000, 350_000), ("1,200千円", 1, 1_200_000), ("1.5", 1000, 1_500), ("1,200", 1000, 1_200_000),
    ("1,200", 1, 1_200),
])
def test_the_cells_own_unit_wins(text, unit, yen):
    assert parse_cost(text, unit) == (True, yen, None)


def test_a_note_is_kept_as_a_note():
    assert parse_cost("別途見積", 1000) == (True, None, "別途見積")

"""The one way list tables are set up: rows selected whole, fixed row heights, own sorting.

Every list view (functions, members, requests, meetings ...) wants the same QTableView
behaviour; configuring it in one place keeps them alike and keeps 30,000-row tables fast
(fixed row heights, no resize-to-contents).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

CELL_PADDING = 14  # a cell's margins and a little air
HEADER_PADDING = 20  # a header section's margins and its sort arrow


def setup_list_table(
    table: QTableView,
    *,
    widths: dict[int, int],
    stretch: int | None = None,
    row_padding: int = 12,
    sortable: bool = True,
    fit: Mapping[int, Iterable[str]] | None = None,
) -> dict[int, int]:
    """Single-row selection, alternating colours, elided single-line cells, fixed widths.

    ``stretch`` is the column that takes the width left over; sorting starts unsorted, so
    the model's own (list) order is shown until the user clicks a header. ``fit``: columns
    whose values are a closed vocabulary (a kind, a status), with those values in the UI
    language; each is widened to show its widest value and its header whole (English
    words are longer than the Japanese the widths were chosen for). Returns the widths set.
    """
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    header = table.horizontalHeader()
    if sortable:
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)
    header.setHighlightSections(False)
    header.setStretchLastSection(False)
    vh = table.verticalHeader()
    vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vh.setDefaultSectionSize(table.fontMetrics().height() + row_padding)
    vh.setVisible(False)
    widths = fitted_widths(table, widths, fit or {})
    for col, width in widths.items():
        table.setColumnWidth(col, width)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return widths


def fitted_widths(table: QTableView, widths: Mapping[int, int], fit: Mapping[int, Iterable[str]]) -> dict[int, int]:
    """``widths`` with each column of ``fit`` widened (never narrowed) to its widest text and its
    header as the model gives it, at the table's fonts."""
    out = dict(widths)
    model = table.model()
    cells, heads = table.fontMetrics(), table.horizontalHeader().fontMetrics()
    for col, texts in fit.items():
        head = model.headerData(col, Qt.Orientation.Horizontal) if model is not None else None
        needed = max((cells.horizontalAdvance(t) + CELL_PADDING for t in texts), default=0)
        if head:
            needed = max(needed, heads.horizontalAdvance(str(head)) + HEADER_PADDING)
        out[col] = max(out.get(col, 0), needed)
    return out

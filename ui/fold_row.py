"""FoldingRow: a filter row that folds in two when the window is too narrow for it.

A view's filter row (a search box that stretches, labelled combos, the counts at the end) laid out
in one QHBoxLayout has a minimum wider than a restored laptop window: below it Qt squeezes the
search box to its clear button (「…」) and lays the last widgets over each other (the walk at
1366×768, 要望 at about 1000 px). Here the lead (the search), the rest (the combos) and the tail
(the counts) sit on one line while the lead keeps ``lead_width`` pixels; narrower, the rest goes
to a second line under the lead and the tail.
"""
from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QWidget


class FoldingRow(QWidget):
    """``lead`` (stretching), ``rest`` and ``tail`` on one line, or ``rest`` on a line of its own
    below when the row is narrower than ``lead_width`` + what ``rest`` and ``tail`` ask for."""

    def __init__(self, lead: QWidget, rest: QHBoxLayout, tail: QWidget | None = None, *, lead_width: int,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.lead_width = lead_width
        self._lead, self._tail = lead, tail
        self._rest = QWidget()
        rest.setContentsMargins(0, 0, 0, 0)
        rest.addStretch(1)  # folded, the combos stay at the left of their own line
        self._rest.setLayout(rest)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(8)
        self._grid.setColumnStretch(0, 1)
        self._folded: bool | None = None
        self._place(False)

    def folded(self) -> bool:
        return bool(self._folded)

    def _place(self, folded: bool) -> None:
        if folded == self._folded:
            return
        self._folded = folded
        for w in (self._lead, self._rest, self._tail):
            if w is not None:
                self._grid.removeWidget(w)
        if folded:
            self._grid.addWidget(self._lead, 0, 0, 1, 2)
            self._grid.addWidget(self._rest, 1, 0, 1, 3)
        else:
            self._grid.addWidget(self._lead, 0, 0)
            self._grid.addWidget(self._rest, 0, 1)
        if self._tail is not None:
            self._grid.addWidget(self._tail, 0, 2)
        self.updateGeometry()

    def _wanted(self) -> int:
        tail = self._tail.sizeHint().width() + 8 if self._tail is not None else 0
        return self.lead_width + 8 + self._rest.sizeHint().width() + tail

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        self._place(event.size().width() < self._wanted())
        super().resizeEvent(event)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        # Folded is the narrowest it can be: the row never asks for the width of everything side by
        # side, so it never widens the window (which would keep it from folding at all).
        hint = super().minimumSizeHint()
        tail = self._tail.minimumSizeHint().width() + 8 if self._tail is not None else 0
        hint.setWidth(max(self._rest.minimumSizeHint().width(), self._lead.minimumSizeHint().width() + tail))
        return hint

"""OutcomeChart: the Toyama outcome table as horizontal stacked bars, painted with QPainter.

One bar per row (a member or a subcommittee): customized, standardized, withdrawn and still
open, each a coloured segment with its count, the name on the left and a legend on top. The
widget only paints the ``OutcomeRow``s it is given (plain frozen data); it reads nothing.
"""
from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from cloudsuppress.ops.summary import OutcomeRow

from ..labels import label as core_label

# (attribute, label, colour): the same order and colours as the summary PDF's chart.
SEGMENTS = (
    ("customized", "カスタマイズ実施", "#c0504d"),
    ("standardized", "標準化", "#4f81bd"),
    ("withdrawn", "取下げ", "#9bbb59"),
    ("under_review", "検討中", "#bfbfbf"),
    ("requested", "要望（未検討）", "#e4e4e4"),
)


class OutcomeChart(QWidget):
    """Stacked bars of how each row's requests ended; see the module docstring."""

    BAR = 18
    GAP = 8

    def __init__(self, title: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.title = title
        self.rows: tuple[OutcomeRow, ...] = ()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_rows(self, rows: tuple[OutcomeRow, ...] | list[OutcomeRow]) -> None:
        self.rows = tuple(rows)
        self.setMinimumHeight(self._height())
        self.updateGeometry()
        self.update()

    def labels(self) -> list[str]:
        """The legend's labels, translated (what a user reads on the chart)."""
        return [core_label(label) for _, label, _ in SEGMENTS]

    def _line(self) -> int:
        return QFontMetrics(self.font()).height()

    def _height(self) -> int:
        line = self._line()
        return 2 * line + 16 + len(self.rows) * (self.BAR + self.GAP) + 4

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(420, self._height())

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = QFontMetrics(self.font())
        line = fm.height()
        w = self.width()
        p.fillRect(self.rect(), QColor("#ffffff"))
        # title and legend
        bold = self.font()
        bold.setBold(True)
        p.setFont(bold)
        p.setPen(QColor("#1f3a5f"))
        p.drawText(QRectF(4, 2, w - 8, line), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.title)
        p.setFont(self.font())
        x = 4.0
        y = line + 6
        for (_, _, color), label in zip(SEGMENTS, self.labels(), strict=True):
            p.fillRect(QRectF(x, y + (line - 10) / 2, 10, 10), QColor(color))
            x += 14
            p.setPen(QColor("#333333"))
            p.drawText(QRectF(x, y, fm.horizontalAdvance(label) + 2, line), Qt.AlignmentFlag.AlignVCenter, label)
            x += fm.horizontalAdvance(label) + 14
        if not self.rows:
            return
        name_w = min(max(fm.horizontalAdvance(r.name) for r in self.rows) + 10, int(w * 0.35))
        top = 2 * line + 14
        left = 4 + name_w
        right_pad = fm.horizontalAdvance("000") + 10
        avail = max(10, w - left - right_pad - 4)
        most = max((r.raised for r in self.rows), default=0) or 1
        for i, row in enumerate(self.rows):
            y = top + i * (self.BAR + self.GAP)
            p.setPen(QColor("#333333"))
            name = fm.elidedText(row.name, Qt.TextElideMode.ElideRight, name_w - 8)
            p.drawText(QRectF(4, y, name_w - 8, self.BAR),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, name)
            x = float(left)
            for attr, _, color in SEGMENTS:
                n = getattr(row, attr)
                if not n:
                    continue
                seg = avail * n / most
                p.fillRect(QRectF(x, y, seg, self.BAR), QColor(color))
                text = str(n)
                if fm.horizontalAdvance(text) + 4 <= seg:
                    p.setPen(QColor("#ffffff") if attr not in ("under_review", "requested") else QColor("#333333"))
                    p.drawText(QRectF(x, y, seg, self.BAR), Qt.AlignmentFlag.AlignCenter, text)
                x += seg
            p.setPen(QPen(QColor("#333333")))
            p.drawText(QRectF(x + 4, y, right_pad, self.BAR), Qt.AlignmentFlag.AlignVCenter, str(row.raised))
        p.end()

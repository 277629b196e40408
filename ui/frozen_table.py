"""FrozenColumnTableView: a table whose first column stays in place while the rest scrolls sideways.

Qt's own recipe (the "Frozen Column" example): a second QTableView lies over the left edge of
the table, shares its model and selection model, shows only column 0, and follows the
table's vertical scrolling, row heights, spans and column-0 width. The header row never
scrolls away in a QTableView, so with this the comparison table always shows which row is
which and which column is which (issue #14: 比較表 on a 1366×768 screen).

Clicks, double-clicks and the context menu on the frozen column reach the table's own
signals, so a caller connects to the table only.

Band rows (a group header spanning every column, ``band_role`` true on its first cell) would be
cut by the overlay's edge; while the table is scrolled sideways the overlay draws them empty
and the table draws their text just right of the overlay, so a band always reads whole. When
the table is not scrolled sideways the overlay is hidden: the table shows column 0 itself.
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPoint, QRect, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)


class _BandDelegate(QStyledItemDelegate):
    """The default delegate of both views: band rows drawn as the module docstring says."""

    def __init__(self, table: FrozenColumnTableView, *, in_overlay: bool):
        super().__init__(table.frozen if in_overlay else table)
        self.table = table
        self.in_overlay = in_overlay

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        role = self.table.band_role
        if role is None or not index.data(role) or not self.table.frozen.isVisible():
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        style = opt.widget.style() if opt.widget else QWidget().style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        if self.in_overlay:
            return
        left = max(opt.rect.left(), self.table.frozen.width()) + 6
        rect = QRect(left, opt.rect.top(), max(0, opt.rect.right() - left), opt.rect.height())
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(opt.palette.color(opt.palette.ColorRole.Text))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         opt.fontMetrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width()))
        painter.restore()


class FrozenColumnTableView(QTableView):
    """A QTableView with its column 0 frozen (see the module docstring)."""

    def __init__(self, parent: QWidget | None = None, *, band_role: int | None = None):
        super().__init__(parent)
        self.band_role = band_role
        self.frozen_count = 1  # how many leading columns stay (set_frozen_count)
        self.frozen = QTableView(self)
        self.frozen.setObjectName("frozenColumn")
        self.frozen.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.frozen.verticalHeader().hide()
        self.frozen.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.frozen.horizontalHeader().setHighlightSections(False)
        self.frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.frozen.setFrameShape(QFrame.Shape.NoFrame)
        self.edge = QFrame(self)  # a line where the frozen columns end, so the cut is seen as one
        self.edge.setObjectName("frozenEdge")
        self.edge.setStyleSheet("QFrame#frozenEdge { background: #7f93ad; }")
        self.edge.hide()
        self.frozen.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.viewport().stackUnder(self.frozen)
        self.setItemDelegate(_BandDelegate(self, in_overlay=False))
        self.frozen.setItemDelegate(_BandDelegate(self, in_overlay=True))
        self.horizontalScrollBar().valueChanged.connect(self._on_scrolled)
        self._snapping = False

        self.horizontalHeader().sectionResized.connect(self._on_column_resized)
        self.verticalHeader().sectionResized.connect(lambda row, _old, new: self.frozen.setRowHeight(row, new))
        self.frozen.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.verticalScrollBar().valueChanged.connect(self.frozen.verticalScrollBar().setValue)
        self.frozen.clicked.connect(self.clicked.emit)
        self.frozen.doubleClicked.connect(self.doubleClicked.emit)
        self.frozen.activated.connect(self.activated.emit)
        self.frozen.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.frozen.customContextMenuRequested.connect(self._forward_menu)
        header = self.frozen.horizontalHeader()
        header.sectionClicked.connect(self._forward_header_click)

    # --- keeping the overlay in step ----------------------------------------------------

    def setModel(self, model: QAbstractItemModel) -> None:  # noqa: N802 - Qt API
        super().setModel(model)
        self.frozen.setModel(model)
        self.frozen.setSelectionModel(self.selectionModel())
        for signal in (model.modelReset, model.layoutChanged, model.columnsInserted, model.columnsRemoved):
            signal.connect(self.sync_frozen)
        self.sync_frozen()

    def setSortingEnabled(self, enable: bool) -> None:  # noqa: N802 - Qt API
        super().setSortingEnabled(enable)
        self.frozen.horizontalHeader().setSectionsClickable(enable)
        self.frozen.horizontalHeader().setSortIndicatorShown(enable)
        self.horizontalHeader().sortIndicatorChanged.connect(
            lambda col, order: self.frozen.horizontalHeader().setSortIndicator(col, order))

    def setWordWrap(self, on: bool) -> None:  # noqa: N802 - Qt API
        super().setWordWrap(on)
        self.frozen.setWordWrap(on)

    def setSelectionBehavior(self, behavior) -> None:  # noqa: N802, ANN001 - Qt API
        super().setSelectionBehavior(behavior)
        self.frozen.setSelectionBehavior(behavior)

    def setSelectionMode(self, mode) -> None:  # noqa: N802, ANN001 - Qt API
        super().setSelectionMode(mode)
        self.frozen.setSelectionMode(mode)

    def setItemDelegateForColumn(self, column: int, delegate) -> None:  # noqa: N802, ANN001 - Qt API
        super().setItemDelegateForColumn(column, delegate)
        if column < self.frozen_count:
            self.frozen.setItemDelegateForColumn(column, delegate)

    def setSpan(self, row: int, column: int, rows: int, columns: int) -> None:  # noqa: N802 - Qt API
        super().setSpan(row, column, rows, columns)
        if column == 0:
            self.frozen.setSpan(row, 0, rows, columns)

    def clearSpans(self) -> None:  # noqa: N802 - Qt API
        super().clearSpans()
        self.frozen.clearSpans()

    def setRowHeight(self, row: int, height: int) -> None:  # noqa: N802 - Qt API
        super().setRowHeight(row, height)
        self.frozen.setRowHeight(row, height)

    def set_frozen_count(self, count: int) -> None:
        """Keep the first ``count`` columns in place (1: the item; 2 in the long comparison: the member too)."""
        self.frozen_count = max(1, count)
        self.sync_frozen()

    def frozen_width(self) -> int:
        return sum(self.columnWidth(c) for c in range(self.frozen_count))

    def sync_frozen(self) -> None:
        """Show the frozen columns only, with the table's row heights and column widths."""
        model = self.model()
        if model is None:
            return
        for col in range(model.columnCount()):
            self.frozen.setColumnHidden(col, col >= self.frozen_count)
            if col < self.frozen_count:
                self.frozen.setColumnWidth(col, self.columnWidth(col))
        vh = self.verticalHeader()
        self.frozen.verticalHeader().setDefaultSectionSize(vh.defaultSectionSize())
        self.frozen.verticalHeader().setSectionResizeMode(vh.sectionResizeMode(0) if model.rowCount() else
                                                          QHeaderView.ResizeMode.Fixed)
        for row in range(model.rowCount()):
            if self.rowHeight(row) != vh.defaultSectionSize():
                self.frozen.setRowHeight(row, self.rowHeight(row))
        self._place()

    def _on_column_resized(self, column: int, _old: int, new: int) -> None:
        if column < self.frozen_count:
            self.frozen.setColumnWidth(column, new)
            self._place()

    def _place(self) -> None:
        """The overlay over the frozen columns: below nothing, as tall as the header and the viewport."""
        fw = self.frameWidth()
        self.frozen.setGeometry(self.verticalHeader().width() + fw, fw, self.frozen_width(),
                                self.viewport().height() + self.horizontalHeader().height())
        shown = (self.model() is not None and self.model().columnCount() > self.frozen_count
                 and self.horizontalScrollBar().value() > 0)
        g = self.frozen.geometry()
        self.edge.setGeometry(g.right() - 1, g.top(), 2, g.height())
        if shown != self.frozen.isVisible():
            self.frozen.setVisible(shown)
            self.edge.setVisible(shown)
            self.edge.raise_()
            self.viewport().update()  # band rows draw their text elsewhere now

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._place()

    def updateGeometries(self) -> None:  # noqa: N802 - Qt API
        super().updateGeometries()
        if hasattr(self, "frozen"):
            bar = self.horizontalScrollBar()
            stops = self.scroll_stops()
            if stops and bar.maximum() > 0 and bar.maximum() not in stops:
                # Let the last column scroll to the frozen edge too (blank space after it), so the end of
                # the range is a column edge like every other stop.
                beyond = [x for x in stops if x > bar.maximum()]
                if beyond:
                    bar.setMaximum(beyond[0])
            self._on_scrolled(bar.value())  # Qt's own range update may have clamped it between stops

    def scroll_stops(self) -> list[int]:
        """The sideways scroll positions at which a column starts exactly at the frozen edge."""
        model = self.model()
        if model is None:
            return []
        header = self.horizontalHeader()
        fw = self.frozen_width()
        return sorted({header.sectionPosition(c) - fw for c in range(self.frozen_count, model.columnCount())
                       if not self.isColumnHidden(c) and header.sectionPosition(c) - fw >= 0})

    def _on_scrolled(self, value: int) -> None:
        """Sideways scrolling stops only where a column starts at the frozen edge: a column is never
        shown from its middle under the frozen ones (a right-aligned 880件 read 「80件」)."""
        if not self._snapping:
            stops = self.scroll_stops()
            if stops and value not in stops:
                target = min(stops, key=lambda x: (abs(x - value), x))
                self._snapping = True
                try:
                    self.horizontalScrollBar().setValue(target)
                finally:
                    self._snapping = False
        self._place()

    # --- keyboard and scrolling never hide a cell under the overlay ---------------------

    def moveCursor(self, action, modifiers) -> QModelIndex:  # noqa: N802, ANN001 - Qt API
        current = super().moveCursor(action, modifiers)
        if (action == QAbstractItemView.CursorAction.MoveLeft and current.column() >= self.frozen_count
                and self.visualRect(current).topLeft().x() < self.frozen_width()):
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() + self.visualRect(current).topLeft().x() - self.frozen_width())
        return current

    def scrollTo(self, index: QModelIndex, hint=QAbstractItemView.ScrollHint.EnsureVisible) -> None:  # noqa: N802
        if index.column() >= self.frozen_count:
            super().scrollTo(index, hint)

    # --- the overlay's input goes to the table ------------------------------------------

    def _forward_menu(self, pos: QPoint) -> None:
        if self.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu:
            self.customContextMenuRequested.emit(self.viewport().mapFromGlobal(self.frozen.viewport().mapToGlobal(pos)))

    def _forward_header_click(self, column: int) -> None:
        if self.isSortingEnabled():
            header = self.horizontalHeader()
            order = header.sortIndicatorOrder()
            if header.sortIndicatorSection() == column:
                order = (Qt.SortOrder.DescendingOrder if order == Qt.SortOrder.AscendingOrder
                         else Qt.SortOrder.AscendingOrder)
            header.setSortIndicator(column, order)

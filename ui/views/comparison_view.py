"""ComparisonView: the comparison table (比較一覧表, measure 4 of the Toyama approach) on screen —
every member's ask side by side, grouped by subcommittee → business system, with filters
(専門部会, 団体, 未決定のみ), the long layout (縦長表示: one line per asking member, on by itself
with more than 8 members), and 「PDF に書き出す…」 / 「Excel に書き出す…」, which build the table
in the core and write it with the core's writers on the runner's worker thread.

Rows have fixed heights (a wide member cell shows the ask in up to three lines, then its
件数・理由 and the resident-service answer in grey); the whole text is in the tooltip. The
view reloads when a broadcast says requests, meetings, members or the structure changed.
"""
from __future__ import annotations

import math
import re

from PySide6.QtCore import QModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QTextLayout
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from cloudsuppress.changes import Changes
from cloudsuppress.ops.comparison import WIDE_LIMIT, build_comparison
from cloudsuppress.ops.functions import system_tree
from cloudsuppress.ops.meeting_queries import list_meetings
from cloudsuppress.ops.members import list_members

from ..frozen_table import FrozenColumnTableView
from ..op_runner import OpRunner
from ..selection_actions import SelectionActions
from ..table_models.comparison_table_model import (
    CELL_ROLE,
    COL_ITEM,
    GROUP_ROLE,
    LONG_ASK,
    LONG_CASES,
    LONG_MEMBER,
    LONG_REASON,
    LONG_SERVICE,
    ROW_ROLE,
    TAIL_DECISION,
    TAIL_ESTIMATE,
    TAIL_STATUS,
    ComparisonTableModel,
)
from .request_list_view import StatusBadgeDelegate

MEMBER_MIN, MEMBER_MAX = 150, 260  # width of a member column in the wide layout
WIDE_LINES = 6  # lines of text in a wide row: the ask (up to 3), 件数, 理由, 住民サービス
LONG_LINES = 3


def elided_lines(font: QFont, text: str, width: int, max_lines: int) -> list[str]:
    """``text`` wrapped to ``width`` (Qt's Unicode line breaking), at most ``max_lines`` lines;
    when it does not fit, the last line ends in 「…」 so a cut is never silent."""
    layout = QTextLayout(text.replace("\n", "\u2028"), font)
    spans = []
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        spans.append((line.textStart(), line.textLength()))
    layout.endLayout()
    lines = [text[s:s + n].rstrip("\n") for s, n in spans]
    if len(lines) <= max_lines:
        return lines
    rest = text[spans[max_lines - 1][0]:].replace("\n", " ")
    return lines[:max_lines - 1] + [QFontMetrics(font).elidedText(rest, Qt.TextElideMode.ElideRight, width)]


def word_lines(font: QFont, text: str, width: int) -> list[str]:
    """``text`` wrapped to ``width`` breaking only at spaces, so a label stays whole (「住民サービス」
    over 「低下しない」, never 「住民サービス低下しな」 over a lone 「い」; 「2,960件/年」 whole), as the
    PDF keeps its words; a single word wider than the line is wrapped inside (never cut)."""
    fm = QFontMetrics(font)
    lines: list[str] = []
    for word in text.split(" "):
        if lines and fm.horizontalAdvance(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        elif fm.horizontalAdvance(word) <= width:
            lines.append(word)
        else:
            lines.extend(elided_lines(font, word, width, 1_000))
    return lines


_LATIN = re.compile(r"[A-Za-z]{3}")
_WRAP = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)


def text_height(fm: QFontMetrics, text: str, width: int) -> int:
    """The height of ``text`` wrapped to ``width``. Japanese breaks between any two characters, so the
    lines are counted from each paragraph's advance (with room for 禁則 moving a character or two):
    about 20 times faster than laying the text out, which a table of thousands of lines needs (issue
    #14: 縦長表示 of 1,000 items). Text with Latin words, which break only at spaces, is laid out exactly."""
    if _LATIN.search(text):
        return fm.boundingRect(QRect(0, 0, width, 100_000), _WRAP, text).height()
    lines = 0
    for part in text.split("\n"):
        lines += max(1, math.ceil(fm.horizontalAdvance(part) / max(1, width - 2 * fm.averageCharWidth())))
    return lines * fm.lineSpacing()


class ComparisonCellDelegate(QStyledItemDelegate):
    """Paints a wide member cell: the ask in up to three wrapped lines, then grey meta lines."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        lines = index.data(CELL_ROLE)
        if not lines:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QWidget().style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        fm = QFontMetrics(opt.font)
        step = fm.lineSpacing()
        rect = opt.rect.adjusted(5, 3, -5, -3)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        text_color = opt.palette.highlightedText().color() if selected else opt.palette.text().color()
        wrap = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)

        painter.save()
        painter.setClipRect(opt.rect)
        # The meta lines (件数, 理由, 住民サービス) are drawn whole at the bottom; the ask takes
        # the whole lines left above them (its full text is in the tooltip).
        meta = [word_lines(opt.font, text, rect.width()) for s, text in lines if s == 1]
        bottom = rect.bottom() + 1 - sum(len(m) for m in meta) * step
        top = rect.top()
        for code, text in lines:
            if code == 2:
                painter.setPen(QColor("#b3261e"))
                painter.drawText(QRect(rect.left(), top, rect.width(), step), wrap, text)
                top += step
            elif code == 0:
                painter.setPen(text_color)
                for line in elided_lines(opt.font, text, rect.width(), max(1, (bottom - top) // step)):
                    painter.drawText(QRect(rect.left(), top, rect.width(), step), int(Qt.AlignmentFlag.AlignLeft), line)
                    top += step
        painter.setPen(opt.palette.highlightedText().color() if selected else QColor("#5a6472"))
        for parts in meta:
            for line in parts:
                painter.drawText(QRect(rect.left(), bottom, rect.width(), step), int(Qt.AlignmentFlag.AlignLeft), line)
                bottom += step
        painter.restore()


class ComparisonView(QWidget):
    """The comparison matrix with its filters and exports; see the module docstring."""

    status_message = Signal(str)

    def __init__(self, runner: OpRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self._meetings = []
        self._last_folder = ""
        self._auto_long = True  # follow the member count until the user ticks 縦長表示 themselves

        title = QLabel(self.tr("カスタマイズ要望比較一覧表"))
        title.setStyleSheet("font-size: 16pt; font-weight: bold; color: #1f3a5f;")
        note = QLabel(self.tr("部会で各団体の要望を並べて協議するための表です。団体欄は要望内容・年間処理件数・理由・"
                              "住民サービス水準が低下するかの回答（空欄はその団体の要望なし）。\n"
                              "セルにマウスを置くと全文を表示します。"))
        note.setStyleSheet("color: #4a5568;")
        note.setWordWrap(True)
        self.pdf_button = QPushButton(self.tr("PDF に書き出す…"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.xlsx_button = QPushButton(self.tr("Excel に書き出す…"))
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.pdf_button)
        head.addWidget(self.xlsx_button)

        self.subcommittee_combo = QComboBox()
        self.subcommittee_combo.setAccessibleName(self.tr("専門部会"))
        self.subcommittee_combo.currentIndexChanged.connect(
            lambda: self._apply(subcommittee=self.subcommittee_combo.currentData() and self.subcommittee_combo.currentText()))
        self.member_combo = QComboBox()
        self.member_combo.setAccessibleName(self.tr("団体"))
        self.member_combo.currentIndexChanged.connect(
            lambda: self._apply(member=self.member_combo.currentData() and self.member_combo.currentText()))
        self.undecided_check = QCheckBox(self.tr("未決定のみ"))
        self.undecided_check.toggled.connect(lambda on: self._apply(undecided=on))
        self.long_check = QCheckBox(self.tr("縦長表示"))
        self.long_check.setToolTip(self.tr("団体ごとに 1 行で表示します（団体が {0} を超えると自動で縦長）").format(WIDE_LIMIT))
        self.long_check.clicked.connect(self._on_long_clicked)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        filters = QHBoxLayout()
        for label, combo in ((self.tr("専門部会"), self.subcommittee_combo), (self.tr("団体"), self.member_combo)):
            filters.addWidget(QLabel(label))
            filters.addWidget(combo)
            filters.addSpacing(8)
        filters.addWidget(self.undecided_check)
        filters.addSpacing(8)
        filters.addWidget(self.long_check)
        filters.addStretch(1)
        filters.addWidget(self.count_label)

        self.model = ComparisonTableModel(self)
        self.table = FrozenColumnTableView(band_role=GROUP_ROLE)  # the item column and the header row stay while scrolling
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        vh = self.table.verticalHeader()
        vh.setVisible(False)
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.cell_delegate = ComparisonCellDelegate(self.table)
        self.badge_delegate = StatusBadgeDelegate(self.table)
        self.model.modelReset.connect(self._after_reset)
        self.model.layoutChanged.connect(self._after_reset)
        # several items at once (Ctrl / Shift + click): status, agenda, the selection's sheet
        self.selection = SelectionActions(runner, self, self.chosen_items, status_message=self.status_message)
        self.selection.attach(self.table)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(8)
        layout.addLayout(head)
        layout.addWidget(note)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)

    # --- loading ----------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the whole table again (filters are applied here, on screen)."""
        table, systems, members, meetings = self.runner.read(
            lambda s: (build_comparison(s), system_tree(s), list_members(s), list_meetings(s)))
        self._meetings = meetings
        self._refill(self.subcommittee_combo, list(dict.fromkeys((n.subcommittee, n.subcommittee_id) for n in systems)))
        self._refill(self.member_combo, [(m.name, m.id) for m in members])
        self.model.set_filter(subcommittee=self.subcommittee_combo.currentData() and self.subcommittee_combo.currentText(),
                              member=self.member_combo.currentData() and self.member_combo.currentText())
        if self._auto_long:
            self.long_check.setChecked(table.long_layout)
        self.model.set_long_layout(self.long_check.isChecked())
        chosen = [i for i, _ in self.chosen_items()]
        self.model.set_table(table)
        self.select_items(chosen)  # a change made from the context menu keeps the selection

    def select_items(self, item_ids: list[int]) -> None:
        """Select every line of these items (as Ctrl+click would)."""
        from PySide6.QtCore import QItemSelection, QItemSelectionModel

        wanted, selection = set(item_ids), QItemSelection()
        last = self.model.columnCount() - 1
        for r in range(self.model.rowCount()):
            row = self.model.index(r, 0).data(ROW_ROLE)
            if row is not None and row.item_id in wanted:
                selection.select(self.model.index(r, 0), self.model.index(r, last))
        self.table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def on_changed(self, changes: Changes) -> None:
        if changes.requests or changes.meetings or changes.members or changes.structure or changes.functions:
            self.refresh()

    def _refill(self, combo: QComboBox, entries: list[tuple[str, object]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("すべて"), None)
        for text, value in entries:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.blockSignals(False)

    def _apply(self, **filters) -> None:
        self.model.set_filter(**filters)

    def _on_long_clicked(self, on: bool) -> None:
        self._auto_long = False
        self.model.set_long_layout(on)

    def set_long_layout(self, on: bool) -> None:
        """Tick or untick 縦長表示 as the user would."""
        if self.long_check.isChecked() != on:
            self.long_check.click()

    def _after_reset(self) -> None:
        """Column widths, delegates, spans and row heights for the current layout."""
        m, t = self.model, self.table
        fm = self.fontMetrics()
        t.clearSpans()
        for col in range(m.columnCount()):
            t.setItemDelegateForColumn(col, None)
        if not m.long_layout:
            for name in m.members:
                t.setItemDelegateForColumn(m.member_column(name), self.cell_delegate)
        t.setItemDelegateForColumn(m.tail_column(TAIL_STATUS), self.badge_delegate)
        self._apply_widths()
        lines = LONG_LINES if m.long_layout else WIDE_LINES
        vh = t.verticalHeader()
        default = lines * fm.lineSpacing() + 10
        vh.setDefaultSectionSize(default)
        group_height = fm.height() + 12
        whole = (COL_ITEM, m.tail_column(TAIL_DECISION))  # wide layout: the member cells elide with 「…」
        for row in range(m.rowCount()):
            if m.is_group(row):
                t.setSpan(row, 0, 1, m.columnCount())
                t.setRowHeight(row, group_height)
            elif m.long_layout:  # each line as tall as its longest text, so nothing is cut
                t.setRowHeight(row, self._long_row_height(row, fm))
            else:  # the item with its peer line (要望なし: …) and the decision shown whole
                needed = self._long_row_height(row, fm, columns=whole)
                if needed > default:
                    t.setRowHeight(row, needed)
        t.set_frozen_count(2 if m.long_layout else 1)  # the long layout keeps the member beside the item
        self.count_label.setText(self.tr("表示 {0} 件／全 {1} 件").format(f"{m.item_count:,}", f"{m.total_count:,}"))

    def _long_row_height(self, row: int, fm: QFontMetrics, *, columns=None) -> int:
        """The height that shows the line's cells (every one, or ``columns``) whole, wrapped to their columns."""
        m, t = self.model, self.table
        tallest = fm.height() + 6  # the status badge
        for col in (range(m.columnCount()) if columns is None else columns):
            text = m.index(row, col).data(Qt.ItemDataRole.DisplayRole)
            if text:
                tallest = max(tallest, text_height(fm, str(text), max(20, t.columnWidth(col) - 10)))
        return tallest + 10

    def _apply_widths(self) -> None:
        m, t = self.model, self.table
        widths = {COL_ITEM: 156, m.tail_column(TAIL_ESTIMATE): 84, m.tail_column(TAIL_STATUS): 128,
                  m.tail_column(TAIL_DECISION): 164}
        if m.long_layout:
            widths |= {LONG_MEMBER: 110, LONG_ASK: 280, LONG_CASES: 84, LONG_REASON: 120, LONG_SERVICE: 280}
        elif m.members:
            # The members share what the item's columns leave, so that 4 to 8 fit side by side.
            # From the view's own width: the table's viewport is resized after this view is.
            margins = self.layout().contentsMargins()
            room = (self.width() - margins.left() - margins.right() - 2 * t.frameWidth()
                    - t.verticalScrollBar().sizeHint().width() - 2)
            each = max(MEMBER_MIN, min(MEMBER_MAX, (room - sum(widths.values())) // len(m.members)))
            widths |= {m.member_column(name): each for name in m.members}
        for col, width in widths.items():
            t.setColumnWidth(col, width)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._apply_widths()

    def chosen_items(self) -> list[tuple[int, str]]:
        """(id, 要望番号) of every item with a selected line, in the order shown (group lines left out)."""
        out: dict[int, str] = {}
        for r in sorted(index.row() for index in self.table.selectionModel().selectedRows()):
            row = self.model.index(r, 0).data(ROW_ROLE)
            if row is not None:
                out.setdefault(row.item_id, row.key)
        return list(out.items())

    # --- exports ----------------------------------------------------------------------

    def export(self, kind: str):
        """PDF に書き出す… / Excel に書き出す…: ask paper, 資料番号, date and meeting, then write in the worker."""
        from ..dialogs.comparison_export_dialog import ComparisonExportDialog
        from ..dialogs.report_export import export_report
        from ..file_dialogs import dated_file_name

        dialog = ComparisonExportDialog(self._meetings, kind=kind, parent=self)
        if not dialog.exec():
            return None
        paper, doc_number, meeting_id, created_on = dialog.paper(), dialog.doc_number(), dialog.meeting_id(), dialog.created_on()
        sub = self.subcommittee_combo.currentData() if meeting_id is None else None
        member = self.member_combo.currentData()
        undecided, long_layout = self.undecided_check.isChecked(), self.long_check.isChecked()

        if kind == "pdf":
            from cloudsuppress.reports.comparison_pdf import write_comparison_pdf as writer

            file_filter = self.tr("PDF (*.pdf)")
        else:
            from cloudsuppress.reports.comparison_xlsx import write_comparison_xlsx as writer

            file_filter = self.tr("Excel ブック (*.xlsx)")

        def write(path):
            table = self.runner.read(lambda s: build_comparison(
                s, subcommittee_id=sub, meeting_id=meeting_id, undecided_only=undecided, member_id=member,
                long_layout=long_layout))
            return writer(path, table, paper=paper, doc_number=doc_number, created_on=created_on)

        # 「比較一覧表_住民業務部会_R081210.pdf」: what, for which 部会 (or meeting), and when.
        if meeting_id is not None:
            scope = next((m.label for m in self._meetings if m.id == meeting_id), None)
        elif sub is not None:
            scope = self.tr("{0}部会").format(self.subcommittee_combo.currentText())
        else:
            scope = None
        suggested = dated_file_name(self.tr("比較一覧表"), scope, on=created_on, suffix=kind)
        path = export_report(self.runner, parent=self, caption=self.tr("比較一覧表を書き出す"), suggested=suggested,
                             file_filter=file_filter, write=write, folder=self._last_folder,
                             label=self.tr("比較一覧表を書き出しています…"), preview=True)
        if path is not None:
            self._last_folder = str(path.parent)
            self.status_message.emit(self.tr("比較一覧表を書き出しました: {0}").format(path))
        return path

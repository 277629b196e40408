"""FunctionPicker: choose one package function out of 30,000 by typing part of its ID or name.

It drives a ``FunctionTableModel`` (the same self-filtering model as the function browser,
fast enough to filter on every keystroke) and shows only the ID, business system and name
columns. The model is handed in, so the request view can keep one loaded model for every
editor it opens instead of reading and indexing the whole list each time; the picker clears
the model's filters when it takes it over.

From the keyboard: the arrow and page keys in the search box move the highlight in the
result table (the highlighted row is the chosen function, as a click would make it), and
Enter in the search box or the table confirms it (the top match when nothing is highlighted)
and emits ``confirmed``, so the editor moves on to the next field instead of saving.
Tab leaves the table (no cell-by-cell Tab walk).

Forms (帳票) are offered beside functions (a 種別 column); retired IDs (欠番) never are: a new
request cannot point at one. An existing request that already points at one still shows it
as chosen, marked 欠番.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cloudsuppress.ops.functions import FunctionRow

from ..labels import fit_text
from ..search_field import add_clear_action
from ..table_models.function_table_model import (
    COL_CODE,
    COL_FIT,
    COL_KIND,
    COL_NAME,
    COL_SYSTEM,
    COLUMN_COUNT,
    FunctionTableModel,
    fitted_column_texts,
)
from ..table_setup import fitted_widths

_SHOWN = (COL_CODE, COL_KIND, COL_SYSTEM, COL_NAME, COL_FIT)
_MOVES = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 2, Qt.Key.Key_PageUp: -2}  # ±2: a page


class FunctionPicker(QWidget):
    """Search box, a short result table and the chosen function; emits ``function_changed``."""

    function_changed = Signal(object)  # FunctionRow or None
    confirmed = Signal(object)  # Enter chose this FunctionRow

    def __init__(self, model: FunctionTableModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self._chosen: FunctionRow | None = None
        model.set_filter(text="", fit=None, requirement_class=None, subcommittee_id=None, business_system_id=None,
                         kind=None, hide_retired=True)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("機能ID・機能名・業務で検索（入力するたびに絞り込みます）"))
        self.clear_search = add_clear_action(self.search)  # without Qt's fade (ui/search_field.py)
        self.search.setAccessibleName(self.tr("機能の検索"))
        self.search.textChanged.connect(self._on_search)
        self.count_label = QLabel()
        self.count_label.setStyleSheet("color: #4a5568;")

        self.table = QTableView()
        self.table.setModel(model)
        self.table.setAccessibleName(self.tr("機能の一覧"))
        self.table.setTabKeyNavigation(False)
        for col in range(COLUMN_COUNT):
            self.table.setColumnHidden(col, col not in _SHOWN)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setAlternatingRowColors(True)
        vh = self.table.verticalHeader()
        vh.setVisible(False)
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(self.fontMetrics().height() + 8)
        hh = self.table.horizontalHeader()
        hh.setStretchLastSection(False)
        # 種別 and 適合度 as wide as their words in the UI language (English 'Function' is wider than 「機能」)
        widths = fitted_widths(self.table, {COL_CODE: 84, COL_SYSTEM: 140, COL_FIT: 56, COL_KIND: 48},
                               fitted_column_texts())
        for col, width in widths.items():
            self.table.setColumnWidth(col, width)
        hh.moveSection(hh.visualIndex(COL_KIND), hh.visualIndex(COL_CODE) + 1)
        hh.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        self.table.setFixedHeight(vh.defaultSectionSize() * 5 + hh.sizeHint().height() + 4)
        self.table.selectionModel().currentRowChanged.connect(self._on_row)
        self.search.installEventFilter(self)
        self.table.installEventFilter(self)

        self.chosen_label = QLabel()
        self.chosen_label.setObjectName("chosenFunction")
        self.chosen_label.setWordWrap(True)
        self.chosen_label.setStyleSheet("QLabel#chosenFunction { font-weight: bold; color: #1f3a5f; }")

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addWidget(self.chosen_label)
        self._update_counts()
        self._show_chosen()

    def chosen(self) -> FunctionRow | None:
        """The function chosen, or None."""
        return self._chosen

    def set_function(self, function_id: int | None) -> bool:
        """Choose a function by id (showing it in the table); False when it is not in the list."""
        if function_id is None:
            self._set_chosen(None)
            return True
        row = self.model.row_of_function(function_id)
        if row is None:
            self.model.set_filter(text="")
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            self._update_counts()
            row = self.model.row_of_function(function_id)
        if row is None:
            found = self.model.function_by_id(function_id)
            if found is None or not found.retired:
                return False
            self.table.clearSelection()  # an old request's 欠番 target: shown as chosen, never offered
            self._set_chosen(found)
            return True
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, COL_CODE), QAbstractItemView.ScrollHint.PositionAtCenter)
        self._set_chosen(self.model.row_at(row))
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() != QEvent.Type.KeyPress or watched not in (self.search, self.table):
            return False
        key = event.key()
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            self.confirm()
            return True  # never the dialog's default button
        if watched is self.search and key in _MOVES and plain:
            self._move_highlight(_MOVES[key])
            return True
        return False

    def confirm(self) -> FunctionRow | None:
        """Choose the highlighted row (the top match when none is) and emit ``confirmed``."""
        index = self.table.currentIndex()
        if index.isValid():
            self._set_chosen(self.model.row_at(index.row()))
        elif self.model.rowCount() and (self._chosen is None or self.model.row_of_function(self._chosen.id) is None):
            self.table.selectRow(0)
        if self._chosen is not None:
            self.confirmed.emit(self._chosen)
        return self._chosen

    def _move_highlight(self, step: int) -> None:
        count = self.model.rowCount()
        if not count:
            return
        current = self.table.currentIndex()
        page = max(1, self.table.viewport().height() // max(1, self.table.verticalHeader().defaultSectionSize()))
        delta = step if abs(step) == 1 else (page if step > 0 else -page)
        row = 0 if not current.isValid() else min(count - 1, max(0, current.row() + delta))
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, COL_CODE))

    def _on_search(self, text: str) -> None:
        self.model.set_filter(text=text)
        self._update_counts()
        row = self.model.row_of_function(self._chosen.id) if self._chosen is not None else None
        # The model keeps the view's scroll across a filter (a layout change): the chosen row is brought
        # into view, or the list starts at its top, as when a filter reset the model.
        if row is not None:
            self.table.selectRow(row)
            self.table.doItemsLayout()  # the new row count before scrolling (a layout change is laid out later)
            self.table.scrollTo(self.model.index(row, COL_CODE))
        else:
            self.table.scrollToTop()
        if self.model.rowCount() == 1 and self._chosen is None:
            self.table.selectRow(0)

    def _on_row(self, current, _previous) -> None:
        if current.isValid():
            self._set_chosen(self.model.row_at(current.row()))

    def _set_chosen(self, row: FunctionRow | None) -> None:
        if row == self._chosen:
            return
        self._chosen = row
        self._show_chosen()
        self.function_changed.emit(row)

    def _show_chosen(self) -> None:
        r = self._chosen
        if r is None:
            self.chosen_label.setText(self.tr("機能が選ばれていません。一覧から選んでください。"))
        else:
            fit = self.tr("　適合度 {0}").format(fit_text(r.fit)) if r.fit else ""
            code = self.tr("帳票 {0}").format(r.code) if r.kind == "form" else r.code
            text = self.tr("選択中: {0} {1}（{2}）{3}").format(code, r.name, r.business_system, fit)
            if r.retired:
                text += self.tr("　※欠番（削除されたID）")
            self.chosen_label.setText(text)

    def _update_counts(self) -> None:
        self.count_label.setText(self.tr("{0} 件").format(f"{self.model.visible_count:,}"))

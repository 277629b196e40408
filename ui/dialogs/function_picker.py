"""FunctionPicker: choose one package function out of 30,000 by typing part of its ID or name.

It drives a ``FunctionTableModel`` (the same self-filtering model as the function browser,
fast enough to filter on every keystroke) and shows only the ID, business system and name
columns. The model is handed in, so the request view can keep one loaded model for every
editor it opens instead of reading and indexing the whole list each time; the picker clears
the model's filters when it takes it over.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
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

from ..table_models.function_table_model import COL_CODE, COL_FIT, COL_NAME, COL_SYSTEM, COLUMN_COUNT, FunctionTableModel

_SHOWN = (COL_CODE, COL_SYSTEM, COL_NAME, COL_FIT)


class FunctionPicker(QWidget):
    """Search box, a short result table and the chosen function; emits ``function_changed``."""

    function_changed = Signal(object)  # FunctionRow or None

    def __init__(self, model: FunctionTableModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self._chosen: FunctionRow | None = None
        model.set_filter(text="", fit=None, requirement_class=None, subcommittee_id=None, business_system_id=None)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("機能ID・機能名・業務で検索（入力するたびに絞り込みます）"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search)
        self.count_label = QLabel()
        self.count_label.setStyleSheet("color: #4a5568;")

        self.table = QTableView()
        self.table.setModel(model)
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
        self.table.setColumnWidth(COL_CODE, 84)
        self.table.setColumnWidth(COL_SYSTEM, 140)
        self.table.setColumnWidth(COL_FIT, 56)
        hh.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        self.table.setFixedHeight(vh.defaultSectionSize() * 5 + hh.sizeHint().height() + 4)
        self.table.selectionModel().currentRowChanged.connect(self._on_row)

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
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, COL_CODE), QAbstractItemView.ScrollHint.PositionAtCenter)
        self._set_chosen(self.model.row_at(row))
        return True

    def _on_search(self, text: str) -> None:
        self.model.set_filter(text=text)
        self._update_counts()
        if self._chosen is not None:
            row = self.model.row_of_function(self._chosen.id)
            if row is not None:
                self.table.selectRow(row)
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
            fit = f"　適合度 {r.fit}" if r.fit else ""
            self.chosen_label.setText(self.tr("選択中: {0} {1}（{2}）{3}").format(r.code, r.name, r.business_system, fit))

    def _update_counts(self) -> None:
        self.count_label.setText(self.tr("{0} 件").format(f"{self.model.visible_count:,}"))

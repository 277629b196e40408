"""The function table at keystroke speed (issue 18): a repaint asks Python once per cell, a key
changes the shown rows without resetting the table, and the table keeps its width while typing."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QAbstractTableModel, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QTableView

from cloudsuppress.ops.functions import list_function_rows
from ui.table_models.function_table_model import COLUMN_COUNT, COLUMN_WIDTHS, FunctionTableModel

PAINTED_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ForegroundRole,
                 Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.FontRole, Qt.ItemDataRole.DecorationRole,
                 Qt.ItemDataRole.CheckStateRole)


@pytest.fixture
def rows(demo_db):
    """The demo's rows with every look a cell can take: each fit, a form, a retired ID, a 代替 ○."""
    with demo_db.session() as s:
        rows = list_function_rows(s)
    rows[0] = rows[0]._replace(retired=True)
    rows[1] = rows[1]._replace(kind="form")
    rows[2] = rows[2]._replace(fit="△")
    rows[3] = rows[3]._replace(fit="×")
    rows[4] = rows[4]._replace(fit=None)
    rows[5] = rows[5]._replace(fit_alternative=True, convenience=True)
    rows[6] = rows[6]._replace(kind="form", retired=True)
    return rows


class PerRoleModel(FunctionTableModel):
    """The model as it was: every role of every painted cell asked through ``data``."""

    def multiData(self, index, span):  # noqa: N802 - Qt's name
        QAbstractTableModel.multiData(self, index, span)


def table(model, qtbot):
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    for col, width in COLUMN_WIDTHS.items():
        view.setColumnWidth(col, width)
    view.resize(1100, 330)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_painted_cells_look_as_they_did_when_each_role_was_asked_apart(rows, qtbot, app_font):
    """The same pixels from multiData (kept per row) as from data() role by role, after a search too."""
    images = []
    for cls in (FunctionTableModel, PerRoleModel):
        model = cls()
        model.set_rows(rows)
        view = table(model, qtbot)
        first = view.grab().toImage()
        model.set_filter(text=rows[3].name[:2])
        images.append((first, view.grab().toImage()))
    assert images[0][0] == images[1][0]
    assert images[0][1] == images[1][1]


def test_multi_data_answers_what_data_answers_for_every_role(rows, qapp):
    """Each role as data() says, the second time from the kept cells too, and a role without a value
    cleared (the delegate hands the same role data from cell to cell: a strike-through leaked on)."""
    from PySide6.QtCore import QModelRoleData, QModelRoleDataSpan

    model = FunctionTableModel()
    model.set_rows(rows)
    roles = [*PAINTED_ROLES, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.UserRole, Qt.ItemDataRole.SizeHintRole]
    for row in range(10):
        for col in range(COLUMN_COUNT):
            index = model.index(row, col)
            for _ in range(2):
                for role in roles:
                    item = QModelRoleData(role)
                    item.setData("left from the cell before")
                    model.multiData(index, QModelRoleDataSpan(item))
                    assert item.data() == model.data(index, role), (row, col, role)


def test_a_repaint_asks_python_once_per_cell_not_once_per_role(rows, qtbot, app_font):
    """Qt's delegate asks seven roles per cell; through data() a 1366x768 repaint was ~1,000 calls into
    Python, most of a key's 16 ms."""
    asked, cells = [], []

    class Counting(FunctionTableModel):
        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            asked.append(role)
            return super().data(index, role)

        def multiData(self, index, span):  # noqa: N802 - Qt's name
            cells.append(1)
            super().multiData(index, span)

    model = Counting()
    model.set_rows(rows)
    view = table(model, qtbot)
    asked.clear()
    view.grab()
    assert len(cells) >= 90  # painted: 10 rows and more of 9 cells
    assert [r for r in asked if r in PAINTED_ROLES] == []


def test_a_filter_is_a_layout_change_that_keeps_selected_rows_on_their_functions(rows, qtbot, qtmodeltester):
    """No model reset per key (the view forgot its selection and laid everything out again); persistent
    indexes follow their functions, or go invalid when the filter hides them."""
    model = FunctionTableModel()
    model.set_rows(rows)
    qtmodeltester.check(model)  # stays attached: checks every layout change below
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    target = rows[40]
    kept = QPersistentModelIndex(model.index(40, 2))
    hidden = QPersistentModelIndex(model.index(41, 0))
    model.set_filter(text=target.code)
    assert resets == []
    assert kept.isValid() and model.row_at(kept.row()) == target and kept.column() == 2
    assert (not hidden.isValid()) or model.row_at(hidden.row()) == rows[41]
    model.set_filter(text=target.code + "該当なし")
    assert not kept.isValid() and model.rowCount() == 0
    model.set_filter(text="")
    assert model.rowCount() == len(rows) and resets == []
    assert model.row_of_function(target.id) == 40
    assert model.row_of_function(rows[-1].id) == len(rows) - 1


def test_typing_keeps_the_table_width_and_the_selection(main_window):
    """A search leaving a screenful or less used to hide the vertical scroll bar: the table widened under
    the key being typed (the slowest keys). The bar stays; the selected function stays selected."""
    view = main_window.functions
    view.table.selectRow(2)
    chosen = view.model.row_at(2)
    width = view.table.viewport().width()
    for i in range(1, len(chosen.code) + 1):
        view.search.setText(chosen.code[:i])
        assert view.table.viewport().width() == width
    assert view.model.rowCount() < 5
    assert view.model.row_at(view.table.currentIndex().row()) == chosen
    assert view.table.selectionModel().selectedRows() == [view.model.index(view.table.currentIndex().row(), 0)]


def test_a_search_shows_the_selected_row_or_starts_at_the_top(main_window, qtbot):
    """The model keeps the view's scroll across a filter now: the browser scrolls to the selected
    function when the filter still shows it, and to the top when it does not (as the reset did)."""
    view = main_window.functions
    bar = view.table.verticalScrollBar()
    view.table.selectRow(250)
    view.table.scrollTo(view.model.index(250, 0))
    chosen = view.model.row_at(250)
    assert bar.value() > 0
    view.search.setText(chosen.name)
    row = view.model.row_of_function(chosen.id)
    assert row is not None and view.table.viewport().rect().intersects(view.table.visualRect(view.model.index(row, 0)))
    view.search.setText("")
    row = view.model.row_of_function(chosen.id)
    assert view.table.viewport().rect().contains(view.table.visualRect(view.model.index(row, 0)).center())
    first = view.model.row_at(0)
    assert first.subcommittee_id != chosen.subcommittee_id
    view.search.setText("")
    assert view.select_tree_node("subcommittee", first.subcommittee_id)  # a screenful and more, without the selected
    assert view.model.row_of_function(chosen.id) is None and view.model.rowCount() > 40
    assert bar.value() == 0


def test_the_request_pickers_chosen_row_stays_in_view_while_typing(rows, qtbot, app_font):
    from ui.request_editor.function_picker import FunctionPicker

    model = FunctionTableModel()
    model.set_rows(rows)
    picker = FunctionPicker(model)
    qtbot.addWidget(picker)
    picker.resize(900, 400)
    picker.show()
    qtbot.waitExposed(picker)
    chosen = rows[200]
    assert picker.set_function(chosen.id)
    for i in range(1, len(chosen.code) + 1):
        picker.search.setText(chosen.code[:i])
        row = model.row_of_function(chosen.id)
        assert picker.table.viewport().rect().contains(picker.table.visualRect(model.index(row, 0)).center()), i
    picker.search.setText(chosen.code + "該当なし")
    picker.search.setText("")
    assert picker.table.verticalScrollBar().value() == 0 or picker.chosen() == chosen

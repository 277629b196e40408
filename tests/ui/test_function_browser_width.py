"""The function browser on the committee laptop (1280×720, 1366×768) with a whole 専門部会 or the
whole list selected: the 業務 column is needed then, and 機能名 was left about 80–110 px wide (a2's
note, issue 12). 機能名 keeps a usable width: the other columns narrow and 便利機能 (shown in the
detail below) is hidden when the table is narrow, and come back when it is wide again."""
from __future__ import annotations

import pytest

from ui.table_models.function_table_model import COL_CONVENIENCE, COL_NAME, COL_SYSTEM
from ui.views.function_browser_view import NODE_ROLE

MIN_NAME = 200  # 12 full-width characters of 機能名 at the app's font, with padding


@pytest.mark.parametrize("size", [(1280, 720), (1366, 768)])
@pytest.mark.parametrize("node", ["all", "subcommittee"])
def test_function_name_keeps_a_usable_width_with_a_whole_subcommittee(shown_view, qtbot, size, node):
    view = shown_view("functions", size)
    if node == "all":
        assert view.select_tree_node("all", None)
    else:
        first = next(n for n in (i.data(0, NODE_ROLE) for i in view._iter_items()) if n.kind == "subcommittee")
        assert view.select_tree_node("subcommittee", first.id)
    qtbot.wait(50)
    table = view.table
    assert not table.isColumnHidden(COL_SYSTEM)  # several 業務: the column says which
    assert table.columnWidth(COL_NAME) >= MIN_NAME, table.columnWidth(COL_NAME)
    shown = sum(table.columnWidth(c) for c in range(view.model.columnCount()) if not table.isColumnHidden(c))
    assert shown <= table.viewport().width() + 1  # no horizontal scrolling to reach 適合度


def test_a_wide_window_shows_every_column_again(main_window, shown_view, qtbot):
    view = shown_view("functions", (1280, 720))
    assert view.select_tree_node("all", None)
    qtbot.wait(50)
    main_window.resize(1900, 1000)
    qtbot.waitUntil(lambda: not view.table.isColumnHidden(COL_CONVENIENCE))
    assert view.table.columnWidth(COL_NAME) >= MIN_NAME


def test_typing_a_search_moves_nothing_beside_the_counts(shown_view, qtbot):
    """Issue 18's slowest keys: the count label narrowed and widened with each key (「表示 3,069 件」 →
    「表示 12 件」), moving the word-wrapped fit-gap line beside it, so the whole view was laid out
    and painted again. The label keeps the width of this list's widest count while the user types."""
    view = shown_view("functions", (1366, 768))
    stats, width = view.node_stats.geometry(), view.count_label.width()
    total = view.model.visible_count
    for text in ("証明", "証明書", "該当しない語句ｘｙｚ", ""):
        view.search.setText(text)
        qtbot.waitUntil(lambda text=text: view.model.visible_count < total if text else view.model.visible_count == total)
        qtbot.wait(20)
        assert view.count_label.width() == width, (text, view.count_label.text())
        assert view.node_stats.geometry() == stats, text


def test_the_search_clear_button_shows_with_text_and_clears(shown_view, qtbot):
    """The search box's clear button (an action without Qt's fade animation, issue 18) is there only
    while there is something to clear, and clearing shows the whole list again."""
    view = shown_view("functions", (1366, 768))
    total = view.model.visible_count
    assert not view.search.isClearButtonEnabled() and not view.clear_search.isVisible()
    view.search.setText("証明")
    qtbot.waitUntil(lambda: view.model.visible_count < total)
    assert view.clear_search.isVisible()
    view.clear_search.trigger()
    assert view.search.text() == "" and not view.clear_search.isVisible()
    qtbot.waitUntil(lambda: view.model.visible_count == total)


@pytest.mark.parametrize("where", ["members", "requests", "picker"])
def test_every_filtering_search_box_has_the_clear_button_without_the_fade(main_window, qtbot, where):
    """The other search boxes that filter as the user types (団体, 要望, the request editor's function
    picker over the whole list) use the same button: Qt's fading one is enabled nowhere."""
    from ui.request_editor.function_picker import FunctionPicker
    from ui.table_models.function_table_model import FunctionTableModel

    if where == "picker":
        holder = FunctionPicker(FunctionTableModel())
        qtbot.addWidget(holder)
    else:
        main_window.show_view(where)
        holder = main_window.view(where)
    search, action = holder.search, holder.clear_search
    assert not search.isClearButtonEnabled() and not action.isVisible()
    search.setText("x")
    assert action.isVisible()
    action.trigger()
    assert search.text() == "" and not action.isVisible()

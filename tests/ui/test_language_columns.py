"""English words are longer than the Japanese the column widths were chosen for: a column whose values
are a closed vocabulary (a function's 種別, a meeting's 種別, the fit) is as wide as its widest word in the
UI language, so 'Function' and 'Subcommittee' are not shown as 'Fun…' and 'Subcom…'."""
from __future__ import annotations

from .test_language_labels import english  # noqa: F401


def _fits(table, col: int, text: str) -> bool:
    return table.columnWidth(col) >= table.fontMetrics().horizontalAdvance(text) + 8


def test_the_kind_columns_show_their_english_words_whole(english, main_window, runner):  # noqa: F811
    from ui.request_editor.function_picker import FunctionPicker
    from ui.table_models import function_table_model as ft
    from ui.table_models import meeting_table_model as mt

    main_window.show_view("functions")
    table = main_window.functions.table
    assert table.model().index(0, ft.COL_KIND).data() == "Function"
    for word in ("Function", "Form", "Retired", "Not assessed", "○ alt."):
        assert _fits(table, ft.COL_KIND if word in ("Function", "Form", "Retired") else ft.COL_FIT, word), word

    picker = FunctionPicker(ft.FunctionTableModel())
    assert _fits(picker.table, ft.COL_KIND, "Function")
    picker.deleteLater()

    main_window.show_view("meetings")
    table = main_window.meetings.table
    assert table.model().index(0, mt.COL_KIND).data() == "Subcommittee"
    for word in ("Consortium", "Subcommittee", "Working group"):
        assert _fits(table, mt.COL_KIND, word), word


def test_japanese_widths_stay_as_chosen(main_window, app_font):
    """In Japanese the words fit the chosen widths; only the header's sort-arrow room may add a pixel or two."""
    from ui.table_models import function_table_model as ft
    from ui.table_models import meeting_table_model as mt

    main_window.show_view("meetings")
    assert main_window.meetings.table.columnWidth(mt.COL_KIND) == mt.MEETING_WIDTHS[mt.COL_KIND]
    main_window.show_view("functions")
    assert ft.COLUMN_WIDTHS[ft.COL_KIND] <= main_window.functions.table.columnWidth(ft.COL_KIND) <= 48

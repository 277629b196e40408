"""A restored window narrower than the screen (the walk at 1366×768: restored and dragged to
about 1000×600, which the app remembers): the 機能一覧 tree's name column was squeezed to zero
(only counts and rates showed, the header read 「専門…」), and the 要望 filter row crushed its
search box to 「…」 with 「表示 36 件／全 36 件」 over the 業務 combo. At every width the main
window allows, the tree keeps room for a 業務 name and nothing in the filter row overlaps or is cut."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from ui.views.function_browser_view import NODE_ROLE, FunctionBrowserView
from ui.views.request_list_view import RequestListView

SIZES = [(960, 600), (1000, 600), (1280, 720), (1366, 768)]



@pytest.mark.parametrize("size", SIZES)
def test_the_tree_shows_business_system_names_in_a_narrow_window(shown_view, size):
    view = shown_view("functions", size)
    assert isinstance(view, FunctionBrowserView)
    tree = view.tree
    fm = tree.fontMetrics()
    wanted = fm.horizontalAdvance("国民健康保険")  # six full-width characters of a 業務 name at least
    systems = [i for i in view._iter_items() if i.data(0, NODE_ROLE).kind == "system"]
    assert systems
    for item in systems[:3]:
        rect = tree.visualItemRect(item)
        name_right = tree.header().sectionViewportPosition(0) + tree.header().sectionSize(0)
        room = name_right - rect.left()  # from where the 業務 row's text starts to the end of its column
        assert room >= wanted, (size, room, wanted, tree.width())


def test_the_tree_keeps_its_name_column_at_the_window_minimum(main_window, shown_view):
    least = main_window.minimumSize()
    view = shown_view("functions", (least.width(), least.height()))
    assert view.tree.header().sectionSize(0) >= view.tree.fontMetrics().horizontalAdvance("国民健康保険")


def _overlaps(a: QWidget, b: QWidget, parent: QWidget) -> bool:
    ra = a.geometry().translated(a.parentWidget().mapTo(parent, a.parentWidget().rect().topLeft()))
    rb = b.geometry().translated(b.parentWidget().mapTo(parent, b.parentWidget().rect().topLeft()))
    return ra.intersects(rb)


@pytest.mark.parametrize("size", SIZES)
def test_the_request_filter_row_fits_a_narrow_window(shown_view, size):
    view = shown_view("requests", size)
    assert isinstance(view, RequestListView)
    search = view.search
    # the search box stays a box to type in, not a 「…」 beside the clear button
    assert search.width() >= search.fontMetrics().horizontalAdvance("要望番号・要望名") + 24, search.width()
    label = view.count_label
    assert label.width() >= label.sizeHint().width(), (label.width(), label.sizeHint().width())  # not cut
    parts: list[QWidget] = [search, label, view.status_combo, view.member_combo, view.subcommittee_combo,
                            view.system_combo]
    parts += [w for w in view.findChildren(QLabel) if w.text() in ("状態", "団体", "専門部会", "業務")]
    for i, a in enumerate(parts):
        r = a.geometry().translated(a.parentWidget().mapTo(view, a.parentWidget().rect().topLeft()))
        assert r.right() <= view.width(), (size, a, r)  # inside the view: nothing cut at its right
        for b in parts[i + 1:]:
            assert not _overlaps(a, b, view), (size, a, b)
    for combo in view.findChildren(QComboBox):
        assert combo.width() >= combo.minimumSizeHint().width() or combo.width() >= 80
    assert isinstance(search, QLineEdit)


@pytest.mark.parametrize("size", SIZES)
def test_the_function_filter_row_fits_beside_the_wider_tree(shown_view, size):
    view = shown_view("functions", size)
    parts: list[QWidget] = [view.search, view.fit_combo, view.class_combo, view.kind_combo]
    parts += [w for w in view.findChildren(QLabel) if w.text() in ("適合度", "実装区分", "種別")]
    assert view.search.width() >= view.search.minimumWidth()
    right = view.table.mapTo(view, view.table.rect().topRight()).x()
    for i, a in enumerate(parts):
        r = a.geometry().translated(a.parentWidget().mapTo(view, a.parentWidget().rect().topLeft()))
        assert r.right() <= right + 1, (size, a, r, right)
        for b in parts[i + 1:]:
            assert not _overlaps(a, b, view), (size, a, b)

"""Review R29: presentation mode with one very long request beside short ones. The columns are
balanced before anything is cut (the long request keeps far more than the old 110 characters while
the short members' texts stay whole), a number stays with its unit (「年間 2,960 件」), and Z shows
one member's whole text — over columns and, when even that does not fit, pages — then the next
member, then all members again (Esc too)."""
from __future__ import annotations

import dataclasses
from itertools import pairwise

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont

from cloudsuppress.ops.presentation import PresentedItem, PresentedMember
from ui.views.presentation_view import MIN_PT, PresentationView, SlideLayout, item_html

from .test_presentation import eight  # noqa: F401  (fixture)

SHORT = "納期限を過ぎた税の再発行納付書にもバーコードを印字し、コンビニで納付できるようにしてほしい。"
DETAIL = "納期限後は窓口か金融機関でしか納付できず、住民が平日に出向かなければならない。"
LONG = "1.1.1. 日本人住民データの管理\n\n【実装すべき機能】\n" + "\n".join(
    f"・項目{i:02d}（住民票の記載事項として管理し、証明書に出力できること。）" for i in range(1, 31))


def _member(name: str, content: str, cases: int) -> PresentedMember:
    return PresentedMember(name, content, "事務効率・処理件数", cases, True, "低下する", DETAIL, None, False, None, ())


def _item(view) -> PresentedItem:
    real = view.canvas.presentation.items[0]
    members = (_member("那珂市", LONG, 2400), _member("かすみがうら市", SHORT, 2960), _member("五霞町", SHORT, 650))
    return PresentedItem(1, 1, real.row, "○", None, None, members, ("常陸大宮市",))


def test_columns_are_balanced_before_a_long_request_is_cut(runner, eight, qtbot):
    view = PresentationView(runner, eight[0])
    qtbot.addWidget(view)
    layout = SlideLayout(_item(view), 1920 - 96, 1080 - 180 - 90, 1.0, QFont(view.font()))
    text = layout.doc.toPlainText()
    assert layout.point_size >= MIN_PT and layout.doc.size().height() <= layout.height
    assert layout.widths is not None and layout.widths[0] > max(layout.widths[1:])  # the long request is wider
    assert LONG[:300] in text.replace("\u2029", "\n")  # far more than the old cut at 110 characters
    assert text.count(SHORT) == 2 and text.count(DETAIL) == 3  # the short members are never cut
    assert "年間&nbsp;2,960&nbsp;件" in item_html(_item(view), 20, 3, None)


def test_z_shows_each_members_whole_text_then_all(runner, eight, qtbot):
    view = PresentationView(runner, eight[0])
    qtbot.addWidget(view)
    view.resize(QSize(1920, 1080))
    view.show()
    item = _item(view)
    pres = view.canvas.presentation
    view.canvas.set_presentation(dataclasses.replace(pres, items=(item,)), 0)
    assert view.canvas.slide_layout().truncated  # all three members: the long one is cut
    shown = []
    for _ in range(10):
        qtbot.keyClick(view.canvas, Qt.Key.Key_Z)
        if view.canvas.only != 0:
            break
        layout = view.canvas.slide_layout()
        assert not layout.truncated and layout.point_size >= MIN_PT and layout.doc.size().height() <= layout.height
        shown.append(layout.page)
    # The pages of 那珂市's request cover it whole, in order, without a gap.
    assert shown[0][0] == 0 and shown[-1][1] == len(LONG)
    assert all(a[1] == b[0] for a, b in pairwise(shown))
    assert view.canvas.only == 1 and "かすみがうら市" in view.canvas.slide_layout().doc.toPlainText()
    qtbot.keyClick(view.canvas, Qt.Key.Key_Escape)
    assert view.canvas.only is None and view.isVisible()

"""Presentation mode (F5, issue #13): one agenda item at a time for the meeting room. A keyboard-only
walk through an 8-item agenda recording 3 decisions with the meeting view's own op; nothing under
20 pt at 1920×1080 and no item taller than the slide (the longest demo item, and a made-up item
far longer); H hides the controls; F5 in the meeting view opens it on the chosen item."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont

from cloudsuppress.changes import ChangesWithId
from cloudsuppress.domain.workflow import Status
from cloudsuppress.ops import meetings as mops
from cloudsuppress.ops import requests as req
from cloudsuppress.ops.meeting_queries import agenda
from cloudsuppress.ops.presentation import PresentedHearing, PresentedItem, PresentedMember
from cloudsuppress.ops.request_queries import get_item_row, list_item_rows
from ui.main_window import VIEW_MEETINGS
from ui.views.presentation_view import MIN_PT, PresentationView, SlideLayout

from .test_main_window import type_japanese


@pytest.fixture
def eight(runner):
    """A 協議会 meeting whose agenda holds 8 items: the demo's 要望 and 検討中 items first, then decided ones."""
    rows = runner.read(list_item_rows)
    order = {Status.REQUESTED.value: 0, Status.UNDER_REVIEW.value: 1}
    picked = sorted(rows, key=lambda r: (order.get(r.status, 2), r.key))[:8]

    def setup(s):
        m = mops.create_meeting(s, kind="協議会", title="第2回 推進協議会", held_on=dt.date(2026, 12, 2)).id
        for r in picked:
            mops.add_agenda_item(s, meeting_id=m, item_id=r.id)
        return ChangesWithId(meetings=True, history=True, id=m)

    return runner.run(setup, parent=None).id, picked


def test_keyboard_walk_through_eight_items_recording_three_decisions(runner, eight, qtbot, no_message_boxes):
    mid, picked = eight
    view = PresentationView(runner, mid)
    qtbot.addWidget(view)
    view.resize(1920, 1080)
    view.show()
    slide = view.canvas
    assert view.position_text() == "1 / 8"
    qtbot.keyClick(slide, Qt.Key.Key_Left)  # nothing before the first
    assert view.position_text() == "1 / 8"
    requested = [r for r in picked if r.status == Status.REQUESTED.value]
    reviewing = [r for r in picked if r.status == Status.UNDER_REVIEW.value]
    assert len(requested) >= 2 and reviewing

    # item 1 (要望): key 1 = 標準化, the reason typed, Enter — straight from 要望, in two steps
    assert slide.item().row.key == requested[0].key
    qtbot.keyClick(slide, Qt.Key.Key_1)
    assert view.controls.reason_edit.hasFocus() or view.controls.reason_edit.isVisible()
    type_japanese(view.controls.reason_edit, "次期版で標準機能に追加される")
    qtbot.keyClick(view.controls.reason_edit, Qt.Key.Key_Return)
    assert view.position_text() == "1 / 8" and "決定済み: 標準化" in view.controls.state_label.text()

    # item 2 (要望): key 4 = 継続審議, Enter
    qtbot.keyClick(slide, Qt.Key.Key_Right)
    assert view.position_text() == "2 / 8" and slide.item().row.key == requested[1].key
    qtbot.keyClick(slide, Qt.Key.Key_4)
    qtbot.keyClick(view.controls.reason_edit, Qt.Key.Key_Return)

    # the 検討中 item: PageDown to it, key 2 = 取下げ
    target = next(n for n, it in enumerate(slide.presentation.items) if it.row.key == reviewing[0].key)
    while slide.index < target:
        qtbot.keyClick(slide, Qt.Key.Key_PageDown)
    qtbot.keyClick(slide, Qt.Key.Key_2)
    type_japanese(view.controls.reason_edit, "窓口の運用で対応できる")
    qtbot.keyClick(view.controls.reason_edit, Qt.Key.Key_Return)

    # walk to the end and back: 8 / 8 is the last
    for _ in range(10):
        qtbot.keyClick(slide, Qt.Key.Key_Right)
    assert view.position_text() == "8 / 8"
    qtbot.keyClick(slide, Qt.Key.Key_PageUp)
    assert view.position_text() == "7 / 8"
    qtbot.keyClick(slide, Qt.Key.Key_Home)
    assert view.position_text() == "1 / 8"

    assert no_message_boxes == []
    rows = {r.key: r for r in runner.read(lambda s: agenda(s, mid))}
    assert (rows[requested[0].key].status, rows[requested[0].key].decision_status) == ("standardized", "standardized")
    assert (rows[requested[1].key].status, rows[requested[1].key].outcome) == ("under_review", "continued")
    assert (rows[reviewing[0].key].status, rows[reviewing[0].key].decision_reason) == ("withdrawn", "窓口の運用で対応できる")
    others = [r for k, r in rows.items() if k not in (requested[0].key, requested[1].key, reviewing[0].key)]
    assert all(r.outcome is None for r in others)

    # H hides the decision controls; Esc leaves
    assert view.controls.isVisible()
    qtbot.keyClick(slide, Qt.Key.Key_H)
    assert not view.controls.isVisible()
    qtbot.keyClick(slide, Qt.Key.Key_Escape)
    assert not view.isVisible()


def test_every_item_fits_without_scrolling_and_nothing_is_under_20pt(runner, eight, qtbot, app_font):
    mid, _ = eight
    view = PresentationView(runner, mid)
    qtbot.addWidget(view)
    view.resize(QSize(1920, 1080))
    view.show()
    assert (view.canvas.width(), view.canvas.scale()) == (1920, 1.0)  # the controls take height, not size
    for n in range(8):
        view.go(n)
        layout = view.canvas.slide_layout()
        assert layout.min_point_size >= MIN_PT and layout.doc.size().height() <= layout.height, layout.item.row.key


def test_a_very_long_item_shrinks_then_flows_into_columns_then_cuts(runner, eight, qtbot, app_font):
    mid, _ = eight
    view = PresentationView(runner, mid)
    qtbot.addWidget(view)
    real = view.canvas.presentation.items[0]
    member = PresentedMember("かすみがうら市", "窓口で即日交付できるよう様式を追加してほしい。" * 12, "事務効率・処理件数", 12000, True,
                             "低下する", "様式がないと窓口で待ち時間が延びる。" * 3, None, False, 1_234_567,
                             (PresentedHearing(dt.date(2026, 6, 1), "処理の流れと件数を確認した。" * 4, 310),))
    long_item = PresentedItem(1, 8, real.row, "△", 9_900_000, "均等割", tuple([member] * 6), ("五霞町",))
    layout = SlideLayout(long_item, 1920 - 96, 1080 - 180, 1.0, QFont(view.font()))
    assert layout.point_size >= MIN_PT and layout.doc.size().height() <= layout.height
    assert layout.columns >= 3 and layout.truncated


def test_f5_in_the_meeting_view_opens_the_presentation_on_the_chosen_item(main_window, runner, eight, qtbot):
    mid, picked = eight
    main_window.show_view(VIEW_MEETINGS)
    assert main_window.meetings.select_meeting(mid)
    pane = main_window.meetings.detail
    pane.tabs.setCurrentIndex(1)
    pane.agenda_table.selectRow(2)
    view = pane.start_presentation(show=False)
    assert view is not None and view.position_text() == "3 / 8"
    assert view.canvas.item().row.key == pane.agenda_model.row_at(2).key
    view.close()


def test_with_two_screens_the_controls_get_a_window_on_the_laptop(runner, eight, qtbot, monkeypatch):
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QGuiApplication

    laptop = QGuiApplication.primaryScreen()

    class Projector:  # a second screen as QGuiApplication would list it
        def geometry(self):
            return QRect(laptop.geometry().right() + 1, 0, 1920, 1080)

    monkeypatch.setattr(QGuiApplication, "screens", staticmethod(lambda: [laptop, Projector()]))
    mid, _ = eight
    view = PresentationView(runner, mid)
    qtbot.addWidget(view)
    view.show_presentation()
    assert view.separate_controls and view.controls.isWindow() and view.controls.isVisible()
    assert view.controls.parent() is None and view.isFullScreen()
    assert laptop.availableGeometry().contains(view.controls.geometry().topLeft())
    controls = view.controls
    view.close()
    assert not controls.isVisible()


def test_key_6_records_customization_pending_approvals(runner, eight, qtbot, no_message_boxes):
    """R28: the presentation offers カスタマイズ decided in principle (key 6); the item stays 検討中."""
    mid, picked = eight
    requested = [r for r in picked if r.status == Status.REQUESTED.value][0]
    runner.run(lambda s: req.update_item(s, item_id=requested.id, estimate=500_000), parent=None)
    view = PresentationView(runner, mid)
    qtbot.addWidget(view)
    view.resize(1920, 1080)
    view.show()
    slide = view.canvas
    assert slide.item().row.key == requested.key
    qtbot.keyClick(slide, Qt.Key.Key_6)
    assert "財政課協議・首長決裁の後に確定" in view.controls.choice_combo.currentText()
    type_japanese(view.controls.reason_edit, "独自施策のため実施する")
    qtbot.keyClick(view.controls.reason_edit, Qt.Key.Key_Return)
    assert no_message_boxes == []
    assert runner.read(lambda s: get_item_row(s, requested.id)).status == Status.UNDER_REVIEW.value
    assert "決定済み: カスタマイズ実施（財政課協議・首長決裁の後に確定）" in view.controls.state_label.text()


def test_a_meeting_not_yet_held_offers_nothing_to_record_and_says_why(runner, qtbot, no_message_boxes):
    """Walk O12: in the presentation of a meeting dated after today, Enter was taken and refused only after
    the keypress. The controls say it and offer no 記録 (the op refuses anyway)."""
    from ui.dates import display_date

    later = dt.date.today() + dt.timedelta(days=5)
    item = next(r for r in runner.read(list_item_rows) if r.status == Status.REQUESTED.value)

    def setup(s):
        m = mops.create_meeting(s, kind="協議会", title="第3回 推進協議会", held_on=later).id
        mops.add_agenda_item(s, meeting_id=m, item_id=item.id)
        return ChangesWithId(meetings=True, id=m)

    view = PresentationView(runner, runner.run(setup, parent=None).id)
    qtbot.addWidget(view)
    controls = view.controls
    assert controls.state_label.text() == f"{display_date(later)}の会議です。協議結果は会議の当日から記録できます。"
    assert not controls.record_button.isEnabled() and not controls.reason_edit.isEnabled()
    assert no_message_boxes == []


def test_a_decision_to_under_review_reads_as_continued_on_the_slide(runner, eight, qtbot):
    """The minutes and the agenda call a decision that went only as far as 検討中 継続審議; the
    presentation said 「協議結果: 決定」 of it (#13 closing review)."""
    mid, picked = eight
    first = picked[0]
    runner.run(lambda s: mops.record_outcome(s, meeting_id=mid, item_id=first.id, outcome="decided",
                                             decide=Status.UNDER_REVIEW, reason="件数を確認"), parent=None)
    view = PresentationView(runner, mid)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    assert view.canvas.item().row.key == first.key
    assert view.controls.state_label.text() == "協議結果: 継続審議　状態: 検討中"


def test_an_item_decided_at_this_meeting_shows_its_decision_and_offers_no_second_recording(
        runner, eight, qtbot, no_message_boxes):
    """Walk 2026-12-07 (35): for an item decided 標準化 at this meeting the combo still read 「未協議 [0]」 under
    「この会議で決定済み: 標準化」, inviting a second recording (which the core refuses). The controls show the
    decision and its reason, and offer neither a choice nor 記録; keys 1–6 change nothing."""
    mid, picked = eight
    first = next(r for r in picked if r.status == Status.REQUESTED.value)
    runner.run(lambda s: mops.record_outcome(s, meeting_id=mid, item_id=first.id, outcome="decided",
                                             decide=Status.STANDARDIZED, reason="次期版で対応"), parent=None)
    view = PresentationView(runner, mid, start_item_id=first.id)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    controls = view.controls
    assert view.canvas.item().row.key == first.key
    assert controls.choice_combo.currentText().startswith("標準化とする")
    assert controls.reason_edit.text() == "次期版で対応"
    assert not controls.choice_combo.isEnabled() and not controls.record_button.isEnabled()
    assert not controls.reason_edit.isEnabled()
    assert "決定は記録し直せません" in controls.state_label.text()
    qtbot.keyClick(view.canvas, Qt.Key.Key_2)
    assert controls.choice_combo.currentText().startswith("標準化とする")
    assert controls.record() is False
    # the next item, not decided: the controls are offered again, cleared
    qtbot.keyClick(view.canvas, Qt.Key.Key_Right)
    assert controls.choice_combo.isEnabled() and controls.record_button.isEnabled()
    assert controls.choice_combo.currentIndex() == 0 and controls.reason_edit.text() == ""
    assert no_message_boxes == []

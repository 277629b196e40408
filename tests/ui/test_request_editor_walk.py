"""The request editor as the mouse walk of 2026-12-07 found it at 1366×768: the new-request form's fields
moved as the red messages came and went, the red 理由区分's open list was unreadable, a decided request's
fields looked editable but ignored typing, and 見積額 read 「550000」 after saving."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from cloudsuppress.domain.workflow import DECISIONS, OPEN, Status
from cloudsuppress.ops.request_queries import list_item_rows
from ui.main_window import VIEW_REQUESTS
from ui.request_editor.request_item_dialog import RequestItemDialog

from .test_main_window import type_japanese


@pytest.fixture
def open_editor(main_window, runner, qtbot):
    main_window.show_view(VIEW_REQUESTS)
    made = []

    def make(item_id=None):
        dialog = RequestItemDialog(runner, item_id=item_id, functions=main_window.requests.function_model())
        made.append(dialog)
        dialog.resize(1240, 700)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog
    yield make
    for dialog in made:  # closed without the unsaved-edits prompt (it would wait for an answer)
        dialog.done(0)
        dialog.deleteLater()


def _y(widget, top) -> int:
    QApplication.processEvents()
    return widget.mapTo(top, QPoint(0, 0)).y()


def test_the_new_request_form_keeps_its_fields_in_place_as_messages_come_and_go(open_editor):
    dialog = open_editor()
    form = dialog.new_form
    assert form.errors["content"].text()  # 要望内容 missing: its message is shown
    assert dialog.function_error.text()
    before = (_y(form.reason_combo, dialog), _y(form.cases_edit, dialog), _y(dialog.title_edit, dialog))
    form.content_edit.setFocus()
    type_japanese(form.content_edit, "受付番号を印字してほしい")
    assert form.errors["content"].text() == ""
    assert dialog.function_error.minimumHeight() >= dialog.function_error.fontMetrics().lineSpacing()
    assert (_y(form.reason_combo, dialog), _y(form.cases_edit, dialog), _y(dialog.title_edit, dialog)) == before


def test_the_red_reason_combo_opens_a_readable_list(open_editor, qtbot):
    """15_reason_combo.png: the highlighted 「（選んでください）」 was white on the pale pink of the closed box."""
    dialog = open_editor()
    combo = dialog.new_form.reason_combo
    assert "#b3261e" in combo.styleSheet()  # still marked red while nothing is chosen
    combo.showPopup()
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    image = view.viewport().grab().toImage()
    rect = view.visualRect(view.model().index(0, 0))
    colours = {}
    for x in range(rect.left() + 1, min(rect.right(), image.width() - 1), 2):
        for y in range(rect.top() + 1, min(rect.bottom(), image.height() - 1), 2):
            c = QColor(image.pixel(x, y)).name()
            colours[c] = colours.get(c, 0) + 1
    background = QColor(max(colours, key=colours.get))
    assert background.name() == combo.palette().color(combo.palette().ColorRole.Highlight).name()
    combo.hidePopup()


def test_a_decided_requests_fields_look_locked_and_say_why(open_editor, runner):
    """65b_edited.png: 見積額, 要望名 and 要望内容 of a decided request were white, took the focus frame and
    ignored typing without a word."""
    rows = runner.read(list_item_rows)
    decided = next(r for r in rows if Status(r.status) in DECISIONS)
    dialog = open_editor(decided.id)
    form = next(iter(dialog.forms.values()))
    window = dialog.palette().color(dialog.palette().ColorRole.Window)
    for field in (dialog.title_edit, dialog.estimate_edit, form.content_edit, form.detail_edit):
        assert field.isReadOnly()
        assert field.palette().color(field.palette().ColorRole.Base) == window, field
        assert field.toolTip().startswith("決定済みのため編集できません"), field
    dialog.close()
    # an open request: its fields are white again and keep their own tooltip
    opened = next(r for r in rows if Status(r.status) in OPEN)
    dialog = open_editor(opened.id)
    assert not dialog.estimate_edit.isReadOnly()
    assert dialog.estimate_edit.palette().color(dialog.estimate_edit.palette().ColorRole.Base) != window
    assert dialog.estimate_edit.toolTip() == "ベンダーの見積額（要望項目全体・円）"


def test_the_estimate_reads_with_commas(open_editor, runner, no_message_boxes):
    """10_saved.png: 550000 typed and saved still read 「550000」; amounts read 「550,000」 everywhere else."""
    item = next(r for r in runner.read(list_item_rows) if r.status == Status.REQUESTED.value)
    dialog = open_editor(item.id)
    dialog.estimate_edit.setFocus()
    dialog.estimate_edit.setText("550000")
    dialog.estimate_edit.editingFinished.emit()
    assert dialog.estimate_edit.text() == "550,000"
    assert dialog.save_button.isEnabled()
    dialog.save()
    assert no_message_boxes == []
    assert next(r for r in runner.read(list_item_rows) if r.id == item.id).estimate == 550_000
    assert dialog.estimate_edit.text() == "550,000"
    dialog.estimate_edit.setText("1,200,000")  # typed with commas: taken as the amount
    assert dialog.estimate_edit.hasAcceptableInput()
    assert dialog._current_item_values()["estimate"] == 1_200_000

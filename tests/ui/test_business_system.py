"""Adding a 業務 (and, with it, a new 専門部会) from the File menu or the function browser's tree,
so that a list for a system the preset lacks can be imported; one Ctrl+Z takes both back."""
from __future__ import annotations

from PySide6.QtCore import Qt

from cloudsuppress.ops.consortium import list_subcommittees
from cloudsuppress.ops.functions import system_tree
from cloudsuppress.ops.undo import undo
from ui.dialogs.business_system_dialog import BusinessSystemDialog

from .test_main_window import type_japanese


def _systems(runner) -> dict[str, str]:
    return {n.name: n.subcommittee for n in runner.read(system_tree)}


def test_add_a_system_under_a_new_subcommittee_from_the_file_menu(main_window, qtbot, monkeypatch, no_message_boxes):
    runner = main_window.runner
    before = _systems(runner)

    def fill(dialog):
        assert dialog.subcommittee_combo.count() == len(runner.read(list_subcommittees))
        assert not dialog.ok_button.isEnabled()
        dialog.name_edit.setFocus()
        existing = next(iter(before))
        type_japanese(dialog.name_edit, existing)
        assert "すでにあります" in dialog.error_label.text() and not dialog.ok_button.isEnabled()
        dialog.name_edit.clear()
        type_japanese(dialog.name_edit, "霊園管理")
        dialog.subcommittee_combo.setCurrentText("建設業務")
        assert dialog.note.text() == "専門部会「建設業務」も新しく追加します。"
        dialog.code_edit.setText("40")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(BusinessSystemDialog, "exec", fill)
    main_window.add_system_action.trigger()
    after = _systems(runner)
    assert after["霊園管理"] == "建設業務" and len(after) == len(before) + 1
    assert "建設業務" in runner.read(list_subcommittees)
    # The browser shows it, selected, under its 専門部会.
    view = main_window.functions
    item = view.tree.currentItem()
    assert item.text(0) == "霊園管理" and item.parent().text(0) == "建設業務"
    assert no_message_boxes == []
    # One undo takes back both the 業務 and the new 専門部会.
    runner.run(lambda s: undo(s), parent=None)
    assert _systems(runner) == before and "建設業務" not in runner.read(list_subcommittees)


def test_tree_context_menu_offers_the_selected_subcommittee(main_window, qtbot, monkeypatch):
    view = main_window.functions
    node = main_window.runner.read(system_tree)[0]
    view.select_tree_node("system", node.id)
    seen = []

    def look(dialog):
        seen.append(dialog.subcommittee())
        return 0

    monkeypatch.setattr(BusinessSystemDialog, "exec", look)
    assert view.add_business_system() is None
    assert seen == [node.subcommittee]


def test_a_synonym_of_a_registered_system_is_asked_about_before_it_is_added(main_window, qtbot, monkeypatch):
    """Walk O1: 業務を追加… checked only the exact name, so 住民記録 was added beside 住民基本台帳 and took the
    next list saying 住民記録. The dialog asks, naming the registered 業務; No adds nothing, Yes adds it as
    another 業務 (the core's distinct)."""
    from PySide6.QtWidgets import QMessageBox

    runner = main_window.runner
    before = _systems(runner)
    asked: list[str] = []
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return answers[len(asked) - 1]

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    dialog = BusinessSystemDialog(runner, existing_systems=list(before), subcommittee="住民業務")
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("住民記録")
    assert dialog.ok_button.isEnabled()
    dialog.add_now()
    assert len(asked) == 1 and "登録済みの業務「住民基本台帳」の別の呼び方として読まれます" in asked[0]
    assert _systems(runner) == before and dialog.added is None
    dialog.add_now()
    assert dialog.added == "住民記録" and _systems(runner)["住民記録"] == "住民業務"

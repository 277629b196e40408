"""The members view: the model, adding a member through the dialog, importing a member list."""
from __future__ import annotations

import csv
import datetime as dt

import pytest
from PySide6.QtCore import QDate, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from cloudsuppress.ops.functions import fit_stats
from cloudsuppress.ops.members import list_members
from ui.dialogs.add_member_dialog import AddMemberDialog
from ui.dialogs.import_issues_dialog import ImportIssuesDialog
from ui.main_window import VIEW_MEMBERS
from ui.table_models.member_table_model import (
    COL_JOINED,
    COL_NAME,
    COL_POPULATION,
    COL_SHARE,
    ROW_ROLE,
    MemberTableModel,
)

from .test_main_window import type_japanese


@pytest.fixture
def model(demo_db, qapp):
    m = MemberTableModel()
    with demo_db.session() as s:
        m.set_rows(list_members(s))
    return m


def texts(model, col):
    return [model.index(r, col).data() for r in range(model.rowCount())]


def test_model_passes_qt_model_tester(model, qtmodeltester):
    assert model.rowCount() == 4
    qtmodeltester.check(model)
    model.sort(COL_POPULATION, Qt.SortOrder.DescendingOrder)
    model.set_filter("市")
    qtmodeltester.check(model)


def test_model_shows_population_wareki_and_share(model):
    assert texts(model, COL_NAME) == ["常陸大宮市", "那珂市", "かすみがうら市", "五霞町"]
    assert texts(model, COL_POPULATION) == ["42,963", "55,827", "43,618", "9,178"]
    assert texts(model, COL_JOINED) == ["平成25年10月1日"] * 4
    assert texts(model, COL_SHARE) == ["28.3%", "36.8%", "28.8%", "6.1%"]
    assert model.total_population == 151_586
    assert model.index(0, COL_JOINED).data(Qt.ItemDataRole.ToolTipRole) == "2013-10-01"
    assert model.index(1, COL_NAME).data(ROW_ROLE).population == 55_827
    assert model.headerData(COL_SHARE, Qt.Orientation.Horizontal) == "人口比"


def test_model_sorts_and_filters_itself(model):
    persistent = QPersistentModelIndex(model.index(3, COL_NAME))  # 五霞町
    model.sort(COL_POPULATION, Qt.SortOrder.DescendingOrder)
    assert texts(model, COL_NAME) == ["那珂市", "かすみがうら市", "常陸大宮市", "五霞町"]
    model.sort(COL_POPULATION, Qt.SortOrder.AscendingOrder)
    assert persistent.row() == 0 and persistent.data() == "五霞町"
    model.set_filter("ｶｽﾐ")  # no match: hiragana name, katakana query
    assert model.rowCount() == 0
    model.set_filter("市")
    assert texts(model, COL_NAME) == ["常陸大宮市", "かすみがうら市", "那珂市"]
    assert texts(model, COL_SHARE)[2] == "36.8%"  # the share stays of the whole consortium
    model.set_filter("")
    assert model.rowCount() == 4


@pytest.fixture
def members_view(main_window):
    main_window.show_view(VIEW_MEMBERS)
    return main_window.members


def test_members_page_is_in_the_navigation(main_window, qtbot):
    nav = main_window.nav
    row = next(r for r in range(nav.count()) if nav.item(r).text() == "団体")
    assert nav.item(row).flags() & Qt.ItemFlag.ItemIsEnabled
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualItemRect(nav.item(row)).center())
    assert main_window.current_view() == VIEW_MEMBERS
    assert main_window.members.total_label.text() == "計 4 団体　人口 151,586 人"


def test_add_member_through_the_dialog(main_window, members_view, qtbot, monkeypatch, no_message_boxes):
    def fill_and_add(dialog):
        assert not dialog.ok_button.isEnabled()  # no name yet
        dialog.name_edit.setFocus()
        type_japanese(dialog.name_edit, "那珂市")
        assert dialog.error_label.text() == "団体「那珂市」はすでに登録されています。"
        assert not dialog.ok_button.isEnabled()
        dialog.name_edit.clear()
        type_japanese(dialog.name_edit, "大子町")
        assert dialog.error_label.text() == "" and dialog.ok_button.isEnabled()
        dialog.population_spin.setValue(15_123)
        assert dialog.population_spin.text() == "15,123 人"
        dialog.joined_edit.setDate(QDate(2026, 4, 1))
        assert dialog.wareki_label.text() == "令和8年4月1日"
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(AddMemberDialog, "exec", fill_and_add)
    with qtbot.waitSignal(main_window.runner.changed) as blocker:
        qtbot.mouseClick(members_view.add_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].members
    added = main_window.runner.read(list_members)[-1]
    assert (added.name, added.population, added.joined_on) == ("大子町", 15_123, dt.date(2026, 4, 1))
    model = members_view.model
    assert model.rowCount() == 5
    assert model.index(4, COL_JOINED).data() == "令和8年4月1日"
    assert members_view.total_label.text() == "計 5 団体　人口 166,709 人"
    # the dashboard heard the same broadcast
    assert main_window.dashboard.members.rowCount() == 6
    assert main_window.dashboard.members.item(5, 1).text() == "166,709"
    assert main_window.statusBar().currentMessage() == "団体「大子町」を追加しました。"
    assert no_message_boxes == []


def test_add_dialog_without_join_date(runner, qtbot):
    dialog = AddMemberDialog(runner, ["那珂市"])
    qtbot.addWidget(dialog)
    type_japanese(dialog.name_edit, "城里町")
    dialog.joined_check.setChecked(False)
    assert not dialog.joined_edit.isEnabled() and dialog.wareki_label.text() == ""
    with qtbot.waitSignal(runner.changed):
        dialog.add_now()
    assert runner.read(list_members)[-1].joined_on is None
    assert dialog.added == "城里町"


def write_members(path, rows, header=("団体名", "人口", "参加日")):
    with open(path, "w", newline="", encoding="utf-8-sig") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
    return path


@pytest.fixture
def pick_file(monkeypatch):
    chosen = {}
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(chosen["path"]), "")))
    return chosen


@pytest.fixture
def issues_shown(monkeypatch):
    shown: list[str] = []

    def fake_exec(self):
        shown.append(self.text.toPlainText())
        return 0

    monkeypatch.setattr(ImportIssuesDialog, "exec", fake_exec)
    return shown


def test_import_member_list_adds_and_updates(main_window, members_view, qtbot, pick_file, tmp_path,
                                            no_message_boxes, issues_shown):
    pick_file["path"] = write_members(tmp_path / "members.csv", [
        ["那珂市", "54,000", "2013-10-01"],  # updated population
        ["大子町", "15000人", "令和8年4月1日"],
        ["城里町", "19000", ""],
    ])
    with qtbot.waitSignal(main_window.runner.changed):
        assert members_view.import_member_list()
    rows = main_window.runner.read(list_members)
    assert [(r.name, r.population) for r in rows][-3:] == [("五霞町", 9_178), ("大子町", 15_000), ("城里町", 19_000)]
    assert next(r for r in rows if r.name == "那珂市").population == 54_000
    assert members_view.model.rowCount() == 6
    assert members_view.total_label.text() == "計 6 団体　人口 183,759 人"
    assert main_window.dashboard.members.rowCount() == 7
    assert main_window.statusBar().currentMessage() == "団体一覧を取り込みました（members.csv）: 追加 2 団体、更新 1 団体。"
    assert issues_shown == [] and no_message_boxes == []


def test_import_member_list_with_errors_imports_nothing(main_window, members_view, qtbot, pick_file, tmp_path,
                                                       issues_shown):
    pick_file["path"] = write_members(tmp_path / "bad.csv", [
        ["大子町", "15000", "2026-04-01"],
        ["城里町", "たくさん", ""],
        ["大子町", "1", "来年"],
    ])
    runner = main_window.runner
    members_before = runner.read(list_members)
    functions_before = runner.read(fit_stats).total
    with qtbot.assertNotEmitted(runner.changed):
        assert not members_view.import_member_list()
    assert issues_shown[0].splitlines() == [
        "bad.csv 3行目 B列（人口）: 人口「たくさん」は正の整数ではありません。",
        "bad.csv 4行目 A列（団体名）: 団体名「大子町」が重複しています（2行目）。",
        "bad.csv 4行目 C列（参加日）: 参加日「来年」を日付として読めません（例: 2026-04-01、令和8年4月1日）。",
    ]
    assert runner.read(list_members) == members_before
    assert runner.read(fit_stats).total == functions_before
    assert members_view.model.rowCount() == 4


def test_import_member_list_cancelled(members_view, monkeypatch, qtbot):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: ("", "")))
    with qtbot.assertNotEmitted(members_view.runner.changed):
        assert not members_view.import_member_list()


def _select(view, name: str) -> None:
    row = next(r for r in range(view.model.rowCount()) if view.model.index(r, COL_NAME).data() == name)
    view.table.selectRow(row)


def test_edit_a_member_by_double_click(main_window, members_view, qtbot, monkeypatch, no_message_boxes):
    assert not members_view.edit_button.isEnabled() and not members_view.remove_button.isEnabled()

    def correct(dialog):
        assert dialog.windowTitle() == "団体を編集" and dialog.ok_button.text() == "保存"
        assert (dialog.name_edit.text(), dialog.population_spin.value()) == ("五霞町", 9_178)
        assert dialog.joined_on() == dt.date(2013, 10, 1)
        assert dialog.problem() == ""  # its own name is not 'already registered'
        dialog.name_edit.clear()
        type_japanese(dialog.name_edit, "那珂市")
        assert "すでに登録" in dialog.error_label.text() and not dialog.ok_button.isEnabled()
        dialog.name_edit.clear()
        type_japanese(dialog.name_edit, "新五霞町")
        dialog.population_spin.setValue(8_900)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(AddMemberDialog, "exec", correct)
    _select(members_view, "五霞町")
    assert members_view.edit_button.isEnabled()
    row = members_view.table.currentIndex().row()
    index = members_view.model.index(row, COL_NAME)
    pos = members_view.table.visualRect(index).center()
    with qtbot.waitSignal(main_window.runner.changed):
        qtbot.mouseClick(members_view.table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
        qtbot.mouseDClick(members_view.table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    names = {m.name: m.population for m in main_window.runner.read(list_members)}
    assert "五霞町" not in names and names["新五霞町"] == 8_900 and len(names) == 4
    assert members_view.total_label.text() == "計 4 団体　人口 151,308 人"
    assert main_window.statusBar().currentMessage() == "団体「新五霞町」を保存しました。"
    assert no_message_boxes == []


def test_remove_a_member_added_by_mistake_but_not_one_in_use(main_window, members_view, qtbot, monkeypatch,
                                                              no_message_boxes):
    from cloudsuppress.ops.members import add_member

    main_window.runner.run(lambda s: add_member(s, name="大子町", population=16_000), parent=None)
    _select(members_view, "大子町")
    assert members_view.remove_member() is True
    assert [kind for kind, _ in no_message_boxes] == ["question"] and "大子町" in no_message_boxes[0][1]
    assert "大子町" not in [m.name for m in main_window.runner.read(list_members)]
    assert members_view.model.rowCount() == 4
    # 那珂市 has requests in the demo: refused, with the reason, and nothing removed.
    _select(members_view, "那珂市")
    assert members_view.remove_member() is False
    kind, text = no_message_boxes[-1]
    assert kind == "warning" and "那珂市" in text and "要望" in text and "編集" in text
    assert len(main_window.runner.read(list_members)) == 4
    # 「いいえ」 removes nothing either.
    main_window.runner.run(lambda s: add_member(s, name="大子町", population=16_000), parent=None)
    _select(members_view, "大子町")
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.No))
    assert members_view.remove_member() is False
    assert "大子町" in [m.name for m in main_window.runner.read(list_members)]

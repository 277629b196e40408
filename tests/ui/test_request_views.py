"""The request list, the item editor (create, edit, move, join), undo / redo through the menu,
and the outcome table on the dashboard, over the demo database (35 items: 17 customized,
3 standardized, 11 withdrawn, 2 under review R-0032/33, 2 requested R-0034/35)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel

from cloudsuppress.domain.workflow import Status
from cloudsuppress.errors import DomainError
from cloudsuppress.ops import requests as req
from cloudsuppress.ops.members import list_members
from cloudsuppress.ops.request_queries import get_item_detail, list_item_rows
from cloudsuppress.ops.summary import OUTCOME_LABELS, outcome_table
from ui.main_window import VIEW_REQUESTS
from ui.request_editor.request_item_dialog import RequestItemDialog
from ui.request_editor.request_prompts import JoinChoiceDialog, ReasonDialog
from ui.table_models.request_table_model import COL_KEY, COL_MEMBERS, COL_STATUS, RequestTableModel

from .test_main_window import type_japanese


def item_id(runner, key):
    return runner.read(lambda s: req.resolve_item(s, key))


def detail(runner, key):
    return runner.read(lambda s: get_item_detail(s, req.resolve_item(s, key)))


@pytest.fixture
def model(demo_db, qapp):
    m = RequestTableModel()
    with demo_db.session() as s:
        m.set_rows(list_item_rows(s))
    return m


def test_model_passes_qt_model_tester(model, qtmodeltester):
    assert model.rowCount() == 35
    qtmodeltester.check(model)
    model.sort(COL_STATUS, Qt.SortOrder.DescendingOrder)
    model.set_filter(status="withdrawn")
    qtmodeltester.check(model)


def test_model_filters_by_status_member_structure_and_text(model):
    model.set_filter(status=Status.UNDER_REVIEW.value)
    assert [model.index(r, COL_KEY).data() for r in range(model.rowCount())] == ["R-0032", "R-0033"]
    assert {model.index(r, COL_STATUS).data() for r in range(model.rowCount())} == {"検討中"}
    model.set_filter(status=None, member="五霞町")
    assert 0 < model.rowCount() < 35
    assert all("五霞町" in model.row_at(r).members for r in range(model.rowCount()))
    model.set_filter(member=None)
    first = model.row_at(0)
    model.set_filter(business_system_id=first.business_system_id)
    assert all(model.row_at(r).business_system_id == first.business_system_id for r in range(model.rowCount()))
    model.set_filter(business_system_id=None, subcommittee_id=first.subcommittee_id)
    assert all(model.row_at(r).subcommittee == first.subcommittee for r in range(model.rowCount()))
    model.set_filter(subcommittee_id=None, text="ｒ－００１７")  # full-width query, NFKC-folded
    assert [model.row_at(r).key for r in range(model.rowCount())] == ["R-0017"]
    model.set_filter(text="")
    assert model.visible_count == model.total_count == 35
    withdrawn_all = next(r for r in range(35) if not model.row_at(r).members)
    assert model.index(withdrawn_all, COL_MEMBERS).data().startswith("（取下げ: ")



def test_model_set_filter_changes_only_the_filters_it_names(model, demo_db):
    model.set_filter(member="五霞町")
    model.set_filter(status=Status.CUSTOMIZED.value)
    keys = [model.row_at(r).key for r in range(model.rowCount())]
    at_once = RequestTableModel()
    with demo_db.session() as s:
        at_once.set_rows(list_item_rows(s))
    at_once.set_filter(member="五霞町", status=Status.CUSTOMIZED.value)
    assert keys == [at_once.row_at(r).key for r in range(at_once.rowCount())] and 0 < len(keys) < 17
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    model.set_filter(member="五霞町", text="")  # the same filters again: no reset
    assert resets == []
    model.set_filter(status=None)  # the member filter stays
    assert resets == [1] and 0 < len(keys) < model.rowCount() < 35
    assert all("五霞町" in model.row_at(r).members for r in range(model.rowCount()))

@pytest.fixture
def requests_view(main_window):
    main_window.show_view(VIEW_REQUESTS)
    return main_window.requests


def test_requests_page_lists_and_filters(main_window, requests_view):
    nav = main_window.nav
    row = next(r for r in range(nav.count()) if nav.item(r).text() == "要望")
    assert nav.item(row).flags() & Qt.ItemFlag.ItemIsEnabled
    view = requests_view
    assert view.count_label.text() == "表示 35 件／全 35 件"
    view.status_combo.setCurrentIndex(view.status_combo.findText("取下げ"))
    assert view.count_label.text() == "表示 11 件／全 35 件"
    view.member_combo.setCurrentIndex(view.member_combo.findText("那珂市"))
    assert all("那珂市" in view.model.row_at(r).members for r in range(view.model.rowCount()))
    view.status_combo.setCurrentIndex(0)
    view.member_combo.setCurrentIndex(0)
    view.search.setFocus()
    type_japanese(view.search, "受付番号")
    assert 0 < view.model.rowCount() < 35
    assert all("受付番号" in view.model.row_at(r).title + view.model.row_at(r).search_text
               for r in range(view.model.rowCount()))
    view.search.clear()
    sub = view.subcommittee_combo.findText("税業務")
    view.subcommittee_combo.setCurrentIndex(sub)
    assert view.system_combo.count() < 40  # only the systems of 税業務 (plus すべて)
    assert all(view.model.row_at(r).subcommittee == "税業務" for r in range(view.model.rowCount()))


def test_enter_opens_the_editor_on_the_current_row(requests_view, qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr(RequestItemDialog, "exec", lambda self: opened.append(self.detail.item.key) or 0)
    view = requests_view
    view.table.setFocus()
    view.table.selectRow(2)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened == ["R-0003"]


# --- the editor ------------------------------------------------------------------------------


@pytest.fixture
def editor_for(runner, requests_view, qtbot):
    def make(key=None):
        dialog = RequestItemDialog(runner, item_id=item_id(runner, key) if key else None,
                                   functions=requests_view.function_model())
        qtbot.addWidget(dialog)
        return dialog
    return make


def pick_function_without_items(dialog, runner):
    used = {r.function_id for r in runner.read(list_item_rows)}
    target = next(dialog.picker.model.row_at(r) for r in range(dialog.picker.model.rowCount())
                  if dialog.picker.model.row_at(r).id not in used)
    dialog.picker.search.setFocus()
    type_japanese(dialog.picker.search, target.code)
    assert dialog.picker.model.rowCount() == 1
    assert dialog.picker.chosen().id == target.id  # a single match is chosen
    return target


def test_create_item_with_inline_validation(editor_for, runner, qtbot, no_message_boxes):
    dialog = editor_for()
    form = dialog.new_form
    assert not dialog.save_button.isEnabled()
    assert dialog.member_error.text() == "要望する団体を選んでください。"
    assert dialog.function_error.text() == "対象の機能を一覧から選んでください。"
    assert form.errors["content"].text() == "要望内容を入力してください。"
    assert form.errors["service_drop"].text() == "住民サービス水準が低下するか（低下する／低下しない）を選んでください。"
    assert "b3261e" in form.content_edit.styleSheet()  # outlined in red

    dialog.member_combo.setCurrentIndex(dialog.member_combo.findText("五霞町"))
    target = pick_function_without_items(dialog, runner)
    assert dialog.function_error.text() == "" and dialog.member_error.text() == ""
    form.content_edit.setFocus()
    type_japanese(form.content_edit, "転入届の受付時に町独自の案内文を印字してほしい。")
    form.reason_combo.setCurrentIndex(form.reason_combo.findText("自治体独自施策"))
    assert form.errors["content"].text() == "" and form.errors["reason"].text() == ""
    assert not dialog.save_button.isEnabled()  # the policy question is still unanswered
    form.drop_no.setChecked(True)
    assert not dialog.save_button.isEnabled()
    assert form.errors["service_drop_detail"].text() == "住民サービス水準への影響（低下の内容、または低下しない理由）を入力してください。"
    form.detail_edit.setFocus()
    type_japanese(form.detail_edit, "案内文は別紙で配布できる。")
    form.cases_edit.setText("320")
    assert dialog.save_button.isEnabled() and dialog.save_note.text() == ""

    with qtbot.waitSignal(runner.changed):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved_key == "R-0036"
    d = detail(runner, "R-0036")
    assert (d.item.function_id, d.item.title, d.item.status) == (target.id, target.name, "requested")
    part = d.parts[0]
    assert (part.member, part.reason, part.service_drop, part.annual_cases) == ("五霞町", "own_policy", False, 320)
    # the dialog now edits the item it created
    assert dialog.heading.text() == f"R-0036　{target.name}"
    assert dialog.status_badge.text() == "要望"
    assert dialog.move_buttons[Status.UNDER_REVIEW].isEnabled()
    assert not dialog.move_buttons[Status.CUSTOMIZED].isEnabled()
    assert no_message_boxes == []


def test_edit_a_member_part_and_the_estimate(editor_for, runner, qtbot):
    dialog = editor_for("R-0034")
    assert not dialog.save_button.isEnabled()  # nothing changed yet
    member_id, form = next(iter(dialog.forms.items()))
    form.content_edit.selectAll()
    form.content_edit.setFocus()
    type_japanese(form.content_edit, "分割納付の計画書を様式どおりに出力してほしい。")
    dialog.estimate_edit.setText("550000")
    assert dialog.save_button.isEnabled()
    form.detail_edit.clear()  # a mandatory field emptied blocks saving
    assert not dialog.save_button.isEnabled()
    assert form.errors["service_drop_detail"].text()
    type_japanese(form.detail_edit, "表計算ソフトで作れるが、件数が多い。")
    with qtbot.waitSignal(runner.changed):
        assert dialog.save()
    d = detail(runner, "R-0034")
    part = next(p for p in d.parts if p.member_id == member_id)
    assert part.content == "分割納付の計画書を様式どおりに出力してほしい。"
    assert part.service_drop_detail == "表計算ソフトで作れるが、件数が多い。"
    assert d.item.estimate == 550_000
    assert not dialog.save_button.isEnabled()
    # the history tab shows who changed what
    fields = [dialog.audit_model.entry_at(r).field_label for r in range(dialog.audit_model.rowCount())]
    assert "要望内容" in fields and "見積額" in fields


def answer_reason(monkeypatch, reason, meeting=None):
    asked = []

    def fake_exec(self):
        asked.append((self.windowTitle(), self.required))
        self.reason_edit.setFocus()
        type_japanese(self.reason_edit, reason)
        assert self.meeting_combo.currentText() == "（なし）"  # no meeting unless one is picked
        assert self.select_meeting(meeting)
        return QDialog.DialogCode.Accepted if self.ok_button.isEnabled() else QDialog.DialogCode.Rejected

    monkeypatch.setattr(ReasonDialog, "exec", fake_exec)
    return asked


def test_allowed_move_then_refused_move_shows_core_message(editor_for, runner, qtbot, monkeypatch,
                                                          no_message_boxes):
    dialog = editor_for("R-0034")
    assert [t for t, b in dialog.move_buttons.items() if b.isEnabled()] == [Status.UNDER_REVIEW, Status.WITHDRAWN]
    asked = answer_reason(monkeypatch, "第2回分科会で検討を開始", 2)
    with qtbot.waitSignal(runner.changed):
        qtbot.mouseClick(dialog.move_buttons[Status.UNDER_REVIEW], Qt.MouseButton.LeftButton)
    assert asked == [("要望 R-0034 の状態を変更", False)]
    d = detail(runner, "R-0034")
    assert d.item.status == "under_review"
    assert (d.history[-1].reason, d.history[-1].meeting_id) == ("第2回分科会で検討を開始", 2)
    assert dialog.status_badge.text() == "検討中"
    assert dialog.move_buttons[Status.CUSTOMIZED].isEnabled()  # the table allows it; the guard decides

    with runner.db.session() as s:  # the message the core gives for this refusal
        with pytest.raises(DomainError) as refused:
            req.move_item(s, item_id=item_id(runner, "R-0034"), to="customized", reason="実施する")
        s.rollback()
    answer_reason(monkeypatch, "実施する")
    with qtbot.assertNotEmitted(runner.changed):
        assert not dialog.move_to(Status.CUSTOMIZED)
    assert no_message_boxes == [("warning", str(refused.value))]
    assert "財政課協議" in str(refused.value) and "見積額が登録されていません" in str(refused.value)
    assert detail(runner, "R-0034").item.status == "under_review"


def test_withdraw_one_member_and_reopen_a_decision(editor_for, runner, qtbot, monkeypatch):
    dialog = editor_for("R-0001")  # customized
    assert [t for t, b in dialog.move_buttons.items() if b.isEnabled()] == [Status.UNDER_REVIEW]
    assert dialog.move_buttons[Status.UNDER_REVIEW].text() == "検討中に戻す（見直し）…"
    assert not dialog.save_button.isEnabled() and dialog.title_edit.isReadOnly()
    asked = answer_reason(monkeypatch, "制度改正で標準機能での対応を再検討する")
    with qtbot.waitSignal(runner.changed):
        dialog.move_to(Status.UNDER_REVIEW)
    assert asked[0][1] is True  # reopening needs a reason
    assert detail(runner, "R-0001").item.status == "under_review"
    form = next(iter(dialog.forms.values()))
    answer_reason(monkeypatch, "運用で対応する")
    with qtbot.waitSignal(runner.changed):
        assert form.withdraw()
    part = next(p for p in detail(runner, "R-0001").parts if p.member_id == form.member_id)
    assert part.withdrawn and part.withdrawn_reason == "運用で対応する"
    assert dialog.tabs.tabText(dialog.tabs.indexOf(form)).endswith("（取下げ）")
    assert form.withdrawn_label.isVisible() or not dialog.isVisible()


def test_an_approval_without_an_estimate_is_refused_with_the_reason(editor_for, runner, no_message_boxes):
    assert detail(runner, "R-0032").item.estimate is None
    form = next(iter(editor_for("R-0032").forms.values()))
    assert not form.record_approval("finance")
    ((kind, text),) = no_message_boxes
    assert kind == "warning" and "見積額が未定" in text and "先に見積額を登録" in text
    assert all(p.finance is None for p in detail(runner, "R-0032").parts)


def test_approvals_and_hearing_are_recorded(editor_for, runner, qtbot):
    from cloudsuppress.ops.costs import set_item_cost

    runner.run(lambda s: set_item_cost(s, item_id=item_id(runner, "R-0032"), estimate=880_000), parent=None)
    dialog = editor_for("R-0032")  # approvals are about an amount: the item has its estimate first
    form = next(iter(dialog.forms.values()))
    form.approval_ref["finance"].setText("財第900号")
    with qtbot.waitSignal(runner.changed):
        assert form.record_approval("finance")
    assert "財第900号" in form.approval_state["finance"].text()
    before = form.hearing_table.rowCount()
    type_japanese(form.hearing_text, "繁忙期の件数を確認")
    form.hearing_cases.setText("120")
    with qtbot.waitSignal(runner.changed):
        qtbot.mouseClick(form.hearing_add, Qt.MouseButton.LeftButton)
    assert form.hearing_table.rowCount() == before + 1
    assert form.hearing_table.item(before, 1).text() == "繁忙期の件数を確認"


def test_join_instead_of_duplicate(editor_for, runner, qtbot, monkeypatch):
    existing = detail(runner, "R-0035")
    asking = {p.member for p in existing.parts}
    newcomer = next(m.name for m in runner.read(list_members) if m.name not in asking)
    dialog = editor_for()
    dialog.member_combo.setCurrentIndex(dialog.member_combo.findText(newcomer))
    assert dialog.picker.set_function(existing.item.function_id)
    form = dialog.new_form
    type_japanese(form.content_edit, "同じ機能を要望する。")
    form.reason_combo.setCurrentIndex(form.reason_combo.findData("efficiency"))
    form.drop_yes.setChecked(True)
    type_japanese(form.detail_edit, "処理が遅れる。")
    offered = []

    def choose_join(self):
        offered.append([b.text() for b in self.join_buttons.values()] + [self.separate_button.text()])
        self.join_buttons[existing.item.id].click()
        return self.result()

    monkeypatch.setattr(JoinChoiceDialog, "exec", choose_join)
    with qtbot.waitSignal(runner.changed):
        assert dialog.save()
    assert offered == [["既存の要望 R-0035 に参加する", "別の要望として登録"]]
    assert len(runner.read(list_item_rows)) == 35  # no duplicate
    after = detail(runner, "R-0035")
    assert newcomer in {p.member for p in after.parts}
    assert dialog.item_id == existing.item.id and dialog.saved_key == "R-0035"
    assert newcomer in [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]


# --- undo / redo -----------------------------------------------------------------------------


def test_undo_and_redo_through_the_edit_menu(main_window, runner, qtbot, monkeypatch, editor_for):
    window = main_window
    assert not window.undo_action.isEnabled() and window.undo_action.text() == "元に戻す"  # the demo stops undo
    assert not window.redo_action.isEnabled() and window.redo_action.text() == "やり直し"
    assert window.undo_action.shortcut().toString() == "Ctrl+Z" and window.redo_action.shortcut().toString() == "Ctrl+Y"
    dialog = editor_for("R-0034")
    answer_reason(monkeypatch, "検討開始")
    with qtbot.waitSignal(runner.changed):
        dialog.move_to(Status.UNDER_REVIEW)
    dialog.close()
    assert window.undo_action.isEnabled()
    assert window.undo_action.text() == "元に戻す: 要望 R-0034 を検討中に変更"
    view = window.requests
    row = view.model.row_of_item(item_id(runner, "R-0034"))
    assert view.model.index(row, COL_STATUS).data() == "検討中"

    with qtbot.waitSignal(runner.changed):
        window.undo_action.trigger()
    assert detail(runner, "R-0034").item.status == "requested"
    assert view.model.index(row, COL_STATUS).data() == "要望"  # the list heard the broadcast
    assert not window.undo_action.isEnabled()
    assert window.redo_action.isEnabled() and window.redo_action.text() == "やり直し: 要望 R-0034 を検討中に変更"
    assert window.statusBar().currentMessage() == "元に戻しました: 要望 R-0034 を検討中に変更"

    with qtbot.waitSignal(runner.changed):
        window.redo_action.trigger()
    assert detail(runner, "R-0034").item.status == "under_review"
    assert view.model.index(row, COL_STATUS).data() == "検討中"
    assert window.undo_action.text() == "元に戻す: 要望 R-0034 を検討中に変更"
    assert not window.redo_action.isEnabled()


# --- dashboard -------------------------------------------------------------------------------


def test_dashboard_outcome_table_matches_the_core(main_window, runner):
    table = runner.read(outcome_table)
    assert (table.consortium.raised, table.consortium.customized, table.consortium.standardized,
            table.consortium.withdrawn, table.consortium.open) == (35, 17, 3, 11, 4)
    # 検討中 and 要望 apart (the demo's four open items: two taken up by a 部会, two not yet)
    assert (table.consortium.under_review, table.consortium.requested) == (2, 2)
    note = main_window.dashboard.request_card.findChild(QLabel, "requestCountNote").plain_text()
    assert note.startswith("実施 17・標準化 3・取下げ 11・検討中 2・未検討 2\n未決定 4 件のうち　1団体のみ ")
    tree = main_window.dashboard.outcome_tree
    keys = [k for k, _ in OUTCOME_LABELS]

    def numbers(item):
        return [int(item.text(c).replace(",", "")) for c in range(1, len(keys) + 1)]

    top = tree.topLevelItem(0)
    assert top.text(0) == "協議会全体"
    assert numbers(top) == [getattr(table.consortium, k) for k in keys]
    for group, rows in ((tree.topLevelItem(1), table.members), (tree.topLevelItem(2), table.subcommittees)):
        assert [group.child(i).text(0) for i in range(group.childCount())] == [r.name for r in rows]
        for i, r in enumerate(rows):
            assert numbers(group.child(i)) == [getattr(r, k) for k in keys]
    assert tree.headerItem().toolTip(2) == "カスタマイズを行った項目"
    card = main_window.dashboard.request_card.findChild(type(main_window.dashboard.title), "requestCount")
    assert card.text() == "35"


# --- Excel round-trip ------------------------------------------------------------------------


def test_template_export_then_import(requests_view, runner, qtbot, monkeypatch, tmp_path, no_message_boxes):
    import openpyxl
    from PySide6.QtWidgets import QFileDialog

    from ui.dialogs.import_issues_dialog import ImportIssuesDialog
    from ui.dialogs.request_workbooks import ExportTemplatesDialog, RequestImportPreviewDialog

    def export_two(self):
        for i in range(self.member_list.count()):
            item = self.member_list.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.text() in ("那珂市", "五霞町") else Qt.CheckState.Unchecked)
        self.folder_edit.setText(str(tmp_path))
        assert self.ok_button.isEnabled()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportTemplatesDialog, "exec", export_two)
    requests_view.export_templates()
    files = sorted(p.name for p in tmp_path.glob("*.xlsx"))
    assert files == ["要望票_五霞町.xlsx", "要望票_那珂市.xlsx"]

    used = {r.function_id for r in runner.read(list_item_rows)}
    fn = next(f for f in requests_view.function_model()._rows if f.id not in used)
    for name, cases in (("那珂市", 1200), ("五霞町", 80)):
        path = tmp_path / f"要望票_{name}.xlsx"
        wb = openpyxl.load_workbook(path)
        ws = wb["要望"]
        assert ws.cell(5, 2).value == name  # the member's name is filled in
        for col, value in enumerate(["R-0100", name, fn.code, "口座振替の独自通知", "口座振替の結果を独自様式で通知してほしい。",
                                     "事務効率・処理件数", "低下しない", "標準の通知で足りる。", cases, "標準様式を使う",
                                     770000], start=1):
            ws.cell(5, col).value = value
        wb.save(path)

    def cancel_issues(self):
        raise AssertionError(self.text.toPlainText())

    monkeypatch.setattr(ImportIssuesDialog, "exec", cancel_issues)
    previews = []
    monkeypatch.setattr(RequestImportPreviewDialog, "exec",
                        lambda self: previews.append(self.text.toPlainText()) or QDialog.DialogCode.Accepted)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *a, **k: ([str(tmp_path / f) for f in files], "")))
    with qtbot.waitSignal(runner.changed):
        requests_view.import_requests()
    assert previews[0].splitlines()[0].startswith("新しい要望項目 1 件、団体の要望の追加 2 件")
    assert "R-0100 新規 口座振替の独自通知" in previews[0]
    d = detail(runner, "R-0100")
    assert {p.member: p.annual_cases for p in d.parts} == {"那珂市": 1200, "五霞町": 80}
    assert d.item.estimate == 770_000 and d.item.function_id == fn.id
    assert requests_view.count_label.text() == "表示 36 件／全 36 件"
    assert no_message_boxes == []


def test_import_with_errors_changes_nothing(requests_view, runner, qtbot, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    from ui.dialogs.import_issues_dialog import ImportIssuesDialog
    from ui.dialogs.request_workbooks import RequestImportPreviewDialog

    bad = tmp_path / "bad.csv"
    bad.write_text("要望番号,団体名,機能ID,要望名,要望内容,理由区分,住民サービス低下,低下の内容,年間処理件数,代替運用案,見積額\n"
                   "R-0200,那珂市,0300019,件名,内容,気分,低下しない,理由,10,,\n"
                   "R-0201,存在しない町,0300019,件名,内容,その他,低下する,理由,たくさん,,\n", encoding="utf-8-sig")
    shown = []
    monkeypatch.setattr(ImportIssuesDialog, "exec", lambda self: shown.append(self.text.toPlainText()) or 0)
    monkeypatch.setattr(RequestImportPreviewDialog, "exec", lambda self: pytest.fail("no preview on errors"))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(bad)], "")))
    before = runner.read(list_item_rows)
    with qtbot.assertNotEmitted(runner.changed):
        requests_view.import_requests()
    lines = shown[0].splitlines()
    assert any("bad.csv 2行目" in line and "理由区分「気分」" in line for line in lines)
    assert any("bad.csv 3行目" in line and "年間処理件数「たくさん」" in line for line in lines)
    assert runner.read(list_item_rows) == before


def test_history_csv_export(editor_for, runner, monkeypatch, tmp_path, settings_file):
    import csv

    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "history.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    dialog = editor_for("R-0001")
    assert dialog.audit_model.rowCount() > 0
    assert dialog.status_table.rowCount() == len(detail(runner, "R-0001").history)
    assert dialog.export_history()
    with open(target, encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][:3] == ["日時", "操作者", "操作"]
    assert len(rows) - 1 == dialog.audit_model.rowCount()
    assert dialog.export_note.text() == f"{len(rows) - 1} 行を書き出しました"


def test_the_request_name_keeps_room_at_1280(main_window, qtbot):
    """At 1280×720 (150 % on a 1920×1080 laptop) 要望名, the column that says what the request is, keeps
    a readable width; the update column shows the date (the time is in its tooltip) (review R16)."""
    from ui.table_models.request_table_model import COL_TITLE, COL_UPDATED

    main_window.show_view("requests")
    main_window.resize(1280, 720)
    qtbot.wait(50)
    view = main_window.requests
    assert view.table.columnWidth(COL_TITLE) >= 200
    index = view.model.index(0, COL_UPDATED)
    shown = view.model.data(index)
    assert ":" not in shown and ":" in view.model.data(index, Qt.ItemDataRole.ToolTipRole)

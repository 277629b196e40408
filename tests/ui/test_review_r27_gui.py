"""Review R27 in the GUI: a function the vendor answered ○ by an alternative (代替) reads
「○ 代替」 in the list, not 「○」 exactly like 適合; a cost cell the vendor wrote 「別途見積」 is shown
in the detail as the vendor's estimate, as a number is."""
from __future__ import annotations

from cloudsuppress.ops.functions import list_function_rows
from ui.table_models.function_table_model import COL_FIT

from . import field_workbooks as fw
from .test_function_browser_forms import import_book


def test_alternative_fit_is_told_apart_in_the_list(runner, main_window, tmp_path):
    import_book(runner, fw.fit_gap_sheet(tmp_path / "fg.xlsx", members=("常陸大宮市", "那珂市"), rows=6))
    view = main_window.functions
    view.select_tree_node("all", None)
    model = view.model
    fits = {model.row_at(r).code: model.index(r, COL_FIT).data() for r in range(model.rowCount())}
    assert fits["0010001"] == "○" and fits["0010002"] == "○ 代替"  # 適合 / 代替 in the パッケージ対応状況 column
    row = model.row_of_function(next(r.id for r in model.rows() if r.code == "0010002"))
    assert model.index(row, COL_FIT).data(3) == "○ 標準（代替機能・EUC で対応）"  # the tooltip says what it means


def test_a_cost_to_be_estimated_separately_is_shown(runner, main_window, tmp_path):
    import_book(runner, fw.vendor_answer_sheet(tmp_path / "vendor.xlsx", rows=12), business_system="住民基本台帳")
    rows = {r.code: r for r in runner.read(list_function_rows) if r.business_system == "住民基本台帳"}
    view = main_window.functions
    view.select_tree_node("all", None)
    assert view.select_function(rows["9"].id)  # No.9: △, 「別途見積」 in カスタマイズ費用（千円）
    assert "ベンダー見積 別途見積" in view.detail.toPlainText()
    assert view.select_function(rows["3"].id)  # No.3: △, 352 (千円)
    assert "ベンダー見積 352,000 円" in view.detail.toPlainText()


def test_the_import_plan_says_how_member_groups_were_matched(runner, tmp_path):
    from cloudsuppress.importers.detect import ImportOverrides
    from cloudsuppress.importers.tabular import read_workbook
    from cloudsuppress.ops.function_import import preview_function_import
    from ui.dialogs.import_preview_panels import plan_details

    book = read_workbook(fw.fit_gap_sheet(tmp_path / "fg.xlsx", members=("常陸大宮市役所", "那珂"), rows=6))
    preview = runner.read(lambda s: preview_function_import(s, book, ImportOverrides()))
    assert "団体の判定も取り込みます: 常陸大宮市役所（→ 常陸大宮市）、那珂（→ 那珂市）" in plan_details(preview.plan)


def test_an_outcome_at_a_meeting_not_yet_held_is_refused_and_the_date_fixed_here(main_window, runner, monkeypatch,
                                                                                 no_message_boxes):
    """Review R27: a meeting registered a month ahead by mistake refuses outcomes, naming where to fix
    the date; 日時・場所を変更… fixes it and the outcome is then recorded."""
    import datetime as dt

    from PySide6.QtCore import QDate

    from cloudsuppress.changes import ChangesWithId
    from cloudsuppress.domain.wareki import to_wareki
    from cloudsuppress.domain.workflow import Status
    from cloudsuppress.ops import meetings as mops
    from cloudsuppress.ops.request_queries import list_item_rows
    from ui.dialogs.meeting_schedule_dialog import MeetingScheduleDialog
    from ui.main_window import VIEW_MEETINGS

    today = dt.date.today()
    item = next(r for r in runner.read(list_item_rows) if r.status == Status.REQUESTED.value)

    def setup(s):
        m = mops.create_meeting(s, kind="協議会", title="第9回 臨時協議会", held_on=today + dt.timedelta(days=30)).id
        mops.add_agenda_item(s, meeting_id=m, item_id=item.id)
        return ChangesWithId(meetings=True, id=m)

    meeting_id = runner.run(setup, parent=None).id
    main_window.show_view(VIEW_MEETINGS)
    assert main_window.meetings.select_meeting(meeting_id)
    pane = main_window.meetings.detail
    pane.tabs.setCurrentIndex(2)
    out = pane.outcomes
    assert out.select_item(item.id)
    out.choose("continued")
    assert not out.record()
    kind, text = no_message_boxes[-1]
    assert kind == "warning" and text == (
        f"「第9回 臨時協議会」は{to_wareki(today + dt.timedelta(days=30))}の会議で、まだ開かれていません。協議結果は会議の当日から"
        "記録できます。開催日が誤っていれば、会議の画面の「日時・場所を変更…」で直してください。")

    def fix(dialog):
        dialog.date_edit.setDate(QDate(today))
        dialog.place_edit.setText("第2会議室")
        dialog.save_now()
        return 1

    monkeypatch.setattr(MeetingScheduleDialog, "exec", fix)
    assert pane.schedule_button.isEnabled() and pane.change_schedule()
    assert pane.detail.meeting.held_on == today and "第2会議室" in pane.info_label.text()
    assert out.select_item(item.id)
    out.choose("continued")
    assert out.record(), no_message_boxes


def test_an_empty_consortium_opens_on_its_first_steps(tmp_path, qtbot, app_font, monkeypatch):
    """Review R27: an empty consortium (init --preset empty) opened on blank screens. The dashboard lists
    the first steps, each a link to where it is done, ticks what is done, and goes once all are; the
    empty function browser says how to import a list."""
    from cloudsuppress.ops import consortium as consortium_ops
    from cloudsuppress.ops import members as member_ops
    from cloudsuppress.store.db import open_database
    from ui.dialogs.runner_dialogs import APP_DIALOGS
    from ui.main_window import VIEW_FUNCTIONS, VIEW_MEMBERS, MainWindow
    from ui.op_runner import OpRunner

    db = open_database(tmp_path / "empty.sqlite")
    with db.session() as s, s.begin():
        consortium_ops.create_consortium(s, name="空の協議会", preset="empty")
    runner = OpRunner(db, dialogs=APP_DIALOGS)
    window = MainWindow(runner)
    qtbot.addWidget(window)
    window.show()
    steps = window.dashboard.first_steps
    assert not steps.isHidden()
    text = steps.text()
    for n, what in enumerate(("構成団体を登録する", "専門部会と業務を登録する", "パッケージの機能一覧を取り込む",
                              "団体の要望を登録する"), start=1):
        assert f"{n}. <a href=" in text and what in text
    assert "「ファイル」＞「機能一覧を取り込む…」（Ctrl+I）" in text
    opened = []
    monkeypatch.setattr(MainWindow, "import_functions", lambda self: opened.append("import"))
    steps.linkActivated.emit("import")
    steps.linkActivated.emit("members")
    assert opened == ["import"] and window.current_view() == VIEW_MEMBERS
    runner.run(lambda s: member_ops.add_member(s, name="那珂市", population=55_827), parent=None)
    assert "✓ 1. 構成団体を登録する" in window.dashboard.first_steps.text()
    window.show_view(VIEW_FUNCTIONS)
    assert "機能一覧はまだありません。「ファイル」＞「機能一覧を取り込む…」（Ctrl+I）" in window.functions.detail.toPlainText()
    window.close()
    runner.deleteLater()
    db.close()


def test_the_demo_shows_no_first_steps(main_window):
    assert main_window.dashboard.first_steps.isHidden()


def test_a_meeting_not_yet_held_says_so_on_the_outcomes_tab_before_any_click(main_window, runner, no_message_boxes):
    """Walk O12: at a meeting dated after today 記録 was enabled and refused only after the click. The tab
    now says it beforehand and offers no 記録 (the op still refuses, see above); at today's date it does."""
    import datetime as dt

    from cloudsuppress.changes import ChangesWithId
    from cloudsuppress.domain.workflow import Status
    from cloudsuppress.ops import meetings as mops
    from cloudsuppress.ops.inputs import MeetingFields
    from cloudsuppress.ops.request_queries import list_item_rows
    from ui.dates import display_date
    from ui.main_window import VIEW_MEETINGS

    today = dt.date.today()
    ahead = today + dt.timedelta(days=13)
    item = next(r for r in runner.read(list_item_rows) if r.status == Status.REQUESTED.value)

    def setup(s):
        m = mops.create_meeting(s, kind="協議会", title="第9回 臨時協議会", held_on=ahead).id
        mops.add_agenda_item(s, meeting_id=m, item_id=item.id)
        return ChangesWithId(meetings=True, id=m)

    meeting_id = runner.run(setup, parent=None).id
    main_window.show_view(VIEW_MEETINGS)
    assert main_window.meetings.select_meeting(meeting_id)
    pane = main_window.meetings.detail
    pane.tabs.setCurrentIndex(2)
    out = pane.outcomes
    assert out.select_item(item.id)
    assert not out.not_held_label.isHidden()
    assert out.not_held_label.text().startswith(f"{display_date(ahead)}の会議です。協議結果は会議の当日から記録できます")
    assert not out.record_button.isEnabled()
    assert not any(b.isEnabled() for b in out.outcome_buttons.values())
    runner.run(lambda s: mops.update_meeting(s, meeting_id=meeting_id, fields=MeetingFields(held_on=today)), parent=None)
    assert out.not_held_label.isHidden() and out.record_button.isEnabled()
    assert out.outcome_buttons["continued"].isEnabled()
    assert no_message_boxes == []

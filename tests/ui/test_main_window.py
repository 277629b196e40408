"""The main window over the demo database: navigation, searching, filters, the gap rate."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from cloudsuppress.ops.functions import fit_stats, system_tree
from cloudsuppress.ops.summary import format_rate
from ui.main_window import VIEW_DASHBOARD, VIEW_FUNCTIONS


def type_japanese(widget, text: str) -> None:
    """Commit text the way an input method does (keyClicks cannot type Japanese)."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_title_and_status_bar_show_consortium_and_gap_rate(main_window, runner):
    st = runner.read(fit_stats)
    assert main_window.windowTitle().startswith("cloudsuppress — いばらき自治体クラウド")
    expected = f"ギャップ率 {format_rate(st.gap_rate)}（△{st.by_fit['△']} ×{st.by_fit['×']}／評価済み{st.assessed}）"
    assert main_window.rate_label.text() == expected
    assert expected == "ギャップ率 1.33%（△2 ×2／評価済み300）"
    assert main_window.count_label.text() == "機能 300 件"
    assert main_window.rate_label.isVisible()


def test_opening_groups_the_functions_once_and_the_status_follows_changes(runner, qtbot, app_font, monkeypatch):
    """The status bar's counts are the function tree's (issue 18: every start grouped all functions twice,
    ~0.1 s each at 100,000); after a change both still read the database as it is now."""
    from cloudsuppress.ops import functions as function_ops
    from ui.main_window import MainWindow

    grouped = []
    real = function_ops.stats_by_system
    monkeypatch.setattr(function_ops, "stats_by_system", lambda rows: grouped.append(1) or real(rows))
    window = MainWindow(runner)
    qtbot.addWidget(window)
    assert len(grouped) == 1
    assert window.count_label.text() == "機能 300 件"
    monkeypatch.undo()

    def retire_two(s):
        from sqlalchemy import update

        from cloudsuppress.changes import Changes
        from cloudsuppress.domain.models import Function

        ids = s.scalars(Function.__table__.select().with_only_columns(Function.id).order_by(Function.id).limit(2)).all()
        s.execute(update(Function).where(Function.id.in_(ids)).values(retired=True))
        return Changes(functions=True)

    runner.run(retire_two, parent=None)
    st = runner.read(fit_stats)
    assert st.total == 298
    assert window.count_label.text() == "機能 298 件"
    counts = f"△{st.by_fit['△']} ×{st.by_fit['×']}／評価済み{st.assessed}"
    assert window.rate_label.text() == f"ギャップ率 {format_rate(st.gap_rate)}（{counts}）"


def test_navigation_switches_views(main_window, qtbot):
    assert main_window.current_view() == VIEW_FUNCTIONS
    nav = main_window.nav
    dashboard_row = next(r for r in range(nav.count()) if nav.item(r).text() == "ダッシュボード")
    rect = nav.visualItemRect(nav.item(dashboard_row))
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert main_window.current_view() == VIEW_DASHBOARD
    assert main_window.stack.currentWidget() is main_window.dashboard
    assert main_window.dashboard.title.text().startswith("いばらき自治体クラウド")
    assert main_window.dashboard.members.item(4, 1).text() == "151,586"  # 計
    reports = [nav.item(r) for r in range(nav.count()) if nav.item(r).text() == "帳票"][0]
    assert reports.flags() & Qt.ItemFlag.ItemIsEnabled  # issue 5: costs and the documents printed from them
    main_window.show_view(VIEW_FUNCTIONS)
    assert main_window.stack.currentWidget() is main_window.functions


def test_typing_japanese_narrows_the_table(main_window, qtbot):
    view = main_window.functions
    view.search.setFocus()
    type_japanese(view.search, "住民")
    assert view.search.text() == "住民"
    n = view.model.rowCount()
    assert 0 < n < 300
    assert view.count_label.text() == f"表示 {n} 件／全 300 件"
    type_japanese(view.search, "票の登録")
    assert view.search.text() == "住民票の登録"
    shown = [view.model.row_at(i) for i in range(view.model.rowCount())]
    assert 0 < len(shown) < n
    assert all("住民票の登録" in (r.name + (r.requirement or "")) for r in shown)
    qtbot.keyClicks(view.search, "X")  # ASCII through real key events; nothing contains it
    assert view.model.rowCount() == 0
    assert view.count_label.text() == "表示 0 件／全 300 件"
    view.search.clear()
    assert view.model.rowCount() == 300


def test_fit_filter_combo(main_window):
    view = main_window.functions
    view.fit_combo.setCurrentIndex(view.fit_combo.findText("△または×"))
    assert view.model.rowCount() == 4
    assert {view.model.row_at(i).fit for i in range(4)} <= {"△", "×"}
    view.class_combo.setCurrentIndex(view.class_combo.findText("実装必須機能"))
    assert all(view.model.row_at(i).requirement_class == "mandatory" for i in range(view.model.rowCount()))


def test_tree_selection_filters_to_a_system_and_shows_its_rate(main_window, runner, qtbot):
    view = main_window.functions
    node = next(n for n in runner.read(system_tree) if n.stats.gaps)
    assert view.select_tree_node("system", node.id)
    assert view.model.rowCount() == node.stats.total
    assert {view.model.row_at(i).business_system for i in range(view.model.rowCount())} == {node.name}
    by = node.stats.by_fit
    assert view.node_stats.text() == (
        f"{node.name}: ○ {by['○']} △ {by['△']} × {by['×']} 未評価 0 ・ギャップ率 {format_rate(node.stats.gap_rate)}")
    assert view.node_stats.isVisible()
    assert view.select_tree_node("all", None)
    assert view.model.rowCount() == 300
    assert view.node_stats.text().startswith("全体: ○ 296 △ 2 × 2")


def test_selecting_a_row_shows_the_full_requirement(main_window):
    view = main_window.functions
    view.table.selectRow(3)
    r = view.model.row_at(3)
    text = view.detail.toPlainText()
    assert r.code in text and r.name in text
    assert r.requirement.splitlines()[-1] in text
    assert "第1.0版" in text

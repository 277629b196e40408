"""The 帳票 view marks a share that moved after its 首長決裁 (review R36): the cell reads
「…（要再決裁）」 with the approved amount in its tooltip, and the selected item's panel names it."""
from __future__ import annotations

from PySide6.QtCore import Qt

from cloudsuppress.ops import members as member_ops
from cloudsuppress.ops.costs import item_shares, stale_approvals
from cloudsuppress.ops.requests import resolve_member
from ui.table_models import cost_table_model as ct

from .test_language_labels import JAPANESE, english  # noqa: F401
from .test_reports_view import _item_id, _select, reports  # noqa: F401
from .test_request_views import detail, editor_for, requests_view  # noqa: F401


def test_a_share_moved_after_its_mayors_approval_is_marked(reports, runner, qtbot):  # noqa: F811
    item_id = runner.read(lambda s: _item_id(s, "R-0003"))
    approved = runner.read(lambda s: item_shares(s, item_id)).by_member()["那珂市"]
    _select(reports, "R-0003")
    assert "要再決裁" not in reports.item_label.text()
    with qtbot.waitSignal(runner.changed):
        runner.run(lambda s: member_ops.update_member(s, member_id=resolve_member(s, "那珂市"), population=56_500), parent=None)
    now = runner.read(lambda s: item_shares(s, item_id)).by_member()["那珂市"]
    assert now != approved
    row = reports.model.row_of("R-0003", attr="key")
    col = len(ct.FIXED) + reports.model.members.index("那珂市")
    cell = reports.model.index(row, col)
    assert cell.data() == f"{now:,}（要再決裁）"
    assert f"首長決裁 {approved:,}円 → 現在 {now:,}" in cell.data(Qt.ItemDataRole.ToolTipRole)
    _select(reports, "R-0003")
    assert f"要再決裁: 那珂市 首長決裁 {approved:,}円 → 現在 {now:,}円" in reports.item_label.text()


def test_the_request_editor_marks_the_mayors_approval_for_renewal(runner, qtbot, editor_for):  # noqa: F811
    with qtbot.waitSignal(runner.changed):
        runner.run(lambda s: member_ops.update_member(s, member_id=resolve_member(s, "那珂市"), population=56_500),
                   parent=None)
    part = next(p for p in detail(runner, "R-0003").parts if p.member == "那珂市")
    assert part.reapproval.share_text().startswith("首長決裁 319,156円 → 現在 320,414円")
    dialog = editor_for("R-0003")
    form = next(f for f in dialog.forms.values() if f.member == "那珂市")
    assert "要再決裁: 首長決裁 319,156円 → 現在 320,414円（人口 55,827人→56,500人）" in form.approval_state["mayor"].text()
    assert "要再決裁" not in form.approval_state["finance"].text()


def test_saving_a_rule_says_how_many_approved_shares_it_moved(reports, runner, qtbot, no_message_boxes):  # noqa: F811
    """The op returns the approvals the save made stale; the view says so, as the CLI's costs rule warns."""
    messages: list[str] = []
    reports.status_message.connect(messages.append)
    reports.rule_editor.combo.setCurrentIndex(reports.rule_editor.combo.findData("equal"))
    with qtbot.waitSignal(runner.changed):
        qtbot.mouseClick(reports.save_rule_button, Qt.MouseButton.LeftButton)
    stale = runner.read(lambda s: stale_approvals(s))
    assert stale  # the demo's approved items moved with the rule
    assert messages == [f"費用按分のルールを保存しました。首長決裁を受けた負担額が変わった団体が {len(stale)} 件あります（要再決裁）。"]


def test_the_reasons_for_renewal_read_in_english(english, reports, runner, qtbot, editor_for,  # noqa: F811
                                                  no_message_boxes):
    """The core words the reasons (Phrases): in English mode the tooltip and the editor spell them in English."""
    with qtbot.waitSignal(runner.changed):
        runner.run(lambda s: member_ops.update_member(s, member_id=resolve_member(s, "那珂市"), population=56_500),
                   parent=None)
    row = reports.model.row_of("R-0003", attr="key")
    cell = reports.model.index(row, len(ct.FIXED) + reports.model.members.index("那珂市"))
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == (
        "Mayor's approval ¥319,156 → now ¥320,414 (population 55,827 → 56,500). "
        "A new finance consultation and mayor's approval are needed.")
    form = next(f for f in editor_for("R-0003").forms.values() if f.member == "那珂市")
    assert "Re-approval needed: Mayor's approval ¥319,156 → now ¥320,414 (population 55,827 → 56,500)" in \
        form.approval_state["mayor"].text()
    reports.rule_editor.combo.setCurrentIndex(reports.rule_editor.combo.findData("equal"))
    with qtbot.waitSignal(runner.changed):
        qtbot.mouseClick(reports.save_rule_button, Qt.MouseButton.LeftButton)
    tips = [reports.model.index(row, c).data(Qt.ItemDataRole.ToolTipRole)
            for c in range(len(ct.FIXED), reports.model.columnCount())]
    rule_tip = next(t for t in tips if t and "sharing rule" in t)
    assert JAPANESE.search(rule_tip) is None, rule_tip


def test_a_rule_that_moves_approved_shares_is_confirmed_before_it_is_saved(reports, runner, qtbot, monkeypatch):  # noqa: F811
    """Walk O6: saving a rule that made 首長決裁 stale happened at once (the status line said 要再決裁
    afterwards). The view asks first, naming how many approved shares move (computed by the core without
    writing: preview_cost_rule); No saves nothing; Yes saves, and the same approvals are the stale ones."""
    from PySide6.QtWidgets import QMessageBox

    from cloudsuppress.ops.costs import cost_rule_row

    asked: list[str] = []
    answer = [QMessageBox.StandardButton.No]

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return answer[0]

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    before = runner.read(cost_rule_row).description
    stale_before = runner.read(lambda s: stale_approvals(s))
    reports.rule_editor.combo.setCurrentIndex(reports.rule_editor.combo.findData("equal"))
    with qtbot.assertNotEmitted(runner.changed):
        qtbot.mouseClick(reports.save_rule_button, Qt.MouseButton.LeftButton)
    assert runner.read(cost_rule_row).description == before  # declined: nothing saved
    assert len(asked) == 1
    answer[0] = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(runner.changed):
        qtbot.mouseClick(reports.save_rule_button, Qt.MouseButton.LeftButton)
    moved = [x for x in runner.read(lambda s: stale_approvals(s)) if x not in stale_before]
    assert moved
    assert asked[1] == asked[0]
    assert f"首長決裁を受けた負担額が {len(moved)} 件変わります" in asked[0], asked[0]
    first = moved[0]
    assert f"{first.key} {first.member}: 首長決裁 " in asked[0]
    assert runner.read(cost_rule_row).description != before

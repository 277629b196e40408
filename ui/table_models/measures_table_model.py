"""MeasuresTableModel: one line per member, one column (or two) per Toyama measure.

Adapter over ``ops.measures.MemberMeasures`` rows (frozen): the briefing (date and number
attending) and the share of the member's requests answering the resident-service question;
its attendance at the vendor-selection events; its pending 財政課協議 / 首長決裁 and its total
cost; its attendance at the meetings where its items were discussed and the secretariat's.
A cell that shows a gap (no briefing, a missed event or meeting, a pending approval) is
tinted so the secretariat sees at a glance whom to chase.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from cloudsuppress.ops.measures import MemberMeasures

from ..dates import display_date
from ..labels import join_names, yen
from .row_list_model import CENTER, LEFT, RIGHT, RowListTableModel

COL_MEMBER, COL_BRIEFING, COL_ANSWERED, COL_SELECTION, COL_PENDING, COL_COST, COL_MEETINGS, COL_SECRETARIAT = range(8)
WARN = ("#fdecea", "#9b1c1c")


def _pct(part: int, whole: int) -> str:
    if not whole:
        return "—"
    return QCoreApplication.translate("MeasuresTableModel", "{0}/{1}（{2}%）").format(part, whole, part * 100 // whole)


class MeasuresTableModel(RowListTableModel):
    """The four measures per member; see the module docstring."""

    HEADERS = {
        COL_MEMBER: "構成団体",
        COL_BRIEFING: "① 庁内説明会",
        COL_ANSWERED: "① 住民サービス設問の回答",
        COL_SELECTION: "② 選考会への参加",
        COL_PENDING: "③ 未了の協議・決裁",
        COL_COST: "③ 負担額（実施分）",
        COL_MEETINGS: "④ 部会への出席",
        COL_SECRETARIAT: "④ 事務局の出席",
    }

    def display(self, r: MemberMeasures, col: int) -> str:
        if col == COL_MEMBER:
            return r.member
        if col == COL_BRIEFING:
            if not r.briefing_held:
                return self.tr("未開催")
            text = self.tr("{0}・{1}人").format(display_date(r.last_briefing_on), r.last_briefing_attendees)
            return text + (self.tr("（ほか{0}回）").format(r.briefings - 1) if r.briefings > 1 else "")
        if col == COL_ANSWERED:
            return _pct(r.answered, r.requests)
        if col == COL_SELECTION:
            return self.tr("{0}/{1} 回（{2} 人）").format(r.selection_attended, r.selection_events, r.selection_people)
        if col == COL_PENDING:
            if not (r.pending_finance or r.pending_mayor):
                return self.tr("なし")
            return self.tr("財政課 {0}・首長 {1}").format(r.pending_finance, r.pending_mayor)
        if col == COL_COST:
            return yen(r.cost_total)
        if col == COL_MEETINGS:
            return _pct(r.meetings_attended, r.meetings)
        if col == COL_SECRETARIAT:
            return f"{r.meetings_with_secretariat}/{r.meetings}" if r.meetings else "—"
        return ""

    def tooltip(self, r: MemberMeasures, col: int) -> str | None:
        if col == COL_PENDING and r.pending_items:
            return self.tr("未了の要望: {0}").format(join_names(r.pending_items))
        if col == COL_COST and r.prospective_total:
            return self.tr("検討中の要望の見込み負担額 {0}").format(yen(r.prospective_total))
        if col == COL_MEETINGS and r.missed:
            missed = ([self.tr("{0}（{1}）").format(name, display_date(on)) for name, on in r.missed_meetings]
                      if r.missed_meetings else list(r.missed))
            return self.tr("欠席: {0}").format(join_names(missed))
        return self.display(r, col) or None

    def alignment(self, col: int) -> int:
        if col == COL_COST:
            return RIGHT
        return LEFT if col in (COL_MEMBER, COL_BRIEFING) else CENTER

    def colors(self, r: MemberMeasures, col: int) -> tuple[str, str] | None:
        gap = {
            COL_BRIEFING: not r.briefing_held,
            COL_ANSWERED: r.answered < r.requests,
            COL_SELECTION: r.selection_attended < r.selection_events,
            COL_PENDING: bool(r.pending_finance or r.pending_mayor),
            COL_MEETINGS: r.meetings_attended < r.meetings,
            COL_SECRETARIAT: r.meetings_with_secretariat < r.meetings,
        }.get(col, False)
        return WARN if gap else None

    def sort_key(self, r: MemberMeasures, col: int) -> Any:
        return {
            COL_BRIEFING: (r.last_briefing_on is not None, r.last_briefing_on or 0),
            COL_ANSWERED: r.answered_rate if r.answered_rate is not None else -1,
            COL_SELECTION: (r.selection_attended, r.selection_people),
            COL_PENDING: r.pending_finance + r.pending_mayor,
            COL_COST: r.cost_total,
            COL_MEETINGS: r.attendance_rate if r.attendance_rate is not None else -1,
            COL_SECRETARIAT: r.meetings_with_secretariat,
        }.get(col, self.display(r, col))

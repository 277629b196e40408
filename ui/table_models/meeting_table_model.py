"""Table models of the 会議 view: the meetings, one meeting's attendees and its agenda.

Each holds the core's frozen rows (``MeetingRow``, ``AttendeeRow``, ``AgendaRow`` from
``ops.meeting_queries``) through ``RowListTableModel``. The meeting list sorts by any column
(dates by date, not by their 和暦 text); the agenda keeps the meeting's order, which the
secretariat sets with 上へ / 下へ, so its view leaves sorting off.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from cloudsuppress.domain.vocab import CUSTOMIZED_PENDING, MEETING_KIND_LABELS
from cloudsuppress.ops.meeting_queries import AgendaRow, AttendeeRow, MeetingRow

from ..dates import display_date
from ..labels import join_names, label
from .request_table_model import STATUS_COLORS
from .row_list_model import CENTER, LEFT, RIGHT, RowListTableModel

# --- meetings ---------------------------------------------------------------------------------

COL_KIND = 0
COL_SUBCOMMITTEE = 1
COL_NUMBER = 2
COL_TITLE = 3
COL_DATE = 4
COL_TIME = 5
COL_PLACE = 6
COL_AGENDA = 7
COL_DECIDED = 8

MEETING_WIDTHS = {COL_KIND: 64, COL_SUBCOMMITTEE: 100, COL_NUMBER: 64, COL_TITLE: 240, COL_DATE: 170,
                  COL_TIME: 110, COL_PLACE: 260, COL_AGENDA: 56, COL_DECIDED: 56}


def kind_texts() -> list[str]:
    """Every meeting kind as the 種別 column shows it (協議会, 部会, 分科会), in the UI language."""
    return [label(text) for text in MEETING_KIND_LABELS.values()]


def time_text(start: str | None, end: str | None) -> str:
    """'14:00～16:00', '14:00～' or ''."""
    return f"{start}～{end or ''}" if start else ""


class MeetingTableModel(RowListTableModel):
    """Meetings, newest first as the core lists them."""

    HEADERS = {COL_KIND: "種別", COL_SUBCOMMITTEE: "部会", COL_NUMBER: "回", COL_TITLE: "会議名", COL_DATE: "開催日",
               COL_TIME: "時間", COL_PLACE: "場所", COL_AGENDA: "議題", COL_DECIDED: "決定"}

    def display(self, r: MeetingRow, col: int) -> str:
        if col == COL_KIND:
            return label(r.kind_label)
        if col == COL_SUBCOMMITTEE:
            return r.business_system or r.subcommittee or ""
        if col == COL_NUMBER:
            return self.tr("第{0}回").format(r.number) if r.number else ""
        if col == COL_TITLE:
            return r.title
        if col == COL_DATE:
            return display_date(r.held_on, weekday=True)
        if col == COL_TIME:
            return time_text(r.start_time, r.end_time)
        if col == COL_PLACE:
            return r.place or ""
        if col == COL_AGENDA:
            return str(r.agenda_count)
        if col == COL_DECIDED:
            return str(r.decided_count)
        return ""

    def tooltip(self, r: MeetingRow, col: int) -> str | None:
        if col == COL_DATE:
            return r.held_on.isoformat()
        if col == COL_TITLE:
            return r.label
        return super().tooltip(r, col)

    def alignment(self, col: int) -> int:
        return RIGHT if col in (COL_AGENDA, COL_DECIDED) else CENTER if col in (COL_KIND, COL_NUMBER) else LEFT

    def sort_key(self, r: MeetingRow, col: int) -> object:
        if col == COL_DATE:
            return (r.held_on, r.start_time or "")
        if col in (COL_NUMBER, COL_AGENDA, COL_DECIDED):
            return {COL_NUMBER: r.number or 0, COL_AGENDA: r.agenda_count, COL_DECIDED: r.decided_count}[col]
        return super().sort_key(r, col)


# --- attendees --------------------------------------------------------------------------------

ATT_ROLE = 0
ATT_ORGANIZATION = 1
ATT_NAME = 2
ATT_TITLE = 3
ATTENDEE_WIDTHS = {ATT_ROLE: 90, ATT_ORGANIZATION: 220, ATT_NAME: 160, ATT_TITLE: 200}


class AttendeeTableModel(RowListTableModel):
    """A meeting's attendees, grouped as the minutes print them (members, vendor, secretariat)."""

    HEADERS = {ATT_ROLE: "区分", ATT_ORGANIZATION: "所属", ATT_NAME: "氏名", ATT_TITLE: "役職"}

    def display(self, r: AttendeeRow, col: int) -> str:
        if col == ATT_ROLE:
            return label(r.role_label)
        if col == ATT_ORGANIZATION:
            return r.member or r.organization or ""
        if col == ATT_NAME:
            return r.name
        if col == ATT_TITLE:
            return r.title or ""
        return ""


# --- agenda -----------------------------------------------------------------------------------

AG_POSITION = 0
AG_KEY = 1
AG_TITLE = 2
AG_SYSTEM = 3
AG_MEMBERS = 4
AG_STATUS = 5
AG_OUTCOME = 6
AGENDA_WIDTHS = {AG_POSITION: 44, AG_KEY: 80, AG_TITLE: 260, AG_SYSTEM: 140, AG_MEMBERS: 200, AG_STATUS: 130,
                 AG_OUTCOME: 240}
OUTCOME_COLORS = {"decided": ("#dff3e4", "#1e6b34"), "continued": ("#fdf0d5", "#7a4b00"),
                  "information": ("#e3ecf7", "#1f3a5f"), CUSTOMIZED_PENDING: ("#dff3e4", "#1e6b34")}


def outcome_summary(r: AgendaRow) -> str:
    """決定（取下げ）, 継続審議 (also a decision that went only as far as 検討中), 報告 or 未協議."""
    if r.is_continued:
        return QCoreApplication.translate("AgendaTableModel", "継続審議")
    if r.outcome == CUSTOMIZED_PENDING:
        return QCoreApplication.translate("AgendaTableModel", "決定（カスタマイズ実施・決裁後に確定）")
    if r.outcome == "decided" and r.decision_label:
        return QCoreApplication.translate("AgendaTableModel", "決定（{0}）").format(label(r.decision_label))
    return label(r.outcome_label)


class AgendaTableModel(RowListTableModel):
    """A meeting's agenda in its order, with each item's status and the meeting's outcome."""

    HEADERS = {AG_POSITION: "順", AG_KEY: "要望番号", AG_TITLE: "要望名", AG_SYSTEM: "業務", AG_MEMBERS: "要望団体",
               AG_STATUS: "状態", AG_OUTCOME: "協議結果"}

    def display(self, r: AgendaRow, col: int) -> str:
        if col == AG_POSITION:
            return str(r.position)
        if col == AG_KEY:
            return r.key
        if col == AG_TITLE:
            # 継続: carried over by the same body's earlier meeting (継続審議), proposed first
            return QCoreApplication.translate("AgendaTableModel", "［継続］{0}").format(r.title) if r.carried_over else r.title
        if col == AG_SYSTEM:
            return r.business_system or ""
        if col == AG_MEMBERS:
            return join_names(r.members) or "—"
        if col == AG_STATUS:
            return label(r.status_label)
        if col == AG_OUTCOME:
            return outcome_summary(r)
        return ""

    def tooltip(self, r: AgendaRow, col: int) -> str | None:
        if col == AG_TITLE:
            code = (QCoreApplication.translate("AgendaTableModel", "帳票 {0}").format(r.function_code)
                    if r.function_kind == "form" else r.function_code)
            fn = f"{code} {r.function_name}" if r.function_code else (r.function_name or "")
            return f"{r.key} {r.title}\n{fn}".strip()
        if col == AG_OUTCOME:
            lines = [outcome_summary(r)]
            if r.decision_reason:
                lines.append(self.tr("理由: {0}").format(r.decision_reason))
            if r.notes:
                lines.append(self.tr("協議内容: {0}").format(r.notes))
            return "\n".join(lines)
        return super().tooltip(r, col)

    def alignment(self, col: int) -> int:
        return CENTER if col in (AG_POSITION, AG_KEY, AG_STATUS) else LEFT

    def colors(self, r: AgendaRow, col: int) -> tuple[str, str] | None:
        if col == AG_STATUS:
            return STATUS_COLORS.get(r.status)
        if col == AG_OUTCOME:
            return OUTCOME_COLORS.get("continued" if r.is_continued else r.outcome or "")
        return None

    def sort_key(self, r: AgendaRow, col: int) -> object:
        return r.position if col == AG_POSITION else super().sort_key(r, col)

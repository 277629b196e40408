"""OutcomePanel: the 協議結果 tab of a meeting — for each agenda item, what the meeting made of it.

Left, the agenda (the meeting detail's own AgendaTableModel, showing order, key, title and
outcome); right, the chosen item's form: 未協議 / 決定 / 継続審議 / 報告, for a decision the
status it moves the item to and why, and the discussion notes (協議内容). 記録 hands the core
``record_outcome`` to the runner: a decision moves the item through the workflow with the
meeting as its reference, and a refused move is shown with the core's message as it is.
A decision already recorded is not re-decided here (the core refuses it; undo or a new move
of the item does that): only its notes can still be written.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cloudsuppress.domain.vocab import CUSTOMIZED_PENDING
from cloudsuppress.domain.workflow import DECISIONS, Status
from cloudsuppress.ops.meeting_held import not_held_yet
from cloudsuppress.ops.meeting_queries import AgendaRow

from ..dates import display_date
from ..labels import join_names, label
from ..op_runner import OpRunner
from ..operations import meetings as meeting_ops
from ..table_models.meeting_table_model import AG_KEY, AG_OUTCOME, AG_POSITION, AG_TITLE, AgendaTableModel

# The outcome choices in the order they are offered; None is 未協議.
OUTCOME_CHOICES = ((None, "未協議"), ("decided", "決定"), ("continued", "継続審議"), ("information", "報告のみ"))
# What a decision can move an item to: the three ends, カスタマイズ decided in principle (the item stays
# 検討中 until the bearing members' approvals are recorded), or starting (or reopening) its review.
DECISION_TARGETS = ((Status.STANDARDIZED.value, Status.STANDARDIZED.label), (Status.WITHDRAWN.value, Status.WITHDRAWN.label),
                    (Status.CUSTOMIZED.value, Status.CUSTOMIZED.label),
                    (CUSTOMIZED_PENDING, "カスタマイズ実施（財政課協議・首長決裁の後に確定）"),
                    (Status.UNDER_REVIEW.value, Status.UNDER_REVIEW.label))
# As the meeting's own warnings (meeting_detail.WARNING_STYLE), for the line on a meeting not held yet.
NOT_HELD_STYLE = ("QLabel#notHeldNote { background: #fff4d6; color: #7a4b00; border: 1px solid #e6c36a;"
                  " border-radius: 3px; padding: 4px 8px; }")
FINAL_STATUSES = frozenset(st.value for st in DECISIONS)


class ReservedLabel(QLabel):
    """A wrapped label that keeps the height of the longest of ``reserve`` at its width, so that its text
    coming and going moves nothing below it."""

    def __init__(self, reserve: tuple[str, ...], parent: QWidget | None = None):
        super().__init__(parent)
        self.reserve = reserve
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._reserve_height()

    def _reserve_height(self) -> None:
        width = max(self.width(), 200)
        fm = self.fontMetrics()
        need = max(fm.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, t).height()
                   for t in self.reserve)
        if self.minimumHeight() != need:
            self.setMinimumHeight(need)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._reserve_height()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._reserve_height()


def is_final(r: AgendaRow) -> bool:
    """The meeting settled the item (標準化 / 取下げ / カスタマイズ実施): only its notes can still be written.
    検討中 recorded at the meeting does not settle it; the item can still be decided there."""
    return (r.outcome == "decided" and r.decision_status in FINAL_STATUSES) or r.outcome == CUSTOMIZED_PENDING


class OutcomePanel(QWidget):
    """The 協議結果 tab; see the module docstring."""

    def __init__(self, runner: OpRunner, model: AgendaTableModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.model = model
        self.meeting_id: int | None = None
        self._shown: AgendaRow | None = None
        self._not_held_on: dt.date | None = None  # the meeting's date when it is after today

        self.table = QTableView()
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        for col in range(model.columnCount()):
            self.table.setColumnHidden(col, col not in (AG_POSITION, AG_KEY, AG_TITLE, AG_OUTCOME))
        self.table.setColumnWidth(AG_POSITION, 40)
        self.table.setColumnWidth(AG_KEY, 76)
        self.table.setColumnWidth(AG_OUTCOME, 150)
        self.table.horizontalHeader().setSectionResizeMode(AG_TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.table.setMinimumWidth(420)

        self.item_label = QLabel()
        self.item_label.setObjectName("outcomeItem")
        self.item_label.setWordWrap(True)
        self.item_label.setStyleSheet("font-weight: bold; color: #1f3a5f;")
        self.outcome_group = QButtonGroup(self)
        self.outcome_buttons: dict[str | None, QRadioButton] = {}
        radios = QHBoxLayout()
        for n, (code, text) in enumerate(OUTCOME_CHOICES):
            button = QRadioButton(self.tr(text))
            self.outcome_group.addButton(button, n)
            self.outcome_buttons[code] = button
            radios.addWidget(button)
        radios.addStretch(1)
        self.outcome_group.idToggled.connect(lambda *_: self._sync_enabled())
        self.decision_combo = QComboBox()
        for value, text in DECISION_TARGETS:
            self.decision_combo.addItem(self.tr(text), value)
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("例: 代替運用案で対応できることを確認し、要望団体が取り下げた"))
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setPlaceholderText(self.tr("この議題で協議した内容（議事録の「協議内容」に載ります）"))
        self.decided_label = QLabel()
        self.decided_label.setObjectName("decidedNote")
        self.decided_label.setWordWrap(True)
        self.decided_label.setStyleSheet("color: #1e6b34;")
        # Always there, its height kept for the longest hint: choosing 決定 pushed 理由 down by a line and
        # a click aimed at 理由 hit the hint instead (walk 2026-12-07, 31 → 32).
        self.steps_label = ReservedLabel((self._steps_text(Status.CUSTOMIZED), self._pending_text()))
        self.steps_label.setObjectName("decisionSteps")
        self.steps_label.setStyleSheet("color: #4a5568;")
        self.not_held_label = QLabel()  # walk O12: said before 記録 is pressed, not refused after
        self.not_held_label.setObjectName("notHeldNote")
        self.not_held_label.setWordWrap(True)
        self.not_held_label.setStyleSheet(NOT_HELD_STYLE)
        self.not_held_label.hide()
        self.decision_combo.currentIndexChanged.connect(lambda *_: self._sync_enabled())
        self.record_button = QPushButton(self.tr("記録"))
        self.record_button.setDefault(True)
        self.record_button.clicked.connect(self.record)

        form = QFormLayout()
        form.addRow(self.tr("協議結果"), radios)
        form.addRow(self.tr("決定内容"), self.decision_combo)
        form.addRow("", self.steps_label)
        form.addRow(self.tr("理由"), self.reason_edit)
        form.addRow(self.tr("協議内容"), self.notes_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.decided_label, 1)
        buttons.addWidget(self.record_button)
        right = QVBoxLayout()
        right.addWidget(self.not_held_label)
        right.addWidget(self.item_label)
        right.addLayout(form, 1)
        right.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addWidget(self.table, 4)
        layout.addLayout(right, 5)
        self._show_current()

    # --- showing ----------------------------------------------------------------------

    def set_meeting(self, meeting_id: int | None) -> None:
        self.meeting_id = meeting_id
        self._shown = None

    def set_held_on(self, held_on: dt.date | None) -> None:
        """The shown meeting's date: a meeting not held yet says so, and 記録 is not offered (the
        core's record_outcome refuses it with the same reason)."""
        self._not_held_on = held_on if not_held_yet(held_on) else None
        self.not_held_label.setText(
            self.tr("{0}の会議です。協議結果は会議の当日から記録できます。\n開催日が誤っていれば「日時・場所を変更…」で直してください。")
            .format(display_date(held_on)) if self._not_held_on is not None else "")
        self.not_held_label.setVisible(self._not_held_on is not None)
        self._sync_enabled()

    def reloaded(self) -> None:
        """The agenda model was reloaded: keep the chosen item, or choose the first."""
        item_id = self._shown.item_id if self._shown is not None else None
        row = self.model.row_of(item_id, attr="item_id") if item_id is not None else None
        if row is None and self.model.rowCount():
            row = 0
        if row is not None:
            self.table.selectRow(row)
        self._show_current(force=True)

    def current_row(self) -> AgendaRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def select_item(self, item_id: int) -> bool:
        row = self.model.row_of(item_id, attr="item_id")
        if row is None:
            return False
        self.table.selectRow(row)
        return True

    def _show_current(self, force: bool = False) -> None:
        r = self.current_row()
        if not force and r == self._shown:
            return
        self._shown = r
        for w in (self.reason_edit, self.notes_edit):
            w.blockSignals(True)
        if r is None:
            self.item_label.setText(self.tr("議題を選んでください。"))
            self.outcome_buttons[None].setChecked(True)
            self.reason_edit.clear()
            self.notes_edit.clear()
            self.decided_label.clear()
        else:
            members = join_names(r.members) or "—"
            self.item_label.setText(self.tr("{0}　{1}\n要望団体: {2}　現在の状態: {3}").format(
                r.key, r.title, members, label(r.status_label)))
            pending = r.outcome == CUSTOMIZED_PENDING  # shown as 決定 with the pending choice
            self.outcome_buttons.get("decided" if pending else r.outcome, self.outcome_buttons[None]).setChecked(True)
            if r.decision_status:
                self.decision_combo.setCurrentIndex(
                    max(self.decision_combo.findData(CUSTOMIZED_PENDING if pending else r.decision_status), 0))
            self.reason_edit.setText(r.decision_reason or "")
            self.notes_edit.setPlainText(r.notes or "")
            self.decided_label.setText(
                self.tr("この会議で「{0}」と決定済みです。協議内容だけを記録できます。").format(label(r.decision_label))
                if is_final(r) else "")
        for w in (self.reason_edit, self.notes_edit):
            w.blockSignals(False)
        self._sync_enabled()

    def chosen_outcome(self) -> str | None:
        return OUTCOME_CHOICES[self.outcome_group.checkedId()][0] if self.outcome_group.checkedId() >= 0 else None

    def _sync_enabled(self) -> None:
        r = self._shown
        held = self._not_held_on is None
        decided = r is not None and is_final(r)
        for button in self.outcome_buttons.values():
            button.setEnabled(r is not None and not decided and held)
        deciding = self.chosen_outcome() == "decided" and not decided and held
        self.decision_combo.setEnabled(deciding)
        self._show_steps(r if deciding else None)
        self.reason_edit.setEnabled(deciding)
        self.notes_edit.setEnabled(r is not None and held)
        self.record_button.setEnabled(r is not None and held)

    def _show_steps(self, r: AgendaRow | None) -> None:
        """Say when a decision on a 要望 item passes through 検討中 (the meeting is the review)."""
        text = ""
        if r is not None and r.status == Status.REQUESTED.value:
            target = self.decision_combo.currentData()
            if target in (Status.STANDARDIZED.value, Status.CUSTOMIZED.value):
                text = self._steps_text(Status(target))
        if r is not None and r.status in (Status.REQUESTED.value, Status.UNDER_REVIEW.value) \
                and self.decision_combo.currentData() == CUSTOMIZED_PENDING:
            text = self._pending_text()
        self.steps_label.setText(text)

    def _steps_text(self, target: Status) -> str:
        return self.tr("「要望」→「検討中」→「{0}」と記録します（この会議での協議として、履歴に 2 行）。").format(
            label(target.label))

    def _pending_text(self) -> str:
        return self.tr("「検討中」のまま決定として議事録に載り、負担する各団体の財政課協議・首長決裁が"
                       "すべて記録された時点で「カスタマイズ実施」になります（見積額が必要です）。")

    # --- recording --------------------------------------------------------------------

    def choose(self, outcome: str | None, *, decide: Status | str | None = None) -> None:
        """Set the form's outcome (and decision) as a click would."""
        self.outcome_buttons[outcome].setChecked(True)
        if decide is not None:
            self.decision_combo.setCurrentIndex(
                self.decision_combo.findData(decide.value if isinstance(decide, Status) else decide))

    def record(self) -> bool:
        """Record the form for the chosen item through the runner; True when it was recorded."""
        r = self._shown
        if r is None or self.meeting_id is None:
            return False
        meeting_id, item_id = self.meeting_id, r.item_id
        notes = self.notes_edit.toPlainText()
        if is_final(r):
            changes = meeting_ops.set_item_notes(self, self.runner, meeting_id=meeting_id, item_id=item_id, notes=notes)
            return changes is not None
        outcome = self.chosen_outcome()
        decide = self.decision_combo.currentData() if outcome == "decided" else None
        reason = self.reason_edit.text().strip() if outcome == "decided" else None
        changes = meeting_ops.record_outcome(self, self.runner, meeting_id=meeting_id, item_id=item_id, outcome=outcome,
                                             decide=decide, reason=reason, notes=notes)
        return changes is not None

    def focus_table(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

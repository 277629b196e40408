"""MemberPartForm: one member's part of a request item, as one tab of the item editor.

Left, what the member asks (要望内容, 理由区分, the resident-service question with its
explanation, 年間処理件数, 代替運用案), validated as the user types: a missing mandatory
field is outlined and its Japanese message stands next to it, and ``problems()`` is what
keeps the editor's 保存 disabled. The fields are saved by the editor (one action for the
whole item). Right, for a part already recorded: the hearing notes (ヒアリング記録) with a
row to add one and a button to delete the selected one, the 財政課協議 / 首長決裁 with date
and reference number (record or delete), and withdrawing the member's part; these act at once
through the OpRunner, each as one undoable core operation (so deleting asks no confirmation:
編集 > 元に戻す brings it back). Deleting is offered only while the item is still open.

Every control carries a Japanese accessible name; ``focus_chain`` lists them in the order Tab
visits them (the editor sets the dialog's tab order from it: the request fields, then the
hearing notes, approvals and withdrawal), and ``first_invalid_field`` is where the editor
puts the focus when saving is refused. A missing field's message is also its accessible
description, so a screen reader says why the field is outlined.

``load`` takes a fresh ``MemberPartRow`` after every broadcast; it keeps what the user is
typing (fields that differ from the last loaded values) and refreshes everything else.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cloudsuppress.domain.vocab import APPROVAL_LABELS, APPROVAL_STAGES, REASON_LABELS, SERVICE_DROP_LABELS
from cloudsuppress.ops import requests as req
from cloudsuppress.ops.inputs import MAX_ANNUAL_CASES
from cloudsuppress.ops.request_queries import MemberPartRow

from ..date_edit import DateEdit
from ..dates import display_date
from ..labels import reapproval_text
from ..op_runner import OpRunner
from ..operations import requests as request_ops
from .locked_fields import show_locked
from .request_prompts import ReasonDialog

ERROR_STYLE = "color: #b3261e;"
INVALID_STYLE = "border: 1px solid #b3261e; background: #fff6f5;"
# A required combo left empty: the red marking on the closed box only. Without the ::item rules the open list
# took the pale pink as its highlight too, and the highlighted 「（選んでください）」 was white on pink
# (walk 2026-12-07, 15_reason_combo.png).
INVALID_COMBO_STYLE = (f"QComboBox {{ {INVALID_STYLE} }}"
                       " QComboBox::item { background: palette(base); color: palette(text); }"
                       " QComboBox::item:selected { background: palette(highlight); color: palette(highlighted-text); }")
MAX_CASES = MAX_ANNUAL_CASES  # the core refuses more by the same rule


def _text_box(height: int, placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setFixedHeight(height)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    return box


class MemberPartForm(QWidget):
    """One member's request; see the module docstring."""

    edited = Signal()  # a field changed (validity or dirtiness may have changed)

    def __init__(self, runner: OpRunner, *, member_id: int, member: str, item_id: int | None = None,
                 part: MemberPartRow | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.member_id = member_id
        self.member = member
        self.item_id = item_id
        self.part = part
        self._baseline: req.PartFields = self._empty_values()
        self._editable = True
        self._item_open = True  # deleting a hearing or an approval is refused once the item is decided

        self.content_edit = _text_box(78, self.tr("何をどう変えてほしいか（例: 証明書の交付時に受付番号を帳票に印字してほしい）"))
        self.reason_combo = QComboBox()
        self.reason_combo.addItem(self.tr("（選んでください）"), None)
        for code, label in REASON_LABELS.items():
            self.reason_combo.addItem(self.tr(label), code)
        # Wide enough for the longest reason (「住民サービス水準の維持」) with room for the arrow in
        # any style and scale: the combo's own hint left it one character short on Windows at 150 %.
        longest = max((self.reason_combo.itemText(i) for i in range(self.reason_combo.count())),
                      key=self.reason_combo.fontMetrics().horizontalAdvance)
        self.reason_combo.setMinimumWidth(self.reason_combo.fontMetrics().horizontalAdvance(longest) + 56)
        self.drop_yes = QRadioButton(self.tr(SERVICE_DROP_LABELS[True]))
        self.drop_no = QRadioButton(self.tr(SERVICE_DROP_LABELS[False]))
        self.drop_group = QButtonGroup(self)
        self.drop_group.addButton(self.drop_yes)
        self.drop_group.addButton(self.drop_no)
        self.drop_box = QWidget()
        self.drop_box.setObjectName("dropBox")
        self.drop_box.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        drop_row = QHBoxLayout(self.drop_box)
        drop_row.setContentsMargins(4, 2, 4, 2)
        drop_row.addWidget(self.drop_yes)
        drop_row.addWidget(self.drop_no)
        drop_row.addStretch(1)
        self.detail_edit = _text_box(60, self.tr("低下する場合はその内容、低下しない場合はその理由"))
        self.cases_edit = QLineEdit()
        self.cases_edit.setValidator(QIntValidator(0, MAX_CASES, self))
        self.cases_edit.setPlaceholderText(self.tr("件／年"))
        self.cases_edit.setMaximumWidth(160)
        self.workaround_edit = _text_box(52, self.tr("カスタマイズしない場合の運用（例: 番号札を併用して照合する）"))

        self.content_edit.setAccessibleName(self.tr("要望内容"))
        self.reason_combo.setAccessibleName(self.tr("理由区分"))
        self.drop_yes.setAccessibleName(self.tr("住民サービスが低下する"))
        self.drop_no.setAccessibleName(self.tr("住民サービスが低下しない"))
        self.detail_edit.setAccessibleName(self.tr("低下の内容・理由"))
        self.cases_edit.setAccessibleName(self.tr("年間処理件数"))
        self.workaround_edit.setAccessibleName(self.tr("代替運用案"))

        self.errors: dict[str, QLabel] = {}
        for name in ("content", "reason", "service_drop", "service_drop_detail"):
            label = QLabel()
            label.setObjectName(f"{name}Error")
            label.setStyleSheet(ERROR_STYLE)
            label.setWordWrap(True)
            self.errors[name] = label

        question = QLabel(self.tr("このカスタマイズがないと、住民サービスの水準が低下しますか。"))
        question.setWordWrap(True)
        question.setStyleSheet("color: #4a5568;")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("要望内容（必須）"), self._with_error(self.content_edit, "content"))
        form.addRow(self.tr("理由区分（必須）"), self._with_error(self.reason_combo, "reason", inline=True))
        form.addRow(self.tr("住民サービス（必須）"), question)
        form.addRow("", self._with_error(self.drop_box, "service_drop", inline=True))
        form.addRow(self.tr("低下の内容・理由（必須）"), self._with_error(self.detail_edit, "service_drop_detail"))
        form.addRow(self.tr("年間処理件数"), self.cases_edit)
        form.addRow(self.tr("代替運用案"), self.workaround_edit)
        self.withdrawn_label = QLabel()
        self.withdrawn_label.setObjectName("withdrawnNote")
        self.withdrawn_label.setWordWrap(True)
        self.withdrawn_label.setStyleSheet("QLabel#withdrawnNote { color: #555; background: #ececec;"
                                           " border-radius: 4px; padding: 6px 8px; }")
        self.withdrawn_label.hide()
        left = QVBoxLayout()
        left.addWidget(self.withdrawn_label)
        left.addLayout(form)
        left.addStretch(1)

        self.side = QWidget()
        self._build_side()
        self.side.setVisible(part is not None)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.addLayout(left, 3)
        layout.addWidget(self.side, 2)

        for box in (self.content_edit, self.detail_edit, self.workaround_edit):
            box.textChanged.connect(self._on_edit)
        self.cases_edit.textChanged.connect(self._on_edit)
        self.reason_combo.currentIndexChanged.connect(self._on_edit)
        self.drop_group.buttonToggled.connect(lambda *_: self._on_edit())
        if part is not None:
            self.load(part, editable=True)
        self._validate()

    def _with_error(self, widget: QWidget, name: str, *, inline: bool = False) -> QWidget:
        box = QWidget()
        lay = (QHBoxLayout if inline else QVBoxLayout)(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(6 if inline else 2)
        lay.addWidget(widget)
        lay.addWidget(self.errors[name], 1)
        if not inline:  # a line kept for the message: the fields below stayed put only while it was shown
            self.errors[name].setMinimumHeight(self.errors[name].fontMetrics().lineSpacing())
        return box

    # --- keyboard -----------------------------------------------------------------------

    def focus_chain(self) -> list[QWidget]:
        """Every control in the order Tab visits it (hidden or disabled ones are skipped by Qt)."""
        chain: list[QWidget] = [self.content_edit, self.reason_combo, self.drop_yes, self.drop_no, self.detail_edit,
                                self.cases_edit, self.workaround_edit, self.hearing_table, self.hearing_date,
                                self.hearing_text, self.hearing_cases, self.hearing_add, self.hearing_delete]
        for stage in APPROVAL_STAGES:
            chain += [self.approval_date[stage], self.approval_ref[stage], self.approval_button[stage],
                      self.approval_delete[stage]]
        return chain + [self.withdraw_button]

    def first_field(self) -> QWidget | None:
        """The first field the user can type in (None when the part is read-only)."""
        return self.content_edit if self._editable else None

    def first_invalid_field(self) -> QWidget | None:
        """The first mandatory field still missing, as Tab reaches it (the checked-or-first 低下 button)."""
        problems = self.problems() if self._editable else {}
        for name, widget in (("content", self.content_edit), ("reason", self.reason_combo),
                             ("service_drop", self.drop_yes), ("service_drop_detail", self.detail_edit)):
            if name in problems:
                return widget
        return None

    # --- hearings, approvals, withdrawal ----------------------------------------------

    def _build_side(self) -> None:
        hearings = QGroupBox(self.tr("ヒアリング記録"))
        self.hearing_table = QTableWidget(0, 3)
        self.hearing_table.setHorizontalHeaderLabels([self.tr("実施日"), self.tr("確認した内容"), self.tr("確認件数")])
        self.hearing_table.verticalHeader().setVisible(False)
        self.hearing_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.hearing_table.setWordWrap(True)
        hh = self.hearing_table.horizontalHeader()
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        hh.resizeSection(0, 130)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)  # its heading whole, in any language
        # Long notes wrap: the row heights follow the column width as the dialog is sized.
        hh.sectionResized.connect(lambda *_: self.hearing_table.resizeRowsToContents())
        self.hearing_table.setMinimumHeight(110)
        self.hearing_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.hearing_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.hearing_table.itemSelectionChanged.connect(self._update_side_buttons)
        self.hearing_table.setTabKeyNavigation(False)
        self.hearing_table.setAccessibleName(self.tr("ヒアリング記録"))
        self.hearing_date = DateEdit(QDate.currentDate())
        self.hearing_date.setCalendarPopup(True)
        self.hearing_date.setDisplayFormat("yyyy/MM/dd")
        self.hearing_text = QLineEdit()
        self.hearing_text.setPlaceholderText(self.tr("確認した内容"))
        self.hearing_cases = QLineEdit()
        self.hearing_cases.setValidator(QIntValidator(0, MAX_CASES, self))
        self.hearing_cases.setPlaceholderText(self.tr("件数"))
        self.hearing_cases.setMaximumWidth(80)
        self.hearing_add = QPushButton(self.tr("追加"))
        self.hearing_add.clicked.connect(self.add_hearing)
        self.hearing_text.textChanged.connect(
            lambda t: self.hearing_add.setEnabled(bool(t.strip()) and self.part is not None))
        self.hearing_add.setEnabled(False)
        self.hearing_date.setAccessibleName(self.tr("ヒアリングの実施日"))
        self.hearing_text.setAccessibleName(self.tr("確認した内容"))
        self.hearing_cases.setAccessibleName(self.tr("確認件数"))
        self.hearing_add.setAccessibleName(self.tr("ヒアリング記録を追加"))
        add_row = QHBoxLayout()
        add_row.addWidget(self.hearing_date)
        add_row.addWidget(self.hearing_text, 1)
        add_row.addWidget(self.hearing_cases)
        add_row.addWidget(self.hearing_add)
        self.hearing_delete = QPushButton(self.tr("選択した記録を削除"))
        self.hearing_delete.setObjectName("hearingDelete")
        self.hearing_delete.clicked.connect(self.delete_selected_hearing)
        self.hearing_delete.setEnabled(False)
        self.hearing_delete.setAccessibleName(self.tr("選択した記録を削除"))
        delete_row = QHBoxLayout()
        delete_row.addStretch(1)
        delete_row.addWidget(self.hearing_delete)
        hl = QVBoxLayout(hearings)
        hl.addWidget(self.hearing_table, 1)
        hl.addLayout(add_row)
        hl.addLayout(delete_row)

        approvals = QGroupBox(self.tr("財政課協議・首長決裁（カスタマイズ実施に必要）"))
        grid = QGridLayout(approvals)
        self.approval_state: dict[str, QLabel] = {}
        self.approval_date: dict[str, QDateEdit] = {}
        self.approval_ref: dict[str, QLineEdit] = {}
        self.approval_button: dict[str, QPushButton] = {}
        self.approval_delete: dict[str, QPushButton] = {}
        for r, stage in enumerate(APPROVAL_STAGES):
            state = QLabel()
            state.setObjectName(f"{stage}State")
            state.setWordWrap(True)  # a 要再決裁 line (R36) wraps inside the column
            date = DateEdit(QDate.currentDate())
            date.setCalendarPopup(True)
            date.setDisplayFormat("yyyy/MM/dd")
            ref = QLineEdit()
            ref.setPlaceholderText(self.tr("文書番号（例: 財第301号）"))
            button = QPushButton(self.tr("記録"))
            button.clicked.connect(lambda _=False, st=stage: self.record_approval(st))
            delete = QPushButton(self.tr("削除"))
            delete.setObjectName(f"{stage}Delete")
            delete.setToolTip(self.tr("誤って記録した{0}を削除します").format(self.tr(APPROVAL_LABELS[stage])))
            delete.clicked.connect(lambda _=False, st=stage: self.delete_approval(st))
            stage_label = self.tr(APPROVAL_LABELS[stage])
            date.setAccessibleName(self.tr("{0}の日付").format(stage_label))
            ref.setAccessibleName(self.tr("{0}の文書番号").format(stage_label))
            button.setAccessibleName(self.tr("{0}を記録").format(stage_label))
            delete.setAccessibleName(self.tr("{0}を削除").format(stage_label))
            # The stage and its state on one line, the controls on the next from the left edge:
            # the document number keeps its width however long the stage's name is.
            heading = QHBoxLayout()
            heading.addWidget(QLabel(self.tr(APPROVAL_LABELS[stage])))
            heading.addWidget(state, 1)
            grid.addLayout(heading, r * 2, 0, 1, 4)
            ref.setMinimumWidth(ref.fontMetrics().horizontalAdvance("財第0000号") + 24)
            grid.addWidget(date, r * 2 + 1, 0)
            grid.addWidget(ref, r * 2 + 1, 1)
            grid.addWidget(button, r * 2 + 1, 2)
            grid.addWidget(delete, r * 2 + 1, 3)
            self.approval_state[stage], self.approval_date[stage] = state, date
            self.approval_ref[stage], self.approval_button[stage] = ref, button
            self.approval_delete[stage] = delete
        grid.setColumnStretch(1, 1)

        self.withdraw_button = QPushButton(self.tr("この団体の要望を取り下げる…"))
        self.withdraw_button.clicked.connect(self.withdraw)
        self.withdraw_button.setAccessibleName(self.tr("この団体の要望を取り下げる"))
        side = QVBoxLayout(self.side)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(hearings, 1)
        side.addWidget(approvals)
        side.addWidget(self.withdraw_button, 0, Qt.AlignmentFlag.AlignRight)

    def add_hearing(self) -> bool:
        """Record the hearing typed in the add row."""
        if self.part is None or self.item_id is None:
            return False
        held_on = self.hearing_date.date().toPython()
        text = self.hearing_text.text().strip()
        cases = int(self.hearing_cases.text()) if self.hearing_cases.text().isdigit() else None
        item_id, member_id = self.item_id, self.member_id
        if request_ops.record_hearing(self, self.runner, item_id=item_id, member_id=member_id, held_on=held_on,
                                      confirmed=text, confirmed_cases=cases) is None:
            return False
        self.hearing_text.clear()
        self.hearing_cases.clear()
        return True

    def record_approval(self, stage: str) -> bool:
        """Record (or correct) this member's 財政課協議 or 首長決裁."""
        if self.part is None or self.item_id is None:
            return False
        on = self.approval_date[stage].date().toPython()
        ref = self.approval_ref[stage].text().strip() or None
        item_id, member_id = self.item_id, self.member_id
        return request_ops.record_approval(self, self.runner, item_id=item_id, member_id=member_id, stage=stage,
                                           approved_on=on, reference=ref) is not None

    def delete_selected_hearing(self) -> bool:
        """Delete the hearing note selected in the table (one undoable action)."""
        row = self.hearing_table.currentRow()
        if self.part is None or not 0 <= row < len(self.part.hearings):
            return False
        hearing_id = self.part.hearings[row].id
        return request_ops.delete_hearing(self, self.runner, hearing_id=hearing_id) is not None

    def delete_approval(self, stage: str) -> bool:
        """Delete this member's 財政課協議 or 首長決裁 (one undoable action)."""
        if self.part is None or self.item_id is None:
            return False
        item_id, member_id = self.item_id, self.member_id
        return request_ops.delete_approval(self, self.runner, item_id=item_id, member_id=member_id,
                                           stage=stage) is not None

    def _update_side_buttons(self) -> None:
        """Deleting is offered while the item is open, for what is recorded (and selected); the
        財政課協議 not while the 首長決裁 that followed it stands (the core refuses that too)."""
        open_part = self.part is not None and self._item_open
        row = self.hearing_table.currentRow()
        selected = bool(self.hearing_table.selectedItems()) and 0 <= row < len(self.part.hearings) if self.part else False
        self.hearing_delete.setEnabled(open_part and selected)
        for stage in APPROVAL_STAGES:
            fact = None if self.part is None else (self.part.finance if stage == "finance" else self.part.mayor)
            after = stage == "finance" and self.part is not None and self.part.mayor is not None
            self.approval_delete[stage].setEnabled(open_part and fact is not None and not after)

    def withdraw(self) -> bool:
        """Ask for a reason and withdraw this member's part."""
        if self.part is None or self.item_id is None:
            return False
        answer = ReasonDialog.ask(
            self, title=self.tr("団体の要望を取り下げる"), meeting=False,
            prompt=self.tr("{0}の要望を取り下げます。ほかの団体が残っていれば要望項目は続き、"
                           "残る団体がなければ要望項目が「取下げ」になります。").format(self.member))
        if answer is None:
            return False
        reason = answer[0]
        item_id, member_id = self.item_id, self.member_id
        return request_ops.withdraw_member(self, self.runner, item_id=item_id, member_id=member_id,
                                           reason=reason) is not None

    # --- values -----------------------------------------------------------------------

    @staticmethod
    def _empty_values() -> req.PartFields:
        return req.PartFields(content="", reason=None, service_drop=None, service_drop_detail="", annual_cases=None,
                              workaround="")

    def values(self) -> req.PartFields:
        """The fields as the user has them, every one given (the core's input for a member's part)."""
        drop = True if self.drop_yes.isChecked() else False if self.drop_no.isChecked() else None
        cases = self.cases_edit.text().strip()
        return req.PartFields(content=self.content_edit.toPlainText().strip(), reason=self.reason_combo.currentData(),
                              service_drop=drop, service_drop_detail=self.detail_edit.toPlainText().strip(),
                              annual_cases=int(cases) if cases.isdigit() else None,
                              workaround=self.workaround_edit.toPlainText().strip())

    def changed_values(self) -> req.PartFields:
        """The fields that differ from the last loaded part (the others UNSET)."""
        shown = self._baseline.given()
        return req.PartFields(**{k: v for k, v in self.values().given().items() if v != shown.get(k)})

    def mark_saved(self) -> None:
        """The values shown were saved: the next load may replace them."""
        self._baseline = self.values()

    def is_dirty(self) -> bool:
        return bool(self.changed_values().given())

    def problems(self) -> dict[str, str]:
        """Field name → message, for every mandatory field still missing: the core's one rule
        (``ops.requests.part_problems``), each message shown in the user's language."""
        return {field: self.tr(message + "。")
                for field, message in req.part_problems(self.values()).items() if field in self.errors}

    def is_valid(self) -> bool:
        return not self.problems()

    def _on_edit(self) -> None:
        self._validate()
        self.edited.emit()

    def _validate(self) -> None:
        problems = self.problems() if self._editable else {}
        widgets = {"content": self.content_edit, "reason": self.reason_combo, "service_drop": self.drop_box,
                   "service_drop_detail": self.detail_edit}
        for name, label in self.errors.items():
            label.setText(problems.get(name, ""))
            widget = widgets[name]
            for target in ((self.drop_yes, self.drop_no) if name == "service_drop" else (widget,)):
                target.setAccessibleDescription(problems.get(name, ""))
            style = INVALID_STYLE if name in problems else ""
            if style and isinstance(widget, QComboBox):
                style = INVALID_COMBO_STYLE
            if name == "service_drop":  # a plain QWidget paints a style sheet only for its own name
                style = f"QWidget#dropBox {{ {style} }}" if style else ""
            if widget.styleSheet() != style:
                widget.setStyleSheet(style)
        for box in (self.content_edit, self.detail_edit, self.workaround_edit):  # after the style sheets
            show_locked(box, getattr(self, "_locked_why", None))

    # --- loading ----------------------------------------------------------------------

    def load(self, part: MemberPartRow | None, *, editable: bool) -> None:
        """Show a fresh copy of the part; keep the fields the user has changed since the last load."""
        dirty = self.changed_values()
        self.part = part
        if part is not None:
            baseline = req.PartFields(content=part.content, reason=part.reason, service_drop=part.service_drop,
                                      service_drop_detail=part.service_drop_detail, annual_cases=part.annual_cases,
                                      workaround=part.workaround or "")
            self._set_fields(dirty.over(baseline))
            self._baseline = baseline
            self._show_side(part)
        self.side.setVisible(part is not None)
        self._item_open = editable
        self._update_side_buttons()
        self._editable = editable and not (part is not None and part.withdrawn)
        why = None
        if not editable:
            why = QCoreApplication.translate(
                "RequestItemDialog", "決定済みのため編集できません。見直す場合は、理由を記録して「検討中」に戻してください。")
        elif not self._editable:
            why = self.tr("{0}は要望を取り下げたため、内容は編集できません。").format(self.member)
        self._locked_why = why
        for w in (self.reason_combo, self.drop_yes, self.drop_no, self.cases_edit):
            w.setEnabled(self._editable)
        self._validate()

    def _set_fields(self, v: req.PartFields) -> None:
        for w in (self.content_edit, self.detail_edit, self.workaround_edit, self.cases_edit, self.reason_combo):
            w.blockSignals(True)
        self.drop_group.blockSignals(True)
        try:
            if self.content_edit.toPlainText().strip() != v.content:
                self.content_edit.setPlainText(v.content)
            self.reason_combo.setCurrentIndex(max(0, self.reason_combo.findData(v.reason)))
            self.drop_group.setExclusive(False)
            self.drop_yes.setChecked(v.service_drop is True)
            self.drop_no.setChecked(v.service_drop is False)
            self.drop_group.setExclusive(True)
            if self.detail_edit.toPlainText().strip() != v.service_drop_detail:
                self.detail_edit.setPlainText(v.service_drop_detail)
            self.cases_edit.setText("" if v.annual_cases is None else str(v.annual_cases))
            if self.workaround_edit.toPlainText().strip() != (v.workaround or ""):
                self.workaround_edit.setPlainText(v.workaround or "")
        finally:
            for w in (self.content_edit, self.detail_edit, self.workaround_edit, self.cases_edit, self.reason_combo):
                w.blockSignals(False)
            self.drop_group.blockSignals(False)

    def _show_side(self, part: MemberPartRow) -> None:
        self.hearing_table.setRowCount(len(part.hearings))
        for r, h in enumerate(part.hearings):
            cells = (display_date(h.held_on), h.confirmed, "" if h.confirmed_cases is None else f"{h.confirmed_cases:,}")
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if c == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.hearing_table.setItem(r, c, item)
        self.hearing_table.resizeRowsToContents()
        self.hearing_add.setEnabled(bool(self.hearing_text.text().strip()))
        for stage in APPROVAL_STAGES:
            fact = part.finance if stage == "finance" else part.mayor
            label = self.approval_state[stage]
            if fact is None:
                label.setText(self.tr("未記録"))
                label.setStyleSheet("color: #9b2119;")
            else:
                label.setText(self.tr("{0}　{1}").format(display_date(fact.approved_on),
                                                        fact.reference or self.tr("（文書番号なし）")))
                label.setStyleSheet("color: #1e6b34; font-weight: bold;")
                if stage == "mayor" and part.reapproval:  # review R36: approved for another amount
                    label.setText(label.text() + "\n" + self.tr("要再決裁: {0}").format(reapproval_text(part.reapproval)))
                    label.setStyleSheet("color: #9b2119; font-weight: bold;")
                self.approval_date[stage].setDate(QDate(fact.approved_on))
                self.approval_ref[stage].setText(fact.reference or "")
            self.approval_button[stage].setEnabled(not part.withdrawn)
        self.withdraw_button.setEnabled(not part.withdrawn)
        if part.withdrawn:
            on = display_date(part.withdrawn_on) if isinstance(part.withdrawn_on, dt.date) else ""
            self.withdrawn_label.setText(self.tr("{0}は要望を取り下げました（{1}）。理由: {2}").format(
                self.member, on, part.withdrawn_reason or ""))
        self.withdrawn_label.setVisible(part.withdrawn)

"""RequestItemDialog: create or edit one request item (要望項目) and step it through the workflow.

Top left, the item: 要望番号, the function (picked out of the whole package list as you type,
or a function the package lacks, with its business system), 要望名 and 見積額; for a new item
also the member that asks. Top right, the status as a badge and one button per move
(``RequestStatusPanel``); a button is enabled when the core's transition table allows the
move from the current status (``ItemDetail.allowed_moves``), and a guard that refuses
(customized without approvals ...) is shown by the runner with the core's message as it is.
Below, one tab per member part (``MemberPartForm``) and a 変更履歴 tab with the status history
and the audit trail (``RequestHistoryTab``).

保存 hands the whole edit (item fields, every changed member part, members added here) to the
core's ``save_item``: one validation, one transaction, one undo step with the core's label; it
stays disabled while a mandatory field is missing. Creating an item for a function that
already has an open item first offers to join that item instead (the join, with the estimate
typed here, is one ``save_item`` too). A move offers the meetings the core lists (第N回, 和暦)
to name where it was decided. The dialog listens to
the runner's broadcast and reloads, keeping what the user is typing.

The keyboard reaches everything (focus order, Ctrl+S / Enter, tab switching, the prompt before
discarding edits: ``RequestEditorKeys``); Enter in the function search confirms the highlighted
function and moves on; Alt+1…Alt+4 are the status moves in the order shown.
"""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cloudsuppress.changes import Changes
from cloudsuppress.domain.workflow import OPEN, Status
from cloudsuppress.errors import DomainError
from cloudsuppress.ops import requests as req
from cloudsuppress.ops.functions import system_tree
from cloudsuppress.ops.history import item_audit_trail
from cloudsuppress.ops.meeting_queries import list_meetings
from cloudsuppress.ops.members import list_members
from cloudsuppress.ops.request_queries import ItemDetail, find_items_for_function, get_item_detail
from cloudsuppress.unset import UNSET

from ..op_runner import OpRunner
from ..operations import requests as request_ops
from ..screen_fit import scrolled
from ..table_models.function_table_model import FunctionTableModel
from .function_picker import FunctionPicker
from .locked_fields import show_locked
from .member_part_form import ERROR_STYLE, MemberPartForm
from .request_editor_keys import RequestEditorKeys
from .request_history_tab import RequestHistoryTab
from .request_prompts import JoinChoiceDialog, ReasonDialog

# scripts/update_translations.py lists the move texts from here, in this dialog's translation context.
from .request_status_panel import MOVE_TEXTS, REOPEN_TEXT, RequestStatusPanel, move_prompt  # noqa: F401, E402 - re-exported for it

MAX_YEN = 2_000_000_000


class YenValidator(QValidator):
    """An amount in yen up to MAX_YEN, typed with or without the thousands' commas (「550,000」)."""

    def validate(self, text: str, pos: int):  # noqa: D102 - QValidator API
        digits = text.strip().replace(",", "")
        if not digits:
            return QValidator.State.Intermediate if text.strip() else QValidator.State.Acceptable, text, pos
        if not digits.isascii() or not digits.isdigit() or int(digits) > MAX_YEN:
            return QValidator.State.Invalid, text, pos
        return QValidator.State.Acceptable, text, pos


class RequestItemDialog(RequestEditorKeys, QDialog):
    """The item editor; see the module docstring. ``item_id`` is set once the item exists."""

    def __init__(self, runner: OpRunner, *, item_id: int | None, functions: FunctionTableModel,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.item_id = item_id
        self.saved_key: str | None = None  # the key of the item last saved here
        self.detail: ItemDetail | None = None
        self.forms: dict[int, MemberPartForm] = {}  # member id → tab
        self.new_form: MemberPartForm | None = None
        self._item_baseline: dict = {}
        # The versions the user's edits start from (kept while an edit is pending), passed to save_item so that
        # saving over another user's newer save is refused and shown in the conflict dialog.
        self._shown_version: int | None = None
        self._shown_part_versions: dict[int, int] = {}
        self._members, self._systems = runner.read(lambda s: (list_members(s), system_tree(s)))
        self.setWindowTitle(self.tr("要望"))
        self.resize(1240, 860)

        self.heading = QLabel()
        self.heading.setObjectName("itemHeading")
        self.heading.setStyleSheet("QLabel#itemHeading { font-size: 14pt; font-weight: bold; color: #1f3a5f; }")
        self.heading.setWordWrap(True)

        # --- the item ---
        self.key_edit = QLineEdit()
        self.key_edit.setMaxLength(30)
        self.key_edit.setMaximumWidth(200)
        self.key_edit.setStyleSheet('QLineEdit[readOnly="true"] { background: #eef2f7; color: #1f3a5f; }')
        self.member_combo = QComboBox()
        self.member_combo.addItem(self.tr("（選んでください）"), None)
        for m in self._members:
            self.member_combo.addItem(m.name, m.id)
        self.member_combo.currentIndexChanged.connect(self._on_member_changed)
        self.member_error = self._error_label("memberError")
        self.package_radio = QRadioButton(self.tr("パッケージの機能"))
        self.new_function_radio = QRadioButton(self.tr("パッケージにない機能（新規）"))
        self.package_radio.setChecked(True)
        self.function_kind = QButtonGroup(self)
        self.function_kind.addButton(self.package_radio)
        self.function_kind.addButton(self.new_function_radio)
        self.picker = FunctionPicker(functions)
        self.system_combo = QComboBox()
        self.system_combo.addItem(self.tr("（業務を選んでください）"), None)
        for n in self._systems:
            self.system_combo.addItem(self.tr("{0}（{1}）").format(n.name, n.subcommittee), n.id)
        self.proposed_edit = QLineEdit()
        self.proposed_edit.setPlaceholderText(self.tr("新しい機能の名称"))
        self.new_function_box = QWidget()
        nf = QHBoxLayout(self.new_function_box)
        nf.setContentsMargins(0, 0, 0, 0)
        nf.addWidget(self.system_combo)
        nf.addWidget(self.proposed_edit, 1)
        self.function_error = self._error_label("functionError")
        # A line kept for the message under the picker: 要望名 and 見積額 moved up as it went (walk 2026-12-07).
        self.function_error.setMinimumHeight(self.function_error.fontMetrics().lineSpacing())
        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(200)
        self.title_error = self._error_label("titleError")
        self.estimate_edit = QLineEdit()
        self.estimate_edit.setValidator(YenValidator(self))
        self.estimate_edit.editingFinished.connect(self._format_estimate)
        self.estimate_edit.setPlaceholderText(self.tr("未定"))
        self.estimate_edit.setToolTip(self.tr("ベンダーの見積額（要望項目全体・円）"))
        self.estimate_edit.setMaximumWidth(240)

        kind_row = QHBoxLayout()
        kind_row.addWidget(self.package_radio)
        kind_row.addWidget(self.new_function_radio)
        kind_row.addStretch(1)
        function_box = QVBoxLayout()
        function_box.setSpacing(4)
        function_box.addLayout(kind_row)
        function_box.addWidget(self.picker)
        function_box.addWidget(self.new_function_box)
        function_box.addWidget(self.function_error)
        member_row = QHBoxLayout()
        member_row.addWidget(self.member_combo)
        member_row.addWidget(self.member_error, 1)
        title_row = QHBoxLayout()
        title_row.addWidget(self.title_edit, 1)
        title_row.addWidget(self.title_error)
        estimate_row = QHBoxLayout()
        estimate_row.addWidget(self.estimate_edit)
        estimate_row.addWidget(QLabel(self.tr("円")))
        estimate_row.addStretch(1)
        self.item_form = QFormLayout()
        self.item_form.addRow(self.tr("要望番号"), self.key_edit)
        self.item_form.addRow(self.tr("要望する団体"), member_row)
        self.item_form.addRow(self.tr("対象の機能"), function_box)
        self.item_form.addRow(self.tr("要望名"), title_row)
        self.item_form.addRow(self.tr("見積額"), estimate_row)
        item_box = QGroupBox(self.tr("要望項目"))
        item_box.setLayout(self.item_form)

        # --- the status (its badge, buttons and note under their old names on the dialog too) ---
        self.status_box = RequestStatusPanel()
        self.status_box.move_requested.connect(self.move_to)
        self.status_badge, self.move_buttons = self.status_box.status_badge, self.status_box.move_buttons
        self.locked_note = self.status_box.locked_note

        top = QHBoxLayout()
        top.addWidget(item_box, 1)
        top.addWidget(self.status_box)

        # --- member parts and history ---
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.add_member_button = QPushButton(self.tr("団体を追加…"))
        self.add_member_button.clicked.connect(self.add_member_part)
        self.tabs.setCornerWidget(self.add_member_button, Qt.Corner.TopRightCorner)
        self.history_tab = RequestHistoryTab(runner)
        # The tab's tables and note under their old names (tests and callers look at them on the dialog).
        self.status_table, self.audit_model = self.history_tab.status_table, self.history_tab.audit_model
        self.audit_table, self.export_note = self.history_tab.audit_table, self.history_tab.export_note

        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.setDefault(True)
        self.save_button.setToolTip(self.tr("保存（Ctrl+S）"))
        self.save_button.clicked.connect(self.save)
        self.close_button = QPushButton(self.tr("閉じる"))
        self.close_button.clicked.connect(self.reject)
        self.close_button.setToolTip(self.tr("閉じる（Esc）"))
        self.save_note = QLabel()
        self.save_note.setObjectName("saveNote")
        self.save_note.setStyleSheet(ERROR_STYLE)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_note, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        self._name_controls()
        self._install_shortcuts()

        # The item, the status and the member parts scroll together; 保存 and 閉じる stay below,
        # always on screen (1366×768 or 1280×720 usable on the committee laptop; ui/screen_fit.py).
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 4, 0)
        body_layout.addWidget(self.heading)
        body_layout.addLayout(top)
        body_layout.addWidget(self.tabs, 1)
        self.body_scroll = scrolled(body, name="editorScroll")
        layout = QVBoxLayout(self)
        layout.addWidget(self.body_scroll, 1)
        layout.addLayout(buttons)

        for signal in (self.key_edit.textChanged, self.title_edit.textChanged, self.estimate_edit.textChanged,
                       self.proposed_edit.textChanged, self.system_combo.currentIndexChanged):
            signal.connect(self._validate)
        self.function_kind.buttonToggled.connect(lambda *_: self._on_function_kind())
        self.picker.function_changed.connect(self._on_function_picked)
        self.picker.confirmed.connect(lambda _row: self.title_edit.setFocus(Qt.FocusReason.TabFocusReason))
        runner.changed.connect(self._on_broadcast)
        runner.conflict_reloaded.connect(self._on_conflict_reloaded)
        self.reload()

    def done(self, result: int) -> None:  # noqa: D401 - QDialog API
        try:
            self.runner.changed.disconnect(self._on_broadcast)
            self.runner.conflict_reloaded.disconnect(self._on_conflict_reloaded)
        except (RuntimeError, TypeError):
            pass
        super().done(result)

    def _format_estimate(self) -> None:
        """「550000」 typed reads 「550,000」 once the field is left, as amounts are shown everywhere else
        (it stayed 「550000」 after saving; walk 2026-12-07, 10_saved.png)."""
        digits = self.estimate_edit.text().strip().replace(",", "")
        if digits.isdigit() and self.estimate_edit.text() != f"{int(digits):,}":
            self.estimate_edit.setText(f"{int(digits):,}")

    def _error_label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        return label

    # --- loading ----------------------------------------------------------------------

    def is_new(self) -> bool:
        return self.item_id is None

    def reload(self) -> None:
        """Read the item afresh (after every broadcast), keeping what is being typed."""
        if self.is_new():
            self._show_new()
            return
        item_id = self.item_id
        try:
            detail, trail = self.runner.read(lambda s: (get_item_detail(s, item_id), item_audit_trail(s, item_id)))
        except DomainError:  # the item is gone (its creation was undone)
            self.detail = None
            self.heading.setText(self.tr("この要望項目はありません（登録が元に戻されました）。"))
            for w in (self.save_button, self.status_box, self.tabs, self.add_member_button):
                w.setEnabled(False)
            return
        self.detail = detail
        row = detail.item
        is_open = Status(row.status) in OPEN
        self.setWindowTitle(self.tr("要望 {0}").format(row.key))
        self.heading.setText(self.tr("{0}　{1}").format(row.key, row.title))
        self.key_edit.setText(row.key)
        self.key_edit.setReadOnly(True)
        self.key_edit.style().unpolish(self.key_edit)  # re-apply the [readOnly] style
        self.key_edit.style().polish(self.key_edit)
        self.item_form.setRowVisible(1, False)
        baseline = dict(title=row.title, estimate=row.estimate, function=self._function_of(row))
        dirty = self._item_changes()
        if not dirty or self._shown_version is None:
            self._shown_version = row.version
        self._set_item_fields({k: dirty.get(k, v) for k, v in baseline.items()})
        self._item_baseline = baseline
        why = None if is_open else self.tr("決定済みのため編集できません。見直す場合は、理由を記録して「検討中」に戻してください。")
        for w in (self.title_edit, self.estimate_edit, self.proposed_edit):
            show_locked(w, why)
        for w in (self.package_radio, self.new_function_radio, self.picker, self.system_combo):
            w.setEnabled(is_open)
        self.status_box.show_status(detail)
        self._load_forms(detail, is_open)
        for p in detail.parts:
            form = self.forms.get(p.member_id)
            if form is not None and (not form.is_dirty() or p.member_id not in self._shown_part_versions):
                self._shown_part_versions[p.member_id] = p.version
        self.history_tab.show_history(detail, trail)
        self.add_member_button.setEnabled(is_open)
        self._name_move_buttons()
        self._apply_tab_order()
        self._validate()

    def _show_new(self) -> None:
        self.setWindowTitle(self.tr("新しい要望"))
        self.heading.setText(self.tr("新しい要望"))
        next_key = self.runner.read(req.next_key)
        self.key_edit.setPlaceholderText(self.tr("空欄なら {0}").format(next_key))
        self.title_edit.setPlaceholderText(self.tr("空欄なら機能名"))
        self.status_box.hide()
        self.add_member_button.hide()
        if self.new_form is None:
            self.new_form = MemberPartForm(self.runner, member_id=0, member="")
            self.new_form.edited.connect(self._validate)
            self.tabs.addTab(self.new_form, self.tr("要望の内容"))
        self._set_item_fields(dict(title="", estimate=None, function=("package", None)))
        self._item_baseline = dict(title="", estimate=None, function=("package", None))
        self._apply_tab_order()
        self._validate()

    @staticmethod
    def _function_of(row) -> tuple:
        if row.function_id is not None:
            return ("package", row.function_id)
        return ("new", row.business_system_id, row.function_name or "")

    def _set_item_fields(self, v: dict) -> None:
        self.title_edit.setText(v["title"] or "")
        self.estimate_edit.setText("" if v["estimate"] is None else f"{v['estimate']:,}")
        fn = v["function"]
        if fn[0] == "package":
            self.package_radio.setChecked(True)
            if fn[1] is not None and (self.picker.chosen() is None or self.picker.chosen().id != fn[1]):
                self.picker.set_function(fn[1])
        else:
            self.new_function_radio.setChecked(True)
            self.system_combo.setCurrentIndex(max(0, self.system_combo.findData(fn[1])))
            self.proposed_edit.setText(fn[2])
        self._on_function_kind()

    def _current_item_values(self) -> dict:
        estimate = self.estimate_edit.text().strip().replace(",", "")
        if self.package_radio.isChecked():
            chosen = self.picker.chosen()
            fn = ("package", chosen.id if chosen else None)
        else:
            fn = ("new", self.system_combo.currentData(), self.proposed_edit.text().strip())
        return dict(title=self.title_edit.text().strip(), estimate=int(estimate) if estimate.isdigit() else None,
                    function=fn)

    def _item_changes(self) -> dict:
        if not self._item_baseline:
            return {}
        return {k: v for k, v in self._current_item_values().items() if v != self._item_baseline.get(k)}

    def _load_forms(self, detail: ItemDetail, is_open: bool) -> None:
        present = {p.member_id for p in detail.parts}
        for p in detail.parts:
            form = self.forms.get(p.member_id)
            if form is None:
                form = MemberPartForm(self.runner, member_id=p.member_id, member=p.member, item_id=self.item_id)
                form.edited.connect(self._validate)
                self.forms[p.member_id] = form
                self.tabs.insertTab(self._member_tab_count(), form, p.member)
            form.item_id = self.item_id
            form.load(p, editable=is_open)
        for mid, form in list(self.forms.items()):
            if mid in present:
                continue
            if form.part is not None:  # its part is gone (an undo): drop the tab
                self.tabs.removeTab(self.tabs.indexOf(form))
                del self.forms[mid]
                form.deleteLater()
            else:
                form.load(None, editable=is_open)
        for form in self.forms.values():
            text = form.member
            if form.part is None:
                text += self.tr("（追加）")
            elif form.part.withdrawn:
                text += self.tr("（取下げ）")
            self.tabs.setTabText(self.tabs.indexOf(form), text)
        if self.tabs.indexOf(self.history_tab) < 0:
            self.tabs.addTab(self.history_tab, self.tr("変更履歴"))

    def _member_tab_count(self) -> int:
        return sum(1 for i in range(self.tabs.count()) if isinstance(self.tabs.widget(i), MemberPartForm))

    # --- validation -------------------------------------------------------------------

    def _on_member_changed(self) -> None:
        if self.new_form is not None:
            self.new_form.member_id = self.member_combo.currentData() or 0
            self.new_form.member = self.member_combo.currentText() if self.member_combo.currentData() else ""
            index = self.tabs.indexOf(self.new_form)
            self.tabs.setTabText(index, self.new_form.member or self.tr("要望の内容"))
        self._validate()

    def _on_function_kind(self) -> None:
        package = self.package_radio.isChecked()
        self.picker.setVisible(package)
        self.new_function_box.setVisible(not package)
        self._validate()

    def _on_function_picked(self, row) -> None:
        if row is not None and self.is_new() and not self.title_edit.text().strip():
            self.title_edit.setPlaceholderText(self.tr("空欄なら「{0}」").format(row.name))
        self._validate()

    def item_problems(self) -> dict[str, str]:
        """Problems with the item fields the user can see (field → message)."""
        out = {}
        v = self._current_item_values()
        if self.is_new() and self.member_combo.currentData() is None:
            out["member"] = self.tr("要望する団体を選んでください。")
        fn = v["function"]
        if fn[0] == "package" and fn[1] is None:
            out["function"] = self.tr("対象の機能を一覧から選んでください。")
        elif fn[0] == "new" and fn[1] is None:
            out["function"] = self.tr("新しい機能の業務を選んでください。")
        elif fn[0] == "new" and not fn[2]:
            out["function"] = self.tr("新しい機能の名称を入力してください。")
        if not self.is_new() and not v["title"]:
            out["title"] = self.tr("要望名を入力してください。")
        return out

    def _editable_forms(self) -> list[MemberPartForm]:
        if self.is_new():
            return [self.new_form] if self.new_form is not None else []
        if self.detail is None or Status(self.detail.item.status) not in OPEN:
            return []
        return [f for f in self.forms.values() if f.part is None or not f.part.withdrawn]

    def has_unsaved_changes(self) -> bool:
        if self.is_new():
            return True
        return bool(self._item_changes()) or any(f.part is None or f.is_dirty() for f in self._editable_forms())

    def _validate(self) -> None:
        problems = self.item_problems()
        self.member_error.setText(problems.get("member", ""))
        self.function_error.setText(problems.get("function", ""))
        self.title_error.setText(problems.get("title", ""))
        forms_ok = all(f.is_valid() for f in self._editable_forms())
        ok = not problems and forms_ok
        if not self.is_new() and (self.detail is None or Status(self.detail.item.status) not in OPEN):
            ok = False
        self.save_button.setEnabled(ok and self.has_unsaved_changes())
        if problems or not forms_ok:
            self.save_note.setText(self.tr("必須の項目が入力されていないため、保存できません。"))
        else:
            self.save_note.setText("")

    # --- saving -----------------------------------------------------------------------

    def save(self) -> bool:
        """Create the item (or join one), or write every change to it; True when saved."""
        self._validate()
        if not self.save_button.isEnabled():
            self.focus_first_problem()
            return False
        return self._create() if self.is_new() else self._update()

    def _create(self) -> bool:
        form = self.new_form
        member_id, member = self.member_combo.currentData(), self.member_combo.currentText()
        values = form.values()
        v = self._current_item_values()
        fn = v["function"]
        allow_duplicate = False
        if fn[0] == "package":
            fid = fn[1]
            existing = self.runner.read(lambda s: find_items_for_function(s, fid))
            if existing:
                chosen = self.picker.chosen()
                code = self.tr("帳票 {0}").format(chosen.code) if chosen.kind == "form" else chosen.code
                dialog = JoinChoiceDialog(self, member=member, function=f"{code} {chosen.name}", existing=existing)
                dialog.exec()
                choice = dialog.choice
                dialog.deleteLater()
                if choice is None:
                    return False
                if choice[0] == "join":
                    return self._join_existing(choice[1], member_id, values, v["estimate"])
                allow_duplicate = True
        key = self.key_edit.text().strip() or None
        item = req.ItemFields(title=v["title"] or None, estimate=v["estimate"])
        if fn[0] == "package":
            item = replace(item, function_id=fn[1])
        else:
            item = replace(item, business_system_id=fn[1], proposed_function=fn[2])
        parts = [req.MemberPart(member_id, values)]
        changes = request_ops.save_item(self, self.runner, item_id=None, key=key, item=item, parts=parts,
                                        allow_duplicate=allow_duplicate)
        if changes is None:
            return False
        self._become_existing(changes.id, changes.key, member_id)
        return True

    def _join_existing(self, item_id: int, member_id: int, values: req.PartFields, estimate: int | None) -> bool:
        item = req.ItemFields() if estimate is None else req.ItemFields(estimate=estimate)  # blank: keeps the item's
        parts = [req.MemberPart(member_id, values)]
        if request_ops.save_item(self, self.runner, item_id=item_id, item=item, parts=parts) is None:
            return False
        key = self.runner.read(lambda s: get_item_detail(s, item_id).item.key)
        self._become_existing(item_id, key, member_id)
        return True

    def _become_existing(self, item_id: int, key: str, member_id: int) -> None:
        """After creating or joining: the dialog edits that item from now on."""
        self.item_id, self.saved_key = item_id, key
        form = self.new_form
        self.new_form = None
        self.tabs.removeTab(self.tabs.indexOf(form))
        form.deleteLater()
        self.title_edit.setPlaceholderText("")
        self.key_edit.setPlaceholderText("")
        self.add_member_button.show()
        self._item_baseline = {}
        self.reload()
        if member_id in self.forms:
            self.tabs.setCurrentWidget(self.forms[member_id])

    def _update(self) -> bool:
        """Hand the whole edit to the core's save_item: one validation, one action, one undo step."""
        item_id, key = self.item_id, self.detail.item.key
        changes = self._item_changes()
        item = req.ItemFields(title=changes.get("title", UNSET), estimate=changes.get("estimate", UNSET))
        if "function" in changes:
            fn = changes["function"]
            if fn[0] == "package":
                item = replace(item, function_id=fn[1])
            else:
                item = replace(item, function_id=None, business_system_id=fn[1], proposed_function=fn[2])
        parts = []
        for mid, form in self.forms.items():
            if form not in self._editable_forms():
                continue
            if form.part is None:  # a member added here (or asking again after withdrawing) joins
                parts.append(req.MemberPart(mid, form.values()))
            elif form.is_dirty():
                parts.append(req.MemberPart(mid, form.changed_values()))
        if not item.given() and not parts:
            return False
        shown = self._shown_version if item.given() else None
        versions = {p.member_id: self._shown_part_versions[p.member_id] for p in parts
                    if self.forms[p.member_id].part is not None and p.member_id in self._shown_part_versions}
        if request_ops.save_item(self, self.runner, item_id=item_id, item=item, parts=parts, expected_version=shown,
                                 part_versions=versions or None) is None:
            return False
        # What the user typed is saved now: it is no longer 'being typed' when the dialog reloads.
        self.saved_key = key
        self._item_baseline = {}
        for form in self.forms.values():
            form.mark_saved()
        self.reload()
        return True

    # --- workflow ---------------------------------------------------------------------

    def move_to(self, target: Status) -> bool:
        """Ask for the reason (and meeting) and move the item; the core judges the move."""
        if self.detail is None:
            return False
        if self.has_unsaved_changes():
            if not self.save_button.isEnabled() or not self.save():
                QMessageBox.information(self, self.tr("状態の変更"),
                                        self.tr("保存していない変更があります。保存してから状態を変更してください。"))
                return False
        verb, required = move_prompt(Status(self.detail.item.status), target)
        meetings = self.runner.read(list_meetings)
        answer = ReasonDialog.ask(self, title=self.tr("要望 {0} の状態を変更").format(self.detail.item.key),
                                  prompt=verb, required=required, meeting=True, meetings=meetings)
        if answer is None:
            return False
        reason, meeting_id = answer
        item_id = self.item_id
        return request_ops.move_item(self, self.runner, item_id=item_id, to=target, reason=reason or None,
                                     meeting_id=meeting_id) is not None

    def add_member_part(self) -> bool:
        """Add a tab for another member that asks the same (saved with 保存)."""
        if self.detail is None:
            return False
        active = {p.member_id for p in self.detail.parts if not p.withdrawn} | set(self.forms)
        candidates = [m for m in self._members if m.id not in active or
                      (m.id in self.forms and self.forms[m.id].part is not None and self.forms[m.id].part.withdrawn)]
        if not candidates:
            QMessageBox.information(self, self.tr("団体を追加"), self.tr("追加できる団体はありません。"))
            return False
        name, ok = QInputDialog.getItem(self, self.tr("団体を追加"), self.tr("同じ要望をする団体"),
                                        [m.name for m in candidates], 0, False)
        if not ok or not name:
            return False
        member = next(m for m in candidates if m.name == name)
        form = self.forms.get(member.id)
        if form is None:
            form = MemberPartForm(self.runner, member_id=member.id, member=member.name, item_id=self.item_id)
            form.edited.connect(self._validate)
            self.forms[member.id] = form
            self.tabs.insertTab(self._member_tab_count(), form, member.name + self.tr("（追加）"))
        else:  # a member that had withdrawn asks again: the part is re-joined on save
            form.part = None
            form.load(None, editable=True)
            self.tabs.setTabText(self.tabs.indexOf(form), member.name + self.tr("（追加）"))
        self.tabs.setCurrentWidget(form)
        self._apply_tab_order()
        self._validate()
        form.content_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    # --- history ----------------------------------------------------------------------

    def export_history(self) -> bool:
        """Write the item's audit trail as CSV (the 変更履歴 tab's 「CSVに書き出す」)."""
        return self.detail is not None and self.history_tab.export_history()

    def _on_conflict_reloaded(self, error) -> None:  # noqa: ANN001 - ConcurrentEditError
        """The user chose 「最新の内容を読み込む」 for this item: drop the edit, show what is stored."""
        if self.item_id is None:
            return
        ours = (error.table == "request_item" and error.row_id == self.item_id) or (
            error.table == "member_request" and (error.current or {}).get("item_id") == self.item_id)
        if not ours:
            return
        self._item_baseline = {}
        for form in self.forms.values():
            form.mark_saved()
        self._shown_version = None
        self._shown_part_versions = {}
        self.reload()

    def _on_broadcast(self, changes: Changes) -> None:
        if self.item_id is not None and (changes.requests or changes.meetings or changes.members or changes.functions):
            self.reload()

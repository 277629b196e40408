"""RequestEditorKeys: the request editor's keyboard, focus and close handling, mixed into RequestItemDialog.

Tab follows the screen: 要望番号, 団体, the function (kind, search, result table), 要望名, 見積額,
the member tabs and the fields of the tab shown, the status moves, 保存, 閉じる
(``_apply_tab_order`` sets it again whenever tabs are added). The first input field has the
focus on open; Ctrl+S (or Enter) saves, and a refused save puts the focus on the first missing
field (switching to its member's tab); Ctrl+Tab / Ctrl+Shift+Tab and Ctrl+PgDown / Ctrl+PgUp
switch tabs from any field; Esc, 閉じる or the window's close button ask before discarding
edits. Every control has a Japanese accessible name.

The mixin uses the dialog's widgets (``key_edit``, ``tabs``, ``move_buttons``, ``history_tab`` ...)
and its ``save``, ``item_problems``, ``_editable_forms`` and ``has_unsaved_changes``; it is not
meant for another class. Its texts are in its own translation context ("RequestEditorKeys"):
PySide's ``tr`` looks a text up along the class hierarchy.
"""
from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QPlainTextEdit, QWidget

from cloudsuppress.domain.workflow import OPEN, Status

from .member_part_form import MemberPartForm


class RequestEditorKeys:
    """Focus order, shortcuts, accessible names and the unsaved-changes prompt of RequestItemDialog."""

    def _install_shortcuts(self) -> None:
        self._shown_once = False
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        for keys, step in ((QKeySequence.StandardKey.NextChild, 1), (QKeySequence("Ctrl+PgDown"), 1),
                           (QKeySequence.StandardKey.PreviousChild, -1), (QKeySequence("Ctrl+PgUp"), -1)):
            QShortcut(keys, self, activated=lambda step=step: self.switch_tab(step))

    def _name_controls(self) -> None:
        """Japanese names for a screen reader (buttons are named by their text, without the ellipsis)."""
        names = {self.key_edit: self.tr("要望番号"), self.member_combo: self.tr("要望する団体"),
                 self.package_radio: self.tr("パッケージの機能"), self.new_function_radio: self.tr("パッケージにない機能（新規）"),
                 self.system_combo: self.tr("新しい機能の業務"), self.proposed_edit: self.tr("新しい機能の名称"),
                 self.title_edit: self.tr("要望名"), self.estimate_edit: self.tr("見積額（円）"),
                 self.tabs.tabBar(): self.tr("団体ごとの要望と変更履歴"),
                 self.add_member_button: self.tr("団体を追加"), self.save_button: self.tr("保存"),
                 self.close_button: self.tr("閉じる")}
        for widget, name in names.items():
            widget.setAccessibleName(name)
        self._name_move_buttons()

    def _name_move_buttons(self) -> None:
        for button in self.move_buttons.values():
            button.setAccessibleName(button.text().rstrip("…"))
            button.setToolTip(self.tr("ショートカット: {0}").format(
                button.shortcut().toString(QKeySequence.SequenceFormat.NativeText)))

    def _pages(self) -> list[QWidget]:
        return [self.tabs.widget(i) for i in range(self.tabs.count())]

    def focus_chain(self) -> list[QWidget]:
        """Every control in the order Tab visits it; Qt skips the hidden and disabled ones."""
        chain: list[QWidget] = [self.key_edit, self.member_combo, self.package_radio, self.new_function_radio,
                                self.picker.search, self.picker.table, self.system_combo, self.proposed_edit,
                                self.title_edit, self.estimate_edit, self.tabs.tabBar(), self.add_member_button]
        for page in self._pages():
            if isinstance(page, MemberPartForm):
                chain += page.focus_chain()
            elif page is self.history_tab:
                chain += self.history_tab.focus_chain()
        return chain + list(self.move_buttons.values()) + [self.save_button, self.close_button]

    def _apply_tab_order(self) -> None:
        chain = self.focus_chain()
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def first_field(self) -> QWidget:
        """Where the focus goes on open: the first field that can be typed in, else 閉じる."""
        fields = [self.key_edit, self.member_combo, self.picker.search, self.system_combo, self.proposed_edit,
                  self.title_edit, self.estimate_edit]
        page = self.tabs.currentWidget()
        if isinstance(page, MemberPartForm) and page.first_field() is not None:
            fields.append(page.first_field())
        for widget in fields:
            if widget.isVisibleTo(self) and widget.isEnabled() and not getattr(widget, "isReadOnly", lambda: False)():
                return widget
        return self.close_button

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.first_field().setFocus(Qt.FocusReason.OtherFocusReason)

    def switch_tab(self, step: int) -> None:
        """Ctrl+Tab / Ctrl+PgDown (step 1) and back (-1), from any field; the focus goes into the tab."""
        count = self.tabs.count()
        if count < 2 or not self.tabs.isEnabled():
            return
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % count)
        page = self.tabs.currentWidget()
        target = page.first_field() if isinstance(page, MemberPartForm) else None
        (target or self.tabs.tabBar()).setFocus(Qt.FocusReason.TabFocusReason)

    def focus_first_problem(self) -> QWidget | None:
        """Put the focus on the first missing field (on its member's tab); return it, or None."""
        problems = self.item_problems()
        target: QWidget | None = None
        if "member" in problems:
            target = self.member_combo
        elif "function" in problems:
            if self.package_radio.isChecked():
                target = self.picker.search
            else:
                target = self.system_combo if self.system_combo.currentData() is None else self.proposed_edit
        elif "title" in problems:
            target = self.title_edit
        else:
            for form in self._editable_forms():
                target = form.first_invalid_field()
                if target is not None:
                    self.tabs.setCurrentWidget(form)
                    break
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)
        return target

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        # Enter saves, as the default button would, but a refused save shows the field to fill in.
        focused = self.focusWidget()
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not isinstance(focused, QAbstractButton)
                and not isinstance(focused, QPlainTextEdit)):
            self.save()
            return
        super().keyPressEvent(event)

    def has_edits(self) -> bool:
        """Something typed here would be lost by closing (an untouched new item has none)."""
        if not self.is_new():
            return self.detail is not None and Status(self.detail.item.status) in OPEN and self.has_unsaved_changes()
        form_typed = self.new_form is not None and any(v not in (None, "")
                                                       for v in self.new_form.values().given().values())
        return bool(form_typed or self.key_edit.text().strip() or self.member_combo.currentData() is not None
                    or self._item_changes())

    def reject(self) -> None:
        """Esc, 閉じる or the close button: ask before discarding edits (保存して閉じる / 破棄 / 戻る)."""
        if self.isVisible() and self.has_edits():
            answer = self._ask_discard()
            if answer == "cancel":
                return
            if answer == "save" and not self.save():
                self.focus_first_problem()
                return
        super().reject()

    def _ask_discard(self) -> str:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("保存していない変更"),
                          self.tr("保存していない変更があります。保存してから閉じますか？"), parent=self)
        save = box.addButton(self.tr("保存して閉じる"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(self.tr("保存せずに閉じる"), QMessageBox.ButtonRole.DestructiveRole)
        back = box.addButton(self.tr("編集に戻る"), QMessageBox.ButtonRole.RejectRole)
        save.setEnabled(self.save_button.isEnabled())
        box.setDefaultButton(back)
        box.setEscapeButton(back)
        box.exec()
        clicked = box.clickedButton()
        box.deleteLater()
        return "save" if clicked is save else "discard" if clicked is discard else "cancel"

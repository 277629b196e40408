"""Small questions the item editor asks: the reason for a move or a withdrawal (with an
optional meeting, picked from the meetings the core lists), and whether a new request joins an
existing item instead of duplicating it. They never read the database: the caller passes what
they offer.
"""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cloudsuppress.ops.meeting_queries import MeetingRow
from cloudsuppress.ops.request_queries import ItemRow

from ..dates import wareki_text
from ..dialogs.dialog_buttons import accept_cancel
from ..labels import join_names, label

ERROR_STYLE = "color: #b3261e;"


class ReasonDialog(QDialog):
    """Ask for a reason (required or not) and, for moves, the meeting where it was decided: a combo of
    ``meetings`` (newest first, as the core lists them) with 「（なし）」 as the default."""

    def __init__(self, parent: QWidget | None, *, title: str, prompt: str, required: bool, meeting: bool,
                 meetings: Sequence[MeetingRow] = ()):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.required = required
        self.prompt = QLabel(prompt)
        self.prompt.setWordWrap(True)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setPlaceholderText(self.tr("例: 代替運用案で対応できることを分科会で確認した"))
        self.reason_edit.setFixedHeight(90)
        self.meeting_combo = QComboBox()
        self.meeting_combo.addItem(self.tr("（なし）"), None)
        for m in meetings:
            self.meeting_combo.addItem(self.tr("{0}（{1}）").format(m.label, wareki_text(m.held_on)), m.id)
        self.meeting_combo.setMinimumWidth(360)
        self.meeting_combo.setToolTip(self.tr("この判断をした会議（議事録の決定事項に載ります）"))
        self.error_label = QLabel()
        self.error_label.setStyleSheet(ERROR_STYLE)
        form = QFormLayout()
        form.addRow(self.tr("理由") + (self.tr("（必須）") if required else self.tr("（任意）")), self.reason_edit)
        if meeting:
            form.addRow(self.tr("決定した会議"), self.meeting_combo)
        self.meeting_combo.setVisible(meeting)
        self.buttons, self.ok_button = accept_cancel(self, self.tr("実行"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.reason_edit.textChanged.connect(self._validate)
        self._validate()

    def _validate(self) -> None:
        missing = self.required and not self.reason_edit.toPlainText().strip()
        self.error_label.setText(self.tr("理由を入力してください。") if missing else "")
        self.ok_button.setEnabled(not missing)

    def answer(self) -> tuple[str, int | None]:
        return self.reason_edit.toPlainText().strip(), self.meeting_combo.currentData()

    def select_meeting(self, meeting_id: int | None) -> bool:
        """Choose a meeting by id (None: （なし）); False when it is not offered."""
        index = self.meeting_combo.findData(meeting_id)
        if index < 0:
            return False
        self.meeting_combo.setCurrentIndex(index)
        return True

    @classmethod
    def ask(cls, parent: QWidget | None, *, title: str, prompt: str, required: bool = True,
            meeting: bool = True, meetings: Sequence[MeetingRow] = ()) -> tuple[str, int | None] | None:
        """(reason, meeting id or None), or None when cancelled."""
        dialog = cls(parent, title=title, prompt=prompt, required=required, meeting=meeting, meetings=meetings)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.answer()
        finally:
            dialog.deleteLater()


class JoinChoiceDialog(QDialog):
    """「既存の要望 R-0007 に参加する」 or 「別の要望として登録」 (or cancel); ``choice`` holds the answer:
    ('join', item_id), ('separate', None) or None."""

    def __init__(self, parent: QWidget | None, *, member: str, function: str, existing: list[ItemRow]):
        super().__init__(parent)
        self.setWindowTitle(self.tr("同じ機能の要望があります"))
        self.setMinimumWidth(560)
        self.choice: tuple[str, int | None] | None = None
        lines = "".join(
            self.tr("<li><b>{0}</b> {1}（{2}・{3}）</li>").format(r.key, r.title, join_names(r.members) or "—",
                                                         label(r.status_label)) for r in existing)
        text = QLabel(self.tr("機能「{0}」には検討中の要望がすでにあります。<ul>{1}</ul>"
                              "同じ内容であれば、新しく登録せずに既存の要望に{2}として参加してください。"
                              "比較一覧表で各団体の要望を並べて検討できます。").format(function, lines, member))
        text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        self.join_buttons: dict[int, QPushButton] = {}
        for r in existing:
            button = QPushButton(self.tr("既存の要望 {0} に参加する").format(r.key))
            if member in r.members:
                button.setEnabled(False)
                button.setToolTip(self.tr("{0}はすでにこの要望に参加しています。").format(member))
            button.clicked.connect(lambda _=False, item_id=r.id: self._choose(("join", item_id)))
            self.join_buttons[r.id] = button
            layout.addWidget(button)
        self.separate_button = QPushButton(self.tr("別の要望として登録"))
        self.separate_button.clicked.connect(lambda: self._choose(("separate", None)))
        cancel = QPushButton(self.tr("キャンセル"))
        cancel.clicked.connect(self.reject)
        layout.addWidget(self.separate_button)
        layout.addWidget(cancel)
        default = next((b for b in self.join_buttons.values() if b.isEnabled()), None)
        if default is not None:
            default.setDefault(True)

    def _choose(self, choice: tuple[str, int | None]) -> None:
        self.choice = choice
        self.accept()

"""MemberView: the consortium's members (構成団体) — population, join date in 和暦, share of
the total population (the basis of 人口割 in cost apportionment) — with adding one member,
editing one (double-click or 編集…: a typo, a rename after a merger, this year's population),
removing one registered by mistake (refused by the core while anything refers to it), and
importing a member list. Every change goes through the OpRunner (so Ctrl+Z takes it back);
the view refreshes when a broadcast says the members changed.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cloudsuppress.changes import Changes
from cloudsuppress.errors import DomainError
from cloudsuppress.importers.members import read_member_list
from cloudsuppress.ops.members import MemberRow, list_members

from ..op_runner import OpRunner
from ..operations import members as member_ops
from ..search_field import add_clear_action
from ..table_models.member_table_model import COL_NAME, COLUMN_WIDTHS, MemberTableModel
from ..table_models.row_list_model import ROW_ROLE
from ..table_setup import setup_list_table

FILE_FILTER = "団体一覧 (*.xlsx *.xlsm *.xls *.ods *.csv *.tsv *.txt);;すべてのファイル (*)"


class MemberView(QWidget):
    """The member list with its total; 団体を追加… and 団体一覧を取り込む…."""

    status_message = Signal(str)  # a short note for the status bar after a change

    def __init__(self, runner: OpRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self._last_folder = ""

        title = QLabel(self.tr("構成団体"))
        title.setStyleSheet("font-size: 16pt; font-weight: bold; color: #1f3a5f;")
        note = QLabel(self.tr("人口比は協議会全体の人口に対する割合です（人口割の負担計算の基礎）。"))
        note.setStyleSheet("color: #4a5568;")

        self.search = QLineEdit()
        self.search.setAccessibleName(self.tr("団体名で検索"))
        self.search.setPlaceholderText(self.tr("団体名で検索"))
        self.clear_search = add_clear_action(self.search)  # without Qt's fade (ui/search_field.py)
        self.search.setMinimumWidth(200)
        self.search.setMaximumWidth(280)
        self.search.textChanged.connect(self._on_search)
        self.add_button = QPushButton(self.tr("団体を追加…"))
        self.add_button.clicked.connect(self.add_member)
        self.edit_button = QPushButton(self.tr("編集…"))
        self.edit_button.setToolTip(self.tr("団体名・人口・参加日を訂正します（ダブルクリックでも開きます）"))
        self.edit_button.clicked.connect(lambda: self.edit_member())
        self.remove_button = QPushButton(self.tr("削除…"))
        self.remove_button.setToolTip(self.tr("誤って登録した団体を削除します（要望や記録のある団体は削除できません）"))
        self.remove_button.clicked.connect(lambda: self.remove_member())
        self.import_button = QPushButton(self.tr("団体一覧を取り込む…"))
        self.import_button.clicked.connect(self.import_member_list)
        self.gap_template_button = QPushButton(self.tr("△・× の判定から要望票を作る…"))
        self.gap_template_button.setToolTip(self.tr(
            "Fit&Gap シートで選んだ団体が△・×とした機能を、要望の行として記入した要望票（.xlsx）を書き出します"))
        self.gap_template_button.clicked.connect(lambda: self.export_gap_template())
        tools = QHBoxLayout()
        tools.addWidget(self.search)
        tools.addStretch(1)
        tools.addWidget(self.add_button)
        tools.addWidget(self.edit_button)
        tools.addWidget(self.remove_button)
        tools.addWidget(self.import_button)

        self.model = MemberTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        setup_list_table(self.table, widths=COLUMN_WIDTHS, stretch=COL_NAME, row_padding=12)
        self.table.doubleClicked.connect(lambda _index: self.edit_member())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable_row_actions())
        self.model.modelReset.connect(self._enable_row_actions)
        self._enable_row_actions()

        self.total_label = QLabel()
        self.total_label.setObjectName("memberTotal")
        self.total_label.setStyleSheet(
            "QLabel#memberTotal { font-weight: bold; color: #1f3a5f; background: #eef2f7;"
            " border: 1px solid #d6dbe3; border-radius: 4px; padding: 6px 10px; }")
        self.total_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # As wide as its columns: across a full-width window the population would sit far
        # from the name it belongs to.
        body = QWidget()
        body.setFixedWidth(sum(COLUMN_WIDTHS.values()) + 40)
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(10)
        column.addLayout(tools)
        column.addWidget(self.table, 1)
        column.addWidget(self.total_label)
        gap_row = QHBoxLayout()
        gap_row.addStretch(1)
        gap_row.addWidget(self.gap_template_button)
        column.addLayout(gap_row)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(note)
        layout.addWidget(body, 1, Qt.AlignmentFlag.AlignLeft)

    # --- loading ----------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the members from the database."""
        self.model.set_rows(self.runner.read(list_members))
        self._update_total()

    def on_changed(self, changes: Changes) -> None:
        if changes.members:
            self.refresh()

    def _on_search(self, text: str) -> None:
        self.model.set_filter(text)
        self._update_total()

    def _update_total(self) -> None:
        m = self.model
        text = self.tr("計 {0} 団体　人口 {1} 人").format(m.total_count, f"{m.total_population:,}")
        if m.visible_count != m.total_count:
            text += self.tr("（表示 {0} 団体）").format(m.visible_count)
        self.total_label.setText(text)

    def selected_member(self) -> MemberRow | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.data(index, ROW_ROLE)

    def _enable_row_actions(self) -> None:
        on = self.selected_member() is not None
        self.edit_button.setEnabled(on)
        self.remove_button.setEnabled(on)
        self.gap_template_button.setEnabled(on)

    # --- actions ----------------------------------------------------------------------

    def export_gap_template(self) -> str | None:
        """△・× の判定から要望票を作る…: the selected member's pre-filled 要望票, after confirmation."""
        from ..dialogs.gap_template import export_gap_template

        member = self.selected_member()
        if member is None:
            return None
        done = export_gap_template(self.runner, member, parent=self)
        if done:
            self.status_message.emit(done)
        return done

    def add_member(self) -> None:
        """Open the add-member dialog; the broadcast refreshes this view and the dashboard."""
        from ..dialogs.add_member_dialog import AddMemberDialog

        dialog = AddMemberDialog(self.runner, self.model.names(), self)
        dialog.exec()
        if dialog.added:
            self.status_message.emit(self.tr("団体「{0}」を追加しました。").format(dialog.added))
            self.offer_prior_decisions(dialog.added)

    def edit_member(self) -> str | None:
        """Correct the selected member's name, population or join date; return its saved name."""
        from ..dialogs.add_member_dialog import AddMemberDialog

        member = self.selected_member()
        if member is None:
            return None
        dialog = AddMemberDialog(self.runner, self.model.names(), self, member=member)
        dialog.exec()
        if dialog.saved:
            self.status_message.emit(self.tr("団体「{0}」を保存しました。").format(dialog.saved))
        return dialog.saved

    def remove_member(self) -> bool:
        """Remove the selected member after asking; the core refuses one that anything refers to."""
        member = self.selected_member()
        if member is None:
            return False
        answer = QMessageBox.question(
            self, self.tr("団体の削除"),
            self.tr("団体「{0}」を削除しますか？\n誤って登録した団体を消すためのものです。取り消すには 元に戻す（Ctrl+Z）を使います。")
            .format(member.name))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        done = member_ops.remove_member(self, self.runner, member_id=member.id, expected_version=member.version)
        if done is None:
            return False
        self.status_message.emit(self.tr("団体「{0}」を削除しました。").format(member.name))
        return True

    def offer_prior_decisions(self, name: str) -> int:
        """後乗り: list the decisions taken before the member joined for it to accept; the number recorded."""
        from cloudsuppress.ops.late_joiners import decisions_to_accept

        from ..dialogs.late_joiner_dialog import LateJoinerDialog

        member = next((m for m in self.runner.read(list_members) if m.name == name), None)
        if member is None or member.joined_on is None:
            return 0
        decisions = self.runner.read(lambda s: decisions_to_accept(s, member.id))
        if not decisions:
            return 0
        dialog = LateJoinerDialog(self.runner, member_id=member.id, member=member.name, joined_on=member.joined_on,
                                  decisions=decisions, parent=self)
        dialog.exec()
        recorded = dialog.recorded
        dialog.deleteLater()
        if recorded:
            self.status_message.emit(self.tr("「{0}」が既決事項 {1} 件を承認したことを記録しました。").format(name, recorded))
        return recorded

    def import_member_list(self) -> bool:
        """Ask for a member list (csv/xlsx), validate it, and import it whole or not at all."""
        from ..file_dialogs import KIND_MEMBER_LISTS, open_file_name

        path = open_file_name(self, self.tr("団体一覧を選ぶ"), kind=KIND_MEMBER_LISTS, file_filter=self.tr(FILE_FILTER),
                              folder=self._last_folder)
        if path is None:
            return False
        self._last_folder = str(path.parent)
        try:
            records = self.runner.call_in_worker(lambda: read_member_list(path), parent=self,
                                                 label=self.tr("団体一覧を読み込んでいます…"), cancellable=True)
        except DomainError as error:  # ImportValidationError lists every problem
            self.runner.show_error(error, parent=self)
            return False
        counts = member_ops.import_members(self, self.runner, records=records,
                                           label=self.tr("団体一覧を取り込んでいます…"))
        if counts is None:
            return False
        added, updated = counts
        self.status_message.emit(self.tr("団体一覧を取り込みました（{0}）: 追加 {1} 団体、更新 {2} 団体。").format(
            path.name, added, updated))
        return True

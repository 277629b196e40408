"""RequestListView: every request item (要望項目) with its members and status; filters by
status, member, subcommittee and business system, and a search as you type. Double-click or
Enter opens the item editor; 新しい要望… opens it empty. The Excel round-trip with members
(要望様式を書き出す… / 要望を取り込む…) starts here too. Every change goes through the OpRunner;
the view reloads when a broadcast says requests (or the structure they hang on) changed.
"""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QPainter, QPainterPath, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cloudsuppress.changes import Changes
from cloudsuppress.domain.workflow import Status
from cloudsuppress.ops.functions import SystemNode, list_function_rows, system_tree
from cloudsuppress.ops.members import MemberRow, list_members
from cloudsuppress.ops.request_queries import list_item_rows

from ..fold_row import FoldingRow
from ..op_runner import OpRunner
from ..search_field import add_clear_action
from ..selection_actions import SelectionActions
from ..table_models.function_table_model import FunctionTableModel
from ..table_models.request_table_model import (
    COL_STATUS,
    COL_TITLE,
    COLUMN_WIDTHS,
    STATUS_COLORS,
    RequestTableModel,
)


class StatusBadgeDelegate(QStyledItemDelegate):
    """Paints the status as a rounded badge in its status colour."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        opt.backgroundBrush = Qt.BrushStyle.NoBrush
        style = opt.widget.style() if opt.widget else QWidget().style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        if not text:  # a line without a status (the long comparison's member lines): no empty badge
            return
        bg, fg = STATUS_COLORS.get(index.data(Qt.ItemDataRole.UserRole + 1), ("#ffffff", "#000000"))
        fm = opt.fontMetrics
        width = min(fm.horizontalAdvance(text) + 18, opt.rect.width() - 8)
        height = min(fm.height() + 6, opt.rect.height() - 4)
        rect = QRectF(opt.rect.center().x() - width / 2, opt.rect.center().y() - height / 2 + 0.5, width, height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        path = QPainterPath()
        path.addRoundedRect(rect, height / 2, height / 2)
        painter.fillPath(path, QColor(bg))
        painter.setPen(QColor(fg))
        font = opt.font
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), fm.elidedText(text, Qt.TextElideMode.ElideRight, int(width) - 8))
        painter.restore()


class RequestListView(QWidget):
    """The request list; see the module docstring."""

    status_message = Signal(str)

    def __init__(self, runner: OpRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self._members: list[MemberRow] = []
        self._systems: list[SystemNode] = []
        self._function_model: FunctionTableModel | None = None  # loaded when the editor first needs it
        self._last_folder = ""

        title = QLabel(self.tr("カスタマイズ要望"))
        title.setStyleSheet("font-size: 16pt; font-weight: bold; color: #1f3a5f;")
        note = QLabel(self.tr("要望は「要望」→「検討中」→「標準化」「取下げ」「カスタマイズ実施」と進みます。"
                              "行をダブルクリック（または Enter）すると要望を開きます。"))
        note.setStyleSheet("color: #4a5568;")
        note.setWordWrap(True)

        self.new_button = QPushButton(self.tr("新しい要望…"))
        self.new_button.clicked.connect(self.new_item)
        self.export_button = QPushButton(self.tr("要望様式を書き出す…"))
        self.export_button.clicked.connect(self.export_templates)
        self.import_button = QPushButton(self.tr("要望を取り込む…"))
        self.import_button.clicked.connect(self.import_requests)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.new_button)
        head.addWidget(self.export_button)
        head.addWidget(self.import_button)

        self.search = QLineEdit()
        self.search.setAccessibleName(self.tr("要望番号・要望名・機能・団体で検索"))
        self.search.setPlaceholderText(self.tr("要望番号・要望名・機能・団体で検索"))
        self.clear_search = add_clear_action(self.search)  # without Qt's fade (ui/search_field.py)
        self.search.textChanged.connect(lambda text: self._apply(text=text))
        self.status_combo = QComboBox()
        self.status_combo.setAccessibleName(self.tr("状態"))
        self.status_combo.addItem(self.tr("すべて"), None)
        for st in Status:
            self.status_combo.addItem(self.tr(st.label), st.value)
        self.status_combo.currentIndexChanged.connect(lambda: self._apply(status=self.status_combo.currentData()))
        self.member_combo = QComboBox()
        self.member_combo.setAccessibleName(self.tr("団体"))
        self.member_combo.currentIndexChanged.connect(lambda: self._apply(member=self.member_combo.currentData()))
        self.subcommittee_combo = QComboBox()
        self.subcommittee_combo.setAccessibleName(self.tr("専門部会"))
        self.subcommittee_combo.currentIndexChanged.connect(self._on_subcommittee)
        self.system_combo = QComboBox()
        self.system_combo.setAccessibleName(self.tr("業務"))
        self.system_combo.setMinimumWidth(180)
        self.system_combo.currentIndexChanged.connect(
            lambda: self._apply(business_system_id=self.system_combo.currentData()))
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")

        # The search, the combos and the counts: one line in a wide window; in a narrow one the combos
        # go to a second line (at about 1000 px the one line squeezed the search to 「…」 and laid the
        # counts over the 業務 combo).
        combos = QHBoxLayout()
        for i, (label, combo) in enumerate(((self.tr("状態"), self.status_combo), (self.tr("団体"), self.member_combo),
                                            (self.tr("専門部会"), self.subcommittee_combo),
                                            (self.tr("業務"), self.system_combo))):
            if i:
                combos.addSpacing(6)
            combos.addWidget(QLabel(label))
            combos.addWidget(combo)
        filters = FoldingRow(self.search, combos, self.count_label,
                             lead_width=self.fontMetrics().horizontalAdvance("要望番号・要望名・機能") + 40)

        self.model = RequestTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(COL_STATUS, StatusBadgeDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.horizontalHeader().setStretchLastSection(False)
        vh = self.table.verticalHeader()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(self.fontMetrics().height() + 14)
        vh.setVisible(False)
        for col, width in COLUMN_WIDTHS.items():
            self.table.setColumnWidth(col, width)
        self.table.horizontalHeader().setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda index: self.open_item_at(index.row()))
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self._open_current)
        # several items at once (Ctrl / Shift + click): status, agenda, comparison sheet from the context menu
        self.selection = SelectionActions(runner, self, self.chosen_items, status_message=self.status_message)
        self.selection.attach(self.table)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(10)
        layout.addLayout(head)
        layout.addWidget(note)
        layout.addWidget(filters)
        layout.addWidget(self.table, 1)

    # --- loading ----------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the items and the filter choices, keeping the filters and the selection."""
        members, systems, rows = self.runner.read(lambda s: (list_members(s), system_tree(s), list_item_rows(s)))
        selected = self.selected_item_id()
        chosen = [i for i, _ in self.chosen_items()]
        self._members, self._systems = members, systems
        self._fill_combos()
        self.model.set_rows(rows)
        self._update_counts()
        if selected is not None:
            self.select_item(selected)
        if len(chosen) > 1:  # a change made from the context menu keeps the selection
            self.select_items(chosen)

    def on_changed(self, changes: Changes) -> None:
        if (changes.functions or changes.structure) and self._function_model is not None:
            self._function_model.deleteLater()
            self._function_model = None
        if changes.requests or changes.meetings or changes.members or changes.structure or changes.functions:
            self.refresh()

    def function_model(self) -> FunctionTableModel:
        """Every function of the package for the editor's picker, read and indexed once and kept
        (30,000 functions take a moment; the picker then filters them on every keystroke)."""
        if self._function_model is None:
            model = FunctionTableModel(self)
            model.set_rows(self.runner.read(list_function_rows))
            self._function_model = model
        return self._function_model

    def _fill_combos(self) -> None:
        def refill(combo: QComboBox, entries: list[tuple[str, object]]) -> None:
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("すべて"), None)
            for text, value in entries:
                combo.addItem(text, value)
            index = combo.findData(current)
            combo.setCurrentIndex(index if index >= 0 else 0)
            combo.blockSignals(False)

        refill(self.member_combo, [(m.name, m.name) for m in self._members])
        subs = list(dict.fromkeys((n.subcommittee, n.subcommittee_id) for n in self._systems))
        refill(self.subcommittee_combo, subs)
        self._fill_system_combo()
        self.model.set_filter(member=self.member_combo.currentData(),
                              subcommittee_id=self.subcommittee_combo.currentData(),
                              business_system_id=self.system_combo.currentData())

    def _fill_system_combo(self) -> None:
        sub = self.subcommittee_combo.currentData()
        current = self.system_combo.currentData()
        self.system_combo.blockSignals(True)
        self.system_combo.clear()
        self.system_combo.addItem(self.tr("すべて"), None)
        for n in self._systems:
            if sub is None or n.subcommittee_id == sub:
                self.system_combo.addItem(n.name, n.id)
        index = self.system_combo.findData(current)
        self.system_combo.setCurrentIndex(index if index >= 0 else 0)
        self.system_combo.blockSignals(False)

    def _on_subcommittee(self) -> None:
        self._fill_system_combo()  # only the systems of the chosen subcommittee
        self._apply(subcommittee_id=self.subcommittee_combo.currentData(),
                    business_system_id=self.system_combo.currentData())

    def _apply(self, **filters) -> None:
        selected = self.selected_item_id()
        self.model.set_filter(**filters)
        self._update_counts()
        if selected is not None:
            self.select_item(selected)

    def _update_counts(self) -> None:
        self.count_label.setText(self.tr("表示 {0} 件／全 {1} 件").format(
            f"{self.model.visible_count:,}", f"{self.model.total_count:,}"))

    # --- selection --------------------------------------------------------------------

    def selected_item_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()).id if index.isValid() else None

    def chosen_items(self) -> list[tuple[int, str]]:
        """(id, 要望番号) of every selected item, in the order shown."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [(self.model.row_at(r).id, self.model.row_at(r).key) for r in rows]

    def select_items(self, item_ids: list[int]) -> None:
        """Select these items (those shown), as Ctrl+click would."""
        from PySide6.QtCore import QItemSelection, QItemSelectionModel

        selection = QItemSelection()
        for item_id in item_ids:
            row = self.model.row_of_item(item_id)
            if row is not None:
                selection.select(self.model.index(row, 0), self.model.index(row, self.model.columnCount() - 1))
        self.table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def select_item(self, item_id: int) -> bool:
        row = self.model.row_of_item(item_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _open_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.open_item_at(index.row())

    # --- actions ----------------------------------------------------------------------

    def open_item_at(self, row: int) -> None:
        """Open the editor on the item shown at a view row."""
        self.open_item(self.model.row_at(row).id)

    def open_item(self, item_id: int | None) -> None:
        """Open the item editor (None: a new item)."""
        from ..request_editor.request_item_dialog import RequestItemDialog

        dialog = RequestItemDialog(self.runner, item_id=item_id, functions=self.function_model(), parent=self)
        dialog.exec()
        if dialog.saved_key:
            self.status_message.emit(self.tr("要望 {0} を保存しました。").format(dialog.saved_key))
        if dialog.item_id is not None:
            self.select_item(dialog.item_id)

    def new_item(self) -> None:
        self.open_item(None)

    def export_templates(self) -> None:
        from ..dialogs.request_workbooks import export_request_templates

        message = export_request_templates(self.runner, self._members, parent=self, folder=self._last_folder)
        if message:
            self.status_message.emit(message)

    def import_requests(self) -> None:
        from ..dialogs.request_workbooks import import_request_workbooks

        message = import_request_workbooks(self.runner, parent=self, folder=self._last_folder)
        if message:
            self.status_message.emit(message)

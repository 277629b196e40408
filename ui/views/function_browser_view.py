"""FunctionBrowserView: the function list (機能一覧) by subcommittee and business system.

Left, the tree 全体 → 専門部会 → 業務 with counts and gap rates; centre, the table with its
search and filters; below, the selected function in full. The fit-gap line of the selected
tree node stays visible above the table, because that rate is what the secretariat reports.

Forms (帳票) are listed beside functions with a 種別 column and filter; retired IDs (欠番) are
listed struck through and left out of every count and rate. The detail pane shows each
member's own judgement (Fit&Gap) of the selected function when the list carried them. The
tree's context menu adds, renames and deletes a 業務 (deleting one that holds functions or
requests is refused by the core, naming them).
"""
from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QSplitter,
    QTableView,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cloudsuppress.changes import Changes
from cloudsuppress.domain.vocab import REQUIREMENT_LABELS
from cloudsuppress.ops.functions import (
    FitStats,
    FunctionRow,
    SystemNode,
    combine_stats,
    list_function_rows,
    system_tree,
)
from cloudsuppress.ops.summary import format_rate

from ..fold_row import FoldingRow
from ..labels import fit_text
from ..labels import label as core_label
from ..op_runner import OpRunner
from ..search_field import add_clear_action
from ..table_models.function_table_model import (
    COL_CODE,
    COL_CONVENIENCE,
    COL_KIND,
    COL_LEVEL1,
    COL_LEVEL2,
    COL_NAME,
    COL_SYSTEM,
    COLUMN_WIDTHS,
    FIT_GAPS,
    FIT_UNASSESSED,
    KIND_FORM,
    KIND_FUNCTION,
    KIND_RETIRED,
    FunctionTableModel,
    fitted_column_texts,
)
from ..table_setup import setup_list_table

NODE_ROLE = Qt.ItemDataRole.UserRole

# 機能名 is what a reader looks for in the list: below this width (12 full-width characters) the
# table goes compact — 業務 / 大分類 / 中分類 narrower (elided, whole in the detail below) and 便利機能
# hidden (the detail says 便利機能 該当する／しない). A whole 専門部会 at 1280 px left 機能名 ~110 px.
MIN_NAME_WIDTH = 220
COMPACT_WIDTHS = {COL_SYSTEM: 116, COL_LEVEL1: 76, COL_LEVEL2: 80}
LEVEL_MAX_WIDTH = 130  # 大分類 / 中分類 in compact mode: room for about 7 full-width characters


@dataclass(frozen=True)
class _Node:
    kind: str  # 'all' / 'subcommittee' / 'system'
    id: int | None
    name: str
    stats: FitStats


def stats_line(name: str, st: FitStats) -> str:
    """「住民基本台帳: ○ 72 △ 0 × 1 未評価 0 ・ギャップ率 1.37%」 (forms and 欠番 apart, when there are any)."""
    by = st.by_fit
    line = QCoreApplication.translate("FunctionBrowserView", "{0}: ○ {1} △ {2} × {3} 未評価 {4} ・ギャップ率 {5}").format(
        name, f"{by.get('○', 0):,}", f"{by.get('△', 0):,}", f"{by.get('×', 0):,}", f"{st.unassessed:,}",
        format_rate(st.gap_rate))
    forms, retired = getattr(st, "forms", 0), getattr(st, "retired", 0)
    if forms or retired:
        line += QCoreApplication.translate("FunctionBrowserView", "（ほかに帳票 {0} 件・欠番 {1} 件）").format(
            f"{forms:,}", f"{retired:,}")
    return line


class FunctionBrowserView(QWidget):
    """Browse, search and filter the function list; read one function in full."""

    counts_changed = Signal(int, int)  # shown, total

    def __init__(self, runner: OpRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self._nodes: list[SystemNode] = []
        self.shown_judgements: list[tuple[str, str | None, str | None]] = []  # (member, judgement, note) in the detail

        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("専門部会・業務"), self.tr("機能数"), self.tr("ギャップ率")])
        self.tree.setRootIsDecorated(True)
        self.tree.setIndentation(14)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        # Names that differ only at their end (国民健康保険(資格) / (賦課) / (給付)) stay told apart when
        # the column is narrow: the middle is elided, not the end (reviewer R4).
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, 56)
        header.resizeSection(2, 72)
        self.tree.setStyleSheet("QTreeView::item { padding: 3px 0; }")
        self.tree.currentItemChanged.connect(self._on_tree_selection)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._tree_menu)

        self.node_stats = QLabel()
        self.node_stats.setObjectName("nodeStats")
        self.node_stats.setStyleSheet(
            "QLabel#nodeStats { font-weight: bold; color: #1f3a5f; background: #eef2f7;"
            " border: 1px solid #d6dbe3; border-radius: 4px; padding: 5px 8px; }")
        self.node_stats.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.node_stats.setWordWrap(True)  # with forms and 欠番 the line is long; it never widens the window

        self.search = QLineEdit()
        self.search.setAccessibleName(self.tr("機能ID・機能名・機能要件・分類で検索"))
        self.search.setPlaceholderText(self.tr("機能ID・機能名・機能要件・分類で検索"))
        self.clear_search = add_clear_action(self.search)  # without Qt's fade (ui/search_field.py)
        self.search.setMinimumWidth(180)
        self.search.textChanged.connect(self._on_search)

        self.fit_combo = QComboBox()
        self.fit_combo.setAccessibleName(self.tr("適合度"))
        for text, value in ((self.tr("すべて"), None), ("○", "○"), ("△", "△"), ("×", "×"),
                            (self.tr("未評価"), FIT_UNASSESSED), (self.tr("△または×"), FIT_GAPS)):
            self.fit_combo.addItem(text, value)
        self.fit_combo.currentIndexChanged.connect(
            lambda: self._apply(fit=self.fit_combo.currentData()))

        self.class_combo = QComboBox()
        self.class_combo.setAccessibleName(self.tr("実装区分"))
        self.class_combo.addItem(self.tr("すべて"), None)
        for cls, label in REQUIREMENT_LABELS.items():
            self.class_combo.addItem(self.tr(label), cls)
        self.class_combo.currentIndexChanged.connect(
            lambda: self._apply(requirement_class=self.class_combo.currentData()))

        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName(self.tr("種別"))
        for text, value in ((self.tr("すべて"), None), (self.tr("機能"), KIND_FUNCTION), (self.tr("帳票"), KIND_FORM),
                            (self.tr("欠番"), KIND_RETIRED)):
            self.kind_combo.addItem(text, value)
        self.kind_combo.currentIndexChanged.connect(lambda: self._apply(kind=self.kind_combo.currentData()))

        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)  # kept wide: see _update_counts

        self.model = FunctionTableModel(self)
        self._keep_detail = False  # set while a filter change re-selects the function already shown
        self.table = QTableView()
        self.table.setModel(self.model)
        # 種別 and 適合度 as wide as their words in the UI language (English 'Function' is wider than 「機能」)
        self.column_widths = setup_list_table(self.table, widths=COLUMN_WIDTHS, stretch=COL_NAME, row_padding=10,
                                              fit=fitted_column_texts())
        self.table.horizontalHeader().moveSection(self.table.horizontalHeader().visualIndex(COL_KIND),
                                                  self.table.horizontalHeader().visualIndex(COL_CODE) + 1)
        # The scroll bar stays when a search leaves a screenful or less: coming and going, it resized the
        # table under the key being typed (columns refitted, everything laid out and painted again: the
        # slowest keys of issue 18, twice the others).
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.table.selectionModel().currentRowChanged.connect(self._on_row_changed)
        self._compact: bool | None = None  # the column layout last applied (None: not yet)
        self.table.viewport().installEventFilter(self)

        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        self.detail.setObjectName("functionDetail")

        # With the tree kept wide enough for its names, a restored window leaves the list less than the
        # one line of search and combos needs: the combos then go to a line of their own.
        combos = QHBoxLayout()
        combos.addWidget(QLabel(self.tr("適合度")))
        combos.addWidget(self.fit_combo)
        combos.addSpacing(8)
        combos.addWidget(QLabel(self.tr("実装区分")))
        combos.addWidget(self.class_combo)
        combos.addSpacing(8)
        combos.addWidget(QLabel(self.tr("種別")))
        combos.addWidget(self.kind_combo)
        filters = FoldingRow(self.search, combos, lead_width=self.search.minimumWidth() + 60)

        centre = QWidget()
        cl = QVBoxLayout(centre)
        cl.setContentsMargins(0, 0, 0, 0)
        # The counts sit beside the node's fit-gap line: the filter row needs its width for the search.
        stats_row = QHBoxLayout()
        stats_row.addWidget(self.node_stats, 1)
        stats_row.addSpacing(8)
        stats_row.addWidget(self.count_label)
        cl.addLayout(stats_row)
        cl.addWidget(filters)
        cl.addWidget(self.table, 1)

        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(centre)
        right.addWidget(self.detail)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 1)
        right.setSizes([560, 220])
        right.setChildrenCollapsible(False)

        # The splitter shares a narrow window out in proportion, and the tree's name column (the one
        # that stretches) took the whole cut: in a restored 1000×600 window it was zero wide, no 業務
        # name showed and the header read 「専門…」 (the walk at 1366×768). The tree never gets narrower
        # than the counts, the rate and a 業務 name of seven full-width characters at its depth.
        self.tree.setMinimumWidth(self.tree_minimum_width())
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.tree)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([max(290, self.tree.minimumWidth()), 1000])
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(splitter)
        self._show_detail(None)

    def tree_minimum_width(self) -> int:
        """The counts and rate columns, a 業務 row's indent (全体 > 専門部会 > 業務, with the root's
        decoration) and seven full-width characters of its name, the scroll bar and the frame."""
        tree = self.tree
        header = tree.header()
        name = 3 * tree.indentation() + tree.fontMetrics().horizontalAdvance("国" * 7) + 12
        return (name + header.sectionSize(1) + header.sectionSize(2)
                + tree.verticalScrollBar().sizeHint().width() + 2 * tree.frameWidth())

    # --- loading ----------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the tree and every row from the database, keeping the selection."""
        # 30,000 rows take a second to read: off the UI thread (ui/op_runner.py read_in_worker).
        nodes, rows = self.runner.read_in_worker(lambda s: (system_tree(s), list_function_rows(s)), parent=self)
        self._nodes = nodes
        current = self._current_node()
        selected = self._selected_function_id()
        self.model.set_rows(rows)
        self._fill_tree(current)
        self._update_counts()
        if selected is None or not self.select_function(selected):
            if self.model.rowCount() > 0:
                self.table.selectRow(0)

    def on_changed(self, changes: Changes) -> None:
        if changes.functions or changes.structure:
            self.refresh()

    def consortium_stats(self) -> FitStats:
        """The whole consortium's fit counts, as last read (``ops.functions.fit_stats`` adds up the same)."""
        return combine_stats([n.stats for n in self._nodes])

    def _fill_tree(self, keep: _Node | None) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        root = self._tree_item(_Node("all", None, self.tr("全体"), combine_stats([n.stats for n in self._nodes])))
        self.tree.addTopLevelItem(root)
        by_sub: dict[int, list[SystemNode]] = {}
        for n in self._nodes:
            by_sub.setdefault(n.subcommittee_id, []).append(n)
        target = root
        for sub_id, systems in by_sub.items():
            sub_item = self._tree_item(_Node("subcommittee", sub_id, systems[0].subcommittee,
                                             combine_stats([n.stats for n in systems])))
            root.addChild(sub_item)
            if keep and keep.kind == "subcommittee" and keep.id == sub_id:
                target = sub_item
            for n in systems:
                item = self._tree_item(_Node("system", n.id, n.name, n.stats))
                sub_item.addChild(item)
                if keep and keep.kind == "system" and keep.id == n.id:
                    target = item
            sub_item.setExpanded(True)
        root.setExpanded(True)
        self.tree.setCurrentItem(target)
        self.tree.blockSignals(False)
        self._on_tree_selection(target, None)

    def _tree_item(self, node: _Node) -> QTreeWidgetItem:
        item = QTreeWidgetItem([node.name, f"{node.stats.total:,}", format_rate(node.stats.gap_rate)])
        item.setData(0, NODE_ROLE, node)
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setToolTip(0, stats_line(node.name, node.stats))
        if node.kind != "system":
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
        return item

    # --- filtering --------------------------------------------------------------------

    def _tree_menu(self, pos) -> None:  # noqa: ANN001 - a QPoint
        menu = self.tree_menu()
        menu.exec(self.tree.viewport().mapToGlobal(pos))

    def tree_menu(self) -> QMenu:
        """業務を追加… always; 業務名を変更… and 業務を削除… when a 業務 is selected."""
        menu = QMenu(self.tree)
        menu.addAction(self.tr("業務を追加…"), self.add_business_system)
        node = self._current_node()
        if node is not None and node.kind == "system":
            menu.addAction(self.tr("業務名を変更…"), self.rename_business_system)
            menu.addAction(self.tr("業務を削除…"), self.remove_business_system)
        return menu

    def rename_business_system(self) -> str | None:
        """業務名を変更…: ask for the new name and rename through the runner; return it."""
        from ..dialogs.business_system_dialog import RenameBusinessSystemDialog

        node = self._current_node()
        if node is None or node.kind != "system":
            return None
        dialog = RenameBusinessSystemDialog(self.runner, system_id=node.id, name=node.name,
                                            existing_systems=[n.name for n in self._nodes], parent=self)
        dialog.exec()
        renamed = dialog.renamed
        dialog.deleteLater()
        if renamed:
            self.select_tree_node("system", node.id)
        return renamed

    def remove_business_system(self) -> bool:
        """業務を削除…: confirm, then delete through the runner (the core refuses one in use, naming it)."""
        from ..operations import structure as structure_ops

        node = self._current_node()
        if node is None or node.kind != "system":
            return False
        answer = QMessageBox.question(
            self, self.tr("業務を削除"),
            self.tr("業務「{0}」を削除しますか。\n機能や要望が登録されている業務は削除できません。").format(node.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        system_id = node.id
        return structure_ops.remove_business_system(self, self.runner, system_id=system_id) is not None

    def add_business_system(self) -> str | None:
        """業務を追加…: under the selected node's 専門部会 unless another is chosen; return the name added."""
        from ..dialogs.business_system_dialog import BusinessSystemDialog

        node = self._current_node()
        sub = None
        if node is not None and node.kind == "subcommittee":
            sub = node.name
        elif node is not None and node.kind == "system":
            sub = next((n.subcommittee for n in self._nodes if n.id == node.id), None)
        dialog = BusinessSystemDialog(self.runner, existing_systems=[n.name for n in self._nodes], subcommittee=sub,
                                      parent=self)
        dialog.exec()
        if dialog.added:
            added = next((n for n in self._nodes if n.name == dialog.added), None)
            if added is not None:
                self.select_tree_node("system", added.id)
        return dialog.added

    def _current_node(self) -> _Node | None:
        item = self.tree.currentItem()
        return item.data(0, NODE_ROLE) if item is not None else None

    def _on_tree_selection(self, item: QTreeWidgetItem | None, _previous) -> None:
        node: _Node | None = item.data(0, NODE_ROLE) if item is not None else None
        if node is None:
            return
        self.node_stats.setText(stats_line(node.name, node.stats))
        # One 業務 selected: its name on every row says nothing, and 1280 px needs the width for 機能名.
        self.table.setColumnHidden(COL_SYSTEM, node.kind == "system")
        self._fit_columns(force=True)
        self._apply(subcommittee_id=node.id if node.kind == "subcommittee" else None,
                    business_system_id=node.id if node.kind == "system" else None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _fit_columns(self, *, force: bool = False) -> None:
        """Full column widths when 機能名 keeps ``MIN_NAME_WIDTH`` beside them, else the compact set
        (便利機能 hidden, 業務 / 大分類 / 中分類 narrower, 大分類 / 中分類 given what 機能名 does not need).

        The full widths are set once when the layout turns full (or the 業務 column comes or goes),
        so a column the user widened by hand stays while a wide window is resized."""
        available = self.table.viewport().width()
        full = self.column_widths
        counted = [c for c in full if c != COL_NAME and (c == COL_CONVENIENCE or not self.table.isColumnHidden(c))]
        compact = available - sum(full[c] for c in counted) < MIN_NAME_WIDTH
        if not compact and self._compact is False and not force:
            return
        self._compact = compact
        widths = {col: full[col] for col in (COL_SYSTEM, COL_LEVEL1, COL_LEVEL2)}
        if compact:
            widths.update(COMPACT_WIDTHS)
            used = sum(widths.get(c, full[c]) for c in counted if c != COL_CONVENIENCE)
            spare = available - used - MIN_NAME_WIDTH
            for col in (COL_LEVEL1, COL_LEVEL2):
                widths[col] += max(0, min(spare // 2, LEVEL_MAX_WIDTH - widths[col]))
        for col, width in widths.items():
            self.table.setColumnWidth(col, width)
        self.table.setColumnHidden(COL_CONVENIENCE, compact)

    def _on_search(self, text: str) -> None:
        self._apply(text=text)

    def _apply(self, **filters) -> None:
        selected = self._selected_function_id()
        # The selected function still shown: its detail stays as it is. The model's reset and the
        # re-selection would otherwise render it twice per key, reading its judgements each time
        # (issue 18: most of the cost of a key beyond the table's repaint).
        self._keep_detail = selected is not None
        try:
            self.model.set_filter(**filters)
            self._update_counts()
            found = selected is not None and self.select_function(selected)
        finally:
            self._keep_detail = False
        if selected is not None and not found:
            self._show_detail(None)
        if not found:  # the list starts at its top, as when a filter reset the model (it keeps the scroll now)
            self.table.scrollToTop()

    def _update_counts(self) -> None:
        shown, total = self.model.visible_count, self.model.total_count
        retired_shown, retired = self.model.retired_counts()
        counts = self.tr("表示 {0} 件／全 {1} 件")
        text = counts.format(f"{shown - retired_shown:,}", f"{total - retired:,}")
        self.count_label.setText(text)
        # As wide as the widest count of this list (every shown count as many digits as the total):
        # a label that narrowed and widened with each key moved the word-wrapped fit-gap line beside
        # it, and the whole view was laid out and painted again (issue 18: the slowest keys).
        widest = counts.format(f"{total - retired:,}", f"{total - retired:,}")
        self.count_label.setMinimumWidth(self.count_label.fontMetrics().horizontalAdvance(widest))
        # 欠番 are listed (struck through) but never counted; the fit-gap line beside says how many.
        self.count_label.setToolTip(self.tr("欠番 {0} 件は件数に含みません。").format(f"{retired:,}") if retired else "")
        self.counts_changed.emit(shown - retired_shown, total - retired)

    def select_tree_node(self, kind: str, node_id: int | None) -> bool:
        """Select the tree node of a subcommittee or business system ('all' for the root)."""
        for item in self._iter_items():
            node: _Node = item.data(0, NODE_ROLE)
            if node.kind == kind and node.id == node_id:
                self.tree.setCurrentItem(item)
                return True
        return False

    def _iter_items(self):
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop(0)
            yield item
            stack.extend(item.child(i) for i in range(item.childCount()))

    # --- detail -----------------------------------------------------------------------

    def _selected_function_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(index.row()).id

    def select_function(self, function_id: int) -> bool:
        """Select a function's row if it is shown; return whether it is."""
        row = self.model.row_of_function(function_id)
        if row is None:
            return False
        self.table.selectRow(row)
        # The rows laid out now, not at the next idle moment: after a filter (a layout change, which Qt lays
        # out later) the scroll range is still the old one. Only here: it costs a third of a key's time.
        self.table.doItemsLayout()
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _on_row_changed(self, current, _previous) -> None:
        if self._keep_detail:
            return
        self._show_detail(self.model.row_at(current.row()) if current.isValid() else None)

    def _show_detail(self, r: FunctionRow | None) -> None:
        if r is None:
            text = (self.tr("機能を選ぶと、ここに機能要件の全文を表示します。") if self.model.total_count else
                    self.tr("機能一覧はまだありません。「ファイル」＞「機能一覧を取り込む…」（Ctrl+I）で、パッケージの機能一覧"
                            "（Excel・CSV）を取り込みます。"))  # an empty consortium's first step (review R27)
            self.detail.setHtml(f"<p style='color:#666'>{html.escape(text)}</p>")
            return
        e = html.escape
        path = " ＞ ".join(e(p) for p in (r.subcommittee, r.business_system, r.level1, r.level2, r.level3) if p)
        fit = fit_text(r.fit) if r.fit else self.tr("未評価")
        if r.fit_alternative:
            fit = self.tr("{0}（代替機能・EUC で対応）").format(fit)
        form = r.kind == "form"
        req = e(r.requirement or (self.tr("（帳票の説明の記載なし）") if form else self.tr("（機能要件の記載なし）"))).replace("\n", "<br>")
        cls = core_label(REQUIREMENT_LABELS.get(r.requirement_class or "")) or self.tr("（未設定）")
        if form:
            cls = cls.replace("機能", "帳票")  # 実装必須帳票 / 標準オプション帳票, as the annex spells them
        meta = [
            (self.tr("種別"), self.tr("帳票") if form else self.tr("機能")),
            (self.tr("適合度"), fit),
            (self.tr("実装区分"), cls),
            (self.tr("便利機能"), self.tr("該当") if r.convenience else self.tr("該当しない")),
            (self.tr("仕様書の版"), r.spec_version or self.tr("（未設定）")),
        ]
        if r.vendor_cost is not None or r.vendor_cost_note:  # 「別途見積」 is an answer too (review R27)
            cost = self.tr("{0} 円").format(f"{r.vendor_cost:,}") if r.vendor_cost is not None else ""
            note = r.vendor_cost_note or ""
            meta.append((self.tr("ベンダー見積"), f"{cost}（{note}）" if cost and note else cost or note))
        cells = "".join(
            f"<td style='padding-right:18px'><span style='color:#555'>{e(k)}</span>　<b>{e(v)}</b></td>" for k, v in meta
        )
        title = f"{e(r.code)}　{e(r.name)}"
        if r.retired:
            title = (f"<s>{title}</s>　<span style='color:#b3261e; font-size:small'>"
                     f"{e(self.tr('欠番（削除されたID）: 件数やギャップ率に数えず、新しい要望の対象にもなりません'))}</span>")
        extra = ""
        if r.vendor_alternative:
            extra += (f"<p style='margin-top:6px'><span style='color:#555'>{e(self.tr('代替案'))}</span>　"
                      f"{e(r.vendor_alternative)}</p>")
        extra += self._judgements_html(r.id)
        self.detail.setHtml(
            f"<div style='color:#555'>{path}</div>"
            f"<h3 style='margin:4px 0'>{title}</h3>"
            f"<table cellspacing='0'><tr>{cells}</tr></table>"
            f"<p style='margin-top:8px; line-height:140%'>{req}</p>{extra}"
        )

    def _judgements_html(self, function_id: int) -> str:
        """Each member's own judgement of the function (from a Fit&Gap sheet), or ""."""
        from cloudsuppress.ops.judgements import list_judgements

        rows = self.runner.read(lambda s: list_judgements(s, function_id=function_id))
        self.shown_judgements = [(j.member, j.judgement, j.note) for j in rows]
        if not rows:
            return ""
        e = html.escape
        colors = {"△": "#9a5b00", "×": "#b3261e"}
        lines = "".join(
            f"<tr><td style='padding:2px 12px 2px 0'>{e(j.member)}</td>"
            f"<td style='padding:2px 12px 2px 0; color:{colors.get(j.judgement or '', '#222')}'><b>{e(j.judgement or '－')}</b></td>"
            f"<td style='padding:2px 0'>{e(j.note or '')}</td></tr>" for j in rows)
        head = (f"<tr><th align='left' style='padding-right:12px'>{e(self.tr('団体'))}</th>"
                f"<th align='left' style='padding-right:12px'>{e(self.tr('判定'))}</th>"
                f"<th align='left'>{e(self.tr('現行運用・要望'))}</th></tr>")
        return (f"<p style='margin:8px 0 2px 0; color:#1f3a5f'><b>{e(self.tr('団体ごとの判定（Fit&Gap）'))}</b></p>"
                f"<table cellspacing='0'>{head}{lines}</table>")

"""ReportsView (帳票): cost outside the joint contract and the documents printed from it.

Top: the consortium's apportionment rule (均等割 / 人口割 / 併用 with a ratio, whole yen or
truncated to 1,000 yen, the population base date), saved through the runner with the version
of the rule shown (``ops.costs.set_cost_rule``). Middle: the cost table (``cost_table``: items
× members, each share, the totals); selecting an item shows how each share was computed and
lets the item use its own method (``set_item_cost``). Right: the exports, written on the
runner's worker thread by the shared ``export_report`` helper: a member's cost report
(団体別負担額通知) — or every bearing member's, one file each into a folder — the cost table
(PDF or Excel) and the plenary summary (総会用サマリー). Each first asks its date and numbers
(``ReportOptionsDialog``: 文書番号 and sender for the notice, 資料番号 for the others).
The PDF ones open in the app's print preview first (saved or printed from there, as the
comparison sheet and the minutes are); the Excel cost table is saved directly.
The view reads through the runner and refreshes on costs, requests, members and consortium.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cloudsuppress.changes import Changes
from cloudsuppress.domain.costs import Method
from cloudsuppress.domain.workflow import Status
from cloudsuppress.errors import DomainError
from cloudsuppress.ops.consortium import get_consortium
from cloudsuppress.ops.costs import (
    BEARING,
    CostChanges,
    ItemShares,
    StaleApproval,
    all_item_shares,
    all_member_costs,
    cost_rule_row,
    cost_table,
    member_costs,
    stale_approvals,
)
from cloudsuppress.ops.measures import measures_dashboard
from cloudsuppress.ops.members import list_members

from ..date_edit import DateEdit
from ..dialogs.report_export import export_report, show_write_error
from ..dialogs.report_options_dialog import ReportOptionsDialog
from ..file_dialogs import dated_file_name
from ..labels import rule_text, yen
from ..op_runner import OpRunner
from ..operations import costs as cost_ops
from ..table_models.cost_table_model import COL_KEY, COL_TITLE, CostTableModel, ShareTableModel
from ..table_models.row_list_model import ROW_ROLE
from ..table_setup import setup_list_table

METHODS = ((Method.EQUAL, "均等割"), (Method.POPULATION, "人口割"), (Method.MIXED, "併用（均等割・人口割）"))
UNITS = ((1, "1円単位"), (1000, "千円未満切捨て"))
OWN_RULE_DEFAULT = "協議会のルール"


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-weight: bold; color: #1f3a5f; padding-top: 4px;")
    return label


class _MethodEditor(QWidget):
    """Method combo and the equal:population ratio in percent (enabled for 併用 only); changing
    one part sets the other to the rest of 100, as the core requires (50:50, 6:94)."""

    def __init__(self, *, with_default: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.combo = QComboBox()
        # As wide as the longest method in the UI language (「Equal + population」), never elided.
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        if with_default:
            self.combo.addItem(self.tr(OWN_RULE_DEFAULT), None)
        for method, label in METHODS:
            self.combo.addItem(self.tr(label), method.value)
        self.equal = QSpinBox()
        self.population = QSpinBox()
        for spin in (self.equal, self.population):
            spin.setRange(0, 100)
            spin.setValue(50)
            spin.setSuffix("%")
        self.equal.valueChanged.connect(lambda v: self._complete(self.population, v))
        self.population.valueChanged.connect(lambda v: self._complete(self.equal, v))
        self.equal_label = QLabel(self.tr("均等割"))
        self.population_label = QLabel(self.tr(":  人口割"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.combo)
        row.addWidget(self.equal_label)
        row.addWidget(self.equal)
        row.addWidget(self.population_label)
        row.addWidget(self.population)
        # Sized from their texts (English ones are longer), so a crowded row never elides or clips them.
        for widget in (self.combo, self.equal_label, self.population_label, self.equal, self.population):
            widget.setMinimumWidth(widget.sizeHint().width())
        self.combo.currentIndexChanged.connect(self._enable)
        self._enable()

    def _complete(self, other: QSpinBox, value: int) -> None:
        if other.value() != 100 - value:
            other.blockSignals(True)
            other.setValue(100 - value)
            other.blockSignals(False)

    def _enable(self) -> None:
        mixed = self.combo.currentData() == Method.MIXED.value
        self.equal.setEnabled(mixed)
        self.population.setEnabled(mixed)

    def set_value(self, method: str | None, ratio: tuple[int, int]) -> None:
        self.combo.setCurrentIndex(max(0, self.combo.findData(method)))
        if method == Method.MIXED.value:  # as stored, even a rule saved before ratios had to total 100
            for spin, value in ((self.equal, ratio[0]), (self.population, ratio[1])):
                spin.blockSignals(True)
                spin.setValue(value)
                spin.blockSignals(False)
        self._enable()

    def method(self) -> str | None:
        return self.combo.currentData()

    def ratio(self) -> tuple[int, int] | None:
        return (self.equal.value(), self.population.value()) if self.method() == Method.MIXED.value else None


class ReportsView(QWidget):
    """The cost rule, the cost table with each share's computation, and the cost and summary exports."""

    status_message = Signal(str)

    def __init__(self, runner: OpRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.rule_version: int | None = None
        self.shares: dict[str, ItemShares] = {}
        self.stale: list = []  # ops.costs.StaleApproval: shares moved since their 首長決裁 (R36)
        self._last_folder = ""

        title = QLabel(self.tr("帳票・費用負担"))
        title.setStyleSheet("font-size: 16pt; font-weight: bold; color: #1f3a5f;")

        # --- the consortium rule ---
        self.rule_editor = _MethodEditor()
        self.unit_combo = QComboBox()
        self.unit_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for unit, label in UNITS:
            self.unit_combo.addItem(self.tr(label), unit)
        self.unit_combo.setMinimumWidth(self.unit_combo.sizeHint().width())
        self.date_check = QCheckBox(self.tr("人口基準日"))
        self.date_edit = DateEdit(QDate.currentDate())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy/MM/dd")
        self.date_check.toggled.connect(self.date_edit.setEnabled)
        self.save_rule_button = QPushButton(self.tr("ルールを保存"))
        self.save_rule_button.clicked.connect(self.save_rule)
        self.rule_label = QLabel()
        self.rule_label.setObjectName("ruleText")
        self.rule_label.setStyleSheet("color: #4a5568;")
        rule_box = QGroupBox(self.tr("協議会の費用按分ルール"))
        rule_column = QVBoxLayout(rule_box)
        rule_row = QHBoxLayout()
        rule_row.addWidget(self.rule_editor)
        rule_row.addSpacing(12)
        rule_row.addWidget(QLabel(self.tr("端数")))
        rule_row.addWidget(self.unit_combo)
        rule_row.addSpacing(12)
        rule_row.addWidget(self.date_check)
        rule_row.addWidget(self.date_edit)
        rule_row.addWidget(self.save_rule_button)
        rule_row.addStretch(1)
        rule_column.addLayout(rule_row)
        # Under the controls rather than beside them: in English the controls alone fill the row.
        rule_column.addWidget(self.rule_label)

        # --- exports ---
        self.member_report_button = QPushButton(self.tr("団体別負担額通知（PDF）…"))
        self.member_report_button.clicked.connect(lambda: self.export_member_report())
        self.table_report_button = QPushButton(self.tr("負担一覧（PDF / Excel）…"))
        menu = QMenu(self.table_report_button)
        menu.addAction(self.tr("PDF…"), lambda: self.export_cost_table("pdf"))
        menu.addAction(self.tr("Excel…"), lambda: self.export_cost_table("xlsx"))
        self.table_report_button.setMenu(menu)
        self.summary_button = QPushButton(self.tr("総会用サマリー（PDF）…"))
        self.summary_button.clicked.connect(lambda: self.export_summary())
        self.include_open = QCheckBox(self.tr("検討中の要望も表示"))
        self.include_open.toggled.connect(lambda _on: self.refresh())
        exports = QHBoxLayout()
        exports.addWidget(_heading(self.tr("カスタマイズ経費の負担一覧")))
        exports.addWidget(self.include_open)
        exports.addStretch(1)
        exports.addWidget(self.member_report_button)
        exports.addWidget(self.table_report_button)
        exports.addWidget(self.summary_button)

        # --- the cost table ---
        self.model = CostTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("costTable")
        self.table.setModel(self.model)
        setup_list_table(self.table, widths={COL_KEY: 76, COL_TITLE: 260, 2: 120, 3: 96, 4: 190})
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._show_item())
        self.totals_label = QLabel()
        self.totals_label.setObjectName("costTotals")
        self.totals_label.setWordWrap(True)
        self.totals_label.setStyleSheet("font-weight: bold; color: #1f3a5f;")

        # --- the selected item ---
        self.item_label = QLabel(self.tr("要望を選ぶと、各団体の負担額の計算が表示されます。"))
        self.item_label.setObjectName("itemShares")
        self.item_label.setWordWrap(True)
        self.share_model = ShareTableModel(self)
        self.share_table = QTableView()
        self.share_table.setObjectName("shareTable")
        self.share_table.setModel(self.share_model)
        setup_list_table(self.share_table, widths={1: 80, 2: 72, 3: 96, 4: 96, 5: 72, 6: 100}, stretch=0)
        self.item_editor = _MethodEditor(with_default=True)
        self.item_rule_button = QPushButton(self.tr("この要望に適用"))
        self.item_rule_button.clicked.connect(self.save_item_rule)
        item_rule_row = QHBoxLayout()
        item_rule_row.addWidget(QLabel(self.tr("按分方法")))
        item_rule_row.addWidget(self.item_editor)
        item_rule_row.addWidget(self.item_rule_button)
        item_rule_row.addStretch(1)
        detail = QWidget()
        dl = QVBoxLayout(detail)
        dl.setContentsMargins(0, 4, 0, 0)
        dl.addWidget(_heading(self.tr("負担額の計算")))
        row = QHBoxLayout()
        row.addWidget(self.share_table, 3)
        side = QVBoxLayout()
        side.addWidget(self.item_label)
        side.addStretch(1)
        side.addLayout(item_rule_row)
        row.addLayout(side, 2)
        dl.addLayout(row, 1)
        self._enable_item(False)

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.table, 1)
        ll.addWidget(self.totals_label)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(left)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([420, 230])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(8)
        layout.addWidget(title)
        layout.addWidget(rule_box)
        layout.addLayout(exports)
        layout.addWidget(splitter, 1)

    # --- reading ------------------------------------------------------------------------

    def on_changed(self, changes: Changes) -> None:
        if changes.costs or changes.requests or changes.members or changes.consortium or changes.measures:
            self.refresh()

    def refresh(self) -> None:
        include_open = self.include_open.isChecked()
        statuses = BEARING if include_open else (Status.CUSTOMIZED,)

        def load(s):
            return (cost_rule_row(s), cost_table(s, include_open=include_open), all_item_shares(s, statuses=statuses),
                    stale_approvals(s, statuses=statuses))

        rule_row, table, shares, stale = self.runner.read(load)
        self.stale = stale
        self.rule_version = rule_row.version if rule_row.stored else None
        rule = rule_row.rule
        self.rule_editor.set_value(rule.method.value, rule.ratio)
        self.unit_combo.setCurrentIndex(max(0, self.unit_combo.findData(rule.unit)))
        self.date_check.setChecked(rule.population_date is not None)
        self.date_edit.setEnabled(rule.population_date is not None)
        if rule.population_date is not None:
            self.date_edit.setDate(QDate(rule.population_date))
        self.rule_label.setText(self.tr("現在: {0}").format(rule_text(rule_row.description)))
        current = self.selected_key()
        self.shares = {sh.key: sh for sh in shares}
        self.model.set_table(table, stale)
        # Room for an amount, or an open item's forecast 「0,000,000（見込）」 when those are shown.
        sample = "00,000,000" + (self.tr("（見込）") if include_open else "") + (self.tr("（要再決裁）") if stale else "")
        widths = self.fontMetrics().horizontalAdvance(sample) + 16
        for i, name in enumerate(table.members):
            self.table.setColumnWidth(5 + i, max(widths, self.fontMetrics().horizontalAdvance(name) + 20))
        each = (self.tr("{0} {1}", "a member and its total").format(n, yen(t))
                for n, t in zip(table.members, table.member_totals, strict=True))
        self.totals_label.setText(self.tr("合計 {0}　／　{1}").format(
            yen(table.total), self.tr("　", "between the members' totals").join(each)))
        row = self.model.row_of(current, attr="key") if current else None
        if row is None and self.model.rowCount():
            row = 0  # the computation panel is never empty while there is an item to explain
        if row is not None:
            self.table.setCurrentIndex(self.model.index(row, 0))
        self._show_item()

    def selected_key(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.data(index, ROW_ROLE).key if index.isValid() else None

    def selected_shares(self) -> ItemShares | None:
        key = self.selected_key()
        return self.shares.get(key) if key else None

    def _enable_item(self, on: bool) -> None:
        self.item_editor.setEnabled(on)
        self.item_rule_button.setEnabled(on)

    def _show_item(self) -> None:
        sh = self.selected_shares()
        if sh is None:
            self.share_model.set_rows([])
            self.item_label.setText(self.tr("要望を選ぶと、各団体の負担額の計算が表示されます。"))
            self._enable_item(False)
            return
        estimate = yen(sh.estimate) if sh.estimate is not None else self.tr("未定")
        own = self.tr("（この要望独自の方法）") if sh.own_rule else ""
        text = self.tr("{0} {1}\n見積額 {2}・{3}{4}・対象団体の人口 計 {5} 人").format(
            sh.key, sh.title, estimate, rule_text(sh.rule_text), own, f"{sh.population_total:,}")
        if sh.residue:
            text += self.tr("\n千円未満の端数 {0}は{1}が負担").format(yen(sh.residue), sh.residue_member)
        for x in (x for x in self.stale if x.key == sh.key):  # review R36: approved for another amount
            now = yen(x.now) if x.now is not None else self.tr("未定")
            text += self.tr("\n要再決裁: {0} 首長決裁 {1} → 現在 {2}（改めて財政課協議・首長決裁が必要）").format(
                x.member, yen(x.approved), now)
        self.item_label.setText(text)
        self.share_model.set_rows(sh.shares)
        self.item_editor.set_value(sh.method if sh.own_rule else None, sh.rule.ratio)
        self._enable_item(True)

    # --- changing -----------------------------------------------------------------------

    def save_rule(self) -> bool:
        """Save the consortium rule shown, against the version that was read."""
        method = self.rule_editor.method()
        ratio = self.rule_editor.ratio()
        unit = self.unit_combo.currentData()
        date = self.date_edit.date().toPython() if self.date_check.isChecked() else None
        stale = cost_ops.preview_cost_rule(self.runner, method=method, ratio=ratio, unit=unit, population_date=date)
        if stale and not self._confirm_reapproval(stale):
            return False
        changes = cost_ops.set_cost_rule(self, self.runner, method=method, ratio=ratio, unit=unit, population_date=date,
                                         expected_version=self.rule_version)
        if changes is not None and changes.any:
            self.status_message.emit(self.tr("費用按分のルールを保存しました。") + self._stale_note(changes))
        return changes is not None

    def _confirm_reapproval(self, stale: tuple[StaleApproval, ...]) -> bool:
        """Ask before a rule save that moves approved shares (walk O6): it was saved at once, and only
        the status line said 「要再決裁」 afterwards."""
        shown = 5
        lines = [self.tr("{0} {1}: 首長決裁 {2} → {3}").format(
            x.key, x.member, yen(x.approved), yen(x.now) if x.now is not None else self.tr("未定")) for x in stale[:shown]]
        if len(stale) > shown:
            lines.append(self.tr("ほか {0} 件").format(len(stale) - shown))
        answer = QMessageBox.question(
            self, self.tr("要再決裁の確認"),
            self.tr("このルールで保存すると、首長決裁を受けた負担額が {0} 件変わります。変わった団体は、"
                    "改めて財政課協議・首長決裁を経る必要があります（要再決裁）。保存しますか？\n\n{1}")
            .format(len(stale), "\n".join(lines)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def save_item_rule(self) -> bool:
        """Give the selected item its own method (or back to the consortium's rule)."""
        sh = self.selected_shares()
        if sh is None:
            return False
        method = self.item_editor.method()
        ratio = self.item_editor.ratio()
        item_id = sh.item_id
        # The version the screen showed, not a fresh read: reading it again here would compare the
        # stored version with itself and overwrite a colleague's change made since (shared mode).
        version = sh.version
        changes = cost_ops.set_item_cost(self, self.runner, item_id=item_id, method=method, ratio=ratio,
                                         expected_version=version)
        if changes is not None and changes.newly_stale:
            self.status_message.emit(self.tr("按分方法を保存しました。") + self._stale_note(changes))
        return changes is not None

    def _stale_note(self, changes: CostChanges) -> str:
        """The approvals a save made stale, as the CLI warns of them (the table marks each 「要再決裁」)."""
        if not changes.newly_stale:
            return ""
        return self.tr("首長決裁を受けた負担額が変わった団体が {0} 件あります（要再決裁）。").format(len(changes.newly_stale))

    # --- exports ------------------------------------------------------------------------

    def _export(self, *, caption: str, suggested: str, file_filter: str, write, label: str) -> Path | None:
        # preview: export_report shows a PDF in the app first and saves any other kind directly
        path = export_report(self.runner, parent=self, caption=caption, suggested=suggested, file_filter=file_filter,
                             write=write, label=label, folder=self._last_folder, preview=True)
        if path is not None:
            self._last_folder = str(path.parent)
            self.status_message.emit(self.tr("書き出しました: {0}").format(path))
        return path

    def _options(self, kind: str, **kw) -> ReportOptionsDialog | None:
        dialog = ReportOptionsDialog(kind, parent=self, **kw)
        return dialog if dialog.exec() else None

    def export_member_report(self, member: str | None = None) -> Path | None:
        """団体別負担額通知: ask the addressee (one member, or every bearing member), the date, 文書番号
        and sender; preview one member's notice, or write every member's into a folder."""
        from cloudsuppress.reports.cost_report_pdf import write_member_cost_report

        members = self.runner.read(list_members)
        if not members:
            return None
        options = self._options("notice", members=[m.name for m in members], member=member)
        if options is None:
            return None
        from cloudsuppress.ops.consortium import get_consortium_settings

        letter = dict(issued_on=options.issued_on(), sender=options.sender(), reference=options.reference(),
                      officers=self.runner.read(get_consortium_settings), copy_to_finance=options.copy_to_finance())
        if options.member() is None:
            return self.export_member_reports(include_none=options.include_none(), **letter)
        member = options.member()
        member_id = next(m.id for m in members if m.name == member)

        def write(path: Path) -> None:
            write_member_cost_report(path, self.runner.read(lambda s: member_costs(s, member_id)), **letter)

        return self._export(caption=self.tr("団体別負担額通知を書き出す"),
                            suggested=dated_file_name(self.tr("負担額通知"), member, on=letter["issued_on"], suffix=".pdf"),
                            file_filter=self.tr("PDF (*.pdf)"), write=write,
                            label=self.tr("負担額通知を書き出しています…"))

    def export_member_reports(self, *, include_none: bool = False, **letter) -> Path | None:
        """Every bearing member's notice, one PDF each, into a folder the user picks; return the folder."""
        from cloudsuppress.reports.cost_report_pdf import notice_file_name, write_member_cost_reports

        notices = self.runner.read(lambda s: all_member_costs(s, include_none=include_none))
        if not notices:
            QMessageBox.information(self, self.tr("負担額通知"),
                                    self.tr("カスタマイズ経費を負担する団体がありません。"))
            return None
        from ..file_dialogs import KIND_REPORTS, existing_folder

        folder = existing_folder(self, self.tr("負担額通知を書き出すフォルダ"), kind=KIND_REPORTS, folder=self._last_folder)
        if folder is None:
            return None
        existing = [mc.member for mc in notices if (folder / notice_file_name(mc.member)).exists()]
        if existing and QMessageBox.question(
                self, self.tr("上書きの確認"),
                self.tr("このフォルダには {0} 団体分の負担額通知がすでにあります（{1}）。上書きしますか？")
                .format(len(existing), self.tr("、").join(existing))) != QMessageBox.StandardButton.Yes:
            return None
        try:
            self.runner.call_in_worker(lambda: write_member_cost_reports(folder, notices, overwrite=True, **letter), parent=self,
                                       label=self.tr("負担額通知を書き出しています…"))
        except DomainError as error:  # a database where a notice would go
            self.runner.show_error(error, parent=self)
            return None
        except OSError as error:
            show_write_error(self, Path(error.filename) if error.filename else folder, error)
            return None
        self._last_folder = str(folder)
        self.status_message.emit(self.tr("負担額通知 {0} 団体分を書き出しました: {1}").format(len(notices), folder))
        answer = QMessageBox.question(self, self.tr("書き出しました"),
                                      self.tr("{0} 団体分の負担額通知を書き出しました。フォルダを開きますか？")
                                      .format(len(notices)))
        if answer == QMessageBox.StandardButton.Yes:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
        return folder

    def export_cost_table(self, kind: str = "pdf") -> Path | None:
        """負担一覧 as PDF or Excel (open items too when they are shown), with its date and 資料番号."""
        include_open = self.include_open.isChecked()
        options = self._options("table", file_kind=kind)
        if options is None:
            return None
        sheet = dict(issued_on=options.issued_on(), doc_number=options.doc_number())

        def write(path: Path) -> None:
            table = self.runner.read(lambda s: cost_table(s, include_open=include_open))
            if kind == "xlsx":
                from cloudsuppress.reports.cost_table_xlsx import write_cost_table_xlsx

                write_cost_table_xlsx(path, table, **sheet)
            else:
                from cloudsuppress.reports.cost_table_pdf import write_cost_table_pdf

                write_cost_table_pdf(path, table, **sheet)

        file_filter = self.tr("Excel (*.xlsx)") if kind == "xlsx" else self.tr("PDF (*.pdf)")
        return self._export(caption=self.tr("費用負担一覧を書き出す"),
                            suggested=dated_file_name(self.tr("費用負担一覧"), on=sheet["issued_on"], suffix=kind),
                            file_filter=file_filter, write=write, label=self.tr("費用負担一覧を書き出しています…"))

    def export_summary(self) -> Path | None:
        """総会用サマリー (PDF): the outcome table, charts, the four measures and the fit-gap rate."""
        from cloudsuppress.reports.summary_pdf import write_summary_pdf

        options = self._options("summary")
        if options is None:
            return None
        issued_on, doc_number = options.issued_on(), options.doc_number()

        def write(path: Path) -> None:
            dashboard, info = self.runner.read(lambda s: (measures_dashboard(s, today=issued_on), get_consortium(s)))
            write_summary_pdf(path, dashboard, consortium=info.name if info else "", issued_on=issued_on,
                              doc_number=doc_number)

        return self._export(caption=self.tr("総会用サマリーを書き出す"),
                            suggested=dated_file_name(self.tr("総会用サマリー"), on=issued_on, suffix=".pdf"),
                            file_filter=self.tr("PDF (*.pdf)"), write=write,
                            label=self.tr("総会用サマリーを書き出しています…"))

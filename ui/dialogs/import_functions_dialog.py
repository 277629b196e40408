"""ImportFunctionsDialog: read a function list, map its columns, preview, then import.

Flow: pick a file → read it (worker thread) → choose the sheet and header row → one combo per
field, prefilled by ``guess_mapping`` → preview of the first rows as mapped → 取り込む:
parse and plan (worker thread, read session) → refused: every issue listed, nothing written
→ replacing existing functions: show the difference and ask → apply through the OpRunner.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cloudsuppress.errors import DomainError, ImportValidationError
from cloudsuppress.importers.function_list import (
    FIELDS,
    REQUIRED_FIELDS,
    ColumnMapping,
    guess_mapping,
    header_field,
    parse_function_list,
)
from cloudsuppress.importers.tabular import Table, column_letter, read_table
from cloudsuppress.ops.functions import FunctionImportPlan, apply_function_import, plan_function_import, system_tree

from ..labels import join_names
from ..labels import label as core_label
from ..op_runner import OpRunner

PREVIEW_ROWS = 20
FILE_FILTER = "機能一覧 (*.xlsx *.xlsm *.xls *.ods *.csv *.tsv *.txt);;すべてのファイル (*)"
SAMPLE_IDS = 8


def plan_summary(plan: FunctionImportPlan) -> str:
    """One line per business system in the UI language; in Japanese exactly the core's ``plan.describe()``
    (the CLI prints that), in English from the same counts. Business-system names and IDs are data."""
    translate = QCoreApplication.translate
    unset = translate("ImportFunctionsDialog", "未設定")
    lines = []
    for d in plan.diffs:
        ver = ""
        if d.old_spec_version != d.new_spec_version and d.existing:
            ver = translate("ImportFunctionsDialog", "（仕様書の版 {0} → {1}）").format(
                d.old_spec_version or unset, d.new_spec_version or unset)
        lines.append(translate("ImportFunctionsDialog", "{0}: 追加 {1} 件、変更 {2} 件、削除 {3} 件、変更なし {4} 件{5}")
                     .format(d.business_system, len(d.added), len(d.changed), len(d.removed), d.unchanged, ver))
        for code, keys in d.blocked:
            lines.append(translate("ImportFunctionsDialog", "  削除できない機能 {0}: 要望 {1} が登録されています")
                         .format(code, join_names(keys)))
    return "\n".join(lines)


def describe_plan(plan: FunctionImportPlan) -> str:
    """The plan's summary plus the first added / changed / removed IDs of each system."""
    lines = [plan_summary(plan), ""]
    for d in plan.diffs:
        parts = []
        changed = [QCoreApplication.translate("ImportFunctionsDialog", "{0}（{1}）").format(
            c.code, QCoreApplication.translate("ImportFunctionsDialog", "・").join(core_label(f) for f in c.fields))
            for c in d.changed]
        for label, codes in ((QCoreApplication.translate("ImportFunctionsDialog", "追加"), d.added),
                             (QCoreApplication.translate("ImportFunctionsDialog", "変更"), changed),
                             (QCoreApplication.translate("ImportFunctionsDialog", "削除"), d.removed)):
            if codes:
                more = (QCoreApplication.translate("ImportFunctionsDialog", " ほか{0}件").format(len(codes) - SAMPLE_IDS)
                        if len(codes) > SAMPLE_IDS else "")
                parts.append(f"  {label}: {join_names(codes[:SAMPLE_IDS])}{more}")
        if parts:
            lines.append(f"{d.business_system}")
            lines.extend(parts)
    return "\n".join(lines).strip()


class ImportFunctionsDialog(QDialog):
    """Map a spreadsheet's columns to the function list and import it through the OpRunner."""

    def __init__(self, runner: OpRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.setWindowTitle(self.tr("機能一覧を取り込む"))
        self.resize(1080, 760)
        self.path: Path | None = None
        self.table: Table | None = None
        self.applied: str | None = None  # a summary once an import was applied
        self._filling = False

        self.file_edit = QLineEdit()
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(self.tr("取り込む表計算ファイル（.xlsx / .xls / .csv）"))
        browse = QPushButton(self.tr("参照…"))
        browse.clicked.connect(self.choose_file)
        self.sheet_combo = QComboBox()
        self.sheet_combo.setMinimumWidth(200)
        self.sheet_combo.currentIndexChanged.connect(self._on_sheet_changed)
        self.header_spin = QSpinBox()
        self.header_spin.setMinimum(1)
        self.header_spin.setMaximum(1)
        self.header_spin.valueChanged.connect(self._on_header_changed)
        self.header_note = QLabel()
        self.header_note.setStyleSheet("color: #4a5568;")

        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(browse)
        source = QFormLayout()
        source.addRow(self.tr("ファイル"), file_row)
        sheet_row = QHBoxLayout()
        sheet_row.addWidget(self.sheet_combo)
        sheet_row.addSpacing(16)
        sheet_row.addWidget(QLabel(self.tr("見出し行")))
        sheet_row.addWidget(self.header_spin)
        sheet_row.addWidget(self.header_note, 1)
        source.addRow(self.tr("シート"), sheet_row)

        self.field_combos: dict[str, QComboBox] = {}
        mapping_box = QGroupBox(self.tr("列の対応（自動判定の結果を確かめ、違っていれば直してください）"))
        grid = QGridLayout(mapping_box)
        for n, (fld, label) in enumerate(FIELDS.items()):
            combo = QComboBox()
            combo.setMinimumWidth(220)
            combo.currentIndexChanged.connect(self._on_mapping_changed)
            self.field_combos[fld] = combo
            text = core_label(label) + (self.tr("（必須）") if fld in REQUIRED_FIELDS else "")
            row, col = divmod(n, 2)
            grid.addWidget(QLabel(text), row, col * 2)
            grid.addWidget(combo, row, col * 2 + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

        self.system_label = QLabel(self.tr("取り込み先の業務"))
        self.system_combo = QComboBox()
        self.system_combo.addItem(self.tr("（選択してください）"), None)
        for node in runner.read(system_tree):
            self.system_combo.addItem(f"{node.subcommittee} ＞ {node.name}", node.name)
        self.spec_edit = QLineEdit()
        self.spec_edit.setPlaceholderText(self.tr("例: 第2.1版"))
        target = QFormLayout()
        target.addRow(self.system_label, self.system_combo)
        target.addRow(self.tr("標準仕様書の版"), self.spec_edit)

        self.preview = QTableWidget()
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setWordWrap(False)
        self.preview.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.preview_label = QLabel(self.tr("プレビュー（先頭 {0} 行）").format(PREVIEW_ROWS))

        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(self.tr("取り込む"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("キャンセル"))
        self.buttons.accepted.connect(self.import_now)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(source)
        layout.addWidget(mapping_box)
        layout.addLayout(target)
        layout.addWidget(self.preview_label)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.buttons)
        self._update_state()

    # --- reading the file -------------------------------------------------------------

    def choose_file(self) -> bool:
        """Ask for a file and load it; False if the user cancelled or it could not be read."""
        from ..file_dialogs import KIND_FUNCTION_LISTS, open_file_name

        path = open_file_name(self, self.tr("機能一覧を選ぶ"), kind=KIND_FUNCTION_LISTS, file_filter=self.tr(FILE_FILTER),
                              folder=self.path.parent if self.path else "")
        if path is None:
            return False
        return self.load_file(path)

    def load_file(self, path: Path, sheet: str | None = None) -> bool:
        """Read a file (in a worker thread) and fill the sheet, header and mapping controls."""
        try:
            table = self.runner.call_in_worker(lambda: read_table(path, sheet=sheet), parent=self,
                                               label=self.tr("ファイルを読み込んでいます…"))
        except DomainError as error:
            self.runner.show_error(error, parent=self)
            return False
        self.path = path
        self.table = table
        self.file_edit.setText(str(path))
        self._filling = True
        try:
            self.sheet_combo.clear()
            for name in table.sheet_names:
                self.sheet_combo.addItem(name)
            if table.sheet:
                self.sheet_combo.setCurrentText(table.sheet)
            elif not table.sheet_names:
                self.sheet_combo.addItem(self.tr("（CSV ファイル・{0}）").format(table.encoding or "UTF-8"))
            self.sheet_combo.setEnabled(len(table.sheet_names) > 1)
            guess = guess_mapping(table)
            self.header_spin.setMaximum(max(1, len(table.rows)))
            self.header_spin.setValue((guess.header_row + 1) if guess else 1)
            self.header_note.setText(
                self.tr("（自動判定）") if guess else self.tr("見出し行を判定できませんでした。行番号を指定してください。"))
            self._fill_combos(guess.columns if guess else {})
        finally:
            self._filling = False
        self._update_state()
        return True

    def _on_sheet_changed(self) -> None:
        if self._filling or self.path is None:
            return
        self.load_file(self.path, sheet=self.sheet_combo.currentText())

    def _on_header_changed(self, value: int) -> None:
        if self._filling or self.table is None:
            return
        columns: dict[str, int] = {}
        for c, text in enumerate(self.table.rows[value - 1] if value - 1 < len(self.table.rows) else []):
            f = header_field(text)
            if f and f not in columns:
                columns[f] = c
        self._filling = True
        try:
            self._fill_combos(columns)
            self.header_note.setText("")
        finally:
            self._filling = False
        self._update_state()

    def _fill_combos(self, columns: dict[str, int]) -> None:
        header = self._header_cells()
        width = self.table.width if self.table else 0
        for fld, combo in self.field_combos.items():
            combo.clear()
            combo.addItem(self.tr("（なし）"), None)
            for c in range(width):
                text = header[c] if c < len(header) else ""
                letter = column_letter(c)
                combo.addItem(self.tr("{0}列: {1}").format(letter, text) if text else self.tr("{0}列").format(letter), c)
            if fld in columns:
                combo.setCurrentIndex(columns[fld] + 1)

    def _header_cells(self) -> list[str]:
        if self.table is None:
            return []
        r = self.header_spin.value() - 1
        return [t.replace("\n", " ") for t in self.table.rows[r]] if 0 <= r < len(self.table.rows) else []

    def _on_mapping_changed(self) -> None:
        if not self._filling:
            self._update_state()

    # --- mapping and preview ----------------------------------------------------------

    def mapping(self) -> ColumnMapping:
        """The mapping the controls show."""
        columns = {fld: combo.currentData() for fld, combo in self.field_combos.items()
                   if combo.currentData() is not None}
        return ColumnMapping(self.header_spin.value() - 1, columns)

    def _update_state(self) -> None:
        has_table = self.table is not None
        mapping = self.mapping() if has_table else None
        needs_system = has_table and "business_system" not in mapping.columns
        self.system_label.setVisible(needs_system)
        self.system_combo.setVisible(needs_system)
        self.import_button.setEnabled(has_table and not mapping.missing_required())
        self._fill_preview(mapping)

    def _fill_preview(self, mapping: ColumnMapping | None) -> None:
        self.preview.clear()
        if mapping is None or self.table is None:
            self.preview.setRowCount(0)
            self.preview.setColumnCount(0)
            return
        fields = [f for f in FIELDS if f in mapping.columns]
        rows = self.table.rows[mapping.header_row + 1: mapping.header_row + 1 + PREVIEW_ROWS]
        self.preview.setColumnCount(len(fields))
        self.preview.setRowCount(len(rows))
        self.preview.setHorizontalHeaderLabels(
            [self.tr("{0}（{1}列）").format(core_label(FIELDS[f]), column_letter(mapping.columns[f])) for f in fields])
        self.preview.setVerticalHeaderLabels([str(mapping.header_row + 2 + i) for i in range(len(rows))])
        for r, row in enumerate(rows):
            for c, f in enumerate(fields):
                col = mapping.columns[f]
                text = row[col] if col < len(row) else ""
                item = QTableWidgetItem(text.replace("\n", " ／ "))
                item.setToolTip(text)
                if f in ("fit", "convenience"):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.preview.setItem(r, c, item)
        for c, f in enumerate(fields):
            self.preview.setColumnWidth(c, {"requirement": 320, "name": 220, "fit": 70, "convenience": 80,
                                            "code": 100}.get(f, 130))

    # --- importing --------------------------------------------------------------------

    def import_now(self) -> None:
        """Validate, confirm if existing functions change, and apply; close on success."""
        if self.table is None:
            return
        mapping = self.mapping()
        system = None
        if "business_system" not in mapping.columns:
            system = self.system_combo.currentData()
            if system is None:
                QMessageBox.warning(self, self.tr("取り込み先の業務"),
                                    self.tr("この一覧には業務の列がありません。取り込み先の業務を選んでください。"))
                return
        spec = self.spec_edit.text().strip() or None
        table = self.table

        def plan() -> FunctionImportPlan:
            parsed = parse_function_list(table, mapping)
            return self.runner.read(lambda s: plan_function_import(s, parsed, business_system=system, spec_version=spec))

        try:
            result = self.runner.call_in_worker(plan, parent=self, label=self.tr("内容を確認しています…"))
        except ImportValidationError as error:
            self.runner.show_error(error, parent=self)
            return
        except DomainError as error:
            self.runner.show_error(error, parent=self)
            return
        if result.needs_confirmation:
            answer = QMessageBox.question(
                self, self.tr("取り込みの確認"),
                self.tr("登録済みの機能一覧を次のとおり置き換えます。適用しますか。\n\n{0}").format(describe_plan(result)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        changes = self.runner.run(lambda s: apply_function_import(s, result), parent=self, background=True,
                                  label=self.tr("機能一覧を取り込んでいます…"))
        if changes is None:
            return
        self.applied = self.tr("機能一覧を取り込みました（{0} 件）。\n{1}").format(
            f"{result.total_records:,}", plan_summary(result)).replace("\n", " ")
        self.accept()

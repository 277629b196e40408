"""ImportFunctionsDialog: a preview of a function-list import that the user can steer, then import.

Flow, as LibreOffice's text-import dialog: pick a file → every sheet is read once (worker
thread, busy indicator when it takes long) → the core detects the function sheet (and a
帳票要件 sheet), the header rows, each column's meaning, the rows it leaves out, the fit words,
the cost column's unit and the blank-answer rule, and plans the import (``preview_function_import``)
→ the dialog shows all of it, with the first rows as they will be imported (取り込む行, from the
records the preview parsed); every change (a sheet clicked, the header rows, a column's
drop-down, 費用の単位, 空欄の適合度, an answer to a question) becomes an
``ImportOverrides`` and the core previews again at once → 取り込む reads the file again as it is
now, previews with the same overrides, shows any problem (one line per distinct problem) or,
when existing functions change, the difference to confirm → applies through the OpRunner.

The window fits 1280×720: the preview lives in a splitter and tabs whose parts scroll; the
file row, the status line and the buttons stay outside them, always visible.
"""
from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cloudsuppress.errors import DomainError, ImportIssue, ImportValidationError
from cloudsuppress.importers.detect import ImportOverrides, SheetDetection
from cloudsuppress.importers.tabular import Workbook, read_workbook
from cloudsuppress.ops.function_import import REMOVED_SHOWN, ImportPreview, preview_function_import
from cloudsuppress.ops.functions import FunctionImportPlan, system_tree

from ..labels import join_names
from ..labels import label as core_label
from ..op_runner import OpRunner
from ..operations import functions as function_ops
from .import_preview_panels import ColumnMeaningTable, ImportedRowsPanel, PlanPanel, QuestionsPanel, plan_details

FILE_FILTER = "機能一覧 (*.xlsx *.xlsm *.xls *.ods *.csv *.tsv *.txt);;すべてのファイル (*)"
SHEET_ROLE = Qt.ItemDataRole.UserRole
TAB_COLUMNS, TAB_ROWS, TAB_QUESTIONS, TAB_PLAN, TAB_IGNORED, TAB_FITS = range(6)


def plan_summary(plan: FunctionImportPlan) -> str:
    """One line per business system in the UI language (in Japanese the core's ``plan.describe()``)."""
    translate = QCoreApplication.translate
    unset = translate("ImportFunctionsDialog", "未設定")
    lines = [core_label(w) for w in plan.warnings]  # first: a list replaced by one that shares no ID
    for d in plan.diffs:
        ver = ""
        if d.old_spec_version != d.new_spec_version and d.existing:
            ver = translate("ImportFunctionsDialog", "（仕様書の版 {0} → {1}）").format(
                d.old_spec_version or unset, d.new_spec_version or unset)
        retired, forms = len(d.retired), d.forms
        lines.append(translate("ImportFunctionsDialog", "{0}: 追加 {1} 件、変更 {2} 件、削除 {3} 件、変更なし {4} 件{5}")
                     .format(d.business_system, len(d.added), len(d.changed), len(d.removed), d.unchanged, ver)
                     + (translate("ImportFunctionsDialog", "（うち欠番 {0} 件）").format(retired) if retired else "")
                     + (translate("ImportFunctionsDialog", "（帳票 {0} 件を含む）").format(forms) if forms else ""))
        for code, keys in d.blocked:
            lines.append(translate("ImportFunctionsDialog", "  削除できない機能 {0}: 要望 {1} が登録されています")
                         .format(code, join_names(keys)))
    return "\n".join(lines)


def removal_summary(plan: FunctionImportPlan, shown: int = REMOVED_SHOWN) -> str:
    """「住民基本台帳: 削除した機能 1 件（0010003）、欠番にした ID 1 件（0010004）」 per business system, for
    the message after an import (the core's ``plan.removal_lines(applied=True)`` in the UI language)."""
    translate = QCoreApplication.translate

    def some(codes: tuple[str, ...]) -> str:
        more = translate("ImportFunctionsDialog", " ほか {0} 件").format(f"{len(codes) - shown:,}") if len(codes) > shown else ""
        return translate("ImportFunctionsDialog", "{0} 件（{1}{2}）").format(f"{len(codes):,}", join_names(codes[:shown]), more)

    lines = []
    for d in plan.diffs:
        parts = [text.format(some(codes)) for text, codes in (
            (translate("ImportFunctionsDialog", "削除した機能 {0}"), d.removed_shown),
            (translate("ImportFunctionsDialog", "欠番にした ID {0}"), d.retired_shown)) if codes]
        if parts:
            lines.append(translate("ImportFunctionsDialog", "{0}: {1}").format(
                d.business_system, translate("ImportFunctionsDialog", "、").join(parts)))
    return "\n".join(lines)


def describe_plan(plan: FunctionImportPlan) -> str:
    """The plan's summary plus the first added / changed / removed IDs of each system."""
    return (plan_summary(plan) + "\n\n" + plan_details(plan, blocked=False)).strip()


def _word_shown(word: str) -> str:
    """A fit word as written; a single mark with its code point, because ○ (U+25CB) and 〇 (U+3007,
    typed by many people) look alike and the user should see which one the sheet holds."""
    return f"{word}（U+{ord(word):04X}）" if len(word) == 1 and not word.isascii() else word


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


class _NoteLabel(QLabel):
    """A wrapped note in the form on the left, as tall as its text at the width it has: the form kept
    the height of the label's first layout, which cut a longer note (English runs to more lines)."""

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setText(text)
        self._fit()

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt's name
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        needed = self.heightForWidth(self.width()) if self.width() > 0 and self.text() else 0
        if needed != self.minimumHeight():
            self.setMinimumHeight(max(needed, 0))


class ImportFunctionsDialog(QDialog):
    """Preview a function list's import, let the user correct every detection, import through the OpRunner."""

    def __init__(self, runner: OpRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.setWindowTitle(self.tr("機能一覧を取り込む"))
        self.path: Path | None = None
        self.book: Workbook | None = None
        self.preview: ImportPreview | None = None
        self.overrides = ImportOverrides()
        self.applied: str | None = None  # a summary once an import was applied
        self._file_stamp: tuple[int, int] | None = None  # the file's mtime and size when last read
        self._asked: dict = {}  # 業務 name of the file → UnknownSystem, once asked (kept while answered)
        self._filling = False
        self._systems = [(n.subcommittee, n.name) for n in runner.read(system_tree)]

        # --- the file (always visible) ---
        self.file_edit = QLineEdit()
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(self.tr("取り込む表計算ファイル（.xlsx / .xls / .ods / .csv）"))
        browse = QPushButton(self.tr("参照…"))
        browse.clicked.connect(self.choose_file)
        self.reload_button = QPushButton(self.tr("読み直す"))
        self.reload_button.setToolTip(self.tr("ファイルを直したあと、今のファイルの内容で読み直します（列の指定はそのまま）。"))
        self.reload_button.clicked.connect(self.reload)
        file_row = QHBoxLayout()
        file_row.addWidget(QLabel(self.tr("ファイル")))
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(browse)
        file_row.addWidget(self.reload_button)

        # --- left: sheets, header rows, target ---
        self.sheet_list = QListWidget()
        self.sheet_list.setAccessibleName(self.tr("シート"))
        self.sheet_list.setMaximumHeight(self.fontMetrics().height() * 7 + 12)
        # A click (or the arrow keys) makes another sheet current; the new preview rebuilds this list, so
        # it runs after the list's own signal has returned, never inside it.
        self.sheet_list.currentItemChanged.connect(lambda cur, _prev: cur is not None and self._on_sheet_clicked(cur))
        self.form_combo = QComboBox()
        self.form_combo.setAccessibleName(self.tr("帳票のシート"))
        self.form_combo.currentIndexChanged.connect(self._on_form_sheet)
        self.header_first = QSpinBox()
        self.header_last = QSpinBox()
        for spin in (self.header_first, self.header_last):
            spin.setRange(1, 1)
            spin.setKeyboardTracking(False)  # typing 12 plans once, for 12, not for 1 and then 12
            spin.valueChanged.connect(self._on_header_changed)
        self.header_first.setAccessibleName(self.tr("見出しの最初の行"))
        self.header_last.setAccessibleName(self.tr("見出しの最後の行"))
        header_row = QHBoxLayout()
        header_row.addWidget(self.header_first)
        header_row.addWidget(QLabel(self.tr("〜")))
        header_row.addWidget(self.header_last)
        header_row.addWidget(QLabel(self.tr("行目")))
        header_row.addStretch(1)
        self.header_note = _NoteLabel()
        self.header_note.setWordWrap(True)
        self.header_note.setStyleSheet("color: #4a5568;")
        self.system_label = QLabel(self.tr("取り込み先の業務"))
        self.system_combo = QComboBox()
        self.system_combo.setAccessibleName(self.tr("取り込み先の業務"))
        self.system_combo.addItem(self.tr("（選択してください）"), None)
        for sub, name in self._systems:
            self.system_combo.addItem(f"{sub} ＞ {name}", name)
        self.system_combo.currentIndexChanged.connect(self._on_target_system)
        self.spec_edit = QLineEdit()
        self.spec_edit.setPlaceholderText(self.tr("例: 第2.1版"))
        self.spec_edit.editingFinished.connect(self._on_spec_version)
        # How values are read: the cost column's unit (千円 from its header) and a blank answer (the
        # sheet's note 「空欄の場合は「×」とみなします」), each shown only when the sheet has such cells.
        self.cost_unit_label = QLabel(self.tr("費用の単位"))
        self.cost_unit_combo = QComboBox()
        self.cost_unit_combo.setAccessibleName(self.tr("費用の単位"))
        self.cost_unit_combo.addItem(self.tr("円"), 1)
        self.cost_unit_combo.addItem(self.tr("千円"), 1000)
        self.cost_unit_combo.currentIndexChanged.connect(self._on_cost_unit)
        self.blank_fit_label = QLabel(self.tr("空欄の適合度"))
        self.blank_fit_combo = QComboBox()
        self.blank_fit_combo.setAccessibleName(self.tr("空欄の適合度"))
        self.blank_fit_combo.addItem(self.tr("未評価"), "")
        self.blank_fit_combo.addItem(self.tr("×とみなす"), "×")
        self.blank_fit_combo.currentIndexChanged.connect(self._on_blank_fit)
        reading = QWidget()
        rg = QGridLayout(reading)
        rg.setContentsMargins(0, 0, 0, 0)
        rg.addWidget(self.cost_unit_label, 0, 0)
        rg.addWidget(self.cost_unit_combo, 0, 1)
        rg.addWidget(self.blank_fit_label, 1, 0)
        rg.addWidget(self.blank_fit_combo, 1, 1)
        rg.setColumnStretch(1, 1)
        left = QWidget()
        lf = QFormLayout(left)
        lf.setContentsMargins(0, 0, 4, 0)
        lf.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        lf.addRow(self.tr("機能のシート（クリックで切り替え）"), self.sheet_list)
        lf.addRow(self.tr("帳票のシート"), self.form_combo)
        lf.addRow(self.tr("見出し行"), header_row)
        lf.addRow(self.header_note)
        lf.addRow(reading)
        lf.addRow(self.system_label, self.system_combo)
        lf.addRow(self.tr("標準仕様書の版"), self.spec_edit)
        left.setMinimumWidth(210)

        # --- right: the columns, questions, plan, ignored rows, fit words ---
        self.columns_table = ColumnMeaningTable()
        self.columns_table.meaning_changed.connect(self._on_meaning_changed)
        self.questions = QuestionsPanel()
        self.questions.id_column_chosen.connect(self._on_id_column)
        self.questions.system_mapped.connect(self._on_system_mapped)
        self.questions.add_system_requested.connect(self._on_add_system)
        self.plan_panel = PlanPanel()
        self.rows_panel = ImportedRowsPanel()
        self.ignored_table = self._small_table((self.tr("行"), self.tr("理由"), self.tr("内容")))
        self.fit_table = self._small_table((self.tr("書かれている語"), self.tr("読み替え"), self.tr("件数")))
        self.fit_note = QLabel()
        self.fit_note.setWordWrap(True)
        fits = QWidget()
        fl = QVBoxLayout(fits)
        fl.setContentsMargins(0, 0, 0, 0)
        fl.addWidget(self.fit_note)
        fl.addWidget(self.fit_table, 1)
        self.tabs = QTabWidget()
        self.shown_sheet_combo = QComboBox()  # the function sheet's columns, or the form sheet's (as detected)
        self.shown_sheet_combo.setAccessibleName(self.tr("表示するシート"))
        # Filled only after a file is read: the default (adjust on first show) kept the empty
        # combo's width and cut 「機能「機能要件」」 to 「機能「機」 (review R5).
        self.shown_sheet_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.shown_sheet_combo.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.shown_sheet_combo.currentIndexChanged.connect(lambda: self._filling or self._show_columns())
        self.shown_sheet_note = QLabel()
        self.shown_sheet_note.setWordWrap(True)
        self.shown_sheet_note.setStyleSheet("color: #4a5568;")
        columns_page = QWidget()
        cp = QVBoxLayout(columns_page)
        cp.setContentsMargins(0, 4, 0, 0)
        shown_row = QHBoxLayout()
        shown_row.addWidget(QLabel(self.tr("表示するシート")))
        shown_row.addWidget(self.shown_sheet_combo)
        shown_row.addWidget(self.shown_sheet_note, 1)
        cp.addLayout(shown_row)
        cp.addWidget(self.columns_table, 1)
        self.tabs.addTab(columns_page, self.tr("列の意味と先頭の行"))
        self.tabs.addTab(self.rows_panel, self.tr("取り込む行"))
        self.tabs.addTab(self.questions, self.tr("確認事項"))
        self.tabs.addTab(self.plan_panel, self.tr("取り込み内容"))
        self.tabs.addTab(self.ignored_table, self.tr("除外する行"))
        self.tabs.addTab(fits, self.tr("適合度の読み替え"))

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([250, 900])
        splitter.setChildrenCollapsible(False)

        # --- the status line and buttons (always visible) ---
        self.status = QLabel()
        self.status.setObjectName("importStatus")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(self.tr("取り込む"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("キャンセル"))
        self.buttons.accepted.connect(self.import_now)
        self.buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self._fit_to_screen()
        self._show_preview()

    def _small_table(self, headers: tuple[str, ...]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(list(headers))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
        for c in range(len(headers) - 1):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        return table

    def _fit_to_screen(self) -> None:
        """1180×740 where there is room; never larger than the screen's usable area (1280×720 laptops)."""
        screen = (self.parentWidget().screen() if self.parentWidget() else QGuiApplication.primaryScreen())
        area = screen.availableGeometry() if screen is not None else None
        width, height = 1180, 740
        if area is not None and area.width() > 200:
            width, height = min(width, area.width() - 24), min(height, area.height() - 48)
        self.resize(width, height)
        self.setMinimumSize(760, 480)

    # --- reading the file -------------------------------------------------------------

    def choose_file(self) -> bool:
        """Ask for a file and load it; False if the user cancelled or it could not be read."""
        from ..file_dialogs import KIND_FUNCTION_LISTS, open_file_name

        path = open_file_name(self, self.tr("機能一覧を選ぶ"), kind=KIND_FUNCTION_LISTS, file_filter=self.tr(FILE_FILTER),
                              folder=self.path.parent if self.path else "")
        if path is None:
            return False
        return self.load_file(path)

    def _read(self, path: Path) -> Workbook:
        return self.runner.call_in_worker(lambda: read_workbook(path), parent=self,
                                          label=self.tr("ファイルを読み込んでいます…（{0}）").format(path.name),
                                          cancellable=True)  # a read: 中止 leaves everything as it was

    def load_file(self, path: Path) -> bool:
        """Read every sheet of a file (on a worker thread) and show the detection with fresh overrides."""
        try:
            book = self._read(path)
        except DomainError as error:
            self.runner.show_error(error, parent=self)
            return False
        self.path, self.book, self._file_stamp = path, book, _stamp(path)
        self.file_edit.setText(str(path))
        self.overrides = ImportOverrides(spec_version=self.overrides.spec_version,
                                         business_system=self.overrides.business_system)
        self._asked = {}
        self.columns_table.show_sheet(None, None)
        self.replan()
        if self.questions.count:
            self.tabs.setCurrentIndex(TAB_QUESTIONS)
        return True

    def reload(self) -> bool:
        """Read the file again as it is now, keeping what the user set."""
        if self.path is None:
            return False
        try:
            self.book = self._read(self.path)
        except DomainError as error:
            self.runner.show_error(error, parent=self)
            return False
        self._file_stamp = _stamp(self.path)
        self.replan()
        return True

    # --- previewing -------------------------------------------------------------------

    def replan(self) -> ImportPreview | None:
        """Ask the core for a preview with the current overrides and show it."""
        if self.book is None:
            return None
        book, overrides = self.book, self.overrides
        try:
            self.preview = self.runner.call_in_worker(
                lambda: self.runner.read(lambda s: preview_function_import(s, book, overrides)),
                parent=self, label=self.tr("内容を確認しています…"))
        except DomainError as error:
            self.runner.show_error(error, parent=self)
            return None
        self._show_preview()
        return self.preview

    def _set(self, **changes) -> None:
        self.overrides = replace(self.overrides, **changes)
        self.replan()

    def _detected_sheet(self) -> SheetDetection | None:
        return self.preview.detection.functions if self.preview else None

    def _show_preview(self) -> None:
        p = self.preview
        det = self._detected_sheet()
        self._filling = True
        try:
            self._fill_sheets()
            rows = len(self.book.table(det.sheet).rows) if (det is not None and self.book is not None) else 1
            for spin in (self.header_first, self.header_last):
                spin.setRange(1, max(1, min(rows, 200)))
            if det is not None:
                self.header_first.setValue(det.header_rows[0])
                self.header_last.setValue(det.header_rows[1])
            self.header_first.setEnabled(det is not None or self.book is not None)
            self.header_last.setEnabled(det is not None or self.book is not None)
            needs_system = det is not None and "business_system" not in det.mapping
            self.system_label.setVisible(needs_system)
            self.system_combo.setVisible(needs_system)
            unanswered = needs_system and self.overrides.business_system is None
            self.system_combo.setStyleSheet("QComboBox { background: #fff1d6; }" if unanswered else "")
            self._show_reading(det)
        finally:
            self._filling = False
        self._fill_shown_sheets()
        self._show_columns()
        self.header_note.setText(self._header_note(det))
        for u in (p.unknown_systems if p else ()):
            self._asked[u.name] = u
        mapped = dict(self.overrides.system_map)
        asked = [u for name, u in self._asked.items()
                 if name in mapped or any(x.name == name for x in (p.unknown_systems if p else ()))]
        self.questions.show_questions(det.ambiguities if det else (), asked, self._systems, mapped,
                                      det.columns if det else ())
        self.plan_panel.show_plan(p.plan if p else None, p.issues if p else ())
        self.rows_panel.show_records(p.parsed.records if (p is not None and p.parsed is not None) else None,
                                     system_of=self._system_of)
        self._fill_ignored(p)
        self._fill_fits(det)
        n = self.questions.count
        self.tabs.setTabText(TAB_QUESTIONS, self.tr("確認事項（{0}）").format(n) if n else self.tr("確認事項"))
        self.tabs.tabBar().setTabTextColor(TAB_QUESTIONS, Qt.GlobalColor.darkRed if n else self.palette().text().color())
        ignored = sum(len(d.ignored) for d in self._sheets())
        self.tabs.setTabText(TAB_IGNORED, self.tr("除外する行（{0}）").format(ignored))
        self._show_status()

    def _fill_shown_sheets(self) -> None:
        d = self.preview.detection if self.preview else None
        current = self.shown_sheet_combo.currentData()
        self._filling = True
        try:
            self.shown_sheet_combo.clear()
            if d is not None and d.functions is not None:
                self.shown_sheet_combo.addItem(self.tr("機能「{0}」").format(d.functions.sheet or self.tr("CSV")), "function")
            if d is not None and d.forms is not None:
                self.shown_sheet_combo.addItem(self.tr("帳票「{0}」").format(d.forms.sheet or self.tr("CSV")), "form")
            self.shown_sheet_combo.setCurrentIndex(max(0, self.shown_sheet_combo.findData(current)))
            self.shown_sheet_combo.setEnabled(self.shown_sheet_combo.count() > 1)
        finally:
            self._filling = False

    def _show_columns(self) -> None:
        """The columns, header and first rows of the sheet chosen above the table (the function sheet's
        can be changed; the form sheet's are shown as detected: ImportOverrides.columns is the
        function sheet's)."""
        p = self.preview
        d = p.detection if p else None
        form = self.shown_sheet_combo.currentData() == "form" or (d is not None and d.functions is None)
        det = (d.forms if form else d.functions) if d is not None else None
        ambiguous = {c for a in (det.ambiguities if det else ()) for c in a.columns}
        table = self.book.table(det.sheet) if (det is not None and self.book is not None) else None
        parsed = p.parsed if p else None
        retired = {rec.row for rec in (parsed.records if parsed else ())
                   if rec.retired and rec.kind == (det.kind if det else "function")}
        self.columns_table.show_sheet(table, det, ambiguous=ambiguous, retired_rows=retired)
        editable = det is not None and not form
        for combo in self.columns_table.combos:
            combo.setEnabled(editable)
        self.shown_sheet_note.setText(
            self.tr("帳票のシートは、自動判定した列の意味のまま取り込みます（ここでは変えられません）。")
            if det is not None and form else "")

    def _show_reading(self, det: SheetDetection | None) -> None:
        """The cost unit and blank-answer drop-downs: shown when the sheet has a cost column / blank fit
        cells (or a note about them), set to what is used; the detected choice is named in the tooltip."""
        has_cost = det is not None and "vendor_cost" in det.mapping
        has_blanks = det is not None and "fit" in det.mapping and bool(det.blank_fit_cells or det.detected_blank_fit)
        for widget in (self.cost_unit_label, self.cost_unit_combo):
            widget.setVisible(has_cost)
        for widget in (self.blank_fit_label, self.blank_fit_combo):
            widget.setVisible(has_blanks)
        if det is None:
            return
        self.cost_unit_combo.setCurrentIndex(max(0, self.cost_unit_combo.findData(det.cost_unit)))
        self.cost_unit_combo.setToolTip(
            self.tr("見出しに「千円」とあるため、千円単位として円に換算します。") if det.detected_cost_unit == 1000
            else self.tr("見出しに単位がないため、円単位として読みます。"))
        self.blank_fit_combo.setCurrentIndex(max(0, self.blank_fit_combo.findData(det.blank_fit or "")))
        self.blank_fit_combo.setToolTip(
            self.tr("{0}行目の注記により「{1}」とみなします。").format(det.blank_fit_row, det.detected_blank_fit)
            if det.detected_blank_fit else self.tr("シートに空欄の扱いの注記がないため、未評価として取り込みます。"))

    def _system_of(self, name: str | None) -> str:
        """The 業務 a record goes to, as the preview shows it: the target chosen on the left for a list
        without a 業務 column, a file's spelling with the registered name it was matched to."""
        if name is None:
            return self.overrides.business_system or ""
        target = self.overrides.system_map.get(name)
        return self.tr("{0} → {1}").format(name, target) if target and target != name else name

    def _sheets(self) -> list[SheetDetection]:
        d = self.preview.detection if self.preview else None
        return [s for s in ((d.functions, d.forms) if d else ()) if s is not None]

    def _header_note(self, det: SheetDetection | None) -> str:
        if self.book is None:
            return ""
        if det is None:
            return self.tr("見出し行が見つかりません。シートを選ぶか、見出しの行番号を指定してください。")
        notes = []
        if det.data_rows:
            notes.append(self.tr("データ: {0}〜{1}行目").format(*det.data_rows))
        if det.names_from_requirement:
            notes.append(self.tr("機能名の列がないため、機能要件の最初の一文から機能名を作ります。"))
        source = det.cost_unit_source  # the same rule as the CLI's detection (importers/detect.py)
        if source == "choice":
            notes.append(self.tr("費用は千円単位として円に換算します（指定による）。") if det.cost_unit != 1
                         else self.tr("費用は円単位として読みます（指定による。見出しは千円）。"))
        elif source == "header":
            notes.append(self.tr("費用は千円単位として円に換算します（見出しによる）。"))
        notes += [core_label(n) for n in getattr(det, "notes", ())]
        return "\n".join(notes)

    def _fill_sheets(self) -> None:
        self.sheet_list.clear()
        self.form_combo.clear()
        if self.book is None:
            return
        d = self.preview.detection if self.preview else None
        chosen = d.functions.sheet if d and d.functions else None
        form = d.forms.sheet if d and d.forms else None
        kinds = {s.name: s.kind for s in d.sheets} if d else {}
        hidden = {s.name for s in d.sheets if s.hidden} if d else set()
        self.form_combo.addItem(self.tr("取り込まない"), "")
        for name in self.book.sheet_names or [""]:
            tag = {"function": self.tr("機能"), "form": self.tr("帳票")}.get(kinds.get(name) or "", self.tr("表なし"))
            encoding = {"utf-8-sig": "UTF-8", "cp932": "Shift_JIS", "utf-16": "UTF-16"}.get(self.book.table(name).encoding or "", "UTF-8")
            shown = name or self.tr("（CSV ファイル・{0}）").format(encoding)
            if name in hidden:
                shown = self.tr("{0}（非表示）").format(shown)
            item = QListWidgetItem(self.tr("{0}　［{1}］").format(shown, tag))
            item.setData(SHEET_ROLE, name)
            if name == form:
                item.setToolTip(self.tr("帳票として取り込むシート"))
            self.sheet_list.addItem(item)
            if name == chosen:
                self.sheet_list.setCurrentItem(item)
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            if name:
                self.form_combo.addItem(name, name)
        self.sheet_list.setEnabled(len(self.book.sheet_names) > 1)
        self.form_combo.setCurrentIndex(max(0, self.form_combo.findData(form or "")))
        self.form_combo.setEnabled(len(self.book.sheet_names) > 1)

    def _fill_ignored(self, p: ImportPreview | None) -> None:
        rows = [(d.sheet, i) for d in self._sheets() for i in d.ignored]
        self.ignored_table.setRowCount(len(rows))
        several = len({s for s, _ in rows}) > 1
        for r, (sheet, i) in enumerate(rows):
            where = self.tr("{0} {1}行目").format(sheet, i.row) if several else self.tr("{0}行目").format(i.row)
            for c, text in enumerate((where, core_label(i.reason), i.text.replace("\n", " "))):
                item = QTableWidgetItem(text)
                item.setToolTip(i.text)
                self.ignored_table.setItem(r, c, item)

    def _fill_fits(self, det: SheetDetection | None) -> None:
        words = list(det.fit_words) if det else []
        unknown = list(det.unknown_fit_words) if det else []
        self.fit_table.setRowCount(len(words) + len(unknown))
        for r, w in enumerate(words):
            meaning = (self.tr("未評価（対象外）") if w.mark is None
                       else self.tr("{0}（代替）").format(w.mark) if w.alternative else w.mark)
            for c, text in enumerate((_word_shown(w.word), meaning, f"{w.count:,}")):
                self.fit_table.setItem(r, c, QTableWidgetItem(text))
        for r, word in enumerate(unknown, start=len(words)):
            for c, text in enumerate((_word_shown(word), self.tr("読み取れません"), "")):
                item = QTableWidgetItem(text)
                item.setForeground(Qt.GlobalColor.darkRed)
                self.fit_table.setItem(r, c, item)
        blanks = det.blank_fit_cells if det is not None else 0
        if blanks:  # the blank cells as one more word, read as the rule in use says
            r = self.fit_table.rowCount()
            self.fit_table.setRowCount(r + 1)
            for c, text in enumerate((self.tr("（空欄）"), det.blank_fit or self.tr("未評価"), f"{blanks:,}")):
                self.fit_table.setItem(r, c, QTableWidgetItem(text))
        notes = []
        if det is not None and det.blank_fit and det.blank_fit == det.detected_blank_fit:
            notes.append(self.tr("空欄の適合度は「{0}」とみなします（{1}行目の注記による）。").format(det.blank_fit, det.blank_fit_row))
        elif det is not None and det.blank_fit:
            notes.append(self.tr("空欄の適合度は「{0}」とみなします（指定による）。").format(det.blank_fit))
        elif det is not None and det.detected_blank_fit:
            notes.append(self.tr("空欄の適合度は未評価として取り込みます（指定による。{0}行目の注記は「{1}」）。").format(
                det.blank_fit_row, det.detected_blank_fit))
        elif det is not None and "fit" in det.mapping:
            notes.append(self.tr("空欄の適合度は未評価として取り込みます。"))
        if det is not None and det.blank_fit_cells:
            notes.append(self.tr("空欄の適合度: {0} 件（左の「空欄の適合度」で扱いを変えられます）。").format(
                f"{det.blank_fit_cells:,}"))
        if det is not None and "fit" not in det.mapping:
            notes.append(self.tr("適合度の列はありません。"))
        self.fit_note.setText("\n".join(notes))

    def _show_status(self) -> None:
        p = self.preview
        ready = p is not None and p.plan is not None and not p.issues
        det = self._detected_sheet()
        has_ids = det is not None and "code" in det.mapping
        blocked = ready and bool(p.plan.blocked)
        self.import_button.setEnabled(self.book is not None and not blocked
                                      and (has_ids or (det is None and bool(p and p.detection.forms))))
        if self.book is None:
            self.status.setText(self.tr("ファイルを選んでください。"))
            self.status.setStyleSheet("color: #4a5568;")
            return
        if blocked:
            self.status.setText(self.tr("要望が登録されている機能 {0} 件を削除することになるため、取り込めません"
                                        "（「取り込み内容」の「削除できない機能」）。").format(len(p.plan.blocked)))
            self.status.setStyleSheet("color: #b3261e; font-weight: bold;")
        elif ready:
            counts = p.plan.counts()
            total = [sum(getattr(c, f) for c in counts) for f in ("added", "changed", "removed", "retired")]
            self.status.setText(self.tr("取り込むと: 追加 {0} 件、変更 {1} 件、削除 {2} 件、欠番 {3} 件（業務 {4} 件）").format(
                *(f"{n:,}" for n in total), len(counts)))
            self.status.setStyleSheet("color: #1f3a5f; font-weight: bold;")
            if any(d.low_match for d in p.plan.diffs):  # a registered list replaced by one that shares (almost) no ID
                self.status.setText(self.tr("注意: ファイルの機能IDは登録済みの一覧とほとんど一致しません（「取り込み内容」）。")
                                    + self.status.text())
                self.status.setStyleSheet("color: #b3261e; font-weight: bold;")
            elif p.plan.warnings:  # open requests on IDs this edition retires (review R26)
                n = sum(len(d.retiring_requested) for d in p.plan.diffs)
                self.status.setText(self.tr("注意: 欠番になる機能 {0} 件に未決定の要望があります（「取り込み内容」）。").format(n)
                                    + self.status.text())
                self.status.setStyleSheet("color: #b3261e; font-weight: bold;")
        elif self.system_combo.isVisibleTo(self) and self.overrides.business_system is None:
            self.status.setText(self.tr("この一覧には業務の列がありません。左の「取り込み先の業務」を選んでください。"))
            self.status.setStyleSheet("color: #b3261e; font-weight: bold;")
        else:
            n = self.questions.count
            kinds = len({(i.sheet, i.column, i.message) for i in (p.issues if p else ())})
            text = (self.tr("確認事項が {0} 件あります。「確認事項」で答えてください。").format(n) if n
                    else self.tr("このままでは取り込めません（問題 {0} 種類）。「取り込み内容」を見てください。").format(kinds))
            self.status.setText(text)
            self.status.setStyleSheet("color: #b3261e; font-weight: bold;")

    # --- what the user changes --------------------------------------------------------

    def _on_sheet_clicked(self, item: QListWidgetItem) -> None:
        name = item.data(SHEET_ROLE)
        if self._filling or self.book is None or name is None:
            return
        det = self._detected_sheet()
        if det is not None and det.sheet == name:
            return
        form = self.overrides.form_sheet
        QTimer.singleShot(0, lambda: self._set(sheet=name, header_rows=None, columns={},
                                               form_sheet=None if form == name else form))

    def _on_form_sheet(self) -> None:
        if not self._filling and self.book is not None:
            self._set(form_sheet=self.form_combo.currentData())

    def _on_header_changed(self) -> None:
        if self._filling or self.book is None:
            return
        first, last = self.header_first.value(), self.header_last.value()
        if last < first:
            last = first
        det = self._detected_sheet()
        sheet = det.sheet if det is not None else self.overrides.sheet
        if sheet is None and self.book.sheet_names:
            sheet = self.book.sheet_names[0]
        self._set(sheet=sheet if sheet is not None else "", header_rows=(first, last), columns={})

    def _on_meaning_changed(self, col: int, field: str | None) -> None:
        """A column's drop-down: the field moves to this column (another column holding it lets go)."""
        det = self._detected_sheet()
        if det is None:
            return
        columns = dict(self.overrides.columns)
        if field is not None and field not in ("member_judgement", "member_note"):
            for c in det.columns:
                if c.field == field and c.index != col:
                    columns[c.index] = None
        columns[col] = field
        self._set(sheet=det.sheet if det.sheet is not None else "", header_rows=det.header_rows, columns=columns)

    def _on_id_column(self, field: str, col: int) -> None:
        det = self._detected_sheet()
        if det is None:
            return
        columns = dict(self.overrides.columns)
        for a in det.ambiguities:
            if a.field == field:
                for other in a.columns:
                    if other != col:
                        columns[other] = None
        columns[col] = field
        self._set(sheet=det.sheet if det.sheet is not None else "", header_rows=det.header_rows, columns=columns)

    def _on_system_mapped(self, name: str, target: str | None) -> None:
        mapping = dict(self.overrides.system_map)
        if target is None:
            mapping.pop(name, None)
        else:
            mapping[name] = target
        self._set(system_map=mapping)

    def _on_add_system(self, name: str) -> None:
        """新しい業務として追加…: the 業務 dialog with the file's spelling filled in; then preview again."""
        from .business_system_dialog import BusinessSystemDialog

        dialog = BusinessSystemDialog(self.runner, existing_systems=[n for _, n in self._systems], name=name,
                                      parent=self)
        dialog.exec()
        added = dialog.added
        dialog.deleteLater()
        if added:
            self._refresh_systems()
            if added != name:
                self.overrides = replace(self.overrides, system_map={**self.overrides.system_map, name: added})
            self.replan()

    def _refresh_systems(self) -> None:
        self._systems = [(n.subcommittee, n.name) for n in self.runner.read(system_tree)]
        current = self.system_combo.currentData()
        self._filling = True
        try:
            self.system_combo.clear()
            self.system_combo.addItem(self.tr("（選択してください）"), None)
            for sub, n in self._systems:
                self.system_combo.addItem(f"{sub} ＞ {n}", n)
            self.system_combo.setCurrentIndex(max(0, self.system_combo.findData(current)))
        finally:
            self._filling = False

    def _on_target_system(self) -> None:
        if not self._filling:
            self._set(business_system=self.system_combo.currentData())

    def _on_cost_unit(self) -> None:
        if not self._filling and self.book is not None:
            self._set(cost_unit=self.cost_unit_combo.currentData())

    def _on_blank_fit(self) -> None:
        if not self._filling and self.book is not None:
            self._set(blank_fit=self.blank_fit_combo.currentData())

    def _on_spec_version(self) -> None:
        spec = self.spec_edit.text().strip() or None
        if spec != self.overrides.spec_version:
            self.overrides = replace(self.overrides, spec_version=spec)
            if self.book is not None:
                self.replan()

    # --- importing --------------------------------------------------------------------

    def import_now(self) -> None:
        """Read the file again as it is now, preview with the same choices; refuse, confirm or apply."""
        if self.path is None:
            return
        self._on_spec_version()
        if self.overrides.business_system is None and self.system_combo.isVisibleTo(self):
            QMessageBox.warning(self, self.tr("取り込み先の業務"),
                                self.tr("この一覧には業務の列がありません。取り込み先の業務を選んでください。"))
            return
        shown = self.preview
        changed_on_disk = _stamp(self.path) != self._file_stamp
        if not self.reload():
            return
        result = self.preview
        if result is None:
            return
        if result.issues or result.plan is None:
            issues = list(result.issues) or [ImportIssue(self.path.name, None, None, self.tr("取り込める行がありません。"))]
            self.tabs.setCurrentIndex(TAB_QUESTIONS if self.questions.count else TAB_PLAN)
            self.runner.show_error(ImportValidationError(issues), parent=self)
            return
        plan = result.plan
        if changed_on_disk and shown is not None and (shown.plan is None or shown.plan.counts() != plan.counts()):
            # The file changed since it was shown: say what it holds now before writing anything.
            self.tabs.setCurrentIndex(TAB_PLAN)
            question = self.tr("ファイルが変更されていたため、読み直しました。次のとおり取り込みます。よろしいですか。\n\n{0}")
        elif plan.needs_confirmation:
            question = self.tr("登録済みの機能一覧を次のとおり置き換えます。適用しますか。\n\n{0}")
        else:
            question = None
        if question is not None:
            answer = QMessageBox.question(
                self, self.tr("取り込みの確認"), question.format(describe_plan(plan)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        changes = function_ops.import_functions(self, self.runner, plan=plan, label=self.tr("機能一覧を取り込んでいます…"))
        if changes is None:
            return
        removed = removal_summary(plan)  # what vanished is said, with its first IDs (not only counted)
        words = {"機能": self.tr("機能 {0} 件"), "帳票": self.tr("帳票 {0} 件"), "欠番": self.tr("欠番 {0} 件")}
        counts = self.tr("、").join(words[w].format(f"{n:,}") for w, n in plan.imported_parts())  # forms, 欠番 apart
        self.applied = self.tr("機能一覧を取り込みました（{0}）。\n{1}").format(
            counts, plan_summary(plan) + ("\n" + removed if removed else "")).replace("\n", " ")
        self.accept()

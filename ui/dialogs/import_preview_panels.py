"""The panels of the function-list import preview: columns with their meaning, questions, plan.

Adapters over the core's ``Detection`` / ``ImportPreview`` (plain frozen data): each panel shows
one part and emits what the user decided; the dialog turns that into ``ImportOverrides`` and
asks the core for a new preview. No panel reads the database or the file.

- ``ColumnMeaningTable``: as LibreOffice's text-import dialog, one drop-down above each column
  of the sheet (its detected meaning), the header as written, then the first data rows as they
  will be imported (footnotes, legends and totals left out).
- ``QuestionsPanel``: what the import cannot decide alone: two columns that could be the ID,
  and each 業務 name of the file that matches no registered 業務 (asked once per name).
- ``ImportedRowsPanel``: the first rows as they will be imported, from the records the preview
  parsed (a name made from the requirement, 〇 read as ○, 適合 as ○, 代替 as ○（代替）, a cost in
  千円 turned into 円, forms apart, 欠番 struck through), so that a choice's effect is seen.
- ``PlanPanel``: per business system what importing would do, or every problem found, one
  line per distinct problem.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cloudsuppress.errors import summarize_issues
from cloudsuppress.importers.detect import ColumnGuess, SheetDetection
from cloudsuppress.importers.function_list import FIELD_CHOICES, FIELDS
from cloudsuppress.importers.tabular import Table

from ..labels import join_names, requirement_label, yen
from ..labels import label as core_label

PREVIEW_ROWS = 30
SAMPLE_IDS = 8
MEMBER_FIELDS = ("member_judgement", "member_note")
AMBIGUOUS_BG = QColor("#fff1d6")
IGNORED_FG = QColor("#8a8f98")
HEADER_BG = QColor("#eef2f7")


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportPreview", text)


def field_label(field: str | None, member: str | None = None) -> str:
    """「機能ID」, 「那珂市の判定」, 「（取り込まない）」 in the UI language."""
    if field is None:
        return _tr("（取り込まない）")
    if member and field in MEMBER_FIELDS:
        word = _tr("判定") if field == "member_judgement" else _tr("現行運用・要望")
        return _tr("{0}の{1}").format(member, word)
    return core_label(FIELDS.get(field, field))


def column_title(c: ColumnGuess) -> str:
    """「B列「機能番号」」 or 「B列」."""
    header = c.header.replace("\n", " ")
    return _tr("{0}列「{1}」").format(c.letter, header) if header else _tr("{0}列").format(c.letter)


class _MeaningCombo(QComboBox):
    """A column's meaning drop-down that the mouse wheel does not change while scrolling the table past it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt API
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()  # the table scrolls instead; a re-plan of 30,000 rows is not a wheel's side effect


class ColumnMeaningTable(QTableWidget):
    """The sheet's columns with a meaning drop-down above each; emits ``meaning_changed(col, field)``.

    Row 0 holds the drop-downs, row 1 the header as written, the rest the first data rows. The
    drop-downs are rebuilt only when the sheet's columns change; a new preview of the same
    columns only moves their current entries (a drop-down is never destroyed in its own signal).
    """

    meaning_changed = Signal(int, object)  # column index, field key or None

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.setAccessibleName(self.tr("列の意味と先頭の行"))
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.combos: list[QComboBox] = []
        self._members: dict[int, str] = {}  # column → member name, kept across previews of the sheet
        self._shape: tuple | None = None
        self._filling = False

    def show_sheet(self, table: Table | None, det: SheetDetection | None, *, ambiguous: set[int] = frozenset(),
                   retired_rows: set[int] = frozenset()) -> None:
        """Show a sheet's detection: drop-downs, header, first data rows (retired IDs struck through)."""
        if table is None or det is None:
            self._shape = None
            self.combos = []
            self.clear()
            self.setRowCount(0)
            self.setColumnCount(0)
            return
        for c in det.columns:
            if c.member:
                self._members[c.index] = c.member
        shape = (table.file, table.sheet, det.header_rows, tuple(c.index for c in det.columns))
        data = self._data_rows(table, det)
        if shape != self._shape:
            self._shape = shape
            self._build(det, data)
        self._filling = True
        try:
            for c, combo in zip(det.columns, self.combos, strict=True):  # one drop-down a column (_build)
                self._select(combo, c)
                combo.setToolTip(self._tooltip(c))
        finally:
            self._filling = False
        self._paint(table, det, data, ambiguous, retired_rows)

    @staticmethod
    def _data_rows(table: Table, det: SheetDetection) -> list[int]:
        """0-based indexes of the first data rows that will be imported."""
        if det.data_rows is None:
            return []
        skip = {i.row - 1 for i in det.ignored}
        first, last = det.data_rows[0] - 1, det.data_rows[1] - 1
        out = []
        for r in range(first, min(last, len(table.rows) - 1) + 1):
            if r not in skip and any(table.rows[r]):
                out.append(r)
                if len(out) == PREVIEW_ROWS:
                    break
        return out

    def _build(self, det: SheetDetection, data: list[int]) -> None:
        self.clear()
        self.combos = []
        self.setColumnCount(len(det.columns))
        self.setRowCount(2 + len(data))
        self.setHorizontalHeaderLabels([c.letter for c in det.columns])
        self.setVerticalHeaderLabels([self.tr("列の意味"), self.tr("見出し")] + [str(r + 1) for r in data])
        for n, c in enumerate(det.columns):
            combo = _MeaningCombo()
            combo.setAccessibleName(self.tr("{0}列の意味").format(c.letter))
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)
            combo.addItem(field_label(None), None)
            member = self._members.get(c.index)
            if member:
                for f in MEMBER_FIELDS:
                    combo.addItem(field_label(f, member), f)
            for f in FIELD_CHOICES:
                combo.addItem(field_label(f), f)
            combo.currentIndexChanged.connect(lambda _i, col=c.index, box=combo: self._on_combo(col, box))
            self.combos.append(combo)
            self.setCellWidget(0, n, combo)
        widths = {"requirement": 300, "name": 220, "vendor_alternative": 200, "member_note": 200,
                  "revision_note": 160, "rationale": 200}
        for n, c in enumerate(det.columns):
            self.setColumnWidth(n, widths.get(c.field or "", 132 if c.field else 110))
        self.setRowHeight(0, max(self.rowHeight(0), self.combos[0].sizeHint().height() + 4) if self.combos else 28)

    def _select(self, combo: QComboBox, c: ColumnGuess) -> None:
        index = combo.findData(c.field)
        combo.setCurrentIndex(max(index, 0))

    def _tooltip(self, c: ColumnGuess) -> str:
        lines = [column_title(c), self.tr("意味: {0}").format(field_label(c.field, c.member))]
        if c.alternatives:
            lines.append(self.tr("他の候補: {0}").format(join_names(field_label(a) for a in c.alternatives)))
        return "\n".join(lines)

    def _paint(self, table: Table, det: SheetDetection, data: list[int], ambiguous: set[int],
               retired_rows: set[int]) -> None:
        for n, c in enumerate(det.columns):
            head = QTableWidgetItem(c.header.replace("\n", " "))
            head.setToolTip(c.header)
            head.setBackground(QBrush(AMBIGUOUS_BG if c.index in ambiguous else HEADER_BG))
            font = head.font()
            font.setBold(True)
            head.setFont(font)
            self.setItem(1, n, head)
            for r, row_index in enumerate(data):
                row = table.rows[row_index]
                text = row[c.index] if c.index < len(row) else ""
                item = QTableWidgetItem(text.replace("\n", " ／ "))
                if "\n" in text or len(text) > 30:
                    item.setToolTip(text)
                if row_index + 1 in retired_rows:
                    font = item.font()
                    font.setStrikeOut(True)
                    item.setFont(font)
                    item.setToolTip(self.tr("欠番（削除された機能ID）: 残しますが、件数やギャップ率には数えません。"))
                if c.field is None:
                    item.setForeground(QBrush(IGNORED_FG))
                elif c.index in ambiguous:
                    item.setBackground(QBrush(AMBIGUOUS_BG))
                self.setItem(2 + r, n, item)

    def _on_combo(self, col: int, combo: QComboBox) -> None:
        if not self._filling:
            self.meaning_changed.emit(col, combo.currentData())

    def combo_for(self, col: int) -> QComboBox | None:
        """The drop-down above a column (0-based index of the sheet)."""
        for c, combo in zip(self._shape[3] if self._shape else (), self.combos, strict=True):
            if c == col:
                return combo
        return None


class QuestionsPanel(QScrollArea):
    """What the user must decide: which column is the ID, what each unknown 業務 name means.

    Emits ``id_column_chosen(field, column)``, ``system_mapped(name, registered name or None)``
    and ``add_system_requested(name)``. ``count`` is how many questions are still open; a 業務
    name already answered stays listed with its answer, so that the user can change it.
    """

    id_column_chosen = Signal(str, int)
    system_mapped = Signal(str, object)
    add_system_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.count = 0
        self.ambiguity_combos: dict[str, QComboBox] = {}
        self.system_combos: dict[str, QComboBox] = {}
        self.add_buttons: dict[str, QPushButton] = {}
        self._body: QWidget | None = None
        self._key: tuple | None = None
        self.show_questions((), (), [], {})

    def show_questions(self, ambiguities: Sequence, unknown: Sequence, systems: list[tuple[str, str]],
                       mapped: dict[str, str], columns: Sequence[ColumnGuess] = ()) -> None:
        """Rebuild the questions (only when they changed: a combo in use survives a new preview).
        ``systems``: (専門部会, 業務) registered; ``mapped``: answers given so far."""
        key = (tuple(ambiguities), tuple(unknown), tuple(systems), tuple(sorted(mapped.items())),
               tuple((c.index, c.header) for c in columns))
        if key == self._key:
            return
        self._key = key
        body = QWidget()
        grid = QGridLayout(body)
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(10)
        self.ambiguity_combos, self.system_combos, self.add_buttons = {}, {}, {}
        by_index = {c.index: c for c in columns}
        row = 0
        for a in ambiguities:
            text = QLabel(core_label(a.message))
            text.setWordWrap(True)
            combo = QComboBox()
            combo.setAccessibleName(self.tr("{0}にする列").format(field_label(a.field)))
            combo.addItem(self.tr("（列を選んでください）"), None)
            for col in a.columns:
                c = by_index.get(col)
                combo.addItem(column_title(c) if c else self.tr("{0}列").format(col + 1), col)
            combo.currentIndexChanged.connect(
                lambda _i, f=a.field, box=combo: box.currentData() is not None and self.id_column_chosen.emit(f, box.currentData()))
            self.ambiguity_combos[a.field] = combo
            grid.addWidget(text, row, 0, 1, 3)
            grid.addWidget(QLabel(self.tr("{0}にする列").format(field_label(a.field))), row + 1, 0)
            grid.addWidget(combo, row + 1, 1)
            row += 2
        for u in unknown:
            answered = u.name in mapped
            head = QLabel((self.tr("業務「{0}」（{1} 行、最初は {2} 行目）: 対応付けました。") if answered
                           else self.tr("業務「{0}」は登録されていません（{1} 行、最初は {2} 行目）。")).format(
                u.name, f"{u.rows:,}", u.first_row))
            head.setWordWrap(True)
            combo = QComboBox()
            combo.setAccessibleName(self.tr("業務「{0}」の対応付け").format(u.name))
            combo.addItem(self.tr("（登録済みの業務を選んでください）"), None)
            if u.suggestion:
                combo.addItem(self.tr("{0}（候補）").format(u.suggestion), u.suggestion)
            for sub, name in systems:
                if name != u.suggestion:
                    combo.addItem(f"{sub} ＞ {name}", name)
            if u.name in mapped:
                combo.setCurrentIndex(max(0, combo.findData(mapped[u.name])))
            combo.currentIndexChanged.connect(lambda _i, n=u.name, box=combo: self.system_mapped.emit(n, box.currentData()))
            add = QPushButton(self.tr("新しい業務として追加…"))
            add.clicked.connect(lambda _c=False, n=u.name: self.add_system_requested.emit(n))
            self.system_combos[u.name] = combo
            self.add_buttons[u.name] = add
            grid.addWidget(head, row, 0, 1, 3)
            grid.addWidget(QLabel(self.tr("対応する業務")), row + 1, 0)
            grid.addWidget(combo, row + 1, 1)
            grid.addWidget(add, row + 1, 2)
            row += 2
        self.count = len(ambiguities) + sum(1 for u in unknown if u.name not in mapped)
        if not ambiguities and not unknown:
            none = QLabel(self.tr("確認が必要な事項はありません。"))
            none.setStyleSheet("color: #4a5568;")
            grid.addWidget(none, 0, 0, 1, 3)
        grid.setRowStretch(row + 1, 1)
        old = self.takeWidget()  # not deleted at once: a combo of it may be emitting the signal that led here
        if old is not None:
            old.hide()
            old.deleteLater()
        self.setWidget(body)
        self._body = body


class ImportedRowsPanel(QWidget):
    """The first function rows (and form rows) as the import will store them: one line per record.

    Filled from the records the preview already parsed (nothing is read or parsed here); rebuilt
    with every preview, so that a changed drop-down (a column's meaning, the cost unit, the
    blank-answer rule) shows its effect on the rows at once.
    """

    ROWS = PREVIEW_ROWS  # of each kind

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #4a5568;")
        headers = [self.tr("行"), self.tr("種類"), self.tr("ID"), self.tr("名称"), self.tr("業務"), self.tr("分類"),
                   self.tr("実装区分"), self.tr("適合度"), self.tr("費用"), self.tr("代替案・改定")]
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        self.table.setAccessibleName(self.tr("取り込む行"))
        header = self.table.horizontalHeader()
        for c, width in enumerate((44, 88, 84, 200, 110, 130, 130, 70, 100)):
            self.table.setColumnWidth(c, width)
        header.setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)

    def show_records(self, records: Sequence | None, *, system_of: Callable[[str | None], str]) -> None:
        """Show the first ``ROWS`` functions and forms of ``records`` (None: the file cannot be parsed).
        ``system_of`` gives the 業務 a record goes to, as the user will see it."""
        if records is None:
            self.table.setRowCount(0)
            self.note.setText(self.tr("このままでは取り込めないため、取り込む行を表示できません（問題は「取り込み内容」）。"))
            return
        functions = [r for r in records if r.kind != "form"]
        forms = [r for r in records if r.kind == "form"]
        shown = functions[:self.ROWS] + forms[:self.ROWS]
        parts = [self.tr("機能 {0} 件").format(f"{len(functions):,}")]
        if forms:
            parts.append(self.tr("帳票 {0} 件").format(f"{len(forms):,}"))
        retired = sum(1 for r in records if r.retired)
        if retired:
            parts.append(self.tr("うち欠番 {0} 件").format(f"{retired:,}"))
        self.note.setText(self.tr("取り込まれるとおりの内容です（{0}。各先頭 {1} 行まで）。").format(
            join_names(parts), self.ROWS))
        self.table.setRowCount(len(shown))
        grey = QBrush(IGNORED_FG)
        for r, rec in enumerate(shown):
            form = rec.kind == "form"
            levels = " ＞ ".join(v for v in (rec.level1, rec.level2, rec.level3) if v)
            if rec.fit is None:
                fit = self.tr("未評価")
            elif rec.fit_alternative:
                fit = self.tr("{0}（代替）").format(rec.fit)
            else:
                fit = rec.fit
            cost = yen(rec.vendor_cost) if rec.vendor_cost is not None else (rec.vendor_cost_note or "")
            if form:
                klass = {"mandatory": self.tr("実装必須帳票"), "optional": self.tr("標準オプション帳票")}.get(
                    rec.requirement_class or "", requirement_label(rec.requirement_class))
            else:
                klass = requirement_label(rec.requirement_class)
            extra = " ／ ".join(v for v in (rec.vendor_alternative, rec.revision_kind, rec.revision_note) if v)
            kind = self.tr("帳票") if form else self.tr("機能")
            values = (str(rec.row), self.tr("{0}（欠番）").format(kind) if rec.retired else kind, rec.code, rec.name,
                      system_of(rec.business_system), levels, klass, fit, cost, extra)
            for c, text in enumerate(values):
                item = QTableWidgetItem(text.replace("\n", " ／ "))
                if c in (3, 9) and (len(text) > 20 or "\n" in text):
                    item.setToolTip(text)
                if c == 3 and rec.requirement and rec.requirement != rec.name:
                    item.setToolTip(self.tr("機能要件: {0}").format(rec.requirement))
                if c in (0, 8):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if c == 7 and rec.fit is None:
                    item.setForeground(grey)
                if rec.retired:
                    font = item.font()
                    font.setStrikeOut(c != 1)  # 「機能（欠番）」 stays readable
                    item.setFont(font)
                    item.setForeground(grey)
                self.table.setItem(r, c, item)
        for c in (8, 9):  # 費用, 代替案・改定: only when some row has one (an official list has neither)
            self.table.setColumnHidden(c, not any(self.table.item(r, c).text() for r in range(len(shown))))


class PlanPanel(QWidget):
    """Per business system what the import would do (or every problem found); ``text`` holds the details."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        headers = [self.tr("業務"), self.tr("機能"), self.tr("帳票"), self.tr("追加"), self.tr("変更"), self.tr("削除"),
                   self.tr("うち欠番"), self.tr("変更なし")]
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in range(1, len(headers)):
            self.table.horizontalHeader().setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setAccessibleName(self.tr("取り込み内容"))
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.text.setAccessibleName(self.tr("取り込み内容の詳細"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.text, 2)

    def show_plan(self, plan, issues: Sequence) -> None:  # noqa: ANN001 - FunctionImportPlan | None
        """Fill the table from the plan's counts and the text with samples, or with the problems."""
        counts = plan.counts() if plan is not None else ()
        self.table.setRowCount(len(counts))
        for r, c in enumerate(counts):
            values = (c.business_system, c.functions, c.forms, c.added, c.changed, c.removed, c.retired, c.unchanged)
            for col, v in enumerate(values):
                item = QTableWidgetItem(v if isinstance(v, str) else f"{v:,}")
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if col == 5 and v:
                    item.setForeground(QBrush(QColor("#b3261e")))
                self.table.setItem(r, col, item)
        if issues:
            lines = [self.tr("取り込めません。次の問題を直してください（ファイルを直したら「読み直す」）。"), ""]
            lines += summarize_issues(list(issues))
            self.text.setPlainText("\n".join(lines))
        elif plan is not None:
            self.text.setPlainText(plan_details(plan))
        else:
            self.text.setPlainText("")


def plan_details(plan, *, blocked: bool = True) -> str:  # noqa: ANN001 - FunctionImportPlan
    """The first added / changed / removed / retired IDs of each system, and (``blocked``) what cannot be removed."""
    def tr(text: str) -> str:  # the import dialog's context: these texts are translated there
        return QCoreApplication.translate("ImportFunctionsDialog", text)

    lines = [*(core_label(w) for w in plan.warnings), ""] if plan.warnings else []  # the core's warnings, first
    for d in plan.diffs:
        parts = []
        changed = [tr("{0}（{1}）").format(c.code, tr("・").join(core_label(f) for f in c.fields)) for c in d.changed]
        for word, codes in ((tr("追加"), list(d.added)), (tr("変更"), changed), (tr("削除"), list(d.removed)),
                            (tr("欠番"), list(d.retired))):
            if codes:
                more = tr(" ほか{0}件").format(len(codes) - SAMPLE_IDS) if len(codes) > SAMPLE_IDS else ""
                parts.append(f"  {word}: {join_names(codes[:SAMPLE_IDS])}{more}")
        if blocked:
            for code, keys in d.blocked:
                parts.append(tr("  削除できない機能 {0}: 要望 {1} が登録されています").format(code, join_names(keys)))
        if d.kept_retired:
            parts.append(tr("  欠番（ファイルになくても残す）: {0}").format(join_names(list(d.kept_retired[:SAMPLE_IDS]))))
        if parts:
            lines.append(d.business_system)
            lines.extend(parts)
    if plan.members:  # a group written 「那珂」 read as 那珂市 says so (review R27)
        matched = dict(plan.member_matches)
        names = [tr("{0}（→ {1}）").format(n, matched[n]) if n in matched else n for n in sorted(plan.members)]
        lines.append(tr("団体の判定も取り込みます: {0}").format(join_names(names)))
    return "\n".join(lines) or tr("変更はありません。")

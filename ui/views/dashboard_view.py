"""DashboardView: the consortium at a glance — members, the outcome of the customization
requests as the Toyama table (raised, customized, standardized, withdrawn, still open) for the
consortium, per member and per subcommittee, and the fit-gap rate overall and by subcommittee
and business system (the figure the Ibaraki report puts first: 0.12%). The 「4つの方策」 tab
(``MeasuresPanel``) shows the Toyama measures per member, the outcome charts and the buttons
that record them; the suppression rate has a card of its own.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cloudsuppress.changes import Changes
from cloudsuppress.ops.consortium import get_consortium
from cloudsuppress.ops.functions import FitStats, SystemNode, combine_stats, system_tree
from cloudsuppress.ops.measures import Dashboard, format_share
from cloudsuppress.ops.members import MemberRow, list_members
from cloudsuppress.ops.summary import (
    OUTCOME_LABELS,
    OutcomeRow,
    OutcomeTable,
    RequestSpread,
    format_rate,
    outcome_table,
    request_spread,
)
from cloudsuppress.store.connection import Session

from ..dates import display_date
from ..op_runner import OpRunner
from .measures_panel import MeasuresPanel


@dataclass(frozen=True)
class DashboardData:
    consortium: str
    members: list[MemberRow]
    systems: list[SystemNode]
    outcomes: OutcomeTable
    spread: RequestSpread | None = None


def load_dashboard(s: Session) -> DashboardData:
    """Everything the dashboard shows, as plain data."""
    info = get_consortium(s)
    return DashboardData(info.name if info else "", list_members(s), system_tree(s), outcome_table(s), request_spread(s))


# Where a card's note may break: after 「・」, a full-width space, 「／」, a line end, or a space not
# followed by a figure or 件 (「検討中 2」, 「4 件」 and 「1団体のみ 1」 stay whole; English words still break apart).
_NOTE_BREAKS = re.compile(r"(・|　|／|\n| (?![\d件]))")
_WJ = "\u2060"


class NoteLabel(QLabel):
    """A card's note that wraps only between its pieces: Qt breaks Japanese between any two
    characters (「検／討中」, 「1団体のみ／1」 at 1366 and 1280 px), and CSS nowrap does not stop it
    there. Inside each piece a WORD JOINER (U+2060, invisible, no break either side by UAX #14)
    stands between the characters; ``plain_text()`` is the note as written."""

    def __init__(self, note: str):
        super().__init__()
        self._plain = note
        shown = [part if part in ("・", "　", "／", " ", "\n") else _WJ.join(part.replace(" ", "\u00a0"))
                 for part in _NOTE_BREAKS.split(note)]
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText("".join(shown))
        self.setAccessibleName(note)

    def plain_text(self) -> str:
        return self._plain


def _card(title: str, value: str, note: str = "", *, name: str = "") -> QFrame:
    frame = QFrame()
    frame.setObjectName("card")
    frame.setStyleSheet("QFrame#card { background: #ffffff; border: 1px solid #d6dbe3; border-radius: 6px; }")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(16, 12, 16, 12)
    t = QLabel(title)
    t.setStyleSheet("color: #4a5568;")
    v = QLabel(value)
    v.setObjectName(name or "cardValue")
    v.setStyleSheet("font-size: 24pt; font-weight: bold; color: #1f3a5f;")
    layout.addWidget(t)
    layout.addWidget(v)
    if note:
        n = NoteLabel(note)
        n.setObjectName((name or "card") + "Note")
        n.setWordWrap(True)  # six cards share 1,200 pixels: a long note takes two lines, not cut off
        n.setStyleSheet("color: #4a5568;")
        layout.addWidget(n)
    return frame


class DashboardView(QWidget):
    """Read-only overview; refreshes when members, structure or functions change."""

    FIT_COLUMNS = ("機能数", "○", "△", "×", "未評価", "ギャップ率")
    # Short headers for the narrow column; the Toyama wording is in each header's tooltip.
    OUTCOME_COLUMNS = ("要望\n項目", "カスタマイズ\n実施", "標準化", "取下げ", "検討中", "未検討")

    # A first step chosen in the 「はじめに」 box: "members", "add_system", "import" or "requests"
    # (the main window opens that screen or dialog).
    first_step = Signal(str)

    def __init__(self, runner: OpRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.title = QLabel()
        self.title.setObjectName("dashboardTitle")
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold; color: #1f3a5f;")
        self.subtitle = QLabel()
        self.subtitle.setStyleSheet("color: #4a5568;")
        self.cards = QHBoxLayout()

        self.members = QTableWidget(0, 3)
        self.members.setHorizontalHeaderLabels([self.tr("構成団体"), self.tr("人口"), self.tr("参加日")])
        self.members.verticalHeader().setVisible(False)
        self.members.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.members.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.members.setAlternatingRowColors(True)
        self.members.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.members.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        mh = self.members.horizontalHeader()
        mh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        mh.resizeSection(1, 100)
        mh.resizeSection(2, 150)

        self.fit_tree = QTreeWidget()
        self.fit_tree.setHeaderLabels([self.tr("専門部会・業務")] + [self.tr(c) for c in self.FIT_COLUMNS])
        self.fit_tree.setUniformRowHeights(True)
        self.fit_tree.setAlternatingRowColors(True)
        self.fit_tree.setIndentation(14)
        self.fit_tree.setStyleSheet("QTreeView::item { padding: 2px 0; }")
        self.fit_tree.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for col in range(1, len(self.FIT_COLUMNS) + 1):
            self.fit_tree.headerItem().setTextAlignment(col, Qt.AlignmentFlag.AlignCenter)
        fh = self.fit_tree.header()
        fh.setStretchLastSection(False)
        fh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, len(self.FIT_COLUMNS) + 1):
            fh.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            fh.resizeSection(col, 84 if col in (1, 6) else 60)

        self.outcome_tree = QTreeWidget()
        self.outcome_tree.setObjectName("outcomeTable")
        self.outcome_tree.setHeaderLabels([self.tr("区分")] + [self.tr(c) for c in self.OUTCOME_COLUMNS])
        for col, (_, label) in enumerate(OUTCOME_LABELS, start=1):
            self.outcome_tree.headerItem().setToolTip(col, self.tr(label))
            self.outcome_tree.headerItem().setTextAlignment(col, Qt.AlignmentFlag.AlignCenter)
        self.outcome_tree.setUniformRowHeights(True)
        self.outcome_tree.setAlternatingRowColors(True)
        self.outcome_tree.setIndentation(14)
        self.outcome_tree.setRootIsDecorated(False)
        self.outcome_tree.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.outcome_tree.setStyleSheet("QTreeView::item { padding: 2px 0; }")
        oh = self.outcome_tree.header()
        oh.setStretchLastSection(False)
        oh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, len(self.OUTCOME_COLUMNS) + 1):
            oh.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            oh.resizeSection(col, 92 if col == 2 else 62)

        left = QVBoxLayout()
        left.setSpacing(6)
        left.addWidget(self._heading(self.tr("構成団体")))
        left.addWidget(self.members)
        left.addWidget(self._heading(self.tr("カスタマイズ要望の結果（団体別・専門部会別）")))
        left.addWidget(self.outcome_tree, 1)
        right = QVBoxLayout()
        right.setSpacing(6)
        right.addWidget(self._heading(self.tr("専門部会・業務ごとの適合状況")))
        right.addWidget(self.fit_tree, 1)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)

        overview = QWidget()
        overview.setLayout(grid)
        grid.setContentsMargins(0, 6, 0, 0)
        self.measures = MeasuresPanel(runner)
        measures_scroll = QScrollArea()
        measures_scroll.setObjectName("measuresScroll")
        measures_scroll.setWidgetResizable(True)
        measures_scroll.setFrameShape(QFrame.Shape.NoFrame)
        measures_scroll.setWidget(self.measures)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("dashboardTabs")
        self.tabs.addTab(measures_scroll, self.tr("4つの方策"))
        self.tabs.addTab(overview, self.tr("要望の結果・適合状況"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(10)
        # An empty consortium opened on blank screens with no hint of where to begin (review R27): the
        # first steps, each a link to its screen or dialog, while any is still to do.
        self.first_steps = QLabel()
        self.first_steps.setObjectName("firstSteps")
        self.first_steps.setWordWrap(True)
        self.first_steps.setTextFormat(Qt.TextFormat.RichText)
        self.first_steps.setStyleSheet("QLabel#firstSteps { background: #eef4fb; border: 1px solid #b9cde4;"
                                       " border-radius: 4px; padding: 8px 12px; color: #1f2933; }")
        self.first_steps.linkActivated.connect(self.first_step.emit)
        self.first_steps.hide()
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.first_steps)
        layout.addLayout(self.cards)
        layout.addWidget(self.tabs, 1)

    @staticmethod
    def _heading(text: str) -> QLabel:
        label = QLabel(text)
        label.setStyleSheet("font-weight: bold; color: #1f3a5f; padding-top: 4px;")
        return label

    def on_changed(self, changes: Changes) -> None:
        if changes.any:
            self.refresh(changes)

    def refresh(self, changes: Changes | None = None) -> None:
        """Read everything again; after ``changes``, the 4つの方策 part reuses what they left current."""
        data = self.runner.read(load_dashboard)
        total = combine_stats([n.stats for n in data.systems])
        population = sum(m.population for m in data.members)
        self.title.setText(data.consortium)
        self.subtitle.setText(self.tr("構成団体 {0} 団体（人口 計 {1} 人）・専門部会 {2}・業務 {3}").format(
            len(data.members), f"{population:,}", len({n.subcommittee_id for n in data.systems}), len(data.systems)))
        measures = self.measures.refresh(changes)
        self._fill_cards(total, len(data.systems), data.outcomes.consortium, measures, data.spread)
        self._fill_members(data.members, population)
        self._fill_outcomes(data.outcomes)
        self._fill_fit(data.systems, total)
        self._fill_first_steps(len(data.members), len(data.systems), total.total + total.forms + total.retired,
                               data.outcomes.consortium.raised)

    def _fill_first_steps(self, members: int, systems: int, functions: int, requests: int) -> None:
        """「はじめに」: the four steps of a new consortium, the ones done ticked; hidden once all are done."""
        steps = [
            (members > 0, "members", self.tr("構成団体を登録する"),
             self.tr("「団体」画面の「団体を追加…」または「団体一覧を取り込む…」")),
            (systems > 0, "add_system", self.tr("専門部会と業務を登録する"), self.tr("「ファイル」＞「業務を追加…」")),
            (functions > 0, "import", self.tr("パッケージの機能一覧を取り込む"),
             self.tr("「ファイル」＞「機能一覧を取り込む…」（Ctrl+I）。業務は取り込みの画面でも追加できます")),
            (requests > 0, "requests", self.tr("団体の要望を登録する"),
             self.tr("「要望」画面の「要望様式を書き出す…」で要望票を配り、「要望を取り込む…」で取り込みます")),
        ]
        if all(done for done, *_ in steps):
            self.first_steps.hide()
            return
        e = html.escape
        lines = []
        for n, (done, key, what, how) in enumerate(steps, start=1):
            if done:
                lines.append(f"<span style='color:#6b7280'>✓ {n}. {e(what)}</span>")
            else:
                lines.append(f"{n}. <a href='{key}'>{e(what)}</a>　<span style='color:#4a5568'>{e(how)}</span>")
        self.first_steps.setText(f"<b>{e(self.tr('はじめに'))}</b>　{e(self.tr('この協議会で最初にすること'))}<br>"
                                 + "<br>".join(lines))
        self.first_steps.show()

    def _fill_cards(self, total: FitStats, systems: int, outcome: OutcomeRow, measures: Dashboard,
                    spread: RequestSpread | None = None) -> None:
        while self.cards.count():
            item = self.cards.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        by = total.by_fit
        self.gap_card = _card(
            self.tr("ギャップ率（△＋×／評価済み）"), format_rate(total.gap_rate),
            self.tr("△ {0} 件　× {1} 件／評価済み {2} 件").format(by.get("△", 0), by.get("×", 0), f"{total.assessed:,}"),
            name="gapRate")
        self.cards.addWidget(self.gap_card, 2)
        self.cards.addWidget(_card(self.tr("機能数"), f"{total.total:,}",
                                   self.tr("未評価 {0} 件").format(f"{total.unassessed:,}")), 1)
        self.cards.addWidget(_card(self.tr("○ 標準で対応"), f"{by.get('○', 0):,}",
                                   self.tr("業務 {0} 件の合計").format(systems)), 1)
        self.cards.addWidget(_card(self.tr("便利機能"), f"{total.convenience:,}",
                                   self.tr("レベルアップ・代替提案・稼働後検討で対応")), 1)
        self.request_card = _card(
            self.tr("カスタマイズ要望項目"), f"{outcome.raised:,}",
            self.tr("実施 {0}・標準化 {1}・取下げ {2}・検討中 {3}・未検討 {4}").format(
                outcome.customized, outcome.standardized, outcome.withdrawn, outcome.under_review, outcome.requested)
            + ("\n" + self.tr("未決定 {0} 件のうち　1団体のみ {1}・全団体 {2}").format(
                spread.open, spread.single, spread.everyone) if spread is not None and spread.open else ""),
            name="requestCount")
        if spread is not None:
            self.request_card.setToolTip(self.tr(
                "1団体のみ: ほかの団体は要望せず標準の機能で業務を行っている項目（他団体の運用が判断の材料になります）。"
                "全団体: すべての団体が要望している項目（標準化の候補）。"))
        self.cards.addWidget(self.request_card, 2)
        self.suppression_card = _card(
            self.tr("カスタマイズ抑制率"), format_share(measures.suppression_rate),
            self.tr("決定 {0} 件中 カスタマイズせず {1} 件").format(measures.decided, measures.not_customized),
            name="suppressionRate")
        self.suppression_card.setToolTip(self.tr("標準化・取下げ／決定済みの要望項目（実施・標準化・取下げ）"))
        self.cards.addWidget(self.suppression_card, 2)

    def _fill_outcomes(self, table: OutcomeTable) -> None:
        """The Toyama table: the consortium, then one line per member and per subcommittee."""
        self.outcome_tree.clear()
        overall = self._outcome_item(table.consortium, bold=True)
        overall.setText(0, self.tr("協議会全体"))  # the name is in the title; here it would be cut off
        self.outcome_tree.addTopLevelItem(overall)
        for title, rows in ((self.tr("構成団体別"), table.members), (self.tr("専門部会別"), table.subcommittees)):
            group = QTreeWidgetItem([title])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setForeground(0, Qt.GlobalColor.darkBlue)
            self.outcome_tree.addTopLevelItem(group)
            for row in rows:
                group.addChild(self._outcome_item(row))
            group.setExpanded(True)

    @staticmethod
    def _outcome_item(row: OutcomeRow, *, bold: bool = False) -> QTreeWidgetItem:
        values = [getattr(row, key) for key, _ in OUTCOME_LABELS]
        item = QTreeWidgetItem([row.name] + [f"{v:,}" for v in values])
        item.setToolTip(0, row.name)
        for col in range(1, len(values) + 1):
            item.setTextAlignment(col, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if bold:
            for col in range(len(values) + 1):
                font = item.font(col)
                font.setBold(True)
                item.setFont(col, font)
        return item

    def _fill_members(self, members: list[MemberRow], population: int) -> None:
        self.members.setRowCount(len(members) + 1)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for r, m in enumerate(members):
            self.members.setItem(r, 0, QTableWidgetItem(m.name))
            pop = QTableWidgetItem(f"{m.population:,}")
            pop.setTextAlignment(right)
            self.members.setItem(r, 1, pop)
            self.members.setItem(r, 2, QTableWidgetItem(display_date(m.joined_on) if m.joined_on else ""))
        total_row = len(members)
        label = QTableWidgetItem(self.tr("計"))
        pop = QTableWidgetItem(f"{population:,}")
        pop.setTextAlignment(right)
        for item in (label, pop):
            font = item.font()
            font.setBold(True)
            item.setFont(font)
        self.members.setItem(total_row, 0, label)
        self.members.setItem(total_row, 1, pop)
        self.members.setItem(total_row, 2, QTableWidgetItem(""))
        # As tall as its rows, so the list reads as a short table rather than an empty box.
        rows_height = sum(self.members.rowHeight(r) for r in range(self.members.rowCount()))
        self.members.setFixedHeight(self.members.horizontalHeader().height() + rows_height + 4)

    def _fill_fit(self, systems: list[SystemNode], total: FitStats) -> None:
        self.fit_tree.clear()
        by_sub: dict[int, list[SystemNode]] = {}
        for n in systems:
            by_sub.setdefault(n.subcommittee_id, []).append(n)
        for nodes in by_sub.values():
            sub = self._fit_item(nodes[0].subcommittee, combine_stats([n.stats for n in nodes]), bold=True)
            self.fit_tree.addTopLevelItem(sub)
            for n in nodes:
                sub.addChild(self._fit_item(n.name, n.stats))
            sub.setExpanded(True)
        self.fit_tree.addTopLevelItem(self._fit_item(self.tr("合計"), total, bold=True))

    @staticmethod
    def _fit_item(name: str, st: FitStats, *, bold: bool = False) -> QTreeWidgetItem:
        by = st.by_fit
        values = [st.total, by.get("○", 0), by.get("△", 0), by.get("×", 0), st.unassessed]
        item = QTreeWidgetItem([name] + [f"{v:,}" for v in values] + [format_rate(st.gap_rate)])
        for col in range(1, 7):
            item.setTextAlignment(col, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if bold:
            for col in range(7):
                font = item.font(col)
                font.setBold(True)
                item.setFont(col, font)
        return item

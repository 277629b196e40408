"""SelectionActions: the context menu for several request items chosen in a list (the request
list, the comparison view, a meeting's agenda).

Contract: the owner gives a function returning the chosen item ids (in the order shown) and
their 要望番号; the menu offers 状態をまとめて変更…, 会議の議題に追加… and 比較一覧表（選択した要望）
を書き出す…. A meeting's agenda also gives its meeting (``meeting``: id and name, or None): there the
first entry is 協議結果をまとめて記録… instead — the meeting's decisions, recorded as the 協議結果 tab
records one (``ops.meetings.record_outcomes``), not a status change outside the meeting. Each
change is one core operation (``ops.selection``, ``ops.meetings``) through the runner: one user
action, one undo step; a refusal is the core's message (it names the item) and nothing changed,
and the dialog opens again with what was typed. The export builds the comparison of just
those items in the core and writes it with the core's writers.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QPoint
from PySide6.QtWidgets import QAbstractItemView, QInputDialog, QMenu, QWidget

from cloudsuppress.domain.workflow import Status
from cloudsuppress.ops.meeting_queries import list_meetings

from .dates import display_date
from .labels import label
from .op_runner import OpRunner
from .operations import meetings as meeting_ops
from .operations import requests as request_ops

Chosen = Callable[[], list[tuple[int, str]]]  # (item id, 要望番号) of the chosen items
Meeting = Callable[[], "tuple[int, str] | None"]  # (meeting id, its name) of the agenda shown, or None


class SelectionActions(QObject):
    """Context-menu actions over the chosen request items; see the module docstring."""

    def __init__(self, runner: OpRunner, owner: QWidget, chosen: Chosen, *, status_message=None,
                 meeting: Meeting | None = None):
        super().__init__(owner)
        self.runner = runner
        self.owner = owner
        self.chosen = chosen
        self.meeting = meeting
        self.status_message = status_message  # a Signal(str) of the owner, or None
        self._last_folder = ""

    def attach(self, view: QAbstractItemView) -> None:
        """Let ``view`` choose several rows (Ctrl / Shift) and open this menu on a right click."""
        from PySide6.QtCore import Qt

        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(lambda pos: self.show_menu(view, pos))

    def menu(self) -> QMenu:
        """The menu for the current choice (its actions disabled when nothing is chosen)."""
        chosen = self.chosen()
        menu = QMenu(self.owner)
        n = len(chosen)
        first = ((self.tr("協議結果をまとめて記録…（{0} 件）").format(n), lambda: self.record_outcomes())
                 if self.meeting is not None else
                 (self.tr("状態をまとめて変更…（{0} 件）").format(n), lambda: self.change_status()))
        actions = (
            first,
            (self.tr("会議の議題に追加…（{0} 件）").format(n), lambda: self.add_to_agenda()),
            (self.tr("比較一覧表（選択した要望）を PDF に書き出す…"), lambda: self.export_comparison("pdf")),
            (self.tr("比較一覧表（選択した要望）を Excel に書き出す…"), lambda: self.export_comparison("xlsx")),
        )
        for text, slot in actions:
            action = menu.addAction(text)
            action.setEnabled(n > 0)
            action.triggered.connect(slot)
        return menu

    def show_menu(self, view: QAbstractItemView, pos: QPoint) -> None:
        self.menu().exec(view.viewport().mapToGlobal(pos))

    def _say(self, text: str) -> None:
        if self.status_message is not None:
            self.status_message.emit(text)

    # --- actions ----------------------------------------------------------------------

    def change_status(self, *, to: Status | None = None, reason: str = "") -> bool:
        """Ask the new status and one reason, then move every chosen item in one action."""
        from .dialogs.bulk_status_dialog import BulkStatusDialog

        chosen = self.chosen()
        if not chosen:
            return False
        ids, keys = [i for i, _ in chosen], [k for _, k in chosen]
        while True:
            dialog = BulkStatusDialog(keys, to=to, reason=reason, parent=self.owner)
            if not dialog.exec():
                return False
            to, reason = dialog.target(), dialog.reason()
            changes = request_ops.move_items(self.owner, self.runner, item_ids=ids, to=to, reason=reason or None)
            if changes is not None:
                self._say(self.tr("要望 {0} 件を「{1}」にしました。").format(len(ids), label(to.label)))
                return True

    def record_outcomes(self, *, outcome: str | None = "decided", decide: str | None = None, reason: str = "") -> bool:
        """Ask one outcome (a decision and one reason), then record it for every chosen agenda item of the
        meeting in one action; a refusal opens the dialog again with what was typed."""
        from .dialogs.bulk_outcome_dialog import BulkOutcomeDialog

        chosen, meeting = self.chosen(), self.meeting() if self.meeting is not None else None
        if not chosen or meeting is None:
            return False
        (mid, name), ids, keys = meeting, [i for i, _ in chosen], [k for _, k in chosen]
        while True:
            dialog = BulkOutcomeDialog(keys, name, outcome=outcome, decide=decide, reason=reason, parent=self.owner)
            if not dialog.exec():
                return False
            outcome, decide, reason = dialog.outcome(), dialog.decide(), dialog.reason()
            changes = meeting_ops.record_outcomes(self.owner, self.runner, meeting_id=mid, item_ids=ids,
                                                  outcome=outcome, decide=decide,
                                                  reason=reason if outcome == "decided" else None)
            if changes is not None:
                self._say(self.tr("要望 {0} 件の協議結果を記録しました。").format(len(ids)))
                return True

    def add_to_agenda(self, *, meeting_id: int | None = None) -> bool:
        """Choose a meeting (newest first) and put every chosen item at the end of its agenda."""
        chosen = self.chosen()
        if not chosen:
            return False
        ids = [i for i, _ in chosen]
        if meeting_id is None:
            meetings = self.runner.read(list_meetings)
            if not meetings:
                self._say(self.tr("会議がありません。先に「会議」で会議を登録してください。"))
                return False
            labels = [self.tr("{0}（{1}）").format(m.label, display_date(m.held_on)) for m in meetings]
            text, ok = QInputDialog.getItem(self.owner, self.tr("議題に追加"),
                                            self.tr("要望 {0} 件を追加する会議").format(len(ids)), labels, 0, False)
            if not ok or text not in labels:
                return False
            meeting_id = meetings[labels.index(text)].id
        mid = meeting_id
        if meeting_ops.add_agenda_items(self.owner, self.runner, meeting_id=mid, item_ids=ids) is None:
            return False
        self._say(self.tr("要望 {0} 件を議題に追加しました。").format(len(ids)))
        return True

    def export_comparison(self, kind: str) -> Path | None:
        """The comparison sheet of the chosen items only (paper, 資料番号 and date asked as usual)."""
        from cloudsuppress.ops.comparison import build_comparison

        from .dialogs.comparison_export_dialog import ComparisonExportDialog
        from .dialogs.report_export import export_report, safe_file_name

        chosen = self.chosen()
        if not chosen:
            return None
        ids = [i for i, _ in chosen]
        dialog = ComparisonExportDialog([], kind=kind, parent=self.owner)
        if not dialog.exec():
            return None
        paper, doc_number, created_on = dialog.paper(), dialog.doc_number(), dialog.created_on()
        if kind == "pdf":
            from cloudsuppress.reports.comparison_pdf import write_comparison_pdf as writer

            file_filter = self.tr("PDF (*.pdf)")
        else:
            from cloudsuppress.reports.comparison_xlsx import write_comparison_xlsx as writer

            file_filter = self.tr("Excel ブック (*.xlsx)")

        def write(path):
            table = self.runner.read(lambda s: build_comparison(s, item_ids=ids))
            return writer(path, table, paper=paper, doc_number=doc_number, created_on=created_on)

        path = export_report(self.runner, parent=self.owner, caption=self.tr("比較一覧表を書き出す"),
                             suggested=safe_file_name(f"{doc_number}_カスタマイズ要望比較一覧表.{kind}"),
                             file_filter=file_filter, write=write, folder=self._last_folder,
                             label=self.tr("比較一覧表を書き出しています…"), preview=True)
        if path is not None:
            self._last_folder = str(path.parent)
            self._say(self.tr("比較一覧表を書き出しました: {0}").format(path))
        return path

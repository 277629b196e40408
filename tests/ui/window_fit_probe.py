"""Open every top-level window of the app on a screen of a given size and report what does not fit.

Run by tests/ui/test_window_fit.py in a child process whose offscreen screen IS 1280×720 or
1366×768 (Qt's offscreen platform reads the screen from a JSON file), because a running
QApplication cannot change its screen:

    QT_QPA_PLATFORM=offscreen:configfile=screen.json python -m tests.ui.window_fit_probe DB OUT.json [PNG_DIR]

The windows are found in the code, not listed by hand: every QDialog / QMainWindow subclass
defined under ui/ (modules imported by walking the package). Each needs a way to be built
with the data it shows (``FACTORIES``, keyed by ``module.Class``); a class without one is
reported as a failure, so a dialog added later cannot be forgotten. A class whose name starts
with ``_`` is a base, never shown itself.

Checks, for each window (and each view of the main window, each page of a wizard): after the
app's own placement (ui/screen_fit.py, as at a real start), the window and its title bar lie
inside the screen's available geometry, and every visible push button that is not inside a
scroll area lies inside the screen and inside the window.
"""
from __future__ import annotations

import datetime as dt
import importlib
import inspect
import json
import pkgutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QRect, QSettings
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QDialog, QMainWindow, QPushButton, QWidget, QWizard

TITLE_BAR = 32  # ui/screen_fit.TITLE_BAR: the window manager's title bar above the client area


def window_classes() -> list[type]:
    """Every QDialog / QMainWindow subclass defined in the ui package (bases starting with _ left out)."""
    import ui

    for info in pkgutil.walk_packages(ui.__path__, "ui."):
        importlib.import_module(info.name)
    found: dict[str, type] = {}

    def walk(cls: type) -> None:
        for sub in cls.__subclasses__():
            if sub.__module__.startswith("ui.") and not sub.__name__.startswith("_"):
                found[f"{sub.__module__}.{sub.__name__}"] = sub
            walk(sub)

    walk(QDialog)
    walk(QMainWindow)
    # Plain widgets made windows of their own (``super().__init__(parent, Qt.WindowType.Window)``,
    # e.g. the presentation view) are top-level windows too.
    def own_window(cls: type) -> bool:
        try:
            return "Qt.WindowType.Window" in inspect.getsource(cls.__init__)
        except (OSError, TypeError):
            return False

    def walk_widgets(cls: type) -> None:
        for sub in cls.__subclasses__():
            if sub.__module__.startswith("ui.") and not sub.__name__.startswith("_") and own_window(sub):
                found.setdefault(f"{sub.__module__}.{sub.__name__}", sub)
            walk_widgets(sub)

    walk_widgets(QWidget)
    return [found[k] for k in sorted(found)]


class Context:
    """The data the windows show: the demo database behind an OpRunner, and a scratch folder."""

    def __init__(self, db_path: Path):
        from cloudsuppress.store.db import open_database
        from ui.dialogs.runner_dialogs import APP_DIALOGS
        from ui.op_runner import OpRunner

        self.db = open_database(db_path)
        self.runner = OpRunner(self.db, dialogs=APP_DIALOGS)
        self.tmp = Path(tempfile.mkdtemp(prefix="fit-"))

    def read(self, fn):
        return self.runner.read(fn)

    def function_model(self):
        from cloudsuppress.ops.functions import list_function_rows
        from ui.table_models.function_table_model import FunctionTableModel

        model = FunctionTableModel()
        model.set_rows(self.read(list_function_rows))
        return model

    def members(self):
        from cloudsuppress.ops.members import list_members

        return self.read(list_members)

    def items(self):
        from cloudsuppress.ops.request_queries import list_item_rows

        return self.read(list_item_rows)

    def meetings(self):
        from cloudsuppress.ops.meeting_queries import list_meetings

        return self.read(list_meetings)


Built = Iterator[tuple[str, QWidget]]


def _main_window(c: Context) -> Built:
    from ui.main_window import PAGES, MainWindow

    settings = QSettings(str(c.tmp / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(c.runner, settings=settings)
    window.show()
    for key, _label in PAGES:
        window.show_view(key)
        yield key, window


def _request_item(c: Context) -> Built:
    from ui.request_editor.request_item_dialog import RequestItemDialog

    model = c.function_model()
    yield "new", RequestItemDialog(c.runner, item_id=None, functions=model)
    items = c.items()
    package = next(i for i in items if i.function_id is not None)
    yield f"{package.key} (package function)", RequestItemDialog(c.runner, item_id=package.id, functions=model)
    proposed = [i for i in items if i.function_id is None]
    if proposed:
        yield f"{proposed[0].key} (new function)", RequestItemDialog(c.runner, item_id=proposed[0].id, functions=model)
    widest = max(items, key=lambda i: len(i.title))
    yield f"{widest.key} (longest title)", RequestItemDialog(c.runner, item_id=widest.id, functions=model)


def _wizard(c: Context) -> Built:
    from ui.dialogs.first_run_wizard import FirstRunWizard

    wizard = FirstRunWizard(folder=c.tmp)
    wizard.show()
    for page_id in wizard.pageIds():
        wizard.setStartId(page_id)
        wizard.restart()
        yield f"page {page_id}", wizard


def _import_functions(c: Context) -> Built:
    from ui.dialogs.import_functions_dialog import ImportFunctionsDialog

    yield "empty", ImportFunctionsDialog(c.runner)
    dialog = ImportFunctionsDialog(c.runner)
    sample = _function_workbook(c)
    dialog.load_file(sample)
    yield "with a file", dialog


def _function_workbook(c: Context) -> Path:
    """A small function list in the ministry annex's shape (title rows above a header)."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "機能要件"
    ws.append(["住民記録システム標準仕様書【第3.0版】別紙 機能・帳票要件"])
    ws.append([])
    ws.append(["機能ID", "業務", "大項目", "機能名称", "要件の考え方・理由", "実装区分", "適合度"])
    for n in range(40):
        ws.append([f"01{n:05d}", "住民基本台帳", "住民記録", f"転入届の受付（{n}）", "住民異動届の受付を行うこと。" * 3,
                   "実装必須機能", "○"])
    path = c.tmp / "機能一覧.xlsx"
    wb.save(path)
    return path


def _conflict(c: Context) -> Built:
    from cloudsuppress.errors import ConcurrentEditError
    from ui.dialogs.conflict_dialog import ConflictDialog

    item = c.items()[0]
    error = ConcurrentEditError(
        table="request_items", row_id=item.id, label=f"要望 {item.key}", expected_version=1, current_version=2,
        current={"title": item.title, "estimate": 1_200_000}, attempted={"title": item.title + "（修正）", "estimate": 990_000},
        changed_by="事務局 佐藤", changed_at=dt.datetime(2026, 12, 7, 10, 30))
    yield "request item", ConflictDialog(c.runner, error)


def _import_issues(c: Context) -> Built:
    from cloudsuppress.errors import ImportIssue, ImportValidationError
    from ui.dialogs.import_issues_dialog import ImportIssuesDialog

    params = inspect.signature(ImportIssue).parameters
    issues = []
    for n in range(60):
        values = {"file": "機能一覧_住民記録.xlsx", "sheet": "機能要件", "row": n + 5, "column": "機能ID",
                  "message": "機能IDが重複しています（0100001 は 4 行目にもあります）。"}
        issues.append(ImportIssue(**{k: v for k, v in values.items() if k in params}))
    yield "60 issues", ImportIssuesDialog(ImportValidationError(issues))


def _late_joiner(c: Context) -> Built:
    from cloudsuppress.ops.late_joiners import prior_decisions
    from ui.dialogs.late_joiner_dialog import LateJoinerDialog

    member = c.members()[-1]
    decisions = c.read(lambda s: prior_decisions(s, member.id))
    yield "prior decisions", LateJoinerDialog(c.runner, member_id=member.id, member=member.name,
                                              joined_on=dt.date(2027, 1, 1), decisions=decisions)


def _join_customization(c: Context) -> Built:
    from cloudsuppress.ops.late_joiners import prior_decisions
    from ui.dialogs.join_customization_dialog import JoinCustomizationDialog

    member = c.members()[-1]
    decisions = [d for d in c.read(lambda s: prior_decisions(s, c.members()[0].id)) if d.status == "customized"]
    yield "customized items", JoinCustomizationDialog(c.runner, member_id=member.id, member=member.name,
                                                      items=decisions)


def _pdf_preview(c: Context) -> Built:
    from ui.dialogs.pdf_preview_dialog import PdfPreviewDialog

    pdf = _comparison_pdf(c)
    yield "comparison", PdfPreviewDialog(pdf, suggested="比較一覧表.pdf", caption="保存", file_filter="PDF (*.pdf)")


def _comparison_pdf(c: Context) -> Path:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen import canvas

    path = c.tmp / "preview.pdf"
    pdf = canvas.Canvas(str(path), pagesize=landscape(A4))
    for page in range(2):
        pdf.drawString(72, 500, f"page {page + 1}")
        pdf.showPage()
    pdf.save()
    return path


def _report_options(c: Context) -> Built:
    from ui.dialogs.report_options_dialog import KINDS, ReportOptionsDialog

    names = [m.name for m in c.members()]
    for kind in KINDS:
        yield kind, ReportOptionsDialog(kind, members=names)


def _request_import_preview(c: Context) -> Built:
    from tests.ui.test_language_imports import request_plan
    from ui.dialogs.request_workbooks import RequestImportPreviewDialog

    yield "plan", RequestImportPreviewDialog(request_plan())


def _restore_backup(c: Context) -> Built:
    from ui.dialogs.restore_backup_dialog import RestoreBackupDialog

    yield "no backups", RestoreBackupDialog(c.db.path)


def _one(build: Callable[[Context], QWidget], label: str = "") -> Callable[[Context], Built]:
    def factory(c: Context) -> Built:
        yield label, build(c)

    return factory


def _reason(c: Context) -> Built:
    from ui.request_editor.request_prompts import ReasonDialog

    yield "withdraw", ReasonDialog(None, title="取下げ", prompt="取下げの理由（運用での対応など）", required=True,
                                   meeting=True, meetings=c.meetings())


def _join_choice(c: Context) -> Built:
    from ui.request_editor.request_prompts import JoinChoiceDialog

    yield "two items", JoinChoiceDialog(None, member=c.members()[0].name, function="0100001 転入届の受付",
                                        existing=c.items()[:2])


def _presentation(c: Context) -> Built:
    from ui.views.presentation_view import PresentationView

    meeting = max(c.meetings(), key=lambda m: m.agenda_count)
    view = PresentationView(c.runner, meeting.id)
    view.show_presentation()
    yield f"{meeting.label}, full screen", view


def _systems(c: Context):
    from cloudsuppress.ops.functions import system_tree

    return c.read(system_tree)


FACTORIES: dict[str, Callable[[Context], Built]] = {
    "ui.main_window.MainWindow": _main_window,
    "ui.views.presentation_view.PresentationView": _presentation,
    "ui.request_editor.request_item_dialog.RequestItemDialog": _request_item,
    "ui.dialogs.first_run_wizard.FirstRunWizard": _wizard,
    "ui.dialogs.import_functions_dialog.ImportFunctionsDialog": _import_functions,
    "ui.dialogs.conflict_dialog.ConflictDialog": _conflict,
    "ui.dialogs.import_issues_dialog.ImportIssuesDialog": _import_issues,
    "ui.dialogs.late_joiner_dialog.LateJoinerDialog": _late_joiner,
    "ui.dialogs.join_customization_dialog.JoinCustomizationDialog": _join_customization,
    "ui.dialogs.pdf_preview_dialog.PdfPreviewDialog": _pdf_preview,
    "ui.dialogs.report_options_dialog.ReportOptionsDialog": _report_options,
    "ui.dialogs.request_workbooks.RequestImportPreviewDialog": _request_import_preview,
    "ui.dialogs.restore_backup_dialog.RestoreBackupDialog": _restore_backup,
    "ui.request_editor.request_prompts.ReasonDialog": _reason,
    "ui.request_editor.request_prompts.JoinChoiceDialog": _join_choice,
    "ui.dialogs.add_member_dialog.AddMemberDialog": _one(
        lambda c: importlib.import_module("ui.dialogs.add_member_dialog").AddMemberDialog(
            c.runner, [m.name for m in c.members()])),
    "ui.dialogs.bulk_outcome_dialog.BulkOutcomeDialog": _one(
        lambda c: importlib.import_module("ui.dialogs.bulk_outcome_dialog").BulkOutcomeDialog(
            [i.key for i in c.items()] * 3, c.meetings()[0].label, reason="標準機能の運用で対応できることを全団体で確認した"),
        "every demo item three times over"),
    "ui.dialogs.new_meeting_dialog.NewMeetingDialog": _one(
        lambda c: importlib.import_module("ui.dialogs.new_meeting_dialog").NewMeetingDialog(c.runner, _systems(c))),
    "ui.dialogs.meeting_schedule_dialog.MeetingScheduleDialog": _one(
        lambda c: importlib.import_module("ui.dialogs.meeting_schedule_dialog").MeetingScheduleDialog(
            c.runner, c.meetings()[0])),
    "ui.dialogs.attendee_dialog.AttendeeDialog": _one(
        lambda c: importlib.import_module("ui.dialogs.attendee_dialog").AttendeeDialog(
            c.runner, c.meetings()[0].id, c.members())),
    "ui.dialogs.business_system_dialog.BusinessSystemDialog": _one(
        lambda c: importlib.import_module("ui.dialogs.business_system_dialog").BusinessSystemDialog(
            c.runner, existing_systems=[n.name for n in _systems(c)])),
    "ui.dialogs.business_system_dialog.RenameBusinessSystemDialog": _one(
        lambda c: importlib.import_module("ui.dialogs.business_system_dialog").RenameBusinessSystemDialog(
            c.runner, system_id=_systems(c)[0].id, name=_systems(c)[0].name,
            existing_systems=[n.name for n in _systems(c)])),
    "ui.dialogs.comparison_export_dialog.ComparisonExportDialog": _one(
        lambda c: importlib.import_module("ui.dialogs.comparison_export_dialog").ComparisonExportDialog(c.meetings())),
    "ui.dialogs.connection_dialog.ConnectionDialog": _one(
        lambda c: importlib.import_module("ui.dialogs.connection_dialog").ConnectionDialog()),
    "ui.dialogs.new_consortium_dialog.NewConsortiumDialog": _one(
        lambda c: importlib.import_module("ui.dialogs.new_consortium_dialog").NewConsortiumDialog(folder=c.tmp)),
    "ui.dialogs.consortium_settings_dialog.ConsortiumSettingsDialog": _one(
        lambda c: importlib.import_module("ui.dialogs.consortium_settings_dialog").ConsortiumSettingsDialog(c.runner)),
    "ui.dialogs.guide_dialog.GuideDialog": _one(
        lambda c: importlib.import_module("ui.dialogs.guide_dialog").GuideDialog()),
    "ui.dialogs.measure_dialogs.BriefingDialog": _one(
        lambda c: importlib.import_module("ui.dialogs.measure_dialogs").BriefingDialog(c.runner)),
    "ui.dialogs.measure_dialogs.SelectionAttendanceDialog": _one(
        lambda c: importlib.import_module("ui.dialogs.measure_dialogs").SelectionAttendanceDialog(c.runner)),
    "ui.dialogs.measure_dialogs.SelectionEventDialog": _one(
        lambda c: importlib.import_module("ui.dialogs.measure_dialogs").SelectionEventDialog(c.runner)),
    "ui.dialogs.measure_records_dialog.MeasureRecordsDialog": _one(
        lambda c: importlib.import_module("ui.dialogs.measure_records_dialog").MeasureRecordsDialog(c.runner)),
    "ui.dialogs.request_workbooks.ExportTemplatesDialog": _one(
        lambda c: importlib.import_module("ui.dialogs.request_workbooks").ExportTemplatesDialog(c.members())),
    "ui.dialogs.bulk_status_dialog.BulkStatusDialog": _one(
        lambda c: importlib.import_module("ui.dialogs.bulk_status_dialog").BulkStatusDialog(
            [f"R-{n:04d}" for n in range(1, 13)], reason="第2回部会で協議した結果、代替運用で対応する")),
    "ui.dialogs.settings_dialog.SettingsDialog": _one(
        lambda c: importlib.import_module("ui.dialogs.settings_dialog").SettingsDialog(
            QSettings(str(c.tmp / "settings.ini"), QSettings.Format.IniFormat))),
}


def _inside(inner: QRect, outer: QRect) -> bool:
    return outer.contains(inner.topLeft()) and outer.contains(inner.bottomRight())


def _in_scroll_area(widget: QWidget, top: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def check(window: QWidget) -> list[str]:
    """What does not fit: the window beyond the screen, a button outside the screen or the window."""
    app = QApplication.instance()
    for _ in range(3):
        app.processEvents()
    problems = []
    screen = (window.screen() or app.primaryScreen()).availableGeometry()
    # A maximized window's title bar is inside the screen (the offscreen platform draws none).
    full = window.isMaximized() or window.isFullScreen()
    frame = window.frameGeometry() if full else window.frameGeometry().adjusted(0, -TITLE_BAR, 0, 0)
    least = window.minimumSizeHint().expandedTo(window.minimumSize())
    if least.height() + TITLE_BAR + 4 > screen.height() or least.width() + 4 > screen.width():
        problems.append(f"minimum size {least.width()}×{least.height()} (with a title bar) exceeds the screen's "
                        f"{screen.width()}×{screen.height()}")
    if not _inside(frame, screen):
        problems.append(f"window {frame.width()}×{frame.height()} at ({frame.x()},{frame.y()}) with its title bar "
                        f"is outside the screen's {screen.width()}×{screen.height()}"
                        f" (minimum size {window.minimumSizeHint().width()}×{window.minimumSizeHint().height()})")
    body = QRect(window.mapToGlobal(window.rect().topLeft()), window.size())
    for button in window.findChildren(QPushButton):
        if not button.isVisibleTo(window) or button.window() is not window or _in_scroll_area(button, window):
            continue
        rect = QRect(button.mapToGlobal(button.rect().topLeft()), button.size())
        if not _inside(rect, screen) or not _inside(rect, body):
            problems.append(f"button 「{button.text()}」 at ({rect.x()},{rect.y()}) {rect.width()}×{rect.height()} "
                            "lies outside the screen or the window")
    return problems


def probe(db_path: Path, png_dir: Path | None = None) -> dict:
    from ui.app import create_application

    app = create_application(["probe"])
    screen = app.primaryScreen().availableGeometry()
    c = Context(db_path)
    report: dict = {"screen": [screen.width(), screen.height()], "windows": {}, "missing": []}
    for cls in window_classes():
        name = f"{cls.__module__}.{cls.__name__}"
        factory = FACTORIES.get(name)
        if factory is None:
            report["missing"].append(name)
            continue
        try:
            for label, window in factory(c):
                if isinstance(window, QDialog) and window.isModal() is False:
                    pass
                window.show()
                key = f"{name} [{label}]" if label else name
                report["windows"][key] = check(window)
                if png_dir is not None:
                    safe = key.replace("ui.", "").replace("/", "_").replace(" ", "_")
                    window.grab().save(str(png_dir / f"{safe}_{screen.width()}x{screen.height()}.png"))
                if not isinstance(window, (QMainWindow, QWizard)) or window.isFullScreen():
                    window.close()
                    window.deleteLater()
            if isinstance(window, (QMainWindow, QWizard)):
                window.close()
                window.deleteLater()
        except Exception as error:  # noqa: BLE001 - reported: the factory must be fixed
            report["windows"][name] = [f"could not be built: {type(error).__name__}: {error}"]
        app.processEvents()
    c.runner.db.close()
    return report


if __name__ == "__main__":
    out = Path(sys.argv[2])
    pngs = Path(sys.argv[3]) if len(sys.argv) > 3 else None
    if pngs is not None:
        pngs.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(probe(Path(sys.argv[1]), pngs), ensure_ascii=False, indent=1), encoding="utf-8")

#!/usr/bin/env python3
"""Regenerate the English translation: catalogue → .ts (pyside6-lupdate) → .qm (pyside6-lrelease).

    .venv/bin/python scripts/update_translations.py

1. Writes ``ui/translation_catalog.py``: every text the UI translates at run time from a
   table (``self.tr(label)``: navigation pages, column headings, the core's status and
   reason labels, file filters), as ``QT_TRANSLATE_NOOP(context, text)`` lines, because
   lupdate only sees string literals. The tables are listed in ``catalog()`` below. Also the
   literals lupdate misreads (``wrapped_texts``): calls of a module's one-line wrapper
   ``def _tr(text): return QCoreApplication.translate("ctx", text)``, of an alias
   ``tr = QCoreApplication.translate``, and ``QCoreApplication.translate(CONTEXT, "…")`` with
   a constant for the context; lupdate files the first two under an empty context (never
   looked up: that context is dropped from the .ts) and skips the third; and ``self.tr("…")``
   inside an f-string, which lupdate does not read.
2. Runs lupdate over main.py and ui/**/*.py (the files git knows: ``git add`` a new one first) into
   ``resources/translations/cloudsuppress_en.ts``; translations already in the file are
   kept, new texts arrive unfinished (translate them in the .ts, e.g. with pyside6-linguist).
3. Compiles the .ts into ``cloudsuppress_en.qm`` with lrelease and reports how many texts
   are still untranslated (exit status 1 if any, so a forgotten text is noticed).
"""
from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BIN = Path(sys.executable).parent
TS = ROOT / "resources" / "translations" / "cloudsuppress_en.ts"
QM = TS.with_suffix(".qm")
CATALOG_FILE = ROOT / "ui" / "translation_catalog.py"


def _values(obj) -> list[str]:
    if isinstance(obj, dict):
        obj = obj.values()
    out = []
    for v in obj:
        if isinstance(v, tuple):  # (code, label) pairs
            v = v[-1]
        if hasattr(v, "label"):  # enums with a Japanese label
            v = v.label
        if isinstance(v, str) and v:
            out.append(v)
    return out


def catalog() -> list[tuple[str, list[str]]]:
    """(context, texts) for every table whose texts go through self.tr at run time."""
    from cloudsuppress import phrase
    from cloudsuppress.domain import vocab
    from cloudsuppress.domain.costs import METHOD_LABELS, UNIT_LABELS
    from cloudsuppress.domain.vocab import (
        APPROVAL_LABELS,
        ATTENDEE_ROLE_LABELS,
        MEETING_KIND_LABELS,
        REASON_LABELS,
        REQUIREMENT_LABELS,
        SERVICE_DROP_LABELS,
    )
    from cloudsuppress.domain.wareki import ERAS
    from cloudsuppress.domain.workflow import Status
    from cloudsuppress.importers import detect
    from cloudsuppress.importers.function_list import FIELDS
    from cloudsuppress.ops import comparison, function_import, history, meeting_label, stale_approval
    from cloudsuppress.ops import requests as request_ops
    from cloudsuppress.ops.inputs import ANNUAL_CASES_TOO_MANY, MEETING_PROBLEM_MESSAGES
    from cloudsuppress.ops.summary import OUTCOME_LABELS
    from cloudsuppress.presets import PRESET_LABELS
    from cloudsuppress.store import concurrency
    from ui import file_menu_extras, main_window
    from ui.dialogs import attendee_dialog, import_functions_dialog, late_joiner_dialog, new_consortium_dialog
    from ui.request_editor import request_item_dialog
    from ui.table_models import (
        audit_table_model,
        comparison_table_model,
        cost_table_model,
        function_table_model,
        measures_table_model,
        meeting_table_model,
        member_table_model,
        request_table_model,
    )
    from ui.views import dashboard_view, member_view, outcome_chart, outcome_panel, presentation_view, reports_view

    # The core's vocabulary as ui/labels.py shows it (one context, so a word reads the same everywhere).
    core_labels = (_values(list(Status)) + _values(REASON_LABELS) + _values(SERVICE_DROP_LABELS)
                   + _values(APPROVAL_LABELS) + _values(MEETING_KIND_LABELS) + _values(ATTENDEE_ROLE_LABELS)
                   + _values(vocab.OUTCOME_LABELS) + ["未協議"] + _values(vocab.FIT_LABELS) + _values(REQUIREMENT_LABELS)
                   + _values(METHOD_LABELS) + _values(UNIT_LABELS) + _values(FIELDS)
                   # the audit trail's words (ops/history.py): tables, fields, operations, yes / no
                   + _values(history.TABLE_LABELS) + _values(history.FIELD_LABELS)
                   + _values(history._TABLE_FIELD_LABELS) + _values(history.OP_LABELS)
                   + _values(history.KIND_LABELS) + _values(history.YES_NO)
                   # the outcome chart's legend (ui/views/outcome_chart.py: 「要望（未検討）」 beside 検討中)
                   + [label for _, label, _ in outcome_chart.SEGMENTS]
                   # why the function-list import leaves a row out (the import dialog's 除外する行 tab)
                   + ignored_row_reasons()
                   # why a share moved since its 首長決裁 (the cost table's and the request editor's 要再決裁)
                   + list(stale_approval.PATTERNS)
                   # what the function-list import tells the user (detection notes, questions, plan warnings)
                   + list(detect.PATTERNS) + list(function_import.PATTERNS) + [phrase.LIST, phrase.AND]
                   # a record's name in the conflict dialog (要望 R-0001, 団体「那珂市」)
                   + list(concurrency.PATTERNS) + [meeting_label.NUMBERED] + list(comparison.PATTERNS))

    return [
        ("MainWindow", [label for _, label in main_window.PAGES] + [main_window.OPEN_FILTER]),
        ("FileMenuExtras", [file_menu_extras.COPY_FILTER]),
        ("PresentationControls", [text for text, _, _ in presentation_view.CHOICES]),
        ("RequestTableModel", [request_table_model.NEW_FUNCTION_TEXT]),
        ("MemberView", [member_view.FILE_FILTER]),
        ("FunctionBrowserView", _values(REQUIREMENT_LABELS)),
        ("RequestListView", _values(list(Status))),
        ("BulkStatusDialog", _values(list(Status))),
        ("DashboardView", _values(dashboard_view.DashboardView.FIT_COLUMNS)
         + _values(dashboard_view.DashboardView.OUTCOME_COLUMNS) + _values(OUTCOME_LABELS)),
        ("OutcomePanel", _values(outcome_panel.OUTCOME_CHOICES) + _values(outcome_panel.DECISION_TARGETS)),
        ("MemberPartForm", _values(REASON_LABELS) + _values(SERVICE_DROP_LABELS) + _values(APPROVAL_LABELS)
         # the core's one rule for a part's fields, shown under each field (member_part_form.problems)
         + [m + "。" for m in _values(request_ops.PART_PROBLEM_MESSAGES)] + [ANNUAL_CASES_TOO_MANY + "。"]),
        ("JoinCustomizationDialog", _values(REASON_LABELS) + _values(SERVICE_DROP_LABELS)),
        ("AttendeeDialog", _values(ATTENDEE_ROLE_LABELS) + _values(attendee_dialog.DEFAULT_ORGANIZATIONS)),
        ("RequestItemDialog", _values(request_item_dialog.MOVE_TEXTS) + [request_item_dialog.REOPEN_TEXT]),
        ("NewMeetingDialog", _values(MEETING_KIND_LABELS)
         # the core's one rule for a meeting, shown under the form (new_meeting_dialog.problems)
         + [m + "。" for m in _values(MEETING_PROBLEM_MESSAGES)]),
        ("MeetingScheduleDialog", [m + "。" for m in _values(MEETING_PROBLEM_MESSAGES)]),
        ("ImportFunctionsDialog", [import_functions_dialog.FILE_FILTER]),
        ("NewConsortiumDialog", _values(PRESET_LABELS) + [new_consortium_dialog.DB_FILTER]),
        ("FunctionTableModel", _values(function_table_model.HEADERS)),
        ("MemberTableModel", _values(member_table_model.HEADERS)),
        ("RequestTableModel", _values(request_table_model.HEADERS)),
        ("AuditTableModel", _values(audit_table_model.HEADERS)),
        ("ComparisonTableModel", _values(comparison_table_model.LEAD_HEADERS)
         + _values(comparison_table_model.LONG_COLUMNS) + _values(comparison_table_model.TAIL_HEADERS)),
        ("MeetingTableModel", _values(meeting_table_model.MeetingTableModel.HEADERS)),
        ("AttendeeTableModel", _values(meeting_table_model.AttendeeTableModel.HEADERS)),
        ("AgendaTableModel", _values(meeting_table_model.AgendaTableModel.HEADERS)),
        ("Labels", core_labels),
        ("Dates", [name for name, _, _ in ERAS]),
        ("MeasuresTableModel", _values(measures_table_model.MeasuresTableModel.HEADERS)),
        ("CostTableModel", list(cost_table_model.FIXED)),
        ("ShareTableModel", _values(cost_table_model.ShareTableModel.HEADERS)),
        ("PendingDecisionTableModel", _values(late_joiner_dialog.PendingDecisionTableModel.HEADERS)),
        ("_MethodEditor", _values(reports_view.METHODS) + [reports_view.OWN_RULE_DEFAULT]),
        ("ReportsView", _values(reports_view.UNITS)),
        ("MembersPage", [member_view.FILE_FILTER]),
        ("FunctionsPage", [import_functions_dialog.FILE_FILTER]),
        ("ConsortiumPage", _values(PRESET_LABELS) + [new_consortium_dialog.DB_FILTER]),
    ]


def _is_translate(node: ast.AST) -> bool:
    """``QCoreApplication.translate`` (the attribute, not a call)."""
    return isinstance(node, ast.Attribute) and node.attr == "translate" and \
        isinstance(node.value, ast.Name) and node.value.id == "QCoreApplication"


def _string(node: ast.AST | None, constants: dict[str, str]) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return constants.get(node.id)
    return None


def wrapped_texts(path: Path) -> list[tuple[str, str]]:
    """(context, text) of the translated literals of one file that lupdate cannot file under their context."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    constants = {t.id: n.value.value for n in tree.body if isinstance(n, ast.Assign)
                 and isinstance(n.value, ast.Constant) and isinstance(n.value.value, str)
                 for t in n.targets if isinstance(t, ast.Name)}
    wrappers: dict[str, str] = {}  # def _tr(text): return QCoreApplication.translate("ctx", text)
    aliases: set[str] = set()  # tr = QCoreApplication.translate
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.args.args:
            body = [b for b in node.body if not (isinstance(b, ast.Expr) and isinstance(b.value, ast.Constant))]
            call = body[0].value if len(body) == 1 and isinstance(body[0], ast.Return) else None
            if isinstance(call, ast.Call) and _is_translate(call.func) and len(call.args) == 2 \
                    and isinstance(call.args[1], ast.Name) and call.args[1].id == node.args.args[0].arg:
                context = _string(call.args[0], constants)
                if context is not None:
                    wrappers[node.name] = context
        elif isinstance(node, ast.Assign) and _is_translate(node.value):
            aliases |= {t.id for t in node.targets if isinstance(t, ast.Name)}
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        f = node.func
        if isinstance(f, ast.Name) and f.id in wrappers:
            text = _string(node.args[0], {})
            if text:
                found.append((wrappers[f.id], text))
        elif (isinstance(f, ast.Name) and f.id in aliases) or \
                (_is_translate(f) and isinstance(node.args[0], ast.Name)):
            context = _string(node.args[0], constants)
            text = _string(node.args[1], {}) if len(node.args) > 1 else None
            if context and text and len(node.args) == 2:
                found.append((context, text))
    # lupdate does not look inside f-strings: f"<p>{self.tr('…')}</p>"
    def own_nodes(scope: ast.AST):  # a class's nodes, not those of a class nested in it
        for child in ast.iter_child_nodes(scope):
            if not isinstance(child, ast.ClassDef):
                yield child
                yield from own_nodes(child)

    classes = [(c.name, own_nodes(c)) for c in ast.walk(tree) if isinstance(c, ast.ClassDef)]
    for context, nodes in [("", ast.walk(tree)), *classes]:
        for fstring in nodes:
            if not isinstance(fstring, ast.JoinedStr):
                continue
            for node in ast.walk(fstring):
                if not isinstance(node, ast.Call) or not node.args:
                    continue
                f = node.func
                if context and isinstance(f, ast.Attribute) and f.attr == "tr" and \
                        isinstance(f.value, ast.Name) and f.value.id == "self" and len(node.args) == 1:
                    text = _string(node.args[0], {})
                    if text:
                        found.append((context, text))
                elif not context and _is_translate(f) and len(node.args) == 2:
                    ctx, text = _string(node.args[0], constants), _string(node.args[1], {})
                    if ctx and text:
                        found.append((ctx, text))
    return found


def ignored_row_reasons() -> list[str]:
    """The reasons cloudsuppress/importers/detect.py gives a row it does not import (「注記」「合計行」…):
    literals in ``_classify``, returned by ``reason_of`` or assigned to ``reason``."""
    tree = ast.parse((ROOT / "cloudsuppress" / "importers" / "detect.py").read_text(encoding="utf-8"))
    classify = next(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == "_classify")
    out = []
    for node in ast.walk(classify):
        value = node.value if isinstance(node, ast.Return) else node.value if isinstance(node, ast.Assign) and \
            any(isinstance(t, ast.Name) and t.id == "reason" for t in node.targets) else None
        if isinstance(value, ast.Constant) and isinstance(value.value, str) and value.value:
            out.append(value.value)
    return out


def write_catalog() -> int:
    lines = [
        '"""Texts the UI translates at run time from tables (self.tr(label)), listed for pyside6-lupdate.',
        "",
        "Generated by scripts/update_translations.py; do not edit. Never imported by the app.",
        '"""',
        "from PySide6.QtCore import QT_TRANSLATE_NOOP",
        "",
        "TEXTS = (",
    ]
    n = 0
    wrapped: dict[str, list[str]] = {}
    for path in source_files():
        if path != CATALOG_FILE:
            for context, text in wrapped_texts(path):
                wrapped.setdefault(context, []).append(text)
    for context, texts in [*catalog(), *wrapped.items()]:
        for text in dict.fromkeys(texts):
            lines.append(f"    QT_TRANSLATE_NOOP({context!r}, {text!r}),")
            n += 1
    lines.append(")")
    CATALOG_FILE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return n


def source_files() -> list[Path]:
    """main.py and ui/**/*.py as git knows them (work of others not yet added stays out);
    every file when this is not a git checkout."""
    try:
        out = subprocess.run(["git", "ls-files", "--", "main.py", "ui"], cwd=ROOT, capture_output=True,
                             text=True, check=True).stdout.split()
        files = [ROOT / f for f in out if f.endswith(".py") and (ROOT / f).exists()]
    except (OSError, subprocess.CalledProcessError):
        files = []
    return files or [ROOT / "main.py", *sorted((ROOT / "ui").rglob("*.py"))]


def main() -> int:
    n = write_catalog()
    print(f"catalogue: {n} texts -> {CATALOG_FILE.relative_to(ROOT)}")
    sources = source_files()
    TS.parent.mkdir(parents=True, exist_ok=True)
    subprocess.check_call([str(BIN / "pyside6-lupdate"), "-no-obsolete", "-locations", "none",
                           *map(str, sources), "-ts", str(TS)], cwd=ROOT)
    text = TS.read_text(encoding="utf-8")
    # lupdate's guesses for tr(...) outside a class, and for tr = QCoreApplication.translate:
    # the app never asks for the empty context (wrapped_texts files those texts under theirs).
    text = re.sub(r"<context>\s*<name></name>.*?</context>\s*", "", text, flags=re.S)
    TS.write_text(text, encoding="utf-8")
    subprocess.check_call([str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(QM)], cwd=ROOT)
    unfinished = len(re.findall(r'<translation type="unfinished"', text))
    print(f"{QM.relative_to(ROOT)}: {text.count('<message')} texts, {unfinished} untranslated")
    return 1 if unfinished else 0


if __name__ == "__main__":
    sys.exit(main())

"""A member's △/× judgements (from a Fit&Gap sheet) → that member's pre-filled request workbook.

The secretariat's step after a Fit&Gap import: every function a member judged △ or × is
where its customization requests come from. ``export_gap_template`` shows how many rows (and
the first of them), asks for confirmation and a file name, and writes the member's 要望票 with
those rows filled in (機能ID, 要望名, 要望内容 from the member's own note) through the core's
``write_request_template(prefill=…)``; the member completes the mandatory answers (処理件数,
住民サービスへの影響 …) and sends it back, and 要望を取り込む reads it as any other.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from cloudsuppress.errors import DomainError
from cloudsuppress.file_errors import failed_path, file_errors
from cloudsuppress.ops.consortium import require_consortium
from cloudsuppress.ops.functions import list_function_rows
from cloudsuppress.ops.judgements import GapRow, member_gap_rows
from cloudsuppress.ops.members import MemberRow
from cloudsuppress.output_files import output_file
from cloudsuppress.reports.request_template_xlsx import write_request_template

from ..file_dialogs import KIND_REQUESTS, save_file_name
from ..op_runner import OpRunner
from .request_workbooks import template_file_name
from .save_prompts import with_suffix_confirmed

SHOWN_ROWS = 8
CONTEXT = "gap_template"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def describe_gaps(member: str, gaps: list[GapRow]) -> str:
    """The confirmation's text: how many rows, the first few, what the member still has to fill in."""
    lines = [_tr("{0} が Fit&Gap で△・×とした {1} 件を、要望の行として記入した要望票を書き出します。").format(
        member, f"{len(gaps):,}"), ""]
    for g in gaps[:SHOWN_ROWS]:
        kind = _tr("帳票 ") if g.kind == "form" else ""
        lines.append(f"  {g.judgement}  {kind}{g.code} {g.name}（{g.business_system}）")
    if len(gaps) > SHOWN_ROWS:
        lines.append(_tr("  ほか {0} 件").format(len(gaps) - SHOWN_ROWS))
    lines += ["", _tr("記入するのは機能ID・要望名・要望内容（団体の「現行運用・要望」）です。必須の回答（処理件数、"
                      "住民サービスへの影響など）は、団体が記入して返送します。書き出しますか。")]
    return "\n".join(lines)


def export_gap_template(runner: OpRunner, member: MemberRow, *, parent: QWidget) -> str | None:
    """Confirm, ask for the file and write the member's pre-filled 要望票; a status line, or None."""
    title = _tr("△・× の判定から要望票を作る")
    try:
        info, gaps = runner.read(lambda s: (require_consortium(s), member_gap_rows(s, member_id=member.id)))
    except DomainError as error:
        runner.show_error(error, parent=parent)
        return None
    if not gaps:
        QMessageBox.information(parent, title, _tr(
            "{0} が△・×とした機能はありません。団体ごとの判定（団体名の下に 判定 / 現行運用・要望）がある "
            "Fit&Gap シートを「機能一覧を取り込む…」で取り込むと、ここから要望票を作れます。").format(member.name))
        return None
    if QMessageBox.question(parent, title, describe_gaps(member.name, gaps),
                            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                            QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
        return None
    # Where the other 要望票 go (Documents the first time), remembered; 「x」 typed over an existing 「x.xlsx」 asks.
    chosen = save_file_name(parent, title, kind=KIND_REQUESTS, suggested=template_file_name(member.name),
                            file_filter=_tr("要望票 (*.xlsx)"))
    path = with_suffix_confirmed(parent, chosen, ".xlsx") if chosen is not None else None
    if path is None:
        return None
    try:
        rows = runner.read(lambda s: list_function_rows(s, requestable=True))  # never a retired ID

        def write() -> None:
            with output_file(path, overwrite=True) as tmp:  # the save dialog asked before replacing
                write_request_template(tmp, member=member.name, consortium=info.name, functions=rows, prefill=gaps)

        runner.call_in_worker(write, parent=parent, label=_tr("要望票を書き出しています…"))
    except DomainError as error:
        runner.show_error(error, parent=parent)
        return None
    except file_errors() as error:
        from .report_export import show_write_error

        show_write_error(parent, Path(failed_path(error) or path), error)
        return None
    return _tr("{0} の要望票を書き出しました（△・× の {1} 件を記入済み）: {2}").format(member.name, len(gaps), path)

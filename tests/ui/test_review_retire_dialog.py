"""Review R26 in the import dialog: a new edition retiring a function an open request points at puts a
warning in the status line (not R1's 「ほとんど一致しません」) and names the request in 「取り込み内容」."""
from __future__ import annotations

import openpyxl

from cloudsuppress.domain.workflow import OPEN, Status
from cloudsuppress.ops.functions import list_function_rows
from cloudsuppress.ops.request_queries import list_item_rows
from ui.dialogs.import_preview_panels import plan_details

from .test_import_dialog import open_dialog, pick_file  # noqa: F401  (fixture)


def test_status_and_plan_name_the_request_on_a_retired_id(runner, qtbot, pick_file, tmp_path):  # noqa: F811
    item = next(r for r in runner.read(list_item_rows)
                if Status(r.status) in OPEN and r.function_id is not None and r.function_kind != "form")
    rows = [f for f in runner.read(lambda s: list_function_rows(s, business_system_id=item.business_system_id))
            if f.kind == "function"]
    path = tmp_path / "次の版.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "機能一覧"
    ws.append(["機能ID", "業務", "機能名", "機能要件", "改定区分"])
    for f in rows:
        retire = f.id == item.function_id
        ws.append([f.code, f.business_system, "（削除）" if retire else f.name,
                   "（削除）" if retire else (f.requirement or f.name), "削除" if retire else ("" if f.retired else "")])
    wb.save(path)
    dialog = open_dialog(runner, qtbot, pick_file, path)
    assert dialog.status.text().startswith("注意: 欠番になる機能 1 件に未決定の要望があります（「取り込み内容」）。")
    details = plan_details(dialog.preview.plan, blocked=False)
    assert f"{item.key}" in details and f"の対象 {item.function_code} が欠番になります" in details

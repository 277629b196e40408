"""A hidden ID candidate named （非表示の列） in the refusal, spelled in English by the GUI (review of #12)."""
from __future__ import annotations

import openpyxl
import pytest


@pytest.fixture
def english(app_font):
    from ui.i18n import install_translators, remove_translators

    assert install_translators("en")
    yield
    remove_translators()


def test_a_hidden_candidate_in_english(english, tmp_path):
    from cloudsuppress import wording
    from cloudsuppress.importers.detect import detect_function_list
    from cloudsuppress.importers.tabular import read_workbook
    from ui.labels import label

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["機能ID", "要件ID", "業務", "機能名称", "適合度"])
    for n in range(12):
        ws.append([f"01{n:05d}", f"R{n:04d}", "住民基本台帳", f"転入届の受付（{n}）", "○"])
    ws.column_dimensions["B"].hidden = True
    wb.save(tmp_path / "list.xlsx")
    before = wording._audience
    wording.set_audience(wording.GUI)
    try:
        (question,) = detect_function_list(read_workbook(tmp_path / "list.xlsx")).functions.ambiguities
    finally:
        wording.set_audience(before)
    assert "B列「要件ID」（非表示の列）" in question.message
    assert label(question.message) == ('Function ID candidates: 2 columns, column A "機能ID" and column B "要件ID" '
                                       '(a hidden column). Choose which one is the Function ID (on the "Columns" tab).')

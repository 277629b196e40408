"""The handover check knows the columns added on the day of issue 12 and the notice settings
(migrations 0006, 0007): function.kind (function / form), function.retired and fit_alternative,
the function's vendor cost, member_judgement (values, references, one per member and function),
and the consortium's 会長・事務局の連絡先. Each tampered file (hashes recomputed) is refused by the
CLI and the core with what is wrong and nothing written; a file carrying good values of all of
them still imports."""
from __future__ import annotations

import pytest

from cloudsuppress.cli import main as cli_main
from cloudsuppress.store import handover
from cloudsuppress.store.db import open_database

from .test_handover_trust import _refused_with_nothing_written, col, export, rewrite, set_cell  # noqa: F401


def _function_row(b, **values) -> None:
    """Set columns of the first function row."""
    for name, value in values.items():
        b["function"]["rows"][0][col(b, "function", name)] = value


def _judgement(judgement, *, member_id=None, function_id=None, extra: int = 0):
    """Add member_judgement rows for the first member and function (``extra`` more with the same pair)."""
    def edit(b):
        body = b["member_judgement"]
        fid = function_id if function_id is not None else b["function"]["rows"][0][col(b, "function", "id")]
        mid = member_id if member_id is not None else b["member"]["rows"][0][col(b, "member", "id")]
        for n in range(1 + extra):
            row = dict.fromkeys(body["columns"])
            row.update(id=900 + n, function_id=fid, member_id=mid, judgement=judgement, note="窓口で手書きしている")
            body["rows"].append([row[c] for c in body["columns"]])
    return edit


def _officers(**values):
    def edit(b):
        for name, value in values.items():
            b["consortium"]["rows"][0][col(b, "consortium", name)] = value
    return edit


CASES = {
    # function.kind: only 機能 / 帳票
    "kind_widget": (set_cell("function", "kind", "widget"), "「kind」: このアプリにない値です"),
    "kind_null": (set_cell("function", "kind", None), "「kind」: 空にできない列が空です"),
    # function.retired (欠番) and fit_alternative (代替): true / false only, 代替 only on ○
    "retired_text": (set_cell("function", "retired", "削除"), "「retired」: 真偽値ではありません"),
    "retired_float": (set_cell("function", "retired", 1.0), "「retired」: 真偽値ではありません"),
    "retired_null": (set_cell("function", "retired", None), "「retired」: 空にできない列が空です"),
    "alternative_on_cross": (lambda b: _function_row(b, fit="×", fit_alternative=True),
                             "代替の印は適合度 ○ の機能にだけ付きます"),
    "vendor_cost_negative": (set_cell("function", "vendor_cost", -1000), "「vendor_cost」: 範囲外の数です"),
    # member_judgement: its values, its references, one per member and function
    "judgement_double_circle": (_judgement("◎"), "「judgement」: このアプリにない値です"),
    "judgement_word": (_judgement("対応可"), "「judgement」: 長すぎます"),
    "judgement_dangling_member": (_judgement("△", member_id=424_242), "参照先の member id 424242"),
    "judgement_dangling_function": (_judgement("△", function_id=424_242), "参照先の function id 424242"),
    "judgement_twice": (_judgement("△", extra=1), "function_id・member_id が重複しています"),
    # consortium: 会長・事務局の連絡先 as the settings dialog checks them
    "officer_mail": (_officers(office_mail="jimukyoku"), "「office_mail」（メール）: メールアドレスの形式ではありません"),
    "officer_phone": (_officers(office_phone="=HYPERLINK(\"x\")"), "「office_phone」（電話）: 電話番号は"),
    "officer_chair_without_member": (_officers(chair_name="先﨑　光", chair_member=None),
                                     "「chair_member」（会長の所属団体）: 会長の所属団体"),
    "officer_seal_text": (_officers(seal_omitted="省略"), "「seal_omitted」: 真偽値ではありません"),
    "officer_seal_null": (_officers(seal_omitted=None), "「seal_omitted」: 空にできない列が空です"),
    "officer_long": (_officers(office_section="課" * 201), "「office_section」: 長すぎます"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_tampered_issue12_or_officer_column_is_refused_with_nothing_written(export, tmp_path, capsys, case):
    edit, expected = CASES[case]
    path = rewrite(export, tmp_path / f"{case}.zip", edit)
    _refused_with_nothing_written(path, tmp_path, expected, capsys)


def test_good_forms_retired_ids_judgements_and_officers_import(export, tmp_path, capsys):
    def edit(b):
        rows = b["function"]["rows"]
        rows[0][col(b, "function", "kind")] = "form"
        rows[1][col(b, "function", "retired")] = True
        rows[2][col(b, "function", "fit")] = "○"
        rows[2][col(b, "function", "fit_alternative")] = 1
        rows[3][col(b, "function", "vendor_cost")] = 350_000
        _judgement("－")(b)
        _officers(chair_member="那珂市", chair_name="先﨑　光", seal_omitted=False, office_section="事務局（情報政策課）",
                  office_staff="茨城　花子", office_phone="029-270-8011（内線 123）",
                  office_mail="jimukyoku@example.lg.jp")(b)
    path = rewrite(export, tmp_path / "good.zip", edit)
    target = tmp_path / "ok.sqlite"
    assert cli_main(["--db", str(target), "handover", "import", str(path)]) == 0, capsys.readouterr().err
    database = open_database(target)
    try:
        with database.session() as s:
            assert not handover.is_empty(s)
            from sqlalchemy import select

            from cloudsuppress.domain.models import Consortium, Function, MemberJudgement
            assert s.scalars(select(MemberJudgement.judgement)).all() == ["－"]
            assert s.scalar(select(Consortium.office_mail)) == "jimukyoku@example.lg.jp"
            assert sorted(s.scalars(select(Function.kind)).all()).count("form") == 1
            assert s.scalar(select(Function.vendor_cost).where(Function.vendor_cost.is_not(None))) == 350_000
    finally:
        database.close()

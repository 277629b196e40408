"""Every refused import leaves the database exactly as it was, and says in Japanese where the
problem is (file, row, column), listing every problem up to the limit."""
from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from cloudsuppress.errors import ImportValidationError
from cloudsuppress.importers.members import read_member_list
from cloudsuppress.ops import members as member_ops

from .conftest import HEADER, dump, import_file, write_csv, write_xlsx

SYSTEM = "住民基本台帳"


def _rows(n: int) -> list[list[str]]:
    return [[f"00{i:05d}", f"機能{i}", f"機能{i}ができること。", "実装必須機能", "○"] for i in range(1, n + 1)]


@pytest.fixture
def loaded(db, tmp_path):
    """A database that already holds a list for 住民基本台帳 and two members, and its dump."""
    import_file(db, write_csv(tmp_path / "base.csv", [HEADER, *_rows(20)]), business_system=SYSTEM, spec_version="第1.0版")
    with db.session() as s, s.begin():
        member_ops.add_member(s, name="那珂市", population=55_827)
        member_ops.add_member(s, name="五霞町", population=9_178)
    return db, dump(db)


def _refused(db, before, path: Path, **kwargs) -> ImportValidationError:
    with pytest.raises(ImportValidationError) as err:
        import_file(db, path, **kwargs)
    assert dump(db) == before, "a refused import changed the database"
    assert "データベースは変更していません" in str(err.value)
    return err.value


def _with_row_12(tmp_path, name: str, column: int, value: str, *, encoding="utf-8") -> Path:
    """A list where spreadsheet row 12 has ``value`` in ``column`` (0-based)."""
    rows = [HEADER, *_rows(15)]
    rows[11][column] = value
    return write_csv(tmp_path / name, rows, encoding)


def test_unknown_fit_mark(loaded, tmp_path):
    db, before = loaded
    err = _refused(db, before, _with_row_12(tmp_path, "fit.csv", 4, "◇"), business_system=SYSTEM)
    assert len(err.issues) == 1
    text = str(err.issues[0])
    assert text.startswith("fit.csv")
    assert "12行目" in text and "E列" in text and "適合度" in text and "「◇」" in text


def test_unknown_fit_mark_in_a_spreadsheet_names_the_sheet(loaded, tmp_path):
    db, before = loaded
    rows = [HEADER, *_rows(15)]
    rows[11][4] = "要検討"
    err = _refused(db, before, write_xlsx(tmp_path / "fit.xlsx", rows, sheet="住基"), business_system=SYSTEM)
    assert str(err.issues[0]).startswith("fit.xlsx シート「住基」 12行目 E列（適合度）")


def test_unknown_requirement_class(loaded, tmp_path):
    db, before = loaded
    err = _refused(db, before, _with_row_12(tmp_path, "cls.csv", 3, "たぶん必要"), business_system=SYSTEM)
    assert "12行目" in str(err) and "D列（実装区分）" in str(err)


def test_empty_id(loaded, tmp_path):
    db, before = loaded
    err = _refused(db, before, _with_row_12(tmp_path, "id.csv", 0, "  "), business_system=SYSTEM)
    assert "12行目" in str(err) and "A列（機能ID）" in str(err) and "機能IDが空です" in str(err)


def test_empty_name(loaded, tmp_path):
    db, before = loaded
    err = _refused(db, before, _with_row_12(tmp_path, "name.csv", 1, ""), business_system=SYSTEM)
    assert "12行目 B列（機能名）: 機能名が空です" in str(err)


def test_duplicate_id_names_both_rows(loaded, tmp_path):
    db, before = loaded
    err = _refused(db, before, _with_row_12(tmp_path, "dup.csv", 0, "0000003"), business_system=SYSTEM)
    assert "12行目" in str(err) and "A列（機能ID）" in str(err)
    assert "「0000003」が重複" in str(err) and "4行目" in str(err)


def _fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) for c in text)


def test_duplicate_id_after_width_normalisation(loaded, tmp_path):
    db, before = loaded
    # Full-width digits are the same ID as half-width ones once normalised.
    err = _refused(db, before, _with_row_12(tmp_path, "dup.csv", 0, _fullwidth("0000003")), business_system=SYSTEM)
    assert "重複" in str(err)


def test_unknown_business_system_in_the_file(loaded, tmp_path):
    db, before = loaded
    rows = [["業務", *HEADER]] + [[SYSTEM, *r] for r in _rows(15)]
    rows[11][0] = rows[13][0] = "住民台帳"  # not a registered system
    err = _refused(db, before, write_csv(tmp_path / "sys.csv", rows))
    assert "12行目" in str(err) and "A列（業務）" in str(err) and "「住民台帳」が登録されていません（2 行、最初は 12 行目）" in str(err)
    # Once per distinct name (issue 12), with how to map or add it.
    assert str(err).count("住民台帳」が登録されていません") == 1
    assert str(err).count("structure add-system") + str(err).count("「業務を追加…」") == 1
    assert "--system-map 住民台帳=" in str(err)


def test_unknown_business_system_given_as_target(loaded, tmp_path):
    db, before = loaded
    err = _refused(db, before, write_csv(tmp_path / "l.csv", [HEADER, *_rows(3)]), business_system="存在しない業務")
    assert "「存在しない業務」が登録されていません" in str(err) and "structure add-system" in str(err)


def test_missing_required_column(loaded, tmp_path):
    # Without a 機能名 column the name is made from the requirement (issue 12); without any text
    # column to name the function, the list is refused.
    db, before = loaded
    rows = [["機能ID", "実装区分", "適合度"]] + [[r[0], r[3], r[4]] for r in _rows(5)]
    err = _refused(db, before, write_csv(tmp_path / "noname.csv", rows), business_system=SYSTEM)
    assert "1行目" in str(err) and "必須の列「機能名」" in str(err)


def test_no_header_at_all(loaded, tmp_path):
    db, before = loaded
    err = _refused(db, before, write_csv(tmp_path / "nohead.csv", _rows(5)), business_system=SYSTEM)
    assert "見出し行が見つかりません" in str(err)


def test_random_bytes_named_xlsx(loaded, tmp_path):
    db, before = loaded
    path = tmp_path / "random.xlsx"
    path.write_bytes(os.urandom(4096))
    err = _refused(db, before, path, business_system=SYSTEM)
    assert "random.xlsx" in str(err) and "読み込めません" in str(err)


def test_truncated_xlsx(loaded, tmp_path):
    db, before = loaded
    good = write_xlsx(tmp_path / "good.xlsx", [HEADER, *_rows(30)]).read_bytes()
    path = tmp_path / "truncated.xlsx"
    path.write_bytes(good[: len(good) // 2])
    err = _refused(db, before, path, business_system=SYSTEM)
    assert "truncated.xlsx" in str(err) and "読み込めません" in str(err)


def test_xlsx_with_a_corrupt_sheet(loaded, tmp_path):
    db, before = loaded
    good = write_xlsx(tmp_path / "good.xlsx", [HEADER, *_rows(5)])
    out = io.BytesIO()
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename.startswith("xl/worksheets/"):
                data = data[: len(data) // 2]  # cut the sheet XML in the middle
            dst.writestr(item, data)
    path = tmp_path / "corrupt.xlsx"
    path.write_bytes(out.getvalue())
    err = _refused(db, before, path, business_system=SYSTEM)
    assert "corrupt.xlsx" in str(err)


def test_file_not_found(loaded, tmp_path):
    db, before = loaded
    err = _refused(db, before, tmp_path / "ない.xlsx", business_system=SYSTEM)
    assert "ない.xlsx: ファイルが見つかりません" in str(err)


def test_wrong_sheet_name_lists_the_sheets(loaded, tmp_path):
    db, before = loaded
    path = write_xlsx(tmp_path / "l.xlsx", [HEADER, *_rows(3)], sheet="機能一覧")
    err = _refused(db, before, path, business_system=SYSTEM, sheet="Sheet1")
    assert "シート「Sheet1」がありません" in str(err) and "機能一覧" in str(err)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".xls"])
def test_empty_file(loaded, tmp_path, suffix):
    db, before = loaded
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(b"")
    err = _refused(db, before, path, business_system=SYSTEM)
    assert f"empty{suffix}" in str(err)


def test_header_without_rows(loaded, tmp_path):
    db, before = loaded
    err = _refused(db, before, write_csv(tmp_path / "head.csv", [HEADER, ["", "", "", "", ""]]), business_system=SYSTEM)
    assert "機能の行がありません" in str(err)


def test_undecodable_csv_bytes(loaded, tmp_path):
    db, before = loaded
    path = tmp_path / "bytes.csv"
    # 0x81 0x20 is neither UTF-8 nor a Shift_JIS pair: a Shift_JIS file with one damaged byte (review R9).
    path.write_bytes("機能ID,機能名\r\n1,".encode("cp932") + b"\x81\x20\r\n")
    err = _refused(db, before, path, business_system=SYSTEM)
    assert [str(i) for i in err.issues] == ["bytes.csv 2行目 B列: Shift_JIS（CP932）として読めない文字があります"
                                            "（0x81 0x20、セルの先頭）。その文字を入力し直して保存してください。"]


def test_utf16_without_bom_is_refused_with_a_hint(loaded, tmp_path):
    # With a BOM (Excel's 「Unicode テキスト」) UTF-16 is read: tests/core/test_review_utf16.py (review R32).
    db, before = loaded
    path = tmp_path / "u16.csv"
    path.write_bytes("機能ID,機能名\r\n1,交付\r\n".encode("utf-16-le"))
    err = _refused(db, before, path, business_system=SYSTEM)
    assert "UTF-16" in str(err) and "保存し直してください" in str(err)


def test_unsupported_extension(loaded, tmp_path):
    db, before = loaded
    path = tmp_path / "list.pdf"
    path.write_bytes(b"%PDF-1.4")
    err = _refused(db, before, path, business_system=SYSTEM)
    assert "（.pdf）は読み込めません" in str(err)


def test_every_problem_in_one_file_is_reported(loaded, tmp_path):
    db, before = loaded
    rows = [HEADER, *_rows(30)]
    rows[4][4] = "?"        # row 5: fit
    rows[9][0] = ""         # row 10: empty ID
    rows[14][1] = ""        # row 15: empty name
    rows[19][0] = rows[2][0]  # row 20: duplicate of row 3
    rows[24][3] = "未定"     # row 25: requirement class
    err = _refused(db, before, write_csv(tmp_path / "many.csv", rows), business_system=SYSTEM)
    assert [(i.row, i.column) for i in err.issues] == [
        (5, "E列（適合度）"), (10, "A列（機能ID）"), (15, "B列（機能名）"), (20, "A列（機能ID）"), (25, "D列（実装区分）"),
    ]
    assert err.total == 5


def test_problems_beyond_the_limit_are_counted(loaded, tmp_path):
    db, before = loaded
    rows = [HEADER, *_rows(260)]
    for r in rows[1:251]:
        r[4] = "?"
    err = _refused(db, before, write_csv(tmp_path / "lots.csv", rows), business_system=SYSTEM)
    assert len(err.issues) == ImportValidationError.MAX_LISTED == 200
    assert err.total == 250
    assert "（250 件の問題）" in str(err) and "ほか 50 件の問題があります" in str(err)
    assert "201行目" in str(err) and "202行目" not in str(err)  # rows 2..201 listed


# --- member lists -----------------------------------------------------------------------------


def _members_refused(db, before, path: Path) -> ImportValidationError:
    with pytest.raises(ImportValidationError) as err:
        records = read_member_list(path)
        with db.session() as s, s.begin():
            member_ops.import_members(s, records)
    assert dump(db) == before
    return err.value


def test_member_list_with_a_bad_population(loaded, tmp_path):
    db, before = loaded
    rows = [["団体名", "人口", "参加日"], ["常陸大宮市", "42,963", "2013-10-01"], ["那珂市", "五万", ""], ["かすみがうら市", "-5", ""]]
    err = _members_refused(db, before, write_csv(tmp_path / "m.csv", rows, "cp932"))
    assert [str(i) for i in err.issues] == [
        "m.csv 3行目 B列（人口）: 人口「五万」は正の整数ではありません。",
        "m.csv 4行目 B列（人口）: 人口「-5」は正の整数ではありません。",
    ]


def test_member_list_with_a_bad_date_and_duplicate_name(loaded, tmp_path):
    db, before = loaded
    rows = [["団体名", "人口", "参加日"], ["常陸大宮市", "42963", "令和8年13月1日"], ["常陸大宮市", "42963", ""]]
    err = _members_refused(db, before, write_xlsx(tmp_path / "m.xlsx", rows, sheet="団体"))
    assert "2行目 C列（参加日）" in str(err) and "3行目 A列（団体名）" in str(err) and "重複" in str(err)


def test_member_list_with_a_join_date_outside_its_era(loaded, tmp_path):
    db, before = loaded
    rows = [["団体名", "人口", "参加日"], ["常陸大宮市", "42963", "平成32年4月1日"]]
    err = _members_refused(db, before, write_csv(tmp_path / "m.csv", rows))
    assert [str(i) for i in err.issues] == [
        "m.csv 2行目 C列（参加日）: 参加日「平成32年4月1日」を日付として読めません（平成は平成31年4月30日までです）"
        "（例: 2026-04-01、令和8年4月1日）。"]


def test_member_list_without_header(loaded, tmp_path):
    db, before = loaded
    err = _members_refused(db, before, write_csv(tmp_path / "m.csv", [["那珂市", "55827"]]))
    assert "見出し行（団体名・人口・参加日）が見つかりません" in str(err)


def test_duplicate_id_under_two_spellings_of_one_system(loaded, tmp_path):
    db, before = loaded
    rows = [["業務", *HEADER],
            ["国民健康保険（資格）", "1", "資格取得", "", "", "○"],
            ["国民健康保険(資格)", "1", "資格喪失", "", "", "○"]]
    err = _refused(db, before, write_csv(tmp_path / "dup.csv", rows))
    assert "3行目 B列（機能ID）" in str(err) and "「1」" in str(err) and "重複" in str(err) and "2行目" in str(err)


def test_duplicate_id_between_a_blank_system_cell_and_the_default(loaded, tmp_path):
    db, before = loaded
    rows = [["業務", *HEADER], ["", "1", "資格取得", "", "", "○"], [SYSTEM, "1", "資格喪失", "", "", "○"]]
    err = _refused(db, before, write_csv(tmp_path / "dup.csv", rows), business_system=SYSTEM)
    assert "3行目 B列（機能ID）" in str(err) and "重複" in str(err)

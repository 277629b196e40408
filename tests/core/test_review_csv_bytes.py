"""Review R9: a CSV file that is Shift_JIS (or UTF-8) except for one damaged byte is refused naming
the file, the row and the column of that byte, in all three importers (they share the decoding),
never 「文字コードを判別できません」 alone, and never read as the other encoding's garbage."""
from __future__ import annotations

import pytest

from cloudsuppress.errors import ImportValidationError
from cloudsuppress.importers.members import read_member_list
from cloudsuppress.importers.requests import read_request_files

from .conftest import HEADER, dump, import_file

FUNCTIONS = [HEADER, ["0010001", "転入届の受付", "転入届を受け付けること。", "実装必須機能", "○"],
             ["0010002", "転出届の受付", "転出届を受け付けること。", "実装必須機能", "○"],
             ["0010003", "世帯変更届の受付", "世帯の変更を受け付けること。", "実装必須機能", "△"]]


def _damaged(rows: list[list[str]], *, row: int, column: int, encoding: str, bad: bytes) -> bytes:
    """The rows as CSV in ``encoding``, with ``bad`` put inside the cell at 1-based ``row``, 0-based
    ``column``, after its first two characters (what a cut-off copy or a broken disk leaves)."""
    marker = "\ue000"
    rows = [list(r) for r in rows]
    cell = rows[row - 1][column]
    rows[row - 1][column] = cell[:2] + marker + cell[2:]
    text = "\r\n".join(",".join(r) for r in rows) + "\r\n"
    head, tail = text.split(marker)
    return head.encode(encoding) + bad + tail.encode(encoding)


def _refused_functions(db, tmp_path, data: bytes) -> ImportValidationError:
    path = tmp_path / "機能一覧.csv"
    path.write_bytes(data)
    before = dump(db)
    with pytest.raises(ImportValidationError) as err:
        import_file(db, path, business_system="住民基本台帳")
    assert dump(db) == before
    return err.value


def test_one_bad_byte_in_a_shift_jis_function_list_is_named_by_row_and_column(db, tmp_path):
    err = _refused_functions(db, tmp_path, _damaged(FUNCTIONS, row=3, column=1, encoding="cp932", bad=b"\x81\x7f"))
    assert [(i.file, i.row, i.column) for i in err.issues] == [("機能一覧.csv", 3, "B列")]
    text = str(err.issues[0])
    assert text.startswith("機能一覧.csv 3行目 B列: Shift_JIS（CP932）として読めない文字があります")
    assert "（0x81 0x7F、「転出」の後）" in text  # the damaged lead byte, the one after it, and where
    assert "文字コードを判別できません" not in str(err)


def test_every_damaged_place_is_named(db, tmp_path):
    data = _damaged(FUNCTIONS, row=2, column=2, encoding="cp932", bad=b"\x81\x7f")
    data = data.replace("世帯".encode("cp932"), b"\x85\x40" + "帯".encode("cp932"))  # 0x85 0x40: no character
    err = _refused_functions(db, tmp_path, data)
    assert [(i.row, i.column) for i in err.issues] == [(2, "C列"), (4, "B列"), (4, "C列")]
    assert "0x85 0x40" in str(err.issues[1]) and "セルの先頭" in str(err.issues[1])


def test_a_utf8_list_with_one_bad_byte_is_named_by_row_and_column(db, tmp_path):
    err = _refused_functions(db, tmp_path, _damaged(FUNCTIONS, row=4, column=1, encoding="utf-8", bad=b"\xe3\x81"))
    assert [(i.row, i.column) for i in err.issues] == [(4, "B列")]
    assert "UTF-8 として読めない文字があります（0xE3 0x81、「世帯」の後）" in str(err.issues[0])


def test_a_utf8_member_list_with_one_bad_byte_is_not_read_as_shift_jis(tmp_path):
    """Every byte of this UTF-8 list but the damaged one also makes Shift_JIS characters: before,
    it was read as 「蝗｣菴灘錐,莠ｺ蜿｣…」 and refused for a header it could not find."""
    rows = [["団体名", "人口", "参加日"], ["五霞町", "9178", ""], ["朝日町", "12000", ""]]
    path = tmp_path / "団体.csv"
    path.write_bytes(_damaged(rows, row=3, column=0, encoding="utf-8", bad=b"\xe3\x81"))
    with pytest.raises(ImportValidationError) as err:
        read_member_list(path)
    assert [str(i) for i in err.value.issues] == [
        "団体.csv 3行目 A列: UTF-8 として読めない文字があります（0xE3 0x81、「朝日」の後）。その文字を入力し直して保存してください。"]


def test_a_quoted_cell_over_several_lines_counts_as_one_row(db, tmp_path):
    rows = [list(r) for r in FUNCTIONS]
    rows[1][2] = '"転入届を\r\n受け付けること。"'
    err = _refused_functions(db, tmp_path, _damaged(rows, row=3, column=1, encoding="cp932", bad=b"\x81\x7f"))
    assert [(i.row, i.column) for i in err.issues] == [(3, "B列")]


def test_a_file_in_neither_encoding_still_names_where_reading_stopped(db, tmp_path):
    data = "機能ID,機能名\r\n".encode("cp932") + b"".join(b"00%05d,\x85\x40%d\r\n" % (i, i) for i in range(1, 11))
    err = _refused_functions(db, tmp_path, data)
    assert [(i.row, i.column) for i in err.issues] == [(2, "B列")]
    assert str(err.issues[0]) == ("機能一覧.csv 2行目 B列: 文字コードを判別できません（ここで最初に読めない文字があります: 0x85 0x40）。"
                                  "UTF-8 または Shift_JIS（CP932）で保存してください。")


def test_a_member_list_with_a_bad_byte(tmp_path):
    rows = [["団体名", "人口", "参加日"], ["常陸大宮市", "42963", ""], ["那珂市", "55827", ""]]
    path = tmp_path / "団体.csv"
    path.write_bytes(_damaged(rows, row=3, column=0, encoding="cp932", bad=b"\x9f\x7f"))
    with pytest.raises(ImportValidationError) as err:
        read_member_list(path)
    assert [str(i) for i in err.value.issues] == [
        "団体.csv 3行目 A列: Shift_JIS（CP932）として読めない文字があります（0x9F 0x7F、「那珂」の後）。"
        "その文字を入力し直して保存してください。"]


def test_a_request_sheet_with_a_bad_byte(tmp_path):
    rows = [["要望番号", "団体名", "機能ID", "要望内容", "理由区分"],
            ["1", "那珂市", "0010001", "窓口で手作業により対応している", "事務効率"]]
    path = tmp_path / "要望.csv"
    path.write_bytes(_damaged(rows, row=2, column=3, encoding="cp932", bad=b"\x82\x20"))
    with pytest.raises(ImportValidationError) as err:
        read_request_files([path])
    assert [(i.file, i.row, i.column) for i in err.value.issues] == [("要望.csv", 2, "D列")]
    assert "（0x82 0x20、「窓口」の後）" in str(err.value.issues[0])


def test_a_damaged_unicode_text_file_names_the_place(tmp_path):
    """Excel's 「Unicode テキスト」 (UTF-16 with a BOM, tab-separated) with half a character lost."""
    rows = [["団体名", "人口"], ["五霞町", "9178"], ["朝日町", "12000"]]
    data = "\r\n".join("\t".join(r) for r in rows).encode("utf-16")
    cut = data.index("日町".encode("utf-16-le"))
    path = tmp_path / "団体.txt"
    path.write_bytes(data[:cut] + b"\x00\xdc" + data[cut:])  # a lone second half of a surrogate pair
    with pytest.raises(ImportValidationError) as err:
        read_member_list(path)
    assert [(i.row, i.column) for i in err.value.issues] == [(3, "A列")]
    assert "UTF-16 として読めない文字があります（0x00 0xDC、「朝」の後）" in str(err.value.issues[0])


def test_a_quote_never_closed_is_named_not_swallowing_the_rows_after_it(db, tmp_path):
    """A stray 「"」 at the start of a cell (a list written by another program, edited by hand) made the
    reader take the rest of the file as that one cell: 3 rows in the file, 1 function imported, its
    name holding the other two, and nothing said."""
    path = tmp_path / "機能一覧.csv"
    path.write_text("機能ID,機能名,機能要件,実装区分,適合度\r\n0010001,\"転入届の受付,転入届を受け付けること。,実装必須機能,○\r\n"
                    "0010002,転出届の受付,転出届を受け付けること。,実装必須機能,○\r\n"
                    "0010003,世帯変更届の受付,世帯の変更を受け付けること。,実装必須機能,△\r\n", encoding="cp932")
    before = dump(db)
    with pytest.raises(ImportValidationError) as err:
        import_file(db, path, business_system="住民基本台帳")
    assert dump(db) == before
    assert [str(i) for i in err.value.issues] == [
        "機能一覧.csv 2行目 B列: 引用符「\"」が閉じられていないため、このセルから後ろ（3 行分）がすべて 1 つのセルとして"
        "読まれます。引用符を閉じるか削除して保存し直してください。"]


def test_a_quote_never_closed_in_a_long_file_names_its_cell(tmp_path):
    """The same in a list long enough that the swallowed rest passes the reader's limit for one cell
    (1,048,576 characters): it was refused as 「1 つのセルが長すぎます」 with no row."""
    rows = [["団体名", "人口", "参加日"], ["五霞町", "9178", ""], ["那珂市", "\"55827", ""]]
    rows += [[f"団体{i:06d}", str(1000 + i), "令和8年4月1日"] for i in range(60_000)]
    path = tmp_path / "団体.csv"
    path.write_text("\r\n".join(",".join(r) for r in rows) + "\r\n", encoding="utf-8")
    with pytest.raises(ImportValidationError) as err:
        read_member_list(path)
    assert [(i.row, i.column) for i in err.value.issues] == [(3, "B列")]
    assert "引用符「\"」が閉じられていない" in str(err.value.issues[0])


def test_a_byte_shown_with_the_lead_byte_is_not_text_before_the_next(db, tmp_path):
    """0x81 then DEL then 0x82 (a lead byte with no second half, twice): the second place read
    「（0x82、「」の後）」, the DEL it had shown with the first counted as the text before it (walk)."""
    data = _damaged(FUNCTIONS, row=3, column=1, encoding="cp932", bad=b"\x81\x7f\x82\x20")
    issues = [i.message for i in _refused_functions(db, tmp_path, data).issues]
    assert any("0x81 0x7F、「転出」の後" in m for m in issues), issues
    assert any("0x82 0x20、「転出」の後" in m for m in issues), issues
    assert not any("「」" in m for m in issues), issues


@pytest.mark.parametrize("bad", [b"\xfd", b"\xfe", b"\xff", b"\xa0", b"\x80"])
def test_a_shift_jis_byte_that_is_no_character_is_named_not_read_as_a_private_use_character(db, tmp_path, bad):
    """Python's cp932 decodes these single bytes (to U+0080 and U+F8F0-U+F8F3), so the list used to be
    imported with an invisible character in the function name; every other program shows no character."""
    err = _refused_functions(db, tmp_path, _damaged(FUNCTIONS, row=3, column=1, encoding="cp932", bad=bad))
    assert [str(i) for i in err.issues] == [
        f"機能一覧.csv 3行目 B列: Shift_JIS（CP932）として読めない文字があります（0x{bad[0]:02X}、「転出」の後）。"
        "その文字を入力し直して保存してください。"]


def test_a_gaiji_in_a_shift_jis_list_is_named_as_such(db, tmp_path):
    """外字 (0xF040-0xF9FC, the writer's own characters) decode to private-use code points that print
    blank on every other machine: refused naming the place, with words a secretary knows."""
    err = _refused_functions(db, tmp_path, _damaged(FUNCTIONS, row=4, column=2, encoding="cp932", bad=b"\xf0\x40"))
    assert [str(i) for i in err.issues] == [
        "機能一覧.csv 4行目 C列: 外字（利用者定義文字）があります（0xF0 0x40、「世帯」の後）。"
        "ほかのパソコンや印刷では表示されないため、標準の文字に置き換えて保存してください。"]


def test_a_clean_shift_jis_list_with_nec_and_ibm_extensions_still_imports(db, tmp_path):
    """①, ㈱, 髙 and 﨑 are cp932 characters of their own, not 外字: they must keep importing."""
    rows = [list(r) for r in FUNCTIONS]
    rows[1][1] = "転入届の受付①㈱髙﨑"
    path = tmp_path / "機能一覧.csv"
    path.write_bytes(("\r\n".join(",".join(r) for r in rows) + "\r\n").encode("cp932"))
    import_file(db, path, business_system="住民基本台帳")
    assert "転入届の受付①㈱髙﨑" in str(dump(db))

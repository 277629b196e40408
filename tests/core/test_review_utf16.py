"""Review R32: Excel's 「Unicode テキスト (*.txt)」 save — UTF-16 LE with a BOM, tab-separated, CRLF —
is read like a CSV/TSV by all three importers (function lists, member lists, request workbooks),
and keeps 髙・﨑, which a Shift_JIS CSV loses."""
from __future__ import annotations

from pathlib import Path

from cloudsuppress.importers.members import read_member_list
from cloudsuppress.importers.tabular import decode_csv_bytes, read_table
from cloudsuppress.ops import request_queries as rq

from .conftest import HEADER, functions_of, import_file
from .request_support import rdb  # noqa: F401  (fixture)
from .test_request_import import HEADER as REQUEST_HEADER
from .test_request_import import run_import


def unicode_text(path: Path, rows: list[list[str]], *, big_endian: bool = False) -> Path:
    """What Excel writes for 「Unicode テキスト」: BOM, UTF-16, tabs, CRLF."""
    text = "".join("\t".join(row) + "\r\n" for row in rows)
    path.write_bytes(("\ufeff" + text).encode("utf-16-be" if big_endian else "utf-16-le"))
    return path


def test_decode_recognises_the_utf16_bom():
    for codec in ("utf-16-le", "utf-16-be"):
        text, encoding = decode_csv_bytes(("\ufeff" + "髙橋\t﨑").encode(codec), "x.txt")
        assert (text, encoding) == ("髙橋\t﨑", "utf-16")


def test_function_list_as_unicode_text(db, tmp_path):
    body = [["0010001", "髙橋﨑の外字", "「髙」「﨑」を印字できること。", "実装必須機能", "○"],
            ["0010002", "転入届の受付", "転入届を受け付けること。", "標準オプション機能", "△"]]
    path = unicode_text(tmp_path / "機能一覧.txt", [HEADER, *body])
    table = read_table(path)
    assert table.rows[1][1] == "髙橋﨑の外字"
    import_file(db, path, business_system="住民基本台帳")
    rows = functions_of(db, "住民基本台帳")
    assert rows["0010001"].name == "髙橋﨑の外字" and rows["0010002"].fit == "△"


def test_member_list_as_unicode_text(tmp_path):
    path = unicode_text(tmp_path / "団体.txt", [["団体名", "人口"], ["髙萩市", "26,000"], ["﨑山町", "9,178"]], big_endian=True)
    records = read_member_list(path)
    assert [(r.name, r.population) for r in records] == [("髙萩市", 26_000), ("﨑山町", 9_178)]


def test_request_file_as_unicode_text(rdb, tmp_path):
    row = ["", "那珂市", "0010003", "外字の印字", "髙橋・﨑の字形で印字したい", "法令・制度対応", "低下する",
           "証明書に正しい字形が必要", "1,200件", "", "￥800,000"]
    run_import(rdb, [unicode_text(tmp_path / "naka.txt", [REQUEST_HEADER, row])])
    with rdb.session() as s:
        (r,) = rq.list_item_rows(s)
        (p,) = rq.member_parts(s, r.id)
    assert (r.function_code, p.content, p.annual_cases) == ("0010003", "髙橋・﨑の字形で印字したい", 1200)

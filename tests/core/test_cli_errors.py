"""The command line never ends in a traceback: a file it cannot write (a missing folder, a workbook
open in Excel: xlsxwriter's FileCreateError, which is not an OSError) is one Japanese line
「エラー: ファイルに書き込めません: PATH（理由）」 with exit status 1."""
from __future__ import annotations

import errno

import pytest

from .test_cli import run


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from cloudsuppress.cli import main

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    assert main(["--db", str(path), "init", "--name", "デモ協議会", "--demo"]) == 0
    return path


def assert_cannot_write(code, out, err, path, reason):
    assert code == 1 and out == ""
    assert err == f"エラー: ファイルに書き込めません: {path}（{reason}）\n"


@pytest.mark.parametrize("args", [
    ("export", "comparison"), ("export", "cost-table"), ("export", "minutes", "1"),
    ("requests", "export-template", "--member", "五霞町"),
])
def test_an_export_into_a_missing_folder_says_so_in_japanese(demo, tmp_path, capsys, args):
    suffix = ".docx" if "minutes" in args else ".xlsx"
    target = tmp_path / "ない" / f"x{suffix}"
    code, out, err = run(capsys, "--db", demo, *args, "--out", target)
    assert_cannot_write(code, out, err, target, "フォルダーが見つかりません")


@pytest.mark.parametrize("args", [("export", "comparison"), ("export", "cost-table"),
                                  ("requests", "export-template", "--member", "五霞町")])
def test_a_workbook_open_in_excel_is_named_as_the_likely_cause(demo, tmp_path, capsys, monkeypatch, args):
    import xlsxwriter.workbook

    def locked(path, *a, **kw):  # Windows: the file is open in Excel
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(xlsxwriter.workbook, "ZipFile", locked)
    target = tmp_path / "比較表.xlsx"
    code, out, err = run(capsys, "--db", demo, *args, "--out", target)
    assert_cannot_write(code, out, err, target, "書き込みが許可されていません。Excel などほかのアプリで開いていないか、"
                                                "書き込めるフォルダーか確かめてください")


def test_other_writers_name_the_file_the_user_gave(demo, tmp_path, capsys):
    target = tmp_path / "ない" / "h.zip"  # written as h.zip.part first
    code, out, err = run(capsys, "--db", demo, "handover", "export", "--out", target)
    assert_cannot_write(code, out, err, target, "フォルダーが見つかりません")
    target = tmp_path / "ない" / "履歴.csv"
    code, out, err = run(capsys, "--db", demo, "requests", "history", "R-0001", "--csv", target)
    assert_cannot_write(code, out, err, target, "フォルダーが見つかりません")


def test_export_template_refuses_a_name_that_is_not_xlsx(demo, tmp_path, capsys):
    for name in ("要望票.csv", "要望票"):
        code, out, err = run(capsys, "--db", demo, "requests", "export-template", "--member", "五霞町",
                             "--out", tmp_path / name)
        assert code == 1 and out == ""
        assert err == ("エラー: 要望票は Excel ファイル（.xlsx）で書き出します。出力先は .xlsx のファイル名か、"
                       f"フォルダーにしてください: {tmp_path / name}\n")
    assert list(tmp_path.iterdir()) == []


def test_export_template_into_a_folder_names_the_workbook_as_the_gui_does(demo, tmp_path, capsys):
    from cloudsuppress.importers.tabular import read_table

    for out in (str(tmp_path), f"{tmp_path}/"):
        code, out_text, err = run(capsys, "--db", demo, "requests", "export-template", "--member", "五霞町", "--out", out)
        assert (code, err) == (0, "")
        assert out_text == f"五霞町 の要望票を書き出しました: {tmp_path / '要望票_五霞町.xlsx'}\n"
    assert [p.name for p in tmp_path.iterdir()] == ["要望票_五霞町.xlsx"]
    assert "団体名" in read_table(tmp_path / "要望票_五霞町.xlsx", sheet="要望").rows[3]  # a real workbook
    code, out, err = run(capsys, "--db", demo, "requests", "export-template", "--member", "五霞町",
                         "--out", f"{tmp_path}/ない/")
    assert code == 1 and err == f"エラー: 出力先のフォルダーがありません: {tmp_path}/ない/\n"


def test_import_errors_are_wholly_japanese_and_name_the_file(tmp_path):
    from cloudsuppress.errors import ImportValidationError
    from cloudsuppress.importers.tabular import read_table

    def refusal(path) -> str:
        with pytest.raises(ImportValidationError) as err:
            read_table(path)
        return str(err.value).split("\n", 1)[1]

    bad = tmp_path / "機能一覧.xlsx"
    bad.write_bytes(b"not a zip archive")
    assert refusal(bad) == "機能一覧.xlsx: Excel ファイルとして読み込めません（壊れているか、xlsx ではありません）。"
    missing = tmp_path / "ない" / "機能一覧.xlsx"
    assert refusal(missing) == f"機能一覧.xlsx: ファイルが見つかりません: {missing}"
    assert refusal(tmp_path) == f"{tmp_path.name}: フォルダーです。ファイルを指定してください: {tmp_path}"
    huge = tmp_path / "長い.csv"
    huge.write_text('機能ID,機能名\n0010001,"' + "あ" * (1 << 21) + '"\n', encoding="utf-8")
    assert refusal(huge) == "長い.csv: CSV として読み込めません（1 つのセルが長すぎます）。"

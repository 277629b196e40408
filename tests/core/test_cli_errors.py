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
        # the second run replaces the first's workbook: --force (without it an existing file is kept)
        code, out_text, err = run(capsys, "--db", demo, "requests", "export-template", "--member", "五霞町", "--out", out,
                                  "--force")
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
    assert refusal(huge) == "長い.csv 2行目: CSV として読み込めません（1 つのセルが長すぎます）。"  # the row, since R9


@pytest.mark.parametrize("text,value", [("1500000", 1_500_000), ("1,500,000", 1_500_000), ("１，５００，０００", 1_500_000),
                                        ("１５０００００", 1_500_000), ("1,500,000円", 1_500_000), (" 0 ", 0)])
def test_yen_takes_what_a_secretary_types(text, value):
    from cloudsuppress.cli.types import yen

    assert yen(text) == value


@pytest.mark.parametrize("text", ["150万", "1,50,000", "1.5e6", "-1", "", "1500000.5", "百万"])
def test_yen_refuses_anything_else_in_japanese(text):
    import argparse

    from cloudsuppress.cli.types import yen

    with pytest.raises(argparse.ArgumentTypeError) as err:
        yen(text)
    assert str(err.value) == f"金額は整数で指定してください（例: 1500000 または 1,500,000）: {text}"


def test_yen_as_an_option_type_gives_the_japanese_message(capsys):
    from cloudsuppress.cli import _Parser
    from cloudsuppress.cli.types import yen

    parser = _Parser(prog="cloudsuppress costs set")
    parser.add_argument("--estimate", type=yen)
    assert parser.parse_args(["--estimate", "1,500,000"]).estimate == 1_500_000
    with pytest.raises(SystemExit) as done:
        parser.parse_args(["--estimate", "150万"])
    assert done.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "cloudsuppress costs set: 引数の誤り: --estimate: 金額は整数で指定してください（例: 1500000 または 1,500,000）: 150万")


@pytest.mark.parametrize("args,message", [
    (("requests",), "cloudsuppress requests: 引数の誤り: 次の引数を指定してください: サブコマンド"),
    (("requests", "move", "R-0001", "--to", "withdrawn"), "cloudsuppress requests move: 引数の誤り: 次の引数を指定してください: --reason"),
    (("requests", "list", "--status", "済"), "cloudsuppress requests list: 引数の誤り: --status: 指定できない値です: 済"
                                             "（指定できる値: 要望、検討中、標準化、取下げ、カスタマイズ実施、"
                                             "または requested、under_review、standardized、withdrawn、customized）"),
    (("meetings", "show", "第1回"), "cloudsuppress meetings show: 引数の誤り: ID: 0 以上の整数で指定してください: 第1回"),
    (("summary", "--bogus"), "cloudsuppress: 引数の誤り: 解釈できない引数があります: --bogus"),
    (("meetings", "attend", "1", "--vendor", "--secretariat", "--person", "某"),
     "cloudsuppress meetings attend: 引数の誤り: --secretariat: --vendor と一緒には指定できません"),
])
def test_usage_errors_are_in_japanese(tmp_path, capsys, args, message):
    with pytest.raises(SystemExit) as done:
        run(capsys, "--db", tmp_path / "x.sqlite", *args)
    out, err = capsys.readouterr()
    assert done.value.code == 2 and out == ""
    lines = err.splitlines()
    assert lines[0].startswith("使い方: cloudsuppress") and lines[-1] == message


def test_help_is_in_japanese(capsys):
    from cloudsuppress.cli import main

    with pytest.raises(SystemExit):
        main(["--db", "x", "requests", "list", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("使い方: cloudsuppress requests list [-h]")
    assert "オプション:" in out and "この説明を表示して終了する" in out
    assert "usage" not in out and "options:" not in out and "show this help" not in out


def test_whole_numbers_may_be_typed_full_width(demo, capsys):
    code, out, err = run(capsys, "--db", demo, "meetings", "show", "１", "--json")
    assert (code, err) == (0, "") and '"id": 1' in out

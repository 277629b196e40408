"""A refused import lists each distinct problem once, naming every row it is on (not 176 lines)."""
from __future__ import annotations

from cloudsuppress.errors import ImportIssue, summarize_issues


def test_the_same_problem_on_many_rows_is_one_line_with_its_rows():
    issues = [ImportIssue("住民記録.xlsx", r, "B列（業務）", "業務「住民記録」が登録されていません。", sheet="機能要件")
              for r in [*range(6, 182), 190]]
    issues.insert(3, ImportIssue("住民記録.xlsx", 9, "F列（適合度）", "適合度「◎」を読み取れません。", sheet="機能要件"))
    issues.append(ImportIssue("住民記録.xlsx", None, None, "登録されていない業務: 住民記録。業務は…で追加できます。"))
    lines = summarize_issues(issues)
    assert lines == [
        "住民記録.xlsx シート「機能要件」 6〜181、190行目（177 行） B列（業務）: 業務「住民記録」が登録されていません。",
        "住民記録.xlsx シート「機能要件」 9行目 F列（適合度）: 適合度「◎」を読み取れません。",
        "住民記録.xlsx: 登録されていない業務: 住民記録。業務は…で追加できます。",
    ]


def test_distinct_messages_stay_apart_and_many_ranges_are_cut_short():
    issues = [ImportIssue("a.csv", r, "A列", "機能IDが空です。") for r in range(2, 40, 2)]
    (line,) = summarize_issues(issues)
    assert line == "a.csv 2、4、6、8、10、12行目ほか（19 行） A列: 機能IDが空です。"
    two = summarize_issues([ImportIssue("a.csv", 3, "G列", "適合度「◎」"), ImportIssue("a.csv", 4, "G列", "適合度「？」")])
    assert len(two) == 2

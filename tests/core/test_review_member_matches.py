"""Review R27: a Fit&Gap sheet's member groups written 「那珂」 or 「常陸大宮市役所」 are matched to
那珂市 / 常陸大宮市 (one registered name containing it): the dry-run says so, instead of matching them
silently; a name written exactly as registered is not listed."""
from __future__ import annotations

import json

from .real_layouts import fit_gap
from .test_cli import run
from .test_real_layouts import _members


def test_the_dry_run_prints_how_member_groups_were_matched(db, tmp_path, capsys):
    _members(db, "那珂市", "常陸大宮市")
    path = fit_gap(tmp_path / "fitgap.xlsx", members=("那珂", "常陸大宮市役所"))
    code, out, err = run(capsys, "--db", db.path, "functions", "import", path, "--dry-run")
    assert code == 0, err
    assert "団体の列「那珂」は那珂市、「常陸大宮市役所」は常陸大宮市として読みます。" in out
    code, out, err = run(capsys, "--db", db.path, "functions", "import", path, "--dry-run", "--json")
    assert json.loads(out)["plan"]["member_matches"] == [{"written": "那珂", "member": "那珂市"},
                                                          {"written": "常陸大宮市役所", "member": "常陸大宮市"}]


def test_names_written_as_registered_are_not_listed(db, tmp_path, capsys):
    _members(db, "那珂市", "常陸大宮市")
    code, out, err = run(capsys, "--db", db.path, "functions", "import", fit_gap(tmp_path / "fitgap.xlsx"), "--dry-run")
    assert code == 0, err
    assert "団体の列" not in out

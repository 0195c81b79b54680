"""The Python API: `from ratify_cli import load`; the same rows the CLI prints as JSON."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from ratify_cli import load
from ratify_cli.cli import app
from ratify_cli.errors import DataError, UsageError
from tests.conftest import DATA, MINI

DAY = dt.date(2020, 1, 1)


def _cli_rows(runner, *args: str) -> list[dict]:
    result = runner.invoke(app, [*args, "--data", str(MINI), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)["rows"]


def test_status_of_a_pair() -> None:
    data = load(MINI)
    found = data.status("MEX", "conv", as_of=DAY)
    assert found.status == "party" and found.consented == dt.date(2001, 3, 1)
    assert data.status("usa", "IV-99", as_of=DAY).status == "signed"  # any case, id or reference
    assert data.folder == MINI


def test_the_bundled_data_by_default(monkeypatch) -> None:
    monkeypatch.delenv("RATIFY_DATA", raising=False)
    monkeypatch.chdir(DATA.parent)
    assert load().status("MEX", "icrmw").status == "party"


@pytest.mark.parametrize(
    ("kwargs", "args"),
    [
        ({"state": "MEX"}, ["gaps", "--state", "MEX"]),
        ({"instrument": "conv"}, ["gaps", "--instrument", "conv"]),
        ({}, ["gaps"]),
    ],
)
def test_gaps_are_the_rows_the_cli_prints(runner, kwargs, args) -> None:
    assert load(MINI).gaps(**kwargs, as_of=DAY) == _cli_rows(runner, *args, "--as-of", "2020-01-01")


def test_changes_are_the_rows_the_cli_prints(runner) -> None:
    rows = load(MINI).changes(since=dt.date(2000, 1, 1), until=DAY)
    assert rows == _cli_rows(runner, "changes", "--since", "2000-01-01", "--until", "2020-01-01")
    assert rows and {"date", "state", "instrument", "action"} <= set(rows[0])


def test_errors_are_the_cli_errors(tmp_path) -> None:
    with pytest.raises(DataError):
        load(tmp_path / "missing")
    with pytest.raises(UsageError, match="did you mean 'MEX'"):
        load(MINI).status("MEZ", "conv")

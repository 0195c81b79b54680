"""The CLI through Typer's runner: results on stdout, messages on stderr, exit codes 0, 1 and 2."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from ratify_cli import __version__
from ratify_cli.cli import app
from tests.conftest import MINI

COMMANDS = ["gaps", "status", "changes", "instruments", "states", "show", "validate", "schema", "report", "export"]


def run(runner, *args: str):
    return runner.invoke(app, list(args), env={"NO_COLOR": "1", "RATIFY_DATA": str(MINI)})


def test_version(runner) -> None:
    result = run(runner, "--version")
    assert result.exit_code == 0
    assert result.stdout == f"ratify {__version__}\n"


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(runner, command) -> None:
    result = run(runner, command, "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout


def test_gaps_state(runner) -> None:
    result = run(runner, "gaps", "--state", "usa", "--as-of", "2020-01-01")
    assert result.exit_code == 0
    assert "United States (USA) is party to 0 of 3 instruments; 1 signed awaiting ratification; 1 no action; 1 unknown." in " ".join(result.stdout.split())
    assert result.stderr == ""


def test_gaps_instrument_json(runner) -> None:
    result = run(runner, "gaps", "--instrument", "CONV", "--as-of", "2020-01-01", "--format", "json")
    doc = json.loads(result.stdout)
    assert [(r["state"], r["status"], r["next_step"]) for r in doc["rows"]] == [
        ("CAN", "denounced", "re-accede"),
        ("USA", "signed", "ratify"),
    ]


def test_members_default_drops_a_state_that_left(runner) -> None:
    before = json.loads(run(runner, "gaps", "-i", "prot", "--as-of", "2023-11-18", "-f", "json").stdout)
    after = json.loads(run(runner, "gaps", "-i", "prot", "--as-of", "2023-11-19", "-f", "json").stdout)
    every = json.loads(run(runner, "gaps", "-i", "prot", "--as-of", "2023-11-19", "--all-states", "-f", "json").stdout)
    assert "NIC" in {r["state"] for r in before["rows"]}
    assert "NIC" not in {r["state"] for r in after["rows"]}
    assert "NIC" in {r["state"] for r in every["rows"]}


def test_unknown_state_is_a_usage_error_with_a_suggestion(runner) -> None:
    result = run(runner, "gaps", "--state", "MXE")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "unknown state 'MXE'" in result.stderr and "did you mean 'MEX'?" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_instrument_suggests(runner) -> None:
    result = run(runner, "gaps", "--instrument", "cnov")
    assert result.exit_code == 2
    assert "did you mean 'conv'?" in result.stderr


def test_bad_date_is_a_usage_error(runner) -> None:
    result = run(runner, "gaps", "--as-of", "2005-6-7")
    assert result.exit_code == 2


def test_exit_code_flag(runner) -> None:
    assert run(runner, "gaps", "-s", "MEX", "--as-of", "2020-01-01").exit_code == 0
    assert run(runner, "gaps", "-s", "USA", "--exit-code").exit_code == 1
    assert run(runner, "gaps", "-s", "MEX", "--as-of", "2020-01-01", "--exit-code").exit_code == 0
    assert run(runner, "gaps", "--as-of", "2020-01-01", "--exit-code").exit_code == 1  # the matrix has gaps


def test_status_and_show_and_lists(runner) -> None:
    assert run(runner, "status", "-s", "MEX", "-i", "conv", "--as-of", "2020-01-01").exit_code == 0
    shown = run(runner, "show", "mex", "-f", "json")
    assert json.loads(shown.stdout)["record"]["code"] == "MEX"
    shown = run(runner, "show", "IV-99", "-f", "json")
    assert json.loads(shown.stdout)["record"]["id"] == "conv"
    instruments = json.loads(run(runner, "instruments", "-f", "json").stdout)
    assert {"id", "system", "reference", "title_en", "checks"} <= set(instruments["rows"][0])
    states = json.loads(run(runner, "states", "--all-states", "-f", "json").stdout)
    assert {"code", "name_en", "name_es", "oas"} <= set(states["rows"][0])
    assert run(runner, "show", "nothing").exit_code == 2


def test_changes_counts(runner) -> None:
    result = run(runner, "changes", "--since", "2005-06-07", "--until", "2019-12-31", "-f", "json")
    doc = json.loads(result.stdout)
    assert [(r["state"], r["instrument"], r["action"]) for r in doc["rows"]] == [
        ("NIC", "conv", "ratification"),
        ("CAN", "conv", "denunciation"),
        ("MEX", "ilo-x", "ratification"),
    ]
    counts = {c["group"]: (c["party_start"], c["party_end"]) for c in doc["counts"]}
    assert counts == {"conv": (2, 2), "prot": (1, 1), "ilo-x": (0, 1)}  # MEX joined prot before the window


def test_output_file_is_written_and_data_files_are_protected(runner, tmp_path, mini_copy) -> None:
    target = tmp_path / "gaps.md"
    result = run(runner, "gaps", "-i", "conv", "-f", "markdown", "-o", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert target.read_text(encoding="utf-8").startswith("# Gaps: CONV")
    before = (mini_copy / "states.yaml").read_bytes()
    result = runner.invoke(app, ["gaps", "--data", str(mini_copy), "-o", str(mini_copy / "states.yaml")])
    assert result.exit_code == 1
    assert "refusing to overwrite" in result.stderr
    assert (mini_copy / "states.yaml").read_bytes() == before


def test_bad_data_gives_findings_on_stderr_and_exit_1(runner, mini_copy) -> None:
    (mini_copy / "states.yaml").write_text("states: [", encoding="utf-8")
    result = runner.invoke(app, ["gaps", "--data", str(mini_copy)])
    assert result.exit_code == 1
    assert "states.yaml:2:1: error: invalid YAML" in result.stderr
    assert "Traceback" not in result.stderr


def test_validate_formats(runner, mini_copy) -> None:
    text = (mini_copy / "states.yaml").read_text(encoding="utf-8").replace("instrument: prot\n", "instrument: prott\n")
    (mini_copy / "states.yaml").write_text(text, encoding="utf-8")
    github = runner.invoke(app, ["validate", "--data", str(mini_copy), "--format", "github"])
    assert github.exit_code == 1
    assert github.stdout.startswith(f"::error file={mini_copy / 'states.yaml'},line=24,col=9::MEX: unknown instrument")
    doc = json.loads(runner.invoke(app, ["validate", "--data", str(mini_copy), "-f", "json"]).stdout)
    assert doc["valid"] is False and doc["counts"]["errors"] == 1
    assert doc["findings"][0]["line"] == 24


def test_missing_data_folder(runner, tmp_path) -> None:
    result = runner.invoke(app, ["validate", "--data", str(tmp_path / "nope")])
    assert result.exit_code == 1
    assert "is not a folder" in result.stdout


def test_python_dash_m_works() -> None:
    out = subprocess.run([sys.executable, "-m", "ratify_cli", "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == f"ratify {__version__}"

"""Everyday use (#17): data found and protected, files kept, no repr in CSV, suggestions, contradictions, widths."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import stat
from pathlib import Path

import pytest

from ratify_cli.cli import app, console
from tests.conftest import DATA, MINI


def invoke(runner, *args: str, data: object = MINI, **env: str | None):
    """Run the CLI with RATIFY_DATA set to `data` (None: unset) and extra environment variables."""
    base: dict[str, str | None] = {"NO_COLOR": None, "FORCE_COLOR": None, "COLUMNS": None, "TERM": None}
    base["RATIFY_DATA"] = None if data is None else str(data)
    base.update(env)
    return runner.invoke(app, list(args), env=base)


@pytest.fixture
def checkout(tmp_path: Path, monkeypatch) -> Path:
    """A clone-like folder holding data/ (the mini data), with the current folder inside it."""
    root = tmp_path / "clone"
    shutil.copytree(MINI, root / "data")
    (root / "data" / "SOURCES.md").write_text("notes\n", encoding="utf-8")
    (root / "docs").mkdir()
    monkeypatch.chdir(root / "docs")
    return root


# Data discovery and protection ---------------------------------------------------------------------------------


def test_a_checkout_s_data_is_found_from_inside_it(runner, checkout) -> None:
    result = invoke(runner, "validate", data=None)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"{checkout / 'data'}: valid: 3 instruments, 4 states")
    shown = invoke(runner, "gaps", "-s", "MEX", "-f", "json", data=None)
    assert json.loads(shown.stdout)["data"] == str(checkout / "data")
    table = invoke(runner, "gaps", "-s", "MEX", data=None)
    assert f"Data: {checkout / 'data'}" in table.stdout and table.stderr == ""


def test_an_edit_in_the_checkout_is_what_validate_checks(runner, checkout) -> None:
    states = checkout / "data" / "states.yaml"
    states.write_text(states.read_text(encoding="utf-8").replace("code: USA", "code: usa"), encoding="utf-8")
    result = invoke(runner, "validate", data=None)
    assert result.exit_code == 1
    assert "'usa' is not three upper-case letters" in result.stdout


def test_data_option_and_environment_win_over_discovery(runner, checkout, tmp_path) -> None:
    other = tmp_path / "other"
    shutil.copytree(MINI, other)
    by_env = invoke(runner, "gaps", "-s", "MEX", "-f", "json", data=other)
    assert json.loads(by_env.stdout)["data"] == str(other)
    by_option = invoke(runner, "gaps", "-s", "MEX", "-f", "json", "--data", str(MINI), data=other)
    assert json.loads(by_option.stdout)["data"] == str(MINI)


@pytest.mark.parametrize("target", ["data/states.yaml", "data/instruments.yaml", "data/SOURCES.md"])
def test_output_never_overwrites_a_discovered_data_file(runner, checkout, target) -> None:
    path = checkout / target
    before = path.read_bytes()
    # Even when the command reads another data folder, the checkout's own files are protected.
    for data in (None, MINI):
        result = invoke(runner, "gaps", "--state", "MEX", "--output", str(path), data=data)
        assert result.exit_code == 1
        assert result.stdout == ""
        assert result.stderr.count("\n") == 1 and "refusing to overwrite" in result.stderr
        assert path.read_bytes() == before


def test_a_missing_data_folder_names_its_origin(runner, tmp_path) -> None:
    result = invoke(runner, "gaps", data=tmp_path / "nonexistent")
    assert result.exit_code == 1 and result.stdout == ""
    assert "from RATIFY_DATA" in result.stderr and "does not exist" in result.stderr
    assert "validate" not in result.stderr and "Traceback" not in result.stderr


# Outputs that respect files ------------------------------------------------------------------------------------


def test_output_keeps_the_mode_of_the_file_it_replaces(runner, tmp_path) -> None:
    target = tmp_path / "report.csv"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o644)
    result = invoke(runner, "gaps", "-i", "conv", "-f", "csv", "-o", str(target))
    assert result.exit_code == 0 and result.stdout == "" and result.stderr == ""
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert target.read_text(encoding="utf-8").startswith("state,")


def test_a_new_output_file_follows_the_umask(runner, tmp_path) -> None:
    old = os.umask(0o027)
    try:
        result = invoke(runner, "gaps", "-i", "conv", "-o", str(tmp_path / "new.txt"))
    finally:
        os.umask(old)
    assert result.exit_code == 0
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o640


def test_output_writes_through_a_symlink(runner, tmp_path) -> None:
    real = tmp_path / "real.md"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    result = invoke(runner, "gaps", "-i", "conv", "-f", "markdown", "-o", str(link))
    assert result.exit_code == 0 and result.stderr == ""
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8").startswith("# Gaps: CONV")


def test_output_creates_missing_folders(runner, tmp_path) -> None:
    target = tmp_path / "reports" / "2024" / "gaps.json"
    result = invoke(runner, "gaps", "-i", "conv", "-f", "json", "-o", str(target))
    assert result.exit_code == 0 and result.stdout == "" and result.stderr == ""
    assert json.loads(target.read_text(encoding="utf-8"))["kind"] == "gaps-instrument"


def test_schema_output_creates_its_folder(runner, tmp_path) -> None:
    folder = tmp_path / "newdir" / "schema"
    result = invoke(runner, "schema", "--output", str(folder))
    assert result.exit_code == 0 and result.stdout == ""
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        line.removeprefix(f"wrote {folder}/") for line in result.stderr.splitlines()
    )
    file = tmp_path / "a-file"
    file.write_text("x", encoding="utf-8")
    refused = invoke(runner, "schema", "--output", str(file))
    assert refused.exit_code == 2 and "is a file" in refused.stderr


# CSV and JSON without Python repr ------------------------------------------------------------------------------

REPR = re.compile(r"^[\[{(].*[\]})]$|'\w+': |\bNone\b|\b(True|False)\b|datetime\.date\(|<\w+ object|\w+\(\w+=")
"""What Python's repr of a dict, list, tuple, date, record or object looks like."""

CSV_COMMANDS = [
    ("show", "MEX"),
    ("show", "INSTRUMENT"),
    ("instruments",),
    ("states", "--all-states"),
    ("status",),
    ("gaps",),
    ("gaps", "-s", "USA"),
    ("gaps", "-i", "INSTRUMENT"),
    ("changes", "--since", "2000-01-01"),
]


@pytest.mark.parametrize("command", CSV_COMMANDS, ids=" ".join)
@pytest.mark.parametrize("data", [MINI, DATA], ids=["mini", "bundled"])
def test_no_csv_cell_looks_like_a_repr(runner, command, data) -> None:
    instrument = "conv" if data == MINI else "icrmw"
    command = tuple(instrument if part == "INSTRUMENT" else part for part in command)
    result = invoke(runner, *command, "--format", "csv", data=data)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    for row in csv.reader(io.StringIO(result.stdout)):
        for value in row:
            assert not REPR.search(value), (command, value)
            assert len(value) < 5000, (command, value[:100])


def test_show_csv_lists_the_record_and_its_events(runner) -> None:
    result = invoke(runner, "show", "MEX", "-f", "csv")
    main, events = result.stdout.split("\n\n")
    fields = dict(list(csv.reader(io.StringIO(main)))[1:])
    assert fields["oas.joined"] == "1948-11-23"
    rows = list(csv.DictReader(io.StringIO(events)))
    assert [(r["date"], r["instrument"], r["action"]) for r in rows][:2] == [
        ("1995-01-01", "conv", "signature"),
        ("2001-03-01", "conv", "ratification"),
    ]


def test_instruments_csv_spreads_records_over_named_columns(runner) -> None:
    rows = list(csv.DictReader(io.StringIO(invoke(runner, "instruments", "-f", "csv", data=DATA).stdout)))
    icrmw = next(r for r in rows if r["id"] == "icrmw")
    assert icrmw["entry_into_force.months_after"] == "3"
    assert icrmw["denunciation.months"] == "12"
    assert icrmw["checks"] == "2026-02-03 all"
    assert icrmw["mechanisms"] == "interstate-communications; individual-communications"
    assert "entry_into_force" not in rows[0]


def test_states_csv_counts_events_and_spreads_membership(runner) -> None:
    rows = list(csv.DictReader(io.StringIO(invoke(runner, "states", "--all-states", "-f", "csv").stdout)))
    mex = next(r for r in rows if r["code"] == "MEX")
    assert mex["events"] == "4" and mex["oas.joined"] == "1948-11-23"
    assert json.loads(invoke(runner, "states", "-f", "json").stdout)["rows"][0]["events"]  # JSON keeps the events


# Suggestions ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (("show", "MXE"), "did you mean 'MEX'?"),
        (("show", "icrwm"), "did you mean 'icrmw'?"),
        (("show", "Mexico"), "did you mean 'MEX'?"),
        (("show", "méxico"), "did you mean 'MEX'?"),
        (("gaps", "-i", "B32"), "did you mean 'achr'?"),
        (("gaps", "-i", "C97"), "did you mean 'ilo-c097'?"),
        (("gaps", "-i", "refugee"), "did you mean 'refugee-convention' or 'refugee-protocol'?"),
        (("gaps", "-i", "Migrant Workers"), "did you mean 'icrmw' or 'ilo-c143'?"),
        (("gaps", "-s", "mexico"), "did you mean 'MEX'?"),
        (("gaps", "--topic", "refugee"), "did you mean 'refugees'?"),
    ],
)
def test_every_lookup_suggests(runner, args, hint) -> None:
    result = invoke(runner, *args, data=DATA)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert hint in result.stderr and result.stderr.count("did you mean") == 1
    assert "Traceback" not in result.stderr


def test_choices_in_any_case(runner) -> None:
    upper = invoke(runner, "gaps", "-s", "MEX", "--system", "UN", "-f", "JSON", data=DATA)
    lower = invoke(runner, "gaps", "-s", "MEX", "--system", "un", "-f", "json", data=DATA)
    assert upper.exit_code == 0 and upper.stdout == lower.stdout
    caribbean = invoke(runner, "states", "--subregion", "Caribbean", "-f", "json", data=DATA)
    assert caribbean.exit_code == 0 and {r["subregion"] for r in json.loads(caribbean.stdout)["rows"]} == {"caribbean"}
    topic = invoke(runner, "instruments", "--topic", "Refugees", "-f", "json", data=DATA)
    assert [r["id"] for r in json.loads(topic.stdout)["rows"]] == ["refugee-convention", "refugee-protocol"]


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (("gaps", "--system", "ilp"), "did you mean 'ilo'?"),
        (("gaps", "--subregion", "carribean"), "did you mean 'caribbean'?"),
        (("gaps", "--format", "jsn"), "did you mean 'json'?"),
        (("changes", "--by", "State"), None),
        (("changes", "--by", "stat"), "did you mean 'state'?"),
    ],
)
def test_choice_options_suggest(runner, args, hint) -> None:
    result = invoke(runner, *args)
    if hint is None:
        assert result.exit_code == 0, result.output
        return
    assert result.exit_code == 2 and result.stdout == ""
    assert hint in result.stderr and result.stderr.count("did you mean") == 1


def test_a_mistyped_command_suggests_once(runner) -> None:
    result = invoke(runner, "gapz")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("Did you mean 'gaps'?") == 1
    assert result.stderr.endswith("Error: No such command 'gapz'. Did you mean 'gaps'?\n")


def test_a_mistyped_option_suggests(runner) -> None:
    # Typer's own wording (its bundled Click): every close option is listed.
    result = invoke(runner, "gaps", "--stat", "MEX")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.endswith("Error: No such option: --stat (Possible options: --all-states, --data, --state)\n")


def _break(folder: Path, old: str, new: str) -> None:
    states = folder / "states.yaml"
    text = states.read_text(encoding="utf-8")
    assert old in text
    states.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("        action: signature\n        date: 1999-05-05", "        acton: signature\n        date: 1999-05-05",
         "states[1].events[0].acton: unknown field (did you mean 'action'?)"),
        ("        source: https://example.org/cx", "        soruce: https://example.org/cx",
         "states[0].events[3].soruce: unknown field (did you mean 'source'?)"),
        ("        action: accession\n        date: 2005", "        action: ratified\n        date: 2005",
         "'ratified' is not one of signature, ratification,"),
        ("code: MEX", "code: mex",
         "states[0].code: 'mex' is not three upper-case letters (an ISO 3166-1 alpha-3 code) (did you mean 'MEX'?)"),
        ("subregion: central-america", "subregion: Central America", "(did you mean 'central-america'?)"),
    ],
)
def test_validate_names_what_was_meant(runner, mini_copy, old, new, message) -> None:
    _break(mini_copy, old, new)
    result = invoke(runner, "validate", "--data", str(mini_copy))
    assert result.exit_code == 1
    assert message in result.stdout
    assert "String should match pattern" not in result.stdout and result.stderr == ""
    if "ratified" in new:
        assert "(did you mean 'ratification'?)" in result.stdout


# Contradictions ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "why"),
    [
        (("gaps", "-i", "icrmw", "--system", "ilo"), "icrmw is a un instrument"),
        (("gaps", "-i", "icrmw", "--topic", "refugees"), "icrmw's topics are migrant-workers"),
        (("gaps", "-s", "MEX", "--subregion", "caribbean"), "MEX is in central-america"),
        (("status", "-s", "MEX", "-s", "JAM", "--subregion", "caribbean"), "MEX is in central-america"),
        (("gaps", "--system", "ilo", "--topic", "refugees"), "no ilo instrument has the topic refugees"),
    ],
)
def test_contradicting_filters_are_usage_errors(runner, args, why) -> None:
    result = invoke(runner, *args, data=DATA)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert why in result.stderr and result.stderr.startswith("ratify: error: ")


# Widths and colour ---------------------------------------------------------------------------------------------


def test_piped_tables_honour_columns_and_width(runner) -> None:
    narrow = invoke(runner, "status", "-s", "MEX", "-i", "icrmw", data=DATA)
    wide = invoke(runner, "status", "-s", "MEX", "-i", "icrmw", data=DATA, COLUMNS="200")
    assert max(map(len, narrow.stdout.splitlines())) <= 80
    assert max(map(len, wide.stdout.splitlines())) > 80
    option = invoke(runner, "status", "-s", "MEX", "-i", "icrmw", "--width", "200", data=DATA, COLUMNS="60")
    assert option.stdout == wide.stdout
    for out in (narrow.stdout, wide.stdout):
        assert "1991-05-22" in out and "ratification" in out and "Instrument" in out


def test_dates_and_words_are_not_split_at_80_columns(runner, tmp_path) -> None:
    target = tmp_path / "out.txt"
    result = invoke(runner, "status", "-s", "MEX", "-o", str(target), data=DATA)
    assert result.exit_code == 0
    out = target.read_text(encoding="utf-8")
    assert not re.search(r"\d{4}-\d\d-\s*$", out, re.MULTILINE)
    assert not re.search(r"ratifica\s*$", out, re.MULTILINE)


def test_colour_conventions(runner) -> None:
    args = ("gaps", "-i", "conv")
    assert "\x1b[" not in invoke(runner, *args).stdout  # piped
    assert "\x1b[" in invoke(runner, *args, FORCE_COLOR="1").stdout
    assert "\x1b[" in invoke(runner, *args, FORCE_COLOR="1", NO_COLOR="").stdout  # empty NO_COLOR is unset
    assert "\x1b[" not in invoke(runner, *args, FORCE_COLOR="1", NO_COLOR="1").stdout
    assert "\x1b[" not in invoke(runner, *args, "-f", "csv", FORCE_COLOR="1").stdout
    assert console.color(True, {}) is True
    assert console.color(True, {"NO_COLOR": ""}) is True
    assert console.color(True, {"NO_COLOR": "1"}) is False
    assert console.color(True, {"TERM": "dumb"}) is False
    assert console.color(False, {"TERM": "dumb", "FORCE_COLOR": "1"}) is True
    assert console.width(False, None, {"COLUMNS": "132"}) == 132
    assert console.width(False, None, {"COLUMNS": "wide"}) == 80
    assert console.width(True, 100, {}) == 100


def test_help_at_80_columns_keeps_choices_whole(runner) -> None:
    result = invoke(runner, "gaps", "--help", COLUMNS="80")
    assert result.exit_code == 0
    assert "[un|inter-american|ilo]" in result.stdout
    assert "[south-america|central-america|caribbean|northern-america]" in result.stdout
    assert "[table|markdown|csv|json|html]" in result.stdout


# Small things --------------------------------------------------------------------------------------------------


def test_singular_counts(runner) -> None:
    pair = invoke(runner, "status", "-s", "MEX", "-i", "conv", "--as-of", "2020-01-01")
    assert "1 pair: 1 party." in pair.stdout
    window = invoke(runner, "changes", "--since", "2010-01-01", "--until", "2010-12-31", "-i", "conv")
    assert "1 action from 2010-01-01 to 2010-12-31: 1 denunciation." in " ".join(window.stdout.split())


def test_one_error_still_counts_what_was_read(runner, mini_copy) -> None:
    _break(mini_copy, "code: MEX", "code: mex")
    result = invoke(runner, "validate", "--data", str(mini_copy))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-1].endswith("invalid: 3 instruments, 4 states, 8 events; 1 error(s), 0 warning(s)")


def test_json_findings_come_in_the_text_order(runner, mini_copy) -> None:
    _break(mini_copy, "code: USA", "code: usa")
    _break(mini_copy, "code: MEX", "code: mex")
    _break(mini_copy, "        action: accession\n        date: 2005", "        action: ratified\n        date: 2005")
    text = invoke(runner, "validate", "--data", str(mini_copy)).stdout.splitlines()[:-1]
    doc = json.loads(invoke(runner, "validate", "--data", str(mini_copy), "-f", "json").stdout)
    assert [f"{f['file']}:{f['line']}:{f['column']}" for f in doc["findings"]] == [line.split(": ")[0] for line in text]
    assert len(text) == 3


def test_since_after_today_does_not_blame_until(runner) -> None:
    result = invoke(runner, "changes", "--since", "2999-01-01")
    assert result.exit_code == 2 and result.stdout == ""
    assert "--since 2999-01-01 is after today" in result.stderr and "--until" not in result.stderr


def test_a_future_as_of_is_warned_about(runner) -> None:
    result = invoke(runner, "gaps", "-s", "MEX", "--as-of", "2999-01-01")
    assert result.exit_code == 0 and "Gaps: Mexico" in result.stdout
    assert result.stderr.startswith("ratify: warning: --as-of 2999-01-01 is after today")


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (("gaps", "--as-of", "2005-6-7"), "--as-of '2005-6-7'"),
        (("changes", "--since", "2005-6-7"), "--since '2005-6-7'"),
        (("changes", "--until", "yesterday"), "--until 'yesterday'"),
        (("show", "MEX", "--as-of", "2020/01/01"), "--as-of '2020/01/01'"),
    ],
)
def test_date_errors_name_the_option(runner, args, option) -> None:
    result = invoke(runner, *args)
    assert result.exit_code == 2 and result.stdout == ""
    assert option in result.stderr and "Traceback" not in result.stderr
    if "2005-6-7" in option:
        assert "did you mean '2005-06-07'?" in result.stderr


@pytest.mark.parametrize("command", ["sync", "check-links"])
def test_timeouts_must_be_positive(runner, command) -> None:
    result = invoke(runner, command, "--timeout", "-1")
    assert result.exit_code == 2 and result.stdout == ""
    assert "--timeout" in result.stderr


def test_states_table_shows_a_year_only_joining_as_the_year(runner) -> None:
    result = invoke(runner, "states", "--width", "120")
    usa = next(line for line in result.stdout.splitlines() if line.lstrip().startswith("USA"))
    assert re.search(r"\s1951\s*$", usa) and "1948-11-23" in result.stdout
    assert "?" not in result.stdout


def test_a_state_that_left_says_so(runner) -> None:
    result = invoke(runner, "gaps", "-s", "NIC", "--as-of", "2024-01-01", "--width", "200")
    assert result.exit_code == 0
    assert "Nicaragua (NIC) left the OAS on 2023-11-19 (notified 2021-11-19)" in result.stdout
    doc = json.loads(invoke(runner, "gaps", "-s", "NIC", "--as-of", "2024-01-01", "-f", "json").stdout)
    nic = {"code": "NIC", "name_en": "Nicaragua", "name_es": "Nicaragua"}
    assert doc["summary"][1] == {"code": "membership.left", "state": nic, "left": "2023-11-19", "notified": "2021-11-19"}
    member = invoke(runner, "gaps", "-s", "MEX", "--as-of", "2024-01-01", "-f", "json").stdout
    assert [line["code"] for line in json.loads(member)["summary"]] == ["summary.gaps-state"]


def test_denounced_rows_show_their_date(runner) -> None:
    result = invoke(runner, "gaps", "-i", "conv", "--as-of", "2020-01-01", "--width", "200")
    row = next(line for line in result.stdout.splitlines() if line.strip().startswith("CAN"))
    assert "denounced" in row and "2011-01-01" in row
    assert "Denounced" in result.stdout

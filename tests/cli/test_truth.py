"""Statuses that tell the truth, on the bundled data: each wrong answer of issue #12, now right, through the CLI."""

from __future__ import annotations

import json

import pytest

from ratify_cli.cli import app
from ratify_cli.loading import cache
from ratify_cli.loading.loader import load

from ..conftest import DATA, MINI


def run(runner, *args: str):
    return runner.invoke(app, [*args, "--data", str(DATA)], env={"NO_COLOR": "1", "RATIFY_DATA": None, "COLUMNS": "200"})


def rows(runner, *args: str) -> list[dict]:
    result = run(runner, *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)["rows"]


def test_instruments_not_yet_adopted_are_not_gaps_of_a_state(runner) -> None:
    listed = {row["instrument"] for row in rows(runner, "gaps", "--state", "MEX", "--as-of", "2005-06-07")}
    assert not listed & {"crpd", "ced", "ilo-c189", "crpd-op", "icescr-op", "ilo-p029", "crc-opic"}
    summary = json.loads(run(runner, "gaps", "--state", "MEX", "--as-of", "2005-06-07", "-f", "json").stdout)["summary"]
    assert summary[0]["counts"]["not-adopted"] == 10 and summary[0]["existing"] == 37


def test_an_instrument_not_yet_adopted_says_so_in_one_line(runner) -> None:
    result = run(runner, "gaps", "--instrument", "crpd", "--as-of", "2005-06-07", "--format", "markdown")
    assert result.exit_code == 0
    assert "_No rows._" in result.stdout
    assert "CRPD was adopted on 2006-12-13: on 2005-06-07 it did not exist yet, so no state had a step to take." in result.stdout
    assert rows(runner, "status", "-s", "MEX", "-i", "crpd", "--as-of", "2005-06-07")[0]["status"] == "not-adopted"


def test_prerequisites_name_the_treaty_to_join_first(runner) -> None:
    by_instrument = {row["instrument"]: row for row in rows(runner, "gaps", "--state", "USA")}
    assert (by_instrument["achr-death-penalty"]["next_step"], by_instrument["achr-death-penalty"]["prerequisite"]) == (
        "sign", "achr"
    )
    assert (by_instrument["ilo-p029"]["next_step"], by_instrument["ilo-p029"]["prerequisite"]) == ("ratify", "ilo-c029")
    table = run(runner, "gaps", "--state", "USA").stdout
    assert "join ACHR first" in table and "join C029 first" in table
    # A state party to the prerequisite gets the plain step.
    mexico = {row["instrument"]: row for row in rows(runner, "gaps", "--state", "MEX")}
    assert all(row["prerequisite"] is None for row in mexico.values())


def test_changes_counts_the_members_of_each_date_and_agrees_with_gaps(runner) -> None:
    gaps = json.loads(run(runner, "gaps", "-i", "cedaw", "--as-of", "2005-06-06", "-f", "json").stdout)
    changes = json.loads(run(runner, "changes", "--since", "2005-06-07", "-i", "cedaw", "-f", "json").stdout)
    assert gaps["summary"][0]["counts"]["party"] == 34
    assert changes["counts"] == [{"group": "cedaw", "party_start": 34, "party_end": 33, "actions": 0}]
    icrmw = rows(runner, "changes", "--since", "2005-06-07", "-i", "icrmw")
    assert ("NIC", "2005-10-26", "accession") in {(row["state"], row["date"], row["action"]) for row in icrmw}


def test_show_as_of_shows_only_what_had_happened(runner) -> None:
    shown = json.loads(run(runner, "show", "MEX", "--as-of", "1990-01-01", "-f", "json").stdout)
    assert shown["events"] and max(event["date"] for event in shown["events"]) <= "1990-01-01"


def test_same_day_events_show_in_the_order_the_rules_apply_them(runner) -> None:
    events = json.loads(run(runner, "show", "icrmw", "-f", "json").stdout)["events"]
    keys = [(event["state"], event["date"], event["action"]) for event in events]
    for (state, day, action), (state2, day2, action2) in zip(keys, keys[1:], strict=False):
        if (state, day) == (state2, day2):
            assert (action, action2) != ("ratification", "signature")


def test_year_only_facts_are_answers_with_their_precision(runner) -> None:
    mexico = {row["instrument"]: row for row in rows(runner, "status", "-s", "MEX")}
    assert {i: mexico[i]["status"] for i in ("ilo-c029", "ilo-c087", "ilo-c105")} == dict.fromkeys(
        ("ilo-c029", "ilo-c087", "ilo-c105"), "party"
    )
    assert (mexico["ilo-c029"]["consented"], mexico["ilo-c029"]["in_force"]) == ("1934", "1935")
    assert mexico["ilo-c029"]["secondary"] is True
    csv_text = run(runner, "status", "-s", "MEX", "-i", "ilo-c029", "--format", "csv").stdout
    assert ",1934,ratification,1935," in csv_text and "1934-01-01" not in csv_text


def test_a_check_per_state_answers_none_with_its_date(runner) -> None:
    # The 2015 UN table of the 1961 statelessness convention lists every participant: Mexico is not among them.
    row = rows(runner, "status", "-s", "MEX", "-i", "statelessness-1961")[0]
    assert (row["status"], row["checked"]) == ("none", "2015-01-27")
    table = run(runner, "gaps", "--state", "MEX").stdout
    assert "none (old check)" in table


def test_a_denunciation_takes_effect_after_the_notice_period(runner) -> None:
    row = rows(runner, "status", "-s", "JAM", "-i", "iccpr-op1")[0]
    assert (row["status"], row["denounced"]) == ("denounced", "1998-01-23")  # art. 12(1): three months
    before = rows(runner, "status", "-s", "JAM", "-i", "iccpr-op1", "--as-of", "1998-01-22")[0]
    assert before["status"] == "party"


def test_the_cache_key_covers_the_code(monkeypatch) -> None:
    contents = [b"a", b"b"]
    before = cache.key(contents)
    monkeypatch.setattr(cache, "code_digest", lambda: b"another rule")
    assert cache.key(contents) != before


def test_validate_never_reads_the_cache(runner, mini_copy, monkeypatch) -> None:
    assert not load(mini_copy).errors  # cached now
    monkeypatch.setattr(cache, "get", lambda key: pytest.fail("validate must validate in full"))
    result = runner.invoke(app, ["validate", "--data", str(mini_copy)], env={"NO_COLOR": "1"})
    assert result.exit_code == 0, result.stdout


def test_prerequisite_warnings_are_findings_apart_from_errors(runner, mini_copy) -> None:
    text = (mini_copy / "instruments.yaml").read_text(encoding="utf-8")
    text = text.replace("    parent: conv\n", "    parent: conv\n    prerequisite:\n      instrument: ilo-x\n      article: art. 9\n")
    (mini_copy / "instruments.yaml").write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["validate", "--data", str(mini_copy)], env={"NO_COLOR": "1"})
    assert result.exit_code == 0
    warning = [line for line in result.stdout.splitlines() if "prerequisite-missing" in line]
    assert len(warning) == 1 and "states.yaml:" in warning[0] and "MEX accession of prot on 2005-06-01" in warning[0]
    assert "0 error(s), 1 warning(s)" in result.stdout


def test_suspect_sources_are_warned_about(runner, mini_copy) -> None:
    states = mini_copy / "states.yaml"
    states.write_text(states.read_text(encoding="utf-8").replace(
        "source: https://example.org/prot", "source: http://203.0.113.7/prot.html.tmp", 1), encoding="utf-8")
    result = runner.invoke(app, ["validate", "--data", str(mini_copy)], env={"NO_COLOR": "1"})
    assert result.exit_code == 0
    assert "its host is a raw IP address [suspect-source]" in result.stdout


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ("https://en.wikipedia.org/wiki/Protocol", "it is an encyclopedia (or a copy of one), not the publisher of the fact"),
        ("https://wikimili.com/en/Protocol", "it is an encyclopedia (or a copy of one), not the publisher of the fact"),
        ("https://www-oas-org.translate.goog/prot", "it is a proxy serving another site's page"),
        ("https://example.org/prot.html.tmp", "it names a temporary file"),
    ],
)
def test_sources_that_are_not_the_publishers_page_are_warned_about(runner, mini_copy, source, reason) -> None:
    states = mini_copy / "states.yaml"
    states.write_text(states.read_text(encoding="utf-8").replace(
        "source: https://example.org/prot", f"source: {source}", 1), encoding="utf-8")
    result = runner.invoke(app, ["validate", "--data", str(mini_copy)], env={"NO_COLOR": "1"})
    assert result.exit_code == 0
    suspect = [line.split(" is suspect: ")[1] for line in result.stdout.splitlines() if "suspect-source" in line]
    assert suspect == [f"{reason} [suspect-source]"]


def test_a_wiki_named_host_that_is_not_an_encyclopedia_copy_is_not_suspect(runner, mini_copy) -> None:
    states = mini_copy / "states.yaml"
    states.write_text(states.read_text(encoding="utf-8").replace(
        "source: https://example.org/prot", "source: https://notwikipedia.org.example/prot", 1), encoding="utf-8")
    result = runner.invoke(app, ["validate", "--data", str(mini_copy)], env={"NO_COLOR": "1"})
    assert "suspect-source" not in result.stdout


def test_mini_has_no_warnings() -> None:
    assert load(MINI).findings == ()


def test_coverage_counts_agree_with_status(runner) -> None:
    status = rows(runner, "status", "--as-of", "2026-11-30")
    coverage = rows(runner, "coverage", "--by", "instrument", "--as-of", "2026-11-30")
    assert sum(row["pairs"] for row in coverage) == len([r for r in status if r["status"] != "not-adopted"])
    unknown = {row["instrument"]: row["unknown"] for row in coverage}
    assert unknown["icrmw"] == 0 and unknown["ilo-c029"] == 0
    assert sum(unknown.values()) == sum(r["status"] == "unknown" for r in status)
    result = run(runner, "coverage", "--by", "treaty")
    assert result.exit_code == 2 and "--by takes `system` or `instrument`" in result.stderr


def _add_event(folder, code: str, lines: str) -> None:
    states = folder / "states.yaml"
    text = states.read_text(encoding="utf-8")
    anchor = f"  - code: {code}\n"
    head, tail = text.split(anchor, 1)
    events_at = tail.index("    events:\n") + len("    events:\n")
    states.write_text(head + anchor + tail[:events_at] + lines + tail[events_at:], encoding="utf-8")


def test_an_act_known_to_its_year_is_in_sequence_when_some_order_allows_it(runner, mini_copy) -> None:
    # Canada denounced on 2010-01-01; a re-accession known only to 2010 may well have followed it.
    _add_event(mini_copy, "CAN", "      - instrument: conv\n        action: accession\n        date: '2010'\n"
               "        source: https://example.org/conv\n")
    assert [f for f in load(mini_copy).findings if f.code == "consent-while-party"] == []


def test_an_act_known_to_its_year_is_out_of_sequence_when_no_order_allows_it(runner, mini_copy) -> None:
    # Mexico ratified on 2001-03-01 and never denounced: a second consent in 2005 is wrong whatever its day.
    _add_event(mini_copy, "MEX", "      - instrument: conv\n        action: accession\n        date: '2005'\n"
               "        source: https://example.org/conv\n")
    found = [f for f in load(mini_copy).findings if f.code == "consent-while-party"]
    assert len(found) == 1 and "MEX accession of conv on 2005" in found[0].message

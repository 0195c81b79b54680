"""Property tests: random valid datasets validate and export consistently; random damage never crashes."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from ratify_cli.formats import OutputFormat, render
from ratify_cli.loading.loader import load
from ratify_cli.query.selection import Selection
from ratify_cli.reports.gaps import gaps_for_instrument, gaps_for_state, status_table
from tests.conftest import MINI

CODES = ["ARG", "BRA", "CAN", "CHL", "COL", "MEX", "PER", "URY", "VEN"]
# The mini catalog, with each check covering every state (its list names states these datasets may not have).
INSTRUMENTS = [
    dict(i, checks=[dict(check, states="all") for check in i["checks"]])
    for i in yaml.safe_load((MINI / "instruments.yaml").read_text(encoding="utf-8"))["instruments"]
]
AS_OF = dt.date(2020, 1, 1)
URL = "https://example.org/p"
# Names drawn from characters that break naive Markdown, CSV and HTML, but no control characters (those are errors).
NAME = st.text(alphabet=list("abcXYZ |`*_[]<>&\\#~!-=+@é,;\"'"), min_size=1, max_size=12).map(
    lambda text: " ".join(text.split())
).filter(bool)


@st.composite
def pair_events(draw, instrument: dict[str, Any]) -> list[dict[str, Any]]:
    """A valid history for one pair: maybe sign, maybe consent, maybe denounce, maybe rejoin."""
    adopted = instrument["adopted"]
    day = draw(st.dates(min_value=adopted, max_value=dt.date(2005, 1, 1)))
    events = []
    can_sign = instrument["signature"]["stage"]
    closes = instrument["signature"].get("open_until")
    if can_sign and (closes is None or day <= closes) and draw(st.booleans()):
        events.append({"instrument": instrument["id"], "action": "signature", "date": day, "source": URL})
        day += dt.timedelta(days=draw(st.integers(1, 900)))
    if draw(st.booleans()):
        act = "ratification" if events or not can_sign else draw(st.sampled_from(["accession", "ratification"]))
        events.append({"instrument": instrument["id"], "action": act, "date": day, "source": URL})
        if draw(st.booleans()):
            day += dt.timedelta(days=draw(st.integers(1, 900)))
            effective = day + dt.timedelta(days=draw(st.integers(0, 400)))
            events.append(
                {"instrument": instrument["id"], "action": "denunciation", "date": day, "effective": effective, "source": URL}
            )
            if draw(st.booleans()):
                day += dt.timedelta(days=draw(st.integers(0, 900)))
                events.append({"instrument": instrument["id"], "action": "accession", "date": day, "source": URL})
    # Some dates known only to their year or month (written as YAML strings), as the data records them; never two
    # acts of the same kind in the same period (the data would hold one act twice: a duplicate the rules report).
    recorded: set[tuple[str, str]] = set()
    for event in events:
        precision = draw(st.sampled_from(["day", "day", "month", "year"]))
        if precision != "day" and "effective" not in event:
            coarse = event["date"].isoformat()[: 7 if precision == "month" else 4]
            if (event["action"], coarse) not in recorded:
                event["date"] = coarse
        recorded.add((event["action"], str(event["date"])))
    return events


@st.composite
def datasets(draw) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Instruments (the mini catalog with random short names) and random states with random histories."""
    instruments = [dict(i, short_name=draw(NAME)) for i in INSTRUMENTS]
    codes = ["USA"] + draw(st.lists(st.sampled_from(CODES), max_size=4, unique=True))
    states = []
    for code in codes:
        events = [e for inst in instruments for e in draw(pair_events(inst))]
        draw(st.randoms(use_true_random=False)).shuffle(events)
        states.append(
            {
                "code": code,
                "name_en": draw(NAME),
                "name_es": draw(NAME),
                "subregion": "south-america",
                "oas": {"joined": dt.date(1951, 1, 1), "sources": [URL]},
                "events": events,
            }
        )
    return instruments, states


def write(folder: Path, instruments: list[dict[str, Any]], states: list[dict[str, Any]]) -> None:
    (folder / "instruments.yaml").write_text(yaml.safe_dump({"instruments": instruments}, allow_unicode=True), encoding="utf-8")
    (folder / "states.yaml").write_text(yaml.safe_dump({"states": states}, allow_unicode=True), encoding="utf-8")


def markdown_rows(text: str) -> list[list[str]]:
    """Cell texts of the first table in a Markdown document, as a GFM parser reads them."""
    rows: list[list[str]] = []
    for token in MarkdownIt("commonmark").enable("table").parse(text):
        if token.type == "table_close":
            break  # lists after the table (a glossary whose code starts with `- `) nest as deep as its cells
        if token.type == "tr_open":
            rows.append([])
        elif token.type == "inline" and rows and token.map is not None and token.level >= 4:
            rows[-1].append(token.content)
    parser = MarkdownIt("commonmark").enable("table")
    return [[parser.renderInline(cell) for cell in row] for row in rows]


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(datasets())
def test_random_valid_data_validates_and_exports_agree(generated) -> None:
    instruments, states = generated
    with tempfile.TemporaryDirectory() as folder:
        write(Path(folder), instruments, states)
        result = load(Path(folder))
    assert result.errors == (), result.errors
    report = status_table(result.dataset, Selection(as_of=AS_OF))
    as_json = json.loads(render(report, OutputFormat.JSON))["rows"]
    as_csv = list(csv.DictReader(io.StringIO(render(report, OutputFormat.CSV))))
    assert len(as_csv) == len(as_json) == len(report.rows)
    for from_csv, from_json in zip(as_csv, as_json, strict=True):
        assert from_csv["state"] == from_json["state"]
        assert from_csv["status"] == from_json["status"]
        assert from_csv["consented"] == (from_json["consented"] or "")
        assert from_csv["signed"] == (from_json["signed"] or "")
        name = from_json["instrument_name"]
        assert from_csv["instrument_name"] == ("'" + name if name[0] in "=+-@" else name)
    table = markdown_rows(render(report, OutputFormat.MARKDOWN))
    assert len(table) == 1 + len(report.rows)
    assert {len(row) for row in table} == {len(report.columns)}
    names = [row[1] for row in table[1:]]
    assert [n.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"') for n in names] == [
        r["instrument_name"] for r in as_json
    ]


@SETTINGS
@given(datasets())
def test_state_and_instrument_gap_lists_agree(generated) -> None:
    instruments, states = generated
    with tempfile.TemporaryDirectory() as folder:
        write(Path(folder), instruments, states)
        data = load(Path(folder)).dataset
    sel = Selection(as_of=AS_OF, members_only=False)
    by_state = {(r["state"], r["instrument"], r["status"]) for s in data.states for r in gaps_for_state(data, sel, s.code).rows}
    by_instrument = {
        (r["state"], r["instrument"], r["status"]) for i in data.instruments for r in gaps_for_instrument(data, sel, i.id).rows
    }
    assert by_state == by_instrument


MINI_STATES = (MINI / "states.yaml").read_text(encoding="utf-8")


@st.composite
def damaged(draw) -> str:
    """The mini states file with a few random edits: lines dropped, doubled or spliced, characters replaced."""
    lines = MINI_STATES.split("\n")
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(lines) - 1))
        edit = draw(st.sampled_from(["drop", "double", "splice", "indent"]))
        if edit == "drop":
            del lines[index]
        elif edit == "double":
            lines.insert(index, lines[index])
        elif edit == "indent":
            lines[index] = " " * draw(st.integers(1, 3)) + lines[index]
        else:
            position = draw(st.integers(0, len(lines[index])))
            junk = draw(st.text(min_size=1, max_size=6))
            lines[index] = lines[index][:position] + junk + lines[index][position:]
        if not lines:
            lines = [""]
    return "\n".join(lines)


@settings(max_examples=200, deadline=None)
@given(damaged())
def test_damaged_files_never_crash(text) -> None:
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "instruments.yaml").write_text((MINI / "instruments.yaml").read_text(encoding="utf-8"), encoding="utf-8")
        (Path(folder) / "states.yaml").write_text(text, encoding="utf-8", errors="surrogatepass")
        result = load(Path(folder))  # must return findings, never raise
    for finding in result.findings:
        assert finding.file and finding.message

"""Every format renders the same computed table: golden strings, round trips, and a real GFM parser."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from markdown_it import MarkdownIt

from ratify_cli.formats import OutputFormat, RenderOptions, formatter_for, render
from ratify_cli.query.selection import Selection
from ratify_cli.reports.coverage import completeness
from ratify_cli.reports.gaps import STATUS_FIELDS, gaps_for_instrument, gaps_for_state, matrix, status_table
from ratify_cli.reports.report import Column, Msg, Report
from tests.conftest import D

SEL = Selection(as_of=D("2020-01-01"))


def test_every_format_is_wired(mini) -> None:
    report = status_table(mini, SEL)
    for fmt in OutputFormat:
        assert callable(formatter_for(fmt))
        assert render(report, fmt).strip()


GOLDEN_MARKDOWN = """# Gaps: CONV (IV-99)

As of 2020-01-01 · data version {version}

| State | Status | Signed | Consent | In force | Denounced | Checked | Next step | Notes | Source |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
| CAN (Canada) | denounced |  |  |  | 2011-01-01 | 2020-01-01 | re-accede | \\[1\\] | [S1](https://example.org/conv) |
| USA (United States) | signed | 1999-05-05 |  |  |  | 2020-01-01 | ratify |  | [S1](https://example.org/conv) |

CONV: among 4 OAS member states as of 2020-01-01, 2 parties; 1 signed awaiting ratification; 1 denounced; 0 no action; 0 unknown.

Newest check: 2020-01-01 against [https://example.org/conv](https://example.org/conv)

**Legend**

- signed: signed, not yet ratified
- denounced: was party, denunciation in effect

**Glossary**

- CONV: Convention on Testing (IV-99)
- CAN: Canada
- USA: United States

**Notes**

1. CAN denounced CONV, effective 2011-01-01

**Sources**

- S1: [https://example.org/conv](https://example.org/conv)
"""


def test_markdown_golden(mini) -> None:
    out = render(gaps_for_instrument(mini, SEL, "conv"), OutputFormat.MARKDOWN)
    assert out == GOLDEN_MARKDOWN.format(version=mini.version)


GOLDEN_CSV = """state,state_name,instrument,instrument_name,status,signed,consented,consent_action,in_force,denounced,next_step,prerequisite,reservations,declarations,mechanisms,notes,checked,secondary,source
MEX,Mexico,conv,CONV,party,1995-01-01,2001-03-01,ratification,2001-03-31,,,,true,,individual-communications,,2020-01-01,false,https://example.org/conv
"""


def test_csv_golden(mini) -> None:
    sel = Selection(as_of=D("2020-01-01"), states=("mex",), instruments=("conv",))
    assert render(status_table(mini, sel), OutputFormat.CSV) == GOLDEN_CSV


GOLDEN_TABLE = (
    'Gaps: Mexico (MEX) — as of 2001-03-15\n'
    '                                              \n'
    ' Instrument   Status   Checked      Next step \n'
    ' ──────────────────────────────────────────── \n'
    ' PROT         none     2020-01-01   sign      \n'
    ' CX           none     2020-01-01   ratify    \n'
    '                                              \n'
    'Mexico (MEX) is party to 0 of 3 instruments; 0 signed awaiting ratification; 1 \n'
    'pending entry into force; 2 no action; 0 unknown.\n'
    'Legend: none: no action, per a complete source checked on the date shown\n'
)


def test_terminal_golden(mini) -> None:
    # CONV is pending for MEX on this date: consent deposited, not yet in force, so not a gap.
    out = render(gaps_for_state(mini, Selection(as_of=D("2001-03-15")), "MEX"), OutputFormat.TABLE)
    assert out == GOLDEN_TABLE


def test_csv_of_no_rows_keeps_its_header(mini) -> None:
    report = gaps_for_state(mini, SEL, "MEX")
    assert report.rows == ()
    assert render(report, OutputFormat.CSV) == ",".join(STATUS_FIELDS) + "\n"


def test_rows_follow_the_declared_fields(mini) -> None:
    report = status_table(mini, SEL)
    for row in report.rows:
        assert tuple(key for key in row if key not in report.hidden) == STATUS_FIELDS


def test_json_shape(mini) -> None:
    doc = json.loads(render(status_table(mini, SEL), OutputFormat.JSON))
    assert doc["as_of"] == "2020-01-01"
    assert doc["data_version"] == mini.version
    required = {"state", "instrument", "status", "signed", "consented", "consent_action", "in_force", "denounced", "next_step", "source"}
    assert len(doc["rows"]) == 12  # 4 states x 3 instruments: NIC left in 2023, so it counts in 2020
    for row in doc["rows"]:
        assert required <= set(row)
        assert row["status"] in {"party", "pending", "signed", "denounced", "none", "unknown"}
        assert "fn" not in row and "ref" not in row


def test_csv_reads_back(mini) -> None:
    report = status_table(mini, SEL)
    rows = list(csv.DictReader(io.StringIO(render(report, OutputFormat.CSV))))
    assert [(r["state"], r["instrument"], r["status"]) for r in rows] == [
        (r["state"], r["instrument"], r["status"]) for r in report.rows
    ]


def test_matrix_markdown_parses_as_a_table(mini) -> None:
    out = render(matrix(mini, SEL), OutputFormat.MARKDOWN)
    tokens = MarkdownIt("commonmark").enable("table").parse(out)
    rows = [t for t in tokens if t.type == "tr_open"]
    assert len(rows) == 1 + 4


HOSTILE = "a|b `c` <script>x</script> *d* [e](f) \\ \x1b[31m\nnew line"


def _hostile_report() -> Report:
    hostile = Msg("literal", {"text": HOSTILE})
    return Report(
        kind="status",
        title=hostile,
        data_version="v",
        columns=(Column("a", hostile), Column("b", "state")),
        rows=({"a": HOSTILE, "b": "=1+1"}, {"a": "-2", "b": "@SUM(A1)"}),
        summary=(hostile,),
        footnotes=(hostile,),
    )


def test_markdown_escapes_everything() -> None:
    out = render(_hostile_report(), OutputFormat.MARKDOWN)
    tokens = MarkdownIt("commonmark").enable("table").parse(out)
    cells_per_row = []
    count = 0
    for token in tokens:
        if token.type == "tr_open":
            count = 0
        elif token.type in ("td_open", "th_open"):
            count += 1
        elif token.type == "tr_close":
            cells_per_row.append(count)
    assert cells_per_row == [2, 2, 2]
    html = MarkdownIt("commonmark").enable("table").render(out)
    assert "<script>" not in html and "\x1b" not in html


def test_csv_neutralises_formulas() -> None:
    rows = list(csv.reader(io.StringIO(render(_hostile_report(), OutputFormat.CSV))))
    assert rows[1][1] == "'=1+1"
    assert rows[2] == ["'-2", "'@SUM(A1)"]


def test_terminal_never_writes_escape_sequences() -> None:
    out = render(_hostile_report(), OutputFormat.TABLE, RenderOptions(color=False, width=80))
    assert "\x1b" not in out
    assert "[31m" in out  # shown escaped, as text


def test_terminal_colour_only_when_asked(mini) -> None:
    report = gaps_for_instrument(mini, SEL, "conv")
    assert "\x1b[" in render(report, OutputFormat.TABLE, RenderOptions(color=True, width=80))
    assert "\x1b[" not in render(report, OutputFormat.TABLE, RenderOptions(color=False, width=80))


@pytest.mark.parametrize("width", [80, 120])
def test_terminal_fits_width(bundled, width) -> None:
    out = render(gaps_for_state(bundled, SEL, "MEX"), OutputFormat.TABLE, RenderOptions(width=width))
    assert max(len(line) for line in out.splitlines()) <= width
    out = render(matrix(bundled, SEL), OutputFormat.TABLE, RenderOptions(width=width))
    assert max(len(line) for line in out.splitlines()) <= width


def _lines(report: Report, width: int) -> list[str]:
    out = render(report, OutputFormat.TABLE, RenderOptions(width=width))
    assert max(len(line) for line in out.splitlines()) <= width
    return [line.rstrip() for line in out.splitlines()]


def _row(lines: list[str], first: str) -> list[str]:
    return next(line.split() for line in lines if line.split()[:1] == [first])


@pytest.mark.parametrize("width", [80, 100])
def test_terminal_table_too_wide_gives_way_without_losing_a_column(bundled, width) -> None:
    # Ten columns of completeness do not fit 80 characters with their padding; rich alone crops the last columns
    # (the unknown share). The padding goes and the longest ids fold instead; every cell is still printed.
    report = completeness(bundled, SEL, "instrument")
    row = _row(_lines(report, width), "icrmw")
    assert row == _row(_lines(report, 200), "icrmw") and len(row) == 10 and row[-1].endswith("%")


@pytest.mark.parametrize("width", [80, 100])
def test_terminal_table_that_cannot_fit_prints_records(bundled, width) -> None:
    # Nine columns of status, four of them dates, cannot share 80 characters without splitting dates: each row is
    # printed as `header  value` lines instead of a table with its last columns (checked, notes) cropped.
    lines = _lines(status_table(bundled, SEL), width)
    start = next(i for i, line in enumerate(lines) if line == "State       MEX" and lines[i + 1] == "Instrument  ICRMW")
    record = lines[start : lines.index("", start)]
    assert record[:-1] == [
        "State       MEX", "Instrument  ICRMW", "Status      party", "Signed      1991-05-22", "Consent     1999-03-08",
        "Act         ratification", "In force    2003-07-01", "Checked     2026-02-03",
    ]
    assert re.fullmatch(r"Notes       \[\d+\]", record[-1])


def test_records_give_every_cell_of_a_row(bundled) -> None:
    report = completeness(bundled, SEL, "instrument")
    lines = _lines(report, 60)
    start = lines.index("Instrument       icrmw")
    record = lines[start : lines.index("", start)]
    assert [line.split()[-1] for line in record] == _row(_lines(report, 200), "icrmw")


def test_json_is_utf8_text(mini) -> None:
    out = render(_hostile_report(), OutputFormat.JSON)
    assert json.loads(out)["title"] == {"code": "literal", "text": HOSTILE}
    out.encode("utf-8")

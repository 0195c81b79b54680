"""Markdown that renders anywhere: sources as links whose href is the URL byte for byte, cited from their rows,
a glossary for every code, state names beside codes, legends that match the table (CommonMark and GFM parsers)."""

from __future__ import annotations

import re

import pytest
from markdown_it import MarkdownIt
from markdown_it.common.normalize_url import normalizeLink

from ratify_cli.formats import OutputFormat, render
from ratify_cli.formats.mdlink import destination, link
from ratify_cli.query.selection import Selection
from ratify_cli.reports.catalog import changes, show
from ratify_cli.reports.gaps import gaps_for_instrument, gaps_for_state, matrix, status_table
from ratify_cli.text import en, legend

from ..conftest import D

PARSERS = {
    "commonmark": lambda: MarkdownIt("commonmark").enable("table"),
    "gfm": lambda: MarkdownIt("gfm-like", {"linkify": False}),
}
SEL = Selection(as_of=D("2026-01-01"))


def _reports(data):
    return {
        "gaps --state MEX": gaps_for_state(data, SEL, "MEX"),
        "gaps --instrument icrmw": gaps_for_instrument(data, SEL, "icrmw"),
        "status": status_table(data, SEL),
        "changes": changes(data, SEL, D("2005-06-07"), D("2026-01-01"), "instrument"),
        "show MEX": show(data, "MEX", D("2026-01-01")),
        "show icrmw": show(data, "icrmw", D("2026-01-01")),
        "matrix": matrix(data, SEL),
    }


def _links(markdown: str, parser: str) -> list[tuple[str, str, bool]]:
    """(text, href, in a table cell) of every link."""
    found = []
    in_cell = False
    for token in PARSERS[parser]().parse(markdown):
        if token.type in ("td_open", "th_open"):
            in_cell = True
        elif token.type in ("td_close", "th_close"):
            in_cell = False
        elif token.type == "inline":
            children = token.children or []
            for index, child in enumerate(children):
                if child.type == "link_open":
                    label = children[index + 1].content if index + 1 < len(children) else ""
                    found.append((label, child.attrGet("href"), in_cell))
    return found


@pytest.mark.parametrize("parser", sorted(PARSERS))
def test_every_source_is_a_link_to_its_url_cited_from_a_row(bundled, parser) -> None:
    for name, report in _reports(bundled).items():
        assert report.sources, name
        links = _links(render(report, OutputFormat.MARKDOWN), parser)
        listed = [href for text, href, cell in links if not cell and text.startswith("http")]
        assert set(report.sources) <= set(listed), name
        cited = set()
        for text, href, cell in links:
            if cell and re.fullmatch(r"S\d+", text):
                assert href == report.sources[int(text[1:]) - 1], (name, text)
                cited.add(href)
            elif cell:
                assert href == text, name  # a cell that is a URL links to itself
                cited.add(href)
        assert cited == set(report.sources), (name, set(report.sources) - cited)


def test_matrix_rows_cite_the_sources_their_cells_rest_on(mini) -> None:
    report = matrix(mini, Selection(as_of=D("2020-01-01")))
    # USA's PROT is unknown: no source covers it, so its row cites the other two.
    assert [row["ref"] for row in report.rows] == [(1, 2, 3), (1, 2, 3), (1, 2, 3), (1, 3)]
    assert report.sources == ("https://example.org/conv", "https://example.org/prot", "https://example.org/cx")
    out = render(report, OutputFormat.MARKDOWN)
    assert "| USA (United States) | ○ | ? | · | [S1](https://example.org/conv) [S3](https://example.org/cx) |" in out


HOSTILE_URLS = [
    "https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=IV-13&chapter=4",
    "https://example.org/a_(b)_c*d*~e~[f]#g",
    "https://example.org/a&amp;b&#38;c&copy;d&lang=en",
    "https://example.org/unbalanced)x(",
    "https://example.org/back\\slash",
    "https://example.org/x?q=`code`&y=<b>",
]


@pytest.mark.parametrize("parser", sorted(PARSERS))
@pytest.mark.parametrize("url", HOSTILE_URLS)
@pytest.mark.parametrize("in_table", [False, True])
def test_destination_keeps_the_url(parser, url, in_table) -> None:
    text = link("S1", url, in_table)
    source = f"| a |\n| --- |\n| {text} |\n" if in_table else f"- {text}\n"
    (found,) = _links(source, parser)
    expected = url.replace("\\", "%5C").replace("<", "%3C").replace(">", "%3E")
    if url.endswith(")x("):
        expected = expected.replace("(", "%28").replace(")", "%29")
    # Only what breaks the syntax is changed; markdown-it itself percent-encodes `[`, `]` and backticks in any href.
    assert found[1] == normalizeLink(expected)
    assert "&amp;" not in url or "&amp;" in found[1]  # a character reference is never decoded


def test_destination_leaves_a_plain_url_untouched() -> None:
    url = HOSTILE_URLS[0]
    assert destination(url) == url


def _table_cells(markdown: str) -> list[list[str]]:
    rows, row, inside = [], [], False
    for token in MarkdownIt("commonmark").enable("table").parse(markdown):
        if token.type == "tr_open":
            row = []
        elif token.type in ("td_open", "th_open"):
            inside = True
        elif token.type == "inline" and inside:
            row.append("".join(child.content for child in token.children or [] if child.type == "text"))
            inside = False
        elif token.type == "tr_close":
            rows.append(row)
    return rows


def test_glossary_names_every_code_and_states_have_names(bundled) -> None:
    for name, report in _reports(bundled).items():
        glossary = {code: en.message(name) for code, name in report.glossary}
        out = render(report, OutputFormat.MARKDOWN)
        assert "**Glossary**" in out, name
        tables = [(report.columns, report.rows)] + [(section.columns, section.rows) for section in report.sections]
        codes = {row["state"] for columns, rows in tables if "state" in [c.key for c in columns] for row in rows}
        assert codes or name == "gaps --state MEX", name
        assert codes <= set(glossary), name
        assert {row["state"] for row in report.rows if "state" in row} <= set(glossary), name
        for code in codes:
            assert f"{code} ({bundled.by_code[code].name_en})" in out, (name, code)
    status = _reports(bundled)["status"]
    assert {row["instrument_name"] for row in status.rows} <= set(dict(status.glossary))
    assert en.message(dict(status.glossary)["ICRMW"]).startswith("International Convention on the Protection of the Rights of All")
    events = _reports(bundled)["changes"]
    assert {row["instrument"] for row in events.rows} <= set(dict(events.glossary))


def test_legends_match_what_the_tables_show(bundled) -> None:
    for name, report in _reports(bundled).items():
        if not report.legend:
            continue
        out = render(report, OutputFormat.MARKDOWN)
        cells = _table_cells(out)
        header, body = cells[0], cells[1:]
        if report.kind == "matrix":
            shown = {cell.rstrip("†") for row in body for cell in row[1:-1]}
            marked = any(cell.endswith("†") for row in body for cell in row[1:-1])
            keys = {key for key, _meaning in legend(en, report.legend, report.legend_symbols)}
            assert keys == shown | ({"†"} if marked else set()), name
        else:
            column = header.index("Status")
            shown = {row[column].rstrip(" †") for row in body}
            marked = any(row[column].endswith("†") for row in body)
            keys = {key.rstrip(":") for key, _meaning in legend(en, report.legend, report.legend_symbols)}
            assert keys == shown | ({"†"} if marked else set()), name

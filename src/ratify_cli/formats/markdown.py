"""Markdown for reports: title, as-of line, a GFM table that survives any text, legend, glossary, notes, sources.

Every source is a link whose href is its URL byte for byte (mdlink.py); the Source cells link to the sources they
cite, and a cell whose whole text is a URL is a link to it.
"""

from __future__ import annotations

import re
from typing import Any

from ..reports.report import SOURCE_NUMBER, Column, Report
from ..text import Texts, legend, texts
from .base import RenderOptions
from .cells import cell, header, text
from .mdlink import link
from .safe import printable

_ESCAPES = {
    "\\": "\\\\",
    "|": "\\|",
    "`": "\\`",
    "*": "\\*",
    "_": "\\_",
    "[": "\\[",
    "]": "\\]",
    "#": "\\#",
    "~": "\\~",
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
}


def escape(value: str) -> str:
    """Text that a GFM renderer shows literally and that never breaks a table row."""
    return "".join(_ESCAPES.get(char, char) for char in printable(value)).strip()


_URL_IN_TEXT = re.compile(r"https?://[^\s<>]*[^\s<>.,;:!?)\]'\"]")


def _escaped(value: str) -> str:
    return "".join(_ESCAPES.get(char, char) for char in printable(value))


def _prose(line: str, in_table: bool = False) -> str:
    """A line of text with every URL in it as a link to itself."""
    out, start = [], 0
    for match in _URL_IN_TEXT.finditer(line):
        out += [_escaped(line[start : match.start()]), link(escape(match.group()), match.group(), in_table)]
        start = match.end()
    return ("".join(out) + _escaped(line[start:])).strip()


def _refs(report: Report, numbers: Any) -> str:
    """Source numbers as `S3` links to the third source (one number or several)."""
    if not numbers:
        return ""
    numbers = numbers if isinstance(numbers, (list, tuple)) else [numbers]
    return " ".join(
        link(f"S{n}", report.sources[n - 1], in_table=True) if 0 < n <= len(report.sources) else f"S{n}" for n in numbers
    )


def _cell(words: Texts, report: Report, column: Column, row: dict[str, Any]) -> str:
    if column.symbol:
        return escape(cell(words, column, row))
    if column.vocab == SOURCE_NUMBER:
        return _refs(report, row.get(column.key))
    value = cell(words, column, row)
    if column.beside and row.get(column.beside):
        return f"{escape(value)} ({escape(text(words, row[column.beside]))})"
    return _prose(value, in_table=True)


def _table(words: Texts, report: Report, columns: tuple[Column, ...], rows: tuple[dict[str, Any], ...]) -> list[str]:
    lines = ["| " + " | ".join(escape(header(words, c)) for c in columns) + " |"]
    lines.append("|" + "|".join(" --- " for _ in columns) + "|")
    lines.extend("| " + " | ".join(_cell(words, report, c, row) for c in columns) + " |" for row in rows)
    return lines


def _head(words: Texts, report: Report) -> list[str]:
    meta = [words.frame("md_version", version=escape(report.data_version))]
    if report.data_dir:
        meta.append(words.frame("md_data", folder=escape(report.data_dir)))
    if report.as_of is not None:
        meta.insert(0, words.frame("md_as_of", date=report.as_of))
    return [f"# {escape(words.message(report.title))}", "", " · ".join(meta), ""]


def render(report: Report, options: RenderOptions) -> str:
    """A self-contained Markdown document."""
    words = texts(options.lang)
    out = _head(words, report)
    if report.rows:
        out += _table(words, report, report.columns, report.rows) + [""]
    else:
        out += [words.frame("md_no_rows"), ""]
    for line in report.summary:
        out += [_prose(words.message(line)), ""]
    for section in report.sections:
        out += [f"## {escape(words.header(section.title))}", ""]
        out += (_table(words, report, section.columns, section.rows) if section.rows else [words.frame("md_none")]) + [""]
    if report.legend:
        out += [f"**{words.frame('md_legend')}**", ""]
        entries = legend(words, report.legend, report.legend_symbols)
        out += [f"- {escape(symbol)} {escape(meaning)}" for symbol, meaning in entries] + [""]
    if report.glossary:
        out += [f"**{words.frame('md_glossary')}**", ""]
        out += [f"- {escape(code)}: {escape(words.message(name))}" for code, name in report.glossary] + [""]
    if report.footnotes:
        out += [f"**{words.frame('md_notes')}**", ""]
        out += [f"{number}. {escape(words.message(note))}" for number, note in enumerate(report.footnotes, start=1)]
        out += [""]
    if report.sources:
        out += [f"**{words.frame('md_sources')}**", ""]
        out += [f"- S{number}: {link(escape(url), url)}" for number, url in enumerate(report.sources, start=1)] + [""]
    return "\n".join(out)

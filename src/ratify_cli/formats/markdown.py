"""Markdown for reports: title, as-of line, a GFM table that survives any text, legend, glossary, notes, sources.

Every source is a link whose href is its URL byte for byte (mdlink.py); the Source cells link to the sources they
cite, and a cell whose whole text is a URL is a link to it.
"""

from __future__ import annotations

import re
from typing import Any

from ..report import Column, Report, symbol, text
from . import RenderOptions
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


def _prose(line: str, in_table: bool = False) -> str:
    """A line of text with every URL in it as a link to itself."""
    out, start = [], 0
    for match in _URL_IN_TEXT.finditer(line):
        out += [_escaped(line[start : match.start()]), link(escape(match.group()), match.group(), in_table)]
        start = match.end()
    return ("".join(out) + _escaped(line[start:])).strip()


def _escaped(value: str) -> str:
    return "".join(_ESCAPES.get(char, char) for char in printable(value))


_URL_IN_TEXT = re.compile(r"https?://[^\s<>]*[^\s<>.,;:!?)\]'\"]")


def _refs(report: Report, cell: str) -> str:
    """`S3 S7` as links to the third and seventh sources (any other word as text)."""
    words = []
    for word in cell.split():
        number = int(word[1:]) if word[:1] == "S" and word[1:].isdigit() else 0
        words.append(link(word, report.sources[number - 1], in_table=True) if 0 < number <= len(report.sources) else escape(word))
    return " ".join(words)


def _cell(report: Report, column: Column, row: dict[str, Any]) -> str:
    if column.symbol:
        return escape(symbol(report, column, row))
    value = text(row.get(column.key))
    if column.key == "ref":
        return _refs(report, value)
    if column.beside and row.get(column.beside):
        return f"{escape(value)} ({escape(text(row[column.beside]))})"
    return _prose(value, in_table=True)


def _table(report: Report, columns: tuple[Column, ...], rows: tuple[dict[str, Any], ...]) -> list[str]:
    lines = ["| " + " | ".join(escape(c.header) for c in columns) + " |"]
    lines.append("|" + "|".join(" --- " for _ in columns) + "|")
    lines.extend("| " + " | ".join(_cell(report, c, row) for c in columns) + " |" for row in rows)
    return lines


def render(report: Report, options: RenderOptions) -> str:
    """A self-contained Markdown document."""
    out = [f"# {escape(report.title)}", ""]
    meta = [f"data version {escape(report.data_version)}"]
    if report.data_dir:
        meta.append(f"data {escape(report.data_dir)}")
    if report.as_of is not None:
        meta.insert(0, f"As of {report.as_of.isoformat()}")
    out += [" · ".join(meta), ""]
    if report.rows:
        out += _table(report, report.columns, report.rows) + [""]
    else:
        out += ["_No rows._", ""]
    for line in report.summary:
        out += [_prose(line), ""]
    for section in report.sections:
        out += [f"## {escape(section.title)}", ""]
        out += (_table(report, section.columns, section.rows) if section.rows else ["_None._"]) + [""]
    if report.legend:
        out += ["**Legend**", ""]
        out += [f"- {escape(symbol)} {escape(meaning)}" for symbol, meaning in report.legend] + [""]
    if report.glossary:
        out += ["**Glossary**", ""]
        out += [f"- {escape(code)}: {escape(name)}" for code, name in report.glossary] + [""]
    if report.footnotes:
        out += ["**Notes**", ""]
        out += [f"{number}. {escape(note)}" for number, note in enumerate(report.footnotes, start=1)] + [""]
    if report.sources:
        out += ["**Sources**", ""]
        out += [f"- S{number}: {link(escape(url), url)}" for number, url in enumerate(report.sources, start=1)] + [""]
    return "\n".join(out)

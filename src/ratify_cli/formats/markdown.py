"""Markdown for reports: title, as-of line, a GFM table that survives any text, legend, notes and sources."""

from __future__ import annotations

from typing import Any

from ..reports.report import Column, Report
from ..text import Texts, legend, texts
from .base import RenderOptions
from .cells import cell, header
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


def _table(words: Texts, columns: tuple[Column, ...], rows: tuple[dict[str, Any], ...]) -> list[str]:
    lines = ["| " + " | ".join(escape(header(words, c)) for c in columns) + " |"]
    lines.append("|" + "|".join(" --- " for _ in columns) + "|")
    lines.extend("| " + " | ".join(escape(cell(words, c, row)) for c in columns) + " |" for row in rows)
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
        out += _table(words, report.columns, report.rows) + [""]
    else:
        out += [words.frame("md_no_rows"), ""]
    for line in report.summary:
        out += [escape(words.message(line)), ""]
    for section in report.sections:
        out += [f"## {escape(words.header(section.title))}", ""]
        out += (_table(words, section.columns, section.rows) if section.rows else [words.frame("md_none")]) + [""]
    if report.legend:
        out += [f"**{words.frame('md_legend')}**", ""]
        entries = legend(words, report.legend, report.legend_symbols)
        out += [f"- {escape(symbol)} {escape(meaning)}" for symbol, meaning in entries] + [""]
    if report.footnotes:
        out += [f"**{words.frame('md_notes')}**", ""]
        out += [f"{number}. {escape(words.message(note))}" for number, note in enumerate(report.footnotes, start=1)]
        out += [""]
    if report.sources:
        out += [f"**{words.frame('md_sources')}**", ""]
        out += [f"- S{number}: {escape(url)}" for number, url in enumerate(report.sources, start=1)] + [""]
    return "\n".join(out)

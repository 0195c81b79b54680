"""Markdown for reports: title, as-of line, a GFM table that survives any text, legend, notes and sources."""

from __future__ import annotations

from typing import Any

from ..report import Column, Report, symbol, text
from . import RenderOptions
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


def _cell(report: Report, column: Column, row: dict[str, Any]) -> str:
    if column.symbol:
        return escape(symbol(report, column, row))
    return escape(text(row.get(column.key)))


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
        out += [escape(line), ""]
    for section in report.sections:
        out += [f"## {escape(section.title)}", ""]
        out += (_table(report, section.columns, section.rows) if section.rows else ["_None._"]) + [""]
    if report.legend:
        out += ["**Legend**", ""]
        out += [f"- {escape(symbol)} {escape(meaning)}" for symbol, meaning in report.legend] + [""]
    if report.footnotes:
        out += ["**Notes**", ""]
        out += [f"{number}. {escape(note)}" for number, note in enumerate(report.footnotes, start=1)] + [""]
    if report.sources:
        out += ["**Sources**", ""]
        out += [f"- S{number}: {escape(url)}" for number, url in enumerate(report.sources, start=1)] + [""]
    return "\n".join(out)

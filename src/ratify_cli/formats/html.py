"""HTML: any table command's report as one self-contained page (inline styles, no request to another host)."""

from __future__ import annotations

import re
from typing import Any

from ..report import Column, Report, symbol, text
from . import RenderOptions
from .safe import printable

_URL = re.compile(r"https?://[^\s<>\"]*[^\s<>\"'.,;:!?)\]]")
_REF = re.compile(r"S(\d+)\Z")


def _parts(value: str) -> list[tuple[str, str]]:
    """Text split into (text, href) pieces: every URL in it a link to itself."""
    parts, start = [], 0
    for match in _URL.finditer(value):
        if match.start() > start:
            parts.append((value[start : match.start()], ""))
        parts.append((match.group(), match.group()))
        start = match.end()
    if start < len(value):
        parts.append((value[start:], ""))
    return parts


def _cell(report: Report, column: Column, row: dict[str, Any]) -> dict[str, Any]:
    if column.symbol:
        return {"parts": [(symbol(report, column, row), "")], "cls": f"st st-{row.get(column.key)}"}
    value = printable(text(row.get(column.key)))
    if column.key == "ref":
        parts: list[tuple[str, str]] = []
        for word in value.split():
            match = _REF.match(word)
            parts += [(" ", "")] if parts else []
            parts.append((word, f"#s{match.group(1)}" if match and 0 < int(match.group(1)) <= len(report.sources) else ""))
        return {"parts": parts, "cls": ""}
    if column.beside and row.get(column.beside):
        return {"parts": [(value, ""), (" " + printable(text(row[column.beside])), "")], "cls": "code"}
    return {"parts": _parts(value), "cls": f"st-{row.get('status')}" if column.key == "shown" else ""}


def _table(report: Report, title: str, columns: tuple[Column, ...], rows: tuple[dict[str, Any], ...]) -> dict[str, Any]:
    return {
        "title": printable(title),
        "matrix": any(c.symbol for c in columns),
        "headers": [{"text": printable(c.header), "rotated": c.symbol} for c in columns],
        "rows": [[_cell(report, c, row) for c in columns] for row in rows],
    }


def page(report: Report) -> dict[str, Any]:
    """The report laid out for the page template: cells as text pieces with links and classes."""
    return {
        "title": printable(report.title),
        "as_of": report.as_of.isoformat() if report.as_of else "",
        "data_version": report.data_version,
        "data_dir": printable(report.data_dir),
        "tables": ([_table(report, "", report.columns, report.rows)] if report.rows else [])
        + [_table(report, s.title, s.columns, s.rows) for s in report.sections],
        "empty": not report.rows,
        "summary": [_parts(printable(line)) for line in report.summary],
        "legend": [(printable(key), printable(meaning)) for key, meaning in report.legend],
        "glossary": [(printable(code), printable(name)) for code, name in report.glossary],
        "footnotes": [printable(note) for note in report.footnotes],
        "sources": list(report.sources),
    }


def render(report: Report, options: RenderOptions) -> str:
    """A complete HTML document (Jinja2 is imported only here)."""
    from ..page import render_table

    return render_table(page(report))

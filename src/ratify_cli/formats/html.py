"""HTML: any table command's report as one self-contained page (inline styles, no request to another host)."""

from __future__ import annotations

import re
from typing import Any

from ..reports.report import SOURCE_NUMBER, Column, Report
from ..text import Texts, legend, texts
from .base import RenderOptions
from .cells import cell, header, text
from .safe import printable

_URL = re.compile(r"https?://[^\s<>\"]*[^\s<>\"'.,;:!?)\]]")


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


def _refs(report: Report, numbers: Any) -> list[tuple[str, str]]:
    """Source numbers as `S3` pieces linking to the third source of the page's list."""
    numbers = numbers if isinstance(numbers, (list, tuple)) else ([numbers] if numbers else [])
    parts: list[tuple[str, str]] = []
    for number in numbers:
        parts += [(" ", "")] if parts else []
        parts.append((f"S{number}", f"#s{number}" if 0 < number <= len(report.sources) else ""))
    return parts


def _cell(words: Texts, report: Report, column: Column, row: dict[str, Any]) -> dict[str, Any]:
    if column.symbol:
        return {"parts": [(cell(words, column, row), "")], "cls": f"st st-{row.get(column.key)}"}
    if column.vocab == SOURCE_NUMBER:
        return {"parts": _refs(report, row.get(column.key)), "cls": ""}
    value = printable(cell(words, column, row))
    if column.beside and row.get(column.beside):
        return {"parts": [(value, ""), (" " + printable(text(words, row[column.beside])), "")], "cls": "code"}
    return {"parts": _parts(value), "cls": f"st-{row.get('status')}" if column.key == "shown" else ""}


def _table(words: Texts, report: Report, title: str, columns: tuple[Column, ...], rows: tuple[dict[str, Any], ...]) -> dict[str, Any]:
    return {
        "title": printable(title),
        "matrix": any(c.symbol for c in columns),
        "headers": [{"text": printable(header(words, c)), "rotated": c.symbol} for c in columns],
        "rows": [[_cell(words, report, c, row) for c in columns] for row in rows],
    }


def page(report: Report, words: Texts) -> dict[str, Any]:
    """The report laid out for the page template: cells as text pieces with links and classes, in the words given."""
    return {
        "title": printable(words.message(report.title)),
        "as_of": report.as_of.isoformat() if report.as_of else "",
        "data_version": report.data_version,
        "data_dir": printable(report.data_dir),
        "tables": ([_table(words, report, "", report.columns, report.rows)] if report.rows else [])
        + [_table(words, report, words.header(s.title), s.columns, s.rows) for s in report.sections],
        "empty": not report.rows,
        "summary": [_parts(printable(words.message(line))) for line in report.summary],
        "legend": [(printable(key), printable(meaning)) for key, meaning in legend(words, report.legend, report.legend_symbols)],
        "glossary": [(printable(code), printable(words.message(name))) for code, name in report.glossary],
        "footnotes": [printable(words.message(note)) for note in report.footnotes],
        "sources": list(report.sources),
    }


def render(report: Report, options: RenderOptions) -> str:
    """A complete HTML document (Jinja2 is imported only here)."""
    from .page import render_table

    words = texts(options.lang)
    return render_table(page(report, words), words, options.lang.value)

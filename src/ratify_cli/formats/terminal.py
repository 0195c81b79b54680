"""The terminal: rich tables that fit the width, colour only on a terminal, data text never read as markup."""

from __future__ import annotations

import io
from typing import Any

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..reports.report import Column, Msg, Report
from ..text import Texts, legend, texts
from .base import RenderOptions
from .cells import cell, header
from .safe import printable

MATRIX_HEADER = 8
"""Vertical column labels of the matrix are cut to this many characters."""

STYLES = {
    "party": "green",
    "pending": "cyan",
    "signed": "yellow",
    "denounced": "red",
    "none": "bright_black",
    "none-old": "bright_black",
    "unknown": "magenta",
    "not-adopted": "bright_black",
}


def _style(column: Column, row: dict[str, Any]) -> str:
    value = row.get(column.key)
    if isinstance(value, Msg) and column.key == "shown":
        return STYLES.get(value.params["status"], "")
    return STYLES.get(str(value), "") if column.key == "status" or column.symbol else ""


def _cell(words: Texts, column: Column, row: dict[str, Any]) -> Text:
    return Text(printable(cell(words, column, row)), style=_style(column, row))


UNBROKEN = 20
"""Words up to this long (dates, status words, `definitive-signature`) are never split across lines."""


def _unbroken(cells: list[str]) -> int:
    """The longest word of a column, up to UNBROKEN: the narrowest the column may get."""
    return min(UNBROKEN, max((len(word) for c in cells for word in c.split()), default=1))


def _table(words: Texts, columns: tuple[Column, ...], rows: tuple[dict[str, Any], ...], title: str = "") -> Table:
    # Source references point to the list that Markdown prints; the terminal shows neither, nor empty columns.
    columns = tuple(c for c in columns if c.key != "ref" and any(cell(words, c, row) for row in rows))
    table = Table(box=box.SIMPLE_HEAD, title=printable(title) or None, title_justify="left", pad_edge=False)
    for column in columns:
        cells = [printable(header(words, column))] + [printable(cell(words, column, row)) for row in rows]
        table.add_column(printable(header(words, column)), overflow="fold", min_width=_unbroken(cells))
    for row in rows:
        table.add_row(*(_cell(words, column, row) for column in columns))
    return table


def _matrix(words: Texts, report: Report, width: int) -> list[RenderableType]:
    """States down, instruments across with vertical headers, in blocks that fit the width."""
    first, rest = report.columns[0], report.columns[1:]
    per_block = max(1, (width - 6) // 2)
    label = {c.key: header(words, c).replace(" ", "")[:MATRIX_HEADER] for c in rest}
    blocks: list[RenderableType] = []
    for start in range(0, len(rest), per_block):
        block = rest[start : start + per_block]
        height = max(len(label[c.key]) for c in block)
        lines = []
        for level in range(height):
            heads = " ".join(label[c.key][level] if level < len(label[c.key]) else " " for c in block)
            lines.append(Text(" " * 5 + printable(heads), style="bold"))
        for row in report.rows:
            line = Text(printable(cell(words, first, row)).ljust(5))
            for column in block:
                shown = _cell(words, column, row)  # a symbol, and the flag mark or a space: two characters a column
                shown.pad_right(2 - shown.cell_len)
                line.append_text(shown)
            line.rstrip()
            lines.append(line)
        blocks.append(Group(*lines, Text("")))
    return blocks


def _parts(words: Texts, report: Report, width: int) -> list[RenderableType]:
    title = printable(words.message(report.title))
    if report.as_of:
        title += " " + words.frame("as_of", date=report.as_of)
    parts: list[RenderableType] = [Text(title, style="bold")]
    if report.kind == "matrix":
        parts.extend(_matrix(words, report, width))
    elif report.rows:
        parts.append(_table(words, report.columns, report.rows))
    else:
        parts.append(Text(words.frame("no_rows")))
    for section in report.sections:
        name = words.header(section.title)
        parts.append(
            _table(words, section.columns, section.rows, name) if section.rows
            else Text(words.frame("section_none", title=name))
        )
    parts.extend(Text(printable(words.message(line))) for line in report.summary)
    if report.legend:
        entries = legend(words, report.legend, report.legend_symbols)
        line = words.frame("legend") + " " + "  ".join(f"{s} {printable(m)}" for s, m in entries)
        parts.append(Text(line, style="dim"))
    for number, note in enumerate(report.footnotes, start=1):
        parts.append(Text(f"[{number}] {printable(words.message(note))}", style="dim"))
    if report.data_dir:
        line = words.frame("data_line", folder=printable(report.data_dir), version=printable(report.data_version))
        parts.append(Text(line, style="dim"))
    return parts


def render(report: Report, options: RenderOptions) -> str:
    """Render for a console of the given width; ANSI colour only when asked."""
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=options.width,
        force_terminal=options.color,
        no_color=not options.color,
        color_system="standard" if options.color else None,
        highlight=False,
        emoji=False,
        markup=False,
    )
    for line in _parts(texts(options.lang), report, options.width):
        console.print(line)
    return buffer.getvalue()

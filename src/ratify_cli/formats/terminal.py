"""The terminal: rich tables that fit the width, colour only on a terminal, data text never read as markup."""

from __future__ import annotations

import io
from typing import Any

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..report import Column, Report, symbol, text
from . import RenderOptions
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


def _cell(report: Report, column: Column, row: dict[str, Any]) -> Text:
    value = row.get(column.key)
    shown = symbol(report, column, row) if column.symbol else text(value)
    style = STYLES.get(str(value).split(" ")[0], "") if column.key in ("shown", "status") or column.symbol else ""
    return Text(printable(shown), style=style)


UNBROKEN = 20
"""Words up to this long (dates, status words, `definitive-signature`) are never split across lines."""


def _unbroken(cells: list[str]) -> int:
    """The longest word of a column, up to UNBROKEN: the narrowest the column may get."""
    return min(UNBROKEN, max((len(word) for cell in cells for word in cell.split()), default=1))


def _table(report: Report, columns: tuple[Column, ...], rows: tuple[dict[str, Any], ...], title: str = "") -> Table:
    # Source references point to the list that Markdown prints; the terminal shows neither, nor empty columns.
    columns = tuple(c for c in columns if c.key != "ref" and any(text(row.get(c.key)) for row in rows))
    table = Table(box=box.SIMPLE_HEAD, title=printable(title) or None, title_justify="left", pad_edge=False)
    for column in columns:
        cells = [printable(column.header)] + [printable(text(row.get(column.key))) for row in rows]
        table.add_column(printable(column.header), overflow="fold", min_width=_unbroken(cells))
    for row in rows:
        table.add_row(*(_cell(report, column, row) for column in columns))
    return table


def _matrix(report: Report, width: int) -> list[RenderableType]:
    """States down, instruments across with vertical headers, in blocks that fit the width."""
    first, rest = report.columns[0], report.columns[1:]
    per_block = max(1, (width - 6) // 2)
    label = {c.key: c.header.replace(" ", "")[:MATRIX_HEADER] for c in rest}
    blocks: list[RenderableType] = []
    for start in range(0, len(rest), per_block):
        block = rest[start : start + per_block]
        height = max(len(label[c.key]) for c in block)
        lines = []
        for level in range(height):
            heads = " ".join(label[c.key][level] if level < len(label[c.key]) else " " for c in block)
            lines.append(Text(" " * 5 + printable(heads), style="bold"))
        for row in report.rows:
            line = Text(printable(text(row.get(first.key))).ljust(5))
            for column in block:
                cell = _cell(report, column, row)  # a symbol, and the flag mark or a space: two characters a column
                cell.pad_right(2 - cell.cell_len)
                line.append_text(cell)
            line.rstrip()
            lines.append(line)
        blocks.append(Group(*lines, Text("")))
    return blocks


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
    parts: list[RenderableType] = []
    title = printable(report.title) + (f" — as of {report.as_of.isoformat()}" if report.as_of else "")
    parts.append(Text(title, style="bold"))
    if report.kind == "matrix":
        parts.extend(_matrix(report, options.width))
    elif report.rows:
        parts.append(_table(report, report.columns, report.rows))
    else:
        parts.append(Text("No rows."))
    for section in report.sections:
        parts.append(_table(report, section.columns, section.rows, section.title) if section.rows else Text(f"{section.title}: none"))
    parts.extend(Text(printable(line)) for line in report.summary)
    if report.legend:
        parts.append(Text("Legend: " + "  ".join(f"{s} {printable(m)}" for s, m in report.legend), style="dim"))
    for number, note in enumerate(report.footnotes, start=1):
        parts.append(Text(f"[{number}] {printable(note)}", style="dim"))
    if report.data_dir:
        parts.append(Text(f"Data: {printable(report.data_dir)}, version {printable(report.data_version)}", style="dim"))
    for line in parts:
        console.print(line)
    return buffer.getvalue()

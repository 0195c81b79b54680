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

CELL = 3
"""Width of a matrix column: the symbol, the flag mark or a space, and a space; room for a two-digit number."""
GROUPS = {"un": "UN", "inter-american": "Inter-American", "ilo": "ILO"}
"""How the matrix names the systems it is split by."""

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


def _key(numbered: list[tuple[int, Column]], width: int) -> list[Text]:
    """`1 ICRMW  2 ICCPR ...`: each column's number and full short name, wrapped to the width."""
    lines: list[str] = []
    for number, column in numbered:
        item = f"{number} {printable(column.header)}"
        if lines and len(lines[-1]) + 2 + len(item) <= width:
            lines[-1] += "  " + item
        else:
            lines.append(item)
    return [Text(line, style="dim") for line in lines]


def _blocks(columns: list[Column], width: int) -> list[tuple[str, list[int]]]:
    """(title, column indexes) per block: all in one when they fit, else one or more per system."""
    per_block = max(1, (width - 5) // CELL)
    if len(columns) <= per_block:
        return [("", list(range(len(columns))))]
    groups: dict[str, list[int]] = {}
    for index, column in enumerate(columns):
        groups.setdefault(column.group, []).append(index)
    blocks = []
    for group, indexes in groups.items():
        name = GROUPS.get(group, group)
        count = -(-len(indexes) // per_block)
        size = -(-len(indexes) // count)  # blocks of even size: 13 and 13, not 25 and 1
        chunks = [indexes[start : start + size] for start in range(0, len(indexes), size)]
        for part, chunk in enumerate(chunks, start=1):
            blocks.append((name + (f" ({part}/{len(chunks)})" if len(chunks) > 1 else ""), chunk))
    return blocks


def _spans(columns: list[Column], indexes: list[int], width: int) -> Text:
    """One line naming the system above the first column of each run of its columns."""
    line = " " * 5
    previous = None
    for index in indexes:
        group = columns[index].group
        if group != previous:
            line = line[: 5 + CELL * indexes.index(index)].ljust(5 + CELL * indexes.index(index))
            line += "┌" + GROUPS.get(group, group) + " "
        previous = group
    return Text(printable(line[:width].rstrip()), style="bold")


def _matrix(report: Report, width: int) -> list[RenderableType]:
    """States down, instruments across as numbered columns with a key naming each in full; split by system when narrow."""
    first = report.columns[0]
    columns = [c for c in report.columns if c.symbol]
    blocks: list[RenderableType] = []
    for title, indexes in _blocks(columns, width):
        lines = [Text(printable(title), style="bold")] if title else [_spans(columns, indexes, width)]
        lines.append(Text(" " * 5 + "".join(str(i + 1).ljust(CELL) for i in indexes).rstrip(), style="bold"))
        for row in report.rows:
            line = Text(printable(text(row.get(first.key))).ljust(5))
            for index in indexes:
                cell = _cell(report, columns[index], row)  # a symbol and the flag mark or a space, then a space
                cell.pad_right(CELL - cell.cell_len)
                line.append_text(cell)
            line.rstrip()
            lines.append(line)
        lines.extend(_key([(i + 1, columns[i]) for i in indexes], width))
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

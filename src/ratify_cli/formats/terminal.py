"""The terminal: rich tables that fit the width, colour only on a terminal, data text never read as markup."""

from __future__ import annotations

import io
from typing import Any, Optional

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..reports.report import Column, Msg, Report
from ..text import Texts, legend, texts
from .base import RenderOptions
from .cells import cell, header
from .safe import printable

CELL = 3
"""Width of a matrix column: the symbol, the flag mark or a space, and a space; room for a two-digit number."""

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


FOLDED = 12
"""Where the columns do not fit, words longer than this are the first to fold (long ids such as `ia-forced-disappearance`)."""

Layout = Optional[tuple[Optional[list[int]], int]]
"""Column widths (None: as rich lays them out) and cell padding; None when the row must be printed as a record."""


def _frame(columns: int, padding: int) -> int:
    """Width of what SIMPLE_HEAD draws around cells: a blank rule at both edges and between columns, and the padding
    on the inner sides of cells (pad_edge=False)."""
    return 2 + (columns - 1) * (1 + 2 * padding)


def _layout(texts: list[list[str]], width: int) -> Layout:
    """How a table fits the width, every column kept: rich's own layout may crop the last columns of a table too wide.

    The widest columns give way first, down to their longest word (at most UNBROKEN); then the cells lose their
    padding; then words longer than FOLDED fold. When even that does not fit, the table cannot be printed without
    splitting dates and words, and each row is printed as a record instead.
    """
    natural = [max(len(line) for text in column for line in text.splitlines() or [""]) or 1 for column in texts]
    if sum(natural) + _frame(len(texts), 1) <= width:
        return None, 1
    longest = [_unbroken(column) for column in texts]
    padding = 1 if sum(longest) + _frame(len(texts), 1) <= width else 0
    room = width - _frame(len(texts), padding)
    widths = list(natural)
    for floor in (longest, [min(FOLDED, w) for w in longest]):
        while sum(widths) > room:
            above = [i for i, w in enumerate(widths) if w > floor[i]]
            if not above:
                break
            widths[max(above, key=lambda i: widths[i])] -= 1
    return (widths, padding) if sum(widths) <= room else None


def _table(
    words: Texts, columns: tuple[Column, ...], rows: tuple[dict[str, Any], ...], width: int, title: str = ""
) -> RenderableType:
    # Source references point to the list that Markdown prints; the terminal shows neither, nor empty columns.
    columns = tuple(c for c in columns if c.key != "ref" and any(cell(words, c, row) for row in rows))
    texts = [[printable(header(words, c))] + [printable(cell(words, c, row)) for row in rows] for c in columns]
    layout = _layout(texts, width)
    if layout is None:
        return Group(Text(""), _records(words, columns, rows, title), Text(""))
    widths, padding = layout
    table = Table(
        box=box.SIMPLE_HEAD, title=printable(title) or None, title_justify="left", pad_edge=False, padding=(0, padding)
    )
    for index, text in enumerate(texts):
        if widths is None:
            table.add_column(text[0], overflow="fold", min_width=_unbroken(text))
        else:
            table.add_column(text[0], overflow="fold", width=widths[index])
    for row in rows:
        table.add_row(*(_cell(words, column, row) for column in columns))
    return table


def _records(words: Texts, columns: tuple[Column, ...], rows: tuple[dict[str, Any], ...], title: str) -> Table:
    """One row after another as `header  value` lines, for tables too wide for the width: nothing split or cropped."""
    table = Table.grid(padding=(0, 2))
    if title:
        table.title, table.title_justify = printable(title), "left"
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    for number, row in enumerate(rows):
        if number:
            table.add_row("", "")
        for column in columns:
            if cell(words, column, row):
                table.add_row(printable(header(words, column)), _cell(words, column, row))
    return table


def _key(words: Texts, numbered: list[tuple[int, Column]], width: int) -> list[Text]:
    """`1 ICRMW  2 ICCPR ...`: each column's number and full short name, wrapped to the width."""
    lines: list[str] = []
    for number, column in numbered:
        item = f"{number} {printable(header(words, column))}"
        if lines and len(lines[-1]) + 2 + len(item) <= width:
            lines[-1] += "  " + item
        else:
            lines.append(item)
    return [Text(line, style="dim") for line in lines]


def _group(words: Texts, group: str) -> str:
    """A system's name (`UN`), for the matrix split by system."""
    return words.header(f"system.{group}") if group else ""


def _blocks(words: Texts, columns: list[Column], width: int) -> list[tuple[str, list[int]]]:
    """(title, column indexes) per block: all in one when they fit, else one or more per system."""
    per_block = max(1, (width - 5) // CELL)
    if len(columns) <= per_block:
        return [("", list(range(len(columns))))]
    groups: dict[str, list[int]] = {}
    for index, column in enumerate(columns):
        groups.setdefault(column.group, []).append(index)
    blocks = []
    for group, indexes in groups.items():
        name = _group(words, group)
        count = -(-len(indexes) // per_block)
        size = -(-len(indexes) // count)  # blocks of even size: 13 and 13, not 25 and 1
        chunks = [indexes[start : start + size] for start in range(0, len(indexes), size)]
        for part, chunk in enumerate(chunks, start=1):
            blocks.append((name + (f" ({part}/{len(chunks)})" if len(chunks) > 1 else ""), chunk))
    return blocks


def _spans(words: Texts, columns: list[Column], indexes: list[int], width: int) -> Text:
    """One line naming the system above the first column of each run of its columns."""
    line = " " * 5
    previous = None
    for position, index in enumerate(indexes):
        group = columns[index].group
        if group != previous:
            line = line[: 5 + CELL * position].ljust(5 + CELL * position)
            line += "┌" + _group(words, group) + " "
        previous = group
    return Text(printable(line[:width].rstrip()), style="bold")


def _matrix(words: Texts, report: Report, width: int) -> list[RenderableType]:
    """States down, instruments across as numbered columns with a key naming each in full; split by system when narrow."""
    first = report.columns[0]
    columns = [c for c in report.columns if c.symbol]
    blocks: list[RenderableType] = []
    for title, indexes in _blocks(words, columns, width):
        lines = [Text(printable(title), style="bold")] if title else [_spans(words, columns, indexes, width)]
        lines.append(Text(" " * 5 + "".join(str(i + 1).ljust(CELL) for i in indexes).rstrip(), style="bold"))
        for row in report.rows:
            line = Text(printable(cell(words, first, row)).ljust(5))
            for index in indexes:
                shown = _cell(words, columns[index], row)  # a symbol and the flag mark or a space, then a space
                shown.pad_right(CELL - shown.cell_len)
                line.append_text(shown)
            line.rstrip()
            lines.append(line)
        lines.extend(_key(words, [(i + 1, columns[i]) for i in indexes], width))
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
        parts.append(_table(words, report.columns, report.rows, width))
    else:
        parts.append(Text(words.frame("no_rows")))
    for section in report.sections:
        name = words.header(section.title)
        parts.append(
            _table(words, section.columns, section.rows, width, name) if section.rows
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

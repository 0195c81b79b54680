"""Output formats: one interface, keyed by an enum; every format renders the same computed Report."""

from __future__ import annotations

from enum import Enum
from typing import Protocol

from msgspec import Struct
from ..report import Report
from ..text import Lang


class OutputFormat(str, Enum):
    """The formats a table can be written in."""

    TABLE = "table"
    MARKDOWN = "markdown"
    CSV = "csv"
    JSON = "json"


class FindingsFormat(str, Enum):
    """The formats of `ratify validate`."""

    TEXT = "text"
    JSON = "json"
    GITHUB = "github"


class RenderOptions(Struct, frozen=True):
    """How the output will be shown: only the terminal format uses these."""

    color: bool = False
    width: int = 80
    lang: Lang = Lang.EN
    """The language of the table and Markdown formats; JSON and CSV never change with it."""


class Formatter(Protocol):
    """Turns a Report into text; never computes anything the Report does not hold."""

    def __call__(self, report: Report, options: RenderOptions) -> str: ...


def formatter_for(fmt: OutputFormat) -> Formatter:
    """The formatter of a format (imported on demand: rich is only needed for the terminal)."""
    if fmt is OutputFormat.TABLE:
        from .terminal import render
    elif fmt is OutputFormat.MARKDOWN:
        from .markdown import render
    elif fmt is OutputFormat.CSV:
        from .csvfmt import render
    elif fmt is OutputFormat.JSON:
        from .jsonfmt import render
    else:  # pragma: no cover - a new enum member without a formatter fails the wiring test
        raise AssertionError(f"no formatter for {fmt}")
    return render


DEFAULT_OPTIONS = RenderOptions()


def render(report: Report, fmt: OutputFormat, options: RenderOptions = DEFAULT_OPTIONS) -> str:
    """Render a report in a format."""
    return formatter_for(fmt)(report, options)

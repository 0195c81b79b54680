"""The formats' enums, render options and the one formatter interface."""

from __future__ import annotations

from enum import Enum
from typing import Protocol

from msgspec import Struct

from ..reports.report import Report
from ..text import Lang


class OutputFormat(str, Enum):
    """The formats a table can be written in."""

    TABLE = "table"
    MARKDOWN = "markdown"
    CSV = "csv"
    JSON = "json"
    HTML = "html"


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
    """The language of the table, Markdown and HTML formats; JSON and CSV never change with it."""


class Formatter(Protocol):
    """Turns a Report into text; never computes anything the Report does not hold."""

    def __call__(self, report: Report, options: RenderOptions) -> str: ...

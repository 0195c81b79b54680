"""Self-contained HTML pages rendered with Jinja2 (autoescaped): the report page and any table as a page.

Imported only by `ratify report` and `--format html`, so other commands never load Jinja2.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from .text import words

TEMPLATES = Path(__file__).parent / "templates"


def environment() -> Environment:
    """The Jinja2 environment: package templates, autoescaping on, undefined names an error."""
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_overview(overview: Any, data_dir: str = "", lang: str = "en") -> str:
    """The report page of an Overview (see overview.py)."""
    from .chart import layout

    return environment().get_template("report.html.j2").render(
        o=overview, t=words(lang), lang=lang, chart=layout(overview.series), data_dir=data_dir
    )


def render_table(page: dict[str, Any], lang: str = "en") -> str:
    """A table command's report as a page (laid out by formats/html.py)."""
    return environment().get_template("table.html.j2").render(p=page, t=words(lang), lang=lang)

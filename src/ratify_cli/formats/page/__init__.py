"""Self-contained HTML pages rendered with Jinja2 (autoescaped): the report page and any table as a page.

Imported only by `ratify report` and `--format html`, so other commands never load Jinja2. Every word comes from the
text module of the page's language (its `page_words`, labels, meanings and messages).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from ...domain.vocab import System
from ...reports.overview import Overview
from ...text import SECONDARY, SECONDARY_MARK, SYMBOLS, Lang, Texts, texts

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


def _words(words: Texts, lang: str) -> dict[str, Any]:
    """What every template is given to word the page: the page's words, system names, the language's name fields."""
    return {
        "t": words.page_words(),
        "sys": {system.value: words.header(f"system.{system.value}") for system in System},
        "say": lambda msg: words.message(msg) if msg is not None else "",
        "day": words.day,
        "lang": lang,
        "name_key": "name_es" if lang == Lang.ES.value else "name_en",
        "title_key": "title_es" if lang == Lang.ES.value else "title_en",
    }


def render_overview(overview: Overview, data_dir: str = "", lang: Lang = Lang.EN) -> str:
    """The report page of an Overview (see reports/overview.py), in a language."""
    from .chart import layout

    words = texts(lang)
    labels = {code: words.label(code) for code in SYMBOLS}
    legend = [
        (SECONDARY_MARK, SECONDARY_MARK, words.page_words()["secondary"], words.meaning(code)) if code == SECONDARY
        else (code, SYMBOLS[code], labels[code], words.meaning(code))
        for code in overview.legend
    ]
    return environment().get_template("report.html.j2").render(
        o=overview, chart=layout(overview.series), data_dir=data_dir, symbols=SYMBOLS, labels=labels, legend=legend,
        **_words(words, lang.value),
    )


def render_table(page: dict[str, Any], words: Texts, lang: str = "en") -> str:
    """A table command's report as a page (laid out by formats/html.py)."""
    return environment().get_template("table.html.j2").render(p=page, **_words(words, lang))

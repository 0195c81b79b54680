"""Words for people, one module per language (en.py, es.py); the formatters choose one, the core never does."""

from __future__ import annotations

from enum import Enum
from importlib import import_module
from typing import Any, Protocol, cast

from ..reports.report import Msg


class Lang(str, Enum):
    """The languages human formats (table, Markdown) can be written in."""

    EN = "en"
    ES = "es"


SECONDARY = "secondary"
"""The legend code of a fact resting on a secondary source."""
SECONDARY_MARK = "†"
"""Appended to a shown status (or matrix symbol) whose fact rests on a secondary source."""
SYMBOLS = {
    "party": "●",
    "pending": "◐",
    "signed": "○",
    "denounced": "×",
    "none": "·",
    "none-old": "◌",
    "unknown": "?",
    "not-adopted": "–",
}
"""Shown status -> the symbol of a matrix cell, in legend order (the same in every language)."""


class Texts(Protocol):
    """What a language module provides (see en.py); a test checks every module has every word."""

    def message(self, msg: Msg) -> str: ...

    def header(self, code: str) -> str: ...

    def word(self, vocab: str, code: str) -> str: ...

    def boolean(self, value: bool) -> str: ...

    def label(self, code: str) -> str: ...

    def meaning(self, code: str) -> str: ...

    def frame(self, code: str, **params: Any) -> str: ...

    def page_words(self) -> dict[str, str]: ...

    def day(self, value: Any) -> str: ...

    def percent(self, value: float) -> str: ...


def texts(lang: Lang = Lang.EN) -> Texts:
    """The text module of a language (imported on demand: Spanish needs Babel)."""
    return cast(Texts, import_module(f"{__name__}.{lang.value}"))


def legend(words: Texts, codes: tuple[str, ...], symbols: bool) -> list[tuple[str, str]]:
    """(symbol or label, meaning) pairs for a report's legend codes."""
    entries = []
    for code in codes:
        if code == SECONDARY:
            entries.append((SECONDARY_MARK, words.meaning(code)))
        elif symbols:
            entries.append((SYMBOLS[code], f"{words.label(code)}: {words.meaning(code)}"))
        else:
            entries.append((f"{words.label(code)}:", words.meaning(code)))
    return entries

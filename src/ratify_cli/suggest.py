"""'Did you mean' hints for misspelt ids and codes (its own module so commands need not import the rules)."""

from __future__ import annotations

from typing import Iterable


def suggest(word: str, choices: Iterable[str]) -> str:
    """' (did you mean X?)' when a close match exists, else ''."""
    import difflib  # only needed when something is misspelt

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""

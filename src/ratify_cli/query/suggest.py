"""'Did you mean' hints, one mechanism for every lookup: any case, any separator, names and titles searched too."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

Candidate = str | tuple[str, str]
"""A choice, or (text to match, what to suggest): a state's name suggests its code."""

LIMIT = 6


def normal(text: str) -> str:
    """Lower case, no accents, no separators, no leading zeros in numbers: `C097`, `c-97` and `C97` agree."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"[^a-z0-9]+", "", text)
    return re.sub(r"(?<![0-9])0+(?=[0-9])", "", text)


def matches(word: str, choices: Iterable[Candidate], limit: int = LIMIT) -> list[str]:
    """The suggestions for `word`: the same text once normalised; else texts containing it (a name or title
    search); else the closest spellings."""
    import difflib  # only needed when something is misspelt

    pairs = [(c, c) if isinstance(c, str) else c for c in choices]
    key = normal(word)
    if not key:
        return []
    found = [to for text, to in pairs if normal(text) == key]
    if not found and len(key) >= 4:
        words = word.lower().split()
        found = [to for text, to in pairs if key in normal(text) or _has_words(text, words)]
    if not found:
        scored = sorted(
            ((difflib.SequenceMatcher(None, key, normal(text)).ratio(), n, to) for n, (text, to) in enumerate(pairs)),
            key=lambda item: (-item[0], item[1]),
        )
        best = scored[0][0] if scored else 0.0
        found = [to for ratio, _n, to in scored if ratio >= 0.6 and ratio >= best - 0.05]
    return list(dict.fromkeys(found))[:limit]


def _has_words(text: str, words: list[str]) -> bool:
    return len(words) > 1 and all(w in text.lower() for w in words)


def hint(found: list[str]) -> str:
    """' (did you mean 'a', 'b' or 'c'?)', or '' for no suggestion."""
    if not found:
        return ""
    quoted = [repr(item) for item in found]
    listed = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
    return f" (did you mean {listed}?)"


def suggest(word: str, choices: Iterable[Candidate]) -> str:
    """' (did you mean X?)' when close matches exist, else ''."""
    return hint(matches(word, choices))

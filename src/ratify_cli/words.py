"""Counts in words: `1 pair`, `2 pairs`, `1 party`, `3 parties`."""

from __future__ import annotations

IRREGULAR = {"party": "parties", "denunciation": "denunciations", "consent": "consents"}


def plural(count: int, word: str) -> str:
    """`count word`, the word in the plural unless the count is one."""
    if count == 1:
        return f"{count} {word}"
    if word in IRREGULAR:
        return f"{count} {IRREGULAR[word]}"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return f"{count} {word[:-1]}ies"
    return f"{count} {word}s"

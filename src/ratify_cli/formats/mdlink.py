"""Markdown links whose href is the URL itself: only what would break the link syntax is encoded or escaped."""

from __future__ import annotations

import re

_ENTITY = re.compile(r"&(?=[A-Za-z#][A-Za-z0-9]{1,31};)")
"""An `&` that a renderer would read as the start of a character reference (`&amp;`, `&#38;`)."""
_ENCODED = {" ": "%20", "<": "%3C", ">": "%3E", "\\": "%5C", "\n": "%0A", "\r": "%0D", "\t": "%09"}


def _balanced(url: str) -> bool:
    depth = 0
    for char in url:
        depth += (char == "(") - (char == ")")
        if depth < 0:
            return False
    return depth == 0


def destination(url: str, in_table: bool = False) -> str:
    """A link destination that a CommonMark or GFM renderer turns back into exactly `url`.

    Spaces, `<`, `>`, backslashes and control characters are percent-encoded (a valid URL has none), parentheses
    only when unbalanced; an `&` that starts a character reference is backslash-escaped so it is not decoded, and in a
    table cell `|` is escaped so it does not split the row.
    """
    out = "".join(_ENCODED.get(char, f"%{ord(char):02X}" if ord(char) < 0x20 or ord(char) == 0x7F else char) for char in url)
    if not _balanced(out):
        out = out.replace("(", "%28").replace(")", "%29")
    out = _ENTITY.sub(r"\\&", out)
    return out.replace("|", "\\|") if in_table else out


def link(text: str, url: str, in_table: bool = False) -> str:
    """`[text](url)`, the text already escaped for Markdown."""
    return f"[{text}]({destination(url, in_table)})"

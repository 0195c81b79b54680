"""A fast reader for the plain block-YAML layout ratify's data files use; it gives up on anything else.

PyYAML composes a node for every scalar before anything is built, which dominates loading a world-scale data folder.
This reader handles only the subset the data files are written in (block mappings and sequences, one scalar per line,
plain or simply quoted scalars, short flow lists of plain strings) and raises `Unsupported` for everything else: the
caller then reads the file with the strict reader in yamlsource.py, which also gives positions. Wherever it does return
a value, that value is the one the strict reader returns (tests check this on the bundled data, on every example file
and on generated documents).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any


class Unsupported(Exception):
    """The text uses YAML this reader does not handle (or is invalid): read it with the strict reader instead."""


# Plain words YAML 1.1 reads as null or booleans, as values and as keys.
_WORDS = {
    word: value
    for value, words in ((None, "~ null Null NULL"), (True, "yes Yes YES true True TRUE on On ON"),
                         (False, "no No NO false False FALSE off Off OFF"))
    for word in words.split()
}
# One meaningful line: indent, an optional "- ", then "key:" (not one of the words) with an optional value, or a
# bare value.
_LINES = re.compile(
    rf"^( *)(- )?(?:(?!(?:{'|'.join(map(re.escape, _WORDS))}):)([A-Za-z_][A-Za-z0-9_]*):(?: +(.*))?|(.+))$",
    re.MULTILINE,
)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_INT = re.compile(r"(?:0|[1-9][0-9]*)\Z")
# The rest of a plain scalar: no comment (" #"), no ": " and no trailing ":".
_PLAIN_REST = r"(?:[^#:]|(?<! )#|:(?=[^ ]))*\Z"
# A plain scalar that YAML 1.1 reads as a string and that cannot be anything else: it starts with a letter (or any
# non-ASCII character), or with digits and a space ("1967 Protocol": no YAML 1.1 number or timestamp has a space
# there). The words above are checked first.
_PLAIN = re.compile(r"(?:[A-Za-z\u00a0-\U0010ffff]|[0-9]+ [^ #:])" + _PLAIN_REST)
# An item of a flow list, where commas and brackets end a plain scalar too.
_FLOW_ITEM = re.compile(r"[A-Za-z\u00a0-\U0010ffff](?:[^#:,\[\]{}]|(?<! )#|:(?=[^ ,\[\]{}]))*\Z")
# Characters the strict reader refuses or reads as line breaks: for it to report.
_UNSAFE_TEXT = re.compile("[\t\r\x85\u2028\u2029\ufeff\ufffe\uffff]")
MAX_OPEN = 16
"""More containers open at once than this is for the strict reader (the data is six levels deep)."""


def loads(text: str) -> Any:
    """The value of a YAML document in the supported subset; raise Unsupported otherwise.

    `text` is one that yamlsource.check_layout accepted (no control characters, CR line ends or tab indents).
    """
    if _UNSAFE_TEXT.search(text):
        raise Unsupported("tabs, carriage returns or characters YAML reads as line breaks")
    root: Any = None
    stack: list[tuple[int, Any]] = []  # open containers with the indent of their entries
    top: Any = None  # the innermost open mapping (None when the innermost container is a list)
    top_indent = -1
    pending: tuple[dict[str, Any], str, int] | None = None  # a "key:" with nothing after it yet
    lists: list[tuple[Any, Any, list[Any]]] = []  # (parent, slot, list) to turn into tuples at the end
    values: dict[str, Any] = {}  # each distinct scalar text is resolved once
    missing = object()
    for spaces, dash, key, value, bare in _LINES.findall(text):
        if key and not dash and pending is None and len(spaces) == top_indent:
            target = top  # the common case: the next key of the open mapping
        else:
            indent = len(spaces)
            if dash:
                if pending is not None and indent >= pending[2]:
                    parent, slot, _ = pending
                    container: Any = []
                    parent[slot] = container
                    lists.append((parent, slot, container))
                    stack.append((indent, container))
                pending = None
                while stack and stack[-1][0] > indent:
                    stack.pop()
                if not stack or stack[-1][0] != indent or type(stack[-1][1]) is not list:
                    raise Unsupported("a list item out of place")
                items = stack[-1][1]
                if not key:
                    items.append(_scalar(bare))
                    top, top_indent = None, -1
                    continue
                target = {}
                items.append(target)
                stack.append((indent + 2, target))
            elif not key:
                if not bare.strip(" ") or bare.lstrip(" ")[0] == "#":
                    continue  # a blank or comment line
                raise Unsupported("a bare value outside a list")
            elif pending is not None and indent > pending[2]:
                parent, slot, _ = pending
                target = {}
                parent[slot] = target
                stack.append((indent, target))
                pending = None
            elif root is None and not stack:
                if indent:
                    raise Unsupported("an indented first line")
                root = target = {}
                stack.append((0, root))
            else:
                pending = None
                # A key closes the lists and mappings opened deeper than it, and a list at its own indent.
                while stack and (stack[-1][0] > indent or (stack[-1][0] == indent and type(stack[-1][1]) is list)):
                    stack.pop()
                if not stack or stack[-1][0] != indent or type(stack[-1][1]) is not dict:
                    raise Unsupported("a key out of place")
                target = stack[-1][1]
            if len(stack) > MAX_OPEN:
                raise Unsupported("nested deeper than the data files are")
            top_indent, top = stack[-1]
        if key in target:
            raise Unsupported("a duplicate key")
        resolved = values.get(value, missing)
        if resolved is missing:
            stripped = value.rstrip(" ")
            if not stripped:
                target[key] = None
                pending = (target, key, top_indent)
                continue
            resolved = values[value] = _value(stripped)
        target[key] = resolved
    if root is None:
        raise Unsupported("no mapping at the top")
    for parent, slot, items in lists:
        parent[slot] = tuple(items)
    return root


def _value(text: str) -> Any:
    if text.startswith("[") and text.endswith("]"):
        inner = text[1:-1].strip(" ")
        if not inner:
            return ()
        items = [item.strip(" ") for item in inner.split(",")]
        if all(_FLOW_ITEM.match(item) and item not in _WORDS for item in items):
            return tuple(items)
        raise Unsupported("a flow list outside the fast subset")
    return _scalar(text)


def _scalar(text: str) -> Any:
    text = text.rstrip(" ")
    if text in _WORDS:
        return _WORDS[text]
    if _PLAIN.match(text):
        return text
    if _DATE.match(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise Unsupported("not a calendar date") from None
    if _INT.match(text):
        return int(text)
    if len(text) >= 2 and text[0] == "'" and text[-1] == "'" and "'" not in text[1:-1].replace("''", ""):
        return text[1:-1].replace("''", "'")
    if len(text) >= 2 and text[0] == '"' and text[-1] == '"' and not any(c in text[1:-1] for c in '"\\'):
        return text[1:-1]
    raise Unsupported("a scalar outside the fast subset")

"""Making data text safe to show: control characters and escape sequences never reach the output raw."""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(value: str) -> str:
    """Replace control characters (ESC, bidi overrides, C1...) by visible `\\xNN` escapes; newlines become spaces."""
    value = value.replace("\n", " ").replace("\t", " ")
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", value)

"""Width and colour of terminal output, by the usual conventions (COLUMNS, NO_COLOR, FORCE_COLOR, TERM=dumb)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping

DEFAULT_WIDTH = 80


def width(to_terminal: bool, option: int | None = None, environ: Mapping[str, str] = os.environ) -> int:
    """--width, else the terminal's width, else COLUMNS when it is a positive number, else 80."""
    if option is not None:
        return option
    if to_terminal:
        return shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
    columns = environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() and int(columns) > 0 else DEFAULT_WIDTH


def color(to_terminal: bool, environ: Mapping[str, str] = os.environ) -> bool:
    """Colour on a terminal unless NO_COLOR is set and non-empty or TERM is dumb; FORCE_COLOR (non-empty) forces it.

    NO_COLOR wins over FORCE_COLOR: a user who asks for no colour gets none (no-color.org, force-color.org).
    """
    if environ.get("NO_COLOR", ""):
        return False
    if environ.get("FORCE_COLOR", ""):
        return True
    return to_terminal and environ.get("TERM", "") != "dumb"

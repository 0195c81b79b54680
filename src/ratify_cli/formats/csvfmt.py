"""CSV: one header row of stable field names, ISO dates, and cells a spreadsheet will not execute."""

from __future__ import annotations

import csv
import io
from typing import Any

from ..report import Report, plain
from . import RenderOptions

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> str:
    """One CSV cell: lists joined with '; ', booleans as true/false, formula-like text neutralised."""
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        value = "; ".join(cell(item) for item in value)
    elif isinstance(value, dict):  # a note: its code and values as `key=value` words, never a Python repr
        value = " ".join(f"{key}={cell(item)}" for key, item in value.items())
    text = str(value)
    # A leading quote keeps spreadsheets from running =, +, -, @ cells as formulas (CSV injection).
    return "'" + text if text.startswith(_FORMULA_START) else text


def render(report: Report, options: RenderOptions) -> str:
    """Every public row field as a column, in row order."""
    fields = report.public_fields()
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(fields)
    for row in report.rows:
        writer.writerow([cell(row.get(key)) for key in fields])
    return buffer.getvalue()

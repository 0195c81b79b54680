"""JSON: one object with as_of, data_version and rows (the public contract, see docs/output.md)."""

from __future__ import annotations

import json
from typing import Any

from ..report import Report, plain
from . import RenderOptions


def document(report: Report) -> dict[str, Any]:
    """The report as a JSON-ready object."""
    out: dict[str, Any] = {
        "kind": report.kind,
        "title": report.title,
        "as_of": plain(report.as_of),
        "data_version": report.data_version,
        **({"data": report.data_dir} if report.data_dir else {}),
        "rows": [_public(row, report.hidden) for row in report.rows],
    }
    if report.summary:
        out["summary"] = list(report.summary)
    if report.legend:
        out["legend"] = {symbol: meaning for symbol, meaning in report.legend}
    for section in report.sections:
        out[section.key] = [_public(row, report.hidden) for row in section.rows]
    out.update(plain(report.extra))
    return out


def _public(row: dict[str, Any], hidden: frozenset[str]) -> dict[str, Any]:
    return {key: plain(value) for key, value in row.items() if key not in hidden}


def render(report: Report, options: RenderOptions) -> str:
    """Pretty-printed UTF-8 JSON with a final newline."""
    return json.dumps(document(report), ensure_ascii=False, indent=2) + "\n"

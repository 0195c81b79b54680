"""JSON: one object with as_of, data_version and rows (the public contract, see docs/output.md).

Everything in it is data or a code: the same in every language.
"""

from __future__ import annotations

import json
from typing import Any

from ..reports.report import Report, plain
from .base import RenderOptions

VERSION = 2
"""The version of the JSON contract (docs/output.md): 2 carries codes and counts where 1 carried English."""


def document(report: Report) -> dict[str, Any]:
    """The report as a JSON-ready object."""
    out: dict[str, Any] = {
        "version": VERSION,
        "kind": report.kind,
        "title": report.title.public(),
        "as_of": plain(report.as_of),
        "data_version": report.data_version,
        **({"data": report.data_dir} if report.data_dir else {}),
        "rows": report.public_rows(),
    }
    if report.summary:
        out["summary"] = [line.public() for line in report.summary]
    if report.legend:
        out["legend"] = list(report.legend)
    for section in report.sections:
        out[section.key] = [_public(row, report.hidden) for row in section.rows]
    out.update(plain(report.extra))
    return out


def _public(row: dict[str, Any], hidden: frozenset[str]) -> dict[str, Any]:
    return {key: plain(value) for key, value in row.items() if key not in hidden}


def render(report: Report, options: RenderOptions) -> str:
    """Pretty-printed UTF-8 JSON with a final newline."""
    return json.dumps(document(report), ensure_ascii=False, indent=2) + "\n"

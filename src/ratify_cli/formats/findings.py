"""Validation results as text, JSON or GitHub Actions annotations."""

from __future__ import annotations

import json

from ..loading.findings import Finding, Severity, ValidationSummary
from .base import FindingsFormat
from .safe import printable


def headline(summary: ValidationSummary) -> str:
    """One line: counts of records, errors and warnings."""
    from ..text.en import plural

    verdict = "valid" if not summary.errors else "invalid"
    records = ((summary.instruments, "instrument"), (summary.states, "state"), (summary.events, "event"))
    counts = ", ".join(plural(n, w) for n, w in records)
    return f"{summary.data_dir}: {verdict}: {counts}; {summary.errors} error(s), {summary.warnings} warning(s)"

def ordered(summary: ValidationSummary) -> list[Finding]:
    """Findings in the one order every format uses: errors first, then by file, line and column."""
    return sorted(summary.findings, key=lambda f: (f.severity is not Severity.ERROR, f.file, f.line, f.column))


def _text(summary: ValidationSummary) -> str:
    return "".join(printable(str(f)) + "\n" for f in ordered(summary)) + headline(summary) + "\n"


def _json(summary: ValidationSummary) -> str:
    payload = {
        "data": summary.data_dir,
        "valid": summary.errors == 0,
        "counts": {
            "instruments": summary.instruments,
            "states": summary.states,
            "events": summary.events,
            "errors": summary.errors,
            "warnings": summary.warnings,
        },
        "findings": [
            {
                "file": f.file,
                "line": f.line or None,
                "column": f.column or None,
                "severity": f.severity.value,
                "code": f.code,
                "message": f.message,
            }
            for f in ordered(summary)
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _escape_property(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A").replace(":", "%3A").replace(",", "%2C")


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github(summary: ValidationSummary) -> str:
    lines = []
    for f in ordered(summary):
        props = f"file={_escape_property(f.file)}"
        if f.line:
            props += f",line={f.line},col={f.column or 1}"
        lines.append(f"::{f.severity.value} {props}::{_escape_data(printable(f.message))} [{f.code}]")
    lines.append(headline(summary))
    return "\n".join(lines) + "\n"


RENDERERS = {FindingsFormat.TEXT: _text, FindingsFormat.JSON: _json, FindingsFormat.GITHUB: _github}


def render_findings(summary: ValidationSummary, fmt: FindingsFormat) -> str:
    """Render a validation result."""
    return RENDERERS[fmt](summary)

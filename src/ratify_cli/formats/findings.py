"""Validation results as text, JSON or GitHub Actions annotations."""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import Enum

from ..findings import Finding, Severity
from .safe import printable


class FindingsFormat(str, Enum):
    """The formats of `ratify validate`."""

    TEXT = "text"
    JSON = "json"
    GITHUB = "github"


@dataclass(frozen=True)
class ValidationSummary:
    """What was validated and what was found."""

    data_dir: str
    findings: tuple[Finding, ...]
    instruments: int = 0
    states: int = 0
    events: int = 0

    @property
    def errors(self) -> int:
        """How many findings are errors."""
        return sum(f.severity is Severity.ERROR for f in self.findings)

    @property
    def warnings(self) -> int:
        """How many findings are warnings."""
        return sum(f.severity is Severity.WARNING for f in self.findings)

    def headline(self) -> str:
        """One line: counts of records, errors and warnings."""
        verdict = "valid" if not self.errors else "invalid"
        return (
            f"{self.data_dir}: {verdict}: {self.instruments} instruments, {self.states} states, {self.events} events; "
            f"{self.errors} error(s), {self.warnings} warning(s)"
        )


def _text(summary: ValidationSummary) -> str:
    ordered = sorted(summary.findings, key=lambda f: (f.severity is not Severity.ERROR, f.file, f.line, f.column))
    return "".join(printable(str(f)) + "\n" for f in ordered) + summary.headline() + "\n"


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
            for f in summary.findings
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _escape_property(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A").replace(":", "%3A").replace(",", "%2C")


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github(summary: ValidationSummary) -> str:
    lines = []
    for f in summary.findings:
        props = f"file={_escape_property(f.file)}"
        if f.line:
            props += f",line={f.line},col={f.column or 1}"
        lines.append(f"::{f.severity.value} {props}::{_escape_data(printable(f.message))} [{f.code}]")
    lines.append(summary.headline())
    return "\n".join(lines) + "\n"


RENDERERS = {FindingsFormat.TEXT: _text, FindingsFormat.JSON: _json, FindingsFormat.GITHUB: _github}


def render_findings(summary: ValidationSummary, fmt: FindingsFormat) -> str:
    """Render a validation result."""
    return RENDERERS[fmt](summary)

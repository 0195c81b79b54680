"""Findings: problems found in the data, recorded (never raised) with where they are."""

from __future__ import annotations

from enum import Enum
from typing import Union

from msgspec import Struct, field

PathPart = Union[str, int]
Path = tuple[PathPart, ...]


class Severity(str, Enum):
    """How serious a finding is: errors fail validation, warnings do not."""

    ERROR = "error"
    WARNING = "warning"


class Finding(Struct, frozen=True):
    """One problem in one data file, at a line and column where known (1-based; 0 when unknown)."""

    file: str
    message: str
    severity: Severity = Severity.ERROR
    code: str = "invalid"
    line: int = 0
    column: int = 0
    path: Path = field(default=())

    @property
    def where(self) -> str:
        """`file:line:column`, or as much of it as is known."""
        if self.line:
            return f"{self.file}:{self.line}:{self.column or 1}"
        return self.file

    def __str__(self) -> str:
        return f"{self.where}: {self.severity.value}: {self.message} [{self.code}]"


def dotted(path: Path) -> str:
    """A path as `states[3].events[2].date`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


class ValidationSummary(Struct, frozen=True):
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

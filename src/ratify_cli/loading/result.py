"""What loading a data folder found: the dataset, or the findings that kept it from validating."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from msgspec import Struct

from ..domain.dataset import Dataset
from .findings import Finding, Severity, ValidationSummary


class LoadResult(Struct, frozen=True):
    """What loading found: the dataset (None when the files could not be validated) and every finding."""

    dataset: Optional[Dataset]
    findings: tuple[Finding, ...]
    counts: Optional[tuple[int, int, int]] = None
    """Instruments, states and events read from the files when they did not validate (else from the dataset)."""

    @property
    def errors(self) -> tuple[Finding, ...]:
        """Findings that fail validation."""
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """Findings that do not fail validation."""
        return tuple(f for f in self.findings if f.severity is Severity.WARNING)

    def summary(self, data_dir: Path) -> ValidationSummary:
        """What was validated (records read) and what was found."""
        data = self.dataset
        if data is not None:
            counts = (len(data.instruments), len(data.states), sum(len(s.events) for s in data.states))
        else:
            counts = self.counts or (0, 0, 0)
        return ValidationSummary(
            data_dir=str(data_dir),
            findings=self.findings,
            instruments=counts[0],
            states=counts[1],
            events=counts[2],
        )

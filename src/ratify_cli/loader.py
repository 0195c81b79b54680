"""Loading a data folder: from the cache when the files are unchanged, otherwise a full validation."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Optional

from .dataset import INSTRUMENTS_FILE, STATES_FILE, Dataset
from .errors import DataError
from .findings import Finding, Severity, ValidationSummary
from msgspec import Struct


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


def load(data_dir: Path, use_cache: bool = True) -> LoadResult:
    """Read, validate and check the data folder; never raises for bad data.

    With `use_cache`, a folder whose files are byte for byte the same as at an earlier successful load is read from
    the cache instead (see cache.py); any problem with the cache falls back to the full load.
    """
    from . import cache

    if not data_dir.is_dir():
        return LoadResult(None, (Finding(str(data_dir), "is not a folder (expected a data folder)", code="io"),))
    contents = _contents(data_dir)
    version = hashlib.sha256(b"".join(contents)).hexdigest()[:12] if contents else "unreadable"
    key = cache.key(contents) if use_cache and contents else None
    if key is not None:
        cached = cache.get(key)
        if cached is not None:
            return cached
    from .validation import (
        load as full_load,  # pydantic and PyYAML are only needed here
    )

    with cache.paused_gc():
        result = full_load(data_dir, version)
    if key is not None and result.dataset is not None and not result.errors:
        cache.put(key, result)
    return result


def _contents(data_dir: Path) -> Optional[list[bytes]]:
    """The bytes of both data files, or None when one cannot be read (the full load then says why)."""
    try:
        return [(data_dir / name).read_bytes() for name in (INSTRUMENTS_FILE, STATES_FILE)]
    except OSError:
        return None


def load_or_raise(data_dir: Path, use_cache: bool = True) -> LoadResult:
    """Load, raising DataError (with every finding) when the data has errors."""
    result = load(data_dir, use_cache)
    if result.errors or result.dataset is None:
        raise DataError(f"the data in {data_dir} has {len(result.errors)} error(s); run `ratify validate`", result.errors)
    return result

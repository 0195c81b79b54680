"""Loading a data folder: from the cache when the files are unchanged, otherwise a full validation."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Optional

from ..domain.dataset import INSTRUMENTS_FILE, STATES_FILE
from ..errors import DataError
from . import cache
from .findings import Finding
from .result import LoadResult


def load(data_dir: Path, use_cache: bool = True) -> LoadResult:
    """Read, validate and check the data folder; never raises for bad data.

    With `use_cache`, a folder whose files are byte for byte the same as at an earlier successful load is read from
    the cache instead (see cache.py); any problem with the cache falls back to the full load.
    """
    if not data_dir.is_dir():
        return LoadResult(None, (Finding(str(data_dir), "is not a folder (expected a data folder)", code="io"),))
    contents = _contents(data_dir)
    version = hashlib.sha256(b"".join(contents)).hexdigest()[:12] if contents else "unreadable"
    key = cache.key(contents) if use_cache and contents else None
    if key is not None:
        cached = cache.get(key)
        if cached is not None:
            return cached
    from .validation import load as full_load

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

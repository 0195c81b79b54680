"""A cache of validated datasets in the user's cache folder, keyed by the content of the data files.

The key hashes both files' bytes with ratify's version, the source files that validate (domain/, loading/) and
Python's version, so any change to a data file, to the code that validated it, or an upgrade misses the cache; a
missing, corrupt, unreadable or unwritable cache is ignored and the data is loaded in full. The cache folder is the
user's own (platformdirs), or RATIFY_CACHE_DIR.

Entries are msgpack decoded against the record types (msgspec): reading one back builds records and nothing else,
never runs code from the file, and anything that is not exactly a cached dataset is a miss. So a cache folder that
someone else can write to can at worst make ratify validate in full.
"""

from __future__ import annotations

import gc
import hashlib
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Optional

from msgspec import Struct

from ..domain.dataset import Dataset
from ..version import __version__
from .findings import Finding
from .result import LoadResult

ENV_VAR = "RATIFY_CACHE_DIR"
SUFFIX = ".msgpack"
KEEP = 16
"""How many cached datasets to keep (the most recently written)."""


def folder() -> Path:
    """Where cached datasets live."""
    configured = os.environ.get(ENV_VAR)
    if configured:
        return Path(configured)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("ratify", appauthor=False))


VALIDATING = ("domain", "loading")
"""The packages whose code decides what a cached dataset holds: the records and status rules, and the readers,
models, rules and cache that validated and stored them. Reports, formats and the CLI only read a dataset."""


def code_digest() -> bytes:
    """A digest of the source files that validated a cached dataset (the VALIDATING packages).

    A rule that changes without a version bump (an editable install, a checkout) must not leave a stale "valid".
    """
    digest = hashlib.sha256()
    package = Path(__file__).parent.parent
    sources = sorted(f"{layer}/{entry.name}" for layer in VALIDATING for entry in os.scandir(package / layer)
                     if entry.name.endswith(".py"))
    for source in sources:
        digest.update(source.encode())
        digest.update((package / source).read_bytes())
    return digest.digest()


def key(contents: Sequence[bytes]) -> str:
    """The cache key of a data folder's files, with ratify's version, its code and Python's version."""
    digest = hashlib.sha256(f"{__version__}|{sys.version}".encode())
    digest.update(code_digest())
    for content in contents:
        digest.update(len(content).to_bytes(8, "little"))
        digest.update(content)
    return digest.hexdigest()


class Entry(Struct, frozen=True):
    """What a cache file holds: a validated dataset and the findings (warnings) of its validation."""

    dataset: Dataset
    findings: tuple[Finding, ...]


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection while a dataset is validated in full (the cold path only).

    Validation creates a few pydantic objects per record and keeps them until the records are built; a collection
    pass per few hundred new objects would cost more than the load itself. The collector is enabled again after.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def get(cache_key: str) -> Optional[LoadResult]:
    """The cached load result, or None (absent, unreadable, corrupt or of another shape: never an error)."""
    import msgspec

    try:
        entry = msgspec.msgpack.decode((folder() / f"{cache_key}{SUFFIX}").read_bytes(), type=Entry)
    except (OSError, msgspec.DecodeError, ValueError):
        return None
    return LoadResult(entry.dataset, entry.findings)


def put(cache_key: str, result: LoadResult) -> None:
    """Store a load result; any failure (read-only folder, full disk) is ignored."""
    import msgspec

    if result.dataset is None:
        return
    try:
        content = msgspec.msgpack.encode(Entry(result.dataset, result.findings))
        where = folder()
        where.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=".ratify-", suffix=".tmp", dir=where)
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.replace(temp, where / f"{cache_key}{SUFFIX}")
        _prune(where)
    except OSError:
        return


def _prune(where: Path) -> None:
    entries = sorted(where.glob(f"*{SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True)
    for stale in entries[KEEP:]:
        stale.unlink(missing_ok=True)

"""A cache of validated datasets in the user's cache folder, keyed by the content of the data files.

The key hashes both files' bytes with ratify's version, the bytes of its source files and Python's version, so any
change to a data file, to the code that validated it, or an upgrade misses the cache; a missing, corrupt, unreadable or unwritable cache is ignored and the data is loaded in full.
The cache folder is the user's own (platformdirs), or RATIFY_CACHE_DIR.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, Optional, Sequence

from . import __version__

ENV_VAR = "RATIFY_CACHE_DIR"
KEEP = 16
"""How many cached datasets to keep (the most recently written)."""


def folder() -> Path:
    """Where cached datasets live."""
    configured = os.environ.get(ENV_VAR)
    if configured:
        return Path(configured)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("ratify", appauthor=False))


def code_digest() -> bytes:
    """A digest of ratify's own source files: the models and rules that validated a cached dataset are part of it.

    A rule that changes without a version bump (an editable install, a checkout) must not leave a stale "valid".
    """
    digest = hashlib.sha256()
    package = Path(__file__).parent
    for source in sorted(package.rglob("*.py")):
        digest.update(source.relative_to(package).as_posix().encode())
        digest.update(source.read_bytes())
    return digest.digest()


def key(contents: Sequence[bytes]) -> str:
    """The cache key of a data folder's files, with ratify's version, its code and Python's version."""
    digest = hashlib.sha256(f"{__version__}|{sys.version}".encode())
    digest.update(code_digest())
    for content in contents:
        digest.update(len(content).to_bytes(8, "little"))
        digest.update(content)
    return digest.hexdigest()


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection while a dataset is built, and none over it afterwards.

    Every object of a loaded dataset lives until the command ends, so scanning them is wasted work: a collection pass
    per few hundred new objects would cost more than the load itself, and later passes over a million frozen records
    would slow every step after it. `gc.freeze()` moves what exists to a generation the collector never scans.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def get(cache_key: str) -> Optional[Any]:
    """The cached load result, or None (absent, unreadable or corrupt: never an error)."""
    from .loader import LoadResult
    from .packed import PackedDataset, unpack

    try:
        with (folder() / f"{cache_key}.pickle").open("rb") as handle, paused_gc():
            stored = pickle.load(handle)
        packed, findings = stored
        if not isinstance(packed, PackedDataset) or not isinstance(findings, tuple):
            return None
        return LoadResult(unpack(packed), findings)
    except Exception:  # a corrupt or foreign file must never stop a command
        return None


def put(cache_key: str, result: Any) -> None:
    """Store a load result (with its dataset packed, see packed.py); any failure (read-only folder, full disk) is ignored."""
    from .packed import pack

    try:
        stored = (pack(result.dataset), result.findings)
        where = folder()
        where.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=".ratify-", suffix=".tmp", dir=where)
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(stored, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, where / f"{cache_key}.pickle")
        _prune(where)
    except OSError:
        return


def _prune(where: Path) -> None:
    entries = sorted(where.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for stale in entries[KEEP:]:
        stale.unlink(missing_ok=True)

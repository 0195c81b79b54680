"""Saved pages: reading an instrument's page from a folder (`--from`), keeping fetched pages with a manifest (`--save`)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Optional

from ..domain.records import Instrument
from ..errors import OutputError
from ..output import write_atomic
from . import ParsedPage
from .fetch import Fetched
from .html import decode

MANIFEST = "manifest.json"
SUFFIXES = (".html", ".htm")


def read_manifest(folder: Path) -> dict[str, dict[str, Any]]:
    """The folder's manifest (instrument id -> url, fetched_at, sha256, status_as_of); empty when absent or unreadable."""
    try:
        found = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {key: value for key, value in found.items() if isinstance(value, dict)} if isinstance(found, dict) else {}


def saved_page(folder: Path, inst: Instrument, manifest: dict[str, dict[str, Any]]) -> Optional[Fetched]:
    """The saved page `folder/<id>.html` (or `.htm`), decoded by its `<meta>` charset; None when there is none.
    Its URL is the manifest's, else the instrument's `status_url`."""
    for suffix in SUFFIXES:
        path = folder / f"{inst.id}{suffix}"
        if path.is_file():
            entry = manifest.get(inst.id, {})
            url = entry.get("url") or inst.status_url
            try:
                body = path.read_bytes()
                on = _day(entry.get("fetched_at")) or dt.date.fromtimestamp(path.stat().st_mtime)
            except OSError as exc:
                return Fetched(url, error=f"cannot read {path}: {exc.strerror or exc}")
            return Fetched(url, text=decode(body), content=body, fetched_on=on)
    return None


def _day(stamp: object) -> Optional[dt.date]:
    try:
        return dt.datetime.fromisoformat(stamp).date() if isinstance(stamp, str) else None
    except ValueError:
        return None


def save_pages(folder: Path, fetched: Iterable[tuple[str, Fetched]], pages: Iterable[ParsedPage], now: dt.datetime) -> list[Path]:
    """Write each fetched page as `folder/<id>.html` and record it in `folder/manifest.json`; returns files written."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create {folder}: {exc.strerror or exc}") from None
    as_of = {page.instrument: page.status_as_of for page in pages}
    manifest = read_manifest(folder)
    written: list[Path] = []
    for instrument, page in fetched:
        if page.content is None:
            continue
        target = folder / f"{instrument}.html"
        write_atomic(target, page.content)
        written.append(target)
        status = as_of.get(instrument)
        manifest[instrument] = {
            "url": page.url,
            "fetched_at": now.isoformat(timespec="seconds"),
            "sha256": hashlib.sha256(page.content).hexdigest(),
            "status_as_of": status.isoformat() if status else None,
        }
    write_atomic(folder / MANIFEST, json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    return [*written, folder / MANIFEST]

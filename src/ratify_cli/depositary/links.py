"""Checking that every source URL in the data still answers."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Optional

import httpx
from msgspec import Struct
from msgspec.structs import replace

from ..domain.dataset import INSTRUMENTS_FILE, STATES_FILE
from ..errors import DataError
from ..loading.yamlsource import Document, read
from .fetch import Fetched, FetchPolicy, fetch_all

URL_KEYS = frozenset({"source", "status_url", "sources"})
LINK_POLICY = FetchPolicy(timeout=15.0, retries=1, concurrency=8, method="HEAD")


class Link(Struct, frozen=True):
    """One URL at one place in a data file."""

    file: str
    line: int
    column: int
    url: str


class DeadLink(Struct, frozen=True):
    """A URL that did not answer, with every place it is cited."""

    link: Link
    reason: str
    offline: bool = False

    def __str__(self) -> str:
        return f"{self.link.file}:{self.link.line}: {self.link.url}: {self.reason}"


def links(data_dir: Path) -> list[Link]:
    """Every source URL in the data files, with its position."""
    found: list[Link] = []
    for name in (INSTRUMENTS_FILE, STATES_FILE):
        document = read(data_dir / name, str(data_dir / name))
        if not isinstance(document, Document):
            raise DataError(f"cannot read {data_dir / name}; run `ratify validate`", (document,))
        for path, url in _urls(document.value, ()):
            line, column = document.locate(path)
            found.append(Link(document.file, line, column, url))
    return found


def _urls(value: Any, path: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key in URL_KEYS and isinstance(item, str):
                yield path + (key,), item
            elif key in URL_KEYS and isinstance(item, tuple):
                yield from ((path + (key, i), url) for i, url in enumerate(item) if isinstance(url, str))
            else:
                yield from _urls(item, path + (key,))
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from _urls(item, path + (index,))


def check(
    data_dir: Path,
    policy: FetchPolicy = LINK_POLICY,
    transport: Optional[httpx.BaseTransport] = None,
    on_done: Optional[Callable[[Fetched], None]] = None,
) -> tuple[list[Link], list[DeadLink]]:
    """Every link, and the dead ones (each URL asked once; HEAD, then GET where HEAD is refused)."""
    found = links(data_dir)
    urls = [link.url for link in found]
    first = fetch_all(urls, policy, transport, on_done)
    refused = [url for url, f in first.items() if f.status in (403, 405, 501)]
    if refused:
        again = fetch_all(refused, replace(policy, method="GET"), transport)
        first.update(again)
    dead = [
        DeadLink(link, first[link.url].error or "no answer", first[link.url].offline)
        for link in found
        if first[link.url].error
    ]
    return found, dead

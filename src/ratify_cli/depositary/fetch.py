"""Fetching pages politely: a timeout on every request, retries with backoff, a small pool, an identifying agent."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import Optional

import httpx
from msgspec import Struct

from ..version import __version__

USER_AGENT = f"ratify/{__version__} (treaty status tracker; https://pypi.org/project/ratify-cli/)"
RETRY_STATUS = frozenset({500, 502, 503, 504})
OFFLINE_AFTER = 2


class FetchPolicy(Struct, frozen=True):
    """How pages are fetched."""

    timeout: float = 20.0
    retries: int = 2
    backoff: float = 0.5
    """Seconds before the first retry; doubled for each further one."""
    concurrency: int = 4
    method: str = "GET"


DEFAULT_POLICY = FetchPolicy()


class Fetched(Struct, frozen=True):
    """The outcome for one URL: its text, or why there is none."""

    url: str
    text: Optional[str] = None
    error: Optional[str] = None
    offline: bool = False
    """True when the failure was a connection that could not be made at all."""
    status: Optional[int] = None
    content: Optional[bytes] = None
    """The bytes as served (what `--save` keeps)."""
    fetched_on: Optional[dt.date] = None
    """For a saved page: the day it was fetched (from the manifest, else the file's date); None for a live fetch."""


def make_client(policy: FetchPolicy, transport: Optional[httpx.BaseTransport] = None) -> httpx.Client:
    """An httpx client with the policy's timeout, redirects followed, and ratify's User-Agent."""
    return httpx.Client(
        timeout=policy.timeout,
        follow_redirects=True,
        headers={"User-Agent": USER_AGENT},
        transport=transport,
    )


def fetch_one(client: httpx.Client, url: str, policy: FetchPolicy) -> Fetched:
    """Fetch a URL, retrying connection errors, timeouts and 5xx answers."""
    last = Fetched(url, error="not fetched")
    for attempt in range(policy.retries + 1):
        if attempt:
            time.sleep(policy.backoff * 2 ** (attempt - 1))
        try:
            response = client.request(policy.method, url)
        except httpx.ConnectError as exc:
            last = Fetched(url, error=f"cannot connect ({exc})", offline=True)
            continue
        except httpx.TimeoutException:
            last = Fetched(url, error=f"timed out after {policy.timeout:g} s")
            continue
        except httpx.HTTPError as exc:
            return Fetched(url, error=f"{type(exc).__name__}: {exc}")
        if response.status_code in RETRY_STATUS:
            last = Fetched(url, error=f"HTTP {response.status_code}", status=response.status_code)
            continue
        if response.status_code >= 400:
            return Fetched(url, error=f"HTTP {response.status_code}", status=response.status_code)
        from .html import decode

        return Fetched(url, text=decode(response.content, response.charset_encoding), status=response.status_code,
                       content=response.content)
    return last


def fetch_all(
    urls: Iterable[str],
    policy: FetchPolicy,
    transport: Optional[httpx.BaseTransport] = None,
    on_done: Optional[Callable[[Fetched], None]] = None,
) -> dict[str, Fetched]:
    """Fetch every URL with at most `policy.concurrency` at once; one failure never stops the others."""
    unique = list(dict.fromkeys(urls))
    results: dict[str, Fetched] = {}
    seen = {"offline": 0, "reached": 0}
    lock = threading.Lock()

    def guarded(client: httpx.Client, url: str) -> Fetched:
        # Two pages that cannot connect, and none that could: the network is down, so stop trying quickly.
        with lock:
            if seen["offline"] >= OFFLINE_AFTER and not seen["reached"]:
                return Fetched(url, error="skipped: the network is unreachable", offline=True)
        fetched = fetch_one(client, url, policy)
        with lock:
            seen["offline" if fetched.offline else "reached"] += 1
        return fetched

    with make_client(policy, transport) as client, ThreadPoolExecutor(max_workers=max(1, policy.concurrency)) as pool:
        for fetched in pool.map(lambda url: guarded(client, url), unique):
            results[fetched.url] = fetched
            if on_done is not None:
                on_done(fetched)
    return results

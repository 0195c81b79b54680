"""Headless Chromium for tests and the README screenshot: launch flags, console messages, requests, PNG pixels."""

from __future__ import annotations

import json
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--force-device-scale-factor=1",
)


def find() -> str | None:
    """The Chromium executable, if installed."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def run(page: Path, work: Path, *args: str, timeout: float = 120) -> tuple[str, str, list[dict]]:
    """Open a local page with a fresh profile; (stdout, stderr with console messages, network requests it logged)."""
    profile = work / f"profile-{len(list(work.glob('profile-*')))}"
    netlog = profile.with_suffix(".netlog.json")
    command = [find() or "chromium", *FLAGS, f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
               f"--log-net-log={netlog}", *args, page.resolve().as_uri()]
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout, done.stderr, requests(netlog)


def requests(netlog: Path) -> list[dict]:
    """Every URL request the network stack started: url and initiator (browser-internal ones: 'not an origin')."""
    log = json.loads(netlog.read_text(encoding="utf-8"))
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    return [
        {"url": event["params"].get("url", ""), "initiator": event["params"].get("initiator", "")}
        for event in log.get("events", [])
        if event.get("type") == start and "url" in event.get("params", {})
    ]


def page_requests(found: list[dict]) -> list[str]:
    """The requests a page made (anything not started by the browser itself)."""
    return [r["url"] for r in found if r["initiator"] != "not an origin"]


def console_messages(stderr: str) -> list[str]:
    """Console messages Chromium logged (`CONSOLE(...)` lines: errors, warnings, logs, blocked loads)."""
    return [line for line in stderr.splitlines() if "CONSOLE" in line]


def pixels(png: Path) -> tuple[int, int, list[tuple[int, ...]]]:
    """Width, height and the pixels of an 8-bit RGB or RGBA PNG (filters undone)."""
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks, header = 8, [], b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks.append(body)
        pos += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", header[:10])
    assert depth == 8 and colour in (2, 6), (depth, colour)
    size = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * size
    rows: list[bytearray] = []
    previous = bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - size] if i >= size else 0
            up = previous[i]
            corner = previous[i - size] if i >= size else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        rows.append(line)
        previous = line
    flat = [tuple(row[x * size : x * size + 3]) for row in rows for x in range(width)]
    return width, height, flat

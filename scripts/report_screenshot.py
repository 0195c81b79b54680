#!/usr/bin/env python3
"""Regenerate docs/report.png: `ratify report` for a fixed date, screenshotted by headless Chromium.

Usage: python scripts/report_screenshot.py [--as-of 2026-07-01] [--output docs/report.png]
Needs Chromium (Debian: apt-get install chromium) and ratify installed in the running Python.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--force-device-scale-factor=1",
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--as-of", default="2026-07-01")
    parser.add_argument("--output", type=Path, default=REPO / "docs" / "report.png")
    parser.add_argument("--size", default="1280,1000", help="Window width,height in pixels.")
    args = parser.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        sys.stderr.write("chromium is not installed (Debian: apt-get install chromium)\n")
        return 1
    with tempfile.TemporaryDirectory() as work:
        page = Path(work) / "report.html"
        # Run from the checkout with a relative --data, so the page names the folder as `data`, not a local path.
        subprocess.run([sys.executable, "-m", "ratify_cli", "report", "--data", "data", "--as-of", args.as_of,
                        "--output", str(page)], check=True, cwd=REPO)
        subprocess.run([chromium, *FLAGS, f"--user-data-dir={Path(work) / 'profile'}", f"--window-size={args.size}",
                        f"--screenshot={args.output.resolve()}", page.as_uri()], check=True, capture_output=True)
    sys.stderr.write(f"wrote {args.output} ({args.output.stat().st_size // 1024} KiB)\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

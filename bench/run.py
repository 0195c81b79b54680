#!/usr/bin/env python3
"""Time ratify as whole processes against the issue's targets; print medians, ratios and a pass/fail mark.

Usage: python bench/run.py [--runs 7] [--heavy-runs 3] [--startup-runs 31] [--work DIR] [--startup-only]

Generates the synthetic data sets with bench/generate.py (1x: 35 states x 47 instruments; 10x: 110 x 150;
world: 200 x 600), then for each target runs the compared commands after one warm-up, interleaved run by run, and
reports the median of each and their ratio measured in the same run. Figures are ratios, not absolute times: the
machine is shared. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import generate  # noqa: E402

SCRIPT = Path(sys.executable).with_name("ratify")
RATIFY = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "ratify_cli"]
"""The installed `ratify` command, as a user runs it (`python -m` adds runpy's imports); else the module."""


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def compare(commands: dict[str, list[str]], runs: int, env: dict[str, str]) -> dict[str, float]:
    """Median wall time of each command: one warm-up each, then `runs` rounds, interleaved."""
    for command in commands.values():
        timed(command, env)
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            samples[name].append(timed(command, env))
    return {name: statistics.median(values) for name, values in samples.items()}


def report(title: str, medians: dict[str, float], ratio: float, limit: float, what: str) -> bool:
    ok = ratio <= limit
    print(f"[{'PASS' if ok else 'FAIL'}] {title}: {what} = {ratio:.2f} (target <= {limit:g})")
    for name, value in medians.items():
        print(f"        {name}: median {value:.3f} s")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--heavy-runs", type=int, default=3)
    # Start-up differences are a few milliseconds on a shared machine: more rounds, each a fraction of a second.
    parser.add_argument("--startup-runs", type=int, default=31)
    parser.add_argument("--work", type=Path, default=None)
    parser.add_argument("--startup-only", action="store_true", help="Time only the start-up target.")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="ratify-bench-"))
    env = {**os.environ, "RATIFY_CACHE_DIR": str(work / "cache"), "NO_COLOR": "1"}
    env.pop("RATIFY_DATA", None)
    # An installed package has its bytecode compiled (pip does it); let the warm-up runs write it here too, so that
    # no run pays for compiling ratify's modules from source.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    results = []

    medians = compare(
        {"ratify gaps --state MEX (bundled, cached)": RATIFY + ["gaps", "--state", "MEX"],
         "bench/bare.py gaps --state MEX (same options, no work)": [sys.executable, str(HERE / "bare.py"), "gaps", "--state", "MEX"],
         "ratify gaps --state MEX --format json (same work, no rich)": RATIFY + ["gaps", "--state", "MEX", "--format", "json"]},
        args.startup_runs, env,
    )
    table, bare, json_ = medians.values()
    results.append(report("1. start-up", medians, table / bare, 1.1, "gaps / bare Typer app"))
    # Where the time over the floor goes, as shares of the floor: ratify's imports, load and compute (the JSON run
    # does the same work and writes without rich), then importing rich and drawing the table with it.
    print(f"        over the floor: ratify's own work {json_ / bare - 1:+.2f}, the rich table {(table - json_) / bare:+.2f}")
    if args.startup_only:
        return 0 if all(results) else 1
    sizes = {"1x": (35, 47), "10x": (110, 150), "world": (200, 600)}
    folders = {}
    for name, (states, instruments) in sizes.items():
        folders[name] = work / name
        if not (folders[name] / "states.yaml").exists():
            events = generate.write(folders[name], states, instruments)
            print(f"generated {name}: {states} states x {instruments} instruments, {events} events")

    world = folders["world"]
    medians = compare(
        {"ratify --no-cache validate (world)": RATIFY + ["--no-cache", "validate", "--data", str(world)],
         "yaml.load(states.yaml, CSafeLoader)": [
             sys.executable, "-c",
             f"import yaml; yaml.load(open({str(world / 'states.yaml')!r}), Loader=yaml.CSafeLoader)",
         ]},
        args.heavy_runs, env,
    )
    first, second = medians.values()
    results.append(report("2. world scale, cold", medians, first / second, 0.2, "validate / PyYAML load"))

    warm = RATIFY + ["gaps", "--instrument", "syn-0001", "--data", str(world)]
    medians = compare({"ratify gaps --instrument syn-0001 (world, cached)": warm}, args.runs, env)
    value = next(iter(medians.values()))
    results.append(report("3. world scale, warm", medians, value, 0.5, "median seconds"))

    for label, command in (("validate", ["--no-cache", "validate"]), ("gaps", ["--no-cache", "gaps", "--instrument", "syn-0001"])):
        medians = compare(
            {f"{label} 10x": RATIFY + command + ["--data", str(folders["10x"])],
             f"{label} 1x": RATIFY + command + ["--data", str(folders["1x"])]},
            args.runs, env,
        )
        first, second = medians.values()
        results.append(report(f"4. linear growth, {label}", medians, first / second, 12.0, "10x / 1x"))
    print(f"\n{sum(results)} of {len(results)} targets pass (work folder: {work})")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())

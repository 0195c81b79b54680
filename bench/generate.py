#!/usr/bin/env python3
"""Write a synthetic but valid ratify data folder of a chosen size, for benchmarks.

Usage: python bench/generate.py --states 200 --instruments 600 --out /tmp/world

States are real ISO 3166-1 alpha-3 codes (pycountry); instruments are synthetic (`syn-0001`...). Each pair gets a
realistic mix of histories (nothing, a signature, a consent with or without a signature, a denunciation and
sometimes a re-accession), seeded so the same arguments always give the same files. Nothing here is real treaty data.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

SYSTEMS = ("un", "inter-american", "ilo")
SUBREGIONS = ("south-america", "central-america", "caribbean", "northern-america")
URL = "https://example.org/synthetic"


def day(rng: random.Random, start: dt.date, span_days: int) -> dt.date:
    return start + dt.timedelta(days=rng.randrange(max(1, span_days)))


def history(rng: random.Random, instrument: str, ilo: bool) -> list[tuple[str, dt.date, dt.date | None]]:
    """(action, date, effective) for one pair; on average about 1.25 events."""
    roll = rng.random()
    start = dt.date(1991, 1, 1)
    if roll < 0.12:
        return []
    if roll < 0.22 and not ilo:
        return [("signature", day(rng, start, 8000), None)]
    events = []
    when = day(rng, start, 6000)
    if not ilo and roll < 0.75:
        events.append(("signature", when, None))
        when += dt.timedelta(days=rng.randrange(30, 900))
    events.append(("ratification" if ilo or events else "accession", when, None))
    if roll > 0.97:
        notice = when + dt.timedelta(days=rng.randrange(365, 3000))
        events.append(("denunciation", notice, notice + dt.timedelta(days=365)))
        if roll > 0.985:
            events.append(("accession", notice + dt.timedelta(days=rng.randrange(400, 900)), None))
    return events


def write(out: Path, states: int, instruments: int, seed: int = 1) -> int:
    """Write instruments.yaml and states.yaml; return the number of events."""
    import pycountry

    rng = random.Random(seed)
    codes = sorted(c.alpha_3 for c in pycountry.countries)[:states]
    if len(codes) < states:
        raise SystemExit(f"only {len(codes)} ISO codes exist")
    out.mkdir(parents=True, exist_ok=True)
    ids = [f"syn-{i:04d}" for i in range(1, instruments + 1)]
    lines = ["# Synthetic benchmark data (bench/generate.py): not real treaty data.", "instruments:"]
    for index, ident in enumerate(ids):
        system = SYSTEMS[index % 3]
        lines += [
            f"- id: {ident}",
            f"  short_name: SYN{index + 1}",
            f"  title_en: Synthetic Convention number {index + 1}",
            f"  system: {system}",
            "  depositary: Benchmark depositary",
            f"  reference: SYN-{index + 1}",
            "  adopted: 1990-01-01",
            "  adopted_place: Nowhere",
            "  in_force: 1992-01-01",
            "  entry_into_force:",
            "    days_after: 30",
            "    article: art. 1",
            "  signature:",
            f"    stage: {'false' if system == 'ilo' else 'true'}",
            f"  join_without_signature: {'ratify' if system == 'ilo' else 'accede'}",
            "  topics: [benchmark]",
            f"  status_url: {URL}/{ident}",
            f"  sources: [{URL}/{ident}]",
            "  checks:",
            "  - date: 2026-01-01",
            f"    source: {URL}/{ident}",
            "    states: all",
        ]
    (out / "instruments.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    count = 0
    lines = ["# Synthetic benchmark data (bench/generate.py): not real treaty data.", "states:"]
    for position, code in enumerate(codes):
        lines += [
            f"- code: {code}",
            f"  name_en: State {code}",
            f"  name_es: Estado {code}",
            f"  subregion: {SUBREGIONS[position % 4]}",
            "  oas:",
            "    joined: 1960-01-01",
            f"    sources: [{URL}]",
            "  events:",
        ]
        for index, ident in enumerate(ids):
            for action, date, effective in history(rng, ident, SYSTEMS[index % 3] == "ilo"):
                lines += [f"  - instrument: {ident}", f"    action: {action}", f"    date: {date.isoformat()}"]
                if effective is not None:
                    lines.append(f"    effective: {effective.isoformat()}")
                lines.append(f"    source: {URL}/{ident}")
                count += 1
    (out / "states.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--states", type=int, required=True)
    parser.add_argument("--instruments", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    events = write(args.out, args.states, args.instruments, args.seed)
    size = sum(p.stat().st_size for p in args.out.glob("*.yaml"))
    print(f"{args.out}: {args.states} states x {args.instruments} instruments, {events} events, {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()

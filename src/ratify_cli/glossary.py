"""The codes a report's tables show, with the names they stand for: state codes and instrument short names or ids."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from .dataset import Dataset


def glossary(
    data: Dataset, states: Iterable[str] = (), instruments: Iterable[str] = (), label: Literal["short_name", "id"] = "short_name"
) -> tuple[tuple[str, str], ...]:
    """(code, name) pairs: the instruments in catalog order, then the states by code; unknown codes are left out.

    An instrument is labelled by its short name (as gap tables show it) or by its id (as event tables do), and named
    by its full English title and depositary reference.
    """
    wanted = set(instruments)
    entries = []
    for inst in data.instruments:
        if inst.id in wanted:
            title = f"{inst.title_en} ({inst.reference})"
            entries.append((inst.short_name, title) if label == "short_name" else (inst.id, f"{inst.short_name}: {title}"))
    codes = set(states)
    entries += [(state.code, state.name_en) for state in sorted(data.states, key=lambda s: s.code) if state.code in codes]
    return tuple(entries)


def numbered(rows: Iterable[dict], sources: list[str]) -> None:
    """Give each row a `ref` (`S1`, ...) to its `source` in `sources`, appending sources not yet listed."""
    for row in rows:
        source = row.get("source")
        if source and source not in sources:
            sources.append(source)
        row["ref"] = f"S{sources.index(source) + 1}" if source else ""

"""The codes a report's tables show, with what they stand for (as messages), and the numbering of cited sources."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

from ..domain.dataset import Dataset
from ..domain.records import Instrument, State
from .report import Msg


def state_ref(state: State) -> dict[str, str]:
    """A state as a message names it: its code and its names in every language."""
    return {"code": state.code, "name_en": state.name_en, "name_es": state.name_es}


def instrument_ref(inst: Instrument) -> dict[str, Any]:
    """An instrument as a message names it: id, short name, reference and titles."""
    return {
        "id": inst.id, "short_name": inst.short_name, "reference": inst.reference, "title_en": inst.title_en,
        "title_es": inst.title_es,
    }


def state_name(state: State) -> Msg:
    """A state's name in the reader's language (shown beside its code)."""
    return Msg("cell.state-name", state_ref(state))


def glossary(
    data: Dataset, states: Iterable[str] = (), instruments: Iterable[str] = (), label: Literal["short_name", "id"] = "short_name"
) -> tuple[tuple[str, Msg], ...]:
    """(code, message) pairs: the instruments in catalog order, then the states by code; unknown codes are left out.

    An instrument is labelled by its short name (as gap tables show it) or by its id (as event tables do); the message
    names it by its full title and depositary reference (`glossary.instrument`), a state by its name (`glossary.state`).
    """
    wanted = set(instruments)
    entries: list[tuple[str, Msg]] = []
    for inst in data.instruments:
        if inst.id in wanted:
            code = inst.short_name if label == "short_name" else inst.id
            entries.append((code, Msg("glossary.instrument", {"instrument": instrument_ref(inst), "label": label})))
    codes = set(states)
    entries += [
        (state.code, Msg("glossary.state", {"state": state_ref(state)}))
        for state in sorted(data.states, key=lambda s: s.code) if state.code in codes
    ]
    return tuple(entries)


def numbered(rows: Iterable[dict[str, Any]], sources: list[str]) -> None:
    """Give each row a `ref` (1, 2, ...: its `source`'s number in `sources`, None without one), appending new sources."""
    for row in rows:
        source = row.get("source")
        if source and source not in sources:
            sources.append(source)
        row["ref"] = sources.index(source) + 1 if source else None

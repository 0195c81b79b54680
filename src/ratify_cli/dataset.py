"""The loaded dataset: validated records with lookups by id, code and (state, instrument) pair."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from .records import Event, Instrument, State

INSTRUMENTS_FILE = "instruments.yaml"
STATES_FILE = "states.yaml"


@dataclass(frozen=True)
class Dataset:
    """Instruments and states in file order, with indexes built once."""

    instruments: tuple[Instrument, ...]
    states: tuple[State, ...]
    version: str
    """A short content hash of the data files: two exports with the same version come from the same data."""
    by_id: dict[str, Instrument] = field(init=False, repr=False, compare=False)
    by_code: dict[str, State] = field(init=False, repr=False, compare=False)
    pair_events: dict[tuple[str, str], tuple[Event, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        pairs: dict[tuple[str, str], list[Event]] = {}
        for state in self.states:
            for event in state.events:
                pairs.setdefault((state.code, event.instrument), []).append(event)
        object.__setattr__(self, "by_id", {i.id: i for i in self.instruments})
        object.__setattr__(self, "by_code", {s.code: s for s in self.states})
        object.__setattr__(self, "pair_events", {k: tuple(v) for k, v in pairs.items()})

    def events_for(self, state: str, instrument: str) -> tuple[Event, ...]:
        """The events of one state on one instrument, in file order."""
        return self.pair_events.get((state, instrument), ())

    def all_events(self) -> Iterator[tuple[State, Event]]:
        """Every event with its state, in file order."""
        for state in self.states:
            for event in state.events:
                yield state, event

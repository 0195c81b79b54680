"""The loaded dataset: validated records with lookups by id, code and (state, instrument) pair."""

from __future__ import annotations

from dataclasses import field
from functools import cached_property
from typing import Callable, Iterator, Mapping, Optional

from .frozen import frozen
from .records import Event, Instrument, State

INSTRUMENTS_FILE = "instruments.yaml"
STATES_FILE = "states.yaml"


@frozen
class Dataset:
    """Instruments and states in file order, with indexes built once."""

    instruments: tuple[Instrument, ...]
    states: tuple[State, ...]
    version: str
    """A short content hash of the data files: two exports with the same version come from the same data."""
    events_of: Optional[Callable[[str], Mapping[str, tuple[tuple[int, Event], ...]]]] = field(
        default=None, repr=False, compare=False
    )
    """For a dataset read from the cache (packed.py): one instrument's events by state, unpacked on demand."""
    by_id: dict[str, Instrument] = field(init=False, repr=False, compare=False)
    by_code: dict[str, State] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_id", {i.id: i for i in self.instruments})
        object.__setattr__(self, "by_code", {s.code: s for s in self.states})

    @cached_property
    def pair_events(self) -> dict[tuple[str, str], tuple[Event, ...]]:
        """Every (state, instrument) pair's events, in file order."""
        pairs: dict[tuple[str, str], list[Event]] = {}
        for state in self.states:
            for event in state.events:
                pairs.setdefault((state.code, event.instrument), []).append(event)
        return {k: tuple(v) for k, v in pairs.items()}

    def events_for(self, state: str, instrument: str) -> tuple[Event, ...]:
        """The events of one state on one instrument, in file order."""
        if self.events_of is not None:
            return tuple(event for _position, event in self.events_of(instrument).get(state, ()))
        return self.pair_events.get((state, instrument), ())

    def all_events(self) -> Iterator[tuple[State, Event]]:
        """Every event with its state, in file order."""
        for state in self.states:
            for event in state.events:
                yield state, event

"""The loaded dataset: validated records with lookups by id, code and (state, instrument) pair."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property

from msgspec import Struct

from .records import Event, Instrument, State

INSTRUMENTS_FILE = "instruments.yaml"
STATES_FILE = "states.yaml"


class Dataset(Struct, frozen=True, dict=True):
    """Instruments and states in file order, with indexes built on first use."""

    instruments: tuple[Instrument, ...]
    states: tuple[State, ...]
    version: str
    """A short content hash of the data files: two exports with the same version come from the same data."""

    @cached_property
    def by_id(self) -> dict[str, Instrument]:
        """Instruments by id."""
        return {i.id: i for i in self.instruments}

    @cached_property
    def by_code(self) -> dict[str, State]:
        """States by code."""
        return {s.code: s for s in self.states}

    @cached_property
    def _by_state(self) -> dict[str, dict[str, tuple[Event, ...]]]:
        """Each state's events by instrument, for the states asked about more than one instrument (filled on use)."""
        return {}

    @cached_property
    def _first_asked(self) -> dict[str, str]:
        """The instrument each state was first asked about."""
        return {}

    def events_for(self, state: str, instrument: str) -> tuple[Event, ...]:
        """The events of one state on one instrument, in file order.

        A state asked about one instrument is filtered (`gaps --instrument` reads each state once); from its second
        instrument on, its events are indexed by instrument once, so a matrix costs one pass over the events.
        """
        index = self._by_state.get(state)
        if index is not None:
            return index.get(instrument, ())
        record = self.by_code.get(state)
        if record is None:
            return ()
        if self._first_asked.setdefault(state, instrument) == instrument:
            return tuple(event for event in record.events if event.instrument == instrument)
        grouped: dict[str, list[Event]] = {}
        for event in record.events:
            grouped.setdefault(event.instrument, []).append(event)
        index = self._by_state[state] = {key: tuple(events) for key, events in grouped.items()}
        return index.get(instrument, ())

    def all_events(self) -> Iterator[tuple[State, Event]]:
        """Every event with its state, in file order."""
        for state in self.states:
            for event in state.events:
                yield state, event

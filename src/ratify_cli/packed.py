"""The cache's compact form of a dataset: events packed per instrument and unpacked only when a command asks for them.

Unpickling every event of a world-scale dataset costs more than everything else a warm command does, and most
commands read one instrument's events (`gaps --instrument`) or one state's. So the cache stores each instrument's
events as its own pickled blob; a blob is unpacked on first use and kept.
"""

from __future__ import annotations

import pickle
from collections.abc import Sequence
from dataclasses import replace
from typing import Any, Iterator, Union, overload

from .frozen import frozen
from .dataset import Dataset
from .records import Event, Instrument, State

Rows = dict[str, tuple[tuple[int, Event], ...]]
"""One instrument's events by state code, each with its position in that state's list (file order)."""


@frozen
class PackedDataset:
    """A dataset as the cache stores it: records without their events, and one blob of events per instrument."""

    instruments: tuple[Instrument, ...]
    states: tuple[State, ...]
    """The states with `events` empty; `counts` has how many each had."""
    counts: tuple[int, ...]
    blobs: dict[str, bytes]
    version: str


def pack(data: Dataset) -> PackedDataset:
    """The compact form of a dataset."""
    by_instrument: dict[str, dict[str, list[tuple[int, Event]]]] = {}
    for state in data.states:
        for position, event in enumerate(state.events):
            by_instrument.setdefault(event.instrument, {}).setdefault(state.code, []).append((position, event))
    blobs = {
        instrument: pickle.dumps({code: tuple(rows) for code, rows in states.items()}, protocol=pickle.HIGHEST_PROTOCOL)
        for instrument, states in by_instrument.items()
    }
    return PackedDataset(
        instruments=data.instruments,
        states=tuple(replace(state, events=()) for state in data.states),
        counts=tuple(len(state.events) for state in data.states),
        blobs=blobs,
        version=data.version,
    )


def unpack(packed: PackedDataset) -> Dataset:
    """A dataset whose events are read from the blobs on first use."""
    store = _Store(packed.blobs)
    states = tuple(
        replace(state, events=LazyEvents(store, state.code, count)) for state, count in zip(packed.states, packed.counts, strict=True)
    )
    return Dataset(packed.instruments, states, packed.version, events_of=store.of_instrument)


class _Store:
    """The blobs, and what has been unpacked from them."""

    def __init__(self, blobs: dict[str, bytes]) -> None:
        self.blobs = blobs
        self.unpacked: dict[str, Rows] = {}

    def of_instrument(self, instrument: str) -> Rows:
        rows = self.unpacked.get(instrument)
        if rows is None:
            blob = self.blobs.get(instrument)
            rows = self.unpacked[instrument] = pickle.loads(blob) if blob is not None else {}
        return rows

    def of_state(self, code: str) -> tuple[Event, ...]:
        found = [row for instrument in self.blobs for row in self.of_instrument(instrument).get(code, ())]
        return tuple(event for _position, event in sorted(found, key=lambda row: row[0]))


class LazyEvents(Sequence[Event]):
    """A state's events, unpacked from the store when first read; otherwise behaves as the tuple it stands for."""

    def __init__(self, store: _Store, code: str, count: int) -> None:
        self._store = store
        self._code = code
        self._count = count
        self._events: tuple[Event, ...] | None = None

    def _all(self) -> tuple[Event, ...]:
        if self._events is None:
            self._events = self._store.of_state(self._code)
        return self._events

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> Event: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Event, ...]: ...

    def __getitem__(self, index: Union[int, slice]) -> Any:
        return self._all()[index]

    def __iter__(self) -> Iterator[Event]:
        return iter(self._all())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (tuple, LazyEvents)):
            return self._all() == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._all())

    def __repr__(self) -> str:
        return repr(self._all())

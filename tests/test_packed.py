"""The cache's packed datasets: the same answers as a fresh load, events unpacked only when read."""

from __future__ import annotations

import datetime as dt
import pickle

from ratify_cli.formats import OutputFormat, render
from ratify_cli.gaps import Selection, gaps_for_instrument, gaps_for_state, status_table
from ratify_cli.packed import LazyEvents, pack, unpack


def round_trip(data):
    return unpack(pickle.loads(pickle.dumps(pack(data), protocol=pickle.HIGHEST_PROTOCOL)))


def test_a_packed_dataset_equals_the_original(bundled) -> None:
    packed = round_trip(bundled)
    assert packed == bundled
    for state, original in zip(packed.states, bundled.states, strict=True):
        assert isinstance(state.events, LazyEvents)
        assert state.events == original.events and tuple(state.events) == original.events
        assert len(state.events) == len(original.events)
        for inst in bundled.instruments:
            assert packed.events_for(state.code, inst.id) == bundled.events_for(state.code, inst.id)


def test_the_reports_are_the_same(bundled) -> None:
    packed = round_trip(bundled)
    sel = Selection(as_of=dt.date(2026, 1, 1))
    for fmt in (OutputFormat.JSON, OutputFormat.MARKDOWN):
        assert render(status_table(packed, sel), fmt) == render(status_table(bundled, sel), fmt)
        assert render(gaps_for_state(packed, sel, "MEX"), fmt) == render(gaps_for_state(bundled, sel, "MEX"), fmt)
        assert render(gaps_for_instrument(packed, sel, "icrmw"), fmt) == render(gaps_for_instrument(bundled, sel, "icrmw"), fmt)


def test_events_are_unpacked_only_when_read(bundled) -> None:
    packed = round_trip(bundled)
    store = packed.states[0].events._store
    assert sum(len(s.events) for s in packed.states) == sum(len(s.events) for s in bundled.states)
    assert store.unpacked == {}  # counting needs no events
    packed.events_for("MEX", "icrmw")
    assert set(store.unpacked) == {"icrmw"}  # one instrument's question unpacks one instrument


def test_lazy_events_behave_as_a_tuple(bundled) -> None:
    state = next(s for s in bundled.states if len(s.events) > 2)
    events = round_trip(bundled).by_code[state.code].events
    assert events[0] == state.events[0] and events[-1] == state.events[-1]
    assert events[1:3] == state.events[1:3]
    assert list(events) == list(state.events)
    assert events == state.events and state.events == events
    assert hash(events) == hash(state.events)
    assert events != state.events[:-1]
    assert repr(events) == repr(state.events)

"""Cross-record rules: what a single record's model cannot check. Each rule yields located findings."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Callable, Iterator, Optional

from .dataset import INSTRUMENTS_FILE, STATES_FILE, Dataset
from .findings import Finding, Path, Severity
from .records import Event, Instrument
from .status import sort_events
from .suggest import suggest
from .vocab import Action

Rule = Callable[[Dataset, dt.date], Iterator[Finding]]


def _error(file: str, path: Path, code: str, message: str) -> Finding:
    return Finding(file, message, Severity.ERROR, code, path=path)


def _warning(file: str, path: Path, code: str, message: str) -> Finding:
    return Finding(file, message, Severity.WARNING, code, path=path)


def unique_ids(data: Dataset, today: dt.date) -> Iterator[Finding]:
    """No two instruments share an id; no two states share a code."""
    seen: dict[str, int] = {}
    for index, instrument in enumerate(data.instruments):
        if instrument.id in seen:
            yield _error(INSTRUMENTS_FILE, ("instruments", index, "id"), "duplicate-id",
                         f"instrument id {instrument.id!r} is used twice (first at entry {seen[instrument.id] + 1})")
        seen.setdefault(instrument.id, index)
    codes: dict[str, int] = {}
    for index, state in enumerate(data.states):
        if state.code in codes:
            yield _error(STATES_FILE, ("states", index, "code"), "duplicate-id",
                         f"state {state.code} is listed twice (first at entry {codes[state.code] + 1})")
        codes.setdefault(state.code, index)


def instrument_records(data: Dataset, today: dt.date) -> Iterator[Finding]:
    """Parents exist, dates are in order, coverage names known states."""
    for index, inst in enumerate(data.instruments):
        at: Path = ("instruments", index)
        if inst.parent == inst.id:
            yield _error(INSTRUMENTS_FILE, at + ("parent",), "unknown-parent", f"{inst.id}: an instrument cannot be its own parent")
        elif inst.parent is not None and inst.parent not in data.by_id:
            yield _error(INSTRUMENTS_FILE, at + ("parent",), "unknown-parent",
                         f"{inst.id}: parent {inst.parent!r} is not an instrument in the catalog"
                         + suggest(inst.parent, data.by_id))
        if inst.in_force is not None and inst.in_force < inst.adopted:
            yield _error(INSTRUMENTS_FILE, at + ("in_force",), "date-order",
                         f"{inst.id}: entry into force {inst.in_force} is before adoption {inst.adopted}")
        if inst.signature.open_until is not None and inst.signature.open_until < inst.adopted:
            yield _error(INSTRUMENTS_FILE, at + ("signature", "open_until"), "date-order",
                         f"{inst.id}: signature closes {inst.signature.open_until}, before adoption {inst.adopted}")
        for position, code in enumerate(inst.coverage.unconfirmed):
            if code not in data.by_code:
                yield _error(INSTRUMENTS_FILE, at + ("coverage", "unconfirmed", position), "unknown-state",
                             f"{inst.id}: coverage names unknown state {code!r}" + suggest(code, data.by_code))
        if inst.coverage.as_of > today:
            yield _error(INSTRUMENTS_FILE, at + ("coverage", "as_of"), "future-date",
                         f"{inst.id}: coverage date {inst.coverage.as_of} is in the future")
        ids = Counter(m.id for m in inst.mechanisms)
        for mechanism_index, mechanism in enumerate(inst.mechanisms):
            if ids[mechanism.id] > 1:
                yield _error(INSTRUMENTS_FILE, at + ("mechanisms", mechanism_index, "id"), "duplicate-id",
                             f"{inst.id}: mechanism {mechanism.id!r} is listed twice")


def event_records(data: Dataset, today: dt.date) -> Iterator[Finding]:
    """Each event names a known instrument and fits that instrument's dates and rules."""
    for state_index, state in enumerate(data.states):
        for event_index, event in enumerate(state.events):
            at: Path = ("states", state_index, "events", event_index)
            inst = data.by_id.get(event.instrument)
            if inst is None:
                yield _error(STATES_FILE, at + ("instrument",), "unknown-instrument",
                             f"{state.code}: unknown instrument {event.instrument!r}" + suggest(event.instrument, data.by_id))
                continue
            yield from _event_dates(event, inst, state.code, at, today)
            yield from _event_fields(event, inst, state.code, at)


def _label(code: str, event: Event) -> str:
    """'MEX ratification of icrmw on 1999-03-08': written only when a finding needs it (most events have none)."""
    return f"{code} {event.action.value} of {event.instrument} on {event.date}"


def _event_dates(event: Event, inst: Instrument, code: str, at: Path, today: dt.date) -> Iterator[Finding]:
    if event.date < inst.adopted:
        yield _error(STATES_FILE, at + ("date",), "before-adoption",
                     f"{_label(code, event)}: dated before the instrument was adopted ({inst.adopted})")
    for field in ("date", "effective"):
        value: Optional[dt.date] = getattr(event, field)
        if value is not None and value > today and not (field == "effective" and event.action is Action.DENUNCIATION):
            yield _error(STATES_FILE, at + (field,), "future-date", f"{_label(code, event)}: {field} {value} is in the future")
    if event.action is Action.SIGNATURE:
        if not inst.signature.stage:
            yield _error(STATES_FILE, at + ("action",), "no-signature-stage",
                         f"{_label(code, event)}: {inst.id} is not open for signature (it is joined by {inst.join_without_signature})")
        elif inst.signature.open_until is not None and event.date > inst.signature.open_until:
            yield _error(STATES_FILE, at + ("date",), "signature-closed",
                         f"{_label(code, event)}: signature closed on {inst.signature.open_until}; a later act is an accession")


def _event_fields(event: Event, inst: Instrument, code: str, at: Path) -> Iterator[Finding]:
    if event.effective is not None and event.action is not Action.DENUNCIATION:
        yield _error(STATES_FILE, at + ("effective",), "misplaced-field",
                     f"{_label(code, event)}: `effective` is only for denunciations")
    if not event.action.is_consent:
        for field in ("mechanisms", "excluded_annexes"):
            if getattr(event, field):
                yield _error(STATES_FILE, at + (field,), "misplaced-field",
                             f"{_label(code, event)}: `{field}` belongs on the consent act (ratification, accession...)")
    known = {m.id for m in inst.mechanisms} if event.mechanisms else set()
    for index, mechanism in enumerate(event.mechanisms):
        if mechanism.id not in known:
            yield _error(STATES_FILE, at + ("mechanisms", index, "id"), "unknown-mechanism",
                         f"{_label(code, event)}: {inst.id} has no mechanism {mechanism.id!r}" + suggest(mechanism.id, known))
        elif mechanism.date is not None and mechanism.date < event.date:
            yield _error(STATES_FILE, at + ("mechanisms", index, "date"), "date-order",
                         f"{_label(code, event)}: mechanism {mechanism.id} accepted before the consent itself")


def event_sequences(data: Dataset, today: dt.date) -> Iterator[Finding]:
    """Per pair: no duplicates, no consent while party, no denunciation without consent."""
    for state_index, state in enumerate(data.states):
        pairs: dict[str, list[Event]] = {}
        for event in state.events:
            pairs.setdefault(event.instrument, []).append(event)
        for events in pairs.values():
            if len(events) == 1 and events[0].action is not Action.DENUNCIATION:
                continue  # a lone signature or consent breaks no sequence rule (most pairs, at any scale)
            party = False
            seen: set[tuple[Action, dt.date]] = set()
            for event in sort_events(events):
                key = (event.action, event.date)
                problem: Optional[tuple[str, str]] = None
                if key in seen:
                    problem = ("duplicate-event", "the same event is recorded twice")
                elif event.disputed:
                    pass
                elif event.action.is_consent:
                    if party:
                        problem = ("consent-while-party", "already party, with no denunciation in between")
                    party = True
                elif event.action is Action.DENUNCIATION:
                    if not party:
                        problem = ("denunciation-without-consent", "a denunciation needs an earlier consent act")
                    party = False
                seen.add(key)
                if problem is not None:
                    at: Path = ("states", state_index, "events", _position(state.events, event))
                    yield _error(STATES_FILE, at, problem[0], f"{_label(state.code, event)}: {problem[1]}")


def _position(events: tuple[Event, ...], event: Event) -> int:
    """The index of this very event object (equal events recorded twice have different positions)."""
    return next(index for index, candidate in enumerate(events) if candidate is event)


def coverage_dates(data: Dataset, today: dt.date) -> Iterator[Finding]:
    """An instrument's coverage is not older than its newest event."""
    newest: dict[str, dt.date] = {}
    for _state, event in data.all_events():
        if event.instrument in newest:
            newest[event.instrument] = max(newest[event.instrument], event.date)
        else:
            newest[event.instrument] = event.date
    for index, inst in enumerate(data.instruments):
        latest = newest.get(inst.id)
        if latest is not None and inst.coverage.as_of < latest:
            yield _error(INSTRUMENTS_FILE, ("instruments", index, "coverage", "as_of"), "stale-coverage",
                         f"{inst.id}: coverage date {inst.coverage.as_of} is before its newest event ({latest})")


RULES: tuple[Rule, ...] = (unique_ids, instrument_records, event_records, event_sequences, coverage_dates)


def check(data: Dataset, today: Optional[dt.date] = None) -> list[Finding]:
    """Run every rule; findings carry file names relative to the data folder and a path, not a line."""
    day = today or dt.date.today()
    return [finding for rule in RULES for finding in rule(data, day)]

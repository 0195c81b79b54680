"""Cross-record rules: what a single record's model cannot check. Each rule yields located findings."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterator
from itertools import permutations
from typing import Optional
from urllib.parse import urlsplit

from ..domain.dataset import INSTRUMENTS_FILE, STATES_FILE, Dataset
from ..domain.dates import Day, earliest, is_exact, latest
from ..domain.records import ALL, Event, Instrument
from ..domain.status import event_order, sort_events
from ..domain.vocab import Action
from ..query.suggest import suggest
from .findings import Finding, Path, Severity

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
    """Parents and prerequisites exist, dates are in order, checks name known states and are not in the future."""
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
        prerequisite = inst.prerequisite
        if prerequisite is not None and (prerequisite.instrument == inst.id or prerequisite.instrument not in data.by_id):
            yield _error(INSTRUMENTS_FILE, at + ("prerequisite", "instrument"), "unknown-instrument",
                         f"{inst.id}: prerequisite {prerequisite.instrument!r} is not another instrument of the catalog"
                         + suggest(prerequisite.instrument, data.by_id))
        for check_index, check in enumerate(inst.checks):
            where = at + ("checks", check_index)
            if check.states != ALL:
                for position, code in enumerate(check.states):
                    if code not in data.by_code:
                        yield _error(INSTRUMENTS_FILE, where + ("states", position), "unknown-state",
                                     f"{inst.id}: a check names unknown state {code!r}" + suggest(code, data.by_code))
            if earliest(check.date) > today:
                yield _error(INSTRUMENTS_FILE, where + ("date",), "future-date",
                             f"{inst.id}: check date {check.date} is in the future")
            elif latest(check.date) < inst.adopted:
                yield _error(INSTRUMENTS_FILE, where + ("date",), "date-order",
                             f"{inst.id}: check date {check.date} is before adoption {inst.adopted}")
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
    if latest(event.date) < inst.adopted:
        yield _error(STATES_FILE, at + ("date",), "before-adoption",
                     f"{_label(code, event)}: dated before the instrument was adopted ({inst.adopted})")
    for field in ("date", "effective"):
        value = getattr(event, field)
        if value is not None and earliest(value) > today and not (field == "effective" and event.action is Action.DENUNCIATION):
            yield _error(STATES_FILE, at + (field,), "future-date", f"{_label(code, event)}: {field} {value} is in the future")
    if event.action is Action.SIGNATURE:
        if not inst.signature.stage:
            yield _error(STATES_FILE, at + ("action",), "no-signature-stage",
                         f"{_label(code, event)}: {inst.id} is not open for signature (it is joined by {inst.join_without_signature})")
        elif inst.signature.open_until is not None and earliest(event.date) > inst.signature.open_until:
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
        elif mechanism.date is not None and mechanism.date < earliest(event.date):
            yield _error(STATES_FILE, at + ("mechanisms", index, "date"), "date-order",
                         f"{_label(code, event)}: mechanism {mechanism.id} accepted before the consent itself")


def event_sequences(data: Dataset, today: dt.date) -> Iterator[Finding]:
    """Per pair: no duplicates, no consent while party, no denunciation without consent.

    An act known only to its year or month may fall anywhere in it: a sequence with such acts is wrong only when no
    placement of them gives a valid one.
    """
    for state_index, state in enumerate(data.states):
        pairs: dict[str, list[Event]] = {}
        for event in state.events:
            pairs.setdefault(event.instrument, []).append(event)
        for events in pairs.values():
            if len(events) == 1 and events[0].action is not Action.DENUNCIATION:
                continue  # a lone signature or consent breaks no sequence rule (most pairs, at any scale)
            problems = _sequence_problems(sort_events(events))
            if problems and not all(is_exact(e.date) for e in events) and _some_order_fits(events):
                continue
            for event, code, text in problems.values():
                at: Path = ("states", state_index, "events", _position(state.events, event))
                yield _error(STATES_FILE, at, code, f"{_label(state.code, event)}: {text}")


MAX_ORDERED = 8
"""Pairs with more events than this that use partial dates are checked in their sorted order only."""


def _some_order_fits(events: list[Event]) -> bool:
    """Whether the pair's events, each placed anywhere in its day, month or year, can follow a valid sequence."""
    if len(events) > MAX_ORDERED:
        return False

    def allowed(order: tuple[Event, ...]) -> bool:
        for i, before in enumerate(order):
            for after in order[i + 1:]:
                if latest(after.date) < earliest(before.date):
                    return False
                if is_exact(before.date) and before.date == after.date and event_order(after) < event_order(before):
                    return False
        return True

    return any(not _sequence_problems(list(order)) for order in permutations(events) if allowed(order))


def _sequence_problems(events: list[Event]) -> dict[int, tuple[Event, str, str]]:
    """The problems of a pair's events read in the given order, keyed by the event object's identity."""
    party = False
    seen: set[tuple[Action, Day]] = set()
    problems: dict[int, tuple[Event, str, str]] = {}
    for event in events:
        key = (event.action, event.date)
        if key in seen:
            problems[id(event)] = (event, "duplicate-event", "the same event is recorded twice")
        elif event.disputed:
            pass
        elif event.action.is_consent:
            if party:
                problems[id(event)] = (event, "consent-while-party", "already party, with no denunciation in between")
            party = True
        elif event.action is Action.DENUNCIATION:
            if not party:
                problems[id(event)] = (event, "denunciation-without-consent", "a denunciation needs an earlier consent act")
            party = False
        seen.add(key)
    return problems


def _position(events: tuple[Event, ...], event: Event) -> int:
    """The index of this very event object (equal events recorded twice have different positions)."""
    return next(index for index, candidate in enumerate(events) if candidate is event)


def prerequisite_order(data: Dataset, today: dt.date) -> Iterator[Finding]:
    """Warn where a state consented to an instrument before it consented to that instrument's prerequisite.

    The treaty would not have accepted the deposit, so this almost always means the data lacks the earlier act.
    """
    for inst in data.instruments:
        if inst.prerequisite is None or inst.prerequisite.instrument not in data.by_id:
            continue
        parent = inst.prerequisite.instrument
        for state_index, state in enumerate(data.states):
            consents = [e for e in data.events_for(state.code, inst.id) if e.action.is_consent and not e.disputed]
            if not consents:
                continue
            first = sort_events(consents)[0]
            before = [e for e in data.events_for(state.code, parent) if e.action.is_consent and not e.disputed
                      and earliest(e.date) <= latest(first.date)]
            if not before:
                at: Path = ("states", state_index, "events", _position(state.events, first))
                yield _warning(STATES_FILE, at, "prerequisite-missing",
                               f"{_label(state.code, first)}: no consent to its prerequisite {parent} is recorded "
                               f"on or before it ({inst.prerequisite.article}); is an event missing?")


_IP_HOST = re.compile(r"^https?://(\d{1,3}(\.\d{1,3}){3}|\[[0-9A-Fa-f:.]+\])(:\d+)?(/|$)")


ENCYCLOPEDIAS = (
    "wikipedia.org", "wikimili.com", "piglix.com", "wikiwand.com", "wikizero.net", "worddisk.com", "friendlywiki.com",
    "popflock.com", "theinfolist.com", "absoluteastronomy.com", "knowledger.de", "abcdef.wiki", "other.wiki",
)
"""Hosts of encyclopedias and their copies: they restate facts, they do not publish them."""
PROXIES = ("translate.goog", "workers.dev", "googleweblight.com")
"""Hosts that serve other sites' pages under their own address."""


def _suspect(url: str) -> Optional[str]:
    """Why a source address cannot be the publisher's own page, or None."""
    if _IP_HOST.match(url):
        return "its host is a raw IP address"
    parts = urlsplit(url)
    if parts.path.lower().endswith(".tmp"):
        return "it names a temporary file"
    host = (parts.hostname or "").lower()
    if _under(host, ENCYCLOPEDIAS):
        return "it is an encyclopedia (or a copy of one), not the publisher of the fact"
    if _under(host, PROXIES):
        return "it is a proxy serving another site's page"
    return None


def _under(host: str, domains: tuple[str, ...]) -> bool:
    """Whether the host is one of the domains or a subdomain of one (`en.wikipedia.org`, not `notwikipedia.org`)."""
    return any(host == domain or host.endswith("." + domain) for domain in domains)


def source_addresses(data: Dataset, today: dt.date) -> Iterator[Finding]:
    """Warn on a source that cannot be a publisher's own page: a raw IP address, a `.tmp` path, an encyclopedia, a proxy."""
    for index, inst in enumerate(data.instruments):
        urls: list[tuple[Path, str]] = [
            (("instruments", index, "sources", n), url) for n, url in enumerate(inst.sources)
        ]
        urls += [(("instruments", index, "checks", n, "source"), c.source) for n, c in enumerate(inst.checks)]
        for path, url in urls:
            reason = _suspect(url)
            if reason:
                yield _warning(INSTRUMENTS_FILE, path, "suspect-source", f"{inst.id}: source {url} is suspect: {reason}")
    for state_index, state in enumerate(data.states):
        for n, url in enumerate(state.oas.sources):
            reason = _suspect(url)
            if reason:
                yield _warning(STATES_FILE, ("states", state_index, "oas", "sources", n), "suspect-source",
                               f"{state.code}: source {url} is suspect: {reason}")
        for event_index, event in enumerate(state.events):
            reason = _suspect(event.source)
            if reason:
                yield _warning(STATES_FILE, ("states", state_index, "events", event_index, "source"), "suspect-source",
                               f"{_label(state.code, event)}: source {event.source} is suspect: {reason}")


RULES: tuple[Rule, ...] = (
    unique_ids, instrument_records, event_records, event_sequences, prerequisite_order, source_addresses
)


def check(data: Dataset, today: Optional[dt.date] = None) -> list[Finding]:
    """Run every rule; findings carry file names relative to the data folder and a path, not a line."""
    day = today or dt.date.today()
    return [finding for rule in RULES for finding in rule(data, day)]

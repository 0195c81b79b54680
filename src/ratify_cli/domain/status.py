"""The status engine: one status per (state, instrument) as of a date, derived from events. Pure, no I/O."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Iterable
from enum import Enum
from typing import NamedTuple, Optional

from msgspec import Struct

from .dates import Day, earliest, is_exact, latest, span
from .records import Check, EntryIntoForce, Event, Instrument
from .vocab import Action


class Status(str, Enum):
    """Where a state stands with an instrument on a date."""

    PARTY = "party"
    PENDING = "pending"
    SIGNED = "signed"
    DENOUNCED = "denounced"
    NONE = "none"
    UNKNOWN = "unknown"
    NOT_ADOPTED = "not-adopted"
    """The instrument did not exist yet on the date: there is nothing to report and no gap."""

    @property
    def is_gap(self) -> bool:
        """Whether the state still has a step to take (or may have: unknown)."""
        return self in GAP_STATUSES


GAP_STATUSES = frozenset({Status.SIGNED, Status.DENOUNCED, Status.NONE, Status.UNKNOWN})


class NextStep(str, Enum):
    """What a state not yet party would do next."""

    SIGN = "sign"
    RATIFY = "ratify"
    ACCEDE = "accede"
    RE_ACCEDE = "re-accede"


# Same-day events apply in this order: a signature and a ratification deposited together leave a party, and
# a denunciation with a re-accession on the same day (a reservation added that way) leaves a party too.
_DAY_ORDER = {
    Action.SIGNATURE: 0,
    Action.SIGNATURE_WITHDRAWN: 1,
    Action.DENUNCIATION: 2,
    Action.DEFINITIVE_SIGNATURE: 3,
    Action.RATIFICATION: 3,
    Action.ACCESSION: 3,
    Action.ACCEPTANCE: 3,
    Action.APPROVAL: 3,
    Action.SUCCESSION: 3,
}


class NoteCode(str, Enum):
    """Why a status needs a remark; the words for people live in the text modules, not here."""

    DISPUTED = "disputed-not-counted"
    """A disputed act is shown but not counted (params: action, date)."""
    NOTICE_GIVEN = "denunciation-notified"
    """A denunciation was notified and takes effect later (params: date, effective)."""
    UNCHECKED = "not-checked"
    """No complete source covers the state: later actions may be missing (no params)."""
    UNCERTAIN_DATE = "date-uncertain"
    """An act known only to the year or month may or may not have happened or taken effect by the date (params:
    action, date)."""


class Note(Struct, frozen=True):
    """A remark on a status: a code and the values its wording needs."""

    code: NoteCode
    action: Optional[Action] = None
    date: Optional[Day] = None
    effective: Optional[Day] = None


class PairStatus(Struct, frozen=True):
    """The derived status of one state with one instrument as of a date, with the facts behind it."""

    state: str
    instrument: str
    as_of: dt.date
    status: Status
    signed: Optional[Day] = None
    consented: Optional[Day] = None
    consent_action: Optional[Action] = None
    in_force: Optional[Day] = None
    denounced: Optional[Day] = None
    """The date a denunciation took effect (status denounced), or will (notice given, still party)."""
    next_step: Optional[NextStep] = None
    prerequisite: Optional[str] = None
    """The instrument the state must join first (its final clauses require it), when the state has not."""
    source: Optional[str] = None
    secondary: Optional[bool] = None
    """Whether the fact behind the status rests on a secondary source (None when there is no such fact)."""
    checked: Optional[Day] = None
    """The date of the newest complete source that covers the state (None: no source ever did)."""
    reservations: Optional[bool] = None
    declarations: Optional[bool] = None
    mechanisms: tuple[str, ...] = ()
    notes: tuple[Note, ...] = ()


def sort_events(events: Iterable[Event]) -> list[Event]:
    """Events in the order they happened, same-day acts in the order the rules apply them; file order never matters."""
    return sorted(events, key=event_order)


def event_order(e: Event) -> tuple[object, ...]:
    """The sort key of an event: its first possible day, then the same-day order of the rules, then the rest."""
    effective = e.effective or e.date
    return (earliest(e.date), _DAY_ORDER[e.action], e.action.value, latest(e.date), earliest(effective),
            latest(effective), e.source, e.note or "")


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def state_entry_into_force(instrument: Instrument, action: Action, deposit: dt.date) -> Optional[dt.date]:
    """When a consent deposited on `deposit` takes effect for the state: never before the instrument; None if unknown."""
    if instrument.in_force is None:
        return None
    if action is Action.SUCCESSION:
        # A successor state is bound without a waiting period from the date it notifies (or earlier).
        return max(instrument.in_force, deposit)
    rule = instrument.entry_into_force
    if rule is None:
        return instrument.in_force if deposit <= instrument.in_force else None
    return max(instrument.in_force, apply_rule(rule, deposit))


def apply_rule(rule: EntryIntoForce, deposit: dt.date) -> dt.date:
    """A deposit date moved on by an entry-into-force rule."""
    day = add_months(deposit, rule.months_after) + dt.timedelta(days=rule.days_after)
    if rule.first_of_following_month:
        day = add_months(day.replace(day=1), 1)
    return day


def denunciation_effective(instrument: Instrument, notified: dt.date) -> dt.date:
    """When a denunciation notified on a day takes effect: after the instrument's notice period, if it has one."""
    period = instrument.denunciation
    if period is None:
        return notified
    day = add_months(notified, period.months)
    if period.first_of_following_month:
        day = add_months(day.replace(day=1), 1)
    return day


class _Act(NamedTuple):
    """An event read under one resolution of its dates (each partial date at its first or its last day)."""

    event: Event
    date: dt.date
    effective: dt.date


class _Derived(NamedTuple):
    """What the events say under one resolution."""

    status: Status
    signed: Optional[Event]
    consent: Optional[Event]
    ended: Optional[_Act]
    """The denunciation that took effect (denounced), or the one notified and not yet effective (party, pending)."""
    in_force: Optional[dt.date]
    disputed: tuple[Event, ...]


def _resolve(instrument: Instrument, events: Iterable[Event], pick: Callable[[Day], dt.date]) -> list[_Act]:
    acts = []
    for event in events:
        day = pick(event.date)
        if event.effective is not None:
            effective = pick(event.effective)
        elif event.action is Action.DENUNCIATION:
            effective = denunciation_effective(instrument, day)
        else:
            effective = day
        acts.append(_Act(event, day, effective))
    acts.sort(key=lambda act: (act.date, _DAY_ORDER[act.event.action], act.effective, event_order(act.event)))
    return acts


def _derive(instrument: Instrument, acts: list[_Act], as_of: dt.date) -> _Derived:
    signed: Optional[Event] = None
    consent: Optional[_Act] = None
    ended: Optional[_Act] = None
    disputed: list[Event] = []
    for act in acts:
        event = act.event
        if act.date > as_of:
            break
        if event.disputed:
            disputed.append(event)
        elif event.action is Action.SIGNATURE:
            signed = event
        elif event.action is Action.SIGNATURE_WITHDRAWN:
            signed = None
        elif event.action.is_consent:
            consent, ended = act, None
            if event.action is Action.DEFINITIVE_SIGNATURE:
                signed = event
        elif event.action is Action.DENUNCIATION and consent is not None:
            ended = act
            if act.effective <= as_of:
                consent = None
    if consent is not None:
        in_force = state_entry_into_force(instrument, consent.event.action, consent.date)
        party = (in_force is not None and in_force <= as_of) or (
            # in force, but the day it took effect for this state is not recorded
            in_force is None and instrument.in_force is not None and instrument.in_force <= as_of
        )
        status = Status.PARTY if party else Status.PENDING
        return _Derived(status, signed, consent.event, ended, in_force, tuple(disputed))
    if ended is not None:
        return _Derived(Status.DENOUNCED, signed, None, ended, None, tuple(disputed))
    status = Status.SIGNED if signed is not None else Status.NONE
    return _Derived(status, signed, None, None, None, tuple(disputed))


def _same(a: Optional[dt.date], b: Optional[dt.date]) -> Optional[Day]:
    """One derived date from the two resolutions: itself when they agree, else the month or year spanning both."""
    if a is None or b is None:
        return None
    return span(min(a, b), max(a, b))


def pair_status(
    instrument: Instrument,
    state: str,
    events: Iterable[Event],
    as_of: dt.date,
    prerequisite_joined: bool = True,
) -> PairStatus:
    """Derive the status of `state` with `instrument` as of `as_of` from its events (any order).

    A date known only to the year or month stands for every day in it: the events are read twice, each such date at
    its first and at its last day; where the two readings disagree on the status, it is `unknown` as of that date.
    `prerequisite_joined` is False when the state has not joined the instrument's prerequisite by the date.
    """
    if as_of < instrument.adopted:
        return PairStatus(state=state, instrument=instrument.id, as_of=as_of, status=Status.NOT_ADOPTED)
    events = sort_events(e for e in events if earliest(e.date) <= as_of)
    check = instrument.latest_check(state)
    early = _derive(instrument, _resolve(instrument, events, earliest), as_of)
    partial = [e for e in events if not is_exact(e.date) or (e.effective is not None and not is_exact(e.effective))]
    late = _derive(instrument, _resolve(instrument, events, latest), as_of) if partial else early
    notes = [Note(NoteCode.DISPUTED, action=e.action, date=e.date) for e in early.disputed]
    checked = check.date if check is not None else None
    if early.status is not late.status:
        notes += [Note(NoteCode.UNCERTAIN_DATE, action=e.action, date=e.date) for e in partial]
        return PairStatus(state=state, instrument=instrument.id, as_of=as_of, status=Status.UNKNOWN,
                          checked=checked, notes=_unique(notes))
    return _status(instrument, state, as_of, early, late, check, prerequisite_joined, notes)


def _unique(notes: list[Note]) -> tuple[Note, ...]:
    return tuple(dict.fromkeys(notes))


def _status(
    instrument: Instrument, state: str, as_of: dt.date, early: _Derived, late: _Derived, check: Optional[Check],
    prerequisite_joined: bool, notes: list[Note],
) -> PairStatus:
    status = early.status
    signed = early.signed.date if early.signed is not None else None
    checked = check.date if check is not None else None
    prerequisite = None
    if status.is_gap and not prerequisite_joined and instrument.prerequisite is not None:
        prerequisite = instrument.prerequisite.instrument
    if status in (Status.PARTY, Status.PENDING):
        consent = early.consent
        assert consent is not None
        denounced = None
        if early.ended is not None and late.ended is not None:
            denounced = early.ended.event.effective or _same(early.ended.effective, late.ended.effective)
            notes.append(Note(NoteCode.NOTICE_GIVEN, date=early.ended.event.date, effective=denounced))
        accepted = tuple(m.id for m in consent.mechanisms if m.date is None or m.date <= as_of)
        return PairStatus(
            state=state, instrument=instrument.id, as_of=as_of, status=status, signed=signed,
            consented=consent.date, consent_action=consent.action, in_force=_same(early.in_force, late.in_force),
            denounced=denounced, source=consent.source, secondary=consent.secondary, checked=checked,
            reservations=consent.reservations, declarations=consent.declarations, mechanisms=accepted,
            notes=_unique(notes),
        )
    if check is None and status is not Status.NONE:
        notes.append(Note(NoteCode.UNCHECKED))
    if status is Status.DENOUNCED:
        assert early.ended is not None and late.ended is not None
        step = NextStep.RATIFY if instrument.join_without_signature == "ratify" else NextStep.RE_ACCEDE
        ended = early.ended.event
        return PairStatus(
            state=state, instrument=instrument.id, as_of=as_of, status=status, signed=signed,
            denounced=ended.effective or _same(early.ended.effective, late.ended.effective), next_step=step,
            prerequisite=prerequisite, source=ended.source, secondary=ended.secondary, checked=checked,
            notes=_unique(notes),
        )
    if status is Status.SIGNED:
        assert early.signed is not None
        return PairStatus(
            state=state, instrument=instrument.id, as_of=as_of, status=status, signed=signed,
            next_step=NextStep.RATIFY, prerequisite=prerequisite, source=early.signed.source,
            secondary=early.signed.secondary, checked=checked, notes=_unique(notes),
        )
    if check is None:
        return PairStatus(state=state, instrument=instrument.id, as_of=as_of, status=Status.UNKNOWN,
                          notes=_unique(notes))
    return PairStatus(
        state=state, instrument=instrument.id, as_of=as_of, status=Status.NONE, next_step=first_step(instrument, as_of),
        prerequisite=prerequisite, source=check.source, secondary=check.secondary, checked=check.date,
        notes=_unique(notes),
    )


def first_step(instrument: Instrument, as_of: dt.date) -> NextStep:
    """The next step for a state that has done nothing: sign while signature is open, else accede/ratify."""
    rules = instrument.signature
    if rules.stage and (rules.open_until is None or as_of <= rules.open_until):
        return NextStep.SIGN
    return NextStep.RATIFY if instrument.join_without_signature == "ratify" else NextStep.ACCEDE

"""The status engine: one status per (state, instrument) as of a date, derived from events. Pure, no I/O."""

from __future__ import annotations

import calendar
import datetime as dt
from enum import Enum
from typing import Iterable, Optional

from .frozen import frozen
from .records import EntryIntoForce, Event, Instrument
from .vocab import Action


class Status(str, Enum):
    """Where a state stands with an instrument on a date."""

    PARTY = "party"
    PENDING = "pending"
    SIGNED = "signed"
    DENOUNCED = "denounced"
    NONE = "none"
    UNKNOWN = "unknown"

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


@frozen
class PairStatus:
    """The derived status of one state with one instrument as of a date, with the facts behind it."""

    state: str
    instrument: str
    as_of: dt.date
    status: Status
    signed: Optional[dt.date] = None
    consented: Optional[dt.date] = None
    consent_action: Optional[Action] = None
    in_force: Optional[dt.date] = None
    denounced: Optional[dt.date] = None
    """The date a denunciation took effect (status denounced), or will (notice given, still party)."""
    next_step: Optional[NextStep] = None
    source: Optional[str] = None
    reservations: Optional[bool] = None
    declarations: Optional[bool] = None
    mechanisms: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


def sort_events(events: Iterable[Event]) -> list[Event]:
    """Events in the order they happened; the order in the file never matters."""
    return sorted(events, key=lambda e: (e.date, _DAY_ORDER[e.action], e.effective or e.date, e.source, e.note or ""))


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def state_entry_into_force(instrument: Instrument, consent: Event) -> Optional[dt.date]:
    """When a consent takes effect for the state: never before the instrument itself; None if not known."""
    if instrument.in_force is None:
        return None
    if consent.action is Action.SUCCESSION:
        # A successor state is bound without a waiting period from the date it notifies (or earlier).
        return max(instrument.in_force, consent.date)
    rule = instrument.entry_into_force
    if rule is None:
        return instrument.in_force if consent.date <= instrument.in_force else None
    return max(instrument.in_force, apply_rule(rule, consent.date))


def apply_rule(rule: EntryIntoForce, deposit: dt.date) -> dt.date:
    """A deposit date moved on by an entry-into-force rule."""
    day = add_months(deposit, rule.months_after) + dt.timedelta(days=rule.days_after)
    if rule.first_of_following_month:
        day = add_months(day.replace(day=1), 1)
    return day


def pair_status(
    instrument: Instrument, state: str, events: Iterable[Event], as_of: dt.date
) -> PairStatus:
    """Derive the status of `state` with `instrument` as of `as_of` from its events (any order)."""
    signed: Optional[Event] = None
    withdrawn = False
    consent: Optional[Event] = None
    denunciation: Optional[Event] = None  # the last one that took effect
    notice: Optional[Event] = None  # a denunciation notified but not yet effective
    notes: list[str] = []
    for event in sort_events(events):
        if event.date > as_of:
            break
        if event.disputed:
            notes.append(f"disputed {event.action.value} of {event.date.isoformat()} not counted")
            continue
        if event.action is Action.SIGNATURE:
            signed, withdrawn = event, False
        elif event.action is Action.SIGNATURE_WITHDRAWN:
            withdrawn = True
        elif event.action.is_consent:
            consent, notice = event, None
            if event.action is Action.DEFINITIVE_SIGNATURE:
                signed, withdrawn = event, False
        elif event.action is Action.DENUNCIATION and consent is not None:
            if (event.effective or event.date) <= as_of:
                denunciation, consent, notice = event, None, None
            else:
                notice = event

    base = dict(
        state=state,
        instrument=instrument.id,
        as_of=as_of,
        signed=signed.date if signed and not withdrawn else None,
    )
    if consent is not None:
        in_force = state_entry_into_force(instrument, consent)
        status = Status.PARTY if in_force is not None and in_force <= as_of else Status.PENDING
        if in_force is None and instrument.in_force is not None and instrument.in_force <= as_of:
            status = Status.PARTY  # in force, but the day it took effect for this state is not recorded
        if notice is not None:
            notes.append(
                f"denunciation notified {notice.date.isoformat()}, effective {(notice.effective or notice.date).isoformat()}"
            )
        accepted = tuple(m.id for m in consent.mechanisms if m.date is None or m.date <= as_of)
        return PairStatus(
            **base,
            status=status,
            consented=consent.date,
            consent_action=consent.action,
            in_force=in_force,
            denounced=(notice.effective or notice.date) if notice else None,
            source=consent.source,
            reservations=consent.reservations,
            declarations=consent.declarations,
            mechanisms=accepted,
            notes=tuple(notes),
        )
    confirmed = instrument.coverage.is_confirmed(state)
    if not confirmed and (denunciation or signed):
        notes.append(f"coverage incomplete: later actions may be missing (checked to {instrument.coverage.as_of})")
    if denunciation is not None:
        step = NextStep.RATIFY if instrument.join_without_signature == "ratify" else NextStep.RE_ACCEDE
        return PairStatus(
            **base,
            status=Status.DENOUNCED,
            denounced=denunciation.effective or denunciation.date,
            next_step=step,
            source=denunciation.source,
            notes=tuple(notes),
        )
    if signed is not None and not withdrawn:
        return PairStatus(**base, status=Status.SIGNED, next_step=NextStep.RATIFY, source=signed.source, notes=tuple(notes))
    if not confirmed:
        return PairStatus(**base, status=Status.UNKNOWN, source=instrument.coverage.source, notes=tuple(notes))
    return PairStatus(
        **base,
        status=Status.NONE,
        next_step=first_step(instrument, as_of),
        source=instrument.coverage.source,
        notes=tuple(notes),
    )


def first_step(instrument: Instrument, as_of: dt.date) -> NextStep:
    """The next step for a state that has done nothing: sign while signature is open, else accede/ratify."""
    rules = instrument.signature
    if rules.stage and (rules.open_until is None or as_of <= rules.open_until):
        return NextStep.SIGN
    return NextStep.RATIFY if instrument.join_without_signature == "ratify" else NextStep.ACCEDE

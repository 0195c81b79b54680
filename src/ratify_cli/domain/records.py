"""The validated data as typed frozen records (msgspec Structs): what commands compute with and the cache stores.

Each class mirrors the pydantic model of the same name in `models.py` field for field (a test keeps them in step);
the models validate the YAML and document every field, the records carry the result without needing pydantic, so
a command that reads the cache starts fast. Records hold no cycles, so the garbage collector does not track them
(`gc=False`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Optional, Union

from msgspec import Struct

from .dates import Day, earliest, latest
from .vocab import Action, Subregion, System

CHARTER_IN_FORCE = dt.date(1951, 12, 13)
"""The OAS Charter (A-41) entered into force on 13 December 1951."""


class Check(Struct, frozen=True, gc=False):
    """See models.Check."""

    date: Day
    source: str
    states: Union[str, tuple[str, ...]]
    secondary: bool = False
    note: Optional[str] = None

    def covers(self, state: str) -> bool:
        """Whether this reading listed `state`'s every action up to its date."""
        return self.states == ALL or state in self.states


ALL = "all"
"""A check's `states` when it covers every state of the data."""


class Prerequisite(Struct, frozen=True, gc=False):
    """See models.Prerequisite."""

    instrument: str
    article: str
    note: Optional[str] = None


class NoticePeriod(Struct, frozen=True, gc=False):
    """See models.NoticePeriod."""

    months: int
    first_of_following_month: bool = False
    article: str = ""


class EntryIntoForce(Struct, frozen=True, gc=False):
    """See models.EntryIntoForce."""

    months_after: int = 0
    days_after: int = 0
    first_of_following_month: bool = False
    article: str = ""


class SignatureRules(Struct, frozen=True, gc=False):
    """See models.SignatureRules."""

    stage: bool
    open_until: Optional[dt.date] = None
    article: Optional[str] = None


class Mechanism(Struct, frozen=True, gc=False):
    """See models.Mechanism."""

    id: str
    name: str
    article: str


class Instrument(Struct, frozen=True, gc=False):
    """See models.Instrument."""

    id: str
    short_name: str
    title_en: str
    title_es: Optional[str]
    system: System
    depositary: str
    reference: str
    adopted: dt.date
    adopted_place: str
    in_force: Optional[dt.date]
    entry_into_force: Optional[EntryIntoForce]
    signature: SignatureRules
    join_without_signature: str
    parent: Optional[str]
    topics: tuple[str, ...]
    mechanisms: tuple[Mechanism, ...]
    status_url: str
    sources: tuple[str, ...]
    checks: tuple[Check, ...] = ()
    prerequisite: Optional[Prerequisite] = None
    denunciation: Optional[NoticePeriod] = None
    note: Optional[str] = None

    def latest_check(self, state: str) -> Optional[Check]:
        """The newest check that covers `state` (None when no check ever did)."""
        return _newest(check for check in self.checks if check.covers(state))

    def newest_check(self) -> Optional[Check]:
        """The newest check of the instrument, whichever states it covers (None when there is none)."""
        return _newest(self.checks)


def _newest(checks: Iterable[Check]) -> Optional[Check]:
    """The check whose date ends last (a date known only to its year ends on 31 December)."""
    return max(checks, key=lambda check: (latest(check.date), earliest(check.date)), default=None)


class MechanismAcceptance(Struct, frozen=True, gc=False):
    """See models.MechanismAcceptance."""

    id: str
    date: Optional[dt.date]
    source: str
    note: Optional[str] = None


class Event(Struct, frozen=True, gc=False):
    """See models.Event."""

    instrument: str
    action: Action
    date: Day
    effective: Optional[Day] = None
    source: str = ""
    secondary: bool = False
    reservations: Optional[bool] = None
    declarations: Optional[bool] = None
    mechanisms: tuple[MechanismAcceptance, ...] = ()
    excluded_annexes: tuple[str, ...] = ()
    disputed: bool = False
    note: Optional[str] = None


class Episode(Struct, frozen=True, gc=False):
    """See models.Episode."""

    kind: str
    start: dt.date
    end: Optional[dt.date]
    source: str
    note: Optional[str] = None


class Membership(Struct, frozen=True, gc=False):
    """See models.Membership."""

    joined: Optional[dt.date]
    joined_year: Optional[int]
    withdrawal_notified: Optional[dt.date]
    left: Optional[dt.date]
    episodes: tuple[Episode, ...]
    sources: tuple[str, ...]
    notes: tuple[str, ...] = ()

    def is_member(self, on: dt.date) -> bool:
        """Whether the state is an OAS member on a date (suspension does not end membership).

        With only the year known, the state counts from the next 1 January; with neither day nor year known (a
        1948 signatory whose deposit date is unconfirmed), from the Charter's entry into force, 13 Dec 1951.
        """
        if self.joined is not None:
            joined = on >= self.joined
        elif self.joined_year is not None:
            joined = on.year > self.joined_year
        else:
            joined = on >= CHARTER_IN_FORCE
        return joined and (self.left is None or on < self.left)


class State(Struct, frozen=True, gc=False):
    """See models.State."""

    code: str
    name_en: str
    name_es: str
    subregion: Subregion
    oas: Membership
    events: tuple[Event, ...] = ()


RECORDS = {cls.__name__: cls for cls in (Check, Prerequisite, NoticePeriod, EntryIntoForce, SignatureRules, Mechanism, Instrument,
                                         MechanismAcceptance, Event, Episode, Membership, State)}
"""Record class by model name, for converting validated models."""

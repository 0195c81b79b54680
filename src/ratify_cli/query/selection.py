"""What a command looks at (a Selection) and the records it names, filtered; the status of each pair."""

from __future__ import annotations

import datetime as dt
from typing import Optional

from msgspec import Struct

from ..domain.dataset import Dataset
from ..domain.records import Instrument, State
from ..domain.status import PairStatus, Status, pair_status
from ..domain.vocab import Subregion, System
from ..errors import UsageError
from . import lookup
from .suggest import suggest


class Selection(Struct, frozen=True):
    """Which states and instruments a command looks at, and as of when."""

    as_of: dt.date
    states: tuple[str, ...] = ()
    instruments: tuple[str, ...] = ()
    system: Optional[System] = None
    topic: Optional[str] = None
    subregion: Optional[Subregion] = None
    members_only: bool = True


def find_state(data: Dataset, code: str) -> State:
    """A state by its code (any case); UsageError with a suggestion when unknown (see lookup.py)."""
    return lookup.find_state(data, code)


def find_instrument(data: Dataset, ident: str) -> Instrument:
    """An instrument by id or reference (any case); UsageError with a suggestion when unknown (see lookup.py)."""
    return lookup.find_instrument(data, ident)


def select_instruments(data: Dataset, sel: Selection) -> list[Instrument]:
    """Instruments named, or all, filtered by system and topic, in catalog order."""
    chosen = [find_instrument(data, i) for i in sel.instruments] if sel.instruments else list(data.instruments)
    if sel.system is not None:
        chosen = [i for i in chosen if i.system is sel.system]
    if sel.topic is not None:
        topics = {t for i in data.instruments for t in i.topics}
        if sel.topic not in topics:
            raise UsageError(f"unknown topic {sel.topic!r}{suggest(sel.topic, topics)}; topics: {', '.join(sorted(topics))}")
        chosen = [i for i in chosen if sel.topic in i.topics]
    return chosen


def select_states(data: Dataset, sel: Selection) -> list[State]:
    """States named (always kept), or the members as of the date (or all), filtered by subregion."""
    if sel.states:
        chosen = [find_state(data, code) for code in sel.states]
    else:
        chosen = [s for s in data.states if not sel.members_only or s.oas.is_member(sel.as_of)]
    if sel.subregion is not None:
        chosen = [s for s in chosen if s.subregion is sel.subregion]
    return sorted(chosen, key=lambda s: s.code)


def compute(data: Dataset, state: State, inst: Instrument, as_of: dt.date) -> PairStatus:
    """The status of one pair, knowing whether the state had joined the instrument's prerequisite by then."""
    joined = True
    if inst.prerequisite is not None and inst.prerequisite.instrument in data.by_id:
        parent = data.by_id[inst.prerequisite.instrument]
        parent_status = pair_status(parent, state.code, data.events_for(state.code, parent.id), as_of).status
        joined = parent_status not in (Status.NONE, Status.SIGNED, Status.DENOUNCED, Status.NOT_ADOPTED)
    return pair_status(inst, state.code, data.events_for(state.code, inst.id), as_of, prerequisite_joined=joined)


def counted(ps: PairStatus) -> bool:
    """Whether a pair counts in 'party to N of M' denominators (an instrument not adopted yet does not)."""
    return ps.status is not Status.NOT_ADOPTED

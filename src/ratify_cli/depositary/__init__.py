"""Depositary status pages: fetching them, parsing each depositary's table, and comparing with the data."""

from __future__ import annotations

import datetime as dt
from typing import Optional

from msgspec import Struct, field

from ..domain.vocab import Action


class PageError(Exception):
    """A page could not be used: wrong treaty, unexpected layout, truncated, or not fetched."""


class ParsedEvent(Struct, frozen=True):
    """One action of one state as a depositary's page shows it."""

    state: str
    action: Action
    date: dt.date
    effective: Optional[dt.date] = None
    excluded_annexes: tuple[str, ...] = ()
    note: Optional[str] = None


class ParsedPage(Struct, frozen=True):
    """What a depositary page says about the states in scope."""

    url: str
    instrument: str
    events: tuple[ParsedEvent, ...]
    covers: frozenset[Action]
    """The actions this kind of page lists (a UN table shows no denunciations, NORMLEX shows no signatures)."""
    status_as_of: Optional[dt.date] = None
    """The page's own 'status as at' date, where it gives one."""
    ignored: tuple[str, ...] = field(default=())
    """Rows read but not used (participants in brackets, unknown codes), for the report."""
    unknown: tuple[str, ...] = field(default=())
    """Rows whose participant name is not known ('row 12: Xyz'): never dropped silently, always reported."""
    doubtful: tuple[str, ...] = field(default=())
    """Cells that could be read two ways ('row 3, Argentina: 05/06/98 is 6 May or 5 Jun 1998'), reported, not guessed."""
    listed: frozenset[str] = field(default=frozenset())
    """The states in scope that have a row on the page."""
    skipped: frozenset[str] = field(default=frozenset())
    """The states whose row could not be read in full: the page says nothing about them."""

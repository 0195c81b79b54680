"""Dates known to the day, the month or the year (ISO 8601 reduced precision, EDTF level 0), and their bounds.

A date known to the day is a plain `datetime.date`, as it always was; only a date known to the month or the year is a
`PartialDate`. Both answer `isoformat()` with exactly the precision that was recorded, and `earliest`/`latest` give
the first and last day it can stand for, which is what every rule that compares dates uses.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Optional, Union

from msgspec import Struct

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?\Z")


class PartialDate(Struct, frozen=True, tag=True, gc=False):
    """A date known only to the year (`1934`) or to the month (`1934-06`); the cache stores it tagged."""

    year: int
    month: Optional[int] = None

    def __post_init__(self) -> None:
        if not 1 <= self.year <= 9999 or (self.month is not None and not 1 <= self.month <= 12):
            raise ValueError(f"no such year or month: {self.year}-{self.month}")

    @property
    def first(self) -> dt.date:
        """The first day it can stand for."""
        return dt.date(self.year, self.month or 1, 1)

    @property
    def last(self) -> dt.date:
        """The last day it can stand for."""
        month = self.month or 12
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def isoformat(self) -> str:
        """`YYYY` or `YYYY-MM`: never padded to a day."""
        return f"{self.year:04d}" if self.month is None else f"{self.year:04d}-{self.month:02d}"

    def __str__(self) -> str:
        return self.isoformat()

    def __repr__(self) -> str:
        return f"PartialDate({self.isoformat()!r})"


Day = Union[dt.date, PartialDate]
"""A recorded date: a calendar day, or a month or year where the day is not known."""


def parse(text: str) -> Day:
    """`YYYY-MM-DD`, `YYYY-MM` or `YYYY` as a Day; ValueError for anything else (`1990-13`, `1990-02-30`)."""
    match = _ISO.match(text)
    if match is None:
        raise ValueError(f"{text!r} is not a date written YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = match.groups()
    try:
        if day is not None:
            return dt.date(int(year), int(month), int(day))
        return PartialDate(int(year), int(month) if month is not None else None)
    except ValueError:
        raise ValueError(f"{text!r} is not a calendar date") from None


def earliest(day: Day) -> dt.date:
    """The first day a recorded date can stand for."""
    return day.first if isinstance(day, PartialDate) else day


def latest(day: Day) -> dt.date:
    """The last day a recorded date can stand for."""
    return day.last if isinstance(day, PartialDate) else day


def is_exact(day: Day) -> bool:
    """Whether the date is known to the day."""
    return not isinstance(day, PartialDate)


def span(first: dt.date, last: dt.date) -> Optional[Day]:
    """The most precise recorded date that contains both days: the day, their month or their year (None if neither)."""
    if first == last:
        return first
    if first.year != last.year:
        return None
    return PartialDate(first.year, first.month) if first.month == last.month else PartialDate(first.year)

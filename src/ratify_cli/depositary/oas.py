"""The OAS Department of International Law signatories page, English or Spanish: mm/dd/yy dates, RA/AC/AD codes."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Optional

from ..domain.vocab import Action
from . import PageError, ParsedEvent, ParsedPage
from .html import fold, row_cells, soup
from .names import NameIndex

CODES = {"RA": Action.RATIFICATION, "AC": Action.ACCEPTANCE, "AD": Action.ACCESSION}
CELL = re.compile(r"^(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4}|\d{2})(?:\s*(RA|AC|AD))?$")
EMPTY = re.compile(r"^[\s\-\u2013\u2014/_.]*$")
"""Cells with no act: empty, `-`, `/  /`, `--/--/--`."""
SIGNATURE = ("signature", "firma")
DEPOSIT = ("deposit",)  # also matches the Spanish `deposito` once folded
COUNTRY = ("countr", "pais", "estado", "state")
Raw = tuple[int, int, int, Optional[str]]


class Doubtful(Exception):
    """A date that reads as two different days."""


def two_digit_year(year: int) -> int:
    """OAS tables write years with two digits: 46-99 are 1946-1999 (the OAS Charter is of 1948), 00-45 are 20xx."""
    return 1900 + year if year >= 46 else 2000 + year


def _raw(text: str) -> Optional[Raw]:
    """(first number, second number, year, code) of a date cell; None for an empty cell."""
    if EMPTY.match(text):
        return None
    match = CELL.match(text.strip())
    if not match:
        raise PageError(f"unrecognised date cell {text!r} (expected mm/dd/yy or mm/dd/yyyy)")
    year = int(match.group(3))
    return int(match.group(1)), int(match.group(2)), two_digit_year(year) if year < 100 else year, match.group(4)


def _date(year: int, month: int, day: int) -> Optional[dt.date]:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def day_first(dates: list[Raw]) -> Optional[bool]:
    """The page's order: False for mm/dd (the OAS's own), True when every date that reads only one way is dd/mm,
    None when the page mixes both."""
    month_first = any(_date(y, a, b) and not _date(y, b, a) for a, b, y, _ in dates)
    days_first = any(_date(y, b, a) and not _date(y, a, b) for a, b, y, _ in dates)
    if days_first:
        return None if month_first else True
    return False


def read_date(raw: Raw, order: Optional[bool]) -> dt.date:
    """The date of a cell in the page's order; on a page that mixes orders a date that reads both ways is Doubtful."""
    first, second, year, _ = raw
    as_mmdd, as_ddmm = _date(year, first, second), _date(year, second, first)
    if as_mmdd is None and as_ddmm is None:
        raise PageError(f"impossible date {first:02d}/{second:02d}/{year}")
    if order is None and as_mmdd and as_ddmm and as_mmdd != as_ddmm:
        raise Doubtful(f"{as_mmdd:%d %b %Y} or {as_ddmm:%d %b %Y}")
    preferred = as_ddmm if order else as_mmdd
    return preferred or as_mmdd or as_ddmm  # type: ignore[return-value]


def _table(page: Any) -> Any:  # (table, header row index, headers)
    for table in page.find_all("table"):
        for index, row in enumerate(table.find_all("tr")[:3]):
            headers = [fold(text) for text in row_cells(row)]
            if any(s in h for h in headers for s in SIGNATURE) and any(d in h for h in headers for d in DEPOSIT):
                return table, index, headers
    raise PageError("unexpected layout: no table with SIGNATURE (FIRMA) and DEPOSIT (DEPOSITO) columns")


def _column(headers: list[str], stems: tuple[str, ...]) -> Optional[int]:
    return next((i for i, h in enumerate(headers) if any(s in h for s in stems)), None)


def parse(text: str, *, url: str, instrument: str, reference: str, names: NameIndex) -> ParsedPage:
    """Read the signatories table of one OAS treaty page."""
    page = soup(text)
    table, header_index, headers = _table(page)
    before = " ".join(" ".join(reversed(table.find_all_previous(string=True))).split())
    if not re.search(rf"(?<![\w-]){re.escape(reference)}(?![\w-])", before, re.I):
        codes = sorted(set(re.findall(r"\b[A-D]-\d{1,3}\b", before)))
        raise PageError(f"the page is for {', '.join(codes) or 'another treaty'}, not {reference}")
    country_col = _column(headers, COUNTRY) or 0
    signature_col, deposit_col = _column(headers, SIGNATURE), _column(headers, DEPOSIT)
    assert signature_col is not None and deposit_col is not None
    rows = [(number, row_cells(row)) for number, row in enumerate(table.find_all("tr")[header_index + 1:], start=header_index + 2)]
    rows = [(number, cells) for number, cells in rows if len(cells) > 1 and cells[country_col] and not EMPTY.match(cells[country_col])]
    needed = max(country_col, signature_col, deposit_col) + 1
    dates: list[Raw] = []
    for number, cells in rows:
        if len(cells) < needed:
            raise PageError(f"unexpected layout: row {number} has {len(cells)} cells, the header {len(headers)}")
        dates.extend(_raw(cell) for i, cell in enumerate(cells) if i != country_col and CELL.match(cell.strip()))  # type: ignore[misc]
    order = day_first(dates)
    events: list[ParsedEvent] = []
    ignored: list[str] = []
    unknown: list[str] = []
    doubtful: list[str] = []
    listed: set[str] = set()
    skipped: set[str] = set()
    for number, cells in rows:
        name = cells[country_col]
        code = names.code(name)
        if code is None:
            if names.known(name):
                ignored.append(f"{name}: not a state in scope")
            else:
                unknown.append(f"row {number}: {name!r}")
            continue
        listed.add(code)
        try:
            row_events = _row_events(code, cells[signature_col], cells[deposit_col], order)
        except Doubtful as exc:
            doubtful.append(f"row {number}, {name}: a date reads as {exc} (the page mixes mm/dd and dd/mm)")
            skipped.add(code)
            continue
        events.extend(row_events)
    consents = {Action.RATIFICATION, Action.ACCEPTANCE, Action.ACCESSION}
    return ParsedPage(
        url, instrument, tuple(events), frozenset({Action.SIGNATURE, *consents}), None, tuple(ignored),
        unknown=tuple(unknown), doubtful=tuple(doubtful), listed=frozenset(listed), skipped=frozenset(skipped),
    )


def _row_events(code: str, signature: str, deposit: str, order: Optional[bool]) -> list[ParsedEvent]:
    """A state's signature and deposit; a deposit without a code is a ratification after a signature, else an
    accession (and the event's note says so)."""
    found: list[ParsedEvent] = []
    signed, deposited = _raw(signature), _raw(deposit)
    if signed:
        found.append(ParsedEvent(code, Action.SIGNATURE, read_date(signed, order)))
    if deposited:
        when = read_date(deposited, order)
        if deposited[3]:
            found.append(ParsedEvent(code, CODES[deposited[3]], when))
        else:
            action = Action.RATIFICATION if signed else Action.ACCESSION
            why = "the state signed" if signed else "the state did not sign"
            note = f"The deposit has no RA/AC/AD code on the page: {action.value} inferred because {why}."
            found.append(ParsedEvent(code, action, when, note=note))
    return found

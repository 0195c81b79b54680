"""The ILO NORMLEX ratifications page of a convention, in English, French or Spanish."""

from __future__ import annotations

import re

from ..domain.vocab import Action
from . import PageError, ParsedEvent, ParsedPage
from .html import cell_text, day_month_year, soup
from .names import NameIndex

DATE = r"\d{1,2}\s+[^\s\d]+\s+\d{4}"
DENOUNCED = re.compile(
    rf"(?:denounced on|d[ée]nonc[ée]e? le|denunciad[oa] el|automatic denunciation on|d[ée]nonciation automatique le"
    rf"|denuncia autom[áa]tica el)\s+({DATE})",
    re.I,
)
ANNEXES = re.compile(r"(?:annexes?|anexos?)\s+([IVX]+)(?:\s+(?:to|à|a)\s+([IVX]+))?", re.I)
ROMAN = ["I", "II", "III", "IV", "V"]
HEADER_COUNTRY = ("COUNTRY", "PAYS", "PAIS", "PAÍS")


def excluded_annexes(note: str) -> tuple[str, ...]:
    """'A exclu les dispositions des annexes I à III' -> ('I', 'II', 'III')."""
    if not re.search(r"exclu", note, re.I):
        return ()
    match = ANNEXES.search(note)
    if not match:
        return ()
    first, last = match.group(1).upper(), (match.group(2) or match.group(1)).upper()
    return tuple(ROMAN[ROMAN.index(first) : ROMAN.index(last) + 1])


def parse(text: str, *, url: str, instrument: str, reference: str, names: NameIndex) -> ParsedPage:
    """Read the ratifications table of one NORMLEX convention page."""
    page = soup(text)
    title = " ".join(page.get_text(" ").split()[:120])
    found = re.search(r"Ratifica\w*\s+(?:of|de|del)\s+([CP]\d{3})", title)
    if not found:
        raise PageError("unexpected layout: no 'Ratifications of Cnnn' heading")
    if found.group(1) != reference:
        raise PageError(f"the page is for {found.group(1)}, not {reference}")
    for table in page.find_all("table"):
        rows = table.find_all("tr")
        headers = [cell_text(c).upper() for c in rows[0].find_all(["td", "th"])] if rows else []
        if headers and headers[0] in HEADER_COUNTRY:
            break
    else:
        raise PageError("unexpected layout: no ratifications table")
    events: list[ParsedEvent] = []
    unknown: list[str] = []
    listed: set[str] = set()
    for number, row in enumerate(rows[1:], start=2):
        cells = row.find_all(["td", "th"])
        if len(cells) < 3:
            raise PageError(f"unexpected layout: a row has {len(cells)} cells")
        country = cells[0].find("a") or cells[0]
        name = cell_text(country)
        note = " ".join([cell_text(cells[0]).replace(name, "", 1), *(cell_text(c) for c in cells[3:])]).strip()
        code = names.code(name)
        if code is None:
            if not names.known(name):
                unknown.append(f"row {number}: {name!r}")
            continue
        listed.add(code)
        events.append(ParsedEvent(code, Action.RATIFICATION, day_month_year(cell_text(cells[1])),
                                  excluded_annexes=excluded_annexes(note), note=note or None))
        denounced = DENOUNCED.search(note)
        if denounced:
            events.append(ParsedEvent(code, Action.DENUNCIATION, day_month_year(denounced.group(1)), note=note))
    return ParsedPage(url, instrument, tuple(events), frozenset({Action.RATIFICATION, Action.DENUNCIATION}),
                      unknown=tuple(unknown), listed=frozenset(listed))

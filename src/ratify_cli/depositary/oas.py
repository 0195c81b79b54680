"""The OAS Department of International Law signatories page: mm/dd/yy dates and RA/AC/AD deposit codes."""

from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from ..vocab import Action
from . import PageError, ParsedEvent, ParsedPage
from .html import cell_text, soup
from .names import NameIndex

CODES = {"RA": Action.RATIFICATION, "AC": Action.ACCEPTANCE, "AD": Action.ACCESSION}
CELL = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2})(?:\s+(RA|AC|AD))?$")


def two_digit_year(year: int) -> int:
    """OAS tables write years with two digits: 46-99 are 1946-1999 (the OAS Charter is of 1948), 00-45 are 20xx."""
    return 1900 + year if year >= 46 else 2000 + year


def _cell(text: str) -> Optional[tuple[dt.date, Optional[str]]]:
    text = text.strip()
    if not text or text in ("-", "—"):
        return None
    match = CELL.match(text)
    if not match:
        raise PageError(f"unrecognised date cell {text!r} (expected mm/dd/yy)")
    month, day, year = int(match.group(1)), int(match.group(2)), two_digit_year(int(match.group(3)))
    try:
        return dt.date(year, month, day), match.group(4)
    except ValueError:
        raise PageError(f"impossible date {text!r}") from None


def parse(text: str, *, url: str, instrument: str, reference: str, names: NameIndex) -> ParsedPage:
    """Read the signatories table of one OAS treaty page."""
    page = soup(text)
    heading = " ".join(page.get_text(" ").split()[:200])
    if not re.search(rf"\b{re.escape(reference)}\b", heading):
        codes = sorted(set(re.findall(r"\b[A-D]-\d{1,3}\b", heading)))
        raise PageError(f"the page is for {', '.join(codes) or 'another treaty'}, not {reference}")
    for table in page.find_all("table"):
        rows = table.find_all("tr")
        headers = [cell_text(c).upper() for c in rows[0].find_all(["td", "th"])] if rows else []
        if any("SIGNATURE" in h for h in headers) and any("DEPOSIT" in h for h in headers):
            break
    else:
        raise PageError("unexpected layout: no table with SIGNATURE and DEPOSIT columns")
    signature_col = next(i for i, h in enumerate(headers) if "SIGNATURE" in h)
    deposit_col = next(i for i, h in enumerate(headers) if "DEPOSIT" in h)
    events: list[ParsedEvent] = []
    ignored: list[str] = []
    for row in rows[1:]:
        cells = [cell_text(c) for c in row.find_all(["td", "th"])]
        if len(cells) < len(headers):
            raise PageError(f"unexpected layout: a row has {len(cells)} cells, the header {len(headers)}")
        code = names.code(cells[0])
        if code is None:
            if cells[0]:
                ignored.append(f"{cells[0]}: not a state in scope")
            continue
        signed = _cell(cells[signature_col])
        if signed:
            events.append(ParsedEvent(code, Action.SIGNATURE, signed[0]))
        deposit = _cell(cells[deposit_col])
        if deposit:
            if deposit[1] is None:
                raise PageError(f"{cells[0]}: deposit {cells[deposit_col]!r} has no RA/AC/AD code")
            events.append(ParsedEvent(code, CODES[deposit[1]], deposit[0]))
    consents = {Action.RATIFICATION, Action.ACCEPTANCE, Action.ACCESSION}
    return ParsedPage(url, instrument, tuple(events), frozenset({Action.SIGNATURE, *consents}), None, tuple(ignored))

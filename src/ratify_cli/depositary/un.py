"""The UN Treaty Collection status page (MTDSG): participants, signature and consent columns, suffix codes."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Optional

from ..domain.vocab import CONSENT_ACTIONS, Action
from . import PageError, ParsedEvent, ParsedPage
from .html import cell_text, day_month_year, soup
from .names import NameIndex

# Suffixes after a date in the UN tables: a accession, d succession, A acceptance, AA approval,
# s definitive signature; no suffix in the consent column is a ratification. `c` (formal confirmation) is
# for international organisations, never states, and is ignored.
SUFFIXES = {
    "": Action.RATIFICATION,
    "a": Action.ACCESSION,
    "d": Action.SUCCESSION,
    "A": Action.ACCEPTANCE,
    "AA": Action.APPROVAL,
    "s": Action.DEFINITIVE_SIGNATURE,
}
CELL = re.compile(r"^(\[\s*)?(\d{1,2} [A-Za-z]{3,9} \d{4})(?:\s+([A-Za-z]{1,2}))?(?(1)\s*\])$")
"""A date and its code; in square brackets when the state's participation has ended (its footnote says how)."""


def _cell(text: str) -> Optional[tuple[dt.date, str, bool]]:
    text = text.strip()
    if not text:
        return None
    match = CELL.match(text)
    if not match:
        raise PageError(f"unrecognised date cell {text!r}")
    return day_month_year(match.group(2)), match.group(3) or "", bool(match.group(1))


def footnotes(page: Any) -> dict[str, str]:
    """The page's numbered footnotes ('3' -> 'On 23 October 1997, the Government of Jamaica notified ...')."""
    found: dict[str, str] = {}
    for anchor in page.find_all("a", attrs={"name": re.compile(r"^\d+$")}):
        holder = anchor.find_parent("div") or anchor.parent
        text = " ".join(holder.get_text(" ").replace("\xa0", " ").split())
        text = re.sub(rf"^{anchor['name']}\s*", "", text)
        found.setdefault(anchor["name"], text)
    return found


def _ended(name: str, marks: list[str], notes: dict[str, str]) -> str:
    """The note of an act shown in brackets: the participation ended, and how, in the footnote's first sentences."""
    told = [f"footnote {mark}: {_sentences(notes[mark])}" for mark in marks if mark in notes]
    return f"In square brackets on the page: {name}'s participation has ended" + (f" ({'; '.join(told)})" if told else "") + "."


def _sentences(text: str, limit: int = 300) -> str:
    if len(text) <= limit:
        return text.rstrip(".")
    cut = text[:limit]
    return (cut[: cut.rfind(". ")] if ". " in cut else cut.rsplit(" ", 1)[0] + " ...").rstrip(".")


def parse(text: str, *, url: str, instrument: str, reference: str, names: NameIndex) -> ParsedPage:
    """Read the participants table of one MTDSG page."""
    page = soup(text)
    form = page.find("form")
    found = re.search(r"mtdsg_no=([IVXL]+-[0-9]+(?:-[a-z])?)", form.get("action", "") if form else "")
    if not found:
        raise PageError("unexpected layout: the page does not name its MTDSG reference")
    if found.group(1) != reference:
        raise PageError(f"the page is for MTDSG {found.group(1)}, not {reference}")
    table = page.find("table", id=re.compile(r"tblgrid$"))
    if table is None:
        raise PageError("unexpected layout: no participants table")
    rows = table.find_all("tr")
    headers = [cell_text(cell) for cell in rows[0].find_all(["td", "th"])] if rows else []
    signature_col = next((i for i, h in enumerate(headers) if h.lower().startswith("signature")), None)
    consent_col = next(
        (
            i
            for i, h in enumerate(headers)
            if i and not h.lower().startswith("signature") and re.search(r"ratification|accession|succession", h, re.I)
        ),
        None,
    )
    if not headers or not headers[0].lower().startswith("participant") or consent_col is None:
        raise PageError(f"unexpected layout: participants table headers {headers}")
    notes = footnotes(page)
    events: list[ParsedEvent] = []
    ignored: list[str] = []
    unknown: list[str] = []
    listed: set[str] = set()
    for number, row in enumerate(rows[1:], start=2):
        first = row.find(["td", "th"])
        marks = [mark for sup in first.find_all("sup") for mark in re.findall(r"\d+", sup.get_text())] if first else []
        cells = [cell_text(cell) for cell in row.find_all(["td", "th"])]
        if len(cells) != len(headers):
            raise PageError(f"unexpected layout: a row has {len(cells)} cells, the header {len(headers)}")
        name = cells[0]
        if name.startswith("["):
            ignored.append(f"{name} (in brackets: no longer a participant)")
            continue
        code = names.code(name)
        if code is None:
            if not names.known(name):
                unknown.append(f"row {number}: {name!r}")
            continue
        listed.add(code)
        if signature_col is not None:
            signed = _cell(cells[signature_col])
            if signed:
                note = _ended(name, marks, notes) if signed[2] else None
                note = "succession to signature" if signed[1] == "d" else note
                events.append(ParsedEvent(code, Action.SIGNATURE, signed[0], note=note))
        consent = _cell(cells[consent_col])
        if consent:
            action = SUFFIXES.get(consent[1])
            if action is None:
                ignored.append(f"{name}: consent code {consent[1]!r} not used for states")
            else:
                events.append(ParsedEvent(code, action, consent[0], note=_ended(name, marks, notes) if consent[2] else None))
    status = re.search(r"STATUS AS AT\s*:\s*(\d{2})-(\d{2})-(\d{4})", page.get_text(" "))
    as_of = dt.date(int(status.group(3)), int(status.group(2)), int(status.group(1))) if status else None
    return ParsedPage(
        url, instrument, tuple(events), frozenset({Action.SIGNATURE, *CONSENT_ACTIONS}), as_of, tuple(ignored),
        unknown=tuple(unknown), listed=frozenset(listed),
    )

#!/usr/bin/env python3
"""Convert the UN Treaty Collection status tables of March 2015 into ratify events for the OAS states.

Usage:  python scripts/untc2015.py [SOURCE_DIR] > events.yaml

SOURCE_DIR (default: ../shared/sources/untc-2015-03 beside the checkout) holds one CSV per treaty named after
its MTDSG reference (`4-13.csv` is IV-13) and, for most, a `<ref>.declarations.txt` with one `#Participant`
heading per state that made declarations or reservations. The output is a YAML list of events, each with
`state`, `instrument` and the event fields of `data/states.yaml`; `tests/test_untc2015.py` checks that every
one of them is in the bundled data. Rules (documented in data/SOURCES.md):

- the signature column gives a `signature` (a `d` suffix is a succession to signature, recorded as a
  signature with a note); the consent column gives a ratification, or the act its suffix names:
  `a` accession, `d` succession, `A` acceptance, `AA` approval;
- footnote digits glued to a participant's name are dropped, `St.` is read as `Saint`; only the 35 OAS
  states are kept;
- a state with a declarations text gets `reservations: true` when the text uses the word "reserv", and
  `declarations: true` when it uses "declar", "understand" or "interpret", or when it does not say "reserv";
  where the treaty has a declarations file, a consent act of a state absent from it gets both flags false.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

# MTDSG reference -> ratify instrument id (the UN instruments of data/instruments.yaml).
INSTRUMENTS = {
    "IV-2": "icerd",
    "IV-3": "icescr",
    "IV-3-a": "icescr-op",
    "IV-4": "iccpr",
    "IV-5": "iccpr-op1",
    "IV-12": "iccpr-op2",
    "IV-8": "cedaw",
    "IV-8-b": "cedaw-op",
    "IV-9": "cat",
    "IV-9-b": "opcat",
    "IV-11": "crc",
    "IV-11-b": "crc-opac",
    "IV-11-c": "crc-opsc",
    "IV-11-d": "crc-opic",
    "IV-13": "icrmw",
    "IV-15": "crpd",
    "IV-15-a": "crpd-op",
    "IV-16": "ced",
    "V-2": "refugee-convention",
    "V-3": "statelessness-1954",
    "V-4": "statelessness-1961",
    "V-5": "refugee-protocol",
    "XVIII-12": "untoc",
    "XVIII-12-a": "untoc-trafficking",
    "XVIII-12-b": "untoc-smuggling",
    "III-6": "vccr",
}

# UN participant names of the 35 OAS states.
STATES = {
    "Antigua and Barbuda": "ATG",
    "Argentina": "ARG",
    "Bahamas": "BHS",
    "Barbados": "BRB",
    "Belize": "BLZ",
    "Bolivia (Plurinational State of)": "BOL",
    "Brazil": "BRA",
    "Canada": "CAN",
    "Chile": "CHL",
    "Colombia": "COL",
    "Costa Rica": "CRI",
    "Cuba": "CUB",
    "Dominica": "DMA",
    "Dominican Republic": "DOM",
    "Ecuador": "ECU",
    "El Salvador": "SLV",
    "Grenada": "GRD",
    "Guatemala": "GTM",
    "Guyana": "GUY",
    "Haiti": "HTI",
    "Honduras": "HND",
    "Jamaica": "JAM",
    "Mexico": "MEX",
    "Nicaragua": "NIC",
    "Panama": "PAN",
    "Paraguay": "PRY",
    "Peru": "PER",
    "Saint Kitts and Nevis": "KNA",
    "Saint Lucia": "LCA",
    "Saint Vincent and the Grenadines": "VCT",
    "Suriname": "SUR",
    "Trinidad and Tobago": "TTO",
    "United States of America": "USA",
    "Uruguay": "URY",
    "Venezuela (Bolivarian Republic of)": "VEN",
}

CONSENT_SUFFIX = {"": "ratification", "a": "accession", "d": "succession", "A": "acceptance", "AA": "approval"}
DATE = re.compile(r"^(\d{1,2}) ([A-Z][a-z]{2})[a-z]* (\d{4})(?: ([A-Za-z]{1,2}))?$")
MONTHS = {m: i for i, m in enumerate(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], start=1)}


def status_url(reference: str) -> str:
    """The UN Treaty Collection page of a treaty."""
    chapter = {"III": 3, "IV": 4, "V": 5, "XVIII": 18}[reference.split("-")[0]]
    return f"https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no={reference}&chapter={chapter}"


def file_stem(reference: str) -> str:
    """`IV-11-b` -> `4-11-b` (the snapshot's file names)."""
    roman, rest = reference.split("-", 1)
    return f"{ {'III': 3, 'IV': 4, 'V': 5, 'XVIII': 18}[roman] }-{rest}"


def participant(name: str) -> str:
    """The name without glued footnote digits, with `St.` written out as the UN's current pages do."""
    name = re.sub(r"[\d,\s]+$", "", name.strip())
    return re.sub(r"^St\. ", "Saint ", name)


def parse_date(cell: str) -> tuple[dt.date, str]:
    """`5 Jun 2007 a` -> (date, 'a')."""
    match = DATE.match(cell.strip())
    if not match:
        raise ValueError(f"unrecognised date cell {cell!r}")
    day, month, year, suffix = match.groups()
    return dt.date(int(year), MONTHS[month], int(day)), suffix or ""


def declarations(path: Path) -> dict[str, str]:
    """Participant -> the text of its declarations and reservations."""
    if not path.exists():
        return {}
    texts: dict[str, list[str]] = {}
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            current = participant(line[1:])
            texts.setdefault(current, [])
        elif current is not None:
            texts[current].append(line)
    return {name: "\n".join(lines) for name, lines in texts.items()}


def flags(text: str) -> dict[str, bool]:
    """Reservation and declaration flags from a declarations text (rule in the module docstring)."""
    lowered = text.lower()
    reserves = "reserv" in lowered
    declares = any(word in lowered for word in ("declar", "understand", "interpret")) or not reserves
    return {"reservations": reserves, "declarations": declares}


def convert(source: Path) -> Iterator[dict[str, Any]]:
    """Every event of the OAS states in the snapshot, treaty by treaty, in table order."""
    for reference, instrument in INSTRUMENTS.items():
        stem = file_stem(reference)
        texts = declarations(source / f"{stem}.declarations.txt")
        url = status_url(reference)
        with (source / f"{stem}.csv").open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        header, body = rows[0], rows[1:]
        has_signature = len(header) == 3
        for row in body:
            name = participant(row[0])
            code = STATES.get(name)
            if code is None:
                continue
            signature_cell, consent_cell = (row[1], row[2]) if has_signature else ("", row[1])
            base = {"state": code, "instrument": instrument}
            if signature_cell.strip():
                day, suffix = parse_date(signature_cell)
                event = {**base, "action": "signature", "date": day, "source": url}
                if suffix == "d":
                    event["note"] = "succession to signature"
                yield event
            if consent_cell.strip():
                day, suffix = parse_date(consent_cell)
                event = {**base, "action": CONSENT_SUFFIX[suffix], "date": day, "source": url}
                if name in texts:
                    event.update(flags(texts[name]))
                elif texts:
                    # The declarations file lists every participant that made any; absent from it, none.
                    event.update({"reservations": False, "declarations": False})
                yield event


def main(argv: list[str]) -> int:
    default = Path(__file__).resolve().parents[1].parent / "shared" / "sources" / "untc-2015-03"
    source = Path(argv[1]) if len(argv) > 1 else default
    events = list(convert(source))
    yaml.safe_dump(events, sys.stdout, sort_keys=False, allow_unicode=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

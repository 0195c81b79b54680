"""HTML helpers shared by the depositary parsers: decoding, a parsed page, a row's cells, truncation and date words."""

from __future__ import annotations

import codecs
import datetime as dt
import re
import unicodedata
from typing import Any, Optional

from . import PageError

MONTHS = {
    # English, French and Spanish month names and their depositary abbreviations.
    "jan": 1, "january": 1, "janv": 1, "janvier": 1, "ene": 1, "enero": 1,
    "feb": 2, "february": 2, "fevr": 2, "fevrier": 2, "febrero": 2,
    "mar": 3, "march": 3, "mars": 3, "marzo": 3,
    "apr": 4, "april": 4, "avr": 4, "avril": 4, "abr": 4, "abril": 4,
    "may": 5, "mai": 5, "mayo": 5,
    "jun": 6, "june": 6, "juin": 6, "junio": 6,
    "jul": 7, "july": 7, "juil": 7, "juillet": 7, "julio": 7,
    "aug": 8, "august": 8, "aout": 8, "ago": 8, "agosto": 8,
    "sep": 9, "sept": 9, "september": 9, "septembre": 9, "septiembre": 9, "set": 9,
    "oct": 10, "october": 10, "octobre": 10, "octubre": 10,
    "nov": 11, "november": 11, "novembre": 11, "noviembre": 11,
    "dec": 12, "december": 12, "decembre": 12, "dic": 12, "diciembre": 12,
}


META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# Browsers read pages declared Latin-1 or ASCII as Windows-1252 (its superset); so do we.
AS_WINDOWS_1252 = {"latin_1", "iso8859-1", "ascii"}


def _codec(name: Optional[str]) -> Optional[str]:
    if not name:
        return None
    try:
        codec = codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None
    return "cp1252" if codec in AS_WINDOWS_1252 else codec


def declared_charset(body: bytes) -> Optional[str]:
    """The charset a page declares in a `<meta>` tag within its first 4 KB, if any."""
    found = META_CHARSET.search(body[:4096])
    return found.group(1).decode("ascii") if found else None


def decode(body: bytes, header: Optional[str] = None) -> str:
    """A page's text: by a UTF-8 byte-order mark, the HTTP header's charset, the `<meta>` tag's, then UTF-8, then
    Windows-1252 (a charset that fails on the bytes is passed over)."""
    if body.startswith(codecs.BOM_UTF8):
        return body[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace")
    for codec in (_codec(header), _codec(declared_charset(body)), "utf-8"):
        if codec:
            try:
                return body.decode(codec)
            except (UnicodeDecodeError, LookupError):
                continue
    return body.decode("cp1252", errors="replace")


def soup(text: str) -> Any:  # a bs4.BeautifulSoup
    """Parse a page, refusing one that was cut off in transfer."""
    from bs4 import BeautifulSoup  # imported here: only `sync` reads HTML

    if not re.search(r"</html\s*>\s*$", text.strip(), flags=re.I):
        raise PageError("the page is truncated (it does not end with </html>)")
    return BeautifulSoup(text, "html.parser")


def cell_text(cell: Any) -> str:
    """A cell's visible text, footnote markers (<sup>) removed, spaces folded."""
    for sup in cell.find_all("sup"):
        sup.decompose()
    return " ".join(cell.get_text(" ").replace("\xa0", " ").split())


def row_cells(row: Any) -> list[str]:
    """A table row's cell texts, a cell spanning n columns repeated n times so columns line up with the header."""
    found: list[str] = []
    for cell in row.find_all(["td", "th"]):
        span = cell.get("colspan") or "1"
        text = cell_text(cell)
        found.extend([text] * (int(span) if str(span).isdigit() and 0 < int(span) < 50 else 1))
    return found


def fold(word: str) -> str:
    """Lower case without accents or trailing dots: 'févr.' -> 'fevr'."""
    word = unicodedata.normalize("NFKD", word.lower().rstrip("."))
    return "".join(char for char in word if not unicodedata.combining(char))


def day_month_year(text: str) -> dt.date:
    """'5 Jun 2007', '02 mars 2005', '19 oct. 1962', '8 September 1977' -> date."""
    match = re.fullmatch(r"(\d{1,2})\s+([^\s\d]+)\s+(\d{4})", text.strip())
    if not match or fold(match.group(2)) not in MONTHS:
        raise PageError(f"unrecognised date {text!r}")
    day, month, year = int(match.group(1)), MONTHS[fold(match.group(2))], int(match.group(3))
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise PageError(f"impossible date {text!r}") from None

"""HTML helpers shared by the depositary parsers: a parsed page, a cell's text, truncation and date words."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

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


def soup(text: str):  # -> bs4.BeautifulSoup
    """Parse a page, refusing one that was cut off in transfer."""
    from bs4 import BeautifulSoup  # imported here: only `sync` reads HTML

    if not re.search(r"</html\s*>\s*$", text.strip(), flags=re.I):
        raise PageError("the page is truncated (it does not end with </html>)")
    return BeautifulSoup(text, "html.parser")


def cell_text(cell) -> str:
    """A cell's visible text, footnote markers (<sup>) removed, spaces folded."""
    for sup in cell.find_all("sup"):
        sup.decompose()
    return " ".join(cell.get_text(" ").replace("\xa0", " ").split())


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

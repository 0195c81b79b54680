"""Participant names as depositaries write them (UN, OAS, NORMLEX in English, French, Spanish) -> ISO alpha-3."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Optional

# Participants of UN treaties outside the states of the Americas whose UN names pycountry does not know.
OTHER_PARTICIPANTS = (
    "Democratic Republic of the Congo", "European Union", "Holy See", "Iran (Islamic Republic of)",
    "Micronesia (Federated States of)", "Netherlands (Kingdom of the)", "Republic of Korea", "State of Palestine",
    "Türkiye", "Democratic People's Republic of Korea", "Lao People's Democratic Republic", "Kosovo",
)

# Names the depositaries use that are not the states' short names in the data.
ALIASES = {
    "ATG": ["Antigua and Barbuda", "Antigua-et-Barbuda", "Antigua y Barbuda"],
    "ARG": ["Argentine"],
    "BHS": ["Bahamas (the)", "Bahamas (Commonwealth of the)", "Commonwealth of the Bahamas"],
    "BRB": ["Barbade"],
    "BLZ": ["Belice"],
    "BOL": ["Bolivia (Plurinational State of)", "Bolivie (Etat plurinational de)", "Bolivia (Estado Plurinacional de)"],
    "BRA": ["Brésil", "Brasil"],
    "CHL": ["Chili"],
    "COL": ["Colombie"],
    "DMA": ["Dominique", "Dominica (Commonwealth of)", "Commonwealth of Dominica"],
    "DOM": ["République dominicaine", "Republica Dominicana", "Rep. Dominicana", "Dominican Rep."],
    "ECU": ["Equateur", "Équateur"],
    "GRD": ["Grenade", "Granada"],
    "HTI": ["Haïti", "Haiti", "Haití"],
    "JAM": ["Jamaïque"],
    "MEX": ["Mexique", "México"],
    "PER": ["Pérou", "Perú"],
    "PAN": ["Panamá"],
    "KNA": ["Saint Kitts and Nevis", "St. Kitts and Nevis", "Saint-Kitts-et-Nevis", "San Kitts y Nevis", "San Kitts and Nevis",
            "San Cristóbal y Nieves"],
    "LCA": ["Saint Lucia", "St. Lucia", "Sainte-Lucie", "Santa Lucía"],
    "VCT": ["Saint Vincent and the Grenadines", "St. Vincent and the Grenadines", "Saint-Vincent-et-les Grenadines",
            "Saint-Vincent-et-les-Grenadines", "San Vicente y las Granadinas", "St. Vincent & Grenadines",
            "St. Vicente & Grenadines", "San Vicente y Granadinas"],
    "SUR": ["Surinam"],
    "TTO": ["Trinité-et-Tobago", "Trinidad y Tobago"],
    "USA": ["United States of America", "United States", "Etats-Unis", "États-Unis", "Estados Unidos",
            "Estados Unidos de América"],
    "URY": ["Uruguay"],
    "VEN": ["Venezuela (Bolivarian Republic of)", "Venezuela (République bolivarienne du)",
            "Venezuela (República Bolivariana de)"],
    "CAN": ["Canadá"],
}


def normal(name: str) -> str:
    """A name folded for comparison: no footnote digits or marks, no accents, `St.` as `saint`, `&` as `and`, lower
    case."""
    name = re.sub(r"[\d*,\s]+$", "", name.strip())
    name = unicodedata.normalize("NFKD", name)
    name = "".join(char for char in name if not unicodedata.combining(char))
    name = re.sub(r"^st\.?\s+", "saint ", name.lower())
    name = re.sub(r"\s*&\s*", " and ", name)
    return re.sub(r"[\s\-]+", " ", name).strip()


def _elsewhere() -> set[str]:
    """Folded names of every country in ISO 3166 and of the other UN participants (for telling unknown names apart)."""
    import pycountry  # imported here: only `sync` needs the world's names

    found = {normal(name) for name in OTHER_PARTICIPANTS}
    for country in pycountry.countries:
        found.update(normal(getattr(country, key)) for key in ("name", "official_name", "common_name") if hasattr(country, key))
    return found


class NameIndex:
    """Finds the state code of a participant name; names of states out of scope give None."""

    def __init__(self, states: Iterable[tuple[str, Iterable[str]]]) -> None:
        self._index: dict[str, str] = {}
        for code, names in states:
            for name in [*names, *ALIASES.get(code, [])]:
                self._index[normal(name)] = code

        self._world: Optional[set[str]] = None

    def code(self, participant: str) -> Optional[str]:
        """The ISO alpha-3 code of a participant, or None when it is not a state in scope."""
        return self._index.get(normal(participant))

    def known(self, participant: str) -> bool:
        """True when the name is a state in scope or a known participant outside it (a name to pass over quietly)."""
        if self.code(participant) is not None:
            return True
        if self._world is None:
            self._world = _elsewhere()
        return normal(participant) in self._world

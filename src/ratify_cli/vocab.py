"""Controlled vocabularies shared by the models and the command line (kept free of pydantic for start-up)."""

from __future__ import annotations

from enum import Enum


class System(str, Enum):
    """The treaty system, which is also the depositary family."""

    UN = "un"
    INTER_AMERICAN = "inter-american"
    ILO = "ilo"


class Subregion(str, Enum):
    """UN M49 sub-region of the Americas."""

    SOUTH_AMERICA = "south-america"
    CENTRAL_AMERICA = "central-america"
    CARIBBEAN = "caribbean"
    NORTHERN_AMERICA = "northern-america"

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


class Action(str, Enum):
    """What a state did, as the depositary records it."""

    SIGNATURE = "signature"
    RATIFICATION = "ratification"
    ACCESSION = "accession"
    ACCEPTANCE = "acceptance"
    APPROVAL = "approval"
    SUCCESSION = "succession"
    DEFINITIVE_SIGNATURE = "definitive-signature"
    DENUNCIATION = "denunciation"
    SIGNATURE_WITHDRAWN = "signature-withdrawn"

    @property
    def is_consent(self) -> bool:
        """True for the acts that express consent to be bound."""
        return self in CONSENT_ACTIONS


CONSENT_ACTIONS = frozenset(
    {
        Action.RATIFICATION,
        Action.ACCESSION,
        Action.ACCEPTANCE,
        Action.APPROVAL,
        Action.SUCCESSION,
        Action.DEFINITIVE_SIGNATURE,
    }
)

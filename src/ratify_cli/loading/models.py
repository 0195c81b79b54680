"""The data model: instruments, states and their treaty events, as frozen pydantic models."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, PlainValidator, WithJsonSchema, field_validator, model_validator

from ..domain import dates
from ..domain.vocab import Action, Subregion, System

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
URL = r"^https?://[^\s\x00-\x1f\x7f-\x9f]+$"
ISO3 = r"^[A-Z]{3}$"
NO_CONTROL = r"^[^\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]+$"
"""Text may hold line breaks and tabs, but no other control character: no terminal escape sequences, no
bidirectional overrides that would make a name display as something else."""

Url = Annotated[str, Field(pattern=URL, max_length=2000)]
StateCode = Annotated[str, Field(pattern=ISO3)]
Slug = Annotated[str, Field(pattern=SLUG, max_length=60)]
Text = Annotated[str, Field(min_length=1, max_length=2000, pattern=NO_CONTROL)]


class Frozen(BaseModel):
    """Base for every record: immutable, strict, no unknown fields, field docstrings as descriptions."""

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        strict=True,
        use_attribute_docstrings=True,
        str_strip_whitespace=False,
    )


# ---------------------------------------------------------------------------------------------
# Instruments


def _recorded_date(value: Any) -> dates.Day:
    """A date as YAML gives it (a calendar date, or a quoted `YYYY-MM` / `YYYY`) as a Day."""
    if isinstance(value, dt.datetime):
        raise ValueError("expected a date, not a date and time")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return dates.parse(value)
    if isinstance(value, (bool, int, float)):
        raise ValueError(
            f"expected a date (YAML read the unquoted value as {value!r}; write a year or month in quotes, "
            "e.g. '1934' or '1934-06')"
        )
    raise ValueError("expected a date: YYYY-MM-DD, or 'YYYY-MM' or 'YYYY' in quotes")


RecordedDate = Annotated[
    Any,
    PlainValidator(_recorded_date),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "format": "date"},
                {"type": "string", "pattern": r"^[0-9]{4}(-(0[1-9]|1[0-2]))?$"},
            ],
            "description": "YYYY-MM-DD, or YYYY-MM or YYYY (quoted) where only the month or year is known",
        }
    ),
]
"""A date known to the day, the month or the year (ISO 8601 reduced precision); never padded."""


class Check(Frozen):
    """One reading of a complete source: the states it covers had taken no action but the events recorded."""

    date: RecordedDate
    """The date the source reflects (its "status as at" date, or only its year or month), not the day it was read."""
    source: Url
    """The page or dataset that was read."""
    states: Union[Literal["all"], tuple[StateCode, ...]]
    """`all` (every state in states.yaml was read on it), or the codes of the states it covers."""
    secondary: bool = False
    """True when the source is not the depositary's own page or document."""
    note: Optional[Text] = None
    """Plain words on what was read and how."""


class Prerequisite(Frozen):
    """What a state must have joined before it can join this instrument (the treaty's final clauses)."""

    instrument: Slug
    """The id of the instrument a state must be party to first."""
    article: Text
    """The article that says so, e.g. 'art. 4'."""
    note: Optional[Text] = None
    """Plain words on the rule, where it needs them."""


class NoticePeriod(Frozen):
    """How long after its notification a denunciation takes effect."""

    months: int = Field(ge=0, le=120)
    """Whole months after the depositary receives (or registers) the notification."""
    first_of_following_month: bool = False
    """True when the period is followed by 'the first day of the month following'."""
    article: Text
    """The article of the instrument that states the rule."""


class EntryIntoForce(Frozen):
    """When a consent act takes effect for the state that deposits it (never before the instrument's own)."""

    months_after: int = Field(default=0, ge=0, le=60)
    """Whole months counted from the deposit (0 for none)."""
    days_after: int = Field(default=0, ge=0, le=366)
    """Days counted from the deposit, after the months (the 30th day after deposit is 30)."""
    first_of_following_month: bool = False
    """True when the period is followed by 'the first day of the month following'."""
    article: Text
    """The article of the instrument that states the rule, e.g. 'art. 87(2)'."""


class SignatureRules(Frozen):
    """Whether an instrument can be signed, and until when."""

    stage: bool
    """False for instruments with no signature stage (ILO conventions, the 1967 Refugee Protocol)."""
    open_until: Optional[dt.date] = None
    """Last day it was open for signature; absent means no closing date."""
    article: Optional[Text] = None
    """The article that sets the signature rules."""


class Mechanism(Frozen):
    """An optional procedure a party can accept separately (e.g. a court's jurisdiction)."""

    id: Slug
    """Identifier used by events, e.g. `court-jurisdiction`."""
    name: Text
    """What accepting it means, in plain words."""
    article: Text
    """The article that creates it."""


class Instrument(Frozen):
    """A treaty, protocol or convention that states can join."""

    id: Slug
    """Lowercase slug, e.g. `icrmw`, `achr`, `belem-do-para`, `ilo-c097`."""
    short_name: Text
    """Short name or acronym for tables, e.g. `ICRMW`."""
    title_en: Text
    """Full title in English."""
    title_es: Optional[Text] = None
    """Full title in Spanish, where confirmed."""
    system: Annotated[System, Field(strict=False)]
    """`un`, `inter-american` or `ilo`."""
    depositary: Text
    """Who receives the instruments of consent."""
    reference: Text
    """The depositary's reference: UN MTDSG `IV-13`, OAS `B-32`, ILO `C097`."""
    adopted: dt.date
    """Date of adoption (or of opening for signature where that is the treaty's date)."""
    adopted_place: Text
    """Place of adoption."""
    in_force: Optional[dt.date] = None
    """The instrument's own entry into force; absent when not yet in force."""
    entry_into_force: Optional[EntryIntoForce] = None
    """The rule for a state's own entry into force; absent when not recorded."""
    signature: SignatureRules
    """Signature stage and its closing date."""
    join_without_signature: Literal["accede", "ratify"] = "accede"
    """The next step for a state that has not signed: `accede`, or `ratify` (ILO)."""
    parent: Optional[Slug] = None
    """For a protocol: the id of the treaty it supplements."""
    topics: tuple[Slug, ...] = ()
    """Topics, e.g. `migrant-workers`, `refugees`, `trafficking`, `children`, `women`, `detention`."""
    mechanisms: tuple[Mechanism, ...] = ()
    """Optional procedures that parties accept separately."""
    status_url: Url
    """The depositary's status page for this instrument."""
    sources: tuple[Url, ...] = Field(min_length=1)
    """Where the facts of this record (dates, titles, references) were read."""
    checks: tuple[Check, ...] = ()
    """Readings of complete sources: a state a check covers and with no event had taken no action by its date."""
    prerequisite: Optional[Prerequisite] = None
    """What a state must have joined first, where the final clauses require it."""
    denunciation: Optional[NoticePeriod] = None
    """When a denunciation takes effect, where the instrument sets a notice period."""
    note: Optional[Text] = None
    """Anything a reader should know."""


class InstrumentsFile(Frozen):
    """The content of `instruments.yaml`."""

    instruments: tuple[Instrument, ...] = Field(min_length=1)
    """Every instrument in the catalog."""


# ---------------------------------------------------------------------------------------------
# States


class MechanismAcceptance(Frozen):
    """A state's acceptance of an optional mechanism of an instrument."""

    id: Slug
    """The mechanism's id, as listed by the instrument."""
    date: Optional[dt.date] = None
    """The date of the acceptance, where recorded."""
    source: Url
    """Where the acceptance was read."""
    note: Optional[Text] = None
    """Conditions or scope of the acceptance."""


class Event(Frozen):
    """One action of one state on one instrument, as the depositary records it."""

    instrument: Slug
    """The instrument's id."""
    action: Annotated[Action, Field(strict=False)]
    """What the state did."""
    date: RecordedDate
    """The date the depositary records (deposit, registration or notification), as precisely as it is known."""
    effective: Optional[RecordedDate] = None
    """When the act takes effect, where it differs (a denunciation's effective date)."""
    source: Url
    """The page or notification this fact was read from."""
    secondary: bool = False
    """True when the source is not the depositary's own page or document."""
    reservations: Optional[bool] = None
    """Whether the depositary marks reservations with this act (absent: not recorded)."""
    declarations: Optional[bool] = None
    """Whether the depositary marks declarations or understandings with this act."""
    mechanisms: tuple[MechanismAcceptance, ...] = ()
    """Optional mechanisms accepted with or after this consent."""
    excluded_annexes: tuple[Annotated[str, Field(pattern=r"^[IVX]+$")], ...] = ()
    """Annexes excluded at ratification (ILO C097), as Roman numerals."""
    disputed: bool = False
    """True when the act's validity is contested; such events are shown but never change a status."""
    note: Optional[Text] = None
    """What a footnote of the source says, or why the event is recorded as it is."""

    @model_validator(mode="after")
    def _effective_only_after_date(self) -> Event:
        if self.effective is not None and dates.latest(self.effective) < dates.earliest(self.date):
            raise ValueError("effective date is before the event's date")
        return self


class Episode(Frozen):
    """A period in which a member state did not take part (suspension, exclusion)."""

    kind: Literal["suspended", "excluded", "not-participating"]
    """What happened."""
    start: dt.date
    """First day of the period."""
    end: Optional[dt.date] = None
    """Day the period ended; absent when it continues."""
    source: Url
    """Where this was read."""
    note: Optional[Text] = None
    """Plain words on the episode."""


class Membership(Frozen):
    """A state's membership of the OAS (Charter A-41)."""

    joined: Optional[dt.date] = None
    """Date its instrument of ratification of the Charter was deposited, where confirmed."""
    joined_year: Optional[int] = Field(default=None, ge=1948, le=2100)
    """Year it joined, where the day is not confirmed."""
    withdrawal_notified: Optional[dt.date] = None
    """Date its denunciation of the Charter was received, if any."""
    left: Optional[dt.date] = None
    """Date the denunciation took effect (Charter art. 143: two years after notice)."""
    episodes: tuple[Episode, ...] = ()
    """Suspensions, exclusions and non-participation."""
    sources: tuple[Url, ...] = Field(min_length=1)
    """Where the membership facts were read."""
    notes: tuple[Text, ...] = ()
    """Plain words on contested or special cases."""

    @model_validator(mode="after")
    def _consistent(self) -> Membership:
        if self.joined is not None and self.joined_year is not None and self.joined.year != self.joined_year:
            raise ValueError("joined and joined_year disagree")
        if self.left is not None and self.withdrawal_notified is None:
            raise ValueError("left is set but withdrawal_notified is not")
        return self


class State(Frozen):
    """An OAS member state (present or past) and its treaty events."""

    code: Annotated[str, Field(pattern=ISO3)]
    """ISO 3166-1 alpha-3 code."""
    name_en: Text
    """Short name in English."""
    name_es: Text
    """Short name in Spanish."""
    subregion: Annotated[Subregion, Field(strict=False)]
    """UN M49 sub-region."""
    oas: Membership
    """OAS membership history."""
    events: tuple[Event, ...] = ()
    """Signatures, consents, denunciations and the rest, in any order."""

    @field_validator("code")
    @classmethod
    def _iso_code(cls, code: str) -> str:
        import pycountry  # imported here: only validation needs the ISO list

        if pycountry.countries.get(alpha_3=code) is None:
            raise ValueError(f"{code!r} is not an ISO 3166-1 alpha-3 code")
        return code


class StatesFile(Frozen):
    """The content of `states.yaml`."""

    states: tuple[State, ...] = Field(min_length=1)
    """Every state in scope."""


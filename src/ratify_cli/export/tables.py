"""The four tables of an export (instruments, states, events, statuses as of a date), each field typed and described."""

from __future__ import annotations

import datetime as dt
from typing import Any, Optional

from msgspec import Struct

from ..domain.dataset import Dataset
from ..domain.status import sort_events
from ..query.selection import compute

PARTIAL = r"\d{4}(-\d{2}(-\d{2})?)?"
"""A date known to the year, the month or the day (ISO 8601 reduced precision)."""


class Field(Struct, frozen=True):
    """One column: its name, Frictionless type (string, integer, boolean, date) and what it holds."""

    name: str
    type: str
    description: str
    pattern: Optional[str] = None
    enum: tuple[str, ...] = ()
    required: bool = False


class Table(Struct, frozen=True):
    """One table: its fields, rows (values in field order) and keys."""

    name: str
    title: str
    description: str
    fields: tuple[Field, ...]
    rows: tuple[tuple[Any, ...], ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[tuple[str, str, str], ...] = ()
    """(field, table, field it refers to)."""


def _s(name: str, description: str, **extra: Any) -> Field:
    return Field(name, "string", description, **extra)


def _partial(name: str, description: str) -> Field:
    return Field(name, "string", description + " (YYYY, YYYY-MM or YYYY-MM-DD: as precise as it is known)", pattern=PARTIAL)


SYSTEMS = ("un", "inter-american", "ilo")
STATUSES = ("party", "pending", "signed", "denounced", "none", "unknown", "not-adopted")

INSTRUMENT_FIELDS = (
    _s("id", "ratify's id of the instrument", required=True),
    _s("short_name", "Short name used in tables"),
    _s("title_en", "Official English title"),
    _s("title_es", "Official Spanish title (empty where not recorded)"),
    _s("system", "Treaty system and depositary family", enum=SYSTEMS),
    _s("depositary", "Who keeps the instrument and receives consents"),
    _s("reference", "The depositary's reference (UN chapter-number, OAS code, ILO number)"),
    Field("adopted", "date", "Date of adoption"),
    _s("adopted_place", "Place of adoption"),
    Field("in_force", "date", "Date of entry into force (empty: not in force)"),
    _s("parent", "The instrument this one supplements (a protocol's convention)"),
    _s("prerequisite", "The instrument a state must have joined before joining this one"),
    _s("topics", "Topics, separated by '; '"),
    Field("signature_stage", "boolean", "Whether the instrument is open to signature before consent"),
    _s("join_without_signature", "How a state that did not sign joins: ratify or accede"),
    _s("status_url", "The depositary's status page"),
)
STATE_FIELDS = (
    _s("code", "ISO 3166-1 alpha-3 code", required=True, pattern=r"[A-Z]{3}"),
    _s("name_en", "English name"),
    _s("name_es", "Spanish name"),
    _s("subregion", "UN M49 sub-region of the Americas"),
    Field("oas_joined", "date", "Date the state became an OAS member (empty: known only to the year, or not known)"),
    Field("oas_joined_year", "integer", "Year the state became an OAS member (given also when only the year is known)"),
    Field("oas_withdrawal_notified", "date", "Date the state notified its withdrawal from the OAS"),
    Field("oas_left", "date", "Date the state's OAS membership ended"),
    Field("member", "boolean", "Whether the state is an OAS member on the export's as-of date"),
)
EVENT_FIELDS = (
    Field("id", "integer", "Number of the event in this export (states by code, then events in the order they happened)", required=True),
    _s("state", "Code of the state that acted", required=True),
    _s("instrument", "Id of the instrument acted on", required=True),
    _s("action", "What the state did, as the depositary records it (signature, ratification, accession, ...)"),
    _partial("date", "Date of the act"),
    _partial("effective", "Date the act took effect, when the depositary gives one"),
    _s("source", "URL of the page the act was read on"),
    Field("secondary", "boolean", "Whether the source is not the depositary's own page"),
    Field("reservations", "boolean", "Whether the state made reservations (empty: not recorded)"),
    Field("declarations", "boolean", "Whether the state made declarations (empty: not recorded)"),
    Field("disputed", "boolean", "Whether the act is disputed (shown, not counted)"),
    _s("note", "Remark on the act"),
)
STATUS_FIELDS = (
    _s("state", "Code of the state", required=True),
    _s("instrument", "Id of the instrument", required=True),
    Field("as_of", "date", "The date the status holds on"),
    _s("status", "Where the state stands with the instrument on that date", enum=STATUSES),
    _partial("signed", "Date of signature"),
    _partial("consented", "Date consent to be bound was deposited"),
    _s("consent_action", "How consent was given (ratification, accession, ...)"),
    _partial("in_force", "Date the instrument entered into force for the state"),
    _partial("denounced", "Date a denunciation took effect (or will)"),
    _s("next_step", "What the state would do next: sign, ratify, accede, re-accede"),
    _s("prerequisite", "Id of an instrument the state must join first"),
    _partial("checked", "Date of the newest complete source covering the state"),
    Field("secondary", "boolean", "Whether the fact behind the status rests on a secondary source"),
    _s("source", "URL of the source the status rests on"),
)


def _iso(value: Any) -> Any:
    return value.isoformat() if value is not None and hasattr(value, "isoformat") else value


def tables(data: Dataset, as_of: dt.date) -> tuple[Table, ...]:
    """Every instrument, every state, every event, and every pair's status as of a date."""
    instruments = tuple(
        (i.id, i.short_name, i.title_en, i.title_es or None, i.system.value, i.depositary, i.reference, i.adopted,
         i.adopted_place, i.in_force, i.parent, i.prerequisite.instrument if i.prerequisite else None,
         "; ".join(i.topics), i.signature.stage, i.join_without_signature, i.status_url)
        for i in data.instruments
    )
    states = sorted(data.states, key=lambda s: s.code)
    state_rows = tuple(
        (s.code, s.name_en, s.name_es, s.subregion.value, s.oas.joined, s.oas.joined_year, s.oas.withdrawal_notified,
         s.oas.left, s.oas.is_member(as_of))
        for s in states
    )
    events: list[tuple[Any, ...]] = []
    for state in states:
        for e in sort_events(state.events):
            events.append((len(events) + 1, state.code, e.instrument, e.action.value, _iso(e.date), _iso(e.effective),
                           e.source, e.secondary, e.reservations, e.declarations, e.disputed, e.note))
    statuses = []
    for state in states:
        for inst in data.instruments:
            ps = compute(data, state, inst, as_of)
            statuses.append((state.code, inst.id, as_of, ps.status.value, _iso(ps.signed), _iso(ps.consented),
                             ps.consent_action.value if ps.consent_action else None, _iso(ps.in_force), _iso(ps.denounced),
                             ps.next_step.value if ps.next_step else None, ps.prerequisite, _iso(ps.checked), ps.secondary, ps.source))
    return (
        Table("instruments", "Instruments", "The treaties tracked, one row each.", INSTRUMENT_FIELDS, instruments, ("id",),
              (("parent", "instruments", "id"), ("prerequisite", "instruments", "id"))),
        Table("states", "States", f"The states of the Americas, with OAS membership on {as_of.isoformat()}.", STATE_FIELDS,
              state_rows, ("code",)),
        Table("events", "Events", "Every signature, consent, denunciation and withdrawal recorded, with its source.",
              EVENT_FIELDS, tuple(events), ("id",), (("state", "states", "code"), ("instrument", "instruments", "id"))),
        Table("statuses", "Statuses", f"Every state's status with every instrument as of {as_of.isoformat()}, derived "
              "from the events by ratify's status rules.", STATUS_FIELDS, tuple(statuses), ("state", "instrument"),
              (("state", "states", "code"), ("instrument", "instruments", "id"))),
    )

"""data/SOURCES.md stays true to the data: every conflict names codes, ids and events that exist."""

from __future__ import annotations

import re

import pytest

from ..conftest import DATA

SOURCES = (DATA / "SOURCES.md").read_text(encoding="utf-8")


def table(heading: str) -> list[list[str]]:
    """The cells of the first Markdown table under a `## heading`."""
    section = SOURCES.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ")]
    return [[cell.strip() for cell in row.strip("|").split("|")] for row in rows[2:]]


CONFLICTS = table("Conflicts found")
EVENT = re.compile(r"^([A-Z]{3}) ([a-z0-9-]+) ([a-z-]+) (\d{4}(?:-\d{2}(?:-\d{2})?)?)$")
NOT_INSTRUMENTS = {"OAS Charter", "OAS membership"}


def test_the_conflicts_table_is_read() -> None:
    assert len(CONFLICTS) >= 30
    assert all(len(row) == 7 for row in CONFLICTS)


@pytest.mark.parametrize("row", CONFLICTS, ids=[f"{r[0]}-{r[1]}-{r[2]}" for r in CONFLICTS])
def test_every_conflict_names_known_states_instruments_and_events(bundled, row) -> None:
    states, instruments, *_rest, follows = row
    for code in re.split(r",\s*", states):
        assert code == "—" or code in bundled.by_code, code
    for ident in re.split(r",\s*", instruments):
        assert ident in NOT_INSTRUMENTS or ident in bundled.by_id, ident
    if follows == "none":
        return
    for reference in follows.split("; "):
        match = EVENT.match(reference)
        assert match, reference
        code, ident, action, date = match.groups()
        recorded = {(e.action.value, e.date.isoformat()) for e in bundled.events_for(code, ident)}
        assert (action, date) in recorded, (reference, recorded)


def corrected_flags() -> set[tuple[str, str, str]]:
    """(state, instrument, date) of the consent acts whose flags follow the UN pages, not the 2015 keyword rule."""
    return {(row[0], row[1], row[2]) for row in table("Reservation and declaration flags corrected from the UN pages")}


def test_corrected_flags_name_consent_acts_whose_flags_match_the_table(bundled) -> None:
    rows = table("Reservation and declaration flags corrected from the UN pages")
    assert len(rows) >= 30
    words = {"yes": True, "no": False, "—": None}
    for state, instrument, date, reservations, declarations, _evidence in rows:
        (act,) = [e for e in bundled.events_for(state, instrument) if e.date.isoformat() == date and e.action.is_consent]
        assert act.reservations is words[reservations.split(" → ")[1]], (state, instrument)
        assert act.declarations is words[declarations.split(" → ")[1]] or declarations.split(" → ")[1] == "—"

"""The UN 2015 conversion script: its parsing rules, and its output is what data/ holds."""

from __future__ import annotations

import datetime as dt
import importlib.util

import msgspec
import pytest

from tests.conftest import REPO

SOURCE = REPO.parent / "shared" / "sources" / "untc-2015-03"
spec = importlib.util.spec_from_file_location("untc2015", REPO / "scripts" / "untc2015.py")
untc2015 = importlib.util.module_from_spec(spec)
spec.loader.exec_module(untc2015)


@pytest.mark.parametrize(
    "cell,expected",
    [
        ("5 Jun 2007 a", (dt.date(2007, 6, 5), "a")),
        ("23 Feb 2007", (dt.date(2007, 2, 23), "")),
        ("14 Mar 1985 AA", (dt.date(1985, 3, 14), "AA")),
        ("12 Sep 1984 d", (dt.date(1984, 9, 12), "d")),
    ],
)
def test_parse_date(cell, expected) -> None:
    assert untc2015.parse_date(cell) == expected


def test_participant_names() -> None:
    assert untc2015.participant("Bolivia (Plurinational State of)1, 2") == "Bolivia (Plurinational State of)"
    assert untc2015.participant("St. Vincent and the Grenadines") == "Saint Vincent and the Grenadines"
    assert len(set(untc2015.STATES.values())) == 35


def test_flags() -> None:
    assert untc2015.flags("The Government makes a reservation to article 92") == {"reservations": True, "declarations": False}
    assert untc2015.flags("declares that it recognizes the competence") == {"reservations": False, "declarations": True}


@pytest.mark.skipif(not SOURCE.is_dir(), reason="shared/sources is not beside this checkout")
def test_every_converted_event_is_in_the_data(bundled) -> None:
    fields = ("action", "date", "source", "reservations", "declarations")

    def key(state: str, instrument: str, event: dict) -> tuple:
        return (state, instrument) + tuple(str(event.get(f)) for f in fields)

    have = {
        key(state.code, e.instrument, {**msgspec.structs.asdict(e), "action": e.action.value})
        for state in bundled.states
        for e in state.events
    }
    converted = list(untc2015.convert(SOURCE))
    assert len(converted) > 1000
    assert sum("reservations" in e for e in converted) > 500  # a flag on most consent acts
    from .test_sources import corrected_flags

    corrected = corrected_flags()
    dated = {key(state.code, e.instrument, {**msgspec.structs.asdict(e), "action": e.action.value})[:5] for state in bundled.states for e in state.events}
    missing = [
        e for e in converted
        if (key(e["state"], e["instrument"], e) not in have)
        and not ((e["state"], e["instrument"], e["date"].isoformat()) in corrected and key(e["state"], e["instrument"], e)[:5] in dated)
    ]
    assert missing == []
    # Almost every correction overrides a flag the 2015 keyword rule set (one is an act the 2015 table lacks).
    assert len(corrected & {(e["state"], e["instrument"], e["date"].isoformat()) for e in converted}) >= len(corrected) - 1

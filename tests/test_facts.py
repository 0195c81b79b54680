"""A sample of well-documented facts in the bundled data; each cites where it was read."""

from __future__ import annotations

import pytest

from ratify_cli.gaps import compute
from ratify_cli.models import Action
from ratify_cli.status import Status

from .conftest import D

UNTC = "https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no={}"

FACTS = [
    # (state, instrument, action, date) -- source in the comment
    ("MEX", "icrmw", "signature", "1991-05-22"),  # UNTC IV-13 (2015 snapshot)
    ("MEX", "icrmw", "ratification", "1999-03-08"),  # UNTC IV-13
    ("ARG", "icrmw", "ratification", "2007-02-23"),  # UNTC IV-13
    ("VCT", "icrmw", "accession", "2010-10-29"),  # UNTC IV-13 (listed as "St. Vincent and the Grenadines")
    ("VEN", "icrmw", "ratification", "2016-10-25"),  # UNTC IV-13, status as at 3 Feb 2026
    ("HTI", "icrmw", "signature", "2013-12-05"),  # UNTC IV-13
    ("USA", "iccpr", "ratification", "1992-06-08"),  # UNTC IV-4
    ("USA", "iccpr", "signature", "1977-10-05"),  # UNTC IV-4
    ("ATG", "iccpr", "accession", "2019-07-03"),  # UNTC IV-4, status as at 3 Feb 2026
    ("DMA", "cat", "accession", "2024-12-05"),  # UNTC IV-9, status as at 3 Feb 2026
    ("COL", "opcat", "accession", "2025-11-10"),  # UNTC IV-9-b, status as at 3 Feb 2026
    ("CHL", "statelessness-1954", "accession", "2018-04-11"),  # UN Statement of Treaties ST/LEG/SER.A/854 (secondary copy)
    ("USA", "achr", "signature", "1977-06-01"),  # OAS B-32 table; Carter's 1978 message to the Senate
    ("TTO", "achr", "denunciation", "1998-05-26"),  # OAS B-32 table: notice 26 May 1998, effective 26 May 1999
]


@pytest.mark.parametrize("state,instrument,action,date", FACTS)
def test_fact(bundled, state, instrument, action, date) -> None:
    events = bundled.events_for(state, instrument)
    assert any(e.action is Action(action) and e.date == D(date) for e in events), events


def test_canada_never_signed_the_american_convention(bundled) -> None:
    # OAS B-32 table: Canada has no signature or deposit.
    assert bundled.events_for("CAN", "achr") == ()


def test_trinidad_and_venezuela_denounced_the_american_convention(bundled) -> None:
    achr = bundled.by_id["achr"]
    tto = compute(bundled, bundled.by_code["TTO"], achr, D("2026-01-01"))
    assert tto.status is Status.DENOUNCED and tto.denounced == D("1999-05-26")
    ven = compute(bundled, bundled.by_code["VEN"], achr, D("2026-01-01"))
    assert ven.status is Status.DENOUNCED  # the 2019 instrument is recorded as disputed and not counted
    assert any("disputed" in note for note in ven.notes)


def test_icrmw_non_parties_among_members(bundled) -> None:
    # UNTC IV-13 as at 3 Feb 2026: the OAS members that are not party to the ICRMW.
    icrmw = bundled.by_id["icrmw"]
    members = [s for s in bundled.states if s.oas.is_member(D("2026-11-01"))]
    not_party = {s.code for s in members if compute(bundled, s, icrmw, D("2026-11-01")).status is not Status.PARTY}
    assert not_party == {
        "ATG", "BHS", "BRA", "BRB", "CAN", "CRI", "CUB", "DMA", "DOM", "GRD", "HTI", "KNA", "LCA", "PAN", "SUR", "TTO", "USA",
    }


def test_nicaragua_is_not_a_member_after_november_2023(bundled) -> None:
    # OAS DIL recent actions 2021: denunciation received 19 Nov 2021; effective two years later (Charter art. 143).
    nic = bundled.by_code["NIC"]
    assert nic.oas.is_member(D("2023-11-18")) and not nic.oas.is_member(D("2023-11-19"))

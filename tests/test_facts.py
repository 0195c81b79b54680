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


# The American Convention: deposit of the instrument of ratification or adherence, and the date each state accepted
# the Inter-American Court's jurisdiction. Source: IACHR Annual Report 2003, Annex 2, "Signatures and current status
# of ratifications" (https://www.cidh.oas.org/annualrep/2003eng/Annex.2.htm), which agrees with the OAS B-32 table
# for every state but Mexico, where the annex prints 2 April 1982 and the OAS table 03/24/81 (kept; see SOURCES.md).
ACHR_CONSENT = {
    "ARG": "1984-09-05", "BRB": "1982-11-27", "BOL": "1979-07-19", "BRA": "1992-09-25", "CHL": "1990-08-21",
    "COL": "1973-07-31", "CRI": "1970-04-08", "DMA": "1993-06-11", "DOM": "1978-04-19", "ECU": "1977-12-28",
    "SLV": "1978-06-23", "GRD": "1978-07-18", "GTM": "1978-05-25", "HTI": "1977-09-27", "HND": "1977-09-08",
    "JAM": "1978-08-07", "MEX": "1981-03-24", "NIC": "1979-09-25", "PAN": "1978-06-22", "PRY": "1989-08-24",
    "PER": "1978-07-28", "SUR": "1987-11-12", "TTO": "1991-05-28", "URY": "1985-04-19", "VEN": "1977-08-09",
}
COURT_JURISDICTION = {
    "ARG": "1984-09-05", "BRB": "2000-06-04", "BOL": "1993-07-27", "BRA": "1998-12-10", "CHL": "1990-08-21",
    "COL": "1985-06-21", "CRI": "1980-07-02", "DOM": "1999-03-25", "ECU": "1984-07-24", "SLV": "1995-06-06",
    "GTM": "1987-03-09", "HTI": "1998-03-20", "HND": "1981-09-09", "MEX": "1998-12-16", "NIC": "1991-02-12",
    "PAN": "1990-05-09", "PER": "1981-01-21", "SUR": "1987-11-12", "URY": "1985-04-19", "VEN": "1981-06-24",
}


@pytest.mark.parametrize("state,date", sorted(ACHR_CONSENT.items()))
def test_achr_consent(bundled, state, date) -> None:
    assert any(e.action.is_consent and e.date == D(date) for e in bundled.events_for(state, "achr"))


@pytest.mark.parametrize("state,date", sorted(COURT_JURISDICTION.items()))
def test_achr_court_jurisdiction(bundled, state, date) -> None:
    accepted = [m.date for e in bundled.events_for(state, "achr") for m in e.mechanisms if m.id == "court-jurisdiction"]
    assert D(date) in accepted


# The ICRMW: every OAS party's consent act. Source: UN Treaty Collection, MTDSG IV-13
# (https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=IV-13&chapter=4), March 2015 table and the
# page as at 3 Feb 2026 (Venezuela).
ICRMW_CONSENT = {
    "ARG": ("ratification", "2007-02-23"), "BLZ": ("accession", "2001-11-14"), "BOL": ("accession", "2000-10-16"),
    "CHL": ("ratification", "2005-03-21"), "COL": ("accession", "1995-05-24"), "ECU": ("accession", "2002-02-05"),
    "SLV": ("ratification", "2003-03-14"), "GTM": ("ratification", "2003-03-14"), "GUY": ("ratification", "2010-07-07"),
    "HND": ("accession", "2005-08-09"), "JAM": ("ratification", "2008-09-25"), "MEX": ("ratification", "1999-03-08"),
    "NIC": ("accession", "2005-10-26"), "PRY": ("ratification", "2008-09-23"), "PER": ("ratification", "2005-09-14"),
    "VCT": ("accession", "2010-10-29"), "URY": ("accession", "2001-02-15"), "VEN": ("ratification", "2016-10-25"),
}


@pytest.mark.parametrize("state,act", sorted(ICRMW_CONSENT.items()))
def test_icrmw_consent(bundled, state, act) -> None:
    action, date = act
    assert any(e.action is Action(action) and e.date == D(date) for e in bundled.events_for(state, "icrmw"))

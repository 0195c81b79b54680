"""A sample of well-documented facts in the bundled data; each cites where it was read."""

from __future__ import annotations

import pytest

from ratify_cli.domain.status import Status
from ratify_cli.loading.models import Action
from ratify_cli.query.selection import compute
from tests.conftest import D

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


def test_canada_never_signed_the_american_convention(bundled) -> None:
    # OAS B-32 table: Canada has no signature or deposit.
    assert bundled.events_for("CAN", "achr") == ()


def test_trinidad_and_venezuela_denounced_the_american_convention(bundled) -> None:
    achr = bundled.by_id["achr"]
    tto = compute(bundled, bundled.by_code["TTO"], achr, D("2026-01-01"))
    assert tto.status is Status.DENOUNCED and tto.denounced == D("1999-05-26")
    ven = compute(bundled, bundled.by_code["VEN"], achr, D("2026-01-01"))
    assert ven.status is Status.DENOUNCED  # the 2019 instrument is recorded as disputed and not counted
    assert "disputed-not-counted" in [note.code.value for note in ven.notes]


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



# Facts across the other instruments: (state, instrument, action, date), each read on the source in its comment.
MORE_FACTS = [
    # Inter-American instruments
    ("NIC", "achr-death-penalty", "signature", "1990-08-30"),  # IACHR Basic Documents, A-53 status table
    ("CHL", "achr-death-penalty", "ratification", "2008-10-16"),  # IACHR Basic Documents, A-53 status table
    ("ECU", "protocol-san-salvador", "ratification", "1993-03-25"),  # IACHR Basic Documents (French), A-52 table
    ("MEX", "protocol-san-salvador", "ratification", "1996-04-16"),  # IACHR Basic Documents (French), A-52 table
    ("SUR", "belem-do-para", "ratification", "2002-03-08"),  # OAS press release 051/02, 8 Mar 2002
    ("BOL", "ia-torture", "ratification", "2006-11-21"),  # OAS press release E-249/06
    ("BRA", "ia-forced-disappearance", "ratification", "2014-02-03"),  # OAS press release E-071/14
    ("COL", "ia-forced-disappearance", "ratification", "2005-04-12"),  # OAS press release E-067/05
    ("SUR", "ia-older-persons", "accession", "2023-05-08"),  # OAS photo news FNP-123349
    ("ARG", "ia-older-persons", "signature", "2015-06-15"),  # OAS DIL A-70 signatories table
    ("CHL", "ia-racism", "signature", "2015-10-22"),  # OAS press release C-318/15
    ("ATG", "ia-racism", "ratification", "2018-06-01"),  # OAS photo news FNP-94245
    ("COL", "ia-discrimination", "signature", "2014-09-08"),  # OAS press release C-359/14
    ("COL", "ia-traffic-minors", "accession", "2000-08-23"),  # OAS DIL B-57 table
    ("BLZ", "ia-traffic-minors", "ratification", "1997-07-16"),  # OAS DIL B-57 table
    ("ARG", "ia-disability", "ratification", "2001-01-10"),  # OAS press release of 10 Jan 2001
    ("PER", "ia-disability", "ratification", "2001-08-30"),  # OAS press release of 30 Aug 2001
    # UN instruments (UN Treaty Collection, MTDSG chapter and number given)
    ("HTI", "refugee-convention", "accession", "1984-09-25"),  # UNTC V-2
    ("DOM", "refugee-convention", "accession", "1978-01-04"),  # UNTC V-2
    ("ARG", "refugee-protocol", "accession", "1967-12-06"),  # UNTC V-5
    ("USA", "refugee-protocol", "accession", "1968-11-01"),  # UNTC V-5
    ("MEX", "statelessness-1954", "accession", "2000-06-07"),  # UNTC V-3
    ("ECU", "statelessness-1961", "accession", "2012-09-24"),  # UNTC V-4
    ("JAM", "statelessness-1961", "accession", "2013-01-09"),  # UNTC V-4
    ("BRB", "untoc", "ratification", "2014-11-11"),  # UNTC XVIII-12 (page of 2024)
    ("KNA", "untoc", "signature", "2001-11-20"),  # UNTC XVIII-12
    ("CHL", "untoc-trafficking", "ratification", "2004-11-29"),  # UNTC XVIII-12-a
    ("ARG", "untoc-smuggling", "ratification", "2002-11-19"),  # UNTC XVIII-12-b
    ("NIC", "untoc-smuggling", "accession", "2006-02-15"),  # UNTC XVIII-12-b
    ("CUB", "vccr", "ratification", "1965-10-15"),  # UNTC III-6
    ("BOL", "cedaw", "ratification", "1990-06-08"),  # UNTC IV-8
    ("CAN", "crc", "ratification", "1991-12-13"),  # UNTC IV-11
    ("VCT", "cat", "accession", "2001-08-01"),  # UNTC IV-9
    ("BRA", "ced", "ratification", "2010-11-29"),  # UNTC IV-16
    ("BRA", "iccpr-op2", "accession", "2009-09-25"),  # UNTC IV-12
    # ILO conventions (NORMLEX, ILOLEX and ILO news releases)
    ("BRB", "ilo-c097", "ratification", "1967-05-08"),  # NORMLEX C097 ratifications (French)
    ("GUY", "ilo-c097", "ratification", "1966-06-08"),  # NORMLEX C097 ratifications (French)
    ("BRA", "ilo-c029", "ratification", "1957-04-25"),  # NORMLEX, ratifications for Brazil
    ("SUR", "ilo-p029", "ratification", "2019-06-03"),  # ILO news release WCMS_709934
    ("PER", "ilo-p029", "ratification", "2021-06-18"),  # ILO news release WCMS_806026
    ("BRA", "ilo-c105", "ratification", "1965-06-18"),  # NORMLEX, ratifications for Brazil
    ("BRB", "ilo-c087", "ratification", "1967-05-08"),  # NORMLEX, ratifications for Barbados
    ("CUB", "ilo-c098", "ratification", "1952-04-29"),  # NORMLEX C098 ratifications
    ("COL", "ilo-c169", "ratification", "1991-08-07"),  # ILOLEX C169 list of 2009 (archived copy)
    ("CHL", "ilo-c169", "ratification", "2008-09-15"),  # ILOLEX C169 list of 2009 (archived copy)
    # One fact for each instrument not covered above (read on the pages named; UN pages as served on 3 Feb 2026)
    ("JAM", "iccpr-op1", "denunciation", "1997-10-23"),  # UNTC IV-5, footnote 3: notified 23 Oct 1997
    ("USA", "icescr", "signature", "1977-10-05"),  # UNTC IV-3
    ("ARG", "icescr-op", "ratification", "2011-10-24"),  # UNTC IV-3-a
    ("MEX", "icerd", "ratification", "1975-02-20"),  # UNTC IV-2
    ("MEX", "cedaw-op", "ratification", "2002-03-15"),  # UNTC IV-8-b
    ("USA", "crc-opac", "ratification", "2002-12-23"),  # UNTC IV-11-b
    ("USA", "crc-opsc", "ratification", "2002-12-23"),  # UNTC IV-11-c
    ("CHL", "crc-opic", "ratification", "2015-09-01"),  # UNTC IV-11-d
    ("MEX", "crpd", "ratification", "2007-12-17"),  # UNTC IV-15
    ("MEX", "crpd-op", "ratification", "2007-12-17"),  # UNTC IV-15-a (UN page saved in mgaldino/treaties-ideal-point)
    ("VEN", "ilo-c143", "ratification", "1983"),  # NORMLEX comment: 'Venezuela (Bolivarian Republic of) (Ratification: 1983)'
    ("URY", "ilo-c189", "ratification", "2012-06-14"),  # Swiss compilation SR 0.822.728.9, scope as of 5 Oct 2020
    ("MEX", "ilo-c029", "ratification", "1934"),  # NORMLEX comparative table (LavanyaVaidya scrape, 4 Jun 2026)
    ("GTM", "ilo-c087", "ratification", "1952"),  # NORMLEX comment: 'Guatemala (Ratificación : 1952)'
    ("HND", "ia-disability", "accession", "2011-11-10"),  # OAS press release E-950/11
    ("PRY", "ia-traffic-minors", "ratification", "1998-05-12"),  # OAS press release of 12 May 1998
    ("BRA", "ia-return-children", "ratification", "1994-05-03"),  # Brazil's Decree 1.212 of 3 Aug 1994 (deposit date)
]


@pytest.mark.parametrize("state,instrument,action,date", FACTS + MORE_FACTS)
def test_fact(bundled, state, instrument, action, date) -> None:
    events = bundled.events_for(state, instrument)
    assert any(e.action is Action(action) and e.date.isoformat() == date for e in events), events


def test_death_penalty_protocol_parties_are_complete(bundled) -> None:
    # OAS A-53 status table as of 27 Jan 2012 (Spanish page, studylib copy): 13 parties among the members.
    protocol = bundled.by_id["achr-death-penalty"]
    assert [check.states for check in protocol.checks if check.date == D("2012-01-27")] == ["all"]
    parties = {s.code for s in bundled.states if compute(bundled, s, protocol, D("2012-01-27")).status is Status.PARTY}
    assert parties == {"ARG", "BRA", "CHL", "CRI", "DOM", "ECU", "HND", "MEX", "NIC", "PAN", "PRY", "URY", "VEN"}
    assert compute(bundled, bundled.by_code["BOL"], protocol, D("2012-01-27")).status is Status.NONE


def test_states_that_never_joined_the_refugee_convention(bundled) -> None:
    # UNTC V-2 (2015 table: no entry), UN Statements of Treaties 2018-2019, Forced Migration Review 67 (Janmyr).
    convention = bundled.by_id["refugee-convention"]
    for code in ("USA", "VEN", "GUY", "CUB"):
        assert compute(bundled, bundled.by_code[code], convention, D("2019-01-31")).status is Status.NONE


def test_every_instrument_with_events_has_a_fact(bundled) -> None:
    tested = {instrument for _state, instrument, _action, _date in FACTS + MORE_FACTS}
    with_events = {event.instrument for _state, event in bundled.all_events()}
    assert with_events - tested == set()


SPANISH_TITLES = {
    # A sample of the official Spanish titles, each as the cited page writes it (the instrument's `sources`).
    "cedaw-op": "Protocolo Facultativo de la Convención sobre la eliminación de todas las formas de discriminación contra la mujer",
    "refugee-protocol": "Protocolo sobre el Estatuto de los Refugiados",
    "vccr": "Convención de Viena sobre Relaciones Consulares",
    "ilo-c105": "Convenio sobre la abolición del trabajo forzoso, 1957 (núm. 105)",
    "ilo-c189": "Convenio sobre las trabajadoras y los trabajadores domésticos, 2011 (núm. 189)",
}


def test_every_instrument_has_its_spanish_title(bundled) -> None:
    assert [i.id for i in bundled.instruments if not i.title_es] == []
    assert {i: bundled.by_id[i].title_es for i in SPANISH_TITLES} == SPANISH_TITLES

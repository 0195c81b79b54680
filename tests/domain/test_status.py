"""The status engine, table-driven: every status, every transition, entry-into-force rules, next steps."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ratify_cli.domain.dates import PartialDate, parse
from ratify_cli.domain.records import (
    Check,
    EntryIntoForce,
    Event,
    Instrument,
    NoticePeriod,
    Prerequisite,
    SignatureRules,
)
from ratify_cli.domain.status import NextStep, Note, NoteCode, Status, add_months, apply_rule, pair_status
from ratify_cli.domain.vocab import Action, System

D = dt.date.fromisoformat
URL = "https://example.org/x"


def instrument(**changes) -> Instrument:
    base = {
        "id": "conv", "short_name": "CONV", "title_en": "Convention", "title_es": None, "system": System.UN, "depositary": "UNSG",
        "reference": "IV-1", "adopted": D("1990-01-01"), "adopted_place": "New York", "in_force": D("2000-01-01"),
        "entry_into_force": EntryIntoForce(days_after=30, article="art. 1"), "signature": SignatureRules(stage=True),
        "join_without_signature": "accede", "parent": None, "topics": (), "mechanisms": (), "status_url": URL, "sources": (URL,),
        "checks": (Check(date=D("2020-01-01"), source=URL, states="all"),),
    }
    base.update(changes)
    return Instrument(**base)


def ev(action: str, date: str, **extra) -> Event:
    """An event; `date` may be `YYYY`, `YYYY-MM` or `YYYY-MM-DD`."""
    return Event(instrument="conv", action=Action(action), date=parse(date), source=URL, **extra)


CONV = instrument()
ILO = instrument(
    system=System.ILO, signature=SignatureRules(stage=False), join_without_signature="ratify",
    entry_into_force=EntryIntoForce(months_after=12, article="art. 2"),
)
CLOSED = instrument(signature=SignatureRules(stage=True, open_until=D("2002-12-31")))
INCOMPLETE = instrument(checks=())
PARTLY = instrument(checks=(Check(date=D("2020-01-01"), source=URL, states=("MEX", "CAN")),))
NOT_IN_FORCE = instrument(in_force=None)
ICRMW_RULE = instrument(entry_into_force=EntryIntoForce(months_after=3, first_of_following_month=True, article="art. 87(2)"))

SIGNED = [ev("signature", "1995-01-01")]
RATIFIED = SIGNED + [ev("ratification", "2005-03-01")]
DENOUNCED = [ev("accession", "2002-01-01"), ev("denunciation", "2010-01-01", effective=D("2011-01-01"))]
REACCEDED = DENOUNCED + [ev("accession", "2012-05-05")]
WITHDRAWN = SIGNED + [ev("signature-withdrawn", "1998-01-01")]

CASES = [
    # (name, instrument, events, as of, status, next step, in force)
    ("nothing, a check covers every state", CONV, [], "2020-01-01", Status.NONE, NextStep.SIGN, None),
    ("nothing, no check ever", INCOMPLETE, [], "2020-01-01", Status.UNKNOWN, None, None),
    ("nothing, a check covers this state", PARTLY, [], "2020-01-01", Status.NONE, NextStep.SIGN, None),
    ("nothing, no check covers this state (unconfirmed)", PARTLY, [], "2020-01-01", Status.UNKNOWN, None, None),
    ("before adoption", CONV, [], "1989-12-31", Status.NOT_ADOPTED, None, None),
    ("on the day of adoption", CONV, [], "1990-01-01", Status.NONE, NextStep.SIGN, None),
    ("nothing, signature closed", CLOSED, [], "2020-01-01", Status.NONE, NextStep.ACCEDE, None),
    ("nothing, signature still open then", CLOSED, [], "2001-01-01", Status.NONE, NextStep.SIGN, None),
    ("nothing, ILO", ILO, [], "2020-01-01", Status.NONE, NextStep.RATIFY, None),
    ("signed", CONV, SIGNED, "2000-01-01", Status.SIGNED, NextStep.RATIFY, None),
    ("before the signature", CONV, SIGNED, "1994-12-31", Status.NONE, NextStep.SIGN, None),
    ("ratified, waiting 30 days", CONV, RATIFIED, "2005-03-15", Status.PENDING, None, "2005-03-31"),
    ("ratified, in force", CONV, RATIFIED, "2005-03-31", Status.PARTY, None, "2005-03-31"),
    ("between signature and ratification", CONV, RATIFIED, "2005-02-28", Status.SIGNED, NextStep.RATIFY, None),
    ("consent before the instrument is in force", CONV, [ev("ratification", "1998-06-01")], "1999-01-01", Status.PENDING, None, "2000-01-01"),
    ("early consent, instrument now in force", CONV, [ev("ratification", "1998-06-01")], "2000-01-01", Status.PARTY, None, "2000-01-01"),
    ("instrument never in force", NOT_IN_FORCE, [ev("ratification", "1998-06-01")], "2020-01-01", Status.PENDING, None, None),
    ("denunciation notified, not yet effective", CONV, DENOUNCED, "2010-06-01", Status.PARTY, None, "2002-01-31"),
    ("denunciation effective", CONV, DENOUNCED, "2011-01-01", Status.DENOUNCED, NextStep.RE_ACCEDE, None),
    ("re-accession after denunciation", CONV, REACCEDED, "2013-01-01", Status.PARTY, None, "2012-06-04"),
    ("ILO denounced: ratify again", ILO, DENOUNCED, "2011-01-01", Status.DENOUNCED, NextStep.RATIFY, None),
    ("ILO ratification waits twelve months", ILO, [ev("ratification", "2010-01-15")], "2010-12-31", Status.PENDING, None, "2011-01-15"),
    ("ILO ratification in force", ILO, [ev("ratification", "2010-01-15")], "2011-01-15", Status.PARTY, None, "2011-01-15"),
    ("signature withdrawn", CONV, WITHDRAWN, "2000-01-01", Status.NONE, NextStep.SIGN, None),
    ("succession: no waiting period", CONV, [ev("succession", "2004-04-04")], "2004-04-04", Status.PARTY, None, "2004-04-04"),
    ("definitive signature", CONV, [ev("definitive-signature", "2004-04-04")], "2004-05-04", Status.PARTY, None, "2004-05-04"),
    ("ICRMW rule: first of the month after three months", ICRMW_RULE, [ev("ratification", "2007-02-23")], "2007-06-01", Status.PARTY, None, "2007-06-01"),
    ("disputed consent is not counted", CONV, SIGNED + [ev("ratification", "2019-07-31", disputed=True)], "2020-01-01", Status.SIGNED, NextStep.RATIFY, None),
    ("same-day denunciation and re-accession", CONV,
     [ev("accession", "1993-05-10"), ev("denunciation", "1999-01-05", effective=D("1999-04-05")), ev("accession", "1999-01-05")],
     "2000-01-01", Status.PARTY, None, "2000-01-01"),
]


@pytest.mark.parametrize("name,inst,events,as_of,status,step,in_force", CASES, ids=[c[0] for c in CASES])
def test_status(name, inst, events, as_of, status, step, in_force) -> None:
    state = "USA" if "unconfirmed" in name else "MEX"
    result = pair_status(inst, state, events, D(as_of))
    assert result.status is status
    assert result.next_step == step
    assert result.in_force == (parse(in_force) if in_force else None)


def test_every_status_is_covered() -> None:
    assert {case[4] for case in CASES} == set(Status)


def test_every_next_step_is_covered() -> None:
    assert {case[5] for case in CASES} - {None} == set(NextStep)


def test_denounced_reports_effective_date() -> None:
    result = pair_status(CONV, "MEX", DENOUNCED, D("2012-01-01"))
    assert result.denounced == D("2011-01-01")


def test_add_months_clamps_to_month_end() -> None:
    assert add_months(D("2001-01-31"), 1) == D("2001-02-28")
    assert add_months(D("2004-01-31"), 1) == D("2004-02-29")
    assert add_months(D("2001-11-15"), 3) == D("2002-02-15")


def test_rule_on_deposit() -> None:
    assert apply_rule(EntryIntoForce(article="art. 74(2)"), D("1981-03-24")) == D("1981-03-24")


EVENT_LISTS = [SIGNED, RATIFIED, DENOUNCED, REACCEDED, WITHDRAWN]
dates = st.dates(min_value=D("1990-01-01"), max_value=D("2030-12-31"))


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(EVENT_LISTS), st.randoms(use_true_random=False), dates)
def test_event_order_never_matters(events, rnd, as_of) -> None:
    shuffled = list(events)
    rnd.shuffle(shuffled)
    assert pair_status(CONV, "MEX", shuffled, as_of) == pair_status(CONV, "MEX", events, as_of)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(EVENT_LISTS), dates, st.sampled_from(list(Action)), st.integers(min_value=1, max_value=4000))
def test_later_event_never_changes_earlier_status(events, as_of, action, days) -> None:
    later = Event(instrument="conv", action=action, date=as_of + dt.timedelta(days=days), source=URL)
    assert pair_status(CONV, "MEX", list(events) + [later], as_of) == pair_status(CONV, "MEX", events, as_of)


# ---------------------------------------------------------------------------------------------
# Dates known to the year or the month: an interval; before it the act has not happened, after it (entry into force
# applied to its last day) it counts, inside it the status is unknown.

ILO_1930 = instrument(
    system=System.ILO, signature=SignatureRules(stage=False), join_without_signature="ratify", adopted=D("1930-06-28"),
    in_force=D("1932-05-01"), entry_into_force=EntryIntoForce(months_after=12, article="art. 28(3)"),
)
NO_RULE = instrument(entry_into_force=None, in_force=D("1932-05-01"), adopted=D("1930-06-28"))
YEAR_ONLY = [ev("ratification", "2005")]
MONTH_ONLY = [ev("ratification", "2005-03")]

PARTIAL_CASES = [
    # (name, instrument, events, as of, status, in force)
    ("year: the day before the interval", CONV, YEAR_ONLY, "2004-12-31", Status.NONE, None),
    ("year: its first day", CONV, YEAR_ONLY, "2005-01-01", Status.UNKNOWN, None),
    ("year: inside", CONV, YEAR_ONLY, "2005-07-01", Status.UNKNOWN, None),
    ("year: its last day", CONV, YEAR_ONLY, "2005-12-31", Status.UNKNOWN, None),
    ("year: after, but entry into force of the last day not reached", CONV, YEAR_ONLY, "2006-01-29", Status.UNKNOWN, None),
    ("year: entry into force of the last day reached", CONV, YEAR_ONLY, "2006-01-30", Status.PARTY, None),
    ("year: ILO twelve months, in force within one year", ILO_1930, [ev("ratification", "1934")], "1936-01-01", Status.PARTY, "1935"),
    ("year: ILO twelve months, inside the year it took effect", ILO_1930, [ev("ratification", "1934")], "1935-06-01", Status.UNKNOWN, None),
    ("year: in force on deposit (no rule, early consent)", NO_RULE, [ev("ratification", "1931")], "1932-05-01", Status.PARTY, "1932-05-01"),
    ("month: before", CONV, MONTH_ONLY, "2005-02-28", Status.NONE, None),
    ("month: inside", CONV, MONTH_ONLY, "2005-03-15", Status.UNKNOWN, None),
    ("month: after, both readings in force", CONV, MONTH_ONLY, "2005-04-30", Status.PARTY, "2005"),
    ("month: first of the following month rule", ICRMW_RULE, [ev("ratification", "2007-02")], "2007-06-01", Status.PARTY, "2007-06-01"),
    ("year signature: inside", CONV, [ev("signature", "1995")], "1995-06-01", Status.UNKNOWN, None),
    ("year signature: after", CONV, [ev("signature", "1995")], "1996-01-01", Status.SIGNED, None),
    ("exact signature, year ratification inside", CONV, [ev("signature", "1995-02-02"), ev("ratification", "2005")],
     "2005-06-01", Status.UNKNOWN, None),
    ("exact signature, year ratification before", CONV, [ev("signature", "1995-02-02"), ev("ratification", "2005")],
     "2004-06-01", Status.SIGNED, None),
    ("year denunciation after an exact accession: inside", CONV,
     [ev("accession", "2002-01-01"), ev("denunciation", "2010")], "2010-06-01", Status.UNKNOWN, None),
    ("year denunciation after an exact accession: after", CONV,
     [ev("accession", "2002-01-01"), ev("denunciation", "2010")], "2011-01-01", Status.DENOUNCED, None),
]


@pytest.mark.parametrize("name,inst,events,as_of,status,in_force", PARTIAL_CASES, ids=[c[0] for c in PARTIAL_CASES])
def test_partial_dates(name, inst, events, as_of, status, in_force) -> None:
    result = pair_status(inst, "MEX", events, D(as_of))
    assert result.status is status
    assert result.in_force == (parse(in_force) if in_force else None)
    if status is Status.UNKNOWN:
        assert [note.code for note in result.notes] == [NoteCode.UNCERTAIN_DATE]


def test_partial_dates_keep_their_precision() -> None:
    result = pair_status(ILO_1930, "MEX", [ev("ratification", "1934")], D("2026-01-01"))
    assert result.consented == PartialDate(1934)
    assert result.consented.isoformat() == "1934"
    assert pair_status(CONV, "MEX", [ev("signature", "1995-07")], D("2026-01-01")).signed.isoformat() == "1995-07"


def test_uncertain_status_names_the_act() -> None:
    result = pair_status(CONV, "MEX", YEAR_ONLY, D("2005-07-01"))
    assert result.notes == (Note(NoteCode.UNCERTAIN_DATE, action=Action.RATIFICATION, date=PartialDate(2005)),)


# ---------------------------------------------------------------------------------------------
# Checks per state: the newest check covering the state is the pair's `checked` date.

OLD_AND_NEW = instrument(checks=(
    Check(date=D("2015-03-14"), source=URL, states="all"),
    Check(date=D("2024-01-01"), source=URL + "/new", states=("CAN",)),
))

CHECK_CASES = [
    # (name, instrument, state, events, as of, status, checked)
    ("covered by the only check", CONV, "MEX", [], "2026-01-01", Status.NONE, "2020-01-01"),
    ("check after the as-of date still covers it", CONV, "MEX", [], "2005-01-01", Status.NONE, "2020-01-01"),
    ("not covered by any check", PARTLY, "USA", [], "2026-01-01", Status.UNKNOWN, None),
    ("the newest covering check wins", OLD_AND_NEW, "CAN", [], "2026-01-01", Status.NONE, "2024-01-01"),
    ("an older check that covers it, a newer one that does not", OLD_AND_NEW, "MEX", [], "2026-01-01", Status.NONE, "2015-03-14"),
    ("events and a check: party, with its checked date", OLD_AND_NEW, "MEX", RATIFIED, "2026-01-01", Status.PARTY, "2015-03-14"),
    ("events and no check: signed, checked unknown", INCOMPLETE, "MEX", SIGNED, "2026-01-01", Status.SIGNED, None),
]


@pytest.mark.parametrize("name,inst,state,events,as_of,status,checked", CHECK_CASES, ids=[c[0] for c in CHECK_CASES])
def test_checks(name, inst, state, events, as_of, status, checked) -> None:
    result = pair_status(inst, state, events, D(as_of))
    assert result.status is status
    assert result.checked == (D(checked) if checked else None)


def test_none_cites_its_check_and_its_secondary_flag() -> None:
    secondary = instrument(checks=(Check(date=D("2020-01-01"), source=URL + "/scrape", states="all", secondary=True),))
    result = pair_status(secondary, "MEX", [], D("2026-01-01"))
    assert (result.source, result.secondary) == (URL + "/scrape", True)


def test_unchecked_signature_says_later_actions_may_be_missing() -> None:
    assert pair_status(INCOMPLETE, "MEX", SIGNED, D("2020-01-01")).notes == (Note(NoteCode.UNCHECKED),)
    assert pair_status(CONV, "MEX", SIGNED, D("2020-01-01")).notes == ()


# ---------------------------------------------------------------------------------------------
# Prerequisites and notice periods.

PROTOCOL = instrument(id="prot", parent="conv", prerequisite=Prerequisite(instrument="conv", article="art. 8(2)"))

PREREQUISITE_CASES = [
    # (name, events, prerequisite joined, status, next step, prerequisite named)
    ("nothing, prerequisite missing", [], False, Status.NONE, NextStep.SIGN, "conv"),
    ("nothing, prerequisite joined", [], True, Status.NONE, NextStep.SIGN, None),
    ("signed, prerequisite missing", SIGNED, False, Status.SIGNED, NextStep.RATIFY, "conv"),
    ("party: the prerequisite no longer matters", RATIFIED, False, Status.PARTY, None, None),
]


@pytest.mark.parametrize("name,events,joined,status,step,named", PREREQUISITE_CASES, ids=[c[0] for c in PREREQUISITE_CASES])
def test_prerequisites(name, events, joined, status, step, named) -> None:
    result = pair_status(PROTOCOL, "MEX", events, D("2026-01-01"), prerequisite_joined=joined)
    assert (result.status, result.next_step, result.prerequisite) == (status, step, named)


THREE_MONTHS = instrument(denunciation=NoticePeriod(months=3, article="art. 12(1)"))
YEAR_AND_MONTH = instrument(denunciation=NoticePeriod(months=12, first_of_following_month=True, article="art. 89(2)"))
NOTIFIED = [ev("accession", "2002-01-01"), ev("denunciation", "2010-01-15")]

NOTICE_CASES = [
    # (name, instrument, events, as of, status, denounced)
    ("no notice period: effective on notification", CONV, NOTIFIED, "2010-01-15", Status.DENOUNCED, "2010-01-15"),
    ("three months: still party the day before", THREE_MONTHS, NOTIFIED, "2010-04-14", Status.PARTY, "2010-04-15"),
    ("three months: denounced on the day", THREE_MONTHS, NOTIFIED, "2010-04-15", Status.DENOUNCED, "2010-04-15"),
    ("twelve months then the first of the month", YEAR_AND_MONTH, NOTIFIED, "2011-02-01", Status.DENOUNCED, "2011-02-01"),
    ("twelve months then the first of the month: day before", YEAR_AND_MONTH, NOTIFIED, "2011-01-31", Status.PARTY, "2011-02-01"),
    ("a recorded effective date wins over the period", THREE_MONTHS,
     [ev("accession", "2002-01-01"), ev("denunciation", "2010-01-15", effective=D("2010-02-01"))], "2010-02-01",
     Status.DENOUNCED, "2010-02-01"),
]


@pytest.mark.parametrize("name,inst,events,as_of,status,denounced", NOTICE_CASES, ids=[c[0] for c in NOTICE_CASES])
def test_notice_periods(name, inst, events, as_of, status, denounced) -> None:
    result = pair_status(inst, "MEX", events, D(as_of))
    assert (result.status, result.denounced) == (status, D(denounced))


# ---------------------------------------------------------------------------------------------
# Invariants with dates of every precision.

def _at_precision(day: dt.date, precision: int) -> object:
    return day if precision == 2 else PartialDate(day.year, day.month if precision == 1 else None)


recorded = st.builds(_at_precision, st.dates(min_value=D("1991-01-01"), max_value=D("2025-12-31")), st.integers(0, 2))
acts = st.builds(
    lambda action, date: Event(instrument="conv", action=action, date=date, source=URL),
    st.sampled_from([Action.SIGNATURE, Action.RATIFICATION, Action.ACCESSION, Action.DENUNCIATION]),
    recorded,
)


@settings(max_examples=200, deadline=None)
@given(st.lists(acts, max_size=5), st.randoms(use_true_random=False), dates)
def test_partial_event_order_never_matters(events, rnd, as_of) -> None:
    shuffled = list(events)
    rnd.shuffle(shuffled)
    assert pair_status(THREE_MONTHS, "MEX", shuffled, as_of) == pair_status(THREE_MONTHS, "MEX", events, as_of)


@settings(max_examples=200, deadline=None)
@given(st.lists(acts, max_size=4), dates, acts)
def test_partial_later_event_never_changes_earlier_status(events, as_of, later) -> None:
    from ratify_cli.domain.dates import earliest

    if earliest(later.date) <= as_of:
        return
    assert pair_status(THREE_MONTHS, "MEX", events + [later], as_of) == pair_status(THREE_MONTHS, "MEX", events, as_of)

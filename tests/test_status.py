"""The status engine, table-driven: every status, every transition, entry-into-force rules, next steps."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ratify_cli.records import Coverage, EntryIntoForce, Event, Instrument, SignatureRules
from ratify_cli.vocab import Action, System
from ratify_cli.status import NextStep, Status, add_months, apply_rule, pair_status

D = dt.date.fromisoformat
URL = "https://example.org/x"


def instrument(**changes) -> Instrument:
    base = dict(
        id="conv", short_name="CONV", title_en="Convention", title_es=None, system=System.UN, depositary="UNSG",
        reference="IV-1", adopted=D("1990-01-01"), adopted_place="New York", in_force=D("2000-01-01"),
        entry_into_force=EntryIntoForce(days_after=30, article="art. 1"), signature=SignatureRules(stage=True),
        join_without_signature="accede", parent=None, topics=(), mechanisms=(), status_url=URL, sources=(URL,),
        coverage=Coverage(as_of=D("2020-01-01"), source=URL, complete=True),
    )
    base.update(changes)
    return Instrument(**base)


def ev(action: str, date: str, **extra) -> Event:
    return Event(instrument="conv", action=Action(action), date=D(date), source=URL, **extra)


CONV = instrument()
ILO = instrument(
    system=System.ILO, signature=SignatureRules(stage=False), join_without_signature="ratify",
    entry_into_force=EntryIntoForce(months_after=12, article="art. 2"),
)
CLOSED = instrument(signature=SignatureRules(stage=True, open_until=D("2002-12-31")))
INCOMPLETE = instrument(coverage=Coverage(as_of=D("2020-01-01"), source=URL, complete=False))
PARTLY = instrument(coverage=Coverage(as_of=D("2020-01-01"), source=URL, complete=False, unconfirmed=("USA",)))
NOT_IN_FORCE = instrument(in_force=None)
ICRMW_RULE = instrument(entry_into_force=EntryIntoForce(months_after=3, first_of_following_month=True, article="art. 87(2)"))

SIGNED = [ev("signature", "1995-01-01")]
RATIFIED = SIGNED + [ev("ratification", "2005-03-01")]
DENOUNCED = [ev("accession", "2002-01-01"), ev("denunciation", "2010-01-01", effective=D("2011-01-01"))]
REACCEDED = DENOUNCED + [ev("accession", "2012-05-05")]
WITHDRAWN = SIGNED + [ev("signature-withdrawn", "1998-01-01")]

CASES = [
    # (name, instrument, events, as of, status, next step, in force)
    ("nothing, coverage complete", CONV, [], "2020-01-01", Status.NONE, NextStep.SIGN, None),
    ("nothing, coverage incomplete", INCOMPLETE, [], "2020-01-01", Status.UNKNOWN, None, None),
    ("nothing, state confirmed despite incomplete coverage", PARTLY, [], "2020-01-01", Status.NONE, NextStep.SIGN, None),
    ("nothing, state unconfirmed", PARTLY, [], "2020-01-01", Status.UNKNOWN, None, None),
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
    assert result.in_force == (D(in_force) if in_force else None)


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

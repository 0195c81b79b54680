"""Catalog views: the instruments, the states, one record's details, and the changes in a date window."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any, Literal, Optional

from msgspec.structs import replace

from ..domain.dataset import Dataset
from ..domain.dates import PartialDate, earliest, latest
from ..domain.records import ALL, Check, Instrument, State
from ..domain.status import Status, sort_events
from ..domain.vocab import Action
from ..errors import UsageError
from ..query.selection import Selection, compute, select_instruments, select_states
from .glossary import glossary, instrument_ref, numbered, state_name, state_ref
from .report import SOURCE_NUMBER, Column, Msg, Report, Section, plain

EVENT_COLUMNS = (
    Column("date", "date"),
    Column("state", "state", beside="state_label"),
    Column("instrument", "instrument"),
    Column("action", "action", vocab="action"),
    Column("effective", "effective"),
    Column("flags", "notes"),
    Column("ref", "source", vocab=SOURCE_NUMBER),
)
EVENT_HIDDEN = frozenset({"state_label", "ref"})
"""Event row keys for display only: the state's name shown beside its code, the reference to the source list."""


def instruments_table(data: Dataset, sel: Selection) -> Report:
    """One row per instrument with every field of its record."""
    rows = []
    for inst in select_instruments(data, sel):
        row = plain(inst)
        row["coverage_text"] = _coverage_text(inst.newest_check())
        rows.append(row)
    return Report(
        kind="instruments",
        title=Msg("title.instruments"),
        data_version=data.version,
        columns=(
            Column("id", "id"),
            Column("short_name", "name"),
            Column("system", "system", vocab="system"),
            Column("reference", "ref"),
            Column("in_force", "in_force"),
            Column("coverage_text", "newest_check"),
        ),
        rows=tuple(rows),
        summary=(Msg("summary.instruments", {"count": len(rows)}),),
        hidden=frozenset({"coverage_text"}),
    )


def _coverage_text(check: Optional[Check]) -> Msg:
    if check is None:
        return Msg("cell.coverage-none")
    return Msg("cell.coverage", {"date": check.date, "states": "all" if check.states == ALL else len(check.states)})


def states_table(data: Dataset, sel: Selection) -> Report:
    """One row per state with every field of its record and whether it is a member on the date."""
    rows = []
    for state in select_states(data, sel):
        row = plain(state)
        row["member"] = state.oas.is_member(sel.as_of)
        # A year without a confirmed day is a partial date, printed `1951` as every other year-only date is.
        row["joined"] = state.oas.joined or (PartialDate(state.oas.joined_year) if state.oas.joined_year else None)
        row["left"] = state.oas.left
        rows.append(row)
    members = sum(1 for row in rows if row["member"])
    return Report(
        kind="states",
        title=Msg("title.states"),
        as_of=sel.as_of,
        data_version=data.version,
        columns=(
            Column("code", "code"),
            Column("name_en", "name_en"),
            Column("name_es", "name_es"),
            Column("subregion", "subregion", vocab="subregion"),
            Column("member", "member"),
            Column("joined", "joined"),
            Column("left", "left"),
        ),
        rows=tuple(rows),
        summary=(Msg("summary.states", {"states": len(rows), "members": members, "as_of": sel.as_of}),),
        hidden=frozenset({"joined", "left"}),
    )


def _detail_rows(record: dict[str, Any], skip: set[str]) -> tuple[dict[str, Any], ...]:
    from .flat import details

    kept = {key: value for key, value in record.items() if key not in skip}
    return tuple({"field": key, "value": value} for key, value in details(kept, ""))


def _event_row(state: State, event: Any) -> dict[str, Any]:
    flags = [Msg("cell.flag", {"flag": flag}) for flag in ("reservations", "declarations") if getattr(event, flag)]
    flags += [Msg("cell.accepts", {"mechanism": m.id}) for m in event.mechanisms]
    flags += [Msg("cell.flag", {"flag": "disputed"})] if event.disputed else []
    flags += [Msg("cell.flag", {"flag": "secondary"})] if event.secondary else []
    return {
        "date": event.date,
        "state": state.code,
        "state_label": state_name(state),
        "instrument": event.instrument,
        "action": event.action.value,
        "effective": event.effective,
        "source": event.source,
        "secondary": event.secondary,
        "disputed": event.disputed,
        "note": event.note,
        "flags": tuple(flags),
    }


def show(data: Dataset, ident: str, as_of: dt.date) -> Report:
    """The details and sources of one instrument (by id or reference) or one state (by code)."""
    from ..query.lookup import find_either

    state, inst = find_either(data, ident)
    return _show_state(data, state, as_of) if state is not None else _show_instrument(data, inst, as_of)  # type: ignore[arg-type]


def _show_state(data: Dataset, state: State, as_of: dt.date) -> Report:
    record = plain(state)
    record["events"] = [plain(e) for e in state.events if latest(e.date) <= as_of]
    events = tuple(_event_row(state, e) for e in sort_events(state.events) if latest(e.date) <= as_of)
    sources = list(dict.fromkeys(state.oas.sources))
    numbered(events, sources)
    return Report(
        kind="show-state",
        title=Msg("title.show-state", {"state": state_ref(state)}),
        as_of=as_of,
        data_version=data.version,
        columns=(Column("field", "field"), Column("value", "value")),
        rows=_detail_rows(record, {"events"}),
        sections=(Section("events", "events", EVENT_COLUMNS, events),),
        sources=tuple(sources),
        extra={"record": record},
        hidden=EVENT_HIDDEN,
        glossary=glossary(data, [state.code], [e["instrument"] for e in events], label="id"),
    )


def _show_instrument(data: Dataset, inst: Instrument, as_of: dt.date) -> Report:
    record = plain(inst)
    happened = [
        (state, event)
        for state in data.states
        for event in sort_events(data.events_for(state.code, inst.id))
        if latest(event.date) <= as_of
    ]
    # Stable sort: one state's same-day acts keep the order the status rules apply them in (signature first).
    happened.sort(key=lambda pair: (earliest(pair[1].date), pair[0].code))
    events = tuple(_event_row(state, event) for state, event in happened)
    sources = list(dict.fromkeys([inst.status_url, *inst.sources, *(check.source for check in inst.checks)]))
    numbered(events, sources)
    return Report(
        kind="show-instrument",
        title=Msg("title.show-instrument", {"instrument": instrument_ref(inst)}),
        as_of=as_of,
        data_version=data.version,
        columns=(Column("field", "field"), Column("value", "value")),
        rows=_detail_rows(record, set()),
        sections=(Section("events", "events", EVENT_COLUMNS, events),),
        sources=tuple(sources),
        extra={"record": record},
        hidden=EVENT_HIDDEN,
        glossary=glossary(data, [e["state"] for e in events], [inst.id], label="id"),
    )


def changes(
    data: Dataset, sel: Selection, since: dt.date, until: dt.date, by: Literal["state", "instrument"]
) -> Report:
    """Every action in [since, until], grouped, with the number of parties at the start and at the end.

    With `members_only`, each count is taken among the states that were OAS members on its own date, and an action
    is listed when its state was a member on the day it acted: the counts agree with `gaps` and `status` on those dates.
    """
    if until < since:
        raise UsageError(f"--until {until} is before --since {since}")
    start = since - dt.timedelta(days=1)
    everyone = replace(sel, members_only=False)
    states = select_states(data, everyone)
    instruments = select_instruments(data, replace(sel, as_of=until))
    wanted = {i.id for i in instruments}

    def member(state: State, day: dt.date) -> bool:
        return bool(sel.states) or not sel.members_only or state.oas.is_member(day)

    rows = [
        _event_row(state, event)
        for state in states
        for event in sort_events(state.events)
        if event.instrument in wanted
        and since <= earliest(event.date)
        and latest(event.date) <= until
        and member(state, earliest(event.date))
    ]
    group_key = "state" if by == "state" else "instrument"
    rows.sort(key=lambda row: (row[group_key], _day(row["date"]), row["state"], row["instrument"]))
    sources: list[str] = []
    numbered(rows, sources)
    counts = []
    in_scope = [s for s in states if member(s, start) or member(s, until)]
    groups = [s.code for s in in_scope] if by == "state" else [i.id for i in instruments]
    for group in groups:
        pairs = [(s, i) for s in in_scope for i in instruments if (s.code if by == "state" else i.id) == group]
        before = sum(member(s, start) and compute(data, s, i, start).status is Status.PARTY for s, i in pairs)
        after = sum(member(s, until) and compute(data, s, i, until).status is Status.PARTY for s, i in pairs)
        counts.append({"group": group, "party_start": before, "party_end": after, "actions": sum(r[group_key] == group for r in rows)})
    summary = _changes_summary(rows, counts, since, start, until)
    count_columns = (
        Column("group", Msg("header.group", {"by": by})),
        Column("party_start", Msg("header.parties-on", {"date": start})),
        Column("party_end", Msg("header.parties-on", {"date": until})),
        Column("actions", "actions"),
    )
    return Report(
        kind="changes",
        title=Msg("title.changes", {"since": since, "until": until, "by": by}),
        as_of=until,
        data_version=data.version,
        columns=EVENT_COLUMNS,
        rows=tuple(rows),
        summary=summary,
        sections=(Section("counts", "counts", count_columns, tuple(counts)),),
        sources=tuple(sources),
        extra={"since": since, "until": until, "by": by},
        hidden=frozenset({"flags"}) | EVENT_HIDDEN,
        glossary=glossary(data, [r["state"] for r in rows] + (groups if by == "state" else []),
                          [r["instrument"] for r in rows] + (groups if by == "instrument" else []), label="id"),
    )


def _changes_summary(
    rows: list[dict[str, Any]], counts: list[dict[str, Any]], since: dt.date, start: dt.date, until: dt.date
) -> tuple[Msg, ...]:
    """The actions by kind (consents together), and the party relationships at the start and at the end."""
    kinds = Counter("consent" if Action(row["action"]).is_consent else row["action"] for row in rows)
    parties = {
        "start_count": sum(c["party_start"] for c in counts), "start": start,
        "end_count": sum(c["party_end"] for c in counts), "until": until,
    }
    return (
        Msg("summary.changes", {"actions": len(rows), "since": since, "until": until, "kinds": dict(sorted(kinds.items()))}),
        Msg("summary.changes-parties", parties),
    )


def _day(value: Any) -> dt.date:
    """A row's date (a Day) as the first day it can stand for, for sorting."""
    return earliest(value)

"""Gap tables and profiles: which states have yet to join which instruments, computed once as Reports."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from typing import Any

from ..domain.dataset import Dataset
from ..domain.dates import latest
from ..domain.records import Instrument, State
from ..domain.status import PairStatus, Status
from ..query.selection import (
    Selection,
    compute,
    counted,
    find_instrument,
    find_state,
    select_instruments,
    select_states,
)
from .glossary import glossary, instrument_ref, numbered, state_name, state_ref
from .membership import note
from .report import FOOTNOTES, SOURCE_NUMBER, Column, Msg, Report, plain

OLD_NONE = "none-old"
"""The shown status of a `none` whose newest check is more than STALE_AFTER older than the as-of date."""
STALE_AFTER = dt.timedelta(days=366)
LEGEND_ORDER = ("party", "pending", "signed", "denounced", "none", OLD_NONE, "unknown", "not-adopted")
"""Shown statuses in the order legends list them."""
SECONDARY = "secondary"
"""The legend code of a fact resting on a secondary source."""

_COLUMN = {
    "state": Column("state", "state", beside="state_label"),
    "instrument_name": Column("instrument_name", "instrument"),
    "status": Column("shown", "status"),
    "checked": Column("checked", "checked"),
    "signed": Column("signed", "signed"),
    "consented": Column("consented", "consent"),
    "consent_action": Column("consent_action", "act", vocab="action"),
    "in_force": Column("in_force", "in_force"),
    "denounced": Column("denounced", "denounced"),
    "next_step": Column("step", "next_step"),
    "fn": Column("fn", "notes", vocab=FOOTNOTES),
    "ref": Column("ref", "source", vocab=SOURCE_NUMBER),
}


def _columns(*keys: str) -> tuple[Column, ...]:
    return tuple(_COLUMN[key] for key in keys)


STATE_GAP_COLUMNS = _columns(
    "instrument_name", "status", "signed", "consented", "in_force", "denounced", "checked", "next_step", "fn", "ref"
)
INSTRUMENT_GAP_COLUMNS = _columns(
    "state", "status", "signed", "consented", "in_force", "denounced", "checked", "next_step", "fn", "ref"
)
STATUS_COLUMNS = _columns(
    "state", "instrument_name", "status", "signed", "consented", "consent_action", "in_force", "denounced", "checked",
    "fn", "ref"
)


def status_counts(statuses: Iterable[Status]) -> dict[str, int]:
    """How many pairs have each status, every status listed (in the engine's order)."""
    counts = Counter(statuses)
    return {status.value: counts[status] for status in Status}


def shown_status(ps: PairStatus) -> str:
    """The status word a table shows: `none` checked long before the date is told apart from a fresh one."""
    if ps.status is Status.NONE and ps.checked is not None and ps.as_of - latest(ps.checked) > STALE_AFTER:
        return OLD_NONE
    return ps.status.value


STATUS_FIELDS = (
    "state", "state_name", "instrument", "instrument_name", "status", "signed", "consented", "consent_action",
    "in_force", "denounced", "next_step", "prerequisite", "reservations", "declarations", "mechanisms", "notes",
    "checked", "secondary", "source",
)
"""The public row of a pair, in order: the JSON and CSV contract (docs/output.md)."""


def status_row(ps: PairStatus, state: State, inst: Instrument, by_id: dict[str, Instrument]) -> dict[str, Any]:
    """The public JSON/CSV row for one pair (see docs/output.md), with its display-only cells."""
    step = Msg("cell.step", {"step": ps.next_step.value}) if ps.next_step else None
    if ps.prerequisite is not None:
        step = Msg("cell.step-prerequisite", {"instrument": by_id[ps.prerequisite].short_name})
    return {
        "state": state.code,
        "state_name": state.name_en,
        "state_label": state_name(state),
        "instrument": inst.id,
        "instrument_name": inst.short_name,
        "status": ps.status.value,
        "signed": ps.signed,
        "consented": ps.consented,
        "consent_action": ps.consent_action.value if ps.consent_action else None,
        "in_force": ps.in_force,
        "denounced": ps.denounced,
        "next_step": ps.next_step.value if ps.next_step else None,
        "prerequisite": ps.prerequisite,
        "reservations": ps.reservations,
        "declarations": ps.declarations,
        "mechanisms": list(ps.mechanisms),
        "notes": [{key: value for key, value in plain(note).items() if value is not None} for note in ps.notes],
        "checked": ps.checked,
        "secondary": ps.secondary,
        "source": ps.source,
        "shown": Msg("cell.shown", {"status": shown_status(ps), "secondary": bool(ps.secondary)}),
        "step": step,
    }


def _annotate(rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], tuple[Msg, ...], tuple[str, ...]]:
    """Footnotes for reservations, denunciations and notes (numbered in `fn`), and the numbered sources (`ref`)."""
    footnotes: list[Msg] = []
    sources: list[str] = []
    for row in rows:
        names = {"state": row["state"], "instrument": row["instrument_name"]}
        remarks = []
        if row["reservations"] or row["declarations"]:
            kinds = [k for k in ("reservations", "declarations") if row[k]]
            remarks.append(Msg("note.reservations", {**names, "kinds": kinds, "action": row["consent_action"]}))
        if row["denounced"]:
            remarks.append(Msg("note.denounced", {**names, "effective": row["denounced"]}))
        remarks.extend(Msg("note.status", {**names, "note": note}) for note in row["notes"])
        numbers = []
        for remark in remarks:
            footnotes.append(remark)
            numbers.append(len(footnotes))
        if row["source"] and row["source"] not in sources:
            sources.append(row["source"])
        row["fn"] = tuple(numbers)
        row["ref"] = sources.index(row["source"]) + 1 if row["source"] else None
    return rows, tuple(footnotes), tuple(sources)


def _legend(statuses: Iterable[str], secondary: bool = False) -> tuple[str, ...]:
    """The shown statuses used, in legend order, and `secondary` when a fact rests on a secondary source."""
    used = set(statuses)
    return tuple(code for code in LEGEND_ORDER if code in used) + ((SECONDARY,) if secondary else ())


def _pair_report(
    kind: str,
    title: Msg,
    data: Dataset,
    sel: Selection,
    pairs: list[tuple[State, Instrument, PairStatus]],
    summary: tuple[Msg, ...],
    columns: tuple[Column, ...],
    named: tuple[list[str], list[str]] | None = None,
) -> Report:
    """A report of pairs; `named` is the (states, instruments) its glossary names (default: those of the pairs)."""
    rows = [status_row(ps, s, i, data.by_id) for s, i, ps in pairs]
    rows, footnotes, sources = _annotate(rows)
    return Report(
        kind=kind,
        title=title,
        as_of=sel.as_of,
        data_version=data.version,
        columns=columns,
        rows=tuple(rows),
        summary=summary,
        legend=_legend((shown_status(ps) for _s, _i, ps in pairs), any(r["secondary"] for r in rows)),
        footnotes=footnotes,
        sources=sources,
        hidden=frozenset({"fn", "ref", "shown", "step", "state_label"}),
        fields=STATUS_FIELDS,
        gaps=sum(ps.status.is_gap for _s, _i, ps in pairs),
        glossary=glossary(data, *named) if named else glossary(
            data, [s.code for s, _i, _ps in pairs] + list(sel.states), [i.id for _s, i, _ps in pairs]
        ),
    )


def gaps_for_state(data: Dataset, sel: Selection, code: str) -> Report:
    """The instruments a state has not joined, with next steps, and a summary of its counts."""
    state = find_state(data, code)
    instruments = select_instruments(data, sel)
    statuses = {i.id: compute(data, state, i, sel.as_of) for i in instruments}
    counts = status_counts(ps.status for ps in statuses.values())
    existing = sum(counted(ps) for ps in statuses.values())
    ref = state_ref(state)
    summary: tuple[Msg, ...] = (Msg("summary.gaps-state", {"state": ref, "counts": counts, "existing": existing}),)
    membership = note(state, sel.as_of)
    summary += (membership,) if membership is not None else ()
    pairs = [(state, i, statuses[i.id]) for i in instruments if statuses[i.id].status.is_gap]
    title = Msg("title.gaps-state", {"state": ref})
    named = ([state.code], [i.id for _s, i, _ps in pairs])
    return _pair_report("gaps-state", title, data, sel, pairs, summary, STATE_GAP_COLUMNS, named)


def gaps_for_instrument(data: Dataset, sel: Selection, ident: str) -> Report:
    """The states not party to an instrument, with dates, and a summary among the states in scope."""
    inst = find_instrument(data, ident)
    ref = instrument_ref(inst)
    title = Msg("title.gaps-instrument", {"instrument": ref})
    if sel.as_of < inst.adopted:
        summary: tuple[Msg, ...] = (Msg("summary.not-adopted-yet", {"instrument": ref, "adopted": inst.adopted, "as_of": sel.as_of}),)
        return _pair_report("gaps-instrument", title, data, sel, [], summary, INSTRUMENT_GAP_COLUMNS)
    states = select_states(data, sel)
    statuses = {s.code: compute(data, s, inst, sel.as_of) for s in states}
    counts = status_counts(ps.status for ps in statuses.values())
    members = sel.members_only and not sel.states
    newest = inst.newest_check()
    summary = (
        Msg(
            "summary.gaps-instrument",
            {"instrument": ref, "states": len(states), "members": members, "as_of": sel.as_of, "counts": counts},
        ),
        Msg("summary.newest-check", {"date": newest.date, "source": newest.source}) if newest
        else Msg("summary.no-check"),
    )
    pairs = [(s, inst, statuses[s.code]) for s in states if statuses[s.code].status.is_gap]
    named = ([s.code for s, _i, _ps in pairs], [inst.id])
    return _pair_report("gaps-instrument", title, data, sel, pairs, summary, INSTRUMENT_GAP_COLUMNS, named)


def status_table(data: Dataset, sel: Selection) -> Report:
    """Every selected pair, joined or not."""
    states = select_states(data, sel)
    instruments = select_instruments(data, sel)
    pairs = [(s, i, compute(data, s, i, sel.as_of)) for s in states for i in instruments]
    counts = status_counts(ps.status for _s, _i, ps in pairs)
    summary = (Msg("summary.status", {"pairs": len(pairs), "counts": counts}),)
    return _pair_report("status", Msg("title.status"), data, sel, pairs, summary, STATUS_COLUMNS)


def matrix(data: Dataset, sel: Selection) -> Report:
    """States by instruments, one status code per cell (shown as symbols), with per-instrument counts."""
    states = select_states(data, sel)
    instruments = select_instruments(data, sel)
    rows = []
    used: set[str] = set()
    secondary = False
    gaps = 0
    sources: list[str] = []
    for state in states:
        row: dict[str, Any] = {"state": state.code, "state_label": state_name(state)}
        cited: set[int] = set()
        for inst in instruments:
            ps = compute(data, state, inst, sel.as_of)
            shown = shown_status(ps)
            row[inst.id] = ps.status.value
            row[f"{inst.id}~"] = shown
            row[f"{inst.id}~2"] = bool(ps.secondary)
            used.add(shown)
            secondary = secondary or bool(ps.secondary)
            gaps += ps.status.is_gap
            if ps.source:
                numbered([{"source": ps.source}], sources)
                cited.add(sources.index(ps.source) + 1)
        row["ref"] = tuple(sorted(cited))
        rows.append(row)
    parties = Counter(inst_id for row in rows for inst_id, value in row.items() if value == Status.PARTY.value)
    existing = [i for i in instruments if sel.as_of >= i.adopted]
    later = [i.short_name for i in instruments if sel.as_of < i.adopted]
    summary = (
        Msg(
            "summary.matrix",
            {"states": len(states), "instruments": len(existing), "as_of": sel.as_of, "later": later},
        ),
        Msg("summary.parties-per-instrument", {"parties": [[i.short_name, parties[i.id]] for i in existing]}),
    )
    hidden = frozenset(key for inst in instruments for key in (f"{inst.id}~", f"{inst.id}~2")) | {"state_label", "ref"}
    return Report(
        kind="matrix",
        title=Msg("title.matrix"),
        as_of=sel.as_of,
        data_version=data.version,
        columns=(Column("state", "state", beside="state_label"),)
        + tuple(
            Column(f"{i.id}~", Msg("literal", {"text": i.short_name}), symbol=True, flag=f"{i.id}~2", group=i.system.value)
            for i in instruments
        )
        + (Column("ref", "sources", vocab=SOURCE_NUMBER),),
        rows=tuple(rows),
        summary=summary,
        legend=_legend(used, secondary),
        legend_symbols=True,
        sources=tuple(sources),
        gaps=gaps,
        hidden=hidden,
        glossary=glossary(data, [s.code for s in states], [i.id for i in instruments]),
    )

"""Gap tables and profiles: which states have yet to join which instruments, computed once as Reports."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any, Iterable, Optional

from dataclasses import replace

from .frozen import frozen
from .dataset import Dataset
from .dates import latest
from .glossary import glossary, numbered
from .errors import UsageError
from .records import Instrument, State
from .report import Column, Report, plain
from .status import PairStatus, Status, pair_status
from .suggest import suggest
from .words import plural
from .vocab import Subregion, System
from .wording import note_text

OLD_NONE = "none-old"
"""The shown status of a `none` whose newest check is more than STALE_AFTER older than the as-of date."""
STALE_AFTER = dt.timedelta(days=366)
SECONDARY_MARK = "†"
"""Appended to a shown status (or matrix symbol) whose fact rests on a secondary source."""

SYMBOLS = {
    Status.PARTY.value: "●",
    Status.PENDING.value: "◐",
    Status.SIGNED.value: "○",
    Status.DENOUNCED.value: "×",
    Status.NONE.value: "·",
    OLD_NONE: "◌",
    Status.UNKNOWN.value: "?",
    Status.NOT_ADOPTED.value: "–",
}
MEANINGS = {
    Status.PARTY.value: "consent deposited and in force for the state",
    Status.PENDING.value: "consent deposited, not yet in force",
    Status.SIGNED.value: "signed, not yet ratified",
    Status.DENOUNCED.value: "was party, denunciation in effect",
    Status.NONE.value: "no action, per a complete source checked on the date shown",
    OLD_NONE: "no action when a complete source was last read, over a year before the as-of date",
    Status.UNKNOWN.value: "no complete source covers this pair, or an act known only to its year or month "
    "may or may not have happened by the date",
    Status.NOT_ADOPTED.value: "the instrument did not exist yet on the as-of date (not a gap)",
    SECONDARY_MARK: "rests on a secondary source (not the depositary's own page)",
}
LABELS = {OLD_NONE: "none (old check)", Status.NOT_ADOPTED.value: "not adopted"}
"""Shown statuses whose words differ from the status word."""

_COLUMN = {
    "state": Column("state", "State", beside="state_name"),
    "instrument_name": Column("instrument_name", "Instrument"),
    "status": Column("shown", "Status"),
    "checked": Column("checked", "Checked"),
    "signed": Column("signed", "Signed"),
    "consented": Column("consented", "Consent"),
    "consent_action": Column("consent_action", "Act"),
    "in_force": Column("in_force", "In force"),
    "denounced": Column("denounced", "Denounced"),
    "next_step": Column("step", "Next step"),
    "fn": Column("fn", "Notes"),
    "ref": Column("ref", "Source"),
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


@frozen
class Selection:
    """Which states and instruments a command looks at, and as of when."""

    as_of: dt.date
    states: tuple[str, ...] = ()
    instruments: tuple[str, ...] = ()
    system: Optional[System] = None
    topic: Optional[str] = None
    subregion: Optional[Subregion] = None
    members_only: bool = True


def find_state(data: Dataset, code: str) -> State:
    """A state by its code (any case); UsageError with a suggestion when unknown (see lookup.py)."""
    from .lookup import find_state as found

    return found(data, code)


def find_instrument(data: Dataset, ident: str) -> Instrument:
    """An instrument by id or reference (any case); UsageError with a suggestion when unknown (see lookup.py)."""
    from .lookup import find_instrument as found

    return found(data, ident)


def select_instruments(data: Dataset, sel: Selection) -> list[Instrument]:
    """Instruments named, or all, filtered by system and topic, in catalog order."""
    chosen = [find_instrument(data, i) for i in sel.instruments] if sel.instruments else list(data.instruments)
    if sel.system is not None:
        chosen = [i for i in chosen if i.system is sel.system]
    if sel.topic is not None:
        topics = {t for i in data.instruments for t in i.topics}
        if sel.topic not in topics:
            raise UsageError(f"unknown topic {sel.topic!r}{suggest(sel.topic, topics)}; topics: {', '.join(sorted(topics))}")
        chosen = [i for i in chosen if sel.topic in i.topics]
    return chosen


def select_states(data: Dataset, sel: Selection) -> list[State]:
    """States named (always kept), or the members as of the date (or all), filtered by subregion."""
    if sel.states:
        chosen = [find_state(data, code) for code in sel.states]
    else:
        chosen = [s for s in data.states if not sel.members_only or s.oas.is_member(sel.as_of)]
    if sel.subregion is not None:
        chosen = [s for s in chosen if s.subregion is sel.subregion]
    return sorted(chosen, key=lambda s: s.code)


def compute(data: Dataset, state: State, inst: Instrument, as_of: dt.date) -> PairStatus:
    """The status of one pair, knowing whether the state had joined the instrument's prerequisite by then."""
    joined = True
    if inst.prerequisite is not None and inst.prerequisite.instrument in data.by_id:
        parent = data.by_id[inst.prerequisite.instrument]
        parent_status = pair_status(parent, state.code, data.events_for(state.code, parent.id), as_of).status
        joined = parent_status not in (Status.NONE, Status.SIGNED, Status.DENOUNCED, Status.NOT_ADOPTED)
    return pair_status(inst, state.code, data.events_for(state.code, inst.id), as_of, prerequisite_joined=joined)


def counted(ps: PairStatus) -> bool:
    """Whether a pair counts in 'party to N of M' denominators (an instrument not adopted yet does not)."""
    return ps.status is not Status.NOT_ADOPTED


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
    shown = shown_status(ps)
    step = ps.next_step.value if ps.next_step else ""
    if ps.prerequisite is not None:
        step = f"join {by_id[ps.prerequisite].short_name} first"
    return {
        "state": state.code,
        "state_name": state.name_en,
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
        "shown": LABELS.get(shown, shown) + (f" {SECONDARY_MARK}" if ps.secondary else ""),
        "step": step,
    }


def _annotate(rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], tuple[str, ...], tuple[str, ...]]:
    """Footnote markers for reservations, denunciations and notes, and the numbered source list."""
    footnotes: list[str] = []
    sources: list[str] = []
    for row in rows:
        marks = []
        remarks = []
        if row["reservations"] or row["declarations"]:
            kinds = " and ".join(k for k in ("reservations", "declarations") if row[k])
            remarks.append(f"{row['state']} made {kinds} with its {row['consent_action']} of {row['instrument_name']}")
        if row["denounced"]:
            remarks.append(f"{row['state']} denounced {row['instrument_name']}, effective {row['denounced'].isoformat()}")
        remarks.extend(f"{row['state']}, {row['instrument_name']}: {note_text(note)}" for note in row["notes"])
        for remark in remarks:
            footnotes.append(remark)
            marks.append(f"[{len(footnotes)}]")
        if row["source"] and row["source"] not in sources:
            sources.append(row["source"])
        row["fn"] = " ".join(marks)
        row["ref"] = f"S{sources.index(row['source']) + 1}" if row["source"] else ""
    return rows, tuple(footnotes), tuple(sources)


def _legend(statuses: Iterable[str], secondary: bool = False, symbols: bool = True) -> tuple[tuple[str, str], ...]:
    """The meaning of every shown status used (keyed by symbol in the matrix, by word elsewhere)."""
    used = set(statuses)
    legend = tuple(
        (SYMBOLS[word], f"{LABELS.get(word, word)}: {MEANINGS[word]}") if symbols else (f"{LABELS.get(word, word)}:", MEANINGS[word])
        for word in SYMBOLS
        if word in used
    )
    return legend + (((SECONDARY_MARK, MEANINGS[SECONDARY_MARK]),) if secondary else ())


def _pair_report(
    kind: str,
    title: str,
    data: Dataset,
    sel: Selection,
    pairs: list[tuple[State, Instrument, PairStatus]],
    summary: tuple[str, ...],
    columns: tuple[Column, ...],
) -> Report:
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
        legend=_legend((shown_status(ps) for _s, _i, ps in pairs), any(r["secondary"] for r in rows), symbols=False),
        symbols=SYMBOLS,
        footnotes=footnotes,
        sources=sources,
        hidden=frozenset({"fn", "ref", "shown", "step"}),
        fields=STATUS_FIELDS,
        gaps=sum(ps.status.is_gap for _s, _i, ps in pairs),
        glossary=glossary(data, [s.code for s, _i, _ps in pairs] + list(sel.states), [i.id for _s, i, _ps in pairs]),
    )


def _count_phrase(counts: Counter[Status]) -> list[str]:
    phrases = []
    for status, words in (
        (Status.SIGNED, "signed awaiting ratification"),
        (Status.PENDING, "pending entry into force"),
        (Status.DENOUNCED, "denounced"),
        (Status.NONE, "no action"),
        (Status.UNKNOWN, "unknown"),
    ):
        if counts[status] or status in (Status.SIGNED, Status.NONE, Status.UNKNOWN):
            phrases.append(f"{counts[status]} {words}")
    return phrases


def gaps_for_state(data: Dataset, sel: Selection, code: str) -> Report:
    """The instruments a state has not joined, with next steps, and a summary line."""
    state = find_state(data, code)
    instruments = select_instruments(data, sel)
    statuses = {i.id: compute(data, state, i, sel.as_of) for i in instruments}
    counts = Counter(ps.status for ps in statuses.values())
    existing = sum(counted(ps) for ps in statuses.values())
    later = f"; {counts[Status.NOT_ADOPTED]} not yet adopted" if counts[Status.NOT_ADOPTED] else ""
    from .membership import note

    summary = (
        f"{state.name_en} ({state.code}) is party to {counts[Status.PARTY]} of {plural(existing, 'instrument')}; "
        + "; ".join(_count_phrase(counts))
        + later
        + ".",
    ) + tuple(line for line in (note(state, sel.as_of),) if line)
    pairs = [(state, i, statuses[i.id]) for i in instruments if statuses[i.id].status.is_gap]
    title = f"Gaps: {state.name_en} ({state.code})"
    report = _pair_report("gaps-state", title, data, sel, pairs, summary, STATE_GAP_COLUMNS)
    return replace(report, glossary=glossary(data, [state.code], [i.id for _s, i, _ps in pairs]))


def gaps_for_instrument(data: Dataset, sel: Selection, ident: str) -> Report:
    """The states not party to an instrument, with dates, and a summary among the states in scope."""
    inst = find_instrument(data, ident)
    title = f"Gaps: {inst.short_name} ({inst.reference})"
    if sel.as_of < inst.adopted:
        summary = (
            f"{inst.short_name} was adopted on {inst.adopted.isoformat()}: on {sel.as_of.isoformat()} it did not exist "
            "yet, so no state had a step to take.",
        )
        return _pair_report("gaps-instrument", title, data, sel, [], summary, INSTRUMENT_GAP_COLUMNS)
    states = select_states(data, sel)
    statuses = {s.code: compute(data, s, inst, sel.as_of) for s in states}
    counts = Counter(ps.status for ps in statuses.values())
    scope = "OAS member states" if sel.members_only and not sel.states else "states selected"
    newest = inst.newest_check()
    summary = (
        f"{inst.short_name}: among {len(states)} {scope} as of {sel.as_of.isoformat()}, "
        f"{plural(counts[Status.PARTY], 'party')}; " + "; ".join(_count_phrase(counts)) + ".",
        f"Newest check: {newest.date.isoformat()} against {newest.source}" if newest else "No complete source read.",
    )
    pairs = [(s, inst, statuses[s.code]) for s in states if statuses[s.code].status.is_gap]
    report = _pair_report("gaps-instrument", title, data, sel, pairs, summary, INSTRUMENT_GAP_COLUMNS)
    return replace(report, glossary=glossary(data, [s.code for s, _i, _ps in pairs], [inst.id]))


def status_table(data: Dataset, sel: Selection) -> Report:
    """Every selected pair, joined or not."""
    states = select_states(data, sel)
    instruments = select_instruments(data, sel)
    pairs = [(s, i, compute(data, s, i, sel.as_of)) for s in states for i in instruments]
    counts = Counter(ps.status for _s, _i, ps in pairs)
    summary = (f"{plural(len(pairs), 'pair')}: " + "; ".join(f"{counts[s]} {s.value}" for s in Status if counts[s]) + ".",)
    return _pair_report("status", "Status", data, sel, pairs, summary, STATUS_COLUMNS)


def matrix(data: Dataset, sel: Selection) -> Report:
    """States by instruments, one status word per cell (shown as symbols), with per-instrument counts."""
    states = select_states(data, sel)
    instruments = select_instruments(data, sel)
    rows = []
    used: set[str] = set()
    secondary = False
    gaps = 0
    sources: list[str] = []
    for state in states:
        row: dict[str, Any] = {"state": state.code, "state_name": state.name_en}
        cited = []
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
                cited.append(sources.index(ps.source) + 1)
        row["ref"] = " ".join(f"S{n}" for n in sorted(set(cited)))
        rows.append(row)
    parties = Counter(inst_id for row in rows for inst_id, value in row.items() if value == Status.PARTY.value)
    existing = [i for i in instruments if sel.as_of >= i.adopted]
    later = [i.short_name for i in instruments if sel.as_of < i.adopted]
    summary = (
        f"{plural(len(states), 'state')} x {plural(len(existing), 'instrument')} as of {sel.as_of.isoformat()}"
        + (f" ({len(later)} more not yet adopted: {', '.join(later)})" if later else "")
        + ".",
        "Parties per instrument: " + ", ".join(f"{i.short_name} {parties[i.id]}" for i in existing) + ".",
    )
    hidden = frozenset(key for inst in instruments for key in (f"{inst.id}~", f"{inst.id}~2")) | {"state_name", "ref"}
    return Report(
        kind="matrix",
        title="Ratification matrix",
        as_of=sel.as_of,
        data_version=data.version,
        columns=(Column("state", "State", beside="state_name"),)
        + tuple(Column(f"{i.id}~", i.short_name, symbol=True, flag=f"{i.id}~2", group=i.system.value) for i in instruments)
        + (Column("ref", "Sources"),),
        rows=tuple(rows),
        summary=summary,
        legend=_legend(used, secondary),
        symbols=SYMBOLS,
        flag_mark=SECONDARY_MARK,
        sources=tuple(sources),
        gaps=gaps,
        hidden=hidden,
        glossary=glossary(data, [s.code for s in states], [i.id for i in instruments]),
    )

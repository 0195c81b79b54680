"""The whole picture for `ratify report`: matrix, totals, counts then and now, parties over time, every state's gaps.

Computed once here, as plain frozen records; the HTML page (page/) only lays them out.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import replace
from typing import Optional

from .dates import Day, latest
from .dataset import Dataset
from .frozen import frozen
from .gaps import LABELS, MEANINGS, SECONDARY_MARK, SYMBOLS, Selection, compute, select_instruments, select_states, shown_status, status_row
from .records import Instrument
from .status import Status
from .vocab import System

PROGRAM_ADOPTED = dt.date(2005, 6, 7)
"""AG/RES. 2141 (XXXV-O/05): the Inter-American Program on the human rights of migrants, the default --since."""


@frozen
class Cell:
    """One state's status with one instrument, with what it rests on."""

    instrument: str
    status: str
    shown: str
    """The shown status word (`none-old` for a `none` checked long ago)."""
    secondary: bool
    checked: Optional[Day]
    source: int
    """The 1-based number of the source in Overview.sources (0: none)."""
    since: str
    """The date the state became party, signed or denounced, as text ('' when none applies)."""


@frozen
class Gap:
    """One instrument a state has yet to join, and its next step."""

    instrument: str
    shown: str
    step: str
    signed: str
    checked: Optional[Day]
    secondary: bool
    source: int


@frozen
class StateLine:
    """A row of the matrix: a member state, its cells, its party totals per system and overall, its gaps."""

    code: str
    name: str
    cells: tuple[Cell, ...]
    parties: dict[str, int]
    """Parties per system value, and `all`."""
    gaps: tuple[Gap, ...]
    note: str = ""


@frozen
class InstrumentLine:
    """An instrument of the overview, with its party counts among the members then and now."""

    id: str
    short_name: str
    title: str
    reference: str
    system: str
    adopted: dt.date
    parties_now: int
    parties_since: Optional[int]
    """None when the instrument was not adopted yet on the --since date."""
    newest_check: Optional[Day]
    status_url: int


@frozen
class Series:
    """Party relationships among the OAS members over time, for one system."""

    system: str
    points: tuple[tuple[dt.date, int], ...]


@frozen
class Overview:
    """Everything the report page shows, computed once."""

    as_of: dt.date
    since: dt.date
    data_version: str
    systems: tuple[tuple[str, tuple[InstrumentLine, ...]], ...]
    states: tuple[StateLine, ...]
    members_since: int
    """How many states were OAS members on the --since date (the denominator then)."""
    series: tuple[Series, ...]
    legend: tuple[tuple[str, str, str], ...]
    """(shown status, symbol, meaning) for every shown status used; the secondary mark last, if used."""
    symbols: dict[str, str]
    labels: dict[str, str]
    sources: tuple[str, ...]
    secondary_sources: frozenset[int]
    """The numbers of the sources some shown fact rests on as a secondary source."""
    checked: tuple[dt.date, dt.date]
    """The oldest and newest check date behind any cell."""


def _parties(data: Dataset, instruments: list[Instrument], day: dt.date) -> Counter[str]:
    """Parties per instrument id among the OAS members on a day."""
    states = select_states(data, Selection(as_of=day))
    return Counter(
        inst.id for inst in instruments if day >= inst.adopted
        for state in states if compute(data, state, inst, day).status is Status.PARTY
    )


def _series_days(since: dt.date, as_of: dt.date) -> list[dt.date]:
    """The --since date, each 1 January after it, and the as-of date."""
    days = [since] + [dt.date(year, 1, 1) for year in range(since.year + 1, as_of.year + 1)]
    return sorted(set(day for day in days if day <= as_of) | {as_of})


def overview(data: Dataset, as_of: dt.date, since: dt.date = PROGRAM_ADOPTED) -> Overview:
    """The OAS members as of a date against every instrument, with counts at --since and a yearly series."""
    sel = Selection(as_of=as_of)
    order = list(System)
    instruments = sorted(select_instruments(data, sel), key=lambda inst: order.index(inst.system))
    states = select_states(data, sel)
    sources: list[str] = []
    secondary: set[int] = set()
    used: set[str] = set()
    any_secondary = False
    checked: list[dt.date] = []

    def number(url: Optional[str], is_secondary: bool = False) -> int:
        if not url:
            return 0
        if url not in sources:
            sources.append(url)
        n = sources.index(url) + 1
        if is_secondary:
            secondary.add(n)
        return n

    lines = []
    for state in states:
        cells, gaps = [], []
        parties: Counter[str] = Counter()
        for inst in instruments:
            ps = compute(data, state, inst, as_of)
            row = status_row(ps, state, inst, data.by_id)
            shown = shown_status(ps)
            used.add(shown)
            any_secondary = any_secondary or bool(ps.secondary)
            ref = number(ps.source, bool(ps.secondary))
            if ps.checked:
                checked.append(latest(ps.checked))
            when = ps.in_force or ps.consented if ps.status in (Status.PARTY, Status.PENDING) else ps.denounced or ps.signed
            cells.append(Cell(inst.id, ps.status.value, shown, bool(ps.secondary), ps.checked, ref, when.isoformat() if when else ""))
            if ps.status is Status.PARTY:
                parties[inst.system.value] += 1
                parties["all"] += 1
            if ps.status.is_gap:
                gaps.append(Gap(inst.id, shown, row["step"], ps.signed.isoformat() if ps.signed else "", ps.checked, bool(ps.secondary), ref))
        from .membership import note

        lines.append(StateLine(state.code, state.name_en, tuple(cells), dict(parties), tuple(gaps), note(state, as_of) or ""))
    now = _parties(data, instruments, as_of)
    then = _parties(data, instruments, since)
    systems = []
    for system in System:
        members = tuple(
            InstrumentLine(
                inst.id, inst.short_name, inst.title_en, inst.reference, inst.system.value, inst.adopted, now[inst.id],
                then[inst.id] if since >= inst.adopted else None,
                newest.date if (newest := inst.newest_check()) else None, number(inst.status_url),
            )
            for inst in instruments if inst.system is system
        )
        if members:
            systems.append((system.value, members))
    series = []
    days = _series_days(since, as_of)
    counts = {day: _parties(data, instruments, day) for day in days}
    for system, members in systems:
        ids = [m.id for m in members]
        series.append(Series(system, tuple((day, sum(counts[day][i] for i in ids)) for day in days)))
    legend = tuple((word, SYMBOLS[word], MEANINGS[word]) for word in SYMBOLS if word in used)
    if any_secondary:
        legend += ((SECONDARY_MARK, SECONDARY_MARK, MEANINGS[SECONDARY_MARK]),)
    return Overview(
        as_of=as_of,
        since=since,
        data_version=data.version,
        systems=tuple(systems),
        states=tuple(lines),
        members_since=len(select_states(data, replace(sel, as_of=since))),
        series=tuple(series),
        legend=legend,
        symbols=dict(SYMBOLS),
        labels={word: LABELS.get(word, word) for word in SYMBOLS},
        sources=tuple(sources),
        secondary_sources=frozenset(secondary),
        checked=(min(checked), max(checked)) if checked else (as_of, as_of),
    )

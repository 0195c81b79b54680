"""The whole picture for `ratify report`: matrix, totals, counts then and now, parties over time, every state's gaps.

Computed once here, as plain frozen records of data and codes; the HTML page (formats/page/) words and lays them out.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any, Optional

from msgspec import Struct

from ..domain.dataset import Dataset
from ..domain.dates import Day, latest
from ..domain.records import Instrument
from ..domain.status import Status
from ..domain.vocab import System
from ..query.selection import Selection, compute, select_instruments, select_states
from .gaps import LEGEND_ORDER, SECONDARY, shown_status, status_row
from .glossary import instrument_ref, state_ref
from .membership import note
from .report import Msg

PROGRAM_ADOPTED = dt.date(2005, 6, 7)
"""AG/RES. 2141 (XXXV-O/05): the Inter-American Program on the human rights of migrants, the default --since."""


class Cell(Struct, frozen=True):
    """One state's status with one instrument, with what it rests on."""

    instrument: str
    status: str
    shown: str
    """The shown status code (`none-old` for a `none` checked long ago)."""
    secondary: bool
    checked: Optional[Day]
    source: int
    """The 1-based number of the source in Overview.sources (0: none)."""
    since: str
    """The date the state became party, signed or denounced, as text ('' when none applies)."""


class Gap(Struct, frozen=True):
    """One instrument a state has yet to join, and its next step."""

    instrument: str
    shown: str
    step: Optional[Msg]
    """The next step as a message (`cell.step`, `cell.step-prerequisite`)."""
    signed: str
    checked: Optional[Day]
    secondary: bool
    source: int


class StateLine(Struct, frozen=True):
    """A row of the matrix: a member state, its cells, its party totals per system and overall, its gaps."""

    code: str
    state: dict[str, str]
    """The state as messages name it: code, name_en, name_es."""
    cells: tuple[Cell, ...]
    parties: dict[str, int]
    """Parties per system value, and `all`."""
    gaps: tuple[Gap, ...]
    note: Optional[Msg] = None
    """What a reader must know about the state's OAS membership on the date (None for a member)."""


class InstrumentLine(Struct, frozen=True):
    """An instrument of the overview, with its party counts among the members then and now."""

    id: str
    short_name: str
    instrument: dict[str, Any]
    """The instrument as messages name it: id, short name, reference, titles."""
    system: str
    adopted: dt.date
    parties_now: int
    parties_since: Optional[int]
    """None when the instrument was not adopted yet on the --since date."""
    newest_check: Optional[Day]
    status_url: int


class Series(Struct, frozen=True):
    """Party relationships among the OAS members over time, for one system."""

    system: str
    points: tuple[tuple[dt.date, int], ...]


class Overview(Struct, frozen=True):
    """Everything the report page shows, computed once."""

    as_of: dt.date
    since: dt.date
    data_version: str
    systems: tuple[tuple[str, tuple[InstrumentLine, ...]], ...]
    states: tuple[StateLine, ...]
    members_since: int
    """How many states were OAS members on the --since date (the denominator then)."""
    series: tuple[Series, ...]
    legend: tuple[str, ...]
    """Every shown status code used, in legend order; `secondary` last, if some fact rests on a secondary source."""
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
    return sorted({day for day in days if day <= as_of} | {as_of})


class _Sources:
    """The numbered list of sources the page cites, and which of them some fact rests on as a secondary source."""

    def __init__(self) -> None:
        self.urls: list[str] = []
        self.secondary: set[int] = set()

    def number(self, url: Optional[str], is_secondary: bool = False) -> int:
        if not url:
            return 0
        if url not in self.urls:
            self.urls.append(url)
        n = self.urls.index(url) + 1
        if is_secondary:
            self.secondary.add(n)
        return n


def overview(data: Dataset, as_of: dt.date, since: dt.date = PROGRAM_ADOPTED) -> Overview:
    """The OAS members as of a date against every instrument, with counts at --since and a yearly series."""
    sel = Selection(as_of=as_of)
    order = list(System)
    instruments = sorted(select_instruments(data, sel), key=lambda inst: order.index(inst.system))
    states = select_states(data, sel)
    sources = _Sources()
    used: set[str] = set()
    any_secondary = False
    checked: list[dt.date] = []
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
            ref = sources.number(ps.source, bool(ps.secondary))
            if ps.checked:
                checked.append(latest(ps.checked))
            when = ps.in_force or ps.consented if ps.status in (Status.PARTY, Status.PENDING) else ps.denounced or ps.signed
            cells.append(Cell(inst.id, ps.status.value, shown, bool(ps.secondary), ps.checked, ref, when.isoformat() if when else ""))
            if ps.status is Status.PARTY:
                parties[inst.system.value] += 1
                parties["all"] += 1
            if ps.status.is_gap:
                signed = ps.signed.isoformat() if ps.signed else ""
                gaps.append(Gap(inst.id, shown, row["step"], signed, ps.checked, bool(ps.secondary), ref))
        lines.append(StateLine(state.code, state_ref(state), tuple(cells), dict(parties), tuple(gaps), note(state, as_of)))
    now = _parties(data, instruments, as_of)
    then = _parties(data, instruments, since)
    systems = []
    for system in System:
        members = tuple(
            InstrumentLine(
                inst.id, inst.short_name, instrument_ref(inst), inst.system.value, inst.adopted, now[inst.id],
                then[inst.id] if since >= inst.adopted else None,
                newest.date if (newest := inst.newest_check()) else None, sources.number(inst.status_url),
            )
            for inst in instruments if inst.system is system
        )
        if members:
            systems.append((system.value, members))
    days = _series_days(since, as_of)
    counts = {day: _parties(data, instruments, day) for day in days}
    series = tuple(
        Series(system, tuple((day, sum(counts[day][m.id] for m in members)) for day in days)) for system, members in systems
    )
    legend = tuple(code for code in LEGEND_ORDER if code in used) + ((SECONDARY,) if any_secondary else ())
    return Overview(
        as_of=as_of,
        since=since,
        data_version=data.version,
        systems=tuple(systems),
        states=tuple(lines),
        members_since=len(select_states(data, Selection(as_of=since))),
        series=series,
        legend=legend,
        sources=tuple(sources.urls),
        secondary_sources=frozenset(sources.secondary),
        checked=(min(checked), max(checked)) if checked else (as_of, as_of),
    )

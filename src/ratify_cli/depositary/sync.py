"""Comparing the data with the depositaries' pages: what they show that the data lacks, or dates that differ."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Optional

import httpx
from msgspec import Struct, field

from ..domain import dates
from ..domain.dataset import Dataset
from ..domain.dates import Day
from ..domain.records import Event, Instrument
from ..domain.status import sort_events
from ..domain.vocab import Action, System
from . import PageError, ParsedEvent, ParsedPage, ilo, oas, un
from .fetch import DEFAULT_POLICY, Fetched, FetchPolicy, fetch_all
from .names import NameIndex

if TYPE_CHECKING:
    from ..reports.report import Report

PARSERS = {System.UN: un.parse, System.INTER_AMERICAN: oas.parse, System.ILO: ilo.parse}
DriftKind = Literal["missing", "differs", "extra"]


def family(action: Action) -> str:
    """Actions compared with each other: every consent act is one family."""
    return "consent" if action.is_consent else action.value


class Drift(Struct, frozen=True):
    """One disagreement between the data and a depositary page."""

    kind: DriftKind
    """`missing`: the page shows it, the data lacks it; `differs`: date or act differ; `extra`: only the data has it."""
    instrument: str
    state: str
    action: Action
    page_date: Optional[dt.date]
    data_date: Optional[Day]
    page_url: str
    data_action: Optional[Action] = None
    parsed: Optional[ParsedEvent] = None


class Failure(Struct, frozen=True):
    """A page that could not be fetched or read."""

    instrument: str
    url: str
    message: str
    offline: bool = False


class SyncResult(Struct, frozen=True):
    """Every page read, every failure, and the drift between pages and data."""

    pages: tuple[ParsedPage, ...]
    failures: tuple[Failure, ...]
    drift: tuple[Drift, ...] = field(default=())
    skipped: tuple[str, ...] = field(default=())
    """Instruments with no saved page in the `--from` folder: not read, not failed."""
    fetched: tuple[tuple[str, Fetched], ...] = field(default=())
    """Each instrument's page as fetched or read from a file (for `--save`)."""

    @property
    def offline(self) -> bool:
        """True when no page was reached because no connection could be made."""
        return bool(self.failures) and not self.pages and all(f.offline for f in self.failures)


def names_of(data: Dataset) -> NameIndex:
    """The name index for the states in the data."""
    return NameIndex((s.code, (s.name_en, s.name_es)) for s in data.states)


def read_page(inst: Instrument, fetched: Fetched, names: NameIndex) -> ParsedPage | Failure:
    """Parse one fetched page with its depositary's parser."""
    if fetched.text is None:
        return Failure(inst.id, fetched.url, fetched.error or "not fetched", fetched.offline)
    try:
        return PARSERS[inst.system](fetched.text, url=fetched.url, instrument=inst.id, reference=inst.reference, names=names)
    except PageError as exc:
        return Failure(inst.id, fetched.url, str(exc))


def read_for(states: Iterable[str], page: ParsedPage) -> frozenset[str]:
    """The states (of `states`, the data's) a page was read for: all of them (a state absent from a complete table
    has no act), or only those listed when a participant's name was not recognised; never one whose row was skipped."""
    every = frozenset(states)
    return frozenset((page.listed & every if page.unknown else every) - page.skipped)


def compare(data: Dataset, page: ParsedPage) -> list[Drift]:
    """The drift between one page and the data, for the states the page was read for."""
    drift: list[Drift] = []
    parsed: dict[tuple[str, str], list[ParsedEvent]] = {}
    for event in page.events:
        if event.state in data.by_code:
            parsed.setdefault((event.state, family(event.action)), []).append(event)
    covered = read_for((s.code for s in data.states), page)
    for state in (s for s in data.states if s.code in covered):
        recorded = [e for e in sort_events(data.events_for(state.code, page.instrument)) if not e.disputed]
        for kind in sorted({family(a) for a in page.covers}):
            ours = [e for e in recorded if family(e.action) == kind]
            theirs = parsed.get((state.code, kind), [])
            drift.extend(_pair_drift(page, state.code, ours, theirs))
    return drift


def _pair_drift(page: ParsedPage, state: str, ours: list[Event], theirs: list[ParsedEvent]) -> Iterable[Drift]:
    unmatched = list(ours)
    for event in theirs:
        # A date the data knows only to its month or year agrees with any page date inside it.
        same = next((e for e in unmatched if dates.earliest(e.date) <= event.date <= dates.latest(e.date)), None)
        if same is not None:
            unmatched.remove(same)
            if same.action is not event.action:
                yield Drift("differs", page.instrument, state, event.action, event.date, same.date, page.url, same.action, event)
            continue
        # A table shows one act per column: the data's latest act of the same kind is the one it describes.
        latest = unmatched[-1] if unmatched else None
        if latest is not None:
            unmatched.remove(latest)
            yield Drift("differs", page.instrument, state, event.action, event.date, latest.date, page.url, latest.action, event)
        else:
            yield Drift("missing", page.instrument, state, event.action, event.date, None, page.url, parsed=event)
    if not theirs and ours:
        # Earlier acts (superseded by a re-accession) are history a status table no longer shows.
        latest = ours[-1]
        yield Drift("extra", page.instrument, state, latest.action, None, latest.date, page.url, latest.action)


def select(data: Dataset, ids: Iterable[str], system: Optional[System]) -> list[Instrument]:
    """The instruments to sync: those named, or all, of one system or all."""
    from ..query.selection import find_instrument

    chosen = [find_instrument(data, i) for i in ids] or list(data.instruments)
    return [i for i in chosen if system is None or i.system is system]


def sync(
    data: Dataset,
    instruments: list[Instrument],
    policy: FetchPolicy = DEFAULT_POLICY,
    transport: Optional[httpx.BaseTransport] = None,
    on_done: Optional[Callable[[Fetched], None]] = None,
    saved: Optional[Path] = None,
) -> SyncResult:
    """Fetch (or, given `saved`, read from that folder) every instrument's status page and compare it with the data."""
    by_id: dict[str, Fetched] = {}
    skipped: list[str] = []
    if saved is not None:
        from .saved import read_manifest, saved_page

        manifest = read_manifest(saved)
        for inst in instruments:
            page = saved_page(saved, inst, manifest)
            if page is None:
                skipped.append(inst.id)
            else:
                by_id[inst.id] = page
    else:
        fetched = fetch_all((i.status_url for i in instruments), policy, transport, on_done)
        by_id = {inst.id: fetched[inst.status_url] for inst in instruments}
    names = names_of(data)
    pages: list[ParsedPage] = []
    failures: list[Failure] = []
    for inst in instruments:
        if inst.id in by_id:
            outcome = read_page(inst, by_id[inst.id], names)
            (failures if isinstance(outcome, Failure) else pages).append(outcome)  # type: ignore[arg-type]
    drift = [d for page in pages for d in compare(data, page)]
    return SyncResult(tuple(pages), tuple(failures), tuple(drift), tuple(skipped), tuple(by_id.items()))


def problems(result: SyncResult) -> list[str]:
    """Rows a page showed that could not be used: unknown participant names, dates that read two ways."""
    return [
        f"{page.instrument}: {page.url}: " + line
        for page in result.pages
        for line in (*(f"{row}: unknown participant name" for row in page.unknown), *page.doubtful)
    ]


DRIFT_FIELDS = ("instrument", "state", "kind", "action", "data_action", "data_date", "page_date", "page_url")


def drift_report(data: Dataset, result: SyncResult, today: dt.date) -> Report:
    """The drift as a table: one row per disagreement, with a summary of pages read and failed."""
    from ..reports.report import Column, Msg, Report

    rows = tuple(
        {
            "instrument": d.instrument,
            "state": d.state,
            "kind": d.kind,
            "action": d.action.value,
            "data_action": d.data_action.value if d.data_action else None,
            "data_date": d.data_date,
            "page_date": d.page_date,
            "page_url": d.page_url,
        }
        for d in sorted(result.drift, key=lambda d: (d.instrument, d.state, d.kind, d.action.value))
    )
    kinds = {kind: sum(d.kind == kind for d in result.drift) for kind in ("missing", "differs", "extra")}
    counts = {"pages": len(result.pages), "failed": len(result.failures), "skipped": len(result.skipped), **kinds}
    summary = (Msg("summary.sync", counts),) + tuple(
        Msg("summary.sync-page-note", {"instrument": page.instrument, "note": note})
        for page in result.pages
        for note in page.ignored
    )
    unread = problems(result)
    if unread:
        summary += (Msg("summary.sync-unread", {"count": len(unread)}),)
    return Report(
        kind="sync",
        title=Msg("title.sync"),
        as_of=today,
        data_version=data.version,
        columns=(
            Column("instrument", "instrument"),
            Column("state", "state"),
            Column("kind", "drift", vocab="drift"),
            Column("action", "act_page", vocab="action"),
            Column("page_date", "page"),
            Column("data_date", "data"),
        ),
        rows=rows,
        summary=summary,
        sources=tuple(page.url for page in result.pages),
        fields=DRIFT_FIELDS,
        extra={
            "failures": [{"instrument": f.instrument, "url": f.url, "message": f.message} for f in result.failures],
            "skipped": list(result.skipped),
            "unread": unread,
        },
    )

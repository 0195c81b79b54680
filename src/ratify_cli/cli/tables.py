"""The table commands: gaps, status, changes, instruments, coverage, states, show."""

# No `from __future__ import annotations` in the cli package: Typer reads every command's annotations on each run,
# and evaluating them from strings costs start-up time.

import datetime as dt
from typing import Annotated, Optional

import typer

from ..errors import UsageError
from ..reports import catalog
from ..reports.gaps import status_table
from .common import check_filters, load_dataset, location_of, open_folder, selection, write_report
from .options import (
    AsOfOpt,
    DataOpt,
    FormatOpt,
    InstrumentOpt,
    LangOpt,
    MembersOpt,
    OutputOpt,
    StateOpt,
    SubregionOpt,
    SystemOpt,
    TopicOpt,
    WidthOpt,
    as_of_date,
    one_of,
    parse_date,
)


def gaps(
    state: Annotated[Optional[str], typer.Option("--state", "-s", help="Gaps of one state (ISO alpha-3).")] = None,
    instrument: Annotated[
        Optional[str], typer.Option("--instrument", "-i", help="Gaps for one instrument (id or reference).")
    ] = None,
    as_of: AsOfOpt = None,
    system: SystemOpt = None,
    topic: TopicOpt = None,
    subregion: SubregionOpt = None,
    members: MembersOpt = True,
    fmt: FormatOpt = "table",
    lang: LangOpt = "en",
    output: OutputOpt = None,
    width: WidthOpt = None,
    exit_code: Annotated[bool, typer.Option("--exit-code", help="Exit 1 when any gap is listed (for CI).")] = False,
    data: DataOpt = None,
) -> None:
    """Which instruments a state has yet to join, which states have yet to join an instrument, or the matrix."""
    if state and instrument:
        raise UsageError("give --state or --instrument, not both (use `ratify status` for one pair)")
    location = location_of(data)
    folder = open_folder(location)
    sel = selection(as_of, system=system, topic=topic, subregion=subregion, members=members)
    report = folder.gaps_report(state, instrument, sel)
    write_report(report, fmt, output, location, width, lang)
    if exit_code and report.gaps:
        raise typer.Exit(1)


def status(
    state: StateOpt = None,
    instrument: InstrumentOpt = None,
    as_of: AsOfOpt = None,
    system: SystemOpt = None,
    topic: TopicOpt = None,
    subregion: SubregionOpt = None,
    members: MembersOpt = True,
    fmt: FormatOpt = "table",
    lang: LangOpt = "en",
    output: OutputOpt = None,
    width: WidthOpt = None,
    data: DataOpt = None,
) -> None:
    """Every selected (state, instrument) pair, joined or not, with dates, consent type and reservations."""
    location = location_of(data)
    dataset = load_dataset(location)
    sel = selection(as_of, state, instrument, system, topic, subregion, members)
    check_filters(dataset, sel)
    write_report(status_table(dataset, sel), fmt, output, location, width, lang)


def changes(
    since: Annotated[str, typer.Option("--since", help="First day of the window, YYYY-MM-DD.")] = "2005-06-07",
    until: Annotated[Optional[str], typer.Option("--until", help="Last day (default: today).")] = None,
    by: Annotated[str, typer.Option("--by", help="Group by `state` or `instrument` (any case).")] = "instrument",
    state: StateOpt = None,
    instrument: InstrumentOpt = None,
    system: SystemOpt = None,
    topic: TopicOpt = None,
    subregion: SubregionOpt = None,
    members: MembersOpt = True,
    fmt: FormatOpt = "table",
    lang: LangOpt = "en",
    output: OutputOpt = None,
    width: WidthOpt = None,
    data: DataOpt = None,
) -> None:
    """Every signature, consent and denunciation in a window (default: since the Program, 7 June 2005)."""
    group = one_of(by, ("state", "instrument"), "--by")
    start = parse_date(since, "--since")
    today = dt.date.today()
    if until is None and start is not None and start > today:
        raise UsageError(f"--since {start.isoformat()} is after today ({today.isoformat()}); give an earlier date")
    location = location_of(data)
    folder = open_folder(location)
    sel = selection(until, state, instrument, system, topic, subregion, members, as_of_option="--until")
    check_filters(folder.dataset, sel)
    report = folder.changes_report(start, sel, group)  # type: ignore[arg-type]
    write_report(report, fmt, output, location, width, lang)


def instruments(
    system: SystemOpt = None,
    topic: TopicOpt = None,
    fmt: FormatOpt = "table",
    lang: LangOpt = "en",
    output: OutputOpt = None,
    width: WidthOpt = None,
    data: DataOpt = None,
) -> None:
    """The instrument catalog, with each instrument's coverage."""
    location = location_of(data)
    dataset = load_dataset(location)
    sel = selection(None, system=system, topic=topic)
    check_filters(dataset, sel)
    write_report(catalog.instruments_table(dataset, sel), fmt, output, location, width, lang)


def coverage(
    by: Annotated[str, typer.Option("--by", help="Group by `system` or `instrument` (any case).")] = "system",
    as_of: AsOfOpt = None,
    system: SystemOpt = None,
    topic: TopicOpt = None,
    fmt: FormatOpt = "table",
    lang: LangOpt = "en",
    output: OutputOpt = None,
    width: WidthOpt = None,
    data: DataOpt = None,
) -> None:
    """How complete the data is: pairs per status, and the share still unknown, among the members on the date."""
    from ..reports.coverage import completeness

    group = one_of(by, ("system", "instrument"), "--by")
    location = location_of(data)
    dataset = load_dataset(location)
    sel = selection(as_of, system=system, topic=topic)
    check_filters(dataset, sel)
    write_report(completeness(dataset, sel, group), fmt, output, location, width, lang)  # type: ignore[arg-type]


def states(
    as_of: AsOfOpt = None,
    subregion: SubregionOpt = None,
    members: MembersOpt = True,
    fmt: FormatOpt = "table",
    lang: LangOpt = "en",
    output: OutputOpt = None,
    width: WidthOpt = None,
    data: DataOpt = None,
) -> None:
    """The states in scope and their OAS membership."""
    location = location_of(data)
    sel = selection(as_of, subregion=subregion, members=members)
    write_report(catalog.states_table(load_dataset(location), sel), fmt, output, location, width, lang)


def show(
    ident: Annotated[str, typer.Argument(metavar="ID", help="A state code, instrument id or reference.")],
    as_of: AsOfOpt = None,
    fmt: FormatOpt = "table",
    lang: LangOpt = "en",
    output: OutputOpt = None,
    width: WidthOpt = None,
    data: DataOpt = None,
) -> None:
    """One state's or instrument's details, events and sources."""
    location = location_of(data)
    day = as_of_date(as_of)
    write_report(catalog.show(load_dataset(location), ident, day), fmt, output, location, width, lang)


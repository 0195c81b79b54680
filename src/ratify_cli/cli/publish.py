"""The commands that publish the data whole: report (one HTML page) and export (CSV, datapackage.json, SQLite)."""

# No `from __future__ import annotations` in the cli package: Typer reads every command's annotations on each run,
# and evaluating them from strings costs start-up time.

import sys
from pathlib import Path
from typing import Annotated

import typer

from ..errors import UsageError
from ..loading.paths import protected_folders
from ..output import emit
from .common import load_dataset, location_of
from .options import AsOfOpt, DataOpt, LangOpt, OutputOpt, as_of_date, parse_date


def report(
    output: OutputOpt = None,
    as_of: AsOfOpt = None,
    since: Annotated[
        str, typer.Option("--since", help="Compare party counts with this date (default: the Program's adoption).")
    ] = "2005-06-07",
    lang: LangOpt = "en",
    data: DataOpt = None,
) -> None:
    """One self-contained HTML page: the matrix, counts then and now, parties over time, every member's gaps."""
    from ..formats.page import render_overview
    from ..reports.overview import overview

    day = as_of_date(as_of)
    start = parse_date(since, "--since")
    assert start is not None
    if start > day:
        raise UsageError(f"--since {start.isoformat()} is after the as-of date {day.isoformat()}; give an earlier date")
    location = location_of(data)
    content = render_overview(overview(load_dataset(location), day, start), str(location.folder), lang)  # type: ignore[arg-type]
    emit(content, output, protected=protected_folders(location))


def export(
    folder: Annotated[Path, typer.Argument(metavar="DIR", help="Folder to write into (created if missing).")],
    as_of: AsOfOpt = None,
    data: DataOpt = None,
) -> None:
    """The dataset whole: instruments, states, events and statuses as CSV with datapackage.json, and one SQLite file."""
    from ..export import tables, write

    day = as_of_date(as_of)
    location = location_of(data)
    dataset = load_dataset(location)
    written = write(folder, tables(dataset, day), protected=protected_folders(location), version=dataset.version)
    sys.stderr.write(f"ratify: wrote {', '.join(str(path) for path in written)}\n")

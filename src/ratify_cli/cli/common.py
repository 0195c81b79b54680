"""What every command does around its one core call: find and load the data, select, write the report."""

# No `from __future__ import annotations` in the cli package: Typer reads every command's annotations on each run,
# and evaluating them from strings costs start-up time.

import functools
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Optional, TypeVar

import typer
from msgspec.structs import replace

from ..api import Data, open_data
from ..domain.dataset import Dataset
from ..domain.vocab import Subregion, System
from ..errors import DataError, RatifyError
from ..formats import OutputFormat, RenderOptions, render
from ..formats.safe import printable
from ..loading.paths import DataLocation, locate, protected_folders
from ..output import emit
from ..query.filters import check
from ..query.selection import Selection
from ..reports.report import Report
from ..text import Lang
from . import console
from .options import as_of_date

F = TypeVar("F", bound=Callable[..., Any])


class Settings:
    """The global options of this run (set by the app's callback before any command runs)."""

    debug = False
    use_cache = True


def handled(func: F) -> F:
    """Translate the RatifyError family into a message on stderr and an exit code, once for all commands."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except typer.Exit:
            raise
        except RatifyError as exc:
            if Settings.debug:
                raise
            _report_error(exc)
            raise typer.Exit(exc.exit_code) from None

    return wrapper  # type: ignore[return-value]


def _report_error(exc: RatifyError) -> None:
    if isinstance(exc, DataError):
        for finding in exc.findings[:20]:
            sys.stderr.write(printable(str(finding)) + "\n")
        if len(exc.findings) > 20:
            sys.stderr.write(f"... and {len(exc.findings) - 20} more\n")
    sys.stderr.write(f"ratify: error: {printable(str(exc))}\n")


def location_of(data: Optional[Path]) -> DataLocation:
    """The data folder in use; an error naming where it came from when it is not a folder."""
    location = locate(data)
    if not location.folder.is_dir():
        raise DataError(f"the data folder {location.describe()} does not exist or is not a folder")
    return location


def open_folder(location: DataLocation) -> Data:
    """The data of the folder through the Python API (from the cache when it can); DataError when it has errors."""
    return open_data(location, Settings.use_cache)


def load_dataset(location: DataLocation) -> Dataset:
    """The validated dataset of the folder."""
    return open_folder(location).dataset


def selection(
    as_of: Optional[str],
    states: Optional[list[str]] = None,
    instruments: Optional[list[str]] = None,
    system: Optional[str] = None,
    topic: Optional[str] = None,
    subregion: Optional[str] = None,
    members: bool = True,
    as_of_option: str = "--as-of",
) -> Selection:
    """The Selection the options describe (topic in lower case, the as-of date checked)."""
    return Selection(
        as_of=as_of_date(as_of, as_of_option),
        states=tuple(states or ()),
        instruments=tuple(instruments or ()),
        system=System(system) if system else None,
        topic=topic.strip().lower() if topic else None,
        subregion=Subregion(subregion) if subregion else None,
        members_only=members,
    )


def check_filters(
    dataset: Dataset, sel: Selection, states: Sequence[str] = (), instruments: Sequence[str] = ()
) -> None:
    """Filters that cannot apply to the states or instruments named are usage errors."""
    check(dataset, states or sel.states, instruments or sel.instruments, sel.system, sel.topic, sel.subregion)


def write_report(
    report: Report,
    fmt: str,
    output: Optional[Path],
    location: DataLocation,
    width: Optional[int] = None,
    lang: str = Lang.EN,
) -> None:
    """Render the report for where it goes (colour and width only on a terminal) and write it there.

    `fmt` and `lang` are the enum members the options' callbacks return (typed `str` for Typer); read back here.
    """
    fmt, lang = OutputFormat(fmt), Lang(lang)
    to_stdout = output is None or str(output) == "-"
    to_terminal = to_stdout and sys.stdout.isatty()
    color = fmt is OutputFormat.TABLE and to_stdout and console.color(to_terminal)
    options = RenderOptions(color=color, width=console.width(to_terminal, width), lang=lang)
    content = render(replace(report, data_dir=str(location.folder)), fmt, options)
    emit(content, output, protected=protected_folders(location))


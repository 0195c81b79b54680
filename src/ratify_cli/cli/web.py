"""The commands that read the depositaries' pages and the sources' URLs: sync, check-links."""

# No `from __future__ import annotations` in the cli package: Typer reads every command's annotations on each run,
# and evaluating them from strings costs start-up time.

import contextlib
import datetime as dt
import sys
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from msgspec.structs import replace

from ..domain.vocab import System
from ..errors import RatifyError, UsageError
from ..formats.safe import printable
from ..query.filters import check
from .common import load_dataset, location_of, write_report
from .options import DataOpt, FormatOpt, InstrumentOpt, LangOpt, SystemOpt, WidthOpt, positive


def progress(total: int) -> Any:
    """A progress bar on stderr for multi-page runs on a terminal; otherwise a no-op callback."""
    if total < 2 or not sys.stderr.isatty():
        return contextlib.nullcontext(lambda _fetched: None)
    from rich.console import Console
    from rich.progress import Progress

    @contextlib.contextmanager
    def bar() -> Any:
        with Progress(console=Console(stderr=True), transient=True) as progress:
            task = progress.add_task("fetching", total=total)
            yield lambda _fetched: progress.advance(task)

    return bar()


def sync(
    instrument: InstrumentOpt = None,
    system: SystemOpt = None,
    write: Annotated[bool, typer.Option("--write", help="Apply additions and corrections to the data files.")] = False,
    saved: Annotated[
        Optional[Path],
        typer.Option("--from", help="Read saved pages (DIR/<instrument id>.html or .htm) instead of fetching.", metavar="DIR"),
    ] = None,
    save: Annotated[
        Optional[Path],
        typer.Option("--save", help="Keep each fetched page as DIR/<instrument id>.html, with DIR/manifest.json.", metavar="DIR"),
    ] = None,
    timeout: Annotated[
        float, typer.Option("--timeout", help="Seconds to wait for each page.", callback=positive)
    ] = 20.0,
    fmt: FormatOpt = "table",
    lang: LangOpt = "en",
    width: WidthOpt = None,
    data: DataOpt = None,
) -> None:
    """Compare the data with the depositaries' status pages, fetched or saved (dry run unless --write)."""
    from ..depositary.fetch import FetchPolicy
    from ..depositary.sync import drift_report, problems, select
    from ..depositary.sync import sync as run_sync
    if saved is not None and save is not None:
        raise UsageError("--from and --save cannot be used together (--save keeps pages as they are fetched)")
    if saved is not None and not saved.is_dir():
        raise UsageError(f"--from {saved} is not a folder")
    location = location_of(data)
    folder = location.folder
    dataset = load_dataset(location)
    chosen_system = System(system) if system else None
    check(dataset, (), instrument or (), chosen_system)
    chosen = select(dataset, instrument or (), chosen_system)
    with progress(0 if saved else len(chosen)) as on_done:
        result = run_sync(dataset, chosen, FetchPolicy(timeout=timeout), on_done=on_done, saved=saved)
    if result.offline:
        raise RatifyError(f"cannot reach the depositaries ({result.failures[0].message}); check the network connection")
    if save is not None:
        from ..depositary.saved import save_pages

        written = save_pages(save, result.fetched, result.pages, dt.datetime.now(dt.timezone.utc))
        sys.stderr.write(f"ratify: saved {len(written) - 1} page(s) and {written[-1]}\n")
    for skipped in result.skipped:
        sys.stderr.write(printable(f"ratify: {skipped}: skipped: no {skipped}.html or {skipped}.htm in {saved}") + "\n")
    for failure in result.failures:
        sys.stderr.write(printable(f"ratify: {failure.instrument}: {failure.url}: {failure.message}") + "\n")
    unread = problems(result)
    for line in unread:
        sys.stderr.write(printable(f"ratify: {line}") + "\n")
    write_report(drift_report(dataset, result, dt.date.today()), fmt, None, location, width, lang)
    if write:
        from ..depositary.writer import apply

        changed = apply(folder, result, dt.date.today())
        sys.stderr.write(f"ratify: updated {', '.join(changed) or 'nothing'} in {folder}\n")
        remaining = any(d.kind == "extra" for d in result.drift) or bool(unread)
        raise typer.Exit(1 if remaining else 0)
    if result.failures or result.drift or unread:
        raise typer.Exit(1)


def check_links(
    timeout: Annotated[
        float, typer.Option("--timeout", help="Seconds to wait for each URL.", callback=positive)
    ] = 15.0,
    concurrency: Annotated[int, typer.Option("--concurrency", min=1, max=32, help="URLs checked at once.")] = 8,
    data: DataOpt = None,
) -> None:
    """Check that every source URL in the data still answers; list the dead ones as file:line: url: reason."""
    from ..depositary.links import LINK_POLICY
    from ..depositary.links import check as check_urls

    found, dead = check_urls(location_of(data).folder, replace(LINK_POLICY, timeout=timeout, concurrency=concurrency))
    if dead and len(dead) == len(found) and all(item.offline for item in dead):
        raise RatifyError(f"cannot reach any source ({dead[0].reason}); check the network connection")
    for item in dead:
        sys.stdout.write(printable(str(item)) + "\n")
    urls = len({link.url for link in found})
    sys.stderr.write(f"ratify: {len(found)} links ({urls} distinct URLs) checked; {len(dead)} dead\n")
    if dead:
        raise typer.Exit(1)


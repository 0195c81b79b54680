"""The command line: parse, call one core function, pick a formatter, write, exit. Nothing else."""

# No `from __future__ import annotations` here: Typer reads every command's annotations on each run, and evaluating
# them from strings costs several milliseconds of start-up.


import datetime as dt
import functools
import os
import shutil
import sys
from pathlib import Path
from typing import Annotated, Any, Callable, Optional, TypeVar

import typer

from . import __version__
from .errors import DataError, RatifyError, UsageError
from .formats import FindingsFormat, OutputFormat, RenderOptions, render
from .vocab import Subregion, System
from .paths import ENV_VAR, data_dir

app = typer.Typer(
    name="ratify",
    help="Which states of the Americas have signed, ratified or acceded to the treaties protecting migrants.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

F = TypeVar("F", bound=Callable[..., Any])
_debug = False
_use_cache = True


def _date(value: Optional[str]) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        if len(value) != 10:
            raise ValueError
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date written YYYY-MM-DD") from None


DataOpt = Annotated[
    Optional[Path],
    typer.Option("--data", envvar=ENV_VAR, help="Data folder (default: the bundled data).", show_default=False),
]
AsOfOpt = Annotated[Optional[str], typer.Option("--as-of", help="Status as of this date, YYYY-MM-DD (default: today).")]
SystemOpt = Annotated[Optional[System], typer.Option("--system", help="Only instruments of this system.")]
TopicOpt = Annotated[Optional[str], typer.Option("--topic", help="Only instruments with this topic.")]
SubregionOpt = Annotated[Optional[Subregion], typer.Option("--subregion", help="Only states of this subregion.")]
MembersOpt = Annotated[
    bool,
    typer.Option("--members/--all-states", help="Only OAS members as of the date (default), or every state."),
]
FormatOpt = Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")]
OutputOpt = Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file (atomically).")]
StateOpt = Annotated[Optional[list[str]], typer.Option("--state", "-s", help="State code (ISO alpha-3), any case.")]
InstrumentOpt = Annotated[Optional[list[str]], typer.Option("--instrument", "-i", help="Instrument id or reference.")]


def handled(func: F) -> F:
    """Translate the RatifyError family into a message on stderr and an exit code, once for all commands."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except typer.Exit:
            raise
        except RatifyError as exc:
            if _debug:
                raise
            _report_error(exc)
            raise typer.Exit(exc.exit_code) from None

    return wrapper  # type: ignore[return-value]


def _report_error(exc: RatifyError) -> None:
    from .formats.safe import printable

    if isinstance(exc, DataError):
        for finding in exc.findings[:20]:
            sys.stderr.write(printable(str(finding)) + "\n")
        if len(exc.findings) > 20:
            sys.stderr.write(f"... and {len(exc.findings) - 20} more\n")
    sys.stderr.write(f"ratify: error: {printable(str(exc))}\n")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ratify {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for errors.")] = False,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", envvar="RATIFY_NO_CACHE", help="Validate the data in full; do not use the cache.")
    ] = False,
) -> None:
    """ratify: gap tables of treaty ratifications for the OAS member states."""
    global _debug, _use_cache
    _debug = debug
    _use_cache = not no_cache


def _load(data: Optional[Path]) -> Any:
    from .loader import load_or_raise

    return load_or_raise(data_dir(data), _use_cache).dataset


def _selection(
    as_of: Optional[str],
    states: Optional[list[str]] = None,
    instruments: Optional[list[str]] = None,
    system: Optional[System] = None,
    topic: Optional[str] = None,
    subregion: Optional[Subregion] = None,
    members: bool = True,
) -> Any:
    from .gaps import Selection

    return Selection(
        as_of=_date(as_of) or dt.date.today(),
        states=tuple(states or ()),
        instruments=tuple(instruments or ()),
        system=system,
        topic=topic,
        subregion=subregion,
        members_only=members,
    )


def _write(report: Any, fmt: OutputFormat, output: Optional[Path], data: Optional[Path]) -> None:
    from .dataset import INSTRUMENTS_FILE, STATES_FILE
    from .output import emit

    to_terminal = output is None and sys.stdout.isatty()
    color = fmt is OutputFormat.TABLE and to_terminal and "NO_COLOR" not in os.environ
    width = shutil.get_terminal_size((80, 24)).columns if to_terminal else 80
    content = render(report, fmt, RenderOptions(color=color, width=width))
    folder = data_dir(data)
    emit(content, output, protected=(folder / INSTRUMENTS_FILE, folder / STATES_FILE))


@app.command(epilog="Examples: ratify gaps --state MEX | ratify gaps --instrument icrmw --format markdown | ratify gaps")
@handled
def gaps(
    state: Annotated[Optional[str], typer.Option("--state", "-s", help="Gaps of one state (ISO alpha-3).")] = None,
    instrument: Annotated[Optional[str], typer.Option("--instrument", "-i", help="Gaps for one instrument.")] = None,
    as_of: AsOfOpt = None,
    system: SystemOpt = None,
    topic: TopicOpt = None,
    subregion: SubregionOpt = None,
    members: MembersOpt = True,
    fmt: FormatOpt = OutputFormat.TABLE,
    output: OutputOpt = None,
    exit_code: Annotated[bool, typer.Option("--exit-code", help="Exit 1 when any gap is listed (for CI).")] = False,
    data: DataOpt = None,
) -> None:
    """Which instruments a state has yet to join, which states have yet to join an instrument, or the matrix."""
    from . import gaps as core

    if state and instrument:
        raise UsageError("give --state or --instrument, not both (use `ratify status` for one pair)")
    dataset = _load(data)
    sel = _selection(as_of, system=system, topic=topic, subregion=subregion, members=members)
    if state:
        report = core.gaps_for_state(dataset, sel, state)
    elif instrument:
        report = core.gaps_for_instrument(dataset, sel, instrument)
    else:
        report = core.matrix(dataset, sel)
    _write(report, fmt, output, data)
    if exit_code and report.gaps:
        raise typer.Exit(1)


@app.command(epilog="Examples: ratify status --state MEX | ratify status --instrument achr --format csv")
@handled
def status(
    state: StateOpt = None,
    instrument: InstrumentOpt = None,
    as_of: AsOfOpt = None,
    system: SystemOpt = None,
    topic: TopicOpt = None,
    subregion: SubregionOpt = None,
    members: MembersOpt = True,
    fmt: FormatOpt = OutputFormat.TABLE,
    output: OutputOpt = None,
    data: DataOpt = None,
) -> None:
    """Every selected (state, instrument) pair, joined or not, with dates, consent type and reservations."""
    from .gaps import status_table

    sel = _selection(as_of, state, instrument, system, topic, subregion, members)
    _write(status_table(_load(data), sel), fmt, output, data)


@app.command(epilog="Example: ratify changes --since 2005-06-07 --by instrument")
@handled
def changes(
    since: Annotated[str, typer.Option("--since", help="First day of the window, YYYY-MM-DD.")] = "2005-06-07",
    until: Annotated[Optional[str], typer.Option("--until", help="Last day (default: today).")] = None,
    by: Annotated[str, typer.Option("--by", help="Group by `state` or `instrument`.")] = "instrument",
    state: StateOpt = None,
    instrument: InstrumentOpt = None,
    system: SystemOpt = None,
    topic: TopicOpt = None,
    subregion: SubregionOpt = None,
    members: MembersOpt = True,
    fmt: FormatOpt = OutputFormat.TABLE,
    output: OutputOpt = None,
    data: DataOpt = None,
) -> None:
    """Every signature, consent and denunciation in a window (default: since the Program, 7 June 2005)."""
    from .catalog import changes as core_changes

    if by not in ("state", "instrument"):
        raise typer.BadParameter("--by takes `state` or `instrument`")
    sel = _selection(until, state, instrument, system, topic, subregion, members)
    report = core_changes(_load(data), sel, _date(since), sel.as_of, by)  # type: ignore[arg-type]
    _write(report, fmt, output, data)


@app.command(epilog="Examples: ratify instruments | ratify instruments --system ilo --format json")
@handled
def instruments(
    system: SystemOpt = None,
    topic: TopicOpt = None,
    fmt: FormatOpt = OutputFormat.TABLE,
    output: OutputOpt = None,
    data: DataOpt = None,
) -> None:
    """The instrument catalog, with each instrument's coverage."""
    from .catalog import instruments_table

    _write(instruments_table(_load(data), _selection(None, system=system, topic=topic)), fmt, output, data)


@app.command(epilog="Examples: ratify states | ratify states --all-states --as-of 2024-01-01 --format csv")
@handled
def states(
    as_of: AsOfOpt = None,
    subregion: SubregionOpt = None,
    members: MembersOpt = True,
    fmt: FormatOpt = OutputFormat.TABLE,
    output: OutputOpt = None,
    data: DataOpt = None,
) -> None:
    """The states in scope and their OAS membership."""
    from .catalog import states_table

    _write(states_table(_load(data), _selection(as_of, subregion=subregion, members=members)), fmt, output, data)


@app.command(epilog="Examples: ratify show MEX | ratify show icrmw | ratify show B-32")
@handled
def show(
    ident: Annotated[str, typer.Argument(metavar="ID", help="A state code, instrument id or reference.")],
    as_of: AsOfOpt = None,
    fmt: FormatOpt = OutputFormat.TABLE,
    output: OutputOpt = None,
    data: DataOpt = None,
) -> None:
    """One state's or instrument's details, events and sources."""
    from .catalog import show as core_show

    _write(core_show(_load(data), ident, _date(as_of) or dt.date.today()), fmt, output, data)


@app.command(epilog="Examples: ratify validate | ratify validate --data ./data --format github")
@handled
def validate(
    data: DataOpt = None,
    fmt: Annotated[FindingsFormat, typer.Option("--format", "-f", help="Output format.")] = FindingsFormat.TEXT,
) -> None:
    """Check the data files: every finding with file:line:column, errors and warnings apart."""
    from .formats.findings import render_findings
    from .loader import load

    folder = data_dir(data)
    summary = load(folder, use_cache=False).summary(folder)  # validate always checks in full: it is the check
    sys.stdout.write(render_findings(summary, fmt))
    if summary.errors:
        raise typer.Exit(1)


@app.command(epilog="Examples: ratify schema | ratify schema --output schema/")
@handled
def schema(
    output: Annotated[
        Optional[Path], typer.Option("--output", "-o", help="Folder to write the two schema files into.")
    ] = None,
) -> None:
    """The JSON Schema of instruments.yaml and states.yaml, generated from the models."""
    import json

    from .output import write_atomic
    from .schema import dumps, schemas

    generated = schemas()
    if output is None:
        sys.stdout.write(json.dumps(generated, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
        return
    if not output.is_dir():
        raise UsageError(f"--output {output} is not a folder")
    for name, content in generated.items():
        write_atomic(output / name, dumps(content))
        sys.stderr.write(f"wrote {output / name}\n")


def _progress(total: int) -> Any:
    """A progress bar on stderr for multi-page runs on a terminal; otherwise a no-op callback."""
    import contextlib

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


@app.command(epilog="Examples: ratify sync --instrument icrmw | ratify sync --system un --save pages/ | "
             "ratify sync --system un --from pages/ --write")
@handled
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
    timeout: Annotated[float, typer.Option("--timeout", help="Seconds to wait for each page.")] = 20.0,
    fmt: FormatOpt = OutputFormat.TABLE,
    data: DataOpt = None,
) -> None:
    """Compare the data with the depositaries' status pages, fetched or saved (dry run unless --write)."""
    from .depositary.fetch import FetchPolicy
    from .depositary.sync import drift_report, problems, select
    from .depositary.sync import sync as run_sync
    from .formats.safe import printable

    if saved is not None and save is not None:
        raise UsageError("--from and --save cannot be used together (--save keeps pages as they are fetched)")
    if saved is not None and not saved.is_dir():
        raise UsageError(f"--from {saved} is not a folder")
    folder = data_dir(data)
    dataset = _load(data)
    chosen = select(dataset, instrument or (), system)
    with _progress(0 if saved else len(chosen)) as on_done:
        result = run_sync(dataset, chosen, FetchPolicy(timeout=timeout), on_done=on_done, saved=saved)
    if result.offline:
        raise RatifyError(f"cannot reach the depositaries ({result.failures[0].message}); check the network connection")
    if save is not None:
        from .depositary.saved import save_pages

        written = save_pages(save, result.fetched, result.pages, dt.datetime.now(dt.timezone.utc))
        sys.stderr.write(f"ratify: saved {len(written) - 1} page(s) and {written[-1]}\n")
    for skipped in result.skipped:
        sys.stderr.write(printable(f"ratify: {skipped}: skipped: no {skipped}.html or {skipped}.htm in {saved}") + "\n")
    for failure in result.failures:
        sys.stderr.write(printable(f"ratify: {failure.instrument}: {failure.url}: {failure.message}") + "\n")
    unread = problems(result)
    for line in unread:
        sys.stderr.write(printable(f"ratify: {line}") + "\n")
    _write(drift_report(dataset, result, dt.date.today()), fmt, None, data)
    if write:
        from .depositary.writer import apply

        changed = apply(folder, result, dt.date.today())
        sys.stderr.write(f"ratify: updated {', '.join(changed) or 'nothing'} in {folder}\n")
        remaining = any(d.kind == "extra" for d in result.drift) or bool(unread)
        raise typer.Exit(1 if remaining else 0)
    if result.failures or result.drift or unread:
        raise typer.Exit(1)


@app.command("check-links", epilog="Example: ratify check-links --data ./data")
@handled
def check_links(
    timeout: Annotated[float, typer.Option("--timeout", help="Seconds to wait for each URL.")] = 15.0,
    concurrency: Annotated[int, typer.Option("--concurrency", min=1, max=32, help="URLs checked at once.")] = 8,
    data: DataOpt = None,
) -> None:
    """Check that every source URL in the data still answers; list the dead ones as file:line: url: reason."""
    from dataclasses import replace

    from .depositary.links import LINK_POLICY, check
    from .formats.safe import printable

    found, dead = check(data_dir(data), replace(LINK_POLICY, timeout=timeout, concurrency=concurrency))
    if dead and len(dead) == len(found) and all(item.offline for item in dead):
        raise RatifyError(f"cannot reach any source ({dead[0].reason}); check the network connection")
    for item in dead:
        sys.stdout.write(printable(str(item)) + "\n")
    urls = len({link.url for link in found})
    sys.stderr.write(f"ratify: {len(found)} links ({urls} distinct URLs) checked; {len(dead)} dead\n")
    if dead:
        raise typer.Exit(1)


def main() -> None:
    """Console-script entry point."""
    # Typer turns every registered command's signature into Click parameters on each start; when the command line
    # names one command, only that one is registered for this run (a few milliseconds of start-up). Anything else
    # (no command, a misspelt one, global --help) gets the full app.
    requested = next((arg for arg in sys.argv[1:] if not arg.startswith("-")), None)
    every = app.registered_commands
    chosen = [c for c in every if (c.name or c.callback.__name__.replace("_", "-")) == requested]  # type: ignore[union-attr]
    app.registered_commands = chosen or every
    try:
        app()
    finally:
        app.registered_commands = every


if __name__ == "__main__":  # pragma: no cover
    main()

"""The command line: parse, call one core function, pick a formatter, write, exit. Nothing else."""

# No `from __future__ import annotations` here: Typer reads every command's annotations on each run, and evaluating
# them from strings costs several milliseconds of start-up.


import datetime as dt
import functools
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional, TypeVar

import typer

from . import __version__
from .errors import DataError, RatifyError, UsageError
from .formats import FindingsFormat, OutputFormat, RenderOptions, render
from .paths import ENV_VAR, DataLocation, locate, protected_folders
from .text import Lang
from .vocab import Subregion, System

app = typer.Typer(
    name="ratify",
    help="Which states of the Americas have signed, ratified or acceded to the treaties protecting migrants.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    suggest_commands=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

F = TypeVar("F", bound=Callable[..., Any])
E = TypeVar("E", bound=Enum)
_debug = False
_use_cache = True


def _date(value: Optional[str], option: str) -> Optional[dt.date]:
    """A YYYY-MM-DD date; a usage error naming the option (with the padded date as a hint) otherwise."""
    if value is None:
        return None
    try:
        if len(value) != 10:
            raise ValueError
        return dt.date.fromisoformat(value)
    except ValueError:
        from .suggest import hint

        parts = value.split("-")
        padded = "-".join([parts[0], *(p.zfill(2) for p in parts[1:])]) if len(parts) == 3 else ""
        try:
            dt.date.fromisoformat(padded)
        except ValueError:
            padded = ""
        raise UsageError(f"{option} {value!r} is not a date written YYYY-MM-DD{hint([padded] if padded else [])}") from None


def _as_of(value: Optional[str], option: str = "--as-of") -> dt.date:
    """The as-of date (default today); a date after today is allowed (pending entries into force) with a warning."""
    today = dt.date.today()
    day = _date(value, option) or today
    if day > today:
        sys.stderr.write(
            f"ratify: warning: {option} {day.isoformat()} is after today ({today.isoformat()}); the statuses assume "
            "no act after today\n"
        )
    return day


def _choice(enum: type[E], option: str) -> Callable[[Optional[str]], Optional[E]]:
    """A callback reading an enum value in any case, with a 'did you mean' for a misspelt one."""

    def parse(value: Optional[str]) -> Optional[E]:
        if value is None:
            return None
        for member in enum:
            if member.value == value.strip().lower():
                return member
        from .suggest import suggest

        choices = [m.value for m in enum]
        raise typer.BadParameter(
            f"{value!r} is not one of {', '.join(choices)}{suggest(value, choices)}", param_hint=f"'{option}'"
        )

    return parse


def _metavar(enum: type[Enum]) -> str:
    return "[" + "|".join(m.value for m in enum) + "]"


def _positive(value: float) -> float:
    if value <= 0:
        raise typer.BadParameter(f"{value:g} is not a number of seconds above 0")
    return value


DataOpt = Annotated[
    Optional[Path],
    typer.Option(
        "--data",
        help=f"Data folder (default: ${ENV_VAR}, else the data/ of the checkout you are in, else the bundled data).",
        show_default=False,
    ),
]
AsOfOpt = Annotated[Optional[str], typer.Option("--as-of", help="Status as of this date, YYYY-MM-DD (default: today).")]
# Choice options are read as text and turned into their enum by the callback (any case, with suggestions).
SystemOpt = Annotated[
    Optional[str],
    typer.Option(
        "--system", help="Only instruments of this system (any case).", metavar=_metavar(System),
        callback=_choice(System, "--system"),
    ),
]
TopicOpt = Annotated[Optional[str], typer.Option("--topic", help="Only instruments with this topic (any case).")]
SubregionOpt = Annotated[
    Optional[str],
    typer.Option(
        "--subregion", help="Only states of this subregion (any case).", metavar=_metavar(Subregion),
        callback=_choice(Subregion, "--subregion"),
    ),
]
MembersOpt = Annotated[
    bool,
    typer.Option("--members/--all-states", help="Only OAS members as of the date (default), or every state."),
]
FormatOpt = Annotated[
    str,
    typer.Option(
        "--format", "-f", help="Output format.", metavar=_metavar(OutputFormat),
        callback=_choice(OutputFormat, "--format"),
    ),
]
LangOpt = Annotated[
    str,
    typer.Option(
        "--lang", help="Language of the table and Markdown formats (JSON and CSV never change).",
        metavar=_metavar(Lang), callback=_choice(Lang, "--lang"),
    ),
]
OutputOpt = Annotated[
    Optional[Path], typer.Option("--output", "-o", help="Write to this file (atomically; folders are created).")
]
WidthOpt = Annotated[
    Optional[int],
    typer.Option("--width", min=20, help="Table width in columns (default: the terminal's, else $COLUMNS, else 80)."),
]
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


def _location(data: Optional[Path]) -> DataLocation:
    """The data folder in use; an error naming where it came from when it is not a folder."""
    location = locate(data)
    if not location.folder.is_dir():
        raise DataError(f"the data folder {location.describe()} does not exist or is not a folder")
    return location


def _load(location: DataLocation) -> Any:
    from .loader import load_or_raise

    return load_or_raise(location.folder, _use_cache).dataset


def _selection(
    as_of: Optional[str],
    states: Optional[list[str]] = None,
    instruments: Optional[list[str]] = None,
    system: Optional[System] = None,
    topic: Optional[str] = None,
    subregion: Optional[Subregion] = None,
    members: bool = True,
    as_of_option: str = "--as-of",
) -> Any:
    from .gaps import Selection

    return Selection(
        as_of=_as_of(as_of, as_of_option),
        states=tuple(states or ()),
        instruments=tuple(instruments or ()),
        system=system,
        topic=topic.strip().lower() if topic else None,
        subregion=subregion,
        members_only=members,
    )


def _check(dataset: Any, sel: Any, states: Any = (), instruments: Any = ()) -> None:
    """Filters that cannot apply to the states or instruments named are usage errors."""
    from .filters import check

    check(dataset, states or sel.states, instruments or sel.instruments, sel.system, sel.topic, sel.subregion)


def _write(
    report: Any,
    fmt: OutputFormat,
    output: Optional[Path],
    location: DataLocation,
    width: Optional[int] = None,
    lang: Lang = Lang.EN,
) -> None:
    from msgspec.structs import replace

    from . import console
    from .output import emit

    to_stdout = output is None or str(output) == "-"
    to_terminal = to_stdout and sys.stdout.isatty()
    color = fmt is OutputFormat.TABLE and to_stdout and console.color(to_terminal)
    options = RenderOptions(color=color, width=console.width(to_terminal, width), lang=lang)
    content = render(replace(report, data_dir=str(location.folder)), fmt, options)
    emit(content, output, protected=protected_folders(location))


@app.command(epilog="Examples: ratify gaps --state MEX | ratify gaps --instrument icrmw --format markdown | ratify gaps")
@handled
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
    from . import gaps as core

    if state and instrument:
        raise UsageError("give --state or --instrument, not both (use `ratify status` for one pair)")
    location = _location(data)
    dataset = _load(location)
    sel = _selection(as_of, system=system, topic=topic, subregion=subregion, members=members)
    _check(dataset, sel, [state] if state else (), [instrument] if instrument else ())
    if state:
        report = core.gaps_for_state(dataset, sel, state)
    elif instrument:
        report = core.gaps_for_instrument(dataset, sel, instrument)
    else:
        report = core.matrix(dataset, sel)
    _write(report, fmt, output, location, width, lang)
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
    fmt: FormatOpt = "table",
    lang: LangOpt = "en",
    output: OutputOpt = None,
    width: WidthOpt = None,
    data: DataOpt = None,
) -> None:
    """Every selected (state, instrument) pair, joined or not, with dates, consent type and reservations."""
    from .gaps import status_table

    location = _location(data)
    dataset = _load(location)
    sel = _selection(as_of, state, instrument, system, topic, subregion, members)
    _check(dataset, sel)
    _write(status_table(dataset, sel), fmt, output, location, width, lang)


@app.command(epilog="Example: ratify changes --since 2005-06-07 --by instrument")
@handled
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
    from .catalog import changes as core_changes
    from .suggest import suggest

    group = by.strip().lower()
    if group not in ("state", "instrument"):
        raise UsageError(f"--by takes `state` or `instrument`, not {by!r}{suggest(by, ['state', 'instrument'])}")
    start = _date(since, "--since")
    today = dt.date.today()
    if until is None and start is not None and start > today:
        raise UsageError(f"--since {start.isoformat()} is after today ({today.isoformat()}); give an earlier date")
    location = _location(data)
    dataset = _load(location)
    sel = _selection(until, state, instrument, system, topic, subregion, members, as_of_option="--until")
    _check(dataset, sel)
    report = core_changes(dataset, sel, start, sel.as_of, group)  # type: ignore[arg-type]
    _write(report, fmt, output, location, width, lang)


@app.command(epilog="Examples: ratify instruments | ratify instruments --system ilo --format json")
@handled
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
    from .catalog import instruments_table

    location = _location(data)
    dataset = _load(location)
    sel = _selection(None, system=system, topic=topic)
    _check(dataset, sel)
    _write(instruments_table(dataset, sel), fmt, output, location, width, lang)


@app.command(epilog="Examples: ratify states | ratify states --all-states --as-of 2024-01-01 --format csv")
@handled
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
    from .catalog import states_table

    location = _location(data)
    sel = _selection(as_of, subregion=subregion, members=members)
    _write(states_table(_load(location), sel), fmt, output, location, width, lang)


@app.command(epilog="Examples: ratify show MEX | ratify show icrmw | ratify show B-32")
@handled
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
    from .catalog import show as core_show

    location = _location(data)
    day = _as_of(as_of)
    _write(core_show(_load(location), ident, day), fmt, output, location, width, lang)


@app.command(epilog="Examples: ratify validate | ratify validate --data ./data --format github")
@handled
def validate(
    data: DataOpt = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format", "-f", help="Output format.", metavar=_metavar(FindingsFormat),
            callback=_choice(FindingsFormat, "--format"),
        ),
    ] = "text",
) -> None:
    """Check the data files: every finding with file:line:column, errors and warnings apart."""
    from .formats.findings import render_findings
    from .loader import load

    folder = locate(data).folder
    summary = load(folder, use_cache=False).summary(folder)  # validate always checks in full: it is the check
    sys.stdout.write(render_findings(summary, fmt))
    if summary.errors:
        raise typer.Exit(1)


@app.command(epilog="Examples: ratify schema | ratify schema --output schema/")
@handled
def schema(
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", help="Folder to write the two schema files into (created if missing)."),
    ] = None,
) -> None:
    """The JSON Schema of instruments.yaml and states.yaml, generated from the models."""
    import json

    from .output import check_not_data, write_atomic
    from .schema import dumps, schemas

    generated = schemas()
    if output is None:
        sys.stdout.write(json.dumps(generated, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
        return
    if output.exists() and not output.is_dir():
        raise UsageError(f"--output {output} is a file; give a folder")
    protected = protected_folders(locate(None))
    for name in generated:
        check_not_data(output / name, protected)
    for name, content in generated.items():
        write_atomic(output / name, dumps(content), make_parents=True)
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
    timeout: Annotated[
        float, typer.Option("--timeout", help="Seconds to wait for each page.", callback=_positive)
    ] = 20.0,
    fmt: FormatOpt = "table",
    lang: LangOpt = "en",
    width: WidthOpt = None,
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
    location = _location(data)
    folder = location.folder
    dataset = _load(location)
    from .filters import check

    check(dataset, (), instrument or (), system)
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
    _write(drift_report(dataset, result, dt.date.today()), fmt, None, location, width, lang)
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
    timeout: Annotated[
        float, typer.Option("--timeout", help="Seconds to wait for each URL.", callback=_positive)
    ] = 15.0,
    concurrency: Annotated[int, typer.Option("--concurrency", min=1, max=32, help="URLs checked at once.")] = 8,
    data: DataOpt = None,
) -> None:
    """Check that every source URL in the data still answers; list the dead ones as file:line: url: reason."""
    from msgspec.structs import replace

    from .depositary.links import LINK_POLICY, check
    from .formats.safe import printable

    found, dead = check(_location(data).folder, replace(LINK_POLICY, timeout=timeout, concurrency=concurrency))
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

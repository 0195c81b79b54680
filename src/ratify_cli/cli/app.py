"""The Typer app: global options, every command registered in one place, and the console-script entry point."""

# No `from __future__ import annotations` in the cli package: Typer reads every command's annotations on each run,
# and evaluating them from strings costs start-up time.

import sys
from typing import Annotated

import typer

from ..version import __version__
from . import data, publish, tables, web
from .common import Settings, handled

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
    Settings.debug = debug
    Settings.use_cache = not no_cache


COMMANDS = (
    (tables.gaps, "gaps", "Examples: ratify gaps --state MEX | ratify gaps --instrument icrmw --format markdown | ratify gaps"),
    (tables.status, "status", "Examples: ratify status --state MEX | ratify status --instrument achr --format csv"),
    (tables.changes, "changes", "Example: ratify changes --since 2005-06-07 --by instrument"),
    (tables.instruments, "instruments", "Examples: ratify instruments | ratify instruments --system ilo --format json"),
    (
        tables.coverage, "coverage",
        "Examples: ratify coverage | ratify coverage --by instrument --system ilo --format markdown",
    ),
    (tables.states, "states", "Examples: ratify states | ratify states --all-states --as-of 2024-01-01 --format csv"),
    (tables.show, "show", "Examples: ratify show MEX | ratify show icrmw | ratify show B-32"),
    (
        publish.report, "report",
        "Examples: ratify report --output report.html | ratify report -o 2015.html --as-of 2015-01-01 --lang es",
    ),
    (publish.export, "export", "Examples: ratify export dataset/ | ratify export dataset-2015/ --as-of 2015-01-01"),
    (data.validate, "validate", "Examples: ratify validate | ratify validate --data ./data --format github"),
    (data.schema, "schema", "Examples: ratify schema | ratify schema --output schema/"),
    (
        web.sync, "sync",
        "Examples: ratify sync --instrument icrmw | ratify sync --system un --save pages/ | "
        "ratify sync --system un --from pages/ --write",
    ),
    (web.check_links, "check-links", "Example: ratify check-links --data ./data"),
)
"""Every command: its function, its name and the examples its --help ends with."""
for function, name, epilog in COMMANDS:
    app.command(name, epilog=epilog)(handled(function))


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

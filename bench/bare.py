"""A bare Typer app declaring the options of `ratify gaps` (and the global ones), doing nothing: the start-up floor.

bench/run.py times `ratify gaps --state MEX` against `python bench/bare.py gaps --state MEX` under the same Typer.
"""

from pathlib import Path
from typing import Annotated, Optional

import typer

app = typer.Typer(name="bare", no_args_is_help=True, pretty_exceptions_enable=False, add_completion=False)


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", is_eager=True, help="Show the version and exit.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for errors.")] = False,
    no_cache: Annotated[bool, typer.Option("--no-cache", envvar="RATIFY_NO_CACHE", help="Do not use the cache.")] = False,
) -> None:
    """The global options."""


@app.command()
def gaps(
    state: Annotated[Optional[str], typer.Option("--state", "-s", help="State.")] = None,
    instrument: Annotated[Optional[str], typer.Option("--instrument", "-i", help="Instrument.")] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="Date.")] = None,
    system: Annotated[Optional[str], typer.Option("--system", help="System.")] = None,
    topic: Annotated[Optional[str], typer.Option("--topic", help="Topic.")] = None,
    subregion: Annotated[Optional[str], typer.Option("--subregion", help="Subregion.")] = None,
    members: Annotated[bool, typer.Option("--members/--all-states", help="Members only.")] = True,
    fmt: Annotated[str, typer.Option("--format", "-f", help="Format.")] = "table",
    lang: Annotated[str, typer.Option("--lang", help="Language.")] = "en",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="File.")] = None,
    width: Annotated[Optional[int], typer.Option("--width", min=20, help="Width.")] = None,
    exit_code: Annotated[bool, typer.Option("--exit-code", help="Exit 1 on gaps.")] = False,
    data: Annotated[Optional[Path], typer.Option("--data", help="Data folder.")] = None,
) -> None:
    """Do nothing."""


@app.command()
def status(state: Annotated[Optional[str], typer.Option("--state")] = None) -> None:
    """A second command, so that the app is a group as ratify's is."""


if __name__ == "__main__":
    app()

"""Options shared by the commands, and the parsing Typer cannot do: dates, enums in any case, suggestions."""

# No `from __future__ import annotations` in the cli package: Typer reads every command's annotations on each run,
# and evaluating them from strings costs start-up time.

import datetime as dt
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional, TypeVar

import typer

from ..domain.vocab import Subregion, System
from ..errors import UsageError
from ..formats.base import OutputFormat
from ..loading.paths import ENV_VAR
from ..query.suggest import hint, suggest
from ..text import Lang

E = TypeVar("E", bound=Enum)


def parse_date(value: Optional[str], option: str) -> Optional[dt.date]:
    """A YYYY-MM-DD date; a usage error naming the option (with the padded date as a hint) otherwise."""
    if value is None:
        return None
    try:
        if len(value) != 10:
            raise ValueError
        return dt.date.fromisoformat(value)
    except ValueError:
        parts = value.split("-")
        padded = "-".join([parts[0], *(p.zfill(2) for p in parts[1:])]) if len(parts) == 3 else ""
        try:
            dt.date.fromisoformat(padded)
        except ValueError:
            padded = ""
        raise UsageError(f"{option} {value!r} is not a date written YYYY-MM-DD{hint([padded] if padded else [])}") from None


def as_of_date(value: Optional[str], option: str = "--as-of") -> dt.date:
    """The as-of date (default today); a date after today is allowed (pending entries into force) with a warning."""
    today = dt.date.today()
    day = parse_date(value, option) or today
    if day > today:
        sys.stderr.write(
            f"ratify: warning: {option} {day.isoformat()} is after today ({today.isoformat()}); the statuses assume "
            "no act after today\n"
        )
    return day


def choice(enum: type[E], option: str) -> Callable[[Optional[str]], Optional[E]]:
    """A callback reading an enum value in any case, with a 'did you mean' for a misspelt one."""

    def parse(value: Optional[str]) -> Optional[E]:
        if value is None:
            return None
        for member in enum:
            if member.value == value.strip().lower():
                return member
        choices = [m.value for m in enum]
        raise typer.BadParameter(
            f"{value!r} is not one of {', '.join(choices)}{suggest(value, choices)}", param_hint=f"'{option}'"
        )

    return parse


def one_of(value: str, words: tuple[str, ...], option: str) -> str:
    """A free-text option that takes one of a few words, in any case; a usage error with a suggestion otherwise."""
    word = value.strip().lower()
    if word not in words:
        listed = " or ".join(f"`{w}`" for w in words)
        raise UsageError(f"{option} takes {listed}, not {value!r}{suggest(value, list(words))}")
    return word


def metavar(enum: type[Enum]) -> str:
    return "[" + "|".join(m.value for m in enum) + "]"


def positive(value: float) -> float:
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
        "--system", help="Only instruments of this system (any case).", metavar=metavar(System),
        callback=choice(System, "--system"),
    ),
]
TopicOpt = Annotated[Optional[str], typer.Option("--topic", help="Only instruments with this topic (any case).")]
SubregionOpt = Annotated[
    Optional[str],
    typer.Option(
        "--subregion", help="Only states of this subregion (any case).", metavar=metavar(Subregion),
        callback=choice(Subregion, "--subregion"),
    ),
]
MembersOpt = Annotated[
    bool,
    typer.Option("--members/--all-states", help="Only OAS members as of the date (default), or every state."),
]
FormatOpt = Annotated[
    str,
    typer.Option(
        "--format", "-f", help="Output format.", metavar=metavar(OutputFormat),
        callback=choice(OutputFormat, "--format"),
    ),
]
LangOpt = Annotated[
    str,
    typer.Option(
        "--lang", help="Language of the table, Markdown and HTML formats (JSON and CSV never change).",
        metavar=metavar(Lang), callback=choice(Lang, "--lang"),
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

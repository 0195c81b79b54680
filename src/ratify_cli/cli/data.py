"""The maintainer commands that check data and publish its schema: validate, schema."""

# No `from __future__ import annotations` in the cli package: Typer reads every command's annotations on each run,
# and evaluating them from strings costs start-up time.

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import UsageError
from ..formats.base import FindingsFormat
from ..formats.findings import render_findings
from ..loading.loader import load
from ..loading.paths import locate, protected_folders
from ..output import check_not_data, write_atomic
from .options import DataOpt, choice, metavar


def validate(
    data: DataOpt = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format", "-f", help="Output format.", metavar=metavar(FindingsFormat),
            callback=choice(FindingsFormat, "--format"),
        ),
    ] = "text",
) -> None:
    """Check the data files: every finding with file:line:column, errors and warnings apart."""
    folder = locate(data).folder
    summary = load(folder, use_cache=False).summary(folder)  # validate always checks in full: it is the check
    sys.stdout.write(render_findings(summary, FindingsFormat(fmt)))
    if summary.errors:
        raise typer.Exit(1)


def schema(
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", help="Folder to write the two schema files into (created if missing)."),
    ] = None,
) -> None:
    """The JSON Schema of instruments.yaml and states.yaml, generated from the models."""
    from ..loading.schema import dumps, schemas  # pydantic: only this command needs the models

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


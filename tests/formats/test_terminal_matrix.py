"""The terminal matrix: numbered columns with a key that names every instrument in full, split by system when narrow."""

from __future__ import annotations

import re

from ratify_cli.formats import OutputFormat, RenderOptions, render
from ratify_cli.query.selection import Selection
from ratify_cli.reports.gaps import matrix
from ratify_cli.text import en

from ..conftest import D

SEL = Selection(as_of=D("2020-01-01"))

GOLDEN = """Ratification matrix — as of 2020-01-01
     ┌UN   ┌ILO
     1  2  3
CAN  ×  ·  ·
MEX  ●  ●  ●
NIC  ●  ·  ·
USA  ○  ?  ·
1 CONV  2 PROT  3 CX
"""


def test_mini_matrix_golden(mini) -> None:
    out = render(matrix(mini, SEL), OutputFormat.TABLE, RenderOptions(width=80))
    assert out.startswith(GOLDEN)


def _headers(out: str) -> list[int]:
    return [int(n) for line in out.splitlines() if re.fullmatch(r" {5}[\d ]+", line) for n in line.split()]


def test_narrow_matrix_splits_by_system_and_names_every_column_in_full(bundled) -> None:
    report = matrix(bundled, SEL)
    out = render(report, OutputFormat.TABLE, RenderOptions(width=80))
    assert max(len(line) for line in out.splitlines()) <= 80
    titles = [line for line in out.splitlines() if line in ("UN (1/2)", "UN (2/2)", "Inter-American", "ILO")]
    assert titles == ["UN (1/2)", "UN (2/2)", "Inter-American", "ILO"]
    assert _headers(out) == list(range(1, 48))
    key = " ".join(line for line in out.splitlines() if re.match(r"\d+ \S", line))
    names = [en.message(c.header) for c in report.columns if c.symbol]
    for number, name in enumerate(names, start=1):
        assert f"{number} {name}" in key
    assert "3 ICCPR-OP1" in key and "4 ICCPR-OP2" in key and "24 Palermo Trafficking Protocol" in key


def test_wide_matrix_is_one_block_with_system_spans(bundled) -> None:
    out = render(matrix(bundled, SEL), OutputFormat.TABLE, RenderOptions(width=160))
    lines = out.splitlines()
    assert lines[1].split() == ["┌UN", "┌Inter-American", "┌ILO"]
    assert lines[1].index("┌Inter-American") == 5 + 3 * 26 and lines[1].index("┌ILO") == 5 + 3 * 38
    assert _headers(out) == list(range(1, 48))
    assert lines[3].startswith("ARG  ")

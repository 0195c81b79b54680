"""How complete the data is: per system or per instrument, how many member x instrument pairs each status answers."""

from __future__ import annotations

from collections import Counter
from typing import Any, Literal

from ..domain.dataset import Dataset
from ..domain.status import Status
from ..query.selection import Selection, compute, select_instruments, select_states
from .gaps import OLD_NONE, shown_status
from .report import PERCENT, Column, Msg, Report

COUNTED = (Status.PARTY, Status.PENDING, Status.SIGNED, Status.DENOUNCED, Status.NONE, Status.UNKNOWN)


def completeness(data: Dataset, sel: Selection, by: Literal["system", "instrument"]) -> Report:
    """For each system (or instrument): pairs answered, by status, and the share still `unknown`."""
    states = select_states(data, sel)
    groups: dict[str, Counter[str]] = {}
    for inst in select_instruments(data, sel):
        key = inst.system.value if by == "system" else inst.id
        counts = groups.setdefault(key, Counter())
        for state in states:
            ps = compute(data, state, inst, sel.as_of)
            if ps.status is Status.NOT_ADOPTED:
                continue
            counts[ps.status.value] += 1
            counts[OLD_NONE] += shown_status(ps) == OLD_NONE
            counts["pairs"] += 1
    rows = tuple(_row(by, key, counts) for key, counts in groups.items())
    total: Counter[str] = sum((counts for counts in groups.values()), Counter())
    summary = (
        Msg(
            "summary.coverage",
            {
                "pairs": total["pairs"], "as_of": sel.as_of, "unknown": total[Status.UNKNOWN.value],
                "unknown_share": _share(total[Status.UNKNOWN.value], total["pairs"]),
                "none_old": total[OLD_NONE], "none": total[Status.NONE.value],
            },
        ),
    )
    columns = (
        (Column(by, by, vocab="system") if by == "system" else Column(by, by)),
        Column("pairs", "pairs"),
        *(Column(status.value, f"count.{status.value}") for status in COUNTED),
        Column("none_old", "count.none-old"),
        Column("unknown_share", "unknown_share", vocab=PERCENT),
    )
    return Report(
        kind="coverage",
        title=Msg("title.coverage", {"by": by}),
        as_of=sel.as_of,
        data_version=data.version,
        columns=columns,
        rows=rows,
        summary=summary,
    )


def _row(by: str, key: str, counts: Counter[str]) -> dict[str, Any]:
    row: dict[str, Any] = {by: key, "pairs": counts["pairs"]}
    row.update({status.value: counts[status.value] for status in COUNTED})
    row["none_old"] = counts[OLD_NONE]
    row["unknown_share"] = _share(counts[Status.UNKNOWN.value], counts["pairs"])
    return row


def _share(part: int, whole: int) -> float:
    """A percentage with one decimal, as the JSON and CSV carry it (12.5); each language writes it its own way."""
    return round(100 * part / whole, 1) if whole else 0.0

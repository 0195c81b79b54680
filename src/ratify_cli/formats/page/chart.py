"""An SVG line chart laid out by hand: scales, ticks and polylines as numbers the template writes out."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from ...reports.overview import Series

WIDTH, HEIGHT = 760, 300
LEFT, RIGHT, TOP, BOTTOM = 56, 200, 16, 36


def _nice_top(value: int) -> tuple[int, int]:
    """The top of the axis and its tick step: a 1, 2 or 5 times a power of ten step, at most six ticks above zero."""
    value = max(value, 1)
    rank = 0
    while True:
        step = (1, 2, 5)[rank % 3] * 10 ** (rank // 3)  # 1, 2, 5, 10, 20, 50, ...
        if -(-value // step) <= 6:
            return -(-value // step) * step, step
        rank += 1


def layout(series: tuple[Series, ...]) -> dict[str, Any]:
    """Coordinates of the axes, ticks, lines and end labels of one chart."""
    days = [day for s in series for day, _n in s.points]
    first, last = min(days), max(days)
    span = max(1, (last - first).days)
    top, step = _nice_top(max(n for s in series for _d, n in s.points))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(day: dt.date) -> float:
        return round(LEFT + plot_w * (day - first).days / span, 1)

    def y(count: int) -> float:
        return round(TOP + plot_h * (1 - count / top), 1)

    years = sorted({day.year for day in days})
    every = max(1, math.ceil(len(years) / 10))
    xticks = [(x(dt.date(year, 1, 1)), str(year)) for year in years[::every] if first <= dt.date(year, 1, 1) <= last]
    yticks = [(y(value), str(value)) for value in range(0, top + 1, step)]
    lines: list[dict[str, Any]] = []
    for s in series:
        points = " ".join(f"{x(day)},{y(n)}" for day, n in s.points)
        end_day, end = s.points[-1]
        lines.append({"system": s.system, "points": points, "end": (x(end_day), y(end)), "count": end,
                      "start": s.points[0][1], "dots": [(x(day), y(n), day.isoformat(), n) for day, n in s.points]})
    # End labels never overlap: pushed apart by at least 14 px, in order of height.
    placed: list[float] = []
    for line in sorted(lines, key=lambda item: item["end"][1]):
        wanted = line["end"][1]
        label_y = max(wanted, placed[-1] + 14) if placed else wanted
        placed.append(label_y)
        line["label_y"] = round(label_y + 4, 1)
    return {"width": WIDTH, "height": HEIGHT, "left": LEFT, "right": WIDTH - RIGHT, "top": TOP, "bottom": HEIGHT - BOTTOM,
            "xticks": xticks, "yticks": yticks, "lines": lines}

"""Dates known to the day, the month or the year: parsing, bounds, and the narrowest date spanning two days."""

from __future__ import annotations

import datetime as dt

import pytest

from ratify_cli.domain.dates import PartialDate, earliest, latest, parse, span

D = dt.date.fromisoformat


@pytest.mark.parametrize(
    "text,first,last,iso",
    [
        ("1934", "1934-01-01", "1934-12-31", "1934"),
        ("2024-02", "2024-02-01", "2024-02-29", "2024-02"),
        ("2023-02", "2023-02-01", "2023-02-28", "2023-02"),
        ("2005-06-07", "2005-06-07", "2005-06-07", "2005-06-07"),
    ],
)
def test_parse_keeps_the_precision_and_gives_bounds(text, first, last, iso) -> None:
    day = parse(text)
    assert (earliest(day), latest(day), day.isoformat()) == (D(first), D(last), iso)


@pytest.mark.parametrize("text", ["1990-13", "1990-02-30", "90", "1990-1", "1990-01-01T00:00", ""])
def test_parse_refuses_what_is_not_a_date(text) -> None:
    with pytest.raises(ValueError):
        parse(text)


@pytest.mark.parametrize(
    "first,last,expected",
    [
        ("1935-03-01", "1935-03-01", D("1935-03-01")),
        ("1935-03-01", "1935-03-31", PartialDate(1935, 3)),
        ("1935-01-01", "1935-12-31", PartialDate(1935)),
        ("1934-12-31", "1935-01-30", None),
    ],
)
def test_span_is_the_narrowest_date_holding_both_days(first, last, expected) -> None:
    assert span(D(first), D(last)) == expected


def test_partial_dates_are_immutable_values() -> None:
    assert PartialDate(1934) == parse("1934") and hash(PartialDate(1934)) == hash(parse("1934"))
    assert PartialDate(1934) != PartialDate(1934, 1)
    with pytest.raises(AttributeError):
        PartialDate(1934).year = 1935  # type: ignore[misc]

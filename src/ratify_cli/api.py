"""The Python API the CLI stands on: load a data folder once, then ask for statuses, gaps and changes.

    >>> from ratify_cli import load
    >>> data = load()                      # or load("path/to/data")
    >>> data.status("MEX", "icrmw").status  # a Status, equal to the string "party"
    >>> data.gaps(state="MEX")             # the rows `ratify gaps --state MEX --format json` prints
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Literal, Optional, Union

from .domain.dataset import Dataset
from .domain.status import PairStatus
from .domain.vocab import Subregion, System
from .errors import DataError, UsageError
from .loading.loader import load_or_raise
from .loading.paths import DataLocation, locate
from .query.filters import check
from .query.selection import Selection, compute, find_instrument, find_state
from .reports import catalog, gaps
from .reports.report import Report

Rows = list[dict[str, Any]]


class Data:
    """A validated dataset and the folder it came from, with the questions the commands ask of it."""

    def __init__(self, dataset: Dataset, location: DataLocation) -> None:
        self.dataset = dataset
        self.location = location

    @property
    def folder(self) -> Path:
        """The data folder that was read."""
        return self.location.folder

    def selection(
        self,
        as_of: Optional[dt.date] = None,
        states: tuple[str, ...] = (),
        instruments: tuple[str, ...] = (),
        system: Optional[System] = None,
        topic: Optional[str] = None,
        subregion: Optional[Subregion] = None,
        members: bool = True,
    ) -> Selection:
        """A Selection (today by default) whose filters are checked against the states and instruments named."""
        sel = Selection(as_of or dt.date.today(), states, instruments, system, topic, subregion, members)
        check(self.dataset, states, instruments, system, topic, subregion)
        return sel

    def status(self, state: str, instrument: str, as_of: Optional[dt.date] = None) -> PairStatus:
        """The status of one state on one instrument (`.status` is a Status, equal to its string: `"party"`)."""
        day = as_of or dt.date.today()
        return compute(self.dataset, find_state(self.dataset, state), find_instrument(self.dataset, instrument), day)

    def gaps_report(
        self, state: Optional[str] = None, instrument: Optional[str] = None, sel: Optional[Selection] = None
    ) -> Report:
        """The report of `ratify gaps`: one state's gaps, one instrument's, or the matrix."""
        if state and instrument:
            raise UsageError("give --state or --instrument, not both (use `ratify status` for one pair)")
        sel = sel or self.selection()
        check(self.dataset, (state,) if state else sel.states, (instrument,) if instrument else sel.instruments,
              sel.system, sel.topic, sel.subregion)
        if state:
            return gaps.gaps_for_state(self.dataset, sel, state)
        if instrument:
            return gaps.gaps_for_instrument(self.dataset, sel, instrument)
        return gaps.matrix(self.dataset, sel)

    def gaps(self, state: Optional[str] = None, instrument: Optional[str] = None, as_of: Optional[dt.date] = None) -> Rows:
        """The rows `ratify gaps --format json` prints for the same question."""
        return self.gaps_report(state, instrument, self.selection(as_of)).public_rows()

    def changes_report(
        self, since: dt.date, sel: Selection, by: Literal["state", "instrument"] = "instrument"
    ) -> Report:
        """The report of `ratify changes`: every action from `since` to the selection's date."""
        return catalog.changes(self.dataset, sel, since, sel.as_of, by)

    def changes(
        self, since: dt.date, until: Optional[dt.date] = None, by: Literal["state", "instrument"] = "instrument"
    ) -> Rows:
        """The rows `ratify changes --format json` prints for the same window."""
        return self.changes_report(since, self.selection(until), by).public_rows()


def open_data(location: DataLocation, use_cache: bool = True) -> Data:
    """Load a located data folder (from the cache when the files are unchanged); DataError when it has errors."""
    if not location.folder.is_dir():
        raise DataError(f"the data folder {location.describe()} does not exist or is not a folder")
    dataset = load_or_raise(location.folder, use_cache).dataset
    assert dataset is not None  # load_or_raise raises when there is none
    return Data(dataset, location)


def load(folder: Union[str, Path, None] = None, use_cache: bool = True) -> Data:
    """Load a data folder: the one given, else as the CLI finds it ($RATIFY_DATA, the checkout, the bundled copy)."""
    return open_data(locate(Path(folder) if folder is not None else None), use_cache)

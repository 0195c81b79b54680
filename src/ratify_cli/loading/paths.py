"""Where the data lives: --data, then RATIFY_DATA, then a checkout found from the current folder, then the bundled copy."""

from __future__ import annotations

import os
from pathlib import Path

from msgspec import Struct

ENV_VAR = "RATIFY_DATA"
DATA_FILES = ("instruments.yaml", "states.yaml")
"""The two files that make a folder a data folder (dataset.py names them too)."""


class DataLocation(Struct, frozen=True):
    """The data folder a command reads, and how it was chosen (for messages and the output's data line)."""

    folder: Path
    origin: str
    """`--data`, `RATIFY_DATA`, `discovered` or `bundled`."""

    def describe(self) -> str:
        """The folder and its origin, e.g. `/src/ratify/data (found from the current folder)`."""
        how = {
            "--data": "from --data",
            "RATIFY_DATA": "from RATIFY_DATA",
            "discovered": "found from the current folder",
            "bundled": "bundled with ratify",
        }[self.origin]
        return f"{self.folder} ({how})"


def bundled_data() -> Path:
    """The embedded default data folder.

    A wheel carries the repository's `data/` as `ratify_cli/data` (hatch force-include); a source checkout or an
    editable install has no such folder and reads `data/` at the top of the checkout: one copy, never two.
    """
    package = Path(__file__).resolve().parents[1]  # ratify_cli/ (this module is ratify_cli/loading/paths.py)
    packaged = package / "data"
    if packaged.is_dir():
        return packaged
    return package.parents[1] / "data"  # src/ratify_cli -> the checkout


def discover(start: Path | None = None) -> Path | None:
    """The nearest `data/` folder holding both data files, in `start` (default: the current folder) or above it."""
    try:
        here = (start or Path.cwd()).resolve()
    except OSError:  # the current folder was deleted
        return None
    for folder in (here, *here.parents):
        candidate = folder / "data"
        if all((candidate / name).is_file() for name in DATA_FILES):
            return candidate
    return None


def locate(option: Path | None) -> DataLocation:
    """The data folder a command reads: --data, RATIFY_DATA, a discovered checkout, or the bundled copy."""
    if option is not None:
        return DataLocation(option, "--data")
    env = os.environ.get(ENV_VAR)
    if env:
        return DataLocation(Path(env), "RATIFY_DATA")
    found = discover()
    if found is not None:
        return DataLocation(found, "discovered")
    return DataLocation(bundled_data(), "bundled")


def data_dir(option: Path | None) -> Path:
    """The data folder a command reads."""
    return locate(option).folder


def protected_folders(location: DataLocation) -> tuple[Path, ...]:
    """Folders whose files --output never overwrites: the data folder in use and any discovered from here."""
    found = discover()
    return tuple(dict.fromkeys(p for p in (location.folder, found) if p is not None))

"""Where the data lives: --data, then RATIFY_DATA, then the copy bundled in the wheel, then the checkout's data/."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

ENV_VAR = "RATIFY_DATA"


def bundled_data() -> Path:
    """The embedded default data folder.

    A wheel carries the repository's `data/` as `ratify_cli/data` (hatch force-include); a source checkout or an
    editable install has no such folder and reads `data/` at the top of the checkout: one copy, never two.
    """
    packaged = Path(__file__).resolve().parent / "data"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "data"


def data_dir(option: Optional[Path]) -> Path:
    """The data folder a command reads."""
    if option is not None:
        return option
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env)
    return bundled_data()

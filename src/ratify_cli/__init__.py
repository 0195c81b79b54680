"""ratify: which states of the Americas have signed, ratified or acceded to the treaties protecting migrants.

`from ratify_cli import load` gives the Python API (see api.py and the README); the command line stands on it.
"""

from typing import TYPE_CHECKING, Any

from .version import __version__

if TYPE_CHECKING:
    from .api import Data, load

__all__ = ["Data", "__version__", "load"]


def __getattr__(name: str) -> Any:
    """`load` and `Data` are imported on first use, so `import ratify_cli` alone stays cheap."""
    if name in ("load", "Data"):
        from . import api

        return getattr(api, name)
    raise AttributeError(name)

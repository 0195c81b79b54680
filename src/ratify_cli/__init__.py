"""ratify: which states of the Americas have signed, ratified or acceded to the treaties protecting migrants."""

from .version import __version__

__all__ = ["__version__"]

"""ratify: which states of the Americas have signed, ratified or acceded to the treaties protecting migrants."""

__version__ = "0.1.0"

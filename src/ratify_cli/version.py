"""The version of ratify (read by the build, the cache key and the User-Agent)."""

__version__ = "0.1.0"

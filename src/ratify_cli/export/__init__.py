"""`ratify export`: the dataset whole as CSV tables with a Frictionless datapackage.json, and one SQLite file.

`tables` (tables.py) computes the rows and describes every field; `write` (files.py) writes them. sqlite3 is
imported only when writing.
"""

from __future__ import annotations

from .files import write
from .tables import Field, Table, tables

__all__ = ["Field", "Table", "tables", "write"]

"""Writing an export: one CSV per table, datapackage.json describing them, and ratify.sqlite with the same tables."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import OutputError
from ..output import _umask_mode, check_not_data, write_atomic
from .tables import Table

SQLITE = "ratify.sqlite"
PACKAGE = "datapackage.json"
SQL_TYPES = {"string": "TEXT", "integer": "INTEGER", "boolean": "INTEGER", "date": "TEXT"}


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _sql_value(value: Any) -> Any:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def csv_text(table: Table) -> str:
    """The table as CSV: a header of field names, empty cells for missing values, true/false, ISO dates."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([f.name for f in table.fields])
    writer.writerows([_csv_value(v) for v in row] for row in table.rows)
    return buffer.getvalue()


def descriptor(tables: Iterable[Table], version: str = "") -> dict[str, Any]:
    """The Frictionless Data Package descriptor (tabular-data-package) of the CSV tables and the SQLite file."""
    resources: list[dict[str, Any]] = []
    for table in tables:
        fields = []
        for f in table.fields:
            field: dict[str, Any] = {"name": f.name, "type": f.type, "description": f.description}
            if f.type == "date":
                field["format"] = "default"
            constraints: dict[str, Any] = {}
            if f.required:
                constraints["required"] = True
            if f.pattern:
                constraints["pattern"] = f.pattern
            if f.enum:
                constraints["enum"] = list(f.enum)
            if constraints:
                field["constraints"] = constraints
            fields.append(field)
        schema: dict[str, Any] = {"fields": fields, "missingValues": [""], "primaryKey": list(table.primary_key)}
        if table.foreign_keys:
            schema["foreignKeys"] = [
                {"fields": [name], "reference": {"resource": "" if target == table.name else target, "fields": [key]}}
                for name, target, key in table.foreign_keys
            ]
        resources.append({
            "name": table.name, "path": f"{table.name}.csv", "profile": "tabular-data-resource", "title": table.title,
            "description": table.description, "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "dialect": {"delimiter": ",", "lineTerminator": "\n", "header": True}, "schema": schema,
        })
    resources.append({
        "name": "ratify-sqlite", "path": SQLITE, "format": "sqlite", "mediatype": "application/vnd.sqlite3",
        "description": "The same four tables in one SQLite database (booleans as 0/1, dates as ISO text).",
    })
    return {
        "profile": "tabular-data-package",
        "name": "ratify-oas-treaties",
        "title": "Human rights treaties of the OAS member states",
        "description": "Which states of the Americas have signed, ratified or acceded to the treaties that protect the "
        "human rights of migrants, with the source of every fact. Exported by ratify.",
        "version": version,
        "resources": resources,
    }


def _sqlite(target: Path, tables: Iterable[Table]) -> None:
    """Build the database in a temporary file beside the target, then rename it over the target."""
    import sqlite3

    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(handle)
    try:
        os.chmod(temp, stat.S_IMODE(target.stat().st_mode) if target.exists() else _umask_mode())
        connection = sqlite3.connect(temp)
        try:
            for table in tables:
                columns = [f'"{f.name}" {SQL_TYPES[f.type]}{" NOT NULL" if f.required else ""}' for f in table.fields]
                columns.append("PRIMARY KEY (" + ", ".join(f'"{k}"' for k in table.primary_key) + ")")
                connection.execute(f'CREATE TABLE "{table.name}" ({", ".join(columns)})')
                marks = ", ".join("?" for _ in table.fields)
                connection.executemany(f'INSERT INTO "{table.name}" VALUES ({marks})', ([_sql_value(v) for v in row] for row in table.rows))
            connection.commit()
        finally:
            connection.close()
        os.replace(temp, target)
    except (OSError, sqlite3.Error) as exc:
        raise OutputError(f"cannot write {target}: {exc}") from None
    finally:
        Path(temp).unlink(missing_ok=True)


def write(folder: Path, tables: tuple[Table, ...], protected: Iterable[Path] = (), version: str = "") -> list[Path]:
    """Write every table as CSV, datapackage.json and ratify.sqlite into `folder` (created); the paths written."""
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"cannot write into {folder}: it is not a folder")
    protected = list(protected)
    if any(os.path.realpath(folder) == os.path.realpath(data) for data in protected):
        raise OutputError(f"refusing to write into {folder}: it is the data folder")
    targets = [folder / f"{t.name}.csv" for t in tables] + [folder / PACKAGE, folder / SQLITE]
    for target in targets:
        check_not_data(target, protected)
    for table in tables:
        write_atomic(folder / f"{table.name}.csv", csv_text(table), make_parents=True)
    write_atomic(folder / PACKAGE, json.dumps(descriptor(tables, version), ensure_ascii=False, indent=2) + "\n")
    _sqlite(folder / SQLITE, tables)
    return targets

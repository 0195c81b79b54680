"""`ratify export`: CSV tables that match their datapackage.json field by field, and the same tables in SQLite."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import sqlite3

from ratify_cli.cli import app

from ..conftest import MINI


def _export(runner, tmp_path, *extra: str):
    target = tmp_path / "out"
    result = runner.invoke(app, ["export", str(target), "--as-of", "2020-01-01", "--data", str(MINI), *extra])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    return target, result


def _valid(value: str, field: dict) -> bool:
    if value == "":
        return not field.get("constraints", {}).get("required")
    kind = field["type"]
    if kind == "integer":
        return re.fullmatch(r"-?\d+", value) is not None
    if kind == "boolean":
        return value in ("true", "false")
    if kind == "date":
        return dt.date.fromisoformat(value).isoformat() == value
    constraints = field.get("constraints", {})
    if "pattern" in constraints and not re.fullmatch(constraints["pattern"], value):
        return False
    return "enum" not in constraints or value in constraints["enum"]


def test_csv_tables_match_their_descriptor(runner, tmp_path) -> None:
    target, result = _export(runner, tmp_path)
    package = json.loads((target / "datapackage.json").read_text(encoding="utf-8"))
    assert package["profile"] == "tabular-data-package"
    tabular = [r for r in package["resources"] if r.get("profile") == "tabular-data-resource"]
    assert [r["name"] for r in tabular] == ["instruments", "states", "events", "statuses"]
    assert package["resources"][-1]["path"] == "ratify.sqlite"
    counts = {}
    for resource in tabular:
        fields = resource["schema"]["fields"]
        assert all(f["type"] in ("string", "integer", "boolean", "date") and f["description"] for f in fields)
        with open(target / resource["path"], encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        assert rows[0] == [f["name"] for f in fields]
        for row in rows[1:]:
            assert len(row) == len(fields)
            for value, field in zip(row, fields, strict=True):
                assert _valid(value, field), (resource["name"], field["name"], value)
        keys = [tuple(row[rows[0].index(k)] for k in resource["schema"]["primaryKey"]) for row in rows[1:]]
        assert len(keys) == len(set(keys))
        counts[resource["name"]] = len(rows) - 1
    assert counts == {"instruments": 3, "states": 4, "events": counts["events"], "statuses": 12}
    assert counts["events"] > 0
    assert "wrote" in result.stderr


def test_sqlite_holds_the_same_tables(runner, tmp_path) -> None:
    target, _result = _export(runner, tmp_path)
    connection = sqlite3.connect(target / "ratify.sqlite")
    try:
        for name in ("instruments", "states", "events", "statuses"):
            with open(target / f"{name}.csv", encoding="utf-8", newline="") as handle:
                assert connection.execute(f"SELECT count(*) FROM {name}").fetchone()[0] == sum(1 for _ in csv.DictReader(handle))
        rows = connection.execute(
            "SELECT s.state, s.status, s.next_step FROM statuses s JOIN instruments i ON i.id = s.instrument "
            "WHERE i.short_name = 'CONV' ORDER BY s.state"
        ).fetchall()
        assert rows == [("CAN", "denounced", "re-accede"), ("MEX", "party", None), ("NIC", "party", None), ("USA", "signed", "ratify")]
        member = dict(connection.execute("SELECT code, member FROM states").fetchall())
        assert member == {"CAN": 1, "MEX": 1, "NIC": 1, "USA": 1}
        orphans = connection.execute(
            "SELECT count(*) FROM events e LEFT JOIN states s ON s.code = e.state LEFT JOIN instruments i "
            "ON i.id = e.instrument WHERE s.code IS NULL OR i.id IS NULL"
        ).fetchone()[0]
        assert orphans == 0
    finally:
        connection.close()


def test_statuses_agree_with_status_json(runner, tmp_path) -> None:
    target, _result = _export(runner, tmp_path)
    shown = json.loads(runner.invoke(app, ["status", "--as-of", "2020-01-01", "--data", str(MINI), "-f", "json"]).stdout)
    with open(target / "statuses.csv", encoding="utf-8", newline="") as handle:
        exported = {(r["state"], r["instrument"]): r["status"] for r in csv.DictReader(handle)}
    assert {(r["state"], r["instrument"]): r["status"] for r in shown["rows"]} == exported


def test_export_never_writes_into_the_data_folder(runner, mini_copy) -> None:
    result = runner.invoke(app, ["export", str(mini_copy), "--data", str(mini_copy)])
    assert result.exit_code == 1
    assert "refusing to write into" in result.stderr
    assert not (mini_copy / "statuses.csv").exists()

"""Applying sync results to the data files: comments, key order and layout kept; all or nothing; atomic."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

from ..domain.dataset import INSTRUMENTS_FILE, STATES_FILE
from ..errors import DataError
from ..output import write_atomic
from . import ParsedPage
from .sync import SyncResult, read_for


def _yaml(text: str) -> Any:  # a ruamel.yaml.YAML
    from ruamel.yaml import YAML  # imported here: only `sync --write` rewrites files

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    # Keep the file's own list style: `- ` under its key, or indented by two.
    if re.search(r"^[a-z_]+:\n- ", text, flags=re.M):
        yaml.indent(mapping=2, sequence=2, offset=0)
    else:
        yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _dump(yaml: Any, document: Any) -> str:
    buffer = io.StringIO()
    yaml.dump(document, buffer)
    return buffer.getvalue()


def updated_texts(data_dir: Path, result: SyncResult, today: dt.date) -> dict[str, str]:
    """The new text of each data file that changes (nothing is written)."""
    from ruamel.yaml.comments import CommentedMap

    states_text = (data_dir / STATES_FILE).read_text(encoding="utf-8")
    instruments_text = (data_dir / INSTRUMENTS_FILE).read_text(encoding="utf-8")
    states_yaml, instruments_yaml = _yaml(states_text), _yaml(instruments_text)
    states_doc = states_yaml.load(states_text)
    instruments_doc = instruments_yaml.load(instruments_text)
    by_code = {s["code"]: s for s in states_doc["states"]}
    for drift in result.drift:
        state = by_code[drift.state]
        if drift.kind == "missing":
            event = CommentedMap()
            event["instrument"] = drift.instrument
            event["action"] = drift.action.value
            event["date"] = drift.page_date
            event["source"] = drift.page_url
            if drift.parsed is not None and drift.parsed.excluded_annexes:
                event["excluded_annexes"] = list(drift.parsed.excluded_annexes)
            if drift.parsed is not None and drift.parsed.note:
                event["note"] = drift.parsed.note
            state.setdefault("events", []).append(event)
        elif drift.kind == "differs":
            for event in state.get("events", []):
                if (
                    event["instrument"] == drift.instrument
                    and event["action"] == drift.data_action.value  # type: ignore[union-attr]
                    and _as_date(event["date"]) == drift.data_date
                ):
                    event["action"] = drift.action.value
                    event["date"] = drift.page_date
                    event["source"] = drift.page_url
                    break
    every = [s["code"] for s in states_doc["states"]]
    read_on = {instrument: fetched.fetched_on for instrument, fetched in result.fetched}
    for instrument in instruments_doc["instruments"]:
        page = next((p for p in result.pages if p.instrument == instrument["id"]), None)
        if page is not None:
            _add_check(instrument, page, every, page.status_as_of or read_on.get(page.instrument) or today, today)
    out = {STATES_FILE: _dump(states_yaml, states_doc), INSTRUMENTS_FILE: _dump(instruments_yaml, instruments_doc)}
    return {name: text for name, text in out.items() if text != (data_dir / name).read_text(encoding="utf-8")}


def _add_check(instrument: Any, page: ParsedPage, every: list[str], date: dt.date, today: dt.date) -> None:
    """Append a check for the states the page was read for, dated by the page; existing checks are left alone, and
    one that already records this reading is not repeated."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    covered = read_for(every, page)
    if not covered:
        return
    states: Any = "all" if covered == set(every) else CommentedSeq(sorted(covered))
    if not isinstance(states, str):
        states.fa.set_flow_style()
    for check in instrument.get("checks") or []:
        same_states = check.get("states") == "all" or set(check.get("states") or ()) >= covered
        if _as_date(check.get("date")) == date and check.get("source") == page.url and same_states:
            return
    check = CommentedMap()
    check["date"] = date
    check["source"] = page.url
    check["states"] = states
    check["note"] = f"Read by ratify sync on {today.isoformat()}, every row of the page for the states listed."
    if instrument.get("checks") is None:
        keys = list(instrument)
        instrument.insert(keys.index("sources") + 1 if "sources" in keys else len(keys), "checks", CommentedSeq())
    instrument["checks"].append(check)


def _as_date(value: Any) -> Any:
    return dt.date(value.year, value.month, value.day) if hasattr(value, "year") else value


def apply(data_dir: Path, result: SyncResult, today: dt.date) -> list[str]:
    """Write the sync results, only if every page was read and the result validates; returns files changed."""
    from ..loading.loader import load

    if result.failures:
        raise DataError(f"not writing: {len(result.failures)} page(s) could not be read")
    texts = updated_texts(data_dir, result, today)
    with tempfile.TemporaryDirectory() as scratch:
        trial = Path(scratch)
        for name in (INSTRUMENTS_FILE, STATES_FILE):
            shutil.copy(data_dir / name, trial / name)
        for name, text in texts.items():
            (trial / name).write_text(text, encoding="utf-8")
        checked = load(trial)
        if checked.errors:
            raise DataError("not writing: the updated data would not validate", checked.errors)
    for name, text in texts.items():
        write_atomic(data_dir / name, text)
    return sorted(texts)

"""The full load of a data folder: read both YAML files, validate them with the models, run the rules, build records."""

from __future__ import annotations

import functools
import re
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ..domain.dataset import INSTRUMENTS_FILE, STATES_FILE, Dataset
from ..domain.records import RECORDS
from . import rules
from .findings import Finding, dotted
from .models import InstrumentsFile, StatesFile
from .result import LoadResult
from .yamlsource import Document, read


def load(data_dir: Path, version: str) -> LoadResult:
    """Read, validate and check the data folder; never raises for bad data.

    A first pass reads the files fast, without positions (yamlsource.read); if it finds anything at all, the folder
    is read again strictly, so that every finding carries its line and column.
    """
    result = _load(data_dir, version, fast=True)
    return _load(data_dir, version, fast=False) if result.findings else result


def _load(data_dir: Path, version: str, fast: bool) -> LoadResult:
    docs: dict[str, Document] = {}
    findings: list[Finding] = []
    for name in (INSTRUMENTS_FILE, STATES_FILE):
        parsed = read(data_dir / name, str(data_dir / name), fast)
        if isinstance(parsed, Finding):
            findings.append(parsed)
        else:
            docs[name] = parsed
    if findings:
        return LoadResult(None, tuple(findings), _counts(docs))

    instruments = _validate(InstrumentsFile, docs[INSTRUMENTS_FILE], findings)
    states = _validate(StatesFile, docs[STATES_FILE], findings)
    if instruments is None or states is None:
        return LoadResult(None, tuple(findings), _counts(docs))

    dataset = Dataset(to_record(instruments.instruments), to_record(states.states), version=version)
    for finding in rules.check(dataset):
        line, column = docs[finding.file].locate(finding.path)
        findings.append(
            Finding(
                str(data_dir / finding.file), finding.message, finding.severity, finding.code, line, column, finding.path
            )
        )
    return LoadResult(dataset, tuple(findings))


def _counts(docs: dict[str, Document]) -> tuple[int, int, int]:
    """Instruments, states and events as read, for the summary of files that did not validate."""

    def items(name: str, key: str) -> list[Any]:
        value = docs[name].value if name in docs else None
        found = value.get(key) if isinstance(value, dict) else None
        return list(found) if isinstance(found, (list, tuple)) else []

    states = items(STATES_FILE, "states")
    events = sum(
        len(s["events"]) for s in states if isinstance(s, dict) and isinstance(s.get("events"), (list, tuple))
    )
    return len(items(INSTRUMENTS_FILE, "instruments")), len(states), events


def to_record(value: Any) -> Any:
    """A validated model (or tuple of them) as its plain record twin."""
    if isinstance(value, tuple):
        return tuple(to_record(item) for item in value)
    if not isinstance(value, BaseModel):
        return value
    cls, nested = _plan(type(value))
    fields = value.__dict__
    converted = {name: to_record(fields[name]) for name in nested if fields[name]}
    if converted:
        fields = {**fields, **converted}
    return cls(**fields)


@functools.cache
def _plan(model: type[BaseModel]) -> tuple[type, tuple[str, ...]]:
    """The record class of a model, and the fields that can hold models (which need converting too)."""

    def holds_model(annotation: Any) -> bool:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return True
        return any(holds_model(arg) for arg in typing.get_args(annotation))

    nested = tuple(name for name, field in model.model_fields.items() if holds_model(field.annotation))
    return RECORDS[model.__name__], nested


def _validate(model: Any, doc: Document, findings: list[Finding]) -> Any:
    try:
        return model.model_validate(doc.value)
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            path = tuple(part for part in error["loc"] if isinstance(part, (str, int)))
            line, column = doc.locate(path)
            findings.append(
                Finding(doc.file, _message(path, dict(error), model), line=line, column=column, path=path, code="schema")
            )
        return None


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _message(path: tuple[Any, ...], error: dict[str, Any], model: Any = None) -> str:
    where = dotted(path) or "the file"
    from .fieldhints import explain

    meant = explain(model, path, error) if model is not None else None
    if meant is not None:
        return f"{where}: {meant}"
    kind = error["type"]
    value = error.get("input")
    if kind == "missing":
        return f"{where}: required field is missing"
    if kind == "extra_forbidden":
        return f"{where}: unknown field (a typo? unknown fields are not allowed)"
    text = error["msg"].removeprefix("Value error, ").replace("a valid tuple", "a list")
    if kind in ("string_type", "date_type") and isinstance(value, (bool, int, float)) and not isinstance(value, str):
        # YAML 1.1 reads NO, yes, on, off as booleans and 1e3 as a number: the classic traps.
        text += f" (YAML read the unquoted value as {value!r}; put it in quotes)"
    elif kind in ("date_type", "date_parsing") and isinstance(value, str):
        text += " (write dates unquoted as YYYY-MM-DD)"
    elif kind == "string_pattern_mismatch" and isinstance(value, str) and _CONTROL.search(value):
        char = _CONTROL.search(value).group()  # type: ignore[union-attr]
        text = f"contains the control character U+{ord(char):04X} (an escape sequence or a text-direction override); remove it"
    elif kind in ("model_type", "dict_type") and value is None:
        text = "is empty; expected a mapping of fields"
    elif kind in ("model_type", "dict_type"):
        text = f"expected a mapping of fields, found {type(value).__name__ if not isinstance(value, tuple) else 'a list'}"
    return f"{where}: {text}"

"""Loading a data folder: read both YAML files, validate them into models, run the cross-record rules."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from pydantic import ValidationError

from . import rules
from .dataset import INSTRUMENTS_FILE, STATES_FILE, Dataset
from .errors import DataError
from .findings import Finding, Severity, ValidationSummary, dotted
from .models import InstrumentsFile, StatesFile
from .yamlsource import Document, read


@dataclass(frozen=True)
class LoadResult:
    """What loading found: the dataset (None when the files could not be validated) and every finding."""

    dataset: Optional[Dataset]
    findings: tuple[Finding, ...]

    @property
    def errors(self) -> tuple[Finding, ...]:
        """Findings that fail validation."""
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """Findings that do not fail validation."""
        return tuple(f for f in self.findings if f.severity is Severity.WARNING)

    def summary(self, data_dir: Path) -> ValidationSummary:
        """What was validated (records read) and what was found."""
        data = self.dataset
        return ValidationSummary(
            data_dir=str(data_dir),
            findings=self.findings,
            instruments=len(data.instruments) if data else 0,
            states=len(data.states) if data else 0,
            events=sum(len(s.events) for s in data.states) if data else 0,
        )


def load(data_dir: Path) -> LoadResult:
    """Read, validate and check the data folder; never raises for bad data."""
    docs: dict[str, Document] = {}
    findings: list[Finding] = []
    if not data_dir.is_dir():
        return LoadResult(None, (Finding(str(data_dir), "is not a folder (expected a data folder)", code="io"),))
    for name in (INSTRUMENTS_FILE, STATES_FILE):
        parsed = read(data_dir / name, str(data_dir / name))
        if isinstance(parsed, Finding):
            findings.append(parsed)
        else:
            docs[name] = parsed
    if findings:
        return LoadResult(None, tuple(findings))

    instruments = _validate(InstrumentsFile, docs[INSTRUMENTS_FILE], findings)
    states = _validate(StatesFile, docs[STATES_FILE], findings)
    if instruments is None or states is None:
        return LoadResult(None, tuple(findings))

    dataset = Dataset(instruments.instruments, states.states, version=_version(data_dir))
    for finding in rules.check(dataset):
        line, column = docs[finding.file].locate(finding.path)
        findings.append(
            Finding(
                str(data_dir / finding.file), finding.message, finding.severity, finding.code, line, column, finding.path
            )
        )
    return LoadResult(dataset, tuple(findings))


def load_or_raise(data_dir: Path) -> LoadResult:
    """Load, raising DataError (with every finding) when the data has errors."""
    result = load(data_dir)
    if result.errors or result.dataset is None:
        raise DataError(f"the data in {data_dir} has {len(result.errors)} error(s); run `ratify validate`", result.errors)
    return result


def _validate(model: Any, doc: Document, findings: list[Finding]) -> Any:
    try:
        return model.model_validate(doc.value)
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            path = tuple(part for part in error["loc"] if isinstance(part, (str, int)))
            line, column = doc.locate(path)
            findings.append(
                Finding(doc.file, _message(path, error), line=line, column=column, path=path, code="schema")
            )
        return None


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _message(path: tuple[Any, ...], error: dict[str, Any]) -> str:
    where = dotted(path) or "the file"
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


def _version(data_dir: Path) -> str:
    digest = hashlib.sha256()
    for name in (INSTRUMENTS_FILE, STATES_FILE):
        digest.update((data_dir / name).read_bytes())
    return digest.hexdigest()[:12]

"""Validation messages that name what was meant: the field a typo stands for, the enum value, the code's case."""

from __future__ import annotations

import typing
from enum import Enum
from typing import Any

from pydantic import BaseModel

from ..query.suggest import hint, matches

PATTERNS = {
    r"^[A-Z]{3}$": ("three upper-case letters (an ISO 3166-1 alpha-3 code)", str.upper),
    r"^[a-z0-9]+(?:-[a-z0-9]+)*$": ("a lower-case id of letters, digits and single hyphens", str.lower),
}
"""Regular expressions of the models, in words, with the change of case that may fix a value."""


def _models(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models(arg)]


def model_at(root: type[BaseModel], path: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model of the mapping at `path` (list indexes skipped), or None when the path leaves the models."""
    model = root
    for part in path:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part)
        found = _models(field.annotation) if field else []
        if not found:
            return None
        model = found[0]
    return model


def explain(root: type[BaseModel], path: tuple[Any, ...], error: dict[str, Any]) -> str | None:
    """A message for an unknown field, a value outside a fixed list, or a code in the wrong case; None otherwise."""
    kind = error["type"]
    value = error.get("input")
    if kind == "extra_forbidden" and path and isinstance(path[-1], str):
        model = model_at(root, path[:-1])
        if model is not None:
            known = list(model.model_fields)
            found = matches(path[-1], known)
            if found:
                return f"unknown field{hint(found)}"
            return f"unknown field; the fields here are {', '.join(known)}"
    if kind in ("enum", "literal_error") and isinstance(value, str):
        expected = _choices(root, path)
        if expected:
            return f"{value!r} is not one of {', '.join(expected)}{hint(matches(value, expected))}"
    if kind == "string_pattern_mismatch" and isinstance(value, str):
        pattern = (error.get("ctx") or {}).get("pattern", "")
        if pattern in PATTERNS:
            words, fix = PATTERNS[pattern]
            import re

            fixed = fix(value.strip())
            return f"{value!r} is not {words}{hint([fixed] if re.match(pattern, fixed) else [])}"
    return None


def _choices(root: type[BaseModel], path: tuple[Any, ...]) -> list[str]:
    """The allowed values of the enum or Literal field at `path`."""
    names = [p for p in path if isinstance(p, str)]
    if not names:
        return []
    model = model_at(root, path[: max(i for i, p in enumerate(path) if isinstance(p, str))])
    field = model.model_fields.get(names[-1]) if model else None
    if field is None:
        return []
    return list(_values(field.annotation))


def _values(annotation: Any) -> list[str]:
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return [m.value for m in annotation]
    if typing.get_origin(annotation) is typing.Literal:
        return [str(a) for a in typing.get_args(annotation)]
    return [v for arg in typing.get_args(annotation) for v in _values(arg)]

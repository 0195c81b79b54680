"""JSON Schema of the two data files, generated from the models so that they cannot drift."""

from __future__ import annotations

import json
from typing import Any, cast

from pydantic import BaseModel

from ..domain.dataset import INSTRUMENTS_FILE, STATES_FILE
from .models import InstrumentsFile, StatesFile

SCHEMA_FILES = {
    INSTRUMENTS_FILE: ("instruments.schema.json", InstrumentsFile),
    STATES_FILE: ("states.schema.json", StatesFile),
}


def schemas() -> dict[str, dict[str, Any]]:
    """Schema file name -> JSON Schema (draft 2020-12)."""
    out = {}
    for data_file, (schema_file, model) in SCHEMA_FILES.items():
        schema = cast(type[BaseModel], model).model_json_schema(mode="validation")
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"https://ratify.invalid/schema/{schema_file}",
            "title": f"ratify {data_file}",
            **schema,
        }
        out[schema_file] = schema
    return out


def dumps(schema: dict[str, Any]) -> str:
    """A schema as stable, diff-friendly text."""
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"

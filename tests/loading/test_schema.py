"""The JSON Schema is generated from the models, committed, and the data validates against it."""

from __future__ import annotations

import jsonschema
import pytest
import yaml

from ratify_cli.loading.schema import SCHEMA_FILES, dumps, schemas
from ratify_cli.reports.report import plain
from tests.conftest import DATA, MINI, REPO


def test_committed_schema_matches_the_models() -> None:
    for name, schema in schemas().items():
        assert (REPO / "schema" / name).read_text(encoding="utf-8") == dumps(schema), "run `ratify schema --output schema/`"


@pytest.mark.parametrize("folder", [DATA, MINI], ids=["bundled", "mini"])
def test_data_validates_against_schema(folder) -> None:
    generated = schemas()
    for data_file, (schema_file, _model) in SCHEMA_FILES.items():
        document = plain(yaml.safe_load((folder / data_file).read_text(encoding="utf-8")))
        jsonschema.validate(document, generated[schema_file], format_checker=jsonschema.FormatChecker())


def test_data_files_point_editors_at_the_schema() -> None:
    for data_file, (schema_file, _model) in SCHEMA_FILES.items():
        first = (DATA / data_file).read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../schema/{schema_file}"


def test_schema_rejects_unknown_fields() -> None:
    schema = schemas()["states.schema.json"]
    bad = {"states": [{"code": "MEX", "name_en": "M", "name_es": "M", "subregion": "caribbean",
                       "oas": {"sources": ["https://x.org"]}, "colour": "red"}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)


def test_records_mirror_the_models_field_for_field() -> None:
    import msgspec

    from ratify_cli.domain.records import RECORDS
    from ratify_cli.loading import models

    for name, record in RECORDS.items():
        model = getattr(models, name).model_fields
        fields = msgspec.structs.fields(record)
        assert [f.name for f in fields] == list(model), name


def test_every_record_holds_the_types_it_declares(bundled) -> None:
    import msgspec

    from ratify_cli.domain.records import Instrument, State

    # A strict typed round trip fails on any field whose value is not of its declared type.
    assert msgspec.convert(msgspec.to_builtins(bundled.instruments), tuple[Instrument, ...]) == bundled.instruments
    assert msgspec.convert(msgspec.to_builtins(bundled.states), tuple[State, ...]) == bundled.states

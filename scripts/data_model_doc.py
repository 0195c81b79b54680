#!/usr/bin/env python3
"""Write docs/data-model.md from the models' field docstrings (tests/test_docs.py keeps it in step)."""

from __future__ import annotations

import sys

from ratify_cli.loading import models

MODELS = [
    ("instruments.yaml", [models.InstrumentsFile, models.Instrument, models.SignatureRules, models.EntryIntoForce,
                          models.Mechanism, models.Check, models.Prerequisite, models.NoticePeriod]),
    ("states.yaml", [models.StatesFile, models.State, models.Membership, models.Episode, models.Event,
                     models.MechanismAcceptance]),
]


def render() -> str:
    lines = [
        "# Data model",
        "",
        "Generated from `src/ratify_cli/loading/models.py` by `python scripts/data_model_doc.py > docs/data-model.md`;",
        "a test fails when the two differ. Records are frozen; unknown fields are errors; dates are written",
        "unquoted as `YYYY-MM-DD`; an event's `date` and `effective` known only to the month or the year are written",
        "in quotes as `'YYYY-MM'` or `'YYYY'` (never padded to a day). The same model is published as JSON Schema in",
        "`schema/`.",
        "",
        "Actions: " + ", ".join(f"`{a.value}`" for a in models.Action) + ". Consent acts: "
        + ", ".join(f"`{a.value}`" for a in models.Action if a.is_consent) + ".",
        "",
    ]
    for data_file, classes in MODELS:
        lines += [f"## {data_file}", ""]
        for cls in classes:
            lines += [f"### {cls.__name__}", "", (cls.__doc__ or "").strip(), "", "| field | required | meaning |",
                      "| --- | --- | --- |"]
            for name, field in cls.model_fields.items():
                required = "yes" if field.is_required() else "no"
                lines.append(f"| `{name}` | {required} | {(field.description or '').strip()} |")
            lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.stdout.write(render())

"""Every bad example file gives exit 1, its file:line and the problem's code, and never a traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from ratify_cli.cli import app

from .conftest import MINI, TESTS

BAD = TESTS / "bad"
EXPECTED = yaml.safe_load((BAD / "expected.yaml").read_text(encoding="utf-8"))


def test_there_are_at_least_25_examples() -> None:
    files = sorted(BAD.glob("*--*.yaml"))
    assert len(files) >= 25
    assert {f.name.split("--", 1)[1][:-5] for f in files} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_example(name: str, tmp_path: Path, runner) -> None:
    expected = EXPECTED[name]
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    stem = expected["file"][: -len(".yaml")]
    shutil.copy(BAD / f"{stem}--{name}.yaml", data / expected["file"])
    result = runner.invoke(app, ["validate", "--data", str(data)])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    where = f"{data / expected['file']}:{expected['line']}:"
    lines = [line for line in result.stdout.splitlines() if line.startswith(where)]
    assert any(f"[{expected['code']}]" in line for line in lines), result.stdout

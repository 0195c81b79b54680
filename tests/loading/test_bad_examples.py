"""Hostile input: every bad file exits 1 naming its file and line, with no traceback, in bounded time and memory."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from ratify_cli.loading.findings import Severity
from ratify_cli.loading.loader import load
from tests.conftest import MINI, TESTS

BAD = TESTS / "bad"
EXPECTED = yaml.safe_load((BAD / "expected.yaml").read_text(encoding="utf-8"))
MAX_SECONDS = 5.0
MAX_RSS_BYTES = 500 * 1024 * 1024
# ru_maxrss is in kilobytes on Linux, bytes on macOS.
RSS_UNIT = 1 if sys.platform == "darwin" else 1024


def validate_in_a_process(data: Path) -> tuple[subprocess.CompletedProcess[str], float]:
    """Run `ratify validate` as a real process; return it and its wall time."""
    start = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "ratify_cli", "validate", "--data", str(data)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "NO_COLOR": "1"},
    )
    return done, time.monotonic() - start


def children_peak_rss() -> int:
    """The largest resident set of any child process waited for so far, in bytes."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * RSS_UNIT


def test_there_are_at_least_60_examples() -> None:
    files = sorted(BAD.glob("*--*.yaml"))
    assert len(files) >= 60
    assert {f.stem for f in files} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_example(name: str, tmp_path: Path) -> None:
    expected = EXPECTED[name]
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    target = data / (name.split("--", 1)[0] + ".yaml")
    shutil.copy(BAD / f"{name}.yaml", target)
    done, seconds = validate_in_a_process(data)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    where = f"{target}:{expected['line']}:"
    lines = [line for line in done.stdout.splitlines() if line.startswith(where)]
    assert any(f"[{expected['code']}]" in line for line in lines), done.stdout
    assert seconds < MAX_SECONDS
    assert children_peak_rss() < MAX_RSS_BYTES


def test_a_50_mb_file_is_refused_quickly(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    with (data / "states.yaml").open("w", encoding="utf-8") as handle:
        line = "# " + "x" * 1022 + "\n"
        for _ in range(50 * 1024):
            handle.write(line)
    done, seconds = validate_in_a_process(data)
    assert done.returncode == 1
    assert f"{data / 'states.yaml'}: error: is larger than 40 MiB; refusing to parse it [size]" in done.stdout
    assert seconds < MAX_SECONDS
    assert children_peak_rss() < MAX_RSS_BYTES


def test_a_folder_where_a_file_should_be(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    (data / "states.yaml").unlink()
    (data / "states.yaml").mkdir()
    done, _seconds = validate_in_a_process(data)
    assert done.returncode == 1
    assert f"{data / 'states.yaml'}: error: is a directory, not a YAML file [io]" in done.stdout


def test_a_missing_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    (data / "instruments.yaml").unlink()
    done, _seconds = validate_in_a_process(data)
    assert done.returncode == 1
    assert f"{data / 'instruments.yaml'}: error: no such file [io]" in done.stdout


def test_an_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # chmod cannot stop root (CI runs as root), so the refusal is simulated where the file is opened.
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    real_open = Path.open

    def refuse(self: Path, *args, **kwargs):
        if self.name == "states.yaml":
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    result = load(data)
    assert [(f.file, f.message, f.severity) for f in result.findings] == [
        (str(data / "states.yaml"), "cannot be read (Permission denied)", Severity.ERROR)
    ]

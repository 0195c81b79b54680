"""Safe writes: --output is atomic, leaves the old file whole when interrupted, and reports what it cannot do."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from ratify_cli.cli import app
from ratify_cli.errors import OutputError
from ratify_cli.output import emit, write_atomic
from tests.conftest import MINI


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_write_replaces_the_file(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text("old", encoding="utf-8")
    write_atomic(target, "new ✓")
    assert target.read_text(encoding="utf-8") == "new ✓"
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_an_interrupted_write_leaves_the_old_file_whole(tmp_path: Path, monkeypatch, failure) -> None:
    target = tmp_path / "report.md"
    target.write_text("the previous report", encoding="utf-8")

    def fail(_fd: int) -> None:
        raise failure

    monkeypatch.setattr(os, "fsync", fail)  # the content is half way to disk when this strikes
    with pytest.raises((OutputError, KeyboardInterrupt)):
        write_atomic(target, "x" * 100_000)
    assert target.read_text(encoding="utf-8") == "the previous report"
    assert leftovers(tmp_path) == []


def test_an_unwritable_folder_is_a_clear_error(tmp_path: Path, monkeypatch) -> None:
    # Root ignores file modes (CI runs as root), so the refusal is simulated where the file is created.
    def refuse(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(OutputError, match=r"cannot write .*report.md: Permission denied"):
        write_atomic(tmp_path / "report.md", "x")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to read-only folders")
def test_a_read_only_folder_for_real(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(OutputError, match="cannot write"):
            write_atomic(folder / "report.md", "x")
    finally:
        folder.chmod(0o700)


def test_missing_folder_and_folder_target(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="does not exist"):
        write_atomic(tmp_path / "nope" / "report.md", "x")
    with pytest.raises(OutputError, match="it is a folder"):
        emit("x", tmp_path)


def test_cli_reports_an_unwritable_output_without_traceback(runner, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(tempfile, "mkstemp", lambda *a, **k: (_ for _ in ()).throw(PermissionError(13, "Permission denied")))
    result = runner.invoke(app, ["gaps", "--data", str(MINI), "-o", str(tmp_path / "out.csv"), "-f", "csv"])
    assert result.exit_code == 1
    assert "Permission denied" in result.stderr and "Traceback" not in result.stderr

"""Shared fixtures: the small test dataset, a copy of it to break, and a CLI runner."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ratify_cli.loading.loader import load

TESTS = Path(__file__).parent
MINI = TESTS / "fixtures" / "mini"
REPO = TESTS.parent
DATA = REPO / "data"


@pytest.fixture
def mini_copy(tmp_path: Path) -> Path:
    """A writable copy of the mini dataset."""
    target = tmp_path / "data"
    shutil.copytree(MINI, target)
    return target


@pytest.fixture(scope="session")
def mini():
    """The mini dataset, loaded."""
    result = load(MINI)
    assert not result.errors, result.errors
    return result.dataset


@pytest.fixture(scope="session")
def bundled():
    """The bundled dataset, loaded."""
    result = load(DATA)
    assert not result.errors, result.errors
    return result.dataset


@pytest.fixture
def runner() -> CliRunner:
    """Typer's runner; stdout and stderr kept apart."""
    try:
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:  # newer Click keeps them apart by default
        return CliRunner()


D = dt.date.fromisoformat


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch):
    """Every test gets its own cache folder: tests never touch the user's cache or each other's."""
    monkeypatch.setenv("RATIFY_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))

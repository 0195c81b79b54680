"""Shared fixtures: the small test dataset, a copy of it to break, a CLI runner; no network, no user cache."""

from __future__ import annotations

import datetime as dt
import shutil
import socket
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
    result = load(MINI, use_cache=False)
    assert not result.errors, result.errors
    return result.dataset


@pytest.fixture(scope="session")
def bundled():
    """The bundled dataset, loaded."""
    result = load(DATA, use_cache=False)
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


@pytest.fixture(autouse=True, scope="session")
def private_session_cache(tmp_path_factory):
    """Before any test or session fixture runs, the cache points into the test run's own folder, never the user's."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("RATIFY_CACHE_DIR", str(tmp_path_factory.mktemp("session-cache")))
        yield


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch):
    """Every test gets its own cache folder: tests never touch the user's cache or each other's."""
    monkeypatch.setenv("RATIFY_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


class NetworkAccess(RuntimeError):
    """A test tried to open a network connection (tests run offline: use httpx.MockTransport or saved pages)."""


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Every test fails on any real network access: at the socket level, so no client library can get around it."""

    def refuse(*args, **kwargs):
        raise NetworkAccess(f"a test tried to reach the network: {args[1:] or kwargs}")

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)

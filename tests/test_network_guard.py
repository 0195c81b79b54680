"""The autouse guard in conftest.py: a test that reaches for the network fails, whatever the client."""

from __future__ import annotations

import socket

import httpx
import pytest

from tests.conftest import NetworkAccess


def test_a_socket_cannot_connect() -> None:
    with pytest.raises(NetworkAccess), socket.socket() as sock:
        sock.connect(("192.0.2.1", 80))


def test_httpx_cannot_reach_a_host() -> None:
    with pytest.raises(NetworkAccess), httpx.Client() as client:
        client.get("http://192.0.2.1/")

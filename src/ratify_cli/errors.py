"""The one exception family of ratify; the CLI translates it to a message and an exit code once."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the family sits below every layer; only the type checker needs to see what a finding is
    from .loading.findings import Finding


class RatifyError(Exception):
    """Base of every error a user can cause; never shown as a traceback (unless --debug)."""

    exit_code = 1


class UsageError(RatifyError):
    """The command line asks for something that does not exist or does not fit (exit 2)."""

    exit_code = 2


class DataError(RatifyError):
    """The data folder could not be loaded; carries the findings that say why (exit 1)."""

    def __init__(self, message: str, findings: Sequence[Finding] = ()) -> None:
        super().__init__(message)
        self.findings = tuple(findings)


class OutputError(RatifyError):
    """A result could not be written where asked (exit 1)."""

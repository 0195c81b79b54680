"""A state's OAS membership on a date, in one sentence for the summaries of its tables."""

from __future__ import annotations

import datetime as dt

from .records import State


def note(state: State, as_of: dt.date) -> str | None:
    """What a reader of a state's gap list must know about its membership on the date, or None for a member."""
    oas = state.oas
    name = f"{state.name_en} ({state.code})"
    if oas.left is not None and as_of >= oas.left:
        notified = f" (notified {oas.withdrawal_notified.isoformat()})" if oas.withdrawal_notified else ""
        return f"{name} left the OAS on {oas.left.isoformat()}{notified}: it is not a member state on this date."
    if oas.withdrawal_notified is not None and as_of >= oas.withdrawal_notified and oas.left is not None:
        return (
            f"{name} notified its withdrawal from the OAS on {oas.withdrawal_notified.isoformat()}; "
            f"it takes effect on {oas.left.isoformat()}."
        )
    if not oas.is_member(as_of):
        return f"{name} was not yet an OAS member on {as_of.isoformat()}."
    return None

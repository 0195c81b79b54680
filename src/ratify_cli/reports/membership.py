"""A state's OAS membership on a date, as the message a reader of its gap list needs (or none for a member)."""

from __future__ import annotations

import datetime as dt

from ..domain.records import State
from .report import Msg


def note(state: State, as_of: dt.date) -> Msg | None:
    """What a reader of a state's gap list must know about its membership on the date, or None for a member."""
    oas = state.oas
    ref = {"code": state.code, "name_en": state.name_en, "name_es": state.name_es}
    if oas.left is not None and as_of >= oas.left:
        return Msg("membership.left", {"state": ref, "left": oas.left, "notified": oas.withdrawal_notified})
    if oas.withdrawal_notified is not None and as_of >= oas.withdrawal_notified and oas.left is not None:
        return Msg("membership.withdrawal-notified", {"state": ref, "notified": oas.withdrawal_notified, "left": oas.left})
    if not oas.is_member(as_of):
        return Msg("membership.not-yet", {"state": ref, "as_of": as_of})
    return None

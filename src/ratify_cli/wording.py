"""English words for the codes the status engine returns (notes on a status, next steps with a prerequisite)."""

from __future__ import annotations

from typing import Any, Mapping

from .status import NoteCode


def note_text(note: Mapping[str, Any]) -> str:
    """One note (as its public row form: a code and its values) in plain words."""
    code = NoteCode(note["code"])
    if code is NoteCode.DISPUTED:
        return f"disputed {note['action']} of {note['date']} not counted"
    if code is NoteCode.NOTICE_GIVEN:
        return f"denunciation notified {note['date']}, effective {note['effective']}"
    if code is NoteCode.UNCHECKED:
        return "no complete source covers this state: later actions may be missing"
    if code is NoteCode.UNCERTAIN_DATE:
        return f"{note['action']} dated only to {note['date']}: the status on this date cannot be told"
    raise AssertionError(f"no words for note {code}")  # pragma: no cover - the wording test covers every code

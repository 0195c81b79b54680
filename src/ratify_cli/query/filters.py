"""Filters that cannot apply to what was named are usage errors that say why, never silently ignored."""

from __future__ import annotations

from collections.abc import Sequence

from ..domain.dataset import Dataset
from ..domain.vocab import Subregion, System
from ..errors import UsageError
from .lookup import find_instrument, find_state


def check(
    data: Dataset,
    states: Sequence[str] = (),
    instruments: Sequence[str] = (),
    system: System | None = None,
    topic: str | None = None,
    subregion: Subregion | None = None,
) -> None:
    """Raise UsageError when --system, --topic or --subregion excludes a state or instrument named on the command line,
    or when --system and --topic together leave no instrument."""
    for ident in instruments:
        inst = find_instrument(data, ident)
        if system is not None and inst.system is not system:
            raise UsageError(
                f"--system {system.value} cannot apply to --instrument {ident}: "
                f"{inst.id} is a {inst.system.value} instrument; drop one of them"
            )
        if topic is not None and topic not in inst.topics:
            raise UsageError(
                f"--topic {topic} cannot apply to --instrument {ident}: "
                f"{inst.id}'s topics are {', '.join(inst.topics) or 'none'}; drop one of them"
            )
    for code in states:
        state = find_state(data, code)
        if subregion is not None and state.subregion is not subregion:
            raise UsageError(
                f"--subregion {subregion.value} cannot apply to --state {code}: "
                f"{state.code} is in {state.subregion.value}; drop one of them"
            )
    if not instruments and system is not None and topic is not None:
        known = {t for i in data.instruments for t in i.topics}
        if topic in known and not any(i.system is system and topic in i.topics for i in data.instruments):
            raise UsageError(f"no {system.value} instrument has the topic {topic}; drop --system or --topic")

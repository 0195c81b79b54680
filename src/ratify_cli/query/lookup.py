"""Finding a state or an instrument by what a user types, with suggestions from codes, ids, references, names, titles."""

from __future__ import annotations

from ..domain.dataset import Dataset
from ..domain.records import Instrument, State
from ..errors import UsageError
from .suggest import Candidate, matches


def state_candidates(data: Dataset) -> list[Candidate]:
    """What a state may be called (code, English and Spanish names), each suggesting its code."""
    return [(text, s.code) for s in data.states for text in (s.code, s.name_en, s.name_es)]


def instrument_candidates(data: Dataset) -> list[Candidate]:
    """What an instrument may be called (id, reference, short name, titles), each suggesting its id."""
    return [
        (text, i.id)
        for i in data.instruments
        for text in (i.id, i.reference, i.short_name, i.title_en, i.title_es or "")
        if text
    ]


def get_state(data: Dataset, code: str) -> State | None:
    """A state by its code, in any case."""
    return data.by_code.get(code.strip().upper())


def get_instrument(data: Dataset, ident: str) -> Instrument | None:
    """An instrument by id or depositary reference, in any case."""
    key = ident.strip().lower()
    inst = data.by_id.get(key)
    if inst is None:
        inst = next((i for i in data.instruments if i.reference.lower() == key), None)
    return inst


def find_state(data: Dataset, code: str) -> State:
    """A state by its code; UsageError suggesting codes by code or name when unknown."""
    state = get_state(data, code)
    if state is None:
        raise UsageError(f"unknown state {code!r}{_hint(code, state_candidates(data))}; `ratify states` lists them")
    return state


def find_instrument(data: Dataset, ident: str) -> Instrument:
    """An instrument by id or reference; UsageError suggesting ids by id, reference, name or title when unknown."""
    inst = get_instrument(data, ident)
    if inst is None:
        raise UsageError(
            f"unknown instrument {ident!r}{_hint(ident, instrument_candidates(data))}; `ratify instruments` lists them"
        )
    return inst


def find_either(data: Dataset, ident: str) -> tuple[State | None, Instrument | None]:
    """A state or an instrument (`ratify show`); UsageError suggesting both kinds when neither."""
    state = get_state(data, ident)
    if state is not None:
        return state, None
    inst = get_instrument(data, ident)
    if inst is not None:
        return None, inst
    candidates = state_candidates(data) + instrument_candidates(data)
    raise UsageError(
        f"{ident!r} is neither a state code nor an instrument id or reference{_hint(ident, candidates)}; "
        "`ratify states` and `ratify instruments` list them"
    )


def _hint(word: str, candidates: list[Candidate]) -> str:
    from .suggest import hint

    return hint(matches(word, candidates))

"""The value-class decorator behaves as a frozen dataclass does."""

from __future__ import annotations

import dataclasses
from dataclasses import FrozenInstanceError, field

import pytest

from ratify_cli.frozen import frozen


@frozen
class Sample:
    name: str
    count: int = 0
    tags: tuple[str, ...] = field(default_factory=tuple)
    derived: str = field(init=False, compare=False, repr=False)
    seen: int = field(init=False, default=1)

    def __post_init__(self) -> None:
        object.__setattr__(self, "derived", self.name.upper())


@dataclasses.dataclass(frozen=True)
class Twin:
    name: str
    count: int = 0
    tags: tuple[str, ...] = field(default_factory=tuple)
    seen: int = field(init=False, default=1)


def test_construction_like_a_dataclass() -> None:
    assert Sample("a").count == 0 and Sample("a").tags == ()
    assert Sample("a", 2, ("x",)) == Sample(name="a", count=2, tags=("x",))
    assert Sample("a").derived == "A"  # __post_init__ ran
    assert Sample("a").seen == 1  # a field outside __init__ still gets its default
    with pytest.raises(TypeError, match="missing required argument: 'name'"):
        Sample()  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="unexpected keyword argument 'colour'"):
        Sample("a", colour=1)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="multiple values for argument 'name'"):
        Sample("a", name="b")  # type: ignore[misc]
    with pytest.raises(TypeError, match="takes 3 positional arguments but 4 were given"):
        Sample("a", 1, (), 4)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Sample("a", derived="x")  # type: ignore[call-arg]


def test_immutable() -> None:
    sample = Sample("a")
    with pytest.raises(FrozenInstanceError):
        sample.name = "b"  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        del sample.name  # type: ignore[misc]


def test_equality_hash_and_repr_match_a_frozen_dataclass() -> None:
    ours, theirs = Sample("a", 1, ("x",)), Twin("a", 1, ("x",))
    assert repr(ours) == repr(theirs).replace("Twin", "Sample")
    assert ours == Sample("a", 1, ("x",)) and hash(ours) == hash(Sample("a", 1, ("x",)))
    assert ours != Sample("a", 2, ("x",))
    assert ours != theirs  # another class is never equal, as with dataclasses
    assert len({ours, Sample("a", 1, ("x",))}) == 1


def test_dataclass_helpers_work() -> None:
    sample = Sample("a", 1)
    assert dataclasses.is_dataclass(sample)
    assert [f.name for f in dataclasses.fields(sample)] == ["name", "count", "tags", "derived", "seen"]
    changed = dataclasses.replace(sample, count=5)
    assert changed == Sample("a", 5) and changed.derived == "A"

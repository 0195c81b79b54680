"""The decorator of ratify's immutable value classes: dataclass fields, with methods shared instead of generated.

`dataclass` compiles an `__init__`, `__setattr__`, `__delattr__`, `__eq__`, `__hash__` and `__repr__` for every
class it decorates. For ratify's thirty value classes that compiling took longer than everything else a command
does on the bundled data, so `frozen` lets `dataclass` record the fields only and gives each class the same six
functions below. They behave as the generated ones do: keyword or positional arguments with defaults, then
`__post_init__`; no assignment after construction; equal when the class and every compared field are equal; hashed on
those fields; shown field by field. `dataclasses.fields`, `replace` and `is_dataclass` work as usual, and type
checkers read the classes as frozen dataclasses (`dataclass_transform`).
"""

from __future__ import annotations

import sys
from dataclasses import MISSING, FrozenInstanceError, dataclass, fields
from typing import Any, Callable, TypeVar

if sys.version_info >= (3, 11):
    from typing import dataclass_transform
else:  # pragma: no cover - Python 3.10
    from typing_extensions import dataclass_transform

T = TypeVar("T", bound=type)


@dataclass_transform(frozen_default=True)
def frozen(cls: T) -> T:
    """Make `cls` an immutable dataclass whose methods are the shared functions of this module."""
    cls = dataclass(init=False, repr=False, eq=False)(cls)
    every = [(f.name, f.default, f.default_factory, f.init) for f in fields(cls)]  # type: ignore[arg-type]
    # The arguments, and the fields not set by an argument that still have a default (init=False).
    cls.__frozen_init__ = tuple(p[:3] for p in every if p[3])  # type: ignore[attr-defined]
    cls.__frozen_defaults__ = tuple(  # type: ignore[attr-defined]
        p[:3] for p in every if not p[3] and (p[1] is not MISSING or p[2] is not MISSING)
    )
    for name, method in _METHODS.items():
        if name not in cls.__dict__:
            setattr(cls, name, method)
    return cls


def _init(self: Any, *args: Any, **kwargs: Any) -> None:
    params = self.__frozen_init__
    name = type(self).__name__
    if len(args) > len(params):
        raise TypeError(f"{name}() takes {len(params)} positional arguments but {len(args)} were given")
    values = dict(zip((p[0] for p in params[: len(args)]), args, strict=True))
    for field_name, default, factory in params[len(args):]:
        if field_name in kwargs:
            values[field_name] = kwargs.pop(field_name)
        elif default is not MISSING:
            values[field_name] = default
        elif factory is not MISSING:
            values[field_name] = factory()
        else:
            raise TypeError(f"{name}() missing required argument: {field_name!r}")
    if kwargs:
        extra = next(iter(kwargs))
        raise TypeError(f"{name}() got {'multiple values for' if extra in values else 'an unexpected keyword'} argument {extra!r}")
    for field_name, default, factory in self.__frozen_defaults__:
        values[field_name] = default if default is not MISSING else factory()
    self.__dict__.update(values)  # past __setattr__, which refuses every assignment
    post_init = getattr(self, "__post_init__", None)
    if post_init is not None:
        post_init()


def _setattr(self: Any, name: str, value: Any) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _delattr(self: Any, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _compared(self: Any) -> tuple[Any, ...]:
    return tuple(getattr(self, f.name) for f in fields(self) if f.compare)


def _eq(self: Any, other: object) -> bool:
    if other.__class__ is not self.__class__:
        return NotImplemented
    return _compared(self) == _compared(other)


def _hash(self: Any) -> int:
    return hash((self.__class__.__name__, _compared(self)))


def _repr(self: Any) -> str:
    shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in fields(self) if f.repr)
    return f"{self.__class__.__name__}({shown})"


_METHODS: dict[str, Callable[..., Any]] = {
    "__init__": _init,
    "__setattr__": _setattr,
    "__delattr__": _delattr,
    "__eq__": _eq,
    "__hash__": _hash,
    "__repr__": _repr,
}

"""The model classes' ``__eq__``, ``__hash__`` and ``__repr__``, made when first used.

attrs writes each method of a class as Python source and compiles it when the class is
made: for the model's thirty-odd classes some 15 ms of every process that imports the
model, more than half of it for comparing, hashing and showing records, which a command
such as ``ledarskap validate`` mostly never does. So the model's classes are declared
``@attrs.frozen(..., eq=False, repr=False)`` under :func:`lazy_methods`, which gives them
the same three methods, each written and compiled on its first call:

- ``__eq__`` as attrs writes it: ``NotImplemented`` for another class, else the fields
  (those with ``eq``, through their ``eq_key``) compared one by one, in order;
- ``__hash__`` as attrs writes it for a frozen class: the hash of a tuple of a value
  per class and the fields (``hash``, else ``eq``);
- ``__repr__`` (unless the class writes its own) as attrs shows a record:
  ``Session(id='s1', kind=<SessionKind.RESIDENTIAL: 'residential'>, ...)``, the fields
  with ``repr`` in order. Records are frozen and cannot hold themselves, so attrs'
  guard against endless recursion has nothing to guard here.

After its first call a method is the compiled function itself, as fast as attrs' own.
:func:`ledarskap.errors.masked_repr` goes over this ``__repr__`` as it went over attrs'.
The records of the layers above made at import (validation's ``Message`` and ``Finding``,
the readers' ``Migration`` and ``Revision``) are declared the same way, for the same reason.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import attrs

__all__ = ["lazy_methods"]

C = TypeVar("C", bound=type)


def lazy_methods(cls: C) -> C:
    """*cls*, an attrs class made with ``eq=False, repr=False``, with attrs' three methods.

    ``__eq__`` and ``__hash__`` are compiled on first use and then replace their stand-in
    on the class; each of the three is given unless the class has its own.
    """
    for name, make in (("__eq__", _eq), ("__hash__", _hash)):
        if name not in cls.__dict__:
            _on_first_use(cls, name, make)
    if "__repr__" not in cls.__dict__:
        cls.__repr__ = _repr_of(cls)  # type: ignore[method-assign, assignment]
    return cls


def _on_first_use(cls: type, name: str, make: Callable[[type], Callable[..., Any]]) -> None:
    def stand_in(self: object, *args: object) -> Any:
        method = make(cls)
        setattr(cls, name, method)
        return method(self, *args)

    stand_in.__name__, stand_in.__qualname__ = name, f"{cls.__qualname__}.{name}"
    setattr(cls, name, stand_in)


def _compiled(cls: type, name: str, lines: list[str], scope: dict[str, Any]) -> Any:
    code = compile("\n".join(lines) + "\n", f"<ledarskap {name} of {cls.__qualname__}>", "exec")
    exec(code, scope)
    method = scope[name]
    method.__qualname__ = f"{cls.__qualname__}.{name}"
    return method


def _value(a: attrs.Attribute[Any], record: str, scope: dict[str, Any]) -> str:
    """Source reading field *a* of *record*, through its ``eq_key`` if it has one."""
    eq_key = getattr(a, "eq_key", None)  # attrs' stubs do not name it
    if eq_key is None:
        return f"{record}.{a.name}"
    key = f"_{a.name}_key"
    scope[key] = eq_key
    return f"{key}({record}.{a.name})"


def _eq(cls: type) -> Callable[[object, object], Any]:
    scope: dict[str, Any] = {}
    fields = [a for a in attrs.fields(cls) if a.eq]
    compared = " and ".join(
        f"{_value(a, 'self', scope)} == {_value(a, 'other', scope)}" for a in fields
    )
    lines = [
        "def __eq__(self, other):",
        "    if other.__class__ is not self.__class__:",
        "        return NotImplemented",
        f"    return {compared or 'True'}",
    ]
    return _compiled(cls, "__eq__", lines, scope)  # type: ignore[no-any-return]


def _hash(cls: type) -> Callable[[object], int]:
    scope: dict[str, Any] = {}
    fields = [a for a in attrs.fields(cls) if a.hash is True or (a.hash is None and a.eq)]
    values = "".join(f"{_value(a, 'self', scope)}, " for a in fields)
    # The class's own value first, as attrs does: records of two classes with equal
    # fields hash apart.
    lines = ["def __hash__(self):", f"    return hash(({hash(cls.__qualname__)}, {values}))"]
    return _compiled(cls, "__hash__", lines, scope)  # type: ignore[no-any-return]


def _repr_of(cls: type) -> Callable[[object], str]:
    def __repr__(self: object) -> str:  # noqa: N807 - the method's own name, shown by tools
        shown = ", ".join(
            f"{a.name}={(repr if a.repr is True else a.repr)(getattr(self, a.name))}"
            for a in attrs.fields(cls)
            if a.repr is not False
        )
        return f"{type(self).__qualname__.rsplit('>.', 1)[-1]}({shown})"

    __repr__.__qualname__ = f"{cls.__qualname__}.__repr__"
    return __repr__

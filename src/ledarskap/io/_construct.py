"""The reader of small program documents: parsed data through the model's constructors.

A command that reads one small document (``ledarskap validate program.json``) spends
more time setting up a reader than reading: the fast reader (:mod:`ledarskap.io._decode`)
imports msgspec and builds a struct and a function per model class, the detailed
converter (:mod:`ledarskap.io._convert`) imports cattrs and generates its functions. This
reader sets up nothing: it walks the parsed document (from :func:`json.loads` or
:mod:`tomllib`) along the model's attrs fields, reads each value with the same functions
as the detailed converter (:mod:`ledarskap.io._values`), and builds each record with its
constructor, which runs the model's checks. It reads what the detailed converter reads,
the same way (an object's fields, every required one present, no unknown key; a list as
a tuple or, with no item twice, a frozenset; ``None`` where a field is optional), and
builds equal records.

It reports no problem: on anything it does not read it raises, and the caller reads the
document with the detailed converter, which says what is wrong. Per record it is about
twice as slow as the fast reader, so :mod:`ledarskap.io.documents` uses it for small
documents only (:data:`SMALL`).
"""

from __future__ import annotations

import builtins
import enum
import functools
import operator
import re
import sys
import types
import typing
from collections.abc import Callable
from typing import Any

import attrs

from ledarskap.model import ProgramData

from ._values import MODEL_CLASS_SET, Flavour, enum_structurer, leaf_readers, nullable

__all__ = ["SMALL", "Constructor"]

SMALL = 256 * 1024
"""The largest document (in characters or bytes of its text) read by a :class:`Constructor`.

Setting up the fast reader takes about as long as this reader takes for a document of a
megabyte or two; below this size it never costs a command more than a few milliseconds,
and a larger document is worth the fast reader's set-up.
"""

Reader = Callable[..., Any]


class Constructor:
    """Reads the body of a parsed program document into :class:`ProgramData`, or raises.

    *flavour* ``"toml"`` reads an absent optional key as ``None`` (TOML has no null), as
    the detailed converter of that flavour does. The readers of the model's types are
    made on first use and kept.
    """

    refusals: tuple[type[BaseException], ...] = (ValueError, TypeError, KeyError)
    """What :meth:`read` raises on a document it does not read (the model's
    :class:`~ledarskap.errors.InvalidValueError`, its
    :class:`~ledarskap.errors.ProblemsError` of a record's several broken invariants and
    the value readers' :class:`~ledarskap._found.FieldError` are :class:`ValueError`\\ s);
    the detailed converter then reads it and says what is wrong, each problem at its path.
    Anything else is a bug, not hidden."""

    def __init__(self, flavour: Flavour = "json") -> None:
        self._absent_is_null = flavour == "toml"
        self._types: dict[tuple[str, str], Any] = {}
        self._readers: dict[Any, Reader] = leaf_readers()

    def read(self, body: object) -> ProgramData:
        """The :class:`ProgramData` of *body* (a document without its format keys)."""
        data: ProgramData = self.reader(ProgramData)(body)
        return data

    def reader(self, kind: Any) -> Reader:
        """The function reading a value of the model's type *kind*."""
        found = self._readers.get(kind)
        if found is None:
            found = self._readers[kind] = self._made(kind)
        return found

    def _made(self, kind: Any) -> Reader:
        if isinstance(kind, types.UnionType):
            return _optional(
                self.reader(next(k for k in typing.get_args(kind) if k is not type(None)))
            )
        origin = typing.get_origin(kind)
        if origin is tuple or origin is frozenset:
            return _sequence(self.reader(typing.get_args(kind)[0]), unique=origin is frozenset)
        if isinstance(kind, type) and issubclass(kind, enum.Enum):
            return enum_structurer(kind)
        if kind in MODEL_CLASS_SET:
            return self._record(kind)
        raise NotImplementedError(f"no reader for {kind!r}")  # a type the model does not use

    def field_type(self, cls: type[Any], a: attrs.Attribute[Any]) -> Any:
        """The type of field *a* of *cls*: its annotation, evaluated in the class's module.

        The model's annotations are text (``from __future__ import annotations``); each
        text is evaluated once per module, where :func:`attrs.resolve_types` (through
        :func:`typing.get_type_hints`) would compile each field's on its own, for some
        milliseconds more in all.
        """
        annotation: Any = a.type  # attrs' stubs say a type: text before it is resolved
        if not isinstance(annotation, str):
            return annotation
        key = (cls.__module__, annotation)
        found = self._types.get(key)
        if found is None:  # the model's own annotations, evaluated as typing does
            found = self._types[key] = _evaluated(annotation, vars(sys.modules[cls.__module__]))
        return found

    def _record(self, cls: type[Any]) -> Reader:
        """An object read field by field, then built by the class's constructor."""
        fields = attrs.fields(cls)
        known = frozenset(a.name for a in fields)
        alias = {a.name: a.alias for a in fields}
        kinds = {a.name: self.field_type(cls, a) for a in fields}
        absent = tuple(a.name for a in fields if self._absent_is_null and nullable(kinds[a.name]))
        # The fields' readers, made on the first record (a field's type may come later) and
        # put in place whole, so that another thread never sees them half made.
        made: list[dict[str, Reader]] = []

        def read(value: object) -> Any:
            if value.__class__ is not dict:
                raise TypeError(f"expected an object ({cls.__name__})")
            data: dict[str, Any] = value
            if not known.issuperset(data):
                raise KeyError(f"an unknown key in {cls.__name__}")
            if not made:
                made.append({name: self.reader(kind) for name, kind in kinds.items()})
            readers = made[0]
            values = {alias[name]: readers[name](v) for name, v in data.items()}
            for name in absent:
                values.setdefault(alias[name], None)
            return cls(**values)

        return read


_NAME = re.compile(r"[A-Za-z_][\w.]*")


def _evaluated(annotation: str, namespace: dict[str, Any]) -> Any:
    """*annotation* evaluated in *namespace*: what ``eval`` gives, without compiling it.

    The model's annotations are names (``str``, ``dt.date``), unions of them with
    ``|``, and ``tuple[X, ...]`` or ``frozenset[X]``; any other form is left to ``eval``.
    A law checks both agree on every annotation of the model.

    >>> _evaluated("tuple[int, ...] | None", {})
    tuple[int, ...] | None
    """
    text = annotation.strip()
    parts = _top_level(text, "|")
    if len(parts) > 1:
        return functools.reduce(operator.or_, (_evaluated(part, namespace) for part in parts))
    if text.endswith("]") and "[" in text:
        head, _, inside = text[:-1].partition("[")
        arguments = tuple(
            ... if item.strip() == "..." else _evaluated(item, namespace)
            for item in _top_level(inside, ",")
        )
        return _evaluated(head, namespace)[arguments]
    if _NAME.fullmatch(text):
        first, *rest = text.split(".")
        value = namespace[first] if first in namespace else getattr(builtins, first)
        for name in rest:
            value = getattr(value, name)
        return value
    return eval(text, namespace)


def _top_level(text: str, separator: str) -> list[str]:
    """*text* split at each *separator* outside brackets."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(text):
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
        elif char == separator and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def _optional(inner: Reader) -> Reader:
    def read(value: object) -> Any:
        return None if value is None else inner(value)

    return read


def _sequence(item: Reader, *, unique: bool) -> Reader:
    def read(value: object) -> Any:
        if value.__class__ is not list and value.__class__ is not tuple:
            raise TypeError("expected a list")
        items = [item(v) for v in value]
        if not unique:
            return tuple(items)
        result = frozenset(items)
        if len(result) != len(items):
            raise ValueError("an item twice")
        return result

    return read

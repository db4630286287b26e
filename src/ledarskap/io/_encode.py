"""The fast way a program document becomes JSON: records mirrored as msgspec structs, encoded in C.

Writing a large document is visiting every record. msgspec encodes a
:class:`msgspec.Struct` sooner than a dict (its field names are encoded once per class,
no hash table is made and freed per record), and writes dates (ISO 8601), enum members
(their values), tuples and ``None`` as the document holds them. So the function made for
each model class by :mod:`ledarskap.io._generate` (the one code generator, shared with
the fast reader) turns a record into a struct of the same fields in the same order,
converting only what msgspec would write otherwise: a municipality or county as its
code, a position as its slug, a personnummer whole, a frozenset as a list sorted by
value, and the records inside, one by one. The document's header is the first two
fields of the top struct.

The text is that of the detailed converter's plain data written by :mod:`json` (a test
checks it byte for byte), indented by :func:`msgspec.json.format` in one pass in C. Writing cattrs'
dicts with msgspec instead takes 1.7-1.8x the time (see :mod:`ledarskap.io._generate`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

from ledarskap.model import Personnummer, ProgramData

from ._generate import Generator, converted
from ._values import CODES, MODEL_CLASS_SET
from .migrations import FORMAT, FORMAT_VERSION

__all__ = ["Encoder"]


class _Rules:
    """The encoder's :class:`~ledarskap.io._generate.Rules`: a record to its struct."""

    def __init__(self, msgspec: Any) -> None:
        self.msgspec = msgspec
        self.structs: dict[type, Any] = {}

    def struct(self, cls: type, header: tuple[str, ...]) -> Any:
        """The struct of *cls*'s fields, in order, after the fields *header*."""
        found = self.structs.get(cls)
        if found is None:
            names = [*header, *(a.name for a in attrs.fields(cls))]
            found = self.msgspec.defstruct(f"{cls.__name__}Out", names, gc=False)
            self.structs[cls] = found
        return found

    def record(
        self, var: str, cls: type, generator: Generator, header: dict[str, Any] | None = None
    ) -> str:
        """A call making the struct of the record *var* of *cls*, the fields *header* first."""
        attrs.resolve_types(cls)
        header = header or {}
        make = generator.bind(self.struct(cls, tuple(header)), "_S")
        values = [generator.bind(value, "_h") for value in header.values()]
        values += [converted(f"{var}.{a.name}", a.type, self, generator) for a in attrs.fields(cls)]
        return f"{make}({', '.join(values)})"

    def leaf(self, expr: str, kind: Any, generator: Generator) -> str:
        if kind in CODES:
            return f"{expr}.{CODES[kind]}"
        if kind is Personnummer:
            return f"{expr}.reveal()"
        if kind in MODEL_CLASS_SET:
            return self.record(expr, kind, generator)
        return expr  # text, numbers, true and false, dates, enum members: msgspec writes them

    def collection(self, origin: Any, expr: str, items: str | None) -> str:
        if origin is frozenset:
            listed = f"{expr}, key=_by_value" if items is None else items
            return f"sorted({listed})"
        return expr if items is None else items


def _by_value(item: Any) -> Any:
    return getattr(item, "_value_", item)


class Encoder:
    """Writes a :class:`ProgramData` as the JSON text of its program document.

    Made once (it builds a struct and a function per model class); raises
    :class:`ImportError` without msgspec, and :class:`UnicodeEncodeError` for a text
    holding a lone surrogate, as the :mod:`json` module's writing into UTF-8 does.
    """

    def __init__(self) -> None:
        import msgspec

        rules = _Rules(msgspec)
        generator = Generator()
        generator.scope["_by_value"] = _by_value
        header = {"format": FORMAT, "format_version": FORMAT_VERSION}
        source = rules.record("i", ProgramData, generator, header)
        self._write: Callable[[ProgramData], Any] = generator.compile(
            "write", ["def write(i):", f"    return {source}"], "encode ProgramData"
        )
        self._encode = msgspec.json.Encoder().encode
        self._format = msgspec.json.format

    def encode(self, data: ProgramData) -> bytes:
        """The document of *data*, as UTF-8 JSON text indented by two spaces."""
        return self._format(self._encode(self._write(data)), indent=2)

"""The JSON Schema (draft 2020-12) of the program document, generated from the model.

Tools in other languages can check a document with it before handing it to ledarskap.
Every model class becomes a definition under ``$defs`` with its fields as properties,
the fields without a default as ``required``, and ``additionalProperties: false``; the
field constraints (ids, non-empty text, e-mail addresses, dates, whole numbers, enum
slugs, municipality codes, position slugs, personnummer) come from the model's own
validators, read from its attrs fields, so schema and library cannot drift apart.

>>> from ledarskap.io.schema import document_schema
>>> schema = document_schema()
>>> schema["$schema"]
'https://json-schema.org/draft/2020-12/schema'
>>> schema["$defs"]["Participant"]["required"]
['id', 'person_id', 'cohort_id', 'appointment_id']
>>> schema["$defs"]["Participant"]["properties"]["status"]
{'enum': ['admitted', 'active', 'completed', 'withdrawn']}

What the schema cannot say, and the library checks when it reads a document: that a
personnummer's check digit and date are right, that an end date is not before its start,
that a cohort's sessions lie within its dates and its ids do not repeat, and everything
:func:`ledarskap.validate` checks across records (ids that dangle, mentors, capacity).

.. versionadded:: 0.1
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import types
import typing
from collections.abc import Callable, Iterator
from typing import Any

import attrs

from ledarskap import model
from ledarskap.model import Municipality, Personnummer, Position, ProgramData, _checks

from ._convert import DATE_PATTERN, MODEL_CLASSES, PERSONNUMMER_PATTERN, municipality_names
from .migrations import FORMAT, FORMAT_VERSION

__all__ = ["SCHEMA_ID", "document_schema"]

SCHEMA_ID = f"urn:ledarskap:{FORMAT}:{FORMAT_VERSION}"
"""The ``$id`` of the schema of the current format version."""

# Regular expressions that mean the same in Python (which the jsonschema package uses)
# and ECMA 262 (which the standard prescribes): ``$`` would also match before a final
# line feed in Python, so the end of the text is written ``(?![\s\S])``.
_END = r"(?![\s\S])"


def _anchored(pattern: str) -> str:
    return pattern.removesuffix("$") + _END


_TEXT = {"type": "string", "pattern": r"\S"}
_STRING_CHECKS: dict[Callable[..., None], dict[str, Any]] = {
    _checks.identifier: {
        "type": "string",
        "pattern": _anchored(_checks.ID_PATTERN),
    },
    _checks.text: _TEXT,
    _checks.any_text: {"type": "string"},
    _checks.email: {"type": "string", "pattern": _anchored(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")},
}
_INT_CHECKS: dict[Callable[..., None], dict[str, Any]] = {
    _checks.positive_int: {"type": "integer", "minimum": 1},
    _checks.non_negative_int: {"type": "integer", "minimum": 0},
}


def _leaves(validator: object) -> Iterator[object]:
    """The validators inside *validator*: through attrs' ``and_`` and the closures of _checks."""
    if validator is None:
        return
    inner = getattr(validator, "_validators", None)
    if inner is not None:
        for v in inner:
            yield from _leaves(v)
        return
    yield validator
    code = getattr(validator, "__code__", None)
    cells = getattr(validator, "__closure__", None) or ()
    if code is not None:
        for name, cell in zip(code.co_freevars, cells, strict=True):
            if name == "validator":
                yield from _leaves(cell.cell_contents)


def _flag(validator: object, name: str) -> bool:
    """The value of a flag (``unique``, ``non_empty``) a _checks closure was made with."""
    for leaf in _leaves(validator):
        code = getattr(leaf, "__code__", None)
        cells = getattr(leaf, "__closure__", None) or ()
        if code is not None and name in code.co_freevars:
            return bool(cells[code.co_freevars.index(name)].cell_contents)
    return False


def _ref(cls: type) -> dict[str, Any]:
    return {"$ref": f"#/$defs/{cls.__name__}"}


def _schema_of(kind: Any, validator: object) -> dict[str, Any]:  # noqa: PLR0911, PLR0912 - one per type
    """The schema of a value of type *kind*, checked by the field's *validator*."""
    if isinstance(kind, types.UnionType):
        options = [k for k in typing.get_args(kind) if k is not type(None)]
        inner = _schema_of(options[0], validator)
        return {"anyOf": [inner, {"type": "null"}]}
    origin = typing.get_origin(kind)
    if origin in (tuple, frozenset):
        item = typing.get_args(kind)[0]
        schema: dict[str, Any] = {"type": "array", "items": _schema_of(item, validator)}
        if origin is frozenset or _flag(validator, "unique"):
            schema["uniqueItems"] = True
        if _flag(validator, "non_empty"):
            schema["minItems"] = 1
        return schema
    if kind is str:
        for leaf in _leaves(validator):
            if leaf in _STRING_CHECKS:
                return dict(_STRING_CHECKS[leaf])
        return {"type": "string"}
    if kind is int:
        for leaf in _leaves(validator):
            if leaf in _INT_CHECKS:
                return dict(_INT_CHECKS[leaf])
        return {"type": "integer"}
    if kind is bool:
        return {"type": "boolean"}
    if kind is dt.date:
        return {"type": "string", "format": "date", "pattern": _anchored(DATE_PATTERN)}
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return {"enum": [member.value for member in kind]}
    return _leaf_type_schema(kind)


def _leaf_type_schema(kind: Any) -> dict[str, Any]:
    if kind is Municipality:
        return {"$ref": "#/$defs/Municipality"}
    if kind is Position:
        return {"$ref": "#/$defs/Position"}
    if kind is Personnummer:
        return {"$ref": "#/$defs/Personnummer"}
    if attrs.has(kind):
        return _ref(kind)
    raise TypeError(f"no schema for {kind!r}")  # pragma: no cover - every model type is mapped


def _class_schema(cls: type) -> dict[str, Any]:
    attrs.resolve_types(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for a in attrs.fields(cls):
        properties[a.name] = _schema_of(a.type, a.validator)
        if a.default is attrs.NOTHING:
            required.append(a.name)
    schema: dict[str, Any] = {
        "type": "object",
        "description": _summary(cls),
        "properties": properties,
        "additionalProperties": False,
    }
    if required:
        schema["required"] = required
    return schema


def _summary(cls: type) -> str:
    return " ".join((cls.__doc__ or cls.__name__).split("\n\n")[0].split())


@functools.cache
def _cached_schema() -> dict[str, Any]:
    defs: dict[str, Any] = {cls.__name__: _class_schema(cls) for cls in MODEL_CLASSES}
    defs["Municipality"] = {
        "description": (
            "A Swedish municipality: its four-digit SCB code (written), or its name (read)."
        ),
        "enum": sorted(municipality_names()),
    }
    defs["Position"] = {
        "description": "A position of the catalog, by its slug.",
        "enum": [p.slug for p in model.all_positions()],
    }
    defs["Personnummer"] = {
        "description": (
            "A Swedish personnummer or samordningsnummer, written YYYYMMDD-NNNN; "
            "its date and check digit are checked by the library."
        ),
        "type": "string",
        "pattern": _anchored(PERSONNUMMER_PATTERN),
    }
    body = defs.pop(ProgramData.__name__)
    properties = {
        "format": {"const": FORMAT},
        "format_version": {"const": FORMAT_VERSION},
        **body["properties"],
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": f"Program document of ledarskap, format version {FORMAT_VERSION}",
        "description": body["description"],
        "type": "object",
        "properties": properties,
        "required": ["format", "format_version", *body.get("required", [])],
        "additionalProperties": False,
        "$defs": dict(sorted(defs.items())),
    }


def document_schema() -> dict[str, Any]:
    """The JSON Schema of the current version of the program document, as a new dict.

    .. versionadded:: 0.1
    """
    import copy

    return copy.deepcopy(_cached_schema())

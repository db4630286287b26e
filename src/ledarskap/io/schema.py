"""The JSON Schema (draft 2020-12) of the program document, generated from the model.

Tools in other languages can check a document with it before handing it to ledarskap.
Every model class becomes a definition under ``$defs`` with its fields as properties,
the fields without a default as ``required``, and ``additionalProperties: false``; the
field constraints (ids, non-empty text, e-mail addresses, dates, whole numbers, enum
slugs, municipality codes, position slugs, personnummer) come from the model's own
validators: each says its constraint as a JSON Schema fragment (its ``schema``), read
from the attrs fields, so schema and library cannot drift apart.

>>> from ledarskap.io.schema import document_schema
>>> schema = document_schema()
>>> schema["$schema"]
'https://json-schema.org/draft/2020-12/schema'
>>> schema["$defs"]["Participant"]["required"]
['id', 'person_id', 'cohort_id', 'appointment_id']
>>> schema["$defs"]["Participant"]["properties"]["status"]
{'enum': ['admitted', 'active', 'completed', 'withdrawn']}

A mentorship's life is said as conditions (``allOf``/``if``/``then``): an ``end`` exactly
when its ``status`` says it is over, ``ended_by`` and ``end_reason`` only when it ended early.

What the schema cannot say, and the library checks when it reads a document: that a
personnummer's check digit and date are right, that an end date is not before its start,
that a cohort's sessions lie within its dates and its ids do not repeat, and everything
:func:`ledarskap.validate` checks across records (ids that dangle, mentors, capacity).

.. versionadded:: 0.1
"""

from __future__ import annotations

import copy
import datetime as dt
import enum
import functools
import types
import typing
from typing import Any

import attrs

from ledarskap import model
from ledarskap.model import Municipality, Personnummer, Position, ProgramData
from ledarskap.model._checks import Check, text

from ._convert import DATE_PATTERN, MODEL_CLASSES, PERSONNUMMER_PATTERN, municipality_names
from .migrations import FORMAT, FORMAT_VERSION

__all__ = ["SCHEMA_ID", "document_schema", "field_table"]

SCHEMA_ID = f"urn:ledarskap:{FORMAT}:{FORMAT_VERSION}"
"""The ``$id`` of the schema of the current format version."""

# Regular expressions that mean the same in Python (which the jsonschema package uses)
# and ECMA 262 (which the standard prescribes): ``$`` would also match before a final
# line feed in Python, so the end of the text is written ``(?![\s\S])``.
_END = r"(?![\s\S])"


def _anchored(pattern: str) -> str:
    return pattern.removesuffix("$") + _END


def _constraint(check: Check | None) -> dict[str, Any]:
    """The JSON Schema fragment of a field's validator, its pattern anchored for ECMA 262."""
    schema = {} if check is None else check.schema
    pattern = schema.get("pattern", "")
    return {**schema, "pattern": _anchored(pattern)} if pattern.endswith("$") else schema


def _ref(cls: type) -> dict[str, Any]:
    return {"$ref": f"#/$defs/{cls.__name__}"}


def _schema_of(kind: Any, check: Check | None) -> dict[str, Any]:  # noqa: PLR0911
    """The schema of a value of type *kind*, with the constraints its validator *check* states."""
    if isinstance(kind, types.UnionType):
        options = [k for k in typing.get_args(kind) if k is not type(None)]
        return {"anyOf": [_schema_of(options[0], check), {"type": "null"}]}
    origin = typing.get_origin(kind)
    if origin in (tuple, frozenset):
        item = typing.get_args(kind)[0]
        constraint = _constraint(check)
        schema: dict[str, Any] = {
            "type": "array",
            "items": _schema_of(item, None if check is None else check.item),
        }
        if origin is frozenset or constraint.get("uniqueItems"):
            schema["uniqueItems"] = True
        if constraint.get("minItems"):
            schema["minItems"] = constraint["minItems"]
        return schema
    if kind is str:
        return {"type": "string", **_constraint(check)}
    if kind is int:
        return {"type": "integer", **_constraint(check)}
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
    defs["Mentorship"]["allOf"] = _lifecycle_rules()
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


def _lifecycle_rules() -> list[dict[str, Any]]:
    """A mentorship's life (:class:`~ledarskap.model.Mentorship`) as JSON Schema conditions.

    An ``end`` exactly when the status says the mentorship is over; ``ended_by`` and
    ``end_reason`` only when it ended early. Without a ``status`` the library reads it from
    ``end`` (active or completed), so only the last rule applies then.
    """
    over = [s.value for s in model.MentorshipStatus if s.over]
    lasting = [s.value for s in model.MentorshipStatus if not s.over]
    early = model.MentorshipStatus.ENDED_EARLY.value

    def when(status: dict[str, Any]) -> dict[str, Any]:
        return {"properties": {"status": status}, "required": ["status"]}

    return [
        {
            "if": when({"enum": over}),
            "then": {"required": ["end"], "properties": {"end": {"type": "string"}}},
        },
        {"if": when({"enum": lasting}), "then": {"properties": {"end": {"type": "null"}}}},
        {
            "if": when({"const": early}),
            "else": {"properties": {"ended_by": {"type": "null"}, "end_reason": {"const": ""}}},
        },
    ]


def document_schema() -> dict[str, Any]:
    """The JSON Schema of the current version of the program document, as a new dict.

    .. versionadded:: 0.1
    """
    return copy.deepcopy(_cached_schema())


def field_table(name: str) -> str:
    """The fields of a record type of the document, one a line, read from the schema.

    *name* is a definition of the schema (``"Participant"``) or ``"document"`` for the
    top level. Each line gives the field, whether it is required, and what it holds.

    >>> print(field_table("Mentorship"))
    Mentorship: A mentorship (mentorskap): a mentor and an adept (a participant), ``start`` to ``end``.
      id              required  an id
      mentor_id       required  an id
      participant_id  required  an id
      start           required  a date YYYY-MM-DD
      end             optional  a date YYYY-MM-DD, or null
      status          optional  one of proposed, active, completed, ended-early
      ended_by        optional  one of adept, mentor, program, or null
      end_reason      optional  a text

    .. versionadded:: 0.1
    """
    schema = _cached_schema()
    definition = schema if name == "document" else schema["$defs"][name]
    required = set(definition.get("required", ()))
    width = max(map(len, definition["properties"])) + 2
    lines = [f"{name}: {definition['description']}"]
    for field, value in definition["properties"].items():
        need = "required" if field in required else "optional"
        lines.append(f"  {field:<{width}}{need}  {_describe_schema(value)}")
    return "\n".join(lines)


def _describe_schema(schema: dict[str, Any]) -> str:  # noqa: PLR0911 - one return per kind of schema
    if "anyOf" in schema:
        return f"{_describe_schema(schema['anyOf'][0])}, or null"
    if "$ref" in schema:
        target = schema["$ref"].rsplit("/", 1)[-1]
        return {
            "Municipality": "a municipality code ('0580') or name",
            "Position": "a position slug ('forvaltningschef')",
            "Personnummer": "a personnummer YYYYMMDD-NNNN",
        }.get(target, f"{'an' if target[0] in 'AEIOU' else 'a'} {target}")
    if "const" in schema:
        return repr(schema["const"])
    if "enum" in schema:
        return "one of " + ", ".join(schema["enum"])
    if schema.get("type") == "array":
        unique = ", no item twice" if schema.get("uniqueItems") else ""
        return f"a list of {_plural(_describe_schema(schema['items']))}{unique}"
    if schema.get("format") == "date":
        return "a date YYYY-MM-DD"
    if schema.get("type") == "integer":
        least = schema.get("minimum")
        return "a whole number" + ("" if least is None else f" (at least {least})")
    if schema.get("type") == "boolean":
        return "true or false"
    pattern = schema.get("pattern", "")
    if pattern.startswith("^[A-Za-z0-9]"):
        return "an id"
    if "@" in pattern:
        return "an e-mail address"
    return "a non-empty text" if pattern == text.schema["pattern"] else "a text"


def _plural(description: str) -> str:
    return description.removeprefix("a ").removeprefix("an ").removeprefix("one of ")

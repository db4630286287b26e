"""How each value of a program document is read: the leaves of the model's types.

Text, whole numbers, yes/no, dates, enums (by their slug), and the catalogs' values (a
municipality by its code or name, a county, a position by its slug, a personnummer):
each is a function that returns the model's value or raises
:class:`~ledarskap._found.FieldError` (what was expected, what was found). They are the
one definition of what a document may hold in each place, shared by the readers of
:mod:`ledarskap.io`: the detailed converter (:mod:`ledarskap.io._convert`, cattrs), the
reader of small documents (:mod:`ledarskap.io._construct`) and the fast reader
(:mod:`ledarskap.io._decode`, msgspec). This module imports neither cattrs nor msgspec,
so that reading a small document loads neither.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
import types
import typing
from collections.abc import Callable, Mapping
from typing import Literal

import attrs

from ledarskap import model
from ledarskap._found import FieldError, read_iso_date
from ledarskap.errors import InvalidValueError, mask_field
from ledarskap.model import County, Municipality, Personnummer, Position
from ledarskap.text import Text

__all__ = [
    "CODES",
    "DATE_PATTERN",
    "MODEL_CLASSES",
    "MODEL_CLASS_SET",
    "PERSONNUMMER_PATTERN",
    "Flavour",
    "date_structurer",
    "enum_structurer",
    "leaf_readers",
    "municipalities",
    "municipality_names",
    "nullable",
    "positions",
    "structure_bool",
    "structure_county",
    "structure_int",
    "structure_municipality",
    "structure_personnummer",
    "structure_position",
    "structure_str",
]


Flavour = Literal["json", "toml"]
"""``"json"``: dates are text. ``"toml"``: dates are :class:`datetime.date` values (TOML
has a date type), ``None`` values are left out when writing and an absent optional key
reads as ``None`` (TOML has no null)."""

MODEL_CLASSES: tuple[type, ...] = tuple(
    cls
    for name in model.__all__
    if isinstance(cls := getattr(model, name), type)
    and attrs.has(cls)
    and cls not in (Municipality, County, Position)
)
"""The attrs classes of the model that become objects in files (the others are codes)."""

MODEL_CLASS_SET = frozenset(MODEL_CLASSES)
""":data:`MODEL_CLASSES`, for asking whether a type is one of them."""


def nullable(kind: object) -> bool:
    """Whether the field type *kind* is a union holding ``None`` (``X | None``)."""
    return isinstance(kind, types.UnionType) and type(None) in typing.get_args(kind)


DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
"""How a date is written: ISO 8601's calendar date, ``YYYY-MM-DD``."""
PERSONNUMMER_PATTERN = r"^([0-9]{2})?[0-9]{6}[-+]?[0-9]{4}$"
"""The forms of a personnummer read from files; it is written ``YYYYMMDD-NNNN``."""
_PERSONNUMMER = re.compile(PERSONNUMMER_PATTERN)

CODES: dict[type, str] = {Municipality: "code", County: "code", Position: "slug"}
"""The catalog values written as a code: the attribute holding it."""


# Leaf hooks ----------------------------------------------------------------------------


_TEXT = Text("text", "text")
_WHOLE_NUMBER = Text("ett heltal", "a whole number")
_TRUE_OR_FALSE = Text("sant eller falskt", "true or false")


def structure_str(value: object, _: object = None) -> str:
    if value.__class__ is str:
        return value
    raise FieldError(_TEXT, value, code="type")


def structure_int(value: object, _: object = None) -> int:
    if value.__class__ is int:
        return value
    if value.__class__ is float and value.is_integer():
        return int(value)
    raise FieldError(_WHOLE_NUMBER, value, code="type")


def structure_bool(value: object, _: object = None) -> bool:
    if value is True or value is False:
        return value
    raise FieldError(_TRUE_OR_FALSE, value, code="type")


_DATES_MAX = 50_000
"""How many dates a converter keeps, read or written (a program's records share few)."""


def date_structurer() -> Callable[[object, object], dt.date]:
    """A date reader with its own cache: a program's records share few distinct dates."""
    known: dict[str, dt.date] = {}

    def structure(value: object, _: object = None) -> dt.date:
        if value.__class__ is str:
            day = known.get(value)
            if day is None:
                day = read_iso_date(value)
                if len(known) < _DATES_MAX:
                    known[value] = day
            return day
        return read_iso_date(value)

    return structure


def enum_structurer(kind: type[enum.Enum]) -> Callable[[object, object], enum.Enum]:
    by_value = {member.value: member for member in kind}
    listed = ", ".join(repr(v) for v in by_value)
    expected = Text(f"en av {listed}", f"one of {listed}")

    def structure(value: object, _: object = None) -> enum.Enum:
        if value.__class__ is str:
            member = by_value.get(value)
            if member is not None:
                return member
            raise FieldError(expected, value)
        raise FieldError(expected, value, code="type")

    return structure


def structure_municipality(value: object, _: object = None) -> Municipality:
    """A municipality from its code, or its name as SCB writes it; :class:`FieldError` if not.

    Only exact names are read (``"Linköping"``, ``"Region Gotland"``); for anything else
    the message suggests the closest municipality (``"linkoping"``: did you mean 0580
    Linköping?).
    """
    if value.__class__ is str:
        found = municipalities().get(value)
        if found is not None:
            return found
        try:
            near = model.municipality(value)
        except InvalidValueError as exc:
            raise FieldError(exc.expected_text, value, hint=exc.hint_text) from None
        meant = f"{near.code} {near.display_name}"
        raise FieldError(
            Text(
                "en kommunkod eller ett kommunnamn som SCB skriver det",
                "a municipality code or name as SCB writes it",
            ),
            value,
            hint=Text(f"menade du {meant}?", f"did you mean {meant}?"),
        )
    raise FieldError(
        Text("en kommunkod som '0580'", "a municipality code such as '0580'"), value, code="type"
    )


@functools.cache
def municipalities() -> Mapping[str, Municipality]:
    """The texts read as a municipality: an immutable table of the catalog, made once."""
    table = {m.name: m for m in model.all_municipalities()}
    table.update({m.display_name: m for m in model.all_municipalities()})
    table.update({m.code: m for m in model.all_municipalities()})
    return types.MappingProxyType(table)


def municipality_names() -> frozenset[str]:
    """Every text read as a municipality: the 290 codes, SCB's names and display names."""
    return frozenset(municipalities())


@functools.cache
def positions() -> Mapping[str, Position]:
    """The catalog's positions by slug: an immutable table, made once."""
    return types.MappingProxyType({p.slug: p for p in model.all_positions()})


def structure_position(value: object, _: object = None) -> Position:
    if value.__class__ is str:
        found = positions().get(value)
        if found is not None:
            return found
        raise FieldError(
            Text(
                "kortnamnet (slug) för en befattning i katalogen, som 'forvaltningschef'",
                "the slug of a catalog position such as 'forvaltningschef'",
            ),
            value,
        )
    raise FieldError(
        Text("kortnamnet (slug) för en befattning i katalogen", "the slug of a catalog position"),
        value,
        code="type",
    )


def structure_county(value: object, _: object = None) -> County:
    if value.__class__ is str:
        try:
            return model.county(value)
        except InvalidValueError as exc:
            raise FieldError(exc.expected_text, value, hint=exc.hint_text) from None
    raise FieldError(Text("en länskod som '05'", "a county code such as '05'"), value, code="type")


def structure_personnummer(value: object, _: object = None) -> Personnummer:
    if value.__class__ is str:
        if _PERSONNUMMER.fullmatch(value):
            try:
                return Personnummer(value)
            except InvalidValueError as exc:
                raise FieldError(exc.expected_text, value) from None
        raise FieldError(  # quoted masked whole, however it is written
            Text("ett personnummer ÅÅÅÅMMDD-NNNN", "a personnummer YYYYMMDD-NNNN"),
            mask_field("personnummer", value),
        )
    raise FieldError(
        Text("ett personnummer som text ÅÅÅÅMMDD-NNNN", "a personnummer as text YYYYMMDD-NNNN"),
        value,
        code="type",
    )


def leaf_readers() -> dict[type, Callable[[object, object], object]]:
    """The reader of each of the model's leaf types, by type.

    The one table both readers start from: the detailed converter registers them as
    cattrs hooks, the small-document reader looks them up.
    """
    return {
        str: structure_str,
        int: structure_int,
        bool: structure_bool,
        dt.date: date_structurer(),
        Municipality: structure_municipality,
        County: structure_county,
        Position: structure_position,
        Personnummer: structure_personnummer,
    }

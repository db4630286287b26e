"""The types of rule values: what a field holds and what a predicate's arguments accept.

A :class:`ValueType` converts a value as written in a rule (text, a number, a list) to its
normalised form, checks it at load time, prints it back as source, and shows it in Swedish
or English. Positions are checked against the catalog and municipalities against SCB's
table, so a rule naming an unknown one fails when it is loaded, never when it runs.

>>> from ledarskap.eligibility.valuetypes import POSITION, MUNICIPALITY, list_of
>>> POSITION.convert("HR-direktör")
'personaldirektor'
>>> MUNICIPALITY.convert("Linköping")
'0580'
>>> list_of(POSITION).convert(["strateg", "IT-chef", "strateg"])
('it-chef', 'strateg')
>>> POSITION.show("avdelningschef", "en")
'head of division'

.. versionadded:: 0.2
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any

import attrs

from ledarskap._found import FieldError, did_you_mean, read_iso_date
from ledarskap.errors import InvalidValueError
from ledarskap.model import (
    OrganisationKind,
    PoliticalBodyKind,
    PositionKind,
    StaffFunction,
    county,
    municipality,
    position,
)
from ledarskap.text import Language, Text

__all__ = [
    "BOOLEAN",
    "COUNTY",
    "DATE",
    "INTEGER",
    "MUNICIPALITY",
    "ORGANISATION_KIND",
    "POLITICAL_BODY_KIND",
    "POSITION",
    "POSITION_KIND",
    "STAFF_FUNCTION",
    "TEXT",
    "ValueType",
    "list_of",
]


@attrs.frozen(kw_only=True)
class ValueType:
    """A type of rule value.

    ``convert`` takes a value as written (in a rule, a parameter, a case file) and returns
    its normalised form or raises :class:`ValueError` with a hint; it must take that
    normalised form too, and give it back as it is (a rule set reads the values of its
    rules and parameters when it is made, those read from a file again); ``source`` gives the
    normalised form back as plain data (text, number, bool, list), as rules print it;
    ``show`` renders that plain form for a reader in Swedish or English. ``ordered`` types
    compare with ``<``, ``<=``, ``>``, ``>=``; ``item`` is the item type of a list type.
    """

    name: str
    convert: Callable[[object], Any] = attrs.field(repr=False)
    source: Callable[[Any], object] = attrs.field(repr=False)
    show: Callable[[Any, Language], str] = attrs.field(repr=False)
    ordered: bool = False
    item: ValueType | None = None

    def __str__(self) -> str:
        return self.name


_YES_NO = {True: Text("ja", "yes"), False: Text("nej", "no")}
_OR = Text("eller", "or")


def _plain(value: object, language: Language) -> str:
    if isinstance(value, bool):
        return _YES_NO[value].render(language)
    return str(value)


def either(shown: list[str], language: Language) -> str:
    """``"a, b eller c"`` (``"a, b or c"``): values of which one is meant."""
    if len(shown) < 2:
        return "".join(shown)
    return ", ".join(shown[:-1]) + f" {_OR.render(language)} " + shown[-1]


MAX_DIGITS = 9
"""The most digits of a whole number in a rule (a count of years, a capacity), as in sheets."""

_TEXT = Text("text", "text")
_WHOLE = Text("ett heltal", "a whole number")
_SHORT_WHOLE = Text(
    f"ett heltal med högst {MAX_DIGITS} siffror", f"a whole number of at most {MAX_DIGITS} digits"
)
_TRUE_OR_FALSE = Text("sant eller falskt", "true or false")


def _text(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise FieldError(_TEXT, value, code="type")
    return value


def _integer(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise FieldError(_WHOLE, value, code="type")
    if abs(value) >= 10**MAX_DIGITS:
        raise FieldError(_SHORT_WHOLE, value, code="type")
    return value


def _boolean(value: object) -> bool:
    if not isinstance(value, bool):
        raise FieldError(_TRUE_OR_FALSE, value, code="type")
    return value


def _enum_type(name: str, kind: type[enum.Enum], what: Text) -> ValueType:
    members = {m.value: m for m in kind}

    def convert(value: object) -> enum.Enum:
        if isinstance(value, kind):
            return value
        if isinstance(value, str) and value in members:
            return members[value]
        listed = ", ".join(map(repr, members))
        raise FieldError(
            Text(f"{what.sv}, en av {listed}", f"{what.en}, one of {listed}"),
            value,
            hint=did_you_mean(value, members, cutoff=0.5),
        )

    def show(value: Any, language: Language) -> str:
        member = members.get(value) if isinstance(value, str) else value
        label = getattr(member, "label", None)
        return str(label(language)) if callable(label) else str(value)

    return ValueType(name=name, convert=convert, source=lambda v: v.value, show=show)


def _catalog(lookup: Callable[[Any], Any], expected: Text) -> Callable[[object], Any]:
    """A value of a catalog (*lookup*'s), its error said as *expected* with the model's hint."""

    def convert(value: object) -> Any:
        if not isinstance(value, str):
            raise FieldError(expected, value, code="type")
        try:
            return lookup(value)
        except InvalidValueError as error:
            raise FieldError(error.expected_text, value, hint=error.hint_text) from None

    return convert


def _show_position(value: Any, language: Language) -> str:
    try:
        label = position(value).label(language)
    except InvalidValueError:
        return str(value)
    # Mid-sentence, a title is written in lower case ("head of IT is not …"), but an
    # acronym keeps its capitals ("HR director", "CEO of a municipal company").
    if label[1:2].islower():
        return label[:1].lower() + label[1:]
    return label


def _show_municipality(value: Any, language: Language) -> str:
    try:
        return municipality(value).display_name
    except InvalidValueError:
        return str(value)


def _show_county(value: Any, language: Language) -> str:
    try:
        return county(value).name
    except InvalidValueError:
        return str(value)


TEXT = ValueType(name="text", convert=_text, source=lambda v: v, show=_plain)
INTEGER = ValueType(name="integer", convert=_integer, source=lambda v: v, show=_plain, ordered=True)
BOOLEAN = ValueType(name="boolean", convert=_boolean, source=lambda v: v, show=_plain)
DATE = ValueType(
    name="date",
    convert=read_iso_date,
    source=lambda v: v.isoformat(),
    show=lambda v, _: str(v),
    ordered=True,
)
POSITION = ValueType(
    name="position",
    convert=_catalog(
        lambda v: position(v).slug, Text("en befattning ur katalogen", "a position of the catalog")
    ),
    source=lambda v: v,
    show=_show_position,
)
"""A catalog position, by slug (titles and aliases are accepted and normalised to the slug)."""
POSITION_KIND = _enum_type(
    "position-kind", PositionKind, Text("ett slags befattning", "a kind of position")
)
ORGANISATION_KIND = _enum_type(
    "organisation-kind", OrganisationKind, Text("ett slags organisation", "a kind of organisation")
)
POLITICAL_BODY_KIND = _enum_type(
    "political-body-kind",
    PoliticalBodyKind,
    Text("ett slags politiskt organ", "a kind of political body"),
)
STAFF_FUNCTION = _enum_type(
    "staff-function", StaffFunction, Text("en stabsfunktion", "a staff function")
)
MUNICIPALITY = ValueType(
    name="municipality",
    convert=_catalog(
        lambda v: municipality(v).code,
        Text("en kommunkod eller ett kommunnamn", "a municipality code or name"),
    ),
    source=lambda v: v,
    show=_show_municipality,
)
"""A municipality, by its SCB code (names are accepted and normalised to the code)."""
COUNTY = ValueType(
    name="county",
    convert=_catalog(
        lambda v: county(v).code, Text("en länskod eller ett länsnamn", "a county code or name")
    ),
    source=lambda v: v,
    show=_show_county,
)
"""A county, by its two-digit SCB code (names are accepted and normalised to the code)."""


def list_of(item: ValueType) -> ValueType:
    """A list of values of *item*'s type, normalised to a sorted tuple without repeats.

    Order and repeats carry no meaning in a rule (``position in [...]`` is membership), so
    two lists with the same members are the same value.
    """

    def convert(value: object) -> tuple[Any, ...]:
        if isinstance(value, str) or not isinstance(value, list | tuple | set | frozenset):
            raise FieldError(
                Text(f"en lista med värden av typen {item.name}", f"a list of {item.name} values"),
                value,
                code="type",
            )
        if not value:
            raise FieldError(
                Text(
                    f"en icke-tom lista med värden av typen {item.name}",
                    f"a non-empty list of {item.name} values",
                ),
                value,
            )
        converted = {item.convert(v) for v in value}
        return tuple(sorted(converted, key=lambda v: str(item.source(v))))

    def show(value: Any, language: Language) -> str:
        return either([item.show(v, language) for v in value], language)

    return ValueType(
        name=f"list[{item.name}]",
        convert=convert,
        source=lambda v: [item.source(x) for x in v],
        show=show,
        item=item,
    )

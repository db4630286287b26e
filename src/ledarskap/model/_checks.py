"""Validators shared by the model classes.

Small callables in the style of :mod:`attr.validators`: each raises
:class:`~ledarskap.errors.InvalidValueError` naming ``Class.field``, what was expected and
what was found.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar, cast

import attrs

from ledarskap.errors import InvalidValueError

T = TypeVar("T")

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$"
_ID = re.compile(ID_PATTERN)
_ID_FULLMATCH = _ID.fullmatch
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def where(instance: object, attribute: attrs.Attribute[Any]) -> str:
    """``Class.field``: the location an invariant error names."""
    return f"{type(instance).__name__}.{attribute.name}"


def fail(instance: object, attribute: attrs.Attribute[Any], expected: str, found: object) -> None:
    """Raise the library's error for *attribute* of *instance*."""
    raise InvalidValueError(location=where(instance, attribute), expected=expected, found=found)


def instance_of(kind: type | tuple[type, ...], description: str) -> Validator:
    """Check ``isinstance`` (bools are not ints here), with a readable expectation."""
    types = _types(kind)
    if bool in types or not any(issubclass(bool, t) for t in types):
        # Nothing to single out (the common case: a model class or an enum).

        def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
            if not isinstance(value, kind):
                fail(instance, attribute, description, value)

        return check

    def check_not_bool(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind) or isinstance(value, bool):
            fail(instance, attribute, description, value)

    return check_not_bool


def _types(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


def optional(validator: Validator) -> Validator:
    """Accept ``None`` or whatever *validator* accepts."""
    # The commonest checks, inlined for the usual values (a whole document has hundreds
    # of thousands of optional fields); anything else goes to the validator itself.
    if validator is identifier:

        def check_id(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
            if value is not None and (value.__class__ is not str or not _ID_FULLMATCH(value)):
                identifier(instance, attribute, value)

        return check_id
    if validator is date:

        def check_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
            if value is not None and value.__class__ is not dt.date:
                date(instance, attribute, value)

        return check_date
    if validator is text:

        def check_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
            if value is not None and (value.__class__ is not str or not value or value.isspace()):
                text(instance, attribute, value)

        return check_text

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            validator(instance, attribute, value)

    return check


def text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A non-empty string that is not only white space."""
    if not isinstance(value, str) or not value or value.isspace():
        fail(instance, attribute, "a non-empty text", value)


def any_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A string, possibly empty."""
    if not isinstance(value, str):
        fail(instance, attribute, "a text", value)


def identifier(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A stable record id: letters, digits and ``._:-``, 1 to 64 characters."""
    if (value.__class__ is not str or not _ID_FULLMATCH(value)) and (
        not isinstance(value, str) or not _ID_FULLMATCH(value)
    ):
        fail(instance, attribute, "an id of letters, digits and ._:- (at most 64)", value)


def email(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A plausible e-mail address (one ``@``, a dot in the domain, no spaces)."""
    if not isinstance(value, str) or not _EMAIL.fullmatch(value):
        fail(
            instance, attribute, "an e-mail address (one @, a dot in the domain, no spaces)", value
        )


def date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A :class:`datetime.date` that is not a :class:`datetime.datetime`."""
    if value.__class__ is not dt.date and (
        not isinstance(value, dt.date) or isinstance(value, dt.datetime)
    ):
        fail(instance, attribute, "a date (datetime.date)", value)


def positive_int(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A whole number of at least 1."""
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        fail(instance, attribute, "a whole number of at least 1", value)


def non_negative_int(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A whole number of at least 0."""
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        fail(instance, attribute, "a whole number of at least 0", value)


def items(validator: Validator, *, non_empty: bool = False, unique: bool = False) -> Validator:
    """A tuple whose every item passes *validator* (named ``field[i]`` when not)."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            fail(instance, attribute, "a tuple", value)
        assert isinstance(value, tuple)
        if non_empty and not value:
            fail(instance, attribute, "at least one item", value)
        try:
            for item in value:
                validator(instance, attribute, item)
        except InvalidValueError:
            failed = True
        else:
            failed = False
        if failed:
            # Check again, naming the item (``Class.field[3]``): only on failure, as
            # making a name for each item of a long tuple would cost more than checking it.
            # Outside the except block, so the error shows once, not chained to its twin.
            for index, item in enumerate(value):  # pragma: no branch - one item fails
                validator(instance, cast("attrs.Attribute[Any]", _Indexed(attribute, index)), item)
        if unique and len(set(value)) != len(value):
            fail(instance, attribute, "no item twice", _first_repeat(value))

    return check


def set_of(kind: type, description: str, *, non_empty: bool = False) -> Validator:
    """A frozenset of *kind* (an enum, usually)."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, frozenset) or not all(isinstance(v, kind) for v in value):
            fail(instance, attribute, f"a frozenset of {description}", value)
        assert isinstance(value, frozenset)
        if non_empty and not value:
            fail(instance, attribute, f"at least one {description}", value)

    return check


def _first_repeat(values: Iterable[T]) -> T | None:
    seen: set[T] = set()
    for value in values:
        if value in seen:
            return value
        seen.add(value)
    return None  # pragma: no cover - only called when there is a repeat


class _Indexed:
    """Stands in for an attribute so that item errors read ``Class.field[3]``."""

    def __init__(self, attribute: attrs.Attribute[Any], index: int) -> None:
        self.name = f"{attribute.name}[{index}]"


def not_before(other: str, *, description: str = "") -> Validator:
    """A date (or ``None``) not earlier than the field *other* of the same instance."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        start = getattr(instance, other)
        if value is not None and start is not None and value < start:
            fail(
                instance,
                attribute,
                description or f"a date on or after {other} ({start.isoformat()})",
                value.isoformat() if isinstance(value, dt.date) else value,
            )

    return check


def to_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """Converter: any iterable (but a string) to a tuple, so lists are accepted."""
    if isinstance(value, tuple):
        return value
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        return value  # type: ignore[return-value]  # rejected by the field's validator
    return tuple(value)


def to_frozenset(value: Iterable[Any]) -> frozenset[Any]:
    """Converter: any iterable (but a string) to a frozenset."""
    if isinstance(value, frozenset):
        return value
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        return value  # type: ignore[return-value]  # rejected by the field's validator
    return frozenset(value)


def optional_tuple(value: Iterable[Any] | None) -> tuple[Any, ...] | None:
    """Converter: like :func:`to_tuple`, keeping ``None`` (not known)."""
    return None if value is None else to_tuple(value)

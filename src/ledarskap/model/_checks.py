"""Validators shared by the model classes, in the style of :mod:`attr.validators`.

Each validator is a small callable object reached through a factory (:func:`instance_of`,
:func:`optional`, :func:`items` …) or a module constant (:data:`identifier`, :data:`text`
…). It raises :class:`~ledarskap.errors.InvalidValueError` naming ``Class.field``, what
was expected and what was found, and it says what it expects without being run:

- ``expected``: the expectation in words, as messages give it, in Swedish and English
  (``description`` is its English: "a non-empty text");
- ``schema``: the JSON Schema fragment of the constraint (``{"type": "string",
  "pattern": …}``), which :mod:`ledarskap.io.schema` reads into the document's schema.

>>> identifier
identifier
>>> optional(items(identifier, unique=True)).schema
{'type': 'array', 'items': {'type': 'string', 'pattern': '^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$'}, 'uniqueItems': True}
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, cast

import attrs

from ledarskap.errors import InvalidValueError, mask_field
from ledarskap.text import Text

if TYPE_CHECKING:
    from ledarskap.errors import Wording

T = TypeVar("T")

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$"
"""A stable record id: letters, digits and ``._:-``, 1 to 64 characters."""
_SPACE = r"\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
"""White space as :meth:`str.isspace` (and Python's ``\\s``) has it, spelled out: a JSON
Schema's patterns are ECMA 262's, whose ``\\s`` differs (it takes U+FEFF, not U+001C)."""
_NOT_IN_ADDRESS = rf"@{_SPACE}\x00-\x1f\x7f-\x9f"
EMAIL_PATTERN = (
    rf"^[^{_NOT_IN_ADDRESS}]+@[^{_NOT_IN_ADDRESS}][^{_NOT_IN_ADDRESS}.]*\.[^{_NOT_IN_ADDRESS}]+$"
)
"""A plausible e-mail address: one ``@``, a dot in the domain (after its first character),
no white space nor control characters (which a calendar or a terminal would act on).
Written so that a match never backtracks: time linear in the text's length."""
_ID_FULLMATCH = re.compile(ID_PATTERN).fullmatch
# The characters EMAIL_PATTERN's classes leave out: the C0 and C1 controls (with the
# ASCII spaces among them), the other spaces of _SPACE, and "@".
_NOT_IN_ADDRESS_CHARS = frozenset(
    "@\u1680\u2028\u2029\u202f\u205f\u3000"
    + "".join(map(chr, [*range(0x21), *range(0x7F, 0xA1), *range(0x2000, 0x200B)]))
)


def _is_address(value: str) -> bool:
    """Whether *value* matches :data:`EMAIL_PATTERN` whole, read without compiling it.

    The pattern's four classes of some thirty ranges take re some 0.7 ms to compile, a
    cost every process reading a person would pay; read this way, the test is as fast.
    """
    local, _, domain = value.partition("@")
    dot = domain.find(".", 1)  # the pattern's "\.": the first dot after the first character
    return (
        bool(local)
        and 0 < dot < len(domain) - 1
        and _NOT_IN_ADDRESS_CHARS.isdisjoint(local)
        and _NOT_IN_ADDRESS_CHARS.isdisjoint(domain)  # "@" among them: one "@" in all
    )


def where(instance: object, attribute: attrs.Attribute[Any]) -> str:
    """``Class.field``: the location an invariant error names."""
    return f"{type(instance).__name__}.{attribute.name}"


def fail(
    instance: object, attribute: attrs.Attribute[Any], expected: Wording, found: object
) -> None:
    """Raise the library's error for *attribute* of *instance*."""
    raise InvalidValueError(location=where(instance, attribute), expected=expected, found=found)


def _english(wording: Wording) -> str:
    return wording if isinstance(wording, str) else wording.en


def _filled(sv: str, en: str, *wordings: Wording) -> Wording:
    """The templates *sv* and *en* filled with *wordings* (``{}``): English alone if one is."""
    english = en.format(*map(_english, wordings))
    swedish = [w.sv for w in wordings if not isinstance(w, str) and w.sv is not None]
    return english if len(swedish) < len(wordings) else Text(sv.format(*swedish), english)


class Check:
    """A validator that says what it expects: :attr:`expected` and :attr:`schema`.

    A check is an immutable value of the few fields its class names in :attr:`_fields`,
    compared and hashed by them, as an attrs class would be. The classes are written by
    hand, not by attrs: attrs compiles an ``__init__`` for each class it makes, about a
    quarter of a millisecond apiece, which every process that imports the model would pay
    for these ten kinds of check, whose instances are almost all made once, at import.
    """

    __slots__ = ()

    _fields: ClassVar[tuple[str, ...]] = ()
    """The fields that make the check what it is, in order: set by ``__init__``, compared."""

    expected: Wording
    """What the validator expects, in the words of its messages, in Swedish and English."""

    @property
    def description(self) -> str:
        """What the validator expects, in English: :attr:`expected`'s English words."""
        return _english(self.expected)

    def __init__(self, *values: Any) -> None:
        for name, value in zip(self._fields, values, strict=True):
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: object) -> None:
        raise attrs.exceptions.FrozenInstanceError

    def __delattr__(self, name: str) -> None:
        raise attrs.exceptions.FrozenInstanceError

    def __getstate__(self) -> dict[str, Any]:
        names: tuple[str, ...] = type(self).__slots__
        return {name: getattr(self, name) for name in names}

    def __setstate__(self, state: dict[str, Any]) -> None:
        # Copied or unpickled: set past the frozen __setattr__, as attrs does.
        for name, value in state.items():
            object.__setattr__(self, name, value)

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._fields)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash((type(self).__qualname__, *self._values()))

    @property
    def schema(self) -> dict[str, Any]:
        """The JSON Schema fragment of what the validator accepts (``{}``: nothing to add)."""
        return {}

    @property
    def item(self) -> Check | None:
        """The check of each item, for a check of a tuple's items; else ``None``."""
        return None

    @property
    def parts(self) -> tuple[Check, ...]:
        """The checks this one is made of, in order: itself, but for :func:`all_of`."""
        return (self,)

    @property
    def after(self) -> str | None:
        """The field a date must not be before (:func:`not_before`); else ``None``."""
        return None

    @property
    def complete(self) -> bool:
        """Whether the field's type and :attr:`schema` say all the validator checks.

        A reader that checks them (:mod:`ledarskap.io._decode`) need not run it again.
        """
        return True

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        raise NotImplementedError  # pragma: no cover - every check defines it


class _Pattern(Check):
    """Text matching a regular expression (checked whole)."""

    __slots__ = ("_fullmatch", "expected", "name", "pattern")
    _fields = ("name", "expected", "pattern")

    name: str
    expected: Wording
    pattern: str
    _fullmatch: Callable[[str], object]

    def __init__(
        self, name: str, expected: Wording, pattern: str, fullmatch: Callable[[str], object]
    ) -> None:
        super().__init__(name, expected, pattern)
        object.__setattr__(self, "_fullmatch", fullmatch)  # made of the pattern: not compared

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not self.accepts(value):
            # Quoted as a value of its kind: an address masked whole, however it is written.
            fail(
                instance,
                attribute,
                self.expected,
                mask_field(self.name, value) if isinstance(value, str) else value,
            )

    def accepts(self, value: object) -> bool:
        """Whether *value* is text matching the pattern (for a reader checking a cell).

        >>> email.accepts("anna@example.se"), email.accepts("anna@example")
        (True, False)
        """
        return isinstance(value, str) and bool(self._fullmatch(value))

    @property
    def schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": self.pattern}

    def __repr__(self) -> str:
        return self.name


class _Text(Check):
    """A string; unless *blank_ok*, non-empty and not only white space."""

    __slots__ = _fields = ("blank_ok",)

    blank_ok: bool

    @property
    def expected(self) -> Wording:  # type: ignore[override]
        return _A_TEXT if self.blank_ok else _A_NON_EMPTY_TEXT

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, str) or not (self.blank_ok or (value and not value.isspace())):
            fail(instance, attribute, self.expected, value)

    @property
    def schema(self) -> dict[str, Any]:
        return (
            {"type": "string"} if self.blank_ok else {"type": "string", "pattern": f"[^{_SPACE}]"}
        )

    def __repr__(self) -> str:
        return "any_text" if self.blank_ok else "text"


class _Date(Check):
    """A :class:`datetime.date` that is not a :class:`datetime.datetime`."""

    __slots__ = ()

    expected = Text("ett datum (datetime.date)", "a date (datetime.date)")

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value.__class__ is not dt.date and (
            not isinstance(value, dt.date) or isinstance(value, dt.datetime)
        ):
            fail(instance, attribute, self.expected, value)

    def __repr__(self) -> str:
        return "date"


LARGEST_INT = 2**63 - 1
"""The largest whole number of the model: what TOML, Parquet and most tools hold (64 bits)."""
_TOO_LARGE = Text(
    "ett heltal som ryms i 64 bitar (högst 2^63 − 1)",
    "a whole number that fits in 64 bits (at most 2^63 − 1)",
)


class _AtLeast(Check):
    """A whole number (not a bool) of at least *least*, and at most :data:`LARGEST_INT`."""

    __slots__ = _fields = ("least",)

    least: int

    @property
    def expected(self) -> Wording:  # type: ignore[override]
        least = self.least
        return Text(f"ett heltal som är minst {least}", f"a whole number of at least {least}")

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, int) or isinstance(value, bool) or value < self.least:
            fail(instance, attribute, self.expected, value)
        if value > LARGEST_INT:
            fail(instance, attribute, _TOO_LARGE, value)

    @property
    def schema(self) -> dict[str, Any]:
        return {"type": "integer", "minimum": self.least, "maximum": LARGEST_INT}

    def __repr__(self) -> str:
        return {1: "positive_int", 0: "non_negative_int"}.get(self.least, f"at_least({self.least})")


_A_TEXT = Text("en text", "a text")
_A_NON_EMPTY_TEXT = Text("en text som inte är tom", "a non-empty text")

identifier: Check = _Pattern(
    "identifier",
    Text(
        "ett id av bokstäver, siffror och ._:- (högst 64 tecken)",
        "an id of letters, digits and ._:- (at most 64)",
    ),
    ID_PATTERN,
    _ID_FULLMATCH,
)
"""A stable record id: letters, digits and ``._:-``, 1 to 64 characters."""
email = _Pattern(
    "email",
    Text(
        "en e-postadress (ett @, en punkt i domänen, inga mellanslag)",
        "an e-mail address (one @, a dot in the domain, no spaces)",
    ),
    EMAIL_PATTERN,
    _is_address,
)
"""A plausible e-mail address (one ``@``, a dot in the domain, no spaces)."""
text: Check = _Text(False)  # blank_ok
"""A non-empty string that is not only white space."""
any_text: Check = _Text(True)  # blank_ok
"""A string, possibly empty."""
date: Check = _Date()
"""A :class:`datetime.date` that is not a :class:`datetime.datetime`."""
positive_int: Check = _AtLeast(1)
"""A whole number of at least 1."""
non_negative_int: Check = _AtLeast(0)
"""A whole number of at least 0."""


class _InstanceOf(Check):
    """``isinstance`` (a bool is not an int here), with a readable expectation."""

    __slots__ = ("_no_bool", "expected", "kind")
    _fields = ("kind", "expected")

    kind: type | tuple[type, ...]
    expected: Wording
    _no_bool: bool

    def __init__(self, kind: type | tuple[type, ...], expected: Wording, no_bool: bool) -> None:
        super().__init__(kind, expected)
        object.__setattr__(self, "_no_bool", no_bool)  # made of the kind: not compared

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, self.kind) or (self._no_bool and isinstance(value, bool)):
            fail(instance, attribute, self.expected, value)

    def __repr__(self) -> str:
        return f"instance_of({self.kind!r}, {self.description!r})"


def instance_of(kind: type | tuple[type, ...], description: Wording | None = None) -> Check:
    """Check ``isinstance`` (bools are not ints here), with a readable expectation.

    The expectation is *description* (a :class:`~ledarskap.text.Text` in both languages);
    without it, the class by name: "a Municipality" ("en Municipality").

    >>> instance_of(bool, "True or False")
    instance_of(<class 'bool'>, 'True or False')
    >>> instance_of(Text).expected
    Text(sv='en Text', en='a Text')
    """
    types = kind if isinstance(kind, tuple) else (kind,)
    no_bool = bool not in types and any(issubclass(bool, t) for t in types)
    if description is None:
        name = " or ".join(t.__name__ for t in types)
        article = "an" if name[0] in "AEIOU" else "a"
        description = Text(f"en {name}", f"{article} {name}")
    return _InstanceOf(kind, description, no_bool)


boolean: Check = instance_of(bool, Text("True eller False", "True or False"))
"""``True`` or ``False``."""


class _Optional(Check):
    """``None``, or whatever *validator* accepts."""

    __slots__ = _fields = ("validator",)

    validator: Check

    @property
    def expected(self) -> Wording:  # type: ignore[override]
        return _filled("{}, eller None", "{}, or None", self.validator.expected)

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None:
            self.validator(instance, attribute, value)

    @property
    def schema(self) -> dict[str, Any]:
        return self.validator.schema

    @property
    def complete(self) -> bool:
        return self.validator.complete

    @property
    def item(self) -> Check | None:
        return self.validator.item

    def __repr__(self) -> str:
        return f"optional({self.validator!r})"


def optional(validator: Check) -> Check:
    """Accept ``None`` or whatever *validator* accepts (the schema says null apart)."""
    return _Optional(validator)


class _Indexed:
    """Stands in for an attribute so that item errors read ``Class.field[3]``."""

    def __init__(self, attribute: attrs.Attribute[Any], index: int) -> None:
        self.name = f"{attribute.name}[{index}]"


class _Items(Check):
    """A tuple whose every item passes *validator* (named ``field[i]`` when not)."""

    __slots__ = _fields = ("validator", "non_empty", "unique")

    validator: Check
    non_empty: bool
    unique: bool

    @property
    def expected(self) -> Wording:  # type: ignore[override]
        return _A_TUPLE

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, tuple):
            fail(instance, attribute, _A_TUPLE, value)
        if self.non_empty and not value:
            fail(instance, attribute, _AN_ITEM, value)
        validator = self.validator
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
        if self.unique and len(set(value)) != len(value):
            fail(instance, attribute, _NO_REPEAT, _first_repeat(value))

    @property
    def schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "array", "items": self.validator.schema}
        if self.unique:
            schema["uniqueItems"] = True
        if self.non_empty:
            schema["minItems"] = 1
        return schema

    @property
    def complete(self) -> bool:
        return self.validator.complete and not self.unique and not self.non_empty

    @property
    def item(self) -> Check | None:
        return self.validator

    def __repr__(self) -> str:
        return f"items({self.validator!r}, non_empty={self.non_empty}, unique={self.unique})"


_A_TUPLE = Text("en tupel", "a tuple")
_AN_ITEM = Text("minst ett element", "at least one item")
_NO_REPEAT = Text("inget element två gånger", "no item twice")


def items(validator: Check, *, non_empty: bool = False, unique: bool = False) -> Check:
    """A tuple whose every item passes *validator*; *non_empty*, *unique* as named."""
    return _Items(validator, non_empty, unique)


class _SetOf(Check):
    """A frozenset of *kind* (an enum, usually)."""

    __slots__ = _fields = ("kind", "name", "non_empty")

    kind: type
    name: str
    non_empty: bool

    @property
    def expected(self) -> Wording:  # type: ignore[override]
        name = self.name
        return Text(f"en frozenset med värden av typen {name}", f"a frozenset of {name}")

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, frozenset) or not all(isinstance(v, self.kind) for v in value):
            fail(instance, attribute, self.expected, value)
        if self.non_empty and not value:
            name = self.name
            fail(
                instance,
                attribute,
                Text(f"minst ett värde av typen {name}", f"at least one {name}"),
                value,
            )

    @property
    def schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "array", "uniqueItems": True}
        if self.non_empty:
            schema["minItems"] = 1
        return schema

    @property
    def complete(self) -> bool:
        return not self.non_empty

    def __repr__(self) -> str:
        return f"set_of({self.kind.__name__}, non_empty={self.non_empty})"


def set_of(kind: type, description: str, *, non_empty: bool = False) -> Check:
    """A frozenset of *kind* (an enum, usually), named *description* in messages."""
    return _SetOf(kind, description, non_empty)


def _first_repeat(values: Iterable[T]) -> T | None:
    seen: set[T] = set()
    for value in values:
        if value in seen:
            return value
        seen.add(value)
    return None  # pragma: no cover - only called when there is a repeat


class _NotBefore(Check):
    """A date (or ``None``) not earlier than the field *other* of the same instance."""

    __slots__ = _fields = ("other", "wording")

    other: str
    wording: Wording
    """What the field expects, as its model says it; else the date it must not be before."""

    @property
    def expected(self) -> Wording:  # type: ignore[override]
        other = self.other
        return self.wording or Text(
            f"ett datum som inte är före {other}", f"a date on or after {other}"
        )

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        start = getattr(instance, self.other)
        if value is not None and start is not None and value < start:
            after = f"{self.other} ({start.isoformat()})"
            fail(
                instance,
                attribute,
                self.wording
                or Text(f"ett datum som inte är före {after}", f"a date on or after {after}"),
                value.isoformat() if isinstance(value, dt.date) else value,
            )

    @property
    def complete(self) -> bool:
        return False

    @property
    def after(self) -> str | None:
        return self.other

    def __repr__(self) -> str:
        return f"not_before({self.other!r})"


def not_before(other: str, *, description: Wording = "") -> Check:
    """A date (or ``None``) not earlier than the field *other* of the same instance."""
    return _NotBefore(other, description)


class _All(Check):
    """Every one of *validators*, in order (the first to fail raises)."""

    __slots__ = _fields = ("validators",)

    validators: tuple[Check, ...]

    @property
    def expected(self) -> Wording:  # type: ignore[override]
        wordings = [v.expected for v in self.validators]
        count = len(wordings)
        return _filled(" och ".join(["{}"] * count), " and ".join(["{}"] * count), *wordings)

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        for validator in self.validators:
            validator(instance, attribute, value)

    @property
    def schema(self) -> dict[str, Any]:
        merged: dict[str, Any] = {}
        for validator in self.validators:
            merged.update(validator.schema)
        return merged

    @property
    def complete(self) -> bool:
        return all(v.complete for v in self.validators)

    @property
    def parts(self) -> tuple[Check, ...]:
        return self.validators

    def __repr__(self) -> str:
        return f"all_of({', '.join(map(repr, self.validators))})"


def all_of(*validators: Check) -> Check:
    """Every one of *validators*, in order: their schemas merged.

    >>> all_of(date, not_before("start"))
    all_of(date, not_before('start'))
    """
    return _All(validators)


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


class _Derived:
    """The default of a field computed from the fields before it (shown as ``DERIVED``)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "DERIVED"


DERIVED: Any = _Derived()
"""The default of a field derived from others: ``Session.end`` (its start), ``position``
(matched from the title). A plain default and a converter that sees the instance, not a
``takes_self`` factory, so that a record is also built field by field (msgspec decodes
straight into the model), where a given value is never replaced."""


def derived(
    compute: Callable[[Any], Any], convert: Callable[[Any], Any] = lambda value: value
) -> attrs.Converter:  # type: ignore[type-arg]
    """A converter: *compute* (of the instance) for :data:`DERIVED`, else *convert* the value."""

    def derive(value: Any, instance: Any) -> Any:
        return compute(instance) if value is DERIVED else convert(value)

    return attrs.Converter(derive, takes_self=True)

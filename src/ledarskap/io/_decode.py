"""The fast way a valid JSON program document becomes records: msgspec, then trusted builds.

Reading a large document is building records, and building a record through its
``__init__`` runs a Python validator per field. msgspec checks most of the same in C while
it parses, so a valid document is read in two steps, both made from the model's attrs
fields and the validators' own account of what they check
(:class:`~ledarskap.model._checks.Check`: ``schema``, ``complete``):

1. :meth:`_Mirror.struct` makes, from each model class, a :class:`msgspec.Struct` with the
   same fields: the types, enum values, least whole numbers, a municipality or position as
   one of its codes or names, every unknown key refused, and a field whose default is
   derived from others (``DERIVED``) required. msgspec decodes the document into those.
2. :meth:`_Mirror.builder` makes (with :mod:`ledarskap.io._generate`, the one code
   generator, shared with the writer), for each class, a function turning the struct into the
   model's record without calling ``__init__``: each value is set in its slot, and only
   what msgspec did not check is run: the texts of each pattern (ids, e-mail addresses,
   non-blank text) go to a :class:`_Batch` and are matched together once the whole
   document is built; a validator whose schema does not say everything (a date not before
   another, no item twice) is run; so is ``__attrs_post_init__``.

Anything this path does not read (an error of any kind, an older format version, a whole
number written ``3.0``, a derived field left out) goes to the detailed converter of
:mod:`ledarskap.io._convert`, which is the reference: it reads what it reads and reports
every problem with its path. So this path never reports an error to a user.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
import types
import typing
from collections.abc import Callable
from typing import Annotated, Any, Literal

import attrs

from ledarskap.model import Municipality, Personnummer, Position, ProgramData
from ledarskap.model._checks import DERIVED, Check
from ledarskap.model.people import read_personnummer

from ._generate import Generator, converted
from ._values import PERSONNUMMER_PATTERN, Flavour, municipalities, positions
from .migrations import FORMAT, FORMAT_VERSION

__all__ = ["Decoder"]

Builder = Callable[[Any, tuple[list[str], ...]], Any]


def _pattern(check: Check | None) -> str | None:
    """The pattern a text check states in its schema, if it states one."""
    return None if check is None else check.schema.get("pattern")


class _Batch:
    r"""Every text of one pattern in a document, checked at once when the document is built.

    Checking each id, name and e-mail address on its own costs a regular-expression call
    per value, the better part of reading a document; checked together, the values cost
    one call, in one of three ways (each sound for the pattern it is chosen for):

    - ``\S`` (a non-blank text): no value is empty or all white space
      (:meth:`str.isspace` is what ``\s`` matches);
    - a pattern anchored at both ends whose matches cannot hold a line feed
      (:func:`_single_line`): the values joined one a line must match it line after line,
      in one :meth:`re.Pattern.fullmatch` (about 35 ns a value);
    - any other pattern: joined one a line, the pattern, anchored at line ends, must
      match as many times as there are values, each match within one line, so every line
      matches; a pattern that cannot be so nested (a named group, global flags) is
      searched for in each value on its own.

    In the last two no value may hold a line feed (the count of them says so).
    """

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self._accepts: Callable[[list[str]], bool]
        if pattern == r"\S":
            self._accepts = _non_blank
            return
        whole = _anchored(pattern)
        try:
            if whole is not None and _single_line(whole):
                self._accepts = functools.partial(
                    _lines_match, re.compile(rf"(?:(?:{whole})\n)*+(?:{whole})").fullmatch
                )
            else:
                line = whole if whole is not None else rf"[^\n]*?(?:{pattern})[^\n]*"
                self._accepts = functools.partial(
                    _each_line_matches, re.compile(rf"^(?:{line})$", re.MULTILINE).findall
                )
        except re.error:  # a pattern that cannot be repeated or nested (named groups, flags)
            self._accepts = functools.partial(_each_matches, re.compile(pattern).search)

    def check(self, values: list[str]) -> None:
        """Raise :class:`ValueError` unless every one of *values* matches the pattern."""
        if values and not self._accepts(values):
            raise ValueError(f"a text that does not match {self.pattern!r}")


def _non_blank(values: list[str]) -> bool:
    return all(values) and not any(map(str.isspace, values))


def _lines_match(fullmatch: Callable[[str], object], values: list[str]) -> bool:
    text = "\n".join(values)
    return text.count("\n") == len(values) - 1 and fullmatch(text) is not None


def _each_matches(search: Callable[[str], object], values: list[str]) -> bool:
    # As the other ways: a value with a line feed is left to the detailed reader.
    return all("\n" not in value and search(value) is not None for value in values)


def _anchored(pattern: str) -> str | None:
    """What *pattern* matches whole, if it is anchored at both ends (``^…$``); else ``None``.

    A ``$`` after an odd number of backslashes is a dollar sign, not an anchor.
    """
    if not (pattern.startswith("^") and pattern.endswith("$")):
        return None
    backslashes = len(pattern[:-1]) - len(pattern[:-1].rstrip("\\"))
    return None if backslashes % 2 else pattern[1:-1]


def _each_line_matches(findall: Callable[[str], list[Any]], values: list[str]) -> bool:
    text = "\n".join(values)
    return text.count("\n") == len(values) - 1 and len(findall(text)) == len(values)


def _single_line(pattern: str) -> bool:
    r"""Whether no match of *pattern* can hold a line feed, nor look beyond its own text.

    Read from the parsed pattern: every character it consumes is a literal, a class or a
    category that leaves out ``\n``; no ``.`` (``re.DOTALL`` may let it match one), no
    anchor, look-around or back-reference (they would see the neighbouring lines). When
    unsure, ``False``: the pattern is then checked line by line (see :class:`_Batch`).
    """
    try:  # the parser of the re module (Python 3.11 and later), private: if gone, unsure
        from re import _constants as sre  # type: ignore[attr-defined]
        from re import _parser  # type: ignore[attr-defined]

        parsed = _parser.parse(pattern)
    except (ImportError, re.error):  # pragma: no cover - the model's patterns compile
        return False
    line_feed = ord("\n")
    without_line_feed = {
        sre.CATEGORY_DIGIT,
        sre.CATEGORY_WORD,
        sre.CATEGORY_NOT_SPACE,
        sre.CATEGORY_NOT_LINEBREAK,
        sre.CATEGORY_UNI_DIGIT,
        sre.CATEGORY_UNI_WORD,
        sre.CATEGORY_UNI_NOT_SPACE,
        sre.CATEGORY_UNI_NOT_LINEBREAK,
    }

    def in_class(items: list[tuple[Any, Any]]) -> bool:
        negated = bool(items) and items[0][0] is sre.NEGATE
        found = any(
            (op is sre.LITERAL and av == line_feed)
            or (op is sre.RANGE and av[0] <= line_feed <= av[1])
            or (op is sre.CATEGORY and av not in without_line_feed)
            for op, av in items
        )
        return found != negated

    def safe(items: Any) -> bool:
        for op, av in items:
            if op is sre.LITERAL:
                ok = av != line_feed
            elif op is sre.IN:
                ok = not in_class(av)
            elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
                ok = safe(av[2])
            elif op is sre.SUBPATTERN:
                ok = safe(av[3])
            elif op is sre.ATOMIC_GROUP:
                ok = safe(av)
            elif op is sre.BRANCH:
                ok = all(safe(branch) for branch in av[1])
            else:  # ., anchors, look-arounds, back-references …: not known to be safe
                ok = False
            if not ok:
                return False
        return True

    return safe(parsed)


def _complete(check: Check | None) -> bool:
    """Whether the struct's types and constraints say all that *check* checks."""
    return check is None or check.complete


class _Mirror:
    """The structs and builders of every model class, made once per decoder."""

    def __init__(self, msgspec: types.ModuleType, *, absent_is_null: bool) -> None:
        self.msgspec = msgspec
        self.absent_is_null = absent_is_null
        self.structs: dict[type, Any] = {}
        self.builders: dict[type, Builder] = {}
        self.batches: dict[str, int] = {}  # pattern -> its place in the lists of texts
        self.municipalities = municipalities()  # the texts read as one, as the converter reads
        self.positions = positions()
        # Made once: each Literal of the 870 texts costs typing a hash of them all.
        self.municipality_texts = Literal[tuple(self.municipalities)]
        self.position_texts = Literal[tuple(self.positions)]

    def field_type(self, kind: Any, check: Check | None) -> Any:  # noqa: PLR0911
        """The struct field type for a model field of type *kind* checked by *check*."""
        msgspec = self.msgspec
        if isinstance(kind, types.UnionType):
            inner = next(k for k in typing.get_args(kind) if k is not type(None))
            return self.field_type(inner, check) | None
        origin = typing.get_origin(kind)
        if origin is tuple:
            item = self.field_type(typing.get_args(kind)[0], None if check is None else check.item)
            return types.GenericAlias(tuple, (item, ...))
        if origin is frozenset:
            # A list here, made a frozenset when built, where no item may come twice.
            return types.GenericAlias(tuple, (typing.get_args(kind)[0], ...))
        if kind is str:
            return str  # its pattern is checked in a batch (see _Batch)
        if kind is int:
            bounds = {} if check is None else check.schema
            if "minimum" not in bounds:
                return int
            return Annotated[int, msgspec.Meta(ge=bounds["minimum"], le=bounds["maximum"])]
        if kind in (bool, dt.date) or (isinstance(kind, type) and issubclass(kind, enum.Enum)):
            return kind
        if kind is Municipality:
            return self.municipality_texts
        if kind is Position:
            return self.position_texts
        if kind is Personnummer:  # the spellings the other readers take, no more
            return Annotated[str, self.msgspec.Meta(pattern=PERSONNUMMER_PATTERN)]
        return self.struct(kind)

    def struct(self, cls: type) -> Any:
        """The struct mirroring the model class *cls*."""
        found = self.structs.get(cls)
        if found is not None:
            return found
        attrs.resolve_types(cls)
        fields: list[tuple[Any, ...]] = []
        for a in attrs.fields(cls):
            kind = self.field_type(a.type, a.validator)
            if self.absent_is_null and isinstance(a.type, types.UnionType):
                fields.append((a.name, kind, self.msgspec.field(default=None)))
            elif a.default is attrs.NOTHING or a.default is DERIVED:
                fields.append((a.name, kind))
            elif isinstance(a.default, attrs.Factory):  # type: ignore[arg-type]
                fields.append((a.name, kind, self.msgspec.field(default_factory=tuple)))
            else:
                fields.append((a.name, kind, self.msgspec.field(default=a.default)))
        struct = self.msgspec.defstruct(
            f"{cls.__name__}Struct",
            fields,
            kw_only=True,
            forbid_unknown_fields=True,
            gc=False,
        )
        self.structs[cls] = struct
        return struct

    def leaf(self, expr: str, kind: Any, generator: Generator) -> str:
        """Source turning the struct value *expr* into the model's value (the builder's rules)."""
        if kind is Municipality:
            return f"{generator.bind(self.municipalities, '_m')}[{expr}]"
        if kind is Position:
            return f"{generator.bind(self.positions, '_p')}[{expr}]"
        if kind is Personnummer:
            return f"{generator.bind(read_personnummer, '_pnr')}({expr})"
        if attrs.has(kind):
            return f"{generator.bind(self.builder(kind), '_b')}({expr}, t)"
        return expr

    def collection(self, origin: Any, expr: str, items: str | None) -> str:
        """A tuple as msgspec gives it (items converted if they must be); a set, checked."""
        if origin is frozenset:
            return f"_unique({expr if items is None else items})"
        return expr if items is None else f"tuple({items})"

    def batched(self, name: str, kind: Any, check: Check | None) -> tuple[int, str] | None:
        """The batch the texts of field *name* go to, and the expression giving them."""
        optional = isinstance(kind, types.UnionType)
        if optional:
            kind = next(k for k in typing.get_args(kind) if k is not type(None))
        many = typing.get_origin(kind) is tuple
        if many:
            kind, check = typing.get_args(kind)[0], None if check is None else check.item
        pattern = _pattern(check) if kind is str else None
        if pattern is None:
            return None
        index = self.batches.setdefault(pattern, len(self.batches))
        value = f"o.{name}"
        if optional:
            return index, f"*(() if {value} is None else {value if many else f'({value},)'})"
        return index, f"*{value}" if many else value

    def builder(self, cls: type) -> Builder:
        """The function building a *cls* record from its struct, trusting what msgspec checked."""
        found = self.builders.get(cls)
        if found is not None:
            return found
        # Each value is set through its slot (a frozen class refuses ``setattr``).
        generator = Generator()
        generator.scope.update(_new=object.__new__, _cl=cls, _unique=_unique_set)
        # *t* holds a list of texts per pattern, checked together when all are built.
        name = f"build_{cls.__name__}"
        lines = [f"def {name}(s, t):", "    o = _new(_cl)"]
        checks = []
        texts: dict[int, list[str]] = {}
        for a in attrs.fields(cls):
            slot = generator.bind(getattr(cls, a.name).__set__, "_s")
            lines.append(f"    {slot}(o, {converted(f's.{a.name}', a.type, self, generator)})")
            batched = self.batched(a.name, a.type, a.validator)
            if batched is not None:
                texts.setdefault(batched[0], []).append(batched[1])
            if _complete(a.validator):
                continue
            call = f"{generator.bind(a.validator, '_v')}(o, {generator.bind(a, '_a')}, o.{a.name})"
            checks.append(f"    {_guarded(a.validator, f'o.{a.name}', call)}")
        # The texts of a record go to their batches in one call per batch.
        lines.extend(f"    t[{i}].extend(({', '.join(v)},))" for i, v in texts.items())
        lines.extend(checks)
        if hasattr(cls, "__attrs_post_init__"):
            lines.append("    o.__attrs_post_init__()")
        lines.append("    return o")
        function: Builder = generator.compile(name, lines, name)
        self.builders[cls] = function
        return function


def _guarded(check: Check, value: str, call: str) -> str:
    """*call* running *check* on *value*, behind a cheap test when every part allows one.

    A date not before another field (``not_before``) is compared inline; so is a tuple's
    every item being new (``items(..., unique=True)`` of items the struct and the batches
    check): the validator is called, to fail, only when the test does. The other parts
    are types the struct has checked already.
    """
    parts = [part for part in check.parts if not part.complete]
    tests = []
    for part in parts:
        if part.after is not None:
            tests.append(f"o.{part.after} is not None and {value} < o.{part.after}")
        elif _only_unique(part):
            tests.append(f"len(frozenset({value})) != len({value})")
        else:
            return call
    return f"if {value} is not None and ({' or '.join(tests)}): {call}"


def _only_unique(check: Check) -> bool:
    """Whether all *check* adds to its items' own checks is that no item comes twice."""
    schema = check.schema
    item = check.item
    return (
        bool(schema.get("uniqueItems"))
        and "minItems" not in schema
        and (item is not None and item.complete)
    )


def _unique_set(values: tuple[Any, ...]) -> frozenset[Any]:
    result = frozenset(values)
    if len(result) != len(values):
        raise ValueError("an item twice")
    return result


class Decoder:
    """Reads a valid document of the current format version into :class:`ProgramData`.

    :meth:`decode` reads JSON text, :meth:`convert` a parsed document; both raise whatever
    they meet on any other input, and the caller then reads the document with the detailed
    converter instead. *flavour* ``"toml"`` reads an absent optional key as ``None`` (TOML
    has no null), as the detailed converter of that flavour does.
    """

    def __init__(self, flavour: Flavour = "json") -> None:
        import msgspec

        mirror = _Mirror(msgspec, absent_is_null=flavour == "toml")
        body = mirror.struct(ProgramData)
        document = msgspec.defstruct(
            "DocumentStruct",
            [("format", Literal[FORMAT]), ("format_version", Literal[FORMAT_VERSION])],
            bases=(body,),
            kw_only=True,
            forbid_unknown_fields=True,
            gc=False,
        )
        self._document = document
        self._decoder = msgspec.json.Decoder(document)
        self._convert = msgspec.convert
        self.refusals: tuple[type[BaseException], ...] = (
            msgspec.MsgspecError,
            ValueError,  # the model's InvalidValueError among them
            TypeError,
            KeyError,
            RecursionError,
        )
        """What the decoder raises on a document it will not read: the detailed reader then
        reads it and says what is wrong. Anything else is a bug, and is not hidden."""
        self._build = mirror.builder(ProgramData)
        self._batches = tuple(_Batch(pattern) for pattern in mirror.batches)

    def decode(self, text: bytes | str) -> ProgramData:
        """The :class:`ProgramData` of a valid document; any error if it is not one."""
        return self._built(self._decoder.decode(text))

    def convert(self, document: dict[str, Any]) -> ProgramData:
        """The :class:`ProgramData` of a parsed document (TOML, or migrated); any error if not."""
        return self._built(self._convert(document, self._document))

    def _built(self, struct: Any) -> ProgramData:
        texts: tuple[list[str], ...] = tuple([] for _ in self._batches)
        data: ProgramData = self._build(struct, texts)
        for batch, values in zip(self._batches, texts, strict=True):
            batch.check(values)
        return data

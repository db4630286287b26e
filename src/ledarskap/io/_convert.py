"""Converters between the model and plain JSON-compatible data, built by a factory.

:func:`make_converter` returns a fresh :class:`cattrs.Converter` configured for every
class of the model; nothing is registered on a global converter. The mapping:

- attrs classes become objects (dicts) with one key per field, in field order; every
  field is written, ``None`` as ``null``; unknown keys are an error that names them;
- dates are ISO 8601 text (``"2025-09-01"``); enums their stable slug values;
- a :class:`~ledarskap.model.Municipality` is its four-digit code (its name is accepted
  when reading), a :class:`~ledarskap.model.County` its two-digit code, a
  :class:`~ledarskap.model.Position` its catalog slug;
- a :class:`~ledarskap.model.Personnummer` is written whole (``YYYYMMDD-NNNN``, via
  :meth:`~ledarskap.model.Personnummer.reveal`): the only place it is;
- tuples are lists; frozensets are lists sorted by value, with no item twice.

Reading is strict about types: text is not a number, a number is not text, ``true`` is
not ``1``; a whole-valued float (``3.0``) is read as the integer it equals.

The converter's :meth:`~cattrs.Converter.structure` raises the library's
:class:`~ledarskap.errors.DocumentError`, listing every problem at its JSON path
(``$.participants[12].municipality``): inside, the hooks raise :class:`FieldError` (what
was expected, what was found) or the model's own
:class:`~ledarskap.errors.InvalidValueError`, gathered by cattrs and turned into
:class:`~ledarskap.errors.Problem` values by :func:`ledarskap.io._problems.problems_of`.

Reading is cattrs' generated functions, with every problem of a record collected (each
field's check, and each check across its fields, called on a draft of the record, see
:class:`_Draft`); a valid large JSON
document is read faster by :mod:`ledarskap.io._decode`, a valid small one (JSON or TOML)
without cattrs by :mod:`ledarskap.io._construct`, and both fall back on this converter for
everything else. The hooks of the leaves (text, numbers, dates, enums, the catalogs'
values) are :mod:`ledarskap.io._values`', shared with those readers. Writing is cattrs' generated functions too (TOML, and what
:meth:`~cattrs.Converter.unstructure` is asked for); a JSON document is written faster by
:mod:`ledarskap.io._encode`. The caches (dates read) belong to one converter.

This module is private: :mod:`ledarskap.io.spreadsheets` and other readers use
:func:`make_converter`, :class:`FieldError` and :func:`structure_municipality`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import operator
import re
import types
import typing
from collections.abc import Callable
from typing import Any

import attrs
from cattrs import Converter
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    IterableValidationError,
)
from cattrs.errors import IterableValidationNote as _Note
from cattrs.fns import identity
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from ledarskap._found import checked_syntax
from ledarskap.errors import DocumentError, InvalidValueError, ProblemsError
from ledarskap.model import Personnummer
from ledarskap.text import Text

from ._problems import FieldError, problems_of
from ._values import (
    CODES,
    DATE_PATTERN,
    MODEL_CLASS_SET,
    MODEL_CLASSES,
    PERSONNUMMER_PATTERN,
    Flavour,
    enum_structurer,
    leaf_readers,
    municipality_names,
    nullable,
    structure_municipality,
)

__all__ = [
    "CODES",
    "DATE_PATTERN",
    "MODEL_CLASSES",
    "PERSONNUMMER_PATTERN",
    "FieldError",
    "Flavour",
    "make_converter",
    "municipality_names",
    "structure_municipality",
]


# Collections ---------------------------------------------------------------------------


def _item_type(kind: Any) -> Any:
    return typing.get_args(kind)[0]


def _is_tuple(kind: Any) -> bool:
    return typing.get_origin(kind) is tuple


def _is_frozenset(kind: Any) -> bool:
    return typing.get_origin(kind) is frozenset


_A_LIST = Text("en lista", "a list")
_NO_ITEM_TWICE = Text(
    "en lista där inget element förekommer två gånger", "a list with no item twice"
)


def _sequence_structurer(
    converter: Converter, kind: Any, *, unique: bool
) -> Callable[[object, object], Any]:
    item_type = _item_type(kind)
    item = converter.get_structure_hook(item_type)
    build: Callable[[Any], Any] = frozenset if unique else tuple
    detailed = converter.detailed_validation

    def structure(value: object, _: object = None) -> Any:
        if value.__class__ is not list and value.__class__ is not tuple:
            raise FieldError(_A_LIST, value, code="type")
        items: list[Any] = value  # type: ignore[assignment]
        if not detailed:
            result = build([item(v, item_type) for v in items])
            if unique and len(result) != len(items):
                raise FieldError(_NO_ITEM_TWICE, value)
            return result
        errors: list[Exception] = []
        out = []
        for index, v in enumerate(items):
            try:
                out.append(item(v, item_type))
            except Exception as exc:
                exc.__notes__ = [*getattr(exc, "__notes__", []), _note(index, item_type)]
                errors.append(exc)
        if errors:
            raise IterableValidationError("While structuring a list", errors, kind)
        result = build(out)
        if unique and len(result) != len(out):
            raise FieldError(_NO_ITEM_TWICE, value)
        return result

    return structure


def _is_optional(kind: Any) -> bool:
    args = typing.get_args(kind)
    return isinstance(kind, types.UnionType) and len(args) == 2 and type(None) in args


def _optional_structurer(converter: Converter, kind: Any) -> Callable[[object, object], Any]:
    """``X | None``: ``None``, or what the hook of ``X`` gives (looked up once, not per value)."""
    inner_type = next(arg for arg in typing.get_args(kind) if arg is not type(None))
    inner = converter.get_structure_hook(inner_type)

    def structure(value: object, _: object = None) -> Any:
        return None if value is None else inner(value, inner_type)

    return structure


def _optional_unstructurer(converter: Converter, kind: Any) -> Callable[[Any], Any]:
    inner_type = next(arg for arg in typing.get_args(kind) if arg is not type(None))
    inner = converter.get_unstructure_hook(inner_type)
    if inner is identity:  # written as it is: cattrs then reads the attribute inline
        return identity
    return lambda value: None if value is None else inner(value)


def _note(index: int, kind: Any) -> _Note:
    return _Note(f"Structuring item @ index {index}", index, kind)


def _sort_key(value: Any) -> Any:
    return value.value if isinstance(value, enum.Enum) else value


def _set_unstructurer(converter: Converter, kind: Any) -> Callable[[Any], list[Any]]:
    item = converter.get_unstructure_hook(_item_type(kind))
    return lambda values: [item(v) for v in sorted(values, key=_sort_key)]


def _tuple_unstructurer(converter: Converter, kind: Any) -> Callable[[Any], list[Any]]:
    item_type = _item_type(kind)
    if item_type in (str, int, bool):
        return list
    item = converter.get_unstructure_hook(item_type)
    return lambda values: [item(v) for v in values]


# Classes -------------------------------------------------------------------------------


def _class_structurer(
    converter: Converter, cls: type[Any], *, absent_is_null: bool
) -> Callable[[object, object], Any]:
    attrs.resolve_types(cls)
    generated = make_dict_structure_fn(cls, converter)
    fields = attrs.fields(cls)
    optional = tuple(a.name for a in fields if nullable(a.type))
    detailed = converter.detailed_validation
    expected = Text(f"ett objekt ({cls.__name__})", f"an object ({cls.__name__})")
    # The record under construction its checks see, named as the class (see _Draft).
    draft = type(cls.__name__, (_Draft,), {"__slots__": ()})

    def structure(value: object, _: object = None) -> Any:
        if value.__class__ is not dict:
            raise FieldError(expected, value, code="type")
        data: dict[str, Any] = value
        if absent_is_null:
            missing = [name for name in optional if name not in data]
            if missing:
                data = {**data, **dict.fromkeys(missing)}
        if not detailed:
            return generated(data, cls)
        try:
            return generated(data, cls)
        except ClassValidationError as exc:
            raise _with_invariant_errors(converter, cls, draft, data, exc) from None

    return structure


class _UnreadError(Exception):
    """A check needs a field that could not be read: that field's problem is reported."""


class _Draft:
    """A record under construction: the fields read so far, as its attributes.

    The constructor stops at the first broken invariant, and is not reached at all when a
    field cannot be read; so each field's converter and validator (the model's checks,
    :mod:`ledarskap.model._checks`) is called on its own with the value read and this
    draft as the record: it gives them what they read of a record, its class's name (in
    ``Class.field``, through a subclass per model class named after it) and the other
    fields (a date not before ``start``, a position matched from ``title``). So are the
    checks across fields a class declares (a cohort's sessions within its dates). A field
    that could not be read raises :class:`_UnreadError`, so a check that needs it is left out.
    """

    __slots__ = ("_values",)

    def __init__(self, values: dict[str, Any]) -> None:
        self._values = values

    def __getattr__(self, name: str) -> Any:
        try:
            return self._values[name]
        except KeyError:
            raise _UnreadError(name) from None


def _with_invariant_errors(
    converter: Converter,
    cls: type[Any],
    draft: type[_Draft],
    data: dict[str, Any],
    exc: ClassValidationError,
) -> ClassValidationError:
    """*exc*, with every invariant the record breaks at its field, not only the first one.

    The fields cattrs read are read again (each read before without a problem), converted
    and checked on a :class:`_Draft`, in the constructor's order: converters first, field
    by field, then validators. Then the checks across fields a class declares
    (``_invariants``, which its ``__attrs_post_init__`` runs once every field is valid), on
    the fields that are: each error at the item it names (``Cohort.sessions[2]``). What
    ``__attrs_post_init__`` raised, if it checks what no declared check does, is kept as
    it is, at its field.
    """
    failed = {
        note.name
        for inner in exc.exceptions
        for note in getattr(inner, "__notes__", ())
        if isinstance(note, AttributeValidationNote)
    }
    values: dict[str, Any] = {}
    record = draft(values)
    found: list[Exception] = []
    fields = attrs.fields(cls)
    for a in fields:
        if a.name in failed:
            continue
        try:
            values[a.name] = _converted(a, _read(converter, a, data), record)
        except InvalidValueError as error:
            found.append(_at_field(cls, error))
            failed.add(a.name)
        except _UnreadError:  # derived from a field that could not be read
            failed.add(a.name)
    invalid = set(failed)
    for a in fields:
        if a.validator is None or a.name in failed:
            continue
        try:
            a.validator(record, a, values[a.name])
        except InvalidValueError as error:
            found.append(_at_field(cls, error))
            invalid.add(a.name)
        except _UnreadError:  # compared with a field that could not be read
            pass
    valid = draft({name: value for name, value in values.items() if name not in invalid})
    for check in getattr(cls, "_invariants", ()):
        with contextlib.suppress(_UnreadError):  # across a field that is not valid
            found.extend(_at_field(cls, error) for error in check(valid))
    # What the constructor raised (one error, or a ProblemsError of several) is among
    # those found again; if none is found, it raised after its validators: kept, at its field.
    raised = [
        e
        for e in exc.exceptions
        if isinstance(e, InvalidValueError | ProblemsError) and not _at_attribute(e)
    ]
    if not found:
        if not raised:
            return exc
        found = [_at_field(cls, e) if isinstance(e, InvalidValueError) else e for e in raised]
    kept = [e for e in exc.exceptions if not any(e is r for r in raised)]
    return ClassValidationError(f"While structuring {cls.__name__}", [*kept, *found], cls)


def _at_attribute(exc: BaseException) -> bool:
    return any(isinstance(n, AttributeValidationNote) for n in getattr(exc, "__notes__", ()))


def _read(converter: Converter, a: attrs.Attribute[Any], data: dict[str, Any]) -> Any:
    """The value of field *a*: read from *data* by its hook, else its default."""
    if a.name in data:
        return converter.get_structure_hook(a.type)(data[a.name], a.type)
    default: Any = a.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return default.factory()  # the model has no takes_self factory (see DERIVED)
    return default  # a field without a default was reported missing by cattrs


def _converted(attribute: attrs.Attribute[Any], value: Any, record: _Draft) -> Any:
    """*value* through the field's converter, as ``__init__`` would (a derived one, with the record)."""
    convert: Any = attribute.converter
    if convert is None:
        return value
    if isinstance(convert, attrs.Converter):  # the model's are _checks.derived: takes_self
        return convert.converter(value, record)  # type: ignore[attr-defined]
    return convert(value)


_STEP = re.compile(r"(\w+)|\[(\d+)\]")
"""A step of a location in a record: a field's name, or ``[index]`` in a list."""


def _at_field(cls: type[Any], exc: InvalidValueError) -> Exception:
    """*exc*, noted as cattrs notes a failure, where its location in a *cls* record says.

    ``Cohort.end`` is at field ``end``; ``Cohort.sessions[4].id`` at field ``id`` of item 4
    of ``sessions``, each step a group of its own, as cattrs nests them. A location not in
    *cls* leaves *exc* where it is found.
    """
    prefix = f"{cls.__name__}."
    if not exc.location.startswith(prefix):
        return exc
    steps = [n or int(i) for n, i in _STEP.findall(exc.location.removeprefix(prefix))]
    placed: Exception = exc
    for depth in range(len(steps) - 1, -1, -1):
        step = steps[depth]
        if isinstance(step, int):
            note: Any = _note(step, None)
            group: Any = IterableValidationError
        else:
            note = AttributeValidationNote(f"Structuring class {cls.__name__} @ {step}", step, None)
            group = ClassValidationError
        placed.__notes__ = [*getattr(placed, "__notes__", []), note]
        if depth:
            placed = group(f"While structuring {cls.__name__}", [placed], cls)
    return placed


def _class_unstructurer(converter: Converter, cls: type[Any]) -> Callable[[Any], Any]:
    """The function cattrs generates writing a *cls* record as a dict, every field in order.

    A JSON document is written faster by :mod:`ledarskap.io._encode`; this one writes
    TOML and what :meth:`~cattrs.Converter.unstructure` is asked for.
    """
    attrs.resolve_types(cls)
    return make_dict_unstructure_fn(cls, converter)


class _Converter(Converter):
    """A cattrs converter whose :meth:`structure` raises the library's error, not cattrs'."""

    def structure(self, obj: Any, cl: Any) -> Any:
        """*obj* as a *cl*; :class:`~ledarskap.errors.DocumentError` listing every problem."""
        try:
            return super().structure(obj, cl)
        except DocumentError:
            raise
        except ProblemsError as exc:  # a record's invariants, without detailed validation
            problems = list(exc.problems)
        except Exception as exc:  # cattrs' groups, FieldError, a model invariant …
            problems = problems_of(exc)
        raise DocumentError(
            Text("data följer inte formatet", "the data does not match the format"), problems
        )


# The factory ---------------------------------------------------------------------------


def make_converter(*, flavour: Flavour = "json", detailed_validation: bool = True) -> Converter:
    """A new converter for every class of the model, to and from plain data.

    *flavour* ``"toml"`` keeps dates as :class:`datetime.date` and reads an absent optional
    key as ``None``. *detailed_validation* collects every problem of a structure (slower
    on errors only by a little); without it the first problem is raised.

    >>> import datetime as dt
    >>> from ledarskap import Mentorship
    >>> converter = make_converter()
    >>> pair = Mentorship(id="m-1", mentor_id="k-1", participant_id="d-1",
    ...                   start=dt.date(2025, 9, 12))
    >>> converter.unstructure(pair)
    {'id': 'm-1', 'mentor_id': 'k-1', 'participant_id': 'd-1', 'start': '2025-09-12', 'end': None, 'status': 'active', 'ended_by': None, 'end_reason': ''}
    >>> converter.structure(converter.unstructure(pair), Mentorship) == pair
    True

    .. versionadded:: 0.1
    """
    native_dates = checked_syntax(flavour, "make_converter(flavour)") == "toml"
    converter = _Converter(detailed_validation=detailed_validation, forbid_extra_keys=True)
    for kind, hook in leaf_readers().items():
        converter.register_structure_hook(kind, hook)
    converter.register_unstructure_hook(dt.date, identity if native_dates else dt.date.isoformat)
    for kind, code in CODES.items():
        converter.register_unstructure_hook(kind, operator.attrgetter(code))
    converter.register_unstructure_hook(Personnummer, Personnummer.reveal)

    def is_enum(kind: Any) -> bool:
        return isinstance(kind, type) and issubclass(kind, enum.Enum)

    converter.register_structure_hook_factory(is_enum, enum_structurer)
    converter.register_unstructure_hook_func(is_enum, lambda member: member.value)
    converter.register_structure_hook_factory(
        _is_tuple, lambda kind: _sequence_structurer(converter, kind, unique=False)
    )
    converter.register_structure_hook_factory(
        _is_frozenset, lambda kind: _sequence_structurer(converter, kind, unique=True)
    )
    converter.register_unstructure_hook_factory(
        _is_tuple, lambda kind: _tuple_unstructurer(converter, kind)
    )
    converter.register_unstructure_hook_factory(
        _is_frozenset, lambda kind: _set_unstructurer(converter, kind)
    )

    converter.register_structure_hook_factory(
        _is_optional, lambda kind: _optional_structurer(converter, kind)
    )
    converter.register_unstructure_hook_factory(
        _is_optional, lambda kind: _optional_unstructurer(converter, kind)
    )

    def is_model_class(kind: Any) -> bool:
        return kind in MODEL_CLASS_SET

    converter.register_structure_hook_factory(
        is_model_class,
        lambda cls: _class_structurer(converter, cls, absent_is_null=native_dates),
    )
    converter.register_unstructure_hook_factory(
        is_model_class, lambda cls: _class_unstructurer(converter, cls)
    )
    return converter

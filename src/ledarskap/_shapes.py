"""From a failed cattrs structure to the library's problems: one walker for every reader.

A cattrs converter with detailed validation raises nested exception groups whose notes
name the attribute or the index each failure happened at (cattrs' ``transform_error``
reads them the same way). :func:`failures` walks them and gives every leaf failure as a
:class:`Failure`: its key path (``("rules", 0, "when")``), the message ("expected …,
found …", the found value described by :func:`ledarskap._found.describe`), a stable code
and a hint. :func:`problems_of` turns them into :class:`~ledarskap.errors.Problem` values
with the path written the way the caller's format writes it: :func:`json_path`
(``$.participants[3].id``) or :func:`key_path` (``rules[0].when``).

No cattrs internals, ``KeyError`` or ``TypeError`` reach the user: each is a problem.

:func:`make_converter` makes the converter each reader starts from. A reader makes its own
for each read (no converter is shared, none is built at import), so making one must cost
little: it is cattrs' :class:`~cattrs.BaseConverter` (some 30 µs to make, where a
:class:`~cattrs.Converter` takes 200 µs and 400 µs more to generate each shape's code),
with the attrs shapes structured field by field with cattrs' detailed validation: every
failure of a table at once, as the same :class:`~cattrs.ClassValidationError` and notes
that cattrs' generated code raises.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from types import UnionType
from typing import TYPE_CHECKING, Any, Union, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from ledarskap._found import FieldError, did_you_mean, expected_found
from ledarskap.errors import InvalidValueError, Problem, ProblemsError, safe_repr
from ledarskap.text import Text

if TYPE_CHECKING:
    from ledarskap.errors import Wording

__all__ = [
    "Failure",
    "Keys",
    "failures",
    "json_path",
    "key_path",
    "make_converter",
    "problems_of",
]

Keys = tuple[str | int, ...]
"""Where a value is in a structure: the keys and indexes from its top (``("rules", 0)``)."""


@attrs.frozen
class Failure:
    """One leaf failure of a structure: where (*keys*, and below them *below*), what, a code.

    *text* and *hint_text* are in both languages (a :class:`~ledarskap.text.Text`);
    ``message`` and ``hint`` give their English.

    *below* is the rest of a path a nested reader already wrote (a document inside a
    document), appended to the path of *keys* as it is; *below_sv* its Swedish, where it
    holds words (``None``: the same in both languages).
    """

    keys: Keys
    text: Wording
    code: str
    hint_text: Wording | None = None
    below: str = ""
    below_sv: str | None = None

    @property
    def message(self) -> str:
        """What failed, in English."""
        return _english(self.text)

    @property
    def hint(self) -> str | None:
        """What was perhaps meant, in English."""
        return None if self.hint_text is None else _english(self.hint_text)


def _english(text: Wording) -> str:
    return text if isinstance(text, str) else text.en


_PATH = re.compile(r"[^\W\d]\w*")
"""A key written after a dot in a path: a name (any other key is quoted in brackets)."""


_LONGEST_KEY = 60
"""The most characters of a key a path or a message quotes: a file's keys may be any length."""


def _short(key: str) -> str:
    return key if len(key) <= _LONGEST_KEY else key[: _LONGEST_KEY - 1] + "…"


def json_path(keys: Sequence[str | int], root: str = "$") -> str:
    """``$.participants[3].id`` from ``("participants", 3, "id")``; odd keys in brackets.

    >>> json_path(("participants", 3, "id")), json_path(("a b",)), json_path(())
    ('$.participants[3].id', '$["a b"]', '$')
    """
    text = root
    for key in keys:
        if isinstance(key, int):
            text += f"[{key}]"
        elif len(key) <= _LONGEST_KEY and _PATH.fullmatch(key):
            text += f".{key}"
        else:
            text += f"[{json.dumps(_short(key), ensure_ascii=False)}]"
    return text


def key_path(keys: Sequence[str | int], root: str = "") -> str:
    """``applicant.reports_to[0]`` from ``("applicant", "reports_to", 0)``, as TOML writes it.

    >>> key_path(("applicant", "reports_to", 0)), key_path(("when",), "rules[0]")
    ('applicant.reports_to[0]', 'rules[0].when')
    """
    text = root
    for key in keys:
        if isinstance(key, int):
            text += f"[{key}]"
        else:
            text += f".{_short(key)}" if text else _short(key)
    return text


def failures(
    error: BaseException,
    *,
    required: Mapping[str, Wording] | None = None,
    unknown: str = "unknown-field",
    keys: Keys = (),
) -> Iterator[Failure]:
    """Every leaf failure of *error* (a cattrs error group, or a hook's own error).

    *required* says what a required key holds, for the message when it is left out
    (``"expected the rule's condition, found none"``; by default "a value"); *unknown* is
    the code of a key the shape does not know.

    >>> [f.message for f in failures(FieldError("text", 3, code="type"))]
    ['expected text, found the number 3']
    """
    if isinstance(error, ClassValidationError | IterableValidationError):
        for inner in error.exceptions:
            yield from failures(inner, required=required, unknown=unknown, keys=keys + _step(inner))
    elif isinstance(error, ForbiddenExtraKeysError):
        fields = [field.name for field in attrs.fields(error.cl)] if attrs.has(error.cl) else []
        for name in sorted(map(str, error.extra_fields)):
            key = safe_repr(name, _LONGEST_KEY)
            yield Failure(
                (*keys, name),
                Text(
                    f"okänd nyckel {key}: förväntade en av {', '.join(fields)}",
                    f"unknown key {key}: expected one of {', '.join(fields)}",
                ),
                unknown,
                did_you_mean(name, fields),
            )
    elif isinstance(error, FieldError):
        yield Failure(keys, error.text, error.code, error.hint_text)
    elif isinstance(error, KeyError):
        name = str(keys[-1]) if keys else ""
        what = (required or {}).get(name, _A_VALUE)
        en, sv = (what, what) if isinstance(what, str) else (what.en, what.sv or what.en)
        yield Failure(
            keys, Text(f"förväntade {sv}, fick inget", f"expected {en}, found none"), "missing"
        )
    elif isinstance(error, ProblemsError):  # a nested reader's problems, below *keys*
        for problem in error.problems:
            yield Failure(
                keys,
                _wording(problem.message, problem.message_sv),
                problem.code,
                _hint(problem),
                problem.path.removeprefix("$"),
                None if problem.path_sv is None else problem.path_sv.removeprefix("$"),
            )
    elif isinstance(error, InvalidValueError):  # a model's invariant, its notes said after
        notes = [
            note
            for note in getattr(error, "__notes__", ())
            if not isinstance(note, AttributeValidationNote | IterableValidationNote)
        ]
        expected = _wording(error.expected, error.expected_sv)
        if error.found_is_text:  # described as the readers describe a text found
            message = expected_found(expected, error.found)
        else:  # a number, a date …: as the error shows it (a repr), or its own words
            message = Text(
                f"förväntade {expected if isinstance(expected, str) else expected.sv or expected.en}"
                f", fick {error.found_sv}",
                f"expected {error.expected}, found {error.found}",
            )
        said = "".join(f"; {note}" for note in notes)  # a note is English
        yield Failure(
            keys,
            Text(message.sv + said, message.en + said),
            "invalid",
            None if error.hint is None else _wording(error.hint, error.hint_sv),
        )
    else:
        shown = f"{type(error).__name__}: {safe_repr(str(error), 120)}"
        yield Failure(
            keys, Text(f"ogiltigt värde ({shown})", f"invalid value ({shown})"), "invalid"
        )


_A_VALUE = Text("ett värde", "a value")


def _wording(english: str, swedish: str | None) -> Wording:
    """English and Swedish as one wording; English alone where no Swedish is known."""
    return english if swedish is None else Text(swedish, english)


def _hint(problem: Problem) -> Wording | None:
    return None if problem.hint is None else _wording(problem.hint, problem.hint_sv)


def _step(error: BaseException) -> Keys:
    for note in getattr(error, "__notes__", ()):
        if isinstance(note, AttributeValidationNote):
            return (note.name,)
        if isinstance(note, IterableValidationNote):
            index: Any = note.index
            return (index if isinstance(index, int) else str(index),)
    return ()


def problems_of(
    error: BaseException,
    path: Callable[[Keys], str] = json_path,
    *,
    required: Mapping[str, Wording] | None = None,
    unknown: str = "unknown-field",
) -> list[Problem]:
    """Every failure of *error* as a :class:`~ledarskap.errors.Problem`, its path by *path*.

    >>> problems_of(FieldError("text", 3, code="type"), lambda keys: json_path(keys, "$.name"))
    [Problem('$.name', 'expected text, found the number 3', code='type')]
    """
    problems = []
    for f in failures(error, required=required, unknown=unknown):
        where = path(f.keys)
        at = where + f.below if f.below_sv is None else Text(where + f.below_sv, where + f.below)
        problems.append(Problem(at, f.text, f.code, hint=f.hint_text))
    return problems


Hook = Callable[[Any, Any], Any]
"""A structure hook: the value, and the type it is read as."""


def make_converter(
    *, forbid_extra_keys: bool = True, hooks: Mapping[Any, Hook] | None = None
) -> cattrs.BaseConverter:
    """A converter of file shapes, cheap to make: attrs shapes structured with every failure.

    A key that no field names is a :class:`~cattrs.ForbiddenExtraKeysError` if
    *forbid_extra_keys*, else left aside. A shape is read from a table only, and a
    collection (``tuple[X, ...]``, ``frozenset[X]``) from a list only: anything else is
    "expected a table" or "expected a list". *hooks* are the caller's own, by type (a
    shape's fields find them first, without cattrs' dispatch, which a new converter makes
    slowly for each type); the caller may register more on the converter.

    >>> @attrs.frozen
    ... class Cohort:
    ...     id: str
    ...     size: int = 0
    >>> converter = make_converter()
    >>> converter.structure({"id": "c", "size": 3}, Cohort)
    Cohort(id='c', size=3)
    >>> try:
    ...     converter.structure({"size": True, "sise": 1}, Cohort)
    ... except cattrs.ClassValidationError as error:
    ...     for problem in problems_of(error):
    ...         print(problem)
    $.id: expected a value, found none
    $.sise: unknown key 'sise': expected one of id, size (did you mean 'size'?)
    """
    converter = cattrs.BaseConverter(detailed_validation=True)
    table: Mapping[Any, Hook] = hooks or {}
    known: dict[Any, Hook] = dict(table)

    def find(kind: Any) -> Hook:
        """The hook of *kind*, made once for this converter."""
        hook = known.get(kind)
        if hook is None:
            hook = known[kind] = _hook(converter, find, kind, forbid_extra_keys)
        return hook

    # cattrs' own dispatch (for what the caller structures itself) finds the same hooks.
    converter.register_structure_hook_factory(lambda kind: kind in table, lambda kind: table[kind])
    converter.register_structure_hook_factory(attrs.has, find)
    converter.register_structure_hook_factory(_listed, find)
    return converter


def _hook(
    converter: cattrs.BaseConverter,
    find: Callable[[Any], Hook],
    kind: Any,
    forbid_extra_keys: bool,
) -> Hook:
    """A new hook for *kind*: a shape's, a collection's, ``X | None``'s, else cattrs'."""
    if attrs.has(kind):
        return _shape_hook(find, kind, forbid_extra_keys=forbid_extra_keys)
    if _listed(kind):
        return _items_hook(find, kind)
    args = get_args(kind)
    if get_origin(kind) in (Union, UnionType) and len(args) == 2 and type(None) in args:
        inner = args[0] if args[1] is type(None) else args[1]
        read = find(inner)
        return lambda value, _: None if value is None else read(value, inner)
    if kind is Any or kind is object:
        return lambda value, _: value
    return converter.get_structure_hook(kind)


_A_LIST = Text("en lista", "a list")
_A_TABLE = Text("en tabell", "a table")


def _listed(kind: Any) -> bool:
    """Whether *kind* is a homogeneous collection: ``tuple[X, ...]``, ``frozenset[X]``."""
    args = get_args(kind)
    origin = get_origin(kind)
    if origin is tuple:
        return len(args) == 2 and args[1] is Ellipsis
    return origin in (list, frozenset, set)


def _items_hook(find: Callable[[Any], Hook], kind: Any) -> Hook:
    """Structure a collection from a list (never from a text), noting each failing item."""
    made = get_origin(kind)
    item = get_args(kind)[0]

    def structure(value: Any, _: type) -> Any:
        if not isinstance(value, list | tuple):
            raise FieldError(_A_LIST, value, code="type")
        items: list[Any] = []
        errors: list[Exception] = []
        hook = find(item)
        for index, raw in enumerate(value):
            try:
                items.append(hook(raw, item))
            except Exception as error:
                note = IterableValidationNote(f"Structuring {kind} @ index {index}", index, item)
                error.__notes__ = [*getattr(error, "__notes__", []), note]
                errors.append(error)
        if errors:
            raise IterableValidationError(f"While structuring {kind!r}", errors, kind)
        return made(items)

    return structure


def _shape_hook(find: Callable[[Any], Hook], shape: type[Any], *, forbid_extra_keys: bool) -> Hook:
    """Structure *shape* from a mapping, field by field; every failure in one error group."""
    fields = attrs.fields(attrs.resolve_types(shape))
    names = frozenset(field.name for field in fields)
    # Each field's hook, found when the shape is first read (a shape may hold itself).
    hooks: list[tuple[str, str, Any, Any, Callable[[Any, Any], Any]]] = []

    def found() -> list[tuple[str, str, Any, Any, Callable[[Any, Any], Any]]]:
        if not hooks:
            hooks.extend((f.name, f.alias, f.type, f.default, find(f.type)) for f in fields)
        return hooks

    def structure(value: Any, _: type) -> Any:
        if not isinstance(value, Mapping):
            raise FieldError(_A_TABLE, value, code="type")
        errors: list[Exception] = []
        made: dict[str, Any] = {}
        for name, alias, kind, default, hook in found():
            try:
                if name in value:
                    made[alias] = hook(value[name], kind)
                elif default is attrs.NOTHING:
                    raise KeyError(name)
            except Exception as error:
                note = f"Structuring class {shape.__qualname__} @ attribute {name}"
                error.__notes__ = [
                    *getattr(error, "__notes__", []),
                    AttributeValidationNote(note, name, kind),
                ]
                errors.append(error)
        if forbid_extra_keys and not names.issuperset(value):
            extra = {key for key in value if key not in names}
            errors.append(
                ForbiddenExtraKeysError(f"extra fields: {sorted(map(str, extra))}", shape, extra)
            )
        if errors:
            raise ClassValidationError(f"While structuring {shape.__name__}", errors, shape)
        return shape(**made)

    return structure

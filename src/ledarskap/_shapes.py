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
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

import attrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from ledarskap._found import FieldError, describe, did_you_mean
from ledarskap.errors import InvalidValueError, Problem, ProblemsError, safe_repr

__all__ = ["Failure", "Keys", "failures", "json_path", "key_path", "problems_of"]

Keys = tuple[str | int, ...]
"""Where a value is in a structure: the keys and indexes from its top (``("rules", 0)``)."""


@attrs.frozen
class Failure:
    """One leaf failure of a structure: where (*keys*, and below them *below*), what, a code.

    *below* is the rest of a path a nested reader already wrote (a document inside a
    document), appended to the path of *keys* as it is.
    """

    keys: Keys
    message: str
    code: str
    hint: str | None = None
    below: str = ""


def json_path(keys: Sequence[str | int], root: str = "$") -> str:
    """``$.participants[3].id`` from ``("participants", 3, "id")``; odd keys in brackets.

    >>> json_path(("participants", 3, "id")), json_path(("a b",)), json_path(())
    ('$.participants[3].id', '$["a b"]', '$')
    """
    text = root
    for key in keys:
        if isinstance(key, int):
            text += f"[{key}]"
        elif key.isidentifier():
            text += f".{key}"
        else:
            text += f"[{json.dumps(key, ensure_ascii=False)}]"
    return text


def key_path(keys: Sequence[str | int], root: str = "") -> str:
    """``applicant.reports_to[0]`` from ``("applicant", "reports_to", 0)``, as TOML writes it.

    >>> key_path(("applicant", "reports_to", 0)), key_path(("when",), "rules[0]")
    ('applicant.reports_to[0]', 'rules[0].when')
    """
    text = root
    for key in keys:
        text += f"[{key}]" if isinstance(key, int) else (f".{key}" if text else str(key))
    return text


def failures(
    error: BaseException,
    *,
    required: Mapping[str, str] | None = None,
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
            yield Failure(
                (*keys, name),
                f"unknown key {name!r}: expected one of {', '.join(fields)}",
                unknown,
                did_you_mean(name, fields),
            )
    elif isinstance(error, FieldError):
        yield Failure(keys, str(error), error.code, error.hint)
    elif isinstance(error, KeyError):
        name = str(keys[-1]) if keys else ""
        what = (required or {}).get(name, "a value")
        yield Failure(keys, f"expected {what}, found none", "missing")
    elif isinstance(error, ProblemsError):  # a nested reader's problems, below *keys*
        for problem in error.problems:
            below = problem.path.removeprefix("$")
            yield Failure(keys, problem.message, problem.code, problem.hint, below)
    elif isinstance(error, InvalidValueError):
        yield Failure(keys, f"expected {error.expected}, found {describe(error.found)}", "invalid")
    else:
        message = f"invalid value ({type(error).__name__}: {safe_repr(str(error), 120)})"
        yield Failure(keys, message, "invalid")


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
    required: Mapping[str, str] | None = None,
    unknown: str = "unknown-field",
) -> list[Problem]:
    """Every failure of *error* as a :class:`~ledarskap.errors.Problem`, its path by *path*.

    >>> problems_of(FieldError("text", 3, code="type"), lambda keys: json_path(keys, "$.name"))
    [Problem('$.name', 'expected text, found the number 3', code='type')]
    """
    return [
        Problem(path(f.keys) + f.below, f.message, f.code, hint=f.hint)
        for f in failures(error, required=required, unknown=unknown)
    ]

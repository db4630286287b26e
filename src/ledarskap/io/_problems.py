"""Turn the exceptions of a failed structure into :class:`~ledarskap.errors.Problem` values.

A cattrs converter with detailed validation raises nested exception groups whose notes
name the attribute or index each failure happened at. :func:`problems_of` walks them,
building the JSON path (``$.participants[12].municipality``), and renders each leaf as
"expected …, found …" with personal data masked. No cattrs internals, ``KeyError`` or
``TypeError`` reach the user: each becomes a problem with a stable code.

:class:`FieldError` is what the converter's hooks raise for a value of the wrong type or
form; it is defined here, below the converter, as the problems are read from it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import attrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from ledarskap._found import describe, did_you_mean
from ledarskap.errors import (
    InvalidValueError,
    LedarskapError,
    Problem,
    Problems,
    ProblemsError,
    mask_personal_data,
    safe_repr,
)

__all__ = ["FieldError", "json_path_to_key_path", "problems_of"]


class FieldError(LedarskapError, ValueError):
    """A value of the wrong type or form: what was expected, what was found (masked).

    ``code`` is the stable problem code: ``"type"`` (wrong JSON type), ``"invalid"``
    (right type, wrong value), ``"missing"``, ``"unknown-field"``.

    >>> str(FieldError("a whole number", "3", code="type"))
    "expected a whole number, found text '3'"
    """

    def __init__(self, expected: str, found: object, *, code: str = "invalid") -> None:
        self.expected = expected
        self.found = describe(found)
        self.code = code
        super().__init__(f"expected {expected}, found {self.found}")


def problems_of(exc: BaseException, path: str = "$") -> list[Problem]:
    """Every problem in *exc*, each located by its JSON path below *path*.

    >>> problems_of(FieldError("text", 3, code="type"), "$.name")
    [Problem('$.name', 'expected text, found the number 3', code='type')]
    """
    problems = Problems()
    problems.extend(_walk(exc, path))
    return list(problems)


def _walk(exc: BaseException, path: str) -> Iterator[Problem]:
    if isinstance(exc, ClassValidationError | IterableValidationError):
        for inner in exc.exceptions:
            yield from _walk(inner, _step(inner, path))
        return
    if isinstance(exc, ForbiddenExtraKeysError):
        yield from _unknown_fields(exc, path)
        return
    if isinstance(exc, ProblemsError):  # the converter's own error, read again below *path*
        for problem in exc.problems:
            yield Problem(path + problem.path.removeprefix("$"), problem.message, problem.code)
        return
    yield _leaf(exc, path)


def _unknown_fields(exc: ForbiddenExtraKeysError, path: str) -> Iterator[Problem]:
    """One problem per unknown key, located at the key itself."""
    fields = _fields(exc.cl)
    for name in sorted(exc.extra_fields, key=str):
        hint = did_you_mean(name, fields, cutoff=0.7)
        yield Problem(
            mask_personal_data(_key(path, str(name))),
            f"unknown field {str(name)!r}{f' ({hint})' if hint else ''}: "
            "expected only the fields " + ", ".join(fields),
            code="unknown-field",
        )


def _key(path: str, name: str) -> str:
    """The JSON path of key *name* of the object at *path*: dotted, or bracketed if it must be."""
    return (
        f"{path}.{name}"
        if name.isidentifier()
        else f"{path}[{json.dumps(name, ensure_ascii=False)}]"
    )


def _step(exc: BaseException, path: str) -> str:
    for note in getattr(exc, "__notes__", ()):
        if isinstance(note, AttributeValidationNote):
            return f"{path}.{note.name}"
        if isinstance(note, IterableValidationNote):
            return (
                f"{path}[{note.index}]" if isinstance(note.index, int) else f"{path}.{note.index}"
            )
    return path


def _leaf(exc: BaseException, path: str) -> Problem:
    if isinstance(exc, FieldError):
        return Problem(path, str(exc), code=exc.code)
    if isinstance(exc, KeyError):
        return Problem(path, "expected a value, found none: the field is required", "missing")
    if isinstance(exc, InvalidValueError):
        extra = "".join(f"; {note}" for note in getattr(exc, "__notes__", ()) if _plain(note))
        return Problem(path, f"expected {exc.expected}, found {safe_repr(exc.found)}{extra}")
    return Problem(path, f"invalid value ({type(exc).__name__}: {safe_repr(str(exc), 120)})")


def _plain(note: object) -> bool:
    return not isinstance(note, AttributeValidationNote | IterableValidationNote)


def _fields(cls: Any) -> list[str]:
    return [a.name for a in attrs.fields(cls)] if attrs.has(cls) else []


def json_path_to_key_path(path: str) -> str:
    """A TOML key path from a JSON path: ``$.participants[3].id`` → ``participants[3].id``.

    >>> json_path_to_key_path("$.participants[3].id"), json_path_to_key_path("$")
    ('participants[3].id', '(top level)')
    """
    return path.removeprefix("$").removeprefix(".") or "(top level)"

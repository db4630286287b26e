"""Turn the exceptions of a failed structure into :class:`~ledarskap.errors.Problem` values.

A cattrs converter with detailed validation raises nested exception groups whose notes
name the attribute or index each failure happened at. :func:`problems_of` walks them,
building the JSON path (``$.participants[12].municipality``), and renders each leaf as
"expected …, found …" with personal data masked. No cattrs internals, ``KeyError`` or
``TypeError`` reach the user: each becomes a problem with a stable code.
"""

from __future__ import annotations

import difflib
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

from ledarskap.errors import InvalidValueError, Problem, mask_personal_data, safe_repr

from ._convert import FieldError

__all__ = ["json_path_to_key_path", "problems_of"]


def problems_of(exc: BaseException, path: str = "$") -> list[Problem]:
    """Every problem in *exc*, each located by its JSON path below *path*."""
    return list(_walk(exc, path))


def _walk(exc: BaseException, path: str) -> Iterator[Problem]:
    if isinstance(exc, ClassValidationError | IterableValidationError):
        for inner in exc.exceptions:
            yield from _walk(inner, _step(inner, path))
        return
    if isinstance(exc, ForbiddenExtraKeysError):
        yield from _unknown_fields(exc, path)
        return
    yield _leaf(exc, path)


def _unknown_fields(exc: ForbiddenExtraKeysError, path: str) -> Iterator[Problem]:
    """One problem per unknown key, located at the key itself."""
    fields = _fields(exc.cl)
    for name in sorted(exc.extra_fields, key=str):
        near = difflib.get_close_matches(str(name), fields, n=1, cutoff=0.7)
        hint = f" (did you mean {near[0]!r}?)" if near else ""
        yield Problem(
            mask_personal_data(_key(path, str(name))),
            f"unknown field {str(name)!r}{hint}: expected only the fields " + ", ".join(fields),
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
    """A TOML key path from a JSON path: ``$.participants[3].id`` → ``participants[3].id``."""
    return path.removeprefix("$").removeprefix(".") or "(top level)"

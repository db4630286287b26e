"""The problems of a program document: cattrs' errors walked, paths written as JSON paths.

A converter with detailed validation raises nested exception groups; the one walker of
the library (:func:`ledarskap._shapes.problems_of`) turns them into
:class:`~ledarskap.errors.Problem` values, each "expected …, found …" with the found value
described and masked. A document's problems are located by JSON path
(``$.participants[12].municipality``), the key of an unknown field masked (a key may be
personal data written in the wrong place).

:class:`~ledarskap._found.FieldError` is what the converters' hooks raise; it is
re-exported here, beside the walk that reads it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ledarskap._found import FieldError
from ledarskap.errors import Problem, mask_personal_data

if TYPE_CHECKING:
    from ledarskap._shapes import Keys

__all__ = ["FieldError", "json_path_to_key_path", "problems_of"]


def problems_of(exc: BaseException, path: str = "$") -> list[Problem]:
    """Every problem in *exc*, each located by its JSON path below *path*.

    >>> problems_of(FieldError("text", 3, code="type"), "$.name")
    [Problem('$.name', 'expected text, found the number 3', code='type')]
    """
    # The walker imports cattrs: only a document with problems needs it.
    from ledarskap._shapes import json_path
    from ledarskap._shapes import problems_of as walk

    def where(keys: Keys) -> str:
        return mask_personal_data(json_path(keys, path))

    return walk(exc, where)


def json_path_to_key_path(path: str) -> str:
    """A TOML key path from a JSON path: ``$.participants[3].id`` → ``participants[3].id``.

    >>> json_path_to_key_path("$.participants[3].id"), json_path_to_key_path("$")
    ('participants[3].id', '(top level)')
    """
    return path.removeprefix("$").removeprefix(".") or "(top level)"

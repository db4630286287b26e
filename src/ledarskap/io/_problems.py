"""The problems of a program document: cattrs' errors walked, paths written as JSON paths.

A converter with detailed validation raises nested exception groups; the one walker of
the library (:func:`ledarskap._shapes.problems_of`) turns them into
:class:`~ledarskap.errors.Problem` values, each "expected …, found …" with the found value
described and masked. A document's problems are located by JSON path
(``$.participants[12].municipality``), the key of an unknown field masked (a key may be
personal data written in the wrong place).

:class:`~ledarskap._found.FieldError` is what the converters' hooks raise; it is
re-exported here, beside the walk that reads it. A problem moved elsewhere (a TOML key
path for a JSON path, a hint added) keeps its Swedish: :func:`moved`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ledarskap._found import FieldError
from ledarskap.errors import Problem, mask_personal_data
from ledarskap.text import Text

if TYPE_CHECKING:
    from ledarskap._shapes import Keys
    from ledarskap.errors import Wording

__all__ = [
    "FILE_NAME",
    "TOP",
    "FieldError",
    "hint_of",
    "json_path_to_key_path",
    "key_path_of",
    "message_of",
    "moved",
    "number_sv",
    "prefixed",
    "problems_of",
    "wording",
]


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


FILE_NAME = Text("(filnamn)", "(file name)")
"""The path of a problem with a file's name (its suffix), not its content."""

TOP = Text("(översta nivån)", "(top level)")
"""The path of the whole document, where a problem has no key."""


def key_path_of(path: str) -> Wording:
    """:func:`json_path_to_key_path`, the top level named in both languages.

    >>> key_path_of("$.participants[3].id"), key_path_of("$").sv
    ('participants[3].id', '(översta nivån)')
    """
    key_path = json_path_to_key_path(path)
    return TOP if key_path == TOP.en else key_path


def json_path_to_key_path(path: str) -> str:
    """A TOML key path from a JSON path: ``$.participants[3].id`` → ``participants[3].id``.

    >>> json_path_to_key_path("$.participants[3].id"), json_path_to_key_path("$")
    ('participants[3].id', '(top level)')
    """
    return path.removeprefix("$").removeprefix(".") or "(top level)"


def wording(english: str, swedish: str | None) -> Wording:
    """*english* and *swedish* as one wording; the English alone where no Swedish is known.

    >>> wording("a date", "ett datum"), wording("a date", None)
    (Text(sv='ett datum', en='a date'), 'a date')
    """
    return english if swedish is None else Text(swedish, english)


def message_of(problem: Problem) -> Wording:
    """What *problem* says, in both languages where it has both."""
    return wording(problem.message, problem.message_sv)


def hint_of(problem: Problem) -> Wording | None:
    """*problem*'s hint, in both languages where it has both (``None``: no hint)."""
    return None if problem.hint is None else wording(problem.hint, problem.hint_sv)


def moved(problem: Problem, *, path: Wording | None = None, **changes: Any) -> Problem:
    """*problem* with some of its parts changed (``path``, ``source``, ``hint`` …), its Swedish kept.

    >>> problem = Problem("$.a", Text("förväntade text", "expected text"))
    >>> moved(problem, path="a").render("sv")
    'a: förväntade text'
    """
    parts: dict[str, Any] = {
        "message": message_of(problem),
        "code": problem.code,
        "source": problem.source,
        "line": problem.line,
        "row": problem.row,
        "column": problem.column,
        "hint": hint_of(problem),
        "excerpt": problem.excerpt,
    }
    parts.update(changes)
    return Problem(wording(problem.path, problem.path_sv) if path is None else path, **parts)


def prefixed(prefix: str, text: Text) -> Text:
    """*text* after *prefix* (a name, not a word: the same in both languages) and a colon.

    >>> prefixed("columns", Text("förväntade en tabell", "expected a table")).en
    'columns: expected a table'
    """
    return Text(f"{prefix}: {text.sv}", f"{prefix}: {text.en}")


def number_sv(number: int) -> str:
    r"""*number* as Swedish writes it, its thousands set apart by a no-break space.

    A number of ten digits or more keeps the English commas: digits set apart by spaces
    would read as a personnummer, and be masked.

    >>> number_sv(100_000), number_sv(32_767), number_sv(4_294_967_296)
    ('100\xa0000', '32\xa0767', '4,294,967,296')
    """
    grouped = f"{number:,}"
    return grouped if abs(number) >= 10**9 else grouped.replace(",", "\u00a0")

"""Plain data read back with its shape checked: each problem with its path, all at once.

What :meth:`~ledarskap.mentoring.proposals.Proposal.from_data` reads with: a value of
the wrong type, a missing key, an unknown municipality code or label is a problem at its
JSON path (``$.pairs[0].place``), collected, and the reading goes on with ``None``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from ledarskap._found import expected_found
from ledarskap.errors import LedarskapError, Problems
from ledarskap.model import Municipality, municipality
from ledarskap.text import LabelledEnum, Text

__all__ = ["Reader"]

E = TypeVar("E", bound=LabelledEnum)

_KINDS: dict[type | tuple[type, ...], Text] = {
    str: Text("en text", "a text"),
    bool: Text("sant eller falskt", "true or false"),
    int: Text("ett heltal, högst 10^15 till beloppet", "a whole number of at most 10^15 in size"),
    (int, float): Text("ett tal, högst 10^15 till beloppet", "a number of at most 10^15 in size"),
    list: Text("en lista", "a list"),
    dict: Text("ett objekt", "an object"),
}


class Reader:
    """Checked reads of plain data; ``problems`` collects what does not fit."""

    def __init__(self) -> None:
        self.problems = Problems()

    def value(self, value: Any, kind: Any, path: str) -> Any:
        """*value* if it is of *kind*, else a problem at *path* and ``None``.

        *kind* is ``str``, ``int``, ``bool``, ``(int, float)`` or ``list``.
        """
        if _fits(value, kind):
            return value
        self.problems.add(path, expected_found(_KINDS[kind], value), "type")
        return None

    def field(self, data: Mapping[str, Any], key: str, kind: Any, path: str) -> Any:
        """``data[key]`` if it is of *kind*; else a problem at ``path.key`` and ``None``."""
        return self.value(data.get(key), kind, f"{path}.{key}")

    def items(self, data: Mapping[str, Any], key: str, path: str) -> list[tuple[str, Any]]:
        """The items of the list ``data[key]``, each with its path."""
        values = self.field(data, key, list, path)
        return [(f"{path}.{key}[{i}]", item) for i, item in enumerate(values or ())]

    def objects(
        self, data: Mapping[str, Any], key: str, path: str
    ) -> list[tuple[str, Mapping[str, Any]]]:
        """The objects in the list ``data[key]``, each with its path; others are problems."""
        found = [(where, self.mapping(item, where)) for where, item in self.items(data, key, path)]
        return [(where, item) for where, item in found if item is not None]

    def texts(self, data: Mapping[str, Any], key: str, path: str) -> tuple[str, ...] | None:
        """The list of texts ``data[key]``, or ``None`` if it is not one."""
        if not isinstance(data.get(key), list):
            self.field(data, key, list, path)
            return None
        texts = [self.value(item, str, where) for where, item in self.items(data, key, path)]
        return None if None in texts else tuple(texts)

    def mapping(self, value: Any, path: str) -> Mapping[str, Any] | None:
        """*value* if it is an object; else a problem and ``None``."""
        if isinstance(value, Mapping):
            return value
        self.problems.add(path, expected_found(_KINDS[dict], value), "type")
        return None

    def municipality(self, code: Any, path: str) -> Municipality | None:
        """The municipality of the SCB code *code*."""
        if self.value(code, str, path) is None:
            return None
        try:
            return municipality(code, location=path)
        except LedarskapError as error:
            # The error's message without its location (the problem's path says where).
            what = Text(error.render("sv").partition(": ")[2], str(error).partition(": ")[2])
            self.problems.add(path, what, "municipality")
            return None

    def member(self, kind: type[E], value: Any, path: str) -> E | None:
        """The member of *kind* with this value."""
        try:
            return kind(value)
        except ValueError:
            known = ", ".join(repr(m.value) for m in kind)
            one_of = Text(f"en av {known}", f"one of {known}")
            self.problems.add(path, expected_found(one_of, value), "value")
            return None


_LARGEST = 10**15
"""The largest number proposal data holds: scores and places are far smaller; more, or
NaN or an infinity, would overflow what is made of it."""


def _fits(value: Any, kind: Any) -> bool:
    if kind is int or kind == (int, float):
        # Compared, not converted: NaN fails, a huge int never overflows.
        return (
            isinstance(value, kind)
            and not isinstance(value, bool)
            and -_LARGEST <= value <= _LARGEST
        )
    return isinstance(value, kind)

"""The shape of decision data (``ledarskap.decision/1``), read with cattrs.

:meth:`Decision.to_data <ledarskap.eligibility.Decision.to_data>` writes plain data; this
module describes that data as attrs classes (:class:`DecisionData`, :class:`ResultData`,
:class:`NodeData`) and structures it with a converter made here, with detailed validation:
every problem at once, each at its JSON path (``$.rules[0].tree.children[1].result``) with
what was expected and what was found, as one :class:`~ledarskap.errors.RuleError`.
Keys the format does not know are left aside, as before.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn

from ledarskap._found import describe
from ledarskap.errors import Problems, RuleError

from .truth import Outcome, Truth

__all__ = ["DECISION_FORMAT", "DecisionData", "NodeData", "ResultData", "read"]

DECISION_FORMAT = "ledarskap.decision/1"
"""The ``format`` tag of decision data."""

MAX_DEPTH = 200
"""How deep decision trees may nest in data read back."""

T = TypeVar("T")


class Level(enum.Enum):
    """How binding a rule was, as decision data writes it."""

    REQUIRED = "required"
    ADVISORY = "advisory"


@attrs.frozen
class NodeData:
    """A node of a decision tree as data."""

    path: str
    code: str
    result: Truth
    rule: str | None = None
    seen: Any = None
    expected: Any = None
    missing: tuple[str, ...] | None = None
    children: tuple[NodeData, ...] | None = None


@attrs.frozen
class ResultData:
    """One rule's result as data."""

    id: str
    version: str
    level: Level
    result: Truth
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    tree: NodeData | None = None


@attrs.frozen
class DecisionData:
    """A whole decision as data (after its ``format`` tag is checked)."""

    outcome: Outcome
    as_of: dt.date
    ruleset: str
    ruleset_version: str
    application_id: str | None = None
    rules: tuple[ResultData, ...] | None = None
    reasons: tuple[NodeData, ...] | None = None
    warnings: tuple[NodeData, ...] | None = None
    missing_facts: tuple[str, ...] | None = None
    facts: dict[str, Any] | None = None


def _text(value: object, _: type) -> str:
    if isinstance(value, str):
        return value
    raise ValueError(f"expected text, found {describe(value)}")


def _date(value: object, _: type) -> dt.date:
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(f"expected a date as YYYY-MM-DD, found {describe(value)}")


def _choice(kind: type[enum.Enum]) -> Callable[[object, type], enum.Enum]:
    values = [member.value for member in kind]

    def structure(value: object, _: type) -> enum.Enum:
        if isinstance(value, str) and value in values:
            return kind(value)
        raise ValueError(f"expected one of {', '.join(values)}, found {describe(value)}")

    return structure


def _table(value: object, _: type) -> dict[str, Any]:
    if isinstance(value, Mapping):
        return dict(value)
    raise ValueError(f"expected a table, found {describe(value)}")


def make_converter() -> cattrs.Converter:
    """The converter of decision data: its own hooks, on no shared converter."""
    converter = cattrs.Converter(detailed_validation=True)
    converter.register_structure_hook(str, _text)
    converter.register_structure_hook(dt.date, _date)
    for kind in (Outcome, Truth, Level):
        converter.register_structure_hook(kind, _choice(kind))
    converter.register_structure_hook_func(lambda kind: kind == dict[str, Any], _table)
    for shape in (NodeData, ResultData, DecisionData):
        converter.register_structure_hook(shape, _tabled(converter, shape))
    return converter


def _tabled(converter: cattrs.Converter, shape: type[T]) -> Callable[[object, type], T]:
    """Structure *shape* from a table; anything else is "expected a table"."""
    inner = make_dict_structure_fn(shape, converter)

    def structure(value: object, kind: type) -> T:
        if not isinstance(value, Mapping):
            raise ValueError(f"expected a table, found {describe(value)}")
        for key in ("children", "rules", "reasons", "warnings", "missing", "missing_facts"):
            if value.get(key) is not None and not isinstance(value[key], list | tuple):
                raise _KeyProblem(key, f"expected a list, found {describe(value[key])}")
        return inner(value, kind)

    return structure


class _KeyProblem(ValueError):  # noqa: N818  # a problem to report, not an error to raise
    """A problem of one key of a table, raised before cattrs reads the table."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key


_CONVERTER = make_converter()


def _depth(value: object, depth: int = 0) -> int:
    if depth > MAX_DEPTH or not isinstance(value, Mapping):
        return depth
    children = value.get("children")
    if not isinstance(children, list | tuple):
        return depth
    return max((_depth(child, depth + 1) for child in children), default=depth)


def read(data: object, shape: type[T], summary: str) -> T:
    """*data* structured as *shape*; every problem at once as a :class:`RuleError`."""
    problems = Problems()
    if isinstance(data, Mapping) and _depth(data) > MAX_DEPTH:
        problems.add("$", f"nested more than {MAX_DEPTH} deep", "depth")
        problems.raise_if_any(RuleError, summary)
    try:
        return _CONVERTER.structure(data, shape)
    except Exception as error:  # every failure becomes a located problem
        for path, message, code in _flatten(error, "$"):
            problems.add(path, message, code)
    problems.raise_if_any(RuleError, summary)
    raise AssertionError  # pragma: no cover  # a failed structure has a problem


def _flatten(error: BaseException, path: str) -> list[tuple[str, str, str]]:
    """``(path, message, code)`` for every leaf failure of a cattrs error group."""
    if isinstance(error, _KeyProblem):
        return [(f"{path}.{error.key}", str(error), "type")]
    if isinstance(error, BaseExceptionGroup):
        found: list[tuple[str, str, str]] = []
        for inner in error.exceptions:
            found.extend(_flatten(inner, _note_path(inner, path)))
        return found
    if isinstance(error, KeyError):
        key = path.rpartition(".")[2]
        return [(path, f"expected the key {key!r}, as to_data() writes it", "missing")]
    message = str(error)
    return [(path, message, "type" if message.startswith("expected a") else "invalid")]


def _note_path(error: BaseException, path: str) -> str:
    for note in getattr(error, "__notes__", ()):
        if isinstance(note, cattrs.AttributeValidationNote):
            return f"{path}.{note.name}"
        if isinstance(note, cattrs.IterableValidationNote):
            return f"{path}[{note.index}]"
    return path

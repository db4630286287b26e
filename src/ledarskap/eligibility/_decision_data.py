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
from typing import TYPE_CHECKING, Any, TypeVar

import attrs
import cattrs
from cattrs.errors import BaseValidationError

from ledarskap._found import FieldError, read_iso_date
from ledarskap._shapes import json_path, problems_of
from ledarskap._shapes import make_converter as base_converter
from ledarskap.errors import Problems, RuleError
from ledarskap.text import Text

from ._levels import RuleLevel
from .truth import Outcome, Truth

if TYPE_CHECKING:
    from ledarskap.errors import Wording

__all__ = ["DECISION_FORMAT", "DecisionData", "NodeData", "ResultData", "make_converter", "read"]

DECISION_FORMAT = "ledarskap.decision/1"
"""The ``format`` tag of decision data."""

MAX_DEPTH = 200
"""How deep decision trees may nest in data read back."""

T = TypeVar("T")


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
    level: RuleLevel
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
    raise FieldError(Text("text", "text"), value, code="type")


def _date(value: object, _: type) -> dt.date:
    return read_iso_date(value)


def _choice(kind: type[enum.Enum]) -> Callable[[object, type], enum.Enum]:
    values = [member.value for member in kind]

    def structure(value: object, _: type) -> enum.Enum:
        if isinstance(value, str) and value in values:
            return kind(value)
        listed = ", ".join(values)
        raise FieldError(Text(f"en av {listed}", f"one of {listed}"), value)

    return structure


def _table(value: object, _: type) -> dict[str, Any]:
    if isinstance(value, Mapping):
        return dict(value)
    raise FieldError(Text("en tabell", "a table"), value, code="type")


def make_converter() -> cattrs.BaseConverter:
    """A converter of decision data, made for each read: its own hooks, on no shared converter.

    Making one costs tens of microseconds (:func:`ledarskap._shapes.make_converter`).
    """
    hooks: dict[Any, Callable[[Any, Any], Any]] = {
        str: _text,
        dt.date: _date,
        dict[str, Any]: _table,
        **{kind: _choice(kind) for kind in (Outcome, Truth, RuleLevel)},
    }
    return base_converter(forbid_extra_keys=False, hooks=hooks)


_NESTING = 2 * MAX_DEPTH + 8
"""How deep tables and lists may nest in decision data: a node and its list of children
are two levels, and a rule nests at most ``MAX_DEPTH`` deep."""


def _too_deep(value: object) -> bool:
    """Whether tables and lists nest deeper than :data:`_NESTING` anywhere in *value*."""
    pending: list[tuple[object, int]] = [(value, 0)]
    while pending:
        item, depth = pending.pop()
        if depth > _NESTING:
            return True
        if isinstance(item, Mapping):
            pending.extend((child, depth + 1) for child in item.values())
        elif isinstance(item, list | tuple):
            pending.extend((child, depth + 1) for child in item)
    return False


def read(data: object, shape: type[T], summary: Wording) -> T:
    """*data* structured as *shape*; every problem at once as a :class:`RuleError`."""
    problems = Problems()
    if _too_deep(data):
        problems.add(
            "$",
            Text(
                f"tabeller och listor nästlade djupare än {_NESTING} nivåer",
                f"tables and lists nested more than {_NESTING} deep",
            ),
            "depth",
        )
        problems.raise_if_any(RuleError, summary)
    try:
        return make_converter().structure(data, shape)
    except (BaseValidationError, ValueError, TypeError, KeyError) as error:
        problems.extend(problems_of(error, json_path))  # every failure a located problem
    problems.raise_if_any(RuleError, summary)
    raise AssertionError  # pragma: no cover  # a failed structure has a problem

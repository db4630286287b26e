"""Decision trees: the nodes that mirror a rule, and each rule's result, as plain values.

A :class:`DecisionNode` is one node of the tree an explanation builds; a
:class:`RuleResult` one rule version as applied, with its tree. They are named tuples
(immutable, cheap to make: a decision has a dozen of them). :func:`leaves_explaining`
finds the leaves that explain a result: a decision's reasons, warnings and grounds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any, NamedTuple

from ledarskap.errors import mask_personal_data
from ledarskap.text import Text

from ._decision_data import NodeData, ResultData, read
from .truth import Truth

__all__ = [
    "DecisionNode",
    "RuleResult",
    "leaves_explaining",
    "masked",
    "node_of",
    "result_of",
]


def masked(value: Any) -> Any:
    """*value* (plain data) with personal data masked in every text in it."""
    if isinstance(value, str):
        return mask_personal_data(value)
    if isinstance(value, dict):
        return {masked(k): masked(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [masked(item) for item in value]
    return value


def _masked_repr(value: tuple[Any, ...]) -> str:
    """A named tuple's repr with personal data masked (a seen value may hold some)."""
    fields = ", ".join(f"{name}={item!r}" for name, item in zip(value._fields, value, strict=True))  # type: ignore[attr-defined]
    return mask_personal_data(f"{type(value).__name__}({fields})")


class DecisionNode(NamedTuple):
    """One node of a decision tree, mirroring one node of the rule.

    ``path`` locates it (``"role[1]"``: the second condition of the rule ``role``);
    ``code`` is stable: a predicate's name, ``"<field>.<op>"`` for a comparison (``op`` one
    of ``eq ne in not_in lt le gt ge``), ``"all_of"``, ``"any_of"`` or ``"not"``, or a
    decision-level code such as ``"no_rule_in_force"``. ``seen`` and ``expected`` are plain
    data; ``missing`` names the facts that were unknown at this node.

    A node is a named tuple (immutable, cheap to make: a decision has a dozen of them);
    build it with keywords.
    """

    path: str
    code: str
    result: Truth
    rule: str = ""
    seen: Any = None
    expected: Any = None
    missing: tuple[str, ...] = ()

    def __repr__(self) -> str:
        return _masked_repr(self)

    children: tuple[DecisionNode, ...] = ()

    def walk(self) -> Iterator[DecisionNode]:
        """This node and every node below it, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def key(self) -> str:
        """``"<code>=<result>"``: what bulk summaries count reasons by."""
        return f"{self.code}={self.result.value}"

    def to_data(self) -> dict[str, Any]:
        """This node as plain data; the values seen and expected with personal data masked."""
        data: dict[str, Any] = {"path": self.path, "code": self.code, "result": self.result.value}
        if self.rule:
            data["rule"] = self.rule
        if self.seen is not None:
            data["seen"] = masked(self.seen)
        if self.expected is not None:
            data["expected"] = masked(self.expected)
        if self.missing:
            data["missing"] = list(self.missing)
        if self.children:
            data["children"] = [c.to_data() for c in self.children]
        return data

    @classmethod
    def from_data(cls, data: object) -> DecisionNode:
        """The node :meth:`to_data` wrote; unreadable data is a RuleError naming each path."""
        return node_of(read(data, NodeData, Text("inte en beslutsnod", "not a decision node")))


class RuleResult(NamedTuple):
    """One rule (entry) of the rule set as it was applied: which version, how binding, result.

    ``level`` is ``"required"`` or ``"advisory"``; ``tree`` is ``None`` when the decision
    was made without explanations. A named tuple, like :class:`DecisionNode`.
    """

    id: str
    version: str
    level: str
    result: Truth
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    tree: DecisionNode | None = None

    def __repr__(self) -> str:
        return _masked_repr(self)

    def to_data(self) -> dict[str, Any]:
        """This result as plain data."""
        data: dict[str, Any] = {
            "id": self.id,
            "version": self.version,
            "level": self.level,
            "result": self.result.value,
            "valid_from": None if self.valid_from is None else self.valid_from.isoformat(),
            "valid_to": None if self.valid_to is None else self.valid_to.isoformat(),
        }
        if self.tree is not None:
            data["tree"] = self.tree.to_data()
        return data

    @classmethod
    def from_data(cls, data: object) -> RuleResult:
        """The result :meth:`to_data` wrote; unreadable data is a RuleError naming each path."""
        return result_of(
            read(data, ResultData, Text("inte ett regelresultat", "not a rule result"))
        )


_NOT = {Truth.TRUE: Truth.FALSE, Truth.FALSE: Truth.TRUE, Truth.UNKNOWN: Truth.UNKNOWN}


def leaves_explaining(
    node: DecisionNode, result: Truth, found: list[DecisionNode] | None = None
) -> list[DecisionNode]:
    """The leaves of *node*'s tree that explain why it has *result* (every one of them).

    Below ``all_of`` and ``any_of`` the children with that result; below ``not`` the
    child with the opposite one. These are a decision's reasons and warnings.
    """
    if found is None:
        found = []
    children = node[7]
    if not children:
        found.append(node)
    elif node[1] == "not":
        leaves_explaining(children[0], _NOT[result], found)
    else:
        for child in children:
            if child[2] is result:
                leaves_explaining(child, result, found)
    return found


def node_of(data: NodeData) -> DecisionNode:
    """The node that node data describes."""
    return DecisionNode(
        path=data.path,
        code=data.code,
        result=data.result,
        rule=data.rule or "",
        seen=data.seen,
        expected=data.expected,
        missing=data.missing or (),
        children=tuple(node_of(child) for child in data.children or ()),
    )


def result_of(data: ResultData) -> RuleResult:
    """The rule result that result data describes."""
    return RuleResult(
        id=data.id,
        version=data.version,
        level=data.level.value,
        result=data.result,
        valid_from=data.valid_from,
        valid_to=data.valid_to,
        tree=None if data.tree is None else node_of(data.tree),
    )

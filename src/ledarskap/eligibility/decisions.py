"""Decisions that explain themselves.

A :class:`Decision` says whether an application is in the target group
(:class:`~ledarskap.eligibility.Outcome`), and why: the date it was decided for
(``as_of``), the rule versions in force, the facts that were missing, the warnings of
advisory rules, and for each rule a tree of :class:`DecisionNode` that mirrors the rule,
each node with its path, its three-valued result, the value it saw, what it expected and
a stable code. :meth:`Decision.render` writes it in Swedish or English from those codes
and a message catalogue; :meth:`Decision.to_data` gives plain data (with a ``format``
tag) that :meth:`Decision.from_data` reads back.

>>> import datetime as dt
>>> from ledarskap import Application
>>> from ledarskap.eligibility import default_ruleset
>>> app = Application(id="ans-7", person_id="p-7", cohort_id="c-2025",
...                   submitted=dt.date(2025, 4, 1), municipality="Motala",
...                   title="Avdelningschef", reports_to=[], leads_staff_function=False)
>>> decision = default_ruleset().evaluate(app, as_of=dt.date(2025, 9, 1))
>>> decision.outcome
<Outcome.NOT_ELIGIBLE: 'not-eligible'>
>>> print(decision.render("sv"))
Inte behörig: rapporterar inte till någon nämnd eller styrelse, avdelningschef är ingen stabsfunktion, och avdelningschef är inte strateg i kommunledningen
>>> print(decision.render("en"))
Not eligible: does not report to any committee or board, head of division is not a staff function, and head of division is not strategist in the central administration
>>> type(decision).from_data(decision.to_data()) == decision
True

.. versionadded:: 0.2
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

import attrs

from ledarskap.errors import Problem, RuleError, safe_repr
from ledarskap.model import Language
from ledarskap.model.positions import checked_language

from .truth import Outcome, Truth

if TYPE_CHECKING:
    from .predicates import PredicateRegistry

__all__ = ["DECISION_FORMAT", "Decision", "DecisionNode", "RuleResult", "leaves_explaining"]

DECISION_FORMAT = "ledarskap.decision/1"
"""The ``format`` tag of :meth:`Decision.to_data`."""


def _tuple(value: Any) -> tuple[Any, ...]:
    return tuple(value)


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
        """This node as plain data."""
        data: dict[str, Any] = {"path": self.path, "code": self.code, "result": self.result.value}
        if self.rule:
            data["rule"] = self.rule
        if self.seen is not None:
            data["seen"] = self.seen
        if self.expected is not None:
            data["expected"] = self.expected
        if self.missing:
            data["missing"] = list(self.missing)
        if self.children:
            data["children"] = [c.to_data() for c in self.children]
        return data

    @classmethod
    def from_data(cls, data: object) -> DecisionNode:
        """The node :meth:`to_data` wrote; unreadable data is a RuleError naming each path."""
        reader = _Reader()
        node = reader.node(data, "$")
        reader.raise_for_problems("not a decision node")
        assert node is not None
        return node


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
        reader = _Reader()
        result = reader.rule_result(data, "$")
        reader.raise_for_problems("not a rule result")
        assert result is not None
        return result


def _facts(value: Mapping[str, Any]) -> Mapping[str, Any]:
    return dict(value)


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


_REQUIRED = object()
_MAX_DEPTH = 200


def _found(value: object) -> str:
    """A value found in data, for a message: a table or list by its kind, else its repr."""
    if isinstance(value, Mapping):
        return "a table"
    if isinstance(value, list | tuple):
        return "a list"
    return safe_repr(value)


class _Reader:
    """Reads decision data, collecting every problem with its path (``$.rules[0].tree``)."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def fail(self, path: str, message: str, code: str = "invalid") -> None:
        self.problems.append(Problem(path, message, code))

    def raise_for_problems(self, summary: str) -> None:
        if self.problems:
            raise RuleError(summary, self.problems)

    def table(self, value: object, path: str) -> Mapping[str, Any] | None:
        if isinstance(value, Mapping):
            return value
        self.fail(path, f"expected a table, found {_found(value)}", "type")
        return None

    def field(
        self,
        data: Mapping[str, Any],
        key: str,
        path: str,
        read: Any,
        default: Any = _REQUIRED,
    ) -> Any:
        """``read(value, path)`` of ``data[key]``; a missing key is a problem if required."""
        where = f"{path}.{key}"
        if key not in data or (data[key] is None and default is not _REQUIRED):
            if default is _REQUIRED:
                self.fail(where, f"expected the key {key!r}, as to_data() writes it", "missing")
            return None if default is _REQUIRED else default
        return read(data[key], where)

    def text(self, value: object, path: str) -> str | None:
        if isinstance(value, str):
            return value
        self.fail(path, f"expected text, found {_found(value)}", "type")
        return None

    def choice(self, value: object, path: str, kind: Any) -> Any:
        choices = [member.value for member in kind]
        if isinstance(value, str) and value in choices:
            return kind(value)
        self.fail(path, f"expected one of {', '.join(choices)}, found {_found(value)}")
        return None

    def outcome(self, value: object, path: str) -> Outcome | None:
        return self.choice(value, path, Outcome)  # type: ignore[no-any-return]

    def truth(self, value: object, path: str) -> Truth | None:
        return self.choice(value, path, Truth)  # type: ignore[no-any-return]

    def level(self, value: object, path: str) -> str | None:
        if value in ("required", "advisory"):
            return str(value)
        self.fail(path, f"expected one of required, advisory, found {_found(value)}")
        return None

    def date(self, value: object, path: str) -> dt.date | None:
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        self.fail(path, f"expected a date as YYYY-MM-DD, found {_found(value)}")
        return None

    def texts(self, value: object, path: str) -> tuple[str, ...]:
        if not isinstance(value, list | tuple):
            self.fail(path, f"expected a list of texts, found {_found(value)}", "type")
            return ()
        read = [self.text(v, f"{path}[{i}]") for i, v in enumerate(value)]
        return tuple(t for t in read if t is not None)

    def items(self, value: object, path: str, read: Any) -> tuple[Any, ...]:
        if not isinstance(value, list | tuple):
            self.fail(path, f"expected a list, found {_found(value)}", "type")
            return ()
        return tuple(read(v, f"{path}[{i}]") for i, v in enumerate(value))

    def node(self, value: object, path: str, depth: int = 0) -> DecisionNode | None:
        data = self.table(value, path)
        if data is None:
            return None
        if depth > _MAX_DEPTH:
            self.fail(path, f"nested more than {_MAX_DEPTH} deep", "depth")
            return None
        before = len(self.problems)
        children = self.field(
            data,
            "children",
            path,
            lambda v, p: self.items(v, p, lambda c, q: self.node(c, q, depth + 1)),
            (),
        )
        made = {
            "path": self.field(data, "path", path, self.text),
            "code": self.field(data, "code", path, self.text),
            "result": self.field(data, "result", path, self.truth),
            "rule": self.field(data, "rule", path, self.text, ""),
            "seen": data.get("seen"),
            "expected": data.get("expected"),
            "missing": self.field(data, "missing", path, self.texts, ()),
            "children": children,
        }
        return None if len(self.problems) > before else DecisionNode(**made)

    def rule_result(self, value: object, path: str) -> RuleResult | None:
        data = self.table(value, path)
        if data is None:
            return None
        before = len(self.problems)
        made = {
            "id": self.field(data, "id", path, self.text),
            "version": self.field(data, "version", path, self.text),
            "level": self.field(data, "level", path, self.level),
            "result": self.field(data, "result", path, self.truth),
            "valid_from": self.field(data, "valid_from", path, self.date, None),
            "valid_to": self.field(data, "valid_to", path, self.date, None),
            "tree": self.field(data, "tree", path, self.node, None),
        }
        return None if len(self.problems) > before else RuleResult(**made)

    def facts(self, value: object, path: str) -> dict[str, Any] | None:
        data = self.table(value, path)
        return None if data is None else dict(data)


@attrs.frozen(kw_only=True)
class Decision:
    """Whether an application is in the target group, and why.

    ``reasons`` are the conditions that decided a "no" (every failed condition of a failed
    required rule) or left the answer open (the unknown ones); ``warnings`` those of
    advisory rules that did not hold; ``missing_facts`` the unknown facts that left a rule
    undecided (facts whose absence changed nothing are not listed);
    ``rules`` each rule version applied, with its tree; ``facts`` the applicant's facts
    the texts refer to (position, municipality, organisation kind), as plain data.
    """

    outcome: Outcome
    as_of: dt.date
    ruleset: str
    ruleset_version: str
    application_id: str | None = None
    rules: tuple[RuleResult, ...] = attrs.field(default=(), converter=_tuple)
    reasons: tuple[DecisionNode, ...] = attrs.field(default=(), converter=_tuple)
    warnings: tuple[DecisionNode, ...] = attrs.field(default=(), converter=_tuple)
    missing_facts: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    facts: Mapping[str, Any] = attrs.field(factory=dict, converter=_facts, eq=False)

    @property
    def eligible(self) -> bool:
        """Whether the outcome is :attr:`Outcome.ELIGIBLE`."""
        return self.outcome is Outcome.ELIGIBLE

    @property
    def tree(self) -> DecisionNode:
        """The whole decision as one tree: a root node with each rule's tree below it."""
        return DecisionNode(
            path=self.ruleset,
            code="decision",
            result=Truth.of(None if self.outcome is Outcome.UNDETERMINED else self.eligible),
            children=tuple(r.tree for r in self.rules if r.tree is not None),
        )

    @property
    def grounds(self) -> tuple[DecisionNode, ...]:
        """For an eligible decision, the conditions that made each required rule hold.

        Empty for other outcomes (see :attr:`reasons`) and without explanations.
        """
        if self.outcome is not Outcome.ELIGIBLE:
            return ()
        found: list[DecisionNode] = []
        for result in self.rules:
            if result.level == "required" and result.tree is not None:
                leaves_explaining(result.tree, Truth.TRUE, found)
        return tuple(found)

    @property
    def rule_versions(self) -> dict[str, str]:
        """The version of each rule applied, by rule id."""
        return {r.id: r.version for r in self.rules}

    def render(
        self,
        language: Language = "sv",
        *,
        tree: bool = False,
        registry: PredicateRegistry | None = None,
    ) -> str:
        """The decision in words: the outcome and its reasons, then warnings and missing facts.

        With ``tree=True`` the whole decision tree follows, one node a line.
        """
        from .messages import render_decision

        return render_decision(self, checked_language(language), tree=tree, registry=registry)

    def to_data(self) -> dict[str, Any]:
        """The decision as plain data (JSON-ready), tagged ``format: "ledarskap.decision/1"``."""
        return {
            "format": DECISION_FORMAT,
            "outcome": self.outcome.value,
            "as_of": self.as_of.isoformat(),
            "ruleset": self.ruleset,
            "ruleset_version": self.ruleset_version,
            "application_id": self.application_id,
            "rules": [r.to_data() for r in self.rules],
            "reasons": [r.to_data() for r in self.reasons],
            "warnings": [w.to_data() for w in self.warnings],
            "missing_facts": list(self.missing_facts),
            "facts": dict(self.facts),
        }

    @classmethod
    def from_data(cls, data: object) -> Decision:
        """The decision :meth:`to_data` wrote.

        Data that cannot be read is a :class:`~ledarskap.errors.RuleError` with every
        problem at once, each with its path (``$.outcome``, ``$.rules[0].tree.result``)
        and what was expected; a wrong ``format`` tag is the only problem reported.
        """
        reader = _Reader()
        table = reader.table(data, "$")
        reader.raise_for_problems("not a decision")
        assert table is not None
        tag = table.get("format")
        if tag != DECISION_FORMAT:
            reader.fail("$.format", f"expected {DECISION_FORMAT!r}, found {_found(tag)}", "format")
            reader.raise_for_problems("not a decision")
        fields = {
            "outcome": reader.field(table, "outcome", "$", reader.outcome),
            "as_of": reader.field(table, "as_of", "$", reader.date),
            "ruleset": reader.field(table, "ruleset", "$", reader.text),
            "ruleset_version": reader.field(table, "ruleset_version", "$", reader.text),
            "application_id": reader.field(table, "application_id", "$", reader.text, None),
            "rules": reader.field(
                table, "rules", "$", lambda v, p: reader.items(v, p, reader.rule_result), ()
            ),
            "reasons": reader.field(
                table, "reasons", "$", lambda v, p: reader.items(v, p, reader.node), ()
            ),
            "warnings": reader.field(
                table, "warnings", "$", lambda v, p: reader.items(v, p, reader.node), ()
            ),
            "missing_facts": reader.field(table, "missing_facts", "$", reader.texts, ()),
            "facts": reader.field(table, "facts", "$", reader.facts, {}),
        }
        reader.raise_for_problems("not a decision")
        return cls(**fields)

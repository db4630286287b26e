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

from ledarskap.errors import Problem, RuleError
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
    def from_data(cls, data: Mapping[str, Any]) -> DecisionNode:
        """The node :meth:`to_data` wrote."""
        return cls(
            path=data["path"],
            code=data["code"],
            result=Truth(data["result"]),
            rule=data.get("rule", ""),
            seen=data.get("seen"),
            expected=data.get("expected"),
            missing=tuple(data.get("missing", ())),
            children=tuple(cls.from_data(c) for c in data.get("children", ())),
        )


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
    def from_data(cls, data: Mapping[str, Any]) -> RuleResult:
        """The result :meth:`to_data` wrote."""
        return cls(
            id=data["id"],
            version=data["version"],
            level=data["level"],
            result=Truth(data["result"]),
            valid_from=_date(data.get("valid_from")),
            valid_to=_date(data.get("valid_to")),
            tree=None if data.get("tree") is None else DecisionNode.from_data(data["tree"]),
        )


def _date(value: str | None) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


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


def _optional_text(value: object) -> str | None:
    return None if value is None else str(value)


def _unreadable(key: str, value: object, error: Exception) -> str:
    """Why a value of a decision's data cannot be read, without Python's internals."""
    if key == "outcome":
        choices = ", ".join(repr(o.value) for o in Outcome)
        return f"expected one of {choices}, found {value!r}"
    if key == "as_of":
        return f"expected a date as YYYY-MM-DD, found {value!r}"
    if isinstance(error, KeyError):
        return f"expected the key {error.args[0]!r}, as to_data() writes it"
    return f"expected the data to_data() writes, found {value!r}"


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
        """The decision :meth:`to_data` wrote; a wrong ``format`` tag is a RuleError."""
        if not isinstance(data, Mapping):
            raise RuleError(
                "not a decision",
                [Problem("$", f"expected a table, found {type(data).__name__}", "type")],
            )
        tag = data.get("format")
        if tag != DECISION_FORMAT:
            raise RuleError(
                "not a decision",
                [Problem("format", f"expected {DECISION_FORMAT!r}, found {tag!r}", "format")],
            )
        problems: list[Problem] = []

        def read(key: str, convert: Any, default: Any = _REQUIRED) -> Any:
            if key not in data:
                if default is _REQUIRED:
                    problems.append(Problem(f"$.{key}", "missing", "missing"))
                return default
            try:
                return convert(data[key])
            except (KeyError, TypeError, ValueError, AttributeError) as error:
                problems.append(Problem(f"$.{key}", _unreadable(key, data[key], error), "invalid"))
                return default

        def items(key: str, convert: Any) -> list[Any]:
            values = data.get(key, ())
            if not isinstance(values, list | tuple):
                problems.append(Problem(f"$.{key}", f"expected a list, found {values!r}", "type"))
                return []
            read_items = []
            for index, value in enumerate(values):
                try:
                    read_items.append(convert(value))
                except (KeyError, TypeError, ValueError, AttributeError) as error:
                    where = f"$.{key}[{index}]"
                    problems.append(Problem(where, _unreadable(key, value, error), "invalid"))
            return read_items

        fields = {
            "outcome": read("outcome", Outcome),
            "as_of": read("as_of", dt.date.fromisoformat),
            "ruleset": read("ruleset", str),
            "ruleset_version": read("ruleset_version", str),
            "application_id": read("application_id", _optional_text, None),
            "rules": items("rules", RuleResult.from_data),
            "reasons": items("reasons", DecisionNode.from_data),
            "warnings": items("warnings", DecisionNode.from_data),
            "missing_facts": read("missing_facts", tuple, ()),
            "facts": read("facts", dict, {}),
        }
        if problems:
            raise RuleError("not a decision", problems)
        return cls(**fields)

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
from collections.abc import Iterable, Mapping
from typing import Any, Protocol

import attrs

from ledarskap._found import expected_found
from ledarskap.errors import Problem, RuleError, mask_personal_data
from ledarskap.text import Language, Text

from ._decision_data import DECISION_FORMAT, DecisionData, read
from ._trees import DecisionNode, RuleResult, leaves_explaining, masked, node_of, result_of
from .messages import render_decision
from .predicates import PredicateRegistry
from .truth import Outcome, Truth

__all__ = [
    "DECISION_FORMAT",
    "Decision",
    "DecisionNode",
    "Explanation",
    "RuleResult",
    "leaves_explaining",
]


class Explanation(Protocol):
    """What explains a decision when it is first read (see :meth:`Decision.explained_by`)."""

    def rules(self) -> tuple[RuleResult, ...]:
        """Each rule version applied, with its tree."""

    def reasons(self) -> tuple[DecisionNode, ...]:
        """The conditions that decided a "no" or left the answer open."""

    def warnings(self) -> tuple[DecisionNode, ...]:
        """The conditions of advisory rules that did not hold."""

    def missing_facts(self) -> tuple[str, ...]:
        """The unknown facts that left a rule undecided."""

    def facts(self) -> Mapping[str, Any]:
        """The applicant's facts the texts refer to."""


_NOT_A_DECISION = Text("inte ett beslut", "not a decision")
_EXPLAINED = ("rules", "reasons", "warnings", "missing_facts", "facts")
_new = object.__new__
_put = object.__setattr__


class Decision:
    """Whether an application is in the target group, and why.

    ``reasons`` are the conditions that decided a "no" (every failed condition of a failed
    required rule) or left the answer open (the unknown ones); ``warnings`` those of
    advisory rules that did not hold; ``missing_facts`` the unknown facts that left a rule
    undecided (facts whose absence changed nothing are not listed);
    ``rules`` each rule version applied, with its tree; ``facts`` the applicant's facts
    the texts refer to (position, municipality, organisation kind), as plain data.

    A decision is immutable and compares by everything but ``facts``. One made by an
    evaluation knows its outcome at once and builds its explanation (the trees, the
    reasons) when one of those is first read, each part once.
    """

    __slots__ = ("_explanation", "_head", "_parts")

    _head: tuple[Any, ...]
    """outcome, as_of, ruleset, ruleset_version, application_id"""
    _parts: list[Any]
    """rules, reasons, warnings, missing_facts, facts: ``None`` until explained"""
    _explanation: Explanation | None

    def __init__(  # a decision's parts, by keyword
        self,
        *,
        outcome: Outcome,
        as_of: dt.date,
        ruleset: str,
        ruleset_version: str,
        application_id: str | None = None,
        rules: Iterable[RuleResult] = (),
        reasons: Iterable[DecisionNode] = (),
        warnings: Iterable[DecisionNode] = (),
        missing_facts: Iterable[str] = (),
        facts: Mapping[str, Any] | None = None,
    ) -> None:
        put = object.__setattr__
        put(self, "_head", (outcome, as_of, ruleset, ruleset_version, application_id))
        parts = [tuple(rules), tuple(reasons), tuple(warnings), tuple(missing_facts)]
        put(self, "_parts", [*parts, dict(facts or {})])
        put(self, "_explanation", None)

    @classmethod
    def explained_by(  # a decision's parts, by keyword
        cls,
        explanation: Explanation,
        *,
        outcome: Outcome,
        as_of: dt.date,
        ruleset: str,
        ruleset_version: str,
        application_id: str | None = None,
    ) -> Decision:
        """A decision whose explanation comes from *explanation* when first read.

        Its rules, reasons, warnings, missing facts and facts are each made once.
        """
        decision = _new(cls)
        _put(decision, "_head", (outcome, as_of, ruleset, ruleset_version, application_id))
        _put(decision, "_parts", [None, None, None, None, None])
        _put(decision, "_explanation", explanation)
        return decision

    @property
    def outcome(self) -> Outcome:
        """Eligible, not eligible or undetermined."""
        return self._head[0]  # type: ignore[no-any-return]

    @property
    def as_of(self) -> dt.date:
        """The date the decision was made for."""
        return self._head[1]  # type: ignore[no-any-return]

    @property
    def ruleset(self) -> str:
        """The id of the rule set."""
        return self._head[2]  # type: ignore[no-any-return]

    @property
    def ruleset_version(self) -> str:
        """The version of the rule set."""
        return self._head[3]  # type: ignore[no-any-return]

    @property
    def application_id(self) -> str | None:
        """The id of the application decided, if known."""
        return self._head[4]  # type: ignore[no-any-return]

    def _explained(self, index: int) -> Any:
        parts = self._parts
        value = parts[index]
        if value is None:
            value = parts[index] = getattr(self._explanation, _EXPLAINED[index])()
        return value

    def explain(self) -> Decision:
        """Every part of the explanation made now (if not yet), not when first read; self."""
        if self._explanation is not None:
            for index in range(len(_EXPLAINED)):
                self._explained(index)
            _put(self, "_explanation", None)
        return self

    @property
    def rules(self) -> tuple[RuleResult, ...]:
        """Each rule version applied, with its result and its tree."""
        return self._explained(0)  # type: ignore[no-any-return]

    @property
    def reasons(self) -> tuple[DecisionNode, ...]:
        """The conditions that decided a "no" or left the answer open."""
        return self._explained(1)  # type: ignore[no-any-return]

    @property
    def warnings(self) -> tuple[DecisionNode, ...]:
        """The conditions of advisory rules that did not hold."""
        return self._explained(2)  # type: ignore[no-any-return]

    @property
    def missing_facts(self) -> tuple[str, ...]:
        """The unknown facts that left a rule undecided."""
        return self._explained(3)  # type: ignore[no-any-return]

    @property
    def facts(self) -> Mapping[str, Any]:
        """The applicant's facts the texts refer to, as plain data."""
        return self._explained(4)  # type: ignore[no-any-return]

    def __getstate__(self) -> tuple[Any, ...]:
        self.explain()  # what explains it is made of closures: the parts travel, made
        return (self._head, self._parts)

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        _put(self, "_head", state[0])
        _put(self, "_parts", state[1])
        _put(self, "_explanation", None)

    def __setattr__(self, name: str, value: object) -> None:
        raise attrs.exceptions.FrozenInstanceError

    def __delattr__(self, name: str) -> None:
        raise attrs.exceptions.FrozenInstanceError

    def _key(self) -> tuple[Any, ...]:
        return (
            self.outcome,
            self.as_of,
            self.ruleset,
            self.ruleset_version,
            self.application_id,
            self.rules,
            self.reasons,
            self.warnings,
            self.missing_facts,
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return mask_personal_data(
            f"Decision(outcome={self.outcome!r}, as_of={self.as_of!r}, "
            f"ruleset={self.ruleset!r}, ruleset_version={self.ruleset_version!r}, "
            f"application_id={self.application_id!r}, rules={self.rules!r}, "
            f"reasons={self.reasons!r}, warnings={self.warnings!r}, "
            f"missing_facts={self.missing_facts!r}, facts={self.facts!r})"
        )

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

        With ``tree=True`` the whole decision tree follows, one node a line. Personal data
        (an application id or a body's name that holds a personnummer) is masked.
        """
        return mask_personal_data(render_decision(self, language, tree=tree, registry=registry))

    def to_data(self) -> dict[str, Any]:
        """The decision as plain data (JSON-ready), tagged ``format: "ledarskap.decision/1"``.

        Decision data is for display and exchange: personal data in what came from the
        application (its id, the facts, the values seen) is masked, so an application id
        that is a personnummer is written as one, masked.
        """
        data: dict[str, Any] = {
            "format": DECISION_FORMAT,
            "outcome": self.outcome.value,
            "as_of": self.as_of.isoformat(),
            "ruleset": self.ruleset,
            "ruleset_version": self.ruleset_version,
            "application_id": masked(self.application_id),
            "rules": [r.to_data() for r in self.rules],
            "reasons": [r.to_data() for r in self.reasons],
            "warnings": [w.to_data() for w in self.warnings],
            "missing_facts": list(self.missing_facts),
            "facts": masked(dict(self.facts)),
        }
        return data

    @classmethod
    def from_data(cls, data: object) -> Decision:
        """The decision :meth:`to_data` wrote.

        Data that cannot be read is a :class:`~ledarskap.errors.RuleError` with every
        problem at once, each with its path (``$.outcome``, ``$.rules[0].tree.result``)
        and what was expected; a wrong ``format`` tag is the only problem reported.
        """
        if isinstance(data, Mapping) and data.get("format") != DECISION_FORMAT:
            tag = repr(DECISION_FORMAT)
            message = expected_found(Text(tag, tag), data.get("format"))
            raise RuleError(_NOT_A_DECISION, [Problem("$.format", message, "format")])
        shape = read(data, DecisionData, _NOT_A_DECISION)
        return cls(
            outcome=shape.outcome,
            as_of=shape.as_of,
            ruleset=shape.ruleset,
            ruleset_version=shape.ruleset_version,
            application_id=shape.application_id,
            rules=tuple(result_of(r) for r in shape.rules or ()),
            reasons=tuple(node_of(n) for n in shape.reasons or ()),
            warnings=tuple(node_of(n) for n in shape.warnings or ()),
            missing_facts=shape.missing_facts or (),
            facts=shape.facts or {},
        )

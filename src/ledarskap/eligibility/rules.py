"""Rules as values: immutable, composable, comparable, printable back to their source.

A rule is a tree of conditions over an applicant's facts. Leaves are *predicates*
(``reports_to_political_body``, ``municipality_in_county(county="05")``) and *comparisons*
of a field with a value (``position_kind in ["political-line", "staff"]``, ``years_in_position
>= min_years``, where a bare name on the right is a parameter of the rule set). Rules combine
with :func:`all_of`, :func:`any_of`, :func:`not_` or the operators ``&``, ``|``, ``~``;
they compare and hash on a normalised form (nested ``all_of`` flattened, ``not not x`` is
``x``, list values sorted, titles and names normalised to slugs and codes), and ``str()``
prints the rule in the expression syntax :func:`parse_rule` reads: ``parse_rule(str(rule))
== rule`` always holds.

>>> from ledarskap.eligibility import parse_rule, predicate, compare, not_
>>> role = predicate("reports_to_political_body") | predicate("leads_staff_function")
>>> rule = role & not_(predicate("is_chief_executive"))
>>> print(rule)
(reports_to_political_body or leads_staff_function) and not is_chief_executive
>>> parse_rule(str(rule)) == rule
True
>>> compare("position", "in", ["HR-direktör", "Ekonomichef"])
<Rule('position in ["ekonomidirektor", "personaldirektor"]')>
>>> parse_rule("position_kind in ['staff'] and not not leads_staff_function")
<Rule('position_kind in ["staff"] and leads_staff_function')>

.. versionadded:: 0.2
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

import attrs

from ledarskap.errors import Problem, RuleError, UsageError

if TYPE_CHECKING:
    import datetime as dt

    from ledarskap.model import Application, Cohort

    from .predicates import PredicateRegistry
    from .truth import Truth

__all__ = [
    "AllOf",
    "AnyOf",
    "Comparison",
    "Not",
    "Operator",
    "ParameterRef",
    "Predicate",
    "Rule",
    "all_of",
    "any_of",
    "compare",
    "not_",
    "param",
    "parse_rule",
    "predicate",
    "rule_from_data",
]

Operator: TypeAlias = Literal["==", "!=", "in", "not in", "<", "<=", ">", ">="]
"""The comparison operators of the rule syntax."""

OPERATORS: tuple[Operator, ...] = ("==", "!=", "in", "not in", "<", "<=", ">", ">=")


class Rule:
    """A rule: the base of every kind of rule node.

    The kinds are :class:`AllOf`, :class:`AnyOf`, :class:`Not`, :class:`Predicate` and
    :class:`Comparison`. Build rules with the factory functions or :func:`parse_rule`.
    """

    __slots__ = ()

    def __and__(self, other: Rule) -> Rule:
        if not isinstance(other, Rule):
            return NotImplemented
        return all_of(self, other)

    def __or__(self, other: Rule) -> Rule:
        if not isinstance(other, Rule):
            return NotImplemented
        return any_of(self, other)

    def __invert__(self) -> Rule:
        return not_(self)

    def __str__(self) -> str:
        from ._syntax import unparse

        return unparse(self)

    def __repr__(self) -> str:
        return f"<Rule({str(self)!r})>"

    @property
    def children(self) -> tuple[Rule, ...]:
        """The rule's direct sub-rules (none for a leaf)."""
        return ()

    def walk(self) -> Iterator[Rule]:
        """This rule and every sub-rule, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()

    def parameters(self) -> frozenset[str]:
        """The names of the parameters the rule refers to."""
        names: set[str] = set()
        for node in self.walk():
            if isinstance(node, Predicate):
                names.update(v.name for _, v in node.args if isinstance(v, ParameterRef))
            elif isinstance(node, Comparison) and isinstance(node.value, ParameterRef):
                names.add(node.value.name)
        return frozenset(names)

    def to_data(self) -> Any:
        """The rule in the table form (plain data): ``{"any_of": [...]}`` and so on.

        >>> parse_rule("leads_staff_function or not position == 'kommunchef'").to_data()
        {'any_of': [{'predicate': 'leads_staff_function'}, {'not': {'field': 'position', 'op': '==', 'value': 'kommunchef'}}]}
        """
        from ._dataform import to_data

        return to_data(self)

    def evaluate(
        self,
        application: Application,
        *,
        as_of: dt.date | None = None,
        cohort: Cohort | None = None,
        parameters: dict[str, Any] | None = None,
        registry: PredicateRegistry | None = None,
    ) -> Truth:
        """The rule's truth for one application (no explanation; see RuleSet for that).

        *as_of* is required unless a *cohort* gives it (its start). *parameters* are the
        values of the parameters the rule names, as in force on that date.
        """
        from ._plan import plan_for
        from .context import EvaluationContext
        from .truth import Truth

        ctx = EvaluationContext.for_cohort(as_of=as_of, cohort=cohort, parameters=parameters)
        return Truth.of(plan_for(self, registry).fast(application, ctx))


@attrs.frozen(cache_hash=True, repr=False)
class ParameterRef:
    """A reference to a rule set's parameter by name (written as a bare name in a rule)."""

    name: str

    def __str__(self) -> str:
        return self.name

    def __repr__(self) -> str:
        return f"param({self.name!r})"


def param(name: str) -> ParameterRef:
    """A reference to the parameter *name*, as a value in :func:`compare` or :func:`predicate`."""
    return ParameterRef(name)


@attrs.frozen(cache_hash=True, repr=False, str=False)
class AllOf(Rule):
    """Every sub-rule holds (Kleene AND: any false makes it false, else any unknown unknown)."""

    rules: tuple[Rule, ...]

    @property
    def children(self) -> tuple[Rule, ...]:
        """The sub-rules."""
        return self.rules


@attrs.frozen(cache_hash=True, repr=False, str=False)
class AnyOf(Rule):
    """Some sub-rule holds (Kleene OR: any true makes it true, else any unknown unknown)."""

    rules: tuple[Rule, ...]

    @property
    def children(self) -> tuple[Rule, ...]:
        """The sub-rules."""
        return self.rules


@attrs.frozen(cache_hash=True, repr=False, str=False)
class Not(Rule):
    """The sub-rule does not hold (unknown stays unknown)."""

    rule: Rule

    @property
    def children(self) -> tuple[Rule, ...]:
        """The negated rule."""
        return (self.rule,)


@attrs.frozen(cache_hash=True, repr=False, str=False)
class Predicate(Rule):
    """A registered predicate with its arguments (normalised; defaults left out), by name."""

    name: str
    args: tuple[tuple[str, Any], ...] = ()

    @property
    def arguments(self) -> dict[str, Any]:
        """The arguments as a dict."""
        return dict(self.args)


@attrs.frozen(cache_hash=True, repr=False, str=False)
class Comparison(Rule):
    """A field compared with a value (normalised) or a :class:`ParameterRef`."""

    field: str
    op: Operator
    value: Any


def _flatten(kind: type[AllOf | AnyOf], rules: Iterable[Rule]) -> tuple[Rule, ...]:
    flat: list[Rule] = []
    for rule in rules:
        if not isinstance(rule, Rule):
            raise UsageError(f"expected a Rule, found {type(rule).__name__}")
        flat.extend(rule.rules if isinstance(rule, kind) else (rule,))
    return tuple(flat)


def all_of(*rules: Rule) -> Rule:
    """Every rule holds. Nested ``all_of`` flatten; one rule is itself.

    An empty ``all_of`` is an error: a condition that always holds is no condition.
    """
    flat = _flatten(AllOf, rules)
    if not flat:
        raise RuleError("invalid rule", [Problem("all_of", "needs at least one rule", "empty")])
    return flat[0] if len(flat) == 1 else AllOf(flat)


def any_of(*rules: Rule) -> Rule:
    """Some rule holds. Nested ``any_of`` flatten; one rule is itself; empty is an error."""
    flat = _flatten(AnyOf, rules)
    if not flat:
        raise RuleError("invalid rule", [Problem("any_of", "needs at least one rule", "empty")])
    return flat[0] if len(flat) == 1 else AnyOf(flat)


def not_(rule: Rule) -> Rule:
    """The rule does not hold; ``not_(not_(x))`` is ``x``."""
    if not isinstance(rule, Rule):
        raise UsageError(f"not_: expected a Rule, found {type(rule).__name__}")
    return rule.rule if isinstance(rule, Not) else Not(rule)


def _raise(problems: list[Problem], what: str) -> None:
    if problems:
        raise RuleError(f"invalid {what}", [_located(p, what) for p in problems])


def _located(problem: object, what: str) -> Problem:
    """A problem of the checks (a span in a text, when there is one) as a plain Problem."""
    if isinstance(problem, Problem):
        return problem
    message = str(getattr(problem, "message", problem))
    hint = getattr(problem, "hint", None)
    code = str(getattr(problem, "code", "invalid"))
    return Problem(what, f"{message} ({hint})" if hint else message, code)


def predicate(name: str, /, *, registry: PredicateRegistry | None = None, **args: Any) -> Rule:
    """The registered predicate *name* with *args*, checked against the registry.

    >>> predicate("municipality_in_county", county="Östergötland")
    <Rule('municipality_in_county(county="05")')>
    """
    from ._syntax import check_predicate

    problems: list[Problem] = []
    rule = check_predicate(name, args, registry, problems)
    _raise(problems, f"predicate {name!r}")
    assert rule is not None
    return rule


def compare(
    field: str, op: Operator, value: Any, /, *, registry: PredicateRegistry | None = None
) -> Rule:
    """The field *field* compared with *value* (or a :func:`param`), checked against the registry.

    >>> compare("years_in_position", ">=", 2)
    <Rule('years_in_position >= 2')>
    """
    from ._syntax import check_comparison

    problems: list[Problem] = []
    rule = check_comparison(field, op, value, registry, problems)
    _raise(problems, f"comparison of {field!r}")
    assert rule is not None
    return rule


def parse_rule(text: str, *, registry: PredicateRegistry | None = None) -> Rule:
    """The rule written in *text*, checked against *registry* (the default registry if none).

    Every problem is reported at once, as a :class:`~ledarskap.errors.RuleError` whose
    problems show the text with a caret under the bad part:

    >>> parse_rule("reports_to_politcal_body or leeds_staff_function")
    Traceback (most recent call last):
    ...
    ledarskap.errors.RuleError: invalid rule (2 problems)
      - rule, column 1: unknown predicate or field 'reports_to_politcal_body' (did you mean 'reports_to_political_body'?)
        reports_to_politcal_body or leeds_staff_function
        ^^^^^^^^^^^^^^^^^^^^^^^^
      - rule, column 29: unknown predicate or field 'leeds_staff_function' (did you mean 'leads_staff_function'?)
        reports_to_politcal_body or leeds_staff_function
                                    ^^^^^^^^^^^^^^^^^^^^
    """
    from ._syntax import parse

    rule, problems = parse(text, registry)
    if problems or rule is None:
        raise RuleError("invalid rule", [p.as_problem("rule", text) for p in problems])
    return rule


def rule_from_data(data: object, *, registry: PredicateRegistry | None = None) -> Rule:
    """The rule written in the table form (see :meth:`Rule.to_data`), checked like text.

    Tables nest; a text anywhere in them is an expression. Every problem at once:

    >>> rule_from_data({"any_of": ["leads_staff_function", {"all_of": []}]})
    Traceback (most recent call last):
    ...
    ledarskap.errors.RuleError: invalid rule (1 problem)
      - rule.any_of[1].all_of: empty all_of: it is no condition
    >>> rule_from_data({"not": {"field": "position", "op": "==", "value": "kommunchef"}})
    <Rule('not position == "kommunchef"')>
    """
    from ._dataform import from_data
    from .predicates import registry_or_builtin

    located: list[Any] = []
    rule = from_data(data, registry_or_builtin(registry), "rule", located)
    if located or rule is None:
        raise RuleError(
            "invalid rule",
            [p.problem.as_problem(p.path, p.text or "", path=p.path) for p in located],
        )
    return rule

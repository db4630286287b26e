"""Rule nodes: the values rules are made of, with their printing and their table form.

This is the bottom of the rules: the node classes (:class:`AllOf`, :class:`AnyOf`,
:class:`Not`, :class:`Predicate`, :class:`Comparison`), the combinators that keep them in
normal form (:func:`all_of`, :func:`any_of`, :func:`not_`), ``str(rule)`` in the
expression syntax and :func:`to_data` in the table form. Reading (text or tables) and the
checks against a registry are above, in :mod:`._meaning`, :mod:`._parser` and
:mod:`._tables`; :mod:`.rules` shows it all.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Literal, TypeAlias

import attrs

from ledarskap._deprecation import warn_deprecated
from ledarskap.errors import Problem, RuleError, UsageError, safe_repr
from ledarskap.model import Application, Cohort
from ledarskap.text import Text

from .context import EvaluationContext
from .truth import Truth

__all__ = [
    "MAX_DEPTH",
    "OPERATORS",
    "TOO_DEEP",
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
    "not_",
    "param",
    "source_value",
    "to_data",
    "unparse",
]

Operator: TypeAlias = Literal["==", "!=", "in", "not in", "<", "<=", ">", ">="]
"""The comparison operators of the rule syntax."""

OPERATORS: tuple[Operator, ...] = ("==", "!=", "in", "not in", "<", "<=", ">", ">=")

MAX_DEPTH = 64
"""How deep a rule may nest: parentheses and ``not`` in its text, tables in its data, and
``all_of``, ``any_of`` and ``not`` in the rule itself, however it is made.

The rule's bound is the text's: ``str(rule)`` writes at most one parenthesis or ``not``
for each level of the rule, so every rule prints to text that reads back.
"""

OneRuleTest: TypeAlias = Callable[["Rule", Any, Application, EvaluationContext], "bool | None"]
"""Tests one rule (with a registry, or ``None`` for the built-in one) against one application."""

one_rule_test: OneRuleTest | None = None
"""How the deprecated :meth:`Rule.evaluate` tests a rule, set by :mod:`.rules` on import.

The evaluation sits above the rule nodes, which import nothing that evaluates them; the
public module that shows both hands it down here. It goes in 0.4, with the method.
"""


class Rule:
    """A rule: the base of every kind of rule node.

    The kinds are :class:`AllOf`, :class:`AnyOf`, :class:`Not`, :class:`Predicate` and
    :class:`Comparison`. Build rules with the factory functions or
    :func:`~ledarskap.eligibility.parse_rule`; evaluate them in a
    :class:`~ledarskap.eligibility.RuleSet`.
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

    def evaluate(
        self,
        application: Application,
        *,
        as_of: dt.date | None = None,
        cohort: Cohort | None = None,
        parameters: Mapping[str, Any] | None = None,
        registry: Any = None,
    ) -> Truth:
        """Deprecated: the rule's truth for one application.

        *parameters* are the values the rule's parameters take; *registry* is a
        :class:`~ledarskap.eligibility.PredicateRegistry` (the built-in one by default).

        .. deprecated:: 0.3
           Evaluate rules in a :class:`~ledarskap.eligibility.RuleSet`
           (:meth:`~ledarskap.eligibility.RuleSet.evaluate`), which explains its decision.
        """
        warn_deprecated("Rule.evaluate", "RuleSet.evaluate")
        ctx = EvaluationContext.for_cohort(as_of=as_of, cohort=cohort, parameters=parameters)
        assert one_rule_test is not None, "ledarskap.eligibility.rules is imported with the package"
        return Truth.of(one_rule_test(self, registry, application, ctx))

    def to_data(self) -> Any:
        """The rule in the table form (plain data): ``{"any_of": [...]}`` and so on.

        >>> from ledarskap.eligibility import parse_rule
        >>> parse_rule("leads_staff_function or not position == 'kommunchef'").to_data()
        {'any_of': [{'predicate': 'leads_staff_function'}, {'not': {'field': 'position', 'op': '==', 'value': 'kommunchef'}}]}
        """
        return to_data(self)


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


TOO_DEEP = Text(
    f"en regel nästlad djupare än {MAX_DEPTH} nivåer", f"a rule nested more than {MAX_DEPTH} deep"
)
"""What a rule nested deeper than :data:`MAX_DEPTH` is, as text, as tables or as a rule."""


def _listed(items: Any) -> Any:
    """A list (of rules, or of values compared with) as the tuple a rule holds.

    A set as a tuple too, in the order of its items' text (so that equal sets make equal
    rules); anything else is left as it is, for the checks.
    """
    if isinstance(items, list):
        return tuple(items)
    if isinstance(items, (set, frozenset)):
        return tuple(sorted(items, key=repr))
    return items


def _nested(node: AllOf | AnyOf | Not) -> None:
    """Check *node*'s children and set how deep it nests (one more than its deepest child).

    A child that is no :class:`Rule` is a :class:`~ledarskap.errors.UsageError`, and
    ``all_of`` or ``any_of`` of nothing a RuleError, as for the combinators: a node made
    by its class is checked as one made by :func:`all_of` is.

    Deeper than :data:`MAX_DEPTH` is a RuleError. Each node knows its own depth, so a
    rule is checked as it is made, in time linear in its size, and nothing that recurses
    into a rule (printing, comparing, evaluating) can exceed Python's recursion limit.
    """
    kind = "not" if isinstance(node, Not) else "all_of" if isinstance(node, AllOf) else "any_of"
    children = node.children
    if children.__class__ is not tuple:  # AllOf([…]): a list, which no rule hashes
        found = type(children).__name__
        raise UsageError(
            Text(
                f"{kind}: förväntade en tuple med regler, fick {found}",
                f"{kind}: expected a tuple of rules, found {found}",
            )
        )
    for child in children:
        if not isinstance(child, Rule):
            raise _not_a_rule(f"{kind}: ", child)
    if not children:
        raise RuleError(_INVALID, [Problem(kind, _NONE, "empty")])
    nesting = 1 + max((getattr(child, "_nesting", 0) for child in children), default=0)
    if nesting > MAX_DEPTH:
        raise RuleError(_INVALID, [Problem(kind, TOO_DEEP, "too-deep")])
    object.__setattr__(node, "_nesting", nesting)


@attrs.frozen(cache_hash=True, repr=False, str=False)
class AllOf(Rule):
    """Every sub-rule holds (Kleene AND: any false makes it false, else any unknown unknown)."""

    rules: tuple[Rule, ...] = attrs.field(converter=_listed)
    _nesting: int = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        _nested(self)

    @property
    def children(self) -> tuple[Rule, ...]:
        """The sub-rules."""
        return self.rules


@attrs.frozen(cache_hash=True, repr=False, str=False)
class AnyOf(Rule):
    """Some sub-rule holds (Kleene OR: any true makes it true, else any unknown unknown)."""

    rules: tuple[Rule, ...] = attrs.field(converter=_listed)
    _nesting: int = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        _nested(self)

    @property
    def children(self) -> tuple[Rule, ...]:
        """The sub-rules."""
        return self.rules


@attrs.frozen(cache_hash=True, repr=False, str=False)
class Not(Rule):
    """The sub-rule does not hold (unknown stays unknown)."""

    rule: Rule
    _nesting: int = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        _nested(self)

    @property
    def children(self) -> tuple[Rule, ...]:
        """The negated rule."""
        return (self.rule,)


@attrs.frozen(cache_hash=True, repr=False, str=False)
class Predicate(Rule):
    """A registered predicate with its arguments (normalised; defaults left out), by name.

    Its name and arguments are checked against a registry when a rule set compiles it.
    """

    name: str = attrs.field()
    args: tuple[tuple[str, Any], ...] = attrs.field(default=())

    @name.validator
    def _named(self, attribute: attrs.Attribute[str], value: object) -> None:
        _check_name("Predicate.name", value)

    @args.validator
    def _pairs(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if value.__class__ is not tuple or not all(
            isinstance(pair, tuple) and len(pair) == 2 and isinstance(pair[0], str)
            for pair in value
        ):
            raise UsageError(
                Text(
                    "Predicate.args: förväntade en tuple med par (namn, värde), "
                    f"fick {type(value).__name__}",
                    "Predicate.args: expected a tuple of (name, value) pairs, "
                    f"found {type(value).__name__}",
                )
            )

    @property
    def arguments(self) -> dict[str, Any]:
        """The arguments as a dict."""
        return dict(self.args)


@attrs.frozen(cache_hash=True, repr=False, str=False)
class Comparison(Rule):
    """A field compared with a value (normalised) or a :class:`ParameterRef`."""

    field: str = attrs.field()
    op: Operator = attrs.field()
    value: Any = attrs.field(converter=_listed)  # a list as a tuple: a rule is hashed

    @field.validator
    def _named(self, attribute: attrs.Attribute[str], value: object) -> None:
        _check_name("Comparison.field", value)

    @op.validator
    def _operator(self, attribute: attrs.Attribute[str], value: object) -> None:
        if value not in OPERATORS:
            shown = ", ".join(OPERATORS)
            raise UsageError(
                Text(
                    f"Comparison.op: förväntade en av {shown}, fick {safe_repr(value, 40)}",
                    f"Comparison.op: expected one of {shown}, found {safe_repr(value, 40)}",
                )
            )


def _check_name(where: str, value: object) -> None:
    if not isinstance(value, str):
        raise UsageError(
            Text(
                f"{where}: förväntade ett namn (text), fick {type(value).__name__}",
                f"{where}: expected a name (text), found {type(value).__name__}",
            )
        )


_INVALID = Text("ogiltig regel", "invalid rule")
_NONE = Text("behöver minst en regel", "needs at least one rule")


def _not_a_rule(where: str, found: object) -> UsageError:
    kind = type(found).__name__
    return UsageError(
        Text(f"{where}förväntade en Rule, fick {kind}", f"{where}expected a Rule, found {kind}")
    )


def _flatten(kind: type[AllOf | AnyOf], rules: Iterable[Rule]) -> tuple[Rule, ...]:
    flat: list[Rule] = []
    for rule in rules:
        if not isinstance(rule, Rule):
            raise _not_a_rule("all_of: " if kind is AllOf else "any_of: ", rule)
        flat.extend(rule.rules if isinstance(rule, kind) else (rule,))
    return tuple(flat)


def all_of(*rules: Rule) -> Rule:
    """Every rule holds. Nested ``all_of`` flatten; one rule is itself.

    An empty ``all_of`` is an error: a condition that always holds is no condition.
    """
    flat = _flatten(AllOf, rules)
    if not flat:
        raise RuleError(_INVALID, [Problem("all_of", _NONE, "empty")])
    return flat[0] if len(flat) == 1 else AllOf(flat)


def any_of(*rules: Rule) -> Rule:
    """Some rule holds. Nested ``any_of`` flatten; one rule is itself; empty is an error."""
    flat = _flatten(AnyOf, rules)
    if not flat:
        raise RuleError(_INVALID, [Problem("any_of", _NONE, "empty")])
    return flat[0] if len(flat) == 1 else AnyOf(flat)


def not_(rule: Rule) -> Rule:
    """The rule does not hold; ``not_(not_(x))`` is ``x``."""
    if not isinstance(rule, Rule):
        raise _not_a_rule("not_: ", rule)
    return rule.rule if isinstance(rule, Not) else Not(rule)


# Printing -------------------------------------------------------------------------------


_PLAIN = (str, int, bool, float)


def source_value(value: Any) -> Any:  # noqa: PLR0911  # one return per kind of value
    """A normalised value as plain data: enums by value, dates as text, tuples as lists.

    Sets become sorted lists, so that what a decision shows does not depend on hashing.
    """
    kind = type(value)
    if (
        kind is str
        or kind is int
        or kind is bool
        or value is None
        # Predicates return plain data (Check's contract): a list is checked by its head.
        or (kind is list and (not value or type(value[0]) in _PLAIN))
    ):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, frozenset | set):
        return sorted((source_value(v) for v in value), key=str)
    if isinstance(value, tuple | list):
        return [source_value(v) for v in value]
    if isinstance(value, ParameterRef):
        return value.name
    return value


def _literal(value: Any) -> str:
    if isinstance(value, ParameterRef):
        return value.name
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, tuple | list | frozenset):
        return "[" + ", ".join(_literal(v) for v in value) + "]"
    return json.dumps(source_value(value), ensure_ascii=False)


def unparse(rule: Rule) -> str:
    """The source text of *rule* in the expression syntax."""
    if isinstance(rule, Predicate):
        if not rule.args:
            return rule.name
        return f"{rule.name}({', '.join(f'{k}={_literal(v)}' for k, v in rule.args)})"
    if isinstance(rule, Comparison):
        return f"{rule.field} {rule.op} {_literal(rule.value)}"
    if isinstance(rule, Not):
        inner = unparse(rule.rule)
        return (
            f"not {inner}"
            if isinstance(rule.rule, Predicate | Comparison | Not)
            else f"not ({inner})"
        )
    if isinstance(rule, AllOf):
        return " and ".join(
            f"({unparse(r)})" if isinstance(r, AnyOf) else unparse(r) for r in rule.rules
        )
    if isinstance(rule, AnyOf):
        return " or ".join(
            f"({unparse(r)})" if isinstance(r, AllOf) else unparse(r) for r in rule.rules
        )
    raise TypeError(f"not a rule: {rule!r}")


# The table form ---------------------------------------------------------------------------


def _value_data(value: Any) -> Any:
    if isinstance(value, ParameterRef):
        return {"param": value.name}
    return source_value(value)


def to_data(rule: Rule) -> Any:
    """The rule in the table form (see :mod:`._tables` for reading it back)."""
    if isinstance(rule, AllOf):
        return {"all_of": [to_data(r) for r in rule.rules]}
    if isinstance(rule, AnyOf):
        return {"any_of": [to_data(r) for r in rule.rules]}
    if isinstance(rule, Not):
        return {"not": to_data(rule.rule)}
    if isinstance(rule, Predicate):
        data: dict[str, Any] = {"predicate": rule.name}
        if rule.args:
            data["args"] = {k: _value_data(v) for k, v in rule.args}
        return data
    if isinstance(rule, Comparison):
        return {"field": rule.field, "op": rule.op, "value": _value_data(rule.value)}
    raise TypeError(f"not a rule: {rule!r}")

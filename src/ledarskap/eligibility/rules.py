"""Rules as values: immutable, composable, comparable, printable back to their source.

A rule is a tree of conditions over an applicant's facts. Leaves are *predicates*
(``reports_to_political_body``, ``municipality_in_county(county="05")``) and *comparisons*
of a field with a value (``position_kind in ["political-line", "staff"]``, ``years_in_position
>= min_years``, where a bare name on the right is a parameter of the rule set). Rules combine
with :func:`all_of`, :func:`any_of`, :func:`not_` or the operators ``&``, ``|``, ``~``;
they compare and hash on a normalised form (nested ``all_of`` flattened, ``not not x`` is
``x``, list values sorted, titles and names normalised to slugs and codes), and ``str()``
prints the rule in the expression syntax :func:`parse_rule` reads: ``parse_rule(str(rule))
== rule`` always holds. Rules are evaluated in a :class:`~ledarskap.eligibility.RuleSet`.

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

from typing import TYPE_CHECKING, Any, Literal

from ledarskap.errors import Problem, RuleError
from ledarskap.model import Application
from ledarskap.text import Text

from . import _rules
from ._evaluation import plan
from ._meaning import Call, Compare, Where, arguments, build, problem_at
from ._parser import parse
from ._rules import (
    AllOf,
    AnyOf,
    Comparison,
    Not,
    Operator,
    ParameterRef,
    Predicate,
    Rule,
    all_of,
    any_of,
    not_,
    param,
)
from ._tables import read_table
from .context import EvaluationContext
from .predicates import PredicateRegistry, registry_or_builtin

if TYPE_CHECKING:
    from ledarskap.errors import Wording

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


_INVALID = {
    "predicate": Text("ogiltigt predikat", "invalid predicate"),
    "comparison": Text("ogiltig jämförelse", "invalid comparison"),
    "rule": Text("ogiltig regel", "invalid rule"),
}


def _checked(
    draft: Any, registry: PredicateRegistry | None, what: Literal["predicate", "comparison", "rule"]
) -> Rule:
    """The rule *draft* describes, or a RuleError with every problem at its place."""
    problems: list[Problem] = []

    def report(where: Where, message: Wording, code: str, hint: Wording | None) -> None:
        problems.append(problem_at(where, message, code, hint))

    rule = build(draft, registry_or_builtin(registry), report)
    if problems or rule is None:
        raise RuleError(_INVALID[what], problems)
    return rule


def predicate(name: str, /, *, registry: PredicateRegistry | None = None, **args: Any) -> Rule:
    """The registered predicate *name* with *args*, checked against the registry.

    >>> predicate("municipality_in_county", county="Östergötland")
    <Rule('municipality_in_county(county="05")')>
    """
    _check_name("predicate", name)
    where = Where(f"predicate {name!r}", path_sv=f"predikatet {name!r}")
    return _checked(Call(name, arguments(args, where), where, where), registry, "predicate")


def compare(
    field: str, op: Operator, value: Any, /, *, registry: PredicateRegistry | None = None
) -> Rule:
    """The field *field* compared with *value* (or a :func:`param`), checked against the registry.

    >>> compare("years_in_position", ">=", 2)
    <Rule('years_in_position >= 2')>
    """
    _check_name("compare", field)
    where = Where(f"comparison of {field!r}", path_sv=f"jämförelsen av {field!r}")
    return _checked(Compare(field, op, value, where, where), registry, "comparison")


def _check_name(function: str, name: object) -> None:
    """A name of the registry is text: anything else (a list) is the caller's mistake."""
    if not isinstance(name, str):
        kind = type(name).__name__
        raise RuleError(
            Text("ogiltig regel", "invalid rule"),
            [
                Problem(
                    function,
                    Text(
                        f"förväntade ett namn (text), fick {kind}",
                        f"expected a name (text), found {kind}",
                    ),
                    "type",
                )
            ],
        )


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
    return _checked(parse(text, Where("rule", path_sv="regel")), registry, "rule")


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
    return _checked(read_table(data, Where("rule", path_sv="regel")), registry, "rule")


def _one_rule_test(
    rule: Rule, registry: PredicateRegistry | None, application: Application, ctx: EvaluationContext
) -> bool | None:
    """One rule's truth (``None``: unknown), for the deprecated :meth:`Rule.evaluate`."""
    truth: bool | None = plan(rule, registry).test(application, ctx)[0]
    return truth


# The deprecated Rule.evaluate is defined on Rule; the evaluation it needs sits above the
# rule nodes, so this module, which shows both, hands it down. It goes in 0.4.
_rules.one_rule_test = _one_rule_test

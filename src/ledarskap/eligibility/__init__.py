"""Eligibility: the target group of *Ledarskap i kommuner* as rules, decisions that explain themselves.

This layer is pure: it reads the model and its own package data, never files or the clock.
Reading rule-set files is :func:`ledarskap.io.load_ruleset`.

**The API in one screen** (stable; every name below is exported here):

- Rules are values (:mod:`.rules`): :class:`Rule` and its kinds :class:`AllOf`,
  :class:`AnyOf`, :class:`Not`, :class:`Predicate`, :class:`Comparison`; build them with
  :func:`all_of`, :func:`any_of`, :func:`not_` (or ``&``, ``|``, ``~``), :func:`predicate`,
  :func:`compare`, :func:`param`, or read them with :func:`parse_rule` (text) or
  :func:`rule_from_data` (the table form, ``rule.to_data()``). ``str(rule)`` is the source;
  ``parse_rule(str(rule)) == rule`` and ``rule_from_data(rule.to_data()) == rule``.
- The vocabulary (:mod:`.predicates`): :class:`PredicateRegistry` of fields and predicates,
  :func:`default_registry` (a fresh copy of the built-ins), the
  :meth:`PredicateRegistry.predicate` decorator and :meth:`PredicateRegistry.register`;
  a predicate returns a :class:`Check` and has :class:`Texts` in Swedish and English.
  Value types are in :mod:`.valuetypes`. Built-in fields: ``position``, ``position_kind``,
  ``organisation_kind``, ``staff_function``, ``municipality``, ``county``,
  ``years_in_position``; built-in predicates: ``reports_to_political_body(kinds=[...])``,
  ``leads_staff_function``, ``employed_by_collaborating_municipality``,
  ``municipality_in_county(county=...)``, ``works_in_central_administration``,
  ``is_chief_executive``. A bare name where a value goes is a parameter.
- Three-valued logic (:mod:`.truth`): :class:`Truth` (TRUE, FALSE, UNKNOWN; Kleene ``&``
  ``|`` ``~``) and :class:`Outcome` (ELIGIBLE, NOT_ELIGIBLE, UNDETERMINED).
- Rule sets (:mod:`.rulesets`): :class:`RuleSet` of :class:`RuleEntry` (id, :class:`RuleLevel`
  required or advisory, half-open window ``[valid_from, valid_to)``, version) and date-keyed
  :class:`Parameter` values; :func:`parse_ruleset` (TOML or JSON *text*, every problem at
  once as a :class:`~ledarskap.errors.RuleError` of :class:`~ledarskap.errors.Problem`),
  :func:`default_ruleset` (package data ``default-rules.toml``), ``RULESET_FORMAT``.
- Evaluation, one way for one application and one for many:
  ``RuleSet.evaluate(application, *, as_of=None, cohort=None, program=None, strict=False)
  -> Decision`` and ``RuleSet.evaluate_many(applications, …, explain=True) -> BulkResult``
  (:mod:`.bulk`: the outcomes decided at once, each decision explained when read, and a
  :class:`Summary`; ``explain=False`` for outcomes alone). A rule set compiles its rules
  once, when it is made (the evaluation is in one private module). The facts are the
  :class:`~ledarskap.model.Application` (``None`` = unknown), completed from its appointment
  when a :class:`~ledarskap.model.ProgramData` is given; :class:`EvaluationContext` holds
  ``as_of``, the cohort (collaborating municipalities) and the parameters in force.
- Decisions (:mod:`.decisions`): :class:`Decision` (outcome, as_of, rules with versions and
  trees of :class:`DecisionNode`, reasons, warnings, missing facts; ``render("sv"|"en")``,
  ``to_data()`` tagged ``DECISION_FORMAT``, ``Decision.from_data``); texts come from
  :mod:`.messages`.
- Deprecated since 0.3, removed in 0.4 (each warns): ``Rule.evaluate``,
  ``RuleSet.compile()``, :func:`compile_ruleset`, :class:`CompiledRuleSet`,
  ``RuleSet.evaluate(explain=...)``, ``PredicateRegistry.predicate(fast=...)`` and
  ``RuleProblem`` (now :class:`~ledarskap.errors.Problem`).

The modules read one way, downward (an import-linter contract keeps them so): the public
modules over :mod:`.bulk` and the rule-set file reader, over the one evaluation, over the
text and table readers of rules (one neutral tree, checked in one place against the
registry), over the rule nodes, the vocabulary and the values.

>>> import datetime as dt
>>> from ledarskap import Application, Cohort, Collaboration
>>> from ledarskap.eligibility import default_ruleset
>>> cohort = Cohort(id="c-2025", program_id="liko", name="Omgång 2025/26",
...                 start=dt.date(2025, 9, 1), end=dt.date(2026, 6, 30),
...                 collaborations=[Collaboration(municipality="Linköping")])
>>> it_chief = Application(id="ans-1", person_id="p-1", cohort_id="c-2025",
...                        submitted=dt.date(2025, 4, 1), municipality="Linköping",
...                        organisation="Kommunledningskontoret", title="IT-chef",
...                        leads_staff_function=True)
>>> decision = default_ruleset().evaluate(it_chief, cohort=cohort)
>>> print(decision.render("en"))
Eligible
Warning: head of IT is not head of division, finance director, head of administration, head of office, area manager, HR director or strategist in the central administration

.. versionadded:: 0.2
"""

from typing import TYPE_CHECKING

from ledarskap._deprecation import deprecated_names
from ledarskap.errors import Problem

from .bulk import SUMMARY_FORMAT, BulkResult, Summary
from .compiled import CompiledRuleSet, compile_ruleset
from .context import EvaluationContext, facts_of
from .decisions import DECISION_FORMAT, Decision, DecisionNode, RuleResult
from .parameters import Parameter
from .predicates import (
    Argument,
    Check,
    FieldSpec,
    PredicateRegistry,
    PredicateSpec,
    Texts,
    default_registry,
)
from .rules import (
    AllOf,
    AnyOf,
    Comparison,
    Not,
    ParameterRef,
    Predicate,
    Rule,
    all_of,
    any_of,
    compare,
    not_,
    param,
    parse_rule,
    predicate,
    rule_from_data,
)
from .rulesets import RULESET_FORMAT, RuleEntry, RuleLevel, RuleSet, default_ruleset, parse_ruleset
from .truth import Outcome, Truth

__all__ = [
    "DECISION_FORMAT",
    "RULESET_FORMAT",
    "SUMMARY_FORMAT",
    "AllOf",
    "AnyOf",
    "Argument",
    "BulkResult",
    "Check",
    "Comparison",
    "CompiledRuleSet",
    "Decision",
    "DecisionNode",
    "EvaluationContext",
    "FieldSpec",
    "Not",
    "Outcome",
    "Parameter",
    "ParameterRef",
    "Predicate",
    "PredicateRegistry",
    "PredicateSpec",
    "Rule",
    "RuleEntry",
    "RuleLevel",
    "RuleResult",
    "RuleSet",
    "Summary",
    "Texts",
    "Truth",
    "all_of",
    "any_of",
    "compare",
    "compile_ruleset",
    "default_registry",
    "default_ruleset",
    "facts_of",
    "not_",
    "param",
    "parse_rule",
    "parse_ruleset",
    "predicate",
    "rule_from_data",
]


if TYPE_CHECKING:  # type checkers see the deprecated name, and no other
    RuleProblem = Problem
    """Deprecated (warns when it runs): :class:`ledarskap.errors.Problem`."""
else:  # RuleProblem: deprecated, the same as ledarskap.errors.Problem
    __getattr__ = deprecated_names(__name__, {"RuleProblem": ("ledarskap.errors.Problem", Problem)})

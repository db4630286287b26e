"""Deprecated: compiled rule sets. Each old way still works for 0.3, with a warning."""

from __future__ import annotations

import datetime as dt

import pytest

from ledarskap.eligibility import (
    BulkResult,
    CompiledRuleSet,
    Outcome,
    compile_ruleset,
    default_ruleset,
)
from ledarskap.model import Application

DAY = dt.date(2025, 9, 1)
APP = Application(
    id="a-1",
    person_id="p-1",
    cohort_id="c-1",
    submitted=dt.date(2025, 4, 1),
    municipality="Motala",
    title="Kommunchef",
)


def test_compile_and_its_evaluations_warn_and_decide_as_the_rule_set() -> None:
    """``RuleSet.compile()`` and every method of what it gives decide as the rule set does."""
    rules = default_ruleset()
    with pytest.warns(DeprecationWarning, match=r"RuleSet.compile\(\) is deprecated"):
        compiled = rules.compile()
    with pytest.warns(DeprecationWarning, match="CompiledRuleSet.evaluate is deprecated"):
        assert compiled.evaluate(APP, as_of=DAY) == rules.evaluate(APP, as_of=DAY)
    with pytest.warns(DeprecationWarning, match="CompiledRuleSet.evaluate is deprecated"):
        quick = compiled.evaluate(APP, as_of=DAY, explain=False)
    assert quick.outcome is Outcome.NOT_ELIGIBLE
    assert all(r.tree is None for r in quick.rules)
    with pytest.warns(DeprecationWarning, match="CompiledRuleSet.outcomes is deprecated"):
        assert compiled.outcomes([APP], as_of=DAY) == [Outcome.NOT_ELIGIBLE]
    with pytest.warns(DeprecationWarning, match="CompiledRuleSet.evaluate_many is deprecated"):
        many = compiled.evaluate_many([APP], as_of=DAY)
    assert isinstance(many, BulkResult)
    assert many.outcomes == (Outcome.NOT_ELIGIBLE,)


def test_compile_ruleset_and_the_class_warn() -> None:
    """Both other ways to a compiled rule set warn, naming what to use instead."""
    with pytest.warns(DeprecationWarning, match="compile_ruleset is deprecated"):
        compiled = compile_ruleset(default_ruleset())
    assert compiled.ruleset is default_ruleset()
    with pytest.warns(DeprecationWarning, match="use RuleSet.evaluate and RuleSet.evaluate_many"):
        CompiledRuleSet(default_ruleset())

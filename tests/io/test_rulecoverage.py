"""Decision coverage: the clauses rule cases saw true and false, and the rules they missed."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from ledarskap.io import rulecases
from ledarskap.io.rulecases import load_cases, run_cases, run_cases_text
from ledarskap.io.rulecoverage import ClauseCoverage, DecisionCoverage

ROOT = Path(__file__).parents[2]
DEFAULT_CASES = ROOT / "tests" / "rules" / "test_default.rules.toml"


def test_coverage_reports_rules_no_case_reached(tmp_path: Path) -> None:
    (tmp_path / "old.rules.toml").write_text(
        'format = "ledarskap.rules/1"\nid = "old"\nversion = "2"\n'
        '[[rules]]\nid = "role"\nvalid_to = 2020-01-01\nwhen = "leads_staff_function"\n'
        '[[rules]]\nid = "role"\nvalid_from = 2020-01-01\nwhen = "reports_to_political_body"\n',
        encoding="utf-8",
    )
    report = run_cases_text(
        'ruleset = "old.rules.toml"\n[[case]]\nname = "x"\nas_of = 2025-09-01\n'
        'outcome = "not-eligible"\napplicant = { reports_to = [] }\n',
        base=tmp_path,
    )
    coverage = report.coverage
    assert coverage.unevaluated() == {"old.rules.toml": ("role@initial",)}
    assert [(c.path, c.covered, sorted(c.seen)) for c in coverage.clauses()] == [
        ("role", False, ["false"])
    ]
    assert coverage.report().splitlines() == [
        "rule set old.rules.toml (old 2): 0 of 2 clauses seen both true and false (0%)",
        "  role@2020-01-01 role: never true  (reports_to_political_body)",
        "  role@initial: not evaluated by any case (not in force on any case's date)",
    ]
    assert repr(coverage) == "<DecisionCoverage: 0 of 2 clauses covered>"
    assert coverage.percentages() == {"old.rules.toml": 0.0}


def test_an_empty_coverage() -> None:
    assert DecisionCoverage().report() == "no rule cases ran"


def test_coverage_skips_decisions_without_a_tree() -> None:
    cases = load_cases(DEFAULT_CASES)
    case = cases.cases[0]
    with pytest.warns(DeprecationWarning, match="explain"):  # explain=False goes in 0.4
        decision = cases.ruleset.evaluate(
            case.application, as_of=case.as_of, cohort=case.cohort, explain=False
        )
    coverage = DecisionCoverage()
    coverage.add(cases, decision)
    assert coverage.clauses() == ()


def test_coverage_percentages() -> None:
    assert run_cases(DEFAULT_CASES).coverage.percentages() == {"default": 100.0}
    assert DecisionCoverage().percentages() == {}


def test_rule_cases_still_export_the_coverage() -> None:
    """``ledarskap.io.rulecases`` gives the coverage names it gave before they had a module."""
    assert rulecases.DecisionCoverage is DecisionCoverage
    assert rulecases.ClauseCoverage is ClauseCoverage


def test_a_clause_is_covered_when_seen_true_and_false() -> None:
    """Covered means seen both true and false; unknown alone covers nothing."""
    clause = ClauseCoverage(ruleset="r", rule="x@1", path="x", text="x", seen=frozenset())
    assert not clause.covered
    assert attrs.evolve(clause, seen=frozenset({"true", "unknown"})).covered is False
    assert attrs.evolve(clause, seen=frozenset({"true", "false"})).covered

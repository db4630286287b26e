"""``ledarskap eligibility``: every decision that is not "eligible", explained; its JSON."""

from __future__ import annotations

import json
from pathlib import Path

import ledarskap
from ledarskap.eligibility import Decision, Outcome

from ._run import EXAMPLE, assert_clean_failure, run, run_script


def test_the_decisions_of_the_example() -> None:
    result = run("eligibility", EXAMPLE)
    assert (result.code, result.err) == (0, "")
    lines = result.out.splitlines()
    assert lines[0] == "Rules: ledarskap-i-kommuner 2025.1"
    assert "Omgång 2025/26 (liko-2025), applications 31" in lines
    assert "  Eligible 27, Not eligible 3, Undetermined 1" in lines
    assert "  ans-102: Not eligible: Jönköping does not collaborate in the cohort" in lines
    assert not any(line.startswith("  ans-001:") for line in lines)  # eligible: not listed


def test_in_swedish() -> None:
    result = run("eligibility", EXAMPLE, "--lang", "sv")
    assert "  Behörig 27, Inte behörig 3, Obestämd 1" in result.out
    assert "  ans-102: Inte behörig: Jönköping samverkar inte i omgången" in result.out


def test_the_json_shape_holds_every_decision() -> None:
    result = run("eligibility", EXAMPLE, "--format", "json", "--cohort", "liko-2025")
    data = json.loads(result.out)
    assert list(data) == ["format", "file", "ruleset", "ruleset_version", "cohorts"]
    assert data["format"] == "ledarskap.cli.eligibility/1"
    (cohort,) = data["cohorts"]
    assert list(cohort) == ["id", "name", "summary", "decisions"]
    assert cohort["summary"]["counts"] == {"eligible": 27, "not-eligible": 3, "undetermined": 1}
    program = ledarskap.example_program()
    expected = ledarskap.default_ruleset().evaluate_many(
        program.applications_to("liko-2025"), cohort=program.cohorts[0], program=program
    )
    decisions = [Decision.from_data(d) for d in cohort["decisions"]]
    assert [d.outcome for d in decisions] == [d.outcome for d in expected]
    assert sum(d.outcome is Outcome.ELIGIBLE for d in decisions) == 27


def test_as_of_a_date() -> None:
    data = json.loads(run("eligibility", EXAMPLE, "--as-of", "2026-01-01", "--format", "json").out)
    assert {d["as_of"] for d in data["cohorts"][0]["decisions"]} == {"2026-01-01"}


def test_a_rule_set_file() -> None:
    rules = Path(__file__).parents[2] / "examples" / "rules" / "strategnatverket.rules.toml"
    result = run("eligibility", EXAMPLE, "--rules", str(rules))
    assert result.code == 0, result
    assert result.out.startswith("Rules: strategnatverket 2026.1\n")


def test_an_unknown_cohort_is_a_usage_error() -> None:
    result = run("eligibility", EXAMPLE, "--cohort", "liko-2052")
    assert_clean_failure(result)
    assert result.err == (
        "ledarskap: --cohort: expected the id of a cohort of the program (liko-2025), "
        "found 'liko-2052' (did you mean 'liko-2025'?)\n"
    )


def test_a_bad_rule_set_for_real(tmp_path: Path) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text("id = \n", "utf-8")
    result = run_script("eligibility", EXAMPLE, "--rules", str(rules))
    assert_clean_failure(result)
    assert str(rules) in result.err

"""The default rule set decides the seed's target group as the program text says."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from ledarskap.eligibility import (
    Decision,
    DecisionNode,
    EvaluationContext,
    Outcome,
    Truth,
    default_ruleset,
)
from ledarskap.eligibility.messages import join, render_node, render_reason
from ledarskap.errors import InvalidValueError, RuleError, UsageError
from ledarskap.model import (
    Application,
    Cohort,
    Collaboration,
    OrganisationKind,
    PoliticalBody,
    PoliticalBodyKind,
    StaffFunction,
)

COHORT = Cohort(
    id="c-2025",
    program_id="liko",
    name="Omgång 2025/26",
    start=dt.date(2025, 9, 1),
    end=dt.date(2026, 6, 30),
    collaborations=[
        Collaboration(municipality=m) for m in ("Linköping", "Norrköping", "Motala", "Mjölby")
    ],
)
NAMND = PoliticalBody(name="Socialnämnden", kind=PoliticalBodyKind.NAMND)
KS = PoliticalBody(name="Kommunstyrelsen", kind=PoliticalBodyKind.KOMMUNSTYRELSE)


def application(**facts: Any) -> Application:
    base: dict[str, Any] = {
        "id": "ans-1",
        "person_id": "p-1",
        "cohort_id": "c-2025",
        "submitted": dt.date(2025, 4, 1),
    }
    return Application(**(base | facts))


def decide(app: Application) -> Decision:
    return default_ruleset().evaluate(app, cohort=COHORT)


def test_an_it_chef_leading_a_staff_function_at_the_kommunledningskontor_is_eligible() -> None:
    decision = decide(
        application(
            municipality="Linköping",
            organisation="Kommunledningskontoret",
            organisation_kind=OrganisationKind.CENTRAL_ADMINISTRATION,
            title="IT-chef",
            leads_staff_function=True,
            staff_function=StaffFunction.IT,
        )
    )
    assert decision.outcome is Outcome.ELIGIBLE
    assert not decision.reasons
    # Not among the seed's examples ("till exempel"): a warning, never a rejection.
    assert [w.code for w in decision.warnings] == ["position.in"]


def test_an_avdelningschef_with_no_committee_and_no_staff_function_is_not_eligible() -> None:
    decision = decide(
        application(
            municipality="Motala", title="Avdelningschef", reports_to=[], leads_staff_function=False
        )
    )
    assert decision.outcome is Outcome.NOT_ELIGIBLE
    text = decision.render("sv")
    assert text.startswith(
        "Inte behörig: rapporterar inte till någon nämnd eller styrelse, "
        "avdelningschef är ingen stabsfunktion"
    )
    assert "reports_to_political_body" in [r.code for r in decision.reasons]
    assert decision.render("en").startswith("Not eligible: does not report to any committee")
    assert not decision.warnings  # avdelningschef is one of the seed's examples


def test_a_kommunchef_is_a_mentor_not_a_participant() -> None:
    decision = decide(
        application(
            municipality="Motala", title="Kommunchef", reports_to=[KS], leads_staff_function=False
        )
    )
    assert decision.outcome is Outcome.NOT_ELIGIBLE
    assert [r.code for r in decision.reasons] == ["is_chief_executive"]
    assert "mentor" in decision.render("sv")


def test_a_manager_in_a_municipality_not_collaborating_in_the_cohort_is_not_eligible() -> None:
    decision = decide(
        application(municipality="Kinda", title="Förvaltningschef", reports_to=[NAMND])
    )
    assert decision.outcome is Outcome.NOT_ELIGIBLE
    assert [r.code for r in decision.reasons] == ["employed_by_collaborating_municipality"]
    assert decision.render("sv") == "Inte behörig: Kinda samverkar inte i omgången"


def test_a_strateg_in_kommunledningen_is_eligible() -> None:
    decision = decide(
        application(
            municipality="Norrköping",
            title="Strateg",
            organisation_kind=OrganisationKind.CENTRAL_ADMINISTRATION,
        )
    )
    assert decision.outcome is Outcome.ELIGIBLE
    assert not decision.warnings


def test_a_forvaltningschef_reporting_to_a_namnd_is_eligible() -> None:
    decision = decide(application(municipality="Mjölby", title="Socialchef", reports_to=[NAMND]))
    assert decision.outcome is Outcome.ELIGIBLE
    assert [(g.code, g.result) for g in decision.grounds] == [
        ("reports_to_political_body", Truth.TRUE),
        ("employed_by_collaborating_municipality", Truth.TRUE),
        ("is_chief_executive", Truth.FALSE),
    ]


def test_missing_facts_leave_the_decision_undetermined() -> None:
    decision = decide(application(municipality="Norrköping", title="Förvaltningschef"))
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing_facts == ("reports_to", "leads_staff_function")
    assert all(r.result is Truth.UNKNOWN for r in decision.reasons)
    assert decision.render("en").startswith("Undetermined: it is not known whether")


def test_a_failed_required_rule_decides_no_even_with_missing_facts() -> None:
    decision = decide(application(title="Kommunchef"))
    assert decision.outcome is Outcome.NOT_ELIGIBLE
    assert "municipality" in decision.missing_facts


def test_without_a_cohort_the_collaborating_municipalities_are_unknown() -> None:
    app = application(municipality="Linköping", title="Förvaltningschef", reports_to=[NAMND])
    decision = default_ruleset().evaluate(app, as_of=dt.date(2025, 9, 1))
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.missing_facts == ("collaborating_municipalities",)


def test_as_of_is_required() -> None:
    with pytest.raises(UsageError, match="as_of"):
        default_ruleset().evaluate(application())


def test_no_rule_in_force_is_undetermined_or_an_error_in_strict_mode() -> None:
    from ledarskap.errors import RuleError

    app = application(municipality="Linköping", title="IT-chef", leads_staff_function=True)
    decision = default_ruleset().evaluate(app, as_of=dt.date(2009, 12, 31))
    assert decision.outcome is Outcome.UNDETERMINED
    assert [r.code for r in decision.reasons] == ["no_rule_in_force"]
    assert "no rule" in decision.render("en")
    with pytest.raises(RuleError, match="no rule in force on 2009-12-31"):
        default_ruleset().evaluate(app, as_of=dt.date(2009, 12, 31), strict=True)


def test_a_decision_records_versions_and_round_trips_as_json() -> None:
    decision = decide(application(municipality="Motala", title="Avdelningschef", reports_to=[]))
    assert decision.as_of == COHORT.start
    assert decision.rule_versions == {
        "role": "2010-01-01",
        "collaborating-municipality": "2010-01-01",
        "not-chief-executive": "2010-01-01",
        "suggested-positions": "2010-01-01",
    }
    data = json.loads(json.dumps(decision.to_data()))
    assert data["format"] == "ledarskap.decision/1"
    again = Decision.from_data(data)
    assert again == decision
    assert again.render("sv", tree=True) == decision.render("sv", tree=True)


def test_the_tree_mirrors_the_rule() -> None:
    decision = decide(application(municipality="Motala", title="Avdelningschef", reports_to=[]))
    role = decision.rules[0].tree
    assert role is not None
    assert role.code == "any_of"
    assert [c.path for c in role.children] == ["role[0]", "role[1]", "role[2]"]
    strateg = role.children[2]
    assert [c.code for c in strateg.children] == ["position.eq", "works_in_central_administration"]
    assert strateg.children[0].seen == "avdelningschef"
    assert strateg.children[0].expected == "strateg"
    assert decision.tree.children[0] is role


def test_explain_false_is_deprecated_and_gives_the_same_outcome_without_trees() -> None:
    app = application(municipality="Motala", title="Avdelningschef", reports_to=[])
    with pytest.warns(DeprecationWarning, match=r"RuleSet.evaluate\(explain=...\)"):
        quick = default_ruleset().evaluate(app, cohort=COHORT, explain=False)
    assert quick.outcome is decide(app).outcome
    assert all(r.tree is None for r in quick.rules)
    with pytest.warns(DeprecationWarning, match="explain"):
        explained = default_ruleset().evaluate(app, cohort=COHORT, explain=True)
    assert explained == decide(app)


def test_bulk_evaluation_summarises_outcomes_and_reasons() -> None:
    apps = [
        application(id="a1", municipality="Linköping", title="IT-chef", leads_staff_function=True),
        application(id="a2", municipality="Kinda", title="Socialchef", reports_to=[NAMND]),
        application(id="a3", municipality="Boxholm", title="Skolchef", reports_to=[NAMND]),
        application(id="a4", municipality="Motala", title="Förvaltningschef"),
    ]
    rules = default_ruleset()
    result = rules.evaluate_many(apps, cohort=COHORT)
    assert result.summary.counts == {
        Outcome.ELIGIBLE: 1,
        Outcome.NOT_ELIGIBLE: 2,
        Outcome.UNDETERMINED: 1,
    }
    assert result.summary.reasons[0] == ("employed_by_collaborating_municipality=false", 2)
    assert [a.id for a in result.eligible()] == ["a1"]
    fast = rules.evaluate_many(apps, cohort=COHORT, explain=False)
    assert fast.outcomes == result.outcomes
    made = [fast.explained]
    assert fast.summary.counts == result.summary.counts
    assert fast.summary.reasons == ()  # without explanations, outcomes alone are counted
    made.append(fast.explained)
    assert [d.outcome for d in fast] == list(result.outcomes)
    made.append(fast.explained)
    assert made == [False, False, True]  # the decisions are made when first read
    assert fast[1:3] == result.decisions[1:3]
    assert fast[-1] == result[3]
    assert "Applications: 4" in result.summary.render("en")


def test_the_program_data_gives_cohorts_and_fills_facts_from_appointments() -> None:
    from ledarskap.io import example_program

    data = example_program()
    result = default_ruleset().evaluate_many(data.applications, program=data)
    assert len(result) == len(data.applications)
    assert result.summary.counts[Outcome.ELIGIBLE] > 0
    first = data.applications[0]
    bare = Application(
        id="ans-x",
        person_id=first.person_id,
        cohort_id=first.cohort_id,
        submitted=first.submitted,
        appointment_id=first.appointment_id,
    )
    decided = default_ruleset().evaluate(bare, program=data)
    assert decided.outcome is default_ruleset().evaluate(first, program=data).outcome
    assert decided.as_of == data.cohort(first.cohort_id).start
    assert decided.facts["position"] == "forvaltningschef"


@pytest.mark.parametrize(
    ("call", "where"),
    [
        (
            lambda r, a, c: r.evaluate(a, as_of="2025-09-01"),
            "as_of: expected a date (datetime.date) or None, found text '2025-09-01'",
        ),
        (
            lambda r, a, c: r.evaluate(a, as_of=dt.datetime(2025, 9, 1)),
            "as_of: expected a date (datetime.date) or None, found the date-time '2025-09-01T00:00:00'",
        ),
        (
            lambda r, a, c: r.evaluate(a, cohort="liko-2025"),
            "cohort: expected a Cohort or None, found text 'liko-2025'",
        ),
        (
            lambda r, a, c: r.evaluate(a, cohort=c, program="x"),
            "program: expected a ProgramData or None, found text 'x'",
        ),
        (
            lambda r, a, c: r.evaluate_many([a], program="x"),
            "program: expected a ProgramData or None, found text 'x'",
        ),
        (lambda r, a, c: r.evaluate(a), "as_of: expected a date, or a cohort"),
        (
            lambda r, a, c: r.evaluate(None, cohort=c),
            "application: expected an Application, found null",
        ),
        (
            lambda r, a, c: r.evaluate_many([a, None], as_of=c.start),
            "applications[1]: expected an Application, found null",
        ),
        (
            lambda r, a, c: r.evaluate_many([a, 7], cohort=c, explain=False),
            "applications[1]: expected an Application, found the number 7",
        ),
        (
            lambda r, a, c: EvaluationContext.for_cohort(as_of="2025-09-01"),  # type: ignore[arg-type]
            "as_of: expected a date (datetime.date) or None, found text '2025-09-01'",
        ),
    ],
)
def test_arguments_of_the_wrong_kind_are_usage_errors(call: Any, where: str) -> None:
    """Bad arguments give the library's error naming the argument, never an AttributeError."""
    app = Application(id="a-1", person_id="p-1", cohort_id="c-1", submitted=dt.date(2025, 4, 1))
    cohort = Cohort(
        id="c-1",
        program_id="liko",
        name="Omgång",
        start=dt.date(2025, 9, 1),
        end=dt.date(2026, 6, 30),
    )
    with pytest.raises(UsageError) as caught:
        call(default_ruleset(), app, cohort)
    assert str(caught.value).startswith(where)
    assert isinstance(caught.value, TypeError)


def test_empty_junctions_are_rule_errors() -> None:
    from ledarskap.eligibility import all_of, any_of, not_

    with pytest.raises(RuleError, match="at least one rule"):
        all_of()
    with pytest.raises(RuleError, match="at least one rule"):
        any_of()
    with pytest.raises(UsageError, match="expected a Rule"):
        not_("reports_to_political_body")  # type: ignore[arg-type]


def test_an_unknown_language_is_refused_not_english() -> None:
    app = Application(id="a-1", person_id="p-1", cohort_id="c-1", submitted=dt.date(2025, 4, 1))
    decision = default_ruleset().evaluate(app, as_of=dt.date(2025, 9, 1))
    with pytest.raises(InvalidValueError, match="language"):
        decision.render("de")  # type: ignore[arg-type]
    summary = default_ruleset().evaluate_many([app], as_of=dt.date(2025, 9, 1)).summary
    with pytest.raises(InvalidValueError, match="language"):
        summary.render("de")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "call",
    [
        lambda d, r: d.render("sv ", tree=True),
        lambda d, r: render_node(d.reasons[0], "de"),  # type: ignore[arg-type]
        lambda d, r: render_reason(d.reasons, "de"),  # type: ignore[arg-type]
        lambda d, r: join(["a", "b"], "EN"),  # type: ignore[arg-type]
        lambda d, r: d.outcome.label("de"),
        lambda d, r: Truth.TRUE.label("fi"),  # type: ignore[arg-type]
        lambda d, r: r.entries[0].title("de"),
        lambda d, r: r.registry.get_predicate("leads_staff_function").texts("de"),
        lambda d, r: r.registry.get_field("position").label(None),
    ],
)
def test_every_text_of_eligibility_refuses_an_unknown_language(call: Any) -> None:
    """Nowhere does an unknown language silently give English."""
    app = application(municipality="Motala", title="Avdelningschef", reports_to=[])
    rules = default_ruleset()
    decision = rules.evaluate(app, cohort=COHORT)
    with pytest.raises(InvalidValueError) as caught:
        call(decision, rules)
    assert str(caught.value).startswith("language: expected 'sv' or 'en', found ")


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ([1], "$: expected a table, found a list of 1 items"),
        ({"format": "ledarskap.decision/1", "outcome": "maybe"}, "$.outcome: expected one of"),
        ({"format": "ledarskap.decision/1", "as_of": "2025-13-01"}, "$.as_of: expected a date"),
        (
            {"format": "ledarskap.decision/1", "rules": [{"id": "x"}]},
            "$.rules[0].version: expected the key 'version'",
        ),
        ({"format": "ledarskap.decision/9"}, "$.format: expected 'ledarskap.decision/1'"),
    ],
)
def test_unreadable_decision_data_is_located(data: object, problem: str) -> None:
    """Each problem of decision data names its path and what was expected, no Python internals."""
    with pytest.raises(RuleError) as caught:
        Decision.from_data(data)
    assert any(str(p).startswith(problem) for p in caught.value.problems), caught.value
    assert "Error(" not in str(caught.value)


def test_predicate_problems_read_as_text() -> None:
    from ledarskap.eligibility import predicate

    with pytest.raises(RuleError) as caught:
        predicate("reports_to_politcal_body")
    assert str(caught.value.problems[0]) == (
        "predicate 'reports_to_politcal_body': unknown predicate or field "
        "'reports_to_politcal_body' (did you mean 'reports_to_political_body'?)"
    )


def test_a_summary_as_data_is_json_ready() -> None:
    apps = [
        Application(id=f"a-{n}", person_id=f"p-{n}", cohort_id="c-1", submitted=dt.date(2025, 4, 1))
        for n in range(3)
    ]
    summary = default_ruleset().evaluate_many(apps, as_of=dt.date(2025, 9, 1)).summary
    data = json.loads(json.dumps(summary.to_data()))
    assert data["format"] == "ledarskap.summary/1"
    assert data["total"] == 3
    assert data["counts"] == {"eligible": 0, "not-eligible": 0, "undetermined": 3}
    assert all(set(item) == {"key", "count"} for item in data["missing_facts"])


def test_a_summary_words_its_reasons_from_the_message_catalogue() -> None:
    apps = [
        application(
            id="a1",
            municipality="Motala",
            title="Avdelningschef",
            reports_to=[],
            leads_staff_function=False,
        ),
        application(id="a2", municipality="Kinda", title="Socialchef", reports_to=[NAMND]),
        application(id="a3", municipality="Boxholm", title="Skolchef", reports_to=[NAMND]),
        application(id="a4", municipality="Linköping", title="IT-chef", leads_staff_function=True),
    ]
    summary = default_ruleset().evaluate_many(apps, cohort=COHORT).summary
    assert summary.reasons[0] == ("employed_by_collaborating_municipality=false", 2)
    swedish, english = summary.render("sv"), summary.render("en")
    assert "Vanligaste skäl:\n  2 × kommunen samverkar inte i omgången\n" in swedish
    assert "  1 × rapporterar inte till någon nämnd eller styrelse\n" in swedish
    assert "  1 × befattningen är inte strateg i kommunledningen\n" in swedish
    assert "Most common reasons:\n  2 × the municipality does not collaborate in the cohort\n" in (
        english
    )
    assert "Most common warnings:\n" in english
    for text in (swedish, english):
        assert "=false" not in text
        assert "_" not in text
    # The data stays in no language: keys and counts.
    assert summary.to_data()["reasons"][0] == {
        "key": "employed_by_collaborating_municipality=false",
        "count": 2,
    }


def test_a_summary_lists_the_values_many_applicants_were_seen_with() -> None:
    from ledarskap.eligibility import Summary

    nodes = tuple(
        DecisionNode(path="r[0]", code="reports_to_political_body", result=Truth.TRUE, seen=[b])
        for b in ("Kommunstyrelsen", "Socialnämnden")
    )
    summary = Summary(
        total=2,
        counts={Outcome.NOT_ELIGIBLE: 2},
        reasons=(("reports_to_political_body=true", 2), ("custom=false", 1)),
        examples={"reports_to_political_body=true": nodes},
    )
    text = summary.render("en")
    assert "2 × reports to Kommunstyrelsen or Socialnämnden" in text
    assert "1 × custom=false" in text  # no node to word it from: the key


def test_unreadable_decision_data_names_every_path_inside_the_tree() -> None:
    app = application(municipality="Motala", title="Avdelningschef", reports_to=[])
    data = default_ruleset().evaluate(app, cohort=COHORT).to_data()
    data["outcome"] = "maybe"
    data["rules"][0]["tree"]["children"][1]["result"] = "yes"
    data["rules"][1]["valid_from"] = "2010-13-01"
    data["reasons"] = [3]
    with pytest.raises(RuleError) as caught:
        Decision.from_data(data)
    assert [str(p) for p in caught.value.problems] == [
        "$.outcome: expected one of eligible, not-eligible, undetermined, found text 'maybe'",
        "$.rules[0].tree.children[1].result: expected one of true, false, unknown, found text 'yes'",
        "$.rules[1].valid_from: expected a date as YYYY-MM-DD, found text '2010-13-01'",
        "$.reasons[0]: expected a table, found the number 3",
    ]
    with pytest.raises(RuleError, match=r"\$: expected a table, found text 'a decision'"):
        Decision.from_data("a decision")
    with pytest.raises(RuleError, match=r"\$.children\[0\]: expected a table"):
        DecisionNode.from_data({"path": "r", "code": "all_of", "result": "true", "children": [1]})

"""Many applications at once: outcomes at once, decisions when read, and a summary."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from ledarskap.eligibility import (
    DecisionNode,
    Outcome,
    Summary,
    Truth,
    default_ruleset,
    parse_ruleset,
)
from ledarskap.io import example_program
from ledarskap.model import Application, PoliticalBody, PoliticalBodyKind

from ._cases import COHORT, NAMND, application


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


def test_a_bulk_result_is_a_sequence_of_decisions_made_when_read() -> None:
    """Indexing, slicing and iteration give the decisions one evaluation would."""
    apps = [
        application(id="a1", municipality="Linköping", title="IT-chef", leads_staff_function=True),
        application(id="a2", municipality="Kinda", title="Socialchef", reports_to=[NAMND]),
        application(id="a3", municipality="Motala", title="Förvaltningschef"),
    ]
    rules = default_ruleset()
    result = rules.evaluate_many(apps, cohort=COHORT)
    one_by_one = [rules.evaluate(a, cohort=COHORT) for a in apps]
    assert result[-1] == one_by_one[-1]
    assert result[0:2] == tuple(one_by_one[:2])
    assert list(result) == one_by_one
    assert [a.id for a in result.eligible()] == ["a1"]
    assert repr(result) == (
        "<BulkResult: 3 applications, eligible=1, not-eligible=1, undetermined=1>"
    )
    with pytest.raises(IndexError):
        result[3]


def test_with_a_program_each_application_is_decided_for_its_own_cohort() -> None:
    """Without a cohort, the program gives each application's cohort, and its facts."""

    data = example_program()
    result = default_ruleset().evaluate_many(data.applications[:5], program=data)
    for application_, decision in zip(data.applications[:5], result, strict=True):
        assert decision == default_ruleset().evaluate(application_, program=data)


def test_the_summary_masks_what_an_applicant_wrote() -> None:
    """A reason may quote a body's name: masked, as one decision masks it."""
    rules = parse_ruleset(
        'format = "ledarskap.rules/1"\nid = "d"\nversion = "1"\n'
        '[[rules]]\nid = "r"\nwhen = "not reports_to_political_body"\n'
    )
    body = PoliticalBody(
        name="Nämnd 19850312-2395 anna.berg@linkoping.se", kind=PoliticalBodyKind.NAMND
    )
    app = application(reports_to=[body])
    summary = rules.evaluate_many([app], cohort=COHORT).summary
    for language in ("sv", "en"):
        shown = summary.render(language)
        assert "19XXXXXX-XX95" in shown
        assert "a…@linkoping.se" in shown
        assert "19850312-2395" not in shown
        assert "anna.berg" not in shown

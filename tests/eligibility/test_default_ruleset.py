"""The default rule set decides the seed's target group as the program text says."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from ledarskap.eligibility import (
    Decision,
    Outcome,
    Truth,
    default_ruleset,
)
from ledarskap.errors import RuleError
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


def test_no_rule_in_force_is_undetermined_or_an_error_in_strict_mode() -> None:

    app = application(municipality="Linköping", title="IT-chef", leads_staff_function=True)
    decision = default_ruleset().evaluate(app, as_of=dt.date(2009, 12, 31))
    assert decision.outcome is Outcome.UNDETERMINED
    assert [r.code for r in decision.reasons] == ["no_rule_in_force"]
    assert "no rule" in decision.render("en")
    with pytest.raises(RuleError, match="no rule in force on 2009-12-31"):
        default_ruleset().evaluate(app, as_of=dt.date(2009, 12, 31), strict=True)


def test_explain_false_is_deprecated_and_gives_the_same_outcome_without_trees() -> None:
    app = application(municipality="Motala", title="Avdelningschef", reports_to=[])
    with pytest.warns(DeprecationWarning, match=r"RuleSet.evaluate\(explain=...\)"):
        quick = default_ruleset().evaluate(app, cohort=COHORT, explain=False)
    assert quick.outcome is decide(app).outcome
    assert all(r.tree is None for r in quick.rules)
    with pytest.warns(DeprecationWarning, match="explain"):
        explained = default_ruleset().evaluate(app, cohort=COHORT, explain=True)
    assert explained == decide(app)

"""Applications (ansökningar): the facts an eligibility rule decides on, some possibly unknown."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledarskap import (
    Application,
    ApplicationStatus,
    Cohort,
    InvalidValueError,
    OrganisationKind,
    PoliticalBody,
    PoliticalBodyKind,
    StaffFunction,
    position,
)
from ledarskap import testing as lt

LAWS = settings(max_examples=40, deadline=None)
D = dt.date


def test_an_application_with_every_fact() -> None:
    application = Application(
        id="ans-001",
        person_id="p-001",
        cohort_id="liko-2025",
        submitted=D(2025, 3, 4),
        municipality="Mjölby",
        organisation="Socialförvaltningen",
        organisation_kind=OrganisationKind.ADMINISTRATION,
        title="Socialchef",
        in_position_since=D(2019, 1, 7),
        reports_to=[PoliticalBody(name="Socialnämnden", kind=PoliticalBodyKind.NAMND)],
        leads_staff_function=False,
    )
    assert application.position is position("forvaltningschef")
    assert application.municipality is not None
    assert application.municipality.code == "0586"
    assert application.status is ApplicationStatus.SUBMITTED
    assert len(application.reports_to or ()) == 1


def test_unknown_facts_stay_unknown() -> None:
    application = Application(
        id="ans-106", person_id="p-106", cohort_id="liko-2025", submitted=D(2025, 5, 30)
    )
    assert application.municipality is None
    assert application.title is None
    assert application.position is None
    assert application.reports_to is None
    assert application.leads_staff_function is None


def test_reporting_to_no_body_differs_from_not_saying() -> None:
    stated = Application(
        id="ans-1", person_id="p-1", cohort_id="c-1", submitted=D(2025, 4, 1), reports_to=[]
    )
    assert stated.reports_to == ()


def test_status_labels() -> None:
    assert ApplicationStatus.WAITLISTED.label() == "reserv"
    assert ApplicationStatus.REJECTED.label("en") == "rejected"
    assert all(s.label("sv") and s.label("en") for s in ApplicationStatus)


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("submitted", "2025-04-01", "a date"),
        ("municipality", "Linkopping", "one of Sweden's 290"),
        ("leads_staff_function", "yes", "True or False"),
        ("staff_function", "hr", "a StaffFunction"),
        ("reports_to", ["Socialnämnden"], "a PoliticalBody"),
        ("title", "", "a non-empty text"),
        ("status", "admitted", "an ApplicationStatus"),
    ],
)
def test_bad_fields_are_named(field: str, value: object, expected: str) -> None:
    fields: dict[str, object] = {
        "id": "ans-1",
        "person_id": "p-1",
        "cohort_id": "c-1",
        "submitted": D(2025, 4, 1),
    }
    fields[field] = value
    with pytest.raises(
        InvalidValueError,
        match=rf"(Application\.{field}(\[0\])?|municipality): expected {expected}",
    ):
        Application(**fields)  # type: ignore[arg-type]


COHORT = Cohort(
    id="liko-2025",
    program_id="liko",
    name="Omgång 2025/26",
    start=D(2025, 9, 15),
    end=D(2026, 9, 30),
    application_deadline=D(2025, 5, 31),
)


@LAWS
@given(
    lt.applications(cohort=COHORT, person_id="p-1", municipalities=["0580", "0581"], complete=True)
)
def test_a_complete_application_states_every_fact_by_the_deadline(application: Application) -> None:
    """applications(cohort=…, complete=True) states every fact, submitted by the deadline."""
    assert application.cohort_id == COHORT.id
    assert application.person_id == "p-1"
    assert COHORT.is_open_for_applications(application.submitted)
    assert application.municipality is not None
    assert application.municipality.code in {"0580", "0581"}
    assert application.position is not None
    assert application.reports_to is not None
    assert application.leads_staff_function == (application.staff_function is not None)
    assert application.in_position_since is not None
    assert application.in_position_since <= application.submitted


@LAWS
@given(lt.applications(complete=False))
def test_an_incomplete_application_leaves_a_fact_out(application: Application) -> None:
    """applications(complete=False) leaves at least one fact unknown (None)."""
    facts = [
        application.municipality,
        application.organisation,
        application.organisation_kind,
        application.title,
        application.in_position_since,
        application.reports_to,
        application.leads_staff_function,
    ]
    assert None in facts
    if application.title is None:
        assert application.position is None


@LAWS
@given(
    lt.applications(),
    st.sampled_from(
        [
            "id",
            "person_id",
            "cohort_id",
            "submitted",
            "organisation",
            "in_position_since",
            "staff_function",
        ]
    ),
)
def test_evolving_with_a_bad_value_names_the_field(application: Application, field: str) -> None:
    """Changing a field of a valid application to an invalid value raises an error naming it."""
    with pytest.raises(InvalidValueError) as caught:
        attrs.evolve(application, **dict[str, Any]({field: 12}))
    assert caught.value.location == f"Application.{field}"


def test_staff_function_value_is_kept() -> None:
    application = Application(
        id="a",
        person_id="p",
        cohort_id="c",
        submitted=D(2025, 4, 1),
        staff_function=StaffFunction.HR,
    )
    assert application.staff_function is StaffFunction.HR

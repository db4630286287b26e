"""Appointments (anställningar): a person in a position at an organisation, for a time."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given, settings
from hypothesis import strategies as st

from ledarskap import (
    Application,
    Appointment,
    InvalidValueError,
    OrganisationKind,
    PoliticalBody,
    PoliticalBodyKind,
    PositionKind,
    StaffFunction,
    UnknownMunicipalityError,
    municipality,
    position,
)
from ledarskap import testing as lt
from ledarskap.model import whole_years

LAWS = settings(max_examples=50, deadline=None)
SOCIALNAMNDEN = PoliticalBody(name="Socialnämnden", kind=PoliticalBodyKind.NAMND)


def job(**changes: object) -> Appointment:
    fields: dict[str, object] = {
        "id": "a-1",
        "person_id": "p-anna",
        "municipality": "Linköping",
        "organisation": "Socialförvaltningen",
        "title": "Förvaltningschef, socialförvaltningen",
        "start": dt.date(2021, 3, 1),
        "reports_to": [SOCIALNAMNDEN],
    }
    fields.update(changes)
    return Appointment(**fields)  # type: ignore[arg-type]


def test_a_forvaltningschef_reporting_to_a_namnd() -> None:
    appointment = job()
    assert appointment.municipality is municipality("0580")
    assert appointment.position is position("forvaltningschef")
    assert appointment.organisation_kind is OrganisationKind.ADMINISTRATION
    assert appointment.reports_to == (SOCIALNAMNDEN,)
    assert appointment.works_towards_political_leadership
    assert appointment.staff_function is None
    assert str(SOCIALNAMNDEN) == "Socialnämnden"


def test_an_ekonomidirektor_in_a_staff_function() -> None:
    appointment = job(
        title="Ekonomidirektör",
        organisation="Kommunledningskontoret",
        organisation_kind=OrganisationKind.CENTRAL_ADMINISTRATION,
        reports_to=(),
        staff_function=StaffFunction.FINANCE,
    )
    assert appointment.position is not None
    assert appointment.position.kind is PositionKind.STAFF
    assert not appointment.works_towards_political_leadership


def test_an_unmatched_title_keeps_no_position_and_a_given_one_wins() -> None:
    assert job(title="Kulturstrateg i kommunledningen").position is None
    assert job(title="Kulturstrateg", position="strateg").position is position("strateg")


def test_holds_on_includes_both_ends() -> None:
    appointment = job(end=dt.date(2024, 12, 31))
    assert appointment.holds_on(dt.date(2021, 3, 1))
    assert appointment.holds_on(dt.date(2024, 12, 31))
    assert not appointment.holds_on(dt.date(2021, 2, 28))
    assert not appointment.holds_on(dt.date(2025, 1, 1))
    assert job().holds_on(dt.date(2040, 1, 1))


def test_years_in_position() -> None:
    assert job().years_in_position(dt.date(2025, 2, 28)) == 3
    assert job().years_in_position(dt.date(2025, 3, 1)) == 4
    assert job().years_in_position(dt.date(2020, 1, 1)) == 0
    assert job(end=dt.date(2023, 6, 30)).years_in_position(dt.date(2030, 1, 1)) == 2


def test_an_end_before_the_start_is_refused() -> None:
    with pytest.raises(
        InvalidValueError,
        match=r"Appointment\.end: expected a date on or after start \(2021-03-01\), found '2020-01-01'",
    ):
        job(end=dt.date(2020, 1, 1))


def test_an_unknown_municipality_is_refused() -> None:
    with pytest.raises(UnknownMunicipalityError, match="did you mean 0580 Linköping"):
        job(municipality="Linkping")


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("start", dt.datetime(2021, 3, 1, 8, 0), "a date"),
        ("organisation", "", "a non-empty text"),
        ("reports_to", ["Socialnämnden"], "a PoliticalBody"),
        ("reports_to", "Socialnämnden", "a tuple"),
        ("staff_function", "finance", "a StaffFunction"),
        ("organisation_kind", "administration", "an OrganisationKind"),
    ],
)
def test_bad_fields_are_named(field: str, value: object, expected: str) -> None:
    with pytest.raises(
        InvalidValueError, match=rf"Appointment\.{field}(\[0\])?: expected {expected}"
    ):
        job(**{field: value})


def test_labels_in_swedish_and_english() -> None:
    assert OrganisationKind.CENTRAL_ADMINISTRATION.label() == "kommunledningen"
    assert OrganisationKind.MUNICIPAL_COMPANY.label("en") == "municipal company"
    assert PoliticalBodyKind.NAMND.label() == "nämnd"
    assert PoliticalBodyKind.KOMMUNSTYRELSE.label("en") == "municipal executive board"
    assert StaffFunction.HR.label() == "personal/HR"
    assert StaffFunction.FINANCE.label("en") == "finance"
    for kinds in (OrganisationKind, PoliticalBodyKind, StaffFunction):
        for kind in kinds:
            assert kind.label("sv")
            assert kind.label("en")


@LAWS
@given(lt.appointments())
def test_every_generated_appointment_satisfies_its_invariants(appointment: Appointment) -> None:
    """An appointment ends on or after it starts, holds on its start, and fits its position."""
    assert appointment.end is None or appointment.end >= appointment.start
    assert appointment.holds_on(appointment.start)
    assert appointment.position is not None
    if appointment.position.kind is PositionKind.STAFF:
        assert appointment.staff_function is not None
    if appointment.position.kind in (PositionKind.POLITICAL_LINE, PositionKind.COMPANY_CEO):
        assert appointment.works_towards_political_leadership
    assert appointment.years_in_position(appointment.start) == 0


@LAWS
@given(lt.appointments(ongoing=True), st.dates())
def test_an_ongoing_appointment_holds_from_its_start_on(
    appointment: Appointment, day: dt.date
) -> None:
    """An ongoing appointment holds on exactly the days from its start on."""
    assert appointment.holds_on(day) == (day >= appointment.start)


@LAWS
@given(
    lt.appointments(ongoing=False),
    st.sampled_from(["id", "person_id", "organisation", "title", "start", "reports_to"]),
)
def test_evolving_with_a_bad_value_names_the_field(appointment: Appointment, field: str) -> None:
    """Changing a field of a valid appointment to an invalid value raises an error naming it."""
    with pytest.raises(InvalidValueError) as caught:
        attrs.evolve(appointment, **dict[str, Any]({field: 3}))
    assert caught.value.location.startswith(f"Appointment.{field}")


@LAWS
@given(lt.appointments(ongoing=False))
def test_evolving_the_end_before_the_start_is_refused(appointment: Appointment) -> None:
    """Moving an appointment's end before its start raises an error naming ``end``."""
    with pytest.raises(InvalidValueError) as caught:
        attrs.evolve(appointment, end=appointment.start - dt.timedelta(days=1))
    assert caught.value.location == "Appointment.end"


@LAWS
@given(lt.appointments(person_id="p-1", municipalities=["Motala"], positions=["ekonomidirektor"]))
def test_the_strategy_options_are_kept(appointment: Appointment) -> None:
    """appointments(person_id=…, municipalities=…, positions=…) keeps to what it was given."""
    assert appointment.person_id == "p-1"
    assert appointment.municipality.name == "Motala"
    assert appointment.position is position("ekonomidirektor")
    assert appointment.staff_function is StaffFunction.FINANCE


@LAWS
@given(lt.political_bodies(kinds=[PoliticalBodyKind.NAMND]), st.sampled_from(["name", "kind"]))
def test_evolving_a_political_body_with_a_bad_value_names_the_field(
    body: PoliticalBody, field: str
) -> None:
    """A nämnd keeps its kind; changing a field to an invalid value names the field."""
    assert body.kind is PoliticalBodyKind.NAMND
    assert hash(attrs.evolve(body)) == hash(body)
    with pytest.raises(InvalidValueError) as caught:
        attrs.evolve(body, **dict[str, Any]({field: ""}))
    assert caught.value.location == f"PoliticalBody.{field}"


@given(since=st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)), later=st.integers(-400, 9000))
def test_one_count_of_whole_years(since: dt.date, later: int) -> None:
    """Law: the appointment, the application and whole_years count tenure the same way.

    A year is whole on its anniversary as dateutil counts it (a start on 29 February has
    its anniversary on 28 February), and nothing is counted before the start.
    """

    as_of = since + dt.timedelta(days=later)
    expected = relativedelta(as_of, since).years if as_of > since else 0
    appointment = Appointment(
        id="a-1",
        person_id="p-1",
        municipality="Linköping",
        organisation="Kommunledningskontoret",
        title="Ekonomidirektör",
        start=since,
    )
    application = Application(
        id="ans-1", person_id="p-1", cohort_id="c-1", submitted=since, in_position_since=since
    )
    assert whole_years(since, as_of) == expected
    assert appointment.years_in_position(as_of) == expected
    assert application.years_in_position(as_of) == expected


def test_a_leap_day_start_has_its_anniversary_on_28_february() -> None:
    assert (
        Appointment(
            id="a-1",
            person_id="p-1",
            municipality="Linköping",
            organisation="Kommunledningskontoret",
            title="Ekonomidirektör",
            start=dt.date(2020, 2, 29),
        ).years_in_position(dt.date(2021, 2, 28))
        == 1
    )


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Socialnämnden", PoliticalBodyKind.NAMND),
        ("SOCIALNAMNDEN", PoliticalBodyKind.NAMND),
        ("Kommunstyrelsen", PoliticalBodyKind.KOMMUNSTYRELSE),
        ("Regionstyrelsen", PoliticalBodyKind.KOMMUNSTYRELSE),
        ("kommunfullmaktige", PoliticalBodyKind.FULLMAKTIGE),
        ("Regionfullmäktige", PoliticalBodyKind.FULLMAKTIGE),
        ("Styrelsen för Tekniska verken AB", PoliticalBodyKind.STYRELSE),
        ("Lars", None),
        ("", None),
    ],
)
def test_the_kind_of_a_body_is_read_from_its_name_in_any_case_with_or_without_accents(
    name: str, kind: PoliticalBodyKind | None
) -> None:
    """The one reading of a kind from a name: case and accents do not matter."""
    assert PoliticalBodyKind.from_name(name) is kind

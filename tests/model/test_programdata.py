"""ProgramData: the whole program in one value, its look-ups and queries; the example program."""

from __future__ import annotations

import datetime as dt
import importlib.util
import itertools
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import ledarskap
from ledarskap import (
    InvalidValueError,
    MeetingStatus,
    MentorshipStatus,
    PositionKind,
    ProgramData,
    UnknownReferenceError,
    municipality,
)
from ledarskap import testing as lt

LAWS = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
D = dt.date
EXAMPLES = Path(__file__).parent.parent.parent / "examples" / "build_example_program.py"


@pytest.fixture(scope="module")
def example() -> ProgramData:
    return ledarskap.example_program()


def assert_consistent(data: ProgramData) -> None:
    """Every cross-record rule the generated and the example data keep."""
    kinds: list[tuple[Any, ...]] = [
        data.people,
        data.appointments,
        data.cohorts,
        data.participants,
        data.mentors,
        data.mentorships,
        data.meetings,
        data.applications,
    ]
    for records in kinds:
        ids = [record.id for record in records]
        assert len(set(ids)) == len(ids)
    theme_ids = {theme.id for theme in data.program.themes}
    for cohort in data.cohorts:
        assert cohort.program_id == data.program.id
        adepts = data.participants_of(cohort.id)
        assert cohort.capacity is None or len(adepts) <= cohort.capacity
        for session in cohort.sessions:
            assert cohort.start <= session.start <= session.end <= cohort.end
            assert set(session.theme_ids) <= theme_ids
        grouped = [pid for group in cohort.support_groups for pid in group.participant_ids]
        assert len(grouped) == len(set(grouped))
        assert set(grouped) <= {adept.id for adept in adepts}
        chiefs = {c.municipality: c.chief_executive_id for c in cohort.collaborations}
        for mentor in data.mentors_of(cohort.id):
            assert chiefs[mentor.municipality] == mentor.person_id
            job = data.appointment_on(mentor.person_id, cohort.start)
            assert job is not None
            assert job.position is not None
            assert job.position.kind is PositionKind.CHIEF_EXECUTIVE
            assert job.municipality == mentor.municipality
            assert len(data.adepts_of(mentor.id)) <= mentor.capacity
        for adept in adepts:
            data.person(adept.person_id)
            home = data.municipality_of(adept)
            assert home in chiefs
            pairs = data.mentorships_of(adept.id)
            assert 1 <= len(pairs) <= 2  # two: a replaced mentor, then the new one
            for earlier, later in itertools.pairwise(pairs):
                assert earlier.status is MentorshipStatus.ENDED_EARLY
                assert earlier.end is not None
                assert earlier.end < later.start
            for pair in pairs:
                pair_mentor = data.mentor(pair.mentor_id)
                assert pair_mentor.cohort_id == cohort.id
                assert pair_mentor.municipality != home
                assert cohort.start <= pair.start
                assert pair.end is None or pair.end <= cohort.end
                for meeting in data.meetings_of(pair.id):
                    assert pair.start <= meeting.on <= (pair.end or cohort.end)
                    if pair.status is MentorshipStatus.PROPOSED:
                        assert meeting.status is not MeetingStatus.HELD
            if adept.application_id is not None:
                application = data.application(adept.application_id)
                assert application.person_id == adept.person_id
                assert application.cohort_id == cohort.id
        for application in data.applications_to(cohort.id):
            data.person(application.person_id)
            assert cohort.is_open_for_applications(application.submitted)
            if application.appointment_id is not None:
                job = data.appointment(application.appointment_id)
                assert job.person_id == application.person_id
                assert job.holds_on(application.submitted)
    for job in data.appointments:
        data.person(job.person_id)


def test_the_example_program_is_consistent(example: ProgramData) -> None:
    assert_consistent(example)
    assert not ledarskap.validate(example).findings


def test_the_example_program(example: ProgramData) -> None:
    program = example.program
    assert (program.name, program.short_name) == ("Ledarskap i kommuner", "LiKO")
    assert program.organiser.name == "CKS"
    assert len(program.organiser.partner_municipalities) == 13
    assert len(program.themes) == 2
    (cohort,) = example.cohorts
    assert 18 <= len(cohort.collaborations) <= 20
    assert {m.county.code for m in cohort.municipalities} <= {"04", "05", "06", "08", "18"}
    assert 6 <= len(cohort.sessions) <= 8
    assert all(5 <= len(g.participant_ids) <= 6 for g in cohort.support_groups)
    assert len(example.participants_of(cohort.id)) == 25
    assert len(example.applications_to(cohort.id)) >= 30
    completed = [
        pair
        for pair in example.mentorships
        if example.participant(pair.participant_id).status.value == "completed"
    ]
    assert all(5 <= len(example.meetings_of(pair.id)) <= 7 for pair in completed)


def test_the_shipped_example_is_what_the_builder_builds(example: ProgramData) -> None:
    spec = importlib.util.spec_from_file_location("build_example_program", EXAMPLES)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.build() == example


def test_look_ups_by_id(example: ProgramData) -> None:
    adept = example.participant("d-001")
    assert example.person(adept.person_id).name == "Anna Berglund"
    assert example.appointment(adept.appointment_id).municipality is municipality("0580")
    assert example.cohort("liko-2025").name == "Omgång 2025/26"
    assert example.mentor("mentor-0581").municipality.name == "Norrköping"
    assert example.mentorship("ms-001").mentor_id == "mentor-0581"
    assert example.application("ans-001").person_id == adept.person_id


@pytest.mark.parametrize(
    "look_up",
    ["person", "appointment", "cohort", "participant", "mentor", "mentorship", "application"],
)
def test_an_unknown_id_names_the_collection(example: ProgramData, look_up: str) -> None:
    with pytest.raises(UnknownReferenceError) as caught:
        getattr(example, look_up)("nobody")
    assert caught.value.location.startswith("ProgramData.")
    assert isinstance(caught.value, LookupError)


def test_queries(example: ProgramData) -> None:
    assert len(example.mentors_of("liko-2025")) == 19
    assert example.participants_of("no-such-cohort") == ()
    assert [p.id for p in example.adepts_of("mentor-0581")] == ["d-001", "d-011"]
    assert example.adepts_of("mentor-0581", on=D(2025, 1, 1)) == ()
    assert example.adepts_of("mentor-1882") == ()
    assert example.mentor_of("d-001", on=D(2025, 1, 1)) is None
    meetings = example.meetings_of("ms-001")
    assert [m.on for m in meetings] == sorted(m.on for m in meetings)
    assert len(example.participants_in("Linköping")) == 3
    assert len(example.participants_in("0580", cohort_id="other")) == 0
    assert len(example.participants_in_county("Östergötland")) == 18
    assert len(example.participants_in_county("04", cohort_id="liko-2025")) == 3


def test_a_person_who_changed_jobs(example: ProgramData) -> None:
    earlier, current = example.appointments_of("p-024")
    assert earlier.end is not None
    assert earlier.end < current.start
    assert example.appointment_on("p-024", D(2020, 1, 1)) == earlier
    assert example.appointment_on("p-024", D(2025, 9, 15)) == current
    assert example.appointment_on("p-024", D(2017, 1, 1)) is None
    assert example.municipality_of(example.participant("d-024")).name == "Västervik"


def test_a_withdrawn_participant_has_fewer_meetings(example: ProgramData) -> None:
    withdrawn = [p for p in example.participants if p.status.value == "withdrawn"]
    assert len(withdrawn) == 1
    (pair,) = example.mentorships_of(withdrawn[0].id)
    assert pair.end is not None
    assert all(m.on <= pair.end for m in example.meetings_of(pair.id))
    cancelled = [m for m in example.meetings if m.status is MeetingStatus.CANCELLED]
    assert len(cancelled) == 1


def test_records_must_be_of_their_kind(example: ProgramData) -> None:
    with pytest.raises(InvalidValueError, match=r"ProgramData\.people\[0\]: expected a Person"):
        attrs.evolve(example, people=(example.cohorts[0],))
    with pytest.raises(InvalidValueError, match=r"ProgramData\.program: expected a Program"):
        attrs.evolve(example, program=None)  # type: ignore[arg-type]


def test_the_first_of_repeated_ids_wins(example: ProgramData) -> None:
    first = example.people[0]
    twice = attrs.evolve(example, people=(first, attrs.evolve(first, given_name="Annan")))
    assert twice.person(first.id) is first


def test_repr_counts_records(example: ProgramData) -> None:
    text = repr(example)
    assert "people=<" in text
    assert "@" not in text


@LAWS
@given(lt.program_data())
def test_every_generated_program_is_consistent(data: ProgramData) -> None:
    """Generated program data keeps every cross-record rule: ids unique and resolvable,
    mentors from other collaborating municipalities within capacity, sessions and meetings
    inside their cohort and mentorship, applications in by the deadline; and the library's
    validation finds nothing wrong with it."""
    assert_consistent(data)
    report = ledarskap.validate(data)
    assert not report.findings, report


@LAWS
@given(lt.program_data(max_cohorts=1, max_participants=3))
def test_equal_program_data_hash_equal(data: ProgramData) -> None:
    """A copy of program data equals it and hashes equal."""
    copy = attrs.evolve(data)
    assert copy == data
    assert hash(copy) == hash(data)

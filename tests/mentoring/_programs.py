"""Small programs to pair: adepts and mentors by municipality, made for the tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import attrs
from hypothesis import strategies as st

from ledarskap import (
    Appointment,
    Cohort,
    Collaboration,
    Mentor,
    Mentorship,
    Participant,
    Person,
    ProgramData,
    example_program,
)
from ledarskap.mentoring import MatchingOptions, Weights

# Municipalities close together and far apart, in three counties.
PLACES = ["0580", "0581", "0583", "0980", "0480"]
COHORT = "c-2026"
EARLIER = "c-2024"
START = dt.date(2026, 9, 1)


def _person(pid: str) -> Person:
    return Person(id=pid, given_name="Test", family_name=pid)


def program(
    adepts: Sequence[str],
    mentors: Sequence[tuple[str, int]],
    *,
    earlier: Sequence[tuple[int, int]] = (),
) -> ProgramData:
    """A program with one cohort: adept ``d-<i>`` from ``adepts[i]`` (a municipality code),
    mentor ``m-<j>`` from ``mentors[j]`` with its capacity.

    *earlier* pairs (adept i, mentor j) as a mentorship of an earlier cohort, with the
    same two people.
    """
    base = example_program()
    people, appointments, participants, mentor_records = [], [], [], []
    for i, code in enumerate(adepts):
        people.append(_person(f"p-d{i}"))
        appointments.append(
            Appointment(
                id=f"a-d{i}",
                person_id=f"p-d{i}",
                municipality=code,
                organisation="Förvaltning",
                title="Förvaltningschef",
                start=dt.date(2020, 1, 1),
            )
        )
        participants.append(
            Participant(
                id=f"d-{i}", person_id=f"p-d{i}", cohort_id=COHORT, appointment_id=f"a-d{i}"
            )
        )
    for j, (code, capacity) in enumerate(mentors):
        people.append(_person(f"p-m{j}"))
        appointments.append(
            Appointment(
                id=f"a-m{j}",
                person_id=f"p-m{j}",
                municipality=code,
                organisation="Kommunledningskontoret",
                title="Kommundirektör",
                start=dt.date(2018, 1, 1),
            )
        )
        mentor_records.append(
            Mentor(
                id=f"m-{j}",
                person_id=f"p-m{j}",
                cohort_id=COHORT,
                municipality=code,
                capacity=capacity,
            )
        )
    cohorts = [
        Cohort(
            id=COHORT,
            program_id=base.program.id,
            name="Omgång 2026/27",
            start=START,
            end=dt.date(2027, 6, 30),
            collaborations=_collaborations(adepts, mentors),
        )
    ]
    mentorships = []
    if earlier:
        cohorts.append(
            Cohort(
                id=EARLIER,
                program_id=base.program.id,
                name="Omgång 2024/25",
                start=dt.date(2024, 9, 1),
                end=dt.date(2025, 6, 30),
                collaborations=_collaborations(adepts, mentors),
            )
        )
        for k, (i, j) in enumerate(earlier):
            participants.append(
                Participant(
                    id=f"old-d{k}", person_id=f"p-d{i}", cohort_id=EARLIER, appointment_id=f"a-d{i}"
                )
            )
            mentor_records.append(
                Mentor(
                    id=f"old-m{k}",
                    person_id=f"p-m{j}",
                    cohort_id=EARLIER,
                    municipality=mentors[j][0],
                )
            )
            mentorships.append(
                Mentorship(
                    id=f"old-ms{k}",
                    mentor_id=f"old-m{k}",
                    participant_id=f"old-d{k}",
                    start=dt.date(2024, 9, 15),
                    end=dt.date(2025, 6, 30),
                )
            )
    return ProgramData(
        program=base.program,
        people=people,
        appointments=appointments,
        cohorts=cohorts,
        participants=participants,
        mentors=mentor_records,
        mentorships=mentorships,
    )


def _collaborations(
    adepts: Sequence[str], mentors: Sequence[tuple[str, int]]
) -> list[Collaboration]:
    chiefs: dict[str, tuple[str | None, int]] = dict.fromkeys(adepts, (None, 0))
    for j, (code, capacity) in enumerate(mentors):
        chiefs.setdefault(code, (f"p-m{j}", capacity))
        if chiefs[code][0] is None:
            chiefs[code] = (f"p-m{j}", capacity)
    return [
        Collaboration(municipality=code, chief_executive_id=chief, mentor_capacity=capacity)
        for code, (chief, capacity) in chiefs.items()
    ]


def unpaired_example() -> ProgramData:
    """The example program as it was before its cohort was paired."""
    return attrs.evolve(example_program(), mentorships=(), meetings=())


@st.composite
def instances(draw: st.DrawFn) -> tuple[list[str], list[tuple[str, int]], MatchingOptions]:
    """Small cohorts: up to 5 adepts and 4 mentors of capacity 1 or 2, with weights, wishes,
    conflicts and bans drawn too."""
    adepts = draw(st.lists(st.sampled_from(PLACES), min_size=1, max_size=5))
    mentors = draw(
        st.lists(st.tuples(st.sampled_from(PLACES), st.integers(1, 2)), min_size=0, max_size=4)
    )
    pairs = st.tuples(
        st.integers(0, len(adepts) - 1).map(lambda i: f"d-{i}"),
        st.integers(0, max(len(mentors) - 1, 0)).map(lambda j: f"m-{j}"),
    )
    rules = st.lists(pairs, max_size=3) if mentors else st.just([])
    weights = st.builds(
        Weights,
        wish=st.sampled_from([0.0, 1.0, 2.5]),
        distance=st.sampled_from([0.0, 0.5, 1.0]),
        municipality_spread=st.sampled_from([0.0, 1.0, 3.0]),
        county_spread=st.sampled_from([0.0, 0.25, 2.0]),
    )
    wishes = (
        st.dictionaries(
            st.integers(0, len(adepts) - 1).map(lambda i: f"d-{i}"),
            st.lists(
                st.integers(0, len(mentors) - 1).map(lambda j: f"m-{j}"), max_size=2, unique=True
            ),
            max_size=3,
        )
        if mentors
        else st.just({})
    )
    options = MatchingOptions(
        weights=draw(weights),
        wishes=draw(wishes),
        conflicts=draw(rules),
        bans=draw(rules),
    )
    return adepts, mentors, options

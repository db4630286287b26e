"""Pairing adepts with mentors: ``ledarskap.mentoring.propose`` against the bare solver.

Two cohorts, every rule and preference on: 25 adepts and 20 mentors of capacity 2 (a
LiKO cohort), and 500 adepts and 200 mentors of capacity 3 (an alumni network). Each
adept has three wishes; a tenth of the adepts were paired in an earlier cohort (earlier
pairs are forbidden, and the municipalities' links count for continuity); there are
conflicts of interest, bans, pins and unavailable mentors; distance and both spreads are
weighed.

The reference is the floor: :func:`scipy.optimize.linear_sum_assignment` alone, on the
very cost matrix ``propose`` hands it. The ratio is what the library adds around the
solver: reading and checking the input, the score tables, the explanations of every pair
(score parts, next-best mentor) and of every adept left unmatched. The aim: the large
case under a second, and under 2x the solver.

Run it with ``make bench`` or ``python -m benchmarks bench_matching``.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable

from scipy.optimize import linear_sum_assignment  # type: ignore[import-untyped]

from ledarskap import (
    Appointment,
    Cohort,
    Collaboration,
    Mentor,
    Mentorship,
    Participant,
    Person,
    ProgramData,
    all_municipalities,
    example_program,
)
from ledarskap.mentoring import MatchingOptions, propose
from ledarskap.mentoring._instance import instance
from ledarskap.mentoring._solve import solver_input, tables

from ._harness import Comparison, machine, run, sizes

COHORT = "bench-2026"
EARLIER = "bench-2024"


def shape(size: int) -> tuple[int, int]:
    """Mentors and their capacity for *size* adepts: 20 of 2 for a cohort, else 2/5 of 3."""
    return (20, 2) if size <= 25 else (size * 2 // 5, 3)


def cohort(size: int, seed: int = 2026) -> tuple[ProgramData, MatchingOptions]:
    """A cohort of *size* adepts to pair, with every rule and preference in use."""
    rng = random.Random(seed)
    n_mentors, capacity = shape(size)
    places = list(all_municipalities())
    mentor_places = rng.sample(places, min(n_mentors, len(places)))
    people, appointments, participants, mentors, mentorships = [], [], [], [], []
    for i in range(size):
        place = rng.choice(places[:60] if i % 2 else places)  # some municipalities crowd
        people.append(Person(id=f"p-{i}", given_name="Adept", family_name=str(i)))
        appointments.append(
            Appointment(
                id=f"a-{i}",
                person_id=f"p-{i}",
                municipality=place,
                organisation="Förvaltning",
                title="Förvaltningschef",
                start=dt.date(2020, 1, 1),
            )
        )
        participants.append(
            Participant(
                id=f"d-{i:04}", person_id=f"p-{i}", cohort_id=COHORT, appointment_id=f"a-{i}"
            )
        )
    for j, place in enumerate(mentor_places):
        people.append(Person(id=f"p-kc-{j}", given_name="Kommunchef", family_name=str(j)))
        mentors.append(
            Mentor(
                id=f"mentor-{j:03}",
                person_id=f"p-kc-{j}",
                cohort_id=COHORT,
                municipality=place,
                capacity=capacity,
            )
        )
    # A tenth of the adepts were in an earlier cohort, with one of these mentors.
    for k in range(size // 10):
        i, j = rng.randrange(size), rng.randrange(len(mentor_places))
        participants.append(
            Participant(
                id=f"old-{k}", person_id=f"p-{i}", cohort_id=EARLIER, appointment_id=f"a-{i}"
            )
        )
        mentors.append(
            Mentor(
                id=f"old-mentor-{k}",
                person_id=f"p-kc-{j}",
                cohort_id=EARLIER,
                municipality=mentor_places[j],
            )
        )
        mentorships.append(
            Mentorship(
                id=f"old-ms-{k}",
                mentor_id=f"old-mentor-{k}",
                participant_id=f"old-{k}",
                start=dt.date(2024, 9, 15),
                end=dt.date(2025, 6, 30),
            )
        )
    base = example_program()
    data = ProgramData(
        program=base.program,
        people=people,
        appointments=appointments,
        cohorts=[
            Cohort(
                id=COHORT,
                program_id=base.program.id,
                name="Omgång 2026/27",
                start=dt.date(2026, 9, 1),
                end=dt.date(2027, 6, 30),
                collaborations=[Collaboration(municipality=p) for p in mentor_places],
            ),
            Cohort(
                id=EARLIER,
                program_id=base.program.id,
                name="Omgång 2024/25",
                start=dt.date(2024, 9, 1),
                end=dt.date(2025, 6, 30),
            ),
        ],
        participants=participants,
        mentors=mentors,
        mentorships=mentorships,
    )
    adepts = [p for p in participants if p.cohort_id == COHORT]
    place_of = {a.id: a.municipality for a in appointments}
    cohort_mentors = [m for m in mentors if m.cohort_id == COHORT]

    def pair() -> tuple[str, str]:
        return rng.choice(adepts).id, rng.choice(cohort_mentors).id

    unavailable = [m.id for m in rng.sample(cohort_mentors, max(1, len(cohort_mentors) // 40))]
    conflicts = [pair() for _ in range(max(2, size // 10))]
    bans = [pair() for _ in range(max(2, size // 10))]
    ruled_out = set(conflicts) | set(bans)
    pins: list[tuple[str, str]] = []
    for adept in rng.sample(adepts, max(1, size // 50)):
        mentor = rng.choice(cohort_mentors)
        if (
            mentor.id not in unavailable
            and (adept.id, mentor.id) not in ruled_out
            and place_of[adept.appointment_id] != mentor.municipality
            and mentor.id not in {m for _, m in pins}
        ):
            pins.append((adept.id, mentor.id))
    options = MatchingOptions(
        wishes={a.id: [m.id for m in rng.sample(cohort_mentors, 3)] for a in adepts},
        conflicts=conflicts,
        bans=bans,
        unavailable=unavailable,
        pins=pins,
    )
    return data, options


def _prepare(size: int) -> tuple[Callable[[], object], Callable[[], object]]:
    data, options = cohort(size)
    prepared = instance(data, COHORT, options)
    problem = solver_input(tables(prepared, options.weights), len(prepared.adepts))
    assert problem is not None
    matrix = problem[0]
    return (lambda: propose(data, COHORT, options)), (lambda: linear_sum_assignment(matrix))


MATCHING = Comparison(
    name="propose",
    subject="ledarskap.mentoring.propose (all rules and preferences on)",
    reference="scipy.optimize.linear_sum_assignment on the same cost matrix (the floor)",
    prepare=_prepare,
    target=2.0,
)


def main() -> None:
    print(machine(), flush=True)
    at = sizes((25, 500))
    for size in at:
        n_mentors, capacity = shape(size)
        data, options = cohort(size)
        start = time.perf_counter()
        proposal = propose(data, COHORT, options)
        took = time.perf_counter() - start
        print(
            f"{size} adepts × {n_mentors} mentors of capacity {capacity}: "
            f"{len(proposal.pairs)} paired, {len(proposal.unmatched)} unmatched, "
            f"one run {took * 1000:.1f} ms",
            flush=True,
        )
    print()
    run([MATCHING], at=at)


if __name__ == "__main__":
    main()

"""ledarskap.testing: the public hypothesis strategies, their options and argument checks."""

from __future__ import annotations

import datetime as dt
import inspect
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy
from stdnum.se import personnummer as stdnum_personnummer

import ledarskap
from ledarskap import (
    Cohort,
    Mentorship,
    MentorshipStatus,
    Person,
    Personnummer,
    ProgramData,
    municipality,
)
from ledarskap import testing as lt
from ledarskap.model._checks import ID_PATTERN

LAWS = settings(max_examples=30, deadline=None)
D = dt.date
COHORT = Cohort(id="c-1", program_id="liko", name="Omgång", start=D(2025, 9, 1), end=D(2026, 6, 30))


def test_import_ledarskap_does_not_import_hypothesis() -> None:
    code = "import sys, ledarskap; print('hypothesis' in sys.modules, 'ledarskap.testing' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "False"]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: lt.municipalities(municipalities=["Linkopping"]), "did you mean 0580 Linköping"),
        (lambda: lt.municipalities(municipalities="0580"), "must be a collection"),
        (lambda: lt.municipalities(municipalities=[]), "at least 1 different"),
        (lambda: lt.municipalities(counties="05"), "must be a collection of county codes"),
        (lambda: lt.municipalities(counties=["Östergötlan"]), "did you mean Östergötlands län"),
        (lambda: lt.municipalities(municipalities=["0580"], counties=["04"]), "no municipality"),
        (lambda: lt.positions(kinds=[]), "at least one PositionKind"),
        (lambda: lt.positions(kinds="staff"), "a collection of PositionKind"),  # type: ignore[arg-type]
        (
            lambda: lt.personnummer(min_birth=D(2000, 1, 1), max_birth=D(1999, 1, 1)),
            "min_birth=2000-01-01 must not be after max_birth=1999-01-01",
        ),
        (
            lambda: lt.personnummer(min_birth=dt.datetime(2000, 1, 1)),
            "min_birth=datetime.datetime(2000, 1, 1, 0, 0) must be a datetime.date",
        ),
        (
            lambda: lt.personnummer(min_birth=D(1850, 1, 1), max_birth=D(1850, 12, 31)),
            "min_birth=1850-01-01 must lie in the years 1900 to 2100",
        ),
        (lambda: lt.personnummer(max_birth=D(2101, 1, 1)), "max_birth=2101-01-01 must lie"),
        (lambda: lt.people(person_id="p 1"), "person_id='p 1' must be an id"),
        (lambda: lt.people(with_personnummer="yes"), "True, False or None"),  # type: ignore[arg-type]
        (lambda: lt.identifiers(prefix="x" * 40), "at most 32"),
        (lambda: lt.identifiers(prefix="p 1"), "must be an id"),
        (lambda: lt.appointments(positions=["kontorchef"]), "did you mean 'kontorschef'"),
        (lambda: lt.appointments(positions="kommunchef"), "a collection of positions"),
        (lambda: lt.appointments(positions=[]), "at least one position"),
        (lambda: lt.appointments(min_date=D(1800, 1, 1)), "years 1900 to 2100"),
        (lambda: lt.programs(min_themes=3, max_themes=2), "must not exceed"),
        (lambda: lt.programs(max_themes=-1), "at least 0"),
        (lambda: lt.sessions(theme_ids="t-1"), "a sequence of ids"),
        (lambda: lt.sessions(theme_ids=["t 1"]), "must be an id"),
        (lambda: lt.cohorts(program_id=""), "must be an id"),
        (lambda: lt.participants(cohort=3), "a Cohort or its id"),  # type: ignore[arg-type]
        (lambda: lt.mentorships(ongoing=1), "True, False or None"),  # type: ignore[arg-type]
        (lambda: lt.mentorships(statuses="active"), "a collection of MentorshipStatus"),  # type: ignore[arg-type]
        (lambda: lt.mentorships(statuses=[]), "at least one MentorshipStatus"),
        (
            lambda: lt.mentorships(ongoing=True, statuses=[MentorshipStatus.COMPLETED]),
            "ongoing=True leaves none of statuses=['completed']",
        ),
        (
            lambda: lt.mentor_meetings(
                mentorship=Mentorship(
                    id="ms", mentor_id="m", participant_id="d", start=D(2030, 1, 1)
                ),
                max_date=D(2029, 1, 1),
            ),
            "no day between",
        ),
        (lambda: lt.program_data(municipalities=["0580"]), "at least 2 different"),
        (lambda: lt.program_data(min_cohorts=3, max_cohorts=2), "must not exceed"),
        (lambda: lt.program_data(max_cohorts=0, min_cohorts=0), "at least 1"),
        (lambda: lt.program_data(max_participants=True), "a whole number"),
        (lambda: lt.program_data(with_personnummer="no"), "with_personnummer='no' must be"),  # type: ignore[arg-type]
        (lambda: lt.program_data(min_date=D(2021, 1, 1), max_date=D(2020, 1, 1)), "min_date="),
        (lambda: lt.applications(complete="no"), "True, False or None"),  # type: ignore[arg-type]
    ],
)
def test_bad_arguments_fail_at_once(make: Callable[[], Any], message: str) -> None:
    with pytest.raises(InvalidArgument, match=re.escape(message)):
        make()


MODEL_STRATEGIES = [
    "applications", "appointments", "cohorts", "collaborations", "counties", "identifiers",
    "mentor_meetings", "mentors", "mentorships", "municipalities", "organisers", "participants",
    "people", "personnummer", "political_bodies", "positions", "program_data", "programs",
    "purposes", "sessions", "support_groups", "themes", "venues",
]  # fmt: skip


@pytest.mark.parametrize("name", MODEL_STRATEGIES)
def test_every_strategy_function_returns_a_strategy(name: str) -> None:
    assert name in lt.__all__
    assert isinstance(getattr(lt, name)(), SearchStrategy)


@LAWS
@given(lt.identifiers(), lt.identifiers(prefix="p-"))
def test_identifiers_are_valid_ids(plain: str, prefixed: str) -> None:
    """Every generated id is one the model accepts; a prefixed one starts with its prefix."""
    assert re.fullmatch(ID_PATTERN, plain)
    assert re.fullmatch(ID_PATTERN, prefixed)
    assert prefixed.startswith("p-")


@LAWS
@given(lt.people(with_personnummer=True), lt.people(with_personnummer=False))
def test_generated_people_have_example_addresses(person: Person, without: Person) -> None:
    """Generated e-mail addresses are under the reserved .example domain; with_personnummer
    decides whether a person has a personnummer."""
    assert person.email is None or person.email.endswith(".example")
    assert person.personnummer is not None
    assert without.personnummer is None


@LAWS
@given(lt.personnummer(), lt.personnummer(min_birth=D(1990, 2, 28), max_birth=D(1990, 3, 1)))
def test_personnummer_are_valid_and_born_within_the_bounds(
    anyone: Personnummer, narrow: Personnummer
) -> None:
    """A generated personnummer passes python-stdnum's validation (it is not a reserved
    test number: see the docs) and its birth date lies within min_birth and max_birth."""
    for number in (anyone, narrow):
        assert stdnum_personnummer.is_valid(number.reveal())
        assert not number.is_coordination_number
    assert D(1950, 1, 1) <= anyone.birth_date <= D(2000, 12, 31)
    assert D(1990, 2, 28) <= narrow.birth_date <= D(1990, 3, 1)


@settings(max_examples=15, deadline=None)
@given(
    lt.program_data(max_cohorts=2, max_participants=5, with_personnummer=True),
    lt.program_data(max_cohorts=2, max_participants=5, with_personnummer=False),
)
def test_program_data_with_personnummer_gives_everybody_one_or_nobody(
    everybody: ProgramData, nobody: ProgramData
) -> None:
    """with_personnummer=True: every person has a personnummer, no two the same;
    with_personnummer=False: no person has one (data safe to write to a fixture)."""
    numbers = [person.personnummer for person in everybody.people]
    assert all(number is not None for number in numbers)
    assert len(set(numbers)) == len(numbers)
    assert all(person.personnummer is None for person in nobody.people)


@LAWS
@given(lt.participants(cohort=COHORT), lt.mentors(cohort="c-1"), lt.applications(cohort=COHORT))
def test_the_cohort_option_takes_a_cohort_or_its_id(
    adept: Any, mentor: Any, application: Any
) -> None:
    """participants(), mentors() and applications() of a cohort all name that cohort."""
    assert adept.cohort_id == mentor.cohort_id == application.cohort_id == "c-1"


@LAWS
@given(
    lt.program_data(
        municipalities=["Linköping", "Norrköping", "Motala"],
        min_cohorts=2,
        max_cohorts=2,
        max_participants=3,
        min_date=D(2025, 1, 1),
        max_date=D(2027, 12, 31),
    )
)
def test_program_data_keeps_its_options(data: ProgramData) -> None:
    """program_data() keeps to the given municipalities, number of cohorts and dates."""
    allowed = {municipality(name) for name in ("Linköping", "Norrköping", "Motala")}
    assert len(data.cohorts) == 2
    for cohort in data.cohorts:
        assert set(cohort.municipalities) <= allowed
        assert D(2025, 1, 1) <= cohort.start <= cohort.end <= D(2027, 12, 31)
        assert 1 <= len(data.participants_of(cohort.id)) <= 3
    kommunchefer = {c.chief_executive_id for cohort in data.cohorts for c in cohort.collaborations}
    assert len(kommunchefer) <= 3  # one kommunchef per municipality, across cohorts


@settings(max_examples=30, deadline=None)
@given(lt.mentorships(statuses=[MentorshipStatus.ENDED_EARLY, MentorshipStatus.PROPOSED]))
def test_generated_mentorships_keep_their_lifecycle(pair: Mentorship) -> None:
    """A generated mentorship is in one of the states asked for, with an end exactly when it
    is over (the model's own rules hold: it was made through ``__init__``)."""
    assert pair.status in (MentorshipStatus.ENDED_EARLY, MentorshipStatus.PROPOSED)
    assert (pair.end is not None) is pair.status.over


@settings(max_examples=30, deadline=None)
@given(lt.program_data(max_cohorts=1, max_participants=6))
def test_program_data_mentorships_have_a_valid_life(data: ProgramData) -> None:
    """No adept has two mentorships that hold on one day; a withdrawn adept's are over; a
    proposed one has held no meeting: the lifecycle's findings never appear."""
    lifecycle = {"adept.two-mentors", "adept.proposed-overlap", "adept.withdrawn-mentorship",
                 "meeting.of-proposed"}  # fmt: skip
    assert not lifecycle & set(ledarskap.validate(data).codes)
    for participant in data.participants:
        mine = data.mentorships_of(participant.id)
        assert 1 <= len(mine) <= 2
        if len(mine) == 2:  # a replaced mentor: the first ended early the day before
            first, then = mine
            assert first.status is MentorshipStatus.ENDED_EARLY
            assert first.end is not None
            assert then.start == first.end + dt.timedelta(days=1)


@pytest.mark.parametrize(
    "options",
    [
        {"max_cohorts": 5, "max_participants": 30},
        {"min_date": D(2020, 1, 1), "max_date": D(2020, 1, 31)},
        {"min_date": D(2020, 1, 1), "max_date": D(2020, 1, 1), "max_cohorts": 3},
    ],
    ids=["large", "a-month", "one-day"],
)
def test_large_programs_and_narrow_windows_pass_the_health_checks(options: dict[str, Any]) -> None:
    """With every health check on (none suppressed here or in the profiles), a large
    program or a narrow window of dates never draws so much that Hypothesis gives up on
    it (data_too_large). The suite has no deadline, so too_slow allows 30 s here; the
    1 s that users' default deadline allows is met by a wide margin, but measured by
    hand, not here: a timed test would be flaky on a loaded machine."""

    @settings(max_examples=10, deadline=None, database=None)
    @given(lt.program_data(**options))
    def check(data: ProgramData) -> None:
        assert ledarskap.validate(data).ok

    check()


DOCS = Path(__file__).parents[2] / "docs" / "testing.md"
_ROW = re.compile(
    r"^\| `(?P<name>\w+)\((?P<positional>[^)]*)\)` \|[^|\n]*\|(?P<options>[^|\n]*)\|$", re.M
)


def test_the_docs_table_gives_every_strategy_with_its_signature() -> None:
    """docs/testing.md has one row per public strategy, naming exactly its positional
    parameters and, in order, its keyword-only options: the table cannot drift from the
    code. The other public names (the default dates) are in the text."""
    text = DOCS.read_text(encoding="utf-8")
    rows: dict[str, tuple[list[str], list[str]]] = {}
    for row in _ROW.finditer(text):
        assert row["name"] not in rows, f"{row['name']}() has two rows"
        positional = [p.strip() for p in row["positional"].split(",") if p.strip()]
        rows[row["name"]] = (positional, re.findall(r"`(\w+)=`", row["options"]))
    strategies = [name for name in lt.__all__ if inspect.isfunction(getattr(lt, name))]
    assert sorted(rows) == sorted(strategies)
    for name in strategies:
        parameters = inspect.signature(getattr(lt, name)).parameters.values()
        positional = [p.name for p in parameters if p.kind is p.POSITIONAL_OR_KEYWORD]
        keyword = [p.name for p in parameters if p.kind is p.KEYWORD_ONLY]
        assert rows[name] == (positional, keyword), name
    for name in set(lt.__all__) - set(strategies):
        assert name in text

"""Cohorts (omgångar) with their sessions, support groups and collaborating municipalities."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledarskap import (
    Activity,
    Cohort,
    Collaboration,
    InvalidValueError,
    ProblemsError,
    Session,
    SessionKind,
    SupportGroup,
    Venue,
    municipality,
)
from ledarskap import testing as lt

LAWS = settings(max_examples=20, deadline=None)
D = dt.date

KURSGARD = Venue(name="Kursgården vid Roxen", municipality="Linköping", address="Roxenvägen 40")
KICKOFF = Session(
    id="s1",
    kind=SessionKind.RESIDENTIAL,
    title="Uppstartsinternat",
    start=D(2025, 9, 17),
    end=D(2025, 9, 19),
    venue=KURSGARD,
    theme_ids=["personligt-ledarskap"],
    activities={Activity.LECTURE, Activity.SUPPORT_GROUP},
)
FOLLOW_UP = Session(
    id="s7",
    kind=SessionKind.FOLLOW_UP,
    title="Digital återträff",
    start=D(2026, 9, 24),
    online=True,
)


def locations(error: BaseException) -> list[str]:
    """Where each problem of a cohort's error is: its one location, or each problem's."""
    if isinstance(error, ProblemsError):
        return [problem.path for problem in error.problems]
    assert isinstance(error, InvalidValueError)
    return [error.location]


def cohort(**changes: object) -> Cohort:
    fields: dict[str, object] = {
        "id": "liko-2025",
        "program_id": "liko",
        "name": "Omgång 2025/26",
        "start": D(2025, 9, 15),
        "end": D(2026, 9, 30),
        "application_deadline": D(2025, 5, 31),
        "capacity": 26,
        "venue": KURSGARD,
        "collaborations": [
            Collaboration(
                municipality="Linköping", chief_executive_id="p-kc-0580", mentor_capacity=2
            ),
            Collaboration(municipality="Norrköping", chief_executive_id="p-kc-0581"),
        ],
        "support_groups": [
            SupportGroup(id="g-1", name="Stödgrupp Roxen", participant_ids=["d-1", "d-2"])
        ],
        "sessions": [KICKOFF, FOLLOW_UP],
    }
    fields.update(changes)
    return Cohort(**fields)  # type: ignore[arg-type]


def test_a_cohort_of_about_a_year() -> None:
    liko = cohort()
    assert liko.runs_on(D(2026, 1, 1))
    assert not liko.runs_on(D(2026, 10, 1))
    assert [m.name for m in liko.municipalities] == ["Linköping", "Norrköping"]
    found = liko.collaboration("0581")
    assert found is not None
    assert found.mentor_capacity == 1
    assert liko.collaboration(municipality("Motala")) is None
    assert liko.session("s7") is FOLLOW_UP


def test_applications_are_open_until_the_deadline() -> None:
    liko = cohort()
    assert liko.is_open_for_applications(D(2025, 5, 31))
    assert not liko.is_open_for_applications(D(2025, 6, 1))
    no_deadline = cohort(application_deadline=None)
    assert no_deadline.is_open_for_applications(D(2025, 9, 15))
    assert not no_deadline.is_open_for_applications(D(2025, 9, 16))


def test_an_unknown_session_id_is_an_error() -> None:
    with pytest.raises(
        InvalidValueError, match=r"Cohort\.sessions: expected one of the session ids \['s1', 's7'\]"
    ):
        cohort().session("s9")


def test_sessions() -> None:
    assert KICKOFF.days == 3
    assert FOLLOW_UP.days == 1
    assert FOLLOW_UP.end == FOLLOW_UP.start
    assert str(KICKOFF) == "s1: 2025-09-17–2025-09-19"
    assert str(KURSGARD) == "Kursgården vid Roxen, Linköping"
    assert str(Venue(name="Campus Norrköping")) == "Campus Norrköping"


def test_a_session_outside_the_cohort_is_refused() -> None:
    with pytest.raises(
        InvalidValueError,
        match=r"Cohort\.sessions\[1\]: expected a session within the cohort's dates",
    ):
        cohort(end=D(2026, 6, 30))


def test_all_problems_of_a_cohort_are_reported_at_once() -> None:
    """Each broken invariant is a problem of its own, at the item it concerns."""
    with pytest.raises(ProblemsError) as caught:
        cohort(
            end=D(2026, 6, 30),
            sessions=[KICKOFF, FOLLOW_UP, KICKOFF],
            support_groups=[SupportGroup(id="g-1", name="A"), SupportGroup(id="g-1", name="B")],
        )
    assert isinstance(caught.value, ValueError)
    assert [str(problem) for problem in caught.value.problems] == [
        "Cohort.sessions[1]: expected a session within the cohort's dates 2025-09-15–2026-06-30,"
        " found 's7: 2026-09-24–2026-09-24'",
        "Cohort.sessions[2].id: expected an id not used before, found 's1'",
        "Cohort.support_groups[1].id: expected an id not used before, found 'g-1'",
    ]
    assert str(caught.value).startswith("invalid cohort (3 problems)\n")
    assert not hasattr(caught.value, "__notes__")


def test_every_session_outside_the_cohort_is_a_problem() -> None:
    """Three sessions outside the dates are three problems, one at each session."""
    late = [
        attrs.evolve(FOLLOW_UP, id=f"s-late-{n}", start=D(2026, 10, n), end=D(2026, 10, n))
        for n in (1, 2, 3)
    ]
    with pytest.raises(ProblemsError) as caught:
        cohort(sessions=[KICKOFF, *late])
    assert locations(caught.value) == [f"Cohort.sessions[{k}]" for k in (1, 2, 3)]
    assert all(problem.code == "invalid" for problem in caught.value.problems)


def test_a_municipality_collaborates_once() -> None:
    twice = [Collaboration(municipality="0580"), Collaboration(municipality="Linköping")]
    with pytest.raises(
        InvalidValueError,
        match=r"Cohort\.collaborations\[1\]\.municipality: expected a municipality not already"
        r" collaborating in the cohort, found 'Linköping'",
    ):
        cohort(collaborations=twice)


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("end", D(2025, 9, 1), "a date on or after start"),
        ("number", 0, "a whole number of at least 1"),
        ("number", True, "a whole number of at least 1"),
        ("capacity", -1, "a whole number of at least 1"),
        ("venue", "Kursgården", "a Venue"),
        ("sessions", [KICKOFF, "s2"], "a Session"),
        ("name", "", "a non-empty text"),
    ],
)
def test_bad_cohort_fields_are_named(field: str, value: object, expected: str) -> None:
    with pytest.raises(InvalidValueError, match=rf"Cohort\.{field}(\[1\])?: expected {expected}"):
        cohort(**{field: value})


@pytest.mark.parametrize(
    ("changes", "location"),
    [
        ({"end": D(2025, 9, 16)}, "Session.end"),
        ({"theme_ids": ["t", "t"]}, "Session.theme_ids"),
        ({"online": "yes"}, "Session.online"),
        ({"kind": "internat"}, "Session.kind"),
        ({"activities": ["lecture"]}, "Session.activities"),
    ],
)
def test_bad_session_fields_are_named(changes: dict[str, Any], location: str) -> None:
    with pytest.raises(InvalidValueError) as caught:
        attrs.evolve(KICKOFF, **changes)
    assert caught.value.location == location


def test_collaborations_and_support_groups_check_their_fields() -> None:
    with pytest.raises(InvalidValueError, match=r"Collaboration\.mentor_capacity"):
        Collaboration(municipality="0580", mentor_capacity=-1)
    assert Collaboration(municipality="0580", mentor_capacity=0).mentor_capacity == 0
    with pytest.raises(
        InvalidValueError, match=r"SupportGroup\.participant_ids: expected no item twice"
    ):
        SupportGroup(id="g-1", name="Roxen", participant_ids=["d-1", "d-1"])


def test_labels_in_swedish_and_english() -> None:
    assert SessionKind.RESIDENTIAL.label() == "internat"
    assert SessionKind.FOLLOW_UP.label() == "återträff"
    assert SessionKind.SESSION.label("en") == "session"
    assert Activity.SUPPORT_GROUP.label() == "stödgrupp"
    assert Activity.MENTOR_MEETING.label("en") == "mentor meeting"
    assert all(kind.label("sv") and kind.label("en") for kind in [*SessionKind, *Activity])


@LAWS
@given(lt.cohorts(theme_ids=["t-1", "t-2"]))
def test_every_generated_cohort_satisfies_its_invariants(generated: Cohort) -> None:
    """Every session of a cohort lies within its dates; ids and municipalities do not repeat."""
    assert generated.start <= generated.end
    for session in generated.sessions:
        assert generated.start <= session.start <= session.end <= generated.end
        assert set(session.theme_ids) <= {"t-1", "t-2"}
        assert generated.session(session.id) is session
    assert len({s.id for s in generated.sessions}) == len(generated.sessions)
    assert len(set(generated.municipalities)) == len(generated.collaborations)
    if generated.application_deadline is not None:
        assert generated.is_open_for_applications(generated.application_deadline)


@LAWS
@given(lt.cohorts().filter(lambda c: bool(c.sessions)))
def test_moving_a_cohorts_start_past_a_session_is_refused(generated: Cohort) -> None:
    """A cohort moved to start after its first session is refused, naming each session
    that now starts before it."""
    first = min(generated.sessions, key=lambda s: s.start)
    later = first.start + dt.timedelta(days=1)
    with pytest.raises((InvalidValueError, ProblemsError)) as caught:
        attrs.evolve(generated, start=later, end=max(later, generated.end))
    early = [k for k, s in enumerate(generated.sessions) if s.start < later]
    assert locations(caught.value) == [f"Cohort.sessions[{k}]" for k in early]


@st.composite
def broken_cohorts(draw: st.DrawFn) -> tuple[dict[str, Any], list[str]]:
    """The fields of a generated cohort with some sessions moved past its end and some ids
    and municipalities of its items repeated, and where each of those items is."""
    generated = draw(lt.cohorts())
    offending: list[str] = []
    sessions = list(generated.sessions)
    for k, session in enumerate(sessions):
        if draw(st.booleans()):
            after = generated.end + dt.timedelta(days=draw(st.integers(1, 30)))
            sessions[k] = attrs.evolve(session, start=after, end=after)
            offending.append(f"Cohort.sessions[{k}]")
    for k in range(1, len(sessions)):
        if draw(st.booleans()):
            earlier = sessions[draw(st.integers(0, k - 1))].id
            sessions[k] = attrs.evolve(sessions[k], id=earlier)
            offending.append(f"Cohort.sessions[{k}].id")
    groups = draw(st.lists(lt.support_groups(), max_size=4, unique_by=lambda g: g.id))
    for k in range(1, len(groups)):
        if draw(st.booleans()):
            groups[k] = attrs.evolve(groups[k], id=groups[draw(st.integers(0, k - 1))].id)
            offending.append(f"Cohort.support_groups[{k}].id")
    places = list(generated.collaborations)
    for k in range(1, len(places)):
        if draw(st.booleans()):
            named = places[draw(st.integers(0, k - 1))].municipality.name  # the same, by name
            places[k] = attrs.evolve(places[k], municipality=named)
            offending.append(f"Cohort.collaborations[{k}].municipality")
    fields = {a.name: getattr(generated, a.name) for a in attrs.fields(Cohort)}
    fields.update(sessions=sessions, support_groups=groups, collaborations=places)
    return fields, offending


@LAWS
@given(broken_cohorts())
def test_each_offending_item_is_one_problem_at_its_place(
    broken: tuple[dict[str, Any], list[str]],
) -> None:
    """Law: a cohort whose items break its invariants is refused with as many problems as
    there are offending items, each at its item: one is an InvalidValueError, several a
    ProblemsError; a cohort with none is made."""
    fields, offending = broken
    if not offending:
        Cohort(**fields)
        return
    with pytest.raises((InvalidValueError, ProblemsError)) as caught:
        Cohort(**fields)
    assert isinstance(caught.value, InvalidValueError) == (len(offending) == 1)
    assert sorted(locations(caught.value)) == sorted(offending)


@LAWS
@given(
    lt.cohorts(), st.sampled_from(["id", "program_id", "name", "start", "end", "collaborations"])
)
def test_evolving_a_cohort_with_a_bad_value_names_the_field(generated: Cohort, field: str) -> None:
    """Changing a field of a valid cohort to an invalid value raises an error naming it."""
    with pytest.raises(InvalidValueError) as caught:
        attrs.evolve(generated, **dict[str, Any]({field: 3}))
    assert caught.value.location == f"Cohort.{field}"


@LAWS
@given(lt.sessions(min_date=D(2025, 9, 1), max_date=D(2025, 9, 2)))
def test_sessions_keep_within_their_bounds(session: Session) -> None:
    """A generated session lies within the given dates, even when they are one day apart."""
    assert D(2025, 9, 1) <= session.start <= session.end <= D(2025, 9, 2)
    assert session.days == (session.end - session.start).days + 1


@LAWS
@given(
    lt.support_groups(participant_ids=["d-1", "d-2", "d-3"]),
    lt.collaborations(municipalities=["0580"]),
    lt.venues(),
)
def test_groups_collaborations_and_venues_keep_their_options(
    group: SupportGroup, collaboration: Collaboration, venue: Venue
) -> None:
    """Support groups draw from the given participants; collaborations from the given places."""
    assert set(group.participant_ids) <= {"d-1", "d-2", "d-3"}
    assert collaboration.municipality.code == "0580"
    assert hash(attrs.evolve(venue)) == hash(venue)


@LAWS
@given(
    st.one_of(
        st.tuples(lt.sessions(), st.sampled_from(["id", "kind", "title", "start", "online"])),
        st.tuples(lt.support_groups(), st.sampled_from(["id", "name", "participant_ids"])),
        st.tuples(lt.collaborations(), st.sampled_from(["chief_executive_id", "mentor_capacity"])),
        st.tuples(lt.venues(), st.sampled_from(["name", "address"])),
    )
)
def test_evolving_a_part_of_a_cohort_with_a_bad_value_names_the_field(
    record_and_field: tuple[Any, str],
) -> None:
    """Changing a field of a session, support group, collaboration or venue to an invalid
    value raises the library's error, naming ``Class.field``."""
    record, field = record_and_field
    with pytest.raises(InvalidValueError) as caught:
        attrs.evolve(record, **dict[str, Any]({field: 1.5}))
    assert caught.value.location == f"{type(record).__name__}.{field}"


def test_a_cohort_that_breaks_its_invariants_is_said_in_swedish() -> None:
    with pytest.raises(InvalidValueError) as ends:
        cohort(end=D(2025, 9, 1), sessions=[])
    assert ends.value.render("sv") == (
        "Cohort.end: förväntade ett datum som inte är före start (2025-09-15), fick '2025-09-01'"
    )
    assert str(ends.value) == (
        "Cohort.end: expected a date on or after start (2025-09-15), found '2025-09-01'"
    )
    with pytest.raises(ProblemsError) as caught:
        cohort(end=D(2026, 6, 30), sessions=[KICKOFF, FOLLOW_UP, KICKOFF])
    assert caught.value.render("sv") == (
        "ogiltig omgång (2 problem)\n"
        "  - Cohort.sessions[1]: förväntade en träff inom omgångens datum 2025-09-15–2026-06-30, "
        "fick 's7: 2026-09-24–2026-09-24'\n"
        "  - Cohort.sessions[2].id: förväntade ett id som inte använts förut, fick 's1'"
    )
    assert str(caught.value) == (
        "invalid cohort (2 problems)\n"
        "  - Cohort.sessions[1]: expected a session within the cohort's dates 2025-09-15–2026-06-30, "
        "found 's7: 2026-09-24–2026-09-24'\n"
        "  - Cohort.sessions[2].id: expected an id not used before, found 's1'"
    )
    with pytest.raises(InvalidValueError) as unknown:
        cohort().session("s9")
    assert unknown.value.render("sv") == (
        "Cohort.sessions: förväntade ett av träffarnas id ['s1', 's7'], fick 's9'"
    )

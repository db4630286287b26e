"""Mentoring: mentors (kommunchefer), mentorships (mentor and adept) and mentor meetings."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ledarskap import (
    Cohort,
    Collaboration,
    EndedBy,
    InvalidValueError,
    MeetingKind,
    MeetingStatus,
    Mentor,
    MentorMeeting,
    Mentorship,
    MentorshipStatus,
    municipality,
)
from ledarskap import testing as lt

LAWS = settings(max_examples=40, deadline=None)
D = dt.date


def test_a_mentor_is_a_kommunchef_of_a_collaborating_municipality() -> None:
    mentor = Mentor(
        id="mentor-0581", person_id="p-kc-0581", cohort_id="liko-2025", municipality="Norrköping"
    )
    assert mentor.municipality is municipality("0581")
    assert mentor.capacity == 1
    with pytest.raises(
        InvalidValueError, match=r"Mentor\.capacity: expected a whole number of at least 1"
    ):
        attrs.evolve(mentor, capacity=0)


def test_a_mentorship_is_active_between_its_dates() -> None:
    pair = Mentorship(
        id="ms-1",
        mentor_id="mentor-0581",
        participant_id="d-1",
        start=D(2025, 9, 17),
        end=D(2026, 9, 30),
    )
    assert pair.active_on(D(2025, 9, 17))
    assert pair.active_on(D(2026, 9, 30))
    assert not pair.active_on(D(2025, 9, 16))
    assert not pair.active_on(D(2026, 10, 1))
    assert attrs.evolve(pair, end=None, status=MentorshipStatus.ACTIVE).active_on(D(2030, 1, 1))
    with pytest.raises(
        InvalidValueError, match=r"Mentorship\.end: expected a date on or after start"
    ):
        attrs.evolve(pair, end=D(2025, 9, 1))


def test_a_mentor_meeting_keeps_its_notes_out_of_repr() -> None:
    meeting = MentorMeeting(
        id="mm-1",
        mentorship_id="ms-1",
        on=D(2025, 10, 8),
        kind=MeetingKind.WORKPLACE_VISIT,
        duration_minutes=90,
        notes="Samspelet med den politiska ledningen",
    )
    assert meeting.status is MeetingStatus.HELD
    assert "politiska" not in repr(meeting)
    with pytest.raises(InvalidValueError, match=r"MentorMeeting\.duration_minutes"):
        attrs.evolve(meeting, duration_minutes=0)
    with pytest.raises(InvalidValueError, match=r"MentorMeeting\.on: expected a date"):
        attrs.evolve(meeting, on="2025-10-08")  # type: ignore[arg-type]


def test_meeting_kind_labels() -> None:
    assert MeetingKind.WORKPLACE_VISIT.label() == "arbetsplatsbesök"
    assert MeetingKind.AT_SESSION.label("en") == "at a session"
    assert all(kind.label("sv") and kind.label("en") for kind in MeetingKind)


COHORT = Cohort(
    id="liko-2025",
    program_id="liko",
    name="Omgång 2025/26",
    start=D(2025, 9, 15),
    end=D(2026, 9, 30),
    collaborations=[
        Collaboration(municipality="0580", chief_executive_id="p-kc-0580", mentor_capacity=2),
        Collaboration(municipality="0581", chief_executive_id=None),
        Collaboration(municipality="0583", chief_executive_id="p-kc-0583", mentor_capacity=0),
    ],
)


@LAWS
@given(lt.mentors(cohort=COHORT))
def test_a_cohorts_mentor_is_one_of_its_kommunchefer(mentor: Mentor) -> None:
    """mentors(cohort=…) gives the kommunchef of a collaborating municipality with capacity."""
    assert mentor.cohort_id == COHORT.id
    assert mentor.person_id == "p-kc-0580"
    assert mentor.capacity == 2


def test_a_cohort_without_kommunchefer_has_no_mentors() -> None:

    with pytest.raises(InvalidArgument, match="no collaborating municipality"):
        lt.mentors(cohort=COHORT, municipalities=["0581", "0583"])


@LAWS
@given(lt.mentorships(min_date=COHORT.start, max_date=COHORT.end))
def test_every_generated_mentorship_lies_between_its_bounds(pair: Mentorship) -> None:
    """A mentorship generated between two dates starts, and ends, between them."""
    assert COHORT.start <= pair.start <= COHORT.end
    assert pair.end is None or pair.start <= pair.end <= COHORT.end
    assert pair.active_on(pair.start) is (pair.status is not MentorshipStatus.PROPOSED)


@LAWS
@given(
    lt.mentorships(ongoing=False).flatmap(
        lambda pair: st.tuples(st.just(pair), lt.mentor_meetings(mentorship=pair))
    )
)
def test_meetings_of_a_mentorship_lie_inside_it(
    pair_and_meeting: tuple[Mentorship, MentorMeeting],
) -> None:
    """mentor_meetings(mentorship=…) gives meetings of that mentorship, on a day it is active."""
    pair, meeting = pair_and_meeting
    assert meeting.mentorship_id == pair.id
    assert pair.active_on(meeting.on)


@LAWS
@given(
    lt.mentorships(statuses=[MentorshipStatus.PROPOSED]).flatmap(
        lambda pair: lt.mentor_meetings(mentorship=pair)
    )
)
def test_a_proposed_mentorship_has_held_no_meeting(meeting: MentorMeeting) -> None:
    """mentor_meetings(mentorship=a proposed one) gives planned or cancelled meetings only."""
    assert meeting.status is not MeetingStatus.HELD


@LAWS
@given(
    lt.mentor_meetings(), st.sampled_from(["id", "mentorship_id", "on", "kind", "status", "notes"])
)
def test_evolving_a_meeting_with_a_bad_value_names_the_field(
    meeting: MentorMeeting, field: str
) -> None:
    """Changing a field of a valid meeting to an invalid value raises an error naming it."""
    with pytest.raises(InvalidValueError) as caught:
        attrs.evolve(meeting, **dict[str, Any]({field: None}))
    assert caught.value.location == f"MentorMeeting.{field}"


@LAWS
@given(
    lt.mentorships(mentor="mentor-1", participant="d-1"),
    st.sampled_from(["id", "mentor_id", "participant_id", "start"]),
)
def test_evolving_a_mentorship_with_a_bad_value_names_the_field(
    pair: Mentorship, field: str
) -> None:
    """A mentorship keeps the given ids; changing a field to a bad value names the field."""
    assert (pair.mentor_id, pair.participant_id) == ("mentor-1", "d-1")
    with pytest.raises(InvalidValueError) as caught:
        attrs.evolve(pair, **dict[str, Any]({field: 1.5}))
    assert caught.value.location == f"Mentorship.{field}"


@LAWS
@given(lt.mentors(), st.sampled_from(["id", "person_id", "cohort_id", "capacity"]))
def test_evolving_a_mentor_with_a_bad_value_names_the_field(mentor: Mentor, field: str) -> None:
    """Changing a field of a valid mentor to an invalid value raises an error naming it."""
    with pytest.raises(InvalidValueError) as caught:
        attrs.evolve(mentor, **dict[str, Any]({field: -1}))
    assert caught.value.location == f"Mentor.{field}"


# The lifecycle ---------------------------------------------------------------------------

PAIR = Mentorship(id="ms-1", mentor_id="mentor-0581", participant_id="d-1", start=D(2025, 9, 17))


def test_a_new_mentorship_is_active_and_one_with_an_end_completed() -> None:
    """Without a status, the dates say it: active while there is no end, completed with one
    (what such a mentorship meant before the lifecycle)."""
    assert PAIR.status is MentorshipStatus.ACTIVE
    assert attrs.evolve(PAIR, end=None).status is MentorshipStatus.ACTIVE
    done = Mentorship(
        id="ms-1", mentor_id="mentor-0581", participant_id="d-1", start=D(2025, 9, 17),
        end=D(2026, 9, 30),
    )  # fmt: skip
    assert done.status is MentorshipStatus.COMPLETED
    assert done == PAIR.ended(D(2026, 9, 30))


@pytest.mark.parametrize("status", [MentorshipStatus.COMPLETED, MentorshipStatus.ENDED_EARLY])
def test_a_mentorship_that_is_over_has_an_end(status: MentorshipStatus) -> None:
    with pytest.raises(
        InvalidValueError,
        match=rf"Mentorship\.end: expected a last day for a mentorship that is {status.value}, "
        "found None",
    ):
        attrs.evolve(PAIR, status=status)


@pytest.mark.parametrize("status", [MentorshipStatus.PROPOSED, MentorshipStatus.ACTIVE])
def test_a_mentorship_that_lasts_has_no_end(status: MentorshipStatus) -> None:
    with pytest.raises(
        InvalidValueError,
        match=rf"Mentorship\.end: expected no end \(None\) for a mentorship that is "
        rf"{status.value}, found '2026-01-31'",
    ):
        Mentorship(
            id="ms-1", mentor_id="mentor-0581", participant_id="d-1", start=D(2025, 9, 17),
            end=D(2026, 1, 31), status=status,
        )  # fmt: skip


def test_who_ended_it_and_why_belong_to_an_early_end_only() -> None:
    early = PAIR.ended(
        D(2026, 1, 31), MentorshipStatus.ENDED_EARLY, ended_by=EndedBy.MENTOR, reason="Ny tjänst"
    )
    assert (early.ended_by, early.end_reason) == (EndedBy.MENTOR, "Ny tjänst")
    assert "Ny tjänst" not in repr(early)  # free text: left out of repr
    unknown = PAIR.ended(D(2026, 1, 31), MentorshipStatus.ENDED_EARLY)
    assert unknown.ended_by is None  # not recorded (as in a version-1 document)
    with pytest.raises(
        InvalidValueError, match=r"Mentorship\.ended_by: expected None .* found 'adept'"
    ):
        PAIR.ended(D(2026, 9, 30), ended_by=EndedBy.ADEPT)
    with pytest.raises(
        InvalidValueError, match=r"Mentorship\.end_reason: expected no text .* found a text$"
    ) as caught:
        attrs.evolve(PAIR, end_reason="Flyttade")
    assert caught.value.render("sv").endswith(
        "förväntade ingen text för ett mentorskap med "
        "status active (bara ett som avbrutits i förtid har det), fick en text"
    )
    with pytest.raises(InvalidValueError, match=r"Mentorship\.status: expected a MentorshipStatus"):
        attrs.evolve(PAIR, status="active")
    with pytest.raises(InvalidValueError, match=r"Mentorship\.ended_by: expected an EndedBy"):
        attrs.evolve(early, ended_by="mentor")  # type: ignore[arg-type]


def test_a_proposed_mentorship_holds_on_no_day() -> None:
    proposed = attrs.evolve(PAIR, status=MentorshipStatus.PROPOSED)
    assert not proposed.active_on(D(2026, 1, 1))
    assert PAIR.active_on(D(2026, 1, 1))


def test_status_labels_in_both_languages() -> None:
    assert [s.label("sv") for s in MentorshipStatus] == [
        "föreslagen", "pågående", "genomförd", "avbruten i förtid",
    ]  # fmt: skip
    assert [e.label("en") for e in EndedBy] == ["the adept", "the mentor", "the program"]
    assert [s.over for s in MentorshipStatus] == [False, False, True, True]


def test_a_mentorship_whose_end_and_status_disagree_is_said_in_swedish() -> None:
    with pytest.raises(InvalidValueError) as no_end:
        attrs.evolve(PAIR, status=MentorshipStatus.COMPLETED)
    assert no_end.value.render("sv") == (
        "Mentorship.end: förväntade en sista dag för ett mentorskap med status completed, fick None"
    )
    with pytest.raises(InvalidValueError) as why:
        PAIR.ended(D(2026, 9, 30), ended_by=EndedBy.ADEPT)
    assert why.value.render("sv") == (
        "Mentorship.ended_by: förväntade None för ett mentorskap med status completed (bara "
        "ett som avbrutits i förtid har det), fick 'adept'"
    )
    with pytest.raises(InvalidValueError) as capacity:
        Mentor(
            id="mentor-0581", person_id="p-kc-0581", cohort_id="liko-2025",
            municipality="Norrköping", capacity=0,
        )  # fmt: skip
    assert capacity.value.render("sv") == (
        "Mentor.capacity: förväntade ett heltal som är minst 1, fick 0"
    )

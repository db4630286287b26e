"""Changes to mentorships' lives across a program's data: ending and replacing, never deleting."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import ledarskap
from ledarskap import (
    EndedBy,
    InvalidValueError,
    MentorshipStatus,
    ProgramData,
    UnknownReferenceError,
    end_mentorship,
    replace_mentor,
)
from ledarskap import testing as lt

D = dt.date


def _running() -> ProgramData:
    """The example program with every mentorship still active."""
    data = ledarskap.example_program()
    pairs = [attrs.evolve(m, end=None, status=MentorshipStatus.ACTIVE, ended_by=None,
                          end_reason="") for m in data.mentorships]  # fmt: skip
    return attrs.evolve(data, mentorships=pairs)


def test_ending_a_mentorship_keeps_it_in_its_place() -> None:
    data = _running()
    after = end_mentorship(
        data, "ms-004", D(2026, 2, 27), MentorshipStatus.ENDED_EARLY,
        ended_by=EndedBy.ADEPT, reason="Ny tjänst",
    )  # fmt: skip
    assert [m.id for m in after.mentorships] == [m.id for m in data.mentorships]
    pair = after.mentorship("ms-004")
    assert (pair.status, pair.end, pair.ended_by, pair.end_reason) == (
        MentorshipStatus.ENDED_EARLY, D(2026, 2, 27), EndedBy.ADEPT, "Ny tjänst",
    )  # fmt: skip
    assert data.mentorship("ms-004").status is MentorshipStatus.ACTIVE  # the data given stays


def test_a_mentorship_that_is_over_is_not_ended_again() -> None:
    data = ledarskap.example_program()
    with pytest.raises(InvalidValueError, match=r"ms-001.*proposed or active.*'completed'"):
        end_mentorship(data, "ms-001", D(2026, 9, 30))
    with pytest.raises(UnknownReferenceError, match="ms-999"):
        end_mentorship(data, "ms-999", D(2026, 9, 30))


def test_replacing_a_mentor_checks_what_it_is_given() -> None:
    data = _running()
    replace = {"on": D(2026, 2, 1), "mentorship_id": "ms-new"}
    with pytest.raises(UnknownReferenceError, match="d-999"):
        replace_mentor(data, "d-999", "mentor-0582", **replace)  # type: ignore[arg-type]
    with pytest.raises(UnknownReferenceError, match="mentor-9999"):
        replace_mentor(data, "d-001", "mentor-9999", **replace)  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="a new mentorship id, found 'ms-002'"):
        replace_mentor(data, "d-001", "mentor-0582", on=D(2026, 2, 1), mentorship_id="ms-002")
    with pytest.raises(InvalidValueError, match=r"a day after the start of ms-001 \(2025-09-17\)"):
        replace_mentor(data, "d-001", "mentor-0582", on=D(2025, 9, 17), mentorship_id="ms-new")
    over = ledarskap.example_program()
    with pytest.raises(
        InvalidValueError, match=r"an active mentorship to replace, found none$"
    ) as caught:
        replace_mentor(over, "d-001", "mentor-0582", on=D(2026, 2, 1), mentorship_id="ms-new")
    assert caught.value.render("sv").endswith("ett aktivt mentorskap att ersätta, fick inget")


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(lt.program_data(max_cohorts=1, max_participants=5), st.data())
def test_replacing_a_mentor_never_deletes_and_never_doubles(
    data: ProgramData, draw: st.DataObject
) -> None:
    """Law: replacing an adept's active mentor keeps every mentorship there was (the old one
    ended early the day before), adds one, and leaves the adept one active mentor."""
    active = [
        m for m in data.mentorships
        if m.status is MentorshipStatus.ACTIVE
        and (data.cohort(data.participant(m.participant_id).cohort_id).end - m.start).days > 1
    ]  # fmt: skip
    assume(active)  # programs without an active pair have nothing to replace
    pair = draw.draw(st.sampled_from(active))
    cohort = data.cohort(data.participant(pair.participant_id).cohort_id)
    on = draw.draw(st.dates(pair.start + dt.timedelta(days=1), cohort.end))
    mentor = draw.draw(st.sampled_from(data.mentors_of(cohort.id)))
    after = replace_mentor(data, pair.participant_id, mentor.id, on=on, mentorship_id="ms-new")
    assert len(after.mentorships) == len(data.mentorships) + 1
    assert {m.id for m in data.mentorships} <= {m.id for m in after.mentorships}
    old = after.mentorship(pair.id)
    assert (old.status, old.end, old.ended_by) == (
        MentorshipStatus.ENDED_EARLY, on - dt.timedelta(days=1), EndedBy.PROGRAM,
    )  # fmt: skip
    mine = after.mentorships_of(pair.participant_id)
    assert [m.id for m in mine if m.status is MentorshipStatus.ACTIVE] == ["ms-new"]
    codes = set(ledarskap.validate(after).codes)
    assert "adept.two-mentors" not in codes


@pytest.mark.parametrize("on", ["2026-02-01", dt.datetime(2026, 2, 1), None])
def test_the_day_of_a_replacement_is_a_date(on: object) -> None:
    data = ledarskap.example_program()
    with pytest.raises(InvalidValueError, match="expected a date"):
        replace_mentor(data, "d-001", "mentor-0582", on=on, mentorship_id="x")  # type: ignore[arg-type]


def test_a_change_the_data_does_not_allow_is_said_in_swedish() -> None:
    data = _running()
    with pytest.raises(InvalidValueError) as taken:
        replace_mentor(data, "d-001", "mentor-0582", on=D(2026, 2, 1), mentorship_id="ms-002")
    assert taken.value.render("sv") == (
        "replace_mentor(mentorship_id=…): förväntade ett nytt id för mentorskapet, fick 'ms-002'"
    )
    with pytest.raises(InvalidValueError) as early:
        replace_mentor(data, "d-001", "mentor-0582", on=D(2025, 9, 17), mentorship_id="ms-new")
    assert early.value.render("sv") == (
        "replace_mentor(on=…): förväntade en dag efter starten av ms-001 (2025-09-17), "
        "fick '2025-09-17'"
    )
    with pytest.raises(InvalidValueError) as not_a_day:
        replace_mentor(data, "d-001", "mentor-0582", on="2026-02-01", mentorship_id="ms-new")  # type: ignore[arg-type]
    assert not_a_day.value.render("sv") == (
        "replace_mentor(on=…): förväntade ett datum, fick '2026-02-01'"
    )
    with pytest.raises(InvalidValueError) as over:
        end_mentorship(ledarskap.example_program(), "ms-001", D(2026, 9, 30))
    assert over.value.render("sv") == (
        "ProgramData.mentorships['ms-001'].status: förväntade ett mentorskap som är föreslaget "
        "eller aktivt, för att avsluta det, fick 'completed'"
    )
    with pytest.raises(UnknownReferenceError) as unknown:
        replace_mentor(data, "d-999", "mentor-0582", on=D(2026, 2, 1), mentorship_id="ms-new")
    assert unknown.value.render("sv") == (
        f"ProgramData.participants: förväntade id:t för en av de {len(data.participants)} "
        "deltagarna, fick 'd-999'"
    )

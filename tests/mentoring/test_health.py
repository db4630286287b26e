"""The health report (ledarskap.mentoring.health): quiet pairs, loads, plan, ended early."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledarskap import example_program
from ledarskap.errors import InvalidValueError, ProblemsError, UnknownReferenceError
from ledarskap.mentoring import Cadence, HealthReport, health_report
from ledarskap.model import (
    EndedBy,
    MeetingKind,
    MeetingStatus,
    Mentor,
    MentorMeeting,
    Mentorship,
    MentorshipStatus,
    ProgramData,
)
from ledarskap.testing import program_data

DATA = example_program()
COHORT = "liko-2025"
DAY = dt.date(2026, 3, 1)


def meeting(
    meeting_id: str, pair: str, on: dt.date, status: MeetingStatus = MeetingStatus.HELD
) -> MentorMeeting:
    return MentorMeeting(
        id=meeting_id, mentorship_id=pair, on=on, kind=MeetingKind.IN_PERSON, status=status
    )


def with_records(**changes: object) -> ProgramData:
    return attrs.evolve(DATA, **changes)  # type: ignore[arg-type]


# The example program ---------------------------------------------------------------------


def test_the_example_cohort_as_of_a_day() -> None:
    report = health_report(DATA, COHORT, as_of=DAY)
    assert isinstance(report, HealthReport)
    assert len(report.pairs) == 25
    assert report.held == sum(m.status is MeetingStatus.HELD and m.on <= DAY for m in DATA.meetings)
    assert [p.mentorship_id for p in report.not_met] == ["ms-007"]
    quiet = report.not_met[0]
    assert quiet.last_met == dt.date(2025, 11, 22)
    assert quiet.quiet_days == (DAY - dt.date(2025, 11, 22)).days
    assert quiet.cancelled == 1
    assert {load.mentor_id for load in report.loads} == {m.id for m in DATA.mentors_of(COHORT)}
    assert report.overloaded == ()
    lindell = next(load for load in report.loads if load.mentor_id == "mentor-0581")
    assert (lindell.adepts, lindell.capacity, lindell.over) == (2, 2, False)


def test_the_report_as_text_in_both_languages() -> None:
    report = health_report(DATA, COHORT, as_of=DAY)
    swedish, english = report.render("sv"), report.render("en")
    assert swedish.startswith("Mentorskapens hälsa i Omgång 2025/26 per 2026-03-01\n")
    assert english.startswith("Health of the mentorships of Omgång 2025/26 as of 2026-03-01\n")
    assert "Par som inte har träffats på 8 veckor (1):" in swedish
    assert "Pairs that have not met in 8 weeks (1):" in english
    assert (
        "  - Sara Grönvall (d-007) with Stefan Boman (mentor-0586): last 2025-11-22, 99 days ago"
        in english
    )
    assert "Thomas Lindell (mentor-0581): 2 of 2 adepts" in english
    assert "Ended early (0):\n  none" in english
    assert str(report) == swedish
    assert "@" not in swedish + english
    with pytest.raises(InvalidValueError, match="language"):
        report.render("de")  # type: ignore[arg-type]


def test_the_report_as_data() -> None:
    report = health_report(DATA, COHORT, as_of=DAY, cadence=Cadence(every_weeks=4), not_met_weeks=6)
    data = report.to_data()
    assert json.loads(json.dumps(data)) == data
    assert (data["as_of"], data["every_weeks"], data["not_met_weeks"]) == ("2026-03-01", 4, 6)
    assert data["held"] == report.held
    assert data["not_met"] == [p.mentorship_id for p in report.not_met]
    first = data["pairs"][0]
    assert first["mentorship_id"] == "ms-001"
    assert first["status"] == "completed"  # the example program is a finished cohort's
    assert first["plan"]["mentorship_id"] == "ms-001"
    assert first["held"] == first["plan"]["held"]
    assert first["booked"] == 0
    assert data["loads"][0] == {
        "mentor_id": "mentor-0580",
        "capacity": 2,
        "adepts": 2,
        "over": False,
    }


# Constructed cases -----------------------------------------------------------------------


def test_a_pair_that_never_met_is_flagged_from_its_start() -> None:
    meetings = tuple(m for m in DATA.meetings if m.mentorship_id != "ms-002")
    report = health_report(with_records(meetings=meetings), COHORT, as_of=dt.date(2025, 11, 12))
    pair = next(p for p in report.pairs if p.mentorship_id == "ms-002")
    assert pair.last_met is None
    assert pair.quiet_days == (dt.date(2025, 11, 12) - dt.date(2025, 9, 17)).days == 56
    assert pair.not_met
    assert "no meeting since the start 2025-09-17, 56 days ago" in report.render("en")
    earlier = health_report(with_records(meetings=meetings), COHORT, as_of=dt.date(2025, 11, 11))
    assert not next(p for p in earlier.pairs if p.mentorship_id == "ms-002").not_met


def test_an_overloaded_mentor_and_a_mentor_without_a_record() -> None:
    extra = (
        Mentorship(
            id="ms-x1", mentor_id="mentor-0581", participant_id="d-013", start=dt.date(2025, 9, 17)
        ),
        Mentorship(
            id="ms-x2", mentor_id="mentor-none", participant_id="d-014", start=dt.date(2025, 9, 17)
        ),
    )
    report = health_report(with_records(mentorships=DATA.mentorships + extra), COHORT, as_of=DAY)
    assert [load.mentor_id for load in report.overloaded] == ["mentor-0581"]
    unknown = next(load for load in report.loads if load.mentor_id == "mentor-none")
    assert (unknown.capacity, unknown.adepts, unknown.over) == (None, 1, False)
    text = report.render("sv")
    assert "Thomas Lindell (mentor-0581): 3 av 2 adepter – över kapaciteten" in text
    assert "mentor-none: 1 adepter, kapacitet okänd" in text


def test_a_pair_outside_the_cohort_has_no_plan_but_its_meetings_count() -> None:
    outside = Mentorship(
        id="ms-old",
        mentor_id="mentor-0581",
        participant_id="d-001",
        start=dt.date(2020, 1, 1),
        end=dt.date(2020, 6, 30),
    )
    old_meeting = meeting("mm-old", "ms-old", dt.date(2020, 3, 1))
    data = with_records(
        mentorships=(*DATA.mentorships, outside), meetings=(*DATA.meetings, old_meeting)
    )
    report = health_report(data, COHORT, as_of=DAY)
    pair = next(p for p in report.pairs if p.mentorship_id == "ms-old")
    assert pair.comparison.outcomes == ()
    assert pair.held == 1
    assert not pair.running
    assert pair.quiet_days is None


def test_a_relationship_ended_early_is_reported_once_it_has_ended() -> None:
    before = health_report(DATA, COHORT, as_of=dt.date(2026, 4, 29))
    assert before.ended_early == ()
    report = health_report(DATA, COHORT, as_of=dt.date(2026, 4, 30))
    [ended] = report.ended_early
    assert (ended.mentorship_id, ended.end, ended.ended_by) == (
        "ms-013",
        dt.date(2026, 4, 30),
        EndedBy.ADEPT,
    )
    assert ended.reason == "Adepten lämnade programmet."
    assert (
        "Ended early (1):\n  - Linnea Sjödin (d-013) with Camilla Ståhl (mentor-0509), "
        "ended 2026-04-30, by the adept: Adepten lämnade programmet."
    ) in report.render("en")
    assert (
        "Avbrutna i förtid (1):\n  - Linnea Sjödin (d-013) med Camilla Ståhl (mentor-0509), "
        "slutade 2026-04-30, av adepten: Adepten lämnade programmet."
    ) in report.render("sv")
    assert report.to_data()["ended_early"] == [
        {
            "mentorship_id": "ms-013",
            "mentor_id": "mentor-0509",
            "participant_id": "d-013",
            "end": "2026-04-30",
            "ended_by": "adept",
            "reason": "Adepten lämnade programmet.",
        }
    ]
    pair = next(p for p in report.pairs if p.mentorship_id == "ms-013")
    assert pair.status is MentorshipStatus.ENDED_EARLY
    assert pair.running  # its last day


def test_an_unrecorded_ender_and_no_reason() -> None:
    pairs = tuple(
        attrs.evolve(m, ended_by=None, end_reason="") if m.id == "ms-013" else m
        for m in DATA.mentorships
    )
    report = health_report(with_records(mentorships=pairs), COHORT, as_of=dt.date(2026, 6, 1))
    assert (
        "  - Linnea Sjödin (d-013) with Camilla Ståhl (mentor-0509), ended 2026-04-30\n"
        in report.render("en") + "\n"
    )
    assert report.to_data()["ended_early"][0]["ended_by"] is None


def test_the_text_masks_personal_data_in_a_reason() -> None:
    pairs = tuple(
        attrs.evolve(m, end_reason="Se 19850312-2395, anna.berg@example.se")
        if m.id == "ms-013"
        else m
        for m in DATA.mentorships
    )
    report = health_report(with_records(mentorships=pairs), COHORT, as_of=dt.date(2026, 6, 1))
    text = report.render("sv")
    assert "19XXXXXX-XX95" in text
    assert "a…@example.se" in text
    assert "19850312" not in text
    assert "anna.berg" not in text
    assert "anna.berg" not in repr(report.ended_early[0])
    data = json.dumps(report.to_data())
    assert "19XXXXXX-XX95" in data
    assert "19850312" not in data
    assert "anna.berg" not in data


def test_an_id_that_is_a_personnummer_is_masked_in_the_data_too() -> None:
    """Ids are text a file chose: the report's data, its plans' too, masks them."""
    ids = {"d-001": "19850312-2395"}

    def renamed(record: object) -> object:
        fields = {
            name: ids.get(value, value)
            for name, value in attrs.asdict(record, recurse=False).items()  # type: ignore[arg-type]
            if name in ("id", "participant_id")
        }
        return attrs.evolve(record, **fields)  # type: ignore[misc]

    data = with_records(
        participants=tuple(map(renamed, DATA.participants)),
        mentorships=tuple(map(renamed, DATA.mentorships)),
    )
    report = health_report(data, COHORT, as_of=DAY)
    assert "19850312-2395" in {pair.participant_id for pair in report.pairs}
    shown = json.dumps(report.to_data())
    assert "19850312" not in shown
    assert "19XXXXXX-XX95" in shown


def test_a_reason_is_one_line_of_the_text() -> None:
    pairs = tuple(
        attrs.evolve(m, end_reason="flyttade\n  - d-002 med mentor-0580\x1b[2J")
        if m.id == "ms-013"
        else m
        for m in DATA.mentorships
    )
    text = health_report(with_records(mentorships=pairs), COHORT, as_of=dt.date(2026, 6, 1))
    lines = text.render("en").splitlines()
    (line,) = [line for line in lines if "flyttade" in line]
    assert line.endswith(": flyttade - d-002 med mentor-0580\x1b[2J")


def test_a_proposed_pair_has_no_plan_and_is_not_running() -> None:
    pairs = tuple(
        Mentorship(
            id=m.id,
            mentor_id=m.mentor_id,
            participant_id=m.participant_id,
            start=m.start,
            status=MentorshipStatus.PROPOSED,
        )
        if m.id == "ms-001"
        else m
        for m in DATA.mentorships
    )
    report = health_report(with_records(mentorships=pairs), COHORT, as_of=DAY)
    pair = next(p for p in report.pairs if p.mentorship_id == "ms-001")
    assert pair.comparison.outcomes == ()
    assert not pair.running
    assert not pair.not_met
    assert pair.held == 3  # its recorded meetings still count


def test_an_ended_pair_is_not_running_and_not_flagged() -> None:
    report = health_report(DATA, COHORT, as_of=dt.date(2026, 6, 1))
    pair = next(p for p in report.pairs if p.mentorship_id == "ms-013")  # ended 2026-04-30
    assert not pair.running
    assert not pair.not_met
    mentor = next(load for load in report.loads if load.mentor_id == "mentor-0509")
    assert mentor.adepts == 0


# Laws ------------------------------------------------------------------------------------


@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(
    data=program_data(max_cohorts=2, max_participants=5),
    as_of=st.dates(dt.date(2010, 1, 1), dt.date(2036, 1, 1)),
    every_weeks=st.integers(1, 12),
    not_met_weeks=st.integers(1, 12),
)
def test_every_meeting_is_counted_once(
    data: ProgramData, as_of: dt.date, every_weeks: int, not_met_weeks: int
) -> None:
    """Law: in a cohort's health report every recorded meeting of the cohort's mentorships
    is counted exactly once (in one pair's comparison), those of other cohorts never; the
    held total is the number of meetings held on or before the day."""
    cohort = data.cohorts[0]
    report = health_report(
        data,
        cohort.id,
        as_of=as_of,
        cadence=Cadence(every_weeks=every_weeks),
        not_met_weeks=not_met_weeks,
    )
    adepts = {p.id for p in data.participants_of(cohort.id)}
    own = {m.id for m in data.mentorships if m.participant_id in adepts}
    mine = [m for m in data.meetings if m.mentorship_id in own]
    counted = Counter(i for pair in report.pairs for i in pair.comparison.meeting_ids())
    assert counted == Counter(m.id for m in mine)
    assert report.held == sum(m.status is MeetingStatus.HELD and m.on <= as_of for m in mine)
    assert sum(pair.cancelled for pair in report.pairs) == sum(
        m.status is MeetingStatus.CANCELLED and m.on <= as_of for m in mine
    )
    assert sum(pair.booked for pair in report.pairs) == sum(
        m.status is MeetingStatus.PLANNED for m in mine
    )
    for pair in report.not_met:
        assert pair.running
        assert pair.quiet_days is not None
        assert pair.quiet_days >= 7 * not_met_weeks
    assert sum(load.adepts for load in report.loads) == sum(p.running for p in report.pairs)


# Bad input -------------------------------------------------------------------------------


def test_wrong_arguments_are_named_all_at_once() -> None:
    with pytest.raises(ProblemsError) as caught:
        health_report(DATA, COHORT, as_of="2026-03-01", cadence=6, not_met_weeks=0)  # type: ignore[arg-type]
    assert [problem.path for problem in caught.value.problems] == [
        "health_report(as_of)",
        "health_report(cadence)",
        "health_report(not_met_weeks)",
    ]
    with pytest.raises(InvalidValueError, match=r"health_report\(data\)"):
        health_report("data", COHORT, as_of=DAY)  # type: ignore[arg-type]


def test_an_unknown_cohort_is_named() -> None:
    with pytest.raises(UnknownReferenceError, match="c-none"):
        health_report(DATA, "c-none", as_of=DAY)


def test_the_day_must_be_given() -> None:
    with pytest.raises(TypeError, match="as_of"):
        health_report(DATA, COHORT)  # type: ignore[call-arg]
    assert isinstance(DATA.mentors[0], Mentor)

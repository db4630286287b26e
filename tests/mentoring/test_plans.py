"""Meeting plans (ledarskap.mentoring.plans): the recurrence, its rules, and planned against held."""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from collections import Counter

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledarskap import example_program, validate
from ledarskap.errors import InvalidValueError, ProblemsError, UnknownReferenceError, UsageError
from ledarskap.io import dumps, loads
from ledarskap.mentoring import (
    DEFAULT_SUMMER_WEEKS,
    Cadence,
    MeetingPlan,
    PlanComparison,
    PlannedMeeting,
    PlanOutcome,
    PlanStatus,
    SkipReason,
    cohort_mentorships,
    cohort_plans,
    plan_meetings,
)
from ledarskap.model import (
    Cohort,
    MeetingKind,
    MeetingStatus,
    MentorMeeting,
    Mentorship,
    Session,
    SessionKind,
)
from ledarskap.model._checks import ID_PATTERN
from ledarskap.testing import mentor_meetings, sessions
from tests.io._swedish import english_words

DATA = example_program()
COHORT = DATA.cohorts[0]
PAIR = Mentorship(id="ms-x", mentor_id="mentor-x", participant_id="d-x", start=dt.date(2024, 1, 1))


def cohort_with(*sessions: Session, start: dt.date, end: dt.date) -> Cohort:
    return Cohort(id="c", program_id="liko", name="Omgång", start=start, end=end, sessions=sessions)


def meeting(
    meeting_id: str, on: dt.date, status: MeetingStatus, pair: str = "ms-x"
) -> MentorMeeting:
    return MentorMeeting(
        id=meeting_id, mentorship_id=pair, on=on, kind=MeetingKind.ONLINE, status=status
    )


# The recurrence and its rules ------------------------------------------------------------


def test_the_example_pair_meets_every_six_weeks_off_the_start_internat_and_not_in_summer() -> None:
    plan = plan_meetings(DATA.mentorship("ms-001"), Cadence(every_weeks=6), cohort=COHORT)
    assert plan.start == dt.date(2025, 9, 17)  # the mentorship's start, inside the cohort
    assert plan.end == dt.date(2026, 9, 30)
    first = plan.meetings[0]
    assert (first.number, first.on, first.moved_from) == (
        1,
        dt.date(2025, 9, 22),
        dt.date(2025, 9, 17),
    )
    assert [m.on for m in plan.meetings[1:3]] == [dt.date(2025, 10, 29), dt.date(2025, 12, 10)]
    assert [(s.number, s.on, s.reason) for s in plan.skipped] == [
        (8, dt.date(2026, 7, 8), SkipReason.SUMMER)
    ]
    assert [m.number for m in plan.meetings] == [1, 2, 3, 4, 5, 6, 7, 9, 10]


def test_weekly_meetings_on_a_chosen_weekday() -> None:
    cohort = cohort_with(start=dt.date(2025, 1, 1), end=dt.date(2025, 3, 31))
    plan = plan_meetings(PAIR, Cadence(every_weeks=1, weekday=3), cohort=cohort)
    assert {day.weekday() for day in plan.dates} == {3}
    assert plan.dates[0] == dt.date(2025, 1, 2)  # the first Thursday on or after the start
    assert len(plan.dates) == 13
    assert all(
        b - a == dt.timedelta(weeks=1) for a, b in zip(plan.dates, plan.dates[1:], strict=False)
    )


def test_a_meeting_on_a_session_day_moves_to_the_next_free_weekday() -> None:
    internat = Session(
        id="s1",
        kind=SessionKind.RESIDENTIAL,
        title="Internat",
        start=dt.date(2025, 1, 15),  # a Wednesday to Friday
        end=dt.date(2025, 1, 17),
    )
    cohort = cohort_with(internat, start=dt.date(2025, 1, 1), end=dt.date(2025, 2, 28))
    plan = plan_meetings(PAIR, Cadence(every_weeks=2), cohort=cohort)
    # Wednesdays from 1 Jan; the 15th is the internat's: Monday the 20th instead.
    assert plan.dates[:3] == (dt.date(2025, 1, 1), dt.date(2025, 1, 20), dt.date(2025, 1, 29))
    assert plan.meetings[1].moved_from == dt.date(2025, 1, 15)
    unmoved = plan_meetings(PAIR, Cadence(every_weeks=2, avoid_sessions=False), cohort=cohort)
    assert unmoved.dates[1] == dt.date(2025, 1, 15)


def test_a_meeting_with_no_free_day_before_the_next_is_skipped() -> None:
    week = Session(
        id="s1",
        kind=SessionKind.RESIDENTIAL,
        title="Internat",
        start=dt.date(2025, 1, 8),
        end=dt.date(2025, 1, 14),
    )
    cohort = cohort_with(week, start=dt.date(2025, 1, 1), end=dt.date(2025, 1, 31))
    plan = plan_meetings(PAIR, Cadence(every_weeks=1), cohort=cohort)
    assert plan.dates == (
        dt.date(2025, 1, 1),
        dt.date(2025, 1, 15),
        dt.date(2025, 1, 22),
        dt.date(2025, 1, 29),
    )
    assert [(s.number, s.reason) for s in plan.skipped] == [(2, SkipReason.NO_FREE_DAY)]


def test_excluded_dates_are_skipped_and_the_other_meetings_keep_their_numbers() -> None:
    cohort = cohort_with(start=dt.date(2025, 1, 6), end=dt.date(2025, 3, 31))
    before = plan_meetings(PAIR, Cadence(every_weeks=2), cohort=cohort)
    after = plan_meetings(
        PAIR, Cadence(every_weeks=2, excluded={dt.date(2025, 2, 3)}), cohort=cohort
    )
    assert [(s.on, s.reason) for s in after.skipped] == [(dt.date(2025, 2, 3), SkipReason.EXCLUDED)]
    assert {(m.number, m.on) for m in after.meetings} == {
        (m.number, m.on) for m in before.meetings if m.on != dt.date(2025, 2, 3)
    }


def test_the_default_summer_break_is_weeks_26_to_32() -> None:
    assert frozenset(range(26, 33)) == DEFAULT_SUMMER_WEEKS
    cohort = cohort_with(start=dt.date(2025, 6, 2), end=dt.date(2025, 9, 1))
    plan = plan_meetings(PAIR, Cadence(every_weeks=1), cohort=cohort)
    assert {d.isocalendar().week for d in plan.dates}.isdisjoint(DEFAULT_SUMMER_WEEKS)
    assert len(plan.skipped) == 7
    no_break = plan_meetings(PAIR, Cadence(every_weeks=1, summer_weeks=()), cohort=cohort)
    assert no_break.skipped == ()


def test_the_period_is_the_mentorship_within_the_cohort_unless_given() -> None:
    ended = Mentorship(
        id="ms-y",
        mentor_id="m",
        participant_id="d",
        start=dt.date(2024, 1, 1),
        end=dt.date(2025, 2, 1),
    )
    cohort = cohort_with(start=dt.date(2025, 1, 1), end=dt.date(2025, 6, 30))
    plan = plan_meetings(ended, cohort=cohort)
    assert (plan.start, plan.end) == (dt.date(2025, 1, 1), dt.date(2025, 2, 1))
    alone = plan_meetings(ended)
    assert (alone.start, alone.end) == (dt.date(2024, 1, 1), dt.date(2025, 2, 1))
    given_ = plan_meetings(ended, start=dt.date(2024, 3, 4), end=dt.date(2024, 4, 30))
    assert (given_.start, given_.end) == (dt.date(2024, 3, 4), dt.date(2024, 4, 30))


def test_a_cohort_has_a_plan_for_each_of_its_mentorships() -> None:
    plans = cohort_plans(DATA, COHORT.id)
    assert [p.mentorship_id for p in plans] == [m.id for m in cohort_mentorships(DATA, COHORT.id)]
    assert len(plans) == 25
    early = next(p for p in plans if p.mentorship_id == "ms-013")
    assert early.end == dt.date(2026, 4, 30)
    with pytest.raises(UnknownReferenceError, match="c-none"):
        cohort_plans(DATA, "c-none")


# Laws ------------------------------------------------------------------------------------


cadences = st.builds(
    Cadence,
    every_weeks=st.integers(1, 8),
    weekday=st.none() | st.integers(0, 4),
    summer_weeks=st.frozensets(st.integers(1, 53), max_size=10),
    excluded=st.frozensets(st.dates(dt.date(2025, 1, 1), dt.date(2025, 12, 31)), max_size=20),
    avoid_sessions=st.booleans(),
)


@st.composite
def cohorts_in_2025(draw: st.DrawFn) -> Cohort:
    drawn = draw(
        st.lists(sessions(min_date=dt.date(2025, 1, 1), max_date=dt.date(2025, 12, 31)), max_size=6)
    )
    unique = {s.id: s for s in drawn}.values()
    return cohort_with(*unique, start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31))


@settings(max_examples=60)
@given(cadence=cadences, cohort=cohorts_in_2025())
def test_a_plan_keeps_every_rule(cadence: Cadence, cohort: Cohort) -> None:
    """Law: every planned meeting lies in the period on a weekday, never in a summer week, on
    an excluded date or (when avoided) a session day; dates strictly ascend; every
    occurrence is planned or skipped, once; a moved meeting lies before the next occurrence.
    """
    plan = plan_meetings(PAIR, cadence, cohort=cohort)
    busy = {s.start + dt.timedelta(days=i) for s in cohort.sessions for i in range(s.days)}
    for planned in plan.meetings:
        assert plan.start <= planned.on <= plan.end
        assert planned.on.weekday() < 5
        assert planned.on.isocalendar().week not in cadence.summer_weeks
        assert planned.on not in cadence.excluded
        assert not (cadence.avoid_sessions and planned.on in busy)
        if planned.moved_from is not None:
            assert (
                planned.moved_from
                < planned.on
                < planned.moved_from + dt.timedelta(weeks=cadence.every_weeks)
            )
    assert list(plan.dates) == sorted(set(plan.dates))
    numbers = sorted([m.number for m in plan.meetings] + [s.number for s in plan.skipped])
    assert numbers == list(range(1, len(numbers) + 1))


@settings(max_examples=40)
@given(
    cadence=cadences,
    more=st.frozensets(st.dates(dt.date(2025, 1, 1), dt.date(2025, 12, 31)), max_size=10),
)
def test_excluding_more_dates_never_adds_a_meeting(
    cadence: Cadence, more: frozenset[dt.date]
) -> None:
    """Law: with more dates excluded, every meeting planned was planned before (by number)."""
    cohort = cohort_with(start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31))
    wider = Cadence(
        every_weeks=cadence.every_weeks,
        weekday=cadence.weekday,
        summer_weeks=cadence.summer_weeks,
        excluded=cadence.excluded | more,
    )
    before = {m.number for m in plan_meetings(PAIR, cadence, cohort=cohort).meetings}
    after = {m.number for m in plan_meetings(PAIR, wider, cohort=cohort).meetings}
    assert after <= before


@settings(max_examples=60)
@given(
    cadence=cadences,
    recorded=st.lists(
        mentor_meetings(
            mentorship="ms-x", min_date=dt.date(2025, 1, 1), max_date=dt.date(2025, 12, 31)
        )
        | mentor_meetings(
            mentorship="ms-other", min_date=dt.date(2025, 1, 1), max_date=dt.date(2025, 12, 31)
        ),
        max_size=20,
        unique_by=lambda m: m.id,
    ),
    as_of=st.dates(dt.date(2025, 1, 1), dt.date(2026, 1, 31)),
)
def test_every_recorded_meeting_is_counted_once(
    cadence: Cadence, recorded: list[MentorMeeting], as_of: dt.date
) -> None:
    """Law: comparing a plan with recorded meetings puts each of the pair's meetings in exactly
    one place (a planned meeting's, unplanned or later), never another pair's, and counts
    as held exactly the pair's held meetings on or before the day."""
    cohort = cohort_with(start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31))
    plan = plan_meetings(PAIR, cadence, cohort=cohort)
    comparison = plan.compare(recorded, as_of=as_of)
    own = [m for m in recorded if m.mentorship_id == "ms-x"]
    assert Counter(comparison.meeting_ids()) == Counter(m.id for m in own)
    assert comparison.held == sum(m.status is MeetingStatus.HELD and m.on <= as_of for m in own)
    for outcome in comparison.outcomes:
        if outcome.meeting is not None:
            assert abs((outcome.meeting.on - outcome.planned.on).days) <= cadence.window
    assert len(comparison.outcomes) == len(plan.meetings)


# Planned against held --------------------------------------------------------------------


def test_planned_against_held_names_what_became_of_each_planned_meeting() -> None:
    cohort = cohort_with(start=dt.date(2025, 1, 6), end=dt.date(2025, 4, 30))
    plan = plan_meetings(PAIR, Cadence(every_weeks=4), cohort=cohort)
    assert plan.dates == (
        dt.date(2025, 1, 6),
        dt.date(2025, 2, 3),
        dt.date(2025, 3, 3),
        dt.date(2025, 3, 31),
        dt.date(2025, 4, 28),
    )
    recorded = [
        meeting("held", dt.date(2025, 1, 9), MeetingStatus.HELD),
        meeting("cancelled", dt.date(2025, 2, 3), MeetingStatus.CANCELLED),
        meeting("extra", dt.date(2025, 2, 17), MeetingStatus.HELD),
        meeting("booked", dt.date(2025, 4, 1), MeetingStatus.PLANNED),
        meeting("future", dt.date(2025, 4, 29), MeetingStatus.HELD),
        meeting("other", dt.date(2025, 3, 3), MeetingStatus.HELD, pair="ms-other"),
    ]
    comparison = plan.compare(recorded, as_of=dt.date(2025, 4, 20))
    assert [o.status for o in comparison.outcomes] == [
        PlanStatus.HELD,
        PlanStatus.HELD,  # 17 February: 14 days from both; the earlier planned, and held wins
        PlanStatus.MISSED,
        PlanStatus.MISSED,  # booked for 1 April, never marked held, its window closed
        PlanStatus.UPCOMING,
    ]
    assert [o.meeting.id if o.meeting else None for o in comparison.outcomes] == [
        "held",
        "extra",
        None,
        "booked",
        None,
    ]
    assert [m.id for m in comparison.unplanned] == ["cancelled"]
    assert [m.id for m in comparison.later] == ["future"]
    assert (comparison.held, comparison.due, comparison.missed) == (2, 4, 2)
    data = comparison.to_data()
    assert json.loads(json.dumps(data)) == data
    assert data["outcomes"][2] == {
        "number": 3,
        "planned_on": "2025-03-03",
        "status": "missed",
        "meeting_id": None,
    }


def test_a_booking_counts_until_its_window_closes_then_it_is_missed() -> None:
    cohort = cohort_with(start=dt.date(2025, 1, 6), end=dt.date(2025, 1, 31))
    plan = plan_meetings(PAIR, Cadence(every_weeks=4), cohort=cohort)  # 6 January, window 14
    booked = [meeting("booked", dt.date(2025, 1, 8), MeetingStatus.PLANNED)]
    status = {
        as_of: plan.compare(booked, as_of=as_of).outcomes[0].status
        for as_of in (dt.date(2025, 1, 7), dt.date(2025, 1, 20), dt.date(2025, 1, 21))
    }
    assert list(status.values()) == [PlanStatus.BOOKED, PlanStatus.BOOKED, PlanStatus.MISSED]


def test_a_stored_plan_not_followed_up_shows_its_meetings_missed() -> None:
    """The plan stored as records (status planned) does not hide that none was held."""
    plan = plan_meetings(PAIR, Cadence(), cohort=COHORT)
    comparison = plan.compare(plan.as_meetings(), as_of=COHORT.end + dt.timedelta(days=60))
    assert comparison.held == 0
    assert comparison.missed == comparison.due > 0


def test_a_plan_reaching_the_last_date_there_is() -> None:
    plan = plan_meetings(
        PAIR, Cadence(weekday=4, summer_weeks=()), start=dt.date(9999, 12, 1), end=dt.date.max
    )
    assert plan.dates == (dt.date(9999, 12, 3),)
    assert plan.compare([], as_of=dt.date.max).missed == 1


@pytest.mark.parametrize(
    ("start", "weekday", "first"),
    [
        (dt.date(2025, 9, 19), 0, dt.date(2025, 9, 22)),  # a Friday; the Monday after
        (dt.date(2025, 9, 19), 3, dt.date(2025, 9, 25)),
        (dt.date(2025, 9, 19), 4, dt.date(2025, 9, 19)),
        (dt.date(2025, 9, 15), 2, dt.date(2025, 9, 17)),
    ],
)
def test_the_first_meeting_is_on_the_first_weekday_of_the_cadence_from_the_start(
    start: dt.date, weekday: int, first: dt.date
) -> None:
    pair = attrs.evolve(PAIR, start=start)
    cadence = Cadence(every_weeks=6, weekday=weekday, summer_weeks=())
    plan = plan_meetings(pair, cadence, end=dt.date(2026, 6, 30))
    assert plan.dates[0] == first
    assert plan.dates[1] == first + dt.timedelta(weeks=6)


@pytest.mark.parametrize(
    ("meetings", "where"),
    [(None, "compare(meetings)"), ([1], "compare(meetings)[0]"), ("ms-x", "compare(meetings)")],
)
def test_compare_names_meetings_of_the_wrong_kind(meetings: object, where: str) -> None:
    plan = plan_meetings(PAIR, Cadence(), cohort=COHORT)
    with pytest.raises(InvalidValueError, match=re.escape(f"MeetingPlan.{where}: expected")):
        plan.compare(meetings, as_of=COHORT.end)  # type: ignore[arg-type]


def test_a_cancelled_meeting_counts_for_its_planned_date_when_nothing_was_held() -> None:
    cohort = cohort_with(start=dt.date(2025, 1, 6), end=dt.date(2025, 1, 31))
    plan = plan_meetings(PAIR, Cadence(every_weeks=4), cohort=cohort)
    comparison = plan.compare(
        [meeting("c", dt.date(2025, 1, 7), MeetingStatus.CANCELLED)], as_of=dt.date(2025, 3, 1)
    )
    assert [o.status for o in comparison.outcomes] == [PlanStatus.CANCELLED]
    assert comparison.held == 0


def test_the_window_can_be_set() -> None:
    cohort = cohort_with(start=dt.date(2025, 1, 6), end=dt.date(2025, 1, 31))
    assert Cadence(every_weeks=6).window == 21
    narrow = plan_meetings(PAIR, Cadence(every_weeks=4, window_days=2), cohort=cohort)
    comparison = narrow.compare(
        [meeting("h", dt.date(2025, 1, 9), MeetingStatus.HELD)], as_of=dt.date(2025, 1, 20)
    )
    assert [o.status for o in comparison.outcomes] == [PlanStatus.MISSED]
    assert [m.id for m in comparison.unplanned] == ["h"]


# Planned against held: only the pairs within the window ---------------------------------


def _reference_compare(
    plan: MeetingPlan, meetings: list[MentorMeeting], *, as_of: dt.date
) -> PlanComparison:
    """MeetingPlan.compare as it was first written: every planned × recorded pair, sorted.

    Kept as the reference that the comparison by windows must agree with, to the record.
    """
    own = sorted(
        (m for m in meetings if m.mentorship_id == plan.mentorship_id),
        key=lambda m: (m.on, m.id),
    )
    done = {MeetingStatus.HELD, MeetingStatus.CANCELLED}
    later = tuple(m for m in own if m.status in done and m.on > as_of)
    current = [m for m in own if not (m.status in done and m.on > as_of)]
    matched: dict[int, MentorMeeting] = {}
    used: set[int] = set()
    window_days = plan.cadence.window
    for status in (MeetingStatus.HELD, MeetingStatus.CANCELLED, MeetingStatus.PLANNED):
        candidates = sorted(
            (abs((meeting.on - planned.on).days), planned.number, meeting.on, meeting.id, index)
            for planned in plan.meetings
            if planned.number not in matched
            for index, meeting in enumerate(current)
            if index not in used
            and meeting.status is status
            and abs((meeting.on - planned.on).days) <= window_days
        )
        for _, number, _, _, index in candidates:
            if number not in matched and index not in used:
                matched[number] = current[index]
                used.add(index)
    window = dt.timedelta(days=window_days)
    outcome_of = {
        MeetingStatus.HELD: PlanStatus.HELD,
        MeetingStatus.CANCELLED: PlanStatus.CANCELLED,
        MeetingStatus.PLANNED: PlanStatus.BOOKED,
    }
    outcomes = []
    for planned in plan.meetings:
        found = matched.get(planned.number)
        closed = (as_of - planned.on) > window
        if found is not None and not (
            found.status is MeetingStatus.PLANNED and closed and found.on < as_of
        ):
            outcome = outcome_of[found.status]
        elif closed:
            outcome = PlanStatus.MISSED
        else:
            outcome = PlanStatus.UPCOMING
        outcomes.append(PlanOutcome(planned=planned, status=outcome, meeting=found))
    unplanned = tuple(m for index, m in enumerate(current) if index not in used)
    return PlanComparison(
        plan=plan, as_of=as_of, outcomes=tuple(outcomes), unplanned=unplanned, later=later
    )


def assert_same_comparison(found: PlanComparison, expected: PlanComparison) -> None:
    """Equal, and the very same recorded meetings in each place (equal records are not)."""
    assert found == expected
    assert [id(o.meeting) for o in found.outcomes] == [id(o.meeting) for o in expected.outcomes]
    assert [id(m) for m in found.unplanned] == [id(m) for m in expected.unplanned]
    assert [id(m) for m in found.later] == [id(m) for m in expected.later]


_EDGES = (dt.date.min, dt.date(2025, 1, 1), dt.date.max - dt.timedelta(days=60))


@st.composite
def plans_and_meetings(draw: st.DrawFn) -> tuple[MeetingPlan, list[MentorMeeting], dt.date]:
    """A plan (made by plan_meetings, or by hand: any order, days and numbers repeating,
    at either end of the calendar), meetings of the pair and another on few days (ids
    repeating, every status), and a day before, among or after them."""
    cadence = Cadence(
        every_weeks=draw(st.integers(1, 8)),
        summer_weeks=(),
        window_days=draw(st.none() | st.integers(0, 12) | st.sampled_from([0, 366])),
    )
    made = draw(st.booleans())
    base, span = (dt.date(2025, 1, 1), 120) if made else (draw(st.sampled_from(_EDGES)), 60)
    days = st.integers(0, span).map(lambda offset: base + dt.timedelta(days=offset))
    if made:
        plan = plan_meetings(PAIR, cadence, start=base, end=base + dt.timedelta(days=span - 30))
    else:
        planned = draw(
            st.lists(st.builds(PlannedMeeting, number=st.integers(1, 4), on=days), max_size=12)
            if draw(st.booleans())  # numbers repeating, or each once as a plan has them
            else st.lists(
                st.builds(PlannedMeeting, number=st.integers(1, 12), on=days),
                max_size=12,
                unique_by=lambda p: p.number,
            )
        )
        plan = MeetingPlan(
            mentorship_id="ms-x",
            cadence=cadence,
            start=base,
            end=base + dt.timedelta(days=span),
            meetings=tuple(planned),
        )
    recorded = draw(
        st.lists(
            st.builds(
                MentorMeeting,
                id=st.sampled_from(["m0", "m1", "m2", "m3"]),
                mentorship_id=st.sampled_from(["ms-x", "ms-x", "ms-other"]),
                on=days,
                kind=st.just(MeetingKind.ONLINE),
                status=st.sampled_from(MeetingStatus),
            ),
            max_size=30,
        )
    )
    as_of = draw(days | st.sampled_from([dt.date.min, dt.date.max]))
    return plan, recorded, as_of


@settings(max_examples=200)
@given(case=plans_and_meetings())
def test_compare_matches_as_trying_every_pair_would(
    case: tuple[MeetingPlan, list[MentorMeeting], dt.date],
) -> None:
    """Law: comparing by windows gives the same comparison, to the very records, as sorting
    every planned × recorded pair and taking the closest first (the former way)."""
    plan, recorded, as_of = case
    assert_same_comparison(
        plan.compare(recorded, as_of=as_of), _reference_compare(plan, recorded, as_of=as_of)
    )


@pytest.mark.parametrize(("seed", "window_days"), [(1, 0), (2, 3), (3, 21), (4, 366)])
def test_compare_matches_the_reference_on_a_crowded_plan(seed: int, window_days: int) -> None:
    """A few hundred meetings on few days, with windows wide enough to reach many."""
    rng = random.Random(seed)
    start = dt.date(2025, 1, 1)
    plan = plan_meetings(
        PAIR,
        Cadence(every_weeks=1, summer_weeks=(), window_days=window_days),
        start=start,
        end=dt.date(2026, 12, 31),
    )
    recorded = [
        meeting(
            f"m{rng.randrange(50)}",
            start
            + dt.timedelta(days=rng.choice([rng.randrange(-30, 760), 7 * rng.randrange(110)])),
            rng.choice(list(MeetingStatus)),
            pair=rng.choice(["ms-x", "ms-x", "ms-x", "ms-other"]),
        )
        for _ in range(400)
    ]
    for as_of in (dt.date(2024, 1, 1), dt.date(2025, 12, 1), dt.date(2027, 6, 1)):
        assert_same_comparison(
            plan.compare(recorded, as_of=as_of), _reference_compare(plan, recorded, as_of=as_of)
        )


def test_a_number_planned_twice_takes_the_earliest_of_the_closest() -> None:
    """A plan made by hand may repeat a number, out of date order: the two share a match,
    and of the recorded meetings equally close to either, the earliest is taken."""
    first = dt.date(2025, 1, 1)
    plan = MeetingPlan(
        mentorship_id="ms-x",
        cadence=Cadence(window_days=5),
        start=first,
        end=first + dt.timedelta(days=20),
        meetings=(
            PlannedMeeting(number=1, on=first + dt.timedelta(days=20)),
            PlannedMeeting(number=1, on=first),
        ),
    )
    recorded = [
        meeting("late", first + dt.timedelta(days=15), MeetingStatus.HELD),
        meeting("early", first - dt.timedelta(days=5), MeetingStatus.HELD),
    ]
    as_of = first + dt.timedelta(days=30)
    comparison = plan.compare(recorded, as_of=as_of)
    assert [o.meeting.id if o.meeting else None for o in comparison.outcomes] == ["early"] * 2
    assert [m.id for m in comparison.unplanned] == ["late"]
    assert_same_comparison(comparison, _reference_compare(plan, recorded, as_of=as_of))


def _weekly(count: int) -> MeetingPlan:
    start = dt.date(1800, 1, 6)
    planned = tuple(
        PlannedMeeting(number=n + 1, on=start + dt.timedelta(weeks=n)) for n in range(count)
    )
    return MeetingPlan(
        mentorship_id="ms-x",
        cadence=Cadence(every_weeks=1),  # a window of 3 days
        start=start,
        end=planned[-1].on,
        meetings=planned,
    )


def test_a_plan_of_twenty_thousand_meetings_against_as_many_recorded() -> None:
    """Some four hundred years of weekly meetings, each held or booked a few days off."""
    plan = _weekly(20_000)
    statuses = [MeetingStatus.HELD, MeetingStatus.CANCELLED, MeetingStatus.PLANNED]
    recorded = [
        meeting(f"m{n}", p.on + dt.timedelta(days=n % 7 - 3), statuses[n % 3])
        for n, p in enumerate(plan.meetings)
    ]
    comparison = plan.compare(reversed(recorded), as_of=dt.date(2200, 1, 1))
    assert [o.meeting for o in comparison.outcomes] == recorded
    assert comparison.unplanned == ()
    assert comparison.count(PlanStatus.HELD) + len(comparison.later) == len(recorded[::3])


def test_twenty_thousand_meetings_on_one_day_are_one_day_to_look_at() -> None:
    """Meetings sharing a day are equal to every planned meeting: the first free is taken."""
    plan = _weekly(20_000)
    day = plan.meetings[100].on
    recorded = [meeting(f"m{n:05}", day, MeetingStatus.HELD) for n in range(20_000)]
    comparison = plan.compare(recorded, as_of=dt.date(2200, 1, 1))
    assert [(o.planned.number, o.meeting) for o in comparison.outcomes if o.meeting] == [
        (101, recorded[0])
    ]
    assert comparison.unplanned == tuple(recorded[1:])


def test_windows_reaching_past_the_first_and_last_day_there_are() -> None:
    for first, last in ((dt.date.min, dt.date.min), (dt.date.max, dt.date.max)):
        plan = MeetingPlan(
            mentorship_id="ms-x",
            cadence=Cadence(window_days=366),
            start=first,
            end=last,
            meetings=(PlannedMeeting(number=1, on=first),),
        )
        recorded = [meeting("h", first, MeetingStatus.HELD)]
        comparison = plan.compare(recorded, as_of=dt.date.max)
        assert comparison.outcomes[0].meeting == recorded[0]
        assert_same_comparison(comparison, _reference_compare(plan, recorded, as_of=dt.date.max))


# The plan as records ---------------------------------------------------------------------


def test_a_plan_as_meeting_records_with_status_planned() -> None:
    plan = plan_meetings(DATA.mentorship("ms-001"), cohort=COHORT)
    records = plan.as_meetings(MeetingKind.ONLINE, duration_minutes=60)
    assert [r.on for r in records] == list(plan.dates)
    assert {r.status for r in records} == {MeetingStatus.PLANNED}
    assert {r.kind for r in records} == {MeetingKind.ONLINE}
    assert records[0].id == "ms-001.plan-1"
    assert [r.id for r in records] == [r.id for r in plan.as_meetings()]  # stable


def test_a_stored_plan_validates_and_survives_the_document() -> None:
    plans = cohort_plans(DATA, COHORT.id)
    records = tuple(m for plan in plans for m in plan.as_meetings())
    stored = attrs.evolve(DATA, meetings=DATA.meetings + records)
    assert validate(stored).ok
    assert loads(dumps(stored)) == stored


def test_a_long_mentorship_id_gives_hashed_ids_that_are_still_ids() -> None:
    long_pair = Mentorship(
        id="m" * 64, mentor_id="m", participant_id="d", start=dt.date(2025, 1, 1)
    )
    plan = plan_meetings(long_pair, Cadence(every_weeks=1), end=dt.date(2025, 1, 31))
    ids = [r.id for r in plan.as_meetings()]
    assert all(re.fullmatch(ID_PATTERN, i) for i in ids)
    assert len(set(ids)) == len(ids)
    assert re.fullmatch(r"plan-[0-9a-f]{16}-1", ids[0])


def test_a_plan_as_data() -> None:
    plan = plan_meetings(DATA.mentorship("ms-001"), cohort=COHORT)
    data = plan.to_data()
    assert json.loads(json.dumps(data)) == data
    assert data["meetings"][0] == {"number": 1, "on": "2025-09-22", "moved_from": "2025-09-17"}
    assert data["skipped"] == [{"number": 8, "on": "2026-07-08", "reason": "summer"}]
    assert data["every_weeks"] == 6
    assert isinstance(plan, MeetingPlan)


# Bad input -------------------------------------------------------------------------------


def test_a_wrong_cadence_names_every_wrong_argument() -> None:
    with pytest.raises(ProblemsError) as caught:
        Cadence(every_weeks=0, weekday=5, summer_weeks=[0], excluded=["2025-01-01"], window_days=-1)
    assert [problem.path for problem in caught.value.problems] == [
        "Cadence.every_weeks",
        "Cadence.weekday",
        "Cadence.summer_weeks",
        "Cadence.excluded",
        "Cadence.window_days",
    ]
    assert english_words(caught.value.render("sv")) == []


@pytest.mark.parametrize(
    ("arguments", "where"),
    [
        ({"every_weeks": True}, "Cadence.every_weeks"),
        ({"every_weeks": 53}, "Cadence.every_weeks"),
        ({"summer_weeks": 27}, "Cadence.summer_weeks"),
        ({"excluded": "2025-01-01"}, "Cadence.excluded"),
        ({"excluded": [dt.datetime(2025, 1, 1)]}, "Cadence.excluded"),
        ({"avoid_sessions": "yes"}, "Cadence.avoid_sessions"),
    ],
)
def test_a_wrong_cadence_argument(arguments: dict[str, object], where: str) -> None:
    with pytest.raises(InvalidValueError, match=f"^{where}: expected"):
        Cadence(**arguments)  # type: ignore[arg-type]


def test_wrong_plan_arguments_are_named() -> None:
    with pytest.raises(ProblemsError) as caught:
        plan_meetings("ms-1", "weekly", cohort="c", start="2025-01-01")  # type: ignore[arg-type]
    assert [problem.path for problem in caught.value.problems] == [
        "plan_meetings(mentorship)",
        "plan_meetings(cadence)",
        "plan_meetings(cohort)",
        "plan_meetings(start)",
    ]


def test_a_plan_needs_an_end() -> None:
    with pytest.raises(UsageError, match="'ms-x' has no end"):
        plan_meetings(PAIR)


def test_a_plan_ending_before_it_starts_is_refused() -> None:
    with pytest.raises(
        InvalidValueError,
        match=r"plan_meetings\(end\): expected a day on or after the plan's start 2024-01-01",
    ):
        plan_meetings(PAIR, end=dt.date(2023, 8, 1))


def test_compare_needs_a_day() -> None:
    plan = plan_meetings(PAIR, end=dt.date(2025, 12, 1))
    with pytest.raises(InvalidValueError, match=r"MeetingPlan.compare\(as_of\)"):
        plan.compare([], as_of=None)  # type: ignore[arg-type]


def test_a_bad_cadence_and_plan_in_swedish() -> None:
    with pytest.raises(InvalidValueError) as caught:
        Cadence(every_weeks=0)
    assert caught.value.render("sv") == (
        "Cadence.every_weeks: förväntade ett heltal från 1 till 52, fick 0"
    )
    assert str(caught.value) == "Cadence.every_weeks: expected a whole number from 1 to 52, found 0"
    with pytest.raises(InvalidValueError) as early:
        plan_meetings(PAIR, end=dt.date(2023, 8, 1))
    assert early.value.render("sv") == (
        "plan_meetings(end): förväntade en dag från och med planens början 2024-01-01, "
        "fick '2023-08-01'"
    )
    with pytest.raises(UsageError) as endless:
        plan_meetings(PAIR)
    assert endless.value.render("sv") == (
        "plan_meetings: mentorskapet 'ms-x' har inget slut: "
        "ange dess omgång (cohort) eller ett slut (end)"
    )

"""Meeting plans, the health report and calendars, each against the least its work needs.

One cohort of 25, 250 and 2,500 pairs (calendars: 25 and 250; a calendar of 2,500 pairs
holds 40,000 events and takes icalendar alone a minute) (the example program's cohort, copied: about six
recorded meetings and nine planned meetings a pair), timed the one way every benchmark
measures (``benchmarks/_harness.py``: interleaved rounds, medians, the collector on and
paused for both sides alike):

- **health report ÷ bare rrule**: ``health_report`` (a plan for every pair, its rules,
  compared with the pair's meetings; loads; the lifecycle) against the bare recurrence:
  python-dateutil's ``rrule`` listing every pair's dates, and one pass over the meetings
  counting each pair's held meetings and finding its last, the least a report of the
  pairs against plan does (the floor);
- **calendar ÷ icalendar**: ``cohort_calendar`` with every pair's plan (look-ups of the
  people, plans as records, the stable UIDs, the merge) against building the same events
  with icalendar directly and writing them out, the least any export through the package
  does;
- **calendar update ÷ icalendar**: the same over the previous file (parsed, every event's
  content compared, sequences kept or raised) against parsing that file with icalendar and
  writing the new events, the least any update must do.

Run it with ``make bench`` or ``python -m benchmarks bench_meetings``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import attrs
import icalendar
from dateutil.rrule import WEEKLY, rrule

from ledarskap import ProgramData, example_program
from ledarskap.calendar import cohort_calendar
from ledarskap.mentoring import cohort_plans, health_report
from ledarskap.model import MeetingStatus, MentorMeeting

from ._harness import Comparison, machine, run, sizes

COHORT = "liko-2025"
AS_OF = dt.date(2026, 3, 1)
STAMP = dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.UTC)
Runner = Callable[[], object]


def cohort_of(pairs: int) -> ProgramData:
    """The example program with its cohort copied to *pairs* pairs (25 a copy)."""
    data = example_program()
    copies = max(1, pairs // len(data.mentorships))
    people, participants, mentorships, meetings = [], [], [], []
    adepts = {p.person_id for p in data.participants}
    for k in range(copies):
        tag = "" if k == 0 else f"-{k}"
        people += [
            attrs.evolve(p, id=p.id + tag, email=None) if p.id in adepts and k else p
            for p in data.people
            if k == 0 or p.id in adepts
        ]
        participants += [
            attrs.evolve(p, id=p.id + tag, person_id=p.person_id + tag) for p in data.participants
        ]
        mentorships += [
            attrs.evolve(m, id=m.id + tag, participant_id=m.participant_id + tag)
            for m in data.mentorships
        ]
        meetings += [
            attrs.evolve(m, id=m.id + tag, mentorship_id=m.mentorship_id + tag)
            for m in data.meetings
        ]
    return attrs.evolve(
        data, people=people, participants=participants, mentorships=mentorships, meetings=meetings
    )


def bare_recurrence(data: ProgramData) -> object:
    """Every pair's dates by dateutil's rrule, and one pass over the meetings."""
    cohort = data.cohort(COHORT)
    dates = [
        list(
            rrule(
                WEEKLY,
                interval=6,
                dtstart=dt.datetime.combine(max(m.start, cohort.start), dt.time()),
                until=dt.datetime.combine(min(m.end or cohort.end, cohort.end), dt.time()),
            )
        )
        for m in data.mentorships
    ]
    held: dict[str, int] = {}
    last: dict[str, dt.date] = {}
    for meeting in data.meetings:
        if meeting.status is MeetingStatus.HELD and meeting.on <= AS_OF:
            held[meeting.mentorship_id] = held.get(meeting.mentorship_id, 0) + 1
            if meeting.on > last.get(meeting.mentorship_id, dt.date.min):
                last[meeting.mentorship_id] = meeting.on
    return dates, held, last


def plain_events(data: ProgramData, meetings: list[MentorMeeting]) -> icalendar.Calendar:
    """The same sessions and meetings as icalendar events, built directly."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//bench//")
    calendar.add("version", "2.0")
    cohort = data.cohort(COHORT)
    for session in cohort.sessions:
        event = icalendar.Event()
        event.add("uid", f"{session.id}@bench")
        event.add("summary", session.title)
        event.add("dtstart", session.start)
        event.add("dtend", session.end + dt.timedelta(days=1))
        event.add("dtstamp", STAMP)
        calendar.add_component(event)
    mentorships = {m.id: m for m in data.mentorships}
    for meeting in meetings:
        pair = mentorships[meeting.mentorship_id]
        event = icalendar.Event()
        event.add("uid", f"{meeting.id}@bench")
        event.add("summary", f"Mentorsträff {pair.participant_id} {pair.mentor_id}")
        event.add("dtstart", meeting.on)
        event.add("dtend", meeting.on + dt.timedelta(days=1))
        event.add("dtstamp", STAMP)
        event.add("sequence", 0)
        event.add("status", "CONFIRMED")
        for role in ("CHAIR", "REQ-PARTICIPANT"):
            event.add(
                "attendee", "mailto:someone@example.se", parameters={"ROLE": role, "CN": "N N"}
            )
        calendar.add_component(event)
    return calendar


def _prepare_health(size: int) -> tuple[Runner, Runner]:
    data = cohort_of(size)
    return (lambda: health_report(data, COHORT, as_of=AS_OF)), (lambda: bare_recurrence(data))


def _prepare_calendar(size: int) -> tuple[Runner, Runner]:
    data = cohort_of(size)
    plans = cohort_plans(data, COHORT)
    every = list(data.meetings) + [m for p in plans for m in p.as_meetings()]
    return (
        lambda: cohort_calendar(data, COHORT, plans=plans, stamp=STAMP),
        lambda: plain_events(data, every).to_ical(),
    )


def _prepare_update(size: int) -> tuple[Runner, Runner]:
    data = cohort_of(size)
    plans = cohort_plans(data, COHORT)
    previous = cohort_calendar(data, COHORT, plans=plans, stamp=STAMP).content
    every = list(data.meetings) + [m for p in plans for m in p.as_meetings()]

    def floor() -> object:
        icalendar.Calendar.from_ical(previous)
        return plain_events(data, every).to_ical()

    return (
        lambda: cohort_calendar(data, COHORT, plans=plans, stamp=STAMP, previous=previous),
        floor,
    )


COMPARISONS = [
    Comparison(
        name="health report",
        subject="ledarskap.mentoring.health_report",
        reference="dateutil's rrule for every pair and one pass over the meetings",
        prepare=_prepare_health,
    ),
    Comparison(
        name="calendar",
        subject="ledarskap.calendar.cohort_calendar with every pair's plan",
        reference="the same events built with icalendar and written",
        prepare=_prepare_calendar,
    ),
    Comparison(
        name="calendar update",
        subject="cohort_calendar over the previous calendar",
        reference="icalendar parsing the previous file and writing the events",
        prepare=_prepare_update,
    ),
]


def main() -> None:
    """Print the table of every comparison at every size (pairs), collector on and paused."""
    print(machine(), flush=True)
    run(COMPARISONS[:1], at=sizes((25, 250, 2_500)))
    run(COMPARISONS[1:], at=sizes((25, 250)))


if __name__ == "__main__":
    main()

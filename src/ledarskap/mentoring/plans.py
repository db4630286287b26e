"""Meeting plans: when a mentor and adept are to meet, and how that compares with what was held.

Each mentor meets their adept recurrently through the program. A :class:`Cadence` says how
often (every *N* weeks, on a weekday if it names one) and which days are out: the summer
break, dates the user excludes, and the cohort's session days (träffar, internat), which a
meeting is moved off. :func:`plan_meetings` turns a mentorship and a cadence into a
:class:`MeetingPlan`, a python-dateutil :func:`~dateutil.rrule.rrule` recurrence between
the cohort's dates (or the mentorship's start and end), thinned and moved by those rules:

- an occurrence in a summer week or on an excluded date is **skipped**;
- an occurrence on a session day or a weekend is **moved** to the next free weekday (not a
  weekend, a session day, an excluded date or a summer week), if one comes before the next
  occurrence and within the period; if none does, it is skipped too, so two planned
  meetings never fall on one day and the plan keeps its order.

Every planned meeting keeps its ordinal in the recurrence (``number``), skipped ones
included: excluding one more date later drops that meeting and leaves the others as they
were, which keeps their calendar events (see :mod:`ledarskap.calendar`) the same.

>>> import datetime as dt
>>> from ledarskap import example_program
>>> from ledarskap.mentoring import Cadence, plan_meetings
>>> data = example_program()
>>> cohort = data.cohorts[0]
>>> plan = plan_meetings(data.mentorship("ms-001"), Cadence(every_weeks=6), cohort=cohort)
>>> [day.isoformat() for day in plan.dates][:3]
['2025-09-22', '2025-10-29', '2025-12-10']
>>> plan.meetings[0].moved_from  # the first day was the start internat's
datetime.date(2025, 9, 17)
>>> [(s.on.isoformat(), s.reason.label("en")) for s in plan.skipped]
[('2026-07-08', 'summer break')]

:meth:`MeetingPlan.compare` sets the plan against the meetings recorded (held, cancelled
or planned), as of a day the caller gives:

>>> comparison = plan.compare(data.meetings_of("ms-001"), as_of=dt.date(2026, 6, 30))
>>> comparison.held, comparison.due, comparison.missed
(6, 7, 1)

.. versionadded:: 0.3
"""

from __future__ import annotations

import datetime as dt
import hashlib
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable, Sequence
from operator import itemgetter
from typing import Any

import attrs

from ledarskap.errors import UsageError, masked_repr
from ledarskap.model import (
    Cohort,
    MeetingKind,
    MeetingStatus,
    MentorMeeting,
    Mentorship,
    ProgramData,
)
from ledarskap.model.programdata import checked_program_data
from ledarskap.text import LabelledEnum, Text

from ._arguments import Checked
from ._cadence import occurrences

__all__ = [
    "DEFAULT_SUMMER_WEEKS",
    "Cadence",
    "MeetingPlan",
    "PlanComparison",
    "PlanOutcome",
    "PlanStatus",
    "PlannedMeeting",
    "SkipReason",
    "SkippedMeeting",
    "cohort_mentorships",
    "cohort_plans",
    "plan_meetings",
]

DEFAULT_SUMMER_WEEKS: frozenset[int] = frozenset(range(26, 33))
"""ISO weeks 26–32, the summer break a plan skips by default.

Late June to mid-August: the weeks in which Swedish municipalities take their main summer
holiday (semester; the collective agreement gives four weeks in a row in June–August) and
the program does not meet. Midsummer usually falls in week 25, which is kept: set
``summer_weeks`` to what a cohort's own calendar says.
"""

_MAX_WEEKS = 52
_ID_LENGTH = 64


def _to_frozenset(value: object) -> object:
    # Anything iterable but text becomes a frozenset; the rest (and an iterable of what
    # cannot be in a set, as lists) is left for the check to name.
    if isinstance(value, Iterable) and not isinstance(value, (str, bytes)):
        items = tuple(value)
        try:
            return frozenset(items)
        except TypeError:
            return items
    return value


_TRUE_OR_FALSE = Text("True eller False", "True or False")


@masked_repr
@attrs.frozen(kw_only=True)
class Cadence:
    """How often a mentor and adept meet, and which days are out.

    - ``every_weeks``: a meeting every *N* weeks (1–52); 6 by default, which gives the
      seven or so meetings over a program year that comparable mentor programs hold;
    - ``weekday``: the day of the week to meet, as :meth:`datetime.date.weekday` numbers
      them (0 Monday … 4 Friday); ``None`` (the default) keeps the first day's weekday;
    - ``summer_weeks``: ISO week numbers skipped (:data:`DEFAULT_SUMMER_WEEKS`);
    - ``excluded``: dates skipped (holidays, a week the municipalities' budget takes);
    - ``avoid_sessions``: move a meeting off the cohort's session days (the default);
    - ``window_days``: how far a recorded meeting may lie from a planned date to count as
      that meeting (0 to 366 days) (see :meth:`MeetingPlan.compare`); ``None``, the default, takes half
      the interval, rounded down (21 days for six weeks), so the windows of two
      neighbouring meetings do not overlap.

    Every wrong argument is named, all at once:

    >>> Cadence(every_weeks=0, weekday=6)
    Traceback (most recent call last):
    ...
    ledarskap.errors.ProblemsError: invalid arguments (2 problems)
      - Cadence.every_weeks: expected a whole number from 1 to 52, found 0
      - Cadence.weekday: expected a whole number from 0 to 4, found 6
    """

    every_weeks: int = 6
    weekday: int | None = None
    summer_weeks: frozenset[int] = attrs.field(
        default=DEFAULT_SUMMER_WEEKS,
        converter=_to_frozenset,
    )
    excluded: frozenset[dt.date] = attrs.field(
        factory=frozenset,
        converter=_to_frozenset,
    )
    avoid_sessions: bool = True
    window_days: int | None = None

    def __attrs_post_init__(self) -> None:
        checked = Checked()
        checked.whole_number("Cadence.every_weeks", self.every_weeks, least=1, most=_MAX_WEEKS)
        if self.weekday is not None:
            checked.whole_number("Cadence.weekday", self.weekday, least=0, most=4)
        weeks: object = self.summer_weeks  # the converter leaves what it cannot convert
        if isinstance(weeks, frozenset):
            for week in sorted(weeks, key=repr):
                checked.whole_number("Cadence.summer_weeks", week, least=1, most=53)
        else:
            checked.add(
                "Cadence.summer_weeks",
                Text("en samling ISO-veckonummer", "a collection of ISO week numbers"),
                weeks,
            )
        excluded: object = self.excluded
        if isinstance(excluded, frozenset):
            for day in sorted(excluded, key=repr):
                checked.date("Cadence.excluded", day)
        else:
            checked.add(
                "Cadence.excluded", Text("en samling datum", "a collection of dates"), excluded
            )
        checked.instance("Cadence.avoid_sessions", self.avoid_sessions, bool, _TRUE_OR_FALSE)
        if self.window_days is not None:  # wider than a year, it would take another year's
            checked.whole_number("Cadence.window_days", self.window_days, least=0, most=366)
        checked.raise_if_any()

    @property
    def window(self) -> int:
        """The matching window in days: ``window_days``, or half the interval."""
        return self.every_weeks * 7 // 2 if self.window_days is None else self.window_days


class SkipReason(LabelledEnum):
    """Why an occurrence of the recurrence is not a planned meeting."""

    SUMMER = "summer", "sommaruppehåll", "summer break"
    """It falls in a summer week."""
    EXCLUDED = "excluded", "undantaget datum", "excluded date"
    """The user excluded the date."""
    NO_FREE_DAY = (
        "no-free-day",
        "ingen ledig vardag före nästa träff",
        "no free weekday before the next meeting",
    )
    """Its day was taken (a session day, a weekend) and no free weekday came before the next."""


@masked_repr
@attrs.frozen(kw_only=True)
class PlannedMeeting:
    """A meeting of a plan: its ordinal in the recurrence, its day, and the day it moved from.

    ``moved_from`` is the day the recurrence gave, when the meeting was moved off it (a
    session day or a weekend); otherwise ``None``.
    """

    number: int
    on: dt.date
    moved_from: dt.date | None = None


@masked_repr
@attrs.frozen(kw_only=True)
class SkippedMeeting:
    """An occurrence of the recurrence that is not planned: its ordinal, day and reason."""

    number: int
    on: dt.date
    reason: SkipReason


class PlanStatus(LabelledEnum):
    """What became of a planned meeting, as of a day (see :meth:`MeetingPlan.compare`)."""

    HELD = "held", "genomförd", "held"
    """A held meeting was recorded within its window."""
    CANCELLED = "cancelled", "inställd", "cancelled"
    """Only a cancelled meeting was recorded within its window."""
    BOOKED = "booked", "bokad", "booked"
    """A meeting with status planned was recorded within its window: the pair has booked it."""
    MISSED = "missed", "utebliven", "missed"
    """Its window closed before the day of the comparison with nothing held or cancelled
    in it: nothing was recorded, or only a booking whose day has passed (a stored plan's
    records, say, that no one marked held)."""
    UPCOMING = "upcoming", "kommande", "upcoming"
    """Nothing is recorded yet, and its window is still open."""


@masked_repr
@attrs.frozen(kw_only=True)
class PlanOutcome:
    """A planned meeting, what became of it, and the recorded meeting that decided it."""

    planned: PlannedMeeting
    status: PlanStatus
    meeting: MentorMeeting | None = None


@masked_repr
@attrs.frozen(kw_only=True)
class MeetingPlan:
    """A pair's planned meetings from ``start`` to ``end`` inclusive, and the ones skipped.

    Made by :func:`plan_meetings`. ``meetings`` and ``skipped`` are in date order.
    """

    mentorship_id: str
    cadence: Cadence
    start: dt.date
    end: dt.date
    meetings: tuple[PlannedMeeting, ...]
    skipped: tuple[SkippedMeeting, ...] = ()

    @property
    def dates(self) -> tuple[dt.date, ...]:
        """The days of the planned meetings, in order."""
        return tuple(meeting.on for meeting in self.meetings)

    def meeting_id(self, number: int) -> str:
        """The id of the planned meeting with this ordinal, as :meth:`as_meetings` gives it.

        ``<mentorship id>.plan-<number>``; for a mentorship id too long to leave room (ids
        have at most 64 characters), ``plan-<hash of the mentorship id>-<number>``. The
        same plan gives the same ids, so a stored plan and a calendar agree.
        """
        plain = f"{self.mentorship_id}.plan-{number}"
        if len(plain) <= _ID_LENGTH:
            return plain
        digest = hashlib.blake2b(self.mentorship_id.encode(), digest_size=8).hexdigest()
        return f"plan-{digest}-{number}"

    def as_meetings(
        self, kind: MeetingKind = MeetingKind.IN_PERSON, *, duration_minutes: int | None = None
    ) -> tuple[MentorMeeting, ...]:
        """The plan as :class:`~ledarskap.model.MentorMeeting` records with status planned.

        To store in the document (``ProgramData.meetings``), where the pair later marks
        each held or cancelled; ids by :meth:`meeting_id`.
        """
        return tuple(
            MentorMeeting(
                id=self.meeting_id(planned.number),
                mentorship_id=self.mentorship_id,
                on=planned.on,
                kind=kind,
                status=MeetingStatus.PLANNED,
                duration_minutes=duration_minutes,
            )
            for planned in self.meetings
        )

    def compare(self, meetings: Iterable[MentorMeeting], *, as_of: dt.date) -> PlanComparison:
        """The plan set against the recorded *meetings*, as of the day *as_of*.

        Only this mentorship's meetings are read; each is counted once. A recorded meeting
        counts as a planned one if it lies within the cadence's window (``Cadence.window``
        days before or after it). Each planned meeting takes at most one recorded meeting
        and each recorded meeting serves at most one planned meeting: held meetings are
        matched first, then cancelled ones, then those with status planned (booked), each
        time the closest pairs first (ties: the planned meeting with the lower ``number``,
        the earlier in a plan :func:`plan_meetings` made, then the earlier recorded one,
        then the smaller id). A recorded meeting left over is *unplanned*.

        A held or cancelled meeting dated after *as_of* has not happened as of that day:
        it is kept apart, in ``later``, and counts for nothing. A planned meeting without a
        recorded one is *missed* once its window closed before *as_of*, otherwise
        *upcoming*.

        Only the pairs within the window are looked at, never every planned × recorded
        pair: with *P* planned and *R* recorded meetings, the comparison takes
        O((*P* + *R*) log(*P* + *R*) + *K*) time, *K* being the pairs of a planned meeting
        and a day with recorded meetings within its window. Many meetings on one day count
        as one day, so *K* is at most *P* × (2 × window + 1); a wide window over a dense
        plan (a weekly plan with ``window_days=366``) still makes *K* large.
        """
        checked = Checked()
        checked.date("MeetingPlan.compare(as_of)", as_of)
        given: object = meetings
        if isinstance(given, Iterable) and not isinstance(given, str | bytes):
            meetings = list(given)
            for index, meeting in enumerate(meetings):
                checked.instance(
                    f"MeetingPlan.compare(meetings)[{index}]",
                    meeting,
                    MentorMeeting,
                    Text("en MentorMeeting", "a MentorMeeting"),
                )
        else:
            checked.add(
                "MeetingPlan.compare(meetings)",
                Text("en samling MentorMeeting", "a collection of MentorMeeting"),
                given,
            )
        checked.raise_if_any()
        own = sorted(
            (m for m in meetings if m.mentorship_id == self.mentorship_id),
            key=lambda m: (m.on, m.id),
        )
        done = {MeetingStatus.HELD, MeetingStatus.CANCELLED}
        later = tuple(m for m in own if m.status in done and m.on > as_of)
        current = [m for m in own if not (m.status in done and m.on > as_of)]
        matched: dict[int, MentorMeeting] = {}
        used: set[int] = set()
        for status in (MeetingStatus.HELD, MeetingStatus.CANCELLED, MeetingStatus.PLANNED):
            self._match(current, status, matched, used)
        window = dt.timedelta(days=self.cadence.window)
        outcomes = []
        for planned in self.meetings:
            found = matched.get(planned.number)
            closed = (as_of - planned.on) > window
            if found is not None and not (
                found.status is MeetingStatus.PLANNED and closed and found.on < as_of
            ):
                outcome = _OUTCOME[found.status]
            elif closed:  # nothing, or only a booking whose day passed unrecorded
                outcome = PlanStatus.MISSED
            else:
                outcome = PlanStatus.UPCOMING
            outcomes.append(PlanOutcome(planned=planned, status=outcome, meeting=found))
        unplanned = tuple(m for index, m in enumerate(current) if index not in used)
        return PlanComparison(
            plan=self, as_of=as_of, outcomes=tuple(outcomes), unplanned=unplanned, later=later
        )

    def _match(
        self,
        recorded: list[MentorMeeting],
        status: MeetingStatus,
        matched: dict[int, MentorMeeting],
        used: set[int],
    ) -> None:
        """Pair the free planned meetings with free recorded ones of *status*, closest first.

        *recorded* is in date order; *matched* (by planned number) and *used* (positions
        in *recorded*) take the pairs made. Only pairs within the window are ever made
        (see :func:`_closest_first`).
        """
        free = [
            index
            for index, meeting in enumerate(recorded)
            if index not in used and meeting.status is status
        ]
        if not free:
            return
        pairs = _closest_first(
            [(p.number, p.on.toordinal()) for p in self.meetings if p.number not in matched],
            [recorded[index].on.toordinal() for index in free],
            self.cadence.window,
        )
        for number, position in pairs:
            matched[number] = recorded[free[position]]
            used.add(free[position])

    def to_data(self) -> dict[str, Any]:
        """The plan as JSON-ready data: dates as ISO text, reasons as their values."""
        return {
            "mentorship_id": self.mentorship_id,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "every_weeks": self.cadence.every_weeks,
            "meetings": [
                {
                    "number": m.number,
                    "on": m.on.isoformat(),
                    "moved_from": None if m.moved_from is None else m.moved_from.isoformat(),
                }
                for m in self.meetings
            ],
            "skipped": [
                {"number": s.number, "on": s.on.isoformat(), "reason": s.reason.value}
                for s in self.skipped
            ],
        }


def _closest_first(
    planned: Iterable[tuple[int, int]], recorded: Sequence[int], window: int
) -> list[tuple[int, int]]:
    """Pair planned and recorded days at most *window* apart, the closest pairs first.

    The matching of :meth:`MeetingPlan.compare` on plain numbers, days as ordinals
    (:meth:`datetime.date.toordinal`: a window reaching past ``date.min`` or ``date.max``
    cannot overflow). *planned* holds ``(key, day)`` for each planned meeting, in any
    order; a key may repeat (the meetings then share one match). *recorded* holds the
    recorded days in ascending order. Each key takes at most one recorded meeting and each
    recorded one serves at most one key: of the pairs within the window, the one of least
    distance is taken first, ties going to the smaller key, then the earlier recorded day,
    then the earlier position; a pair whose key or recorded meeting is taken already is
    passed over. Returns ``(key, position in recorded)`` for each pair taken.

    That is the greedy over every pair within the window, sorted, without making those
    pairs: the recorded days are grouped by day and only the days within a planned day's
    window are looked up (by bisection); the meetings of one day are alike to every planned
    meeting (the same distance, the same day), so the one taken is always the first not
    taken yet, a pointer per day; the pairs go into buckets by distance, each made in key
    order and so sorted already (one pass), unless keys repeat. With *P* planned and *R*
    recorded meetings and *K* the (planned meeting, recorded day) pairs within the window,
    that is O((*P* + *R*) log(*P* + *R*) + *K*) time; *K* is at most *P* × (2 × window + 1),
    however many meetings share a day.

    >>> _closest_first([(1, 10), (2, 14)], [11, 12, 13], window=2)
    [(1, 0), (2, 2)]
    """
    if not recorded:
        return []
    days: list[int] = []  # the distinct recorded days, ascending
    bounds: list[int] = []  # where each day's meetings start in *recorded*; then the end
    for position, day in enumerate(recorded):
        if not days or day != days[-1]:
            days.append(day)
            bounds.append(position)
    bounds.append(len(recorded))
    buckets: dict[int, list[tuple[int, int]]] = {}
    for key, on in sorted(planned, key=itemgetter(0)):
        for slot in range(bisect_left(days, on - window), bisect_right(days, on + window)):
            buckets.setdefault(abs(days[slot] - on), []).append((key, slot))
    following = bounds[:-1]  # the next meeting of each day not taken yet
    taken: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for distance in sorted(buckets):
        bucket = buckets[distance]
        bucket.sort()  # in order already, unless keys repeat with other days
        for key, slot in bucket:
            position = following[slot]
            if key not in taken and position < bounds[slot + 1]:
                following[slot] = position + 1
                taken.add(key)
                pairs.append((key, position))
    return pairs


_OUTCOME = {
    MeetingStatus.HELD: PlanStatus.HELD,
    MeetingStatus.CANCELLED: PlanStatus.CANCELLED,
    MeetingStatus.PLANNED: PlanStatus.BOOKED,
}


@masked_repr
@attrs.frozen(kw_only=True)
class PlanComparison:
    """A plan against the recorded meetings, as of a day: made by :meth:`MeetingPlan.compare`.

    Every recorded meeting of the mentorship is in exactly one place: the ``meeting`` of
    one outcome, ``unplanned`` (matched no planned meeting) or ``later`` (held or
    cancelled after ``as_of``, not counted).
    """

    plan: MeetingPlan
    as_of: dt.date
    outcomes: tuple[PlanOutcome, ...]
    unplanned: tuple[MentorMeeting, ...] = ()
    later: tuple[MentorMeeting, ...] = ()

    def count(self, status: PlanStatus) -> int:
        """How many planned meetings came to *status*."""
        return sum(outcome.status is status for outcome in self.outcomes)

    @property
    def held(self) -> int:
        """Meetings held on or before ``as_of``: planned ones and unplanned ones alike."""
        return self.count(PlanStatus.HELD) + sum(
            m.status is MeetingStatus.HELD for m in self.unplanned
        )

    @property
    def due(self) -> int:
        """Planned meetings whose day is on or before ``as_of``."""
        return sum(outcome.planned.on <= self.as_of for outcome in self.outcomes)

    @property
    def missed(self) -> int:
        """Planned meetings missed: their window closed with nothing recorded."""
        return self.count(PlanStatus.MISSED)

    def meeting_ids(self) -> tuple[str, ...]:
        """The id of every recorded meeting the comparison holds, each once: for checks."""
        return (
            tuple(o.meeting.id for o in self.outcomes if o.meeting is not None)
            + tuple(m.id for m in self.unplanned)
            + tuple(m.id for m in self.later)
        )

    def to_data(self) -> dict[str, Any]:
        """The comparison as JSON-ready data."""
        return {
            "mentorship_id": self.plan.mentorship_id,
            "as_of": self.as_of.isoformat(),
            "held": self.held,
            "due": self.due,
            "missed": self.missed,
            "outcomes": [
                {
                    "number": o.planned.number,
                    "planned_on": o.planned.on.isoformat(),
                    "status": o.status.value,
                    "meeting_id": None if o.meeting is None else o.meeting.id,
                }
                for o in self.outcomes
            ],
            "unplanned": [m.id for m in self.unplanned],
            "later": [m.id for m in self.later],
        }


def plan_meetings(
    mentorship: Mentorship,
    cadence: Cadence | None = None,
    *,
    cohort: Cohort | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> MeetingPlan:
    """The meeting plan of *mentorship* by *cadence* (``Cadence()`` if not given).

    The plan runs from *start* to *end* inclusive: by default from the later of the
    mentorship's and the cohort's start to the earlier of their ends (a mentorship
    without an end runs to the cohort's). The first meeting is planned on the first day,
    or on the cadence's weekday after it; the cohort's session days are avoided when
    ``cadence.avoid_sessions`` (see the module's rules).

    A wrong argument raises :class:`~ledarskap.errors.InvalidValueError` naming it; a
    mentorship with no end, given neither a cohort nor *end*, raises
    :class:`~ledarskap.errors.UsageError`.
    """
    cadence = Cadence() if cadence is None else cadence
    checked = Checked()
    checked.instance(
        "plan_meetings(mentorship)", mentorship, Mentorship, Text("en Mentorship", "a Mentorship")
    )
    checked.instance("plan_meetings(cadence)", cadence, Cadence, Text("en Cadence", "a Cadence"))
    checked.instance(
        "plan_meetings(cohort)",
        cohort,
        (Cohort, type(None)),
        Text("en Cohort eller None", "a Cohort or None"),
    )
    checked.date("plan_meetings(start)", start, optional=True)
    checked.date("plan_meetings(end)", end, optional=True)
    checked.raise_if_any()
    first, last = _period(mentorship, cohort, start, end)
    busy: Collection[dt.date] = (
        _session_days(cohort) if cohort is not None and cadence.avoid_sessions else frozenset()
    )
    planned: list[PlannedMeeting] = []
    skipped: list[SkippedMeeting] = []
    for occurrence in occurrences(
        first=first,
        last=last,
        every_weeks=cadence.every_weeks,
        weekday=cadence.weekday,
        skipped_weeks=cadence.summer_weeks,
        excluded=cadence.excluded,
        busy=busy,
    ):
        if occurrence.on is None:
            reason = SkipReason(occurrence.dropped)
            skipped.append(
                SkippedMeeting(number=occurrence.number, on=occurrence.rule_date, reason=reason)
            )
        else:
            moved = occurrence.rule_date if occurrence.on != occurrence.rule_date else None
            planned.append(
                PlannedMeeting(number=occurrence.number, on=occurrence.on, moved_from=moved)
            )
    return MeetingPlan(
        mentorship_id=mentorship.id,
        cadence=cadence,
        start=first,
        end=last,
        meetings=tuple(planned),
        skipped=tuple(skipped),
    )


def _period(
    mentorship: Mentorship, cohort: Cohort | None, start: dt.date | None, end: dt.date | None
) -> tuple[dt.date, dt.date]:
    """The first and last day of a plan, from the arguments, the mentorship and the cohort."""
    if start is None:
        start = mentorship.start if cohort is None else max(mentorship.start, cohort.start)
    if end is None:
        ends = [day for day in (mentorship.end, None if cohort is None else cohort.end) if day]
        if not ends:
            raise UsageError(
                Text(
                    f"plan_meetings: mentorskapet {mentorship.id!r} har inget slut: "
                    "ange dess omgång (cohort) eller ett slut (end)",
                    f"plan_meetings: mentorship {mentorship.id!r} has no end: give its cohort or an end",
                )
            )
        end = min(ends)
    if end < start:
        checked = Checked()
        checked.add(
            "plan_meetings(end)",
            Text(
                f"en dag från och med planens början {start.isoformat()}",
                f"a day on or after the plan's start {start.isoformat()}",
            ),
            end.isoformat(),
        )
        checked.raise_if_any()
    return start, end


def _session_days(cohort: Cohort) -> frozenset[dt.date]:
    """Every day of every session of *cohort*."""
    return frozenset(
        session.start + dt.timedelta(days=offset)
        for session in cohort.sessions
        for offset in range(session.days)
    )


def cohort_mentorships(data: ProgramData, cohort_id: str) -> tuple[Mentorship, ...]:
    """The mentorships of a cohort's participants (adepts), in the data's order.

    An unknown cohort id raises :class:`~ledarskap.errors.UnknownReferenceError`.
    """
    checked_program_data(data, "cohort_mentorships(data)")
    data.cohort(cohort_id)
    adepts = {participant.id for participant in data.participants_of(cohort_id)}
    return tuple(m for m in data.mentorships if m.participant_id in adepts)


def cohort_plans(
    data: ProgramData, cohort_id: str, cadence: Cadence | None = None
) -> tuple[MeetingPlan, ...]:
    """The meeting plan of every mentorship of a cohort, by one cadence.

    Proposed mentorships are planned too (the plan of a proposal under review); a
    mentorship lying wholly outside the cohort's dates gets no plan.
    """
    cohort = checked_program_data(data, "cohort_plans(data)").cohort(cohort_id)
    return tuple(
        plan_meetings(mentorship, cadence, cohort=cohort)
        for mentorship in cohort_mentorships(data, cohort_id)
        if mentorship.start <= cohort.end
        and (mentorship.end is None or mentorship.end >= cohort.start)
    )

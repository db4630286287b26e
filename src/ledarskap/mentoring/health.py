"""The health of a cohort's mentorships: who has not met, who carries how much, what ended early.

:func:`health_report` reads a cohort's mentorships and their recorded meetings as of a day
the caller gives (the library never reads the clock for it) and reports:

- **pairs that have not met** in *N* weeks: running pairs (that hold on the day: not
  proposed, and the day within their start and end) whose last held meeting, or their
  start if they have not met, lies *N* weeks or more back;
- **mentors' loads**: each mentor's running adepts against their capacity;
- **meetings per pair against plan**: the pair's meeting plan
  (:func:`~ledarskap.mentoring.plan_meetings` by the report's cadence) compared with what
  was recorded (:meth:`~ledarskap.mentoring.MeetingPlan.compare`): held, due, missed,
  cancelled;
- **relationships ended early** by the day: when, by whom and why.

Every recorded meeting of the cohort's mentorships is counted once: in one pair's
comparison, matched to a planned meeting, unplanned, or kept apart as after the day.

The report renders as text in Swedish or English (:meth:`HealthReport.render`) and as
data (:meth:`HealthReport.to_data`).

>>> import datetime as dt
>>> from ledarskap import example_program
>>> from ledarskap.mentoring import health_report
>>> report = health_report(example_program(), "liko-2025", as_of=dt.date(2026, 3, 1))
>>> len(report.pairs), report.held
(25, 84)
>>> print(report.render("en").splitlines()[0])
Health of the mentorships of Omgång 2025/26 as of 2026-03-01

.. versionadded:: 0.3
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any, TypeVar, cast

import attrs

from ledarskap.errors import mask_personal_data, masked_repr
from ledarskap.model import (
    EndedBy,
    MeetingStatus,
    MentorMeeting,
    Mentorship,
    MentorshipStatus,
    ProgramData,
)
from ledarskap.text import Language, Text, checked_language

from . import _health_text as words
from ._arguments import Checked
from .plans import Cadence, MeetingPlan, PlanComparison, PlanStatus, plan_meetings

__all__ = ["EndedEarly", "HealthReport", "MentorLoad", "PairHealth", "health_report"]

T = TypeVar("T")


@masked_repr
@attrs.frozen(kw_only=True)
class PairHealth:
    """One mentorship in the report: its state on the day and its meetings against plan.

    ``running`` says whether the pair holds on the day
    (:meth:`~ledarskap.model.Mentorship.active_on`: not proposed, the day within its dates);
    ``last_met`` is its last held meeting on or before the day; ``quiet_days`` the days
    since then (or since its start, if it has not met), for a running pair; ``not_met``
    whether that reaches the report's *N* weeks.
    """

    mentorship_id: str
    mentor_id: str
    participant_id: str
    start: dt.date
    """The mentorship's first day."""
    status: MentorshipStatus
    """Where the mentorship is in its life."""
    running: bool
    last_met: dt.date | None
    quiet_days: int | None
    not_met: bool
    comparison: PlanComparison

    @property
    def held(self) -> int:
        """Meetings held on or before the day."""
        return self.comparison.held

    @property
    def due(self) -> int:
        """Planned meetings due by the day."""
        return self.comparison.due

    @property
    def missed(self) -> int:
        """Planned meetings missed."""
        return self.comparison.missed

    @property
    def cancelled(self) -> int:
        """Cancelled meetings recorded on or before the day."""
        return _recorded(self.comparison, MeetingStatus.CANCELLED)

    @property
    def booked(self) -> int:
        """Meetings recorded with status planned: booked, not yet held."""
        return _recorded(self.comparison, MeetingStatus.PLANNED)


@masked_repr
@attrs.frozen(kw_only=True)
class MentorLoad:
    """A mentor's running adepts on the day against their capacity."""

    mentor_id: str
    capacity: int | None
    """``None`` when the mentor has no record in the data (an id that names none)."""
    adepts: int

    @property
    def over(self) -> bool:
        """Whether the mentor has more running adepts than their capacity."""
        return self.capacity is not None and self.adepts > self.capacity


@masked_repr
@attrs.frozen(kw_only=True)
class EndedEarly:
    """A mentorship ended early: its last day, who ended it (if told) and why."""

    mentorship_id: str
    mentor_id: str
    participant_id: str
    end: dt.date
    ended_by: EndedBy | None
    reason: str = attrs.field(repr=False)


@masked_repr
@attrs.frozen(kw_only=True)
class HealthReport:
    """The health of a cohort's mentorships as of a day: made by :func:`health_report`."""

    cohort_id: str
    cohort_name: str
    as_of: dt.date
    not_met_weeks: int
    cadence: Cadence
    pairs: tuple[PairHealth, ...]
    loads: tuple[MentorLoad, ...]
    ended_early: tuple[EndedEarly, ...]
    names: dict[str, str] = attrs.field(factory=dict, repr=False, eq=False)
    """Names of the people behind the ids, for the text (``mentor-0581`` → a name)."""

    @property
    def not_met(self) -> tuple[PairHealth, ...]:
        """The running pairs that have not met in ``not_met_weeks`` weeks, quietest first."""
        quiet = [pair for pair in self.pairs if pair.not_met]
        return tuple(sorted(quiet, key=lambda p: (-(p.quiet_days or 0), p.mentorship_id)))

    @property
    def overloaded(self) -> tuple[MentorLoad, ...]:
        """The mentors with more running adepts than their capacity."""
        return tuple(load for load in self.loads if load.over)

    @property
    def held(self) -> int:
        """Meetings held on or before the day, over all pairs."""
        return sum(pair.held for pair in self.pairs)

    @property
    def due(self) -> int:
        """Planned meetings due by the day, over all pairs."""
        return sum(pair.due for pair in self.pairs)

    @property
    def missed(self) -> int:
        """Planned meetings missed, over all pairs."""
        return sum(pair.missed for pair in self.pairs)

    def render(self, language: Language = "sv") -> str:
        """The report as text in Swedish (``"sv"``) or English (``"en"``)."""
        return _render(self, checked_language(language))

    def __str__(self) -> str:
        return self.render("sv")

    def to_data(self) -> dict[str, Any]:
        """The report as JSON-ready data: ids, dates as ISO text, counts.

        For display, as its text: every id and reason in it is masked
        (:func:`~ledarskap.errors.mask_personal_data`), the plans' too.
        """
        return _masked(
            {
                "cohort_id": self.cohort_id,
                "as_of": self.as_of.isoformat(),
                "not_met_weeks": self.not_met_weeks,
                "every_weeks": self.cadence.every_weeks,
                "held": self.held,
                "due": self.due,
                "missed": self.missed,
                "not_met": [pair.mentorship_id for pair in self.not_met],
                "pairs": [_pair_data(pair) for pair in self.pairs],
                "loads": [
                    {
                        "mentor_id": load.mentor_id,
                        "capacity": load.capacity,
                        "adepts": load.adepts,
                        "over": load.over,
                    }
                    for load in self.loads
                ],
                "ended_early": [
                    {
                        "mentorship_id": ended.mentorship_id,
                        "mentor_id": ended.mentor_id,
                        "participant_id": ended.participant_id,
                        "end": ended.end.isoformat(),
                        "ended_by": None if ended.ended_by is None else ended.ended_by.value,
                        "reason": ended.reason,
                    }
                    for ended in self.ended_early
                ],
            }
        )


def _masked(data: T) -> T:
    """*data* with every string in it masked (the keys are the report's own words)."""
    masked: object = data
    if isinstance(data, str):
        masked = mask_personal_data(data)
    elif isinstance(data, dict):
        masked = {key: _masked(value) for key, value in data.items()}
    elif isinstance(data, list):
        masked = [_masked(item) for item in data]
    return cast("T", masked)


def _pair_data(pair: PairHealth) -> dict[str, Any]:
    return {
        "mentorship_id": pair.mentorship_id,
        "mentor_id": pair.mentor_id,
        "participant_id": pair.participant_id,
        "start": pair.start.isoformat(),
        "status": pair.status.value,
        "running": pair.running,
        "last_met": None if pair.last_met is None else pair.last_met.isoformat(),
        "quiet_days": pair.quiet_days,
        "not_met": pair.not_met,
        "held": pair.held,
        "due": pair.due,
        "missed": pair.missed,
        "cancelled": pair.cancelled,
        "booked": pair.booked,
        "plan": pair.comparison.to_data(),
    }


def _recorded(comparison: PlanComparison, status: MeetingStatus) -> int:
    """Recorded meetings of *status* the comparison counts (matched or unplanned)."""
    matched = sum(o.meeting is not None and o.meeting.status is status for o in comparison.outcomes)
    return matched + sum(m.status is status for m in comparison.unplanned)


def health_report(
    data: ProgramData,
    cohort_id: str,
    *,
    as_of: dt.date,
    cadence: Cadence | None = None,
    not_met_weeks: int = 8,
) -> HealthReport:
    """The health of a cohort's mentorships as of the day *as_of*.

    *cadence* gives the plans the meetings are set against (``Cadence()``: every six
    weeks); *not_met_weeks* the weeks without a held meeting that flag a pair (8 by
    default: a missed meeting of the default cadence, and two weeks more). A proposed
    mentorship, and one outside the cohort's dates, has no planned meetings; its
    recorded meetings are still counted.

    An unknown cohort raises :class:`~ledarskap.errors.UnknownReferenceError`; a wrong
    argument :class:`~ledarskap.errors.InvalidValueError` naming it.
    """
    checked = Checked()
    checked.instance(
        "health_report(data)", data, ProgramData, Text("en ProgramData", "a ProgramData")
    )
    checked.date("health_report(as_of)", as_of)
    checked.instance(
        "health_report(cadence)",
        cadence,
        (Cadence, type(None)),
        Text("en Cadence eller None", "a Cadence or None"),
    )
    checked.whole_number("health_report(not_met_weeks)", not_met_weeks, least=1)
    checked.raise_if_any()
    cadence = Cadence() if cadence is None else cadence
    cohort = data.cohort(cohort_id)
    adepts = {participant.id for participant in data.participants_of(cohort_id)}
    mentorships = [m for m in data.mentorships if m.participant_id in adepts]
    own = {m.id for m in mentorships}
    meetings: defaultdict[str, list[MentorMeeting]] = defaultdict(list)
    for meeting in data.meetings:
        if meeting.mentorship_id in own:
            meetings[meeting.mentorship_id].append(meeting)
    loads = _loads(data, cohort_id, mentorships, as_of)
    pairs = []
    for mentorship in mentorships:
        overlaps = mentorship.start <= cohort.end and (
            mentorship.end is None or mentorship.end >= cohort.start
        )
        if overlaps and mentorship.status is not MentorshipStatus.PROPOSED:
            plan = plan_meetings(mentorship, cadence, cohort=cohort)
        else:
            plan = MeetingPlan(
                mentorship_id=mentorship.id,
                cadence=cadence,
                start=mentorship.start,
                end=mentorship.end or mentorship.start,
                meetings=(),
            )
        comparison = plan.compare(meetings[mentorship.id], as_of=as_of)
        pairs.append(_pair(mentorship, comparison, as_of, not_met_weeks))
    return HealthReport(
        cohort_id=cohort.id,
        cohort_name=cohort.name,
        as_of=as_of,
        not_met_weeks=not_met_weeks,
        cadence=cadence,
        pairs=tuple(pairs),
        loads=loads,
        ended_early=tuple(
            EndedEarly(
                mentorship_id=m.id,
                mentor_id=m.mentor_id,
                participant_id=m.participant_id,
                end=end,
                ended_by=m.ended_by,
                reason=m.end_reason,
            )
            for m in mentorships
            if m.status is MentorshipStatus.ENDED_EARLY and (end := m.end) and end <= as_of
        ),
        names=_names(data, mentorships, loads),
    )


def _pair(
    mentorship: Mentorship, comparison: PlanComparison, as_of: dt.date, not_met_weeks: int
) -> PairHealth:
    held = [o.meeting.on for o in comparison.outcomes if o.status is PlanStatus.HELD and o.meeting]
    held += [m.on for m in comparison.unplanned if m.status is MeetingStatus.HELD]
    last_met = max(held, default=None)
    running = mentorship.active_on(as_of)
    quiet = (as_of - (last_met or mentorship.start)).days if running else None
    return PairHealth(
        mentorship_id=mentorship.id,
        mentor_id=mentorship.mentor_id,
        participant_id=mentorship.participant_id,
        start=mentorship.start,
        status=mentorship.status,
        running=running,
        last_met=last_met,
        quiet_days=quiet,
        not_met=quiet is not None and quiet >= 7 * not_met_weeks,
        comparison=comparison,
    )


def _loads(
    data: ProgramData, cohort_id: str, mentorships: list[Mentorship], as_of: dt.date
) -> tuple[MentorLoad, ...]:
    """Each mentor of the cohort (and each mentor its pairs name) with their running adepts."""
    running: defaultdict[str, set[str]] = defaultdict(set)
    for mentorship in mentorships:
        if mentorship.active_on(as_of):
            running[mentorship.mentor_id].add(mentorship.participant_id)
    capacities = {mentor.id: mentor.capacity for mentor in data.mentors_of(cohort_id)}
    known = {mentor.id: mentor.capacity for mentor in data.mentors}
    ids = list(capacities) + sorted(set(running) - set(capacities))
    return tuple(
        MentorLoad(
            mentor_id=mentor_id, capacity=known.get(mentor_id), adepts=len(running[mentor_id])
        )
        for mentor_id in ids
    )


def _names(
    data: ProgramData, mentorships: list[Mentorship], loads: tuple[MentorLoad, ...]
) -> dict[str, str]:
    """The names of the mentors and adepts in the report, by mentor and participant id."""
    people = {person.id: person.name for person in data.people}
    mentors = {mentor.id: mentor.person_id for mentor in data.mentors}
    participants = {p.id: p.person_id for p in data.participants}
    wanted = [(load.mentor_id, mentors) for load in loads]
    wanted += [(m.mentor_id, mentors) for m in mentorships]
    wanted += [(m.participant_id, participants) for m in mentorships]
    names: dict[str, str] = {}
    for record_id, person_ids in wanted:
        name = people.get(person_ids.get(record_id, ""))
        if name is not None:
            names[record_id] = name
    return names


def _render(report: HealthReport, language: Language) -> str:
    """*report* as text in *language*; personal data (personnummer, e-mail) masked."""
    lines = [
        words.TITLE.format(cohort=report.cohort_name, day=report.as_of.isoformat()).render(
            language
        ),
        words.SUMMARY.format(
            pairs=len(report.pairs),
            running=sum(pair.running for pair in report.pairs),
            held=report.held,
            due=report.due,
            missed=report.missed,
        ).render(language),
        "",
        words.NOT_MET.format(weeks=report.not_met_weeks, count=len(report.not_met)).render(
            language
        ),
    ]
    lines += [
        f"  - {_pair_name(report, pair, language)}: {_quiet(pair, language)}"
        for pair in report.not_met
    ]
    if not report.not_met:
        lines.append(f"  {words.NONE.render(language)}")
    lines += ["", words.LOADS.render(language)]
    for load in report.loads:
        if load.capacity is None:
            text = words.UNKNOWN_CAPACITY.format(adepts=load.adepts).render(language)
        else:
            text = words.LOAD.format(adepts=load.adepts, capacity=load.capacity).render(language)
            text += words.OVER.render(language) if load.over else ""
        lines.append(f"  - {_name(report, load.mentor_id)}: {text}")
    lines += ["", words.PLAN.format(weeks=report.cadence.every_weeks).render(language)]
    lines += [
        f"  - {_pair_name(report, pair, language)}: "
        + words.PAIR.format(
            held=pair.held, due=pair.due, missed=pair.missed, cancelled=pair.cancelled
        ).render(language)
        for pair in report.pairs
    ]
    lines += ["", words.ENDED.format(count=len(report.ended_early)).render(language)]
    for ended in report.ended_early:
        parts = [
            words.WITH.format(
                adept=_name(report, ended.participant_id), mentor=_name(report, ended.mentor_id)
            ).render(language)
        ]
        parts.append(words.ENDED_ON.format(day=ended.end.isoformat()).render(language))
        if ended.ended_by is not None:
            parts.append(words.ENDED_BY.format(who=ended.ended_by.label(language)).render(language))
        text = ", ".join(parts)
        reason = " ".join(ended.reason.split())  # one line: a line break cannot forge another
        lines.append(f"  - {text}: {reason}" if reason else f"  - {text}")
    if not report.ended_early:
        lines.append(f"  {words.NONE.render(language)}")
    return mask_personal_data("\n".join(lines))


def _name(report: HealthReport, record_id: str) -> str:
    name = report.names.get(record_id)
    return record_id if name is None else f"{name} ({record_id})"


def _pair_name(report: HealthReport, pair: PairHealth, language: Language) -> str:
    return words.WITH.format(
        adept=_name(report, pair.participant_id), mentor=_name(report, pair.mentor_id)
    ).render(language)


def _quiet(pair: PairHealth, language: Language) -> str:
    days = pair.quiet_days or 0
    if pair.last_met is None:
        return words.NEVER_MET.format(day=pair.start.isoformat(), days=days).render(language)
    return words.LAST_MET.format(day=pair.last_met.isoformat(), days=days).render(language)

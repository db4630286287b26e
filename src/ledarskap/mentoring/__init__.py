"""Mentoring: following the pairs of a cohort.

- :mod:`~ledarskap.mentoring.plans`: meeting plans, a cadence as a recurrence
  (:func:`plan_meetings`, :func:`cohort_plans`), and planned against held
  (:meth:`MeetingPlan.compare`);
- :mod:`~ledarskap.mentoring.health`: the health report of a cohort's mentorships
  (:func:`health_report`), as text in Swedish and English and as data.

Calendars of sessions and meetings are :mod:`ledarskap.calendar`'s.

.. versionadded:: 0.4
"""

from .health import EndedEarly, HealthReport, MentorLoad, PairHealth, health_report
from .plans import (
    DEFAULT_SUMMER_WEEKS,
    Cadence,
    MeetingPlan,
    PlanComparison,
    PlannedMeeting,
    PlanOutcome,
    PlanStatus,
    SkippedMeeting,
    SkipReason,
    cohort_mentorships,
    cohort_plans,
    plan_meetings,
)

__all__ = [
    "DEFAULT_SUMMER_WEEKS",
    "Cadence",
    "EndedEarly",
    "HealthReport",
    "MeetingPlan",
    "MentorLoad",
    "PairHealth",
    "PlanComparison",
    "PlanOutcome",
    "PlanStatus",
    "PlannedMeeting",
    "SkipReason",
    "SkippedMeeting",
    "cohort_mentorships",
    "cohort_plans",
    "health_report",
    "plan_meetings",
]

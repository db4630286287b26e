"""Mentoring: meeting plans, calendars' dates and the health of a cohort's mentorships.

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

"""Mentoring: meeting plans, calendars' dates and the health of a cohort's mentorships.

.. versionadded:: 0.4
"""

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

"""Mentoring: pairing adepts with mentors, and following the pairs of a cohort.

- :mod:`~ledarskap.mentoring.matching`: :func:`propose`, the optimal pairing of a
  cohort's adepts with its mentors, as a proposal for review;
- :mod:`~ledarskap.mentoring.options`: what a pairing takes besides the data (weights,
  wishes, conflicts, availability, pins and bans);
- :mod:`~ledarskap.mentoring.proposals`: the proposal, its texts, its data and applying it;
- :mod:`~ledarskap.mentoring.pairs`: its pieces, the pairs with their explanations, the
  adepts left without a mentor and the shortages that left them so;
- :mod:`~ledarskap.mentoring.plans`: meeting plans, a cadence as a recurrence
  (:func:`plan_meetings`, :func:`cohort_plans`), and planned against held
  (:meth:`MeetingPlan.compare`);
- :mod:`~ledarskap.mentoring.health`: the health report of a cohort's mentorships
  (:func:`health_report`), as text in Swedish and English and as data.

Pairing needs the ``matching`` extra (scipy); importing this package does not load it.
Calendars of sessions and meetings are :mod:`ledarskap.calendar`'s.

.. versionadded:: 0.3
"""

from .health import EndedEarly, HealthReport, MentorLoad, PairHealth, health_report
from .matching import propose
from .options import HardRule, MatchingOptions, Preference, Weights
from .pairs import Alternative, Pair, Removal, ScorePart, Shortage, Unmatched
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
from .proposals import PROPOSAL_FORMAT, Proposal

__all__ = [
    "DEFAULT_SUMMER_WEEKS",
    "PROPOSAL_FORMAT",
    "Alternative",
    "Cadence",
    "EndedEarly",
    "HardRule",
    "HealthReport",
    "MatchingOptions",
    "MeetingPlan",
    "MentorLoad",
    "Pair",
    "PairHealth",
    "PlanComparison",
    "PlanOutcome",
    "PlanStatus",
    "PlannedMeeting",
    "Preference",
    "Proposal",
    "Removal",
    "ScorePart",
    "Shortage",
    "SkipReason",
    "SkippedMeeting",
    "Unmatched",
    "Weights",
    "cohort_mentorships",
    "cohort_plans",
    "health_report",
    "plan_meetings",
    "propose",
]

"""Hypothesis strategies for the model of *Ledarskap i kommuner*, for your own tools' tests.

One function per model class, each returning a :class:`~hypothesis.strategies.SearchStrategy`
of valid instances; keyword-only options narrow what is generated (``municipalities=``,
``cohort=``, ``person_id=``, date bounds). Arguments are checked when the function is
called, so a wrong one fails at once with :class:`hypothesis.errors.InvalidArgument` rather
than deep inside a test run.

:func:`program_data` generates a whole :class:`~ledarskap.model.ProgramData` whose records
agree with each other (ids unique and resolvable, every adept mentored by the kommunchef of
another collaborating municipality within capacity, sessions inside their cohort, meetings
inside their mentorship, applications in by the deadline): valid data to start from, and
to break on purpose when testing a validator.

People are made up from common Swedish names, with e-mail addresses under the reserved
``.example`` domain. A generated personnummer, though, is merely valid (a correct check
digit on a random serial): it may be a real person's. Generate data that you write to
committed or shared files with ``with_personnummer=False``.

>>> from hypothesis import given, settings
>>> from ledarskap.testing import program_data
>>> @settings(max_examples=10)
... @given(program_data(max_cohorts=1, max_participants=4))
... def test_every_adept_has_a_mentor(data):
...     for adept in data.participants:
...         assert data.mentor_of(adept.id) is not None
>>> test_every_adept_has_a_mentor()

This module imports hypothesis, so ``import ledarskap`` does not import it: import
``ledarskap.testing`` in your tests.

.. versionadded:: 0.1
"""

from ._args import DEFAULT_MAX_DATE, DEFAULT_MIN_DATE
from ._people import (
    applications,
    appointments,
    counties,
    identifiers,
    municipalities,
    people,
    personnummer,
    political_bodies,
    positions,
)
from ._program import (
    cohorts,
    collaborations,
    mentor_meetings,
    mentors,
    mentorships,
    organisers,
    participants,
    programs,
    purposes,
    sessions,
    support_groups,
    themes,
    venues,
)
from ._programdata import program_data
from ._rules import eligibility_rules, forgetting, rule_applications

__all__ = [
    "DEFAULT_MAX_DATE",
    "DEFAULT_MIN_DATE",
    "applications",
    "appointments",
    "cohorts",
    "collaborations",
    "counties",
    "eligibility_rules",
    "forgetting",
    "identifiers",
    "mentor_meetings",
    "mentors",
    "mentorships",
    "municipalities",
    "organisers",
    "participants",
    "people",
    "personnummer",
    "political_bodies",
    "positions",
    "program_data",
    "programs",
    "purposes",
    "rule_applications",
    "sessions",
    "support_groups",
    "themes",
    "venues",
]

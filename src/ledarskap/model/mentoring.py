"""Mentoring: mentors (kommunchefer), mentorships (mentor and adept) and mentor meetings.

The kommunchefer of the collaborating municipalities are the participants' mentors, and
each mentor meets their adept recurrently during the program. A mentor is never the
adept's own kommunchef: that cross-object rule is checked by
:func:`ledarskap.validate`, since a single record cannot see both sides.

>>> import datetime as dt
>>> from ledarskap import Mentorship, MentorMeeting, MeetingKind
>>> pair = Mentorship(id="m-1", mentor_id="mentor-norrkoping", participant_id="d-1",
...                   start=dt.date(2025, 9, 12))
>>> pair.active_on(dt.date(2026, 1, 1))
True
>>> MentorMeeting(id="mm-1", mentorship_id="m-1", on=dt.date(2025, 10, 3),
...               kind=MeetingKind.IN_PERSON, notes="Om att leda chefer")
MentorMeeting(id='mm-1', mentorship_id='m-1', on=datetime.date(2025, 10, 3), kind=<MeetingKind.IN_PERSON: 'in-person'>, status=<MeetingStatus.HELD: 'held'>, duration_minutes=None)

.. versionadded:: 0.1
"""

from __future__ import annotations

import datetime as dt

import attrs

from ledarskap.errors import masked_repr
from ledarskap.text import LabelledEnum

from . import _checks
from .municipalities import Municipality, as_municipality

__all__ = ["MeetingKind", "MeetingStatus", "Mentor", "MentorMeeting", "Mentorship"]


@masked_repr
@attrs.frozen(kw_only=True)
class Mentor:
    """A mentor (mentor) in a cohort: the kommunchef of a collaborating municipality.

    ``capacity`` is how many adepts the mentor takes on in the cohort.
    """

    id: str = attrs.field(validator=_checks.identifier)
    person_id: str = attrs.field(validator=_checks.identifier)
    cohort_id: str = attrs.field(validator=_checks.identifier)
    municipality: Municipality = attrs.field(
        converter=as_municipality, validator=_checks.instance_of(Municipality, "a Municipality")
    )
    """The municipality whose kommunchef the mentor is."""
    capacity: int = attrs.field(default=1, validator=_checks.positive_int)


@masked_repr
@attrs.frozen(kw_only=True)
class Mentorship:
    """A mentorship (mentorskap): a mentor and an adept (a participant), ``start`` to ``end``.

    ``end`` is the last day, inclusive; ``None`` while it lasts.
    """

    id: str = attrs.field(validator=_checks.identifier)
    mentor_id: str = attrs.field(validator=_checks.identifier)
    participant_id: str = attrs.field(validator=_checks.identifier)
    """The adept."""
    start: dt.date = attrs.field(validator=_checks.date)
    end: dt.date | None = attrs.field(
        default=None,
        validator=_checks.all_of(_checks.optional(_checks.date), _checks.not_before("start")),
    )

    def active_on(self, day: dt.date) -> bool:
        """Whether the mentorship holds on *day*."""
        return self.start <= day and (self.end is None or day <= self.end)


class MeetingKind(LabelledEnum):
    """How a mentor and adept meet."""

    IN_PERSON = "in-person", "fysiskt möte", "in person"
    """Fysiskt möte."""
    ONLINE = "online", "digitalt möte", "online"
    """Digitalt möte."""
    PHONE = "phone", "telefon", "phone"
    """Telefonsamtal."""
    WORKPLACE_VISIT = "workplace-visit", "arbetsplatsbesök", "workplace visit"
    """Arbetsplatsbesök: the adept visits the mentor's municipality, or the other way round."""
    AT_SESSION = "at-session", "under träff", "at a session"
    """In connection with a session of the program."""


class MeetingStatus(LabelledEnum):
    """Whether a mentor meeting is planned, was held or was cancelled (iCalendar STATUS).

    >>> MeetingStatus.HELD.label("sv"), MeetingStatus("cancelled").label("en")
    ('genomförd', 'cancelled')
    """

    PLANNED = "planned", "planerad", "planned"
    HELD = "held", "genomförd", "held"
    CANCELLED = "cancelled", "inställd", "cancelled"


@masked_repr
@attrs.frozen(kw_only=True)
class MentorMeeting:
    """A mentor meeting (mentorsträff) of a mentorship, on a date.

    ``notes`` may hold what the pair agreed to record; it is personal and therefore left
    out of ``repr``.
    """

    id: str = attrs.field(validator=_checks.identifier)
    mentorship_id: str = attrs.field(validator=_checks.identifier)
    on: dt.date = attrs.field(validator=_checks.date)
    kind: MeetingKind = attrs.field(validator=_checks.instance_of(MeetingKind, "a MeetingKind"))
    status: MeetingStatus = attrs.field(
        default=MeetingStatus.HELD,
        validator=_checks.instance_of(MeetingStatus, "a MeetingStatus"),
    )
    duration_minutes: int | None = attrs.field(
        default=None, validator=_checks.optional(_checks.positive_int)
    )
    notes: str = attrs.field(default="", validator=_checks.any_text, repr=False)

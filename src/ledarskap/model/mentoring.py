"""Mentoring: mentors (kommunchefer), mentorships (mentor and adept) and mentor meetings.

The kommunchefer of the collaborating municipalities are the participants' mentors, and
each mentor meets their adept recurrently during the program. A mentor is never the
adept's own kommunchef: that cross-object rule is checked by
:func:`ledarskap.validate`, since a single record cannot see both sides.

A mentorship has a life (:class:`MentorshipStatus`): it is *proposed* (by a matching,
not yet agreed), *active*, and then either *completed* (it ran to its planned end) or
*ended early* (avbrutet i förtid), with who ended it (:class:`EndedBy`) and why. Its
``end`` (the last day, inclusive) is set exactly when it is over. A record is never deleted
to end a mentorship: a replaced mentor stays in the data as an ended relationship
(:func:`ledarskap.replace_mentor`, :func:`ledarskap.end_mentorship`), so the history of
every pair is kept.

>>> import datetime as dt
>>> from ledarskap import Mentorship, MentorMeeting, MeetingKind, MentorshipStatus
>>> pair = Mentorship(id="m-1", mentor_id="mentor-norrkoping", participant_id="d-1",
...                   start=dt.date(2025, 9, 12))
>>> pair.active_on(dt.date(2026, 1, 1)), pair.status.label("sv")
(True, 'pågående')
>>> pair.ended(dt.date(2026, 6, 12), MentorshipStatus.COMPLETED).active_on(dt.date(2026, 7, 1))
False
>>> MentorMeeting(id="mm-1", mentorship_id="m-1", on=dt.date(2025, 10, 3),
...               kind=MeetingKind.IN_PERSON, notes="Om att leda chefer")
MentorMeeting(id='mm-1', mentorship_id='m-1', on=datetime.date(2025, 10, 3), kind=<MeetingKind.IN_PERSON: 'in-person'>, status=<MeetingStatus.HELD: 'held'>, duration_minutes=None)

.. versionadded:: 0.1
"""

from __future__ import annotations

import datetime as dt

import attrs

from ledarskap.errors import InvalidValueError, masked_repr
from ledarskap.text import LabelledEnum, Text

from . import _checks
from ._methods import lazy_methods
from .municipalities import Municipality, as_municipality

__all__ = [
    "EndedBy",
    "MeetingKind",
    "MeetingStatus",
    "Mentor",
    "MentorMeeting",
    "Mentorship",
    "MentorshipStatus",
]


@masked_repr
@lazy_methods
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Mentor:
    """A mentor (mentor) in a cohort: the kommunchef of a collaborating municipality.

    ``capacity`` is how many adepts the mentor takes on in the cohort.
    """

    id: str = attrs.field(validator=_checks.identifier)
    person_id: str = attrs.field(validator=_checks.identifier)
    cohort_id: str = attrs.field(validator=_checks.identifier)
    municipality: Municipality = attrs.field(
        converter=as_municipality, validator=_checks.instance_of(Municipality)
    )
    """The municipality whose kommunchef the mentor is."""
    capacity: int = attrs.field(default=1, validator=_checks.positive_int)


class MentorshipStatus(LabelledEnum):
    """Where a mentorship is in its life: proposed, active, then completed or ended early.

    >>> [s.label("en") for s in MentorshipStatus]
    ['proposed', 'active', 'completed', 'ended early']
    >>> MentorshipStatus.ENDED_EARLY.over
    True

    .. versionadded:: 0.3
    """

    PROPOSED = "proposed", "föreslagen", "proposed"
    """Proposed (by a matching or by staff), not yet agreed: it does not hold yet."""
    ACTIVE = "active", "pågående", "active"
    """Agreed and running; it has no ``end`` yet."""
    COMPLETED = "completed", "genomförd", "completed"
    """Ran to its planned end (``end``)."""
    ENDED_EARLY = "ended-early", "avbruten i förtid", "ended early"
    """Ended before its planned end (``end``), by someone (``ended_by``), for a reason."""

    @property
    def over(self) -> bool:
        """Whether the mentorship is over (completed or ended early): then ``end`` is set."""
        return self in _OVER


_OVER = frozenset({MentorshipStatus.COMPLETED, MentorshipStatus.ENDED_EARLY})


_A_TEXT = Text("en text", "a text")
"""What an ``end_reason`` found where none belongs is described as."""


def _status_of_dates(pair: Mentorship) -> MentorshipStatus:
    """The status a mentorship's dates say, when none is given: active, or completed."""
    return MentorshipStatus.ACTIVE if pair.end is None else MentorshipStatus.COMPLETED


class EndedBy(LabelledEnum):
    """Who ended a mentorship early.

    .. versionadded:: 0.3
    """

    ADEPT = "adept", "adepten", "the adept"
    MENTOR = "mentor", "mentorn", "the mentor"
    PROGRAM = "program", "programmet", "the program"
    """The program's staff (CKS), e.g. when the adept left the program or a mentor was replaced."""


@masked_repr
@lazy_methods
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Mentorship:
    """A mentorship (mentorskap): a mentor and an adept (a participant), ``start`` to ``end``.

    ``end`` is the last day, inclusive: set exactly when the mentorship is over
    (``status`` :attr:`~MentorshipStatus.COMPLETED` or :attr:`~MentorshipStatus.ENDED_EARLY`),
    ``None`` while it is proposed or active. ``ended_by`` and ``end_reason`` say who ended it
    early and why: they belong to an early end only (``ended_by`` may stay ``None`` when it
    was not recorded, as for a mentorship read from a version-1 document). ``end_reason`` is
    free text, left out of ``repr``.

    .. versionchanged:: 0.3
       ``status``, ``ended_by`` and ``end_reason``: the mentorship's life.
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
    status: MentorshipStatus = attrs.field(
        default=_checks.DERIVED,
        converter=_checks.derived(_status_of_dates),  # type: ignore[misc]  # attrs' mypy plugin knows no Converter objects
        validator=_checks.instance_of(MentorshipStatus),
    )
    """Where the mentorship is in its life; when not given, ``ACTIVE`` without an ``end``
    and ``COMPLETED`` with one (what a mentorship with those dates meant before 0.3)."""
    ended_by: EndedBy | None = attrs.field(
        default=None, validator=_checks.optional(_checks.instance_of(EndedBy))
    )
    end_reason: str = attrs.field(default="", validator=_checks.any_text, repr=False)

    def __attrs_post_init__(self) -> None:
        over = self.status in _OVER
        if over != (self.end is not None):
            status = self.status.value
            raise InvalidValueError(
                location="Mentorship.end",
                expected=Text(
                    f"en sista dag för ett mentorskap med status {status}",
                    f"a last day for a mentorship that is {status}",
                )
                if over
                else Text(
                    f"inget slut (None) för ett mentorskap med status {status}",
                    f"no end (None) for a mentorship that is {status}",
                ),
                found=None if self.end is None else self.end.isoformat(),
            )
        if self.status is not MentorshipStatus.ENDED_EARLY:
            for name in ("ended_by", "end_reason"):
                value = getattr(self, name)
                if value:
                    status = self.status.value
                    raise InvalidValueError(
                        location=f"Mentorship.{name}",
                        expected=Text(
                            f"{'None' if name == 'ended_by' else 'ingen text'} för ett mentorskap "
                            f"med status {status} (bara ett som avbrutits i förtid har det)",
                            f"{'None' if name == 'ended_by' else 'no text'} for a mentorship "
                            f"that is {status} (only one ended early has it)",
                        ),
                        found=value.value if isinstance(value, EndedBy) else _A_TEXT,
                        described=not isinstance(value, EndedBy),
                    )

    def active_on(self, day: dt.date) -> bool:
        """Whether the mentorship holds on *day* (a proposed one holds on no day)."""
        return (
            self.status is not MentorshipStatus.PROPOSED
            and self.start <= day
            and (self.end is None or day <= self.end)
        )

    def ended(
        self,
        last_day: dt.date,
        status: MentorshipStatus = MentorshipStatus.COMPLETED,
        *,
        ended_by: EndedBy | None = None,
        reason: str = "",
    ) -> Mentorship:
        """This mentorship over on *last_day*: completed, or ended early by *ended_by*.

        >>> import datetime as dt
        >>> pair = Mentorship(id="m-1", mentor_id="mentor-0581", participant_id="d-1",
        ...                   start=dt.date(2025, 9, 12))
        >>> early = pair.ended(dt.date(2026, 2, 1), MentorshipStatus.ENDED_EARLY,
        ...                    ended_by=EndedBy.MENTOR, reason="Ny tjänst")
        >>> early.status.label("en"), early.ended_by.label("sv")
        ('ended early', 'mentorn')
        """
        return attrs.evolve(self, end=last_day, status=status, ended_by=ended_by, end_reason=reason)


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
@lazy_methods
@attrs.frozen(kw_only=True, eq=False, repr=False)
class MentorMeeting:
    """A mentor meeting (mentorsträff) of a mentorship, on a date.

    ``notes`` may hold what the pair agreed to record; it is personal and therefore left
    out of ``repr``.
    """

    id: str = attrs.field(validator=_checks.identifier)
    mentorship_id: str = attrs.field(validator=_checks.identifier)
    on: dt.date = attrs.field(validator=_checks.date)
    kind: MeetingKind = attrs.field(validator=_checks.instance_of(MeetingKind))
    status: MeetingStatus = attrs.field(
        default=MeetingStatus.HELD,
        validator=_checks.instance_of(MeetingStatus),
    )
    duration_minutes: int | None = attrs.field(
        default=None, validator=_checks.optional(_checks.positive_int)
    )
    notes: str = attrs.field(default="", validator=_checks.any_text, repr=False)

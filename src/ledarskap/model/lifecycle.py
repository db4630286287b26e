"""Changes to mentorships' lives across a program's data, keeping every record.

A mentorship is never deleted to end it: it is ended (completed, or ended early, with who
and why), and a replaced mentor stays in the data as the ended relationship beside the new
one. These functions make those changes on a :class:`~ledarskap.model.ProgramData` and
return the new data; the data given is left as it was (records are immutable).

.. versionadded:: 0.3
"""

from __future__ import annotations

import datetime as dt

import attrs

from ledarskap.errors import InvalidValueError
from ledarskap.text import Text

from .mentoring import EndedBy, Mentorship, MentorshipStatus
from .programdata import ProgramData, checked_program_data

__all__ = ["end_mentorship", "replace_mentor"]


def end_mentorship(
    data: ProgramData,
    mentorship_id: str,
    last_day: dt.date,
    status: MentorshipStatus = MentorshipStatus.COMPLETED,
    *,
    ended_by: EndedBy | None = None,
    reason: str = "",
) -> ProgramData:
    """*data* with the mentorship *mentorship_id* over on *last_day* (nothing is deleted).

    The mentorship keeps its place among the mentorships; :meth:`Mentorship.ended` says what
    *status*, *ended_by* and *reason* may be. Raises
    :class:`~ledarskap.errors.UnknownReferenceError` for an unknown id and
    :class:`~ledarskap.errors.InvalidValueError` for a mentorship that is over already.

    >>> import datetime as dt, ledarskap
    >>> data = ledarskap.example_program()
    >>> pair = data.mentorships[0]
    >>> active = attrs.evolve(data, mentorships=(
    ...     attrs.evolve(pair, end=None, status=MentorshipStatus.ACTIVE),))
    >>> after = end_mentorship(active, pair.id, dt.date(2026, 6, 12))
    >>> after.mentorship(pair.id).status.label("en")
    'completed'

    .. versionadded:: 0.3
    """
    pair = checked_program_data(data, "end_mentorship(data)").mentorship(mentorship_id)
    if pair.status.over:
        raise InvalidValueError(
            location=f"ProgramData.mentorships[{mentorship_id!r}].status",
            expected=Text(
                "ett mentorskap som är föreslaget eller aktivt, för att avsluta det",
                "a mentorship that is proposed or active, to end it",
            ),
            found=pair.status.value,
        )
    ended = pair.ended(last_day, status, ended_by=ended_by, reason=reason)
    return attrs.evolve(
        data, mentorships=tuple(ended if m is pair else m for m in data.mentorships)
    )


def replace_mentor(
    data: ProgramData,
    participant_id: str,
    mentor_id: str,
    *,
    on: dt.date,
    mentorship_id: str,
    ended_by: EndedBy = EndedBy.PROGRAM,
    reason: str = "",
) -> ProgramData:
    """*data* with the adept *participant_id* mentored by *mentor_id* from the day *on*.

    The adept's active mentorship ends early the day before *on* (``ended_by``, ``reason``)
    and stays in the data; a new active mentorship *mentorship_id* starts on *on*. So the
    adept never has two active mentors, and the history of the old pair (its meetings
    among it) is kept. Raises :class:`~ledarskap.errors.UnknownReferenceError` for an
    unknown adept or mentor, and :class:`~ledarskap.errors.InvalidValueError` when the
    adept has no active mentorship to end, or when *on* is not after its start.

    >>> import datetime as dt, ledarskap
    >>> from ledarskap import Mentorship
    >>> data = ledarskap.example_program()
    >>> pair = data.mentorships[0]
    >>> running = attrs.evolve(data, mentorships=(
    ...     attrs.evolve(pair, end=None, status=MentorshipStatus.ACTIVE),))
    >>> after = replace_mentor(running, pair.participant_id, "mentor-0582",
    ...                        on=dt.date(2026, 2, 1), mentorship_id="ms-001b",
    ...                        ended_by=EndedBy.MENTOR, reason="Ny tjänst")
    >>> [(m.id, m.status.value, str(m.end)) for m in after.mentorships_of(pair.participant_id)]
    [('ms-001', 'ended-early', '2026-01-31'), ('ms-001b', 'active', 'None')]

    .. versionadded:: 0.3
    """
    day: object = on  # a caller may pass anything: say so in the library's words
    if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
        raise InvalidValueError(
            location="replace_mentor(on=…)", expected=Text("ett datum", "a date"), found=on
        )
    data.participant(participant_id)  # an unknown adept or mentor is named as such
    data.mentor(mentor_id)
    active = [m for m in data.mentorships_of(participant_id) if m.status is MentorshipStatus.ACTIVE]
    if not active:
        raise InvalidValueError(
            location=f"ProgramData.mentorships (adept {participant_id})",
            expected=Text("ett aktivt mentorskap att ersätta", "an active mentorship to replace"),
            found=Text("inget", "none"),
            described=True,
        )
    current = active[-1]
    if on <= current.start:
        raise InvalidValueError(
            location="replace_mentor(on=…)",
            expected=Text(
                f"en dag efter starten av {current.id} ({current.start.isoformat()})",
                f"a day after the start of {current.id} ({current.start.isoformat()})",
            ),
            found=on.isoformat(),
        )
    if mentorship_id in {m.id for m in data.mentorships}:
        raise InvalidValueError(
            location="replace_mentor(mentorship_id=…)",
            expected=Text("ett nytt id för mentorskapet", "a new mentorship id"),
            found=mentorship_id,
        )
    ended = current.ended(
        on - dt.timedelta(days=1),
        MentorshipStatus.ENDED_EARLY,
        ended_by=ended_by,
        reason=reason,
    )
    new = Mentorship(
        id=mentorship_id,
        mentor_id=mentor_id,
        participant_id=participant_id,
        start=on,
        status=MentorshipStatus.ACTIVE,
    )
    kept = tuple(ended if m is current else m for m in data.mentorships)
    return attrs.evolve(data, mentorships=(*kept, new))

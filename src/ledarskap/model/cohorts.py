"""Cohorts (omgångar), their sessions (träffar), support groups and collaborating municipalities.

A cohort is one run of the program, with its dates, its course venue (kursgård), the
municipalities that collaborate in it (each with its kommunchef, the mentors), its support
groups (stödgrupper) and its sessions: residential sessions (internat), ordinary sessions
(träffar) and follow-up meetings (återträffar). How many sessions a cohort has, and of
what kind, is data: nothing in the code fixes it.

Invariants checked when a cohort is made: the end is not before the start, every session
lies within the cohort's dates, and no id repeats among its sessions or support groups, nor
a municipality among its collaborations. One broken is an
:class:`~ledarskap.errors.InvalidValueError`; several, one
:class:`~ledarskap.errors.ProblemsError` naming each where it is.

>>> import datetime as dt
>>> from ledarskap import Cohort, Session, SessionKind
>>> kickoff = Session(id="s1", kind=SessionKind.RESIDENTIAL, title="Uppstartsinternat",
...                   start=dt.date(2025, 9, 10), end=dt.date(2025, 9, 12))
>>> cohort = Cohort(id="c-2025", program_id="liko", name="Omgång 2025/26", number=9,
...                 start=dt.date(2025, 9, 1), end=dt.date(2026, 6, 30), sessions=[kickoff])
>>> cohort.runs_on(dt.date(2026, 1, 1))
True
>>> Cohort(id="c-bad", program_id="liko", name="Fel", start=dt.date(2025, 9, 1),
...        end=dt.date(2025, 9, 5), sessions=[kickoff])
Traceback (most recent call last):
...
ledarskap.errors.InvalidValueError: Cohort.sessions[0]: expected a session within the cohort's dates 2025-09-01–2025-09-05, found 's1: 2025-09-10–2025-09-12'
>>> Cohort(id="c-bad", program_id="liko", name="Fel", start=dt.date(2025, 9, 1),
...        end=dt.date(2025, 9, 5), sessions=[kickoff, kickoff])
Traceback (most recent call last):
...
ledarskap.errors.ProblemsError: invalid cohort (3 problems)
  - Cohort.sessions[0]: expected a session within the cohort's dates 2025-09-01–2025-09-05, found 's1: 2025-09-10–2025-09-12'
  - Cohort.sessions[1]: expected a session within the cohort's dates 2025-09-01–2025-09-05, found 's1: 2025-09-10–2025-09-12'
  - Cohort.sessions[1].id: expected an id not used before, found 's1'

.. versionadded:: 0.1
.. versionchanged:: 0.3
   Several broken invariants are a ``ProblemsError``, each at its item (a repeated id at
   the item's ``id``), not the first error with the others in a note.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import ClassVar

import attrs

from ledarskap.errors import (
    InvalidValueError,
    ProblemsError,
    mask_personal_data,
    masked_repr,
)
from ledarskap.text import LabelledEnum, Text

from . import _checks
from ._methods import lazy_methods
from .municipalities import Municipality, as_municipality, as_optional_municipality

__all__ = [
    "Activity",
    "Cohort",
    "Collaboration",
    "Session",
    "SessionKind",
    "SupportGroup",
    "Venue",
]


class SessionKind(LabelledEnum):
    """What kind of program meeting a session is."""

    RESIDENTIAL = "residential", "internat", "residential session"
    """Internat: a residential session of one or more days at a course venue."""
    SESSION = "session", "träff", "session"
    """Träff: an ordinary session of a day or less."""
    FOLLOW_UP = "follow-up", "återträff", "follow-up meeting"
    """Återträff: a follow-up meeting, during or after the cohort."""


class Activity(LabelledEnum):
    """The program's working forms, which sessions alternate between."""

    LECTURE = "lecture", "föreläsning", "lecture"
    """Föreläsning."""
    SUPPORT_GROUP = "support-group", "stödgrupp", "support group"
    """Stödgrupp: work in the cohort's small groups."""
    REFLECTION = "reflection", "reflektion", "reflection"
    """Reflektion: time for individual reflection."""
    MENTOR_MEETING = "mentor-meeting", "mentorsträff", "mentor meeting"
    """Mentorsträff held during the session."""


@masked_repr
@lazy_methods
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Venue:
    """A course venue (kursgård) or other meeting place."""

    name: str = attrs.field(validator=_checks.text)
    municipality: Municipality | None = attrs.field(
        default=None,
        converter=as_optional_municipality,
        validator=_checks.optional(_checks.instance_of(Municipality)),
    )
    address: str | None = attrs.field(default=None, validator=_checks.optional(_checks.text))

    def __str__(self) -> str:
        shown = self.name if self.municipality is None else f"{self.name}, {self.municipality}"
        return mask_personal_data(shown)


@masked_repr
@lazy_methods
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Session:
    """A session of a cohort: internat, träff or återträff, from ``start`` to ``end`` inclusive.

    ``online`` marks a session held at a distance (the venue is then usually ``None``).
    ``theme_ids`` name the program's themes the session takes up.
    """

    id: str = attrs.field(validator=_checks.identifier)
    kind: SessionKind = attrs.field(validator=_checks.instance_of(SessionKind))
    title: str = attrs.field(validator=_checks.text)
    start: dt.date = attrs.field(validator=_checks.date)
    end: dt.date = attrs.field(
        default=_checks.DERIVED,
        converter=_checks.derived(lambda session: session.start),  # type: ignore[misc]  # attrs' mypy plugin knows no Converter objects
        validator=_checks.all_of(_checks.date, _checks.not_before("start")),
    )
    venue: Venue | None = attrs.field(
        default=None, validator=_checks.optional(_checks.instance_of(Venue))
    )
    online: bool = attrs.field(default=False, validator=_checks.boolean)
    theme_ids: tuple[str, ...] = attrs.field(
        default=(),
        converter=_checks.to_tuple,
        validator=_checks.items(_checks.identifier, unique=True),
    )
    activities: frozenset[Activity] = attrs.field(
        factory=frozenset,
        converter=_checks.to_frozenset,
        validator=_checks.set_of(Activity, "Activity"),
    )

    @property
    def days(self) -> int:
        """How many calendar days the session spans."""
        return (self.end - self.start).days + 1

    def __str__(self) -> str:
        return mask_personal_data(f"{self.id}: {self.start.isoformat()}–{self.end.isoformat()}")


@masked_repr
@lazy_methods
@attrs.frozen(kw_only=True, eq=False, repr=False)
class SupportGroup:
    """A support group (stödgrupp): a small group of a cohort's participants."""

    id: str = attrs.field(validator=_checks.identifier)
    name: str = attrs.field(validator=_checks.text)
    participant_ids: tuple[str, ...] = attrs.field(
        default=(),
        converter=_checks.to_tuple,
        validator=_checks.items(_checks.identifier, unique=True),
    )


@masked_repr
@lazy_methods
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Collaboration:
    """A municipality collaborating in a cohort (samverkande kommun), with its kommunchef.

    ``chief_executive_id`` is the person id of the municipality's kommunchef, who mentors
    participants from other municipalities; ``mentor_capacity`` is how many adepts they
    take on in this cohort.
    """

    municipality: Municipality = attrs.field(
        converter=as_municipality, validator=_checks.instance_of(Municipality)
    )
    chief_executive_id: str | None = attrs.field(
        default=None, validator=_checks.optional(_checks.identifier)
    )
    mentor_capacity: int = attrs.field(default=1, validator=_checks.non_negative_int)


@masked_repr
@lazy_methods
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Cohort:
    """A cohort (omgång): one run of the program, ``start`` to ``end`` inclusive.

    ``application_deadline`` is the last day to apply; ``capacity`` the number of places.
    """

    id: str = attrs.field(validator=_checks.identifier)
    program_id: str = attrs.field(validator=_checks.identifier)
    name: str = attrs.field(validator=_checks.text)
    number: int | None = attrs.field(default=None, validator=_checks.optional(_checks.positive_int))
    """The round's ordinal ("sjätte omgången" is 6)."""
    start: dt.date = attrs.field(validator=_checks.date)
    end: dt.date = attrs.field(validator=_checks.all_of(_checks.date, _checks.not_before("start")))
    application_deadline: dt.date | None = attrs.field(
        default=None, validator=_checks.optional(_checks.date), repr=False
    )
    capacity: int | None = attrs.field(
        default=None, validator=_checks.optional(_checks.positive_int), repr=False
    )
    venue: Venue | None = attrs.field(
        default=None, validator=_checks.optional(_checks.instance_of(Venue)), repr=False
    )
    collaborations: tuple[Collaboration, ...] = attrs.field(
        default=(),
        converter=_checks.to_tuple,
        validator=_checks.items(_checks.instance_of(Collaboration)),
        repr=False,
    )
    support_groups: tuple[SupportGroup, ...] = attrs.field(
        default=(),
        converter=_checks.to_tuple,
        validator=_checks.items(_checks.instance_of(SupportGroup)),
        repr=False,
    )
    sessions: tuple[Session, ...] = attrs.field(
        default=(),
        converter=_checks.to_tuple,
        validator=_checks.items(_checks.instance_of(Session)),
        repr=False,
    )

    _invariants: ClassVar[tuple[_Invariant, ...]]
    """The checks across fields, run once every field is valid; each gives every error it
    finds. The detailed reader of documents (:mod:`ledarskap.io._convert`) runs them too, on
    a record it could not build, so that they are reported with the fields' problems."""

    def __attrs_post_init__(self) -> None:
        broken = [error for check in self._invariants for error in check(self)]
        if len(broken) == 1:
            raise broken[0]
        if broken:
            raise ProblemsError(_INVALID, [error.as_problem() for error in broken])

    @property
    def municipalities(self) -> tuple[Municipality, ...]:
        """The collaborating municipalities."""
        return tuple(c.municipality for c in self.collaborations)

    def collaboration(self, municipality: Municipality | str) -> Collaboration | None:
        """The collaboration of this municipality (code, name or value), or ``None``."""
        wanted = as_municipality(municipality)
        return next((c for c in self.collaborations if c.municipality == wanted), None)

    def runs_on(self, day: dt.date) -> bool:
        """Whether *day* lies within the cohort (start and end inclusive)."""
        return self.start <= day <= self.end

    def is_open_for_applications(self, day: dt.date) -> bool:
        """Whether an application made on *day* is in time (on or before the deadline)."""
        deadline = self.start if self.application_deadline is None else self.application_deadline
        return day <= deadline

    def session(self, session_id: str) -> Session:
        """The session with this id."""
        for session in self.sessions:
            if session.id == session_id:
                return session
        ids = [s.id for s in self.sessions]
        raise InvalidValueError(
            location="Cohort.sessions",
            expected=Text(f"ett av träffarnas id {ids}", f"one of the session ids {ids}"),
            found=session_id,
        )


_Invariant = Callable[[Cohort], list[InvalidValueError]]
"""A check across a cohort's fields: every error it finds, each at its item (``Cohort.sessions[2]``)."""

_INVALID = Text("ogiltig omgång", "invalid cohort")
_NEW_ID = Text("ett id som inte använts förut", "an id not used before")
_NEW_MUNICIPALITY = Text(
    "en kommun som inte redan samverkar i omgången",
    "a municipality not already collaborating in the cohort",
)


def _sessions_within_dates(cohort: Cohort) -> list[InvalidValueError]:
    """Each session not within the cohort's dates, at the session."""
    start, end = cohort.start, cohort.end
    dates = f"{start.isoformat()}–{end.isoformat()}"
    expected = Text(
        f"en träff inom omgångens datum {dates}", f"a session within the cohort's dates {dates}"
    )
    return [
        InvalidValueError(
            location=f"Cohort.sessions[{index}]", expected=expected, found=str(session)
        )
        for index, session in enumerate(cohort.sessions)
        if session.start < start or session.end > end
    ]


def _repeated(
    field: str, key: str, values: Iterable[str], expected: Text = _NEW_ID
) -> list[InvalidValueError]:
    """Each of *values* (the *key* of the items of *field*) that an item before it has, at its key."""
    seen: set[str] = set()
    errors = []
    for index, value in enumerate(values):
        if value in seen:
            location = f"Cohort.{field}[{index}].{key}"
            errors.append(InvalidValueError(location=location, expected=expected, found=value))
        seen.add(value)
    return errors


Cohort._invariants = (
    _sessions_within_dates,
    lambda cohort: _repeated("sessions", "id", [s.id for s in cohort.sessions]),
    lambda cohort: _repeated("support_groups", "id", [g.id for g in cohort.support_groups]),
    lambda cohort: _repeated(
        "collaborations",
        "municipality",
        [c.municipality.name for c in cohort.collaborations],
        _NEW_MUNICIPALITY,
    ),
)

"""The whole program's data in one value, with look-ups by id and the obvious queries.

:class:`ProgramData` holds the program and every record of it: people, their
appointments, cohorts, participants, mentors, mentorships, mentor meetings and
applications. It is immutable like the records; indexes are built on first use.
It does not check cross-record rules (dangling ids, a mentor from the adept's own
municipality): :func:`ledarskap.validate` does, and reports all problems at once.

>>> from ledarskap import example_program
>>> data = example_program()
>>> cohort = data.cohorts[0]
>>> len(data.participants_of(cohort.id)) >= 20
True
>>> adept = data.participants_of(cohort.id)[0]
>>> mentor = data.mentor_of(adept.id)
>>> data.municipality_of(adept) != mentor.municipality
True

.. versionadded:: 0.1
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

import attrs

from ledarskap.errors import UnknownReferenceError, UsageError, masked_repr
from ledarskap.text import Text

from . import _checks
from ._methods import lazy_methods
from .applications import Application
from .appointments import Appointment
from .cohorts import Cohort
from .mentoring import Mentor, MentorMeeting, Mentorship
from .municipalities import County, Municipality, as_municipality, county
from .participants import Participant
from .people import Person
from .programs import Program

__all__ = ["ProgramData", "checked_program_data"]

R = TypeVar("R")


def _count(records: tuple[object, ...]) -> str:
    return f"<{len(records)}>"


def _by_id(records: Iterable[R]) -> Mapping[str, R]:
    # The first record with an id wins; validate() reports the repeats.
    index: dict[str, R] = {}
    for record in records:
        index.setdefault(record.id, record)  # type: ignore[attr-defined]
    return index


@masked_repr
@lazy_methods
@attrs.frozen(kw_only=True, eq=False, repr=False)
class ProgramData:
    """All data of one program (utbildning): the unit files are read into and written from."""

    program: Program = attrs.field(validator=_checks.instance_of(Program))
    people: tuple[Person, ...] = attrs.field(
        default=(),
        converter=_checks.to_tuple,
        validator=_checks.items(_checks.instance_of(Person)),
        repr=_count,
    )
    appointments: tuple[Appointment, ...] = attrs.field(
        default=(),
        converter=_checks.to_tuple,
        validator=_checks.items(_checks.instance_of(Appointment)),
        repr=_count,
    )
    cohorts: tuple[Cohort, ...] = attrs.field(
        default=(),
        converter=_checks.to_tuple,
        validator=_checks.items(_checks.instance_of(Cohort)),
        repr=_count,
    )
    participants: tuple[Participant, ...] = attrs.field(
        default=(),
        converter=_checks.to_tuple,
        validator=_checks.items(_checks.instance_of(Participant)),
        repr=_count,
    )
    mentors: tuple[Mentor, ...] = attrs.field(
        default=(),
        converter=_checks.to_tuple,
        validator=_checks.items(_checks.instance_of(Mentor)),
        repr=_count,
    )
    mentorships: tuple[Mentorship, ...] = attrs.field(
        default=(),
        converter=_checks.to_tuple,
        validator=_checks.items(_checks.instance_of(Mentorship)),
        repr=_count,
    )
    meetings: tuple[MentorMeeting, ...] = attrs.field(
        default=(),
        converter=_checks.to_tuple,
        validator=_checks.items(_checks.instance_of(MentorMeeting)),
        repr=_count,
    )
    applications: tuple[Application, ...] = attrs.field(
        default=(),
        converter=_checks.to_tuple,
        validator=_checks.items(_checks.instance_of(Application)),
        repr=_count,
    )

    # Look-ups by id ------------------------------------------------------------------

    def person(self, person_id: str) -> Person:
        """The person with this id."""
        return _get(self._people, person_id, "people")

    def appointment(self, appointment_id: str) -> Appointment:
        """The appointment with this id."""
        return _get(self._appointments, appointment_id, "appointments")

    def cohort(self, cohort_id: str) -> Cohort:
        """The cohort with this id."""
        return _get(self._cohorts, cohort_id, "cohorts")

    def participant(self, participant_id: str) -> Participant:
        """The participant with this id."""
        return _get(self._participants, participant_id, "participants")

    def mentor(self, mentor_id: str) -> Mentor:
        """The mentor with this id."""
        return _get(self._mentors, mentor_id, "mentors")

    def mentorship(self, mentorship_id: str) -> Mentorship:
        """The mentorship with this id."""
        return _get(self._mentorships, mentorship_id, "mentorships")

    def application(self, application_id: str) -> Application:
        """The application with this id."""
        return _get(self._applications, application_id, "applications")

    # Queries -------------------------------------------------------------------------

    def participants_of(self, cohort_id: str) -> tuple[Participant, ...]:
        """The participants of a cohort, in file order."""
        given: object = cohort_id  # a list is no cohort's id, and cannot be a key
        return self._participants_by_cohort.get(cohort_id, ()) if isinstance(given, str) else ()

    def mentors_of(self, cohort_id: str) -> tuple[Mentor, ...]:
        """The mentors of a cohort."""
        return tuple(m for m in self.mentors if m.cohort_id == cohort_id)

    def applications_to(self, cohort_id: str) -> tuple[Application, ...]:
        """The applications to a cohort."""
        return tuple(a for a in self.applications if a.cohort_id == cohort_id)

    def adepts_of(self, mentor_id: str, *, on: dt.date | None = None) -> tuple[Participant, ...]:
        """The participants a mentor mentors (on a date, if given)."""
        return tuple(
            self.participant(m.participant_id)
            for m in self._mentorships_by_mentor.get(mentor_id, ())
            if on is None or m.active_on(on)
        )

    def mentorships_of(self, participant_id: str) -> tuple[Mentorship, ...]:
        """A participant's mentorships, earliest first."""
        return tuple(
            sorted(self._mentorships_by_participant.get(participant_id, ()), key=lambda m: m.start)
        )

    def mentor_of(self, participant_id: str, *, on: dt.date | None = None) -> Mentor | None:
        """A participant's mentor (on a date; otherwise the latest), or ``None``."""
        pairs = [m for m in self.mentorships_of(participant_id) if on is None or m.active_on(on)]
        return self.mentor(pairs[-1].mentor_id) if pairs else None

    def meetings_of(self, mentorship_id: str) -> tuple[MentorMeeting, ...]:
        """The meetings of a mentorship, by date."""
        return tuple(
            sorted(
                (m for m in self.meetings if m.mentorship_id == mentorship_id), key=lambda m: m.on
            )
        )

    def appointments_of(self, person_id: str) -> tuple[Appointment, ...]:
        """A person's appointments, earliest first."""
        return tuple(
            sorted(
                (a for a in self.appointments if a.person_id == person_id), key=lambda a: a.start
            )
        )

    def appointment_on(self, person_id: str, day: dt.date) -> Appointment | None:
        """The appointment a person held on *day* (the latest begun, if several), or ``None``."""
        held = [a for a in self.appointments_of(person_id) if a.holds_on(day)]
        return held[-1] if held else None

    def municipality_of(self, participant: Participant) -> Municipality:
        """The municipality a participant takes part from (their appointment's)."""
        return self.appointment(participant.appointment_id).municipality

    def participants_in(
        self, municipality: Municipality | str, *, cohort_id: str | None = None
    ) -> tuple[Participant, ...]:
        """The participants from a municipality (code, name or value), optionally of one cohort."""
        wanted = as_municipality(municipality)
        return tuple(
            p
            for p in self.participants
            if (cohort_id is None or p.cohort_id == cohort_id) and self.municipality_of(p) == wanted
        )

    def participants_in_county(
        self, county_code_or_name: County | str, *, cohort_id: str | None = None
    ) -> tuple[Participant, ...]:
        """The participants from a county (code, name or value), optionally of one cohort."""
        wanted = county(county_code_or_name)
        return tuple(
            p
            for p in self.participants
            if (cohort_id is None or p.cohort_id == cohort_id)
            and self.municipality_of(p).county == wanted
        )

    # Indexes, built on first use --------------------------------------------------------

    @functools.cached_property
    def _people(self) -> Mapping[str, Person]:
        return _by_id(self.people)

    @functools.cached_property
    def _appointments(self) -> Mapping[str, Appointment]:
        return _by_id(self.appointments)

    @functools.cached_property
    def _cohorts(self) -> Mapping[str, Cohort]:
        return _by_id(self.cohorts)

    @functools.cached_property
    def _participants(self) -> Mapping[str, Participant]:
        return _by_id(self.participants)

    @functools.cached_property
    def _mentors(self) -> Mapping[str, Mentor]:
        return _by_id(self.mentors)

    @functools.cached_property
    def _mentorships(self) -> Mapping[str, Mentorship]:
        return _by_id(self.mentorships)

    @functools.cached_property
    def _applications(self) -> Mapping[str, Application]:
        return _by_id(self.applications)

    @functools.cached_property
    def _participants_by_cohort(self) -> Mapping[str, tuple[Participant, ...]]:
        return _group(self.participants, lambda p: p.cohort_id)

    @functools.cached_property
    def _mentorships_by_mentor(self) -> Mapping[str, tuple[Mentorship, ...]]:
        return _group(self.mentorships, lambda m: m.mentor_id)

    @functools.cached_property
    def _mentorships_by_participant(self) -> Mapping[str, tuple[Mentorship, ...]]:
        return _group(self.mentorships, lambda m: m.participant_id)


def _group(records: Iterable[R], key: Any) -> Mapping[str, tuple[R, ...]]:
    groups: defaultdict[str, list[R]] = defaultdict(list)
    for record in records:
        groups[key(record)].append(record)
    return {k: tuple(v) for k, v in groups.items()}


_RECORDS_SV = {
    "people": "personerna",
    "appointments": "anställningarna",
    "cohorts": "omgångarna",
    "participants": "deltagarna",
    "mentors": "mentorerna",
    "mentorships": "mentorskapen",
    "applications": "ansökningarna",
}
"""What each collection holds, in Swedish, as a message names it."""


def _get(index: Mapping[str, R], record_id: str, collection: str) -> R:
    try:
        return index[record_id]
    except (KeyError, TypeError):  # TypeError: not an id, nor even hashable (a list)
        raise UnknownReferenceError(
            location=f"ProgramData.{collection}",
            expected=Text(
                f"id:t för en av de {len(index)} {_RECORDS_SV[collection]}",
                f"the id of one of the {len(index)} {collection}",
            ),
            found=record_id,
        ) from None


def checked_program_data(value: object, where: str) -> ProgramData:
    """*value*, if it is program data; else the library's :class:`~ledarskap.errors.UsageError`.

    The error says what *where* (``"propose"``, ``"sheet_rows(data)"``) was given instead.
    """
    if isinstance(value, ProgramData):
        return value
    found = type(value).__name__
    raise UsageError(
        Text(
            f"{where}: förväntade en ProgramData, fick {found}",
            f"{where}: expected a ProgramData, found {found}",
        )
    )

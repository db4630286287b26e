"""The program document as validated ``msgspec.Struct`` classes, with ledarskap's constraints.

The fastest peer a user could pick: msgspec decodes JSON straight into these classes,
checking types, patterns and enum values in C; what a pattern cannot say (a known
municipality code, a personnummer's date and check digit, an end not before its start,
sessions within their cohort, no id twice) is checked in ``__post_init__``, which msgspec
runs on every decoded instance. The same constraints as ``_pydantic_model.py``.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

import msgspec

from ledarskap import (
    Activity,
    Aim,
    ApplicationStatus,
    Discipline,
    EndedBy,
    Grounding,
    Level,
    MeetingKind,
    MeetingStatus,
    MentorshipStatus,
    OrganisationKind,
    ParticipantStatus,
    Perspective,
    PoliticalBodyKind,
    PurposeKind,
    SessionKind,
    StaffFunction,
    Stakeholder,
    all_municipalities,
    all_positions,
)
from ledarskap.model._checks import EMAIL_PATTERN, ID_PATTERN

from ._pydantic_model import _valid_personnummer

__all__ = ["Document"]

Id = Annotated[str, msgspec.Meta(pattern=ID_PATTERN)]
Text = Annotated[str, msgspec.Meta(pattern=r"\S")]
Email = Annotated[str, msgspec.Meta(pattern=EMAIL_PATTERN)]
Code = Literal[tuple(m.code for m in all_municipalities())]  # type: ignore[valid-type]
Pnr = Annotated[str, msgspec.Meta(pattern=r"^\d{8}-\d{4}$")]
Slug = Literal[tuple(p.slug for p in all_positions())]  # type: ignore[valid-type]
Positive = Annotated[int, msgspec.Meta(ge=1)]
NonNegative = Annotated[int, msgspec.Meta(ge=0)]


def _unique(values: tuple[object, ...]) -> None:
    if len(set(values)) != len(values):
        raise ValueError("an item repeats")


def _check_end(start: dt.date, end: dt.date | None) -> None:
    if end is not None and end < start:
        raise ValueError(f"end {end} is before start {start}")


_OVER = (MentorshipStatus.COMPLETED, MentorshipStatus.ENDED_EARLY)


def _check_lifecycle(
    end: dt.date | None, status: MentorshipStatus, ended_by: EndedBy | None, end_reason: str
) -> None:
    """The mentorship's rules of :class:`ledarskap.Mentorship`: an end exactly when it is over,
    who ended it and why only for an early end."""
    if (status in _OVER) != (end is not None):
        raise ValueError(f"a mentorship that is {status.value} with end {end}")
    if status is not MentorshipStatus.ENDED_EARLY and (ended_by is not None or end_reason):
        raise ValueError(f"who ended it or why, for a mentorship that is {status.value}")


class _Model(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    pass


class PoliticalBody(_Model, kw_only=True):
    name: Text
    kind: PoliticalBodyKind


class Purpose(_Model, kw_only=True):
    kind: PurposeKind
    sv: Text
    en: Text
    aims: frozenset[Aim] = frozenset()
    levels: frozenset[Level] = frozenset()
    stakeholders: frozenset[Stakeholder] = frozenset()


class Theme(_Model, kw_only=True):
    id: Id
    sv: Text
    en: Text
    grounding: frozenset[Grounding] = frozenset()
    disciplines: frozenset[Discipline] = frozenset()
    perspectives: frozenset[Perspective] = frozenset()
    levels: frozenset[Level] = frozenset()
    topics: tuple[Text, ...] = ()


class Organiser(_Model, kw_only=True):
    name: Text
    full_name: Text
    university: Text
    site: Text | None = None
    partner_municipalities: tuple[Code, ...] = ()
    partner_regions: tuple[Text, ...] = ()

    def __post_init__(self) -> None:
        _unique(self.partner_municipalities)


class Program(_Model, kw_only=True):
    id: Id
    name: Text
    short_name: Text | None = None
    organiser: Organiser
    description_sv: str = ""
    description_en: str = ""
    grounding: frozenset[Grounding] = frozenset()
    perspectives: frozenset[Perspective] = frozenset()
    purposes: tuple[Purpose, ...] = ()
    themes: tuple[Theme, ...] = ()


class Person(_Model, kw_only=True):
    id: Id
    given_name: Text
    family_name: Text
    email: Email | None = None
    phone: Text | None = None
    personnummer: Pnr | None = None

    def __post_init__(self) -> None:
        if self.personnummer is not None:
            _valid_personnummer(self.personnummer)


class Appointment(_Model, kw_only=True):
    id: Id
    person_id: Id
    municipality: Code
    organisation: Text
    title: Text
    start: dt.date
    end: dt.date | None = None
    position: Slug | None = None
    organisation_kind: OrganisationKind = OrganisationKind.ADMINISTRATION
    reports_to: tuple[PoliticalBody, ...] = ()
    staff_function: StaffFunction | None = None

    def __post_init__(self) -> None:
        _check_end(self.start, self.end)


class Venue(_Model, kw_only=True):
    name: Text
    municipality: Code | None = None
    address: Text | None = None


class Session(_Model, kw_only=True):
    id: Id
    kind: SessionKind
    title: Text
    start: dt.date
    end: dt.date
    venue: Venue | None = None
    online: bool = False
    theme_ids: tuple[Id, ...] = ()
    activities: frozenset[Activity] = frozenset()

    def __post_init__(self) -> None:
        _check_end(self.start, self.end)
        _unique(self.theme_ids)


class SupportGroup(_Model, kw_only=True):
    id: Id
    name: Text
    participant_ids: tuple[Id, ...] = ()

    def __post_init__(self) -> None:
        _unique(self.participant_ids)


class Collaboration(_Model, kw_only=True):
    municipality: Code
    chief_executive_id: Id | None = None
    mentor_capacity: NonNegative = 1


class Cohort(_Model, kw_only=True):
    id: Id
    program_id: Id
    name: Text
    number: Positive | None = None
    start: dt.date
    end: dt.date
    application_deadline: dt.date | None = None
    capacity: Positive | None = None
    venue: Venue | None = None
    collaborations: tuple[Collaboration, ...] = ()
    support_groups: tuple[SupportGroup, ...] = ()
    sessions: tuple[Session, ...] = ()

    def __post_init__(self) -> None:
        _check_end(self.start, self.end)
        for session in self.sessions:
            if session.start < self.start or session.end > self.end:
                raise ValueError(f"session {session.id} lies outside the cohort's dates")
        _unique(tuple(s.id for s in self.sessions))
        _unique(tuple(g.id for g in self.support_groups))
        _unique(tuple(c.municipality for c in self.collaborations))


class Participant(_Model, kw_only=True):
    id: Id
    person_id: Id
    cohort_id: Id
    appointment_id: Id
    status: ParticipantStatus = ParticipantStatus.ADMITTED
    application_id: Id | None = None


class Mentor(_Model, kw_only=True):
    id: Id
    person_id: Id
    cohort_id: Id
    municipality: Code
    capacity: Positive = 1


class Mentorship(_Model, kw_only=True):
    id: Id
    mentor_id: Id
    participant_id: Id
    start: dt.date
    end: dt.date | None = None
    status: MentorshipStatus
    ended_by: EndedBy | None = None
    end_reason: str = ""

    def __post_init__(self) -> None:
        _check_end(self.start, self.end)
        _check_lifecycle(self.end, self.status, self.ended_by, self.end_reason)


class MentorMeeting(_Model, kw_only=True):
    id: Id
    mentorship_id: Id
    on: dt.date
    kind: MeetingKind
    status: MeetingStatus = MeetingStatus.HELD
    duration_minutes: Positive | None = None
    notes: str = ""


class Application(_Model, kw_only=True):
    id: Id
    person_id: Id
    cohort_id: Id
    submitted: dt.date
    municipality: Code | None = None
    organisation: Text | None = None
    organisation_kind: OrganisationKind | None = None
    title: Text | None = None
    position: Slug | None = None
    in_position_since: dt.date | None = None
    reports_to: tuple[PoliticalBody, ...] | None = None
    leads_staff_function: bool | None = None
    staff_function: StaffFunction | None = None
    status: ApplicationStatus = ApplicationStatus.SUBMITTED
    appointment_id: Id | None = None


class Document(_Model, kw_only=True):
    """The whole program document: the program and every record of it."""

    format: Literal["ledarskap.program"]
    format_version: Literal[2]
    program: Program
    people: tuple[Person, ...] = ()
    appointments: tuple[Appointment, ...] = ()
    cohorts: tuple[Cohort, ...] = ()
    participants: tuple[Participant, ...] = ()
    mentors: tuple[Mentor, ...] = ()
    mentorships: tuple[Mentorship, ...] = ()
    meetings: tuple[MentorMeeting, ...] = ()
    applications: tuple[Application, ...] = ()

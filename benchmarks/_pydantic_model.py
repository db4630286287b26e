"""The program document as a pydantic v2 model, with the same constraints as ledarskap's.

The peer a user would pick instead of ledarskap, written the way pydantic's documentation
suggests, and kept as fast as pydantic allows, so that the comparison is fair: frozen
models that refuse unknown fields; ids, e-mail addresses and non-blank texts checked by
pattern (in pydantic-core, in Rust); municipality codes looked up in a set of the 290;
positions as a ``Literal`` of the catalog's slugs; enums by value; dates from ISO 8601;
personnummer by format, date and Luhn check digit in an ``AfterValidator``; and model
validators for the rules between fields: an end not before its start, sessions within
their cohort, no id twice among a cohort's sessions, support groups or municipalities.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, Self, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

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

__all__ = ["Document"]

_CODES = frozenset(m.code for m in all_municipalities())


def _known_municipality(code: str) -> str:
    if code not in _CODES:
        raise ValueError("not one of Sweden's 290 municipality codes")
    return code


def _valid_personnummer(number: str) -> str:
    # YYYYMMDD-NNNN (the pattern has checked the shape): a real date and the Luhn digit.
    day = int(number[6:8])
    try:
        dt.date(int(number[:4]), int(number[4:6]), day - 60 if day > 60 else day)
    except ValueError:
        raise ValueError("not a valid date of birth") from None
    total = 0
    for index, char in enumerate(number[2:8] + number[9:12]):
        digit = (ord(char) - 48) * (2 - index % 2)
        total += digit - 9 if digit > 9 else digit
    if (10 - total % 10) % 10 != ord(number[12]) - 48:
        raise ValueError("wrong check digit")
    return number


Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Text = Annotated[str, StringConstraints(pattern=r"\S")]
Email = Annotated[str, StringConstraints(pattern=EMAIL_PATTERN)]
Code = Annotated[str, StringConstraints(pattern=r"^\d{4}$"), AfterValidator(_known_municipality)]
Pnr = Annotated[
    str, StringConstraints(pattern=r"^\d{8}-\d{4}$"), AfterValidator(_valid_personnummer)
]
Slug = Literal[tuple(p.slug for p in all_positions())]  # type: ignore[valid-type]
Positive = Annotated[int, Field(strict=True, ge=1)]
NonNegative = Annotated[int, Field(strict=True, ge=0)]


T = TypeVar("T")


def _unique(values: tuple[T, ...]) -> tuple[T, ...]:
    if len(set(values)) != len(values):
        raise ValueError("an item repeats")
    return values


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


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


class PoliticalBody(_Model):
    name: Text
    kind: PoliticalBodyKind


class Purpose(_Model):
    kind: PurposeKind
    sv: Text
    en: Text
    aims: frozenset[Aim] = frozenset()
    levels: frozenset[Level] = frozenset()
    stakeholders: frozenset[Stakeholder] = frozenset()


class Theme(_Model):
    id: Id
    sv: Text
    en: Text
    grounding: frozenset[Grounding] = frozenset()
    disciplines: frozenset[Discipline] = frozenset()
    perspectives: frozenset[Perspective] = frozenset()
    levels: frozenset[Level] = frozenset()
    topics: tuple[Text, ...] = ()


class Organiser(_Model):
    name: Text
    full_name: Text
    university: Text
    site: Text | None = None
    partner_municipalities: Annotated[tuple[Code, ...], AfterValidator(_unique)] = ()
    partner_regions: tuple[Text, ...] = ()


class Program(_Model):
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


class Person(_Model):
    id: Id
    given_name: Text
    family_name: Text
    email: Email | None = None
    phone: Text | None = None
    personnummer: Pnr | None = None


class Appointment(_Model):
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

    @model_validator(mode="after")
    def _end_not_before_start(self) -> Self:
        _check_end(self.start, self.end)
        return self


class Venue(_Model):
    name: Text
    municipality: Code | None = None
    address: Text | None = None


class Session(_Model):
    id: Id
    kind: SessionKind
    title: Text
    start: dt.date
    end: dt.date
    venue: Venue | None = None
    online: bool = False
    theme_ids: Annotated[tuple[Id, ...], AfterValidator(_unique)] = ()
    activities: frozenset[Activity] = frozenset()

    @model_validator(mode="after")
    def _end_not_before_start(self) -> Self:
        _check_end(self.start, self.end)
        return self


class SupportGroup(_Model):
    id: Id
    name: Text
    participant_ids: Annotated[tuple[Id, ...], AfterValidator(_unique)] = ()


class Collaboration(_Model):
    municipality: Code
    chief_executive_id: Id | None = None
    mentor_capacity: NonNegative = 1


class Cohort(_Model):
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

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        _check_end(self.start, self.end)
        for session in self.sessions:
            if session.start < self.start or session.end > self.end:
                raise ValueError(f"session {session.id} lies outside the cohort's dates")
        _unique(tuple(s.id for s in self.sessions))
        _unique(tuple(g.id for g in self.support_groups))
        _unique(tuple(c.municipality for c in self.collaborations))
        return self


class Participant(_Model):
    id: Id
    person_id: Id
    cohort_id: Id
    appointment_id: Id
    status: ParticipantStatus = ParticipantStatus.ADMITTED
    application_id: Id | None = None


class Mentor(_Model):
    id: Id
    person_id: Id
    cohort_id: Id
    municipality: Code
    capacity: Positive = 1


class Mentorship(_Model):
    id: Id
    mentor_id: Id
    participant_id: Id
    start: dt.date
    end: dt.date | None = None
    status: MentorshipStatus
    ended_by: EndedBy | None = None
    end_reason: str = ""

    @model_validator(mode="after")
    def _end_not_before_start(self) -> Self:
        _check_end(self.start, self.end)
        _check_lifecycle(self.end, self.status, self.ended_by, self.end_reason)
        return self


class MentorMeeting(_Model):
    id: Id
    mentorship_id: Id
    on: dt.date
    kind: MeetingKind
    status: MeetingStatus = MeetingStatus.HELD
    duration_minutes: Positive | None = None
    notes: str = ""


class Application(_Model):
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


class Document(_Model):
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

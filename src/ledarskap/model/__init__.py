"""The domain model of *Ledarskap i kommuner*: immutable, validated records, no I/O.

This is the bottom layer of the library: rules, validation, file formats and interfaces
build on it, never the other way round. Every class is also exported from :mod:`ledarskap`.
"""

from .applications import Application, ApplicationStatus
from .appointments import (
    Appointment,
    OrganisationKind,
    PoliticalBody,
    PoliticalBodyKind,
    StaffFunction,
    whole_years,
)
from .cohorts import Activity, Cohort, Collaboration, Session, SessionKind, SupportGroup, Venue
from .lifecycle import end_mentorship, replace_mentor
from .mentoring import (
    EndedBy,
    MeetingKind,
    MeetingStatus,
    Mentor,
    MentorMeeting,
    Mentorship,
    MentorshipStatus,
)
from .municipalities import (
    NEIGHBOURING_COUNTY_CODES,
    OSTERGOTLAND,
    County,
    Municipality,
    all_counties,
    all_municipalities,
    county,
    municipality,
    program_region_counties,
)
from .participants import Participant, ParticipantStatus
from .people import Person, Personnummer
from .positions import Language, Position, PositionKind, all_positions, match_title, position
from .programdata import ProgramData
from .programs import (
    Aim,
    Discipline,
    Grounding,
    Level,
    Organiser,
    Perspective,
    Program,
    Purpose,
    PurposeKind,
    Stakeholder,
    Theme,
)

__all__ = [
    "NEIGHBOURING_COUNTY_CODES",
    "OSTERGOTLAND",
    "Activity",
    "Aim",
    "Application",
    "ApplicationStatus",
    "Appointment",
    "Cohort",
    "Collaboration",
    "County",
    "Discipline",
    "EndedBy",
    "Grounding",
    "Language",
    "Level",
    "MeetingKind",
    "MeetingStatus",
    "Mentor",
    "MentorMeeting",
    "Mentorship",
    "MentorshipStatus",
    "Municipality",
    "OrganisationKind",
    "Organiser",
    "Participant",
    "ParticipantStatus",
    "Person",
    "Personnummer",
    "Perspective",
    "PoliticalBody",
    "PoliticalBodyKind",
    "Position",
    "PositionKind",
    "Program",
    "ProgramData",
    "Purpose",
    "PurposeKind",
    "Session",
    "SessionKind",
    "StaffFunction",
    "Stakeholder",
    "SupportGroup",
    "Theme",
    "Venue",
    "all_counties",
    "all_municipalities",
    "all_positions",
    "county",
    "end_mentorship",
    "match_title",
    "municipality",
    "position",
    "program_region_counties",
    "replace_mentor",
    "whole_years",
]

"""ledarskap: the trusted data model of the leadership program *Ledarskap i kommuner*.

The program is run by CKS (Centrum för kommunstrategiska studier, Linköping University)
with the kommunchefer of about twenty municipalities in Östergötland and surroundings,
who are also the participants' mentors. This package models it: municipalities and
positions, people and their appointments, the program, its cohorts, sessions and support
groups, participants, mentors and mentor meetings, and applications.

Importing ``ledarskap`` is light: file formats and optional parts load on first use.
"""

import importlib
from typing import TYPE_CHECKING, Any

from ledarskap._version import __version__
from ledarskap.errors import (
    ConflictError,
    DocumentError,
    FileAccessError,
    FormatVersionError,
    InvalidPersonnummerError,
    InvalidValueError,
    LedarskapError,
    MissingDependencyError,
    Problem,
    Problems,
    ProblemsError,
    RuleError,
    UnknownMunicipalityError,
    UnknownReferenceError,
    UsageError,
)
from ledarskap.model import (
    NEIGHBOURING_COUNTY_CODES,
    OSTERGOTLAND,
    Activity,
    Aim,
    Application,
    ApplicationStatus,
    Appointment,
    Cohort,
    Collaboration,
    County,
    Discipline,
    EndedBy,
    Grounding,
    Language,
    Level,
    MeetingKind,
    MeetingStatus,
    Mentor,
    MentorMeeting,
    Mentorship,
    MentorshipStatus,
    Municipality,
    OrganisationKind,
    Organiser,
    Participant,
    ParticipantStatus,
    Person,
    Personnummer,
    Perspective,
    PoliticalBody,
    PoliticalBodyKind,
    Position,
    PositionKind,
    Program,
    ProgramData,
    Purpose,
    PurposeKind,
    Session,
    SessionKind,
    StaffFunction,
    Stakeholder,
    SupportGroup,
    Theme,
    Venue,
    all_counties,
    all_municipalities,
    all_positions,
    county,
    end_mentorship,
    match_title,
    municipality,
    position,
    program_region_counties,
    replace_mentor,
)
from ledarskap.text import Text

if TYPE_CHECKING:  # the lazily loaded names below, for type checkers and IDEs
    from ledarskap.eligibility import (
        Decision,
        Outcome,
        RuleSet,
        default_ruleset,
        parse_rule,
        parse_ruleset,
    )
    from ledarskap.io import load_ruleset, read_sheet
    from ledarskap.io.documents import dump, dumps, example_program, load, loads
    from ledarskap.io.revisions import Revision, revision_of
    from ledarskap.io.rulecases import CaseReport, load_cases, run_cases
    from ledarskap.io.schema import document_schema
    from ledarskap.validation import (
        Finding,
        Severity,
        ValidationError,
        ValidationReport,
        validate,
    )

# Names that live in heavier modules (file formats, rules, optional extras), imported on
# first use so that `import ledarskap` stays light. Each maps to the module holding it.
_LAZY: dict[str, str] = {
    "Decision": "ledarskap.eligibility",
    "Outcome": "ledarskap.eligibility",
    "RuleSet": "ledarskap.eligibility",
    "default_ruleset": "ledarskap.eligibility",
    "parse_rule": "ledarskap.eligibility",
    "parse_ruleset": "ledarskap.eligibility",
    "document_schema": "ledarskap.io.schema",
    "dump": "ledarskap.io.documents",
    "dumps": "ledarskap.io.documents",
    "example_program": "ledarskap.io.documents",
    "load": "ledarskap.io.documents",
    "loads": "ledarskap.io.documents",
    "load_ruleset": "ledarskap.io",
    "read_sheet": "ledarskap.io",
    "CaseReport": "ledarskap.io.rulecases",
    "load_cases": "ledarskap.io.rulecases",
    "run_cases": "ledarskap.io.rulecases",
    "Revision": "ledarskap.io.revisions",
    "revision_of": "ledarskap.io.revisions",
    "Finding": "ledarskap.validation",
    "Severity": "ledarskap.validation",
    "ValidationError": "ledarskap.validation",
    "ValidationReport": "ledarskap.validation",
    "validate": "ledarskap.validation",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'ledarskap' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "NEIGHBOURING_COUNTY_CODES",
    "OSTERGOTLAND",
    "Activity",
    "Aim",
    "Application",
    "ApplicationStatus",
    "Appointment",
    "CaseReport",
    "Cohort",
    "Collaboration",
    "ConflictError",
    "County",
    "Decision",
    "Discipline",
    "DocumentError",
    "EndedBy",
    "FileAccessError",
    "Finding",
    "FormatVersionError",
    "Grounding",
    "InvalidPersonnummerError",
    "InvalidValueError",
    "Language",
    "LedarskapError",
    "Level",
    "MeetingKind",
    "MeetingStatus",
    "Mentor",
    "MentorMeeting",
    "Mentorship",
    "MentorshipStatus",
    "MissingDependencyError",
    "Municipality",
    "OrganisationKind",
    "Organiser",
    "Outcome",
    "Participant",
    "ParticipantStatus",
    "Person",
    "Personnummer",
    "Perspective",
    "PoliticalBody",
    "PoliticalBodyKind",
    "Position",
    "PositionKind",
    "Problem",
    "Problems",
    "ProblemsError",
    "Program",
    "ProgramData",
    "Purpose",
    "PurposeKind",
    "Revision",
    "RuleError",
    "RuleSet",
    "Session",
    "SessionKind",
    "Severity",
    "StaffFunction",
    "Stakeholder",
    "SupportGroup",
    "Text",
    "Theme",
    "UnknownMunicipalityError",
    "UnknownReferenceError",
    "UsageError",
    "ValidationError",
    "ValidationReport",
    "Venue",
    "__version__",
    "all_counties",
    "all_municipalities",
    "all_positions",
    "county",
    "default_ruleset",
    "document_schema",
    "dump",
    "dumps",
    "end_mentorship",
    "example_program",
    "load",
    "load_cases",
    "load_ruleset",
    "loads",
    "match_title",
    "municipality",
    "parse_rule",
    "parse_ruleset",
    "position",
    "program_region_counties",
    "read_sheet",
    "replace_mentor",
    "revision_of",
    "run_cases",
    "validate",
]

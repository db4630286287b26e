"""ledarskap: the trusted data model of the leadership program *Ledarskap i kommuner*.

The program is run by CKS (Centrum för kommunstrategiska studier, Linköping University)
with the kommunchefer of about twenty municipalities in Östergötland and surroundings,
who are also the participants' mentors. This package models it: municipalities and
positions, people and their appointments, the program, its cohorts, sessions and support
groups, participants, mentors and mentor meetings, and applications.

Importing ``ledarskap`` is light: every name below is loaded from the module that holds
it on first use (:pep:`562`), as is a subpackage (``ledarskap.io``), so that a tool that
needs one part (the ``ledarskap`` command printing its help, say) pays only for that part.

.. versionchanged:: 0.3
   The model and the errors load on first use too, as the file formats and the rules
   already did.
"""

import importlib
from typing import TYPE_CHECKING, Any

from ledarskap._version import __version__

# What is loaded on first use, as type checkers and IDEs see it: each name, and each
# subpackage (``ledarskap.io``), with its own type. They see no ``__getattr__``, so a name
# that is not here (``ledarskap.Cohrot``) is an error to them, as it is when it runs.
if TYPE_CHECKING:
    from ledarskap import calendar as calendar
    from ledarskap import cli as cli
    from ledarskap import data as data
    from ledarskap import demo as demo
    from ledarskap import eligibility as eligibility
    from ledarskap import errors as errors
    from ledarskap import io as io
    from ledarskap import mentoring as mentoring
    from ledarskap import model as model
    from ledarskap import plots as plots
    from ledarskap import pytest_plugin as pytest_plugin
    from ledarskap import tables as tables
    from ledarskap import testing as testing
    from ledarskap import text as text
    from ledarskap import validation as validation
    from ledarskap.eligibility import (
        Decision,
        Outcome,
        RuleSet,
        default_ruleset,
        parse_rule,
        parse_ruleset,
    )
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
    from ledarskap.io import load_ruleset, read_sheet
    from ledarskap.io.documents import dump, dumps, example_program, load, loads
    from ledarskap.io.revisions import Revision, revision_of
    from ledarskap.io.rulecases import CaseReport, load_cases, run_cases
    from ledarskap.io.schema import document_schema
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
    from ledarskap.validation import Finding, Severity, ValidationError, ValidationReport, validate

# Each public name, by the module holding it; imported on first use.
_MODULES: dict[str, tuple[str, ...]] = {
    "ledarskap.errors": (
        "ConflictError",
        "DocumentError",
        "FileAccessError",
        "FormatVersionError",
        "InvalidPersonnummerError",
        "InvalidValueError",
        "LedarskapError",
        "MissingDependencyError",
        "Problem",
        "Problems",
        "ProblemsError",
        "RuleError",
        "UnknownMunicipalityError",
        "UnknownReferenceError",
        "UsageError",
    ),
    "ledarskap.text": ("Text",),
    "ledarskap.model": (
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
    ),
    "ledarskap.eligibility": (
        "Decision",
        "Outcome",
        "RuleSet",
        "default_ruleset",
        "parse_rule",
        "parse_ruleset",
    ),
    "ledarskap.validation": (
        "Finding",
        "Severity",
        "ValidationError",
        "ValidationReport",
        "validate",
    ),
    "ledarskap.io": (
        "load_ruleset",
        "read_sheet",
    ),
    "ledarskap.io.documents": (
        "dump",
        "dumps",
        "example_program",
        "load",
        "loads",
    ),
    "ledarskap.io.revisions": ("Revision", "revision_of"),
    "ledarskap.io.rulecases": (
        "CaseReport",
        "load_cases",
        "run_cases",
    ),
    "ledarskap.io.schema": ("document_schema",),
}
_LAZY: dict[str, str] = {name: module for module, names in _MODULES.items() for name in names}


if not TYPE_CHECKING:  # type checkers see the names themselves, above

    def __getattr__(name: str) -> Any:
        """A public name, or a subpackage (``ledarskap.io``), imported on first use."""
        module = _LAZY.get(name)
        if module is not None:
            value = getattr(importlib.import_module(module), name)
        elif name.startswith("_"):
            raise AttributeError(f"module 'ledarskap' has no attribute {name!r}")
        else:
            try:
                value = importlib.import_module(f"{__name__}.{name}")
            except ModuleNotFoundError as error:
                if error.name != f"{__name__}.{name}":
                    raise  # a subpackage that needs what is not installed
                raise AttributeError(f"module 'ledarskap' has no attribute {name!r}") from None
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

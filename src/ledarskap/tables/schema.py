"""The column schema of every table: names, kinds and, for categories, every category.

A table is a list of rows (plain dicts) whose keys are the column names of its schema, in
that order. The schema is stable: a column is added in a minor version, never renamed or
removed without a deprecation. Each column has a :class:`ColumnKind`, which says both the
Python value of a record and the pandas dtype of a DataFrame column:

================  ===========================  =========================================
kind              in a record                  in a DataFrame (``ledarskap[pandas]``)
================  ===========================  =========================================
``string``        ``str`` or ``None``          ``"string"`` (pandas' nullable text)
``category``      ``str`` or ``None``          ``CategoricalDtype`` with *every* category
``date``          ``datetime.date`` or None    ``datetime64[s]`` (whole days; ``NaT``)
``integer``       ``int`` or ``None``          ``"Int64"`` (nullable; ``<NA>``)
``boolean``       ``bool`` or ``None``         ``"boolean"`` (nullable)
================  ===========================  =========================================

A category column lists all its categories, not only those seen: every municipality
(by SCB code), every county, every catalog position, every member of an enum and every
cohort of the program, so a count over an empty group shows 0 instead of vanishing.
Values are stable codes (a position's slug, an enum's value) or proper names
(municipalities, counties), never a translated label: ``ledarskap.position(slug).label("en")``
and the enums' ``label`` word them.

>>> from ledarskap.tables import SCHEMA
>>> [c.name for c in SCHEMA["sessions"]][:4]
['session_id', 'cohort_id', 'kind', 'title']
>>> SCHEMA["participants"].column("county").categories[:2]
('Stockholms län', 'Uppsala län')

.. versionadded:: 0.3
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping

import attrs

from ledarskap.eligibility import Outcome
from ledarskap.errors import InvalidValueError
from ledarskap.model import (
    ApplicationStatus,
    EndedBy,
    MeetingKind,
    MeetingStatus,
    MentorshipStatus,
    OrganisationKind,
    ParticipantStatus,
    PositionKind,
    SessionKind,
    all_counties,
    all_municipalities,
    all_positions,
)
from ledarskap.text import LabelledEnum, Text

__all__ = ["SAFE_SCHEMA", "SCHEMA", "TABLE_NAMES", "Column", "ColumnKind", "TableSchema"]


class ColumnKind(LabelledEnum):
    """What a column holds: the Python value of a record, the dtype of a DataFrame."""

    STRING = "string", "text", "text"
    CATEGORY = "category", "kategori", "category"
    DATE = "date", "datum", "date"
    INTEGER = "integer", "heltal", "integer"
    BOOLEAN = "boolean", "sant/falskt", "true/false"


@attrs.frozen
class Column:
    """One column: its name, kind, meaning and (for a category) every category in order."""

    name: str
    kind: ColumnKind
    description: str
    categories: tuple[str, ...] = ()
    """Every category, in a stable order; empty unless ``kind`` is ``category``."""


@attrs.frozen
class TableSchema:
    """The columns of one table, in order."""

    name: str
    columns: tuple[Column, ...]

    @property
    def names(self) -> tuple[str, ...]:
        """The column names, in order."""
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column:
        """The column with this name."""
        for column in self.columns:
            if column.name == name:
                return column
        raise InvalidValueError(
            location=Text(f"tabellen {self.name}", f"the {self.name} table"),
            expected=Text(f"en av {list(self.names)}", f"one of {list(self.names)}"),
            found=name,
        )

    def with_categories(self, name: str, categories: tuple[str, ...]) -> TableSchema:
        """This schema with the categories of column *name* set (the program's cohorts)."""
        return attrs.evolve(
            self,
            columns=tuple(
                attrs.evolve(c, categories=categories) if c.name == name else c
                for c in self.columns
            ),
        )

    def __iter__(self) -> Iterator[Column]:
        return iter(self.columns)

    def __len__(self) -> int:
        return len(self.columns)


# The categories every table shares ---------------------------------------------------------


def _values(enum: type[LabelledEnum]) -> tuple[str, ...]:
    return tuple(member.value for member in enum)


@functools.cache
def _municipalities() -> tuple[str, ...]:
    return tuple(m.name for m in sorted(all_municipalities(), key=lambda m: m.code))


@functools.cache
def _counties() -> tuple[str, ...]:
    return tuple(c.name for c in sorted(all_counties(), key=lambda c: c.code))


@functools.cache
def _positions() -> tuple[str, ...]:
    return tuple(p.slug for p in all_positions())


_S, _C, _D, _I, _B = (
    ColumnKind.STRING,
    ColumnKind.CATEGORY,
    ColumnKind.DATE,
    ColumnKind.INTEGER,
    ColumnKind.BOOLEAN,
)


def _id(name: str, what: str) -> Column:
    return Column(name, _S, what)


def _cohort() -> Column:
    return Column("cohort_id", _C, "the cohort (omgång); every cohort of the program")


def _place(prefix: str = "", what: str = "") -> tuple[Column, ...]:
    return (
        Column(
            f"{prefix}municipality", _C, f"{what}municipality (kommun), by name", _municipalities()
        ),
        Column(f"{prefix}county", _C, f"{what}county (län), by name", _counties()),
    )


def _position(what: str) -> tuple[Column, ...]:
    return (
        Column(
            "position",
            _C,
            f"{what} position, by slug: the catalog's (a program's own ones added after them)",
            _positions(),
        ),
        Column("position_kind", _C, f"what kind of role {what} position is", _values(PositionKind)),
    )


def _birth() -> tuple[Column, ...]:
    return (
        Column("birth_year", _I, "the year of birth (from the personnummer)"),
        Column("birth_decade", _I, "the first year of the decade of birth (1970 for 1970–1979)"),
    )


def _tables(*, safe: bool) -> dict[str, TableSchema]:
    person = (
        ()
        if safe
        else (
            Column("name", _S, "given and family name"),
            Column("email", _S, "e-mail address"),
            Column("birth_date", _D, "the date of birth (from the personnummer)"),
        )
    )
    job = (
        ()
        if safe
        else (
            Column("title", _S, "the title as written"),
            Column("organisation", _S, "the employing organisation as written"),
        )
    )
    participants = (
        _id("participant_id", "the participant (deltagare)" + (", pseudonymised" if safe else "")),
        _id(
            "person_id",
            "the person"
            + (
                ", pseudonymised: the same in each of their rows, and in every export made with "
                "the same key"
                if safe
                else ""
            ),
        ),
        *person,
        *_birth(),
        _cohort(),
        Column("status", _C, "where the participant is in the program", _values(ParticipantStatus)),
        *_place(what="the "),
        *_position("the participant's"),
        *job,
        *(() if safe else (_id("application_id", "the application that admitted them"),)),
    )
    mentors = (
        _id("mentor_id", "the mentor" + (", pseudonymised" if safe else "")),
        _id("person_id", "the person" + (", pseudonymised" if safe else "")),
        *(() if safe else (Column("name", _S, "given and family name"),)),
        _cohort(),
        *_place(what="the mentor's (the kommunchef's) "),
        Column("capacity", _I, "how many adepts the mentor takes on"),
    )
    mentor = _id(
        "mentor_id",
        "the mentor"
        + (
            ", pseudonymised; empty in a k-anonymous export (a mentor would single the adept out)"
            if safe
            else ""
        ),
    )
    mentorships = (
        _id("mentorship_id", "the mentorship" + (", pseudonymised" if safe else "")),
        mentor,
        _id("participant_id", "the adept"),
        _cohort(),
        Column("start", _D, "the first day"),
        Column("end", _D, "the last day, inclusive; empty while it lasts"),
        Column(
            "status", _C, "proposed, active, completed or ended early", _values(MentorshipStatus)
        ),
        Column("ended_by", _C, "who ended it early, when recorded", _values(EndedBy)),
        *(() if safe else (Column("end_reason", _S, "why it ended early, as written"),)),
    )
    meetings = (
        _id("meeting_id", "the mentor meeting" + (", pseudonymised" if safe else "")),
        _id("mentorship_id", "its mentorship"),
        mentor,
        _id("participant_id", "the adept"),
        _cohort(),
        Column("on", _D, "the day of the meeting"),
        Column("kind", _C, "how they meet", _values(MeetingKind)),
        Column("status", _C, "planned, held or cancelled", _values(MeetingStatus)),
        Column("duration_minutes", _I, "how long, when recorded"),
    )
    sessions = (
        _id("session_id", "the session (träff, internat, återträff)"),
        _cohort(),
        Column("kind", _C, "residential, session or follow-up", _values(SessionKind)),
        Column("title", _S, "the session's title"),
        Column("start", _D, "the first day"),
        Column("end", _D, "the last day, inclusive"),
        Column("days", _I, "how many days, start and end included"),
        Column("online", _B, "held at a distance"),
        Column("venue", _S, "the course venue (kursgård), if any"),
        *_place("venue_", "the venue's "),
    )
    applications = (
        _id("application_id", "the application (ansökan)" + (", pseudonymised" if safe else "")),
        *(
            ()
            if safe
            else (
                _id("person_id", "the applicant"),
                Column("name", _S, "given and family name"),
            )
        ),
        *(_birth() if safe else ()),
        _cohort(),
        *(() if safe else (Column("submitted", _D, "the day it was submitted"),)),
        *_place(what="the stated "),
        *_position("the stated"),
        *job,
        Column(
            "organisation_kind", _C, "the kind of organisation stated", _values(OrganisationKind)
        ),
        Column("status", _C, "where the application is", _values(ApplicationStatus)),
        Column("outcome", _C, "the eligibility decision", _values(Outcome)),
        Column("reasons", _S, "the keys of the decision's reasons (code=result), joined by '; '"),
    )
    reasons = (
        _id("application_id", "the application" + (", pseudonymised" if safe else "")),
        Column("rank", _I, "the reason's place in its decision, from 1"),
        Column("key", _S, "the reason's stable key (code=result)"),
        *(() if safe else (Column("text", _S, "the reason in words, in the language asked for"),)),
    )
    tables = {
        "participants": participants,
        "mentors": mentors,
        "mentorships": mentorships,
        "meetings": meetings,
        "sessions": sessions,
        "applications": applications,
        "reasons": reasons,
    }
    return {name: TableSchema(name, columns) for name, columns in tables.items()}


TABLE_NAMES: tuple[str, ...] = (
    "participants",
    "mentors",
    "mentorships",
    "meetings",
    "sessions",
    "applications",
    "reasons",
)
"""The tables, in the order they are written: people, their pairs, meetings, sessions, decisions."""

SCHEMA: Mapping[str, TableSchema] = _tables(safe=False)
"""Every table's columns, as :func:`~ledarskap.tables.program_tables` gives them.

The ``cohort_id`` categories here are empty: a program's tables carry its cohorts.
"""

SAFE_SCHEMA: Mapping[str, TableSchema] = _tables(safe=True)
"""Every table's columns in a safe export (:func:`~ledarskap.tables.safe_tables`).

Names, e-mail, birth dates, free-text titles and organisations and the reasons' words are
left out; ids are pseudonyms; ``birth_year`` and ``birth_decade`` stand for the birth date.
In a *k*-anonymous export the mentorships' and meetings' ``mentor_id`` is empty, and the
``cohort_id`` and ``position`` categories are those the exported rows name.
"""

"""The program's data as flat tables: one call, plain records, a stable schema.

:func:`program_tables` walks a :class:`~ledarskap.model.ProgramData` once and gives its
tables (:data:`~ledarskap.tables.TABLE_NAMES`): participants with their municipality,
county, position, position kind and cohort; mentors; mentorships; mentor meetings;
sessions; applications with their eligibility outcome; and the reasons of each decision,
one row a reason. The columns are those of :data:`~ledarskap.tables.SCHEMA`.

A :class:`Tables` is a read-only mapping from table name to rows (``list`` of ``dict``),
which needs nothing beyond the standard library; with the ``pandas`` extra,
:meth:`Tables.frames` gives ``pandas.DataFrame`` s with proper dtypes.

>>> import ledarskap
>>> from ledarskap.tables import program_tables
>>> tables = program_tables(ledarskap.example_program())
>>> list(tables)
['participants', 'mentors', 'mentorships', 'meetings', 'sessions', 'applications', 'reasons']
>>> row = tables["participants"][0]
>>> row["cohort_id"], row["county"], row["position_kind"]
('liko-2025', 'Östergötlands län', 'political-line')

A reference that leads nowhere (a meeting of an unknown mentorship) leaves the columns it
would have filled empty: the tables show the data as they are; :func:`ledarskap.validate`
reports what is wrong with them.

.. versionadded:: 0.3
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ledarskap.eligibility import BulkResult, RuleSet, default_ruleset
from ledarskap.eligibility.messages import render_reason
from ledarskap.errors import InvalidValueError, masked_repr
from ledarskap.model import (
    Appointment,
    Mentor,
    Mentorship,
    Municipality,
    Participant,
    Person,
    Position,
    ProgramData,
)
from ledarskap.text import Language, Text, checked_language

from . import _frames
from .schema import SCHEMA, TABLE_NAMES, TableSchema

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Tables", "program_tables"]

Columns = dict[str, list[Any]]


@masked_repr
class Tables(Mapping[str, list[dict[str, Any]]]):
    """A program's tables: name to rows, each row a ``dict`` of the schema's columns.

    Held column by column; the rows of a table are made when it is first read (and a new
    list is given each time, so a caller may change it). :attr:`schema` says every
    table's columns, with the categories of this program's cohorts filled in.
    """

    __slots__ = ("_columns", "schema")

    def __init__(self, columns: Mapping[str, Columns], schema: Mapping[str, TableSchema]) -> None:
        for name, table in schema.items():
            got = tuple(columns.get(name, ()))
            where = Text(f"tabellen {name}", f"the {name} table")
            if got != table.names:
                raise InvalidValueError(
                    location=where,
                    expected=Text(f"kolumnerna {table.names}", f"the columns {table.names}"),
                    found=got,
                )
            lengths = {len(values) for values in columns[name].values()}
            if len(lengths) > 1:
                raise InvalidValueError(
                    location=where,
                    expected=Text("kolumner av samma längd", "columns of one length"),
                    found=sorted(lengths),
                )
        self._columns = {name: columns[name] for name in schema}
        self.schema: Mapping[str, TableSchema] = dict(schema)

    def __getitem__(self, name: str) -> list[dict[str, Any]]:
        columns = self.columns(name)
        names = tuple(columns)
        return [
            dict(zip(names, values, strict=True)) for values in zip(*columns.values(), strict=True)
        ]

    def __iter__(self) -> Iterator[str]:
        return iter(self._columns)

    def __contains__(self, name: object) -> bool:
        return name in self._columns

    def get(self, name: str, default: Any = None) -> Any:
        """The rows of the table *name*, or *default* if there is no such table."""
        return self[name] if name in self._columns else default

    def __len__(self) -> int:
        return len(self._columns)

    def __repr__(self) -> str:
        sizes = ", ".join(f"{name}=<{self.size(name)}>" for name in self)
        return f"Tables({sizes})"

    def columns(self, name: str) -> dict[str, list[Any]]:
        """The table *name* column by column: column name to values, in row order (a copy)."""
        table = self._columns.get(name)
        if table is None:
            raise InvalidValueError(
                location="Tables",
                expected=Text(f"en av tabellerna {list(self)}", f"one of the tables {list(self)}"),
                found=name,
            )
        return {column: list(values) for column, values in table.items()}

    def size(self, name: str) -> int:
        """How many rows the table *name* has."""
        return len(next(iter(self.columns(name).values()), []))

    def frame(self, name: str) -> pd.DataFrame:
        """The table *name* as a ``pandas.DataFrame`` with the schema's dtypes (``pandas`` extra).

        Categories are every category of the column (an empty group counts 0), dates are
        ``datetime64[s]``, integers ``Int64``, text ``string``, flags ``boolean``.
        """
        if name not in self._columns:
            self.columns(name)  # the error naming the tables
        return _frames.frame(self._columns[name], self.schema[name])

    def frames(self) -> dict[str, pd.DataFrame]:
        """Every table as a ``pandas.DataFrame`` (see :meth:`frame`), by name."""
        return {name: self.frame(name) for name in self}


def program_tables(
    data: ProgramData,
    *,
    ruleset: RuleSet | None = None,
    as_of: dt.date | None = None,
    language: Language = "sv",
) -> Tables:
    """The tables of *data*: participants, mentors, mentorships, meetings, sessions, applications, reasons.

    The applications are decided by *ruleset* (the default target group if ``None``),
    each for its own cohort, on *as_of* (the cohort's start if ``None``), with
    :meth:`RuleSet.evaluate_many <ledarskap.eligibility.RuleSet.evaluate_many>`; the
    ``reasons`` table says why, in *language*.

    >>> import ledarskap
    >>> from ledarskap.tables import program_tables
    >>> data = ledarskap.example_program()
    >>> tables = program_tables(data, language="en")
    >>> tables.size("participants") == len(data.participants)
    True
    >>> reason = tables["reasons"][0]
    >>> reason["key"], reason["text"]
    ('reports_to_political_body=false', 'does not report to any committee or board')
    """
    language = checked_language(language)
    ruleset = default_ruleset() if ruleset is None else ruleset
    decided = ruleset.evaluate_many(data.applications, as_of=as_of, program=data)
    return _tables_of(data, decided, ruleset, language)


def _tables_of(
    data: ProgramData, decided: BulkResult, ruleset: RuleSet, language: Language
) -> Tables:
    """The tables of *data*, its applications' decisions *decided* by *ruleset* (made once)."""
    walk = _Walk(data)
    columns: dict[str, Columns] = {
        "participants": walk.participants(),
        "mentors": walk.mentors(),
        "mentorships": walk.mentorships(),
        "meetings": walk.meetings(),
        "sessions": walk.sessions(),
    }
    columns["applications"], columns["reasons"] = walk.applications(
        decided, ruleset, language=language
    )
    # Every cohort of the program, and any other a record names (validate() reports those);
    # every position of the catalog, and any other the program made for itself.
    cohorts = tuple(dict.fromkeys([*(c.id for c in data.cohorts), *_named(columns, "cohort_id")]))
    positions = tuple(dict.fromkeys([*_CATALOG, *_named(columns, "position")]))
    schema = {
        name: SCHEMA[name]
        .with_categories("cohort_id", cohorts)
        .with_categories("position", positions)
        for name in TABLE_NAMES
    }
    return Tables(columns, schema)


_CATALOG = SCHEMA["participants"].column("position").categories


def _named(columns: dict[str, dict[str, list[Any]]], column: str) -> Iterator[str]:
    """Every value of *column* in any table, in order."""
    return (v for table in columns.values() for v in table.get(column, ()) if v is not None)


def _decade(year: int | None) -> int | None:
    return None if year is None else year - year % 10


def _birth(person: Person | None) -> dt.date | None:
    number = None if person is None else person.personnummer
    return None if number is None else number.birth_date


def _first(records: Sequence[Any]) -> dict[str, Any]:
    index: dict[str, Any] = {}
    for record in records:
        index.setdefault(record.id, record)  # the first wins, as in ProgramData
    return index


def _name(municipality: Municipality | None) -> str | None:
    return None if municipality is None else municipality.name


def _county(municipality: Municipality | None) -> str | None:
    return None if municipality is None else municipality.county.name


def _slug(position: Position | None) -> str | None:
    return None if position is None else position.slug


def _kind(position: Position | None) -> str | None:
    return None if position is None else position.kind.value


def _table(names: tuple[str, ...], rows: Iterator[tuple[Any, ...]]) -> Columns:
    values = list(zip(*rows, strict=True)) or [()] * len(names)
    return {name: list(column) for name, column in zip(names, values, strict=True)}


class _Walk:
    """One pass over a program's records, with the look-ups the tables need."""

    def __init__(self, data: ProgramData) -> None:
        self.data = data
        self.people: dict[str, Person] = _first(data.people)
        self.appointments: dict[str, Appointment] = _first(data.appointments)
        self.participants_by_id: dict[str, Participant] = _first(data.participants)
        self.mentors_by_id: dict[str, Mentor] = _first(data.mentors)
        self.mentorships_by_id: dict[str, Mentorship] = _first(data.mentorships)

    def participants(self) -> Columns:
        people, appointments = self.people, self.appointments

        def row(p: Participant) -> tuple[Any, ...]:
            person = people.get(p.person_id)
            job = appointments.get(p.appointment_id)
            born = _birth(person)
            year = None if born is None else born.year
            place = None if job is None else job.municipality
            position = None if job is None else job.position
            return (
                p.id,
                p.person_id,
                None if person is None else person.name,
                None if person is None else person.email,
                born,
                year,
                _decade(year),
                p.cohort_id,
                p.status.value,
                _name(place),
                _county(place),
                _slug(position),
                _kind(position),
                None if job is None else job.title,
                None if job is None else job.organisation,
                p.application_id,
            )

        return _table(SCHEMA["participants"].names, map(row, self.data.participants))

    def mentors(self) -> Columns:
        people = self.people

        def row(m: Mentor) -> tuple[Any, ...]:
            person = people.get(m.person_id)
            return (
                m.id,
                m.person_id,
                None if person is None else person.name,
                m.cohort_id,
                m.municipality.name,
                m.municipality.county.name,
                m.capacity,
            )

        return _table(SCHEMA["mentors"].names, map(row, self.data.mentors))

    def _cohort_of(self, participant_id: str | None) -> str | None:
        participant = self.participants_by_id.get(participant_id or "")
        return None if participant is None else participant.cohort_id

    def mentorships(self) -> Columns:
        def row(m: Mentorship) -> tuple[Any, ...]:
            return (
                m.id,
                m.mentor_id,
                m.participant_id,
                self._cohort_of(m.participant_id),
                m.start,
                m.end,
                m.status.value,
                None if m.ended_by is None else m.ended_by.value,
                m.end_reason or None,
            )

        return _table(SCHEMA["mentorships"].names, map(row, self.data.mentorships))

    def meetings(self) -> Columns:
        pairs = self.mentorships_by_id

        def row(meeting: Any) -> tuple[Any, ...]:
            pair = pairs.get(meeting.mentorship_id)
            adept = None if pair is None else pair.participant_id
            return (
                meeting.id,
                meeting.mentorship_id,
                None if pair is None else pair.mentor_id,
                adept,
                self._cohort_of(adept),
                meeting.on,
                meeting.kind.value,
                meeting.status.value,
                meeting.duration_minutes,
            )

        return _table(SCHEMA["meetings"].names, map(row, self.data.meetings))

    def sessions(self) -> Columns:
        def rows() -> Iterator[tuple[Any, ...]]:
            for cohort in self.data.cohorts:
                for s in cohort.sessions:
                    venue = s.venue
                    place = None if venue is None else venue.municipality
                    yield (
                        s.id,
                        cohort.id,
                        s.kind.value,
                        s.title,
                        s.start,
                        s.end,
                        s.days,
                        s.online,
                        None if venue is None else venue.name,
                        _name(place),
                        _county(place),
                    )

        return _table(SCHEMA["sessions"].names, rows())

    def applications(
        self, result: BulkResult, ruleset: RuleSet, *, language: Language
    ) -> tuple[Columns, Columns]:
        people = self.people
        apps = result.applications
        texts: dict[tuple[str, str], str] = {}
        say: Callable[[Any], str] = _texts(texts, language, ruleset)
        reasons: list[tuple[Any, ...]] = []
        rows: list[tuple[Any, ...]] = []
        for app, decision in zip(apps, result.decisions, strict=True):
            person = people.get(app.person_id)
            keys = []
            for rank, node in enumerate(decision.reasons, start=1):
                keys.append(node.key)
                reasons.append((app.id, rank, node.key, say(node)))
            rows.append(
                (
                    app.id,
                    app.person_id,
                    None if person is None else person.name,
                    app.cohort_id,
                    app.submitted,
                    _name(app.municipality),
                    _county(app.municipality),
                    _slug(app.position),
                    _kind(app.position),
                    app.title,
                    app.organisation,
                    None if app.organisation_kind is None else app.organisation_kind.value,
                    app.status.value,
                    decision.outcome.value,
                    "; ".join(keys),
                )
            )
        return (
            _table(SCHEMA["applications"].names, iter(rows)),
            _table(SCHEMA["reasons"].names, iter(reasons)),
        )


def _texts(
    cache: dict[tuple[str, str], str], language: Language, ruleset: RuleSet
) -> Callable[[Any], str]:
    """A reason node in words, remembered by its key and what was seen."""

    def say(node: Any) -> str:
        key = (node.key, repr(node.seen))
        text = cache.get(key)
        if text is None:
            text = cache[key] = render_reason([node], language, registry=ruleset.registry)
        return text

    return say

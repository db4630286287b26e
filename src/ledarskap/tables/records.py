"""The program's data as flat tables: one call, plain records, a stable schema.

:func:`program_tables` walks a :class:`~ledarskap.model.ProgramData` once and gives its
tables (:data:`~ledarskap.tables.TABLE_NAMES`): participants with their municipality,
county, position, position kind and cohort; mentors; mentorships; mentor meetings;
sessions; applications with their eligibility outcome; and the reasons of each decision,
one row a reason. The columns are those of :data:`~ledarskap.tables.SCHEMA`.

A :class:`Tables` is a read-only mapping from table name to rows (``list`` of ``dict``),
which needs nothing beyond the standard library; with the ``pandas`` extra,
:meth:`Tables.frames` gives ``pandas.DataFrame`` s with proper dtypes. Every value of a
:class:`Tables` is of its column's kind (:data:`~ledarskap.tables.SCHEMA`), checked when
it is made, and a text column has no empty text: ``""`` is missing, ``None``, as an empty
CSV cell is.

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
from ledarskap.errors import InvalidValueError, UsageError, masked_repr
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
from ledarskap.model.programdata import checked_program_data
from ledarskap.text import Language, Text, checked_language

from . import _frames
from ._frames import checked_column
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

    Made from *columns* (table name to column name to values) and *schema* (table name to
    :class:`~ledarskap.tables.TableSchema`): the tables are the schema's, each with its
    columns in order and all of one length, and every value ``None`` or of its column's
    kind, a category one of its column's categories (an empty text is taken for ``None``).
    The first value that is not raises :class:`~ledarskap.errors.InvalidValueError`
    naming its table, row and column (a name, an e-mail or another free text described,
    never quoted). The values are copied: changing the caller's lists afterwards changes
    no table.

    *reason_words*, if given, words each reason's key (``"<code>=<result>"``) in both
    languages, as the program's decisions gave it: :func:`program_tables` gives them, and
    :func:`~ledarskap.tables.cohort_summaries` labels the reasons by them (without them,
    by their keys).

    .. versionchanged:: 0.3
       Values are checked and copied; *reason_words*.
    """

    __slots__ = ("_columns", "reason_words", "schema")

    def __init__(
        self,
        columns: Mapping[str, Mapping[str, Sequence[Any]]],
        schema: Mapping[str, TableSchema],
        *,
        reason_words: Mapping[str, Text] | None = None,
    ) -> None:
        checked = _checked_schema(schema)
        if not isinstance(columns, Mapping):
            raise _not_a(
                "columns",
                Text("en mappning från tabell till kolumner", "a mapping of table to columns"),
                columns,
            )
        strays = [name for name in columns if name not in checked]
        if strays:
            raise InvalidValueError(
                location="Tables",
                expected=Text(f"tabellerna {list(checked)}", f"the tables {list(checked)}"),
                found=strays[0],
            )
        self._columns: dict[str, Columns] = {
            name: _checked_table(columns.get(name), table) for name, table in checked.items()
        }
        self.schema: Mapping[str, TableSchema] = checked
        self.reason_words: Mapping[str, Text] = _checked_words(reason_words)

    def __getitem__(self, name: str) -> list[dict[str, Any]]:
        columns = self.columns(name)
        names = tuple(columns)
        return [
            dict(zip(names, values, strict=True)) for values in zip(*columns.values(), strict=True)
        ]

    def __iter__(self) -> Iterator[str]:
        return iter(self._columns)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name in self._columns

    def get(self, name: str, default: Any = None) -> Any:
        """The rows of the table *name*, or *default* if there is no such table."""
        if name not in self:
            return default
        return self[name]

    def __len__(self) -> int:
        return len(self._columns)

    def __repr__(self) -> str:
        sizes = ", ".join(f"{name}=<{self.size(name)}>" for name in self)
        return f"Tables({sizes})"

    def columns(self, name: str) -> dict[str, list[Any]]:
        """The table *name* column by column: column name to values, in row order (a copy)."""
        hashable = isinstance(name, str)  # a list would be a TypeError of the dict's
        table = self._columns.get(name) if hashable else None
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
        if name not in self:
            self.columns(name)  # the error naming the tables
        return _frames.frame(self._columns[name], self.schema[name])

    def frames(self) -> dict[str, pd.DataFrame]:
        """Every table as a ``pandas.DataFrame`` (see :meth:`frame`), by name."""
        return {name: self.frame(name) for name in self}


def _not_a(what: str, expected: Text, found: object) -> InvalidValueError:
    """The error for a *what* of Tables that is not what it must be (its type named)."""
    name = type(found).__name__
    return InvalidValueError(
        location=f"Tables({what})",
        expected=expected,
        found=Text(f"ett värde av typen {name}", f"a value of type {name}"),
        described=True,
    )


def _checked_schema(schema: object) -> dict[str, TableSchema]:
    """*schema* as a dict, if it maps each table's name to its :class:`TableSchema`."""
    if not isinstance(schema, Mapping):
        raise _not_a(
            "schema",
            Text("en mappning från tabell till TableSchema", "a mapping of table to TableSchema"),
            schema,
        )
    checked: dict[str, TableSchema] = {}
    for name, table in schema.items():
        if not isinstance(table, TableSchema):
            raise _not_a(
                "schema",
                Text(f"tabellens TableSchema ({name!r})", f"the table's TableSchema ({name!r})"),
                table,
            )
        if table.name != name:
            raise InvalidValueError(
                location="Tables(schema)",
                expected=Text(
                    f"tabellens TableSchema (med namnet {name!r})",
                    f"the table's TableSchema (named {name!r})",
                ),
                found=table.name,
            )
        checked[name] = table
    return checked


def _checked_table(columns: object, table: TableSchema) -> Columns:
    """A copy of the columns of *table*, every value checked against its column."""
    where = Text(f"tabellen {table.name}", f"the {table.name} table")
    if not isinstance(columns, Mapping) or tuple(columns) != table.names:
        raise InvalidValueError(
            location=where,
            expected=Text(f"kolumnerna {table.names}", f"the columns {table.names}"),
            found=tuple(columns) if isinstance(columns, Mapping) else (),
        )
    for name, values in columns.items():
        if isinstance(values, (str, bytes)) or not isinstance(values, Sequence):
            raise _not_a(
                f"{table.name}.{name}",
                Text("en lista av värden", "a list of values"),
                values,
            )
    lengths = {len(values) for values in columns.values()}
    if len(lengths) > 1:
        raise InvalidValueError(
            location=where,
            expected=Text("kolumner av samma längd", "columns of one length"),
            found=sorted(lengths),
        )
    return {
        column.name: checked_column(columns[column.name], column, table.name) for column in table
    }


def _checked_words(words: object) -> dict[str, Text]:
    if words is None:
        return {}
    if not isinstance(words, Mapping) or not all(
        isinstance(key, str) and isinstance(text, Text) for key, text in words.items()
    ):
        raise _not_a(
            "reason_words",
            Text("en mappning från skälets nyckel till Text", "a mapping of reason key to Text"),
            words,
        )
    return dict(words)


def _checked_ruleset(ruleset: object, where: str) -> RuleSet:
    """*ruleset*, or the default target group's for ``None``; else the library's UsageError."""
    if ruleset is None:
        return default_ruleset()
    if isinstance(ruleset, RuleSet):
        return ruleset
    found = type(ruleset).__name__
    raise UsageError(
        Text(
            f"{where}: förväntade en RuleSet (eller None för standardreglerna), fick {found}",
            f"{where}: expected a RuleSet (or None for the default rules), found {found}",
        )
    )


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
    data = checked_program_data(data, "program_tables")
    ruleset = _checked_ruleset(ruleset, "program_tables(ruleset)")
    language = checked_language(language)
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
    examples: dict[str, list[Any]] = {}
    columns["applications"], columns["reasons"] = walk.applications(
        decided, ruleset, language=language, examples=examples
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
    words = {
        key: Text(*(render_reason(nodes, lang, registry=ruleset.registry) for lang in ("sv", "en")))
        for key, nodes in examples.items()
    }
    return Tables(columns, schema, reason_words=words)


_CATALOG = SCHEMA["participants"].column("position").categories
_EXAMPLES = 3
"""How many nodes of a reason, seen with different values, word it (as a bulk summary's)."""


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
        self,
        result: BulkResult,
        ruleset: RuleSet,
        *,
        language: Language,
        examples: dict[str, list[Any]],
    ) -> tuple[Columns, Columns]:
        """The applications and reasons tables; each reason's nodes, a few, into *examples*."""
        people = self.people
        apps = result.applications
        texts: dict[tuple[str, str], str] = {}
        say: Callable[[Any], str] = _texts(texts, language, ruleset, examples)
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
                    "; ".join(keys) or None,  # no reason: no text (CSV could not tell "")
                )
            )
        return (
            _table(SCHEMA["applications"].names, iter(rows)),
            _table(SCHEMA["reasons"].names, iter(reasons)),
        )


def _texts(
    cache: dict[tuple[str, str], str],
    language: Language,
    ruleset: RuleSet,
    examples: dict[str, list[Any]],
) -> Callable[[Any], str]:
    """A reason node in words, remembered by its key and what was seen.

    The first few nodes of a key seen with different values go into *examples*, to word
    the key over many decisions (as :attr:`BulkResult.summary
    <ledarskap.eligibility.BulkResult.summary>` keeps them).
    """

    def say(node: Any) -> str:
        key = (node.key, repr(node.seen))
        text = cache.get(key)
        if text is None:
            text = cache[key] = render_reason([node], language, registry=ruleset.registry)
            kept = examples.setdefault(node.key, [])
            if len(kept) < _EXAMPLES:
                kept.append(node)
        return text

    return say

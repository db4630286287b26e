"""Safe exports: pseudonyms for people, and k-anonymity over what could still single them out.

Pseudonyms alone do not anonymise a small cohort: "the ekonomidirektör of Boxholm, born
1968" is one person, whatever her id says. :func:`safe_tables` therefore

1. drops names, e-mail addresses, birth dates, free-text titles and organisations, the
   meetings' notes and the words of the decisions' reasons, and replaces every id of a
   person or a record by its keyed pseudonym (:class:`~ledarskap.tables.PseudonymKey`);
2. keeps the year of birth (and its decade) instead of the date;
3. measures **k-anonymity** over the quasi-identifiers (:data:`QUASI_IDENTIFIERS`:
   municipality, position, birth year, cohort) of the two tables of people it holds,
   participants and applicants: the fewest *people* who share one combination of them.
   People, not rows: an applicant who applied twice, or a participant entered twice,
   is one person. In the participants' table, whose ``person_id`` ties a person's rows
   together (in two cohorts, say), a person's combination is that of *all* their rows,
   so that nobody can be found as the one person both in a group of 2025 and a group
   of 2027; the applicants' rows share no pseudonym, and each row is a group's member
   on its own, counted as its applicant;
4. asked for a *k*, coarsens the quasi-identifiers of a table in a fixed order
   (:data:`COARSENING_ORDER`) — birth year to decade, then position to position kind,
   then municipality to county — one step at a time, for the whole table, and stops at
   the first step where at most *suppress_at_most* people (by default *k* or 1 % of the
   table's people, whichever is more) are still in a group of fewer than *k*; their rows
   are suppressed (left out) — all of a participant's rows together — and with them the
   mentorships, meetings and reasons that name them. This is Sweeney's *Datafly*
   procedure with the order fixed: the birth year is the least used in analysis and the
   most identifying, the municipality the most used;
5. asked for a *k*, leaves the mentor out of the mentorships and meetings
   (``mentor_id`` empty): a mentor is a municipality's kommunchef, known to everyone, with
   one or two adepts, so "the adept of Ydre's kommunchef" would be one person whatever
   the coarsening. The mentors' table stays as it is, tied to no adept;
6. reports what it did (:class:`AnonymityReport`, as data and in Swedish or English).

Every table of people in a safe export then has every group of at least *k* people. A
coarsened column stays in the table, empty, so the schema (:data:`SAFE_SCHEMA
<ledarskap.tables.SAFE_SCHEMA>`) never changes; the rows of each table are sorted by
pseudonym, so that no order ties a row to one in the program's file; a cohort or a
position that only suppressed rows named is no category. The participants' and the
applicants' tables share no pseudonym (an application has its own), so that neither can
be joined to the other to undo a coarsening.

*k* holds within one export. Pseudonyms are stable — the same key gives the same ones
in every export, which is what lets next year's export join this one — so two exports
made with one key join on them, and together may show what each alone hid. Give each
recipient exports made with a key of their own.

>>> import ledarskap
>>> from ledarskap.tables import PseudonymKey, safe_tables
>>> key = PseudonymKey.generate()
>>> export = safe_tables(ledarskap.example_program(), key, k=3)
>>> export.report.tables[0].k_after >= 3
True
>>> print(export.report.render("en"))  # doctest: +ELLIPSIS
Safe export, k = 3
participants: 25 rows of 25 people, smallest group 1 before and 7 after (in people); coarsened: birth year to decade, position to position kind, municipality to county
  10 rows suppressed, of 10 people (in groups of fewer than k people): liko-2025: 10
...

.. versionadded:: 0.3
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import Any

import attrs

from ledarskap._found import did_you_mean
from ledarskap.eligibility import RuleSet
from ledarskap.errors import (
    InvalidValueError,
    UsageError,
    mask_personal_data,
    masked_repr,
    safe_repr,
)
from ledarskap.model import ProgramData
from ledarskap.text import LabelledEnum, Language, Text

from .pseudonyms import PseudonymKey
from .records import Tables, program_tables
from .schema import SAFE_SCHEMA, TABLE_NAMES

__all__ = [
    "COARSENING_ORDER",
    "QUASI_IDENTIFIERS",
    "AnonymityReport",
    "Coarsening",
    "SafeExport",
    "TableAnonymity",
    "k_anonymity",
    "safe_tables",
]

QUASI_IDENTIFIERS: tuple[str, ...] = (
    "cohort_id",
    "municipality",
    "county",
    "position",
    "position_kind",
    "birth_year",
    "birth_decade",
)
"""The columns a group of a table of people is made by: what an outsider may know of a person.

The coarse columns (county, position kind, decade) follow from the fine ones; once a fine
one is coarsened (emptied) the coarse one makes the group.
"""


class Coarsening(LabelledEnum):
    """One step of coarsening a quasi-identifier, for a whole table."""

    BIRTH_DECADE = "birth-decade", "födelseår till årtionde", "birth year to decade"
    POSITION_KIND = "position-kind", "befattning till befattningstyp", "position to position kind"
    COUNTY = "county", "kommun till län", "municipality to county"


COARSENING_ORDER: tuple[Coarsening, ...] = (
    Coarsening.BIRTH_DECADE,
    Coarsening.POSITION_KIND,
    Coarsening.COUNTY,
)
"""The order the steps are taken in; each step keeps the ones before it."""

_EMPTIED = {
    Coarsening.BIRTH_DECADE: "birth_year",
    Coarsening.POSITION_KIND: "position",
    Coarsening.COUNTY: "municipality",
}

_SHARE = 100  # the default suppress_at_most: at least one person in this many


def k_anonymity(
    rows: Iterable[Mapping[str, Any]],
    columns: Sequence[str] = QUASI_IDENTIFIERS,
    *,
    person: str | None = None,
) -> int:
    """The fewest *rows* — or, given *person*, people — alike in *columns* (0 for no rows).

    A table is *k*-anonymous when this is at least *k*: everyone in it looks like at
    least *k* - 1 others to someone who knows only those columns. *person* names the
    column that says whose a row is, where a person may have several rows: each person
    then counts once, and is known by the combination of all their rows, as someone who
    can join the rows on that column knows them.

    >>> from ledarskap.tables import k_anonymity
    >>> rows = [{"who": "a", "town": "Motala", "year": 1970}, {"who": "b", "town": "Motala", "year": 1970},
    ...         {"who": "c", "town": "Kinda", "year": 1981}]
    >>> k_anonymity(rows, ["town", "year"]), k_anonymity(rows[:2], ["town"])
    (1, 2)
    >>> k_anonymity(rows[:1] * 2, ["town"]), k_anonymity(rows[:1] * 2, ["town"], person="who")
    (2, 1)

    A column no row has is refused, not read as empty for everyone (which would make
    every row alike):

    >>> k_anonymity(rows, ["twon"])
    Traceback (most recent call last):
    ...
    ledarskap.errors.InvalidValueError: k_anonymity: columns: expected a column that every row has, found 'twon' (did you mean 'town'?)
    """
    names = _column_names(columns)
    if person is not None and not isinstance(person, str):
        raise UsageError(
            Text(
                f"k_anonymity: person är ett kolumnnamn, fick {type(person).__name__}",
                f"k_anonymity: person is a column name, found {type(person).__name__}",
            )
        )
    if isinstance(rows, (str, bytes, Mapping)) or not isinstance(rows, Iterable):
        raise UsageError(
            Text(
                f"k_anonymity: rows är en lista av rader, fick {type(rows).__name__}",
                f"k_anonymity: rows is a list of rows, found {type(rows).__name__}",
            )
        )
    listed = list(rows)
    needed = (*names, *(() if person is None else (person,)))
    for row in listed:
        _check_row(row, needed, person)
    persons: list[Hashable] = (
        list(range(len(listed))) if person is None else [row[person] for row in listed]
    )
    try:
        return _smallest(_sizes(listed, persons, names, whole_person=person is not None)[1])
    except TypeError:  # a list or a dict in a cell: no value to group by
        raise UsageError(
            Text(
                "k_anonymity: en cell håller ett värde som inte går att gruppera efter (en lista "
                "eller en dict); en tabells celler är text, tal, datum eller sant/falskt",
                "k_anonymity: a cell holds a value that cannot be grouped by (a list or a "
                "dict); a table's cells are text, numbers, dates or true/false",
            )
        ) from None


def _column_names(columns: object) -> tuple[str, ...]:
    if isinstance(columns, str):
        raise UsageError(
            Text(
                f"k_anonymity: columns är en lista av kolumnnamn, fick en text, "
                f"{safe_repr(columns)}: skriv [{safe_repr(columns)}]",
                f"k_anonymity: columns is a list of column names, found a text, "
                f"{safe_repr(columns)}: write [{safe_repr(columns)}]",
            )
        )
    if not isinstance(columns, Iterable) or isinstance(columns, (bytes, Mapping)):
        raise UsageError(
            Text(
                f"k_anonymity: columns är en lista av kolumnnamn, fick {type(columns).__name__}",
                f"k_anonymity: columns is a list of column names, found {type(columns).__name__}",
            )
        )
    names = tuple(columns)
    if not names:
        raise UsageError(
            Text(
                "k_anonymity: columns behöver minst en kolumn (utan kolumner är alla rader lika)",
                "k_anonymity: columns needs at least one column (without any, every row is alike)",
            )
        )
    for name in names:
        if not isinstance(name, str):
            raise UsageError(
                Text(
                    f"k_anonymity: ett kolumnnamn är en text, fick {type(name).__name__}",
                    f"k_anonymity: a column name is a text, found {type(name).__name__}",
                )
            )
    return names


def _check_row(row: object, needed: Sequence[str], person: str | None) -> None:
    if not isinstance(row, Mapping):
        raise UsageError(
            Text(
                f"k_anonymity: en rad är en dict, fick {type(row).__name__}",
                f"k_anonymity: a row is a dict, found {type(row).__name__}",
            )
        )
    for name in needed:
        if name not in row:
            where = "person" if name == person else "columns"
            raise InvalidValueError(
                location=f"k_anonymity: {where}",
                expected=Text("en kolumn som varje rad har", "a column that every row has"),
                found=name,
                hint=did_you_mean(name, [str(c) for c in row]),
            )


def _sizes(
    rows: Sequence[Mapping[str, Any]],
    persons: Sequence[Hashable],
    columns: Sequence[str],
    *,
    whole_person: bool,
) -> tuple[list[Hashable], dict[Hashable, int]]:
    """Each row's group, and how many people each group holds.

    A row's group is its values in *columns*; with *whole_person*, it is its person's: the
    values of all of that person's rows, as a multiset (a person entered twice in one
    cohort is not alike a person entered once). ``persons[i]`` is whose ``rows[i]`` is.
    """
    values = [tuple(row[c] for c in columns) for row in rows]
    if whole_person:
        theirs: defaultdict[Hashable, Counter[tuple[Any, ...]]] = defaultdict(Counter)
        for person, value in zip(persons, values, strict=True):
            theirs[person][value] += 1
        combined = {person: frozenset(counts.items()) for person, counts in theirs.items()}
        groups: list[Hashable] = [combined[person] for person in persons]
    else:
        groups = list(values)
    people: defaultdict[Hashable, set[Hashable]] = defaultdict(set)
    for group, person in zip(groups, persons, strict=True):
        people[group].add(person)
    return groups, {group: len(members) for group, members in people.items()}


def _smallest(sizes: Mapping[Hashable, int]) -> int:
    return min(sizes.values(), default=0)


@masked_repr
@attrs.frozen
class TableAnonymity:
    """What a safe export did to one table of people.

    Groups are counted in people (see the module): ``k_before`` and ``k_after`` are the
    fewest people alike in the quasi-identifiers.
    """

    table: str
    rows: int
    """Rows before suppression."""
    people: int
    """People before suppression: a person with several rows counts once."""
    k_before: int
    """The smallest group before coarsening (1 when someone is unique)."""
    coarsened: tuple[Coarsening, ...]
    suppressed: int
    """Rows left out, being in a group of fewer than *k* people after the last step taken."""
    people_suppressed: int
    """People who lost at least one row: a person counts once, however many rows they
    lost, and an applicant who lost one application and kept another counts too."""
    suppressed_by_cohort: Mapping[str, int]
    """Rows left out, by cohort: only the cohorts the export names, so that the report
    tells of no cohort whose every row was left out."""
    k_after: int
    """The smallest group in the table as exported (0 when no row is left)."""

    def to_data(self) -> dict[str, Any]:
        """This result as plain data (JSON-ready)."""
        return {
            "table": self.table,
            "rows": self.rows,
            "people": self.people,
            "k_before": self.k_before,
            "coarsened": [c.value for c in self.coarsened],
            "suppressed": self.suppressed,
            "people_suppressed": self.people_suppressed,
            "suppressed_by_cohort": dict(self.suppressed_by_cohort),
            "k_after": self.k_after,
        }


_TEXTS = {
    "head": Text("Säker export, k = {k}", "Safe export, k = {k}"),
    "head_none": Text(  # not "safe": without k, one row may well be one person
        "Pseudonymiserad export (inte k-anonym)", "Pseudonymised export (not k-anonymous)"
    ),
    "table": Text(
        "{table}: {rows} rader om {people} personer, minsta grupp {before} före och {after} "
        "efter (i personer); grovkornigare: {steps}",
        "{table}: {rows} rows of {people} people, smallest group {before} before and {after} "
        "after (in people); coarsened: {steps}",
    ),
    "none": Text("inget", "nothing"),
    "suppressed": Text(
        "  {count} rader utelämnade, av {people} personer (i grupper om färre än k personer)",
        "  {count} rows suppressed, of {people} people (in groups of fewer than k people)",
    ),
    "linked": Text("Utelämnade med dem: {counts}", "Suppressed with them: {counts}"),
    "mentors": Text(
        "mentorships, meetings: mentor_id utelämnat (en mentor är kommunchef, känd av alla, "
        "med en eller två adepter)",
        "mentorships, meetings: mentor_id left out (a mentor is a kommunchef, known to all, "
        "with one or two adepts)",
    ),
    "join": Text(
        "k gäller inom den här exporten: exporter gjorda med samma nyckel kan kopplas ihop på "
        "pseudonymerna; använd en egen nyckel för varje mottagare",
        "k holds within this export: exports made with the same key join on their pseudonyms; "
        "use a key of its own for each recipient",
    ),
    "join_none": Text(
        "Exporter gjorda med samma nyckel kan kopplas ihop på pseudonymerna; använd en egen "
        "nyckel för varje mottagare",
        "Exports made with the same key join on their pseudonyms; use a key of its own for "
        "each recipient",
    ),
}


@masked_repr
@attrs.frozen
class AnonymityReport:
    """What a safe export did: per table of people, and the rows left out with them."""

    k: int | None
    tables: tuple[TableAnonymity, ...]
    linked_suppressed: Mapping[str, int] = attrs.field(factory=dict)
    """Rows of other tables left out because they name a suppressed row, by table."""
    mentors_unlinked: bool = False
    """Whether ``mentor_id`` was left out of the mentorships and meetings (always with *k*)."""

    @property
    def k_anonymous(self) -> bool:
        """Whether the export was made *k*-anonymous: *k* given and at least 2.

        ``k=1`` asks that every group have one person, which every group has: it coarsens
        and suppresses nothing, and its report is headed, as without *k*, "Pseudonymised
        export (not k-anonymous)". (It still leaves ``mentor_id`` out.)
        """
        return self.k is not None and self.k >= 2

    @property
    def suppressed(self) -> int:
        """How many rows of people were left out, in all."""
        return sum(t.suppressed for t in self.tables)

    def to_data(self) -> dict[str, Any]:
        """The report as plain data (JSON-ready), tagged ``format: "ledarskap.anonymity/1"``."""
        return {
            "format": "ledarskap.anonymity/1",
            "k": self.k,
            "quasi_identifiers": list(QUASI_IDENTIFIERS),
            "coarsening_order": [c.value for c in COARSENING_ORDER],
            "tables": [t.to_data() for t in self.tables],
            "linked_suppressed": dict(self.linked_suppressed),
            "mentors_unlinked": self.mentors_unlinked,
        }

    def render(self, language: Language = "sv") -> str:
        """The report in a few lines of Swedish or English."""
        lines = [
            _TEXTS["head"].format(k=self.k).render(language)
            if self.k_anonymous
            else _TEXTS["head_none"].render(language)
        ]
        for t in self.tables:
            steps = ", ".join(c.label(language) for c in t.coarsened)
            lines.append(
                _TEXTS["table"]
                .format(
                    table=t.table,
                    rows=t.rows,
                    people=t.people,
                    before=t.k_before,
                    after=t.k_after,
                    steps=steps or _TEXTS["none"].render(language),
                )
                .render(language)
            )
            if t.suppressed:
                cohorts = ", ".join(f"{c}: {n}" for c, n in t.suppressed_by_cohort.items())
                said = _TEXTS["suppressed"].format(count=t.suppressed, people=t.people_suppressed)
                lines.append(said.render(language) + (f": {cohorts}" if cohorts else ""))
        linked = {name: n for name, n in self.linked_suppressed.items() if n}
        if linked:
            counts = ", ".join(f"{name} {n}" for name, n in linked.items())
            lines.append(_TEXTS["linked"].format(counts=counts).render(language))
        if self.mentors_unlinked:
            lines.append(_TEXTS["mentors"].render(language))
        lines.append(_TEXTS["join" if self.k_anonymous else "join_none"].render(language))
        return "\n".join(lines)


@masked_repr
@attrs.frozen
class SafeExport:
    """A safe export: the tables (in :data:`~ledarskap.tables.SAFE_SCHEMA`) and what was done."""

    tables: Tables
    report: AnonymityReport


def safe_tables(
    data: ProgramData,
    key: PseudonymKey,
    *,
    k: int | None = None,
    suppress_at_most: int | None = None,
    ruleset: RuleSet | None = None,
    as_of: dt.date | None = None,
) -> SafeExport:
    """The tables of *data* safe to analyse outside the office: pseudonymised, and *k*-anonymous if asked.

    See the module's description for what is dropped, coarsened and suppressed, and in
    which order. *suppress_at_most* is how many people of a table may lose their rows at
    a step before the next step is taken; after the last step, every one still in a group
    of fewer than *k* people does. By default it is *k* or 1 % of the table's people,
    whichever is more: a fixed number would, in a large table, coarsen a column away for
    everyone to keep a handful of unusual people in; a share leaves those few out (and so
    under-counts unusual positions and small municipalities a little) and keeps the
    column for the rest. Pass a number to choose otherwise: 0 coarsens as far as it goes
    before suppressing anyone. Without *k*, nothing is coarsened, the mentorships keep
    their mentor, and the report only measures. *ruleset* and *as_of* decide the
    applications, as in :func:`~ledarskap.tables.program_tables`. A *k* that is not a
    whole number of at least 1, or a *suppress_at_most* not one of at least 0, raises
    :class:`~ledarskap.errors.InvalidValueError` (a bad value, as a bad *k* of
    :func:`~ledarskap.plots.meeting_timeline` does); a *key* that is no
    :class:`PseudonymKey`, :class:`~ledarskap.errors.UsageError` (a ``TypeError``).
    """
    if not isinstance(key, PseudonymKey):
        raise UsageError(
            Text(
                f"safe_tables: förväntade en PseudonymKey, fick {type(key).__name__}",
                f"safe_tables: expected a PseudonymKey, found {type(key).__name__}",
            )
        )
    if k is not None:
        check_k(k, "safe_tables: k")
    if suppress_at_most is not None:
        _check_whole(suppress_at_most, 0, "safe_tables: suppress_at_most")
    raw = program_tables(data, ruleset=ruleset, as_of=as_of)
    rows, persons = _Pseudonymised(data, key, raw).tables()
    named = _cohorts_named(rows)
    results = []
    gone: dict[str, set[str]] = {}
    for table, id_column in (
        ("participants", "participant_id"),
        ("applications", "application_id"),
    ):
        kept, result = _anonymise(
            table,
            rows[table],
            persons[table],
            k,
            suppress_at_most,
            whole_person=table == "participants",  # the only one that shows the person
        )
        gone[table] = {r[id_column] for r in rows[table]} - {r[id_column] for r in kept}
        rows[table] = kept
        results.append(result)
    linked = {
        "mentorships": _without(rows, "mentorships", "participant_id", gone["participants"]),
        "meetings": _without(rows, "meetings", "participant_id", gone["participants"]),
        "reasons": _without(rows, "reasons", "application_id", gone["applications"]),
    }
    if k is not None:
        for name in ("mentorships", "meetings"):
            for row in rows[name]:
                row["mentor_id"] = None
    # A cohort, or a program's own position, is a category only where an exported row still
    # names it: a category of its own would tell that someone was there, rows suppressed or
    # not. (A cohort no row ever named tells nothing, and stays: an empty group shows 0.)
    left = _cohorts_named(rows)
    cohorts = tuple(
        c
        for c in raw.schema["participants"].column("cohort_id").categories
        if c in left or c not in named
    )
    # A cohort's id is text a file chose, and may hold a personnummer (or a number the
    # masking takes for one): such an id goes out as a pseudonym of its own, one to one, as
    # a session's does; any other id as it is.
    shown = {c: _shown_id(key, "cohort", c) for c in cohorts}
    for name in TABLE_NAMES:
        for row in rows[name]:
            if "cohort_id" in row:
                row["cohort_id"] = shown.get(row["cohort_id"], row["cohort_id"])
    cohorts = tuple(shown.values())
    results = [
        attrs.evolve(
            r,
            suppressed_by_cohort={
                shown.get(c, c): n for c, n in r.suppressed_by_cohort.items() if c in left
            },
        )
        for r in results
    ]
    held = {r["position"] for name in ("participants", "applications") for r in rows[name]}
    positions = tuple(
        p
        for p in raw.schema["participants"].column("position").categories
        if p in SAFE_SCHEMA["participants"].column("position").categories or p in held
    )
    schema = {
        name: SAFE_SCHEMA[name]
        .with_categories("cohort_id", cohorts)
        .with_categories("position", positions)
        for name in TABLE_NAMES
    }
    columns = {
        name: {c: [row[c] for row in rows[name]] for c in schema[name].names}
        for name in TABLE_NAMES
    }
    report = AnonymityReport(
        k=k, tables=tuple(results), linked_suppressed=linked, mentors_unlinked=k is not None
    )
    return SafeExport(Tables(columns, schema), report)


def _shown_id(key: PseudonymKey, kind: str, record_id: str) -> str:
    """*record_id* as a safe export shows it: as it is, or a pseudonym if it holds personal data.

    An id holding what masking hides (a personnummer, an e-mail address, ten digits in a
    row) is replaced by the pseudonym of its *kind*: masked, two ids could read alike
    (``2023-2024-01`` and ``2024-2025-01`` both ``XXXXXX-XX01``) and two cohorts be merged.
    """
    if mask_personal_data(record_id) == record_id:
        return record_id
    return key.pseudonym(kind, record_id)


def check_k(k: object, location: str) -> int:
    """*k* if it is a whole number of at least 1, else :class:`~ledarskap.errors.InvalidValueError`.

    The one check of a *k*, for :func:`safe_tables` and :func:`ledarskap.plots.meeting_timeline`
    alike: a bad *k* is a bad argument value, as everywhere in the library (an
    :class:`~ledarskap.errors.InvalidValueError`, a ``ValueError``), whether it is 0, -1,
    2.5, ``True`` or ``"3"``. *location* names the argument (``"safe_tables: k"``).

    >>> check_k(0, "k")
    Traceback (most recent call last):
    ...
    ledarskap.errors.InvalidValueError: k: expected a whole number of at least 1, found 0
    """
    return _check_whole(k, 1, location)


def _check_whole(value: object, least: int, location: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < least:
        raise InvalidValueError(
            location=location,
            expected=Text(f"ett heltal, minst {least}", f"a whole number of at least {least}"),
            found=value,
        )
    return value


def _without(rows: dict[str, list[dict[str, Any]]], table: str, column: str, gone: set[str]) -> int:
    before = len(rows[table])
    rows[table] = [r for r in rows[table] if r[column] not in gone]
    return before - len(rows[table])


def _cohorts_named(rows: Mapping[str, list[dict[str, Any]]]) -> set[str]:
    return {r["cohort_id"] for name in TABLE_NAMES for r in rows[name] if "cohort_id" in r}


def _anonymise(
    table: str,
    rows: list[dict[str, Any]],
    persons: list[str],
    k: int | None,
    suppress_at_most: int | None,
    *,
    whole_person: bool,
) -> tuple[list[dict[str, Any]], TableAnonymity]:
    """*rows* coarsened step by step and suppressed as the module describes, and the result.

    ``persons[i]`` is whose ``rows[i]`` is; with *whole_person*, a person's rows are one
    member of one group, and go together.
    """
    people = len(set(persons))
    groups, sizes = _sizes(rows, persons, QUASI_IDENTIFIERS, whole_person=whole_person)
    k_before = _smallest(sizes)
    steps: list[Coarsening] = []
    small: set[int] = set()
    if k is not None:
        limit = max(k, people // _SHARE) if suppress_at_most is None else suppress_at_most
        for step in (None, *COARSENING_ORDER):
            if step is not None:
                steps.append(step)
                emptied = _EMPTIED[step]
                for row in rows:
                    row[emptied] = None
                groups, sizes = _sizes(rows, persons, QUASI_IDENTIFIERS, whole_person=whole_person)
            small = {i for i, group in enumerate(groups) if sizes[group] < k}
            if len({persons[i] for i in small}) <= limit:
                break
        # At the step stopped at, or after the last: every row in too small a group goes.
    kept = [row for i, row in enumerate(rows) if i not in small]
    theirs = [person for i, person in enumerate(persons) if i not in small]
    left_out = Counter(rows[i]["cohort_id"] for i in small)
    return kept, TableAnonymity(
        table=table,
        rows=len(rows),
        people=people,
        k_before=k_before,
        coarsened=tuple(steps),
        suppressed=len(small),
        people_suppressed=len({persons[i] for i in small}),
        suppressed_by_cohort={
            str(c): n for c, n in sorted(left_out.items(), key=lambda i: str(i[0]))
        },
        k_after=_smallest(_sizes(kept, theirs, QUASI_IDENTIFIERS, whole_person=whole_person)[1]),
    )


class _Pseudonymised:
    """The rows of a program's tables with every id a pseudonym and personal columns dropped."""

    def __init__(self, data: ProgramData, key: PseudonymKey, raw: Tables) -> None:
        self.key = key
        self.raw = raw
        self.persons = {p.id: key.person(p) for p in reversed(data.people)}  # the first wins
        self.born = {
            p.id: p.personnummer.birth_date.year
            for p in reversed(data.people)
            if p.personnummer is not None
        }

    def _id(self, kind: str, value: str | None) -> str | None:
        return None if value is None else self.key.pseudonym(kind, value)

    def _person(self, person_id: str) -> str:
        found = self.persons.get(person_id)
        return self.key.pseudonym("person-id", person_id) if found is None else found

    def tables(self) -> tuple[dict[str, list[dict[str, Any]]], dict[str, list[str]]]:
        """The rows of each table, and whose each row of a table of people is.

        An application's person is kept apart from its row: the export never shows it,
        but its groups are counted in people.
        """
        out: dict[str, list[dict[str, Any]]] = {}
        persons: dict[str, list[str]] = {}
        for name in TABLE_NAMES:
            keep = SAFE_SCHEMA[name].names
            rows = [self._row(name, raw) for raw in self.raw[name]]
            if name != "sessions":
                rows.sort(key=lambda r: (r[keep[0]], *(() if name != "reasons" else (r["rank"],))))
            if name in ("participants", "applications"):
                persons[name] = [r["person_id"] for r in rows]
            out[name] = [{c: row[c] for c in keep} for row in rows]
        return out, persons

    def _row(self, name: str, row: dict[str, Any]) -> dict[str, Any]:
        pid = self._id
        for column, kind in (
            ("participant_id", "participant"),
            ("mentor_id", "mentor"),
            ("mentorship_id", "mentorship"),
            ("meeting_id", "meeting"),
            ("application_id", "application"),
        ):
            if column in row:
                row[column] = pid(kind, row[column])
        if name == "applications":
            year = self.born.get(row["person_id"])
            row["birth_year"] = year
            row["birth_decade"] = None if year is None else year - year % 10
        if name == "sessions":  # free text a person may have written personal data into
            if isinstance(row["session_id"], str):  # an id: one to one (see _shown_id)
                row["session_id"] = _shown_id(self.key, "session", row["session_id"])
            for column in ("title", "venue"):
                if isinstance(row[column], str):
                    row[column] = mask_personal_data(row[column])
        if name == "mentors":
            # A pseudonym of its own kind: a participant who is a kommunchef (a mentor) in
            # another cohort must not be found by joining the tables on the person.
            row["person_id"] = self.key.pseudonym("mentor-person", self._person(row["person_id"]))
        elif "person_id" in row:
            row["person_id"] = self._person(row["person_id"])
        return row

"""Safe exports: pseudonyms for people, and k-anonymity over what could still single them out.

Pseudonyms alone do not anonymise a small cohort: "the ekonomidirektör of Boxholm, born
1968" is one person, whatever her id says. :func:`safe_tables` therefore

1. drops names, e-mail addresses, birth dates, free-text titles and organisations, the
   meetings' notes and the words of the decisions' reasons, and replaces every id of a
   person or a record by its keyed pseudonym (:class:`~ledarskap.tables.PseudonymKey`);
2. keeps the year of birth (and its decade) instead of the date;
3. measures **k-anonymity** over the quasi-identifiers (:data:`QUASI_IDENTIFIERS`:
   municipality, position, birth year, cohort) of the two tables of people it holds,
   participants and applicants: the smallest number of rows that share one combination;
4. asked for a *k*, coarsens the quasi-identifiers of a table in a fixed order
   (:data:`COARSENING_ORDER`) — birth year to decade, then position to position kind,
   then municipality to county — one step at a time, for the whole table, and stops at
   the first step where at most *suppress_at_most* rows (by default *k*) are still in a
   group smaller than *k*; those rows are suppressed (left out), and with them the
   mentorships, meetings and reasons that name them. This is Sweeney's *Datafly*
   procedure with the order fixed: the birth year is the least used in analysis and the
   most identifying, the municipality the most used;
5. reports what it did (:class:`AnonymityReport`, as data and in Swedish or English).

Every table of people in a safe export then has every group of at least *k* rows. A
coarsened column stays in the table, empty, so the schema (:data:`SAFE_SCHEMA
<ledarskap.tables.SAFE_SCHEMA>`) never changes; the rows of each table are sorted by
pseudonym, so that no order ties a row to one in the program's file. The participants'
and the applicants' tables share no pseudonym (an application has its own), so that
neither can be joined to the other to undo a coarsening.

>>> import ledarskap
>>> from ledarskap.tables import PseudonymKey, safe_tables
>>> key = PseudonymKey(b"0123456789abcdef0123456789abcdef")
>>> export = safe_tables(ledarskap.example_program(), key, k=3)
>>> export.report.tables[0].k_after >= 3
True
>>> print(export.report.render("en"))  # doctest: +ELLIPSIS
Safe export, k = 3
participants: 25 rows, smallest group 1 before and 7 after; coarsened: birth year to decade, position to position kind, municipality to county
  10 rows suppressed (in groups smaller than k): liko-2025: 10
...

.. versionadded:: 0.3
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from ledarskap.eligibility import RuleSet
from ledarskap.errors import UsageError, mask_personal_data, masked_repr, safe_repr
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


def k_anonymity(
    rows: Iterable[Mapping[str, Any]], columns: Sequence[str] = QUASI_IDENTIFIERS
) -> int:
    """The smallest number of *rows* that share their values in *columns* (0 for no rows).

    A table is *k*-anonymous when this is at least *k*: everyone in it looks like at
    least *k* - 1 others to someone who knows only those columns.

    >>> from ledarskap.tables import k_anonymity
    >>> rows = [{"town": "Motala", "year": 1970}, {"town": "Motala", "year": 1970},
    ...         {"town": "Kinda", "year": 1981}]
    >>> k_anonymity(rows, ["town", "year"]), k_anonymity(rows[:2], ["town"])
    (1, 2)
    """
    groups = Counter(tuple(row.get(c) for c in columns) for row in rows)
    return min(groups.values(), default=0)


@attrs.frozen
class TableAnonymity:
    """What a safe export did to one table of people."""

    table: str
    rows: int
    """Rows before suppression."""
    k_before: int
    """The smallest group before coarsening (1 when someone is unique)."""
    coarsened: tuple[Coarsening, ...]
    suppressed: int
    """Rows left out, being in a group smaller than *k* after the last step taken."""
    suppressed_by_cohort: Mapping[str, int]
    k_after: int
    """The smallest group in the table as exported (0 when no row is left)."""

    def to_data(self) -> dict[str, Any]:
        """This result as plain data (JSON-ready)."""
        return {
            "table": self.table,
            "rows": self.rows,
            "k_before": self.k_before,
            "coarsened": [c.value for c in self.coarsened],
            "suppressed": self.suppressed,
            "suppressed_by_cohort": dict(self.suppressed_by_cohort),
            "k_after": self.k_after,
        }


_TEXTS = {
    "head": Text("Säker export, k = {k}", "Safe export, k = {k}"),
    "head_none": Text(
        "Säker export (pseudonymer; ingen k begärd)", "Safe export (pseudonyms; no k asked for)"
    ),
    "table": Text(
        "{table}: {rows} rader, minsta grupp {before} före och {after} efter; grovkornigare: {steps}",
        "{table}: {rows} rows, smallest group {before} before and {after} after; coarsened: {steps}",
    ),
    "none": Text("inget", "nothing"),
    "suppressed": Text(
        "  {count} rader utelämnade (i grupper mindre än k): {cohorts}",
        "  {count} rows suppressed (in groups smaller than k): {cohorts}",
    ),
    "linked": Text("Utelämnade med dem: {counts}", "Suppressed with them: {counts}"),
}


@masked_repr
@attrs.frozen
class AnonymityReport:
    """What a safe export did: per table of people, and the rows left out with them."""

    k: int | None
    tables: tuple[TableAnonymity, ...]
    linked_suppressed: Mapping[str, int] = attrs.field(factory=dict)
    """Rows of other tables left out because they name a suppressed row, by table."""

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
        }

    def render(self, language: Language = "sv") -> str:
        """The report in a few lines of Swedish or English."""
        lines = [
            _TEXTS["head_none"].render(language)
            if self.k is None
            else _TEXTS["head"].format(k=self.k).render(language)
        ]
        for t in self.tables:
            steps = ", ".join(c.label(language) for c in t.coarsened)
            lines.append(
                _TEXTS["table"]
                .format(
                    table=t.table,
                    rows=t.rows,
                    before=t.k_before,
                    after=t.k_after,
                    steps=steps or _TEXTS["none"].render(language),
                )
                .render(language)
            )
            if t.suppressed:
                cohorts = ", ".join(f"{c}: {n}" for c, n in t.suppressed_by_cohort.items())
                lines.append(
                    _TEXTS["suppressed"]
                    .format(count=t.suppressed, cohorts=cohorts)
                    .render(language)
                )
        linked = {name: n for name, n in self.linked_suppressed.items() if n}
        if linked:
            counts = ", ".join(f"{name} {n}" for name, n in linked.items())
            lines.append(_TEXTS["linked"].format(counts=counts).render(language))
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
    which order. *suppress_at_most* (by default *k*) is how many rows of a table may be
    left out at a step before the next step is taken; after the last step, every row
    still in a group smaller than *k* is. Without *k*, nothing is coarsened and the
    report only measures. *ruleset* and *as_of* decide the applications, as in
    :func:`~ledarskap.tables.program_tables`.
    """
    if not isinstance(key, PseudonymKey):
        raise UsageError(
            Text(
                f"safe_tables: förväntade en PseudonymKey, fick {type(key).__name__}",
                f"safe_tables: expected a PseudonymKey, found {type(key).__name__}",
            )
        )
    if k is not None and not _whole(k, 1):
        raise UsageError(
            Text(
                f"safe_tables: k måste vara ett heltal, minst 1, fick {safe_repr(k)}",
                f"safe_tables: k must be a whole number of at least 1, found {safe_repr(k)}",
            )
        )
    if suppress_at_most is not None and not _whole(suppress_at_most, 0):
        raise UsageError(
            Text(
                "safe_tables: suppress_at_most måste vara ett heltal, minst 0, "
                f"fick {safe_repr(suppress_at_most)}",
                "safe_tables: suppress_at_most must be a whole number of at least 0, "
                f"found {safe_repr(suppress_at_most)}",
            )
        )
    limit = (k or 0) if suppress_at_most is None else suppress_at_most
    raw = program_tables(data, ruleset=ruleset, as_of=as_of)
    rows = _Pseudonymised(data, key, raw).tables()
    results = []
    gone: dict[str, set[str]] = {}
    for table, id_column in (
        ("participants", "participant_id"),
        ("applications", "application_id"),
    ):
        kept, result = _anonymise(table, rows[table], k, limit)
        gone[table] = {r[id_column] for r in rows[table]} - {r[id_column] for r in kept}
        rows[table] = kept
        results.append(result)
    linked = {
        "mentorships": _without(rows, "mentorships", "participant_id", gone["participants"]),
        "meetings": _without(rows, "meetings", "participant_id", gone["participants"]),
        "reasons": _without(rows, "reasons", "application_id", gone["applications"]),
    }
    cohorts = raw.schema["participants"].column("cohort_id").categories
    # The catalog's positions, and a program's own only where an exported row still holds
    # it: a category of its own would tell that someone held it, rows suppressed or not.
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
    report = AnonymityReport(k=k, tables=tuple(results), linked_suppressed=linked)
    return SafeExport(Tables(columns, schema), report)


def _whole(value: object, least: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= least


def _without(rows: dict[str, list[dict[str, Any]]], table: str, column: str, gone: set[str]) -> int:
    before = len(rows[table])
    rows[table] = [r for r in rows[table] if r[column] not in gone]
    return before - len(rows[table])


def _group(row: Mapping[str, Any]) -> tuple[Any, ...]:
    return tuple(row[c] for c in QUASI_IDENTIFIERS)


def _anonymise(
    table: str, rows: list[dict[str, Any]], k: int | None, limit: int
) -> tuple[list[dict[str, Any]], TableAnonymity]:
    """*rows* coarsened step by step and suppressed as the module describes, and the result."""
    k_before = k_anonymity(rows)
    steps: list[Coarsening] = []
    kept = rows
    if k is not None:
        for step in (None, *COARSENING_ORDER):
            if step is not None:
                steps.append(step)
                emptied = _EMPTIED[step]
                for row in rows:
                    row[emptied] = None
            counts = Counter(map(_group, rows))
            if sum(1 for row in rows if counts[_group(row)] < k) <= limit:
                break
        # At the step stopped at, or after the last: every row in too small a group goes.
        kept = [row for row in rows if counts[_group(row)] >= k]
    left_out = Counter(row["cohort_id"] for row in rows) - Counter(row["cohort_id"] for row in kept)
    return kept, TableAnonymity(
        table=table,
        rows=len(rows),
        k_before=k_before,
        coarsened=tuple(steps),
        suppressed=len(rows) - len(kept),
        suppressed_by_cohort={
            str(c): n for c, n in sorted(left_out.items(), key=lambda i: str(i[0]))
        },
        k_after=k_anonymity(kept),
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

    def tables(self) -> dict[str, list[dict[str, Any]]]:
        out: dict[str, list[dict[str, Any]]] = {}
        for name in TABLE_NAMES:
            keep = SAFE_SCHEMA[name].names
            rows = []
            for raw in self.raw[name]:
                row = self._row(name, raw)
                rows.append({c: row[c] for c in keep})
            if name != "sessions":
                rows.sort(key=lambda r: (r[keep[0]], *(() if name != "reasons" else (r["rank"],))))
            out[name] = rows
        return out

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
            for column in ("session_id", "title", "venue"):
                if isinstance(row[column], str):
                    row[column] = mask_personal_data(row[column])
        if name == "mentors":
            # A pseudonym of its own kind: a participant who is a kommunchef (a mentor) in
            # another cohort must not be found by joining the tables on the person.
            row["person_id"] = self.key.pseudonym("mentor-person", self._person(row["person_id"]))
        elif "person_id" in row:
            row["person_id"] = self._person(row["person_id"])
        return row

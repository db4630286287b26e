"""Reading the rows of a sheet into records, with a problem for every cell that fails.

The machinery behind :func:`ledarskap.io.read_sheet`: each row's cells are read field by
field, each failure added to the sheet's one :class:`~ledarskap.errors.Problems` collector
at its row and column; only a row without problems gives records.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

import attrs

from ledarskap._found import describe, did_you_mean
from ledarskap.errors import InvalidValueError, LedarskapError, Problem, Problems
from ledarskap.model import (
    Application,
    ApplicationStatus,
    Appointment,
    MeetingKind,
    MeetingStatus,
    Mentor,
    MentorMeeting,
    Municipality,
    OrganisationKind,
    Participant,
    ParticipantStatus,
    Person,
    Personnummer,
    PoliticalBody,
    Position,
    StaffFunction,
    match_title,
    municipality,
    position,
)
from ledarskap.model._checks import email
from ledarskap.text import LANGUAGES, Language

from ._sheet_columns import (
    BOOLEANS,
    COLUMNS,
    NO_POSITION,
    NONE_WORDS,
    Column,
    SheetKind,
    header_of,
    political_body,
)
from ._sheet_report import ColumnReport, DefaultBy, MatchedBy, RowOutcome, SheetInspection
from ._sheets import fold, parse_date

__all__ = ["Layout", "Reader", "Rows", "split_name"]

E = TypeVar("E", bound=enum.Enum)
_SHOWN = 60  # the most characters of a header or a name quoted in a problem
_DIGITS = 9  # the most digits of a whole number (a capacity, a duration)
_FORMULA_START = frozenset("=+-@")


def _short(text: str) -> str:
    """*text*, cut to a bounded length to be quoted in a problem."""
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


class _RowError(Exception):
    """A row with a problem (already reported): it gives no records."""


def _label(member: Any, language: Language) -> str:
    return str(member.label(language))


@functools.cache
def _enum_table(kind: type[E]) -> tuple[dict[str, E], str]:
    """The folded names of *kind*'s members, and how the expected ones are listed.

    Built once per enum: every value, name and label in both languages, and the first word
    of the Swedish label ("strategi" for "strategi och utveckling").
    """
    table: dict[str, E] = {}
    for member in kind:
        for name in (member.value, member.name, *(_label(member, lang) for lang in LANGUAGES)):
            table.setdefault(fold(name), member)
        table.setdefault(fold(_label(member, "sv").split()[0].split("/")[0]), member)
    return table, ", ".join(repr(_label(m, "sv")) for m in kind)


_PARTICLES = frozenset({"af", "av", "von", "van", "de", "del", "della", "di", "du", "la", "le"})


def split_name(text: str) -> tuple[str, str] | None:
    """A full name as (given name, family name): ``Anna Berg``, ``Berg, Anna``; ``None`` if one word.

    The family name is the last word, with the particles before it (``Karl af Klercker``);
    written family name first, it is before the comma.

    >>> split_name("Anna Maria Berg"), split_name("Berg, Anna"), split_name("Karl af Klercker")
    (('Anna Maria', 'Berg'), ('Anna', 'Berg'), ('Karl', 'af Klercker'))
    """
    family, comma, given = text.partition(",")
    if comma:
        given, family = given.strip(), family.strip()
        return (given, family) if given and family else None
    words = text.split()
    if len(words) < 2:
        return None
    cut = len(words) - 1
    while cut > 1 and words[cut - 1].casefold() in _PARTICLES:
        cut -= 1
    return " ".join(words[:cut]), " ".join(words[cut:])


@attrs.frozen(kw_only=True)
class Rows:
    """What the rows of a sheet read into: the records, the problems, each row's outcome."""

    rows: int
    """How many rows of data the sheet has (the header, rows above it and empty rows not counted)."""
    records: dict[str, tuple[Any, ...]]
    problems: tuple[Problem, ...]
    outcomes: tuple[RowOutcome, ...]
    inspection: SheetInspection


@attrs.frozen(kw_only=True)
class Layout:
    """How the cells of a sheet were found: the text encoding and delimiter (CSV), broken rows."""

    encoding: str | None = None
    delimiter: str | None = None
    broken: dict[int, Problem] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True)
class Plan:
    """The columns of a sheet resolved: which cell fills which field, and what fills the rest."""

    header_row: int
    cells: tuple[tuple[str, int], ...]
    """(field, cell index) for every column read."""
    headers: dict[str, str]
    """The header as written of each field read; a defaulted field's says so."""
    defaults: dict[str, str]
    """The cell text of each field whose column is missing or whose cell is empty."""
    named: frozenset[int]
    """The cells of the header row that have a header."""
    report: tuple[ColumnReport, ...]
    usable: bool


_HEADER_SEARCH = 10  # the rows looked at for the header (a title and notes may be above it)


class Reader:
    """Reads the rows of one sheet into records and problems."""

    def __init__(
        self,
        kind: SheetKind,
        source: str,
        cohort_id: str | None,
        ignored: Iterable[str] = (),
        *,
        mapping: Mapping[str, str] | None = None,
        defaults: Mapping[str, str] | None = None,
        fallbacks: Mapping[str, str] | None = None,
    ) -> None:
        """A reader of a sheet of *kind* from *source*, its columns mapped as given.

        *mapping*: header → field; *defaults*: field → the text of a missing column or an
        empty cell; *fallbacks*: field → the text of a missing column only.
        """
        self.kind = kind
        self.source = source
        self.cohort_id = cohort_id
        self.ignored = {fold(c) for c in ignored}
        self.mapping = {fold(header): field for header, field in (mapping or {}).items()}
        self.defaults = dict(defaults or {})
        self.fallbacks = dict(fallbacks or {})
        self.problems = Problems(source=source)
        self.records: dict[str, list[Any]] = {
            "people": [],
            "appointments": [],
            "participants": [],
            "mentors": [],
            "applications": [],
            "meetings": [],
        }
        self.people: dict[str, Person] = {}
        self.ids: dict[str, int] = {}
        self.by_field = {column.field: column for column in COLUMNS[kind]}
        self.known: dict[str, tuple[Column, MatchedBy]] = {}
        for column in COLUMNS[kind]:
            for name in (column.field, column.sv, column.en):
                self.known.setdefault(fold(name), (column, "exact"))
        for column in COLUMNS[kind]:
            for name in column.aliases:
                self.known.setdefault(fold(name), (column, "alias"))

    def problem(
        self,
        row: int,
        column: str | None,
        message: str,
        code: str = "invalid",
        hint: str | None = None,
    ) -> None:
        """Add a problem at *row* (and *column*, the header as written)."""
        self.problems.add("", message, code, row=row, column=column, hint=hint)

    # The header ------------------------------------------------------------------------

    def recognised(self, cell: str) -> tuple[Column, MatchedBy] | None:
        """The column a header names, and how it was recognised; ``None`` if unknown."""
        folded = fold(cell)
        field = self.mapping.get(folded)
        if field is not None:
            column = self.by_field.get(field) or _by_header(self.kind, field)
            return None if column is None else (column, "mapping")
        return self.known.get(folded)

    def header_row(self, numbered: Sequence[tuple[int, Sequence[str]]]) -> int:
        """The index in *numbered* of the header: the first of the most recognised cells."""
        best, most = 0, 0
        for index, (_, row) in enumerate(numbered[:_HEADER_SEARCH]):
            count = sum(
                1
                for cell in row
                if cell.strip()
                and fold(cell) not in self.ignored
                and self.recognised(cell.strip()) is not None
            )
            if count > most:
                best, most = index, count
        return best

    def plan(self, row: int, header: Sequence[str]) -> Plan:
        """The columns of the header on *row*, with a problem for each that cannot be read."""
        report: list[ColumnReport] = []
        cells: list[tuple[str, int]] = []
        headers: dict[str, str] = {}
        named = frozenset(i for i, cell in enumerate(header) if cell.strip())
        usable = True
        for index, cell in enumerate(header):
            text = _short(cell.strip())
            if not text:
                continue
            if fold(text) in self.ignored:
                report.append(ColumnReport(header=text, status="ignored", index=index + 1))
                continue
            found = self.recognised(text)
            if found is None:
                self.unknown(row, text)
                report.append(ColumnReport(header=text, status="unknown", index=index + 1))
                continue
            column, by = found
            if column.field in headers:
                self.problem(
                    row,
                    text,
                    f"a second column for {column.sv!r} (the first is {headers[column.field]!r})",
                    "duplicate-column",
                    "map one of them to another field, or ignore it (ignore_columns=)",
                )
                report.append(
                    ColumnReport(
                        header=text, status="duplicate", index=index + 1, field=column.field
                    )
                )
                continue
            headers[column.field] = text
            cells.append((column.field, index))
            report.append(
                ColumnReport(
                    header=text,
                    status="recognised",
                    index=index + 1,
                    field=column.field,
                    matched_by=by,
                    required=column.required,
                )
            )
        defaults = {f: v for f, v in self.defaults.items() if f in self.by_field}
        for column in COLUMNS[self.kind]:
            if column.field in headers:
                continue
            default = defaults.get(column.field)
            whose: DefaultBy | None = None if default is None else "defaults"
            if default is None and column.field in self.fallbacks:
                default = defaults[column.field] = self.fallbacks[column.field]
                whose = "cohort"
            if default is None and column.field in _MODEL_DEFAULTS:
                default, whose = _MODEL_DEFAULTS[column.field], "model"
            needed = column.required and not (column.field in _FROM_NAME and "name" in headers)
            if needed and default is None:
                usable = False
                self.problem(
                    row,
                    None,
                    f"expected a column {column.sv!r} ({column.en}), found none",
                    "missing-column",
                    f"map a column to it (columns={{'…': {column.field!r}}}) or give every "
                    f"row a default (defaults={{{column.field!r}: …}})",
                )
            if needed or default is not None or column.field in _MODEL_DEFAULTS:
                report.append(
                    ColumnReport(
                        header=None,
                        status="missing",
                        field=column.field,
                        default=default,
                        default_by=whose,
                        required=column.required,
                    )
                )
        for field in defaults:
            headers.setdefault(field, f"{self.by_field[field].sv} (default)")
        return Plan(
            header_row=row,
            cells=tuple(cells),
            headers=headers,
            defaults=defaults,
            named=named,
            report=tuple(report),
            usable=usable,
        )

    def unknown(self, row: int, text: str) -> None:
        columns = COLUMNS[self.kind]
        suggestion = did_you_mean(
            text,
            [c.header(lang) for c in columns for lang in LANGUAGES]
            + [a for c in columns for a in c.aliases],
        )
        self.problem(
            row,
            text,
            "unknown column (its data would be lost): expected " + ", ".join(c.sv for c in columns),
            "unknown-column",
            suggestion
            or f"map it to a field (columns={{{text!r}: …}}) or skip it (ignore_columns=)",
        )

    # The rows --------------------------------------------------------------------------

    def split(
        self, rows: Sequence[Sequence[str]]
    ) -> tuple[Plan | None, list[tuple[int, Sequence[str]]]]:
        """The plan of the header's columns, and the rows of data below it (not empty)."""
        numbered = [(n, row) for n, row in enumerate(rows, start=1) if any(c.strip() for c in row)]
        if not numbered:
            self.problem(1, None, "expected a header row, found an empty sheet", "empty")
            return None, []
        at = self.header_row(numbered)
        header_row, header = numbered[at]
        return self.plan(header_row, header), numbered[at + 1 :]

    def inspect(
        self, rows: Sequence[Sequence[str]], layout: Layout | None = None
    ) -> SheetInspection:
        """What the header says of the sheet's columns, no row read."""
        plan, data = self.split(rows)
        return self.result(len(data), plan, (), layout or Layout()).inspection

    def read(self, rows: Sequence[Sequence[str]], layout: Layout | None = None) -> Rows:
        """Every row after the header read into records; empty rows skipped."""
        layout = layout or Layout()
        plan, data = self.split(rows)
        outcomes: list[RowOutcome] = []
        if plan is not None and plan.usable:
            shared = _Shared(self, plan)
            for number, row in data:
                before = len(self.problems)
                broken = layout.broken.get(number)
                if broken is not None:
                    self.problems.append(broken)
                    records: tuple[Any, ...] = ()
                else:
                    records = self.row(number, shared, row)
                outcomes.append(
                    RowOutcome(row=number, records=records)
                    if records
                    else RowOutcome(row=number, problems=tuple(self.problems)[before:])
                )
        return self.result(len(data), plan, tuple(outcomes), layout)

    def result(
        self, rows: int, plan: Plan | None, outcomes: tuple[RowOutcome, ...], layout: Layout
    ) -> Rows:
        problems = self.problems.as_tuple()
        header_problems = tuple(
            p
            for p in problems
            if plan is None or (p.row == plan.header_row and p.code in _HEADER_CODES)
        )
        inspection = SheetInspection(
            kind=self.kind,
            source=self.source,
            encoding=layout.encoding,
            delimiter=layout.delimiter,
            header_row=None if plan is None else plan.header_row,
            rows=rows,
            columns=() if plan is None else plan.report,
            problems=header_problems,
        )
        return Rows(
            rows=rows,
            records={name: tuple(records) for name, records in self.records.items()},
            problems=problems,
            outcomes=outcomes,
            inspection=inspection,
        )

    def row(self, number: int, shared: _Shared, row: Sequence[str]) -> tuple[Any, ...]:
        """The records of one row (kept), or none (its problems reported)."""
        # A value under an unknown header was reported with the header; under none, here.
        named = shared.plan.named
        for index, cell in enumerate(row):
            if index not in named and cell.strip():
                self.problem(
                    number,
                    None,
                    f"a value in column {index + 1}, which has no header (it would be lost)",
                    "stray-cell",
                )
                return ()
        cells = _Cells(shared, number, row)
        try:
            records = _BUILDERS[self.kind](cells)
        except _RowError:
            return ()
        return self.keep(number, cells, records)

    def keep(self, number: int, cells: _Cells, records: list[tuple[str, Any]]) -> tuple[Any, ...]:
        """Keep a row's records, unless its id or its person clash with an earlier row's."""
        for collection, record in records:
            known = self.people.get(record.id) if collection == "people" else None
            if known is not None and known != record:
                self.problem(
                    number,
                    cells.header("person_id"),
                    f"person {record.id} is on an earlier row with other details",
                    "conflicting-person",
                )
                return ()
        collection, main = records[-1]
        first = self.ids.setdefault(f"{collection}:{main.id}", number)
        if first != number:
            self.problem(
                number, cells.header("id"), f"the id {main.id} is on row {first} too", "repeated-id"
            )
            return ()
        for collection, record in records:
            if collection == "people":
                if record.id in self.people:
                    continue
                self.people[record.id] = record
            self.records[collection].append(record)
        return tuple(record for _, record in records)


_HEADER_CODES = frozenset({"unknown-column", "duplicate-column", "missing-column", "empty"})
_FROM_NAME = frozenset({"given_name", "family_name"})
_MODEL_DEFAULTS = {
    "organisation_kind": OrganisationKind.ADMINISTRATION.label("sv"),
    "status": ParticipantStatus.ADMITTED.label("sv"),
}
"""Fields whose missing column the model fills itself, shown in the inspection."""


def _by_header(kind: SheetKind, name: str) -> Column | None:
    folded = fold(name)
    return next(
        (c for c in COLUMNS[kind] if folded in (fold(c.field), fold(c.sv), fold(c.en))), None
    )


class _Shared:
    """What every row of a sheet shares: the reader and the plan of its columns."""

    __slots__ = ("cells", "defaults", "headers", "kind", "plan", "reader")

    def __init__(self, reader: Reader, plan: Plan) -> None:
        self.reader = reader
        self.plan = plan
        self.kind = reader.kind
        self.cells = plan.cells
        self.headers = plan.headers
        self.defaults = plan.defaults


class _Cells:
    """The cells of one row, by field, each read with a problem reported where it fails."""

    __slots__ = ("before", "headers", "number", "raw", "reader", "values")

    def __init__(self, shared: _Shared, number: int, row: Sequence[str]) -> None:
        self.reader = shared.reader
        self.number = number
        self.before = len(self.reader.problems)
        self.headers = shared.headers
        width = len(row)
        self.raw = raw = {field: (row[i] if i < width else "") for field, i in shared.cells}
        values = {}
        for field, value in raw.items():
            stripped = value.strip()
            if stripped[:1] in _FORMULA_START and value[:1] not in _FORMULA_START:
                stripped = value.rstrip()
            if stripped:
                values[field] = stripped
        for field, value in shared.defaults.items():
            values.setdefault(field, value)
        self.values = values

    def header(self, field: str) -> str | None:
        return self.headers.get(field)

    def fail(
        self, field: str | None, message: str, code: str = "invalid", hint: str | None = None
    ) -> None:
        column = (
            None if field is None else self.headers.get(field, header_of(self.reader.kind, field))
        )
        self.reader.problem(self.number, column, message, code, hint)

    def text(self, field: str) -> str | None:
        return self.values.get(field)

    def required(self, field: str) -> str | None:
        value = self.values.get(field)
        if value is None:
            self.fail(field, "expected a value, found an empty cell", "missing")
        return value

    def required_date(self, field: str) -> Any:
        return self.date(field) if self.required(field) is not None else None

    def check(self) -> None:
        """Stop here if a cell of the row had a problem: the row gives no records."""
        if len(self.reader.problems) > self.before:
            raise _RowError

    def parsed(
        self, field: str, parse: Callable[[str], Any], expected: str, code: str = "invalid"
    ) -> Any:
        value = self.values.get(field)
        if value is None:
            return None
        try:
            result = parse(value)
        except LedarskapError as error:
            message = error.expected if isinstance(error, InvalidValueError) else str(error)
            hint = error.hint if isinstance(error, InvalidValueError) else None
            self.fail(field, f"expected {message}, found {describe(value)}", code, hint)
            return None
        if result is None:
            self.fail(field, f"expected {expected}, found {describe(value)}", code)
        return result

    def date(self, field: str) -> Any:
        value = self.values.get(field)
        if value is None:
            return None
        found = _day(value)
        if found is not None:
            return found
        return self.parsed(
            field, parse_date, "a date such as 2025-09-01 or 1 september 2025", "invalid-date"
        )

    def municipality(self, field: str = "municipality") -> Municipality | None:
        value = self.values.get(field)
        if value is None:
            return None
        found = _municipality(value)
        if found is not None:
            return found
        result: Municipality | None = self.parsed(
            field,
            lambda v: municipality(v.zfill(4) if v.isdigit() else v),
            "a municipality",
            "unknown-municipality",
        )
        return result

    def enum(self, field: str, kind: type[E]) -> E | None:
        value = self.values.get(field)
        if value is None:
            return None
        table, names = _enum_table(kind)
        found = table.get(fold(value))
        if found is None:
            self.fail(field, f"expected one of {names}, found {describe(value)}")
        return found

    def integer(self, field: str) -> int | None:
        result: int | None = self.parsed(
            field,
            lambda v: int(v) if v.isascii() and v.isdigit() and len(v) <= _DIGITS else None,
            f"a whole number (of at most {_DIGITS} digits)",
        )
        return result

    def boolean(self, field: str) -> bool | None:
        result: bool | None = self.parsed(
            field,
            lambda v: BOOLEANS.get(fold(v)),
            "ja or nej (j/n, x, yes/no, sant/falskt, 1/0)",
        )
        return result

    def staff(self) -> tuple[StaffFunction | None, bool | None]:
        """The staff function led, and whether one is led (``None``: not said).

        A Stabsfunktion cell may hold ``ja`` or ``nej`` instead of the function: that the
        holder leads one (which, not said) or none. A "Leder stabsfunktion" cell says it too.
        """
        value = self.values.get("staff_function")
        said = None if value is None else BOOLEANS.get(fold(value))
        staff = None if said is not None else self.enum("staff_function", StaffFunction)
        leads = self.boolean("leads_staff_function")
        if leads is False and staff is not None:
            self.fail(
                "leads_staff_function",
                f"expected ja, since the row names a staff function ({staff.label('sv')}), "
                "found nej",
                "conflicting-values",
            )
        return staff, said if leads is None else leads

    def name(self) -> tuple[str | None, str | None]:
        """The given and family name: their own cells, else the full name's parts."""
        given, family = self.values.get("given_name"), self.values.get("family_name")
        full = self.values.get("name")
        if full is not None and (given is None or family is None):
            parts = split_name(full)
            if parts is None:
                self.fail(
                    "name",
                    f"expected a given and a family name, found {describe(full)}",
                    "missing",
                )
                return given, family
            given, family = given or parts[0], family or parts[1]
        if given is None:
            self.required("given_name")
        if family is None:
            self.required("family_name")
        return given, family

    def personnummer(self) -> Personnummer | None:
        result: Personnummer | None = self.parsed(
            "personnummer", Personnummer, "a personnummer", "invalid-personnummer"
        )
        return result

    def position(self, title: str | None) -> Position | None:
        """The position code's position; the title's match without one; none for "-"."""
        value = self.values.get("position")
        if value is None:
            return _title_match(title)
        if value == NO_POSITION:
            return None
        result: Position | None = self.parsed("position", position, "a position code")
        return result

    def reports_to(self, *, unknown: bool) -> tuple[PoliticalBody, ...] | None:
        value = self.values.get("reports_to")
        if value is None:
            return None if unknown else ()
        if fold(value) in NONE_WORDS:
            return ()
        bodies = []
        for part in value.replace("\n", ";").replace(",", ";").split(";"):
            name = part.strip()
            if not name:
                continue
            body = political_body(name)
            if body is None:
                example = _short(name.partition("(")[0].strip())
                self.fail(
                    "reports_to",
                    f"expected a nämnd or styrelse, with its kind if the name does not say it "
                    f'("{example} (nämnd)"), found {describe(name)}',
                )
                return None
            bodies.append(body)
        return tuple(bodies)

    def cohort(self) -> str:
        value = self.values.get("cohort_id") or self.reader.cohort_id
        if value is None:
            self.fail(None, "expected the cohort: a column 'Omgång', or cohort_id=", "missing")
            return ""
        return value


@functools.lru_cache(maxsize=4096)
def _day(text: str) -> dt.date | None:
    """*text* as an ISO date, cached (a sheet's dates repeat); ``None`` if not one."""
    if len(text) == 10 and text[4] == "-":
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return None
    return None


@functools.lru_cache(maxsize=1024)
def _municipality(text: str) -> Municipality | None:
    """*text* as a municipality, cached; ``None`` where it needs the full reading."""
    try:
        return municipality(text.zfill(4) if text.isdigit() else text)
    except LedarskapError:
        return None


@functools.lru_cache(maxsize=4096)
def _title_match(title: str | None) -> Position | None:
    return match_title(title)


# Rows to records -------------------------------------------------------------------------


def _build(cells: _Cells, make: Callable[..., Any], fields: dict[str, Any]) -> Any:
    """A record from *fields*, its own checks' failures reported at their columns."""
    try:
        return make(**fields)
    except InvalidValueError as error:
        field = error.location.rpartition(".")[2].split("[")[0]
        if field == "id":
            field = {"Person": "person_id", "Appointment": "appointment_id"}.get(
                getattr(make, "__name__", ""), "id"
            )
        cells.fail(
            field if field in cells.headers else None,
            f"expected {error.expected}, found {describe(error.found)}",
            hint=error.hint,
        )
        raise _RowError from None


def _person(cells: _Cells, default_id: str) -> dict[str, Any]:
    given, family = cells.name()
    return {
        "id": cells.text("person_id") or default_id,
        "given_name": given,
        "family_name": family,
        "email": cells.parsed(
            "email", lambda v: v if email.accepts(v) else None, "an e-mail address"
        ),
        "phone": cells.text("phone"),
        "personnummer": cells.personnummer(),
    }


def _participant_rows(cells: _Cells) -> list[tuple[str, Any]]:
    cohort_id = cells.cohort()
    participant_id = cells.text("id") or f"d-{cohort_id}-{cells.number}"
    person = _person(cells, f"p-{participant_id}")
    title = cells.required("title")
    staff, leads = cells.staff()
    job = {
        "id": cells.text("appointment_id") or f"a-{participant_id}",
        "person_id": person["id"],
        "municipality": cells.municipality(),
        "organisation": cells.required("organisation"),
        "title": title,
        "start": cells.required_date("start"),
        "end": cells.date("end"),
        "position": cells.position(title),
        "organisation_kind": cells.enum("organisation_kind", OrganisationKind)
        or OrganisationKind.ADMINISTRATION,
        "reports_to": cells.reports_to(unknown=False),
        "staff_function": staff or (StaffFunction.OTHER if leads else None),
    }
    participant = {
        "id": participant_id,
        "person_id": person["id"],
        "cohort_id": cohort_id,
        "appointment_id": job["id"],
        "status": cells.enum("status", ParticipantStatus) or ParticipantStatus.ADMITTED,
        "application_id": cells.text("application_id"),
    }
    cells.check()
    return [
        ("people", _build(cells, Person, person)),
        ("appointments", _build(cells, Appointment, job)),
        ("participants", _build(cells, Participant, participant)),
    ]


def _mentor_rows(cells: _Cells) -> list[tuple[str, Any]]:
    cohort_id = cells.cohort()
    mentor_id = cells.text("id") or f"mentor-{cohort_id}-{cells.number}"
    person = _person(cells, f"p-{mentor_id}")
    mentor = {
        "id": mentor_id,
        "person_id": person["id"],
        "cohort_id": cohort_id,
        "municipality": cells.municipality(),
        "capacity": cells.integer("capacity") or 1,
    }
    cells.check()
    return [("people", _build(cells, Person, person)), ("mentors", _build(cells, Mentor, mentor))]


def _application_rows(cells: _Cells) -> list[tuple[str, Any]]:
    cohort_id = cells.cohort()
    application_id = cells.text("id") or f"ans-{cohort_id}-{cells.number}"
    person = _person(cells, f"p-{application_id}")
    title = cells.text("title")
    staff, leads = cells.staff()
    application = {
        "id": application_id,
        "person_id": person["id"],
        "cohort_id": cohort_id,
        "submitted": cells.required_date("submitted"),
        "municipality": cells.municipality(),
        "organisation": cells.text("organisation"),
        "organisation_kind": cells.enum("organisation_kind", OrganisationKind),
        "title": title,
        "position": cells.position(title),
        "in_position_since": cells.date("in_position_since"),
        "reports_to": cells.reports_to(unknown=True),
        "leads_staff_function": leads,
        "staff_function": staff,
        "status": cells.enum("status", ApplicationStatus) or ApplicationStatus.SUBMITTED,
        "appointment_id": cells.text("appointment_id"),
    }
    cells.check()
    return [
        ("people", _build(cells, Person, person)),
        ("applications", _build(cells, Application, application)),
    ]


def _meeting_rows(cells: _Cells) -> list[tuple[str, Any]]:
    meeting = {
        "id": cells.text("id") or f"mm-{cells.number}",
        "mentorship_id": cells.required("mentorship_id"),
        "on": cells.required_date("on"),
        "kind": cells.enum("kind", MeetingKind) if cells.required("kind") else None,
        "status": cells.enum("status", MeetingStatus) or MeetingStatus.HELD,
        "duration_minutes": cells.integer("duration_minutes"),
        "notes": cells.raw.get("notes", ""),
    }
    cells.check()
    return [("meetings", _build(cells, MentorMeeting, meeting))]


_BUILDERS: dict[SheetKind, Callable[[_Cells], list[tuple[str, Any]]]] = {
    "participants": _participant_rows,
    "mentors": _mentor_rows,
    "applications": _application_rows,
    "meetings": _meeting_rows,
}

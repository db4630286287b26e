"""Reading the rows of a sheet into records, with a problem for every cell that fails.

The machinery behind :func:`ledarskap.io.read_sheet`: each row's cells are read field by
field, each failure added to the sheet's one :class:`~ledarskap.errors.Problems` collector
at its row and column; only a row without problems gives records.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
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
from ._sheets import fold, parse_date

__all__ = ["Reader", "Rows"]

E = TypeVar("E", bound=enum.Enum)
_SHOWN = 60  # the most characters of a header or a name quoted in a problem
_DIGITS = 9  # the most digits of a whole number (a capacity, a duration)
_FORMULA_START = frozenset("=+-@")


def _short(text: str) -> str:
    """*text*, cut to a bounded length to be quoted in a problem."""
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def _trimmed(cell: str) -> str:
    r"""*cell* without the white space around it, unless that would make it a formula.

    ``" Anna "`` reads as ``"Anna"``, but ``"\t=1+1"`` stays as it is: removing the tab
    would turn a text that no spreadsheet program runs into one that it does.
    """
    value = cell.strip()
    if value[:1] in _FORMULA_START and cell[:1] not in _FORMULA_START:
        return cell.rstrip()
    return value


class _RowError(Exception):
    """A row with a problem (already reported): it gives no records."""


def _label(member: Any, language: Language) -> str:
    return str(member.label(language))


@attrs.frozen(kw_only=True)
class Rows:
    """What the rows of a sheet read into: the records of each collection, and the problems."""

    rows: int
    """How many rows of data the sheet has (the header and empty rows not counted)."""
    records: dict[str, tuple[Any, ...]]
    problems: tuple[Problem, ...]


class Reader:
    """Reads the rows of one sheet into records and problems."""

    def __init__(
        self, kind: SheetKind, source: str, cohort_id: str | None, ignored: set[str]
    ) -> None:
        self.kind = kind
        self.source = source
        self.cohort_id = cohort_id
        self.ignored = ignored
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
        self.named: set[int] = set()  # the cells of the header row that have a header

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

    def read(self, rows: Sequence[Sequence[str]]) -> Rows:
        """Every row after the header read into records; empty rows skipped."""
        numbered = [(n, row) for n, row in enumerate(rows, start=1) if any(c.strip() for c in row)]
        if not numbered:
            self.problem(1, None, "expected a header row, found an empty sheet", "empty")
            return self.result(0)
        (header_row, header), data = numbered[0], numbered[1:]
        columns = self.columns(header_row, header)
        if columns is not None:
            for number, row in data:
                self.row(number, columns, row)
        return self.result(len(data))

    def result(self, rows: int) -> Rows:
        return Rows(
            rows=rows,
            records={name: tuple(records) for name, records in self.records.items()},
            problems=self.problems.as_tuple(),
        )

    def columns(self, row: int, header: Sequence[str]) -> dict[int, tuple[Column, str]] | None:
        """Cell index to column (and its header as written); ``None`` if unusable."""
        by_name = {name: column for column in COLUMNS[self.kind] for name in column.names()}
        found: dict[int, tuple[Column, str]] = {}
        self.named = {i for i, cell in enumerate(header) if cell.strip()}
        seen: dict[str, str] = {}
        for index, cell in enumerate(header):
            text = _short(cell.strip())
            if not text:
                continue
            column = by_name.get(fold(text))
            if column is None:
                if fold(text) not in self.ignored:
                    columns = COLUMNS[self.kind]
                    self.problem(
                        row,
                        text,
                        "unknown column (its data would be lost): expected "
                        + ", ".join(c.sv for c in columns),
                        "unknown-column",
                        did_you_mean(text, [c.header(lang) for c in columns for lang in LANGUAGES]),
                    )
                continue
            if column.field in seen:
                self.problem(
                    row,
                    text,
                    f"a second column for {column.sv!r} (the first is {seen[column.field]!r})",
                    "duplicate-column",
                )
                continue
            seen[column.field] = text
            found[index] = (column, text)
        missing = [c for c in COLUMNS[self.kind] if c.required and c.field not in seen]
        for column in missing:
            self.problem(
                row,
                None,
                f"expected a column {column.sv!r} ({column.en}), found none",
                "missing-column",
            )
        return None if missing else found

    def row(self, number: int, columns: dict[int, tuple[Column, str]], row: Sequence[str]) -> None:
        # A value under an unknown header was reported with the header; under none, here.
        stray = [i for i, cell in enumerate(row) if cell.strip() and i not in self.named]
        if stray:
            self.problem(
                number,
                None,
                f"a value in column {stray[0] + 1}, which has no header (it would be lost)",
                "stray-cell",
            )
            return
        cells = _Cells(self, number, columns, row)
        try:
            records = _BUILDERS[self.kind](cells)
        except _RowError:
            return
        self.keep(number, cells, records)

    def keep(self, number: int, cells: _Cells, records: list[tuple[str, Any]]) -> None:
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
                return
        collection, main = records[-1]
        first = self.ids.setdefault(f"{collection}:{main.id}", number)
        if first != number:
            self.problem(
                number, cells.header("id"), f"the id {main.id} is on row {first} too", "repeated-id"
            )
            return
        for collection, record in records:
            if collection == "people":
                if record.id in self.people:
                    continue
                self.people[record.id] = record
            self.records[collection].append(record)


class _Cells:
    """The cells of one row, by field, each read with a problem reported where it fails."""

    def __init__(
        self,
        reader: Reader,
        number: int,
        columns: dict[int, tuple[Column, str]],
        row: Sequence[str],
    ) -> None:
        self.reader = reader
        self.number = number
        self.before = len(reader.problems)
        self.headers = {column.field: text for column, text in columns.values()}
        self.raw = {
            column.field: (row[index] if index < len(row) else "")
            for index, (column, _) in columns.items()
        }
        self.values = {field: _trimmed(value) for field, value in self.raw.items()}

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
        value = self.values.get(field, "")
        return value or None

    def required(self, field: str) -> str | None:
        value = self.text(field)
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
        value = self.text(field)
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
        return self.parsed(
            field, parse_date, "a date such as 2025-09-01 or 1 september 2025", "invalid-date"
        )

    def municipality(self, field: str = "municipality") -> Municipality | None:
        result: Municipality | None = self.parsed(
            field,
            lambda v: municipality(v.zfill(4) if v.isdigit() else v),
            "a municipality",
            "unknown-municipality",
        )
        return result

    def enum(self, field: str, kind: type[E], labels: Callable[[E, Language], str]) -> E | None:
        table: dict[str, E] = {}
        for member in kind:
            for name in (member.value, member.name, *(labels(member, lang) for lang in LANGUAGES)):
                table.setdefault(fold(name), member)
            # the first word of the Swedish label too: "strategi" for "strategi och utveckling"
            table.setdefault(fold(labels(member, "sv").split()[0].split("/")[0]), member)
        names = ", ".join(repr(labels(m, "sv")) for m in kind)
        result: E | None = self.parsed(field, lambda v: table.get(fold(v)), f"one of {names}")
        return result

    def integer(self, field: str) -> int | None:
        result: int | None = self.parsed(
            field,
            lambda v: int(v) if v.isascii() and v.isdigit() and len(v) <= _DIGITS else None,
            f"a whole number (of at most {_DIGITS} digits)",
        )
        return result

    def boolean(self, field: str) -> bool | None:
        result: bool | None = self.parsed(field, lambda v: BOOLEANS.get(fold(v)), "ja or nej")
        return result

    def personnummer(self) -> Personnummer | None:
        result: Personnummer | None = self.parsed(
            "personnummer", Personnummer, "a personnummer", "invalid-personnummer"
        )
        return result

    def position(self, title: str | None) -> Position | None:
        """The position code's position; the title's match without one; none for "-"."""
        value = self.text("position")
        if value is None:
            return match_title(title)
        if value == NO_POSITION:
            return None
        result: Position | None = self.parsed("position", position, "a position code")
        return result

    def reports_to(self, *, unknown: bool) -> tuple[PoliticalBody, ...] | None:
        value = self.text("reports_to")
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
        value = self.text("cohort_id") or self.reader.cohort_id
        if value is None:
            self.fail(None, "expected the cohort: a column 'Omgång', or cohort_id=", "missing")
            return ""
        return value


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
    return {
        "id": cells.text("person_id") or default_id,
        "given_name": cells.required("given_name"),
        "family_name": cells.required("family_name"),
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
    job = {
        "id": cells.text("appointment_id") or f"a-{participant_id}",
        "person_id": person["id"],
        "municipality": cells.municipality(),
        "organisation": cells.required("organisation"),
        "title": title,
        "start": cells.required_date("start"),
        "end": cells.date("end"),
        "position": cells.position(title),
        "organisation_kind": cells.enum("organisation_kind", OrganisationKind, _label)
        or OrganisationKind.ADMINISTRATION,
        "reports_to": cells.reports_to(unknown=False),
        "staff_function": cells.enum("staff_function", StaffFunction, _label),
    }
    participant = {
        "id": participant_id,
        "person_id": person["id"],
        "cohort_id": cohort_id,
        "appointment_id": job["id"],
        "status": cells.enum("status", ParticipantStatus, _label) or ParticipantStatus.ADMITTED,
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
    application = {
        "id": application_id,
        "person_id": person["id"],
        "cohort_id": cohort_id,
        "submitted": cells.required_date("submitted"),
        "municipality": cells.municipality(),
        "organisation": cells.text("organisation"),
        "organisation_kind": cells.enum("organisation_kind", OrganisationKind, _label),
        "title": title,
        "position": cells.position(title),
        "in_position_since": cells.date("in_position_since"),
        "reports_to": cells.reports_to(unknown=True),
        "leads_staff_function": cells.boolean("leads_staff_function"),
        "staff_function": cells.enum("staff_function", StaffFunction, _label),
        "status": cells.enum("status", ApplicationStatus, _label) or ApplicationStatus.SUBMITTED,
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
        "kind": cells.enum("kind", MeetingKind, _label) if cells.required("kind") else None,
        "status": cells.enum("status", MeetingStatus, _label) or MeetingStatus.HELD,
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

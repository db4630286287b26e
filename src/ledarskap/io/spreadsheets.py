r"""Spreadsheets in and out: participants, mentors, applications and meetings as CSV or XLSX.

Each kind of sheet has its columns (:data:`COLUMNS`), with Swedish and English headers
("Förnamn" or "Given name", "Kommun" or "Municipality" …) matched ignoring case, accents
and punctuation. CSV may be UTF-8 with or without a BOM (or Windows-1252, as older Excel
writes), delimited by ``;`` (Excel in a Swedish locale), ``,`` or a tab; XLSX needs the
``xlsx`` extra (``pip install 'ledarskap[xlsx]'``).

Reading never stops at the first bad row: a :class:`SheetImport` holds the records of the
good rows *and* a :class:`RowProblem` for every problem, with file, row number and column;
``strict=True`` raises a :class:`~ledarskap.errors.DocumentError` listing them all instead.

>>> from ledarskap.io import read_sheet
>>> sheet = read_sheet(
...     "Förnamn;Efternamn;Kommun;Förvaltning;Befattning;Startdatum\n"
...     "Anna;Berg;Linköping;Socialförvaltningen;Förvaltningschef;2021-03-01\n"
...     "Erik;Lund;Linkopping;Kommunledningskontoret;Ekonomidirektör;1 mars 2020\n",
...     "participants", cohort_id="c-2025", name="deltagare.csv")
>>> [p.id for p in sheet.participants], sheet.appointments[0].position.slug
(['d-c-2025-2'], 'forvaltningschef')
>>> for problem in sheet.problems:
...     print(problem)
deltagare.csv, row 3, column 'Kommun': expected one of Sweden's 290 municipality codes or names (did you mean 0580 Linköping?), found 'Linkopping'

How a sheet becomes records (ids are taken from the id columns when given, otherwise made
from the cohort and the row number, so that reading the same sheet again gives the same ids):

- a *participants* sheet: one :class:`~ledarskap.model.Person`, one
  :class:`~ledarskap.model.Appointment` (the position they take part as) and one
  :class:`~ledarskap.model.Participant` a row; ids ``d-<cohort>-<row>``, ``p-<participant
  id>`` and ``a-<participant id>``;
- a *mentors* sheet: a Person and a :class:`~ledarskap.model.Mentor` a row (``mentor-<cohort>-<row>``);
- an *applications* sheet: a Person and an :class:`~ledarskap.model.Application` a row
  (``ans-<cohort>-<row>``); empty facts stay ``None`` (not known);
- a *meetings* sheet: a :class:`~ledarskap.model.MentorMeeting` a row (``mm-<row>``).

Writing (:func:`write_sheet`, :func:`sheet_bytes`) gives the same columns back, so a sheet
read and written again reads to the same records. The personnummer is written only when
asked for (``include_personnummer=True``); otherwise its column is left out.

.. versionadded:: 0.1
"""

from __future__ import annotations

import enum
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Literal, TypeVar

import attrs

from ledarskap.errors import (
    DocumentError,
    InvalidValueError,
    LedarskapError,
    Problem,
)
from ledarskap.model import (
    Application,
    ApplicationStatus,
    Appointment,
    Language,
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
    PoliticalBodyKind,
    Position,
    ProgramData,
    StaffFunction,
    match_title,
    municipality,
    position,
)

from ._atomic import write_atomic
from ._sheets import fold, parse_date, read_csv_rows, read_xlsx_rows, write_csv, write_xlsx

__all__ = [
    "COLUMNS",
    "Column",
    "RowProblem",
    "SheetImport",
    "SheetKind",
    "read_sheet",
    "sheet_bytes",
    "write_sheet",
]

SheetKind = Literal["participants", "mentors", "applications", "meetings"]
"""The kinds of sheet: what one row of it records."""

E = TypeVar("E", bound=enum.Enum)


@attrs.frozen
class Column:
    """A column of a sheet: the field it fills, its headers, and other names it may have."""

    field: str
    sv: str
    en: str
    aliases: tuple[str, ...] = ()
    required: bool = False

    def header(self, language: Language = "sv") -> str:
        """The header written in *language*."""
        return self.sv if language == "sv" else self.en

    def names(self) -> Iterator[str]:
        """Every folded name the column is known by."""
        for name in (self.field, self.sv, self.en, *self.aliases):
            yield fold(name)


def _person_columns() -> tuple[Column, ...]:
    return (
        Column("person_id", "Person-id", "Person id"),
        Column("given_name", "Förnamn", "Given name", ("first name", "tilltalsnamn"), True),
        Column("family_name", "Efternamn", "Family name", ("last name", "surname"), True),
        Column("email", "E-post", "E-mail", ("email", "e-postadress", "mejl", "mail")),
        Column("phone", "Telefon", "Phone", ("telefonnummer", "mobil", "mobilnummer")),
        Column("personnummer", "Personnummer", "Personal identity number", ("pnr", "personnr")),
    )


_ID = Column("id", "Id", "Id", ("id-nummer",))
_COHORT = Column("cohort_id", "Omgång", "Cohort", ("kull", "omgångs-id", "cohort id"))
_MUNICIPALITY = Column("municipality", "Kommun", "Municipality", ("kommunkod", "kommunnamn"))
_ORGANISATION = Column(
    "organisation", "Förvaltning", "Organisation", ("organisation", "arbetsplats", "bolag")
)
_ORG_KIND = Column("organisation_kind", "Organisationstyp", "Organisation kind")
_TITLE = Column("title", "Befattning", "Title", ("titel", "tjänst", "position title"))
_POSITION = Column("position", "Befattningskod", "Position code", ("befattnings-id",))
_REPORTS = Column("reports_to", "Rapporterar till", "Reports to", ("politisk ledning",))
_STAFF = Column("staff_function", "Stabsfunktion", "Staff function")
_STATUS = Column("status", "Status", "Status")
_APPOINTMENT = Column("appointment_id", "Anställnings-id", "Appointment id")

COLUMNS: dict[SheetKind, tuple[Column, ...]] = {
    "participants": (
        _ID,
        _COHORT,
        *_person_columns(),
        attrs.evolve(_MUNICIPALITY, required=True),
        attrs.evolve(_ORGANISATION, required=True),
        _ORG_KIND,
        attrs.evolve(_TITLE, required=True),
        _POSITION,
        _REPORTS,
        _STAFF,
        Column("start", "Startdatum", "Start date", ("anställd sedan", "tillträdde"), True),
        Column("end", "Slutdatum", "End date"),
        _STATUS,
        Column("application_id", "Ansökan", "Application", ("ansökans id", "application id")),
        _APPOINTMENT,
    ),
    "mentors": (
        _ID,
        _COHORT,
        *_person_columns(),
        attrs.evolve(_MUNICIPALITY, required=True),
        Column("capacity", "Kapacitet", "Capacity", ("antal adepter", "max adepter")),
    ),
    "applications": (
        _ID,
        _COHORT,
        *_person_columns(),
        Column("submitted", "Inkommen", "Submitted", ("ansökningsdatum", "inkom", "datum"), True),
        _MUNICIPALITY,
        _ORGANISATION,
        _ORG_KIND,
        _TITLE,
        _POSITION,
        Column("in_position_since", "I befattningen sedan", "In position since", ("startdatum",)),
        _REPORTS,
        Column("leads_staff_function", "Leder stabsfunktion", "Leads a staff function"),
        _STAFF,
        _STATUS,
        _APPOINTMENT,
    ),
    "meetings": (
        _ID,
        Column("mentorship_id", "Mentorskap", "Mentorship", ("mentorskaps-id",), True),
        Column("on", "Datum", "Date", ("mötesdatum",), True),
        Column("kind", "Typ", "Kind", ("mötesform", "form"), True),
        _STATUS,
        Column("duration_minutes", "Längd (min)", "Duration (min)", ("längd", "minuter")),
        Column("notes", "Anteckningar", "Notes", ("kommentar",)),
    ),
}
"""The columns of each kind of sheet, in the order they are written."""


class RowProblem(Problem):
    """A problem with one cell, row or header of a sheet: file, row number and column.

    ``row`` counts as a spreadsheet does (the header is row 1); ``column`` is the header as
    written in the file (``None`` for a problem with a whole row or the file). The location
    reads ``deltagare.csv, row 5, column 'Kommun'``.
    """

    __slots__ = ("column", "row", "source")

    def __init__(
        self, source: str, row: int, column: str | None, message: str, code: str = "invalid"
    ) -> None:
        self.source = source
        self.row = row
        self.column = column
        where = f"{source}, row {row}" + ("" if column is None else f", column {column!r}")
        super().__init__(where, message, code)


@attrs.frozen(kw_only=True)
class SheetImport:
    """What a sheet read into: the records of its good rows and every problem found.

    Nothing is dropped without a problem saying so: a row with a problem gives no records.
    """

    kind: SheetKind
    source: str
    rows: int
    """How many rows of data the sheet has (the header and empty rows not counted)."""
    people: tuple[Person, ...] = ()
    appointments: tuple[Appointment, ...] = ()
    participants: tuple[Participant, ...] = ()
    mentors: tuple[Mentor, ...] = ()
    applications: tuple[Application, ...] = ()
    meetings: tuple[MentorMeeting, ...] = ()
    problems: tuple[RowProblem, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether every row was read without a problem."""
        return not self.problems

    def raise_for_problems(self) -> SheetImport:
        """Raise :class:`~ledarskap.errors.DocumentError` listing every problem, if any."""
        if self.problems:
            raise DocumentError(f"the {self.kind} sheet has problems", self.problems)
        return self

    def merge_into(self, data: ProgramData) -> ProgramData:
        """*data* with this sheet's records added (people already there by id are kept)."""
        known = {person.id for person in data.people}
        return attrs.evolve(
            data,
            people=(*data.people, *(p for p in self.people if p.id not in known)),
            appointments=(*data.appointments, *self.appointments),
            participants=(*data.participants, *self.participants),
            mentors=(*data.mentors, *self.mentors),
            applications=(*data.applications, *self.applications),
            meetings=(*data.meetings, *self.meetings),
        )


# Reading ---------------------------------------------------------------------------------


def read_sheet(
    source: str | os.PathLike[str] | bytes,
    kind: SheetKind,
    *,
    cohort_id: str | None = None,
    name: str | None = None,
    strict: bool = False,
    ignore_columns: Iterable[str] = (),
) -> SheetImport:
    """Read a sheet of *kind* from a file (``.csv`` or ``.xlsx``), bytes or CSV text.

    A :class:`str` with a line break is CSV text; any other :class:`str` is a path.
    *cohort_id* is the cohort of every row without an "Omgång" cell. *name* names the
    source in problems (the file name by default). Columns named in *ignore_columns* are
    skipped; any other unknown column is a problem, since its data would be lost.
    With *strict*, any problem raises :class:`~ledarskap.errors.DocumentError`.
    """
    if kind not in COLUMNS:
        raise InvalidValueError(
            location="read_sheet(kind)", expected=f"one of {sorted(COLUMNS)}", found=kind
        )
    content, label, xlsx = _content(source, name)
    rows = read_xlsx_rows(content, label) if xlsx else read_csv_rows(content, label)
    result = _Reader(kind, label, cohort_id, {fold(c) for c in ignore_columns}).read(rows)
    return result.raise_for_problems() if strict else result


def _content(source: str | os.PathLike[str] | bytes, name: str | None) -> tuple[bytes, str, bool]:
    if isinstance(source, bytes):
        return source, name or "(bytes)", source[:2] == b"PK"
    if isinstance(source, str) and ("\n" in source or "\r" in source):
        return source.encode("utf-8"), name or "(text)", False
    path = Path(source)
    label = name or path.name
    try:
        content = path.read_bytes()
    except OSError as error:
        raise DocumentError(
            "cannot read the file",
            [Problem("(file)", f"{type(error).__name__}: {error.strerror}", code="io")],
            source=label,
        ) from None
    return content, label, path.suffix.casefold() in {".xlsx", ".xlsm"}


class _RowError(Exception):
    """A row with a problem (already reported): it gives no records."""


class _Reader:
    """Reads the rows of one sheet into records and problems."""

    def __init__(
        self, kind: SheetKind, source: str, cohort_id: str | None, ignored: set[str]
    ) -> None:
        self.kind = kind
        self.source = source
        self.cohort_id = cohort_id
        self.ignored = ignored
        self.problems: list[RowProblem] = []
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

    def problem(self, row: int, column: str | None, message: str, code: str = "invalid") -> None:
        self.problems.append(RowProblem(self.source, row, column, message, code))

    def read(self, rows: Sequence[Sequence[str]]) -> SheetImport:
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

    def result(self, rows: int) -> SheetImport:
        return SheetImport(
            kind=self.kind,
            source=self.source,
            rows=rows,
            problems=tuple(self.problems),
            **{name: tuple(records) for name, records in self.records.items()},
        )

    def columns(self, row: int, header: Sequence[str]) -> dict[int, tuple[Column, str]] | None:
        """Cell index to column (and its header as written); ``None`` if unusable."""
        by_name = {name: column for column in COLUMNS[self.kind] for name in column.names()}
        found: dict[int, tuple[Column, str]] = {}
        self.named = {i for i, cell in enumerate(header) if cell.strip()}
        seen: dict[str, str] = {}
        for index, cell in enumerate(header):
            text = cell.strip()
            if not text:
                continue
            column = by_name.get(fold(text))
            if column is None:
                if fold(text) not in self.ignored:
                    known = ", ".join(c.sv for c in COLUMNS[self.kind])
                    self.problem(
                        row,
                        text,
                        f"unknown column (its data would be lost): expected {known}",
                        "unknown-column",
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
        stray = [i for i, cell in enumerate(row) if cell.strip() and i not in columns]
        if any(i not in self.named for i in stray):
            self.problem(
                number,
                None,
                f"a value in column {max(stray) + 1}, which has no header (it would be lost)",
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
        reader: _Reader,
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
        self.values = {field: value.strip() for field, value in self.raw.items()}

    def header(self, field: str) -> str | None:
        return self.headers.get(field)

    def fail(self, field: str | None, message: str, code: str = "invalid") -> None:
        column = (
            None if field is None else self.headers.get(field, _sv_header(self.reader.kind, field))
        )
        self.reader.problem(self.number, column, message, code)

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
            self.fail(field, f"expected {message}, found {value!r}", code)
            return None
        if result is None:
            self.fail(field, f"expected {expected}, found {value!r}", code)
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
            for name in (member.value, member.name, labels(member, "sv"), labels(member, "en")):
                table.setdefault(fold(name), member)
            # the first word of the Swedish label too: "strategi" for "strategi och utveckling"
            table.setdefault(fold(labels(member, "sv").split()[0].split("/")[0]), member)
        names = ", ".join(repr(labels(m, "sv")) for m in kind)
        result: E | None = self.parsed(field, lambda v: table.get(fold(v)), f"one of {names}")
        return result

    def integer(self, field: str) -> int | None:
        result: int | None = self.parsed(
            field, lambda v: int(v) if v.isdigit() else None, "a whole number"
        )
        return result

    def boolean(self, field: str) -> bool | None:
        table = {
            "ja": True,
            "yes": True,
            "true": True,
            "x": True,
            "1": True,
            "nej": False,
            "no": False,
            "false": False,
            "0": False,
        }
        result: bool | None = self.parsed(field, lambda v: table.get(fold(v)), "ja or nej")
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
        if value == _NO_POSITION:
            return None
        result: Position | None = self.parsed("position", position, "a position code")
        return result

    def reports_to(self, *, unknown: bool) -> tuple[PoliticalBody, ...] | None:
        value = self.text("reports_to")
        if value is None:
            return None if unknown else ()
        if fold(value) in _NONE:
            return ()
        bodies = []
        for part in value.replace("\n", ";").replace(",", ";").split(";"):
            name = part.strip()
            if not name:
                continue
            body = _political_body(name)
            if body is None:
                self.fail(
                    "reports_to",
                    f"expected a nämnd or styrelse, with its kind if the name does not say it "
                    f'("{name} (nämnd)"), found {name!r}',
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


_NONE = {"inga", "ingen", "none", "no", "nej"}
_NO_POSITION = "-"  # a title that matches a catalog position, recorded as having none
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")  # as the model checks it


def _sv_header(kind: SheetKind, field: str) -> str:
    return next((c.sv for c in COLUMNS[kind] if c.field == field), field)


def _political_body(text: str) -> PoliticalBody | None:
    name, _, kind_text = text.partition("(")
    if kind_text:
        wanted = fold(kind_text.rstrip(")"))
        for kind in PoliticalBodyKind:
            if wanted in {fold(kind.value), fold(kind.label("sv")), fold(kind.label("en"))}:
                return PoliticalBody(name=name.strip(), kind=kind)
        return None
    kind_of = _kind_from_name(text)
    return None if kind_of is None else PoliticalBody(name=text, kind=kind_of)


def _kind_from_name(name: str) -> PoliticalBodyKind | None:
    folded = fold(name)
    if "kommunstyrelse" in folded or "regionstyrelse" in folded:
        return PoliticalBodyKind.KOMMUNSTYRELSE
    if "fullmaktige" in folded:
        return PoliticalBodyKind.FULLMAKTIGE
    if "namnd" in folded:
        return PoliticalBodyKind.NAMND
    if "styrelse" in folded:
        return PoliticalBodyKind.STYRELSE
    return None


_MEETING_STATUS = {
    MeetingStatus.PLANNED: ("planerad", "planned"),
    MeetingStatus.HELD: ("genomförd", "held"),
    MeetingStatus.CANCELLED: ("inställd", "cancelled"),
}


def _meeting_status_label(status: MeetingStatus, language: Language = "sv") -> str:
    return _MEETING_STATUS[status][0 if language == "sv" else 1]


def _label(member: Any, language: Language) -> str:
    return str(member.label(language))


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
            f"expected {error.expected}, found {error.found}",
        )
        raise _RowError from None


def _person(cells: _Cells, default_id: str) -> dict[str, Any]:
    return {
        "id": cells.text("person_id") or default_id,
        "given_name": cells.required("given_name"),
        "family_name": cells.required("family_name"),
        "email": cells.parsed(
            "email", lambda v: v if _EMAIL.fullmatch(v) else None, "an e-mail address"
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
        "status": cells.enum("status", MeetingStatus, _meeting_status_label) or MeetingStatus.HELD,
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


# Writing ---------------------------------------------------------------------------------


def sheet_rows(
    data: ProgramData,
    kind: SheetKind,
    *,
    cohort_id: str | None = None,
    include_personnummer: bool = False,
    language: Language = "sv",
) -> list[list[str]]:
    """The rows of a sheet of *kind* (header first) for the records of *data*."""
    columns = [c for c in COLUMNS[kind] if include_personnummer or c.field != "personnummer"]
    rows = [[c.header(language) for c in columns]]
    for values in _records_of(data, kind, cohort_id, language):
        if "personnummer" in values and not include_personnummer:
            del values["personnummer"]
        rows.append([values.get(c.field, "") for c in columns])
    return rows


def sheet_bytes(
    data: ProgramData,
    kind: SheetKind,
    *,
    syntax: Literal["csv", "xlsx"] = "csv",
    cohort_id: str | None = None,
    include_personnummer: bool = False,
    language: Language = "sv",
    delimiter: str = ";",
) -> bytes:
    """A sheet of *kind* as CSV (UTF-8 with BOM, ``;`` by default) or XLSX bytes."""
    rows = sheet_rows(
        data,
        kind,
        cohort_id=cohort_id,
        include_personnummer=include_personnummer,
        language=language,
    )
    if syntax == "xlsx":
        return write_xlsx(rows, title=kind)
    return write_csv(rows, delimiter=delimiter)


def write_sheet(
    data: ProgramData,
    path: str | os.PathLike[str],
    kind: SheetKind,
    *,
    cohort_id: str | None = None,
    include_personnummer: bool = False,
    language: Language = "sv",
    delimiter: str = ";",
) -> None:
    """Write a sheet of *kind* to *path*, CSV or XLSX by its suffix, atomically.

    The personnummer column is written only with ``include_personnummer=True``.
    """
    syntax: Literal["csv", "xlsx"] = "xlsx" if Path(path).suffix.casefold() == ".xlsx" else "csv"
    content = sheet_bytes(
        data,
        kind,
        syntax=syntax,
        cohort_id=cohort_id,
        include_personnummer=include_personnummer,
        language=language,
        delimiter=delimiter,
    )
    write_atomic(path, content)


def _iso(value: Any) -> str:
    return "" if value is None else str(value.isoformat())


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _bodies(bodies: tuple[PoliticalBody, ...] | None, language: Language) -> str:
    if bodies is None:
        return ""
    if not bodies:
        return "inga" if language == "sv" else "none"
    return "; ".join(
        body.name
        if _kind_from_name(body.name) is body.kind and "(" not in body.name
        else f"{body.name} ({body.kind.label(language)})"
        for body in bodies
    )


def _position_code(found: Position | None, title: str | None) -> str:
    if found is not None:
        return found.slug
    return "" if match_title(title) is None else _NO_POSITION


def _person_values(person: Person) -> dict[str, str]:
    return {
        "person_id": person.id,
        "given_name": person.given_name,
        "family_name": person.family_name,
        "email": _text(person.email),
        "phone": _text(person.phone),
        "personnummer": "" if person.personnummer is None else person.personnummer.reveal(),
    }


def _records_of(
    data: ProgramData, kind: SheetKind, cohort_id: str | None, language: Language
) -> Iterator[dict[str, str]]:
    def wanted(record: Any) -> bool:
        return cohort_id is None or record.cohort_id == cohort_id

    if kind == "participants":
        for p in filter(wanted, data.participants):
            job = data.appointment(p.appointment_id)
            yield {
                **_person_values(data.person(p.person_id)),
                "id": p.id,
                "cohort_id": p.cohort_id,
                "municipality": job.municipality.display_name,
                "organisation": job.organisation,
                "organisation_kind": job.organisation_kind.label(language),
                "title": job.title,
                "position": _position_code(job.position, job.title),
                "reports_to": _bodies(job.reports_to, language),
                "staff_function": ""
                if job.staff_function is None
                else job.staff_function.label(language),
                "start": _iso(job.start),
                "end": _iso(job.end),
                "status": p.status.label(language),
                "application_id": _text(p.application_id),
                "appointment_id": job.id,
            }
    elif kind == "mentors":
        for m in filter(wanted, data.mentors):
            yield {
                **_person_values(data.person(m.person_id)),
                "id": m.id,
                "cohort_id": m.cohort_id,
                "municipality": m.municipality.display_name,
                "capacity": str(m.capacity),
            }
    elif kind == "applications":
        for a in filter(wanted, data.applications):
            yield {
                **_person_values(data.person(a.person_id)),
                "id": a.id,
                "cohort_id": a.cohort_id,
                "submitted": _iso(a.submitted),
                "municipality": "" if a.municipality is None else a.municipality.display_name,
                "organisation": _text(a.organisation),
                "organisation_kind": ""
                if a.organisation_kind is None
                else a.organisation_kind.label(language),
                "title": _text(a.title),
                "position": _position_code(a.position, a.title),
                "in_position_since": _iso(a.in_position_since),
                "reports_to": _bodies(a.reports_to, language),
                "leads_staff_function": ""
                if a.leads_staff_function is None
                else ("ja" if a.leads_staff_function else "nej")
                if language == "sv"
                else ("yes" if a.leads_staff_function else "no"),
                "staff_function": ""
                if a.staff_function is None
                else a.staff_function.label(language),
                "status": a.status.label(language),
                "appointment_id": _text(a.appointment_id),
            }
    else:
        for meeting in data.meetings:
            yield {
                "id": meeting.id,
                "mentorship_id": meeting.mentorship_id,
                "on": _iso(meeting.on),
                "kind": meeting.kind.label(language),
                "status": _meeting_status_label(meeting.status, language),
                "duration_minutes": _text(meeting.duration_minutes),
                "notes": meeting.notes,
            }

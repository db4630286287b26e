"""The cells of one row of a sheet, read field by field into the values of its records.

The machinery under :mod:`ledarskap.io._sheet_reader`: a row's cells by field (trimmed,
a missing column's default filled in), each read as what its field holds (a date, a
municipality, a yes or no, a member of an enum, political bodies), each failure reported
at its row and column; then the records of each kind of sheet built from them. What
repeats from row to row (a date, a municipality, a title's position, an enum's names) is
read once and cached, short texts only.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from ledarskap._found import expected_found
from ledarskap.errors import InvalidValueError, LedarskapError
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
from ledarskap.text import LANGUAGES, Language, Text

from ._sheet_columns import (
    BOOLEANS,
    NO_POSITION,
    NONE_WORDS,
    SheetKind,
    header_of,
    political_body,
)
from ._sheets import fold, parse_date

if TYPE_CHECKING:
    from ledarskap.errors import Wording

__all__ = ["BUILDERS", "Cells", "Reporter", "RowContext", "RowError", "short", "split_name"]

E = TypeVar("E", bound=enum.Enum)
_OWN = frozenset({"given_name", "family_name", "mentorship_id"})
"""The fields no default can fill: each row has its own."""

_SHOWN = 60  # the most characters of a header or a name quoted in a problem
_DIGITS = 9  # the most digits of a whole number (a capacity, a duration)
_FORMULA_START = frozenset("=+-@")


def short(text: str) -> str:
    """*text*, cut to a bounded length to be quoted in a problem."""
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


class RowError(Exception):
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


class Reporter(Protocol):
    """Where a row's problems go: the reader's collector, at a row and a column."""

    def __call__(
        self,
        row: int,
        column: str | None,
        message: Wording,
        code: str = "invalid",
        hint: Wording | None = None,
    ) -> None:
        """Add a problem at *row* and *column* (a header as written)."""


class RowContext:
    """What every row of a sheet shares: its kind, cohort, columns, defaults and reporter."""

    __slots__ = ("cells", "cohort_id", "defaults", "headers", "kind", "report")

    def __init__(
        self,
        *,
        kind: SheetKind,
        cohort_id: str | None,
        cells: Sequence[tuple[str, int]],
        headers: Mapping[str, str],
        defaults: Mapping[str, str],
        report: Reporter,
    ) -> None:
        self.kind = kind
        self.cohort_id = cohort_id
        self.cells = cells
        """(field, cell index) for every column read."""
        self.headers = headers
        """The header as written of each field read."""
        self.defaults = defaults
        """The text of each field whose column is missing or whose cell is empty."""
        self.report = report


class Cells:
    """The cells of one row, by field, each read with a problem reported where it fails."""

    __slots__ = ("context", "failed", "headers", "number", "row", "values")

    def __init__(self, context: RowContext, number: int, row: Sequence[str]) -> None:
        self.context = context
        self.number = number
        self.failed = False
        self.headers = context.headers
        self.row = row
        width = len(row)
        values = {}
        for field, index in context.cells:
            if index < width:
                value = row[index]
                stripped = value.strip()
                if stripped:
                    if stripped[0] in _FORMULA_START and value[0] not in _FORMULA_START:
                        stripped = value.rstrip()
                    values[field] = stripped
        if context.defaults:
            for field, value in context.defaults.items():
                values.setdefault(field, value)
        self.values = values

    def raw(self, field: str) -> str:
        """The cell of *field* as written, white space kept (``""`` if none)."""
        index = next((i for f, i in self.context.cells if f == field), None)
        return "" if index is None or index >= len(self.row) else self.row[index]

    def header(self, field: str) -> str | None:
        return self.headers.get(field)

    def refuse(
        self,
        field: str | None,
        message: Wording,
        code: str = "invalid",
        hint: Wording | None = None,
    ) -> None:
        column = (
            None if field is None else self.headers.get(field, header_of(self.context.kind, field))
        )
        self.failed = True
        self.context.report(self.number, column, message, code, hint)

    def text(self, field: str) -> str | None:
        return self.values.get(field)

    def required(self, field: str) -> str | None:
        value = self.values.get(field)
        if value is None:
            hint = (
                Text("fyll i den", "fill it in")
                if field in _OWN
                else Text(
                    "fyll i den, eller ge tomma celler ett standardvärde "
                    f"(defaults={{{field!r}: …}})",
                    f"fill it in, or give empty cells a default (defaults={{{field!r}: …}})",
                )
            )
            self.refuse(
                field,
                Text(
                    "förväntade ett värde, fick en tom cell",
                    "expected a value, found an empty cell",
                ),
                "missing",
                hint,
            )
        return value

    def required_date(self, field: str) -> Any:
        return self.date(field) if self.required(field) is not None else None

    def check(self) -> None:
        """Stop here if a cell of the row had a problem: the row gives no records."""
        if self.failed:
            raise RowError

    def parsed(
        self, field: str, parse: Callable[[str], Any], expected: Text, code: str = "invalid"
    ) -> Any:
        value = self.values.get(field)
        if value is None:
            return None
        try:
            result = parse(value)
        except LedarskapError as error:
            if isinstance(error, InvalidValueError):
                wanted, hint = error.expected_text, error.hint_text
            else:
                wanted, hint = Text(error.render("sv"), str(error)), None
            self.refuse(field, expected_found(wanted, value), code, hint)
            return None
        if result is None:
            self.refuse(field, expected_found(expected, value), code)
        return result

    def date(self, field: str) -> Any:
        value = self.values.get(field)
        if value is None:
            return None
        found = _day(value) if len(value) == _ISO_LENGTH else None
        if found is not None:
            return found
        return self.parsed(field, parse_date, _A_DATE, "invalid-date")

    def municipality(self, field: str = "municipality") -> Municipality | None:
        value = self.values.get(field)
        if value is None:
            return None
        found = _municipality(value) if len(value) <= _CACHED else None
        if found is not None:
            return found
        result: Municipality | None = self.parsed(
            field,
            lambda v: municipality(v.zfill(4) if v.isdigit() else v),
            Text("en kommun", "a municipality"),
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
            self.refuse(field, expected_found(Text(f"en av {names}", f"one of {names}"), value))
        return found

    def integer(self, field: str) -> int | None:
        result: int | None = self.parsed(
            field,
            lambda v: int(v) if v.isascii() and v.isdigit() and len(v) <= _DIGITS else None,
            Text(
                f"ett heltal (med högst {_DIGITS} siffror)",
                f"a whole number (of at most {_DIGITS} digits)",
            ),
        )
        return result

    def boolean(self, field: str) -> bool | None:
        result: bool | None = self.parsed(
            field,
            lambda v: BOOLEANS.get(fold(v)),
            Text(
                "ja eller nej (j/n, x, yes/no, sant/falskt, 1/0)",
                "ja or nej (j/n, x, yes/no, sant/falskt, 1/0)",
            ),
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
            self.refuse(
                "leads_staff_function",
                Text(
                    f"förväntade ja, eftersom raden anger en stabsfunktion ({staff.label('sv')}), "
                    "fick nej",
                    f"expected ja, since the row names a staff function ({staff.label('sv')}), "
                    "found nej",
                ),
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
                self.refuse(
                    "name",
                    expected_found(
                        Text("ett förnamn och ett efternamn", "a given and a family name"), full
                    ),
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
            "personnummer",
            Personnummer,
            Text("ett personnummer", "a personnummer"),
            "invalid-personnummer",
        )
        return result

    def position(self, title: str | None) -> Position | None:
        """The position code's position; the title's match without one; none for "-"."""
        value = self.values.get("position")
        if value is None:
            return (
                _title_match(title)
                if title is None or len(title) <= _CACHED
                else match_title(title)
            )
        if value == NO_POSITION:
            return None
        result: Position | None = self.parsed(
            "position", position, Text("en befattningskod", "a position code")
        )
        return result

    def reports_to(self, *, unknown: bool) -> tuple[PoliticalBody, ...] | None:
        value = self.values.get("reports_to")
        if value is None:
            return None if unknown else ()
        bodies = _bodies(value) if len(value) <= _CACHED else _bodies.__wrapped__(value)
        if BOOLEANS.get(fold(value)) is True:
            self.refuse(
                "reports_to",
                expected_found(
                    Text(
                        "den nämnd eller styrelse som befattningen rapporterar till",
                        "the nämnd or styrelse reported to",
                    ),
                    value,
                ),
                hint=Text(
                    "ange den (Socialnämnden), eller skriv nej eller inga om det inte finns någon",
                    "name it (Socialnämnden), or write nej or inga for none",
                ),
            )
            return None
        if isinstance(bodies, str):
            example = short(bodies.partition("(")[0].strip())
            self.refuse(
                "reports_to",
                expected_found(
                    Text(
                        "en nämnd eller styrelse, med dess sort om namnet inte säger den "
                        f'("{example} (nämnd)")',
                        "a nämnd or styrelse, with its kind if the name does not say it "
                        f'("{example} (nämnd)")',
                    ),
                    bodies,
                ),
            )
            return None
        return bodies

    def cohort(self) -> str:
        value = self.values.get("cohort_id") or self.context.cohort_id
        if value is None:
            self.refuse(
                None,
                Text(
                    "förväntade omgången: en kolumn 'Omgång', eller cohort_id=",
                    "expected the cohort: a column 'Omgång', or cohort_id=",
                ),
                "missing",
            )
            return ""
        return value


_A_DATE = Text(
    "ett datum som 2025-09-01 eller 1 september 2025",
    "a date such as 2025-09-01 or 1 september 2025",
)
_ISO_LENGTH = 10
_CACHED = 200
"""The longest cell whose reading is cached: a hostile sheet's long cells are not kept."""


@functools.lru_cache(maxsize=4096)
def _day(text: str) -> dt.date | None:
    """*text* as an ISO date, cached (a sheet's dates repeat); ``None`` if not one."""
    if text[4] == "-":
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
def _bodies(value: str) -> tuple[PoliticalBody, ...] | str:
    """The political bodies a cell names, or the first name that is none; cached."""
    if fold(value) in NONE_WORDS or BOOLEANS.get(fold(value)) is False:
        return ()
    bodies = []
    for part in value.replace("\n", ";").replace(",", ";").split(";"):
        name = part.strip()
        if not name:
            continue
        body = political_body(name)
        if body is None:
            return name
        bodies.append(body)
    return tuple(bodies)


@functools.lru_cache(maxsize=4096)
def _title_match(title: str | None) -> Position | None:
    return match_title(title)


# Rows to records -------------------------------------------------------------------------


def _build(cells: Cells, make: Callable[..., Any], fields: dict[str, Any]) -> Any:
    """A record from *fields*, its own checks' failures reported at their columns."""
    try:
        return make(**fields)
    except InvalidValueError as error:
        field = error.location.rpartition(".")[2].split("[")[0]
        if field == "id":
            field = {"Person": "person_id", "Appointment": "appointment_id"}.get(
                getattr(make, "__name__", ""), "id"
            )
        cells.refuse(
            field if field in cells.headers else None,
            expected_found(error.expected_text, error.found),
            hint=error.hint_text,
        )
        raise RowError from None


def _person(cells: Cells, default_id: str) -> dict[str, Any]:
    given, family = cells.name()
    return {
        "id": cells.text("person_id") or default_id,
        "given_name": given,
        "family_name": family,
        "email": cells.parsed(
            "email",
            lambda v: v if email.accepts(v) else None,
            Text("en e-postadress", "an e-mail address"),
        ),
        "phone": cells.text("phone"),
        "personnummer": cells.personnummer(),
    }


def _participant_rows(cells: Cells) -> list[tuple[str, Any]]:
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


def _mentor_rows(cells: Cells) -> list[tuple[str, Any]]:
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


def _application_rows(cells: Cells) -> list[tuple[str, Any]]:
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


def _meeting_rows(cells: Cells) -> list[tuple[str, Any]]:
    meeting = {
        "id": cells.text("id") or f"mm-{cells.number}",
        "mentorship_id": cells.required("mentorship_id"),
        "on": cells.required_date("on"),
        "kind": cells.enum("kind", MeetingKind) if cells.required("kind") else None,
        "status": cells.enum("status", MeetingStatus) or MeetingStatus.HELD,
        "duration_minutes": cells.integer("duration_minutes"),
        "notes": cells.raw("notes"),
    }
    cells.check()
    return [("meetings", _build(cells, MentorMeeting, meeting))]


BUILDERS: dict[SheetKind, Callable[[Cells], list[tuple[str, Any]]]] = {
    "participants": _participant_rows,
    "mentors": _mentor_rows,
    "applications": _application_rows,
    "meetings": _meeting_rows,
}

"""The cells of one row of a sheet, read field by field into the values of its records.

The machinery under :mod:`ledarskap.io._sheet_reader`: a row's cells by field (trimmed,
a missing column's default filled in), each read as what its field holds (a date, a
municipality, a yes or no, a member of an enum, political bodies), each failure reported
at its row and column; then the records of each kind of sheet built from them, every
check of the model that fails reported with the cells' problems, at once, at the column
the value came from. What repeats from row to row (a date, a municipality, a title's
position, an enum's names) is read once and cached, short texts only.

A cell of personal data (a personnummer, an e-mail address, a phone number) is never
quoted as written in a problem, only masked (:func:`shown`).
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import types
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import attrs

from ledarskap._found import expected_found
from ledarskap.errors import InvalidValueError, LedarskapError, mask_field
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
    AN_ID,
    BOOLEANS,
    NO_POSITION,
    NONE_WORDS,
    SheetKind,
    header_of,
    is_id,
    political_body,
)
from ._sheet_mapping import Advice
from ._sheets import Escaped, Unreadable, fold, parse_date

if TYPE_CHECKING:
    from ledarskap.errors import Wording

__all__ = [
    "BUILDERS",
    "Cells",
    "Reporter",
    "RowContext",
    "RowError",
    "short",
    "shown",
    "split_name",
]

E = TypeVar("E", bound=enum.Enum)
_OWN = frozenset({"given_name", "family_name", "mentorship_id"})
"""The fields no default can fill: each row has its own."""

_SHOWN = 60  # the most characters of a header or a name quoted in a problem
_DIGITS = 9  # the most digits of a whole number (a capacity, a duration)
_PERSONAL = frozenset({"email", "phone", "personnummer"})
"""The fields whose cells are personal data: a problem shows them masked only."""


def short(text: str) -> str:
    """*text*, cut to a bounded length to be quoted in a problem."""
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def shown(field: str, text: str) -> str:
    """The cell *text* of *field* as a problem quotes it (:func:`~ledarskap.errors.mask_field`).

    >>> shown("personnummer", "850312-239"), shown("title", "Socialchef")
    ('XXXXXX-X39', 'Socialchef')
    """
    return mask_field(field, text) if field in _PERSONAL else text


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

    __slots__ = ("advice", "cells", "cohort_id", "defaults", "headers", "kind", "report")

    def __init__(
        self,
        *,
        kind: SheetKind,
        cohort_id: str | None,
        cells: Sequence[tuple[str, int]],
        headers: Mapping[str, str],
        defaults: Mapping[str, str],
        report: Reporter,
        advice: Advice,
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
        self.advice = advice
        """How a hint names what the caller may give: as arguments, or on the command line."""


class Cells:
    """The cells of one row, by field, each read with a problem reported where it fails."""

    __slots__ = ("context", "failed", "headers", "made", "number", "refused", "row", "values")

    def __init__(self, context: RowContext, number: int, row: Sequence[str]) -> None:
        self.context = context
        self.number = number
        self.failed = False
        self.refused: set[str] = set()
        """The fields whose problem is reported: each is said once, nothing made of it."""
        self.made: dict[str, str] = {}
        """The id fields made rather than given, and the field each was made from."""
        self.headers = context.headers
        self.row = row
        width = len(row)
        values = {}
        unreadable = []
        for field, index in context.cells:
            if index < width:
                value = row[index]
                if isinstance(value, Unreadable):
                    unreadable.append((field, value))
                    continue
                stripped = value.strip()  # a written text (Escaped) is exact
                if stripped:
                    values[field] = str(value) if isinstance(value, Escaped) else stripped
        if context.defaults:
            for field, value in context.defaults.items():
                values.setdefault(field, value)
        self.values = values
        for field, cell in unreadable:  # an Excel error is no empty cell a default fills
            values.pop(field, None)
            self.refuse(field, cell.message, cell.code, cell.hint)

    def raw(self, field: str) -> str:
        """The cell of *field* as written, white space kept; if blank, its default (or ``""``)."""
        index = next((i for f, i in self.context.cells if f == field), None)
        text = "" if index is None or index >= len(self.row) else self.row[index]
        if field in self.refused:
            return ""
        return text if text.strip() else self.context.defaults.get(field, text)

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
        if field is not None:
            self.refused.add(field)
        self.context.report(self.number, column, message, code, hint)

    def text(self, field: str) -> str | None:
        return self.values.get(field)

    def required(self, field: str) -> str | None:
        value = self.values.get(field)
        if value is None and field not in self.refused:
            self.refuse(
                field,
                Text(
                    "förväntade ett värde, fick en tom cell",
                    "expected a value, found an empty cell",
                ),
                "missing",
                Text("fyll i den", "fill it in")
                if field in _OWN
                else self.context.advice.fill_in(field),
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
            self.refuse(field, expected_found(wanted, shown(field, value)), code, hint)
            return None
        if result is None:
            self.refuse(field, expected_found(expected, shown(field, value)), code)
        return result

    def date(self, field: str) -> Any:
        value = self.values.get(field)
        if value is None:
            return None
        found = _day(value) if len(value) == _ISO_LENGTH else None
        if found is not None:
            return found
        return self.parsed(field, parse_date, _A_DATE, "invalid-date")

    def municipality(
        self, field: str = "municipality", *, required: bool = False
    ) -> Municipality | None:
        value = self.required(field) if required else self.values.get(field)
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

    def integer(self, field: str, *, least: int = 0) -> int | None:
        """The whole number in *field*'s cell, at least *least*; ``None`` if empty or not one."""
        value = self.values.get(field)
        result: int | None = self.parsed(
            field,
            lambda v: int(v) if v.isascii() and v.isdigit() and len(v) <= _DIGITS else None,
            Text(
                f"ett heltal (med högst {_DIGITS} siffror)",
                f"a whole number (of at most {_DIGITS} digits)",
            ),
        )
        if result is not None and result < least:
            self.refuse(
                field,
                expected_found(
                    Text(f"ett heltal, minst {least}", f"a whole number, at least {least}"), value
                ),
            )
            return None
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
        holder leads one (which, not said) or none. A "Leder stabsfunktion" cell says it
        too; one that says otherwise than the Stabsfunktion cell is a problem, not settled.
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
        elif leads is not None and said is not None and leads != said:
            header = self.headers.get("staff_function", "Stabsfunktion")
            wanted, found = ("ja", "nej") if said else ("nej", "ja")
            self.refuse(
                "leads_staff_function",
                Text(
                    f"förväntade {wanted}, eftersom {header!r} säger {wanted}, fick {found}",
                    f"expected {wanted}, since {header!r} says {wanted}, found {found}",
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
                for field, value in (("given_name", given), ("family_name", family)):
                    if value is None:  # said with the name's problem
                        self.refused.add(field)
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

    def identifier(self, field: str, *, required: bool = False) -> str | None:
        """The id in *field*'s cell, if it is one (an id a record can have); else ``None``."""
        value = self.required(field) if required else self.values.get(field)
        if value is not None and not is_id(value):
            self.refuse(field, expected_found(AN_ID, value))
            return None
        return value

    def made_id(self, field: str, origin: str, made: str) -> str:
        """*made*, the id of *field* made from the value of the field *origin*."""
        self.made[field] = self.made.get(origin, origin)
        return made

    def cohort(self) -> str:
        """The row's cohort: its Omgång cell, else the caller's (``""`` if none, reported)."""
        if "cohort_id" in self.values:
            return self.identifier("cohort_id") or ""
        if self.context.cohort_id is None:
            self.refuse(None, self.context.advice.cohort(), "missing")
            self.refused.add("cohort_id")
            return ""
        return self.context.cohort_id


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

Record = tuple[str, type[Any], dict[str, Any], Mapping[str, str]]
"""What a row gives: the collection, the record's class, its fields, the cell of each field
whose name is not its cell's (``{"id": "person_id"}``)."""


def _records(cells: Cells, *records: Record) -> list[tuple[str, Any]]:
    """The records of a row, each built; none if a cell or a check of the model failed.

    Every record is checked even after a problem, so that every problem of the row is
    reported at once.
    """
    built = [
        (collection, _build(cells, make, fields, cells_of))
        for collection, make, fields, cells_of in records
    ]
    cells.check()
    return built


def _build(
    cells: Cells, make: type[Any], fields: dict[str, Any], cells_of: Mapping[str, str]
) -> Any:
    """A record from *fields*; ``None`` if the model's checks fail, each failure reported.

    Made whole unless a cell of its fields failed (the usual case, at the usual cost);
    else, or if that fails, each field is checked alone, so that each failure is reported
    at the column its value came from. A field whose cell had its problem already (its
    value ``None``) is passed over.
    """
    said = _said(cells.refused, fields, cells_of) if cells.failed else set()
    failure = None
    if not said:
        try:
            return make(**fields)
        except InvalidValueError as error:
            failure = error
    failures = list(_failures(make, fields, said))
    for name, found in failures:
        _report(cells, cells_of.get(name, name), fields[name], found)
    if failure is not None and not failures:  # a check of the whole record
        cells.refuse(
            None, expected_found(failure.expected_text, failure.found), hint=failure.hint_text
        )
    cells.failed = True
    return None


def _said(refused: set[str], fields: dict[str, Any], cells_of: Mapping[str, str]) -> set[str]:
    """The fields among *fields* whose cell had its problem already (of the few *refused*)."""
    return {f for f in refused & fields.keys() if f not in cells_of} | {
        f for f, cell in cells_of.items() if cell in refused
    }


def _failures(
    make: type[Any], fields: dict[str, Any], said: set[str]
) -> Iterator[tuple[str, InvalidValueError]]:
    """Each field of *fields* but those *said* that fails its check in *make*, with its error."""
    record = types.SimpleNamespace(**fields)  # what a check of one field reads of the others
    checked = fields.keys() - said
    for attribute in attrs.fields(make):
        if attribute.validator is not None and attribute.name in checked:
            try:
                attribute.validator(record, attribute, fields[attribute.name])
            except InvalidValueError as error:
                yield attribute.name, error


def _report(cells: Cells, field: str, value: object, error: InvalidValueError) -> None:
    """Report *error* of *field* at the column it came from, unless it is said already."""
    origin = cells.made.get(field)
    if field in cells.refused or (origin is not None and origin in cells.refused):
        return
    if origin is not None:  # an id made from another cell (or the caller's cohort)
        column = origin if origin in cells.headers else None
        cells.refuse(
            column,
            Text(
                f"id:t {value!r} som görs av {'den' if column else 'omgången'} blir "
                f"ogiltigt: förväntade {_swedish(error.expected_text)}",
                f"the id {value!r} made from {'it' if column else 'the cohort'} is not "
                f"valid: expected {_english(error.expected_text)}",
            ),
        )
        cells.refused.update((field, origin))
    elif value is None:
        cells.refuse(
            field,
            Text("förväntade ett värde, fick en tom cell", "expected a value, found an empty cell"),
            "missing",
        )
    else:
        written = cells.values.get(field)
        found = error.found if written is None else shown(field, written)
        cells.refuse(field, expected_found(error.expected_text, found), hint=error.hint_text)


def _swedish(wording: Wording) -> str:
    return wording if isinstance(wording, str) else wording.sv or wording.en


def _english(wording: Wording) -> str:
    return wording if isinstance(wording, str) else wording.en


def _person(cells: Cells, origin: str, made: str) -> dict[str, Any]:
    """A person's fields; its id, if not given, *made* from the field *origin*."""
    given, family = cells.name()
    return {
        "id": cells.identifier("person_id") or cells.made_id("person_id", origin, made),
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


_PERSON_ID = {"id": "person_id"}
_SAME: dict[str, str] = {}


def _own_id(cells: Cells, made: str) -> str:
    """The row's id: its Id cell, else *made* from its cohort."""
    return cells.identifier("id") or cells.made_id("id", "cohort_id", made)


def _participant_rows(cells: Cells) -> list[tuple[str, Any]]:
    cohort_id = cells.cohort()
    participant_id = _own_id(cells, f"d-{cohort_id}-{cells.number}")
    person = _person(cells, "id", f"p-{participant_id}")
    title = cells.required("title")
    staff, leads = cells.staff()
    job = {
        "id": cells.identifier("appointment_id")
        or cells.made_id("appointment_id", "id", f"a-{participant_id}"),
        "person_id": person["id"],
        "municipality": cells.municipality(required=True),
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
        "application_id": cells.identifier("application_id"),
    }
    return _records(
        cells,
        ("people", Person, person, _PERSON_ID),
        ("appointments", Appointment, job, {"id": "appointment_id"}),
        ("participants", Participant, participant, _SAME),
    )


def _mentor_rows(cells: Cells) -> list[tuple[str, Any]]:
    cohort_id = cells.cohort()
    mentor_id = _own_id(cells, f"mentor-{cohort_id}-{cells.number}")
    person = _person(cells, "id", f"p-{mentor_id}")
    capacity = cells.integer("capacity", least=1)
    mentor = {
        "id": mentor_id,
        "person_id": person["id"],
        "cohort_id": cohort_id,
        "municipality": cells.municipality(required=True),
        "capacity": 1 if capacity is None else capacity,
    }
    return _records(
        cells, ("people", Person, person, _PERSON_ID), ("mentors", Mentor, mentor, _SAME)
    )


def _application_rows(cells: Cells) -> list[tuple[str, Any]]:
    cohort_id = cells.cohort()
    application_id = _own_id(cells, f"ans-{cohort_id}-{cells.number}")
    person = _person(cells, "id", f"p-{application_id}")
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
        "appointment_id": cells.identifier("appointment_id"),
    }
    return _records(
        cells,
        ("people", Person, person, _PERSON_ID),
        ("applications", Application, application, _SAME),
    )


def _meeting_rows(cells: Cells) -> list[tuple[str, Any]]:
    meeting = {
        "id": cells.identifier("id") or f"mm-{cells.number}",
        "mentorship_id": cells.identifier("mentorship_id", required=True),
        "on": cells.required_date("on"),
        "kind": cells.enum("kind", MeetingKind) if cells.required("kind") else None,
        "status": cells.enum("status", MeetingStatus) or MeetingStatus.HELD,
        "duration_minutes": cells.integer("duration_minutes"),
        "notes": cells.raw("notes"),
    }
    return _records(cells, ("meetings", MentorMeeting, meeting, _SAME))


BUILDERS: dict[SheetKind, Callable[[Cells], list[tuple[str, Any]]]] = {
    "participants": _participant_rows,
    "mentors": _mentor_rows,
    "applications": _application_rows,
    "meetings": _meeting_rows,
}

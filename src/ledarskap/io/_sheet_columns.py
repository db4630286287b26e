"""What a sheet of each kind holds: its columns and the words its cells are written in.

The vocabulary shared by reading and writing sheets (:mod:`ledarskap.io.spreadsheets` over
:mod:`ledarskap.io._sheet_reader`): the kinds of sheet with their Swedish and English
names, the columns of each kind with their headers in both languages, and the words a
cell may hold (``ja``/``nej``, ``inga``, a political body written as its name; a
meeting's status is written as :class:`~ledarskap.model.MeetingStatus` labels it).
Everything here is data and small lookups; nothing reads or writes a file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal, cast

import attrs

from ledarskap.errors import InvalidValueError, UsageError
from ledarskap.model import PoliticalBody, PoliticalBodyKind
from ledarskap.model._checks import ID_PATTERN, identifier
from ledarskap.text import LANGUAGES, LabelledEnum, Language, Text

from ._sheets import fold

if TYPE_CHECKING:
    from ledarskap.errors import Wording

__all__ = [
    "AN_ID",
    "BOOLEANS",
    "COLUMNS",
    "NAME",
    "NONE",
    "NONE_WORDS",
    "NO_POSITION",
    "YES_NO",
    "Column",
    "Sheet",
    "SheetKind",
    "checked_kind",
    "header_of",
    "is_id",
    "political_body",
]

SheetKind = Literal["participants", "mentors", "applications", "meetings"]
"""The kinds of sheet: what one row of it records."""


class Sheet(LabelledEnum):
    """A kind of sheet, named in Swedish and English."""

    PARTICIPANTS = "participants", "deltagare", "participants"
    MENTORS = "mentors", "mentorer", "mentors"
    APPLICATIONS = "applications", "ansökningar", "applications"
    MEETINGS = "meetings", "mentorsträffar", "meetings"


_KIND_ALIASES = {"moten": Sheet.MEETINGS}  # "möten", as a CKS user might write it


def checked_kind(kind: object, function: str) -> SheetKind:
    """*kind* as one of the four sheet kinds (by its English or Swedish name), or the library's error.

    A *kind* that is not text at all raises :class:`~ledarskap.errors.UsageError` (the
    arguments of *function* mixed up); unknown text, :class:`~ledarskap.errors.InvalidValueError`.
    """
    if not isinstance(kind, str):
        raise UsageError(
            Text(
                f"{function}(kind): förväntade namnet på en sorts blad, fick {type(kind).__name__}",
                f"{function}(kind): expected the name of a sheet kind, found {type(kind).__name__}",
            )
        )
    folded = fold(kind)
    for sheet in Sheet:
        if folded in (fold(sheet.value), fold(sheet.label("sv"))):
            return cast("SheetKind", sheet.value)
    if folded in _KIND_ALIASES:
        return cast("SheetKind", _KIND_ALIASES[folded].value)
    names = ", ".join(sheet.label("sv") for sheet in Sheet)
    values = sorted(s.value for s in Sheet)
    raise InvalidValueError(
        location=f"{function}(kind)",
        expected=Text(
            f"en av {values} (eller {names}, möten)", f"one of {values} (or {names}, möten)"
        ),
        found=kind,
    )


@attrs.frozen
class Column:
    """A column of a sheet: the field it fills, its headers, and other names it may have."""

    field: str
    sv: str
    en: str
    aliases: tuple[str, ...] = ()
    required: bool = False
    written: bool = True
    """Whether sheets are written with this column (a full name, read only, is not)."""

    @property
    def text(self) -> Text:
        """The column's header in Swedish and English."""
        return Text(self.sv, self.en)

    def header(self, language: Language = "sv") -> str:
        """The header written in *language* (``"sv"`` or ``"en"``; any other is refused)."""
        return self.text.render(language)

    def names(self) -> Iterator[str]:
        """Every folded name the column is known by."""
        for name in (self.field, self.sv, self.en, *self.aliases):
            yield fold(name)


def _person_columns() -> tuple[Column, ...]:
    return (
        Column("person_id", "Person-id", "Person id"),
        Column("given_name", "Förnamn", "Given name", ("first name", "tilltalsnamn"), True),
        Column("family_name", "Efternamn", "Family name", ("last name", "surname"), True),
        NAME,
        Column(
            "email",
            "E-post",
            "E-mail",
            ("email", "e-postadress", "mejl", "mejladress", "mail", "mailadress", "epost"),
        ),
        Column(
            "phone",
            "Telefon",
            "Phone",
            ("telefonnummer", "tfn", "mobil", "mobilnummer", "mobiltelefon"),
        ),
        Column("personnummer", "Personnummer", "Personal identity number", ("pnr", "personnr")),
    )


NAME = Column(
    "name",
    "Namn",
    "Name",
    ("fullständigt namn", "för- och efternamn", "full name", "deltagare", "namn på deltagare"),
    written=False,
)
"""A full name, read into the given and family name (\"Anna Berg\", \"Berg, Anna\"); never written."""
_ID = Column("id", "Id", "Id", ("id-nummer",))
_COHORT = Column("cohort_id", "Omgång", "Cohort", ("kull", "omgångs-id", "cohort id"))
_MUNICIPALITY = Column(
    "municipality",
    "Kommun",
    "Municipality",
    ("kommunkod", "kommunnamn", "arbetsort", "kommun/region"),
)
_ORGANISATION = Column(
    "organisation",
    "Förvaltning",
    "Organisation",
    ("organisation", "arbetsplats", "bolag", "förvaltning/bolag", "förvaltning eller bolag"),
)
_ORG_KIND = Column("organisation_kind", "Organisationstyp", "Organisation kind")
_TITLE = Column(
    "title",
    "Befattning",
    "Title",
    (
        "titel",
        "roll",
        "tjänst",
        "tjänstetitel",
        "yrkestitel",
        "position title",
        "job title",
        "role",
    ),
)
_POSITION = Column("position", "Befattningskod", "Position code", ("befattnings-id",))
_REPORTS = Column("reports_to", "Rapporterar till", "Reports to", ("politisk ledning",))
_STAFF = Column("staff_function", "Stabsfunktion", "Staff function")
_LEADS_STAFF = Column(
    "leads_staff_function",
    "Leder stabsfunktion",
    "Leads a staff function",
    ("stabschef", "chef för stabsfunktion", "leder en stabsfunktion"),
)
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
        attrs.evolve(_LEADS_STAFF, written=False),
        Column(
            "start",
            "Startdatum",
            "Start date",
            ("anställd sedan", "tillträdde", "anställningsdatum", "i befattningen sedan"),
            True,
        ),
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
        _LEADS_STAFF,
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


def header_of(kind: SheetKind, field: str, language: Language = "sv") -> str:
    """The header of *field* in a sheet of *kind* (the field's name if it has none)."""
    return next((c.header(language) for c in COLUMNS[kind] if c.field == field), field)


# The words of the cells ------------------------------------------------------------------

NONE = Text("inga", "none")
"""What a "Rapporterar till" cell says for "reports to no political body"."""
NONE_WORDS = frozenset({"inga", "ingen", "none", "no", "nej"})
"""Every word read as "none" (folded)."""
NO_POSITION = "-"
"""A position code for a title that matches a catalog position, recorded as having none."""

YES_NO = {True: Text("ja", "yes"), False: Text("nej", "no")}
"""How a yes-or-no cell is written."""
BOOLEANS = {
    **dict.fromkeys(("ja", "j", "yes", "y", "sant", "true", "x", "1"), True),
    **dict.fromkeys(("nej", "n", "no", "falskt", "false", "0"), False),
}
"""Every word read as yes or no (folded), in Swedish and English as Excel writes them."""


def political_body(text: str) -> PoliticalBody | None:
    """A body written ``Name (kind)``, or as a name that tells its kind; else ``None``."""
    name, _, kind_text = text.partition("(")
    if kind_text:
        wanted = fold(kind_text.rstrip(")"))
        for kind in PoliticalBodyKind:
            if wanted in {fold(kind.value), *(fold(kind.label(lang)) for lang in LANGUAGES)}:
                return PoliticalBody(name=name.strip(), kind=kind)
        return None
    kind_of = PoliticalBodyKind.from_name(text)
    return None if kind_of is None else PoliticalBody(name=text, kind=kind_of)


AN_ID: Wording = identifier.expected
"""What a record's id is, as the model's problems say it."""
_ID_MATCH = re.compile(ID_PATTERN).fullmatch


def is_id(text: str) -> bool:
    """Whether *text* may be a record's id (letters, digits and ``._:-``, 1 to 64)."""
    return _ID_MATCH(text) is not None

r"""Spreadsheets in and out: participants, mentors, applications and meetings as CSV or XLSX.

Each kind of sheet has its columns (:data:`COLUMNS`), with Swedish and English headers
("Förnamn" or "Given name", "Kommun" or "Municipality" …) matched ignoring case, accents
and punctuation. CSV may be UTF-8 with or without a BOM, Windows-1252 (Excel's plain "CSV") or UTF-16
(Excel's "Unicode text"), delimited by ``;`` (Excel in a Swedish locale), ``,`` or a tab;
XLSX needs the ``xlsx`` extra (``pip install 'ledarskap[xlsx]'``).

Reading never stops at the first bad row: a :class:`SheetImport` holds the records of the
good rows *and* a :class:`~ledarskap.errors.Problem` for every problem, with file, row
number and column;
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
deltagare.csv, row 3, column 'Kommun': expected one of Sweden's 290 municipality codes or names, found text 'Linkopping' (did you mean 0580 Linköping?)

A municipality's list is rarely the library's template. :func:`read_sheet` meets it where
it is: headers a Swedish sheet commonly uses ("Titel", "Arbetsort", "Mejl", "Namn" for a
whole name), a mapping of the caller's (``columns={"Uppdrag": "title"}``), columns skipped
(``ignore_columns``), defaults for what the list lacks (``defaults={"start": …}``, or a
cohort's start), yes/no cells in Swedish and English, and a title above the header. The
mapping and defaults can be kept as a small TOML file beside the sheet
(:class:`SheetMapping`, :func:`load_sheet_mapping`, :func:`save_sheet_mapping`).
:func:`inspect_sheet` says what would be understood before anything is imported, and a
:class:`SheetImport` says what became of every row (:attr:`SheetImport.outcomes`).

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

import os
import stat
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import attrs

from ledarskap._deprecation import deprecated_names
from ledarskap._gc import paused_gc
from ledarskap.errors import (
    DocumentError,
    InvalidValueError,
    Problem,
    UsageError,
    masked_repr,
    safe_repr,
)
from ledarskap.model import (
    Application,
    Appointment,
    Cohort,
    Mentor,
    MentorMeeting,
    Participant,
    Person,
    PoliticalBody,
    PoliticalBodyKind,
    Position,
    ProgramData,
    match_title,
)
from ledarskap.model.programdata import checked_program_data
from ledarskap.text import Language, Text, checked_language

from ._atomic import write_atomic
from ._problems import FILE_NAME
from ._progress import ProgressCallback, Ticker, checked_progress
from ._reading import reason_of, refuse_devices
from ._sheet_columns import (
    AN_ID,
    COLUMNS,
    NO_POSITION,
    NONE,
    YES_NO,
    Column,
    Sheet,
    SheetKind,
    checked_kind,
    header_of,
    is_id,
)
from ._sheet_mapping import (
    Advice,
    DefaultValue,
    SheetMapping,
    cell_text,
    field_of,
    load_sheet_mapping,
    mapping_text,
    save_sheet_mapping,
)
from ._sheet_reader import Layout, Reader, Rows
from ._sheet_report import ColumnReport, RowOutcome, SheetInspection
from ._sheets import MAX_UNPACKED, XlsxStream, stream_csv, write_csv, write_xlsx

__all__ = [
    "COLUMNS",
    "Column",
    "ColumnReport",
    "DefaultValue",
    "RowOutcome",
    "SheetImport",
    "SheetInspection",
    "SheetKind",
    "SheetMapping",
    "inspect_sheet",
    "load_sheet_mapping",
    "mapping_text",
    "read_sheet",
    "save_sheet_mapping",
    "sheet_bytes",
    "sheet_rows",
    "write_sheet",
]

_WRITTEN: dict[str, Literal["csv", "xlsx"]] = {".csv": "csv", ".xlsx": "xlsx"}
"""The suffixes :func:`write_sheet` writes, and the syntax of each."""


if TYPE_CHECKING:  # type checkers see the deprecated name, and no other
    RowProblem = Problem
    """Deprecated (warns when it runs): :class:`~ledarskap.errors.Problem`."""
else:  # RowProblem, deprecated: every problem is a ledarskap.errors.Problem
    __getattr__ = deprecated_names(__name__, {"RowProblem": ("ledarskap.errors.Problem", Problem)})


@masked_repr
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
    problems: tuple[Problem, ...] = ()
    """Every problem found, each with the sheet's name, its row and its column."""
    outcomes: tuple[RowOutcome, ...] = ()
    """Every row of data, in order, with the records it became or the problems that stopped it.

    .. versionadded:: 0.3
    """
    inspection: SheetInspection | None = None
    """What was understood of the sheet: encoding, delimiter, header row, every column.

    .. versionadded:: 0.3
    """

    @property
    def ok(self) -> bool:
        """Whether every row was read without a problem."""
        return not self.problems

    def outcome(self, row: int) -> RowOutcome:
        """What became of *row* (numbered as the spreadsheet numbers it).

        .. versionadded:: 0.3
        """
        for outcome in self.outcomes:
            if outcome.row == row:
                return outcome
        rows = [o.row for o in self.outcomes]
        raise InvalidValueError(
            location="SheetImport.outcome(row)",
            expected=Text(
                f"en rad med data ({rows[0]} till {rows[-1]})",
                f"a row of data ({rows[0]} to {rows[-1]})",
            )
            if rows
            else Text("en rad med data (det finns ingen)", "a row of data (none)"),
            found=row,
        )

    def report(self, language: Language = "sv") -> str:
        """Every row's outcome, one a line: ``row 8 → not imported, because …``.

        .. versionadded:: 0.3
        """
        language = checked_language(language)
        return "\n".join(outcome.render(language) for outcome in self.outcomes)

    def raise_for_problems(self) -> SheetImport:
        """Raise :class:`~ledarskap.errors.DocumentError` listing every problem, if any."""
        if self.problems:
            raise DocumentError(
                Text(
                    f"bladet med {Sheet(self.kind).label('sv')} har problem",
                    f"the {self.kind} sheet has problems",
                ),
                self.problems,
            )
        return self

    def conflicts(self, data: ProgramData) -> tuple[Problem, ...]:
        """A ``conflicting-person`` problem for each person of the sheet *data* has otherwise.

        A person of the sheet whose id *data* has already is that person if every detail
        the sheet gives (a name, an e-mail address …) is that person's (an empty cell says
        nothing): the sheet's rows are linked to them. Otherwise the rows would be linked to
        someone else and the sheet's details lost: each such person is a problem at the
        first row that gives them, naming the details that differ.

        .. versionadded:: 0.3
        """
        checked_program_data(data, "conflicts(data)")
        known = {person.id: person for person in data.people}
        rows: dict[str, int] = {}
        for outcome in self.outcomes:
            for record in outcome.records:
                if isinstance(record, Person):
                    rows.setdefault(record.id, outcome.row)
        column = None if self.inspection is None else self.inspection.column("person_id")
        header = None if column is None else column.header
        problems = []
        for person in self.people:
            there = known.get(person.id)
            if there is None:
                continue
            other = [
                field.name
                for field in attrs.fields(Person)
                if getattr(person, field.name) not in (None, getattr(there, field.name))
            ]
            if other:
                sv = ", ".join(header_of(self.kind, name) for name in other)
                en = ", ".join(header_of(self.kind, name, "en") for name in other)
                problems.append(
                    Problem(
                        "",
                        Text(
                            f"personen {person.id} finns redan i programmet, med andra "
                            f"uppgifter ({sv})",
                            f"person {person.id} is already in the program, with other "
                            f"details ({en})",
                        ),
                        "conflicting-person",
                        source=self.source,
                        row=rows.get(person.id),
                        column=header,
                        hint=Text(
                            "ge raden ett eget Person-id, eller rätta uppgifterna på raden "
                            "eller i programmet",
                            "give the row a Person-id of its own, or correct the details in "
                            "the row or in the program",
                        ),
                    )
                )
        return tuple(problems)

    def merge_into(self, data: ProgramData) -> ProgramData:
        """*data* with this sheet's records added; a person already there by id is kept.

        A person of the sheet that *data* has with other details (:meth:`conflicts`) is
        refused: :class:`~ledarskap.errors.DocumentError` listing each, nothing added.

        .. versionchanged:: 0.3
           Such a person is refused: the sheet's details were dropped, its rows linked to
           *data*'s person.
        """
        clashes = self.conflicts(data)
        if clashes:
            raise DocumentError(
                Text(
                    "bladets personer finns redan i programmet, med andra uppgifter",
                    "the sheet's people are already in the program, with other details",
                ),
                clashes,
            )
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
    columns: Mapping[str, str] | None = None,
    defaults: Mapping[str, DefaultValue] | None = None,
    mapping: SheetMapping | str | os.PathLike[str] | None = None,
    cohort: Cohort | None = None,
    progress: ProgressCallback | None = None,
) -> SheetImport:
    """Read a sheet of *kind* from a file (``.csv`` or ``.xlsx``), bytes or CSV text.

    A :class:`str` with a line break is CSV text; any other :class:`str` is a path.
    *cohort_id* is the cohort of every row without an "Omgång" cell. *name* names the
    source in problems (the file name by default). With *strict*, any problem raises
    :class:`~ledarskap.errors.DocumentError`.

    A sheet is met where it is:

    - *columns* maps a header as written to the field it fills (``{"Titel": "title"}``);
      headers the library knows, in Swedish or English and by their common other names
      ("Roll", "Arbetsort", "Mejl", "Namn" for a full name …), need no mapping;
    - columns named in *ignore_columns* are skipped, known or not; any other unknown column
      is a problem, since its data would be lost;
    - *defaults* gives the value (a cell's text, a date, a number or yes/no) of every row of
      a column the sheet lacks, and of an empty cell: ``{"organisation":
      "Kommunledningskontoret"}``; with *cohort*, a participants sheet without a start date
      takes the cohort's start, and *cohort_id* defaults to the cohort's id;
    - *mapping* is a :class:`~ledarskap.io.SheetMapping` (or the path of its TOML file) holding all of
      these, kept for the next list; what is given beside it adds to it.

    The result holds the records of the good rows, every problem, what became of each row
    (:attr:`~ledarskap.io.SheetImport.outcomes`) and what was understood of the sheet
    (:attr:`~ledarskap.io.SheetImport.inspection`; :func:`~ledarskap.io.inspect_sheet`
    gives it alone).

    *progress*, if given, is called as ``progress(done, total)`` with the rows of data
    read so far and the rows expected (``None`` if not known): at the start, every 256
    rows at most, and at the end with both the sheet's rows. *total* is the rows the file
    claims (an XLSX worksheet's dimension, a CSV file's lines), corrected by the last
    call. The sheet is read as it is parsed, so the count moves from the first rows on.

    A sheet larger than the limits (100,000 rows, 200 columns, 32,767 characters a cell,
    128 MiB; see :doc:`/security`) is refused with a
    :class:`~ledarskap.errors.DocumentError` naming the limit, as is text that no file can
    hold (a lone surrogate). Arguments of the wrong type, or swapped, raise
    :class:`~ledarskap.errors.UsageError`.

    .. versionchanged:: 0.3
       Sheets are bounded as above; a cell the writer escaped (``'=…``) reads exactly as
       written (``=…``), every other cell trimmed; *columns*, *defaults*, *mapping* and
       *cohort*; *ignore_columns* skips known columns too; a title or notes above the
       header are skipped; yes/no cells read in Swedish and English; UTF-16 text is read;
       *progress*. A *cohort_id* that is no id is refused; a default no cell could hold
       raises :class:`~ledarskap.errors.DocumentError` at once; every problem of a row is
       reported, the model's checks with its cells'.
    """
    return read_sheet_advised(
        source,
        kind,
        cohort_id=cohort_id,
        name=name,
        strict=strict,
        ignore_columns=ignore_columns,
        columns=columns,
        defaults=defaults,
        mapping=mapping,
        cohort=cohort,
        progress=progress,
        advice=Advice(),
    )


def read_sheet_advised(
    source: str | os.PathLike[str] | bytes,
    kind: SheetKind,
    *,
    cohort_id: str | None = None,
    name: str | None = None,
    strict: bool = False,
    ignore_columns: Iterable[str] = (),
    columns: Mapping[str, str] | None = None,
    defaults: Mapping[str, DefaultValue] | None = None,
    mapping: SheetMapping | str | os.PathLike[str] | None = None,
    cohort: Cohort | None = None,
    progress: ProgressCallback | None = None,
    advice: Advice,
) -> SheetImport:
    """:func:`read_sheet`, its hints naming what to give as *advice* says.

    For ``ledarskap import``, whose user gives a ``--mapping`` file and ``--cohort``, not
    arguments of a Python call. Not part of the API.
    """
    ticker = Ticker(checked_progress(progress, "read_sheet"))
    with paused_gc():  # thousands of rows and records, no reference cycles (see ledarskap._gc)
        kind, reader, cells, layout, label = _prepared(
            source,
            kind,
            "read_sheet",
            cohort_id=cohort_id,
            name=name,
            ignore_columns=ignore_columns,
            columns=columns,
            defaults=defaults,
            mapping=mapping,
            cohort=cohort,
            advice=advice,
        )
        result = _imported(kind, label, reader.read(cells, layout, ticker))
    return result.raise_for_problems() if strict else result


def inspect_sheet(
    source: str | os.PathLike[str] | bytes,
    kind: SheetKind,
    *,
    cohort_id: str | None = None,
    name: str | None = None,
    ignore_columns: Iterable[str] = (),
    columns: Mapping[str, str] | None = None,
    defaults: Mapping[str, DefaultValue] | None = None,
    mapping: SheetMapping | str | os.PathLike[str] | None = None,
    cohort: Cohort | None = None,
) -> SheetInspection:
    """What :func:`read_sheet` would understand of a sheet, before importing it.

    Each column as recognised (as which field, and whether by the mapping, a known other
    name or its own header), ignored, unknown or missing (with the default every row will
    get), and the encoding, delimiter and header row found. The arguments are
    :func:`read_sheet`'s. No row is read into records.

    .. versionadded:: 0.3
    """
    _, reader, cells, layout, _ = _prepared(
        source,
        kind,
        "inspect_sheet",
        cohort_id=cohort_id,
        name=name,
        ignore_columns=ignore_columns,
        columns=columns,
        defaults=defaults,
        mapping=mapping,
        cohort=cohort,
        advice=Advice(),
    )
    return reader.inspect(cells, layout)


def _prepared(
    source: str | os.PathLike[str] | bytes,
    kind: SheetKind,
    function: str,
    *,
    cohort_id: str | None,
    name: str | None,
    ignore_columns: Iterable[str],
    columns: Mapping[str, str] | None,
    defaults: Mapping[str, DefaultValue] | None,
    mapping: SheetMapping | str | os.PathLike[str] | None,
    cohort: Cohort | None,
    advice: Advice,
) -> tuple[SheetKind, Reader, Iterable[list[str]], Layout, str]:
    """The arguments of :func:`read_sheet` checked, the sheet's cells read, the reader made."""
    if not isinstance(source, (str, bytes, os.PathLike)):
        raise UsageError(
            Text(
                f"{function}(source): förväntade en sökväg till en fil, bytes eller CSV-text, "
                f"fick {type(source).__name__}",
                f"{function}(source): expected a file path, bytes or CSV text, "
                f"found {type(source).__name__}",
            )
        )
    if isinstance(source, str) and _is_kind(source) and not _is_kind(kind):
        raise UsageError(
            Text(
                f"{function}(source, kind): argumenten står i omvänd ordning: källan kommer "
                f"först, sedan sorten ({function}('deltagare.csv', 'participants'))",
                f"{function}(source, kind): the arguments are swapped: the source comes first, "
                f"then the kind ({function}('deltagare.csv', 'participants'))",
            )
        )
    kind = checked_kind(kind, function)
    if cohort is not None and not isinstance(cohort, Cohort):
        raise UsageError(
            Text(
                f"{function}(cohort): förväntade en Cohort, fick {type(cohort).__name__}",
                f"{function}(cohort): expected a Cohort, found {type(cohort).__name__}",
            )
        )
    if isinstance(ignore_columns, str):
        raise UsageError(
            Text(
                f"{function}(ignore_columns): förväntade en lista med rubriker, fick en enda "
                f"text (skriv ignore_columns=[{ignore_columns!r}])",
                f"{function}(ignore_columns): expected a list of headers, found one text "
                f"(write ignore_columns=[{ignore_columns!r}])",
            )
        )
    said = "mapping"  # where a problem of the mapping is: its file, if it came from one
    if mapping is None:
        mapping = SheetMapping()
    elif not isinstance(mapping, SheetMapping):
        path, mapping = mapping, load_sheet_mapping(mapping)  # which refuses no path
        said = os.fspath(path)
    if cohort_id is not None and not isinstance(cohort_id, str):
        raise UsageError(
            Text(
                f"{function}(cohort_id): förväntade id:t för en omgång (text), "
                f"fick {type(cohort_id).__name__}",
                f"{function}(cohort_id): expected a cohort's id (text), "
                f"found {type(cohort_id).__name__}",
            )
        )
    if cohort_id is not None and not is_id(cohort_id):  # each row's ids are made of it
        raise InvalidValueError(location=f"{function}(cohort_id)", expected=AN_ID, found=cohort_id)
    mapping = mapping.merged(columns=columns, ignore=ignore_columns, defaults=defaults)
    _check_mapping(kind, mapping.problems(kind, source=said))
    cohort_id = cohort_id or (cohort.id if cohort is not None else None) or mapping.cohort
    texts = {_field(kind, f): cell_text(value) for f, value in mapping.defaults.items()}
    fallbacks = (
        {"start": cohort.start.isoformat()} if cohort is not None and kind == "participants" else {}
    )
    content, label, xlsx = _content(source, name, advice)
    reader = Reader(
        kind,
        label,
        cohort_id,
        mapping.ignore,
        mapping={header: _field(kind, f) for header, f in mapping.columns.items()},
        defaults=texts,
        fallbacks=fallbacks,
        advice=advice,
    )
    _check_mapping(kind, reader.check_defaults())  # once, where given, not on every row
    cells: Iterable[list[str]]
    if xlsx:
        workbook = XlsxStream(content, label)
        cells, layout = workbook, Layout(expected_rows=workbook.expected_rows)
    else:
        found = stream_csv(content, label, reader.knows)
        cells = found.rows
        layout = Layout(
            encoding=found.encoding,
            delimiter=found.delimiter,
            broken=found.broken,
            expected_rows=found.expected_rows,
        )
    return kind, reader, cells, layout, label


def _check_mapping(kind: SheetKind, problems: list[Problem]) -> None:
    """Raise the *problems* of a mapping (its fields, its defaults) as one error, if any."""
    if problems:
        raise DocumentError(
            Text(
                f"mappningen passar inte ett blad med {Sheet(kind).label('sv')}",
                f"the mapping does not fit a {kind} sheet",
            ),
            problems,
        )


def _field(kind: SheetKind, name: str) -> str:
    column = field_of(kind, name)
    assert column is not None  # the mapping's problems were raised before
    return column.field


def _imported(kind: SheetKind, label: str, rows: Rows) -> SheetImport:
    return SheetImport(
        kind=kind,
        source=label,
        rows=rows.rows,
        problems=rows.problems,
        outcomes=rows.outcomes,
        inspection=rows.inspection,
        **rows.records,
    )


_DOCUMENTS = frozenset({".json", ".toml"})
"""The suffixes of program documents, refused as sheets (CSV would read one as rows)."""


def _unreadable(label: str, reason: Text) -> DocumentError:
    return DocumentError(
        Text("kan inte läsa filen", "cannot read the file"),
        [Problem("", reason, "io", source=label)],
        source=label,
    )


def _content(
    source: str | os.PathLike[str] | bytes, name: str | None, advice: Advice
) -> tuple[bytes, str, bool]:
    if isinstance(source, bytes):
        return source, name or "(bytes)", source[:2] == b"PK"
    if isinstance(source, str) and ("\n" in source or "\r" in source):
        label = name or "(text)"
        try:
            return source.encode("utf-8"), label, False
        except UnicodeEncodeError:  # a lone surrogate: no character of any file
            raise DocumentError(
                Text("kan inte läsa texten", "cannot read the text"),
                [
                    Problem(
                        "",
                        Text(
                            "förväntade text, fick ett ensamt surrogattecken",
                            "expected text, found a lone surrogate",
                        ),
                        "encoding",
                        source=label,
                    )
                ],
                source=label,
            ) from None
    if isinstance(source, str) and not source.strip():
        raise InvalidValueError(
            location="read_sheet(source)",
            expected=Text(
                "en sökväg till en fil, bytes eller CSV-text", "a file path, bytes or CSV text"
            ),
            found=source,
        )
    if "\0" in os.fspath(source):
        raise InvalidValueError(
            location="read_sheet(source)",
            expected=Text(
                "en sökväg till en fil utan NUL-tecken", "a file path without NUL characters"
            ),
            found=os.fspath(source),
        )
    path = Path(source)
    label = name or path.name
    if path.suffix.casefold() in _DOCUMENTS:  # a program document is no sheet of rows
        raise DocumentError(
            Text("okänd sorts bladfil", "unknown kind of sheet file"),
            [
                Problem(
                    FILE_NAME,
                    Text(
                        "förväntade ett blad (.csv eller .xlsx), fick ett programdokument "
                        f"({safe_repr(path.suffix, 40)}): "
                        + (
                            "det ges som --into, inte som bladet"
                            if advice.cli
                            else "det läses av ledarskap.load, inte som ett blad"
                        ),
                        "expected a sheet (.csv or .xlsx), found a program document "
                        f"({safe_repr(path.suffix, 40)}): "
                        + (
                            "it is given as --into, not as the sheet"
                            if advice.cli
                            else "it is read by ledarskap.load, not as a sheet"
                        ),
                    ),
                )
            ],
            source=label,
        )
    try:
        mode = path.stat().st_mode  # checked before it is opened, and again once it is
        if not stat.S_ISDIR(mode):  # a folder: opening it says so
            refuse_devices(mode)
        with path.open("rb") as stream:  # no more than a sheet may hold, and one byte
            refuse_devices(os.fstat(stream.fileno()).st_mode)
            content = stream.read(MAX_UNPACKED + 1)
    except OSError as error:  # the reason alone: the kind of error is Python's, not a user's
        reason = reason_of(error)
        raise _unreadable(
            label, Text(reason, reason) if isinstance(reason, str) else reason
        ) from None
    except (UnicodeError, ValueError):  # a lone surrogate in the path
        raise _unreadable(
            label, Text("ett filnamn som inte kan kodas", "a file name that cannot be encoded")
        ) from None
    return content, label, path.suffix.casefold() in {".xlsx", ".xlsm"}


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
    checked_program_data(data, "sheet_rows(data)")
    kind = checked_kind(kind, "sheet_rows")
    language = checked_language(language)
    columns = [
        c
        for c in COLUMNS[kind]
        if c.written and (include_personnummer or c.field != "personnummer")
    ]
    rows = [[c.header(language) for c in columns]]
    for values in _records_of(data, kind, cohort_id, language):
        if "personnummer" in values and not include_personnummer:
            del values["personnummer"]
        rows.append([values.get(c.field, "") for c in columns])
    return rows


def sheet_bytes(
    data: ProgramData,
    *,
    kind: SheetKind,
    syntax: Literal["csv", "xlsx"] = "csv",
    cohort_id: str | None = None,
    include_personnummer: bool = False,
    language: Language = "sv",
    delimiter: str = ";",
) -> bytes:
    """A sheet of *kind* as CSV (UTF-8 with BOM, ``;`` by default) or XLSX bytes.

    *kind* is keyword-only, as in :func:`write_sheet`: ``sheet_bytes(data, kind="participants")``.
    """
    kind = checked_kind(kind, "sheet_bytes")
    if syntax not in ("csv", "xlsx"):
        raise InvalidValueError(
            location="syntax", expected=Text("'csv' eller 'xlsx'", "'csv' or 'xlsx'"), found=syntax
        )
    if len(str(delimiter)) != 1:
        raise InvalidValueError(
            location="delimiter", expected=Text("ett tecken", "one character"), found=delimiter
        )
    with paused_gc():  # a cell object for every cell written, no reference cycles
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
    *,
    kind: SheetKind,
    cohort_id: str | None = None,
    include_personnummer: bool = False,
    language: Language = "sv",
    delimiter: str = ";",
) -> None:
    """Write a sheet of *kind* to *path*, CSV or XLSX by its suffix, atomically.

    The arguments follow :func:`ledarskap.dump` (data, then path); *kind* is keyword-only:
    ``write_sheet(data, "deltagare.csv", kind="participants")``. A *path* that is the name of
    a sheet kind (the arguments swapped) is refused. The personnummer column is written only
    with ``include_personnummer=True``.

    The suffix must be ``.csv`` or ``.xlsx`` (any case): any other suffix, and a name
    without one, raises :class:`~ledarskap.errors.DocumentError` rather than writing a
    file whose name says it is something else. The file is written as every file of the
    library is (see :doc:`/security`): atomically, through a symlink to its target, never
    over a folder, a device, a FIFO or a read-only file
    (:class:`~ledarskap.errors.FileAccessError`). A cell that a spreadsheet program would
    run as a formula (``=…``, ``+…``, ``-…``, ``@…``) is written with a ``'`` in front,
    which :func:`read_sheet` removes again (see :doc:`/security`).

    .. versionchanged:: 0.3
       A suffix other than ``.csv`` or ``.xlsx`` is refused (it was written as CSV);
       formula cells are escaped; symlinks are written through.
    """
    if not isinstance(data, ProgramData):
        raise UsageError(
            Text(
                "write_sheet(data, path): förväntade en ProgramData först, "
                f"fick {type(data).__name__}",
                f"write_sheet(data, path): expected a ProgramData first, found {type(data).__name__}",
            )
        )
    if not isinstance(path, (str, os.PathLike)):
        raise UsageError(
            Text(
                "write_sheet(data, path): förväntade en sökväg till en fil, "
                f"fick {type(path).__name__}",
                f"write_sheet(data, path): expected a file path, found {type(path).__name__}",
            )
        )
    kind = checked_kind(kind, "write_sheet")
    if isinstance(path, str) and _is_kind(path):
        raise InvalidValueError(
            location="write_sheet(path)",
            expected=Text(
                "en sökväg till en fil som 'deltagare.csv' (sorten anges med kind=)",
                "a file path such as 'deltagare.csv' (the kind goes in kind=)",
            ),
            found=path,
        )
    syntax = _written_syntax(path)
    content = sheet_bytes(
        data,
        kind=kind,
        syntax=syntax,
        cohort_id=cohort_id,
        include_personnummer=include_personnummer,
        language=language,
        delimiter=delimiter,
    )
    write_atomic(path, content)


def _written_syntax(path: str | os.PathLike[str]) -> Literal["csv", "xlsx"]:
    """CSV or XLSX, by the suffix of *path*; any other suffix, or none, is refused."""
    suffix = Path(path).suffix
    syntax = _WRITTEN.get(suffix.casefold())
    if syntax is None:
        found, fick = (
            (repr(suffix), repr(suffix))
            if suffix
            else ("a name without one", "ett namn utan ändelse")
        )
        raise DocumentError(
            Text("okänd sorts bladfil", "unknown kind of sheet file"),
            [
                Problem(
                    FILE_NAME,
                    Text(
                        f"förväntade ett namn som slutar på .csv eller .xlsx, fick {fick}",
                        f"expected a name ending .csv or .xlsx, found {found}",
                    ),
                )
            ],
            source=os.fspath(path),
        )
    return syntax


def _is_kind(name: object) -> bool:
    if not isinstance(name, str):
        return False
    try:
        checked_kind(name, "write_sheet")
    except InvalidValueError:
        return False
    return True


def _iso(value: Any) -> str:
    return "" if value is None else str(value.isoformat())


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _bodies(bodies: tuple[PoliticalBody, ...] | None, language: Language) -> str:
    if bodies is None:
        return ""
    if not bodies:
        return NONE.render(language)
    return "; ".join(
        body.name
        if PoliticalBodyKind.from_name(body.name) is body.kind and "(" not in body.name
        else f"{body.name} ({body.kind.label(language)})"
        for body in bodies
    )


def _position_code(found: Position | None, title: str | None) -> str:
    if found is not None:
        return found.slug
    return "" if match_title(title) is None else NO_POSITION


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
                else YES_NO[a.leads_staff_function].render(language),
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
                "status": meeting.status.label(language),
                "duration_minutes": _text(meeting.duration_minutes),
                "notes": meeting.notes,
            }

"""What was understood of a sheet: its columns, its encoding and layout, and each row's fate.

A staff member about to import a municipality's list wants to see, before anything is
imported, which column was taken for which field (and why: the caller's mapping, a known
other name, the library's own header), which were skipped, and which are missing and what
every row will get instead (:class:`SheetInspection`); and after, what became of every row
(:class:`RowOutcome`: "row 8 → not imported, because …"). Both are data, for a tool, and
text in Swedish or English (``render``).
"""

from __future__ import annotations

from typing import Any, Literal

import attrs

from ledarskap.errors import Problem, mask_personal_data, masked_repr
from ledarskap.text import Language, Text

from ._sheet_columns import SheetKind, header_of
from ._sheet_mapping import SheetMapping

__all__ = [
    "ColumnReport",
    "ColumnStatus",
    "DefaultBy",
    "MatchedBy",
    "RowOutcome",
    "SheetInspection",
]

ColumnStatus = Literal["recognised", "ignored", "unknown", "duplicate", "missing"]
"""What became of a column: read as a field, skipped, not known, a second one, or absent."""
MatchedBy = Literal["mapping", "alias", "exact"]
"""How a header was recognised: by the caller's mapping, a known other name, or its own header."""
DefaultBy = Literal["defaults", "cohort", "model", "unknown"]
"""Where a missing column's default comes from: the caller's, the cohort's start, the
model's; or ``"unknown"``: the model records the fact as not known."""

_STATUS: dict[str, Text] = {
    "recognised": Text("läses som {field}", "read as {field}"),
    "ignored": Text("hoppas över", "skipped"),
    "unknown": Text("okänd kolumn: läses inte", "unknown column: not read"),
    "duplicate": Text(
        "en andra kolumn för {field}: läses inte", "a second column for {field}: not read"
    ),
    "missing": Text("saknas", "missing"),
}
_BY: dict[str, Text] = {
    "mapping": Text("enligt mappningen", "by the mapping"),
    "alias": Text("känt namn", "a known name"),
    "exact": Text("egen rubrik", "its own header"),
}
_DEFAULT = Text("varje rad får {value}", "every row gets {value}")
_WHOSE: dict[str, Text] = {
    "defaults": Text("", ""),
    "cohort": Text(" (omgångens start)", " (the cohort's start)"),
    "model": Text(" (modellens standard)", " (the model's default)"),
    "unknown": Text("", ""),
}
_NOT_KNOWN = Text("okänt på varje rad", "not known on any row")
_NO_DEFAULT = Text(
    "inget standardvärde: ange ett eller mappa en kolumn",
    "no default: give one or map a column",
)
_LAYOUT = Text(
    "{source}: {kind}, {encoding}, avgränsare {delimiter}, rubrikrad {header}, {rows} rader",
    "{source}: {kind}, {encoding}, delimiter {delimiter}, header row {header}, {rows} rows",
)
_DELIMITERS = {";": "';'", ",": "','", "\t": "tab"}
_IMPORTED = Text("rad {row} → {records}", "row {row} → {records}")
_NOT_IMPORTED = Text(
    "rad {row} → inte importerad, eftersom {why}", "row {row} → not imported, because {why}"
)
_AND = Text(" och ", " and ")


@masked_repr
@attrs.frozen(kw_only=True)
class ColumnReport:
    """One column of a sheet as understood: its header, what it was read as and why.

    ``index`` is the column's place in the sheet (1 for the first, as a spreadsheet's A),
    ``None`` for a missing column; ``field`` the field it fills (or would fill);
    ``matched_by`` how its header was recognised; ``default`` the cell text every row gets
    for a missing column (``None`` if it has none) and ``default_by`` whose default it is
    (``"unknown"``: the fact is recorded as not known); ``required`` whether the records
    need the column (a given name does not, beside a whole name).
    """

    header: str | None
    status: ColumnStatus
    index: int | None = None
    field: str | None = None
    matched_by: MatchedBy | None = None
    default: str | None = None
    default_by: DefaultBy | None = None
    required: bool = False

    def render(self, language: Language = "sv", kind: SheetKind | None = None) -> str:
        """One line: the header (or field), then what it is read as.

        With *kind*, a field is named by its column's header in *language* ("Befattning").
        """
        field = self.field or ""
        if kind is not None and self.field is not None:
            field = Text(header_of(kind, field), header_of(kind, field, "en")).render(language)
        name = repr(self.header) if self.header is not None else f"({field})"
        what = _STATUS[self.status].format(field=field).render(language)
        if self.status == "recognised" and self.matched_by is not None:
            what += f" ({_BY[self.matched_by].render(language)})"
        if self.status == "missing":
            if self.default is not None:
                tail = _DEFAULT.format(value=repr(self.default))
            else:
                tail = _NOT_KNOWN if self.default_by == "unknown" else _NO_DEFAULT
            what += f": {tail.render(language)}"
            if self.default is not None and self.default_by is not None:
                what += _WHOSE[self.default_by].render(language)
        return mask_personal_data(f"{name}: {what}")


@masked_repr
@attrs.frozen(kw_only=True)
class SheetInspection:
    """A sheet as understood before importing: layout, encoding and every column.

    ``encoding`` names the text encoding found (``"UTF-8 with BOM"``, ``"Windows-1252"``,
    ``"UTF-16"`` …; ``None`` for XLSX), ``delimiter`` the CSV delimiter (``None`` for
    XLSX), ``header_row`` the row the headers were found on (rows above it, such as a title,
    are skipped); ``rows`` the rows of data below it. ``problems`` are the problems of the
    header: an unknown column (its data would be lost), a second column for a field, and a
    missing column without a default (then no row is imported).
    """

    kind: SheetKind
    source: str
    encoding: str | None
    delimiter: str | None
    header_row: int | None
    rows: int
    columns: tuple[ColumnReport, ...]
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether the header has no problem (rows may still have theirs)."""
        return not self.problems

    def column(self, field: str) -> ColumnReport | None:
        """The column read as (or missing for) *field*, if any."""
        return next(
            (c for c in self.columns if c.field == field and c.status in ("recognised", "missing")),
            None,
        )

    def as_mapping(self) -> SheetMapping:
        """A :class:`SheetMapping` that reads this sheet again as understood, for next time.

        The columns recognised by the mapping, the ignored columns and the caller's defaults.
        """
        return SheetMapping(
            kind=self.kind,
            columns={
                c.header: c.field
                for c in self.columns
                if c.matched_by == "mapping" and c.header is not None and c.field is not None
            },
            ignore=tuple(c.header for c in self.columns if c.status == "ignored" and c.header),
            defaults={
                c.field: c.default
                for c in self.columns
                if c.default_by == "defaults" and c.field is not None and c.default is not None
            },
        )

    def render(self, language: Language = "sv") -> str:
        """The inspection as text: the layout, then one line a column, then the problems."""
        layout = _LAYOUT.format(
            source=self.source,
            kind=self.kind,
            encoding=self.encoding or "XLSX",
            delimiter=_DELIMITERS.get(self.delimiter or "", "-"),
            header=self.header_row or "-",
            rows=self.rows,
        ).render(language)
        lines = [layout, *(f"  {column.render(language, self.kind)}" for column in self.columns)]
        lines += [f"  ! {problem}" for problem in self.problems]
        return mask_personal_data("\n".join(lines))

    def __str__(self) -> str:
        return self.render("en")


@masked_repr
@attrs.frozen(kw_only=True)
class RowOutcome:
    """What became of one row: the records it gave, or the problems that stopped it.

    ``row`` is the row's number as a spreadsheet counts (the header's row included).
    """

    row: int
    records: tuple[Any, ...] = ()
    problems: tuple[Problem, ...] = ()

    @property
    def imported(self) -> bool:
        """Whether the row gave records."""
        return bool(self.records)

    def render(self, language: Language = "sv") -> str:
        """``row 8 → participant d-c-8`` or ``row 8 → not imported, because …``."""
        if self.imported:
            ids = ", ".join(f"{_record_name(r, language)} {r.id}" for r in self.records)
            return mask_personal_data(_IMPORTED.format(row=self.row, records=ids).render(language))
        why = _AND.render(language).join(_reason(p, language) for p in self.problems)
        return mask_personal_data(_NOT_IMPORTED.format(row=self.row, why=why).render(language))

    def __str__(self) -> str:
        return self.render("en")


_RECORDS_SV = {
    "Person": "person",
    "Appointment": "anställning",
    "Participant": "deltagare",
    "Mentor": "mentor",
    "Application": "ansökan",
    "MentorMeeting": "mentorsträff",
}
"""The records a row gives, as Swedish names them (English names them by their class)."""
_COLUMN = Text("kolumn {column}: ", "column {column}: ")


def _record_name(record: object, language: Language) -> str:
    name = type(record).__name__
    return Text(_RECORDS_SV.get(name, name), name).render(language)


def _reason(problem: Problem, language: Language) -> str:
    """A problem without its source and row (the outcome names the row), in *language*."""
    where = ""
    if problem.column is not None:
        where = _COLUMN.format(column=repr(problem.column)).render(language)
    return f"{where}{problem.message_in(language)}"

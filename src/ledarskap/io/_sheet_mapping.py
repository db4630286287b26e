"""How a sheet's columns are read: the caller's mapping, the ignored columns, the defaults.

A municipality's list has its own headers ("Titel", "Arbetsort", "Mejl"), columns the
library has no use for ("Anmäld av"), and lacks columns the records need (a start date).
A :class:`SheetMapping` says, once, how to read such a sheet: which header fills which
field, which headers to skip, and what a missing column's cells are taken to be. It is
kept as a small TOML file beside the sheet, for next year's list
(:func:`load_sheet_mapping`, :func:`save_sheet_mapping`):

.. code-block:: toml

   kind = "participants"
   cohort = "liko-2026"
   ignore = ["Anmäld av"]

   [columns]
   "Namn" = "name"
   "Chef för stab" = "leads_staff_function"

   [defaults]
   start = 2026-09-01
   organisation = "Kommunledningskontoret"

A mapping's fields are named as the library names them (``title``) or by a column's header
in Swedish or English (``"Befattning"``, ``"Title"``); a default is written as its cell
would be (a date, a municipality's name, ``ja``).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs
import tomli_w

from ledarskap._found import Lines, did_you_mean, expected_found, parse_text
from ledarskap.errors import (
    DocumentError,
    FileAccessError,
    InvalidValueError,
    Problem,
    Problems,
    UsageError,
    masked_repr,
    safe_repr,
)
from ledarskap.text import Text

from ._atomic import check_suffix, write_atomic
from ._problems import prefixed
from ._reading import MAX_SMALL_FILE, read_bounded, reason_of, undecodable
from ._sheet_columns import AN_ID, COLUMNS, YES_NO, Column, Sheet, SheetKind, checked_kind, is_id
from ._sheets import fold

if TYPE_CHECKING:
    from ledarskap.errors import Wording

__all__ = [
    "Advice",
    "DefaultValue",
    "SheetMapping",
    "cell_text",
    "load_sheet_mapping",
    "mapping_from_text",
    "mapping_text",
    "save_sheet_mapping",
]

DefaultValue = str | dt.date | int | bool
"""What a default may be given as: a cell's text, or a date, number or yes/no."""

_KEYS = ("kind", "cohort", "ignore", "columns", "defaults")


def cell_text(value: object) -> str:
    """*value* (a default) written as a cell would hold it."""
    if isinstance(value, bool):
        return YES_NO[value].sv
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (str, int)):
        return str(value)
    raise UsageError(
        Text(
            "ett standardvärde: förväntade text, ett datum, ett heltal eller True/False, fick "
            f"{type(value).__name__}",
            f"a default: expected text, a date, a whole number or True/False, found "
            f"{type(value).__name__}",
        )
    )


def field_of(kind: SheetKind, name: str) -> Column | None:
    """The column of *kind* called *name* (its field, or a header in either language)."""
    folded = fold(name)
    for column in COLUMNS[kind]:
        if folded in (fold(column.field), fold(column.sv), fold(column.en)):
            return column
    return None


def field_names(kind: SheetKind) -> list[str]:
    """The fields of a sheet of *kind*, to suggest from."""
    return [column.field for column in COLUMNS[kind]]


def _columns(value: object) -> dict[str, str]:
    if not isinstance(value, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise UsageError(
            prefixed(
                "columns",
                expected_found(
                    Text(
                        "en mappning från rubriktext till fälttext",
                        "a mapping of header text to field text",
                    ),
                    value,
                ),
            )
        )
    return dict(value)


def _headers(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        raise UsageError(
            Text(
                f"ignore: förväntade en lista med rubriker, fick en enda text ({safe_repr(value)})",
                f"ignore: expected a list of headers, found one text ({safe_repr(value)})",
            )
        )
    try:
        headers = tuple(value)
    except TypeError:
        raise UsageError(prefixed("ignore", expected_found(_HEADERS, value))) from None
    if not all(isinstance(h, str) for h in headers):
        raise UsageError(
            Text(
                "ignore: förväntade en lista med rubriker, fick en som inte är text",
                "ignore: expected a list of headers, found one that is not text",
            )
        )
    return headers


_HEADERS = Text("en lista med rubriker", "a list of headers")


def _defaults(value: object) -> dict[str, DefaultValue]:
    if not isinstance(value, Mapping) or not all(isinstance(k, str) for k in value):
        raise UsageError(
            prefixed(
                "defaults",
                expected_found(
                    Text(
                        "en mappning från fälttext till ett värde",
                        "a mapping of field text to a value",
                    ),
                    value,
                ),
            )
        )
    return dict(value)


@masked_repr
@attrs.frozen(kw_only=True)
class SheetMapping:
    """How to read a sheet whose headers are not the library's: columns, ignored, defaults.

    - ``columns``: a header as written in the sheet → the field it fills (``"Titel":
      "title"``), matched ignoring case, accents and punctuation; a field may also be named
      by its column's Swedish or English header (``"Titel": "Befattning"``);
    - ``ignore``: headers whose columns are skipped, even a column the library knows;
    - ``defaults``: field → the value of every row of a sheet without that column (a cell's
      text, or a date, number or yes/no), e.g. ``{"start": date(2026, 9, 1)}``;
    - ``kind`` and ``cohort``: the kind of sheet and the cohort, when the mapping is kept
      for one list (both optional; what a reader is given overrides them).

    >>> mapping = SheetMapping(columns={"Titel": "title"}, ignore=("Anmäld av",))
    >>> mapping.columns, mapping.ignore, mapping.defaults
    ({'Titel': 'title'}, ('Anmäld av',), {})

    .. versionadded:: 0.3
    """

    kind: SheetKind | None = None
    cohort: str | None = None
    columns: Mapping[str, str] = attrs.field(factory=dict, converter=_columns)
    ignore: tuple[str, ...] = attrs.field(default=(), converter=_headers)
    defaults: Mapping[str, DefaultValue] = attrs.field(factory=dict, converter=_defaults)

    def merged(
        self,
        *,
        columns: Mapping[str, str] | None = None,
        ignore: Iterable[str] = (),
        defaults: Mapping[str, DefaultValue] | None = None,
    ) -> SheetMapping:
        """This mapping with *columns*, *ignore* and *defaults* added (theirs win)."""
        added_columns = _columns({} if columns is None else columns)
        added_defaults = _defaults({} if defaults is None else defaults)
        return attrs.evolve(
            self,
            columns={**self.columns, **added_columns},
            ignore=(*self.ignore, *(i for i in _headers(ignore) if i not in self.ignore)),
            defaults={**self.defaults, **added_defaults},
        )

    def problems(
        self, kind: SheetKind, *, source: str | None = None, text: str = ""
    ) -> list[Problem]:
        """Every field this mapping names that a sheet of *kind* has not, and every bad default.

        *text* (the mapping file's TOML) gives each problem its line.
        """
        lines = Lines(text)
        found = Problems(source=source)
        names = field_names(kind)
        a_field = Text(
            f"ett fält i ett blad med {Sheet(kind).label('sv')}", f"a field of a {kind} sheet"
        )

        def misfit(path: str, key: str, message: Wording, hint: Wording | None = None) -> None:
            found.add(path, message, "unknown-field", line=lines.key(_toml_key(key)), hint=hint)

        columns: Iterable[tuple[str, object]] = self.columns.items()
        for header, name in columns:
            if not isinstance(name, str) or field_of(kind, name) is None:
                misfit(
                    f"columns.{header}",
                    header,
                    expected_found(a_field, name),
                    did_you_mean(str(name), names),
                )
        if isinstance(self.cohort, str) and not is_id(self.cohort):
            found.add(
                "cohort",
                expected_found(AN_ID, self.cohort),
                "invalid",
                line=lines.key("cohort"),
            )
        defaults: Iterable[tuple[str, object]] = self.defaults.items()
        for name, value in defaults:
            if field_of(kind, name) is None:
                misfit(
                    f"defaults.{name}",
                    name,
                    expected_found(a_field, name),
                    did_you_mean(name, names),
                )
            elif not isinstance(value, (str, dt.date, int, bool)):
                misfit(
                    f"defaults.{name}",
                    name,
                    expected_found(
                        Text(
                            "text, ett datum, ett tal eller sant/falskt",
                            "text, a date, a number or true/false",
                        ),
                        value,
                    ),
                )
        return list(found)


@attrs.frozen
class Advice:
    """How a problem says to give what a sheet lacks: as Python arguments, or on the command line.

    :func:`~ledarskap.io.read_sheet`'s caller gives a mapping as its arguments
    (``defaults={…}``, ``cohort_id=``); a user of ``ledarskap import`` in a ``--mapping``
    file and ``--cohort``. The same problem names the way its reader has (``cli``).
    """

    cli: bool = False

    def fill_in(self, field: str) -> Text:
        """The hint of an empty cell that a default could fill."""
        if self.cli:
            where = (
                f"{field} = … under [defaults] i filen till --mapping",
                f"{field} = … under [defaults] in the --mapping file",
            )
        else:
            where = (f"defaults={{{field!r}: …}}",) * 2
        return Text(
            f"fyll i den, eller ge tomma celler ett standardvärde ({where[0]})",
            f"fill it in, or give empty cells a default ({where[1]})",
        )

    def missing_column(self, field: str) -> Text:
        """The hint of a needed column the sheet lacks."""
        if self.cli:
            return Text(
                f'mappa en kolumn till den ("…" = "{field}" under [columns]) eller ge varje '
                f"rad ett standardvärde ({field} = … under [defaults]) i filen till --mapping",
                f'map a column to it ("…" = "{field}" under [columns]) or give every row a '
                f"default ({field} = … under [defaults]) in the --mapping file",
            )
        return Text(
            f"mappa en kolumn till den (columns={{'…': {field!r}}}) eller ge varje "
            f"rad ett standardvärde (defaults={{{field!r}: …}})",
            f"map a column to it (columns={{'…': {field!r}}}) or give every "
            f"row a default (defaults={{{field!r}: …}})",
        )

    def unknown_column(self, header: str) -> Text:
        """The hint of a column the reader does not know."""
        if self.cli:
            key, value = _toml_key(header), _toml_string(header)
            return Text(
                f"mappa den till ett fält ({key} = … under [columns]) eller hoppa över den "
                f"(ignore = [{value}]) i filen till --mapping",
                f"map it to a field ({key} = … under [columns]) or skip it "
                f"(ignore = [{value}]) in the --mapping file",
            )
        return Text(
            f"mappa den till ett fält (columns={{{header!r}: …}}) eller hoppa över den "
            "(ignore_columns=)",
            f"map it to a field (columns={{{header!r}: …}}) or skip it (ignore_columns=)",
        )

    def second_column(self, header: str) -> Text:
        """The hint of a second column for a field."""
        if self.cli:
            value = _toml_string(header)
            return Text(
                "mappa en av dem till ett annat fält, eller hoppa över den "
                f"(ignore = [{value}] i filen till --mapping)",
                "map one of them to another field, or skip it "
                f"(ignore = [{value}] in the --mapping file)",
            )
        return Text(
            "mappa en av dem till ett annat fält, eller hoppa över den (ignore_columns=)",
            "map one of them to another field, or ignore it (ignore_columns=)",
        )

    def cohort(self) -> Text:
        """What a row without a cohort needed."""
        option = "--cohort" if self.cli else "cohort_id="
        return Text(
            f"förväntade omgången: en kolumn 'Omgång', eller {option}",
            f"expected the cohort: a column 'Omgång', or {option}",
        )


def _toml_string(text: str) -> str:
    """*text* as a TOML file writes a string."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _toml_key(key: str) -> str:
    """*key* as a TOML file writes it (bare when it can be)."""
    return (
        key
        if key.replace("-", "").replace("_", "").isalnum() and key.isascii()
        else _toml_string(key)
    )


def mapping_from_text(text: str, *, source: str | None = None) -> SheetMapping:
    r"""A :class:`SheetMapping` read from the TOML text of a mapping file.

    Every problem (a syntax error, an unknown key, a field the kind has not, a value of the
    wrong type) raises one :class:`~ledarskap.errors.DocumentError`, each with its line.

    >>> mapping_from_text('kind = "participants"\n[columns]\nTitel = "title"\n').columns
    {'Titel': 'title'}
    >>> mapping_from_text('kind = "participants"\n[columns]\nTitel = "titel"\n', source="m.toml")
    Traceback (most recent call last):
    ...
    ledarskap.errors.DocumentError: m.toml: not a sheet mapping (1 problem)
      - m.toml:3: columns.Titel: expected a field of a participants sheet, found text 'titel' (did you mean 'title'?)
    """
    data: dict[str, Any] = parse_text(text, "toml", error=DocumentError, source=source)
    lines = Lines(text)
    found = Problems(source=source)

    def wrong(path: str, expected: Text, value: object) -> None:
        key = _toml_key(path.rpartition(".")[2])
        found.add(path, expected_found(expected, value), "type", line=lines.key(key))

    keys = ", ".join(_KEYS)
    for key in data:
        if key not in _KEYS:
            found.add(
                key,
                Text(
                    f"okänd nyckel (förväntade en av {keys})",
                    f"unknown key (expected one of {keys})",
                ),
                "unknown-key",
                line=lines.key(_toml_key(key)),
                hint=did_you_mean(key, _KEYS),
            )
    kind: SheetKind | None = None
    if "kind" in data:
        try:
            kind = checked_kind(data["kind"], "kind")
        except (InvalidValueError, UsageError):
            wrong(
                "kind",
                Text(
                    "participants, mentors, applications eller meetings",
                    "participants, mentors, applications or meetings",
                ),
                data["kind"],
            )
    cohort = data.get("cohort")
    if cohort is not None and not isinstance(cohort, str):
        wrong("cohort", Text("id:t för en omgång (text)", "a cohort id (text)"), cohort)
        cohort = None
    ignore = data.get("ignore", [])
    if not isinstance(ignore, list) or not all(isinstance(i, str) for i in ignore):
        wrong("ignore", _HEADERS, ignore)
        ignore = []
    tables = {}
    for key in ("columns", "defaults"):
        table = data.get(key, {})
        if not isinstance(table, dict):
            wrong(key, Text(f"en tabell [{key}]", f"a table [{key}]"), table)
            table = {}
        tables[key] = table
    for header, name in tables["columns"].items():
        if not isinstance(name, str):
            wrong(f"columns.{header}", Text("ett fälts namn (text)", "a field's name (text)"), name)
    mapping = SheetMapping(
        kind=kind,
        cohort=cohort,
        columns={h: n for h, n in tables["columns"].items() if isinstance(n, str)},
        ignore=tuple(ignore),
        defaults=tables["defaults"],
    )
    if kind is not None:
        found.extend(mapping.problems(kind, source=source, text=text))
    found.raise_if_any(DocumentError, Text("ingen kolumnmappning", "not a sheet mapping"))
    return mapping


def mapping_text(mapping: SheetMapping) -> str:
    """The TOML text of *mapping*, as :func:`save_sheet_mapping` writes it.

    ``mapping_from_text(mapping_text(m)) == m`` for every mapping whose defaults are text,
    dates, numbers or yes/no.

    >>> print(mapping_text(SheetMapping(kind="participants", columns={"Titel": "title"})), end="")
    kind = "participants"
    ignore = []
    <BLANKLINE>
    [columns]
    Titel = "title"
    <BLANKLINE>
    [defaults]
    """
    if not isinstance(mapping, SheetMapping):
        raise UsageError(
            Text(
                f"förväntade en SheetMapping, fick {type(mapping).__name__}",
                f"expected a SheetMapping, found {type(mapping).__name__}",
            )
        )
    document: dict[str, Any] = {}
    if mapping.kind is not None:
        document["kind"] = mapping.kind
    if mapping.cohort is not None:
        document["cohort"] = mapping.cohort
    document["ignore"] = list(mapping.ignore)
    document["columns"] = dict(mapping.columns)
    document["defaults"] = dict(mapping.defaults)
    return tomli_w.dumps(document)


def load_sheet_mapping(path: str | os.PathLike[str]) -> SheetMapping:
    """The :class:`SheetMapping` kept in the TOML file at *path*.

    A file that cannot be read raises :class:`~ledarskap.errors.FileAccessError` (an
    :class:`OSError` too), naming it; one that is not UTF-8 text a
    :class:`~ledarskap.errors.DocumentError` (code ``io``) saying at which byte; a file
    with problems, one :class:`~ledarskap.errors.DocumentError` listing them all with
    their lines, the file named by its path.

    .. versionadded:: 0.3
    .. versionchanged:: 0.3
       A file that cannot be read is a :class:`~ledarskap.errors.FileAccessError`, as
       every other file of the library, not a :class:`~ledarskap.errors.DocumentError`.
    """
    if not isinstance(path, (str, os.PathLike)):
        raise UsageError(
            Text(
                "load_sheet_mapping(path): förväntade en sökväg till en fil, "
                f"fick {type(path).__name__}",
                f"load_sheet_mapping(path): expected a file path, found {type(path).__name__}",
            )
        )
    label = os.fspath(path)
    try:
        content = read_bounded(path, MAX_SMALL_FILE, "a sheet mapping")[0]
    except OSError as error:
        raise FileAccessError(label, "read", reason_of(error), errno=error.errno) from None
    except ValueError:  # a NUL character in the path
        raise FileAccessError(
            label, "read", Text("ingen användbar sökväg", "not a usable path")
        ) from None
    try:
        text = content.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        raise DocumentError(
            Text("kan inte läsa kolumnmappningen", "cannot read the sheet mapping"),
            [Problem("", undecodable(error, content), "io", source=label)],
            source=label,
        ) from None
    return mapping_from_text(text, source=label)


def save_sheet_mapping(mapping: SheetMapping, path: str | os.PathLike[str]) -> None:
    """Write *mapping* to *path* as TOML, atomically (as every file the library writes).

    .. versionadded:: 0.3
    """
    check_suffix(path, (".toml",), "save_sheet_mapping")
    write_atomic(path, mapping_text(mapping).encode("utf-8"))

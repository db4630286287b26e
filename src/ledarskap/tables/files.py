"""The tables written out: CSV and Parquet folders, one XLSX workbook, one JSON or TOML file.

:func:`write_tables` writes a :class:`~ledarskap.tables.Tables` (a program's, or a safe
export's) in one of :data:`TABLE_FORMATS`:

- ``csv``: a folder with one file a table (``participants.csv`` …), in the library's sheet
  dialect (UTF-8 with a BOM, ``;`` between cells, every cell escaped against formula
  injection as :func:`ledarskap.io.write_sheet` does); a header row of column names;
  empty cells for missing values (tables hold no empty text, so an empty cell is always
  a missing value), dates as ``YYYY-MM-DD``, flags ``true``/``false``;
- ``xlsx``: one workbook, a worksheet a table (needs ``ledarskap[xlsx]``); dates, numbers
  and flags as typed cells, text as text cells (never a formula), escaped likewise;
- ``json``: one file, ``{"format": "ledarskap.tables/1", "schema": …, "tables": …}`` with
  the rows as objects, dates as ISO text, missing values ``null``;
- ``toml``: the same in TOML, where a missing value is a key left out (TOML has no null)
  and dates are TOML dates;
- ``parquet``: a folder with one Parquet file a table (needs ``ledarskap[parquet]``, that
  is pyarrow), the schema's kinds as Arrow types (category: dictionary of strings with
  every category; date: ``date32``; integer: ``int64``), for DuckDB, Polars or Spark.
  Each field's metadata holds its ``description``, and a category's its ``categories``
  (JSON): a table without rows has no dictionary page, so a reader gets its categories
  back from there (:doc:`/analysis` shows how, for pandas).

Every file goes through the library's one write policy (:mod:`ledarskap.io._atomic`):
a file is replaced atomically, and so is a folder, as a whole: its tables are written
into a new private folder beside it, which then takes the old folder's place, so a
reader finds the old tables or the new ones, never a mix (see :doc:`/security`). Only an
earlier export of tables is ever replaced: a folder of its table files, or a file of
tables (a JSON or TOML file of :data:`TABLES_FORMAT`, a workbook of the tables' sheets),
or an empty one.

>>> import ledarskap, json
>>> from ledarskap.tables import program_tables, tables_bytes
>>> text = tables_bytes(program_tables(ledarskap.example_program()), "json")
>>> document = json.loads(text)
>>> document["format"], document["tables"]["sessions"][0]["start"]
('ledarskap.tables/1', '2025-09-17')

.. versionadded:: 0.3
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO, Literal, TypeVar

import tomli_w

from ledarskap.errors import FileAccessError, InvalidValueError, MissingDependencyError, UsageError
from ledarskap.io._atomic import (
    atomic_folder,
    check_suffix,
    check_writable,
    write_atomic,
    write_new_file,
)
from ledarskap.io._progress import EVERY, ProgressCallback, Ticker, checked_progress
from ledarskap.io._reading import reason_of
from ledarskap.io._sheets import XLSX_TEXT, escape_cell, write_csv, xlsx_holds
from ledarskap.text import Text

from ._frames import FREE_TEXT, cell_at, frame
from .records import Tables
from .schema import SAFE_SCHEMA, SCHEMA, TABLE_NAMES, ColumnKind, TableSchema

__all__ = ["TABLES_FORMAT", "TABLE_FORMATS", "TableFormat", "tables_bytes", "write_tables"]

TableFormat = Literal["csv", "xlsx", "json", "toml", "parquet"]
"""The formats tables are written in."""

TABLE_FORMATS: tuple[TableFormat, ...] = ("csv", "xlsx", "json", "toml", "parquet")
"""Every :data:`TableFormat`: ``csv`` and ``parquet`` write a folder, the others one file."""

TABLES_FORMAT = "ledarskap.tables/1"
"""The ``format`` tag of a JSON or TOML file of tables."""

_FOLDERS = frozenset({"csv", "parquet"})
T = TypeVar("T")


def _checked(fmt: object) -> TableFormat:
    for known in TABLE_FORMATS:
        if fmt == known:
            return known
    raise InvalidValueError(
        location="format",
        expected=Text(f"en av {list(TABLE_FORMATS)}", f"one of {list(TABLE_FORMATS)}"),
        found=fmt,
    )


def write_tables(
    tables: Tables,
    path: str | os.PathLike[str],
    *,
    format: TableFormat,  # noqa: A002  # as the CLI's --format
    progress: ProgressCallback | None = None,
) -> tuple[Path, ...]:
    """Write *tables* to *path* in *format*; the paths of the files written, in table order.

    For ``csv`` and ``parquet`` *path* is a folder, made if missing (its parent must
    exist); each table is ``<path>/<table>.<format>``. For the others it is the file, and
    its name must end in the format's suffix (``.xlsx``, ``.json``, ``.toml``).

    A file must be new, empty, or an earlier export of tables: a JSON or TOML file whose
    ``format`` is :data:`TABLES_FORMAT`, or a workbook whose sheets are the tables'
    (:data:`TABLE_NAMES`). Any other file, a program document say, or a sheet of one's
    own, is never replaced: :class:`~ledarskap.errors.FileAccessError` says why (remove
    it, or choose another name). The file is replaced atomically.

    A folder must be new, empty, or hold only table files (``<table>.csv``,
    ``<table>.parquet``) of an earlier export. It is written all or nothing: the tables
    go into a new folder beside it, which replaces it whole once every table is written
    (so no earlier export, one with names say, stays beside this one, and a failure or a
    kill while writing leaves the earlier export as it was).

    *progress*, if given, is called as ``progress(done, total)`` with the rows written so
    far over all tables and their total: at the start, every 256 rows at most (for TOML,
    after each table), and last with ``done == total``.
    """
    _check_tables(tables, "write_tables")
    fmt = _checked(format)
    ticker = Ticker(checked_progress(progress, "write_tables"))
    if fmt not in _FOLDERS:
        check_suffix(path, (f".{fmt}",), "write_tables")
        check_writable(path)

        def replaceable() -> None:
            _check_file(path, fmt, tables)

        replaceable()  # before the tables are encoded, and again under the folder's lock
        write_atomic(path, _file_bytes(tables, fmt, ticker), check=replaceable)
        ticker.finish(ticker.done)
        return (Path(path),)
    if not isinstance(path, (str, os.PathLike)):
        raise UsageError(
            Text(
                f"write_tables: förväntade sökvägen till en mapp, fick {type(path).__name__}",
                f"write_tables: expected a folder path, found {type(path).__name__}",
            )
        )
    _check_folder(path, tables)
    encode = _parquet_file if fmt == "parquet" else _csv_file
    ticker.start(sum(tables.size(name) for name in tables))
    with atomic_folder(path) as folder:
        for name in tables:
            content = encode(tables.columns(name), tables.schema[name], ticker)
            write_new_file(folder / f"{name}.{fmt}", content)
    ticker.finish(ticker.done)
    return tuple(Path(path) / f"{name}.{fmt}" for name in tables)


def _check_tables(tables: object, where: str) -> None:
    if not isinstance(tables, Tables):
        found = type(tables).__name__
        raise UsageError(
            Text(
                f"{where}: förväntade tabeller (Tables), fick {found}",
                f"{where}: expected tables (Tables), found {found}",
            )
        )


def _check_file(path: str | os.PathLike[str], fmt: TableFormat, tables: Tables) -> None:
    """Refuse the file at *path* unless it is no file yet, an empty one, or tables written before.

    As a folder is, a file is replaced only if it is an earlier export of tables: a JSON
    or TOML file that begins with its ``format`` (:data:`TABLES_FORMAT`), as the library
    writes one, or a workbook whose sheets are the tables'. Nothing else (a program
    document of the same suffix, a workbook of one's own) is ever replaced.
    """
    try:  # not blocking on a FIFO put there since write_atomic's checks: refused below
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        return
    except OSError as exc:  # one that cannot be read cannot be told an export: not replaced
        raise FileAccessError(os.fsdecode(path), "write", reason_of(exc), errno=exc.errno) from None
    with open(fd, "rb") as file:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise FileAccessError(os.fsdecode(path), "write", _NOT_OURS[fmt])
        head = file.read(_LONGEST_HEAD)
        if not head:
            return
        ours = _our_book(file, tables) if fmt == "xlsx" else bool(_HEADS[fmt].match(head))
    if not ours:
        raise FileAccessError(os.fsdecode(path), "write", _NOT_OURS[fmt])


_HEADS = {
    "json": re.compile(rb'(?:\xef\xbb\xbf)?\s*\{\s*"format"\s*:\s*"ledarskap\.tables/1"'),
    "toml": re.compile(rb'(?:\xef\xbb\xbf)?\s*format\s*=\s*"ledarskap\.tables/1"'),
}
"""How an earlier JSON or TOML file of tables begins: with its ``format``, as written here."""

_NOT_OURS = {
    fmt: Text(
        f"filen finns och är ingen tidigare export av tabeller ({sv}); den ersätts inte: "
        "ta bort den eller välj ett annat namn",
        f"the file exists and is no earlier export of tables ({en}); it is not replaced: "
        "remove it or choose another name",
    )
    for fmt, sv, en in (
        ("json", f"dess format är inte {TABLES_FORMAT}", f"its format is not {TABLES_FORMAT}"),
        ("toml", f"dess format är inte {TABLES_FORMAT}", f"its format is not {TABLES_FORMAT}"),
        ("xlsx", "dess blad är inte tabellernas", "its sheets are not the tables'"),
    )
}


def _our_book(file: BinaryIO, tables: Tables) -> bool:
    """Whether *file* is a workbook whose sheets are exactly the tables', in order."""
    import zipfile  # only when a workbook is to be replaced: ``import ledarskap`` stays light
    from xml.etree import ElementTree

    try:
        with zipfile.ZipFile(file) as book:
            info = book.getinfo("xl/workbook.xml")
            if info.file_size > _LARGEST_WORKBOOK_XML:
                return False
            with book.open(info) as part:
                root = ElementTree.fromstring(part.read(_LARGEST_WORKBOOK_XML))
    except Exception:  # whatever zipfile or expat makes of a file not a workbook: not ours
        return False
    names = [sheet.get("name") for sheet in root.iter(f"{_SPREADSHEET}sheet")]
    return names in (list(TABLE_NAMES), list(tables))


_SPREADSHEET = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_LARGEST_WORKBOOK_XML = 1 << 20
"""More than the workbook part of any workbook of tables takes (its sheets' names)."""


def _check_folder(path: str | os.PathLike[str], tables: Tables) -> None:
    """Refuse *path* unless it is no folder yet, an empty one or one of this export's kind.

    A folder is replaced whole, so what is in it must be table files of an earlier export
    (in either format: none stays beside the new one): regular files named as the tables,
    each beginning as the library writes that table (a sheet of one's own named
    ``participants.csv``, or a folder so named, is not one). Nor is the current folder
    replaced (or one that holds it): the shell standing in it would be left in a removed
    folder.
    """
    target = Path(path)
    if not os.fspath(path):
        raise InvalidValueError(
            location="write_tables", expected=Text("en mapps sökväg", "a folder path"), found=""
        )
    try:
        try:
            os.stat(target)  # a NUL in the name: ValueError, not False as from exists()
        except FileNotFoundError:
            os.stat(target.parent)  # the parent must be there
            return
        if not target.is_dir():
            raise FileAccessError(
                os.fspath(path), "write tables into it", Text("det är ingen mapp", "not a folder")
            )
        here = Path.cwd().resolve()
        if here == target.resolve() or target.resolve() in here.parents:
            raise FileAccessError(
                os.fspath(path),
                "write tables into it",
                Text(
                    "det är mappen du står i (eller en som rymmer den); välj en mapp i den",
                    "it is the current folder (or holds it); name a folder inside it",
                ),
            )
        with os.scandir(target) as entries:
            others = sorted(e.name for e in entries if not _ours(e, tables))
    except FileAccessError:
        raise
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        number = exc.errno if isinstance(exc, OSError) else None
        raise FileAccessError(
            os.fspath(path), "write tables into it", reason, errno=number
        ) from None
    if others:
        raise FileAccessError(
            os.fspath(path),
            "write tables into it",
            Text(
                f"mappen har andra filer ({len(others)}); välj en ny eller tom mapp",
                f"the folder holds other files ({len(others)}); choose a new or empty folder",
            ),
        )


def _ours(entry: os.DirEntry[str], tables: Tables) -> bool:
    """Whether *entry* is a table file of an earlier export, by its name and its beginning.

    A CSV file begins with the table's header as the library writes it; a Parquet file
    holds the table's columns (read by pyarrow; without it, the format's mark at both ends).
    """
    name, dot, suffix = entry.name.rpartition(".")
    if not dot or suffix not in _FOLDERS or name not in tables:
        return False
    if not entry.is_file(follow_symlinks=False):
        return False
    heads = {tables.schema[name].names, SCHEMA[name].names, SAFE_SCHEMA[name].names}
    if suffix == "csv":
        with open(entry.path, "rb") as file:
            start = file.read(_LONGEST_HEAD)
        return any(start.startswith(write_csv([list(head)])) for head in heads)
    try:
        import pyarrow.parquet as pq  # type: ignore[import-untyped]
    except ImportError:
        with open(entry.path, "rb") as file:
            start = file.read(4)
            file.seek(max(entry.stat().st_size - 4, 0))
            return start == file.read(4) == b"PAR1"
    try:
        return tuple(pq.read_schema(entry.path).names) in heads
    except Exception:  # whatever pyarrow makes of a file not its own: not ours
        return False


_LONGEST_HEAD = 4096
"""More than any table's header line takes (a BOM and its column names)."""


def tables_bytes(
    tables: Tables,
    format: TableFormat,  # noqa: A002
    *,
    progress: ProgressCallback | None = None,
) -> bytes:
    """*tables* as the bytes of one ``xlsx``, ``json`` or ``toml`` file.

    ``csv`` and ``parquet`` write a folder (:func:`write_tables`): asked for here, they
    are an :class:`~ledarskap.errors.InvalidValueError`. *progress* is
    :func:`write_tables`'s.
    """
    _check_tables(tables, "tables_bytes")
    ticker = Ticker(checked_progress(progress, "tables_bytes"))
    content = _file_bytes(tables, _checked(format), ticker)
    ticker.finish(ticker.done)
    return content


def _file_bytes(tables: Tables, fmt: TableFormat, ticker: Ticker) -> bytes:
    if fmt in _FOLDERS:
        raise InvalidValueError(
            location="format",
            expected=Text(
                "'xlsx', 'json' eller 'toml' (en fil)", "'xlsx', 'json' or 'toml' (one file)"
            ),
            found=fmt,
        )
    ticker.start(sum(tables.size(name) for name in tables))
    if fmt == "json":
        document = _document(
            tables, lambda v: v.isoformat() if isinstance(v, dt.date) else v, ticker
        )
        return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    if fmt == "toml":
        return _toml(tables, ticker)
    return _xlsx(tables, ticker)


def _chunks(items: Sequence[T]) -> Iterator[Sequence[T]]:
    """*items* in slices of :data:`~ledarskap.io._progress.EVERY`, to count progress by."""
    for start in range(0, len(items), EVERY):
        yield items[start : start + EVERY]


def _head(tables: Tables) -> dict[str, Any]:
    return {
        "format": TABLES_FORMAT,
        "schema": {
            name: [{"name": c.name, "kind": c.kind.value} for c in tables.schema[name]]
            for name in tables
        },
    }


def _document(tables: Tables, value: Any, ticker: Ticker) -> dict[str, Any]:
    converted: dict[str, list[dict[str, Any]]] = {}
    for name in tables:
        rows = converted[name] = []
        for chunk in _chunks(tables[name]):
            rows.extend({c: value(v) for c, v in row.items()} for row in chunk)
            ticker.advance(len(chunk))
    return {**_head(tables), "tables": converted}


def _toml(tables: Tables, ticker: Ticker) -> bytes:
    """The TOML file, dumped a table at a time (tomli_w is the slow part: progress follows it).

    tomli_w writes a table either as an array of inline tables under ``[tables]``
    (``name = [...]``: short rows, or none) or as ``[[tables.name]]`` blocks; the former
    are put under one ``[tables]`` header before the latter, so the file reads as the
    whole document dumped at once.
    """
    inline: list[str] = []
    blocks: list[str] = []
    for name in tables:
        rows = [{c: v for c, v in row.items() if v is not None} for row in tables[name]]
        text = tomli_w.dumps({"tables": {name: rows}})
        if text.startswith(_TABLES_HEADER):
            inline.append(text.removeprefix(_TABLES_HEADER))
        else:
            blocks.append(text)
        ticker.advance(len(rows))
    return "".join([tomli_w.dumps(_head(tables)), "\n", _TABLES_HEADER, *inline, *blocks]).encode(
        "utf-8"
    )


_TABLES_HEADER = "[tables]\n"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _csv_file(columns: dict[str, list[Any]], schema: TableSchema, ticker: Ticker) -> bytes:
    rows: list[list[str]] = [list(schema.names)]
    for chunk in _chunks(list(zip(*columns.values(), strict=True))):
        rows.extend([_cell(v) for v in values] for values in chunk)
        ticker.advance(len(chunk))
    return write_csv(rows)


def _xlsx(tables: Tables, ticker: Ticker) -> bytes:
    try:
        import openpyxl
        from openpyxl.cell.cell import WriteOnlyCell
    except ImportError:
        raise MissingDependencyError(
            "openpyxl", "xlsx", Text("Att skriva tabeller som XLSX", "Writing tables as XLSX")
        ) from None
    for name in tables:  # before the workbook is begun: a write-only one cannot be dropped
        for column, values in tables.columns(name).items():
            for number, value in enumerate(values, start=1):  # rows as Tables counts them
                if isinstance(value, str) and not xlsx_holds(value):
                    raise _not_in_xlsx(value, name, number, column)
    book = openpyxl.Workbook(write_only=True)
    for name in tables:
        sheet = book.create_sheet(title=name)
        sheet.append(list(tables.schema[name].names))
        for chunk in _chunks(tables[name]):
            for row in chunk:
                cells = []
                for value in row.values():
                    if isinstance(value, str):
                        cell = WriteOnlyCell(sheet, value=escape_cell(value))
                        cell.data_type = "s"  # text, never a formula
                    else:
                        cell = WriteOnlyCell(sheet, value=value)
                        if isinstance(value, dt.date):
                            cell.number_format = "yyyy-mm-dd"
                    cells.append(cell)
                sheet.append(cells)
            ticker.advance(len(chunk))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _not_in_xlsx(text: str, table: str, row: int, column: str) -> InvalidValueError:
    """The error for *text*, which an XLSX cell cannot hold, at *row* of *column*.

    *row* is the table's data row, counted from 1, as every message of a table counts it
    (:func:`~ledarskap.tables._frames.cell_at`), not the sheet's (which would be one more,
    below the header).

    A free text (a name, a title: :data:`~ledarskap.tables._frames.FREE_TEXT`) is never
    quoted: the message says which character is where. Another (an id) is quoted, masked.
    """
    where = cell_at(table, row, column)
    if column not in FREE_TEXT:
        return InvalidValueError(location=where, expected=XLSX_TEXT, found=text)
    at = next(i for i, c in enumerate(text) if not xlsx_holds(c))  # each refused alone
    code = f"U+{ord(text[at]):04X}"
    return InvalidValueError(
        location=where,
        expected=XLSX_TEXT,
        found=Text(
            f"en text med tecknet {code} på plats {at + 1} av {len(text)}",
            f"text with the character {code} at position {at + 1} of {len(text)}",
        ),
        described=True,
    )


def _parquet_file(columns: dict[str, list[Any]], schema: TableSchema, ticker: Ticker) -> bytes:
    try:  # pyarrow is untyped: its import in _ours says so to mypy, once for the module
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise MissingDependencyError(
            "pyarrow",
            "parquet",
            Text("Att skriva tabeller som Parquet", "Writing tables as Parquet"),
        ) from None
    arrays = []
    fields = []
    for column in schema:  # every value is of its column's kind: Tables checked them
        values = columns[column.name]
        metadata = {"description": column.description}
        if column.kind is ColumnKind.CATEGORY:
            code = {c: i for i, c in enumerate(column.categories)}.get
            indices = pa.array([code(v) for v in values], type=pa.int32())  # None: None
            array = pa.DictionaryArray.from_arrays(
                indices, pa.array(list(column.categories), type=pa.string())
            )
            # An empty table has no dictionary page: its categories are read back from here
            metadata[_CATEGORIES] = json.dumps(list(column.categories), ensure_ascii=False)
        else:
            array = pa.array(values, type=_ARROW[column.kind](pa))
        arrays.append(array)
        fields.append(pa.field(column.name, array.type, metadata=metadata))
    table = pa.Table.from_arrays(
        arrays, schema=pa.schema(fields, metadata=_pandas_metadata(pa, schema))
    )
    out = io.BytesIO()
    pq.write_table(table, out)
    ticker.advance(table.num_rows)
    return out.getvalue()


def _pandas_metadata(pa: Any, schema: TableSchema) -> dict[bytes, bytes] | None:
    """What pandas reads a Parquet file's dtypes back from, if pandas is installed.

    pyarrow writes it for a DataFrame; the table's empty frame gives the same (categories
    with all their categories, nullable integers, booleans and strings), so
    ``pandas.read_parquet`` gives back :meth:`Tables.frame`'s dtypes, dates as dates.
    Without pandas the files hold none (no other reader needs it).
    """
    try:
        empty = frame({name: [] for name in schema.names}, schema)
    except MissingDependencyError:
        return None
    return {b"pandas": pa.Schema.from_pandas(empty, preserve_index=False).metadata[b"pandas"]}


_CATEGORIES = "categories"
"""The key of a category column's field metadata that holds its categories (JSON)."""

_ARROW: dict[ColumnKind, Any] = {
    ColumnKind.STRING: lambda pa: pa.string(),
    ColumnKind.DATE: lambda pa: pa.date32(),
    ColumnKind.INTEGER: lambda pa: pa.int64(),
    ColumnKind.BOOLEAN: lambda pa: pa.bool_(),
}

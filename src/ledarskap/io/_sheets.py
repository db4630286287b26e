"""Reading and writing the cells of a spreadsheet: CSV (any of Excel's ways) and XLSX.

The machinery under :mod:`ledarskap.io.spreadsheets`: bytes to rows of text cells, with the
encoding (UTF-8 with or without BOM, else Windows-1252 as older Excel writes) and the
delimiter (``;`` as Excel writes in Swedish locales, ``,``, or a tab) found out; XLSX
through openpyxl, loaded only when needed; header names folded for matching; dates in ISO
and the common Swedish forms.

Two promises hold for every sheet, whoever made it:

- **Bounded work.** A sheet may claim no more than :data:`MAX_ROWS` rows,
  :data:`MAX_COLUMNS` columns and :data:`MAX_CELL` characters a cell (Excel's own limit);
  a CSV file may be no larger than :data:`MAX_UNPACKED` bytes, and an XLSX file may
  unpack to no more (no part of it to more than :data:`MAX_RATIO` times its packed size).
  Beyond them a sheet is refused with a :class:`~ledarskap.errors.DocumentError` naming
  the limit. An XLSX is read streaming, one cell at a time, and its ``<dimension>`` tag
  is not believed: a tiny file with one cell at ``XFD1048576`` costs what its cells cost,
  not a grid of 17 billion.
- **No formula injection.** A cell written that begins with ``=``, ``+``, ``-``, ``@``, a
  tab or a carriage return (as the OWASP guidance on CSV injection lists; and a line feed)
  is written with
  a ``'`` in front, so that a spreadsheet program shows it as text rather than running it;
  the reader removes exactly that ``'`` again (:func:`escape_cell`,
  :func:`unescape_cell`), so every text reads back as it was written.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterator, Sequence
from typing import Any

import attrs
from dateutil.parser import parse, parserinfo

from ledarskap.errors import DocumentError, InvalidValueError, MissingDependencyError, Problem
from ledarskap.text import Text

from ._encodings import ENCODINGS, detect_and_decode
from ._problems import number_sv

__all__ = [
    "MAX_CELL",
    "MAX_COLUMNS",
    "MAX_RATIO",
    "MAX_ROWS",
    "MAX_UNPACKED",
    "XLSX_TEXT",
    "CsvCells",
    "CsvStream",
    "XlsxStream",
    "escape_cell",
    "fold",
    "parse_date",
    "read_csv",
    "read_csv_rows",
    "read_xlsx_rows",
    "stream_csv",
    "unescape_cell",
    "write_csv",
    "write_xlsx",
    "xlsx_holds",
]

Row = list[str]

MAX_ROWS = 100_000
"""The most rows a sheet may have (blank rows and the header counted)."""
MAX_COLUMNS = 200
"""The most columns a sheet may use (a sheet of any kind has fewer than 30)."""
MAX_CELL = 32_767
"""The most characters a cell may hold: Excel's own limit."""
MAX_UNPACKED = 128 * 1024 * 1024
"""The most bytes of a CSV file, and that the parts of an XLSX file may unpack to."""
MAX_RATIO = 100
"""The most a part of an XLSX file over 1 MiB may unpack to, as a multiple of its packed size.

As Apache POI's zip-bomb check (its minimum inflate ratio of 1 %): a worksheet's XML packs
to a tenth or a twentieth, a bomb's to a thousandth.
"""
_GRID_COLUMNS = 16_384  # the columns of a worksheet, A to XFD
_MIB = 1024 * 1024

_FORMULA_START = frozenset("=+-@\t\r\n")
"""How a cell that a spreadsheet program may run as a formula begins.

The characters of the OWASP guidance, and a line feed: XLSX (being XML) reads a carriage
return back as one, so it must be escaped alike for the escape to read back.
"""


class _SwedishDates(parserinfo):
    """dateutil's words for dates, with the Swedish month names beside the English."""

    MONTHS = [  # noqa: RUF012  # dateutil reads the class's list
        ("jan", "januari", "january"),
        ("feb", "februari", "february"),
        ("mar", "mars", "march"),
        ("apr", "april"),
        ("maj", "may"),
        ("jun", "juni", "june"),
        ("jul", "juli", "july"),
        ("aug", "augusti", "august"),
        ("sep", "sept", "september"),
        ("okt", "oct", "oktober", "october"),  # type: ignore[list-item]  # four names
        ("nov", "november"),
        ("dec", "december"),
    ]


_WORDS_OF_DATES = _SwedishDates(dayfirst=True)
"""The words dateutil reads (made once: a table, no state)."""
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_FULL_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)|^\d{8}$", re.ASCII)
# Two days no date in a sheet is: a date read the same against both says all its parts.
_DEFAULTS = (dt.datetime(1, 1, 1), dt.datetime(2, 2, 2))


def fold(text: str) -> str:
    """Case-, accent- and punctuation-free form of a header: "E-post" → "epost".

    Cached for short texts: a sheet's headers and the words of its cells (ja, förvaltning,
    a status) repeat on every row; a long cell is folded afresh, never kept.
    """
    return _fold(text) if len(text) <= _FOLD_CACHED else _fold.__wrapped__(text)


_FOLD_CACHED = 100


@functools.lru_cache(maxsize=8192)
def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]", "", plain)


def parse_date(text: str) -> dt.date | None:
    """A date written in ISO or a common Swedish form, or ``None`` if it is none of them.

    ``2025-09-01``, ``2025-09-01 00:00:00`` (as Excel exports; a time of day is dropped),
    ``2025-09-01T13:30``, ``20250901``, ``2025/9/1``,
    ``1/9/2025`` and ``1.9.2025`` (day first, as in Sweden), ``1/9 2025``, ``1 september
    2025`` and ``1 sep. 2025``. Read by dateutil, with Swedish month names, day first
    unless the year is; a date without its year, month or day (``september 2025``), or
    with a year of two digits (``1.9.25``), is none.

    >>> parse_date("1 okt. 2025"), parse_date("2025/9/1"), parse_date("september 2025")
    (datetime.date(2025, 10, 1), datetime.date(2025, 9, 1), None)
    """
    value = text.strip()
    if _ISO_DAY.fullmatch(value):  # the usual form, read fast
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    if not _FULL_YEAR.search(value):  # "1.9.25": 1925 or 2025? A year is written whole.
        return None
    year_first = value[:4].isdigit()
    try:
        one, other = (
            parse(
                value,
                parserinfo=_WORDS_OF_DATES,
                default=default,
                dayfirst=not year_first,
                yearfirst=year_first,
            ).date()
            for default in _DEFAULTS
        )
    except (ValueError, OverflowError):  # dateutil's ParserError is a ValueError
        return None
    return one if one == other else None


# Formula injection -----------------------------------------------------------------------


def escape_cell(text: str) -> str:
    """*text* as written to a sheet: with a ``'`` in front if a program could run it.

    A text that begins with ``=``, ``+``, ``-``, ``@``, a tab, a carriage return or a line
    feed after any number of ``'`` gets one more ``'`` in front; every other text is written as it is.
    (The ``'`` that are there already are counted so that :func:`unescape_cell` can tell
    the ``'`` it must remove from one that belongs to the text.)

    >>> escape_cell("=HYPERLINK(1)"), escape_cell("'=1"), escape_cell("Anna"), escape_cell("'a")
    ("'=HYPERLINK(1)", "''=1", 'Anna', "'a")
    """
    return "'" + text if text.lstrip("'")[:1] in _FORMULA_START else text


def unescape_cell(text: str) -> str:
    """*text* as read from a sheet: the ``'`` that :func:`escape_cell` put in front removed.

    One ``'`` is removed from a text that begins with one or more ``'`` followed by ``=``,
    ``+``, ``-``, ``@``, a tab, a carriage return or a line feed; every other text is read as it is. So
    ``unescape_cell(escape_cell(text)) == text`` for every text.

    >>> unescape_cell("'=HYPERLINK(1)"), unescape_cell("''=1"), unescape_cell("'a")
    ('=HYPERLINK(1)', "'=1", "'a")
    """
    if text[:1] == "'" and text.lstrip("'")[:1] in _FORMULA_START:
        return text[1:]
    return text


def _too_large(source: str, message: Text, *, row: int | None = None) -> DocumentError:
    return DocumentError(
        Text("bladet är för stort för att läsas", "the sheet is too large to read"),
        [Problem("", message, "too-large", source=source, row=row)],
        source=source,
    )


_TOO_MANY_ROWS = Text(
    f"ett blad får ha högst {number_sv(MAX_ROWS)} rader",
    f"a sheet may have at most {MAX_ROWS:,} rows",
)


def _beyond_columns(column: int) -> Text:
    return Text(
        f"ett värde i kolumn {number_sv(column)}: ett blad får använda högst {MAX_COLUMNS} kolumner",
        f"a value in column {column:,}: a sheet may use at most {MAX_COLUMNS} columns",
    )


def _bounded(row: list[str], number: int, source: str, *, quoted: bool = True) -> Row:
    """*row* (the *number*-th of the sheet), unescaped, or the error of the limit it breaks.

    *quoted* false says that no cell of the sheet holds a ``'``, so none is unescaped.
    """
    if number > MAX_ROWS:
        raise _too_large(source, _TOO_MANY_ROWS, row=number)
    if len(row) > MAX_COLUMNS:
        beyond = [i for i, cell in enumerate(row[MAX_COLUMNS:], start=MAX_COLUMNS + 1) if cell]
        if beyond:
            raise _too_large(source, _beyond_columns(beyond[0]), row=number)
        del row[MAX_COLUMNS:]
    if row and max(map(len, row)) > MAX_CELL:
        index, cell = next((i, c) for i, c in enumerate(row) if len(c) > MAX_CELL)
        raise _too_large(
            source,
            Text(
                f"{number_sv(len(cell))} tecken i kolumn {index + 1}: "
                f"en cell får rymma högst {number_sv(MAX_CELL)} (som i Excel)",
                f"{len(cell):,} characters in column {index + 1}: "
                f"a cell may hold at most {MAX_CELL:,} (as in Excel)",
            ),
            row=number,
        )
    if quoted:
        return [unescape_cell(cell) if cell[:1] == "'" else cell for cell in row]
    return row


# CSV ------------------------------------------------------------------------------------


def _decode(content: bytes, source: str) -> tuple[str, str]:
    found = detect_and_decode(content)
    if found is None:
        raise DocumentError(
            Text("kan inte läsa filen som text", "cannot read the file as text"),
            [
                Problem(
                    "",
                    Text(
                        "förväntade text i UTF-8, UTF-16 eller Windows-1252",
                        "expected text in UTF-8, UTF-16 or Windows-1252",
                    ),
                    "encoding",
                    source=source,
                )
            ],
            source=source,
        )
    return found


def _sniff(text: str) -> str:
    """``;``, ``,`` or a tab: whichever the first line with any (outside quotes) has most of.

    A title line above the header (``Deltagare 2026``) has none, so the header decides.
    """
    for line in text.splitlines():
        outside = _QUOTED.sub("", line) if '"' in line else line
        counts = {delimiter: outside.count(delimiter) for delimiter in _DELIMITERS}
        best = max(counts, key=lambda d: counts[d])
        if counts[best]:
            return best
    return ","


_DELIMITERS = (";", ",", "\t")
_SEP_LINE = re.compile(r"sep=([;,\t|])\r?\n")
_QUOTED = re.compile(r'"[^"]*"')


@attrs.frozen
class CsvCells:
    """The rows of a CSV file, how it was read, and the rows its quoting or delimiters broke.

    ``lines`` holds the line each row begins on; ``broken`` maps a row's number to the
    problem that makes its cells unreliable (an unbalanced quote, a different delimiter).
    """

    rows: list[Row]
    encoding: str
    delimiter: str
    lines: list[int]
    broken: dict[int, Problem]


@attrs.frozen
class CsvStream:
    """A CSV file's rows as they are read (:func:`stream_csv`), with how it is read.

    ``lines`` and ``broken`` are :class:`CsvCells`'s, filled as the rows are read: a row's
    entries are there when the row is. ``expected_rows`` is the rows the text's lines
    would make (fewer if cells span lines), for a progress bar.
    """

    rows: Iterator[Row]
    encoding: str
    delimiter: str
    lines: list[int]
    broken: dict[int, Problem]
    expected_rows: int


def read_csv(content: bytes, source: str) -> CsvCells:
    """Every row of a CSV file as lists of text cells, with its encoding and delimiter.

    A quote that opens a cell and is not closed before the next row's line (or the end of
    the file) swallows the rows after it into one cell: such a row is marked broken, naming
    the line of the quote. So is a row of one cell that holds another delimiter where the
    header has several cells (mixed delimiters).
    """
    stream = stream_csv(content, source)
    rows = list(stream.rows)
    return CsvCells(rows, stream.encoding, stream.delimiter, stream.lines, stream.broken)


def stream_csv(content: bytes, source: str) -> CsvStream:
    """:func:`read_csv`, its rows read one at a time as they are asked for.

    The text is decoded and its delimiter found at once (so an unreadable file fails
    here); a row beyond the limits fails when it is reached.
    """
    if len(content) > MAX_UNPACKED:
        raise _too_large(
            source,
            Text(
                f"en CSV-fil får rymma högst {number_sv(MAX_UNPACKED)} byte",
                f"a CSV file may hold at most {MAX_UNPACKED:,} bytes",
            ),
        )
    text, codec = _decode(content, source)
    if "\x00" in text:
        raise DocumentError(
            Text("kan inte läsa filen som CSV", "cannot read the file as CSV"),
            [
                Problem(
                    "",
                    Text(
                        "förväntade text, fick NUL-tecken (en binärfil?)",
                        "expected text, found NUL characters (a binary file?)",
                    ),
                    "encoding",
                    source=source,
                )
            ],
            source=source,
        )
    hint = _SEP_LINE.match(text)
    if hint:  # Excel's "sep=;" line: the delimiter said, the line not shown as a row
        delimiter, text = hint.group(1), text[hint.end() :]
    else:
        delimiter = _sniff(text)
    lines: list[int] = []
    broken: dict[int, Problem] = {}
    expected = text.count("\n") + (not text.endswith("\n"))
    rows = _csv_rows(text, source, delimiter, skipped=1 if hint else 0, lines=lines, broken=broken)
    return CsvStream(rows, ENCODINGS[codec], delimiter, lines, broken, expected)


def _csv_rows(
    text: str,
    source: str,
    delimiter: str,
    *,
    skipped: int,
    lines: list[int],
    broken: dict[int, Problem],
) -> Iterator[Row]:
    """The rows of *text*, bounded, as they are read.

    Each row's first line is added to *lines* and, if the row is broken, its problem to
    *broken*, before the row is given.
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    quoted = "'" in text
    last = skipped
    width = 0
    number = 0
    try:
        for row in reader:
            number += 1
            bounded = _bounded(row, number, source, quoted=quoted)
            lines.append(last + 1)
            end = reader.line_num + skipped
            if end - last > 1:
                _check_quote(
                    row,
                    number=number,
                    first=last + 1,
                    end=end,
                    delimiter=delimiter,
                    source=source,
                    broken=broken,
                )
            last = end
            if not width and len(row) > 1:
                width = len(row)
            elif width and len(row) == 1:
                _check_delimiter(
                    row[0],
                    number=number,
                    line=last,
                    width=width,
                    delimiter=delimiter,
                    source=source,
                    broken=broken,
                )
            yield bounded
    except csv.Error:  # in non-strict mode, only a field over csv.field_size_limit()
        limit = csv.field_size_limit()
        raise _too_large(
            source,
            Text(
                f"en cell med mer än {number_sv(limit)} tecken: "
                f"en cell får rymma högst {number_sv(MAX_CELL)} (som i Excel)",
                f"a cell of more than {limit:,} characters: "
                f"a cell may hold at most {MAX_CELL:,} (as in Excel)",
            ),
            row=number + 1,
        ) from None


def _check_quote(
    row: list[str],
    *,
    number: int,
    first: int,
    end: int,
    delimiter: str,
    source: str,
    broken: dict[int, Problem],
) -> None:
    """Mark row *number* broken if a cell spanning lines holds what look like rows."""
    for index, cell in enumerate(row):
        inner = cell.split("\n")[1:]
        if inner and sum(line.count(delimiter) > 0 for line in inner) * 2 >= len(inner):
            broken[number] = Problem(
                "",
                Text(
                    f"ett citattecken som öppnas på rad {first} (kolumn {index + 1}) stängs "
                    f"inte förrän på rad {end}: de {end - first} raderna efter det lästes in "
                    "i en enda cell",
                    f"a quote opened on line {first} (column {index + 1}) is not closed until "
                    f"line {end}: the {end - first} lines after it were read into one cell",
                ),
                "unbalanced-quote",
                source=source,
                row=number,
                line=first,
                hint=Text(
                    'stäng citattecknet, eller skriv " två gånger ("") där det hör till texten',
                    'close the quote, or write the " twice ("") where it is part of the text',
                ),
            )
            return


def _check_delimiter(
    cell: str,
    *,
    number: int,
    line: int,
    width: int,
    delimiter: str,
    source: str,
    broken: dict[int, Problem],
) -> None:
    """Mark row *number* broken if its one cell is split by another delimiter."""
    for other in _DELIMITERS:
        if other != delimiter and cell.count(other) >= min(width - 1, 2):
            shown = "a tab" if other == "\t" else repr(other)
            header = "a tab" if delimiter == chr(9) else repr(delimiter)
            visad = "tabb" if other == "\t" else repr(other)
            rubrik = "tabb" if delimiter == chr(9) else repr(delimiter)
            broken[number] = Problem(
                "",
                Text(
                    f"en cell där rubrikraden har {width}: raden är avgränsad med {visad}, "
                    f"rubrikraden med {rubrik} (blandade avgränsare?)",
                    f"one cell where the header has {width}: the row is separated by {shown}, "
                    f"the header by {header} (mixed delimiters?)",
                ),
                "mixed-delimiters",
                source=source,
                row=number,
                line=line,
                hint=Text(
                    "spara bladet igen från kalkylprogrammet, med en enda sorts avgränsare",
                    "save the sheet again from the spreadsheet program, with one delimiter",
                ),
            )
            return


def read_csv_rows(content: bytes, source: str) -> list[Row]:
    """Every row of a CSV file, as lists of text cells."""
    return read_csv(content, source).rows


def write_csv(rows: Sequence[Sequence[str]], *, delimiter: str = ";") -> bytes:
    """CSV bytes in UTF-8 with a BOM (so that Excel reads the å, ä and ö right).

    Every cell is escaped by :func:`escape_cell`, so no cell is run as a formula.
    """
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows([escape_cell(cell) for cell in row] for row in rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


# XLSX -----------------------------------------------------------------------------------


def _openpyxl(feature: Text) -> object:
    try:
        import openpyxl
    except ImportError:
        raise MissingDependencyError("openpyxl", "xlsx", feature) from None
    return openpyxl


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_xlsx_rows(content: bytes, source: str) -> list[Row]:
    """Every row of the first worksheet of an XLSX file, as lists of text cells.

    Read streaming, within the limits of this module; each row is as long as its last
    cell with a value.
    """
    return list(XlsxStream(content, source))


_NOT_XLSX = Text("kan inte läsa filen som XLSX", "cannot read the file as XLSX")


def _not_xlsx(what: Text, source: str) -> DocumentError:
    """The error of a file openpyxl cannot read as a workbook: *what* went wrong."""
    return DocumentError(_NOT_XLSX, [Problem("", what, "xlsx", source=source)], source=source)


class XlsxStream:
    """The rows of the first worksheet of an XLSX file, read one at a time as iterated.

    The file is opened at once (so that a file that is no workbook fails here), read as
    it is iterated (once), and closed when the rows end. ``expected_rows`` is the rows the
    worksheet claims (its ``<dimension>``) if that is within :data:`MAX_ROWS`, else
    ``None``: a claim for a progress bar, never believed for the work.
    """

    def __init__(self, content: bytes, source: str) -> None:
        openpyxl = _openpyxl(Text("Att läsa XLSX-blad", "Reading XLSX spreadsheets"))
        _check_archive(content, source)
        self.source = source
        try:
            self._book = openpyxl.load_workbook(  # type: ignore[attr-defined]
                io.BytesIO(content), read_only=True, data_only=True
            )
            self._sheet = self._book.worksheets[0]
        except Exception as error:  # openpyxl raises many kinds on a bad file
            what = type(error).__name__
            raise _not_xlsx(
                Text(f"ingen XLSX-arbetsbok ({what})", f"not an XLSX workbook ({what})"), source
            ) from None
        claimed = getattr(self._sheet, "max_row", None)
        self.expected_rows: int | None = (
            claimed if isinstance(claimed, int) and 0 < claimed <= MAX_ROWS else None
        )

    def __iter__(self) -> Iterator[Row]:
        try:
            yield from _worksheet_rows(self._book, self._sheet, self.source)
        except DocumentError:
            raise
        except Exception as error:  # a damaged workbook fails while it is read
            what = type(error).__name__
            raise _not_xlsx(
                Text(f"ett skadat kalkylblad ({what})", f"a damaged worksheet ({what})"),
                self.source,
            ) from None
        finally:
            self._book.close()


def _check_archive(content: bytes, source: str) -> None:
    """Refuse a zip file whose parts unpack to too much, in all or for their packed size.

    What each part says it unpacks to is what :mod:`zipfile` reads of it at most. Content
    that is no zip file is left for openpyxl to refuse.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return
    unpacked = sum(part.file_size for part in parts)
    if unpacked > MAX_UNPACKED:
        raise _too_large(
            source,
            Text(
                f"filen packas upp till {number_sv(unpacked)} byte: "
                f"en XLSX-fil får packas upp till högst {number_sv(MAX_UNPACKED)}",
                f"the file unpacks to {unpacked:,} bytes: "
                f"an XLSX file may unpack to at most {MAX_UNPACKED:,}",
            ),
        )
    for part in parts:
        if part.file_size > _MIB and part.file_size > MAX_RATIO * part.compress_size:
            fold = part.file_size // max(part.compress_size, 1)
            raise _too_large(
                source,
                Text(
                    f"{part.filename} blir {number_sv(fold)} gånger större uppackad: "
                    f"en del får bli högst {MAX_RATIO} gånger större (en zip-bomb?)",
                    f"{part.filename} unpacks {fold:,}-fold: "
                    f"a part may unpack at most {MAX_RATIO}-fold (a zip bomb?)",
                ),
            )


def _worksheet_rows(book: Any, sheet: Any, source: str) -> Iterator[Row]:
    """The rows of *sheet*, each as long as its last cell with a value, gaps kept as empty rows.

    openpyxl's own row iterator pads every row to its last cell, or to the range the
    ``<dimension>`` tag claims, which a hostile file sets to the whole grid; and it holds a
    whole ``<row>`` in memory, however many cells it has. So the XML is walked here, one
    cell at a time (each read by openpyxl's worksheet parser, then dropped), and bounded:
    a row with more cells than a worksheet has columns is refused as it is read.
    """
    from openpyxl.worksheet._reader import CELL_TAG, ROW_TAG, WorkSheetParser
    from openpyxl.xml.functions import iterparse

    count = 0  # the rows given so far, gaps counted
    with sheet._get_source() as xml:
        parser = WorkSheetParser(
            xml,
            sheet._shared_strings,
            data_only=True,
            epoch=book.epoch,
            date_formats=book._date_formats,
            timedelta_formats=book._timedelta_formats,
        )
        row: Any = None
        values: dict[int, object] = {}
        cells = 0
        for event, element in iterparse(xml, events=("start", "end")):
            if element.tag == ROW_TAG and event == "start":
                row, values, cells = element, {}, 0
                number = element.get("r")
                parser.row_counter = int(number) if number else parser.row_counter + 1
                parser.col_counter = 0
            elif element.tag == CELL_TAG and event == "end":
                cells += 1
                if cells > _GRID_COLUMNS:
                    raise _too_large(
                        source,
                        Text(
                            f"mer än {number_sv(_GRID_COLUMNS)} celler på en rad "
                            "(fler än ett kalkylblad har kolumner)",
                            f"more than {_GRID_COLUMNS:,} cells in one row "
                            "(more than a worksheet has columns)",
                        ),
                        row=parser.row_counter,
                    )
                cell = parser.parse_cell(element)
                if cell["value"] is not None:
                    values[cell["column"]] = cell["value"]
                if row is not None:
                    del row[:]  # the cell read, nothing of it is kept
            elif element.tag == ROW_TAG:
                if values:
                    yield from _rows_to(count, parser.row_counter, values, source)
                    count = max(count + 1, parser.row_counter)
                row = None
                element.clear()


def _rows_to(count: int, number: int, values: dict[int, object], source: str) -> Iterator[Row]:
    """Row *number* (with its *values* by column), after the empty rows since row *count*."""
    if number > MAX_ROWS:
        raise _too_large(source, _TOO_MANY_ROWS, row=number)
    last = max(values)
    if last > MAX_COLUMNS:
        raise _too_large(source, _beyond_columns(last), row=number)
    for _ in range(count + 1, number):
        yield []
    cells = [_cell_text(values.get(column)) for column in range(1, last + 1)]
    yield _bounded(cells, number, source)


XLSX_TEXT = Text(
    "text utan styrtecken eller vagnreturer (en XLSX-cell kan inte rymma dem: "
    "en vagnretur läses tillbaka som en radmatning; CSV kan)",
    "text without control characters or carriage returns (an XLSX cell cannot hold them: "
    "a carriage return reads back as a line feed; CSV can)",
)
"""What an XLSX cell holds, as a problem expects it."""


def xlsx_holds(text: str) -> bool:
    r"""Whether an XLSX cell holds *text* as it is, to be read back the same.

    XML 1.0 has no control characters but tab and line breaks, and a reader reads a
    carriage return as a line feed (XML's end-of-line handling): openpyxl writes one as it
    is, so ``"a\r\nb"`` would read back as ``"a\nb"``.
    """
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return "\r" not in text and not ILLEGAL_CHARACTERS_RE.search(text)


def write_xlsx(rows: Sequence[Sequence[str]], *, title: str) -> bytes:
    """XLSX bytes of one worksheet, every cell as text (so that ids and codes keep zeros).

    Every cell is escaped by :func:`escape_cell` too: a text cell is never a formula in the
    file, but one that begins with ``=`` becomes one when a user edits it, or when the
    sheet is saved again as CSV.
    """
    openpyxl = _openpyxl(Text("Att skriva XLSX-blad", "Writing XLSX spreadsheets"))
    for number, row in enumerate(rows, start=1):  # before the workbook is begun
        for column, value in enumerate(row, start=1):
            if not xlsx_holds(value):
                raise InvalidValueError(
                    location=Text(
                        f"bladet {title}, rad {number}, kolumn {column}",
                        f"the {title} sheet, row {number}, column {column}",
                    ),
                    expected=XLSX_TEXT,
                    found=value,
                )
    book = openpyxl.Workbook(write_only=True)  # type: ignore[attr-defined]
    sheet = book.create_sheet(title=title)
    cell_class = openpyxl.cell.WriteOnlyCell  # type: ignore[attr-defined]
    for row in rows:
        cells = []
        for value in row:
            cell = cell_class(sheet, value=escape_cell(value))
            cell.data_type = "s"  # text, never a formula: a leading "=" stays text
            cells.append(cell)
        sheet.append(cells)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()

"""Reading and writing the cells of a spreadsheet: CSV (any of Excel's ways) and XLSX.

The machinery under :mod:`ledarskap.io.spreadsheets`: bytes to rows of text cells, with the
encoding (UTF-8 with or without BOM, else Windows-1252 as older Excel writes) and the
delimiter (``;`` as Excel writes in Swedish locales, ``,``, or a tab) found out; XLSX
through openpyxl, loaded only when needed; an Excel error, an XLSX error cell or a CSV
cell that is an error's name (``#N/A``, ``#SAKNAS!``), read as the error it is; header
names folded for matching; dates in ISO and the common Swedish forms.

Two promises hold for every sheet, whoever made it:

- **Bounded work.** A sheet may claim no more than :data:`MAX_ROWS` rows,
  :data:`MAX_COLUMNS` columns and :data:`MAX_CELL` characters a cell (Excel's own limit);
  a CSV file may be no larger than :data:`MAX_UNPACKED` bytes, and an XLSX file may
  unpack to no more (no part of it to more than :data:`MAX_RATIO` times its packed size).
  Beyond them a sheet is refused with a :class:`~ledarskap.errors.DocumentError` naming
  the limit. A CSV row is refused as its lines are read once they hold more delimiters
  than a worksheet has columns, before :mod:`csv` makes its cells. An XLSX is read
  streaming, one cell at a time, and its ``<dimension>`` tag
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
import itertools
import re
import unicodedata
import warnings
import zipfile
from collections.abc import Callable, Iterator, Sequence
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
    "Escaped",
    "Unreadable",
    "XlsxStream",
    "escape_cell",
    "excel_error",
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
    feed after any number of ``'`` gets one more ``'`` in front, and so does one that would
    read back as an Excel error (``#N/A``, :func:`excel_error`) after them; every other text
    is written as it is. (The ``'`` that are there already are counted so that
    :func:`unescape_cell` can tell the ``'`` it must remove from one that belongs to the
    text.)

    >>> escape_cell("=HYPERLINK(1)"), escape_cell("'=1"), escape_cell("Anna"), escape_cell("'a")
    ("'=HYPERLINK(1)", "''=1", 'Anna', "'a")
    >>> escape_cell("#N/A"), escape_cell("#1 i kön")
    ("'#N/A", '#1 i kön')
    """
    return "'" + text if _escaped(text.lstrip("'")) else text


def unescape_cell(text: str) -> str:
    """*text* as read from a sheet: the ``'`` that :func:`escape_cell` put in front removed.

    One ``'`` is removed from a text that begins with one or more ``'`` followed by ``=``,
    ``+``, ``-``, ``@``, a tab, a carriage return or a line feed, or by an Excel error's
    name; every other text is read as it is. So
    ``unescape_cell(escape_cell(text)) == text`` for every text.

    >>> unescape_cell("'=HYPERLINK(1)"), unescape_cell("''=1"), unescape_cell("'a")
    ('=HYPERLINK(1)', "'=1", "'a")
    """
    if text[:1] == "'" and _escaped(text.lstrip("'")):
        return text[1:]
    return text


def _escaped(rest: str) -> bool:
    """Whether a text that is *rest* after its leading ``'`` gets one more when written."""
    return rest[:1] in _FORMULA_START or ("#" in rest and excel_error(rest) is not None)


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
        return [
            _unescaped(cell) if cell[:1] == "'" and not isinstance(cell, Unreadable) else cell
            for cell in row
        ]
    return row


class Escaped(str):
    r"""A cell's text the writer escaped (:func:`escape_cell`), its ``'`` removed.

    The text exactly as it was written: the reader trims white space off the cells a
    person typed, never off these (``"\t=1+1"`` reads back as it was written).
    """


def _unescaped(cell: str) -> str:
    text = unescape_cell(cell)
    return cell if len(text) == len(cell) else Escaped(text)


# CSV ------------------------------------------------------------------------------------


def _decode(content: bytes, source: str) -> tuple[str, str, bool]:
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


def _sniff(text: str, known: Callable[[str], bool] | None) -> str:
    """``;``, ``,`` or a tab: the one that splits the header line into known columns.

    Each of the first lines that are not blank (a title or a note may be above the header)
    is split by each delimiter, and the split with the most cells *known* says is a
    column's header wins: a note above the header (``Lista, uppdaterad 2026-01-10``) has
    commas, the header ``Förnamn;Efternamn`` none. Without any known header, whichever
    delimiter the first line with any (outside quotes) has most of.
    """
    lines = list(itertools.islice(_not_blank(text), _SNIFFED_LINES))
    if known is not None:
        most, chosen = 0, None
        for line in lines:
            for delimiter in _DELIMITERS:
                cells = next(csv.reader([line[:_SNIFFED_CHARACTERS]], delimiter=delimiter), [])
                count = sum(1 for cell in cells if known(cell))
                if count > most:
                    most, chosen = count, delimiter
        if chosen is not None:
            return chosen
    for line in lines:
        outside = _QUOTED.sub("", line) if '"' in line else line
        counts = {delimiter: outside.count(delimiter) for delimiter in _DELIMITERS}
        best = max(counts, key=lambda d: counts[d])
        if counts[best]:
            return best
    return ","


def _not_blank(text: str) -> Iterator[str]:
    """The lines of *text* that are not blank, one at a time (a text may have millions)."""
    return (line for line in map(re.Match.group, _LINE.finditer(text)) if not line.isspace())


_DELIMITERS = (";", ",", "\t")
_SEP_LINE = re.compile(r"sep=([;,\t|])\r?\n")
_QUOTED = re.compile(r'"[^"]*"')
_LINE = re.compile(r"[^\r\n]*(?:\r\n?|\n)|[^\r\n]+")
"""A line as :mod:`csv` reads one (its end kept): ended by a line feed, a carriage return or both."""
_SNIFFED_LINES = 10  # the lines looked at for the header, as the reader looks at its rows
_SNIFFED_CHARACTERS = 65_536  # of each: more than a header of 200 columns needs
_ESCAPED = re.compile("[\udc80-\udcff]")
"""A byte that was not in the text's encoding, as ``surrogateescape`` holds it."""


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


def stream_csv(
    content: bytes, source: str, known: Callable[[str], bool] | None = None
) -> CsvStream:
    """:func:`read_csv`, its rows read one at a time as they are asked for.

    The text is decoded and its delimiter found at once (so an unreadable file fails
    here); a row beyond the limits fails when it is reached. *known* says whether a cell
    is the header of a known column: the delimiter is the one that splits the header so.
    """
    if len(content) > MAX_UNPACKED:
        raise _too_large(
            source,
            Text(
                f"en CSV-fil får rymma högst {number_sv(MAX_UNPACKED)} byte",
                f"a CSV file may hold at most {MAX_UNPACKED:,} bytes",
            ),
        )
    text, codec, mixed = _decode(content, source)
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
        delimiter = _sniff(text, known)
    lines: list[int] = []
    broken: dict[int, Problem] = {}
    expected = text.count("\n") + (not text.endswith("\n"))
    rows = _csv_rows(
        _Lines(text, delimiter, mixed=mixed),
        source,
        quoted="'" in text,
        hashed="#" in text,
        skipped=1 if hint else 0,
        lines=lines,
        broken=broken,
    )
    return CsvStream(rows, ENCODINGS[codec], delimiter, lines, broken, expected)


class _RowTooWideError(Exception):
    """A row with more delimiters than a worksheet has columns, found before it is split."""


class _Lines:
    """The lines of a text as :mod:`csv` reads them, one at a time, each row's bounded.

    csv makes every cell of a row before it gives the row: a line of 120 million ``;``
    would be 120 million cells (gigabytes). So the delimiters of the lines of the row being
    read are counted as csv asks for them (quoted ones too: an overcount only), and a row
    with more than a worksheet has columns stops the reading (:class:`_RowTooWideError`) before
    csv has split it. The lines that hold bytes not in the text's encoding (*mixed*) are
    noted, those bytes given to csv as U+FFFD.
    """

    def __init__(self, text: str, delimiter: str, *, mixed: bool) -> None:
        self._lines = map(re.Match.group, _LINE.finditer(text))
        self.delimiter = delimiter
        self.mixed = mixed
        self.read = 0
        """The lines read so far."""
        self.row_start = 1
        """The first line of the row being read."""
        self.delimiters = 0
        """The delimiters of the lines of the row being read."""
        self.undecoded: list[int] = []
        """The lines read that held bytes not in the text's encoding, in order."""

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        line: str = next(self._lines)
        self.read += 1
        self.delimiters += line.count(self.delimiter)
        if self.delimiters >= _GRID_COLUMNS:
            raise _RowTooWideError
        if self.mixed and _ESCAPED.search(line):
            self.undecoded.append(self.read)
            line = _ESCAPED.sub("\ufffd", line)
        return line

    def next_row(self) -> None:
        """The row read has been given: count the next one's from the next line."""
        self.row_start = self.read + 1
        self.delimiters = 0


def _csv_rows(
    source_lines: _Lines,
    source: str,
    *,
    quoted: bool,
    hashed: bool,
    skipped: int,
    lines: list[int],
    broken: dict[int, Problem],
) -> Iterator[Row]:
    """The rows of *source_lines*, bounded, as they are read.

    *quoted* false says that no cell holds a ``'``, so none is unescaped; *hashed* false,
    that none holds a ``#``, so none is an Excel error (:func:`_mark_errors`).

    Each row's first line is added to *lines* and, if the row is broken, its problem to
    *broken*, before the row is given. A broken row's cells are not refused for their
    length: a quote not closed swallows the rows after it into one cell, which its own
    problem names. A quote that swallows more than a row may hold stops the reading there,
    with that problem (the rows after it are in its cell).
    """
    delimiter = source_lines.delimiter
    reader = csv.reader(source_lines, delimiter=delimiter, strict=False)
    number = 0
    width = 0
    undecoded = 0  # the lines not in the text's encoding looked at so far
    try:
        for row in reader:
            number += 1
            first, end = source_lines.row_start + skipped, reader.line_num + skipped
            if end > first:
                _check_quote(
                    row,
                    number=number,
                    first=first,
                    end=end,
                    delimiter=delimiter,
                    source=source,
                    broken=broken,
                )
            while undecoded < len(source_lines.undecoded):
                line = source_lines.undecoded[undecoded] + skipped
                undecoded += 1
                broken.setdefault(number, _undecoded(source, number, line))
            cells = [cell[:MAX_CELL] for cell in row] if number in broken else row
            bounded = _bounded(cells, number, source, quoted=quoted)
            if hashed:
                _mark_errors(bounded)
            lines.append(first)
            if not width and len(row) > 1:
                width = len(row)
            elif width and len(row) == 1:
                _check_delimiter(
                    row[0],
                    number=number,
                    line=end,
                    width=width,
                    delimiter=delimiter,
                    source=source,
                    broken=broken,
                )
            source_lines.next_row()
            yield bounded
    except (csv.Error, _RowTooWideError) as error:  # csv: only a field over csv.field_size_limit()
        first = source_lines.row_start + skipped
        if source_lines.read + skipped > first:  # a quote not closed: the rest in its cell
            lines.append(first)
            broken[number + 1] = _unclosed(source, number + 1, first, source_lines.read + skipped)
            yield []
            return
        if isinstance(error, _RowTooWideError):
            raise _too_large(
                source,
                Text(
                    f"minst {number_sv(_GRID_COLUMNS)} avgränsare ({_delimiter_sv(delimiter)}) "
                    "på en rad (fler celler än ett kalkylblad har kolumner)",
                    f"at least {_GRID_COLUMNS:,} delimiters ({_delimiter_en(delimiter)}) "
                    "in one row (more cells than a worksheet has columns)",
                ),
                row=number + 1,
            ) from None
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


_EXCEL_ERRORS = frozenset(
    {
        # As Excel writes them in English, and in every XLSX file: the seven of old, and the
        # newer ones of data types, dynamic arrays, connections and Python in Excel.
        "#NULL!",
        "#DIV/0!",
        "#VALUE!",
        "#REF!",
        "#NAME?",
        "#NUM!",
        "#N/A",
        "#GETTING_DATA",
        "#SPILL!",
        "#CALC!",
        "#FIELD!",
        "#BLOCKED!",
        "#CONNECT!",
        "#BUSY!",
        "#UNKNOWN!",
        "#EXTERNAL!",
        "#PYTHON!",
        # As a Swedish Excel writes them into CSV (the names of its help for FEL.TYP).
        "#SKÄRNING!",
        "#DIVISION/0!",
        "#VÄRDEFEL!",
        "#REFERENS!",
        "#NAMN?",
        "#OGILTIGT!",
        "#SAKNAS!",
        "#HÄMTAR_DATA",
    }
)
"""The texts of Excel's error values, in capitals, that a CSV cell holding one reads as."""
_LONGEST_ERROR = max(map(len, _EXCEL_ERRORS))


def excel_error(cell: str) -> str | None:
    """The Excel error value (``#N/A``, ``#SAKNAS!`` …) that the CSV cell *cell* is, or ``None``.

    Excel saves a cell holding an error as CSV by writing the error's name, in the language
    of the Excel that saves it. A cell is an error if all of it, white space trimmed as the
    reader trims it, is one such name, in any case (Excel itself reads a typed ``#n/a`` as
    the error ``#N/A``); the text as written is given. A text with more in it
    (``#N/A saknas``, ``Nr #1``) is none.

    >>> excel_error(" #N/A "), excel_error("#saknas!"), excel_error("#N/A saknas")
    ('#N/A', '#saknas!', None)
    """
    text = cell.strip()
    if text[:1] != "#" or len(text) > _LONGEST_ERROR:
        return None
    return text if unicodedata.normalize("NFC", text).upper() in _EXCEL_ERRORS else None


def _mark_errors(row: Row) -> None:
    """Make each cell of *row* that is an Excel error an :class:`Unreadable` saying so.

    As an XLSX error cell is (:func:`_error_cell`), so that a CSV file saved from Excel is
    read as its workbook is. A cell the writer escaped (:class:`Escaped`) is text as written.
    """
    for index, cell in enumerate(row):
        if "#" in cell and not isinstance(cell, (Escaped, Unreadable)):
            error = excel_error(cell)
            if error is not None:
                row[index] = _error_cell(error)


def _delimiter_sv(delimiter: str) -> str:
    return "tabb" if delimiter == "\t" else repr(delimiter)


def _delimiter_en(delimiter: str) -> str:
    return "a tab" if delimiter == "\t" else repr(delimiter)


_CLOSE_QUOTE = Text(
    'stäng citattecknet, eller skriv " två gånger ("") där det hör till texten',
    'close the quote, or write the " twice ("") where it is part of the text',
)


def _unclosed(source: str, number: int, first: int, last: int) -> Problem:
    """The problem of row *number*, from line *first*: a quote open past what a row holds."""
    return Problem(
        "",
        Text(
            f"ett citattecken i raden som börjar på rad {first} är ännu inte stängt på rad "
            f"{last}, längre än en rad får vara: resten av filen lästes inte",
            f"a quote in the row beginning on line {first} is not closed by line {last}, "
            "past what a row may hold: the rest of the file was not read",
        ),
        "unbalanced-quote",
        source=source,
        row=number,
        line=first,
        hint=_CLOSE_QUOTE,
    )


def _undecoded(source: str, number: int, line: int) -> Problem:
    """The problem of row *number*: its *line* holds bytes not in the file's encoding."""
    return Problem(
        "",
        Text(
            f"rad {line} i filen är inte UTF-8, som resten av filen (sparad som Windows-1252?): "
            "dess tecken kan inte läsas säkert",
            f"line {line} of the file is not UTF-8, as the rest of it is (saved as "
            "Windows-1252?): its letters cannot be read for certain",
        ),
        "encoding",
        source=source,
        row=number,
        line=line,
        hint=Text(
            "spara hela filen som CSV UTF-8 från kalkylprogrammet",
            "save the whole file as CSV UTF-8 from the spreadsheet program",
        ),
    )


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
                hint=_CLOSE_QUOTE,
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
            shown, header = _delimiter_en(other), _delimiter_en(delimiter)
            visad, rubrik = _delimiter_sv(other), _delimiter_sv(delimiter)
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


_OPENPYXL_NOISE = (
    # What openpyxl's load_workbook(read_only=True) warns of (openpyxl 3.1: its reader,
    # workbook, stylesheet, relationship, custom property and chartsheet drawing parts):
    # parts of a workbook that this reader does not read, or that openpyxl leaves out.
    r"File contains an invalid specification for "
    r"|Defined names for sheet index .* cannot be located"
    r"|Print area cannot be set to Defined name"
    r"|Unknown type for "
    r"|Workbook contains no (stylesheet|default style)"
    r"|.* contains invalid dependency definitions"
    r"|DrawingML support is incomplete"
    r"|Unable to read chart "
    r"|The image .* will be removed because it cannot be read"
    r"|.* image format is not supported so the image is being dropped"
)
_OPENPYXL_MODULE = r"openpyxl\."
_QUIET_OPENPYXL = (
    "ignore",
    re.compile(_OPENPYXL_NOISE, re.IGNORECASE),  # as warnings.filterwarnings compiles it
    UserWarning,
    re.compile(_OPENPYXL_MODULE),
    0,
)


def _quiet_openpyxl() -> None:
    """Put the warnings filter that hides openpyxl's warnings of parts not read first.

    Those warnings are not the user's concern: openpyxl warns of a workbook's parts it
    leaves out (a stale sheet element, a missing default style), none of them cells this
    reader reads. The filter is narrow, openpyxl's own messages above, and permanent, for
    the whole process: the filter list is the process's, and a filter set and then
    restored around the read (:class:`warnings.catch_warnings`) would silence other
    threads' warnings meanwhile and undo a filter another thread set in between.

    Called before each read, since a caller's :class:`warnings.catch_warnings` (pytest's
    around each test, say) drops it again on its way out, and a filter set later
    (``simplefilter("error")``) goes before it. A no-op while it is first; otherwise it is
    put first, every other filter kept as it is and in its order.
    """
    if warnings.filters[:1] != [_QUIET_OPENPYXL]:
        warnings.filterwarnings(
            "ignore", message=_OPENPYXL_NOISE, category=UserWarning, module=_OPENPYXL_MODULE
        )


class Unreadable(str):
    """A cell whose value the file does not hold, and the problem that says so.

    An Excel error (``#N/A``, ``#REF!``: an XLSX error cell, or a CSV cell that is an
    error's name, :func:`excel_error`), an XLSX formula saved without its computed value (as
    a program other than Excel may save one), a date beyond the dates Excel has. Its text
    is what the cell shows; the reader reports it at its column instead of reading it.
    """

    code: str
    message: Text
    hint: Text


def _unreadable_cell(shown: str, code: str, message: Text, hint: Text) -> Unreadable:
    cell = Unreadable(shown)
    cell.code, cell.message, cell.hint = code, message, hint
    return cell


def _error_cell(error: str) -> Unreadable:
    shown = error[:_SHOWN_ERROR]
    return _unreadable_cell(
        shown,
        "excel-error",
        Text(
            f"förväntade ett värde, fick Excel-felet {shown}",
            f"expected a value, found an Excel error {shown}",
        ),
        Text("rätta cellen eller formeln i Excel", "correct the cell or its formula in Excel"),
    )


_SHOWN_ERROR = 20  # the most characters of an error code shown (Excel's are at most 7)
_NOT_COMPUTED = _unreadable_cell(
    "=",
    "formula-without-value",
    Text(
        "förväntade ett värde, fick en formel utan beräknat värde",
        "expected a value, found a formula without a computed value",
    ),
    Text(
        "öppna och spara filen i Excel, som räknar ut den",
        "open and save the file in Excel, which computes it",
    ),
)


def _bad_date(serial: object) -> Unreadable:
    shown = str(serial)[:_SHOWN_ERROR]
    return _unreadable_cell(
        shown,
        "invalid-date",
        Text(
            f"förväntade ett datum, fick en datumcell med talet {shown}, "
            "utanför de datum Excel kan visa",
            f"expected a date, found a date cell of the number {shown}, "
            "outside the dates Excel can show",
        ),
        Text("skriv datumet i cellen igen", "write the date into the cell again"),
    )


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
        if len(content) > MAX_UNPACKED:
            raise _too_large(
                source,
                Text(
                    f"en XLSX-fil får rymma högst {number_sv(MAX_UNPACKED)} byte",
                    f"an XLSX file may hold at most {MAX_UNPACKED:,} bytes",
                ),
            )
        _check_archive(content, source)
        self.source = source
        _quiet_openpyxl()
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

    A cell whose value the file does not hold is given as :class:`Unreadable`: an error
    (``t="e"``), a formula without its value, a date beyond Excel's. Dates are read here,
    not by openpyxl, which warns of such a date (a warning reaching the user's terminal).
    """
    from openpyxl.utils.datetime import from_excel
    from openpyxl.worksheet._reader import (
        CELL_TAG,
        FORMULA_TAG,
        ROW_TAG,
        VALUE_TAG,
        WorkSheetParser,
    )
    from openpyxl.xml.functions import iterparse

    count = 0  # the rows given so far, gaps counted
    with sheet._get_source() as xml:
        parser = WorkSheetParser(
            xml,
            sheet._shared_strings,
            data_only=True,
            epoch=book.epoch,
            date_formats=set(),  # read below
            timedelta_formats=set(),
        )
        dates, durations = book._date_formats, book._timedelta_formats
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
                value = cell["value"]
                if cell["data_type"] == "e" and value is not None:
                    value = _error_cell(str(value))
                elif value is None and element.find(FORMULA_TAG) is not None:
                    # computed to "" (t="str" with its <v>), or never computed (no <v>, or an
                    # empty one, as openpyxl writes a formula)
                    empty = cell["data_type"] == "str" and element.find(VALUE_TAG) is not None
                    value = None if empty else _NOT_COMPUTED
                elif cell["data_type"] == "n" and cell["style_id"] in dates:
                    try:
                        value = from_excel(value, book.epoch, cell["style_id"] in durations)
                    except (OverflowError, ValueError, TypeError):
                        value = _bad_date(value)
                if value is not None:
                    values[cell["column"]] = value
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
    cells = [
        value if isinstance(value := values.get(column), Unreadable) else _cell_text(value)
        for column in range(1, last + 1)
    ]
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

"""Reading and writing the cells of a spreadsheet: CSV (any of Excel's ways) and XLSX.

The machinery under :mod:`ledarskap.io.spreadsheets`: bytes to rows of text cells, with the
encoding (UTF-8 with or without BOM, else Windows-1252 as older Excel writes) and the
delimiter (``;`` as Excel writes in Swedish locales, ``,``, or a tab) found out; XLSX
through openpyxl, loaded only when needed; header names folded for matching; dates in ISO
and the common Swedish forms.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from collections.abc import Sequence

from ledarskap.errors import DocumentError, MissingDependencyError, Problem

__all__ = [
    "fold",
    "parse_date",
    "read_csv_rows",
    "read_xlsx_rows",
    "write_csv",
    "write_xlsx",
]

Row = list[str]

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("januari", "jan", "january"),
            ("februari", "feb", "february"),
            ("mars", "mar", "march"),
            ("april", "apr"),
            ("maj", "may"),
            ("juni", "jun", "june"),
            ("juli", "jul", "july"),
            ("augusti", "aug", "august"),
            ("september", "sep", "sept"),
            ("oktober", "okt", "oct", "october"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_DAY_FIRST = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_DAY_MONTH = re.compile(r"(\d{1,2})/(\d{1,2})\s+(\d{4})")  # "1/9 2025"
_WORDS = re.compile(r"(\d{1,2})\s*\.?\s+([a-zåäö]+)\.?\s+(\d{4})")  # "1 september 2025"


def fold(text: str) -> str:
    """Case-, accent- and punctuation-free form of a header: "E-post" → "epost"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]", "", plain)


def parse_date(text: str) -> dt.date | None:
    """A date written in ISO or a common Swedish form, or ``None`` if it is none of them.

    ``2025-09-01``, ``2025-09-01 00:00:00`` (as Excel exports; a time of day is dropped),
    ``2025-09-01T13:30``, ``20250901``, ``2025/9/1``,
    ``1/9/2025`` and ``1.9.2025`` (day first, as in Sweden), ``1/9 2025``, ``1 september
    2025`` and ``1 sep. 2025``.
    """
    value = text.strip().casefold()
    parts: tuple[int, int, int] | None = None
    if (match := _ISO.fullmatch(value)) or (match := _COMPACT.fullmatch(value)):
        parts = (int(match[1]), int(match[2]), int(match[3]))
    elif (match := _DAY_FIRST.fullmatch(value)) or (match := _DAY_MONTH.fullmatch(value)):
        parts = (int(match[3]), int(match[2]), int(match[1]))
    elif (match := _WORDS.fullmatch(value)) and match[2] in _MONTHS:
        parts = (int(match[3]), _MONTHS[match[2]], int(match[1]))
    if parts is None:
        return None
    try:
        return dt.date(*parts)
    except ValueError:
        return None


# CSV ------------------------------------------------------------------------------------


def _decode(content: bytes, source: str) -> str:
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return content.decode("cp1252")  # Excel's "CSV" on Windows in a Swedish locale
    except UnicodeDecodeError:
        raise DocumentError(
            "cannot read the file as text",
            [Problem("", "expected text in UTF-8 or Windows-1252", "encoding", source=source)],
            source=source,
        ) from None


def _sniff(text: str) -> str:
    """``;``, ``,`` or a tab: whichever the header line (outside quotes) has most of."""
    header = ""
    for line in text.splitlines():
        if line.strip():
            header = line
            break
    outside = re.sub(r'"[^"]*"', "", header)
    counts = {delimiter: outside.count(delimiter) for delimiter in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv_rows(content: bytes, source: str) -> list[Row]:
    """Every row of a CSV file, as lists of text cells."""
    text = _decode(content, source)
    if "\x00" in text:
        raise DocumentError(
            "cannot read the file as CSV",
            [
                Problem(
                    "",
                    "expected text, found NUL characters (a binary file?)",
                    "encoding",
                    source=source,
                )
            ],
            source=source,
        )
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff(text), strict=False)
    try:
        return [list(row) for row in reader]
    except csv.Error as error:  # pragma: no cover - csv in non-strict mode rarely complains
        raise DocumentError(
            "cannot read the file as CSV",
            [Problem("", f"malformed CSV: {error}", "csv", source=source)],
            source=source,
        ) from None


def write_csv(rows: Sequence[Sequence[str]], *, delimiter: str = ";") -> bytes:
    """CSV bytes in UTF-8 with a BOM (so that Excel reads the å, ä and ö right)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows(rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


# XLSX -----------------------------------------------------------------------------------


def _openpyxl(feature: str) -> object:
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
    """Every row of the first worksheet of an XLSX file, as lists of text cells."""
    openpyxl = _openpyxl("Reading XLSX spreadsheets")
    try:
        book = openpyxl.load_workbook(  # type: ignore[attr-defined]
            io.BytesIO(content), read_only=True, data_only=True
        )
    except Exception as error:  # openpyxl raises many kinds on a bad file
        raise DocumentError(
            "cannot read the file as XLSX",
            [Problem("", f"not an XLSX workbook ({type(error).__name__})", "xlsx", source=source)],
            source=source,
        ) from None
    try:
        sheet = book.worksheets[0]
        return [[_cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    except Exception as error:  # a damaged workbook fails while it is read
        raise DocumentError(
            "cannot read the file as XLSX",
            [Problem("", f"a damaged worksheet ({type(error).__name__})", "xlsx", source=source)],
            source=source,
        ) from None
    finally:
        book.close()


def write_xlsx(rows: Sequence[Sequence[str]], *, title: str) -> bytes:
    """XLSX bytes of one worksheet, every cell as text (so that ids and codes keep zeros)."""
    openpyxl = _openpyxl("Writing XLSX spreadsheets")
    book = openpyxl.Workbook(write_only=True)  # type: ignore[attr-defined]
    sheet = book.create_sheet(title=title)
    cell_class = openpyxl.cell.WriteOnlyCell  # type: ignore[attr-defined]
    for row in rows:
        cells = []
        for value in row:
            cell = cell_class(sheet, value=value)
            cell.data_type = "s"  # text, never a formula: a leading "=" stays text
            cells.append(cell)
        sheet.append(cells)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()

"""Sheets: read a participants list (CSV, XLSX) and write one (XLSX), against the bare tools.

Each comparison times ledarskap and a reference on the same bytes (a participants sheet of
10,000 and 50,000 rows, as ``sheet_bytes`` writes it), interleaved, medians, with the
collector on and paused for both sides alike (see :mod:`benchmarks._harness`):

- **CSV read ÷ csv.DictReader**: ``read_sheet`` (decode, find the delimiter and header,
  read every cell into a Person, an Appointment and a Participant, validated) against
  ``list(csv.DictReader(...))`` of the decoded text: rows of text, nothing read into them;
- **XLSX read ÷ openpyxl**: ``read_sheet`` of the XLSX against openpyxl's own read-only
  row iteration, ``list(sheet.iter_rows(values_only=True))`` (the cells' values only);
- **XLSX write ÷ openpyxl**: ``sheet_bytes(..., syntax="xlsx")`` (the records into cells,
  escaped, written) against openpyxl's write-only mode appending the same rows of text;
- **read with a progress bar ÷ without** (CSV and XLSX): ``read_sheet(..., progress=bar)``
  with the command line's own bar drawing on a (pretended) terminal, against the same
  read without ``progress``: what counting rows costs (aim: a few per cent at most).

Run it with ``make bench`` or ``python -m benchmarks bench_sheets``.
"""

from __future__ import annotations

import csv
import functools
import io
from typing import Any

import ledarskap
from ledarskap.io import read_sheet, sheet_bytes
from ledarskap.io.spreadsheets import sheet_rows

from . import _harness
from ._data import program_data

__all__ = ["main"]

CSV_TARGET = 10.0
"""Reading a CSV sheet into records at most ten times a bare ``csv.DictReader``."""
XLSX_READ_TARGET = 3.0
"""Reading an XLSX sheet into records at most three times openpyxl's read-only iteration."""
XLSX_WRITE_TARGET = 3.0
"""Writing an XLSX sheet at most three times openpyxl's write-only mode."""
PROGRESS_TARGET = 1.03
"""Reading with a progress bar at most 3 % slower than without."""
SIZES = (10_000, 50_000)


@functools.cache
def _data(size: int) -> Any:
    return program_data(size)


@functools.cache
def _sheet(size: int, syntax: str) -> bytes:
    return sheet_bytes(_data(size), kind="participants", syntax=syntax)  # type: ignore[arg-type]


def _checked(sheet: ledarskap.io.SheetImport, size: int) -> None:
    if not sheet.ok or len(sheet.participants) != len(_data(size).participants):
        raise SystemExit(f"the benchmark's sheet does not read back: {sheet.problems[:3]}")


def _csv_read(size: int) -> tuple[_harness.Runner, _harness.Runner]:
    raw = _sheet(size, "csv")

    def subject() -> object:
        return read_sheet(raw, "participants")

    def reference() -> object:
        return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))

    _checked(read_sheet(raw, "participants"), size)
    return subject, reference


def _xlsx_read(size: int) -> tuple[_harness.Runner, _harness.Runner]:
    import openpyxl

    raw = _sheet(size, "xlsx")

    def subject() -> object:
        return read_sheet(raw, "participants")

    def reference() -> object:
        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
        try:
            return list(book.worksheets[0].iter_rows(values_only=True))
        finally:
            book.close()

    _checked(read_sheet(raw, "participants"), size)
    return subject, reference


def _xlsx_write(size: int) -> tuple[_harness.Runner, _harness.Runner]:
    import openpyxl

    data = _data(size)
    rows = sheet_rows(data, "participants")

    def subject() -> object:
        return sheet_bytes(data, kind="participants", syntax="xlsx")

    def reference() -> object:
        book = openpyxl.Workbook(write_only=True)
        sheet = book.create_sheet(title="participants")
        for row in rows:
            sheet.append(row)
        out = io.BytesIO()
        book.save(out)
        return out.getvalue()

    return subject, reference


class _Terminal(io.StringIO):
    """Where the bar is drawn in the benchmark: a stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def _with_progress(syntax: str) -> Any:
    def prepare(size: int) -> tuple[_harness.Runner, _harness.Runner]:
        from ledarskap.cli._progress import Progress

        raw = _sheet(size, syntax)

        def subject() -> object:
            with Progress(_Terminal(), "Reading") as bar:
                return read_sheet(raw, "participants", progress=bar)

        def reference() -> object:
            return read_sheet(raw, "participants")

        return subject, reference

    return prepare


COMPARISONS = (
    _harness.Comparison(
        "CSV read ÷ csv.DictReader",
        "ledarskap.io.read_sheet (participants, CSV)",
        "list(csv.DictReader(...)) of the decoded text",
        _csv_read,
        CSV_TARGET,
    ),
    _harness.Comparison(
        "XLSX read ÷ openpyxl read-only",
        "ledarskap.io.read_sheet (participants, XLSX)",
        "openpyxl read-only iter_rows(values_only=True)",
        _xlsx_read,
        XLSX_READ_TARGET,
    ),
    _harness.Comparison(
        "XLSX write ÷ openpyxl write-only",
        "ledarskap.io.sheet_bytes(syntax='xlsx')",
        "openpyxl write-only Workbook, the same rows appended",
        _xlsx_write,
        XLSX_WRITE_TARGET,
    ),
    _harness.Comparison(
        "CSV read, progress bar ÷ none",
        "read_sheet(CSV, progress=the command line's bar on a terminal)",
        "read_sheet(CSV) without progress",
        _with_progress("csv"),
        PROGRESS_TARGET,
    ),
    _harness.Comparison(
        "XLSX read, progress bar ÷ none",
        "read_sheet(XLSX, progress=the command line's bar on a terminal)",
        "read_sheet(XLSX) without progress",
        _with_progress("xlsx"),
        PROGRESS_TARGET,
    ),
)


def main() -> None:
    """Print the table of every comparison at every size, collector on and paused."""
    print(_harness.machine())
    _harness.run(COMPARISONS, at=_harness.sizes(SIZES))

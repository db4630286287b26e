"""Files in and files out: program documents, rule sets, rule cases and sheets.

- program documents (JSON, TOML): :func:`load`, :func:`dump`, :func:`loads`,
  :func:`dumps`, :func:`example_program`, their schema (:func:`document_schema`) and
  migrations;
- rule-set files: :func:`load_ruleset`, beside :func:`ledarskap.parse_ruleset` for text;
- rule test-case files: :func:`load_cases` and :func:`run_cases`;
- sheets (CSV, XLSX): :func:`read_sheet`, :func:`inspect_sheet`, :func:`write_sheet`,
  :func:`sheet_bytes`; a sheet's mapping kept beside it: :class:`SheetMapping`,
  :func:`load_sheet_mapping`, :func:`save_sheet_mapping`.

The most used are also exported from :mod:`ledarskap` itself (loaded on first use).
:func:`make_converter` builds the converter documents are read with, for tools that read
or write single records.

.. versionadded:: 0.1
"""

from typing import Any

from ledarskap._deprecation import warn_deprecated
from ledarskap.errors import Problem

from ._convert import make_converter
from .documents import Syntax, dump, dumps, example_program, load, loads
from .migrations import FORMAT, FORMAT_VERSION, MIGRATIONS, Migration, migrate
from .rulecases import CaseReport, load_cases, run_cases
from .rulesets import load_ruleset
from .schema import document_schema
from .spreadsheets import (
    ColumnReport,
    RowOutcome,
    SheetImport,
    SheetInspection,
    SheetKind,
    SheetMapping,
    inspect_sheet,
    load_sheet_mapping,
    read_sheet,
    save_sheet_mapping,
    sheet_bytes,
    write_sheet,
)

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "MIGRATIONS",
    "CaseReport",
    "ColumnReport",
    "Migration",
    "RowOutcome",
    "SheetImport",
    "SheetInspection",
    "SheetKind",
    "SheetMapping",
    "Syntax",
    "document_schema",
    "dump",
    "dumps",
    "example_program",
    "inspect_sheet",
    "load",
    "load_cases",
    "load_ruleset",
    "load_sheet_mapping",
    "loads",
    "make_converter",
    "migrate",
    "read_sheet",
    "run_cases",
    "save_sheet_mapping",
    "sheet_bytes",
    "write_sheet",
]


def __getattr__(name: str) -> Any:
    """``RowProblem``, deprecated: every problem is a :class:`~ledarskap.errors.Problem`."""
    if name == "RowProblem":
        warn_deprecated("ledarskap.io.RowProblem", "ledarskap.errors.Problem")
        return Problem
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

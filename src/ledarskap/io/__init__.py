"""Files in and files out: program documents, rule sets, rule cases and sheets.

- program documents (JSON, TOML): :func:`load`, :func:`dump`, :func:`loads`,
  :func:`dumps`, :func:`example_program`, their schema (:func:`document_schema`) and
  migrations;
- rule-set files: :func:`load_ruleset`, beside :func:`ledarskap.parse_ruleset` for text;
- rule test-case files: :func:`load_cases` and :func:`run_cases`;
- sheets (CSV, XLSX): :func:`read_sheet`, :func:`inspect_sheet`, :func:`write_sheet`,
  :func:`sheet_bytes`; a sheet's mapping kept beside it: :class:`SheetMapping`,
  :func:`load_sheet_mapping`, :func:`save_sheet_mapping`; ``ProgressCallback``, what
  ``read_sheet(progress=…)`` (and :func:`ledarskap.tables.write_tables`) call as the rows
  go.

The most used are also exported from :mod:`ledarskap` itself. Every name here is
loaded on first use, so that reading a program document loads neither the rules nor the
sheets.
:func:`make_converter` builds the converter documents are read with, for tools that read
or write single records.

.. versionadded:: 0.1
"""

import importlib
from typing import TYPE_CHECKING, Any

from ledarskap._deprecation import warn_deprecated
from ledarskap.errors import Problem

# What is loaded on first use, as type checkers and IDEs see it: each name, and each public
# module (``ledarskap.io.spreadsheets``), with its own type. They see no ``__getattr__``, so
# a name that is not here (``ledarskap.io.read_shet``) is an error to them, as it is when it
# runs.
if TYPE_CHECKING:
    from . import documents as documents
    from . import migrations as migrations
    from . import revisions as revisions
    from . import rulecases as rulecases
    from . import rulecoverage as rulecoverage
    from . import rulesets as rulesets
    from . import schema as schema
    from . import spreadsheets as spreadsheets
    from ._convert import make_converter
    from ._progress import ProgressCallback
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

    RowProblem = Problem
    """Deprecated (warns when it runs): :class:`~ledarskap.errors.Problem`."""

# Each name, by the module holding it: imported on first use, so that reading a program
# document loads neither the rules nor the sheets.
_MODULES: dict[str, tuple[str, ...]] = {
    "._convert": ("make_converter",),
    "._progress": ("ProgressCallback",),
    ".documents": ("Syntax", "dump", "dumps", "example_program", "load", "loads"),
    ".migrations": ("FORMAT", "FORMAT_VERSION", "MIGRATIONS", "Migration", "migrate"),
    ".rulecases": ("CaseReport", "load_cases", "run_cases"),
    ".rulesets": ("load_ruleset",),
    ".schema": ("document_schema",),
    ".spreadsheets": (
        "ColumnReport",
        "RowOutcome",
        "SheetImport",
        "SheetInspection",
        "SheetKind",
        "SheetMapping",
        "inspect_sheet",
        "load_sheet_mapping",
        "read_sheet",
        "save_sheet_mapping",
        "sheet_bytes",
        "write_sheet",
    ),
}
_LAZY: dict[str, str] = {name: module for module, names in _MODULES.items() for name in names}

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "MIGRATIONS",
    "CaseReport",
    "ColumnReport",
    "Migration",
    "ProgressCallback",
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


if not TYPE_CHECKING:  # type checkers see the names themselves, above

    def __getattr__(name: str) -> Any:
        """A name of the list above, or a module of the package, imported on first use.

        ``RowProblem``, deprecated, is :class:`~ledarskap.errors.Problem` now, as every
        problem is.
        """
        module = _LAZY.get(name)
        if module is not None:
            value = getattr(importlib.import_module(module, __name__), name)
            globals()[name] = value
            return value
        if name == "RowProblem":
            warn_deprecated("ledarskap.io.RowProblem", "ledarskap.errors.Problem")
            return Problem
        if not name.startswith("__"):  # a module of the package (ledarskap.io.spreadsheets)
            try:
                return importlib.import_module(f"{__name__}.{name}")
            except ModuleNotFoundError as error:
                if error.name != f"{__name__}.{name}":
                    raise
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)

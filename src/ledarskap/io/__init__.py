"""Files in and files out: the program document (JSON, TOML), its schema and migrations.

The public functions are also exported from :mod:`ledarskap` itself (loaded on first use):
:func:`load`, :func:`dump`, :func:`loads`, :func:`dumps`, :func:`example_program` and
:func:`document_schema`. :func:`make_converter` builds the converter they use, for tools
that read or write single records.

.. versionadded:: 0.1
"""

from ._convert import make_converter
from .documents import Syntax, dump, dumps, example_program, load, loads
from .migrations import FORMAT, FORMAT_VERSION, MIGRATIONS, Migration, migrate
from .rulesets import load_ruleset
from .schema import document_schema
from .spreadsheets import (
    RowProblem,
    SheetImport,
    SheetKind,
    read_sheet,
    sheet_bytes,
    write_sheet,
)

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "MIGRATIONS",
    "Migration",
    "RowProblem",
    "SheetImport",
    "SheetKind",
    "Syntax",
    "document_schema",
    "dump",
    "dumps",
    "example_program",
    "load",
    "load_ruleset",
    "loads",
    "make_converter",
    "migrate",
    "read_sheet",
    "sheet_bytes",
    "write_sheet",
]

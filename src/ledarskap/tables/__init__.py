"""Tables for analysts: the program as flat tables, summaries, and safe exports.

- :func:`program_tables` gives a :class:`Tables`: participants, mentors, mentorships,
  meetings, sessions, applications (with their eligibility outcome) and the decisions'
  reasons, as plain records in a stable schema (:data:`SCHEMA`); with the ``pandas``
  extra, :meth:`Tables.frames` gives DataFrames with proper dtypes;
- :func:`write_tables` writes them as CSV, XLSX, JSON, TOML or (with the ``parquet``
  extra) Parquet; :func:`tables_bytes` gives one file's bytes;
- :func:`cohort_summaries` counts each cohort's composition, mentor loads, meetings and
  eligibility outcomes;
- :func:`safe_tables` replaces people by keyed pseudonyms (:class:`PseudonymKey`) and
  makes the tables *k*-anonymous, reporting what it did (:class:`AnonymityReport`).

pandas, pyarrow and openpyxl are imported only by the calls that need them.

>>> import ledarskap
>>> from ledarskap.tables import PseudonymKey, safe_tables
>>> data = ledarskap.example_program()
>>> export = safe_tables(data, PseudonymKey.generate(), k=3)
>>> export.tables.size("participants") + export.report.tables[0].suppressed == len(data.participants)
True

.. versionadded:: 0.3
"""

from .anonymity import (
    COARSENING_ORDER,
    QUASI_IDENTIFIERS,
    AnonymityReport,
    Coarsening,
    SafeExport,
    TableAnonymity,
    k_anonymity,
    safe_tables,
)
from .files import TABLE_FORMATS, TABLES_FORMAT, TableFormat, tables_bytes, write_tables
from .pseudonyms import MAX_KEY_BYTES, MIN_KEY_BYTES, PseudonymKey
from .records import Tables, program_tables
from .schema import SAFE_SCHEMA, SCHEMA, TABLE_NAMES, Column, ColumnKind, TableSchema
from .summaries import (
    CohortSummary,
    Count,
    MeetingMonth,
    MeetingTally,
    MentorLoad,
    cohort_summaries,
    cohort_summary,
)

__all__ = [
    "COARSENING_ORDER",
    "MAX_KEY_BYTES",
    "MIN_KEY_BYTES",
    "QUASI_IDENTIFIERS",
    "SAFE_SCHEMA",
    "SCHEMA",
    "TABLES_FORMAT",
    "TABLE_FORMATS",
    "TABLE_NAMES",
    "AnonymityReport",
    "Coarsening",
    "CohortSummary",
    "Column",
    "ColumnKind",
    "Count",
    "MeetingMonth",
    "MeetingTally",
    "MentorLoad",
    "PseudonymKey",
    "SafeExport",
    "TableAnonymity",
    "TableFormat",
    "TableSchema",
    "Tables",
    "cohort_summaries",
    "cohort_summary",
    "k_anonymity",
    "program_tables",
    "safe_tables",
    "tables_bytes",
    "write_tables",
]

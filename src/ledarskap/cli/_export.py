"""``ledarskap export FILE --format F --output PATH``: the program as tables, safe if asked.

The tables are :func:`ledarskap.tables.program_tables` (participants, mentors,
mentorships, meetings, sessions, applications with their eligibility outcome, and the
decisions' reasons), written by :func:`ledarskap.tables.write_tables`: ``csv`` and
``parquet`` into a folder, a file a table; ``xlsx``, ``json`` and ``toml`` into one file.

With ``--pseudonymise --key-file F`` they are :func:`ledarskap.tables.safe_tables`:
people replaced by pseudonyms keyed with the secret in *F* (the same key gives the same
pseudonyms in every export), names, e-mail and personnummer dropped, birth year for birth
date; with ``--k K`` the quasi-identifiers are coarsened until every group has at least
*K* people, and what was coarsened and suppressed is reported. Without ``--k`` the export
is only pseudonymised, not k-anonymous: municipality, position and birth year go out
exactly, so in a small cohort a row is one person. The report says so, and a warning on
standard error recommends ``--k``. ``--k 1`` coarsens nothing either: its report is headed
the same way ("not k-anonymous"), but it is asked for on purpose, and not warned of.
"""

from __future__ import annotations

import argparse
import os
import warnings

from ledarskap.errors import UsageError, safe_repr
from ledarskap.io.documents import load_for_reading
from ledarskap.tables import PseudonymKey, program_tables, safe_tables, write_tables
from ledarskap.text import Text

from ._console import Console

__all__ = ["run"]

_BUILDING = Text("Bygger tabellerna", "Building the tables")
_WRITING = Text("Skriver tabellerna", "Writing the tables")
_WROTE = Text("Skrev {count} tabeller till {path}:", "Wrote {count} tables to {path}:")
_ROWS = Text("{name}: {rows} rader", "{name}: {rows} rows")


_NEEDS_KEY = Text(
    "export --pseudonymise behöver --key-file F: filen med pseudonymernas hemliga nyckel "
    "(minst 32 slumpade byte, förvarad skild från exporten)",
    "export --pseudonymise needs --key-file F: the file holding the secret key "
    "of the pseudonyms (at least 32 random bytes, kept apart from the export)",
)
_OWN_INPUT = Text(
    "export: --output är programfilen själv; välj ett annat namn",
    "export: --output names the program file itself; choose another name",
)
_KEY_OVERWRITTEN = Text(
    "export: --output är nyckelfilen; välj ett annat namn (nyckeln skulle gå förlorad)",
    "export: --output names the key file; choose another name (the key would be lost)",
)
_KEY_IS_INPUT = Text(
    "export: --key-file är programfilen; nyckeln är en egen fil med minst 32 slumpade byte",
    "export: --key-file names the program file; the key is a file of its own, "
    "at least 32 random bytes",
)
_NO_K = Text(
    "export --pseudonymise utan --k är inte anonym: kommun, befattning och födelseår följer "
    "med exakt, så i en liten omgång kan en rad vara en enda person; ange --k 5 (eller mer) "
    "för att göra tabellerna k-anonyma innan de lämnar kontoret",
    "export --pseudonymise without --k is not anonymous: municipality, position and birth "
    "year go out exactly, so in a small cohort one row can be one person; add --k 5 (or "
    "more) to make the tables k-anonymous before they leave the office",
)
_REPLACED = Text(
    "ersatte den tidigare exporten i {path}",
    "replaced the earlier export at {path}",
)
_ALL_SUPPRESSED = Text(
    "varje rad av {tables} utelämnades: ingen grupp har k = {k} personer; ett mindre --k "
    "behåller några",
    "every row of {tables} was suppressed: no group has k = {k} people; a smaller --k keeps some",
)
_KEY_ALONE = Text(
    "export: --key-file och --k hör till --pseudonymise",
    "export: --key-file and --k go with --pseudonymise",
)


def _checked(args: argparse.Namespace) -> None:
    """The options that only go together: a key with pseudonyms, *k* with a key."""
    if args.pseudonymise and not args.key_file:
        raise UsageError(_NEEDS_KEY)
    if not args.pseudonymise and (args.key_file or args.k is not None):
        raise UsageError(_KEY_ALONE)
    output, program = os.path.realpath(args.output), os.path.realpath(args.file)
    if output == program:
        raise UsageError(_OWN_INPUT)
    if args.key_file:
        key = os.path.realpath(args.key_file)
        if key == output:
            raise UsageError(_KEY_OVERWRITTEN)
        if key == program:
            raise UsageError(_KEY_IS_INPUT)
    _check_output(args.output, args.file_format)


_FOLDER_FORMATS = ("csv", "parquet")
_FILE_SUFFIXES = (".json", ".toml", ".xlsx")
"""The suffixes of the formats written as one file: a folder so named would mislead (a
folder named ``tables.parquet`` or ``tables.csv`` is a dataset, as Spark names them)."""


def _check_output(output: str, file_format: str) -> None:
    """``--output`` as the format writes it: a file named for it, or a folder (no file's name)."""
    suffix = os.path.splitext(output)[1].casefold()
    shown = safe_repr(output, 200)
    if file_format in _FOLDER_FORMATS:
        if suffix in _FILE_SUFFIXES:
            raise UsageError(
                Text(
                    f"export: --format {file_format} skriver en mapp; --output {shown} är "
                    "namnet på en fil",
                    f"export: --format {file_format} writes a folder; --output {shown} "
                    "names a file",
                )
            )
    elif suffix != f".{file_format}":
        raise UsageError(
            Text(
                f"export: --output: förväntade ett filnamn som slutar på .{file_format}, "
                f"fick {shown}",
                f"export: --output: expected a file name ending .{file_format}, found {shown}",
            )
        )


def _key(path: str, console: Console) -> PseudonymKey:
    """The key in the file *path*.

    What reading it warns of (a key file others can read) is said as the command's own
    warnings, ``ledarskap: warning: …`` on standard error, not as Python's with a line of
    this module's source.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        key = PseudonymKey.from_file(path)
    for warning in caught:
        message: object = warning.message
        render = getattr(message, "render", None)  # a warning worded in both languages
        if callable(render):
            console.warn(Text(render("sv"), render("en")))
        else:  # worded in English only
            console.warn(Text(str(message), str(message)))
    return key


def run(args: argparse.Namespace, console: Console) -> int:
    """Write the tables (safe ones with ``--pseudonymise``) to ``--output``; 0."""
    _checked(args)
    data = load_for_reading(args.file)
    key = _key(args.key_file, console) if args.pseudonymise else None
    earlier = _holds_something(args.output)
    with console.progress(_BUILDING) as progress:
        if key is None:
            tables, report = program_tables(data, language=console.language), None
        else:
            export = safe_tables(data, key, k=args.k)
            tables, report = export.tables, export.report
        progress.stage(console.say(_WRITING))
        write_tables(tables, args.output, format=args.file_format, progress=progress)
    console.print(console.say(_WROTE, count=len(tables), path=args.output))
    for name in tables:
        console.print("  " + console.say(_ROWS, name=name, rows=tables.size(name)))
    if report is not None:
        console.print(report.render(console.language))
        if report.k is None:  # --k 1 asks for no coarsening on purpose: not warned of
            console.warn(_NO_K)
        emptied = [t.table for t in report.tables if t.rows and t.suppressed == t.rows]
        if emptied:
            console.warn(_ALL_SUPPRESSED.format(tables=", ".join(emptied), k=report.k))
    if earlier:  # written over only as write_tables allows: an export of tables before
        console.warn(_REPLACED.format(path=args.output))
    return 0


def _holds_something(path: str) -> bool:
    """Whether *path* is a file or folder with something in it (which the export replaces)."""
    try:
        if not os.path.isdir(path):
            return os.path.getsize(path) > 0
        with os.scandir(path) as entries:
            return any(True for _ in entries)
    except OSError:  # not there (or not to be looked at): write_tables says what it must
        return False

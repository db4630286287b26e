"""``ledarskap import SHEET --kind KIND --into FILE``: a sheet's rows into a program document.

The sheet is read by :func:`ledarskap.io.read_sheet`, which meets it where it is (Swedish
or English headers and their common other names); ``--mapping`` gives a saved
:class:`~ledarskap.io.SheetMapping` for the rest, ``--cohort`` the cohort of rows without
one (a participant without a start date takes the cohort's start).

Nothing is written unless every row of the sheet reads without a problem and the rows
fit the document: no person of the sheet already there with other details
(``conflicting-person``), no id repeated, none dangling (validation's ``id.`` findings).
A problem's hint names what to give as this command takes it (``--mapping``,
``--cohort``), not as :func:`~ledarskap.io.read_sheet`'s arguments.
Otherwise every problem is shown and the exit status is 1. What else validation finds
anew with the rows (an adept without a mentor yet, say) is shown after the write, as
``ledarskap validate`` would show it. The document is rewritten atomically (see
:doc:`/security`).

JSON output (``--format json``)::

    {"format": "ledarskap.cli.import/1", "sheet": "deltagare.csv", "kind": "participants",
     "into": "program.json", "rows": 25, "written": true,
     "added": {"people": 25, "appointments": 25, "participants": 25, "mentors": 0,
               "applications": 0, "meetings": 0},
     "problems": [ … ], "findings": [ … ]}

``problems`` are the sheet's (source, row, column, code, message …) and its people's
that the document has otherwise, ``findings`` what validation finds anew with the rows
(as in ``ledarskap validate``).
"""

from __future__ import annotations

import argparse
import os

import attrs

from ledarskap.errors import ConflictError, FileAccessError, Problem
from ledarskap.io._sheet_mapping import Advice
from ledarskap.io.documents import dump, load
from ledarskap.io.spreadsheets import read_sheet_advised
from ledarskap.model import ProgramData
from ledarskap.text import Text
from ledarskap.validation import ValidationReport, validate

from ._console import Console
from ._problems import problem_data
from ._program import cohorts

__all__ = ["FORMAT", "run"]

FORMAT = "ledarskap.cli.import/1"

_READING = Text("Läser {sheet}", "Reading {sheet}")
_CHECKING = Text("Kontrollerar", "Checking")
_SHEET_PROBLEMS = Text(
    "{sheet}: {count} problem; ingenting skrevs", "{sheet}: {count} problem(s); nothing written"
)
_INVALID = Text(
    "bladets rader passar inte i {into} (id som upprepas eller saknas); ingenting skrevs",
    "the sheet's rows do not fit {into} (ids repeated or dangling); nothing written",
)
_NEW_FINDINGS = Text(
    "Nytt i valideringen med bladets rader:", "New in validation with the sheet's rows:"
)
_DONE = Text(
    "{sheet}: {rows} rader lästa; lade till {added} i {into}",
    "{sheet}: {rows} rows read; added {added} to {into}",
)
_NOTHING_NEW = Text(
    "{sheet}: {rows} rader lästa; inget nytt att lägga till, {into} lämnades som den var",
    "{sheet}: {rows} rows read; nothing new to add, {into} left as it was",
)
_DRY_RUN = Text(
    "{sheet}: {rows} rader lästa; skulle lägga till {added} i {into} (--dry-run: inget skrevs)",
    "{sheet}: {rows} rows read; would add {added} to {into} (--dry-run: nothing written)",
)
_RECORDS = {
    "people": Text("personer", "people"),
    "appointments": Text("anställningar", "appointments"),
    "participants": Text("deltagare", "participants"),
    "mentors": Text("mentorer", "mentors"),
    "applications": Text("ansökningar", "applications"),
    "meetings": Text("möten", "meetings"),
}


def _added(before: ProgramData, after: ProgramData) -> dict[str, int]:
    return {name: len(getattr(after, name)) - len(getattr(before, name)) for name in _RECORDS}


def run(args: argparse.Namespace, console: Console) -> int:
    """Read the sheet, add its rows, check, write: 0 written, 1 refused for problems."""
    data = load(args.into)
    (cohort,) = cohorts(data, args.cohort) if args.cohort is not None else (None,)
    name = os.path.basename(args.sheet)
    with console.progress(_READING.format(sheet=name)) as progress:
        sheet = read_sheet_advised(
            args.sheet,
            args.kind,
            cohort=cohort,
            mapping=args.mapping,
            progress=progress,
            advice=Advice(cli=True),
        )
        progress.stage(console.say(_CHECKING))
        problems = (*sheet.problems, *sheet.conflicts(data))
        merged = data if problems else sheet.merge_into(data)
        new = ValidationReport() if problems else _new_findings(data, merged)
        fits = not new.filter(code="id.")
        added = _added(data, merged)
        # Nothing to add: the file is left as it is (not rewritten in the library's layout).
        write = not problems and fits and not args.dry_run and any(added.values())
        if write:
            _write(merged, args.into)
    outcome = _Outcome(sheet.source, sheet.rows, problems, new, added)
    if console.json_output:
        _json(args, console, outcome, written=write)
    else:
        _text(args, console, outcome)
    return 0 if not problems and fits else 1


def _write(data: ProgramData, into: str) -> None:
    """Write *data* to *into*, refused if someone saved it since it was read."""
    try:
        dump(data, into)
    except ConflictError:  # its advice (overwrite=True) is the Python API's, not this command's
        raise FileAccessError(
            into,
            "write",
            Text(
                "filen ändrades medan bladet lästes, och ingenting skrevs: kör importen igen",
                "the file changed while the sheet was read, and nothing was written: "
                "run the import again",
            ),
        ) from None


def _new_findings(before: ProgramData, after: ProgramData) -> ValidationReport:
    """What validation finds in *after* that it did not find in *before*."""
    known = set(validate(before))
    return ValidationReport(f for f in validate(after) if f not in known)


@attrs.frozen
class _Outcome:
    """What an import came to: the sheet's rows, its problems, validation's new findings."""

    source: str
    rows: int
    problems: tuple[Problem, ...]
    report: ValidationReport
    added: dict[str, int]


def _json(args: argparse.Namespace, console: Console, outcome: _Outcome, *, written: bool) -> None:
    console.json(
        {
            "format": FORMAT,
            "sheet": args.sheet,
            "kind": args.kind,
            "into": args.into,
            "rows": outcome.rows,
            "written": written,
            "added": outcome.added,
            "problems": [problem_data(p) for p in outcome.problems],
            "findings": outcome.report.to_data(),
        }
    )


def _text(args: argparse.Namespace, console: Console, outcome: _Outcome) -> None:
    report, added = outcome.report, outcome.added
    if outcome.problems:
        console.print(
            console.say(_SHEET_PROBLEMS, sheet=outcome.source, count=len(outcome.problems))
        )
        for problem in outcome.problems:
            console.print(f"  {problem.render(console.language)}")
        return
    if report.filter(code="id."):
        console.print(console.say(_INVALID, into=args.into))
        console.print(report.filter(code="id.").render(console.language))
        return
    counts = ", ".join(f"{n} {console.say(_RECORDS[name])}" for name, n in added.items() if n)
    done = _DRY_RUN if args.dry_run else _DONE if counts else _NOTHING_NEW
    console.print(
        console.say(
            done, sheet=outcome.source, rows=outcome.rows, added=counts or "0", into=args.into
        )
    )
    if report:
        console.print(console.say(_NEW_FINDINGS))
        console.print(report.render(console.language))

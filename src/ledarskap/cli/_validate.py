"""``ledarskap validate FILE``: load a program document and report what validation finds.

JSON output (``--format json``)::

    {"format": "ledarskap.cli.validate/1", "file": "program.json", "ok": true,
     "errors": 0, "warnings": 0, "findings": [ ... ]}

each finding as :meth:`~ledarskap.validation.Finding.to_data` gives it (code, severity,
location, record_id, message in both languages, params).
"""

from __future__ import annotations

import argparse

from ledarskap.io.documents import load_for_reading
from ledarskap.validation import validate

from ._console import Console

__all__ = ["FORMAT", "run"]

FORMAT = "ledarskap.cli.validate/1"


def run(args: argparse.Namespace, console: Console) -> int:
    """Validate the document at ``args.file``: 0 if clean, 1 on an error (or, strict, a warning)."""
    report = validate(load_for_reading(args.file))
    failed = not report.ok or (args.strict and bool(report.warnings))
    if console.json_output:
        console.json(
            {
                "format": FORMAT,
                "file": args.file,
                "ok": not failed,
                "errors": len(report.errors),
                "warnings": len(report.warnings),
                "findings": report.to_data(),
            }
        )
    else:
        console.print(f"{args.file}: {report.render(console.language)}")
    return 1 if failed else 0

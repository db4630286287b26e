"""``ledarskap schema``: the JSON Schema of the program document, to standard output or a file."""

from __future__ import annotations

import argparse
import json

from ledarskap.io._atomic import check_suffix, write_atomic
from ledarskap.io.schema import document_schema

from ._console import Console

__all__ = ["run"]


def run(args: argparse.Namespace, console: Console) -> int:
    """Print the schema, or write it to ``--output`` atomically; 0."""
    text = json.dumps(document_schema(), ensure_ascii=False, indent=2) + "\n"
    if args.output:
        check_suffix(args.output, (".json",), "schema --output")
        write_atomic(args.output, text.encode("utf-8"))
    else:
        console.stdout.write(text)
    return 0

"""``ledarskap demo [FILE]``: the readable tour of a program that ``make demo`` prints.

The text is :func:`ledarskap.demo.summary`: English, with the Swedish terms beside.
"""

from __future__ import annotations

import argparse

from ledarskap.demo import summary
from ledarskap.io.documents import example_program, load_for_reading

from ._console import Console

__all__ = ["run"]


def run(args: argparse.Namespace, console: Console) -> int:
    """Print the tour of ``args.file``, or of the example program; 0."""
    data = load_for_reading(args.file) if args.file else example_program()
    console.print(summary(data))
    return 0

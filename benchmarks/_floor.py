"""Write the design's floor for ``ledarskap validate``: its classes, made bare, and a JSON read.

``python -m benchmarks._floor FILE`` imports what the ``validate`` command imports, then
writes to *FILE* a module that makes the same attrs classes (the same fields, each frozen,
slotted and keyword-only, but with no validator, converter or method of the library's
own) and the same enums (the same members, each value plain), imports argparse, and
reads the example program with :mod:`json`. Importing that module is less than any
``validate`` built as the design says can do: the model as attrs classes and enums made
at import, an argparse command line, the document read from JSON. ``bench_startup``
times it against the reference, so the figure says how much of the 1.2x aim the design
leaves to the library's own work.

It runs in a process of its own so that only the command's modules are seen.
"""

from __future__ import annotations

import enum
import sys
from importlib import resources
from pathlib import Path

import attrs

import ledarskap.cli._main
import ledarskap.cli._validate  # noqa: F401 - what ``validate`` imports, for the scan below


def _classes() -> tuple[list[type[enum.Enum]], list[type]]:
    enums: list[type[enum.Enum]] = []
    records: list[type] = []
    for name, module in sorted(sys.modules.items()):
        if not name.startswith("ledarskap"):
            continue
        for value in vars(module).values():
            if not isinstance(value, type) or value.__module__ != name:
                continue
            if attrs.has(value):
                records.append(value)
            elif issubclass(value, enum.Enum) and len(value):
                enums.append(value)
    return enums, records


def source(enums: list[type[enum.Enum]], records: list[type]) -> str:
    """The floor module's text, making *enums* and *records* bare."""
    example = resources.files("ledarskap.data").joinpath("example-program.json")
    lines = ["import argparse", "import enum", "import json", "", "import attrs", ""]
    for number, cls in enumerate(enums):
        lines.append(f"class Enum{number}(enum.Enum):")
        lines += [f"    {member.name} = {member.value!r}" for member in cls]
    for number, cls in enumerate(records):
        lines.append("@attrs.frozen(kw_only=True, eq=False, repr=False)")
        lines.append(f"class Record{number}:")
        for field in attrs.fields(cls):
            default = "" if field.default is attrs.NOTHING else "default=None"
            lines.append(f"    {field.name}: object = attrs.field({default})")
        if not attrs.fields(cls):
            lines.append("    pass")
    lines += ["", f"with open({str(example)!r}, 'rb') as file:", "    json.load(file)", ""]
    return "\n".join(lines)


def main(path: str) -> None:
    """Write the floor module to *path*; print how many enums and attrs classes it makes."""
    enums, records = _classes()
    Path(path).write_text(source(enums, records), encoding="utf-8")
    print(len(enums), len(records))


if __name__ == "__main__":
    main(sys.argv[1])

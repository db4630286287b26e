"""Program documents the command tests read: the example, and the example broken."""

from __future__ import annotations

from pathlib import Path

import attrs

import ledarskap

PLANTED = "19850312-2395"
"""A personnummer planted in ids: it must never be shown in full."""


def broken_program(folder: Path) -> Path:
    """The example with one more participant whose ids hold a personnummer: four errors."""
    data = ledarskap.example_program()
    stray = attrs.evolve(data.participants[0], id=f"d-{PLANTED}", person_id=PLANTED)
    path = folder / "broken.json"
    ledarskap.dump(attrs.evolve(data, participants=(*data.participants, stray)), path)
    return path


def example_copy(folder: Path, name: str = "program.json") -> Path:
    """A copy of the example program's document, to write to."""
    path = folder / name
    ledarskap.dump(ledarskap.example_program(), path)
    return path

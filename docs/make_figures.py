"""Draw the figures of docs/plots.md from the example program, in both languages.

Run it after a change to a figure, and commit the pictures it writes::

    python docs/make_figures.py [FOLDER]

The pictures go to ``docs/images/`` (or *FOLDER*), named ``<figure>-<language>.png``, in
the languages the page shows; the same program and code give the same pictures.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from matplotlib.figure import Figure

import ledarskap
from ledarskap import plots
from ledarskap.model import ProgramData
from ledarskap.text import Language

# The pictures of docs/plots.md: a name, the figure, and the languages shown there.
FIGURES: dict[str, tuple[Callable[[ProgramData, Language], Figure], tuple[Language, ...]]] = {
    "position-kinds": (
        lambda data, language: plots.composition_by_position_kind(data, language=language),
        ("en", "sv"),
    ),
    "municipalities": (
        lambda data, language: plots.participants_by_municipality(data, language=language),
        ("en",),
    ),
    "counties": (
        lambda data, language: plots.participants_by_county(data, language=language),
        ("en",),
    ),
    "meetings": (
        lambda data, language: plots.meeting_timeline(data, language=language),
        ("en", "sv"),
    ),
    "meetings-by-municipality": (
        lambda data, language: plots.meeting_timeline(
            data, language=language, pair_labels="municipality"
        ),
        ("en",),
    ),
    "eligibility": (
        lambda data, language: plots.eligibility_outcomes(data, language=language),
        ("en", "sv"),
    ),
}


def main(argv: list[str]) -> int:
    """Write every figure in its languages to *argv[0]* (by default, docs/images)."""
    folder = Path(argv[0]) if argv else Path(__file__).parent / "images"
    folder.mkdir(parents=True, exist_ok=True)
    data = ledarskap.example_program()
    for name, (draw, languages) in FIGURES.items():
        for language in languages:
            path = folder / f"{name}-{language}.png"
            plots.save(draw(data, language), path, dpi=100)
            print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

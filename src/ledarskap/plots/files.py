"""Saving a figure as a PNG or SVG file, by the library's one write policy.

The file name's suffix chooses the format (``.png`` or ``.svg``, in any case); any other
suffix is refused before anything is drawn or written. The file is written atomically
(see :mod:`ledarskap.io`): a reader sees the old picture or the new one, never a part.
SVG files keep their text as text (searchable, and checked in the tests for personal
data) and are the same bytes on every run for the same figure.

.. versionadded:: 0.3
"""

from __future__ import annotations

import os
from pathlib import PurePath
from typing import TYPE_CHECKING

from ledarskap.errors import InvalidValueError, UsageError
from ledarskap.io._atomic import write_atomic
from ledarskap.text import Text

from ._matplotlib import Format, render

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["FORMATS", "save"]

FORMATS: dict[str, Format] = {".png": "png", ".svg": "svg"}
"""The file name suffixes :func:`save` writes, and the format of each."""


def save(figure: Figure, path: str | os.PathLike[str], *, dpi: float = 150) -> None:
    """Write *figure* to *path* as PNG or SVG, chosen by the suffix of *path*.

    *dpi* is the resolution of a PNG (dots per inch; an SVG is drawn at any size). A
    suffix other than ``.png`` or ``.svg`` raises :class:`~ledarskap.errors.InvalidValueError`;
    a file that cannot be written, :class:`~ledarskap.errors.FileAccessError` (the old file
    stays as it was).

    >>> from ledarskap import example_program
    >>> from ledarskap.plots import meeting_timeline, save
    >>> save(meeting_timeline(example_program()), "timeline.pdf")
    Traceback (most recent call last):
    ...
    ledarskap.errors.InvalidValueError: path: expected a file name ending in .png or .svg, found '.pdf'
    """
    if not isinstance(path, (str, os.PathLike)):
        raise UsageError(
            Text(
                f"save(path): förväntade en sökväg (str eller os.PathLike), fick {type(path).__name__}",
                f"save(path): expected a file path (str or os.PathLike), found {type(path).__name__}",
            )
        )
    suffix = PurePath(os.fsdecode(path)).suffix
    file_format = FORMATS.get(suffix.lower())
    if file_format is None:
        raise InvalidValueError(
            location="path",
            expected=Text(
                f"ett filnamn som slutar på {' eller '.join(FORMATS)}",
                f"a file name ending in {' or '.join(FORMATS)}",
            ),
            found=suffix or os.fsdecode(path),
        )
    write_atomic(path, render(figure, file_format, _checked_dpi(dpi)))


def _checked_dpi(dpi: object) -> float:
    if isinstance(dpi, (int, float)) and not isinstance(dpi, bool) and 10 <= dpi <= 1200:
        return float(dpi)
    raise InvalidValueError(
        location="dpi",
        expected=Text("ett tal från 10 till 1200", "a number from 10 to 1200"),
        found=dpi,
    )

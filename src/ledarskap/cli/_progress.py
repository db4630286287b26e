"""A progress bar on standard error, drawn only when it is a terminal.

A long import or export shows how far it has come in rows, on one line that is redrawn
in place and cleared at the end::

    Writing tables [###############...............]  50% 39000/78000 rows, 5200 rows/s

When the total is not known (a CSV file read as it is parsed, before its end), the count
and the rate alone: ``Importing 4096 rows, 9800 rows/s``. A stage with no rows to count
(building the tables before they are written) shows its label alone.

A :class:`Progress` is itself the ``progress(done, total)`` callback that
:func:`ledarskap.io.read_sheet` and :func:`ledarskap.tables.write_tables` take. When
standard error is not a terminal (a pipe, a log file, a test), or the command writes JSON,
nothing is drawn: a bar's carriage returns have no place in a log. The bar is redrawn at
most every *interval* seconds, and always when the count reaches its total.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from types import TracebackType
from typing import TextIO

from ledarskap.errors import mask_personal_data

__all__ = ["Progress"]


class Progress:
    """How far a task has come, in *unit* (``rows``), as a line on *stream* if it is a terminal.

    Use it as a context manager (the line is cleared when the task ends, however it ends);
    call it with ``(done, total)`` as the work goes, and :meth:`stage` to name the next
    part of the work.
    """

    def __init__(
        self,
        stream: TextIO,
        label: str,
        *,
        unit: str = "rows",
        shown: bool = True,
        width: int = 30,
        interval: float = 0.1,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream
        self.label = mask_personal_data(label)  # a sheet's name may hold a personnummer
        self.unit = unit
        self.width = width
        self.interval = interval
        self.clock = clock
        self.shown = shown and _is_terminal(stream)
        self.columns = _columns(stream)
        """The terminal's width: a line never reaches its last column (it would wrap)."""
        self.done: int | None = None
        """The units done; ``None`` while the stage has no count."""
        self.total: int | None = None
        self._started = clock()
        self._drawn_at: float | None = None
        self._drawn_width = 0

    def __enter__(self) -> Progress:
        self._draw()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def __call__(self, done: int, total: int | None) -> None:
        """*done* units of *total* (``None``: not known); redrawn if the interval has passed."""
        if self.done is None:  # the first count of the stage: its rate starts now
            self._started = self.clock()
        self.total = None if total is None else max(total, 0)
        self.done = max(done, 0) if self.total is None else min(max(done, 0), self.total)
        now = self.clock()
        due = self._drawn_at is None or now - self._drawn_at >= self.interval
        if due or self.done == self.total:
            self._draw(now)

    def stage(self, label: str) -> None:
        """The next part of the work, *label*, not yet counted: drawn at once."""
        self.label, self.done, self.total = mask_personal_data(label), None, None
        self._draw()

    def close(self) -> None:
        """Clear the bar's line, leaving the terminal as it was."""
        if self.shown and self._drawn_width:
            self.stream.write("\r" + " " * self._drawn_width + "\r")
            self.stream.flush()
            self._drawn_width = 0

    def line(self, now: float | None = None) -> str:
        """The line as it is drawn now: label, bar, percentage, count and rate.

        Without a total, the label, count and rate; without a count, the label alone.
        """
        if self.done is None:
            return f"{self.label} …"
        elapsed = (self.clock() if now is None else now) - self._started
        rate = f", {self.done / elapsed:.0f} {self.unit}/s" if elapsed > 0 else ""
        if self.total is None:
            return f"{self.label} {self.done} {self.unit}{rate}"
        fraction = self.done / self.total if self.total else 1.0
        count = f"{self.done}/{self.total} {self.unit}"
        rest = f" {fraction:4.0%} {count}{rate}"
        room = self.columns - 1 - len(self.label) - len(rest) - 3  # " [" and "]"
        width = min(self.width, max(room, 10))  # narrower on a narrow terminal, to 10
        filled = round(fraction * width)
        bar = "#" * filled + "." * (width - filled)
        return f"{self.label} [{bar}]{rest}"

    def _draw(self, now: float | None = None) -> None:
        if not self.shown:
            return
        now = self.clock() if now is None else now
        text = self.line(now)[: self.columns - 1]
        padding = " " * max(min(self._drawn_width, self.columns - 1) - len(text), 0)
        self.stream.write(f"\r{text}{padding}")
        self.stream.flush()
        self._drawn_width = len(text)
        self._drawn_at = now


def _columns(stream: TextIO) -> int:
    """The width of the terminal *stream* is, or 80 where it cannot be told."""
    try:
        return os.get_terminal_size(stream.fileno()).columns or 80
    except (AttributeError, ValueError, OSError):  # no file (a test's stream), or no terminal
        return 80


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False

"""A progress bar on standard error, drawn only when it is a terminal.

A long import or export shows how far it has come, on one line that is redrawn in place
and cleared at the end::

    Writing tables [###############...............]  50% (3/6)

When standard error is not a terminal (a pipe, a log file, a test), nothing is written:
a bar's carriage returns have no place in a log. The bar is redrawn at most every
*interval* seconds, and always at the end.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from types import TracebackType
from typing import TextIO

__all__ = ["Progress"]


class Progress:
    """How far a task of *total* steps has come, as a bar on *stream* if it is a terminal.

    Use it as a context manager (the line is cleared when the task ends, however it ends),
    and call :meth:`advance` after each step, or :meth:`update` with the steps done.
    """

    def __init__(
        self,
        stream: TextIO,
        total: int,
        label: str,
        *,
        width: int = 30,
        interval: float = 0.1,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream
        self.total = max(total, 0)
        self.label = label
        self.width = width
        self.interval = interval
        self.clock = clock
        self.done = 0
        self.shown = _is_terminal(stream)
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

    def advance(self, steps: int = 1) -> None:
        """Count *steps* more as done."""
        self.update(self.done + steps)

    def update(self, done: int) -> None:
        """Set the steps done (at most *total*); redraw if the interval has passed."""
        self.done = min(max(done, 0), self.total)
        now = self.clock()
        due = self._drawn_at is None or now - self._drawn_at >= self.interval
        if due or self.done == self.total:
            self._draw(now)

    def close(self) -> None:
        """Clear the bar's line, leaving the terminal as it was."""
        if self.shown and self._drawn_width:
            self.stream.write("\r" + " " * self._drawn_width + "\r")
            self.stream.flush()
            self._drawn_width = 0

    def line(self) -> str:
        """The bar as it is now drawn: label, bar, percentage and steps."""
        fraction = self.done / self.total if self.total else 1.0
        filled = round(fraction * self.width)
        bar = "#" * filled + "." * (self.width - filled)
        return f"{self.label} [{bar}] {fraction:4.0%} ({self.done}/{self.total})"

    def _draw(self, now: float | None = None) -> None:
        if not self.shown:
            return
        text = self.line()
        padding = " " * max(self._drawn_width - len(text), 0)
        self.stream.write(f"\r{text}{padding}")
        self.stream.flush()
        self._drawn_width = len(text)
        self._drawn_at = self.clock() if now is None else now


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False

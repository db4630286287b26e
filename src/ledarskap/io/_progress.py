"""How far a long read or write has come: a callback told the rows done and the rows expected.

:func:`~ledarskap.io.read_sheet` and :func:`~ledarskap.tables.write_tables` take a
``progress=`` callback, a :data:`ProgressCallback`: any function of two arguments, *done*
(the rows handled so far) and *total* (the rows expected, or ``None`` when not known).
What it may rely on:

- it is called in the caller's thread: first with *done* 0 when the rows begin, then
  every :data:`EVERY` rows at most (a bounded rate: the callback may redraw a bar, log
  or check a cancel flag, and costs nothing per row), and last, when the work is done,
  with ``done == total`` == the rows handled;
- *done* never decreases; *total* is never less than *done*. It may be an estimate (the
  lines of a CSV file, the size an XLSX file claims for its sheet), which the last call
  corrects; an estimate that *done* passes is dropped (``None`` from then on);
- after an error nothing more is called; whatever the callback raises (a
  :class:`KeyboardInterrupt` to cancel) stops the work as that error, and a file being
  written is then left as it was.

.. versionadded:: 0.3
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from ledarskap.errors import UsageError
from ledarskap.text import Text

__all__ = ["EVERY", "ProgressCallback", "Ticker", "checked_progress"]

ProgressCallback = Callable[[int, int | None], None]
"""``progress(done, total)``: the rows handled so far, and the rows expected (``None``: not known)."""

EVERY = 256
"""The rows between two calls of a progress callback, at most."""


def checked_progress(progress: object, function: str) -> ProgressCallback | None:
    """*progress* if it is ``None`` or callable; otherwise :class:`~ledarskap.errors.UsageError`."""
    if progress is None or callable(progress):
        return progress
    raise UsageError(
        Text(
            f"{function}(progress): förväntade en funktion progress(done, total) eller None, "
            f"fick {type(progress).__name__}",
            f"{function}(progress): expected a function progress(done, total) or None, "
            f"found {type(progress).__name__}",
        )
    )


class Ticker:
    """Calls a :data:`ProgressCallback` at the start, every :data:`EVERY` rows, and at the end.

    A loop over rows compares its count with :attr:`next` (one comparison a row) and calls
    :meth:`report` when it is reached; without a callback :attr:`next` is never reached.
    """

    __slots__ = ("_callback", "_every", "done", "next", "total")

    def __init__(self, callback: ProgressCallback | None, *, every: int = EVERY) -> None:
        self._callback = callback
        self._every = every
        self.next = every if callback is not None else sys.maxsize
        """The count of rows at which the callback is next due."""
        self.total: int | None = None
        """The rows expected, if known."""
        self.done = 0
        """The rows counted by :meth:`advance`."""

    def start(self, total: int | None) -> None:
        """The rows begin: *total* expected (``None``: not known); the callback sees 0."""
        self.total = total if total is None or total >= 0 else None
        self._call(0)

    def report(self, done: int) -> None:
        """*done* rows handled: tell the callback, and when it is next due."""
        self.next = done + self._every
        self._call(done)

    def advance(self, rows: int) -> None:
        """*rows* more handled (a chunk of them): the callback is told if it is due."""
        self.done += rows
        if self.done >= self.next:
            self.report(self.done)

    def finish(self, done: int) -> None:
        """The work is done, *done* rows in all: the callback's last call, ``(done, done)``."""
        self.total = done
        self._call(done)

    def _call(self, done: int) -> None:
        if self._callback is None:
            return
        if self.total is not None and done > self.total:  # the estimate was short: drop it
            self.total = None
        self._callback(done, self.total)

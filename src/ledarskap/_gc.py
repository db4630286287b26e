"""The cyclic garbage collector paused while many objects without cycles are made.

Reading a document makes millions of objects, first the parsed JSON and then the
records, and no reference cycles; so do the decisions of a bulk evaluation. CPython's cyclic collector nevertheless runs every few
hundred allocations and, as the heap grows, walks every live object again and again:
on a document of 100,000 participants that is a third of the time of
:func:`ledarskap.loads` and :func:`ledarskap.dumps`. Reference counting still frees
everything as usual; only the search for cycles waits until the document is done.

Why the library does this, though a peer it is measured against does not: a document
holds no reference cycles, so the pause costs nothing and saves what would otherwise be
spent walking objects that cannot be garbage. It is a real gain for the caller, not a
trick of the benchmark; but it is not a gain of the reading code itself, so
the benchmarks report every comparison twice: with the collector on (as a
caller runs: ledarskap pauses it, the peer does not) and paused for both sides alike (the
speed of the code). The targets are met in both.

The collector is process-wide: while a document is read, other threads' cycles wait
too (they are collected afterwards). Pauses nest and overlap safely: the collector comes
back on when the last of several documents read at once (in one thread or several) is
done, and only if it was on when the first began. A collector the caller had turned off
stays off.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

__all__ = ["paused_gc"]


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Run the block with the cyclic garbage collector off, if it was on; on again after.

    >>> import gc
    >>> with paused_gc():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    _enter()
    try:
        yield
    finally:
        _leave()


_lock = threading.Lock()
_depth = 0  # pauses in progress, in any thread
_resume = False  # whether the first pause turned the collector off


def _enter() -> None:
    global _depth, _resume  # noqa: PLW0603  # the collector itself is process-wide state
    with _lock:
        if _depth == 0:
            _resume = gc.isenabled()
            gc.disable()
        _depth += 1


def _leave() -> None:
    global _depth  # noqa: PLW0603  # see _enter
    with _lock:
        _depth -= 1
        if _depth == 0 and _resume:
            gc.enable()

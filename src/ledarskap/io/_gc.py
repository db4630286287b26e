"""The cyclic garbage collector paused while a whole document is read or written.

Reading a document makes millions of objects, first the parsed JSON and then the
records, and no reference cycles. CPython's cyclic collector nevertheless runs every few
hundred allocations and, as the heap grows, walks every live object again and again:
on a document of 100,000 participants that is a third of the time of
:func:`ledarskap.loads` and :func:`ledarskap.dumps`. Reference counting still frees
everything as usual; only the search for cycles waits until the document is done.

The collector is process-wide: while a document is read, other threads' cycles wait
too (they are collected afterwards). A collector that the caller had turned off stays off.
"""

from __future__ import annotations

import contextlib
import gc
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
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()

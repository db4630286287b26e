"""Cheap draws for the composite strategies: one choice per value, strategies built once.

Inside an ``@st.composite``, every strategy built anew is validated anew on its first
draw, and every draw costs a span in the choice sequence. A whole program draws thousands
of values, so the composites here draw days and indexes as one whole number each, from
strategies kept per bound, and take fixed parts from strategies built once at import.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from typing import TypeVar

from hypothesis import strategies as st

T = TypeVar("T")


@functools.lru_cache(maxsize=4096)
def upto(n: int) -> st.SearchStrategy[int]:
    """Whole numbers from 0 to *n*: one strategy per *n*, validated once."""
    return st.integers(0, n)


def day(draw: st.DrawFn, first: dt.date, last: dt.date) -> dt.date:
    """A day from *first* to *last*, both included, shrinking towards *first*."""
    span = (last - first).days
    assert span >= 0, (first, last)
    return first if span == 0 else first + dt.timedelta(days=draw(upto(span)))


def pick(draw: st.DrawFn, values: Sequence[T]) -> T:
    """One of *values* (at least one), shrinking towards the first."""
    return values[0] if len(values) == 1 else values[draw(upto(len(values) - 1))]


@functools.lru_cache(maxsize=64)
def subsets(values: tuple[T, ...]) -> st.SearchStrategy[tuple[T, ...]]:
    """Sub-sequences of *values* in their order: one choice (a bit mask), shrinking to ``()``."""
    return upto(2 ** len(values) - 1).map(
        lambda mask: tuple(value for bit, value in enumerate(values) if mask >> bit & 1)
    )


def members(values: tuple[T, ...]) -> st.SearchStrategy[frozenset[T]]:
    """Sets of *values* (the members of an enum, say): one choice, shrinking to the empty set."""
    return subsets(values).map(frozenset)

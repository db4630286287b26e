"""The progress ticker: a callback told the rows at the start, at a bounded rate, and at the end."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledarskap.errors import UsageError
from ledarskap.io._progress import EVERY, Ticker, checked_progress


def _calls(total: int | None, chunks: list[int]) -> list[tuple[int, int | None]]:
    calls: list[tuple[int, int | None]] = []
    ticker = Ticker(lambda done, total: calls.append((done, total)))
    ticker.start(total)
    for rows in chunks:
        ticker.advance(rows)
    ticker.finish(ticker.done)
    return calls


@given(st.none() | st.integers(-3, 3000), st.lists(st.integers(0, 700), max_size=30))
def test_the_counts_rise_to_the_end_and_never_pass_the_total(
    total: int | None, chunks: list[int]
) -> None:
    """Law: whatever is counted against whatever total, the callback's counts start at 0,
    never decrease, never exceed the total told with them, come at most once a chunk or
    :data:`EVERY` rows, and end at ``(done, done)``."""
    calls = _calls(total, chunks)
    done = sum(chunks)
    assert calls[0][0] == 0
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    assert all(t is None or t >= d for d, t in calls)
    assert calls[-1] == (done, done)
    assert len(calls) <= 2 + min(len(chunks), done // EVERY)


def test_a_short_estimate_is_dropped_once_passed() -> None:
    assert _calls(300, [256, 256]) == [(0, 300), (256, 300), (512, None), (512, 512)]


def test_without_a_callback_nothing_is_ever_due() -> None:
    ticker = Ticker(None)
    ticker.start(10)
    ticker.advance(10**9)
    ticker.finish(10**9)
    assert ticker.done == 10**9


def test_a_progress_that_is_no_function_is_refused_in_swedish() -> None:
    with pytest.raises(UsageError) as raised:
        checked_progress(3, "read_sheet")
    assert raised.value.render("sv") == (
        "read_sheet(progress): förväntade en funktion progress(done, total) eller None, fick int"
    )

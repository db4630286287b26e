"""Parameters: named values that change over time, read on a day."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from ledarskap.eligibility import Parameter

DAYS = st.dates(dt.date(2000, 1, 1), dt.date(2040, 12, 31))


def test_the_value_in_force_on_a_day() -> None:
    """A value holds from its date (inclusive) until the next; before the first, none."""
    years = Parameter("min_years", {dt.date(2026, 1, 1): 2, dt.date(2010, 1, 1): 0})
    assert years.at(dt.date(2009, 12, 31)) is None
    assert years.at(dt.date(2010, 1, 1)) == 0
    assert years.at(dt.date(2025, 12, 31)) == 0
    assert years.at(dt.date(2026, 1, 1)) == 2


def test_an_undated_value_holds_from_the_beginning() -> None:
    """``None`` as a date is "from the beginning": it holds until the first dated value."""
    towns = Parameter("towns", {dt.date(2026, 1, 1): ["0580"], None: ["0580", "0583"]})
    assert towns.at(dt.date(1990, 1, 1)) == ["0580", "0583"]
    assert towns.at(dt.date(2026, 1, 1)) == ["0580"]
    assert towns.values[0][0] is None


@given(st.dictionaries(DAYS, st.integers(), max_size=6), DAYS)
def test_the_value_on_a_day_is_the_latest_that_came_into_force(
    drawn: dict[dt.date, int], day: dt.date
) -> None:
    """Law: ``at(day)`` is the value of the latest date on or before *day*, in any order given."""
    values: dict[dt.date | None, int] = dict(drawn.items())
    parameter = Parameter("p", dict(reversed(values.items())))
    started = [d for d in drawn if d <= day]
    assert parameter.at(day) == (drawn[max(started)] if started else None)
    assert parameter == Parameter("p", values)

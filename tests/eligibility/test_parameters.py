"""Parameters: named values that change over time, read on a day."""

from __future__ import annotations

import datetime as dt
import re

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledarskap.eligibility import Parameter
from ledarskap.errors import InvalidValueError

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


@given(st.dictionaries(DAYS, st.integers(), min_size=1, max_size=6), DAYS)
def test_the_value_on_a_day_is_the_latest_that_came_into_force(
    drawn: dict[dt.date, int], day: dt.date
) -> None:
    """Law: ``at(day)`` is the value of the latest date on or before *day*, in any order given."""
    values: dict[dt.date | None, int] = dict(drawn.items())
    parameter = Parameter("p", dict(reversed(values.items())))
    started = [d for d in drawn if d <= day]
    assert parameter.at(day) == (drawn[max(started)] if started else None)
    assert parameter == Parameter("p", values)


@pytest.mark.parametrize(
    ("name", "values", "said"),
    [
        ("min_years", "integer", "Parameter.values: expected a mapping from date"),
        ("min_years", {"2020-01-01": 2}, "found '2020-01-01'"),
        ("min_years", {}, "at least one, found {}"),
        ("", {None: 2}, "Parameter.name: expected a non-empty text"),
        (3, {None: 2}, "Parameter.name: expected a non-empty text, found 3"),
    ],
)
def test_a_parameter_made_wrong_is_refused_when_it_is_made(
    name: object, values: object, said: str
) -> None:
    """Reproductions (review): each was accepted, and failed later as a bare AttributeError
    or TypeError when a rule set was evaluated."""
    with pytest.raises(InvalidValueError, match=re.escape(said)):
        Parameter(name, values)  # type: ignore[arg-type]


def test_a_parameter_evolves_with_its_values_as_they_are() -> None:
    years = Parameter("min_years", {None: 0, dt.date(2026, 1, 1): 2})
    assert attrs.evolve(years, description="x") == years

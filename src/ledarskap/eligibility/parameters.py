"""Parameters: date-keyed values that rules refer to by name, kept apart from the rules.

As in OpenFisca, what changes from year to year (the municipalities collaborating in the
program, a minimum number of years in position) is a parameter, not part of a rule. A
parameter has values keyed by the date they come into force; the value in force on a day
is the one with the latest date on or before it (a value without a date is in force from
the beginning). A rule names the parameter where it would write a value:
``municipality in collaborating_municipalities``.

>>> import datetime as dt
>>> from ledarskap.eligibility import Parameter
>>> years = Parameter("min_years_in_position",
...                   {dt.date(2010, 1, 1): 0, dt.date(2026, 1, 1): 2})
>>> years.at(dt.date(2025, 12, 31)), years.at(dt.date(2026, 1, 1)), years.at(dt.date(2009, 1, 1))
(0, 2, None)

.. versionadded:: 0.2
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Mapping
from typing import Any

import attrs

from ledarskap.errors import masked_repr

__all__ = ["Parameter"]


def _values(value: Mapping[dt.date | None, Any]) -> tuple[tuple[dt.date | None, Any], ...]:
    items = list(value.items())
    undated = [v for d, v in items if d is None]
    dated = sorted(((d, v) for d, v in items if d is not None), key=lambda item: item[0])
    return tuple([(None, undated[0])] if undated else []) + tuple(dated)


@masked_repr
@attrs.frozen
class Parameter:
    """A named value that changes over time.

    ``values`` maps the date each value comes into force (``None``: from the beginning) to
    the value, normalised to its type.
    """

    name: str
    values: tuple[tuple[dt.date | None, Any], ...] = attrs.field(converter=_values)
    description: str = attrs.field(default="", eq=False)
    type_name: str | None = attrs.field(default=None, eq=False)
    """The value type (``"list[municipality]"``, ``"integer"``), as checked at load."""

    def at(self, day: dt.date) -> Any:
        """The value in force on *day*, or ``None`` before the first date."""
        dated = [d for d, _ in self.values if d is not None]
        index = bisect.bisect_right(dated, day)
        if index:
            return self.values[index - 1 + (len(self.values) - len(dated))][1]
        if len(self.values) > len(dated):
            return self.values[0][1]
        return None

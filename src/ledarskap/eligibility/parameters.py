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

from ledarskap.errors import InvalidValueError, masked_repr
from ledarskap.text import Text

__all__ = ["Parameter"]

_VALUES = Text(
    "en mappning från datum (datetime.date, eller None: från början) till värde, minst ett",
    "a mapping from date (datetime.date, or None: from the beginning) to value, at least one",
)


def _values(value: Mapping[dt.date | None, Any]) -> tuple[tuple[dt.date | None, Any], ...]:
    given: object = value  # what a caller gave, whatever the annotation says
    if isinstance(given, tuple) and all(isinstance(p, tuple) and len(p) == 2 for p in given):
        given = dict(given)  # the normalised form, as attrs.evolve gives it back
    if not isinstance(given, Mapping) or not given:
        raise InvalidValueError(location="Parameter.values", expected=_VALUES, found=given)
    items: list[tuple[Any, Any]] = list(given.items())
    for day, _ in items:
        if day is not None and (not isinstance(day, dt.date) or isinstance(day, dt.datetime)):
            raise InvalidValueError(location="Parameter.values", expected=_VALUES, found=day)
    undated = [v for d, v in items if d is None]
    dated = sorted(((d, v) for d, v in items if d is not None), key=lambda item: item[0])
    return tuple([(None, undated[0])] if undated else []) + tuple(dated)


@masked_repr
@attrs.frozen
class Parameter:
    """A named value that changes over time.

    ``values`` maps the date each value comes into force (``None``: from the beginning) to
    the value, normalised to its type; at least one. The name and the dates are checked
    when the parameter is made (an :class:`~ledarskap.errors.InvalidValueError`); the
    values against the rules that name the parameter when a rule set is made of them.

    .. versionchanged:: 0.3
       Name and dates checked.
    """

    name: str = attrs.field()
    values: tuple[tuple[dt.date | None, Any], ...] = attrs.field(converter=_values)
    description: str = attrs.field(default="", eq=False)
    type_name: str | None = attrs.field(default=None, eq=False)
    """The value type (``"list[municipality]"``, ``"integer"``), as checked at load."""

    @name.validator
    def _named(self, attribute: attrs.Attribute[str], value: object) -> None:
        if not isinstance(value, str) or not value.strip():
            raise InvalidValueError(
                location="Parameter.name",
                expected=Text("en text som inte är tom", "a non-empty text"),
                found=value,
            )

    def at(self, day: dt.date) -> Any:
        """The value in force on *day*, or ``None`` before the first date."""
        dated = [d for d, _ in self.values if d is not None]
        index = bisect.bisect_right(dated, day)
        if index:
            return self.values[index - 1 + (len(self.values) - len(dated))][1]
        if len(self.values) > len(dated):
            return self.values[0][1]
        return None

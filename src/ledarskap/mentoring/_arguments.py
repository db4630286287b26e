"""The checks of the mentoring functions' arguments: every wrong one named, all at once.

A wrong argument is reported as the model reports a wrong field: an
:class:`~ledarskap.errors.InvalidValueError` naming where (``Cadence.every_weeks``,
``plan_meetings(end)``), what was expected and what was found; when several are wrong, one
:class:`~ledarskap.errors.ProblemsError` names each, so one call shows them all (as the
model reports a record's broken invariants).
"""

from __future__ import annotations

import datetime as dt

from ledarskap.errors import InvalidValueError, ProblemsError
from ledarskap.text import Text

__all__ = ["Checked", "is_date"]

_INVALID = Text("ogiltiga argument", "invalid arguments")


def is_date(value: object) -> bool:
    """Whether *value* is a date, and not a datetime (which is a date to ``isinstance``)."""
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


_DATE = Text("ett datum", "a date")
_DATE_OR_NONE = Text("ett datum eller None", "a date or None")


class Checked:
    """A collector of wrong arguments, raised together by :meth:`raise_if_any`."""

    __slots__ = ("_problems",)

    def __init__(self) -> None:
        self._problems: list[InvalidValueError] = []

    def add(self, location: str, expected: Text, found: object) -> None:
        """Note that the argument at *location* was *found* where *expected* was wanted."""
        self._problems.append(InvalidValueError(location=location, expected=expected, found=found))

    def instance(
        self, location: str, value: object, kind: type | tuple[type, ...], expected: Text
    ) -> None:
        """Check that *value* is an instance of *kind*, described as *expected*."""
        if not isinstance(value, kind):
            self.add(location, expected, value)

    def whole_number(
        self, location: str, value: object, *, least: int, most: int | None = None
    ) -> None:
        """Check that *value* is an int (not a bool) from *least* to *most*."""
        span = (
            Text(f"från {least} till {most}", f"from {least} to {most}")
            if most is not None
            else Text(f"{least} eller större", f"{least} or more")
        )
        if (
            not isinstance(value, int)
            or isinstance(value, bool)
            or value < least
            or (most is not None and value > most)
        ):
            self.add(location, Text(f"ett heltal {span.sv}", f"a whole number {span.en}"), value)

    def date(self, location: str, value: object, *, optional: bool = False) -> None:
        """Check that *value* is a date (or ``None``, if *optional*)."""
        if not (is_date(value) or (optional and value is None)):
            self.add(location, _DATE_OR_NONE if optional else _DATE, value)

    def raise_if_any(self) -> None:
        """Raise the problem if there is one, a :class:`~ledarskap.errors.ProblemsError` if several."""
        if len(self._problems) == 1:
            raise self._problems[0]
        if self._problems:
            raise ProblemsError(_INVALID, [problem.as_problem() for problem in self._problems])

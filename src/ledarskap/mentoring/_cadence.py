"""The dates of a meeting plan: a weekly recurrence, thinned and moved by the calendar's rules.

The one place that turns a cadence into dates, for :mod:`ledarskap.mentoring.plans`:

1. python-dateutil's :func:`~dateutil.rrule.rrule` gives every *N*-th week from the first
   day (or the first of the cadence's weekday from it, if it names one) up to the last
   day, inclusive;
2. an occurrence in a skipped week (the summer break) or on an excluded date is dropped;
3. an occurrence on a day that is not free (a weekend, or a session day of the cohort) is
   moved to the next free weekday, if one comes before the next occurrence and within the
   period; otherwise it is dropped too.

Every occurrence keeps its ordinal in the recurrence (1, 2, 3 …), dropped or not, so an
occurrence is the same one however the rules around it change: excluding one more date
drops that meeting and leaves the numbers of the others as they were.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterator

from dateutil.rrule import WEEKLY, rrule

__all__ = ["Occurrence", "occurrences"]

_SATURDAY = 5
_DAY = dt.timedelta(days=1)


class Occurrence:
    """One occurrence of the recurrence: its ordinal, its date, and where it went.

    ``on`` is the date after moving (``None`` if it was dropped); ``rule_date`` the date
    the recurrence gave; ``dropped`` says why it was dropped (``"summer"``, ``"excluded"``
    or ``"no-free-day"``), or is ``None``.
    """

    __slots__ = ("dropped", "number", "on", "rule_date")

    def __init__(
        self, number: int, rule_date: dt.date, on: dt.date | None, dropped: str | None
    ) -> None:
        self.number = number
        self.rule_date = rule_date
        self.on = on
        self.dropped = dropped


def occurrences(
    *,
    first: dt.date,
    last: dt.date,
    every_weeks: int,
    weekday: int | None,
    skipped_weeks: Collection[int],
    excluded: Collection[dt.date],
    busy: Collection[dt.date],
) -> Iterator[Occurrence]:
    """The occurrences from *first* to *last* inclusive, by the rules of this module.

    *skipped_weeks* are ISO week numbers; *excluded* dates are dropped; *busy* dates (the
    session days) are moved off, as weekends are.
    """
    if weekday is not None:  # rrule counts its weeks from dtstart's week: start on the day
        shift = (weekday - first.weekday()) % 7
        if (last - first).days < shift:
            return
        first += dt.timedelta(days=shift)
    rule = rrule(
        WEEKLY,
        interval=every_weeks,
        dtstart=dt.datetime.combine(first, dt.time()),
        until=dt.datetime.combine(last, dt.time()),
    )
    dates = [moment.date() for moment in rule]
    for index, day in enumerate(dates):
        number = index + 1
        if day.isocalendar().week in skipped_weeks:
            yield Occurrence(number, day, None, "summer")
        elif day in excluded:
            yield Occurrence(number, day, None, "excluded")
        else:
            until = dates[index + 1] - _DAY if index + 1 < len(dates) else last
            moved = _free_day(day, until, skipped_weeks, excluded, busy)
            yield Occurrence(number, day, moved, None if moved is not None else "no-free-day")


def _free_day(
    day: dt.date,
    until: dt.date,
    skipped_weeks: Collection[int],
    excluded: Collection[dt.date],
    busy: Collection[dt.date],
) -> dt.date | None:
    """*day*, or the first free weekday after it up to *until*; ``None`` if none is."""
    while True:
        if not (
            day.weekday() >= _SATURDAY
            or day in busy
            or day in excluded
            or day.isocalendar().week in skipped_weeks
        ):
            return day
        if day >= until:  # compared first: the day after the last date is no date
            return None
        day += _DAY

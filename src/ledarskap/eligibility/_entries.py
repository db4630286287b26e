"""The entries of a rule set: one version of one rule, how binding, and when in force."""

from __future__ import annotations

import datetime as dt

import attrs

from ledarskap.errors import masked_repr
from ledarskap.text import Language, Text

from ._levels import RuleLevel
from ._rules import Rule

__all__ = ["RuleEntry", "RuleLevel", "overlap"]


def overlap(
    one: tuple[dt.date | None, dt.date | None], other: tuple[dt.date | None, dt.date | None]
) -> bool:
    """Whether two half-open windows ``[valid_from, valid_to)`` share a day.

    ``None`` as ``valid_to`` is no end: later than any day, 9999-12-31 too.
    """
    start = max(one[0] or dt.date.min, other[0] or dt.date.min)
    ends = [end for end in (one[1], other[1]) if end is not None]
    return not ends or start < min(ends)


@masked_repr
@attrs.frozen(kw_only=True)
class RuleEntry:
    """One version of one rule of a rule set, in force on ``[valid_from, valid_to)``.

    ``None`` for ``valid_from`` means from the beginning, for ``valid_to`` until further
    notice. ``version`` names this version in decisions (by default its start date).
    """

    id: str
    rule: Rule
    level: RuleLevel = RuleLevel.REQUIRED
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    version: str = attrs.field()
    title_sv: str | None = attrs.field(default=None, eq=False)
    title_en: str | None = attrs.field(default=None, eq=False)

    @version.default
    def _version(self) -> str:
        return "initial" if self.valid_from is None else self.valid_from.isoformat()

    def in_force(self, day: dt.date) -> bool:
        """Whether the entry is in force on *day*: ``valid_from <= day < valid_to``."""
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day < self.valid_to
        )

    def overlaps(self, other: RuleEntry) -> bool:
        """Whether the two windows share a day."""
        return overlap((self.valid_from, self.valid_to), (other.valid_from, other.valid_to))

    def title(self, language: Language = "sv") -> str:
        """The entry's title in *language*, or its id."""
        return Text(self.title_sv or self.id, self.title_en or self.id).render(language)

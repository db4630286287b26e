"""The entries of a rule set: one version of one rule, how binding, and when in force."""

from __future__ import annotations

import datetime as dt

import attrs

from ledarskap.errors import InvalidValueError, masked_repr
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


def _level(value: object) -> object:
    """A level given by its value (``"required"``) as the level; anything else as it is."""
    if isinstance(value, str):
        for level in RuleLevel:
            if value == level.value:
                return level
    return value


def _check(where: str, fits: bool, expected: Text, found: object) -> None:
    if not fits:
        raise InvalidValueError(location=f"RuleEntry.{where}", expected=expected, found=found)


_A_DATE = Text("ett datum (datetime.date) eller None", "a date (datetime.date) or None")
_A_TEXT = Text("en text som inte är tom", "a non-empty text")


def _is_text(value: object) -> bool:
    return isinstance(value, str) and value.strip() != ""


def _is_day(value: object) -> bool:
    return value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime))


@masked_repr
@attrs.frozen(kw_only=True)
class RuleEntry:
    """One version of one rule of a rule set, in force on ``[valid_from, valid_to)``.

    ``None`` for ``valid_from`` means from the beginning, for ``valid_to`` until further
    notice. ``version`` names this version in decisions (by default its start date).
    Every field is checked when the entry is made, as a rule-set file's are: a level
    given as its value (``"required"``) is the level, and a window must end after it
    begins (an :class:`~ledarskap.errors.InvalidValueError` naming the field).

    .. versionchanged:: 0.3
       Fields checked; a level may be given by its value.
    """

    id: str
    rule: Rule
    level: RuleLevel = attrs.field(default=RuleLevel.REQUIRED, converter=_level)
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    version: str = attrs.field()
    title_sv: str | None = attrs.field(default=None, eq=False)
    title_en: str | None = attrs.field(default=None, eq=False)

    @version.default
    def _version(self) -> str:
        return (
            self.valid_from.isoformat()
            if isinstance(self.valid_from, dt.date)
            else "initial"  # None, or a value refused below
        )

    def __attrs_post_init__(self) -> None:
        _check("id", _is_text(self.id), _A_TEXT, self.id)
        _check(
            "rule", isinstance(self.rule, Rule), Text("en regel (Rule)", "a rule (Rule)"), self.rule
        )
        levels = " eller ".join(repr(level.value) for level in RuleLevel)
        _check(
            "level",
            isinstance(self.level, RuleLevel),
            Text(
                f"en RuleLevel, eller {levels}", f"a RuleLevel, or {levels.replace('eller', 'or')}"
            ),
            self.level,
        )
        _check("valid_from", _is_day(self.valid_from), _A_DATE, self.valid_from)
        _check("valid_to", _is_day(self.valid_to), _A_DATE, self.valid_to)
        if self.valid_from is not None and self.valid_to is not None:
            _check(
                "valid_to",
                self.valid_from < self.valid_to,
                Text(
                    f"ett datum efter valid_from ({self.valid_from.isoformat()}): fönstret "
                    "är [valid_from, valid_to)",
                    f"a date after valid_from ({self.valid_from.isoformat()}): the window "
                    "is [valid_from, valid_to)",
                ),
                self.valid_to,
            )
        _check("version", _is_text(self.version), _A_TEXT, self.version)
        for where, title in (("title_sv", self.title_sv), ("title_en", self.title_en)):
            _check(
                where,
                title is None or isinstance(title, str),
                Text("en text eller None", "a text or None"),
                title,
            )

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

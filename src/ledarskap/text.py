"""Bilingual text: every label and message of the library in Swedish and English.

The library speaks Swedish (``"sv"``, the default: the program and its staff are Swedish)
and English (``"en"``). Anything else is refused with the library's error, never answered
in English by default. Three pieces carry this everywhere:

- :data:`Language` and :func:`checked_language`, the one check of a language argument;
- :class:`Text`, one text in both languages, rendered with :meth:`Text.render`;
- :class:`LabelledEnum`, the one pattern for an enum whose members have a label in both
  languages, written beside the member: ``STAFF = "staff", "ledare i stabsfunktion",
  "leader in a staff function"``.

>>> greeting = Text(sv="Välkommen, {name}!", en="Welcome, {name}!")
>>> greeting.format(name="Anna").render("en")
'Welcome, Anna!'
>>> greeting.render("de")
Traceback (most recent call last):
...
ledarskap.errors.InvalidValueError: language: expected 'sv' or 'en', found 'de'

.. versionadded:: 0.3
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Any, Self

import attrs

from ledarskap.errors import LANGUAGES, Language, checked_language

__all__ = ["LANGUAGES", "LabelledEnum", "Language", "Text", "checked_language"]


@attrs.frozen(eq=False)
class Text:
    """One text in Swedish and English.

    >>> Text("nämnd", "committee").render("sv")
    'nämnd'
    """

    sv: str
    en: str

    # Compared and hashed as attrs would (eq=True), written here: attrs writes the hash of
    # its own name for the class into the source it compiles, a number that differs from
    # one process to the next, so the source could not be kept between runs of the
    # command (ledarskap._code_cache).
    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self.sv == other.sv and self.en == other.en

    def __hash__(self) -> int:
        return hash((Text, self.sv, self.en))

    def render(self, language: Language = "sv") -> str:
        """The text in *language* (``"sv"`` or ``"en"``; anything else is refused)."""
        return self.sv if checked_language(language) == "sv" else self.en

    def format(self, **values: Any) -> Text:
        """Both texts with ``{name}`` fields filled from *values* (``str.format`` rules)."""
        return Text(self.sv.format(**values), self.en.format(**values))

    def __str__(self) -> str:
        return self.sv


class LabelledEnum(enum.Enum):
    """An enum whose members carry a label in Swedish and English.

    A member is written ``NAME = "value", "svensk etikett", "English label"``; its value is
    the first item alone (what files hold), its label :meth:`label`.

    >>> class Colour(LabelledEnum):
    ...     RED = "red", "röd", "red"
    >>> Colour("red").label("sv"), Colour.RED.value
    ('röd', 'red')
    """

    _value_: str
    text: Text

    if TYPE_CHECKING:  # type checkers see the lookup by value, ``Kind("staff")``, and a text value

        @property
        def value(self) -> str:
            """The member's value, as files hold it."""

    else:

        def __new__(cls, value: str, sv: str, en: str) -> Self:
            """A member: its value, then its Swedish and English labels."""
            member = object.__new__(cls)
            member._value_ = value
            member.text = Text(sv, en)
            return member

    def label(self, language: Language = "sv") -> str:
        """The member's name in Swedish (``"sv"``) or English (``"en"``)."""
        return self.text.render(language)

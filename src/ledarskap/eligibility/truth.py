"""Three-valued truth (Kleene logic) and the outcome of an eligibility decision.

A fact may be unknown, and unknown is not "no": ``Truth.UNKNOWN`` combines with the
others as in Kleene's strong logic, so an unknown fact never hides a definite answer.

>>> from ledarskap.eligibility import Truth
>>> Truth.UNKNOWN & Truth.FALSE
<Truth.FALSE: 'false'>
>>> Truth.UNKNOWN | Truth.TRUE
<Truth.TRUE: 'true'>
>>> ~Truth.UNKNOWN
<Truth.UNKNOWN: 'unknown'>

.. versionadded:: 0.2
"""

from __future__ import annotations

import enum

from ledarskap.model import Language
from ledarskap.model.positions import checked_language

__all__ = ["Outcome", "Truth"]


class Truth(enum.Enum):
    """True, false or unknown, combined with ``&``, ``|`` and ``~`` as in Kleene's logic."""

    TRUE = "true"
    FALSE = "false"
    UNKNOWN = "unknown"

    @classmethod
    def of(cls, value: bool | None) -> Truth:
        """``True`` → TRUE, ``False`` → FALSE, ``None`` → UNKNOWN."""
        if value is None:
            return cls.UNKNOWN
        return cls.TRUE if value else cls.FALSE

    def as_bool(self) -> bool | None:
        """The inverse of :meth:`of`: ``True``, ``False`` or ``None`` for unknown."""
        return _AS_BOOL[self]

    def __and__(self, other: Truth) -> Truth:
        if self is Truth.FALSE or other is Truth.FALSE:
            return Truth.FALSE
        if self is Truth.UNKNOWN or other is Truth.UNKNOWN:
            return Truth.UNKNOWN
        return Truth.TRUE

    def __or__(self, other: Truth) -> Truth:
        if self is Truth.TRUE or other is Truth.TRUE:
            return Truth.TRUE
        if self is Truth.UNKNOWN or other is Truth.UNKNOWN:
            return Truth.UNKNOWN
        return Truth.FALSE

    def __invert__(self) -> Truth:
        return _NOT[self]

    def label(self, language: Language = "sv") -> str:
        """``"sant"``/``"true"``, ``"falskt"``/``"false"``, ``"okänt"``/``"unknown"``."""
        return _TRUTH_LABELS[self][0 if checked_language(language) == "sv" else 1]


_AS_BOOL = {Truth.TRUE: True, Truth.FALSE: False, Truth.UNKNOWN: None}
_NOT = {Truth.TRUE: Truth.FALSE, Truth.FALSE: Truth.TRUE, Truth.UNKNOWN: Truth.UNKNOWN}
_TRUTH_LABELS = {
    Truth.TRUE: ("sant", "true"),
    Truth.FALSE: ("falskt", "false"),
    Truth.UNKNOWN: ("okänt", "unknown"),
}


class Outcome(enum.Enum):
    """The outcome of an eligibility decision: the required rules, combined with AND."""

    ELIGIBLE = "eligible"
    """Every required rule in force holds: the applicant is in the target group."""
    NOT_ELIGIBLE = "not-eligible"
    """A required rule fails on known facts (whatever the unknown facts turn out to be)."""
    UNDETERMINED = "undetermined"
    """Missing facts (or no rule in force on the date) leave the answer open."""

    @classmethod
    def of(cls, truth: Truth | bool | None) -> Outcome:
        """The outcome of the required rules' combined truth."""
        if isinstance(truth, Truth):
            truth = truth.as_bool()
        if truth is None:
            return cls.UNDETERMINED
        return cls.ELIGIBLE if truth else cls.NOT_ELIGIBLE

    def label(self, language: Language = "sv") -> str:
        """``"Behörig"``/``"Eligible"`` and so on, capitalised as the head of a decision."""
        return _OUTCOME_LABELS[self][0 if checked_language(language) == "sv" else 1]


_OUTCOME_LABELS = {
    Outcome.ELIGIBLE: ("Behörig", "Eligible"),
    Outcome.NOT_ELIGIBLE: ("Inte behörig", "Not eligible"),
    Outcome.UNDETERMINED: ("Obestämd", "Undetermined"),
}

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

from ledarskap.text import LabelledEnum

__all__ = ["Outcome", "Truth"]


class Truth(LabelledEnum):
    """True, false or unknown, combined with ``&``, ``|`` and ``~`` as in Kleene's logic.

    Labelled in Swedish and English: ``Truth.UNKNOWN.label("sv") == "okänt"``.
    """

    TRUE = "true", "sant", "true"
    FALSE = "false", "falskt", "false"
    UNKNOWN = "unknown", "okänt", "unknown"

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


_AS_BOOL = {Truth.TRUE: True, Truth.FALSE: False, Truth.UNKNOWN: None}
_NOT = {Truth.TRUE: Truth.FALSE, Truth.FALSE: Truth.TRUE, Truth.UNKNOWN: Truth.UNKNOWN}


class Outcome(LabelledEnum):
    """The outcome of an eligibility decision: the required rules, combined with AND.

    Labelled as the head of a decision: ``Outcome.ELIGIBLE.label("sv") == "Behörig"``.
    """

    ELIGIBLE = "eligible", "Behörig", "Eligible"
    """Every required rule in force holds: the applicant is in the target group."""
    NOT_ELIGIBLE = "not-eligible", "Inte behörig", "Not eligible"
    """A required rule fails on known facts (whatever the unknown facts turn out to be)."""
    UNDETERMINED = "undetermined", "Obestämd", "Undetermined"
    """Missing facts (or no rule in force on the date) leave the answer open."""

    @classmethod
    def of(cls, truth: Truth | bool | None) -> Outcome:
        """The outcome of the required rules' combined truth."""
        if isinstance(truth, Truth):
            truth = truth.as_bool()
        if truth is None:
            return cls.UNDETERMINED
        return cls.ELIGIBLE if truth else cls.NOT_ELIGIBLE

"""How binding a rule is: what a rule set's entries say and decision data writes back."""

from __future__ import annotations

from ledarskap.text import LabelledEnum

__all__ = ["RuleLevel"]


class RuleLevel(LabelledEnum):
    """How binding a rule is."""

    REQUIRED = "required", "krav", "required"
    """Part of the decision: failing it makes the applicant not eligible."""
    ADVISORY = "advisory", "råd", "advisory"
    """A recommendation: failing it is a warning on the decision, never a rejection."""

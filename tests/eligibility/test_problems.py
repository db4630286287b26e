"""Deprecated: ``RuleProblem`` is :class:`ledarskap.errors.Problem`, with a warning."""

from __future__ import annotations

import pytest

import ledarskap.eligibility
import ledarskap.eligibility.problems
from ledarskap.errors import Problem


@pytest.mark.parametrize("module", [ledarskap.eligibility, ledarskap.eligibility.problems])
def test_rule_problem_is_problem_with_a_warning(module: object) -> None:
    """Both places it was imported from give the one problem type, and say so."""
    with pytest.warns(
        DeprecationWarning,
        match=r"^ledarskap\.eligibility\.RuleProblem is deprecated .*use ledarskap\.errors\.Problem instead",
    ):
        assert module.RuleProblem is Problem  # type: ignore[attr-defined]
    with pytest.raises(AttributeError, match="has no attribute 'Nothing'"):
        module.Nothing  # type: ignore[attr-defined]  # noqa: B018

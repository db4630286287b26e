"""Deprecated: a rule set's problems are :class:`ledarskap.errors.Problem`, as every other.

.. deprecated:: 0.3
   ``RuleProblem`` is :class:`~ledarskap.errors.Problem`; removed in 0.4.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ledarskap._deprecation import deprecated_names
from ledarskap.errors import Problem

__all__ = ["RuleProblem"]  # given by __getattr__, with a warning

if TYPE_CHECKING:  # type checkers see the deprecated name, and no other
    RuleProblem = Problem
else:
    __getattr__ = deprecated_names(
        __name__,
        {"RuleProblem": ("ledarskap.errors.Problem", Problem)},
        warned_as="ledarskap.eligibility",  # as it always warned
    )

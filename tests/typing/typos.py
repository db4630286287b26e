"""Misspelt names of the public API: each is an error to type checkers, as it is when it runs.

Each line that must be an error says which with its ``type: ignore[code]``: mypy
(``warn_unused_ignores``, part of ``--strict``) reports an ignore that has nothing to
ignore, so ``make test``'s mypy fails if a typo here stops being an error.
``tests/test_typing.py`` also checks a copy without the ignores, line by line. Nothing
here runs: it is read, not called.
"""

from __future__ import annotations

import ledarskap
import ledarskap.eligibility.problems
import ledarskap.io.spreadsheets


def typos() -> list[object]:
    """Names that are not there, and a name used as what it is not."""
    return [
        ledarskap.Cohrot,  # type: ignore[attr-defined]
        ledarskap.munipicality("Linköping"),  # type: ignore[attr-defined]
        ledarskap.tabels,  # type: ignore[attr-defined]
        ledarskap.io.read_shet,  # type: ignore[attr-defined]
        ledarskap.io.spreadsheets.read_shet,  # type: ignore[attr-defined]
        ledarskap.eligibility.PredicateRegistri,  # type: ignore[attr-defined]
        ledarskap.eligibility.problems.RuleProblm,  # type: ignore[attr-defined]
        ledarskap.tables.program_table,  # type: ignore[attr-defined]
        ledarskap.mentoring.propse,  # type: ignore[attr-defined]
        ledarskap.municipality(580),  # type: ignore[arg-type]
    ]


def wrong_types() -> int:
    """A value of the API used as another type."""
    return ledarskap.example_program()  # type: ignore[return-value]

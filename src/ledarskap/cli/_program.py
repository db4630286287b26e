"""What several commands share: the cohorts a ``--cohort`` option picks out of a program."""

from __future__ import annotations

from ledarskap._found import did_you_mean
from ledarskap.errors import UnknownReferenceError
from ledarskap.model import Cohort, ProgramData

__all__ = ["cohorts"]


def cohorts(data: ProgramData, cohort_id: str | None) -> tuple[Cohort, ...]:
    """Every cohort of *data*, or only the one with *cohort_id*; an unknown id is an error."""
    if cohort_id is None:
        return data.cohorts
    found = tuple(c for c in data.cohorts if c.id == cohort_id)
    if not found:
        ids = [c.id for c in data.cohorts]
        raise UnknownReferenceError(
            location="--cohort",
            expected=f"the id of a cohort of the program ({', '.join(ids) or 'it has none'})",
            found=cohort_id,
            hint=did_you_mean(cohort_id, ids),
        )
    return found

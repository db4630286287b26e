"""Which cohort a figure is of: the one named, or the program's only one."""

from __future__ import annotations

from ledarskap.errors import UsageError
from ledarskap.model import Cohort, ProgramData
from ledarskap.text import Text

__all__ = ["chosen_cohort"]


def chosen_cohort(data: ProgramData, cohort: str | Cohort | None, *, function: str) -> Cohort:
    """The cohort *cohort* names (an id or the cohort itself), or the only one of *data*.

    Without a cohort, data of several cohorts (or none) raise
    :class:`~ledarskap.errors.UsageError` naming the ids to choose from; an unknown id
    raises :class:`~ledarskap.errors.UnknownReferenceError`; *data* of another kind (the
    tables, say, which hold no sessions) raises :class:`~ledarskap.errors.UsageError`.
    """
    if not isinstance(data, ProgramData):
        raise UsageError(
            Text(
                f"{function}(data): förväntade programmets data (ProgramData), fick "
                f"{type(data).__name__}: figuren behöver omgångens datum och sammankomster",
                f"{function}(data): expected the program's data (ProgramData), found "
                f"{type(data).__name__}: the figure needs the cohort's dates and sessions",
            )
        )
    if isinstance(cohort, Cohort):
        return data.cohort(cohort.id)
    if cohort is not None:
        return data.cohort(cohort)
    if len(data.cohorts) == 1:
        return data.cohorts[0]
    ids = ", ".join(repr(c.id) for c in data.cohorts)
    raise UsageError(
        Text(
            f"cohort: ange omgången att rita, en av programmets omgångar ({ids or 'inga'})",
            f"cohort: name the cohort to draw, one of the program's cohorts ({ids or 'none'})",
        )
    )

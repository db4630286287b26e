"""What several commands share: the cohorts a ``--cohort`` option picks out of a program."""

from __future__ import annotations

from ledarskap._found import did_you_mean
from ledarskap.errors import UsageError, safe_repr
from ledarskap.model import Cohort, ProgramData
from ledarskap.text import Text

__all__ = ["cohorts"]

_UNKNOWN = Text(
    "--cohort: förväntade id:t för en av programmets omgångar ({ids}), fick {found}",
    "--cohort: expected the id of a cohort of the program ({ids}), found {found}",
)
_NONE = Text("det har ingen", "it has none")


def cohorts(data: ProgramData, cohort_id: str | None) -> tuple[Cohort, ...]:
    """Every cohort of *data*, or only the one with *cohort_id*.

    An unknown id is a :class:`~ledarskap.errors.UsageError`, worded in both languages.
    """
    if cohort_id is None:
        return data.cohorts
    found = tuple(c for c in data.cohorts if c.id == cohort_id)
    if not found:
        ids = ", ".join(c.id for c in data.cohorts)
        hint = did_you_mean(cohort_id, [c.id for c in data.cohorts])
        message = Text(
            _UNKNOWN.sv.format(ids=ids or _NONE.sv, found=safe_repr(cohort_id)),
            _UNKNOWN.en.format(ids=ids or _NONE.en, found=safe_repr(cohort_id)),
        )
        if hint is not None:
            message = Text(f"{message.sv} ({hint.sv})", f"{message.en} ({hint.en})")
        raise UsageError(message)
    return found

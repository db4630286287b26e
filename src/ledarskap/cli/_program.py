"""What several commands share: the cohorts a ``--cohort`` option picks out of a program."""

from __future__ import annotations

from ledarskap._found import closest
from ledarskap.errors import UsageError, safe_repr
from ledarskap.model import Cohort, ProgramData
from ledarskap.text import Language, Text

__all__ = ["cohorts"]

_UNKNOWN = Text(
    "--cohort: förväntade id:t för en av programmets omgångar ({ids}), fick {found}{hint}",
    "--cohort: expected the id of a cohort of the program ({ids}), found {found}{hint}",
)
_NONE = Text("det har ingen", "it has none")
_DID_YOU_MEAN = Text(" (menade du {near}?)", " (did you mean {near}?)")


def cohorts(
    data: ProgramData, cohort_id: str | None, language: Language = "en"
) -> tuple[Cohort, ...]:
    """Every cohort of *data*, or only the one with *cohort_id*.

    An unknown id is a :class:`~ledarskap.errors.UsageError`, worded in *language*.
    """
    if cohort_id is None:
        return data.cohorts
    found = tuple(c for c in data.cohorts if c.id == cohort_id)
    if not found:
        ids = [c.id for c in data.cohorts]
        near = closest(cohort_id, ids)
        hint = "" if near is None else _DID_YOU_MEAN.format(near=repr(near)).render(language)
        raise UsageError(
            _UNKNOWN.format(
                ids=", ".join(ids) or _NONE.render(language),
                found=safe_repr(cohort_id),
                hint=hint,
            ).render(language)
        )
    return found

"""The counts a figure draws: a cohort's summary from the tables, and the cohort's name.

Figures of composition and eligibility never count for themselves: they draw
:class:`ledarskap.tables.CohortSummary`, made here from whatever the caller has, the
program's data, its tables (a safe export too) or the summary itself.
"""

from __future__ import annotations

import datetime as dt

import attrs

from ledarskap.eligibility import RuleSet
from ledarskap.errors import UsageError
from ledarskap.model import Cohort, ProgramData
from ledarskap.tables import CohortSummary, Count, Tables, cohort_summaries, cohort_summary
from ledarskap.text import Language, Text

from ._cohorts import chosen_cohort
from ._style import swedish_order

__all__ = ["Counted", "counted"]


@attrs.frozen
class Counted:
    """A cohort's summary, the name its figures give the cohort, and what is being drawn."""

    summary: CohortSummary
    name: str
    feature: Text

    def counts(
        self, groups: tuple[Count, ...], language: Language, *, by_count: bool = True
    ) -> list[tuple[str, int]]:
        """Each group's label in *language* and count; the largest first if *by_count*.

        Groups of equal count (the empty ones among them) follow in Swedish alphabetical
        order; without *by_count*, the groups keep the summary's order (the position
        kinds', from the top of a municipality down).
        """
        labelled = [(group.label.render(language), group.count) for group in groups]
        if by_count:
            labelled.sort(key=lambda item: (-item[1], swedish_order(item[0])))
        return labelled


def counted(
    source: ProgramData | Tables | CohortSummary,
    cohort: str | Cohort | None,
    feature: Text,
    *,
    function: str,
    ruleset: RuleSet | None = None,
    as_of: dt.date | None = None,
) -> Counted:
    """The summary of *cohort* in *source*, for drawing *feature*.

    From a program's data the cohort is named by its name; from tables or a summary (which
    carry no cohort names) by its id. *function* (the figure's) names what was given, when
    it is none of them.
    """
    if isinstance(source, CohortSummary):
        wanted = cohort.id if isinstance(cohort, Cohort) else cohort
        if wanted is not None and wanted != source.cohort_id:
            raise UsageError(
                Text(
                    f"cohort: sammanställningen gäller omgången {source.cohort_id!r}, "
                    f"inte {wanted!r}",
                    f"cohort: the summary is of cohort {source.cohort_id!r}, not {wanted!r}",
                )
            )
        return Counted(source, source.cohort_id, feature)
    if isinstance(source, ProgramData):
        chosen = chosen_cohort(source, cohort, function=function)
        summary = cohort_summary(source, chosen.id, ruleset=ruleset, as_of=as_of)
        return Counted(summary, chosen.name, feature)
    if isinstance(source, Tables):
        summaries = cohort_summaries(source)
        wanted = cohort.id if isinstance(cohort, Cohort) else cohort
        if wanted is None and len(summaries) == 1:
            return Counted(summaries[0], summaries[0].cohort_id, feature)
        for summary in summaries:
            if summary.cohort_id == wanted:
                return Counted(summary, summary.cohort_id, feature)
        ids = ", ".join(repr(s.cohort_id) for s in summaries)
        shown = (
            Text("ange omgången", "name the cohort")
            if wanted is None
            else Text(f"ingen omgång {wanted!r}", f"no cohort {wanted!r}")
        )
        raise UsageError(
            Text(
                f"cohort: {shown.sv}, en av tabellernas omgångar ({ids or 'inga'})",
                f"cohort: {shown.en}, one of the tables' cohorts ({ids or 'none'})",
            )
        )
    raise UsageError(
        Text(
            f"{function}(source): förväntade programmets data (ProgramData), dess tabeller "
            "(Tables) eller en sammanställning av en omgång (CohortSummary), fick "
            f"{type(source).__name__}",
            f"{function}(source): expected the program's data (ProgramData), its tables "
            f"(Tables) or a cohort summary (CohortSummary), found {type(source).__name__}",
        )
    )

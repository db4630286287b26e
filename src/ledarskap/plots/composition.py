"""Who takes part in a cohort: participants by position kind, by municipality, by county.

Each figure is a bar chart of one of the cohort's counts from
:func:`ledarskap.tables.cohort_summary`, with every group listed, the empty ones at 0: all
position kinds, the collaborating municipalities, the counties of the program's region
(and any other municipality or county a participant comes from). People are counted,
never named. The source is the program's data, its tables (a safe export too: a figure of
a k-anonymous export shows only what the export holds) or a cohort summary already made.

>>> from ledarskap import example_program
>>> from ledarskap.plots import participants_by_county
>>> figure = participants_by_county(example_program(), language="en")
>>> [label.get_text() for label in figure.axes[0].get_yticklabels()][:2]
['Östergötlands län', 'Kalmar län']

.. versionadded:: 0.3
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ledarskap.model import Cohort, ProgramData
from ledarskap.tables import CohortSummary, Tables
from ledarskap.text import Language, Text, checked_language

from . import _style
from ._counts import Counted, counted
from ._matplotlib import new_figure

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "composition_by_position_kind",
    "participants_by_county",
    "participants_by_municipality",
]

_PARTICIPANTS = Text("Antal deltagare", "Number of participants")
_NOTHING = Text("Uppgift om {what_sv} saknas i dessa data", "These data hold no {what_en}")
_UNKNOWN = Text(
    "Uppgift saknas för {missing} av {total} deltagare",
    "Not known for {missing} of {total} participants",
)


def composition_by_position_kind(
    source: ProgramData | Tables | CohortSummary,
    cohort: str | Cohort | None = None,
    *,
    language: Language = "sv",
) -> Figure:
    """The participants of *cohort* by position kind (befattningstyp), every kind listed.

    *cohort* is a cohort's id (or the cohort); without it, the program's only cohort. A
    :class:`~ledarskap.tables.CohortSummary` is drawn as it is.
    """
    language = checked_language(language)
    chosen = counted(
        source,
        cohort,
        Text(
            "Att rita sammansättningen per befattningstyp",
            "Drawing the composition by position kind",
        ),
        function="composition_by_position_kind",
    )
    title = Text("Deltagare per befattningstyp", "Participants by position kind")
    groups = chosen.counts(chosen.summary.by_position_kind, language, by_count=False)
    return _bars(chosen, groups, title, ("befattningstyp", "position kind"), language, wrap=True)


def participants_by_municipality(
    source: ProgramData | Tables | CohortSummary,
    cohort: str | Cohort | None = None,
    *,
    language: Language = "sv",
) -> Figure:
    """The participants of *cohort* by municipality, every collaborating one listed."""
    language = checked_language(language)
    chosen = counted(
        source,
        cohort,
        Text("Att rita deltagarna per kommun", "Drawing the participants by municipality"),
        function="participants_by_municipality",
    )
    title = Text("Deltagare per kommun", "Participants by municipality")
    groups = chosen.counts(chosen.summary.by_municipality, language)
    return _bars(chosen, groups, title, ("kommun", "municipality"), language)


def participants_by_county(
    source: ProgramData | Tables | CohortSummary,
    cohort: str | Cohort | None = None,
    *,
    language: Language = "sv",
) -> Figure:
    """The participants of *cohort* by county (län), every county of the program's region listed."""
    language = checked_language(language)
    chosen = counted(
        source,
        cohort,
        Text("Att rita deltagarna per län", "Drawing the participants by county"),
        function="participants_by_county",
    )
    title = Text("Deltagare per län", "Participants by county")
    groups = chosen.counts(chosen.summary.by_county, language)
    return _bars(chosen, groups, title, ("län", "county"), language)


def _bars(
    chosen: Counted,
    groups: list[tuple[str, int]],
    title: Text,
    what: tuple[str, str],
    language: Language,
    *,
    wrap: bool = False,
) -> Figure:
    """One horizontal bar per group, top to bottom in the order given, with its count.

    *what* names the grouping (in Swedish and English) for a figure without groups, or
    whose groups count none of the cohort's participants (a column a safe export coarsened
    away: the summary then lists no group, only how many are not known).
    When the groups count fewer people than the cohort has (a position not in the
    catalogue, a column coarsened away), a note under the bars says how many.
    """
    if chosen.summary.participants and not any(count for _, count in groups):
        groups = []  # nothing of the grouping is known: no bars of zeros
    labels = [_style.wrapped(label, 30) if wrap else label for label, _ in groups]
    counts = [count for _, count in groups]
    figure = new_figure(chosen.feature, 7, _style.bar_height(len(groups)))
    axes = figure.add_subplot()
    _style.title(axes, title.render(language), chosen.name)
    _style.horizontal_bars(axes, labels, counts, axis_label=_PARTICIPANTS.render(language))
    if not groups:
        nothing = _NOTHING.format(what_sv=what[0], what_en=what[1]).render(language)
        axes.text(0.5, 0.5, nothing, transform=axes.transAxes, ha="center")
    total = chosen.summary.participants
    if sum(counts) < total:
        note = _UNKNOWN.format(missing=total - sum(counts), total=total).render(language)
        figure.supxlabel(note, x=0.99, ha="right", fontsize=_style.TICK_SIZE, color=_style.TEXT)
    return figure

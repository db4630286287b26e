"""How a cohort's applications were decided: the outcomes, and the most frequent reasons.

One figure of two panels, drawn from :func:`ledarskap.tables.cohort_summary`: above, the
applications (ansökningar) by outcome, every outcome listed (eligible, not eligible,
undetermined; a 0 shows); below, the reasons that decided most of them, worded as the
decisions word them, without any applicant's facts ("the municipality does not
collaborate in the cohort", not who applied).

>>> from ledarskap import example_program
>>> from ledarskap.plots import eligibility_outcomes
>>> figure = eligibility_outcomes(example_program(), language="en")
>>> [label.get_text() for label in figure.axes[0].get_yticklabels()]
['Eligible', 'Not eligible', 'Undetermined']

.. versionadded:: 0.3
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ledarskap.eligibility import Outcome, RuleSet
from ledarskap.errors import InvalidValueError
from ledarskap.model import Cohort, ProgramData
from ledarskap.tables import CohortSummary, Tables
from ledarskap.text import Language, Text, checked_language

from . import _style
from ._counts import counted
from ._matplotlib import new_figure

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["eligibility_outcomes"]

_TITLE = Text("Behörighet", "Eligibility")
_APPLICATIONS = Text("Antal ansökningar", "Number of applications")
_REASONS = Text("Vanligaste skälen", "Most frequent reasons")
_NO_REASONS = Text(
    "Inga skäl: ingen ansökan avslogs eller lämnades obestämd",
    "No reasons: no application was refused or left undetermined",
)
_COLOURS = {
    Outcome.ELIGIBLE.value: _style.GREEN,
    Outcome.NOT_ELIGIBLE.value: _style.VERMILION,
    Outcome.UNDETERMINED.value: _style.GREY,
}


def eligibility_outcomes(
    source: ProgramData | Tables | CohortSummary,
    cohort: str | Cohort | None = None,
    *,
    language: Language = "sv",
    top: int = 5,
    ruleset: RuleSet | None = None,
    as_of: dt.date | None = None,
) -> Figure:
    """The applications to *cohort* by eligibility outcome, and the *top* most frequent reasons.

    *cohort* is a cohort's id (or the cohort); without it, the program's only cohort. From
    the program's data the applications are decided by *ruleset* (the default target-group
    rules) on *as_of* (by default, the cohort's start), as
    :func:`ledarskap.tables.cohort_summary` decides them; tables and a summary carry their
    decisions already. A reason counts the applications it decided.
    """
    language = checked_language(language)
    top = _checked_top(top)
    chosen = counted(
        source,
        cohort,
        Text("Att rita behörighetsutfallen", "Drawing the eligibility outcomes"),
        function="eligibility_outcomes",
        ruleset=ruleset,
        as_of=as_of,
    )
    outcomes = chosen.summary.outcomes
    # The summary's order (by count, then key): the same reasons in either language.
    reasons = chosen.counts(chosen.summary.reasons[:top], language, by_count=False)

    rows = len(outcomes) + max(len(reasons), 1)
    figure = new_figure(chosen.feature, 8, _style.bar_height(rows) + 0.9)
    above, below = figure.subplots(2, 1, height_ratios=[len(outcomes), max(len(reasons), 1)])
    _style.title(above, _TITLE.render(language), chosen.name)
    _style.horizontal_bars(
        above,
        [outcome.label.render(language) for outcome in outcomes],
        [outcome.count for outcome in outcomes],
        colours=[_COLOURS.get(outcome.key, _style.BLUE) for outcome in outcomes],
        axis_label=_APPLICATIONS.render(language),
    )
    _style.title(below, _REASONS.render(language))
    if reasons:
        _style.horizontal_bars(
            below,
            [_style.wrapped(label, 48) for label, _ in reasons],
            [count for _, count in reasons],
            colours=_style.BLUE,
            axis_label=_APPLICATIONS.render(language),
        )
    else:
        below.axis("off")
        below.text(0.0, 0.5, _NO_REASONS.render(language), fontsize=_style.LABEL_SIZE)
    return figure


def _checked_top(top: object) -> int:
    if isinstance(top, int) and not isinstance(top, bool) and top >= 1:
        return top
    raise InvalidValueError(
        location="top",
        expected=Text("ett heltal, 1 eller större", "a whole number of 1 or more"),
        found=top,
    )

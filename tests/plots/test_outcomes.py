from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from matplotlib.colors import to_hex

from ledarskap import Outcome, example_program
from ledarskap.eligibility import default_ruleset
from ledarskap.errors import InvalidValueError
from ledarskap.model import ProgramData
from ledarskap.plots import eligibility_outcomes
from ledarskap.plots._style import GREEN, GREY, VERMILION
from ledarskap.tables import cohort_summary, program_tables
from ledarskap.testing import program_data

from ._checks import FIGURE_LAWS, assert_no_personal_data, bars, shown_text

DATA = example_program()
COHORT = DATA.cohorts[0]


def test_every_outcome_is_counted_in_its_colour() -> None:
    figure = eligibility_outcomes(DATA, language="en")
    drawn = bars(figure, 0)
    result = default_ruleset().evaluate_many(
        DATA.applications_to(COHORT.id), cohort=COHORT, program=DATA
    )
    assert drawn == {o.label("en"): result.summary.counts.get(o, 0) for o in Outcome}
    colours = [to_hex(p.get_facecolor()).upper() for p in figure.axes[0].patches]
    assert colours == [GREEN, VERMILION, GREY]


def test_the_most_frequent_reasons_are_worded_and_counted_as_the_summary_has_them() -> None:
    summary = cohort_summary(DATA, COHORT.id)
    drawn = bars(eligibility_outcomes(DATA, language="en", top=3), 1)
    assert len(drawn) == 3
    worded = {c.label.render("en"): c.count for c in summary.reasons}
    assert all(worded[label] == count for label, count in drawn.items())
    assert list(drawn.values()) == sorted(worded.values(), reverse=True)[:3]
    everything = bars(eligibility_outcomes(DATA, language="en", top=100), 1)
    assert len(everything) == len(summary.reasons)
    # Every reason given is kept, the most frequent first, equal counts by key
    given = {r["key"] for r in program_tables(DATA)["reasons"]}  # the one cohort's
    assert len(summary.reasons) == len(given) > 10
    keys = [(-c.count, c.key) for c in summary.reasons]
    assert keys == sorted(keys)


def test_the_same_reasons_are_drawn_in_either_language() -> None:
    """Equal counts are ordered by key, not by label: the two figures show the same reasons."""
    summary = cohort_summary(DATA, COHORT.id)
    for language in ("sv", "en"):
        drawn = list(bars(eligibility_outcomes(DATA, language=language, top=5), 1))
        assert drawn == [c.label.render(language) for c in summary.reasons[:5]]


def test_labels_are_in_the_language_asked_for() -> None:
    sv = shown_text(eligibility_outcomes(DATA, top=10))
    assert "Behörighet – Omgång 2025/26" in sv
    assert "Vanligaste skälen" in sv
    assert "Inte behörig" in sv
    assert "rapporterar inte till någon nämnd eller styrelse" in " ".join(sv)  # lines wrapped
    en = shown_text(eligibility_outcomes(DATA, language="en", top=10))
    assert "Most frequent reasons" in en
    assert "does not report to any committee or board" in " ".join(en)


def test_without_refusals_the_reasons_panel_says_so() -> None:
    eligible = attrs.evolve(DATA, applications=DATA.applications[:5])
    figure = eligibility_outcomes(eligible, language="en")
    assert bars(figure, 0) == {"Eligible": 5, "Not eligible": 0, "Undetermined": 0}
    assert "No reasons: no application was refused or left undetermined" in shown_text(figure)


def test_the_rules_and_the_date_are_the_caller_s() -> None:
    later = eligibility_outcomes(DATA, language="en", as_of=dt.date(2040, 1, 1))
    assert sum(bars(later, 0).values()) == len(DATA.applications_to(COHORT.id))
    ruled = eligibility_outcomes(DATA, language="en", ruleset=default_ruleset())
    assert bars(ruled, 0) == bars(eligibility_outcomes(DATA, language="en"), 0)


@pytest.mark.parametrize("top", [0, -1, True, 2.5, "5"])
def test_top_is_a_whole_number_of_one_or_more(top: object) -> None:
    with pytest.raises(InvalidValueError, match="top: expected a whole number of 1 or more"):
        eligibility_outcomes(DATA, top=top)  # type: ignore[arg-type]


@FIGURE_LAWS
@given(program_data(max_cohorts=1, max_participants=4))
def test_no_personal_data_in_any_eligibility_figure(data: ProgramData) -> None:
    """Law: the eligibility figure shows no name, e-mail or personnummer of any applicant."""
    assert_no_personal_data(eligibility_outcomes(data), data)

from __future__ import annotations

import attrs
import pytest
from hypothesis import given

from ledarskap import example_program
from ledarskap.errors import InvalidValueError, UsageError
from ledarskap.model import PositionKind, ProgramData
from ledarskap.plots import (
    composition_by_position_kind,
    participants_by_county,
    participants_by_municipality,
)
from ledarskap.tables import PseudonymKey, cohort_summary, program_tables, safe_tables
from ledarskap.testing import program_data

from ._checks import FIGURE_LAWS, assert_no_personal_data, bars, shown_text

DATA = example_program()
COHORT = DATA.cohorts[0]
KEY = PseudonymKey(bytes(range(7, 39)))  # 32 different bytes: not refused as a weak key


def test_every_position_kind_is_listed_in_the_catalogue_s_order_zero_included() -> None:
    figure = composition_by_position_kind(DATA, language="en")
    drawn = bars(figure)
    assert list(drawn) == [kind.label("en") for kind in PositionKind]
    summary = cohort_summary(DATA, COHORT.id)
    assert list(drawn.values()) == [c.count for c in summary.by_position_kind]
    assert drawn["chief executive"] == drawn["first-line manager"] == 0
    assert sum(drawn.values()) == summary.participants


def test_every_collaborating_municipality_is_listed_largest_first_empty_ones_last() -> None:
    drawn = bars(participants_by_municipality(DATA))
    assert set(drawn) >= {m.display_name for m in COHORT.municipalities}
    counts = list(drawn.values())
    assert counts == sorted(counts, reverse=True)
    assert drawn["Askersund"] == drawn["Ydre"] == 0
    ones = [name for name, count in drawn.items() if count == 1]
    assert ones[-2:] == ["Åtvidaberg", "Ödeshög"]  # ties in Swedish alphabetical order
    assert sum(counts) == cohort_summary(DATA, COHORT.id).participants


def test_every_county_of_the_region_is_listed() -> None:
    drawn = bars(participants_by_county(DATA, language="en"))
    assert drawn["Östergötlands län"] == max(drawn.values())
    assert drawn["Örebro län"] == 0
    assert list(drawn)[:3] == ["Östergötlands län", "Kalmar län", "Södermanlands län"]


def test_titles_and_axis_labels_are_in_the_language_asked_for() -> None:
    sv = shown_text(participants_by_county(DATA))
    en = shown_text(participants_by_county(DATA, language="en"))
    assert "Deltagare per län – Omgång 2025/26" in sv
    assert "Antal deltagare" in sv
    assert "Participants by county – Omgång 2025/26" in en
    assert "Number of participants" in en
    with pytest.raises(InvalidValueError, match="language"):
        participants_by_county(DATA, language="fi")  # type: ignore[arg-type]


def test_people_the_groups_do_not_count_are_noted_under_the_bars() -> None:
    adept = DATA.participants_of(COHORT.id)[0]
    job = DATA.appointment(adept.appointment_id)
    odd = attrs.evolve(job, title="Samordnare för särskilda uppdrag", position=None)
    data = attrs.evolve(
        DATA, appointments=tuple(odd if a.id == job.id else a for a in DATA.appointments)
    )
    figure = composition_by_position_kind(data, language="en")
    total = cohort_summary(data, COHORT.id).participants
    assert sum(bars(figure).values()) == total - 1
    assert f"Not known for 1 of {total} participants" in shown_text(figure)
    assert not any(t.startswith("Not known") for t in shown_text(participants_by_county(data)))


def test_a_safe_export_is_drawn_as_it_is_with_what_it_coarsened_noted() -> None:
    export = safe_tables(DATA, KEY, k=5)
    summary = cohort_summary(export.tables, COHORT.id)
    by_county = bars(participants_by_county(export.tables, language="en"))
    assert list(by_county.values()) == sorted((c.count for c in summary.by_county), reverse=True)
    title = participants_by_county(export.tables).axes[0].get_title(loc="left")
    assert title.endswith(COHORT.id)  # tables hold no cohort names: the id
    municipality_column_kept = sum(c.count for c in summary.by_municipality) == summary.participants
    texts = shown_text(participants_by_municipality(export.tables, language="en"))
    assert any(t.startswith("Not known") for t in texts) != municipality_column_kept
    assert ("These data hold no municipality" in texts) != municipality_column_kept


def test_the_same_figure_from_the_data_its_tables_or_its_summary() -> None:
    summary = cohort_summary(DATA, COHORT.id)
    from_data = bars(participants_by_county(DATA))
    assert bars(participants_by_county(program_tables(DATA))) == from_data
    assert bars(participants_by_county(summary)) == from_data
    assert bars(participants_by_county(summary, COHORT.id)) == from_data
    assert bars(participants_by_county(program_tables(DATA), COHORT)) == from_data


def test_a_cohort_that_is_not_there_or_not_named_is_refused() -> None:
    summary = cohort_summary(DATA, COHORT.id)
    with pytest.raises(UsageError, match="the summary is of cohort 'liko-2025', not 'liko-2027'"):
        participants_by_county(summary, "liko-2027")
    with pytest.raises(
        UsageError, match=r"no cohort 'liko-2027', one of the tables' cohorts \('liko-2025'\)"
    ):
        participants_by_county(program_tables(DATA), "liko-2027")
    other = attrs.evolve(COHORT, id="liko-2027", name="Omgång 2027/28")
    several = program_tables(attrs.evolve(DATA, cohorts=(COHORT, other)))
    with pytest.raises(UsageError, match="name the cohort, one of the tables' cohorts"):
        participants_by_county(several)
    assert bars(participants_by_county(several, "liko-2027"))["Östergötlands län"] == 0
    with pytest.raises(
        UsageError, match=r"^participants_by_county\(source\): expected .*found list"
    ):
        participants_by_county([])  # type: ignore[arg-type]


@FIGURE_LAWS
@given(program_data(max_cohorts=1, max_participants=4))
def test_no_personal_data_in_any_composition_figure(data: ProgramData) -> None:
    """Law: no figure of a cohort's composition shows a name, e-mail or personnummer."""
    for draw in (
        composition_by_position_kind,
        participants_by_municipality,
        participants_by_county,
    ):
        assert_no_personal_data(draw(data), data)

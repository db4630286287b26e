from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings

import ledarskap
from ledarskap import MentorshipStatus, PositionKind, ProgramData
from ledarskap.errors import InvalidValueError
from ledarskap.tables import (
    PseudonymKey,
    cohort_summaries,
    cohort_summary,
    program_tables,
    safe_tables,
)
from ledarskap.testing import program_data

from ._programs import KEY, planted


@settings(max_examples=10)
@given(program_data(max_cohorts=2, max_participants=6))
def test_the_counts_add_up_to_the_records(data: ProgramData) -> None:
    """Law: a cohort's composition counts each participant once in every breakdown; its
    meetings and outcomes count each meeting and application of the cohort once."""
    tables = program_tables(data)
    for summary in cohort_summaries(data):
        people = data.participants_of(summary.cohort_id)
        assert summary.participants == len(people)
        for breakdown in (summary.by_position_kind, summary.by_municipality, summary.by_county):
            assert sum(c.count for c in breakdown) == len(people)
        assert [c.key for c in summary.by_position_kind] == [k.value for k in PositionKind]
        meetings = [r for r in tables["meetings"] if r["cohort_id"] == summary.cohort_id]
        assert summary.meetings.total == len(meetings)
        assert sum(m.tally.total for m in summary.meetings_by_month) == len(meetings)
        assert sum(c.count for c in summary.outcomes) == len(
            data.applications_to(summary.cohort_id)
        )
        pairs = [
            m
            for m in data.mentorships
            if data.participant(m.participant_id).cohort_id == summary.cohort_id
        ]
        loads = summary.mentor_loads
        assert sum(m.adepts + m.ended_early for m in loads) == len(pairs)
        early = [m for m in pairs if m.status is MentorshipStatus.ENDED_EARLY]
        assert sum(m.ended_early for m in loads) == len(early)


def test_empty_groups_are_listed_with_zero() -> None:
    data = ledarskap.example_program()
    summary = cohort_summaries(data)[0]
    kinds = {c.key: c.count for c in summary.by_position_kind}
    assert kinds["chief-executive"] == 0
    collaborating = {m.name for m in data.cohorts[0].municipalities}
    assert collaborating <= {c.key for c in summary.by_municipality}
    counties = {c.key for c in summary.by_county}
    assert {c.name for c in ledarskap.program_region_counties()} <= counties
    # The tables name the collaborating municipalities by the cohort's mentors: the same
    assert cohort_summaries(program_tables(data))[0].by_municipality == summary.by_municipality


def test_mentor_loads_and_meetings_follow_the_data() -> None:
    data = ledarskap.example_program()
    summary = cohort_summary(data, data.cohorts[0].id)
    statuses = Counter(m.status.value for m in data.meetings)
    assert (summary.meetings.held, summary.meetings.planned, summary.meetings.cancelled) == (
        statuses["held"],
        statuses["planned"],
        statuses["cancelled"],
    )
    for load in summary.mentor_loads:
        pairs = [m for m in data.mentorships if m.mentor_id == load.mentor_id]
        assert load.adepts + load.ended_early == len(pairs)
        assert load.over_capacity == (load.adepts > (load.capacity or 0))
    months = [m.month for m in summary.meetings_by_month]
    assert months == sorted(months)


def test_reasons_are_the_most_frequent_worded_in_both_languages() -> None:
    data = ledarskap.example_program()
    summary = cohort_summaries(data)[0]
    bulk = ledarskap.default_ruleset().evaluate_many(data.applications, program=data).summary
    assert {(c.key, c.count) for c in summary.reasons} <= set(bulk.reasons)
    counts = [c.count for c in summary.reasons]
    assert counts == sorted(counts, reverse=True)
    first = summary.reasons[0]
    assert first.label.sv != first.label.en
    assert {c.key: c.count for c in summary.outcomes} == {
        o.value: n for o, n in bulk.counts.items()
    }


def test_a_summary_of_a_safe_export_counts_what_it_holds() -> None:
    export = safe_tables(planted(), PseudonymKey(KEY), k=3)
    summary = cohort_summaries(export.tables)[0]
    assert summary.participants == export.tables.size("participants")
    assert all(c.count == 0 for c in summary.by_municipality)  # coarsened away
    assert sum(c.count for c in summary.by_county) == summary.participants
    assert all(c.label.sv == c.label.en == c.key for c in summary.reasons)


def test_data_and_text_in_both_languages() -> None:
    summary = cohort_summaries(ledarskap.example_program())[0]
    data = summary.to_data()
    assert data["cohort_id"] == summary.cohort_id
    assert data["by_position_kind"][1] == {
        "key": "political-line",
        "sv": "chef direkt mot politisk ledning",
        "en": "manager reporting to the political leadership",
        "count": summary.by_position_kind[1].count,
    }
    assert set(data["meetings"]) == {"held", "planned", "cancelled"}
    assert summary.render("sv").startswith(f"Omgång {summary.cohort_id}: ")
    assert "Mentor meetings:" in summary.render("en")


def test_unknown_cohorts_and_sources_are_refused() -> None:
    with pytest.raises(InvalidValueError, match="c-none"):
        cohort_summary(ledarskap.example_program(), "c-none")
    with pytest.raises(InvalidValueError, match="ProgramData or Tables"):
        cohort_summaries("file.json")  # type: ignore[arg-type]

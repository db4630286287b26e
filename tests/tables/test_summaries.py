from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ledarskap
from ledarskap import MentorshipStatus, PositionKind, ProgramData
from ledarskap.errors import InvalidValueError, UsageError
from ledarskap.tables import (
    MeetingTally,
    PseudonymKey,
    Tables,
    cohort_summaries,
    cohort_summary,
    program_tables,
    safe_tables,
)
from ledarskap.testing import program_data

from ._programs import planted


@settings(max_examples=10)
@given(program_data(max_cohorts=2, max_participants=6))
def test_the_counts_add_up_to_the_records(data: ProgramData) -> None:
    """Law: a cohort's composition counts each participant once in every breakdown; its
    meetings and outcomes count each meeting and application of the cohort once."""
    tables = program_tables(data)
    for summary in cohort_summaries(data):
        people = data.participants_of(summary.cohort_id)
        assert summary.participants == len(people)
        for breakdown, unknown in (
            (summary.by_position_kind, summary.unknown_position_kind),
            (summary.by_municipality, summary.unknown_municipality),
            (summary.by_county, summary.unknown_county),
        ):
            assert sum(c.count for c in breakdown) + unknown == len(people)
        kinds = [c.key for c in summary.by_position_kind]
        if summary.unknown_position_kind == len(people) > 0:  # nobody's is known
            assert kinds == []
        else:
            assert kinds == [k.value for k in PositionKind]
        meetings = [r for r in tables["meetings"] if r["cohort_id"] == summary.cohort_id]
        assert summary.meetings.total == len(meetings)
        assert sum(m.tally.total for m in summary.meetings_by_month) + (
            summary.meetings_outside_months.total
        ) == len(meetings)
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
    """The reviewer's t6_summary_safe.py: coarsened away, the municipality is not known
    for any participant, not 0 for every municipality."""
    export = safe_tables(planted(), PseudonymKey.generate(), k=3)
    summary = cohort_summaries(export.tables)[0]
    assert summary.participants == export.tables.size("participants")
    assert summary.by_municipality == ()  # coarsened away: no municipality at 0 …
    assert summary.unknown_municipality == summary.participants  # … but not known
    assert sum(c.count for c in summary.by_county) == summary.participants
    assert summary.unknown_county == 0
    assert all(c.label.sv == c.label.en == c.key for c in summary.reasons)
    assert f"Municipalities: not known {summary.participants}\n" in summary.render("en")
    assert f"Kommuner: uppgift saknas {summary.participants}\n" in summary.render("sv")
    data = summary.to_data()["by_municipality"]
    assert data[-1] == {
        "key": None,
        "sv": "uppgift saknas",
        "en": "not known",
        "count": summary.participants,
    }


def test_a_column_nobody_s_is_known_lists_no_group_at_zero() -> None:
    """Reproduction (final read, 5): coarsened away, or known for no participant of the
    cohort, a column's groups are not listed at 0 (a municipality that looks real, at 0):
    only its unknown, the participants. Known for some, every group is listed."""
    export = safe_tables(ledarskap.example_program(), PseudonymKey.generate(), k=3)
    tables = export.tables
    assert all(r["municipality"] is None for r in tables["participants"])
    summary = cohort_summaries(tables)[0]
    assert summary.by_municipality == ()
    assert summary.unknown_municipality == summary.participants > 0
    assert summary.to_data()["by_municipality"] == [
        {"key": None, "sv": "uppgift saknas", "en": "not known", "count": summary.participants}
    ]
    assert summary.by_county  # the county is known: listed
    columns = {name: tables.columns(name) for name in tables}
    for column in ("county", "position_kind"):
        columns["participants"][column] = [None] * tables.size("participants")
    blank = cohort_summaries(Tables(columns, tables.schema))[0]
    assert (blank.by_county, blank.by_position_kind, blank.by_municipality) == ((), (), ())
    assert blank.unknown_county == blank.unknown_position_kind == blank.participants
    # A cohort without participants lists its groups at 0: nobody is in them, truly
    data = ledarskap.example_program()
    empty = attrs.evolve(data, participants=[], mentorships=[], meetings=[])
    nobody = cohort_summaries(empty)[0]
    assert nobody.participants == 0
    assert {c.count for c in nobody.by_municipality} == {0}
    assert len(nobody.by_position_kind) == len(PositionKind)


def test_a_participant_without_an_appointment_is_counted_as_not_known() -> None:
    data = ledarskap.example_program()
    stray = attrs.evolve(data.participants[0], appointment_id="missing")
    data = attrs.evolve(data, participants=[stray, *data.participants[1:]])
    summary = cohort_summaries(data)[0]
    assert summary.participants == 25
    assert (
        summary.unknown_position_kind,
        summary.unknown_municipality,
        summary.unknown_county,
    ) == (1, 1, 1)
    assert sum(c.count for c in summary.by_county) == 24
    for grouping in ("by_position_kind", "by_municipality", "by_county"):
        assert sum(c["count"] for c in summary.to_data()[grouping]) == 25


_BLANKED = ("position_kind", "municipality", "county")


@settings(max_examples=25, deadline=None)
@given(program_data(max_cohorts=2, max_participants=6), st.data())
def test_every_participant_is_counted_once_in_each_breakdown_unknown_included(
    data: ProgramData, draw: st.DataObject
) -> None:
    """Law: in each breakdown of a cohort's participants, its groups' counts and the
    unknown count add up to the cohort's participants, whatever is not known (a column
    blanked in some rows, as a safe export blanks one); the unknown count is the rows
    whose value is missing; the plain data (to_data) adds up the same."""
    tables = program_tables(data)
    columns = {name: tables.columns(name) for name in tables}
    people = columns["participants"]
    for column in _BLANKED:
        rows = draw.draw(st.sets(st.integers(0, max(len(people[column]) - 1, 0))))
        for row in rows & set(range(len(people[column]))):
            people[column][row] = None
    blanked = Tables(columns, tables.schema)
    for summary in cohort_summaries(blanked):
        mine = [r for r in blanked["participants"] if r["cohort_id"] == summary.cohort_id]
        assert summary.participants == len(mine)
        as_data = summary.to_data()
        for column in _BLANKED:
            groups = getattr(summary, f"by_{column}")
            unknown = getattr(summary, f"unknown_{column}")
            assert unknown == sum(1 for r in mine if r[column] is None)
            assert sum(c.count for c in groups) + unknown == summary.participants
            assert sum(c["count"] for c in as_data[f"by_{column}"]) == summary.participants
            assert as_data[f"by_{column}"][-1]["key"] is None


def _month(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


@settings(max_examples=15, deadline=None)
@given(program_data(max_cohorts=2, max_participants=5))
def test_every_month_of_the_cohort_is_listed_once_in_order(data: ProgramData) -> None:
    """Law: a cohort's months run without a gap from its first day to its last, never more
    than 60 of them; each meeting is in its month, or, on a day outside them, counted
    apart, so the months and the meetings outside add up to the cohort's meetings. From
    the tables (which do not hold the cohort's days) the months are a run as well."""
    tables = program_tables(data)
    by_tables = {s.cohort_id: s for s in cohort_summaries(tables)}
    for summary in cohort_summaries(data):
        cohort = data.cohort(summary.cohort_id)
        meetings = [r for r in tables["meetings"] if r["cohort_id"] == summary.cohort_id]
        for source in (summary, by_tables[summary.cohort_id]):
            months = [m.month for m in source.meetings_by_month]
            assert months == sorted(set(months))
            assert 0 < len(months) <= 60 or (not meetings and not months)
            assert all(_step(a, b) == 1 for a, b in itertools.pairwise(months))
            counted = {m.month: m.tally.total for m in source.meetings_by_month}
            inside = sum(_month(r["on"]) in counted for r in meetings)
            assert sum(counted.values()) == inside
            assert source.meetings_outside_months.total == len(meetings) - inside
        months = [m.month for m in summary.meetings_by_month]
        if _step(_month(cohort.start), _month(cohort.end)) < 60:
            assert (months[0], months[-1]) == (_month(cohort.start), _month(cohort.end))


def _step(a: str, b: str) -> int:
    """Months from the month *a* to the month *b* (``"2025-09"``)."""
    return (int(b[:4]) * 12 + int(b[5:])) - (int(a[:4]) * 12 + int(a[5:]))


def _mistyped(year: int) -> ProgramData:
    """The example program with its first meeting's year mistyped as *year*."""
    data = ledarskap.example_program()
    first = data.meetings[0]
    wrong = attrs.evolve(first, on=first.on.replace(year=year))
    return attrs.evolve(data, meetings=(wrong, *data.meetings[1:]))


@pytest.mark.parametrize("year", [9025, 1025, 2029])
def test_a_meeting_with_a_mistyped_year_does_not_stretch_the_months(year: int) -> None:
    """Reproduction (final read, 2): one meeting typed 9025 for 2025 listed every month up
    to it, 84,001 of them (10 MB of `ledarskap summary --format json`). The cohort's
    months are listed, and the meeting is counted apart, outside them."""
    data = _mistyped(year)
    expected = [f"2025-{m:02d}" for m in range(9, 13)] + [f"2026-{m:02d}" for m in range(1, 10)]
    for source in (data, program_tables(data)):
        summary = cohort_summaries(source)[0]
        assert [m.month for m in summary.meetings_by_month] == expected
        assert summary.meetings_outside_months == MeetingTally(held=1)
        assert summary.meetings.total == len(data.meetings)
        assert sum(m.tally.total for m in summary.meetings_by_month) == len(data.meetings) - 1
        as_data = summary.to_data()
        assert len(as_data["meetings_by_month"]) == 13
        assert as_data["meetings_outside_months"] == {"held": 1, "planned": 0, "cancelled": 0}
        assert "148 held, 0 planned, 1 cancelled (1 outside the cohort's months)" in (
            summary.render("en")
        )
        assert "(1 utanför omgångens månader)" in summary.render("sv")
    assert "outside" not in cohort_summaries(ledarskap.example_program())[0].render("en")


def test_tables_without_the_cohort_s_days_list_at_most_60_months() -> None:
    """From tables without sessions or mentorships, the meetings bound the months; a year
    mistyped cannot stretch them past 60 months (five years): the 60 that hold the most
    meetings are listed, the rest counted outside."""
    data = _mistyped(9025)
    tables = program_tables(data)
    columns = {name: tables.columns(name) for name in tables}
    for name in ("sessions", "mentorships"):
        columns[name] = {column: [] for column in columns[name]}
    summary = cohort_summaries(Tables(columns, tables.schema))[0]
    months = [m.month for m in summary.meetings_by_month]
    assert len(months) == 60
    held = sorted(_month(m.on) for m in data.meetings[1:])
    assert months[0] == held[0]  # the run of the meetings
    assert held[-1] <= months[-1] < "9025"
    assert summary.meetings_outside_months.total == 1
    assert sum(m.tally.total for m in summary.meetings_by_month) == len(data.meetings) - 1


def test_a_month_without_meetings_is_listed_at_zero() -> None:
    """The reviewer's t22: the cohort runs 2025-09-15 to 2026-09-30; the quiet months
    (2025-09, 2025-12, 2026-05, 2026-07 to 2026-09) are listed with 0."""
    data = ledarskap.example_program()
    for source in (data, program_tables(data)):
        months = {m.month: m.tally.total for m in cohort_summaries(source)[0].meetings_by_month}
        assert list(months) == [f"2025-{m:02d}" for m in range(9, 13)] + [
            f"2026-{m:02d}" for m in range(1, 10)
        ]
        assert [m for m, n in months.items() if n == 0] == [
            "2025-09",
            "2025-12",
            "2026-05",
            "2026-07",
            "2026-08",
            "2026-09",
        ]
    empty = attrs.evolve(data, meetings=[], mentorships=[])
    summary = cohort_summaries(empty)[0]
    assert len(summary.meetings_by_month) == 13
    assert summary.meetings.total == 0


def test_a_summary_of_the_tables_is_the_summary_of_the_program() -> None:
    """The reviewer's t22_summary_consistency.py, reasons' labels in both languages included."""
    data = ledarskap.example_program()
    for language in ("sv", "en"):
        assert cohort_summaries(program_tables(data, language=language)) == cohort_summaries(data)
    label = cohort_summaries(program_tables(data))[0].reasons[0].label
    assert label.sv != label.en
    assert label.en == "the municipality does not collaborate in the cohort"
    # Tables made by hand, without the words: the key in both languages
    tables = program_tables(data)
    bare = Tables({name: tables.columns(name) for name in tables}, tables.schema)
    first = cohort_summaries(bare)[0].reasons[0]
    assert first.label.sv == first.label.en == first.key


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
    with pytest.raises(UsageError, match=r"cohort_summaries\(ruleset\): expected a RuleSet"):
        cohort_summaries(ledarskap.example_program(), ruleset=1)  # type: ignore[arg-type]


def test_hostile_tables_are_refused_before_they_are_counted() -> None:
    """The reviewer's t26_summary_hostile.py: each refused when the tables are made; a
    meeting without a day (None is a value of every column) is in no month."""
    tables = program_tables(ledarskap.example_program())
    for table, column, value in [
        ("participants", "position_kind", "boss"),
        ("meetings", "on", "2025-10-09"),
        ("meetings", "status", "postponed"),
    ]:
        columns = {name: tables.columns(name) for name in tables}
        columns[table][column][0] = value
        with pytest.raises(InvalidValueError, match=f"the {table} table, row 1, column {column}"):
            Tables(columns, tables.schema)
    columns = {name: tables.columns(name) for name in tables}
    columns["meetings"]["on"][0] = None
    columns["reasons"]["key"][0] = None
    summary = cohort_summaries(Tables(columns, tables.schema))[0]
    assert summary.meetings.total == tables.size("meetings")
    assert sum(m.tally.total for m in summary.meetings_by_month) == tables.size("meetings") - 1

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given, settings

import ledarskap
from ledarskap import MeetingKind, MentorMeeting, ProgramData
from ledarskap.errors import InvalidValueError
from ledarskap.tables import ColumnKind, Tables, program_tables
from ledarskap.testing import program_data

from ._programs import planted

_PYTHON: dict[ColumnKind, tuple[type, ...]] = {
    ColumnKind.STRING: (str,),
    ColumnKind.CATEGORY: (str,),
    ColumnKind.DATE: (dt.date,),
    ColumnKind.INTEGER: (int,),
    ColumnKind.BOOLEAN: (bool,),
}


def assert_in_schema(tables: Tables) -> None:
    for name in tables:
        schema = tables.schema[name]
        for row in tables[name]:
            assert tuple(row) == schema.names
            for column in schema:
                value = row[column.name]
                if value is None:
                    continue
                assert isinstance(value, _PYTHON[column.kind]), (name, column.name, value)
                if column.kind is ColumnKind.INTEGER:
                    assert not isinstance(value, bool)
                if column.kind is ColumnKind.CATEGORY:
                    assert value in column.categories, (name, column.name, value)


@settings(max_examples=15)
@given(program_data(max_cohorts=2, max_participants=5))
def test_every_value_is_of_its_columns_kind_and_category(data: ProgramData) -> None:
    """Law: every row has the schema's columns, in order; every value is of its column's kind,
    and every category value is one of the column's categories."""
    tables = program_tables(data)
    assert_in_schema(tables)
    assert tables.size("participants") == len(data.participants)
    assert tables.size("mentors") == len(data.mentors)
    assert tables.size("mentorships") == len(data.mentorships)
    assert tables.size("meetings") == len(data.meetings)
    assert tables.size("sessions") == sum(len(c.sessions) for c in data.cohorts)
    assert tables.size("applications") == len(data.applications)


def test_participants_carry_their_place_position_and_cohort() -> None:
    data = planted()
    tables = program_tables(data)
    row = tables["participants"][0]
    adept = data.participants[0]
    job = data.appointment(adept.appointment_id)
    assert row["participant_id"] == adept.id
    assert row["municipality"] == job.municipality.name
    assert row["county"] == job.municipality.county.name
    assert job.position is not None
    assert (row["position"], row["position_kind"]) == (job.position.slug, job.position.kind.value)
    assert row["birth_date"] == dt.date(1985, 3, 12)
    assert (row["birth_year"], row["birth_decade"]) == (1985, 1980)
    assert row["cohort_id"] == adept.cohort_id


def test_mentorships_carry_their_life() -> None:
    data = ledarskap.example_program()
    rows = program_tables(data)["mentorships"]
    for pair, row in zip(data.mentorships, rows, strict=True):
        assert row["status"] == pair.status.value
        assert row["ended_by"] == (None if pair.ended_by is None else pair.ended_by.value)
        assert row["end_reason"] == (pair.end_reason or None)


def test_applications_carry_the_one_evaluation_and_its_reasons() -> None:
    data = ledarskap.example_program()
    tables = program_tables(data, language="en")
    result = ledarskap.default_ruleset().evaluate_many(data.applications, program=data)
    assert [r["outcome"] for r in tables["applications"]] == [o.value for o in result.outcomes]
    reasons = tables["reasons"]
    assert reasons
    for decision in result.decisions:
        mine = [r for r in reasons if r["application_id"] == decision.application_id]
        assert [r["key"] for r in mine] == [n.key for n in decision.reasons]
        assert [r["rank"] for r in mine] == list(range(1, len(mine) + 1))
    row = next(r for r in tables["applications"] if r["outcome"] == "not-eligible")
    assert row["reasons"] == "; ".join(
        r["key"] for r in reasons if r["application_id"] == row["application_id"]
    )
    assert all(r["text"] and "=" not in r["text"] for r in reasons)


def test_a_reference_that_leads_nowhere_leaves_its_columns_empty() -> None:
    data = ledarskap.example_program()
    stray = MentorMeeting(
        id="mm-x", mentorship_id="nowhere", on=dt.date(2025, 10, 1), kind=MeetingKind.ONLINE
    )
    odd = attrs.evolve(data.participants[0], cohort_id="c-unknown")
    data = attrs.evolve(
        data, meetings=[*data.meetings, stray], participants=[odd, *data.participants[1:]]
    )
    tables = program_tables(data)
    row = tables["meetings"][-1]
    assert (row["mentor_id"], row["participant_id"], row["cohort_id"]) == (None, None, None)
    assert "c-unknown" in tables.schema["participants"].column("cohort_id").categories
    assert_in_schema(tables)


def test_tables_is_a_read_only_mapping_that_gives_fresh_rows() -> None:
    tables = program_tables(ledarskap.example_program())
    assert len(tables) == 7
    assert "sessions" in tables
    assert "nope" not in tables
    assert tables.get("nope") is None
    assert tables.get("sessions") == tables["sessions"]
    rows = tables["sessions"]
    rows[0]["title"] = "changed"
    assert tables["sessions"][0]["title"] != "changed"
    assert tables.columns("sessions")["session_id"][0] == rows[0]["session_id"]
    assert repr(tables).startswith("Tables(participants=<")
    with pytest.raises(InvalidValueError, match="'nope'"):
        tables["nope"]
    with pytest.raises(InvalidValueError, match="'nope'"):
        tables.frame("nope")


def test_tables_refuse_columns_that_are_not_the_schemas() -> None:
    tables = program_tables(ledarskap.example_program())
    columns: dict[str, Any] = {name: tables.columns(name) for name in tables}
    columns["sessions"] = {"session_id": []}
    with pytest.raises(InvalidValueError, match="the sessions table"):
        Tables(columns, tables.schema)
    columns["sessions"] = tables.columns("sessions")
    columns["sessions"]["title"].append("one too many")
    with pytest.raises(
        InvalidValueError, match="the sessions table: expected columns of one length"
    ):
        Tables(columns, tables.schema)


def test_an_empty_program_has_empty_tables_with_every_column() -> None:
    data = ledarskap.example_program()
    empty = ProgramData(program=data.program)
    tables = program_tables(empty)
    for name in tables:
        assert tables[name] == []
        assert tuple(tables.columns(name)) == tables.schema[name].names


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="language"):
        program_tables(ledarskap.example_program(), language="de")  # type: ignore[arg-type]


def test_an_unknown_table_or_column_in_swedish() -> None:
    tables = program_tables(ledarskap.example_program())
    with pytest.raises(InvalidValueError) as table:
        tables.columns("deltagare")
    assert table.value.render("sv") == (
        f"Tables: förväntade en av tabellerna {list(tables)}, fick 'deltagare'"
    )
    with pytest.raises(InvalidValueError) as column:
        tables.schema["participants"].column("kommun")
    names = list(tables.schema["participants"].names)
    assert (
        column.value.render("sv")
        == f"tabellen participants: förväntade en av {names}, fick 'kommun'"
    )
    assert str(column.value) == f"the participants table: expected one of {names}, found 'kommun'"

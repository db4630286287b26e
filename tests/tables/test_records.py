from __future__ import annotations

import contextlib
import datetime as dt
import importlib.util
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ledarskap
from ledarskap import MeetingKind, MentorMeeting, ProgramData
from ledarskap.errors import InvalidValueError, UsageError
from ledarskap.tables import (
    Column,
    ColumnKind,
    Tables,
    cohort_summaries,
    program_tables,
    tables_bytes,
    write_tables,
)
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


# Values checked when the tables are made (the reviewer's t5_types.py, t26_summary_hostile.py)

_JUNK = st.one_of(
    st.none(),
    st.text(max_size=5),
    st.sampled_from(["", "a\ud800", "planned", "held", "Ödeshög", "chief-executive"]),
    st.binary(max_size=3),
    st.integers(-(2**70), 2**70),
    st.booleans(),
    st.floats(allow_nan=True),
    st.decimals(allow_nan=False, places=1),
    st.dates(),
    st.datetimes(),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=1),
)


def _fits(value: object, column: Column) -> bool:
    """What a column of *column*'s kind holds, as SCHEMA's table of kinds says."""
    if value is None:
        return True
    holds = _PYTHON[column.kind]
    if not isinstance(value, holds):
        return False
    if column.kind is ColumnKind.DATE:
        return not isinstance(value, dt.datetime)
    if column.kind is ColumnKind.INTEGER:
        return not isinstance(value, bool) and -(2**63) <= value < 2**63  # type: ignore[operator]
    if column.kind is ColumnKind.CATEGORY:
        return value in column.categories
    if column.kind is ColumnKind.STRING:
        return "\ud800" not in value  # type: ignore[operator]
    return True


_EXAMPLE = program_tables(ledarskap.example_program())
_CELLS = [(name, column) for name in _EXAMPLE for column in _EXAMPLE.schema[name]]


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(_CELLS), st.integers(0, 10), _JUNK)
def test_a_value_outside_its_columns_kind_is_refused_by_the_library(
    cell: tuple[str, Column], row: int, value: object
) -> None:
    """Law: Tables take a value exactly when it is of its column's kind (a category one of
    its categories); any other is refused with InvalidValueError naming the table, row and
    column, never a bare exception. What is taken, every writer and frame holds."""
    name, column = cell
    columns = {n: _EXAMPLE.columns(n) for n in _EXAMPLE}
    row %= _EXAMPLE.size(name)
    columns[name][column.name][row] = value
    if not _fits(value, column):
        with pytest.raises(InvalidValueError) as caught:
            Tables(columns, _EXAMPLE.schema)
        assert str(caught.value).startswith(
            f"the {name} table, row {row + 1}, column {column.name}: expected "
        )
        return
    tables = Tables(columns, _EXAMPLE.schema)
    assert tables[name][row][column.name] == (None if value == "" else value)
    for fmt in ("json", "toml"):
        tables_bytes(tables, fmt)
    cohort_summaries(tables)
    if importlib.util.find_spec("pandas") is not None:
        tables.frame(name)
    if importlib.util.find_spec("openpyxl") is not None:
        with contextlib.suppress(InvalidValueError):  # a control character: said, not lost
            tables_bytes(tables, "xlsx")
    with tempfile.TemporaryDirectory() as folder:
        write_tables(tables, Path(folder) / "csv", format="csv")
        if importlib.util.find_spec("pyarrow") is not None:
            write_tables(tables, Path(folder) / "pq", format="parquet")


@pytest.mark.parametrize(
    ("table", "column", "value", "said"),
    [
        ("sessions", "start", "2025-09-17", "expected a date (datetime.date), found '2025-09-17'"),
        ("sessions", "start", dt.datetime(2025, 9, 17, 12), "expected a date (datetime.date)"),
        ("sessions", "days", "3", "expected a whole number (int), found '3'"),
        ("sessions", "days", 3.5, "expected a whole number (int), found 3.5"),
        ("sessions", "days", Decimal(3), "expected a whole number (int), found Decimal('3')"),
        ("sessions", "days", True, "expected a whole number (int), found True"),
        ("sessions", "online", "yes", "expected true or false (bool), found 'yes'"),
        ("sessions", "kind", ["list"], "found ['list']"),
        ("sessions", "session_id", b"s-1", "expected a text (str), found b's-1'"),
        ("sessions", "title", "a\ud800", "found text with a lone surrogate code point"),
        ("participants", "position_kind", "boss", "categories (str), or None, found 'boss'"),
        ("meetings", "status", "postponed", "found 'postponed'"),
        ("meetings", "on", "2025-10-09", "found '2025-10-09'"),
        ("mentors", "municipality", "Atlantis", "found 'Atlantis'"),
        (
            "meetings",
            "duration_minutes",
            2**63,
            "expected a whole number that fits in 64 bits (as in Parquet, pandas and TOML), "
            "found a number of 19 digits",
        ),
    ],
)
def test_a_value_of_another_kind_is_named_where_it_is(
    table: str, column: str, value: object, said: str
) -> None:
    tables = program_tables(ledarskap.example_program())
    columns = {name: tables.columns(name) for name in tables}
    columns[table][column][0] = value
    with pytest.raises(InvalidValueError) as caught:
        Tables(columns, tables.schema)
    assert str(caught.value).startswith(f"the {table} table, row 1, column {column}: ")
    assert said in str(caught.value)
    assert caught.value.render("sv").startswith(f"tabellen {table}, rad 1, kolumn {column}: ")


def test_a_free_text_of_another_kind_is_described_never_quoted() -> None:
    """A name is personal, in bytes too; a personnummer anywhere is masked."""
    tables = program_tables(ledarskap.example_program())
    columns = {name: tables.columns(name) for name in tables}
    columns["participants"]["name"][2] = b"Anna Berglund"
    with pytest.raises(InvalidValueError) as caught:
        Tables(columns, tables.schema)
    assert str(caught.value) == (
        "the participants table, row 3, column name: expected a text (str), "
        "found a value of type bytes"
    )
    assert caught.value.render("sv").endswith("fick ett värde av typen bytes")
    columns["participants"]["name"][2] = None
    columns["participants"]["municipality"][0] = "19850312-2395"
    with pytest.raises(InvalidValueError) as masked:
        Tables(columns, tables.schema)
    assert "2395" not in str(masked.value)
    assert "850312" not in str(masked.value)


def test_tables_keep_their_own_copy() -> None:
    tables = program_tables(ledarskap.example_program())
    columns = {name: tables.columns(name) for name in tables}
    copy = Tables(columns, tables.schema)
    columns["sessions"]["kind"][0] = "picnic"
    columns["sessions"]["title"].append("one too many")
    assert copy == tables
    assert copy.columns("sessions") == tables.columns("sessions")


def test_what_is_not_tables_is_refused_by_the_library() -> None:
    tables = program_tables(ledarskap.example_program())
    columns: dict[str, Any] = {name: tables.columns(name) for name in tables}
    with pytest.raises(InvalidValueError, match=r"Tables\(schema\): expected a mapping"):
        Tables(columns, 2)  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match=r"Tables\(schema\): expected the table's"):
        Tables({"a": 1}, {"a": 2})  # type: ignore[dict-item]
    with pytest.raises(InvalidValueError, match=r"expected the table's TableSchema \(named 'a'\)"):
        Tables({}, {"a": tables.schema["sessions"]})
    with pytest.raises(InvalidValueError, match=r"Tables\(columns\): expected a mapping"):
        Tables([], tables.schema)  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match=r"Tables: expected the tables .*, found 'extra'"):
        Tables({**columns, "extra": {}}, tables.schema)
    with pytest.raises(InvalidValueError, match=r"Tables\(sessions.title\): expected a list"):
        Tables({**columns, "sessions": {**columns["sessions"], "title": "abc"}}, tables.schema)
    with pytest.raises(InvalidValueError, match=r"Tables\(reason_words\)"):
        Tables(columns, tables.schema, reason_words={"k": "words"})  # type: ignore[dict-item]
    sessions = {"sessions": tables.schema["sessions"]}
    odd: Any
    for odd in ({"sessions": None}, {}, {"sessions": {}}):
        with pytest.raises(InvalidValueError, match="the sessions table: expected the columns"):
            Tables(odd, sessions)
    assert len(Tables({}, {})) == 0
    name: Any
    for name in (["x"], None, 3):
        assert name not in tables
        with pytest.raises(InvalidValueError, match="expected one of the tables"):
            tables[name]
        with pytest.raises(InvalidValueError, match="expected one of the tables"):
            tables.frame(name)


def test_program_tables_checks_its_arguments() -> None:
    data = ledarskap.example_program()
    with pytest.raises(UsageError, match="program_tables: expected a ProgramData, found str"):
        program_tables("x")  # type: ignore[arg-type]
    with pytest.raises(
        UsageError, match=r"program_tables\(ruleset\): expected a RuleSet .*, found str"
    ):
        program_tables(data, ruleset="default")  # type: ignore[arg-type]


def test_the_reasons_are_worded_in_both_languages_whatever_the_tables_language() -> None:
    """Tables in Swedish word their reasons in English too (reason_words), as a summary of
    the program does."""
    data = ledarskap.example_program()
    swedish = program_tables(data)
    keys = {r["key"] for r in swedish["reasons"]}
    assert set(swedish.reason_words) == keys
    words = swedish.reason_words["employed_by_collaborating_municipality=false"]
    assert (words.sv, words.en) == (
        "kommunen samverkar inte i omgången",
        "the municipality does not collaborate in the cohort",
    )
    assert program_tables(data, language="en").reason_words == swedish.reason_words

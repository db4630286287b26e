from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ledarskap
from ledarskap import ProgramData
from ledarskap.errors import UsageError
from ledarskap.tables import (
    COARSENING_ORDER,
    QUASI_IDENTIFIERS,
    Coarsening,
    PseudonymKey,
    k_anonymity,
    program_tables,
    safe_tables,
    tables_bytes,
    write_tables,
)
from ledarskap.testing import program_data
from tests._hostile import assert_masked

from ._programs import KEY, OTHER_KEY, assert_no_identifier, planted

_PEOPLE = ("participants", "applications")


def _groups(rows: list[dict[str, object]]) -> Counter[tuple[object, ...]]:
    # Counted here, apart from k_anonymity, over every column that says something of a person.
    columns = (
        "cohort_id",
        "municipality",
        "county",
        "position",
        "position_kind",
        "birth_year",
        "birth_decade",
    )
    return Counter(tuple(row[c] for c in columns) for row in rows)


@settings(max_examples=20)
@given(program_data(max_cohorts=2, max_participants=8), st.integers(1, 6), st.integers(0, 4))
def test_every_exported_group_has_at_least_k_members(data: ProgramData, k: int, limit: int) -> None:
    """Law: in a safe export asked for k, every group of a table of people (rows alike in every
    quasi-identifying column) has at least k rows, whatever was coarsened or suppressed."""
    export = safe_tables(data, PseudonymKey(KEY), k=k, suppress_at_most=limit)
    for table in _PEOPLE:
        groups = _groups(export.tables[table])
        assert all(size >= k for size in groups.values()), (table, groups)
    for result in export.report.tables:
        assert result.rows == export.tables.size(result.table) + result.suppressed
        assert result.k_after == k_anonymity(export.tables[result.table])
        assert list(result.coarsened) == list(COARSENING_ORDER[: len(result.coarsened)])


@settings(max_examples=10)
@given(program_data(max_cohorts=2, max_participants=6))
def test_no_identifier_survives_in_any_cell(data: ProgramData) -> None:
    """Law: no personnummer (in any spelling), name, e-mail or person's record id is in a safe export."""
    export = safe_tables(data, PseudonymKey(KEY), k=2)
    ids: set[str] = {
        r.id  # type: ignore[attr-defined]  # every record has an id
        for r in (
            *data.people,
            *data.participants,
            *data.mentors,
            *data.mentorships,
            *data.meetings,
            *data.applications,
        )
    }
    for name in export.tables:
        for row in export.tables[name]:
            for value in row.values():
                assert value not in ids
                assert_no_identifier(str(value), data)


def test_no_identifier_survives_in_any_file(tmp_path: Path) -> None:
    data = planted()
    export = safe_tables(data, PseudonymKey(KEY), k=3)
    texts = [
        tables_bytes(export.tables, "json").decode(),
        tables_bytes(export.tables, "toml").decode(),
    ]
    csvs = write_tables(export.tables, tmp_path / "csv", format="csv")
    texts.extend(path.read_text("utf-8-sig") for path in csvs)
    pq = pytest.importorskip("pyarrow.parquet")
    parquets = write_tables(export.tables, tmp_path / "parquet", format="parquet")
    texts.extend(str(pq.read_table(p).to_pylist()) for p in parquets)  # read back: compressed
    openpyxl = pytest.importorskip("openpyxl")
    (xlsx,) = write_tables(export.tables, tmp_path / "t.xlsx", format="xlsx")
    book = openpyxl.load_workbook(xlsx)
    texts.extend(str(v) for sheet in book for row in sheet.iter_rows(values_only=True) for v in row)
    texts.append(
        export.report.render("sv")
        + export.report.render("en")
        + json.dumps(export.report.to_data())
    )
    for text in texts:
        assert_masked(text)  # the planted 19850312-2395, by the independent check
        assert_no_identifier(text, data)
    raw = tables_bytes(program_tables(data), "json").decode()
    with pytest.raises(AssertionError):
        assert_no_identifier(raw, data)  # the check finds what the raw tables hold


def test_the_same_key_gives_the_same_export_and_another_key_another() -> None:
    data = planted()
    one = safe_tables(data, PseudonymKey(KEY), k=2)
    again = safe_tables(data, PseudonymKey(KEY), k=2)
    other = safe_tables(data, PseudonymKey(OTHER_KEY), k=2)
    assert one.tables["participants"] == again.tables["participants"]
    mine = {r["participant_id"] for r in one.tables["participants"]}
    theirs = {r["participant_id"] for r in other.tables["participants"]}
    assert mine
    assert not mine & theirs


def test_pseudonyms_join_the_tables_of_one_export() -> None:
    export = safe_tables(planted(), PseudonymKey(KEY))
    adepts = {r["participant_id"] for r in export.tables["participants"]}
    pairs = {r["mentorship_id"] for r in export.tables["mentorships"]}
    mentors = {r["mentor_id"] for r in export.tables["mentors"]}
    assert {r["participant_id"] for r in export.tables["mentorships"]} <= adepts
    assert {r["mentor_id"] for r in export.tables["mentorships"]} <= mentors
    assert {r["mentorship_id"] for r in export.tables["meetings"]} <= pairs
    applications = {r["application_id"] for r in export.tables["applications"]}
    assert {r["application_id"] for r in export.tables["reasons"]} <= applications
    assert not applications & adepts


def test_a_participant_who_mentors_in_another_cohort_is_not_joined_to_it() -> None:
    """A kommunchef who once took part: their rows as adept and as mentor share no pseudonym,
    so the mentor's municipality cannot undo the coarsening of the participant's."""
    data = ledarskap.example_program()
    mentor = data.mentors[0]
    earlier = attrs.evolve(
        data.cohorts[0],
        id="liko-2019",
        name="Omgång 2019/20",
        start=dt.date(2019, 9, 15),
        end=dt.date(2020, 9, 30),
        application_deadline=None,
        sessions=(),
        support_groups=(),
    )
    adept = attrs.evolve(
        data.participants[0],
        id="d-2019",
        person_id=mentor.person_id,
        cohort_id="liko-2019",
        appointment_id=next(a.id for a in data.appointments if a.person_id == mentor.person_id),
        application_id=None,
    )
    both = attrs.evolve(
        data, cohorts=(earlier, *data.cohorts), participants=(*data.participants, adept)
    )
    key = PseudonymKey(KEY)
    export = safe_tables(both, key)  # no k: every row kept, the adept's among them
    person = key.person(both.person(mentor.person_id))
    assert person in {r["person_id"] for r in export.tables["participants"]}
    as_mentor = {r["person_id"] for r in export.tables["mentors"]}
    assert len(as_mentor) == len({m.person_id for m in both.mentors})
    assert person not in as_mentor
    # ... and a mentor keeps one pseudonym from one export to the next under one key
    assert {r["person_id"] for r in safe_tables(both, key).tables["mentors"]} == as_mentor


def test_without_k_nothing_is_coarsened_and_k_is_measured() -> None:
    data = planted()
    export = safe_tables(data, PseudonymKey(KEY))
    result = export.report.tables[0]
    assert result.coarsened == ()
    assert result.suppressed == 0
    assert result.k_before == result.k_after == 1
    assert export.tables.size("participants") == len(data.participants)
    rows = export.tables["participants"]
    assert rows == sorted(rows, key=lambda r: r["participant_id"])
    assert {r["birth_year"] for r in rows} >= {1985}
    assert "ingen k begärd" in export.report.render("sv")


def test_coarsening_stops_at_the_first_step_with_few_enough_outliers() -> None:
    data = planted()
    everything = safe_tables(data, PseudonymKey(KEY), k=2, suppress_at_most=0)
    assert everything.report.tables[0].coarsened == COARSENING_ORDER
    rows = everything.tables["participants"]
    assert all(
        r["municipality"] is None and r["position"] is None and r["birth_year"] is None
        for r in rows
    )
    assert all(r["county"] and r["birth_decade"] for r in rows)
    lenient = safe_tables(data, PseudonymKey(KEY), k=2, suppress_at_most=len(data.participants))
    result = lenient.report.tables[0]
    assert result.coarsened == ()
    assert result.suppressed == len(data.participants)  # everyone is unique at the start
    assert lenient.report.linked_suppressed["mentorships"] == len(data.mentorships)


def test_the_report_says_what_was_done_as_data_and_text() -> None:
    export = safe_tables(planted(), PseudonymKey(KEY), k=4)
    data = export.report.to_data()
    assert data["format"] == "ledarskap.anonymity/1"
    assert data["k"] == 4
    assert data["quasi_identifiers"] == list(QUASI_IDENTIFIERS)
    assert data["coarsening_order"] == ["birth-decade", "position-kind", "county"]
    first = data["tables"][0]
    assert first["table"] == "participants"
    assert (
        sum(first["suppressed_by_cohort"].values())
        == first["suppressed"]
        == export.report.tables[0].suppressed
    )
    assert export.report.suppressed == sum(t["suppressed"] for t in data["tables"])
    en, sv = export.report.render("en"), export.report.render("sv")
    assert "Safe export, k = 4" in en
    assert "municipality to county" in en
    assert "Säker export, k = 4" in sv
    assert "kommun till län" in sv
    if export.report.suppressed:
        assert "suppressed" in en
        assert "utelämnade" in sv
    assert Coarsening.COUNTY.label("sv") == "kommun till län"


def test_k_anonymity_counts_the_smallest_group() -> None:
    assert k_anonymity([]) == 0
    rows = [{"a": 1, "b": 2}, {"a": 1, "b": 2}, {"a": 1, "b": 3}]
    assert k_anonymity(rows, ["a"]) == 3
    assert k_anonymity(rows, ["a", "b"]) == 1


@pytest.mark.parametrize("k", [0, -1, True, 2.5, "3"])
def test_a_bad_k_is_refused(k: object) -> None:
    with pytest.raises(UsageError, match="k must be a whole number"):
        safe_tables(ledarskap.example_program(), PseudonymKey(KEY), k=k)  # type: ignore[arg-type]


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(UsageError, match="suppress_at_most"):
        safe_tables(ledarskap.example_program(), PseudonymKey(KEY), k=2, suppress_at_most=-1)
    with pytest.raises(UsageError, match="expected a PseudonymKey, found bytes"):
        safe_tables(ledarskap.example_program(), KEY)  # type: ignore[arg-type]


def test_a_bad_k_in_swedish() -> None:
    with pytest.raises(UsageError) as caught:
        safe_tables(ledarskap.example_program(), PseudonymKey(KEY), k=0)
    assert caught.value.render("sv") == "safe_tables: k måste vara ett heltal, minst 1, fick 0"
    assert str(caught.value) == "safe_tables: k must be a whole number of at least 1, found 0"


def test_personal_data_written_into_a_session_is_masked() -> None:
    """Sessions are no one's data, but their free text may hold some: masked in the export."""
    data = ledarskap.example_program()
    cohort = data.cohorts[0]
    first = attrs.evolve(
        cohort.sessions[0],
        id="s-197001011234",
        title="Träff med anna.berg@linkoping.se 19850312-2395",
    )
    odd = attrs.evolve(cohort, sessions=(first, *cohort.sessions[1:]))
    export = safe_tables(attrs.evolve(data, cohorts=(odd, *data.cohorts[1:])), PseudonymKey(KEY))
    row = export.tables["sessions"][0]
    for text in (row["session_id"], row["title"]):
        assert "1234" not in text
        assert "2395" not in text
        assert "anna.berg" not in text
    assert row["title"].startswith("Träff med ")

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ledarskap
from ledarskap import ApplicationStatus, Participant, ParticipantStatus, ProgramData
from ledarskap.errors import InvalidValueError, UsageError
from ledarskap.plots import meeting_timeline
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
# Counted here, apart from k_anonymity, over every column that says something of a person.
_COLUMNS = (
    "cohort_id",
    "municipality",
    "county",
    "position",
    "position_kind",
    "birth_year",
    "birth_decade",
)


def _values(row: Mapping[str, Any]) -> tuple[Any, ...]:
    return tuple(row[c] for c in _COLUMNS)


def _participants_alike(rows: Sequence[Mapping[str, Any]]) -> Counter[frozenset[Any]]:
    """How many people share each combination: a person is known by all their rows at once
    (``person_id`` joins them), as a multiset of their rows' values."""
    theirs: defaultdict[str, Counter[tuple[Any, ...]]] = defaultdict(Counter)
    for row in rows:
        theirs[row["person_id"]][_values(row)] += 1
    return Counter(frozenset(values.items()) for values in theirs.values())


def _applicants_alike(
    rows: Sequence[Mapping[str, Any]], whose: Mapping[str, str]
) -> dict[tuple[Any, ...], int]:
    """How many people (*whose*: application pseudonym to person) have a row in each group."""
    people: defaultdict[tuple[Any, ...], set[str]] = defaultdict(set)
    for row in rows:
        people[_values(row)].add(whose[row["application_id"]])
    return {group: len(members) for group, members in people.items()}


def _applicants(data: ProgramData, key: PseudonymKey) -> dict[str, str]:
    return {
        key.pseudonym("application", a.id): key.person(data.person(a.person_id))
        for a in data.applications
    }


@st.composite
def _again(draw: st.DrawFn) -> ProgramData:
    """A program in which some people took part, or applied, more than once: again in the
    same cohort (entered twice, applied twice) or in another one."""
    data = draw(program_data(max_cohorts=2, max_participants=6))
    cohorts = st.sampled_from([c.id for c in data.cohorts])
    participants = list(data.participants)
    for n, participant in enumerate(draw(st.lists(st.sampled_from(data.participants), max_size=4))):
        participants.append(
            attrs.evolve(
                participant,
                id=f"{participant.id}-again-{n}",
                cohort_id=draw(cohorts),
                status=draw(st.sampled_from(ParticipantStatus)),
            )
        )
    applications = list(data.applications)
    for n, application in enumerate(draw(st.lists(st.sampled_from(data.applications), max_size=4))):
        applications.append(
            attrs.evolve(application, id=f"{application.id}-again-{n}", cohort_id=draw(cohorts))
        )
    return attrs.evolve(data, participants=participants, applications=applications)


@settings(max_examples=30, deadline=None)
@given(_again(), st.integers(1, 6), st.none() | st.integers(0, 4))
def test_every_exported_group_has_at_least_k_people(
    data: ProgramData, k: int, limit: int | None
) -> None:
    """Law: in a safe export asked for k, every group of a table of people has at least k
    people, however many rows each has, whatever was coarsened or suppressed. A participant
    is known by all of their rows together (their person_id joins them), so a person in
    two cohorts is alike only those in the same two; an applicant's rows, which nothing in
    the export joins, are each counted as their applicant's. A participant's rows go or stay
    together, the mentor ties no adept to a municipality, and the report says what is so."""
    key = PseudonymKey(KEY)
    export = safe_tables(data, key, k=k, suppress_at_most=limit)
    participants = export.tables["participants"]
    assert all(n >= k for n in _participants_alike(participants).values())
    applicants = _applicants_alike(export.tables["applications"], _applicants(data, key))
    assert all(n >= k for n in applicants.values())
    exported = {r["participant_id"] for r in participants}
    rows_of: defaultdict[str, set[str]] = defaultdict(set)
    for p in data.participants:
        rows_of[key.person(data.person(p.person_id))].add(key.pseudonym("participant", p.id))
    assert all(ids <= exported or not ids & exported for ids in rows_of.values())
    first, second = export.report.tables
    assert first.k_after == min(_participants_alike(participants).values(), default=0)
    assert first.k_after == k_anonymity(participants, person="person_id")
    assert second.k_after == min(applicants.values(), default=0)
    assert first.people == len(rows_of)
    assert second.people == len({a.person_id for a in data.applications})
    # people_suppressed: the people who lost at least one row (an applicant may keep others)
    assert first.people_suppressed == sum(not ids <= exported for ids in rows_of.values())
    whose = _applicants(data, key)
    shown = {r["application_id"] for r in export.tables["applications"]}
    assert second.people_suppressed == len({whose[a] for a in whose if a not in shown})
    for result in export.report.tables:
        assert result.rows == export.tables.size(result.table) + result.suppressed
        assert result.people_suppressed <= result.people
        assert list(result.coarsened) == list(COARSENING_ORDER[: len(result.coarsened)])
    for table in ("mentorships", "meetings"):
        assert all(r["mentor_id"] is None for r in export.tables[table])
    assert export.report.mentors_unlinked
    named = {r["cohort_id"] for t in export.tables for r in export.tables[t] if "cohort_id" in r}
    raw = program_tables(data)
    ever = {r["cohort_id"] for t in raw for r in raw[t] if "cohort_id" in r}
    categories = export.tables.schema["participants"].column("cohort_id").categories
    assert set(categories) == named | ({c.id for c in data.cohorts} - ever)
    for result in export.report.tables:
        assert set(result.suppressed_by_cohort) <= named


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
    assert export.report.render("sv").startswith("Pseudonymiserad export (inte k-anonym)\n")
    assert export.report.render("en").startswith("Pseudonymised export (not k-anonymous)\n")
    # ... and the mentorships keep their mentor: without k, nothing is anonymous anyway
    assert not export.report.mentors_unlinked
    assert all(r["mentor_id"] for r in export.tables["mentorships"])
    assert export.report.render("en").endswith(
        "Exports made with the same key join on their pseudonyms; "
        "use a key of its own for each recipient"
    )


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
    assert data["mentors_unlinked"] is True
    first = data["tables"][0]
    assert first["table"] == "participants"
    assert first["rows"] == first["people"] == 25
    assert (
        sum(first["suppressed_by_cohort"].values())
        == first["suppressed"]
        == first["people_suppressed"]  # one row a person
        == export.report.tables[0].suppressed
    )
    assert data["tables"][1]["people"] == len({a.person_id for a in planted().applications})
    assert export.report.suppressed == sum(t["suppressed"] for t in data["tables"])
    en, sv = export.report.render("en"), export.report.render("sv")
    assert "Safe export, k = 4" in en
    assert "municipality to county" in en
    assert "Säker export, k = 4" in sv
    assert "kommun till län" in sv
    assert "participants: 25 rows of 25 people, smallest group 1 before and " in en
    assert "participants: 25 rader om 25 personer, minsta grupp 1 före och " in sv
    assert export.report.suppressed
    assert f"{first['suppressed']} rows suppressed, of {first['people_suppressed']} people" in en
    assert "utelämnade" in sv
    assert "mentorships, meetings: mentor_id left out" in en
    assert "mentor_id utelämnat" in sv
    assert en.endswith(
        "k holds within this export: exports made with the same key join on their "
        "pseudonyms; use a key of its own for each recipient"
    )
    assert sv.endswith("använd en egen nyckel för varje mottagare")
    assert Coarsening.COUNTY.label("sv") == "kommun till län"


def test_k_anonymity_counts_the_smallest_group() -> None:
    assert k_anonymity([]) == 0
    rows = [{"a": 1, "b": 2}, {"a": 1, "b": 2}, {"a": 1, "b": 3}]
    assert k_anonymity(rows, ["a"]) == 3
    assert k_anonymity(rows, ["a", "b"]) == 1
    assert k_anonymity(iter(rows), ("a",)) == 3


def test_k_anonymity_counts_people_known_by_all_their_rows() -> None:
    one = {"who": "x", "cohort": 2025, "town": "Kinda"}
    rows = [
        one,
        {**one, "who": "y"},
        {**one, "who": "y"},  # y, entered twice: not alike x any more
        {**one, "who": "x", "cohort": 2027},  # x, again in 2027
        {**one, "who": "z", "cohort": 2027},
    ]
    assert k_anonymity(rows, ["cohort", "town"]) == 2
    assert k_anonymity(rows, ["cohort", "town"], person="who") == 1
    assert k_anonymity(rows[:2], ["town"], person="who") == 2
    assert k_anonymity(rows[1:3], ["town"], person="who") == 1
    assert k_anonymity(rows[1:3], ["town"]) == 2


def test_k_anonymity_refuses_columns_that_would_make_everyone_alike() -> None:
    """Reproduction (review M3): a misspelt column, a text for the list, or no columns at all
    read every row as alike, and the table as k-anonymous for k = its length."""
    rows = program_tables(ledarskap.example_program())["participants"]
    assert k_anonymity(rows, ["municipality", "position"]) == 1
    with pytest.raises(InvalidValueError) as typo:
        k_anonymity(rows, ["munipicality", "position"])
    assert str(typo.value) == (
        "k_anonymity: columns: expected a column that every row has, found 'munipicality' "
        "(did you mean 'municipality'?)"
    )
    assert typo.value.render("sv") == (
        "k_anonymity: columns: förväntade en kolumn som varje rad har, fick 'munipicality' "
        "(menade du 'municipality'?)"
    )
    with pytest.raises(
        InvalidValueError, match=r"found 'pseron_id' \(did you mean 'person_id'\?\)"
    ):
        k_anonymity(rows, ["municipality"], person="pseron_id")
    with pytest.raises(UsageError, match=r"found a text, 'municipality': write \['municipality'\]"):
        k_anonymity(rows, "municipality")
    with pytest.raises(UsageError, match="columns needs at least one column"):
        k_anonymity(rows, [])
    with pytest.raises(InvalidValueError, match="found 'birth_year'"):
        k_anonymity(program_tables(ledarskap.example_program())["applications"])


@pytest.mark.parametrize(
    ("rows", "columns", "person", "message"),
    [
        (None, ["a"], None, "rows is a list of rows, found NoneType"),
        ("ab", ["a"], None, "rows is a list of rows, found str"),
        ({"a": 1}, ["a"], None, "rows is a list of rows, found dict"),
        ([["a"]], ["a"], None, "a row is a dict, found list"),
        ([{"a": 1}], 3, None, "columns is a list of column names, found int"),
        ([{"a": 1}], [1], None, "a column name is a text, found int"),
        ([{"a": 1}], ["a"], 1, "person is a column name, found int"),
        ([{"a": [1]}], ["a"], None, "a cell holds a value that cannot be grouped by"),
        ([{"a": 1, "p": {}}], ["a"], "p", "a cell holds a value that cannot be grouped by"),
    ],
)
def test_k_anonymity_refuses_what_is_no_table(
    rows: object, columns: object, person: object, message: str
) -> None:
    with pytest.raises(UsageError, match=message):
        k_anonymity(rows, columns, person=person)  # type: ignore[arg-type]


def test_an_applicant_who_lost_one_row_of_two_is_counted_among_the_people_suppressed() -> None:
    """Reproduction (final read, 1): an applicant whose second application is left out and
    whose first is kept lost a row, and is one of the people the report counts: 13 rows of
    13 people left out are "13 rows suppressed, of 13 people", not "of 12 people"."""
    data = ledarskap.example_program()
    key = PseudonymKey(KEY)
    first = next(a for a in data.applications if a.id == "ans-001")
    again = attrs.evolve(first, id="ans-999", municipality=None)
    both = attrs.evolve(data, applications=(*data.applications, again))
    export = safe_tables(both, key, k=3)
    assert _exported(export, "applications", "application_id", key, "application", ["ans-001"])
    assert not _exported(export, "applications", "application_id", key, "application", ["ans-999"])
    result = export.report.tables[1]
    whose = _applicants(both, key)
    shown = {r["application_id"] for r in export.tables["applications"]}
    lost = {whose[a] for a in whose if a not in shown}
    assert key.person(both.person(first.person_id)) in lost
    assert result.people_suppressed == len(lost) == result.suppressed  # one row of each
    rendered = export.report.render("en")
    assert f"{result.suppressed} rows suppressed, of {len(lost)} people" in rendered
    assert export.report.to_data()["tables"][1]["people_suppressed"] == len(lost)


def test_k_1_makes_nothing_k_anonymous_and_is_not_called_safe() -> None:
    """Every group has at least one person: k=1 coarsens and suppresses nothing, and its
    report is headed as an export without k is, not "Safe export, k = 1"."""
    export = safe_tables(planted(), PseudonymKey(KEY), k=1)
    assert not export.report.k_anonymous
    assert safe_tables(planted(), PseudonymKey(KEY), k=2).report.k_anonymous
    assert not safe_tables(planted(), PseudonymKey(KEY)).report.k_anonymous
    result = export.report.tables[0]
    assert (result.coarsened, result.suppressed, result.k_after) == ((), 0, 1)
    en, sv = export.report.render("en"), export.report.render("sv")
    assert en.startswith("Pseudonymised export (not k-anonymous)\n")
    assert sv.startswith("Pseudonymiserad export (inte k-anonym)\n")
    assert "k = 1" not in en
    assert "k = 1" not in sv
    assert "k holds within" not in en
    assert en.endswith(
        "Exports made with the same key join on their pseudonyms; "
        "use a key of its own for each recipient"
    )
    assert export.report.mentors_unlinked  # k was given: the mentor is left out still
    assert export.report.to_data()["k"] == 1


@pytest.mark.parametrize("k", [0, -1, True, 2.5, "3"])
def test_a_bad_k_is_refused(k: object) -> None:
    """A bad k is a bad value, an InvalidValueError, here as in meeting_timeline (one check)."""
    with pytest.raises(InvalidValueError, match="k: expected a whole number of at least 1") as ours:
        safe_tables(ledarskap.example_program(), PseudonymKey(KEY), k=k)  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError) as theirs:
        meeting_timeline(ledarskap.example_program(), k=k)  # type: ignore[arg-type]
    assert str(ours.value) == f"safe_tables: {theirs.value}"
    assert ours.value.render("sv") == f"safe_tables: {theirs.value.render('sv')}"


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(
        InvalidValueError,
        match="safe_tables: suppress_at_most: expected a whole number of at least 0, found -1",
    ):
        safe_tables(ledarskap.example_program(), PseudonymKey(KEY), k=2, suppress_at_most=-1)
    with pytest.raises(UsageError, match="expected a PseudonymKey, found bytes"):
        safe_tables(ledarskap.example_program(), KEY)  # type: ignore[arg-type]


def test_a_bad_k_in_swedish() -> None:
    with pytest.raises(InvalidValueError) as caught:
        safe_tables(ledarskap.example_program(), PseudonymKey(KEY), k=0)
    assert caught.value.render("sv") == "safe_tables: k: förväntade ett heltal, minst 1, fick 0"
    assert str(caught.value) == "safe_tables: k: expected a whole number of at least 1, found 0"


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


def test_a_personnummer_as_a_cohort_id_is_a_pseudonym_in_every_table_and_the_report() -> None:
    """A cohort's id is text a file chose: a personnummer written as one goes out as a
    pseudonym wherever the export or its report names the cohort (its categories, every
    table's rows, the rows suppressed by cohort), as a session's id does."""
    text = ledarskap.dumps(ledarskap.example_program()).replace("liko-2025", "19850312-2395")
    key = PseudonymKey(KEY)
    export = safe_tables(ledarskap.loads(text), key, k=3)
    named = [r["cohort_id"] for rows in export.tables.values() for r in rows if "cohort_id" in r]
    pseudonym = key.pseudonym("cohort", "19850312-2395")
    assert named
    assert set(named) == {pseudonym}
    assert export.tables.schema["participants"].column("cohort_id").categories == (pseudonym,)
    shown = export.report.render("en") + export.report.render("sv") + repr(export.report)
    assert f"{pseudonym}: 10" in shown
    assert_masked(shown)
    assert_masked(repr(export.report.tables[0]) + repr(export.tables.schema))
    for table in export.report.tables:
        assert_masked(repr(table))


def test_two_cohorts_whose_ids_mask_alike_stay_two() -> None:
    """Reproduction (review): masked, 2024-2025-01 and 2025-2026-01 both read XXXXXX-XX01,
    and a safe export showed one cohort of 25. Ids that hold no personal data go out as
    they are; these, as two pseudonyms."""
    data = ledarskap.example_program()
    first = attrs.evolve(data.cohorts[0], id="2024-2025-01")
    second = attrs.evolve(data.cohorts[0], id="2025-2026-01", name="Omgång 2025/26")
    half = len(data.participants) // 2
    participants = tuple(
        attrs.evolve(p, cohort_id=(first if i < half else second).id)
        for i, p in enumerate(data.participants)
    )
    two = attrs.evolve(
        data,
        cohorts=(first, second),
        participants=participants,
        applications=(),
        mentorships=(),
        meetings=(),
    )
    key = PseudonymKey(KEY)
    export = safe_tables(two, key)
    counts = Counter(r["cohort_id"] for r in export.tables["participants"])
    assert sorted(counts.values()) == sorted([half, len(participants) - half])
    assert set(counts) == {key.pseudonym("cohort", c.id) for c in (first, second)}
    plain = safe_tables(data, key)  # liko-2025 holds no personal data: as it is
    assert {r["cohort_id"] for r in plain.tables["participants"]} == {"liko-2025"}


# The review's reproductions ---------------------------------------------------------------


def _exported(export: Any, table: str, column: str, key: PseudonymKey, kind: str, ids: Any) -> int:
    """How many of the records *ids* (of *kind*) have a row in *table* of *export*."""
    shown = {r[column] for r in export.tables[table]}
    return sum(key.pseudonym(kind, i) in shown for i in ids)


def test_an_applicant_who_applied_twice_is_one_person_not_a_group_of_two() -> None:
    """Reproduction (review H2): the kommunchef of Lindesberg, the only chief executive who
    applied from Örebro län, is left out at k=2 when she applies once, and no less when she
    applies twice (withdrew and applied again): two rows, one person."""
    data = ledarskap.example_program()
    key = PseudonymKey(KEY)
    target = next(a for a in data.applications if a.id == "ans-105")
    again = attrs.evolve(target, id="ans-105-again", status=ApplicationStatus.WITHDRAWN)
    twice = attrs.evolve(data, applications=(*data.applications, again))
    ids = (target.id, again.id)
    assert (
        _exported(
            safe_tables(data, key, k=2),
            "applications",
            "application_id",
            key,
            "application",
            ids[:1],
        )
        == 0
    )
    export = safe_tables(twice, key, k=2)
    assert _exported(export, "applications", "application_id", key, "application", ids) == 0
    result = export.report.tables[1]
    assert (result.rows, result.people) == (len(twice.applications), len(data.applications))
    alike = _applicants_alike(export.tables["applications"], _applicants(twice, key))
    assert min(alike.values()) == result.k_after >= 2


def test_a_participant_entered_twice_is_one_person_not_a_group_of_two() -> None:
    """Reproduction (review H2): a participant left out at k=2 is left out still when a sheet
    imported again enters her twice (one person, two ids)."""
    data = ledarskap.example_program()
    key = PseudonymKey(KEY)
    once = safe_tables(data, key, k=2)
    exported = {r["participant_id"] for r in once.tables["participants"]}
    target = next(
        p for p in data.participants if key.pseudonym("participant", p.id) not in exported
    )
    twice = attrs.evolve(
        data, participants=(*data.participants, attrs.evolve(target, id=f"{target.id}-b"))
    )
    export = safe_tables(twice, key, k=2)
    ids = (target.id, f"{target.id}-b")
    assert _exported(export, "participants", "participant_id", key, "participant", ids) == 0
    result = export.report.tables[0]
    assert (result.rows, result.people) == (len(data.participants) + 1, len(data.participants))
    assert result.people_suppressed == result.suppressed - 1  # her two rows, one person
    assert result.k_after == k_anonymity(export.tables["participants"], person="person_id") >= 2


def _two_cohorts() -> tuple[ProgramData, Participant, tuple[Participant, ...]]:
    """The example program and a cohort of 2027 in which d-013 (who withdrew in 2025) took
    part again, beside two newcomers in the same kind of job in the same county."""
    data = ledarskap.example_program()
    cohort = data.cohorts[0]
    later = attrs.evolve(
        cohort,
        id="liko-2027",
        name="Omgång 2027/28",
        start=cohort.start.replace(year=2027),
        end=cohort.end.replace(year=2028),
        application_deadline=None,
        sessions=(),
        support_groups=(),
    )
    target = next(p for p in data.participants if p.id == "d-013")
    job = next(a for a in data.appointments if a.id == target.appointment_id)
    people = [
        attrs.evolve(data.person(target.person_id), id=f"p-n{n}", personnummer=None) for n in (1, 2)
    ]
    jobs = [attrs.evolve(job, id=f"a-n{n}", person_id=f"p-n{n}") for n in (1, 2)]
    again = attrs.evolve(
        target,
        id="d2-013",
        cohort_id=later.id,
        status=ParticipantStatus.COMPLETED,
        application_id=None,
    )
    newcomers = [
        attrs.evolve(again, id=f"d2-n{n}", person_id=f"p-n{n}", appointment_id=f"a-n{n}")
        for n in (1, 2)
    ]
    both = attrs.evolve(
        data,
        cohorts=(*data.cohorts, later),
        people=(*data.people, *people),
        appointments=(*data.appointments, *jobs),
        participants=(*data.participants, again, *newcomers),
    )
    return both, target, (again, *newcomers)


def test_a_person_in_two_cohorts_is_not_found_where_two_groups_meet() -> None:
    """Reproduction (review H3): d-013 withdrew in 2025 and took part again in 2027. Her
    person_id joins her two rows; at k=3 the group of 2025 had 7 people and that of 2027 3,
    and she was the one person in both, so whoever knew she took part twice read that she
    had withdrawn. A person is now known by all of her rows: nobody else has her two, so both
    go; and the two newcomers, fewer than 3 once she is gone, go too."""
    data, target, later = _two_cohorts()
    key = PseudonymKey(KEY)
    export = safe_tables(data, key, k=3)
    rows = export.tables["participants"]
    assert key.person(data.person(target.person_id)) not in {r["person_id"] for r in rows}
    ids = [target.id, *(p.id for p in later)]
    assert _exported(export, "participants", "participant_id", key, "participant", ids) == 0
    assert all(r["cohort_id"] == "liko-2025" for r in rows)
    assert min(_participants_alike(rows).values()) >= 3
    # Whoever joins two groups on person_id finds nobody in both, or k people.
    groups: defaultdict[tuple[Any, ...], set[str]] = defaultdict(set)
    for row in rows:
        groups[_values(row)].add(row["person_id"])
    for one in groups.values():
        for other in groups.values():
            assert len(one & other) in (0, *range(3, len(rows) + 1))
    # Without k, nothing goes: her two rows are there, joined, as the docs say.
    plain = safe_tables(data, key).tables["participants"]
    assert sum(r["person_id"] == key.person(data.person(target.person_id)) for r in plain) == 2


def test_no_mentor_ties_an_adept_to_a_municipality() -> None:
    """Reproduction (review M1): a mentor is a municipality's kommunchef with one or two
    adepts, so mentorships.mentor_id -> mentors.municipality found "the adept of Ydre's
    kommunchef" (7 of 15 exported participants were their mentor's only adept). With k, the
    mentorships and meetings name no mentor, and nothing in them is a mentor's pseudonym;
    the mentors' table stays, tied to no adept."""
    key = PseudonymKey(KEY)
    export = safe_tables(ledarskap.example_program(), key, k=3)
    mentors = {r["mentor_id"] for r in export.tables["mentors"]}
    assert len(mentors) == len(ledarskap.example_program().mentors)
    assert all(r["municipality"] for r in export.tables["mentors"])
    for table in ("mentorships", "meetings"):
        assert export.tables.size(table)
        for row in export.tables[table]:
            assert row["mentor_id"] is None
            assert not mentors & set(row.values())
    adepts = {r["participant_id"] for r in export.tables["participants"]}
    assert {r["participant_id"] for r in export.tables["mentorships"]} <= adepts


def _many(people: int, outliers: Sequence[str]) -> ProgramData:
    """The example program with *people* participants in five municipalities of Östergötland
    (no personnummer, one position), and one more in each municipality of *outliers*."""
    data = ledarskap.example_program()
    first = data.participants[0]
    job = next(a for a in data.appointments if a.id == first.appointment_id)
    towns = ("Linköping", "Norrköping", "Motala", "Mjölby", "Finspång")
    places = [towns[n % len(towns)] for n in range(people)] + list(outliers)
    person = attrs.evolve(data.person(first.person_id), personnummer=None)
    return attrs.evolve(
        data,
        people=[attrs.evolve(person, id=f"p{n}") for n in range(len(places))],
        appointments=[
            attrs.evolve(
                job, id=f"a{n}", person_id=f"p{n}", municipality=ledarskap.municipality(town)
            )
            for n, town in enumerate(places)
        ],
        participants=[
            attrs.evolve(
                first, id=f"d{n}", person_id=f"p{n}", appointment_id=f"a{n}", application_id=None
            )
            for n in range(len(places))
        ],
        mentorships=(),
        meetings=(),
        applications=(),
    )


def test_a_large_table_leaves_a_few_out_rather_than_coarsen_everyone() -> None:
    """Reproduction (review L5): with suppress_at_most fixed at k, a handful of people in
    small municipalities coarsened the municipality away for all 1,000. By default it is 1 %
    of the people (10 here): the five are left out, and everyone else keeps the municipality."""
    data = _many(995, ["Boxholm", "Ödeshög", "Ydre", "Kinda", "Vadstena"])
    key = PseudonymKey(KEY)
    export = safe_tables(data, key, k=3)
    result = export.report.tables[0]
    assert (result.coarsened, result.suppressed, result.people_suppressed) == ((), 5, 5)
    assert {r["municipality"] for r in export.tables["participants"]} == {
        "Linköping",
        "Norrköping",
        "Motala",
        "Mjölby",
        "Finspång",
    }
    strict = safe_tables(data, key, k=3, suppress_at_most=3).report.tables[0]
    assert (strict.coarsened, strict.suppressed) == (COARSENING_ORDER, 0)
    # The share is of the people: 1 % of 399 is 3, no more than k.
    small = safe_tables(_many(395, ["Boxholm", "Ödeshög", "Ydre", "Kinda"]), key, k=3)
    assert small.report.tables[0].coarsened == COARSENING_ORDER


def test_a_cohort_only_suppressed_rows_named_is_neither_a_category_nor_in_the_report() -> None:
    """Reproduction (review L7): a cohort of 2019 with one participant, who is left out at
    k=2, was still a category of cohort_id: that someone took part in 2019 was in the
    export. It is not now, nor is it in the report; a cohort no row names stays (its 0
    tells nothing), and without k the 2019 cohort is there with its row."""
    data = ledarskap.example_program()
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
    empty = attrs.evolve(earlier, id="liko-2031", name="Omgång 2031/32")
    alone = attrs.evolve(data.participants[0], id="d-2019", cohort_id="liko-2019")
    both = attrs.evolve(
        data, cohorts=(earlier, *data.cohorts, empty), participants=(*data.participants, alone)
    )
    key = PseudonymKey(KEY)
    export = safe_tables(both, key, k=2)
    for name in set(export.tables) - {"reasons"}:
        assert export.tables.schema[name].column("cohort_id").categories == (
            "liko-2025",
            "liko-2031",
        )
    report = export.report
    assert all("liko-2019" not in r.suppressed_by_cohort for r in report.tables)
    texts = report.render("sv") + report.render("en") + json.dumps(report.to_data())
    assert "liko-2019" not in texts
    assert "2019" not in tables_bytes(export.tables, "json").decode()
    assert report.tables[0].suppressed == sum(report.tables[0].suppressed_by_cohort.values()) + 1
    plain = safe_tables(both, key)
    assert "liko-2019" in plain.tables.schema["participants"].column("cohort_id").categories

"""The converters of ledarskap.io: plain data in and out, strict types, located problems."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from cattrs.errors import ClassValidationError

from ledarskap import (
    Activity,
    Cohort,
    County,
    Level,
    Mentorship,
    Municipality,
    Personnummer,
    Position,
    Session,
    SessionKind,
    county,
    municipality,
    position,
)
from ledarskap.errors import DocumentError
from ledarskap.io import make_converter
from ledarskap.io._convert import municipality_names
from ledarskap.io._problems import json_path_to_key_path, problems_of

JSON = make_converter()
FIRST = make_converter(detailed_validation=False)
TOML = make_converter(flavour="toml")


def test_each_call_makes_a_new_converter() -> None:
    assert make_converter() is not make_converter()


@pytest.mark.parametrize(
    ("value", "kind", "plain"),
    [
        (municipality("0580"), Municipality, "0580"),
        (county("05"), County, "05"),
        (position("kommunchef"), Position, "kommunchef"),
        (Personnummer("198503122395"), Personnummer, "19850312-2395"),
        (dt.date(2025, 9, 1), dt.date, "2025-09-01"),
        (SessionKind.FOLLOW_UP, SessionKind, "follow-up"),
        (frozenset({Level.SOCIETY, Level.GROUP}), frozenset[Level], ["group", "society"]),
        (("a", "b"), tuple[str, ...], ["a", "b"]),
        ((dt.date(2025, 1, 2),), tuple[dt.date, ...], ["2025-01-02"]),
        (None, dt.date | None, None),
        (dt.date(2025, 1, 2), dt.date | None, "2025-01-02"),
    ],
)
def test_single_values_round_trip(value: Any, kind: Any, plain: Any) -> None:
    assert JSON.unstructure(value, kind) == plain
    assert JSON.structure(plain, kind) == value


def test_toml_keeps_dates_and_reads_absent_optional_keys_as_none() -> None:
    pair = Mentorship(id="m", mentor_id="k", participant_id="d", start=dt.date(2025, 1, 1))
    assert TOML.unstructure(pair)["start"] == dt.date(2025, 1, 1)
    assert (
        TOML.structure(
            {"id": "m", "mentor_id": "k", "participant_id": "d", "start": dt.date(2025, 1, 1)},
            Mentorship,
        )
        == pair
    )


@pytest.mark.parametrize(
    ("plain", "kind", "message"),
    [
        (3, str, "expected text, found the number 3"),
        ("3", int, "expected a whole number, found text '3'"),
        (2.5, int, "expected a whole number, found the number 2.5"),
        (1, bool, "expected true or false, found the number 1"),
        ("2025-9-1", dt.date, "expected a date YYYY-MM-DD, found text '2025-9-1'"),
        (dt.datetime(2025, 9, 1, 12), dt.date, "found the date-time '2025-09-01T12:00:00'"),
        ("Östergötland län x", County, "found text 'Östergötland län x'"),
        (5, County, "expected a county code such as '05', found the number 5"),
        ("linkoping", Municipality, "did you mean 0580 Linköping?"),
        ([], Municipality, "found a list of 0 items"),
        ("Kommunchef", Position, "the slug of a catalog position"),
        (None, Position, "found null"),
        ("1985-03-12", Personnummer, "expected a personnummer YYYYMMDD-NNNN"),
        (198503122395, Personnummer, "as text"),
        ("bogus", SessionKind, "'residential', 'session', 'follow-up'"),
        (True, SessionKind, "found true"),
        ("a", tuple[str, ...], "expected a list, found text 'a'"),
        (["lecture", "lecture"], frozenset[Activity], "no item twice"),
        ({"x": 1}, Session, "unknown key"),
        ({1, 2}, str, "found a set"),
    ],
)
def test_what_cannot_be_read_says_what_was_expected_and_found(
    plain: object, kind: Any, message: str
) -> None:
    # FieldError is a ValueError: caught as such, so that this test does not depend on
    # which copy of the module pytest's doctest collection imported first.
    with pytest.raises((ValueError, ClassValidationError)) as exc:
        JSON.structure(plain, kind)
    text = " ".join(str(p) for p in problems_of(exc.value))
    assert message in text


def test_whole_valued_numbers_are_integers() -> None:
    assert JSON.structure(24.0, int) == 24
    assert type(JSON.structure(24.0, int)) is int


def test_without_detailed_validation_the_first_problem_is_raised() -> None:
    """The converter raises the library's DocumentError (a ValueError), never cattrs' own."""
    with pytest.raises(DocumentError, match="expected a list") as exc:
        FIRST.structure("a", tuple[str, ...])
    assert isinstance(exc.value, ValueError)
    assert [p.path for p in exc.value.problems] == ["$"]
    with pytest.raises(DocumentError, match="no item twice"):
        FIRST.structure(["lecture", "lecture"], frozenset[Activity])


def test_a_detailed_structure_raises_every_problem_at_its_path() -> None:
    """make_converter().structure raises DocumentError listing each problem with its JSON path."""
    with pytest.raises(DocumentError) as exc:
        JSON.structure({"id": "m 1", "mentor_id": 3, "participant_id": "d-1"}, Mentorship)
    assert {p.path: p.code for p in exc.value.problems} == {
        "$.id": "invalid",
        "$.mentor_id": "type",
        "$.start": "missing",
    }


def test_municipalities_are_read_by_code_and_exact_names() -> None:
    names = municipality_names()
    assert {"0580", "Linköping", "Region Gotland", "Gotland"} <= names
    assert len([n for n in names if n.isdigit()]) == 290


def test_key_paths_drop_the_json_root() -> None:
    assert json_path_to_key_path("$.participants[3].id") == "participants[3].id"
    assert json_path_to_key_path("$") == "(top level)"


def test_problems_of_an_unexpected_exception_name_it() -> None:
    (problem,) = problems_of(RuntimeError("boom"), "$.x")
    assert problem.location == "$.x"
    assert "RuntimeError: 'boom'" in problem.message


def test_every_broken_invariant_of_a_record_is_reported_with_its_path() -> None:
    """Each field's check runs on its own: a record breaking two reports both, not the first."""
    with pytest.raises(DocumentError) as exc:
        JSON.structure(
            {"id": "s 1", "kind": "session", "title": " ", "start": "2025-09-12"}, Session
        )
    assert [p.path for p in exc.value.problems] == ["$.id", "$.title"]


def test_a_check_needing_a_field_that_could_not_be_read_is_left_out() -> None:
    """'end not before start' is not guessed when start is unreadable: start alone is reported."""
    plain = {"id": "m", "mentor_id": "k", "participant_id": "d", "start": "2025-02-30"}
    with pytest.raises(DocumentError) as exc:
        JSON.structure({**plain, "end": "2025-01-01"}, Mentorship)
    assert [p.path for p in exc.value.problems] == ["$.start"]


def test_a_date_before_another_is_reported_with_the_other_date() -> None:
    plain = {"id": "m 1", "mentor_id": "k", "participant_id": "d", "start": "2025-09-12"}
    with pytest.raises(DocumentError) as exc:
        JSON.structure({**plain, "end": "2025-01-01"}, Mentorship)
    found = {p.path: p.message for p in exc.value.problems}
    assert list(found) == ["$.id", "$.end"]
    assert "on or after start (2025-09-12)" in found["$.end"]


def test_a_derived_default_is_derived_from_the_draft() -> None:
    """Session.end defaults to its start: derived on the draft, so an id problem stands alone."""
    with pytest.raises(DocumentError) as exc:
        JSON.structure(
            {"id": "s 1", "kind": "session", "title": "Dag", "start": "2025-09-12"}, Session
        )
    assert [p.path for p in exc.value.problems] == ["$.id"]


def test_a_derived_default_of_an_unreadable_field_is_left_out() -> None:
    with pytest.raises(DocumentError) as exc:
        JSON.structure({"id": "s-1", "kind": "session", "title": "Dag", "start": 3}, Session)
    assert [p.path for p in exc.value.problems] == ["$.start"]


def test_a_records_checks_across_fields_are_each_a_problem_at_its_item() -> None:
    """A cohort's sessions outside its dates and a repeated id are each a problem at the
    item; without detailed validation they are the record's own problems, as it names them."""
    late = {"kind": "session", "title": "Träff", "start": "2027-01-01"}
    plain = {
        "id": "c",
        "program_id": "p",
        "name": "Omgång",
        "start": "2025-09-01",
        "end": "2026-06-30",
        "sessions": [{"id": "s-1", **late}, {"id": "s-1", **late}],
    }
    with pytest.raises(DocumentError) as exc:
        JSON.structure(plain, Cohort)
    assert [p.path for p in exc.value.problems] == [
        "$.sessions[0]",
        "$.sessions[1]",
        "$.sessions[1].id",
    ]
    with pytest.raises(DocumentError) as first:
        FIRST.structure(plain, Cohort)
    paths = ["Cohort.sessions[0]", "Cohort.sessions[1]", "Cohort.sessions[1].id"]
    assert [p.path for p in first.value.problems] == paths

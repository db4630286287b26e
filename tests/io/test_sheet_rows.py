"""A sheet's rows into records (:mod:`ledarskap.io._sheet_cells`): every problem of a row at
once, each where the user wrote its value, and no personal cell ever shown as written."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledarskap.errors import InvalidValueError
from ledarskap.io import SheetImport, read_sheet
from ledarskap.io.spreadsheets import SheetKind
from tests.io._swedish import english_words

HEADER = "Förnamn;Efternamn;Kommun;Förvaltning;Befattning;Startdatum"
ROW = "Anna;Berg;Linköping;Socialförvaltningen;Förvaltningschef;2025-09-01"


def _read(text: str, kind: SheetKind = "participants", **options: Any) -> SheetImport:
    options.setdefault("cohort_id", "c-1")
    return read_sheet(text.encode("utf-8"), kind, name="t.csv", **options)


def _where(sheet: SheetImport) -> list[tuple[int | None, str | int | None, str]]:
    return [(p.row, p.column, p.code) for p in sheet.problems]


def _texts(sheet: SheetImport) -> list[str]:
    """Every text a user may see of the sheet's problems."""
    texts = [sheet.report("sv"), sheet.report("en"), repr(sheet), repr(sheet.outcomes)]
    for problem in sheet.problems:
        texts += [str(problem), repr(problem), problem.render("sv")]
    return texts


# Personal data ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "found"),
    [
        ("850312.2395", "XXXXXX-XX95"),
        ("19850312\t2395", "19XXXXXX-XX95"),
        ("850312 / 2395", "XXXXXX-XX95"),
        ("850312_2394", "XXXXXX-XX94"),
        ("850312-239", "XXXXXX-X39"),
        ("85 03 12 23 9", "XX XX XX X3 9"),
        ("198503122396", "19XXXXXX-XX96"),
    ],
)
def test_a_personnummer_that_does_not_read_is_never_shown_as_written(cell: str, found: str) -> None:
    sheet = _read(f"{HEADER};Personnummer\n{ROW};{cell}\n")
    [problem] = sheet.problems
    assert problem.code == "invalid-personnummer"
    assert f"found text '{found}'" in str(problem)
    digits = re.sub(r"\D", "", cell)
    for text in _texts(sheet):
        assert digits[:6] not in re.sub(r"\D", "", text.replace("2025-09-01", ""))


@pytest.mark.parametrize(
    "cell",
    [
        "anna.berg @linkoping.se",
        "anna.berg＠linkoping.se",  # a full-width @
        "anna.berg\u00a0@linkoping.se",
        "anna.berg@linkoping se",
        "anna.berg(at)linkoping.se",
        "mailto:anna.berg@linkoping.se, per.ek@linkoping.se",
    ],
)
def test_an_address_that_does_not_read_is_never_shown_as_written(cell: str) -> None:
    sheet = _read(f"{HEADER};E-post\n{ROW};{cell}\n")
    assert _where(sheet) == [(2, "E-post", "invalid")]
    for text in _texts(sheet):
        assert "anna.berg" not in text
        assert "nna" not in text.replace("Anna", "")


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.integers(0, 9), min_size=10, max_size=12),
    st.lists(
        st.sampled_from([".", "\t", " / ", "_", ",", "", "-", " ", "x", "\u2024"]), max_size=12
    ),
)
def test_law_no_personnummer_cell_shows_more_than_its_century_and_last_two(
    digits: list[int], separators: list[str]
) -> None:
    """Whatever stands between its digits, a number in a Personnummer cell is masked."""
    cell = "".join(
        f"{d}{separators[i] if i < len(separators) else ''}" for i, d in enumerate(digits)
    )
    sheet = _read(f"{HEADER};Personnummer\n{ROW};{cell.strip()}\n")
    for problem in sheet.problems:
        for text in (str(problem), problem.render("sv")):
            quoted = re.search(r"(?:found text|fick texten) '(.*)'", text)
            assert quoted is not None
            assert sum(c.isdigit() for c in quoted.group(1)) <= 4


# Every problem of a row, at once, where it was written ---------------------------------


def test_an_empty_required_municipality_is_missing_not_the_text_none() -> None:
    sheet = _read(f"{HEADER}\nAnna;Berg;;Soc;Chef;2025-09-01\n")
    assert _where(sheet) == [(2, "Kommun", "missing")]
    assert "expected a value, found an empty cell" in str(sheet.problems[0])
    assert "None" not in sheet.problems[0].render("sv")
    mentors = _read("Förnamn;Efternamn;Kommun\nAnna;Berg;\n", "mentors")
    assert _where(mentors) == [(2, "Kommun", "missing")]


def test_an_empty_cell_and_a_bad_date_are_both_reported() -> None:
    sheet = _read(f"{HEADER}\nAnna;Berg;;Soc;Chef;2025-13-01\n")
    assert _where(sheet) == [(2, "Kommun", "missing"), (2, "Startdatum", "invalid-date")]


def test_the_models_checks_are_reported_with_the_cells_problems() -> None:
    sheet = _read(f"{HEADER};Slutdatum;E-post\n{ROW};1/1/2024;bad\n")
    assert _where(sheet) == [(2, "E-post", "invalid"), (2, "Slutdatum", "invalid")]
    assert "expected a date on or after start (2025-09-01), found text '1/1/2024'" in str(
        sheet.problems[1]
    )  # as the user wrote it
    meeting = _read("Mentorskap;Datum;Typ;Längd (min)\nms 1;2025-13-01;fysiskt;0\n", "meetings")
    assert _where(meeting) == [
        (2, "Mentorskap", "invalid"),
        (2, "Datum", "invalid-date"),
        (2, "Längd (min)", "invalid"),
    ]


@pytest.mark.parametrize(
    ("header", "cell", "options"),
    [("Omgång", "LIKO 2026", {"cohort_id": None}), ("Id", "d 7", {}), ("Person-id", "p 7", {})],
)
def test_a_bad_id_or_cohort_is_reported_at_its_column_as_written(
    header: str, cell: str, options: dict[str, Any]
) -> None:
    sheet = _read(f"{header};{HEADER}\n{cell};{ROW}\n", **options)
    assert _where(sheet) == [(2, header, "invalid")]
    assert str(sheet.problems[0]).endswith(f"found text {cell!r}")


def test_a_cohort_argument_that_is_no_id_is_refused_at_once() -> None:
    with pytest.raises(InvalidValueError, match=r"read_sheet\(cohort_id\): expected an id"):
        _read(f"{HEADER}\n{ROW}\n", cohort_id="liko 2026")


def test_an_id_made_too_long_names_the_cell_it_was_made_of() -> None:
    cohort = "c" * 62
    sheet = _read(f"Omgång;{HEADER}\n{cohort};{ROW}\n", cohort_id=None)
    [problem] = sheet.problems
    assert (problem.row, problem.column) == (2, "Omgång")
    assert problem.message.startswith(f"the id 'p-d-{cohort}-2' made from it is not valid")
    assert english_words(problem.render("sv")) == []
    alone = _read(f"{HEADER}\n{ROW}\n", cohort_id=cohort)
    assert [(p.row, p.column) for p in alone.problems] == [(2, None)]
    assert "made from the cohort" in str(alone.problems[0])


def test_a_mentors_capacity_is_at_least_one() -> None:
    sheet = _read(
        "Förnamn;Efternamn;Kommun;Kapacitet\nA;B;Linköping;0\nC;D;Linköping;00\nE;F;Linköping;\n",
        "mentors",
    )
    assert _where(sheet) == [(2, "Kapacitet", "invalid"), (3, "Kapacitet", "invalid")]
    assert "expected a whole number, at least 1, found text '00'" in str(sheet.problems[1])
    assert [m.capacity for m in sheet.mentors] == [1]  # an empty cell: the model's default


@pytest.mark.parametrize(("staff", "leads"), [("Ja", "Nej"), ("x", "n"), ("nej", "ja")])
def test_yes_and_no_cells_that_contradict_are_a_problem(staff: str, leads: str) -> None:
    sheets: list[tuple[SheetKind, str]] = [
        ("participants", HEADER),
        ("applications", "Förnamn;Efternamn;Inkommen"),
    ]
    for kind, header in sheets:
        row = ROW if kind == "participants" else "Anna;Berg;2025-09-01"
        sheet = _read(f"{header};Stabsfunktion;Leder stabsfunktion\n{row};{staff};{leads}\n", kind)
        assert _where(sheet) == [(2, "Leder stabsfunktion", "conflicting-values")]
        assert english_words(sheet.problems[0].render("sv")) == []


def test_yes_and_no_cells_that_agree_are_read() -> None:
    sheet = _read(f"{HEADER};Stabsfunktion;Leder stabsfunktion\n{ROW};ja;ja\n{ROW};nej;nej\n")
    assert sheet.ok, sheet.problems
    assert [a.staff_function is not None for a in sheet.appointments] == [True, False]


def test_a_notes_default_fills_a_meeting_without_notes() -> None:
    sheet = _read(
        "Mentorskap;Datum;Typ;Anteckningar\nms1;2025-09-01;fysiskt;\nms1;2025-09-08;fysiskt; egen \n",
        "meetings",
        defaults={"notes": "Importerad från Norrköping"},
    )
    assert [m.notes for m in sheet.meetings] == ["Importerad från Norrköping", " egen "]
    missing = _read(
        "Mentorskap;Datum;Typ\nms1;2025-09-01;fysiskt\n",
        "meetings",
        defaults={"notes": "Importerad"},
    )
    assert [m.notes for m in missing.meetings] == ["Importerad"]


def test_a_good_default_gives_every_row_its_value() -> None:
    sheet = _read(
        "Förnamn;Efternamn;Kommun;Förvaltning;Befattning\nA;B;Linköping;S;Chef\n",
        defaults={"start": dt.date(2025, 9, 1)},
    )
    assert sheet.ok, sheet.problems
    assert sheet.appointments[0].start == dt.date(2025, 9, 1)

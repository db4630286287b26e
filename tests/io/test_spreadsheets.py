"""Spreadsheets: the sample sheet, headers, dialects, dates, row problems, round trips, junk."""

from __future__ import annotations

import csv
import datetime as dt
import importlib
import io
import os
import re
import stat
import sys
import time
from pathlib import Path
from typing import Any

import attrs
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ledarskap
from ledarskap import (
    MeetingKind,
    MissingDependencyError,
    Organiser,
    Program,
    ProgramData,
    StaffFunction,
)
from ledarskap.errors import (
    DocumentError,
    FileAccessError,
    InvalidValueError,
    LedarskapError,
    Problem,
    UsageError,
    mask_personal_data,
)
from ledarskap.io import SheetImport, read_sheet, sheet_bytes, write_sheet
from ledarskap.io._sheets import parse_date
from ledarskap.io.spreadsheets import COLUMNS, SheetKind
from ledarskap.testing import program_data
from tests.io._swedish import english_words

EXAMPLES = Path(__file__).parents[2] / "examples"
KINDS: list[SheetKind] = ["participants", "mentors", "applications", "meetings"]
SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])

HEADER = "Förnamn;Efternamn;Kommun;Förvaltning;Befattning;Startdatum"


def _read(text: str, kind: SheetKind = "participants", **options: Any) -> SheetImport:
    options.setdefault("cohort_id", "c-1")
    return read_sheet(text.encode("utf-8"), kind, name="t.csv", **options)


# The sample sheet ------------------------------------------------------------------------


def test_the_sample_sheet_keeps_good_rows_and_reports_the_bad() -> None:
    sheet = read_sheet(EXAMPLES / "deltagare.csv", "participants", cohort_id="liko-2025")
    assert sheet.rows == 8
    assert len(sheet.participants) == len(sheet.people) == len(sheet.appointments) == 6
    assert [(p.row, p.column, p.code) for p in sheet.problems] == [
        (7, "E-post", "invalid"),
        (7, "Kommun", "unknown-municipality"),
        (7, "Startdatum", "invalid-date"),
        (8, "Efternamn", "missing"),
    ]
    assert str(sheet.problems[1]).startswith("deltagare.csv, row 7, column 'Kommun': expected")
    assert not sheet.ok
    holm = sheet.appointments[2]
    assert holm.municipality.name == "Motala"  # by code, 0583
    assert holm.staff_function is StaffFunction.HR
    assert sheet.appointments[3].start == dt.date(2018, 1, 15)  # 15/1/2018, day first


def test_the_xlsx_twin_reads_the_same() -> None:
    csv = read_sheet(EXAMPLES / "deltagare.csv", "participants", cohort_id="liko-2025")
    xlsx = read_sheet(EXAMPLES / "deltagare.xlsx", "participants", cohort_id="liko-2025")
    assert (xlsx.people, xlsx.appointments, xlsx.participants) == (
        csv.people,
        csv.appointments,
        csv.participants,
    )
    assert [(p.row, p.column) for p in xlsx.problems] == [(p.row, p.column) for p in csv.problems]
    assert xlsx.problems[0].source == "deltagare.xlsx"


def test_strict_mode_raises_listing_every_problem() -> None:
    with pytest.raises(DocumentError) as info:
        read_sheet(EXAMPLES / "deltagare.csv", "participants", cohort_id="liko-2025", strict=True)
    assert len(info.value.problems) == 4
    assert "row 8, column 'Efternamn'" in str(info.value)
    assert type(info.value.problems[0]) is Problem


def test_merge_into_program_data() -> None:

    data = ProgramData(
        program=Program(
            id="liko",
            name="Ledarskap i kommuner",
            organiser=Organiser(name="CKS", full_name="Centrum", university="LiU"),
        )
    )
    sheet = read_sheet(EXAMPLES / "deltagare.csv", "participants", cohort_id="liko-2025")
    merged = sheet.merge_into(data)
    assert len(merged.participants) == 6
    assert merged.participant("d-liko-2025-2").person_id == "p-d-liko-2025-2"


def test_a_person_already_in_the_data_with_other_details_is_refused_not_dropped() -> None:
    """The sheet's Anna Berg is not the program's person p-kc-0580: nothing is linked to her."""
    data = ledarskap.example_program()
    there = data.people[0]
    header = f"Person-id;{HEADER};E-post"
    row = f"{there.id};Anna;Berg;Linköping;Soc;Förvaltningschef;2021-03-01;anna@example.se"
    sheet = _read(f"{header}\n{row}\n{row}\n", cohort_id="liko-2025")
    assert sheet.ok, sheet.problems
    [problem] = sheet.conflicts(data)
    assert (problem.row, problem.column, problem.code) == (2, "Person-id", "conflicting-person")
    assert problem.message.startswith(f"person {there.id} is already in the program")
    assert "(Given name, Family name, E-mail)" in problem.message
    assert english_words(problem.render("sv")) == []
    with pytest.raises(DocumentError) as raised:
        sheet.merge_into(data)
    assert raised.value.problems == (problem,)


def test_a_person_the_sheet_agrees_with_is_linked() -> None:
    """The same person, the sheet saying less of them (no e-mail): linked, kept as they are."""
    data = ledarskap.example_program()
    there = data.people[0]
    sheet = _read(
        f"Person-id;{HEADER}\n"
        f"{there.id};{there.given_name};{there.family_name};Linköping;Soc;Chef;2021-03-01\n",
        cohort_id="liko-2025",
    )
    assert sheet.conflicts(data) == ()
    merged = sheet.merge_into(data)
    assert merged.people == data.people
    assert merged.participants[-1].person_id == there.id


# Headers and dialects --------------------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    [
        HEADER,
        "Given name;Family name;Municipality;Organisation;Title;Start date",
        "FORNAMN;efter namn;KOMMUN;forvaltning;befattning;start-datum",
        "first name;Surname;Kommunkod;Arbetsplats;Titel;Anställd sedan",
    ],
)
def test_headers_in_swedish_or_english_any_case_and_accents(header: str) -> None:
    sheet = _read(f"{header}\nAnna;Berg;0580;Socialförvaltningen;Socialchef;2021-03-01\n")
    assert sheet.ok, [str(p) for p in sheet.problems]
    assert sheet.people[0].given_name == "Anna"
    assert sheet.appointments[0].position is not None
    assert sheet.appointments[0].position.slug == "forvaltningschef"


@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_csv_dialects(delimiter: str, encoding: str) -> None:
    text = (
        f"{HEADER}\nÅsa;Öberg;Linköping;Kultur- och fritidsförvaltningen;Kulturchef;2021-03-01\n"
    ).replace(";", delimiter)
    sheet = read_sheet(text.encode(encoding), "participants", cohort_id="c-1")
    assert sheet.ok, [str(p) for p in sheet.problems]
    assert sheet.people[0].given_name == "Åsa"
    assert sheet.appointments[0].organisation == "Kultur- och fritidsförvaltningen"


def test_quoted_cells_with_delimiters_and_line_breaks() -> None:
    text = f'{HEADER};Rapporterar till\nAnna;Berg;Linköping;"Social; förvaltningen";"Chef\nför allt";2021-03-01;"Socialnämnden; Kommunstyrelsen"\n'
    sheet = _read(text)
    assert sheet.ok, [str(p) for p in sheet.problems]
    job = sheet.appointments[0]
    assert job.organisation == "Social; förvaltningen"
    assert job.title == "Chef\nför allt"
    assert [b.kind.value for b in job.reports_to] == ["namnd", "kommunstyrelse"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-09-01", dt.date(2025, 9, 1)),
        ("2025-09-01 00:00:00", dt.date(2025, 9, 1)),
        ("2025-09-01T13:30", dt.date(2025, 9, 1)),
        ("20250901", dt.date(2025, 9, 1)),
        ("2025/9/1", dt.date(2025, 9, 1)),
        ("1/9/2025", dt.date(2025, 9, 1)),
        ("1.9.2025", dt.date(2025, 9, 1)),
        ("1/9 2025", dt.date(2025, 9, 1)),
        ("1 september 2025", dt.date(2025, 9, 1)),
        ("1 sep. 2025", dt.date(2025, 9, 1)),
        ("1 Okt 2025", dt.date(2025, 10, 1)),
        ("2025-02-30", None),
        ("första september", None),
        ("", None),
    ],
)
def test_dates_in_iso_and_swedish_forms(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


# Row problems ---------------------------------------------------------------------------


def test_a_missing_required_column_is_one_problem_and_no_records() -> None:
    sheet = _read("Förnamn;Efternamn;Kommun\nAnna;Berg;Linköping\n")
    assert sheet.participants == ()
    assert [(p.row, p.column, p.code) for p in sheet.problems] == [(1, None, "missing-column")] * 3
    assert "'Förvaltning'" in sheet.problems[0].message  # then Befattning, Startdatum


def test_unknown_duplicate_and_ignored_columns() -> None:
    text = f"{HEADER};Kommentar;Kommun\nAnna;Berg;Linköping;Förvaltning;Socialchef;2021-03-01;hej;Motala\n"
    sheet = _read(text)
    assert [(p.row, p.column, p.code) for p in sheet.problems] == [
        (1, "Kommentar", "unknown-column"),
        (1, "Kommun", "duplicate-column"),
    ]
    assert len(sheet.participants) == 1
    sheet = _read(text, ignore_columns=["kommentar"])
    assert [p.code for p in sheet.problems] == ["duplicate-column"]


def test_a_value_under_no_header_is_not_lost_silently() -> None:
    sheet = _read(f"{HEADER}\nAnna;Berg;Linköping;Förvaltning;Socialchef;2021-03-01;extra\n")
    assert [(p.row, p.code) for p in sheet.problems] == [(2, "stray-cell")]
    assert sheet.participants == ()


def test_every_problem_of_a_row_is_reported() -> None:
    text = (
        "Förnamn;Efternamn;E-post;Personnummer;Kommun;Förvaltning;Befattning;Startdatum;Status\n"
        "Anna;;anna@;198503122396;Atlantis;;Socialchef;igår;på väg\n"
    )
    sheet = _read(text)
    assert [p.column for p in sheet.problems] == [
        "Efternamn",
        "E-post",
        "Personnummer",
        "Kommun",
        "Förvaltning",
        "Startdatum",
        "Status",
    ]
    assert all(p.row == 2 for p in sheet.problems)
    assert "198503122396" not in " ".join(map(str, sheet.problems))


def test_repeated_ids_and_conflicting_people() -> None:
    text = (
        f"Id;Person-id;{HEADER}\n"
        "d-1;p-1;Anna;Berg;Linköping;Förvaltning;Socialchef;2021-03-01\n"
        "d-1;p-2;Erik;Lund;Linköping;Förvaltning;Socialchef;2021-03-01\n"
        "d-3;p-1;Anna;Bergh;Linköping;Förvaltning;Socialchef;2021-03-01\n"
    )
    sheet = _read(text)
    assert [(p.row, p.code) for p in sheet.problems] == [
        (3, "repeated-id"),
        (4, "conflicting-person"),
    ]
    assert [p.id for p in sheet.participants] == ["d-1"]


def test_the_cohort_comes_from_a_column_or_the_caller() -> None:
    text = f"Omgång;{HEADER}\nc-9;Anna;Berg;Linköping;Förvaltning;Socialchef;2021-03-01\n"
    assert _read(text).participants[0].cohort_id == "c-9"
    sheet = read_sheet(f"{HEADER}\nAnna;Berg;Linköping;F;Socialchef;2021-03-01\n", "participants")
    assert [p.code for p in sheet.problems] == ["missing"]


def test_political_bodies_whose_kind_the_name_does_not_say() -> None:
    text = f"{HEADER};Rapporterar till\nAnna;Berg;Linköping;F;Socialchef;2021-03-01;Utskottet\n"
    assert [p.column for p in _read(text).problems] == ["Rapporterar till"]
    sheet = _read(text.replace("Utskottet", "Utskottet (nämnd)"))
    assert sheet.appointments[0].reports_to[0].name == "Utskottet"


def test_an_unknown_kind_or_an_empty_sheet_is_an_error() -> None:
    with pytest.raises(LedarskapError):
        read_sheet(b"a;b\n1;2\n", "nothing")  # type: ignore[arg-type]
    sheet = read_sheet(b"", "participants")
    assert [p.code for p in sheet.problems] == ["empty"]
    with pytest.raises(DocumentError):
        read_sheet(Path("/nonexistent/deltagare.csv"), "participants")


def test_meetings_and_mentors_sheets() -> None:
    meetings = _read(
        "Mentorskap;Datum;Typ;Längd (min);Anteckningar\nms-1;2025-10-01;digitalt möte;60; Om  ledarskap \n",
        "meetings",
    )
    assert meetings.ok
    (meeting,) = meetings.meetings
    assert (meeting.kind, meeting.duration_minutes, meeting.notes) == (
        MeetingKind.ONLINE,
        60,
        " Om  ledarskap ",
    )
    mentors = _read("Förnamn;Efternamn;Kommun;Kapacitet\nKim;Chef;Norrköping;3\n", "mentors")
    assert mentors.mentors[0].capacity == 3
    assert mentors.mentors[0].municipality.code == "0581"


# Writing and round trips ---------------------------------------------------------------


def test_personnummer_is_written_only_when_asked(tmp_path: Path) -> None:
    sheet = _read(
        "Förnamn;Efternamn;Personnummer;Kommun;Förvaltning;Befattning;Startdatum\n"
        "Anna;Berg;850312-2395;Linköping;F;Socialchef;2021-03-01\n"
    )
    data = sheet.merge_into(_empty())
    default = sheet_bytes(data, kind="participants").decode("utf-8-sig")
    assert "Personnummer" not in default
    assert "2395" not in default
    full = sheet_bytes(data, kind="participants", include_personnummer=True).decode("utf-8-sig")
    assert "19850312-2395" in full
    path = tmp_path / "ut.xlsx"
    write_sheet(data, path, kind="participants", language="en")
    again = read_sheet(path, "participants")
    assert again.ok
    assert again.people[0].personnummer is None
    assert again.participants == data.participants


def _empty() -> ProgramData:

    return ProgramData(
        program=Program(
            id="liko",
            name="Ledarskap i kommuner",
            organiser=Organiser(name="CKS", full_name="Centrum", university="LiU"),
        )
    )


def _same_records(data: ProgramData, sheet: SheetImport, kind: SheetKind) -> None:
    assert sheet.ok, [str(p) for p in sheet.problems]
    assert getattr(sheet, kind) == getattr(data, kind)
    if kind == "participants":
        assert sheet.appointments == tuple(
            data.appointment(p.appointment_id) for p in data.participants
        )
    for person in sheet.people:
        assert person == data.person(person.id)


@SETTINGS
@given(program_data(max_cohorts=2, max_participants=4), st.sampled_from(KINDS))
def test_csv_round_trip_is_lossless(data: ProgramData, kind: SheetKind) -> None:
    """Records written to a sheet (personnummer included) and read back are the same records."""
    content = sheet_bytes(data, kind=kind, include_personnummer=True)
    sheet = read_sheet(content, kind)
    _same_records(data, sheet, kind)
    # and the records read, written again, give the same bytes
    again = sheet.merge_into(ProgramData(program=data.program))
    assert sheet_bytes(again, kind=kind, include_personnummer=True) == content


def test_the_sample_sheet_round_trips() -> None:
    """CSV → records → CSV → records: the good rows of the sample read to the same records."""
    first = read_sheet(EXAMPLES / "deltagare.csv", "participants", cohort_id="liko-2025")
    content = sheet_bytes(first.merge_into(_empty()), kind="participants")
    second = read_sheet(content, "participants")
    assert second.ok
    assert (second.people, second.appointments, second.participants) == (
        first.people,
        first.appointments,
        first.participants,
    )


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(program_data(max_cohorts=1, max_participants=3), st.sampled_from(KINDS))
def test_xlsx_round_trip_is_lossless(data: ProgramData, kind: SheetKind) -> None:
    """The same law through XLSX."""
    sheet = read_sheet(sheet_bytes(data, kind=kind, syntax="xlsx", include_personnummer=True), kind)
    _same_records(data, sheet, kind)


@SETTINGS
@given(program_data(max_cohorts=1, max_participants=4), st.sampled_from(KINDS))
def test_english_headers_round_trip(data: ProgramData, kind: SheetKind) -> None:
    """Law: a sheet written with English headers and a comma reads back the same records."""
    content = sheet_bytes(data, kind=kind, include_personnummer=True, language="en", delimiter=",")
    _same_records(data, read_sheet(content, kind), kind)


def test_every_column_has_distinct_names() -> None:
    for kind, columns in COLUMNS.items():
        names = [name for column in columns for name in set(column.names())]
        assert len(names) == len(set(names)), kind


# Junk ---------------------------------------------------------------------------------


def _only_library_errors(content: bytes, kind: SheetKind) -> None:
    try:
        sheet = read_sheet(content, kind, cohort_id="c-1")
    except LedarskapError:
        return
    assert isinstance(sheet, SheetImport)
    for problem in sheet.problems:
        assert not re.search(r"(?<!\d)\d{6}(\d{2})?[-+ ]?\d{4}(?!\d)", str(problem))
        assert mask_personal_data(str(problem)) == str(problem)


def test_a_malformed_address_is_masked_in_its_problem() -> None:
    sheet = _read(f"{HEADER};E-post\nAnna;Berg;Linköping;F;Socialchef;2021-03-01;anna.berg@\n")
    text = " ".join(str(p) for p in sheet.problems)
    assert "anna.berg" not in text
    assert "'a…@'" in text


def test_personal_data_in_a_header_is_masked_too() -> None:
    sheet = _read(f"{HEADER};198503122395\nAnna;Berg;Linköping;F;Socialchef;2021-03-01;x\n")
    assert "198503122395" not in str(sheet.problems[0])
    assert "19XXXXXX-XX95" in str(sheet.problems[0])


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300), st.sampled_from(KINDS))
def test_junk_bytes_give_only_library_errors(content: bytes, kind: SheetKind) -> None:
    """Law: any bytes read as a sheet give records or the library's error, no problem showing a personnummer."""
    _only_library_errors(content, kind)


_cell = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        [
            "",
            "Linköping",
            "0580",
            "2025-09-01",
            "ja",
            "-",
            "198503122395",
            "x@y.se",
            "anna.berg@",
            "lars.nilsson@example",
            "@kommun.se",
        ]
    ),
)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(KINDS), st.data())
def test_junk_rows_give_only_row_problems(kind: SheetKind, draw: st.DataObject) -> None:
    """Real headers over junk cells: every row is read or reported, never a bare exception."""
    headers = [c.sv for c in COLUMNS[kind]]
    picked = draw.draw(st.lists(st.sampled_from(headers), min_size=1, unique=True))
    rows = draw.draw(
        st.lists(st.lists(_cell, min_size=len(picked), max_size=len(picked) + 1), max_size=5)
    )
    text = "\n".join(
        ";".join(c.replace(";", "").replace('"', "") for c in row) for row in [picked, *rows]
    )
    _only_library_errors(text.encode("utf-8"), kind)


def test_junk_xlsx_is_a_document_error() -> None:
    with pytest.raises(DocumentError):
        read_sheet(b"PK\x03\x04 not really a zip", "participants")


def test_xlsx_without_openpyxl(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(MissingDependencyError, match=r"ledarskap\[xlsx\]"):
        read_sheet(EXAMPLES / "deltagare.xlsx", "participants", cohort_id="c-1")
    with pytest.raises(ImportError):
        sheet_bytes(_empty(), kind="participants", syntax="xlsx")


def test_the_import_guide_lists_every_column() -> None:
    page = (Path(__file__).parents[2] / "docs" / "import.md").read_text(encoding="utf-8")
    for columns in COLUMNS.values():
        for column in columns:
            assert f"| {column.sv} | {column.en} |" in page, column


def test_xlsx_cells_of_every_type(tmp_path: Path) -> None:
    """Dates, numbers and booleans in XLSX cells read as their text forms would."""

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(
        [
            "Förnamn",
            "Efternamn",
            "Inkommen",
            "Kommun",
            "I befattningen sedan",
            "Leder stabsfunktion",
            "Befattning",
            "Befattningskod",
            "Rapporterar till",
        ]
    )
    sheet.append(
        [
            "Anna",
            "Berg",
            dt.datetime(2025, 4, 1),
            580,
            dt.date(2020, 1, 1),
            True,
            "Ekonomichef",
            "-",
            "Utskottet (committee)",
        ]
    )
    sheet.append(
        [
            "Erik",
            "Lund",
            dt.datetime(2025, 4, 1, 13, 30),
            580.0,
            None,
            False,
            "Skolchef",
            None,
            "Utskottet (okänd)",
        ]
    )
    path = tmp_path / "ansokningar.xlsx"
    book.save(path)
    result = read_sheet(path, "applications", cohort_id="c-1")
    (application,) = result.applications
    assert application.submitted == dt.date(2025, 4, 1)
    assert application.municipality is not None
    assert application.municipality.code == "0580"
    assert application.in_position_since == dt.date(2020, 1, 1)
    assert application.leads_staff_function is True
    assert application.title == "Ekonomichef"
    assert application.position is None  # "-": recorded as having no position
    assert application.reports_to is not None
    assert application.reports_to[0].kind.value == "namnd"
    assert [(p.row, p.column) for p in result.problems] == [(3, "Rapporterar till")]
    with pytest.raises(DocumentError):
        result.raise_for_problems()
    good = _read(f"{HEADER}\nAnna;Berg;Linköping;F;Socialchef;2021-03-01 13:30\n")
    assert good.raise_for_problems() is good
    assert good.appointments[0].start == dt.date(2021, 3, 1)  # the time of day dropped


def test_sheet_kinds_by_swedish_name() -> None:
    data = ledarskap.example_program()
    assert sheet_bytes(data, kind="deltagare") == sheet_bytes(data, kind="participants")  # type: ignore[arg-type]
    assert sheet_bytes(data, kind="Mentorsträffar") == sheet_bytes(data, kind="meetings")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("call", "where"),
    [
        (lambda d, p: write_sheet(d, p, kind=str(p)), "write_sheet(kind)"),  # type: ignore[arg-type]
        (lambda d, p: write_sheet(d, "participants", kind="participants"), "write_sheet(path)"),
        (lambda d, p: write_sheet(d, "deltagare", kind="participants"), "write_sheet(path)"),
        (lambda d, p: read_sheet("", "participants"), "read_sheet(source)"),
        (lambda d, p: read_sheet("\x00x", "participants"), "read_sheet(source)"),
        (lambda d, p: sheet_bytes(d, kind="participants", delimiter="||"), "delimiter"),
        (lambda d, p: sheet_bytes(d, kind="participants", syntax="ods"), "syntax"),  # type: ignore[arg-type]
        (lambda d, p: sheet_bytes(d, kind="participants", language="de"), "language"),  # type: ignore[arg-type]
        (lambda d, p: read_sheet("Förnamn\n", "people"), "read_sheet(kind)"),  # type: ignore[arg-type]
    ],
)
def test_bad_arguments_are_named(call: Any, where: str, tmp_path: Path) -> None:
    """Arguments in the wrong place or of the wrong kind give the library's error naming them."""
    with pytest.raises(InvalidValueError, match=re.escape(where)):
        call(ledarskap.example_program(), tmp_path / "out.csv")


def test_kind_is_keyword_only_when_writing(tmp_path: Path) -> None:
    """write_sheet(data, path, *, kind) follows dump(data, path); a positional kind is refused."""
    data = ledarskap.example_program()
    with pytest.raises(TypeError):
        write_sheet(data, tmp_path / "out.csv", "participants")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        sheet_bytes(data, "participants")  # type: ignore[call-arg]
    write_sheet(data, tmp_path / "out.csv", kind="participants")
    assert (tmp_path / "out.csv").read_bytes() == sheet_bytes(data, kind="participants")


def test_data_that_is_not_a_program_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="expected a ProgramData"):
        sheet_bytes("program.json", kind="participants")  # type: ignore[arg-type]


@pytest.mark.parametrize("module", ["ledarskap.io", "ledarskap.io.spreadsheets"])
def test_row_problem_is_a_deprecated_alias_of_problem(module: str) -> None:
    """The old name keeps working for one minor version, warning that Problem replaces it."""
    imported = importlib.import_module(module)
    with pytest.warns(
        DeprecationWarning, match=r"RowProblem is deprecated .*use ledarskap.errors.Problem"
    ):
        alias = imported.RowProblem
    assert alias is Problem


def test_every_problem_of_a_sheet_is_a_plain_problem() -> None:
    sheet = read_sheet("Förnamn;Efternamn\nAnna;\n", "mentors", name="mentorer.csv")
    assert sheet.problems
    assert {type(problem) for problem in sheet.problems} == {Problem}
    assert all(problem.source == "mentorer.csv" for problem in sheet.problems)


def test_a_digit_that_is_not_a_decimal_number_is_a_problem_not_a_crash() -> None:
    """'²' is a digit to str.isdigit but no number: the cell is reported, nothing raises."""
    sheet = read_sheet(
        "Förnamn;Efternamn;Kommun;Kapacitet\nAnna;Berg;Motala;²\n", "mentors", cohort_id="c-1"
    )
    assert [(p.column, p.message) for p in sheet.problems] == [
        ("Kapacitet", "expected a whole number (of at most 9 digits), found text '²'")
    ]


def test_a_path_given_as_text_is_written(tmp_path: Path) -> None:
    """A path as a str is a path, unless it names a kind of sheet (the arguments swapped)."""
    data = ledarskap.example_program()
    target = str(tmp_path / "mentorer.csv")
    write_sheet(data, target, kind="mentors")
    assert read_sheet(target, "mentors").mentors == data.mentors


def test_an_unknown_column_suggests_the_column_meant() -> None:
    sheet = read_sheet("Förnamn;Efternamn;Kommunn\nAnna;Berg;Motala\n", "mentors", cohort_id="c-1")
    (problem,) = [p for p in sheet.problems if p.code == "unknown-column"]
    assert problem.column == "Kommunn"
    assert problem.hint == "did you mean 'Kommun'?"


# Trust at the edges ------------------------------------------------------------------------


def _with_name(given_name: str) -> tuple[ProgramData, str]:
    """The example program with the first participant's given name changed, and their id."""
    data = ledarskap.example_program()
    person_id = data.participants[0].person_id
    people = tuple(
        attrs.evolve(p, given_name=given_name) if p.id == person_id else p for p in data.people
    )
    return attrs.evolve(data, people=people), person_id


@pytest.mark.parametrize("syntax", ["csv", "xlsx"])
@pytest.mark.parametrize(
    "payload",
    ['=HYPERLINK("http://evil.example","x")', "@SUM(1+1)", "+cmd|' /C calc'!A0", "-1+1", "\t=1+1"],
)
def test_a_formula_in_a_name_is_written_as_text_and_read_back_as_it_was(
    tmp_path: Path, syntax: str, payload: str
) -> None:
    """OWASP CSV injection: the exported cell begins with ', the imported text is the original."""
    if syntax == "xlsx":
        pytest.importorskip("openpyxl")
    data, person_id = _with_name(payload)
    target = tmp_path / f"deltagare.{syntax}"
    write_sheet(data, target, kind="participants")
    if syntax == "csv":
        cells = list(
            csv.reader(io.StringIO(target.read_text("utf-8-sig"), newline=""), delimiter=";")
        )
        assert "'" + payload in cells[1]
    people = {p.id: p for p in read_sheet(target, "participants").people}
    assert people[person_id].given_name == payload


@pytest.mark.parametrize(
    ("cell", "read"),
    [
        (" Anna ", "Anna"),
        ("\t=1+1", "=1+1"),
        (" =1+1 ", "=1+1"),
        ("=1", "=1"),
        ("'\t=1+1", "\t=1+1"),  # escaped by the writer: exact
        ("' =1+1 ", "' =1+1"),  # a quote the writer did not put there: trimmed, kept
    ],
)
def test_white_space_is_trimmed_off_typed_cells_never_off_written_ones(
    cell: str, read: str
) -> None:
    sheet = read_sheet(
        f'{HEADER}\n"{cell}";Berg;Motala;F;Chef;2021-03-01\n', "participants", cohort_id="c"
    )
    assert sheet.people[0].given_name == read


def test_white_space_before_a_plus_or_minus_is_trimmed_too() -> None:
    """As the guide says of every cell: ' -' is the position code '-', ' +46' a number."""
    sheet = read_sheet(
        f"{HEADER};Telefon;Befattningskod\n"
        "Anna;Berg;Linköping;S;Förvaltningschef;2025-09-01; +46 70 123 45 67 ;\n"
        "Erik;Lund;Linköping;S;Förvaltningschef;2025-09-01;; -\n",
        "participants",
        cohort_id="c",
    )
    assert sheet.ok, sheet.problems
    assert sheet.people[0].phone == "+46 70 123 45 67"
    assert sheet.appointments[0].position is not None
    assert sheet.appointments[1].position is None


@pytest.mark.parametrize("name", ["deltagare.json", "deltagare.txt", "deltagare", "d.xlsm"])
def test_a_suffix_the_writer_does_not_write_is_refused(tmp_path: Path, name: str) -> None:
    with pytest.raises(DocumentError, match=r"expected a name ending \.csv or \.xlsx, found") as e:
        write_sheet(ledarskap.example_program(), tmp_path / name, kind="participants")
    assert "a name without one" in str(e.value) or "'." in str(e.value)
    assert not (tmp_path / name).exists()


@pytest.mark.parametrize("name", ["Deltagare.CSV", "Deltagare.Xlsx"])
def test_the_suffix_is_matched_ignoring_case(tmp_path: Path, name: str) -> None:
    pytest.importorskip("openpyxl")
    write_sheet(ledarskap.example_program(), tmp_path / name, kind="participants")
    assert read_sheet(tmp_path / name, "participants").ok


def test_a_device_or_fifo_is_never_replaced_by_a_sheet(tmp_path: Path) -> None:
    fifo = tmp_path / "deltagare.csv"
    os.mkfifo(fifo)
    with pytest.raises(FileAccessError, match="not a regular file"):
        write_sheet(ledarskap.example_program(), fifo, kind="participants")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


@pytest.mark.parametrize(
    "source", ["Förnamn;Efternamn\n\ud800;x\n", "deltagare\ud800.csv", "dir\udcff/x.csv"]
)
def test_a_lone_surrogate_is_the_librarys_error(source: str) -> None:
    with pytest.raises(DocumentError):
        read_sheet(source, "participants")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda d, p: read_sheet("participants", str(p)), "the arguments are swapped"),  # type: ignore[arg-type]
        (lambda d, p: read_sheet("participants", 3), "the arguments are swapped"),  # type: ignore[arg-type]
        (lambda d, p: read_sheet(3, "participants"), r"read_sheet\(source\): expected a file path"),  # type: ignore[arg-type]
        (lambda d, p: read_sheet(p, 3), r"read_sheet\(kind\): expected the name of a sheet kind"),  # type: ignore[arg-type]
        (lambda d, p: write_sheet(p, d, kind="participants"), "expected a ProgramData first"),
        (lambda d, p: write_sheet(d, 3, kind="participants"), "expected a file path, found int"),  # type: ignore[arg-type]
        (lambda d, p: write_sheet(d, p, kind=None), r"write_sheet\(kind\)"),  # type: ignore[arg-type]
    ],
)
def test_swapped_or_wrong_typed_arguments_are_usage_errors(
    call: Any, message: str, tmp_path: Path
) -> None:
    with pytest.raises(UsageError, match=message):
        call(ledarskap.example_program(), tmp_path / "out.csv")


@pytest.mark.parametrize("fill", ["x", "1", "1 ", "=", "a;"])
@pytest.mark.parametrize("kind", ["participants", "mentors", "applications", "meetings"])
def test_a_long_bad_cell_is_read_fast_and_quoted_short(kind: SheetKind, fill: str) -> None:
    """Every column of every kind, with a cell as long as Excel allows: bounded problems."""
    columns = COLUMNS[kind]
    value = (fill * (32_000 // len(fill))).replace('"', '""')
    header = ";".join(c.sv for c in columns)
    rows = "".join(
        ";".join(f'"{value}"' if c is column else "" for c in columns) + "\n" for column in columns
    )
    start = time.perf_counter()
    sheet = read_sheet(f"{header}\n{rows}", kind, cohort_id="c")
    assert time.perf_counter() - start < 5
    assert all(len(str(problem)) < 600 for problem in sheet.problems)


# Progress ---------------------------------------------------------------------------------


def _mentors_csv(rows: int, *, blank_every: int = 0) -> str:
    body = "".join(
        "\n" if blank_every and n % blank_every == 0 else f"M{n};Berg;Motala\n"
        for n in range(1, rows + 1)
    )
    return "Förnamn;Efternamn;Kommun\n" + body


def _assert_progress_law(calls: list[tuple[int, int | None]], rows: int) -> None:
    """The calls of a progress callback: from 0, never back, total never below done,
    at most one a 256 rows between the first and the last, the last (rows, rows)."""
    dones = [done for done, _ in calls]
    assert dones[0] == 0
    assert dones == sorted(dones)
    assert all(total is None or total >= done for done, total in calls)
    assert calls[-1] == (rows, rows)
    assert len(calls) <= 2 + rows // 256


@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 1200), st.sampled_from([0, 7]))
def test_reading_tells_its_progress_in_rows(rows: int, blank_every: int) -> None:
    """Law: whatever the sheet's length (blank rows among its rows or not), the callback
    sees counts from 0 that never decrease, at a bounded rate, ending at the sheet's rows."""
    calls: list[tuple[int, int | None]] = []
    sheet = read_sheet(
        _mentors_csv(rows, blank_every=blank_every),
        "mentors",
        cohort_id="c",
        progress=lambda done, total: calls.append((done, total)),
    )
    assert sheet.ok
    _assert_progress_law(calls, sheet.rows)


def test_a_csv_sheet_expects_its_lines_and_an_xlsx_its_dimension(tmp_path: Path) -> None:
    calls: list[tuple[int, int | None]] = []
    read_sheet(_mentors_csv(600), "mentors", cohort_id="c", progress=lambda *a: calls.append(a))
    assert calls[:2] == [(0, 600), (256, 600)]
    book = openpyxl.Workbook()  # not write-only: it writes the sheet's <dimension>
    sheet = book.active
    assert sheet is not None
    for line in _mentors_csv(600).splitlines():
        sheet.append(line.split(";"))
    book.save(tmp_path / "mentorer.xlsx")
    calls.clear()
    path = tmp_path / "mentorer.xlsx"
    read_sheet(path, "mentors", cohort_id="c", progress=lambda *a: calls.append(a))
    assert calls[:2] == [(0, 600), (256, 600)]
    _assert_progress_law(calls, 600)
    mentors = read_sheet(_mentors_csv(600), "mentors", cohort_id="c").merge_into(_empty())
    written = sheet_bytes(mentors, kind="mentors", syntax="xlsx")
    calls.clear()
    read_sheet(written, "mentors", progress=lambda *a: calls.append(a))
    assert calls[0] == (0, None)  # openpyxl's write-only mode writes no dimension
    _assert_progress_law(calls, 600)


def test_cells_over_several_lines_make_an_estimate_the_last_call_corrects() -> None:
    """A CSV whose cells span lines has fewer rows than lines: the total told is over."""
    calls: list[tuple[int, int | None]] = []
    text = "Förnamn;Efternamn;Kommun\n" + "".join(f'M{n};"Berg\nBerg";Motala\n' for n in range(300))
    read_sheet(text, "mentors", cohort_id="c", progress=lambda *a: calls.append(a))
    assert calls[0] == (0, 600)  # the lines, an over-estimate
    assert calls[-1] == (300, 300)


def test_a_progress_callback_that_raises_stops_the_read() -> None:
    def cancel(done: int, total: int | None) -> None:
        if done:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        read_sheet(_mentors_csv(600), "mentors", cohort_id="c", progress=cancel)


def test_a_progress_that_is_no_function_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match=r"read_sheet\(progress\)"):
        read_sheet(_mentors_csv(1), "mentors", progress=42)  # type: ignore[arg-type]


def test_rows_stopped_by_the_header_are_counted_too() -> None:
    """A sheet lacking a needed column gives no records, but its rows are still counted."""
    calls: list[tuple[int, int | None]] = []
    text = "Förnamn;Efternamn\n" + "".join(f"M{n};Berg\n" for n in range(600))
    sheet = read_sheet(text, "mentors", cohort_id="c", progress=lambda *a: calls.append(a))
    assert not sheet.ok
    assert (sheet.rows, len(sheet.outcomes)) == (600, 600)
    _assert_progress_law(calls, 600)
    assert (256, 600) in calls


# Messages in Swedish ---------------------------------------------------------------------


def test_the_sample_sheets_problems_and_outcomes_are_whole_swedish() -> None:
    sheet = read_sheet(EXAMPLES / "deltagare.csv", "participants", cohort_id="liko-2025")
    assert [p.render("sv") for p in sheet.problems] == [
        "deltagare.csv, rad 7, kolumn 'E-post': förväntade en e-postadress, "
        "fick texten 'l…@example'",
        "deltagare.csv, rad 7, kolumn 'Kommun': förväntade en av Sveriges 290 kommunkoder "
        "eller kommunnamn, fick texten 'Linkopping' (menade du 0580 Linköping?)",
        "deltagare.csv, rad 7, kolumn 'Startdatum': förväntade ett datum som 2025-09-01 "
        "eller 1 september 2025, fick texten '2019-13-01'",
        "deltagare.csv, rad 8, kolumn 'Efternamn': förväntade ett värde, fick en tom cell "
        "(fyll i den)",
    ]
    assert str(sheet.problems[3]) == (
        "deltagare.csv, row 8, column 'Efternamn': expected a value, found an empty cell "
        "(fill it in)"
    )
    assert sheet.outcome(8).render("sv") == (
        "rad 8 → inte importerad, eftersom kolumn 'Efternamn': förväntade ett värde, "
        "fick en tom cell (fyll i den)"
    )
    assert sheet.outcome(2).render("sv") == (
        "rad 2 → person p-d-liko-2025-2, anställning a-d-liko-2025-2, deltagare d-liko-2025-2"
    )
    assert english_words(sheet.report("sv")) == []
    with pytest.raises(DocumentError) as raised:
        sheet.raise_for_problems()
    assert raised.value.render("sv").startswith("bladet med deltagare har problem (4 problem)\n")


@pytest.mark.parametrize(
    ("text", "swedish"),
    [
        (
            f"{HEADER};Kommun\nAnna;Berg;Linköping;F;Socialchef;2021-03-01;Motala\n",
            "t.csv, rad 1, kolumn 'Kommun': en andra kolumn för 'Kommun' (den första är "
            "'Kommun') (mappa en av dem till ett annat fält, eller hoppa över den "
            "(ignore_columns=))",
        ),
        (
            "Förnamn;Efternamn;Kommun;Förvaltning;Befattning\nAnna;Berg;Linköping;F;Chef\n",
            "t.csv, rad 1: förväntade en kolumn 'Startdatum' (Start date), fick ingen (mappa en "
            "kolumn till den (columns={'…': 'start'}) eller ge varje rad ett standardvärde "
            "(defaults={'start': …}))",
        ),
        (
            f"{HEADER}\nAnna;Berg;Linköping;F;Socialchef;2021-03-01;extra\n",
            "t.csv, rad 2: ett värde i kolumn 7, som saknar rubrik (det skulle gå förlorat)",
        ),
        (
            f"{HEADER};Id\nAnna;Berg;Linköping;F;Chef;2021-03-01;d-1\n"
            "Anna;Berg;Motala;F;Chef;2021-03-01;d-1\n",
            "t.csv, rad 3, kolumn 'Id': id:t d-1 finns också på rad 2",
        ),
        (
            f"{HEADER};Kapacitet\nAnna;Berg;Linköping;F;Chef;2021-03-01;3\n",
            "t.csv, rad 1, kolumn 'Kapacitet': okänd kolumn (dess uppgifter skulle gå förlorade): "
            "förväntade Id, Omgång, Person-id, Förnamn, Efternamn, Namn, E-post, Telefon, "
            "Personnummer, Kommun, Förvaltning, Organisationstyp, Befattning, Befattningskod, "
            "Rapporterar till, Stabsfunktion, Leder stabsfunktion, Startdatum, Slutdatum, "
            "Status, Ansökan, Anställnings-id (mappa den till ett fält (columns={'Kapacitet': …}) "
            "eller hoppa över den (ignore_columns=))",
        ),
        ("", "t.csv, rad 1: förväntade en rubrikrad, fick ett tomt blad"),
        (
            "Förnamn,Efternamn,Kommun,Förvaltning,Befattning,Startdatum\n"
            "Anna;Berg;Linköping;F;Chef;2021-03-01\n",
            "t.csv:2, rad 2: en cell där rubrikraden har 6: raden är avgränsad med ';', "
            "rubrikraden med ',' (blandade avgränsare?) (spara bladet igen från "
            "kalkylprogrammet, med en enda sorts avgränsare)",
        ),
    ],
)
def test_a_sheets_header_and_row_problems_in_swedish(text: str, swedish: str) -> None:
    sheet = _read(text)
    assert swedish in [p.render("sv") for p in sheet.problems]
    assert english_words(swedish) == []


@pytest.mark.parametrize(
    ("column", "cell", "swedish"),
    [
        (
            "Slutdatum",
            "igår",
            "förväntade ett datum som 2025-09-01 eller 1 september 2025, fick texten 'igår'",
        ),
        (
            "Status",
            "på väg",
            "förväntade en av 'antagen', 'pågående', 'fullföljd', 'avbruten', fick texten 'på väg'",
        ),
        (
            "Leder stabsfunktion",
            "kanske",
            "förväntade ja eller nej (j/n, x, yes/no, sant/falskt, 1/0), fick texten 'kanske'",
        ),
        (
            "Rapporterar till",
            "ja",
            "förväntade den nämnd eller styrelse som befattningen rapporterar till, fick texten 'ja' (ange den (Socialnämnden), eller skriv nej eller inga om det inte finns någon)",
        ),
        (
            "Rapporterar till",
            "Chefen",
            "förväntade en nämnd eller styrelse, med dess sort om namnet inte säger den (\"Chefen (nämnd)\"), fick texten 'Chefen'",
        ),
        ("Namn", "Anna", "förväntade ett förnamn och ett efternamn, fick texten 'Anna'"),
    ],
)
def test_a_bad_cell_in_swedish(column: str, cell: str, swedish: str) -> None:
    header = HEADER.replace("Förnamn;Efternamn", "Namn") if column == "Namn" else HEADER
    first = "" if column == "Namn" else "Anna;Berg;"
    text = f"{header};{column}\n{first}Linköping;F;Socialchef;2021-03-01;{cell}\n"
    if column == "Namn":
        text = f"Kommun;Förvaltning;Befattning;Startdatum;Namn\nLinköping;F;Socialchef;2021-03-01;{cell}\n"
    sheet = _read(text, "participants")
    found = [p.render("sv") for p in sheet.problems]
    assert found == [f"t.csv, rad 2, kolumn {column!r}: {swedish}"]
    assert english_words(found[0]) == []


def test_a_staff_function_said_twice_and_a_missing_cohort_in_swedish() -> None:
    sheet = _read(
        f"{HEADER};Stabsfunktion;Leder stabsfunktion\n"
        "Anna;Berg;Linköping;F;HR-chef;2021-03-01;HR;nej\n"
    )
    assert [p.render("sv") for p in sheet.problems] == [
        "t.csv, rad 2, kolumn 'Leder stabsfunktion': förväntade ja, eftersom raden anger en "
        "stabsfunktion (personal/HR), fick nej"
    ]
    sheet = _read(f"{HEADER}\nAnna;Berg;Linköping;F;Chef;2021-03-01\n", cohort_id=None)
    assert [p.render("sv") for p in sheet.problems] == [
        "t.csv, rad 2: förväntade omgången: en kolumn 'Omgång', eller cohort_id="
    ]


def test_a_bad_call_of_the_sheet_readers_and_writers_in_swedish(tmp_path: Path) -> None:
    data = ledarskap.example_program()
    calls: list[tuple[Any, str]] = [
        (
            lambda: read_sheet("participants", "t.csv"),  # type: ignore[arg-type]
            "read_sheet(source, kind): argumenten står i omvänd ordning: källan kommer först, "
            "sedan sorten (read_sheet('deltagare.csv', 'participants'))",
        ),
        (
            lambda: read_sheet(b"", "deltagarna"),  # type: ignore[arg-type]
            "read_sheet(kind): förväntade en av ['applications', 'meetings', 'mentors', "
            "'participants'] (eller deltagare, mentorer, ansökningar, mentorsträffar, möten), "
            "fick 'deltagarna'",
        ),
        (
            lambda: write_sheet(data, tmp_path / "d.txt", kind="participants"),
            f"{tmp_path / 'd.txt'}: okänd sorts bladfil (1 problem)\n"
            "  - (filnamn): förväntade ett namn som slutar på .csv eller .xlsx, fick '.txt'",
        ),
        (
            lambda: sheet_bytes(data, kind="participants", delimiter=";;"),
            "delimiter: förväntade ett tecken, fick ';;'",
        ),
        (
            lambda: read_sheet(tmp_path / "nowhere.csv", "participants"),
            "nowhere.csv: kan inte läsa filen (1 problem)\n"
            "  - nowhere.csv: filen eller mappen finns inte",
        ),
    ]
    for call, swedish in calls:
        with pytest.raises(LedarskapError) as raised:
            call()
        assert raised.value.render("sv") == swedish
        assert english_words(swedish) == []


def test_a_bad_personnummer_cell_is_whole_swedish() -> None:
    sheet = _read(f"{HEADER};Personnummer\nAnna;Berg;Linköping;F;Chef;2021-03-01;198503122396\n")
    [problem] = sheet.problems
    assert problem.render("sv").startswith("t.csv, rad 2, kolumn 'Personnummer': förväntade ")
    assert "fick texten '19XXXXXX-XX96'" in problem.render("sv")
    assert english_words(problem.render("sv")) == []


@pytest.mark.parametrize("suffix", [".json", ".TOML"])
def test_a_program_document_is_no_sheet(tmp_path: Path, suffix: str) -> None:
    """Read as CSV, a document would give one confusing problem a line: it is refused."""
    document = tmp_path / f"program{suffix}"
    document.write_text('{"format": "ledarskap.program"}', encoding="utf-8")
    with pytest.raises(DocumentError) as caught:
        read_sheet(document, "participants")
    assert "found a program document" in str(caught.value)
    assert "fick ett programdokument" in caught.value.render("sv")

"""A municipality's list as sent: mapping, aliases, defaults, yes/no, ignored columns, outcomes.

The list in ``examples/kommunlistor`` is not the library's template: a title above the
header, Windows-1252 with ``;``, a full name in one column, headers of its own ("Uppdrag",
"Mejl"), a Stabsfunktion column of Ja/Nej/J/N/x, columns the library has no use for, and
no start date.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledarskap import Cohort, ProgramData, StaffFunction
from ledarskap.errors import DocumentError, InvalidValueError, UsageError
from ledarskap.io import (
    SheetImport,
    SheetMapping,
    inspect_sheet,
    load_sheet_mapping,
    read_sheet,
    save_sheet_mapping,
)
from ledarskap.io._sheet_columns import BOOLEANS, COLUMNS, SheetKind
from ledarskap.io._sheets import fold, write_csv
from ledarskap.io.spreadsheets import sheet_rows
from ledarskap.testing import program_data
from tests.io._swedish import english_words

_KNOWN = {
    kind: {fold(n) for c in columns for n in (c.field, c.sv, c.en, *c.aliases)}
    for kind, columns in COLUMNS.items()
}
LISTS = Path(__file__).parents[2] / "examples" / "kommunlistor"
CSV = LISTS / "norrkoping-deltagare.csv"
XLSX = LISTS / "norrkoping-deltagare.xlsx"
MAPPING = LISTS / "norrkoping-deltagare.toml"


def _read(text: str, kind: Any = "participants", **options: Any) -> SheetImport:
    options.setdefault("cohort_id", "c-1")
    return read_sheet(text.encode("utf-8"), kind, name="t.csv", **options)


# The failures, reproduced --------------------------------------------------------


def test_the_list_as_sent_without_a_mapping_names_what_is_missing_on_every_row() -> None:
    sheet = read_sheet(CSV, "participants", cohort_id="liko-2026")
    codes = {(p.column, p.code) for p in sheet.problems}
    assert ("Uppdrag", "unknown-column") in codes
    assert (None, "missing-column") in codes
    assert not sheet.participants
    assert [o.row for o in sheet.outcomes] == [5, 6, 7, 8, 9, 10, 11]  # every row accounted for
    assert all(not o.imported for o in sheet.outcomes)
    assert "expected a column 'Startdatum'" in sheet.outcomes[0].render("en")
    missing = next(p for p in sheet.problems if p.code == "missing-column")
    assert missing.hint is not None
    assert "defaults=" in missing.hint


def test_the_list_with_its_mapping_file_imports_every_good_row() -> None:
    sheet = read_sheet(CSV, "participants", mapping=MAPPING)
    assert [o.row for o in sheet.outcomes if o.imported] == [5, 6, 7, 11]
    assert [(p.row, p.column, p.code) for p in sheet.problems] == [
        (8, "Förvaltning", "missing"),
        (9, "Mejl", "invalid"),
        (10, "Kommun", "unknown-municipality"),
    ]
    karin, johan, sara, maria = sheet.appointments
    assert {a.start for a in sheet.appointments} == {dt.date(2026, 9, 1)}
    assert karin.title == "Förvaltningschef"
    assert karin.staff_function is None  # Nej
    assert johan.staff_function is sara.staff_function is StaffFunction.OTHER  # Ja, J
    assert maria.municipality.name == "Norrköping"  # by its code
    assert maria.staff_function is StaffFunction.OTHER  # x
    people = [(p.given_name, p.family_name) for p in sheet.people]
    assert people == [("Karin", "Holm"), ("Johan", "Ek"), ("Sara", "Lind"), ("Maria Ek", "Sjö")]
    assert {p.cohort_id for p in sheet.participants} == {"liko-2026"}  # the mapping's cohort
    assert sheet.outcome(8).render("en") == (
        "row 8 → not imported, because column 'Förvaltning': expected a value, found an empty cell (fill it in, or give empty cells a default (defaults={'organisation': …}))"
    )
    assert sheet.outcome(8).render("sv").startswith("rad 8 → inte importerad, eftersom ")
    assert sheet.outcome(5).render("en") == (
        "row 5 → Person p-d-liko-2026-5, Appointment a-d-liko-2026-5, Participant d-liko-2026-5"
    )


def test_the_xlsx_twin_reads_the_same() -> None:
    pytest.importorskip("openpyxl")
    csv = read_sheet(CSV, "participants", mapping=MAPPING)
    xlsx = read_sheet(XLSX, "participants", mapping=MAPPING)
    assert xlsx.people == csv.people
    assert xlsx.appointments == csv.appointments
    assert xlsx.participants == csv.participants
    assert [(p.row, p.column, p.code) for p in xlsx.problems] == [
        (p.row, p.column, p.code) for p in csv.problems
    ]
    assert xlsx.inspection is not None
    assert xlsx.inspection.encoding is None
    assert xlsx.inspection.delimiter is None


def test_the_inspection_says_what_was_understood() -> None:
    found = inspect_sheet(CSV, "participants", mapping=MAPPING)
    assert (found.encoding, found.delimiter, found.header_row, found.rows) == (
        "Windows-1252",
        ";",
        4,
        7,
    )
    by_header = {c.header: (c.status, c.field, c.matched_by) for c in found.columns if c.header}
    assert by_header == {
        "Namn": ("recognised", "name", "exact"),
        "Uppdrag": ("recognised", "title", "mapping"),
        "Kommun": ("recognised", "municipality", "exact"),
        "Förvaltning": ("recognised", "organisation", "exact"),
        "Mejl": ("recognised", "email", "alias"),
        "Stabsfunktion": ("recognised", "staff_function", "exact"),
        "Anmäld av": ("ignored", None, None),
        "Kommentar": ("ignored", None, None),
    }
    start = found.column("start")
    assert start is not None
    assert (start.status, start.default, start.default_by) == ("missing", "2026-09-01", "defaults")
    assert found.ok
    text = found.render("en")
    assert "'Uppdrag': read as Title (by the mapping)" in text
    assert "(Start date): missing: every row gets '2026-09-01'" in text
    assert "Windows-1252, delimiter ';', header row 4, 7 rows" in text
    assert "'Uppdrag': läses som Befattning (enligt mappningen)" in found.render("sv")
    assert str(found) == text


def test_the_inspection_of_a_list_without_a_mapping_names_each_problem() -> None:
    found = inspect_sheet(CSV, "participants")
    assert not found.ok
    assert {p.code for p in found.problems} == {"unknown-column", "missing-column"}
    title = found.column("title")
    assert title is not None
    assert (title.status, title.default) == ("missing", None)
    assert "no default: give one or map a column" in found.render("en")


def test_an_inspection_kept_as_a_mapping_reads_the_list_again(tmp_path: Path) -> None:
    found = inspect_sheet(
        CSV,
        "participants",
        columns={"Uppdrag": "Befattning"},
        ignore_columns=["Anmäld av", "Kommentar"],
        defaults={"start": dt.date(2026, 9, 1)},
    )
    kept = found.as_mapping()
    assert kept == SheetMapping(
        kind="participants",
        columns={"Uppdrag": "title"},
        ignore=("Anmäld av", "Kommentar"),
        defaults={"start": "2026-09-01"},
    )
    path = tmp_path / "lista.toml"
    save_sheet_mapping(kept, path)
    again = read_sheet(CSV, "participants", mapping=path, cohort_id="liko-2026")
    assert again.participants == read_sheet(CSV, "participants", mapping=MAPPING).participants
    assert load_sheet_mapping(path) == kept


# Meeting the sheet where it is -----------------------------------------------------------


def test_aliases_swedish_sheets_use() -> None:
    sheet = _read(
        "Förnamn;Efternamn;Arbetsort;Bolag;Roll;Mejl;Anställningsdatum\n"
        "Anna;Berg;Linköping;Tekniska verken;VD;anna.berg@example.se;2020-01-01\n"
    )
    assert sheet.ok, sheet.problems
    (job,) = sheet.appointments
    assert (job.municipality.name, job.organisation, job.title) == (
        "Linköping",
        "Tekniska verken",
        "VD",
    )
    assert sheet.people[0].email == "anna.berg@example.se"


def test_a_mapping_wins_over_a_known_header_and_names_a_field_by_its_header() -> None:
    sheet = _read(
        "Förnamn;Efternamn;Kommun;Förvaltning;Titel;Tjänst;Startdatum\n"
        "Anna;Berg;Linköping;Soc;Socialchef;Heltid;2020-01-01\n",
        columns={"Titel": "Befattning"},
        ignore_columns=["Tjänst"],
    )
    assert sheet.ok, sheet.problems
    assert sheet.appointments[0].title == "Socialchef"
    assert sheet.inspection is not None
    assert [c.matched_by for c in sheet.inspection.columns if c.header == "Titel"] == ["mapping"]


def test_ignore_columns_skips_a_column_the_library_knows() -> None:
    sheet = _read(
        f"{_HEADER};E-post\nAnna;Berg;Linköping;Soc;Socialchef;2020-01-01;inte en adress\n",
        ignore_columns=["e-post"],
    )
    assert sheet.ok, sheet.problems
    assert sheet.people[0].email is None


def test_ignore_columns_as_one_text_is_refused() -> None:
    with pytest.raises(UsageError, match=r"ignore_columns=\['Kommentar'\]"):
        _read(f"{_HEADER}\n", ignore_columns="Kommentar")


def test_a_mapping_to_an_unknown_field_is_refused_with_a_suggestion() -> None:
    with pytest.raises(DocumentError, match=r"did you mean 'title'"):
        _read(f"{_HEADER}\n", columns={"Roll": "titel"})
    with pytest.raises(DocumentError, match=r"defaults\.startdag"):
        _read(f"{_HEADER}\n", defaults={"startdag": "2020-01-01"})


def test_defaults_fill_a_missing_column_and_an_empty_cell() -> None:
    sheet = _read(
        "Namn;Kommun;Befattning;Startdatum\n"
        "Anna Berg;Linköping;Socialchef;\n"
        "Erik Lund;Linköping;Skolchef;2019-08-01\n",
        defaults={"organisation": "Socialförvaltningen", "start": dt.date(2026, 9, 1)},
    )
    assert sheet.ok, sheet.problems
    assert [a.start for a in sheet.appointments] == [dt.date(2026, 9, 1), dt.date(2019, 8, 1)]
    assert {a.organisation for a in sheet.appointments} == {"Socialförvaltningen"}


def test_a_bad_default_is_reported_once_where_it_is_given_in_both_languages() -> None:
    with pytest.raises(DocumentError) as raised:
        _read(
            "Namn;Kommun;Förvaltning;Befattning\nAnna Berg;Linköping;Soc;Socialchef\n"
            "Erik Lund;Motala;Kultur;Kulturchef\n",
            defaults={"start": "1/9/25"},
        )
    [problem] = raised.value.problems
    assert (problem.path, problem.row, problem.column, problem.code) == (
        "defaults.start",
        None,
        None,
        "invalid-date",
    )
    swedish = problem.render("sv")
    assert swedish == (
        "defaults.start: förväntade ett datum som 2025-09-01 eller 1 september 2025, "
        "fick texten '1/9/25'"
    )
    assert english_words(swedish) == []


def test_a_cohort_gives_the_start_of_a_sheet_without_one() -> None:
    cohort = Cohort(
        id="liko-2026",
        program_id="liko",
        name="LIKO 2026",
        start=dt.date(2026, 9, 1),
        end=dt.date(2027, 6, 1),
    )
    text = "Namn;Kommun;Förvaltning;Befattning\nAnna Berg;Linköping;Soc;Socialchef\n"
    sheet = read_sheet(text, "participants", cohort=cohort)
    assert sheet.ok, sheet.problems
    assert sheet.appointments[0].start == dt.date(2026, 9, 1)
    assert sheet.participants[0].cohort_id == "liko-2026"
    assert sheet.inspection is not None
    start = sheet.inspection.column("start")
    assert start is not None
    assert start.default_by == "cohort"
    assert "(the cohort's start)" in sheet.inspection.render("en")
    # only a missing column: an empty cell of a start column stays a problem
    empty = read_sheet(
        f"{_HEADER}\nAnna;Berg;Linköping;Soc;Socialchef;\n", "participants", cohort=cohort
    )
    assert [p.code for p in empty.problems] == ["missing"]
    with pytest.raises(UsageError, match="expected a Cohort"):
        read_sheet(text, "participants", cohort="liko-2026")  # type: ignore[arg-type]


def test_a_full_name_is_split_and_its_own_cells_win() -> None:
    sheet = _read(
        "Namn;Förnamn;Kommun;Förvaltning;Befattning;Startdatum\n"
        "Berg, Anna;;Linköping;Soc;Socialchef;2020-01-01\n"
        "Karl af Klercker;Kalle;Linköping;Soc;Skolchef;2020-01-01\n"
        "Madonna;;Linköping;Soc;Skolchef;2020-01-01\n"
    )
    names = [(p.given_name, p.family_name) for p in sheet.people]
    assert names == [("Anna", "Berg"), ("Kalle", "af Klercker")]
    assert [(p.row, p.column, p.code) for p in sheet.problems] == [(4, "Namn", "missing")]


def test_without_a_name_given_and_family_names_are_required() -> None:
    sheet = _read("Kommun;Förvaltning;Befattning;Startdatum\nLinköping;Soc;Skolchef;2020-01-01\n")
    assert sorted(p.code for p in sheet.problems) == ["missing-column", "missing-column"]


# Yes and no ------------------------------------------------------------------------------

YES = ["Ja", "ja", "J", "x", "X", "Yes", "y", "Sant", "TRUE", "1"]
NO = ["Nej", "N", "No", "Falskt", "false", "0"]


@pytest.mark.parametrize("word", YES + NO)
def test_yes_and_no_in_both_languages_read_as_booleans(word: str) -> None:
    sheet = _read(
        f"Förnamn;Efternamn;Inkommen;Leder stabsfunktion\nAnna;Berg;2025-01-01;{word}\n",
        "applications",
    )
    assert sheet.ok, sheet.problems
    assert sheet.applications[0].leads_staff_function is (word in YES)


def test_an_empty_yes_no_cell_is_not_stated_in_an_application() -> None:
    sheet = _read(
        "Förnamn;Efternamn;Inkommen;Leder stabsfunktion\nAnna;Berg;2025-01-01;\n", "applications"
    )
    assert sheet.applications[0].leads_staff_function is None


def test_a_staff_function_cell_may_say_yes_or_no() -> None:
    sheet = _read(
        "Förnamn;Efternamn;Inkommen;Stabsfunktion\n"
        "Anna;Berg;2025-01-01;Ja\nErik;Lund;2025-01-01;nej\nEva;Ek;2025-01-01;ekonomi\n",
        "applications",
    )
    assert sheet.ok, sheet.problems
    assert [(a.leads_staff_function, a.staff_function) for a in sheet.applications] == [
        (True, None),
        (False, None),
        (None, StaffFunction.FINANCE),
    ]


def test_a_participant_who_leads_a_staff_function() -> None:
    sheet = _read(
        f"{_HEADER};Stabsfunktion;Leder stabsfunktion\n"
        "Anna;Berg;Linköping;Soc;Ekonomichef;2020-01-01;ekonomi;ja\n"
        "Erik;Lund;Linköping;Soc;Strateg;2020-01-01;;ja\n"
        "Eva;Ek;Linköping;Soc;Socialchef;2020-01-01;;nej\n"
        "Bo;Ek;Linköping;Soc;Ekonomichef;2020-01-01;ekonomi;nej\n"
        "Li;Ek;Linköping;Soc;Socialchef;2020-01-01;;kanske\n"
    )
    assert [a.staff_function for a in sheet.appointments] == [
        StaffFunction.FINANCE,
        StaffFunction.OTHER,
        None,
    ]
    assert [(p.row, p.column, p.code) for p in sheet.problems] == [
        (5, "Leder stabsfunktion", "conflicting-values"),
        (6, "Leder stabsfunktion", "invalid"),
    ]
    assert "ja or nej" in sheet.problems[1].message


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(sorted(BOOLEANS)), st.sampled_from(["", " ", "  "]), st.booleans())
def test_yes_no_words_read_whatever_their_case_and_spaces(word: str, pad: str, upper: bool) -> None:
    """Law: every yes/no word reads as its boolean, in any case, with spaces around."""
    written = pad + (word.upper() if upper else word.capitalize()) + pad
    sheet = _read(
        f"Förnamn;Efternamn;Inkommen;Leder stabsfunktion\nAnna;Berg;2025-01-01;{written}\n",
        "applications",
    )
    assert sheet.applications[0].leads_staff_function is BOOLEANS[word]


# The header and the result ---------------------------------------------------------------

_HEADER = "Förnamn;Efternamn;Kommun;Förvaltning;Befattning;Startdatum"


def test_the_header_is_found_below_a_title_and_notes() -> None:
    sheet = _read(
        "Deltagare 2026\nSkickad av kommunen\n\n"
        f"{_HEADER}\nAnna;Berg;Linköping;Soc;Socialchef;2020-01-01\n"
    )
    assert sheet.ok, sheet.problems
    assert sheet.rows == 1
    assert sheet.outcomes[0].row == 5
    assert sheet.inspection is not None
    assert sheet.inspection.header_row == 4


def test_an_outcome_for_every_row_and_a_report() -> None:
    sheet = _read(
        f"{_HEADER}\nAnna;Berg;Linköping;Soc;Socialchef;2020-01-01\n\n"
        "Erik;;Linköping;Soc;Socialchef;2020-01-01\n"
    )
    assert [(o.row, o.imported) for o in sheet.outcomes] == [(2, True), (4, False)]
    assert sheet.report("en").splitlines() == [
        "row 2 → Person p-d-c-1-2, Appointment a-d-c-1-2, Participant d-c-1-2",
        "row 4 → not imported, because column 'Efternamn': expected a value, found an empty cell (fill it in)",
    ]
    assert str(sheet.outcome(4)) == sheet.outcome(4).render("en")
    with pytest.raises(InvalidValueError, match=r"a row of data \(2 to 4\)"):
        sheet.outcome(3)
    with pytest.raises(InvalidValueError, match=r"\(none\)"):
        _read(f"{_HEADER}\n").outcome(2)
    with pytest.raises(InvalidValueError):
        sheet.report("de")  # type: ignore[arg-type]


def test_an_empty_sheet_has_an_inspection_without_columns() -> None:
    sheet = _read("\n\n")
    assert sheet.inspection is not None
    assert sheet.inspection.columns == ()
    assert [p.code for p in sheet.inspection.problems] == ["empty"]
    assert "header row -" in sheet.inspection.render("en")


def test_a_duplicate_column_is_shown_as_such() -> None:
    found = inspect_sheet(f"{_HEADER};Titel\n".encode(), "participants", cohort_id="c")
    assert [(c.header, c.status, c.field) for c in found.columns if c.status == "duplicate"] == [
        ("Titel", "duplicate", "title")
    ]
    assert "a second column for Title: not read" in found.render("en")


def test_rows_an_unbalanced_quote_or_another_delimiter_broke_are_not_imported() -> None:
    sheet = _read(
        f"{_HEADER}\n"
        "Anna;Berg;Linköping;Soc;Socialchef;2020-01-01\n"
        "Erik,Lund,Linköping,Soc,Skolchef,2020-01-01\n"
        'Eva;"Ek;Linköping;Soc;Socialchef;2020-01-01\n'
        "Bo;Ek;Linköping;Soc;Socialchef;2020-01-01\n"
    )
    assert [(p.row, p.line, p.code) for p in sheet.problems] == [
        (3, 3, "mixed-delimiters"),
        (4, 4, "unbalanced-quote"),
    ]
    assert [o.imported for o in sheet.outcomes] == [True, False, False]
    assert "because a quote opened on line 4" in sheet.outcome(4).render("en")


def test_personal_data_in_a_header_or_a_cell_is_masked_in_every_text() -> None:
    number, address = "19811218-9876", "anna.berg@example.se"
    sheet = _read(
        f"{_HEADER};{number};{address}\nAnna;Berg;Linköping;Soc;Socialchef;2020-01-01;x;y\n"
        f"Erik;Lund;Linköping;Soc;{number};nej;;\n",
        ignore_columns=[address],
    )
    assert sheet.inspection is not None
    texts = [sheet.inspection.render("sv"), sheet.inspection.render("en"), sheet.report("sv")]
    texts += [repr(sheet.inspection), repr(sheet.outcomes)]
    for text in texts:
        assert number not in text
        assert address not in text


# Laws ------------------------------------------------------------------------------------

_KINDS: list[SheetKind] = ["participants", "mentors", "applications", "meetings"]
_SETTINGS = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _records(sheet: SheetImport) -> tuple[object, ...]:
    return (
        sheet.people,
        sheet.appointments,
        sheet.participants,
        sheet.mentors,
        sheet.applications,
        sheet.meetings,
    )


@_SETTINGS
@given(program_data(max_cohorts=1, max_participants=4), st.sampled_from(_KINDS), st.data())
def test_renamed_headers_with_their_mapping_read_the_same_records(
    data: ProgramData, kind: SheetKind, draw: st.DataObject
) -> None:
    """Law: a sheet whose headers are renamed, read with the renaming as ``columns=``, gives
    the same records as the sheet with the library's headers; and its inspection says every
    renamed column was recognised by the mapping."""
    rows = sheet_rows(data, kind, include_personnummer=True)
    header = rows[0]
    names = draw.draw(
        st.lists(
            st.text("abcdefghijklmnopqrstuvwxyzåäö ", min_size=3, max_size=12).filter(str.strip),
            min_size=len(header),
            max_size=len(header),
            unique_by=fold,
        ).filter(lambda ns: all(fold(n) not in _KNOWN[kind] for n in ns))
    )
    renamed = [[n.strip() for n in names], *rows[1:]]
    columns = {new.strip(): old for new, old in zip(names, header, strict=True)}
    original = read_sheet(write_csv(rows), kind)
    again = read_sheet(write_csv(renamed), kind, columns=columns)
    assert _records(again) == _records(original)
    assert [(p.row, p.code) for p in again.problems] == [(p.row, p.code) for p in original.problems]
    assert again.inspection is not None
    assert {c.matched_by for c in again.inspection.columns if c.status == "recognised"} <= {
        "mapping"
    }


@_SETTINGS
@given(program_data(max_cohorts=1, max_participants=4), st.sampled_from(_KINDS), st.data())
def test_ignored_columns_change_nothing_but_what_they_held(
    data: ProgramData, kind: SheetKind, draw: st.DataObject
) -> None:
    """Law: a column added with any cells and ignored leaves the records as they were."""
    rows = sheet_rows(data, kind, include_personnummer=True)
    extra = draw.draw(st.sampled_from(["Anmäld av", "Kommentar", "Förnamn", "E-post"]))
    if extra in rows[0]:  # a known column ignored: the sheet without it is the reference
        index = rows[0].index(extra)
        reference = [[c for i, c in enumerate(row) if i != index] for row in rows]
        if extra == "Förnamn":
            return  # without given names no row reads; nothing to compare
    else:
        reference = rows
    # Any text a spreadsheet cell holds; a NUL makes the file binary, which is refused whole.
    text = st.text(st.characters(exclude_characters="\x00", exclude_categories=["Cs"]), max_size=6)
    cells = draw.draw(st.lists(text, min_size=len(rows) - 1, max_size=len(rows) - 1))
    with_extra = [
        [*rows[0], extra],
        *([*row, cell] for row, cell in zip(rows[1:], cells, strict=True)),
    ]
    expected = read_sheet(write_csv(reference), kind)
    found = read_sheet(write_csv(with_extra), kind, ignore_columns=[extra])
    assert _records(found) == _records(expected)


def test_long_cells_read_as_short_ones_do() -> None:
    name = "Ö" * 300
    sheet = _read(
        f"{_HEADER};Rapporterar till\n"
        f"Anna;Berg;{name};Soc;{name};2020-01-01;{name}nämnden\n"
        f"Anna;Berg;Linköping;Soc;{name};2020-01-01;{name}nämnden\n"
    )
    assert [(p.row, p.column) for p in sheet.problems] == [(2, "Kommun")]
    assert sheet.appointments[0].reports_to[0].name == f"{name}nämnden"
    assert sheet.appointments[0].position is None


def test_an_unbalanced_quote_in_the_header_is_reported() -> None:
    found = inspect_sheet(
        'Förnamn;"Efternamn;Kommun\nAnna;Berg;Linköping\nErik;Lund;Motala\n'.encode(),
        "participants",
    )
    assert "unbalanced-quote" in {p.code for p in found.problems}
    sheet = _read('Förnamn;"Efternamn;Kommun\nAnna;Berg;Linköping\nErik;Lund;Motala\n')
    assert sheet.problems[0].code == "unbalanced-quote"


def test_a_yes_for_reports_to_asks_for_the_body() -> None:
    sheet = _read(
        f"{_HEADER};Politisk ledning\n"
        "Anna;Berg;Linköping;Soc;Socialchef;2020-01-01;Ja\n"
        "Erik;Lund;Linköping;Soc;Socialchef;2020-01-01;N\n"
    )
    assert [(p.row, p.column, p.hint) for p in sheet.problems] == [
        (2, "Politisk ledning", "name it (Socialnämnden), or write nej or inga for none")
    ]
    assert sheet.appointments[0].reports_to == ()


def test_many_failing_rows_are_reported_in_linear_time() -> None:
    rows = "".join("Anna;;Linköping;Soc;Socialchef;2020-01-01\n" for _ in range(20_000))
    sheet = _read(f"{_HEADER}\n{rows}")
    assert len(sheet.problems) == len(sheet.outcomes) == 20_000
    assert all(len(o.problems) == 1 for o in sheet.outcomes)


def test_missing_facts_an_application_may_leave_unknown_are_shown_so() -> None:
    found = inspect_sheet(
        "Förnamn;Efternamn;Inkommen\nAnna;Berg;2025-01-01\n", "applications", name="a.csv"
    )
    municipality = found.column("municipality")
    assert municipality is not None
    assert (municipality.default, municipality.default_by) == (None, "unknown")
    status = found.column("status")
    assert status is not None
    assert (status.default, status.default_by) == ("inkommen", "model")
    text = found.render("sv")
    assert "(Kommun): saknas: okänt på varje rad" in text
    assert "(Status): saknas: varje rad får 'inkommen' (modellens standard)" in text
    mentors = inspect_sheet("Förnamn;Efternamn;Kommun\nA;B;Motala\n", "mentors")
    capacity = mentors.column("capacity")
    assert capacity is not None
    assert capacity.default == "1"


def test_dates_of_ten_characters_not_in_iso_are_read_too() -> None:
    sheet = _read(f"{_HEADER}\nAnna;Berg;Linköping;Soc;Socialchef;01/09/2026\n")
    assert sheet.appointments[0].start == dt.date(2026, 9, 1)
    bad = _read(f"{_HEADER}\nAnna;Berg;Linköping;Soc;Socialchef;2026-13-01\n")
    assert [p.code for p in bad.problems] == ["invalid-date"]

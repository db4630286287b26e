"""``ledarskap import``: a sheet's rows into a document, or nothing and every problem."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import ledarskap
from ledarskap.io import spreadsheets

from ._run import assert_clean_failure, importing, run, run_script

Sheet = Callable[[str], Path]

SHEET = (
    "Förnamn;Efternamn;E-post;Kommun;Förvaltning;Befattning;Startdatum\n"
    "Anna;Berg;anna.berg@example.se;Linköping;Socialförvaltningen;Förvaltningschef;2021-03-01\n"
    "Erik;Lund;;Motala;Kommunledningskontoret;Ekonomidirektör;2020-03-01\n"
)
BAD_SHEET = SHEET + "Lena;Ek;lena.ek@example;Linkopping;Kultur;Kulturchef;2019-13-01\n"
EXAMPLES = Path(__file__).parents[2] / "examples"


def test_the_rows_are_added_and_written(sheet_file: Sheet, program: Path) -> None:
    result = run(*importing(sheet_file(SHEET), program))
    assert result.code == 0, result
    assert result.out.startswith(
        f"deltagare.csv: 2 rows read; added 2 people, 2 appointments, 2 participants to {program}\n"
    )
    assert "error adept.no-mentor: Adept without a mentor (2)" in result.out  # shown, not refused
    data = ledarskap.load(program)
    example = ledarskap.example_program()
    assert len(data.participants) == len(example.participants) + 2
    assert data.participants[-1].id == "d-liko-2025-3"


def test_a_dry_run_writes_nothing(sheet_file: Sheet, program: Path) -> None:
    before = program.read_bytes()
    result = run(*importing(sheet_file(SHEET), program, "--dry-run", "--lang", "sv"))
    assert result.code == 0
    assert "skulle lägga till 2 personer, 2 anställningar, 2 deltagare" in result.out
    assert program.read_bytes() == before


def test_a_sheet_with_problems_writes_nothing(sheet_file: Sheet, program: Path) -> None:
    before = program.read_bytes()
    result = run(*importing(sheet_file(BAD_SHEET), program))
    assert result.code == 1
    assert result.out.startswith("deltagare.csv: 3 problem(s); nothing written\n")
    assert "row 4, column 'Kommun'" in result.out
    assert "lena.ek" not in result.out  # the e-mail address is masked
    assert program.read_bytes() == before


def test_rows_that_do_not_fit_write_nothing(sheet_file: Sheet, program: Path) -> None:
    argv = importing(sheet_file(SHEET), program)
    assert run(*argv).code == 0
    once = program.read_bytes()
    text = run(*argv)  # the same rows again: their ids are taken
    assert text.code == 1
    assert text.out.startswith(f"the sheet's rows do not fit {program} (ids repeated or dangling)")
    assert "error id.repeated: Repeated id (4)" in text.out
    again = run(*argv, "--format", "json")
    assert again.code == 1
    data = json.loads(again.out)
    assert data["written"] is False
    assert {f["code"] for f in data["findings"]} >= {"id.repeated"}
    assert program.read_bytes() == once


def test_the_json_shape(sheet_file: Sheet, program: Path) -> None:
    result = run(*importing(sheet_file(BAD_SHEET), program, "--format", "json"))
    data = json.loads(result.out)
    assert list(data) == [
        "format",
        "sheet",
        "kind",
        "into",
        "rows",
        "written",
        "added",
        "problems",
        "findings",
    ]
    assert data["format"] == "ledarskap.cli.import/1"
    assert (data["rows"], data["written"], data["findings"]) == (3, False, [])
    assert set(data["added"].values()) == {0}
    assert [(p["row"], p["column"]) for p in data["problems"]] == [
        (4, "E-post"),
        (4, "Kommun"),
        (4, "Startdatum"),
    ]
    assert "lena.ek@" not in result.out


def test_the_example_sheet_for_real(program: Path) -> None:
    result = run_script(*importing(EXAMPLES / "deltagare.csv", program))
    assert result.code == 1
    assert "deltagare.csv, row 7, column 'Kommun'" in result.out
    assert "Traceback" not in result.err


def test_a_missing_sheet_for_real(tmp_path: Path, program: Path) -> None:
    result = run_script(
        "import", str(tmp_path / "none.csv"), "--kind", "mentors", "--into", str(program)
    )
    assert_clean_failure(result)
    assert "none.csv" in result.err


def test_a_person_already_in_the_document_with_other_details_writes_nothing(
    sheet_file: Sheet, program: Path
) -> None:
    """The sheet's Person-id is another person of the document: refused, not linked to them."""
    there = ledarskap.load(program).people[0]
    sheet = sheet_file(
        "Person-id;Förnamn;Efternamn;E-post;Kommun;Förvaltning;Befattning;Startdatum\n"
        f"{there.id};Anna;Berg;anna.berg@example.se;Linköping;Soc;Förvaltningschef;2021-03-01\n"
    )
    before = program.read_bytes()
    result = run(*importing(sheet, program, "--format", "json"))
    assert result.code == 1
    data = json.loads(result.out)
    assert data["written"] is False
    assert [(p["row"], p["column"], p["code"]) for p in data["problems"]] == [
        (2, "Person-id", "conflicting-person")
    ]
    assert "anna.berg@" not in result.out
    assert program.read_bytes() == before
    text = run(*importing(sheet, program, "--lang", "sv"))
    assert text.out.startswith("deltagare.csv: 1 problem; ingenting skrevs\n")
    assert f"personen {there.id} finns redan i programmet" in text.out


def test_hints_name_the_commands_options_not_python_arguments(
    sheet_file: Sheet, program: Path
) -> None:
    sheet = sheet_file(
        "Förnamn;Efternamn;Uppdrag;Kommun;Förvaltning;Befattning;Startdatum\n"
        "Anna;Berg;x;;Soc;Chef;2021-03-01\n"
    )
    result = run("import", str(sheet), "--kind", "participants", "--into", str(program))
    assert result.code == 1
    assert 'or skip it (ignore = ["Uppdrag"]) in the --mapping file' in result.out
    assert "(municipality = … under [defaults] in the --mapping file)" in result.out
    assert "expected the cohort: a column 'Omgång', or --cohort" in result.out
    for python in ("columns=", "defaults=", "ignore_columns=", "cohort_id="):
        assert python not in result.out


def test_a_document_changed_while_the_sheet_was_read_says_to_run_the_import_again(
    sheet_file: Sheet, program: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    read = spreadsheets.read_sheet_advised

    def read_while_saved(*args: Any, **options: Any) -> Any:
        sheet = read(*args, **options)
        program.write_bytes(program.read_bytes() + b"\n")  # someone else saved it
        return sheet

    monkeypatch.setattr("ledarskap.cli._import.read_sheet_advised", read_while_saved)
    result = run(*importing(sheet_file(SHEET), program))
    assert result.code == 2
    assert "run the import again" in result.err
    assert "overwrite=True" not in result.err


def test_a_sheet_that_adds_nothing_leaves_the_document_as_it_was(
    sheet_file: Sheet, program: Path
) -> None:
    """Reproduction (review): a sheet of headers only rewrote the document in the library's
    layout (re-indented, migrated); nothing is written now, and the command says so."""
    program.write_text(json.dumps(json.loads(program.read_text("utf-8")), indent=4))
    before = program.read_bytes()
    result = run(*importing(sheet_file(SHEET.splitlines()[0] + "\n"), program))
    assert result.code == 0, result
    assert (
        result.out == f"deltagare.csv: 0 rows read; nothing new to add, {program} left as it was\n"
    )
    assert program.read_bytes() == before
    said = run(*importing(sheet_file(SHEET.splitlines()[0] + "\n"), program, "--format", "json"))
    assert json.loads(said.out)["written"] is False


def test_an_empty_cohort_is_a_usage_error_not_no_cohort(sheet_file: Sheet, program: Path) -> None:
    """``--cohort ''`` was read as no --cohort, and the hint then asked for --cohort."""
    sheet = sheet_file(SHEET)
    argv = ["import", str(sheet), "--kind", "participants", "--into", str(program)]
    result = run(*argv, "--cohort", "")
    assert result.code == 2
    assert "--cohort: expected the id of a cohort of the program (liko-2025), found ''" in (
        result.err
    )


def test_a_program_document_given_as_the_sheet_is_told_to_go_as_into(program: Path) -> None:
    result = run("import", str(program), "--kind", "participants", "--into", str(program))
    assert result.code == 2
    assert "found a program document ('.json'): it is given as --into, not as the sheet" in (
        result.err
    )
    assert "ledarskap.load" not in result.err

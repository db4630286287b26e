"""``ledarskap validate``: the report, its JSON, and the exit status it gives."""

from __future__ import annotations

import json
from pathlib import Path

import attrs

import ledarskap
from tests._hostile import assert_masked

from ._programs import broken_program
from ._run import EXAMPLE, assert_clean_failure, run, run_script


def test_a_clean_document() -> None:
    result = run("validate", EXAMPLE)
    assert (result.code, result.err) == (0, "")
    assert result.out == f"{EXAMPLE}: Validation: 0 errors, 0 warnings: no problems.\n"


def test_the_report_in_swedish_from_the_locale() -> None:
    result = run("validate", EXAMPLE, environ={"LANG": "sv_SE.UTF-8"})
    assert result.out == f"{EXAMPLE}: Validering: 0 fel, 0 varningar: inga problem.\n"


def test_errors_are_problems_found_and_masked(tmp_path: Path) -> None:
    result = run("validate", str(broken_program(tmp_path)))
    assert result.code == 1
    assert "Validation: 4 errors, 0 warnings" in result.out
    assert "error id.dangling: Dangling reference (1)" in result.out
    assert_masked(result.out)


def test_the_json_shape(tmp_path: Path) -> None:
    path = broken_program(tmp_path)
    result = run("validate", str(path), "--format", "json")
    data = json.loads(result.out)
    assert result.code == 1
    assert list(data) == ["format", "file", "ok", "errors", "warnings", "findings"]
    assert data["format"] == "ledarskap.cli.validate/1"
    assert (data["file"], data["ok"], data["errors"], data["warnings"]) == (str(path), False, 4, 0)
    report = ledarskap.validate(ledarskap.load(path))
    assert [f["code"] for f in data["findings"]] == [f.code for f in report]
    assert set(data["findings"][0]) == {
        "code",
        "severity",
        "location",
        "record_id",
        "message",
        "params",
    }
    assert_masked(result.out)


def test_warnings_fail_only_when_strict(tmp_path: Path) -> None:
    data = ledarskap.example_program()
    # More participants than the cohort has places: a warning, not an error.
    crowded = attrs.evolve(data.cohorts[0], capacity=1)
    path = tmp_path / "crowded.json"
    ledarskap.dump(attrs.evolve(data, cohorts=(crowded,)), path)
    report = ledarskap.validate(ledarskap.load(path))
    assert report.ok
    assert report.warnings
    assert run("validate", str(path)).code == 0
    assert run("validate", str(path), "--strict").code == 1
    assert json.loads(run("validate", str(path), "--strict", "--format", "json").out)["ok"] is False


def test_an_unreadable_document(tmp_path: Path) -> None:
    path = tmp_path / "program.json"
    path.write_text('{"format": "ledarskap.program", "format_version": 1, "program": 3}', "utf-8")
    result = run("validate", str(path))
    assert_clean_failure(result)
    assert result.err.startswith(f"ledarskap: {path}: ")
    assert result.out == ""


def test_a_file_of_another_kind(tmp_path: Path) -> None:
    result = run("validate", str(tmp_path / "program.yaml"))
    assert_clean_failure(result)


def test_for_real_good_and_bad(tmp_path: Path) -> None:
    assert run_script("validate", EXAMPLE).code == 0
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", "utf-8")
    result = run_script("validate", str(bad))
    assert_clean_failure(result)
    assert str(bad) in result.err

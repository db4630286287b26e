"""``ledarskap summary``: each cohort in numbers (the tables' summaries), as text and JSON."""

from __future__ import annotations

import json
from pathlib import Path

import ledarskap
from ledarskap.tables import cohort_summaries

from ._programs import broken_program
from ._run import EXAMPLE, assert_clean_failure, run, run_script


def test_the_example_in_numbers() -> None:
    result = run("summary", EXAMPLE)
    assert (result.code, result.err) == (0, "")
    (summary,) = cohort_summaries(ledarskap.example_program())
    assert result.out == (
        f"Ledarskap i kommuner\n\n{summary.render('en')}\n\n"
        "Validation: 0 errors, 0 warnings: no problems.\n"
    )


def test_in_swedish() -> None:
    result = run("summary", EXAMPLE, "--lang", "sv")
    assert "Omgång liko-2025: " in result.out
    assert result.out.endswith("\nValidering: 0 fel, 0 varningar: inga problem.\n")


def test_the_json_shape() -> None:
    data = json.loads(run("summary", EXAMPLE, "--format", "json").out)
    assert list(data) == ["format", "file", "program", "cohorts", "validation"]
    assert data["format"] == "ledarskap.cli.summary/1"
    assert data["program"] == {"id": "liko", "name": "Ledarskap i kommuner"}
    (summary,) = cohort_summaries(ledarskap.example_program())
    assert data["cohorts"] == [json.loads(json.dumps(summary.to_data()))]
    assert data["validation"] == {"errors": 0, "warnings": 0}


def test_one_cohort_of_a_broken_file(tmp_path: Path) -> None:
    result = run("summary", str(broken_program(tmp_path)), "--cohort", "liko-2025")
    assert result.code == 0  # a summary reports validation; it is not a check
    assert "Validation: 4 errors, 0 warnings" in result.out
    assert "19850312" not in result.out
    assert_clean_failure(run("summary", EXAMPLE, "--cohort", "liko"))


def test_for_real_bad_input(tmp_path: Path) -> None:
    result = run_script("summary", str(tmp_path / "none.json"))
    assert_clean_failure(result)

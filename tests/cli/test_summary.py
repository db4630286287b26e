"""``ledarskap summary``: each cohort in numbers, as text and as JSON."""

from __future__ import annotations

import json
from pathlib import Path

import ledarskap
from ledarskap.cli._summary import cohort_summary
from ledarskap.model import MeetingStatus, PositionKind

from ._programs import broken_program
from ._run import EXAMPLE, assert_clean_failure, run, run_script


def test_the_example_in_numbers() -> None:
    result = run("summary", EXAMPLE)
    assert (result.code, result.err) == (0, "")
    lines = result.out.splitlines()
    assert lines[0] == "Ledarskap i kommuner"
    assert "Omgång 2025/26 (liko-2025): 2025-09-15 – 2026-09-30" in lines
    assert "  Participants: 25" in lines
    assert "    by municipality: Linköping 3, Norrköping 3, Mjölby 2," in result.out
    assert "  Applications (31): Eligible 27, Not eligible 3, Undetermined 1" in lines
    assert lines[-1] == "Validation: 0 errors, 0 warnings: no problems."


def test_in_swedish() -> None:
    result = run("summary", EXAMPLE, "--lang", "sv")
    assert "  Deltagare: 25" in result.out
    assert "    per län: Östergötlands län 18," in result.out
    assert result.out.endswith("Validering: 0 fel, 0 varningar: inga problem.\n")


def test_the_json_shape() -> None:
    data = json.loads(run("summary", EXAMPLE, "--format", "json").out)
    assert list(data) == ["format", "file", "program", "cohorts", "validation"]
    assert data["format"] == "ledarskap.cli.summary/1"
    (cohort,) = data["cohorts"]
    assert list(cohort) == [
        "id", "name", "start", "end", "participants", "by_municipality", "by_county",
        "by_position_kind", "mentors", "mentorships", "meetings", "applications",
    ]  # fmt: skip
    assert set(cohort["by_position_kind"]) == {k.value for k in PositionKind} | {"unknown"}
    assert set(cohort["meetings"]) == {s.value for s in MeetingStatus}
    assert data["validation"] == {"errors": 0, "warnings": 0}


def test_the_counts_add_up() -> None:
    """Every participant is counted once by municipality, by county and by kind of position."""
    data = ledarskap.example_program()
    summary = cohort_summary(data, data.cohorts[0])
    for key in ("by_municipality", "by_county", "by_position_kind"):
        assert sum(summary[key].values()) == summary["participants"]
    counts = list(summary["by_municipality"].values())
    assert counts == sorted(counts, reverse=True)
    assert sum(summary["meetings"].values()) == len(data.meetings)


def test_one_cohort_and_a_broken_file(tmp_path: Path) -> None:
    result = run("summary", str(broken_program(tmp_path)), "--cohort", "liko-2025")
    assert result.code == 0  # a summary reports validation; it is not a check
    assert "Validation: 4 errors, 0 warnings" in result.out
    assert "19850312" not in result.out


def test_for_real_bad_input(tmp_path: Path) -> None:
    result = run_script("summary", str(tmp_path / "none.json"))
    assert_clean_failure(result)

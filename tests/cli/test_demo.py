"""``ledarskap demo``: what ``make demo`` prints."""

from __future__ import annotations

from pathlib import Path

import ledarskap
from ledarskap import demo

from ._run import assert_clean_failure, run, run_script


def test_the_demo_is_the_summary_of_the_example() -> None:
    result = run("demo")
    assert (result.code, result.err) == (0, "")
    assert result.out == demo.summary(ledarskap.example_program()) + "\n"


def test_the_demo_of_a_file(program: Path) -> None:
    assert run("demo", str(program)).out == run("demo").out


def test_the_demo_for_real(tmp_path: Path) -> None:
    result = run_script("demo")
    assert result.code == 0
    assert result.out.startswith("Ledarskap i kommuner (LiKO)\n")
    assert_clean_failure(run_script("demo", str(tmp_path / "missing.json")))

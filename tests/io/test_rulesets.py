"""Rule-set files: read whole, the syntax from the suffix, every problem naming the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from ledarskap.errors import Problem, RuleError
from ledarskap.io import load_ruleset

RULES = 'format = "ledarskap.rules/1"\nid = "mine"\nversion = "1"\n[[rules]]\nid = "role"\nwhen = "leads_staff_function"\n'


def test_a_toml_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "mine.rules.toml"
    path.write_text(RULES, encoding="utf-8")
    rules = load_ruleset(path)
    assert (rules.id, rules.version) == ("mine", "1")


def test_the_syntax_can_be_said_when_the_suffix_does_not(tmp_path: Path) -> None:
    path = tmp_path / "mine.rules"
    path.write_text(
        '{"format": "ledarskap.rules/1", "id": "mine", "version": "1", '
        '"rules": [{"id": "role", "when": "leads_staff_function"}]}',
        encoding="utf-8",
    )
    assert load_ruleset(path, syntax="json").id == "mine"


def test_a_problem_names_the_file_and_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.rules.toml"
    path.write_text(RULES.replace("leads_staff_function", "leeds_staff_function"), "utf-8")
    with pytest.raises(RuleError) as caught:
        load_ruleset(path)
    problem = caught.value.problems[0]
    assert problem.source == str(path)
    assert problem.line == 6


@pytest.mark.parametrize(
    ("content", "reason"), [(None, "FileNotFoundError"), (b"\xff\xfe", "UnicodeDecodeError")]
)
def test_a_file_that_cannot_be_read_is_a_rule_error(
    tmp_path: Path, content: bytes | None, reason: str
) -> None:
    path = tmp_path / "rules.toml"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(RuleError, match="cannot read rule set") as caught:
        load_ruleset(path)
    (problem,) = caught.value.problems
    assert type(problem) is Problem
    assert problem.code == "unreadable"
    assert problem.message.startswith(f"cannot read the file: {reason}")
    assert str(problem).startswith(f"{path}: cannot read the file")

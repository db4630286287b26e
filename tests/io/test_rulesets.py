"""Rule-set files: read whole, the syntax from the suffix, every problem naming the file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import ledarskap
from ledarskap.errors import FileAccessError, Problem, RuleError, UsageError
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


def test_a_file_that_is_not_utf8_is_a_rule_error(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_bytes(b"\xff\xfe")
    with pytest.raises(RuleError, match="cannot read rule set") as caught:
        load_ruleset(path)
    (problem,) = caught.value.problems
    assert type(problem) is Problem
    assert problem.code == "unreadable"
    assert problem.message == "expected UTF-8 text, found byte 0xff (byte 0)"
    assert problem.render("sv").endswith("förväntade UTF-8-text, fick byten 0xff (byte 0)")
    assert str(problem).startswith(f"{path}: expected UTF-8 text")


@pytest.mark.parametrize("name", ["missing.toml", "folder.toml", "nul\0.toml", "lone\ud800.toml"])
def test_a_file_that_cannot_be_read_is_a_file_access_error_as_for_load(
    tmp_path: Path, name: str
) -> None:
    """As :func:`ledarskap.load`: FileAccessError (an OSError) naming the file, nothing else."""
    (tmp_path / "folder.toml").mkdir()
    path = str(tmp_path / name)
    with pytest.raises(FileAccessError, match="cannot read") as caught:
        load_ruleset(path)
    assert caught.value.path == path
    with pytest.raises(FileAccessError):
        ledarskap.load(str(tmp_path / name.replace(".toml", ".json")))


def test_an_empty_path_is_named_as_one_not_read_as_the_working_folder() -> None:
    with pytest.raises(
        UsageError, match=r"^load_ruleset\(path\): expected a file path, found an empty"
    ):
        load_ruleset("")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: load_ruleset(3), "load_ruleset\\(path\\): expected a file path, found int"),  # type: ignore[arg-type]
        (lambda: load_ruleset(None), "expected a file path, found NoneType"),  # type: ignore[arg-type]
        (lambda: load_ruleset(RULES.encode()), "expected a file path, found bytes"),  # type: ignore[arg-type]
        (lambda: load_ruleset("x.toml", registry="default"), "expected a PredicateRegistry"),  # type: ignore[arg-type]
    ],
)
def test_a_call_with_arguments_of_the_wrong_type_is_a_usage_error(
    call: Callable[[], object], message: str
) -> None:
    with pytest.raises(UsageError, match=message):
        call()


def test_a_number_too_long_to_read_is_a_rule_error(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text(RULES + "x = " + "9" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(RuleError):
        load_ruleset(path)


def test_a_rule_set_that_cannot_be_read_in_swedish(tmp_path: Path) -> None:
    path = tmp_path / "r.toml"
    path.write_bytes(b"\xff")
    with pytest.raises(RuleError) as raised:
        load_ruleset(path)
    assert raised.value.render("sv") == (
        f"{path}: kan inte läsa regeluppsättningen (1 problem)\n"
        f"  - {path}: förväntade UTF-8-text, fick byten 0xff (byte 0)"
    )
    with pytest.raises(UsageError) as usage:
        load_ruleset(3)  # type: ignore[arg-type]
    assert usage.value.render("sv") == (
        "load_ruleset(path): förväntade en sökväg till en fil, fick int"
    )

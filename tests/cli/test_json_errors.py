"""With ``--format json`` an error is one JSON object on standard output, as well as its message.

Without it a script that reads standard output (``… --format json | jq .ok``) would read
nothing and, without ``pipefail``, go on as if all were well.
"""

from __future__ import annotations

import argparse
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ledarskap.cli import USAGE, _main, main
from ledarskap.cli._console import Console
from ledarskap.cli._main import ERROR_FORMAT, _asks_for_json
from ledarskap.cli._parser import COMMANDS

from ._programs import PLANTED, example_copy
from ._run import ENGLISH, EXAMPLE, Result, assert_clean_failure, importing, run, run_script


def _error(result: Result, command: str | None) -> dict[str, Any]:
    """The JSON error *result* wrote, checked for its shape; its ``error`` part."""
    assert_clean_failure(result)
    document = json.loads(result.out)  # one object, and nothing else
    assert list(document) == ["format", "ok", "exit", "command", "error"]
    assert document["format"] == ERROR_FORMAT
    assert document["ok"] is False
    assert document["exit"] == USAGE == result.code
    assert document["command"] == command
    error = document["error"]
    assert list(error) == ["type", "message", "message_sv", "problems"]
    assert error["message"]
    return error  # type: ignore[no-any-return]


def _broken(tmp: Path) -> Path:
    path = tmp / "program.json"
    path.write_text("{", encoding="utf-8")
    return path


# Each command with bad input and --format json, through the console script. schema and
# demo take no --format, so with it their line is a usage error; as for any line argparse
# refuses, --format json on it is what asks for the JSON error.
_BAD: list[tuple[str, Callable[[Path], list[str]], str]] = [
    ("validate", lambda tmp: ["validate", str(tmp / "none.json")], "FileAccessError"),
    (
        "eligibility",
        lambda tmp: ["eligibility", EXAMPLE, "--rules", str(tmp / "none.toml")],
        "FileAccessError",
    ),
    ("import", lambda tmp: importing(tmp / "none.csv", example_copy(tmp)), "DocumentError"),
    ("export", lambda tmp: ["export", EXAMPLE, "-o", EXAMPLE], "UsageError"),
    ("schema", lambda tmp: ["schema", "-o", str(tmp / "none" / "schema.json")], "UsageError"),
    ("summary", lambda tmp: ["summary", str(_broken(tmp))], "DocumentError"),
    ("demo", lambda tmp: ["demo", str(tmp / "none.json")], "UsageError"),
]


@pytest.mark.parametrize(("command", "argv", "kind"), _BAD, ids=[command for command, _, _ in _BAD])
def test_every_command_s_error_is_json_on_standard_output_for_real(
    tmp_path: Path, command: str, argv: Callable[[Path], list[str]], kind: str
) -> None:
    result = run_script(*argv(tmp_path), "--format", "json")
    error = _error(result, command)
    assert error["type"] == kind
    assert result.err.rstrip("\n").endswith(error["message"])  # the same message, for people


def test_every_command_is_tried() -> None:
    assert {command for command, _, _ in _BAD} == {command.name for command in COMMANDS}


def test_without_format_json_standard_output_stays_empty(tmp_path: Path) -> None:
    for _, argv, _ in _BAD:
        result = run(*argv(tmp_path))
        assert_clean_failure(result)
        assert result.out == ""


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        (["--format", "json"], None),  # no command
        (["frobnicate", "--format", "json"], None),
        (["validate", "--format", "json"], "validate"),  # FILE missing
        (["validate", EXAMPLE, "--format=json", "--strict=yes"], "validate"),
        (["summary", EXAMPLE, "--form", "json", "--cohort"], "summary"),  # an abbreviation
        (["eligibility", EXAMPLE, "--format", "json", "--as-of", "1 May"], "eligibility"),
    ],
)
def test_a_line_argparse_refuses_is_a_json_error_too(argv: list[str], command: str | None) -> None:
    result = run(*argv)
    assert result.err.startswith("usage: ledarskap")
    assert _error(result, command)["type"] == "UsageError"


def test_the_message_is_in_both_languages_whatever_lang_says(tmp_path: Path) -> None:
    missing = str(tmp_path / "none.json")
    for language in ("sv", "en"):
        error = _error(run("validate", missing, "--format", "json", "--lang", language), "validate")
        assert error["message"] == f"{missing}: cannot read: No such file or directory"
        assert error["message_sv"] == f"{missing}: kan inte läsa: filen eller mappen finns inte"
    swedish = run("validate", missing, "--format", "json", "--lang", "sv")
    assert swedish.err == f"ledarskap: {missing}: kan inte läsa: filen eller mappen finns inte\n"
    usage = _error(run("validate", "--format", "json", "--lang", "sv"), "validate")
    assert usage["message"] == "validate: the following arguments are required: FILE"
    assert usage["message_sv"] == "validate: följande argument krävs: FILE"


def test_a_message_only_english_has_no_swedish(monkeypatch: pytest.MonkeyPatch) -> None:
    def failing(args: argparse.Namespace, console: Console) -> int:
        raise OSError("a reason of the operating system's")

    monkeypatch.setattr(_main, "runner", lambda name: failing)
    error = _error(run("validate", EXAMPLE, "--format", "json"), "validate")
    assert error == {
        "type": "OSError",
        "message": "a reason of the operating system's",
        "message_sv": None,
        "problems": [],
    }


def test_a_broken_document_lists_its_problems(tmp_path: Path) -> None:
    error = _error(run("validate", str(_broken(tmp_path)), "--format", "json"), "validate")
    assert error["type"] == "DocumentError"
    assert error["problems"]
    for problem in error["problems"]:
        assert {"source", "line", "path", "code", "message", "message_sv"} <= problem.keys()


def test_personal_data_is_masked_in_the_json_error(tmp_path: Path) -> None:
    missing = tmp_path / "files" / f"{PLANTED}.json"
    result = run("validate", str(missing), "--format", "json")
    error = _error(result, "validate")
    for said in (result.out, result.err, error["message"], error["message_sv"]):
        assert PLANTED not in said
        assert PLANTED.replace("-", "") not in said
    assert error["message"].endswith(
        "/files/19XXXXXX-XX95.json: cannot read: No such file or directory"
    )


def test_export_with_format_json_writes_its_errors_as_json(tmp_path: Path) -> None:
    """export's --format is the tables' file format, and --format json asks for JSON errors too."""
    line = ["export", EXAMPLE, "-o", str(tmp_path / "t.json"), "--k", "3"]
    as_json = run(*line, "--format", "json")
    assert _error(as_json, "export")["message"] == (
        "export: --key-file and --k go with --pseudonymise"
    )
    as_csv = run("export", EXAMPLE, "-o", str(tmp_path / "t"), "--k", "3", "--format", "csv")
    assert_clean_failure(as_csv)
    assert as_csv.out == ""


def test_a_report_that_is_not_an_error_is_unchanged(tmp_path: Path) -> None:
    """Exit 0 and 1 keep their reports: the error object is for exit status 2 alone."""
    good = run("validate", EXAMPLE, "--format", "json")
    assert good.code == 0
    assert json.loads(good.out)["format"] == "ledarskap.cli.validate/1"


def test_a_reader_gone_while_the_error_is_written_leaves_exit_status_2(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Closed(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(_main, "_silence_stdout", lambda: None)
    err = io.StringIO()
    code = main(
        ["validate", "none.json", "--format", "json"], stdout=Closed(), stderr=err, environ=ENGLISH
    )
    assert code == USAGE
    assert err.getvalue() == "ledarskap: none.json: cannot read: No such file or directory\n"


@pytest.mark.parametrize(
    ("argv", "asks"),
    [
        (["validate", "a.json", "--format", "json"], True),
        (["--format=json"], True),
        (["validate", "--fo", "json"], True),
        (["validate", "--f=json"], True),
        (["validate", "--format", "text"], False),
        (["validate", "--format", "json", "--format", "text"], False),  # argparse takes the last
        (["validate", "--format", "text", "--format=json"], True),
        (["validate", "--format"], False),
        (["validate", "--", "--format", "json"], False),
        (["validate", "--formats", "json"], False),
        (["validate", "-f", "json"], False),
        (["validate", "json"], False),
        ([], False),
    ],
)
def test_the_command_line_asks_for_json(argv: list[str], asks: bool) -> None:
    assert _asks_for_json(argv) is asks

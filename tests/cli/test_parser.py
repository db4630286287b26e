"""The command line's options: the language, dates and counts, the help of every command."""

from __future__ import annotations

import argparse
import datetime as dt
import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledarskap.cli._parser import (
    COMMANDS,
    CommandLineError,
    ParserExit,
    _width,
    build_parser,
    command_named,
    count,
    date,
    default_language,
    leading_command,
    requested_language,
)
from ledarskap.text import Language

from ._run import run


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({}, "en"),
        ({"LANG": "sv_SE.UTF-8"}, "sv"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "sv_SE.UTF-8", "LC_ALL": "en_US.UTF-8"}, "en"),
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "sv_FI"}, "sv"),
        ({"LC_ALL": "", "LANG": "sv_SE"}, "sv"),  # an empty variable is not set
        ({"LANG": "C"}, "en"),
    ],
)
def test_the_language_comes_from_the_locale(environ: dict[str, str], language: str) -> None:
    assert default_language(environ) == language


@given(st.dictionaries(st.sampled_from(["LC_ALL", "LC_MESSAGES", "LANG"]), st.text(max_size=12)))
def test_the_first_locale_variable_set_decides(environ: dict[str, str]) -> None:
    """Law: the language is Swedish exactly when the first of LC_ALL, LC_MESSAGES, LANG
    that is set and not empty starts with "sv"."""
    first = next((environ[n] for n in ("LC_ALL", "LC_MESSAGES", "LANG") if environ.get(n)), "")
    assert (default_language(environ) == "sv") == first.startswith("sv")


@pytest.mark.parametrize(
    ("argv", "language"),
    [
        (["validate", "x.json", "--lang", "sv"], "sv"),
        (["--lang=en", "validate"], "en"),
        (["validate", "--lang", "de"], None),
        (["validate", "--lang"], None),
        (["validate", "--", "--lang", "sv"], None),
        ([], None),
        # as argparse reads it: the last one, abbreviated too
        (["validate", "--lang", "sv", "--lang", "en"], "en"),
        (["validate", "--la", "sv"], "sv"),
        (["validate", "--lan=sv", "--lang", "en", "--la=sv"], "sv"),
    ],
)
def test_lang_on_the_command_line(argv: list[str], language: str | None) -> None:
    assert requested_language(argv) == language


def test_every_message_of_a_run_is_in_the_language_argparse_took() -> None:
    """Reproduction (review): ``--lang sv --lang en`` gave Swedish usage and English errors."""
    usage = run("validate", "--lang", "sv", "--lang", "en")
    assert usage.err.startswith("usage: ledarskap validate")
    assert "the following arguments are required: FILE" in usage.err
    missing = run("validate", "nothere.json", "--lang", "en", "--la", "sv")
    assert missing.err == "ledarskap: nothere.json: kan inte läsa: filen eller mappen finns inte\n"
    assert "användning" in run("validate", "--help", "--la", "sv").out


def test_dates_and_counts() -> None:
    assert date("2025-09-15") == dt.date(2025, 9, 15)
    assert count("5") == 5


@pytest.mark.parametrize("text", ["20250915", "2025-9-15", "2025-13-01"])
def test_a_date_is_written_yyyy_mm_dd(text: str) -> None:
    with pytest.raises(ValueError, match=r"^(\d|month)"):
        date(text)


@pytest.mark.parametrize("text", ["0", "-3", "five"])
def test_a_count_is_at_least_one(text: str) -> None:
    with pytest.raises(ValueError, match=r"0|-3|five"):
        count(text)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_command_has_its_help_in_both_languages(language: Language) -> None:
    main_help = run("--help", "--lang", language)
    assert main_help.code == 0
    assert main_help.out.startswith("användning: " if language == "sv" else "usage: ")
    for command in COMMANDS:
        assert command.summary.render(language) in main_help.out
        sub = run(command.name, "--help", "--lang", language)
        assert sub.code == 0, sub
        assert f"ledarskap {command.name}" in sub.out
        assert command.description.render(language)[:30] in " ".join(sub.out.split())
        assert "--lang" in sub.out
        assert ("--format" in sub.out) == (command.output_format or command.name == "export")


def test_the_parser_knows_every_command() -> None:
    parser = build_parser("en")
    assert parser.parse_args(["schema"]).command == "schema"
    names = [c.name for c in COMMANDS]
    assert names == ["validate", "eligibility", "import", "export", "schema", "summary", "demo"]


@pytest.mark.parametrize(
    ("argv", "name"),
    [
        (["validate", "x.json"], "validate"),
        (["--lang", "sv", "summary", "x.json"], "summary"),
        (["--lang=sv", "demo"], "demo"),
        (["--help"], None),
        (["--lang"], None),
    ],
)
def test_the_command_a_line_runs(argv: list[str], name: str | None) -> None:
    assert command_named(argv) == name


@pytest.mark.parametrize(
    ("argv", "name"),
    [
        (["validate", "x.json"], "validate"),
        (["--lang", "sv", "summary", "x.json"], "summary"),
        (["--lang=en", "demo"], "demo"),
        (["--lang", "validate"], None),
        (["-h", "validate"], None),
        (["--he", "validate"], None),
        (["--version", "validate"], None),
        (["valid", "x.json"], None),
        ([], None),
    ],
)
def test_a_command_leads_only_when_first(argv: list[str], name: str | None) -> None:
    """Only a known command first (``--lang`` alone before it) leads: nothing can list the rest."""
    assert leading_command(argv) == name


@pytest.mark.parametrize(
    "argv",
    [
        ["validate", "x.json", "--strict"],
        ["--lang", "en", "summary", "x.json", "--cohort", "c1"],
        ["validate"],
        ["validate", "x.json", "extra"],
        ["validate", "x.json", "--bogus"],
        ["import", "s.csv", "--kind", "mentors"],
        ["schema", "-o"],
    ],
)
def test_a_leading_command_parses_alone_as_among_all(argv: list[str]) -> None:
    """Law: a line whose command leads parses to the same result, or the same error and
    usage, with that command's parser alone as with every command's."""
    command = leading_command(argv)
    assert command is not None

    def outcome(parser: argparse.ArgumentParser) -> object:
        try:
            return parser.parse_args(argv)
        except CommandLineError as problem:
            return (problem.message, problem.parser.format_usage())

    alone = build_parser("en", command, alone=True)
    (commands,) = (a for a in alone._actions if isinstance(a, argparse._SubParsersAction))
    assert list(commands.choices) == [command]
    assert outcome(alone) == outcome(build_parser("en", command))


def test_only_the_command_run_gets_its_options() -> None:
    parser = build_parser("en", "schema")
    assert parser.parse_args(["schema", "-o", "s.json"]).output == "s.json"
    with pytest.raises(CommandLineError, match=r"unrecognized arguments: x\.json --strict"):
        parser.parse_args(["validate", "x.json", "--strict"])


@pytest.mark.parametrize(("columns", "width"), [("60", 58), ("", 78), ("wide", 78), ("-3", 78)])
def test_the_help_is_as_wide_as_the_terminal(
    monkeypatch: pytest.MonkeyPatch, columns: str, width: int
) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    monkeypatch.setattr("sys.__stdout__", None)  # no terminal to ask
    assert _width() == width


def test_the_width_of_a_terminal_that_is_not_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.setattr("os.get_terminal_size", _not_a_terminal)
    assert _width() == 78


def _not_a_terminal(fd: int) -> os.terminal_size:
    raise OSError(25, "Inappropriate ioctl for device")


def test_what_argparse_says_on_exit_is_written(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(ParserExit) as done:
        build_parser("en").exit(3, "bye\n")
    assert done.value.status == 3
    assert capsys.readouterr().err == "bye\n"

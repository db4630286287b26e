"""argparse's messages in Swedish under ``--lang sv`` or a Swedish locale; English otherwise."""

from __future__ import annotations

import re

import pytest

from ledarskap.cli import _messages
from ledarskap.cli._messages import TEMPLATES, translated

from ._run import EXAMPLE, assert_clean_failure, run, run_script

_FIELD = re.compile(r"%\((\w+)\)([sr])|%([sr])")


def _filled(template: str) -> tuple[str, list[str]]:
    """*template* filled as argparse fills it (``%r`` as repr), and the values put in."""
    values: list[str] = []

    def value(match: re.Match[str]) -> str:
        text = f"v{len(values)}"
        values.append(repr(text) if "r" in (match.group(2), match.group(3)) else text)
        return values[-1]

    return _FIELD.sub(value, template), values


@pytest.mark.parametrize("template", list(TEMPLATES))
def test_every_template_is_said_in_swedish_with_its_values(template: str) -> None:
    english, values = _filled(template)
    swedish = translated(english, "sv")
    assert swedish != english
    for text in values:  # every value, as argparse wrote it
        assert text in swedish
    assert translated(english, "en") == english


def test_a_message_in_a_message_is_translated_too() -> None:
    message = "argument --as-of: invalid date value: '1 maj'"
    assert translated(message, "sv") == (
        "argumentet --as-of: ogiltigt värde (datum, ÅÅÅÅ-MM-DD): '1 maj'"
    )


def test_a_message_no_template_knows_is_left_as_argparse_wrote_it() -> None:
    assert translated("something new in Python 3.15", "sv") == "something new in Python 3.15"


@pytest.mark.parametrize(
    ("argv", "swedish"),
    [
        ([], "ledarskap: följande argument krävs: COMMAND"),
        (["frobnicate"], "ledarskap: argumentet COMMAND: ogiltigt val: 'frobnicate' (välj bland"),
        (["validate"], "ledarskap: validate: följande argument krävs: FILE"),
        (["validate", EXAMPLE, "--format", "xml"], "argumentet --format: ogiltigt val: 'xml'"),
        (["export", "p.json", "--format", "csv", "-o"], "argumentet -o/--output: ett värde behövs"),
        (["export", "p.json", "--format", "csv", "--k", "0"], "ogiltigt värde (heltal, minst 1)"),
        (["validate", EXAMPLE, "b.json"], "ledarskap: okända argument: b.json"),
    ],
)
def test_usage_errors_in_swedish(argv: list[str], swedish: str) -> None:
    result = run(*argv, "--lang", "sv")
    assert_clean_failure(result)
    usage, error = result.err.split("\nledarskap: ")
    assert usage.startswith("användning: ledarskap")
    assert swedish in f"ledarskap: {error}"


def test_the_real_command_speaks_swedish_in_a_swedish_locale_and_english_otherwise() -> None:
    swedish = run_script("validate", EXAMPLE, "--format", "yaml", lang="sv_SE.UTF-8")
    assert_clean_failure(swedish)
    assert swedish.err.startswith("användning: ledarskap validate")
    assert "ledarskap: validate: argumentet --format: ogiltigt val: 'yaml'" in swedish.err
    english = run_script("validate", "--lang", "en", lang="sv_SE.UTF-8")  # --lang wins
    assert_clean_failure(english)
    assert english.err.startswith("usage: ledarskap validate")
    assert "ledarskap: validate: the following arguments are required: FILE" in english.err


def test_the_real_help_has_no_english_left_in_swedish() -> None:
    result = run_script("import", "--help", "--lang", "sv")
    assert result.code == 0
    assert result.out.startswith("användning: ledarskap import")
    assert "argument och flaggor:" in result.out
    assert "visa den här hjälpen och avsluta" in result.out
    for english in ("usage:", "positional arguments", "options:", "show this help message"):
        assert english not in result.out


def test_a_message_past_the_longest_is_shown_as_argparse_wrote_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Matching a template takes time growing with the square of a message's length: an
    argument of thousands of characters is quoted in argparse's words, and English is
    never matched at all."""
    value = ", maybe you meant " * 7000
    message = f"argument --format: invalid choice: {value!r} (choose from 'text', 'json')"
    assert len(message) > _messages._LONGEST
    assert translated(message, "sv") == message
    short = "argument --format: invalid choice: 'xml' (choose from 'text', 'json')"
    assert translated(short, "sv").startswith("argumentet --format: ogiltigt val: 'xml'")

    def refuse(message: str) -> str:
        raise AssertionError("matched for English")

    monkeypatch.setattr(_messages, "_in_swedish", refuse)
    assert translated(short, "en") == short

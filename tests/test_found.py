"""What every reader writes by hand, in one place: dates, found values, suggestions."""

from __future__ import annotations

import datetime as dt
import re
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledarskap._found import (
    _MOST_KEY_PARTS,
    _PARSERS_SAY,
    _PARSERS_SAY_ABOUT,
    DATE_FORM,
    FieldError,
    _iso_form,
    _parser_says,
    closest,
    describe,
    did_you_mean,
    parse_text,
    read_iso_date,
)
from ledarskap.errors import (
    InvalidValueError,
    LedarskapError,
    ProblemsError,
    UnknownMunicipalityError,
)
from ledarskap.text import Text


@given(st.dates())
def test_an_iso_date_reads_back_as_written(day: dt.date) -> None:
    """Law: every date written as ``isoformat()`` (four-digit years) reads back as itself."""
    if day.year >= 1000:
        assert read_iso_date(day.isoformat()) == day
    assert read_iso_date(day) == day


@pytest.mark.parametrize(
    "text", ["20250901", " 2025-09-01", "2025-09-01 ", "2025-W36-1", "2025-9-1", "2025-02-30", ""]
)
def test_only_the_one_iso_form_is_a_date(text: str) -> None:
    with pytest.raises(FieldError) as caught:
        read_iso_date(text)
    assert caught.value.code == "invalid"
    assert str(caught.value).startswith(f"expected {DATE_FORM.en}, found text ")


@pytest.mark.parametrize("value", [20250901, None, dt.datetime(2025, 9, 1), ["2025-09-01"]])
def test_a_value_that_is_not_text_is_a_type_problem(value: object) -> None:
    with pytest.raises(FieldError) as caught:
        read_iso_date(value)
    assert caught.value.code == "type"


def test_the_caller_names_the_code_of_a_text_that_is_no_date() -> None:
    with pytest.raises(FieldError) as caught:
        read_iso_date("1 september 2025", code="date")
    assert caught.value.code == "date"


def test_a_field_error_keeps_what_was_expected_found_and_hinted() -> None:
    error = FieldError("one of eligible, not-eligible", "eligable", hint="did you mean 'eligible'?")
    assert isinstance(error, LedarskapError | ValueError)
    assert (error.expected, error.found, error.code) == (
        "one of eligible, not-eligible",
        "text 'eligable'",
        "invalid",
    )
    assert error.hint == "did you mean 'eligible'?"
    assert str(error) == "expected one of eligible, not-eligible, found text 'eligable'"


def test_the_closest_name_and_the_hint_agree() -> None:
    names = ["leads_staff_function", "position"]
    assert closest("leeds_staff_function", names) == "leads_staff_function"
    hint = did_you_mean("leeds_staff_function", names)
    assert hint == Text("menade du 'leads_staff_function'?", "did you mean 'leads_staff_function'?")
    assert closest("zzz", names) is None
    assert did_you_mean("zzz", names) is None
    assert closest(3, ["3a"], cutoff=0.5) == "3a"  # any value, by its text


def test_found_values_are_described_by_their_json_type() -> None:
    assert describe(dt.date(2025, 9, 1)) == "the date 2025-09-01"
    assert describe(True) == "true"
    assert describe({"b": 1, "a": 2}) == "an object with keys ['a', 'b']"
    assert describe(object()).startswith("a object")


def test_a_model_error_says_its_hint_at_the_end() -> None:
    error = InvalidValueError(
        location="position",
        expected="a position of the catalog",
        found="x",
        hint="did you mean 'y'?",
    )
    assert (
        str(error) == "position: expected a position of the catalog, found 'x' (did you mean 'y'?)"
    )
    unknown = UnknownMunicipalityError(
        location="m", found="Linkopping", suggestion="0580 Linköping"
    )
    assert unknown.suggestion == "0580 Linköping"
    assert unknown.hint == "did you mean 0580 Linköping?"
    assert str(unknown).endswith("found 'Linkopping' (did you mean 0580 Linköping?)")
    assert InvalidValueError(location="a", expected="b", found=1).hint is None


# One text for each message the JSON and TOML parsers of the standard library give.
_BROKEN = {
    "json": [
        "",
        "{x: 1}",
        '{"a" 1}',
        '{"a": 1 "b": 2}',
        '"abc',
        '"a\x01"',
        '"\\q"',
        '"\\u12"',
        "1 2",
        '{"a": 1,}',
        "[1,]",
    ],
    "toml": [
        "a = ?",
        "?",
        'a = "\\uZZZZ"',
        "a = 1979-02-30",
        "a.=1",
        "a 1",
        "[a",
        "[[a",
        "a = 1 b",
        "a = 1\na = 2",
        "a = [1",
        "a = {b = 1",
        'a = "x',
        'a = "x\\q"',
        'a = "\\uD800"',
        "[a]\n[a]",
        "[[a.b]]\n[a]\nb.c=1",
        "a = {b = 1}\na.c = 2",
        "a = {b = 1, b = 2}",
        'a = "x\x01"',
        "a = 'x\nb'",
        "a = '''x",
    ],
}


def test_every_message_of_the_json_and_toml_parsers_is_said_in_swedish() -> None:
    """Each message the standard parsers give, fixed or naming a key, has its Swedish.

    The texts above give every message of json and tomllib (those of Python 3.11, and json's
    trailing commas from 3.13), each known message at least once; a message a later version words otherwise is still shown whole,
    after "syntaxfel:".
    """
    said: list[str] = []
    for syntax, texts in _BROKEN.items():
        for text in texts:
            with pytest.raises(ProblemsError) as caught:
                parse_text(text, syntax, error=ProblemsError)  # type: ignore[arg-type]
            (problem,) = caught.value.problems
            swedish = problem.message_in("sv")
            assert "syntaxfel" not in swedish, (text, problem.message)
            assert swedish != problem.message, text
            said.append(problem.message)
    known = [*_PARSERS_SAY, *(before for before, _, _ in _PARSERS_SAY_ABOUT)]
    if sys.version_info < (3, 13):  # json says "Expecting property name" there instead
        known = [k for k in known if not k.startswith("Illegal trailing comma")]
    assert [k for k in known if not any(m.startswith(k) for m in said)] == []


def test_a_parser_message_the_library_does_not_know_is_kept_whole() -> None:
    message = _parser_says("Some message of a later Python", "3")
    assert message.render("sv") == "syntaxfel: Some message of a later Python, kolumn 3"
    assert message.render("en") == "Some message of a later Python, column 3"


@pytest.mark.parametrize("part", ["a.", "a . ", '"a.b".'])
def test_a_key_of_too_many_parts_is_refused_before_tomllib_reads_it(part: str) -> None:
    """tomllib's time grows with the square of a dotted key's parts: such a key is refused
    first, on its line, and one of up to the limit's parts read as usual."""
    last = part * (_MOST_KEY_PARTS - 1) + "b"
    fine = parse_text(f'title = "ok"\n{last} = 1\n', "toml", error=ProblemsError)
    assert fine["title"] == "ok"
    too_long = part * _MOST_KEY_PARTS + "b"
    with pytest.raises(ProblemsError) as caught:
        parse_text(f'title = "ok"\n{too_long} = 1\n', "toml", error=ProblemsError, source="r.toml")
    (problem,) = caught.value.problems
    assert (problem.line, problem.message) == (2, f"a key of more than {_MOST_KEY_PARTS} parts")
    assert problem.message_in("sv") == f"en nyckel med fler än {_MOST_KEY_PARTS} delar"


def test_dots_in_text_are_no_key() -> None:
    prose = "Det här är en mening. Nästa mening, med 1.5 och www.cks.liu.se. " * 500
    text = f'about = "{prose}"\nnotes = """\n{prose}\n"""\nversion = "1.2.3"\n'
    assert parse_text(text, "toml", error=ProblemsError)["version"] == "1.2.3"


def test_a_parser_message_naming_a_long_key_is_quoted_in_part() -> None:
    said = _parser_says(f"Cannot declare ('{'k' * 10_000}',) twice", "1")
    assert len(said.en) < 350
    assert len(said.render("sv")) < 350


@given(
    st.text(alphabet=st.sampled_from("0123456789-/ ٣２a"), min_size=8, max_size=11)
    | st.dates().map(str)
)
def test_the_date_form_is_read_as_its_pattern_says(text: str) -> None:
    """Law: a date's form is checked without compiling its pattern, alike."""
    assert _iso_form(text) == bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", text, re.ASCII))

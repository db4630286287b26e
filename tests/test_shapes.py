"""The one walker of cattrs' errors, and the converter every file reader starts from."""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources

import attrs
import cattrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import ledarskap
from ledarskap._found import FieldError
from ledarskap._shapes import failures, json_path, key_path, make_converter, problems_of
from ledarskap.errors import InvalidValueError, Problem, ProblemsError
from ledarskap.text import Text

EXAMPLE = resources.files("ledarskap.data").joinpath("example-program.json")


@attrs.frozen
class Node:
    name: str
    day: dt.date | None = None
    children: tuple[Node, ...] = ()
    tags: frozenset[str] = frozenset()


def _text(value: object, _: type) -> str:
    if isinstance(value, str):
        return value
    raise FieldError("text", value, code="type")


def _converter(*, forbid_extra_keys: bool = True) -> cattrs.BaseConverter:
    converter = make_converter(forbid_extra_keys=forbid_extra_keys)
    converter.register_structure_hook(str, _text)
    converter.register_structure_hook(dt.date, lambda v, _: dt.date.fromisoformat(v))
    return converter


def _problems(data: object, path=json_path, **options: object) -> list[str]:  # type: ignore[no-untyped-def]
    with pytest.raises(Exception) as caught:  # noqa: PT011 - any of cattrs' errors
        _converter().structure(data, Node)
    return [str(p) for p in problems_of(caught.value, path, **options)]  # type: ignore[arg-type]


def test_a_good_structure_is_made() -> None:
    made = _converter().structure(
        {"name": "a", "children": [{"name": "b", "day": "2025-09-01"}], "tags": ["x", "x"]}, Node
    )
    assert made == Node("a", children=(Node("b", dt.date(2025, 9, 1)),), tags=frozenset({"x"}))


def test_every_failure_is_found_at_once_each_at_its_path() -> None:
    found = _problems(
        {"name": 3, "children": [{"name": "b"}, {"nam": "c"}, 4], "tags": "x", "colour": 1}
    )
    assert found == [
        "$.name: expected text, found the number 3",
        "$.children[1].name: expected a value, found none",
        "$.children[1].nam: unknown key 'nam': expected one of name, day, children, tags "
        "(did you mean 'name'?)",
        "$.children[2]: expected a table, found the number 4",
        "$.tags: expected a list, found text 'x'",
        "$.colour: unknown key 'colour': expected one of name, day, children, tags",
    ]


def test_the_caller_chooses_the_path_style_and_what_a_missing_key_holds() -> None:
    found = _problems(
        {"children": [{"name": "b", "day": "x"}]},
        lambda keys: key_path(keys, "nodes[0]"),
        required={"name": "the node's name"},
        unknown="unknown-key",
    )
    assert found == [
        "nodes[0].name: expected the node's name, found none",
        "nodes[0].children[0].day: invalid value (ValueError: \"Invalid isoformat string: 'x'\")",
    ]


def test_unknown_keys_are_left_aside_when_the_shape_allows_them() -> None:
    assert _converter(forbid_extra_keys=False).structure({"name": "a", "x": 1}, Node) == Node("a")


def test_model_errors_and_nested_problems_keep_their_hints_and_paths() -> None:
    model = InvalidValueError(
        location="p", expected="a position", found="x", hint="did you mean 'y'?"
    )
    model.__notes__ = ["a note to the reader"]
    (failure,) = failures(model, keys=("position",))
    assert (failure.keys, failure.message, failure.code, failure.hint) == (
        ("position",),
        "expected a position, found text 'x'; a note to the reader",
        "invalid",
        "did you mean 'y'?",
    )
    nested = ProblemsError("bad", [Problem("$.people[0].id", "expected an id", "invalid")])
    (problem,) = problems_of(nested, lambda keys: json_path(keys, "$.doc"))
    assert (problem.path, problem.message) == ("$.doc.people[0].id", "expected an id")
    assert problem.path_sv is None


def test_a_nested_path_that_holds_words_keeps_its_swedish() -> None:
    worded = Problem(Text("$.rules[0] (regel, kolumn 3)", "$.rules[0] (rule, column 3)"), "x")
    (problem,) = problems_of(ProblemsError("bad", [worded]), lambda k: json_path(k, "$.doc"))
    assert problem.path == "$.doc.rules[0] (rule, column 3)"
    assert problem.location_in("sv") == "$.doc.rules[0] (regel, kolumn 3)"


@given(st.lists(st.one_of(st.text("ab_ -1", max_size=8), st.integers(0, 99)), max_size=6))
def test_a_json_path_names_each_step(keys: list[str | int]) -> None:
    """Law: a JSON path starts at ``$`` and writes every index and every key it is given."""
    path = json_path(tuple(keys))
    assert path.startswith("$")
    for key in keys:
        assert (f"[{key}]" if isinstance(key, int) else key.replace('"', "")) in path.replace(
            '\\"', ""
        )


def test_a_key_with_a_dot_is_one_step_of_a_path() -> None:
    """``a.b`` is one key (a document may hold it), not two: in brackets, as JSONPath has it;
    so is ``a[1]``, not item 1 of ``a``."""
    assert json_path(("people", 0, "a.b")) == '$.people[0]["a.b"]'
    assert json_path(("cohorts", 0, "sessions[1]")) == '$.cohorts[0]["sessions[1]"]'


def test_a_shape_or_a_list_of_the_wrong_kind_is_said_in_swedish() -> None:
    with pytest.raises(Exception) as caught:  # noqa: PT011 - any of cattrs' errors
        _converter().structure({"name": "a", "children": {"name": "b"}, "tags": "x"}, Node)
    assert [p.render("sv") for p in problems_of(caught.value)] == [
        "$.children: förväntade en lista, fick ett objekt med nycklarna ['name']",
        "$.tags: förväntade en lista, fick texten 'x'",
    ]
    with pytest.raises(FieldError) as table:
        _converter().structure([1], Node)
    assert table.value.render("sv") == "förväntade en tabell, fick en lista med 1 element"


def test_a_model_error_s_notes_are_said_after_it() -> None:
    """A note added to a model's error is said after it, as written, in either language."""
    model = InvalidValueError(location="p", expected=Text("en befattning", "a position"), found="x")
    model.__notes__ = ["a note to the reader"]
    (failure,) = failures(model, keys=("position",))
    assert failure.message == "expected a position, found text 'x'; a note to the reader"
    assert failure.text.sv == (  # type: ignore[union-attr]
        "förväntade en befattning, fick texten 'x'; a note to the reader"
    )


def test_a_model_error_names_a_number_found_as_a_number_not_as_text() -> None:
    number = InvalidValueError(location="p", expected=Text("minst 1", "at least 1"), found=-5)
    (failure,) = failures(number, keys=("capacity",))
    assert failure.message == "expected at least 1, found -5"
    assert failure.text.render("sv") == "förväntade minst 1, fick -5"  # type: ignore[union-attr]
    text = InvalidValueError(location="p", expected="a date", found="-5")
    (failure,) = failures(text, keys=("start",))
    assert failure.message == "expected a date, found text '-5'"


def test_a_document_s_number_out_of_range_is_named_a_number() -> None:
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    document["mentors"][0]["capacity"] = -5
    with pytest.raises(ProblemsError) as caught:
        ledarskap.loads(json.dumps(document))
    (problem,) = caught.value.problems
    assert problem.message == "expected a whole number of at least 1, found -5"

"""The shape of a case file: structured by cattrs, each failure located by its key path and line."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledarskap import Application, Outcome
from ledarskap._found import Lines
from ledarskap.errors import DocumentError, Problems
from ledarskap.io._casefiles import (
    CaseShape,
    CohortShape,
    applicant_data,
    case_lines,
    key_line,
    key_path,
    parse,
    structure_case,
    syntax_of,
)
from ledarskap.io._casefiles import make_converter as make_case_converter
from ledarskap.io._convert import make_converter


def _where(keys: tuple[str | int, ...]) -> tuple[str, int | None]:
    return key_path(keys), None


def _structure(raw: object) -> tuple[CaseShape | None, set[str | int], list[str]]:
    problems = Problems()
    shape, failed = structure_case(raw, problems, _where, make_case_converter())
    return shape, failed, [str(problem) for problem in problems]


def test_a_case_is_structured_into_its_shape() -> None:
    shape, failed, found = _structure(
        {
            "name": "kommunchef",
            "as_of": "2025-09-01",
            "outcome": "not-eligible",
            "reasons": ["position.chief-executive"],
            "collaborating": ["Linköping", "0580", "Motala"],
            "cohort": {"program": "example", "id": "liko-2025"},
            "applicant": {"title": "Kommunchef"},
        }
    )
    assert (failed, found) == (set(), [])
    assert shape is not None
    assert shape.as_of == dt.date(2025, 9, 1)
    assert shape.outcome is Outcome.NOT_ELIGIBLE
    assert shape.reasons == frozenset({"position.chief-executive"})
    assert shape.collaborating is not None
    assert [m.name for m in shape.collaborating] == ["Linköping", "Motala"]  # each once
    assert shape.cohort == CohortShape(program="example", id="liko-2025")
    assert shape.applicant == {"title": "Kommunchef"}


def test_every_failure_is_located_and_the_good_keys_are_kept() -> None:
    shape, failed, found = _structure(
        {
            "name": 3,
            "as_of": dt.datetime(2025, 9, 1, 10, 0),
            "outcome": "eligible",
            "warnings": "x",
            "collaborating": ["Motala", "Atlantis"],
            "cohort": {"program": "example"},
            "colour": "blue",
        }
    )
    assert found == [
        "name: expected text, found the number 3",
        "as_of: expected a date YYYY-MM-DD, found the date-time '2025-09-01T10:00:00'",
        "collaborating[1]: expected one of Sweden's 290 municipality codes or names, found text "
        "'Atlantis'",
        "cohort.id: expected the id of a cohort of that program, found none",
        "warnings: expected a list of codes (text), found text 'x'",
        "colour: unknown key 'colour': expected one of name, description, as_of, applicant, "
        "collaborating, cohort, outcome, reasons, warnings, missing, skip, xfail "
        "(did you mean 'cohort'?)",
    ]
    assert failed == {"colour", "name", "as_of", "collaborating", "cohort", "warnings"}
    assert shape == CaseShape(outcome=Outcome.ELIGIBLE)


def test_a_case_that_is_not_a_table_has_no_shape() -> None:
    assert _structure(["a", "list"]) == (
        None,
        set(),
        ["(top level): expected a table, found a list of 2 items"],
    )


_JUNK = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8) | st.dates().map(str),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner),
    max_leaves=8,
)
_KEYS = st.sampled_from(
    ["name", "as_of", "outcome", "applicant", "collaborating", "cohort", "reasons", "skip", "x"]
)


@settings(max_examples=200, deadline=None)
@given(raw=st.dictionaries(_KEYS, _JUNK, max_size=6) | _JUNK)
def test_any_value_gives_a_shape_or_problems_never_another_error(raw: object) -> None:
    """Law: structuring never raises; a table always gives a shape holding only its good keys,
    and every problem is located at a key the table has."""
    shape, failed, found = _structure(raw)
    if not isinstance(raw, dict):
        assert shape is None
        return
    assert shape is not None
    assert bool(failed) == bool(found)
    assert failed <= set(raw)
    for key in failed:
        assert getattr(shape, str(key), None) is None


def test_lines_of_toml_cases_are_their_headers() -> None:
    text = 'ruleset = "default"\n[[case]]\nname = "a"\n[[case]]\nname = "b"\napplicant = { title = "x" }\n'
    lines = Lines(text)
    assert case_lines(text, "toml", [{"name": "a"}, {"name": "b"}], lines) == [2, 4]
    assert key_line(lines, ("applicant", "title"), 4, None) == 6
    assert key_line(lines, ("nothing",), 4, None) == 4
    assert key_line(lines, ("name",), None, None) is None


def test_lines_of_json_cases_are_their_names() -> None:
    document = {"case": [{"name": "a"}, {"name": 'say "hej"'}, {"name": 3}]}
    text = json.dumps(document, indent=2, ensure_ascii=False)
    starts = case_lines(text, "json", document["case"], Lines(text))
    assert [text.splitlines()[n - 1].strip() for n in starts if n is not None] == [
        '"name": "a"',
        '"name": "say \\"hej\\""',
    ]
    assert starts[2] is None


def test_a_file_is_toml_or_json_by_its_suffix() -> None:
    assert syntax_of(".TOML", "x.TOML") == "toml"
    assert syntax_of(".json", "x.json") == "json"
    with pytest.raises(
        DocumentError, match=r"expected a name ending \.toml or \.json, found '\.yaml'"
    ):
        syntax_of(".yaml", "x.yaml")


@pytest.mark.parametrize(
    ("content", "syntax", "expected"),
    [
        (b"\xff", "toml", "x.toml: byte 0: expected UTF-8 text"),
        (b'ruleset = "default"\ncase = = 3\n', "toml", "x.toml:2: Invalid value, column 8"),
        (b'{"case":\n ]}', "json", "x.toml:2: Expecting value, column 2"),
        (b"[1]", "json", "x.toml: expected an object with the key 'case'"),
    ],
)
def test_text_that_cannot_be_parsed(content: bytes, syntax: Any, expected: str) -> None:
    with pytest.raises(DocumentError) as caught:
        parse(content, syntax, "x.toml")
    assert str(caught.value.problems[0]).startswith(expected)


def test_an_applicant_is_written_with_its_known_facts_only() -> None:
    app = Application(
        id="ans-1",
        person_id="p-1",
        cohort_id="c",
        submitted=dt.date(2025, 1, 1),
        municipality="0580",
        title="Socialchef",
        position="forvaltningschef",
    )
    assert applicant_data(app, make_converter(flavour="toml")) == {
        "submitted": dt.date(2025, 1, 1),
        "municipality": "Linköping",
        "title": "Socialchef",
    }

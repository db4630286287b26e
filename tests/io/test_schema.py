"""The JSON Schema of the program document agrees with the library.

Every document the library writes validates against the schema; for field-level
constraints (types, patterns, enums, required and unknown fields) a mutated document is
rejected by the schema exactly when the library rejects it. The library checks more
than a schema can say (check digits, dates in order, sessions inside their cohort):
those are the only rejections the schema may miss, and they are listed here.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ledarskap
from ledarskap import DocumentError, ProgramData, testing
from ledarskap.io import FORMAT_VERSION
from ledarskap.io.schema import SCHEMA_ID, document_schema

VALIDATOR = jsonschema.Draft202012Validator(
    document_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))

# What the library rejects and a JSON Schema cannot express: checks across fields, check
# digits, and one municipality written both by code and by name.
BEYOND_THE_SCHEMA = (
    "on or after",
    "within the cohort's dates",
    "an id not used before",
    "no item twice",
    "a valid personnummer",
)

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
    | st.sampled_from(["", " ", "0580", "2025-09-01", "2025-02-30", "x y", "a@b.se", "admitted"]),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)


def test_the_schema_is_a_valid_2020_12_schema() -> None:
    schema = document_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$id"] == SCHEMA_ID
    assert schema["properties"]["format_version"] == {"const": FORMAT_VERSION}


def test_every_definition_forbids_unknown_fields_and_names_its_required_ones() -> None:
    schema = document_schema()
    for name, definition in schema["$defs"].items():
        if definition.get("type") == "object":
            assert definition["additionalProperties"] is False, name
    assert schema["$defs"]["Person"]["required"] == ["id", "given_name", "family_name"]
    assert schema["$defs"]["Session"]["required"] == ["id", "kind", "title", "start"]


def _patterns(node: object) -> list[str]:
    if isinstance(node, dict):
        own = [node["pattern"]] if isinstance(node.get("pattern"), str) else []
        return own + [p for value in node.values() for p in _patterns(value)]
    if isinstance(node, list):
        return [p for item in node for p in _patterns(item)]
    return []


def test_every_pattern_means_the_same_to_python_and_to_ecma_262() -> None:
    """A JSON Schema's patterns are ECMA 262's: ``\\s``, ``\\d``, ``\\w`` and ``\\b`` mean
    other characters there than in Python's re, so none is used (but ``[\\s\\S]``, any
    character in both); white space is spelled out as str.isspace has it."""
    patterns = _patterns(document_schema())
    assert patterns
    for pattern in patterns:
        bare = pattern.replace(r"[\s\S]", "")
        assert not any(c in bare for c in (r"\s", r"\S", r"\d", r"\D", r"\w", r"\W", r"\b")), (
            pattern
        )


def test_document_schema_returns_a_fresh_copy() -> None:
    schema = document_schema()
    schema["$defs"].clear()
    assert document_schema()["$defs"]


def test_the_example_program_validates() -> None:
    VALIDATOR.validate(json.loads(ledarskap.dumps(ledarskap.example_program())))


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=testing.program_data(max_cohorts=2, max_participants=4))
def test_every_document_the_library_writes_validates(data: ProgramData) -> None:
    """Law: the schema accepts whatever dumps writes."""
    VALIDATOR.validate(json.loads(ledarskap.dumps(data)))


def _places(doc: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path of every value in *doc* (but the document itself)."""
    found = [path] if path else []
    if isinstance(doc, dict):
        for key, value in doc.items():
            found += _places(value, (*path, key))
    elif isinstance(doc, list):
        for index, value in enumerate(doc):
            found += _places(value, (*path, index))
    return found


def _objects(doc: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = []
    if isinstance(doc, dict):
        found.append(path)
        for key, value in doc.items():
            found += _objects(value, (*path, key))
    elif isinstance(doc, list):
        for index, value in enumerate(doc):
            found += _objects(value, (*path, index))
    return found


def _at(doc: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        doc = doc[step]
    return doc


@st.composite
def mutated_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A valid document with one to three field-level changes."""
    data = draw(testing.program_data(max_cohorts=1, max_participants=2))
    doc: dict[str, Any] = json.loads(ledarskap.dumps(data))
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["replace", "delete", "add"]))
        if kind == "add":
            where = _at(doc, draw(st.sampled_from(_objects(doc))))
            where[draw(st.text(min_size=1, max_size=8))] = draw(JSON_VALUES)
            continue
        path = draw(st.sampled_from(_places(doc)))
        parent = _at(doc, path[:-1])
        if kind == "delete" and isinstance(parent, dict):
            del parent[path[-1]]
        else:
            parent[path[-1]] = draw(JSON_VALUES)
    return doc


def _library_problems(doc: dict[str, Any]) -> list[str] | None:
    try:
        ledarskap.loads(json.dumps(doc))
    except DocumentError as exc:
        return [p.message for p in exc.problems]
    return None


@SETTINGS
@given(doc=mutated_documents())
def test_the_schema_and_the_library_reject_the_same_field_level_mistakes(
    doc: dict[str, Any],
) -> None:
    """Law: the schema rejects ⇔ the library rejects, but for checks beyond a schema."""
    schema_errors = [e.message for e in VALIDATOR.iter_errors(copy.deepcopy(doc))]
    problems = _library_problems(doc)
    if schema_errors:
        assert problems is not None, (
            f"the library accepted what the schema rejects: {schema_errors}"
        )
    elif problems is not None:
        beyond = [m for m in problems if any(phrase in m for phrase in BEYOND_THE_SCHEMA)]
        assert beyond == problems, f"the schema accepted what the library rejects: {problems}"


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("people", 0, "id"), "p 1"),
        (("people", 0, "id"), "p-1\n"),
        (("people", 0, "email"), "anna@example"),
        (("people", 0, "given_name"), " \t"),
        (("people", 0, "personnummer"), "1985-03-12"),
        (("cohorts", 0, "start"), "2025-9-1"),
        (("cohorts", 0, "start"), "2025-02-30"),
        (("cohorts", 0, "number"), 0),
        (("cohorts", 0, "number"), True),
        (("cohorts", 0, "number"), 2.5),
        (("participants", 0, "status"), "Admitted"),
        (("appointments", 0, "municipality"), "linkoping"),
        (("appointments", 0, "position"), "Förvaltningschef"),
        # A mentorship's life: an end exactly when over, who and why only for an early end.
        (("mentorships", 0, "end"), None),
        (("mentorships", 0, "status"), "active"),
        (("mentorships", 0, "status"), "proposed"),
        (("mentorships", 0, "ended_by"), "adept"),
        (("mentorships", 0, "end_reason"), "Flyttade"),
    ],
)
def test_known_mistakes_are_rejected_by_both(path: tuple[Any, ...], value: object) -> None:
    data = ledarskap.example_program()
    doc = json.loads(ledarskap.dumps(data))
    _at(doc, path[:-1])[path[-1]] = value
    assert not VALIDATOR.is_valid(doc)
    assert _library_problems(doc) is not None


def test_a_mentorship_without_a_status_is_read_from_its_end_by_both() -> None:
    """Without ``status`` the library reads it from ``end`` (completed here); the schema,
    whose lifecycle rules need a status, accepts it too."""
    doc = json.loads(ledarskap.dumps(ledarskap.example_program()))
    del doc["mentorships"][0]["status"]
    assert VALIDATOR.is_valid(doc)
    assert ledarskap.loads(json.dumps(doc)) == ledarskap.example_program()
    ended_early = next(m for m in doc["mentorships"] if m.get("status") == "ended-early")
    ended_early["status"] = "completed"
    assert not VALIDATOR.is_valid(doc)  # who ended it and why, on a completed one
    assert _library_problems(doc) is not None

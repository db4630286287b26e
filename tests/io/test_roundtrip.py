"""Laws over every model class: round trips through the converters and documents, equality.

A deliberate sweep across modules, kept in one file with one strategy per model class so
that no class is left out (``test_every_model_class_has_a_strategy``). Two objects drawn
independently are almost never equal, so the equality laws build the equal twin on
purpose: a fresh object of the same value, read back from its plain-data form (new
tuples, sets, personnummer and nested records, no object shared with the original).
"""

from __future__ import annotations

import json
import sys
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ledarskap
from ledarskap import ProgramData, testing
from ledarskap.io import documents, make_converter
from ledarskap.io._convert import MODEL_CLASSES
from ledarskap.io._encode import Encoder

STRATEGIES: dict[str, st.SearchStrategy[Any]] = {
    "Application": testing.applications(),
    "Appointment": testing.appointments(),
    "Cohort": testing.cohorts(),
    "Collaboration": testing.collaborations(),
    "Mentor": testing.mentors(),
    "MentorMeeting": testing.mentor_meetings(),
    "Mentorship": testing.mentorships(),
    "Organiser": testing.organisers(),
    "Participant": testing.participants(),
    "Person": testing.people(),
    "PoliticalBody": testing.political_bodies(),
    "Program": testing.programs(),
    "ProgramData": testing.program_data(max_cohorts=1, max_participants=3),
    "Purpose": testing.purposes(),
    "Session": testing.sessions(),
    "SupportGroup": testing.support_groups(),
    "Theme": testing.themes(),
    "Venue": testing.venues(),
}
FAST = settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
JSON = make_converter()
TOML = make_converter(flavour="toml")


def test_every_model_class_has_a_strategy() -> None:
    assert sorted(STRATEGIES) == sorted(cls.__name__ for cls in MODEL_CLASSES)


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda cls: cls.__name__)
@FAST
@given(data=st.data())
def test_structure_inverts_unstructure(cls: type, data: st.DataObject) -> None:
    """Law: structure(unstructure(x)) == x, for every class, in both flavours."""
    value = data.draw(STRATEGIES[cls.__name__])
    assert JSON.structure(JSON.unstructure(value), cls) == value
    assert TOML.structure(TOML.unstructure(value), cls) == value


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda cls: cls.__name__)
@FAST
@given(data=st.data())
def test_unstructure_gives_plain_json_data(cls: type, data: st.DataObject) -> None:
    """Law: what the converter writes is made of dicts, lists, text, numbers, booleans, null."""
    value = data.draw(STRATEGIES[cls.__name__])

    def plain(x: object) -> bool:
        if isinstance(x, dict):
            return all(isinstance(k, str) and plain(v) for k, v in x.items())
        if isinstance(x, list):
            return all(plain(v) for v in x)
        return x is None or isinstance(x, str | int | float | bool)

    assert plain(JSON.unstructure(value))


@pytest.mark.parametrize("syntax", ["json", "toml"])
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=testing.program_data(max_cohorts=2, max_participants=4))
def test_documents_round_trip_losslessly(syntax: ledarskap.io.Syntax, data: ProgramData) -> None:
    """Law: loads(dumps(x)) == x for whole documents, and dumps is stable (same text again)."""
    text = ledarskap.dumps(data, syntax=syntax)
    back = ledarskap.loads(text, syntax=syntax)
    assert back == data
    assert ledarskap.dumps(back, syntax=syntax) == text


@FAST
@given(data=testing.program_data(max_cohorts=1, max_participants=3))
def test_json_output_does_not_depend_on_msgspec(data: ProgramData) -> None:
    """Law: the msgspec encoder writes byte for byte what the json module writes of the
    converter's plain data."""

    document = {**documents._header(), **JSON.unstructure(data)}
    plain = json.dumps(document, ensure_ascii=False, indent=2).encode()
    assert Encoder().encode(data) == plain


def test_json_without_msgspec(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the optional msgspec, documents are written and read by the json module alone."""

    data = ledarskap.example_program()
    with_msgspec = ledarskap.dumps(data)
    monkeypatch.setitem(sys.modules, "msgspec", None)  # makes `import msgspec` fail
    monkeypatch.setattr(documents, "_encoder", documents._encoder.__wrapped__)
    monkeypatch.setattr(documents, "_decoder", documents._decoder.__wrapped__)
    assert documents._encoder() is None
    assert ledarskap.dumps(data) == with_msgspec
    assert ledarskap.loads(with_msgspec) == data


# Equality -----------------------------------------------------------------------------


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda cls: cls.__name__)
@FAST
@given(data=st.data())
def test_equal_values_compare_and_hash_equal(cls: type, data: st.DataObject) -> None:
    """Law: an object and its twin rebuilt from plain data are equal and hash equal."""
    value = data.draw(STRATEGIES[cls.__name__])
    twin: Any = JSON.structure(JSON.unstructure(value), cls)
    assert twin is not value
    assert twin == value
    assert hash(twin) == hash(value)


@settings(max_examples=15, deadline=None)
@given(value=testing.cohorts())
def test_a_field_that_differs_makes_values_differ(value: Any) -> None:
    """Law: equality looks at the fields: changing one makes the values unequal."""
    assert attrs.evolve(value, name=value.name + " (ny)") != value

"""The reader of small program documents (``ledarskap.io._construct``): the same records, or none."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
import typing
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import ledarskap
from ledarskap import ProgramData, testing
from ledarskap import data as shipped
from ledarskap.errors import InvalidValueError, ProblemsError
from ledarskap.io import _construct, documents
from ledarskap.io._construct import SMALL, Constructor
from ledarskap.io._convert import make_converter
from ledarskap.io._values import MODEL_CLASSES

SOME = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))


def _body(document: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in document.items() if k not in ("format", "format_version")}


@SOME
@given(data=testing.program_data(max_cohorts=2, max_participants=4))
def test_the_reader_reads_what_the_detailed_converter_reads(data: ProgramData) -> None:
    """Law: a JSON document ledarskap wrote is read to records equal to the detailed reading."""
    body = _body(json.loads(ledarskap.dumps(data)))
    assert Constructor().read(body) == make_converter().structure(body, ProgramData) == data


@SOME
@given(data=testing.program_data(max_cohorts=2, max_participants=4))
def test_toml_documents_are_read_with_absent_optional_keys_as_none(data: ProgramData) -> None:
    """Law: the TOML flavour reads a TOML document ledarskap wrote (no nulls) back to the data."""
    body = _body(tomllib.loads(ledarskap.dumps(data, syntax="toml")))
    expected = make_converter(flavour="toml").structure(body, ProgramData)
    assert Constructor("toml").read(body) == expected == data


def test_the_example_program_is_small_and_read_without_cattrs_or_msgspec() -> None:
    """The example document is read by this reader: a fresh process imports neither library."""
    assert len(shipped.read_bytes("example-program.json")) <= SMALL
    code = (
        "import sys, ledarskap; ledarskap.example_program(); "
        "print(sorted({'cattrs', 'msgspec'} & set(sys.modules)))"
    )
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "[]"


def _sessions_late(document: dict[str, Any], count: int) -> None:
    for session in document["cohorts"][0]["sessions"][:count]:
        session.update(start="2027-01-01", end="2027-01-01")


@pytest.mark.parametrize(
    ("change", "refusal"),
    [
        (lambda d: d["people"][0].update(nickname="x"), KeyError),  # an unknown key
        (lambda d: d["people"][0].pop("id"), TypeError),  # a required field left out
        (lambda d: d.update(people={}), TypeError),  # an object for a list
        (lambda d: d["people"][0].update(given_name=3), ValueError),  # a number for text
        (lambda d: d["cohorts"][0]["sessions"][0].update(activities=["lecture"] * 2), ValueError),
        (lambda d: d.update(program=[]), TypeError),  # a list for an object
        (lambda d: _sessions_late(d, 1), InvalidValueError),  # a cohort's invariant broken
        (lambda d: _sessions_late(d, 2), ProblemsError),  # two, each a problem of its own
    ],
)
def test_what_the_reader_does_not_read_it_refuses(change: Any, refusal: type[Exception]) -> None:
    """The reader raises one of its refusals; ``loads`` then lets the detailed converter report."""
    document = json.loads(ledarskap.dumps(documents.example_program()))
    change(document)
    with pytest.raises(refusal):
        Constructor().read(_body(document))
    assert issubclass(refusal, Constructor.refusals)
    with pytest.raises(ledarskap.DocumentError):
        ledarskap.loads(json.dumps(document))


def test_a_whole_number_written_as_a_float_is_read_as_the_converter_reads_it() -> None:
    """``24.0`` is the whole number 24 to both readers (the fast decoder refuses it)."""
    document = json.loads(ledarskap.dumps(documents.example_program()))
    document["cohorts"][0]["capacity"] = 24.0
    body = _body(document)
    assert Constructor().read(body) == make_converter().structure(body, ProgramData)
    assert ledarskap.loads(json.dumps(document)).cohorts[0].capacity == 24


def test_a_type_the_model_does_not_use_is_a_bug_not_a_refusal() -> None:
    """The reader knows the model's types; another type is an error that is not hidden."""
    with pytest.raises(NotImplementedError, match="no reader"):
        Constructor().reader(complex)


def test_large_documents_are_read_by_the_fast_decoder(monkeypatch: pytest.MonkeyPatch) -> None:
    """Above :data:`SMALL`, ``loads`` reads with the fast decoder; below, with this reader."""
    text = ledarskap.dumps(documents.example_program())
    used: list[str] = []
    decode_fast, constructor = documents._decode_fast, documents._constructor

    def fast(text: str | bytes) -> ProgramData | None:
        used.append("decoder")
        return decode_fast(text)

    def small(flavour: Any) -> Constructor:
        used.append("constructor")
        return constructor(flavour)

    monkeypatch.setattr(documents, "_decode_fast", fast)
    monkeypatch.setattr(documents, "_constructor", small)
    assert ledarskap.loads(text) == documents.example_program()
    monkeypatch.setattr(documents, "SMALL", len(text) - 1)
    assert ledarskap.loads(text) == documents.example_program()
    assert used == ["constructor", "decoder"]


def test_field_types_are_the_annotations_typing_resolves() -> None:
    """Each field's type, evaluated once per text and module, is what ``attrs.resolve_types``
    gives (a field named like a type its class uses would show here)."""
    reader = Constructor()
    for cls in MODEL_CLASSES:
        # As the class declares them (an earlier resolve_types may have replaced a.type).
        texts = [a.evolve(type=cls.__annotations__[a.name]) for a in attrs.fields(cls)]
        assert all(isinstance(a.type, str) for a in texts)
        ours = {a.name: reader.field_type(cls, a) for a in texts}
        resolved = typing.get_type_hints(cls)
        assert ours == {name: resolved[name] for name in ours}
        assert reader.field_type(cls, attrs.fields(cls)[0]) == resolved[attrs.fields(cls)[0].name]


@pytest.mark.parametrize(
    ("spelling", "read"),
    [
        ("19121212 1212", False),
        (" 19121212-1212", False),
        ("19121212:1212", False),
        ("121212-1212", True),
    ],
)
def test_a_small_and_a_large_document_take_the_same_personnummer_spellings(
    spelling: str, read: bool
) -> None:
    """The size of a document never changes what it may hold: a spelling of a personnummer
    the small-document reader refuses, the fast reader of a large document refuses too
    (the detailed reader then reports it), and one it reads, both read."""
    body = json.loads(ledarskap.dumps(ledarskap.example_program()))
    body["people"][0]["personnummer"] = spelling
    small = json.dumps(body)
    large = small + " " * (SMALL + 1)

    def outcome(text: str) -> object:
        try:
            return ledarskap.loads(text).people[0].personnummer
        except ledarskap.DocumentError as error:
            return [problem.path for problem in error.problems]

    assert outcome(small) == outcome(large)
    assert (outcome(small) == ["$.people[0].personnummer"]) is not read


def test_the_models_annotations_are_read_without_compiling(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every annotation form the model writes is read without ``eval`` (the types are
    checked against typing's by the test above)."""

    def refuse(*_: object) -> None:
        raise AssertionError("an annotation of the model went to eval")

    monkeypatch.setattr(_construct, "eval", refuse, raising=False)
    reader = Constructor()
    for cls in MODEL_CLASSES:
        for a in attrs.fields(cls):
            reader.field_type(cls, a.evolve(type=cls.__annotations__[a.name]))


def test_an_annotation_of_another_form_is_evaluated() -> None:
    assert _construct._evaluated("typing.Literal['a']", {"typing": typing}) == typing.Literal["a"]
    assert _construct._evaluated("dict[str, int] | None", {}) == (dict[str, int] | None)

"""The fast decoder of program documents (``ledarskap.io._decode``): the same records, or none."""

from __future__ import annotations

import json
import re
import sys
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ledarskap
from ledarskap import Activity, ProgramData, testing
from ledarskap.errors import DocumentError
from ledarskap.io import documents
from ledarskap.io._convert import make_converter
from ledarskap.io._decode import Decoder, _Batch, _guarded, _single_line
from ledarskap.model._checks import EMAIL_PATTERN, ID_PATTERN, identifier, items, set_of

DECODER = Decoder()
DETAILED = make_converter()
SOME = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))


@pytest.fixture(autouse=True)
def _every_document_is_large(monkeypatch: pytest.MonkeyPatch) -> None:
    """``loads`` reads every document of this module as a large one: with the fast decoder."""
    monkeypatch.setattr(documents, "SMALL", -1)


TEXTS = st.lists(
    st.text(alphabet=st.sampled_from("aZ09._:-@ \n\t\u00a0é"), max_size=8)
    | st.sampled_from(["d-1", "anna@example.se", " ", "x\n", "a b", "a@b@c.se", "a$", "x", "ABC"]),
    max_size=6,
)


@pytest.mark.parametrize(
    ("pattern", "complete"),
    [
        (ID_PATTERN, True),
        (EMAIL_PATTERN, True),
        (r"\S", True),
        # Checked line by line: a match of [^@]+ may run on into the next line, and the
        # batch then refuses what each text alone passes (the detailed reader decides).
        (r"^[^@]+@?$", False),
        (r"@", True),
        (r"^a\$", True),  # a dollar sign, not an anchor
        (r"^(?P<a>x)$", True),  # a named group cannot be repeated: each value on its own
        (r"(?i)^abc$", True),  # global flags cannot be nested: likewise
    ],
)
@given(values=TEXTS)
def test_a_batch_accepts_exactly_what_each_value_would_pass(
    pattern: str, complete: bool, values: list[str]
) -> None:
    """Law: a batch accepts only texts that each match on their own; for the model's patterns,
    also every such list of texts without a line feed (one with a line feed may be left to
    the detailed reader)."""
    one = re.compile(pattern)
    alone = all(
        (one.fullmatch(v) if pattern.startswith("^") else one.search(v)) is not None for v in values
    )
    try:
        _Batch(pattern).check(values)
    except ValueError:
        together = False
    else:
        together = True
    assert alone or not together
    if complete:
        assert together or not alone or any("\n" in v for v in values)


@pytest.mark.parametrize(
    ("pattern", "single"),
    [
        (ID_PATTERN[1:-1], True),
        (EMAIL_PATTERN[1:-1], True),
        (r"\d{3}(?:-\w+)+", True),
        (r"(?>ab)+(?:cd|ef)", True),
        (r"(?:ab|c\n)", False),
        (r"[^@]+", False),  # a negated class without \s or \n holds a line feed
        (r"a.b", False),  # . may match one under re.DOTALL
        (r"\W", False),
        (r"(?:a|\n)", False),
        (r"[\x00-\x20]", False),
        (r"a(?=b)", False),  # a look-ahead sees the next line
        (r"(a)\1", False),
    ],
)
def test_single_line_patterns_are_known(pattern: str, single: bool) -> None:
    """Only a pattern whose matches cannot hold a line feed is matched over joined lines."""
    assert _single_line(pattern) is single


@SOME
@given(data=testing.program_data(max_cohorts=2, max_participants=4))
def test_the_decoder_reads_what_the_detailed_converter_reads(data: ProgramData) -> None:
    """Law: a document ledarskap wrote decodes fast to records equal to the detailed reading."""
    text = ledarskap.dumps(data)
    body = {k: v for k, v in json.loads(text).items() if k not in ("format", "format_version")}
    assert DECODER.decode(text) == DETAILED.structure(body, ProgramData) == data


def _document() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(ledarskap.dumps(documents.example_program()))
    return document


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["people"][0].update(nickname="x"),  # an unknown key
        lambda d: d["people"][0].update(id="p-1\n"),  # a line feed after an id
        lambda d: d["appointments"][0].pop("position"),  # derived from the title
        lambda d: d["cohorts"][0].update(capacity=24.0),  # a whole number as a float
        lambda d: d["cohorts"][0]["support_groups"][0].update(participant_ids=["d-1", "d-1"]),
        lambda d: d["cohorts"][0]["sessions"][0].update(theme_ids=["t-1", "t-1"]),
        lambda d: d["mentorships"][0].update(end="1999-01-01"),  # before its start
    ],
)
def test_what_the_decoder_does_not_read_goes_to_the_detailed_converter(change: Any) -> None:
    """The decoder refuses; ``loads`` then reads with the detailed converter, which decides."""
    document = _document()
    change(document)
    text = json.dumps(document)
    with pytest.raises(Exception):  # noqa: B017, PT011 - any error: the caller falls back
        DECODER.decode(text)
    try:
        expected: object = DETAILED.structure(
            {k: v for k, v in document.items() if k not in ("format", "format_version")},
            ProgramData,
        )
    except DocumentError as exc:
        expected = type(exc)
    try:
        found: object = ledarskap.loads(text)
    except DocumentError as exc:
        found = type(exc)
    assert found == expected


def test_toml_documents_are_converted_by_the_decoder_too() -> None:
    """A parsed TOML document goes through structs of the TOML flavour and the same builders.

    TOML leaves out what is ``None``: there, a position left out is ``None``; in JSON it is
    derived from the title, so the JSON flavour refuses a document without it (the detailed
    converter then derives it).
    """
    data = documents.example_program()
    assert any(a.position is None for a in data.applications)
    parsed = documents._parse(ledarskap.dumps(data, syntax="toml"), "toml", None)
    assert Decoder("toml").convert(parsed) == data
    with pytest.raises(Exception):  # noqa: B017, PT011 - any error: the caller falls back
        DECODER.convert(parsed)


def test_a_large_toml_document_is_converted_by_the_decoder_through_loads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``loads`` hands a large parsed TOML document to the decoder, which reads it."""
    data = documents.example_program()
    text = ledarskap.dumps(data, syntax="toml")
    converted: list[object] = []
    decoder = documents._decoder("toml")
    assert decoder is not None
    convert = decoder.convert

    def counted(document: dict[str, Any]) -> ProgramData:
        converted.append(document)
        return convert(document)

    monkeypatch.setattr(decoder, "convert", counted)
    assert ledarskap.loads(text, syntax="toml") == data
    assert len(converted) == 1


def test_without_msgspec_documents_are_read_by_the_detailed_converter(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """msgspec is optional: without it there is no fast decoder and loading still works."""
    monkeypatch.setitem(sys.modules, "msgspec", None)
    assert documents._decoder.__wrapped__("json") is None
    monkeypatch.setattr(documents, "_decoder", lambda flavour: None)
    data = documents.example_program()
    assert ledarskap.loads(ledarskap.dumps(data)) == data


@pytest.mark.parametrize("kind", [bytes, bytearray, memoryview])
def test_a_large_document_as_bytes_is_read_as_its_text_is(kind: type) -> None:
    """Bytes go to the decoder as they are; a memoryview, which it does not take, is parsed."""
    data = documents.example_program()
    assert ledarskap.loads(kind(ledarskap.dumps(data).encode())) == data


def test_a_check_with_no_inline_test_is_called_as_it_is() -> None:
    """What cannot be tested inline (here: a set that must not be empty) runs the validator."""
    call = "_v(o, _a, o.activities)"
    assert _guarded(set_of(Activity, "Activity", non_empty=True), "o.activities", call) == call
    unique = _guarded(items(identifier, unique=True), "o.ids", call)
    assert unique == f"if o.ids is not None and (len(frozenset(o.ids)) != len(o.ids)): {call}"

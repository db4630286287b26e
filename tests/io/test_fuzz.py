"""Robustness sweep: junk into every loader, only the library's documented errors out.

Whatever the input (random bytes, random text, random JSON or TOML values, valid documents
with random changes), ``loads`` and ``load`` either return a :class:`ProgramData` or raise a
:class:`~ledarskap.errors.DocumentError` (a :class:`~ledarskap.errors.LedarskapError`);
never a bare ``KeyError``, ``TypeError``, a decoder's error or a cattrs exception group.
And no message ever shows a personnummer or an e-mail address unmasked.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ledarskap
from ledarskap import DocumentError, ProgramData, testing
from ledarskap.errors import mask_personal_data
from ledarskap.io._convert import Flavour, make_converter
from ledarskap.io._decode import Decoder

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
# Examples that start from a generated program cost more: fewer of them.
SLOW = settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
HEADER = {"format": "ledarskap.program", "format_version": 1}
PNR = "19850312-2395"
# E-mail addresses mistyped: as personal as well-formed ones, and masked the same way.
MALFORMED = ["anna.berg@", "lars.nilsson@example", "@kommun.se", "a b@c.se", "x@y@z.se"]
KEYS = st.sampled_from(
    ["program", "people", "id", "start", "municipality", "personnummer", "email", "x", "format"]
)
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=10)
    | st.sampled_from(
        [PNR, "198503122395", "19850312-2396", "anna.berg@linkoping.se", "0580", *MALFORMED]
    ),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(KEYS | st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=12,
)


def _outcome(text: str | bytes, syntax: ledarskap.io.Syntax = "json") -> DocumentError | None:
    try:
        result = ledarskap.loads(text, syntax=syntax)
    except DocumentError as exc:
        _assert_masked(str(exc))
        return exc
    assert isinstance(result, ProgramData)
    return None


def _assert_masked(message: str) -> None:
    """Nothing in *message* is left to mask: no personnummer, no e-mail address."""
    assert mask_personal_data(message) == message, message


@SETTINGS
@given(raw=st.binary(max_size=200))
def test_random_bytes(raw: bytes) -> None:
    _outcome(raw)
    _outcome(raw, "toml")


@SETTINGS
@given(text=st.text(max_size=200))
def test_random_text(text: str) -> None:
    _outcome(text)
    _outcome(text, "toml")


@SETTINGS
@given(value=JSON_VALUES)
def test_random_json_values(value: Any) -> None:
    _outcome(json.dumps(value))


@SETTINGS
@given(body=st.dictionaries(KEYS, JSON_VALUES, max_size=5))
def test_random_bodies_behind_a_valid_header(body: dict[str, Any]) -> None:
    _outcome(json.dumps({**body, **HEADER}))
    _outcome(_toml({**body, **HEADER}), "toml")


def _toml(value: Any) -> str:
    """TOML text of a JSON value, with what TOML cannot hold (null) left out."""

    def drop(x: Any) -> Any:
        if isinstance(x, dict):
            return {k: drop(v) for k, v in x.items() if v is not None}
        if isinstance(x, list):
            return [drop(v) for v in x if v is not None]
        return x

    return tomli_w.dumps(drop(value))


def _places(doc: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path] if path else []
    if isinstance(doc, dict):
        for key, value in doc.items():
            found += _places(value, (*path, key))
    elif isinstance(doc, list):
        for index, value in enumerate(doc):
            found += _places(value, (*path, index))
    return found


@st.composite
def mutated_documents(draw: st.DrawFn) -> dict[str, Any]:
    data = draw(testing.program_data(max_cohorts=1, max_participants=2))
    doc: dict[str, Any] = json.loads(ledarskap.dumps(data))
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(_places(doc)))
        parent = doc
        for step in path[:-1]:
            parent = parent[step]
        if draw(st.booleans()) and isinstance(parent, dict):
            del parent[path[-1]]
        else:
            parent[path[-1]] = draw(JSON_VALUES)
    return doc


@SLOW
@given(doc=mutated_documents())
def test_mutated_documents(doc: dict[str, Any]) -> None:
    _outcome(json.dumps(doc))
    _outcome(_toml(doc), "toml")


@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
@given(doc=mutated_documents(), suffix=st.sampled_from([".json", ".toml"]))
def test_load_from_files(tmp_path_factory: pytest.TempPathFactory, doc: Any, suffix: str) -> None:
    path: Path = tmp_path_factory.mktemp("fuzz") / f"program{suffix}"
    if suffix == ".json":
        path.write_text(json.dumps(doc), encoding="utf-8")
    else:
        path.write_text(_toml(doc), encoding="utf-8")
    error: DocumentError | None = None
    try:
        ledarskap.load(path)
    except DocumentError as exc:
        error = exc
    if error is not None:
        _assert_masked(str(error))
        assert str(path) in str(error)


@SLOW
@given(
    data=testing.program_data(max_cohorts=1, max_participants=2),
    number=st.sampled_from([PNR, "198503122395", "850312-2395", "19850312-2396", "19851312-2390"]),
    where=st.sampled_from(
        ["id", "given_name", "email", "phone", "personnummer", "family_name", "unknown"]
    ),
)
def test_no_personnummer_appears_unmasked_in_any_message(
    data: ProgramData, number: str, where: str
) -> None:
    """Law: a personnummer put anywhere in a person is masked in every problem message."""
    doc = json.loads(ledarskap.dumps(data))
    doc["people"][0][where] = number
    doc["people"][0]["email"] = f"{number}@linkoping.se" if where != "email" else number
    doc["people"][0][f"pnr {number}"] = number  # an unknown field: always one problem
    error = _outcome(json.dumps(doc))
    assert error is not None
    digits = number.replace("-", "")
    for text in (str(error), *(p.message for p in error.problems)):
        assert number not in text
        assert digits not in text
        assert digits[-10:] not in text


@SLOW
@given(doc=mutated_documents(), syntax=st.sampled_from(["json", "toml"]))
def test_the_fast_decoder_never_accepts_what_the_detailed_converter_refuses(
    doc: dict[str, Any], syntax: str
) -> None:
    """Law: what the fast decoder (msgspec) returns, the detailed converter returns too, equal."""

    flavour: Flavour = "toml" if syntax == "toml" else "json"
    try:
        if flavour == "toml":
            doc = tomllib.loads(_toml(doc))
            fast = Decoder("toml").convert(doc)
        else:
            fast = Decoder().decode(json.dumps(doc))
    except Exception:
        return
    body = {k: v for k, v in doc.items() if k not in ("format", "format_version")}
    assert make_converter(flavour=flavour).structure(body, ProgramData) == fast


@SLOW
@given(
    data=testing.program_data(max_cohorts=1, max_participants=2),
    address=st.sampled_from(MALFORMED[:2])
    | st.from_regex(r"[a-z.]{3,12}@[a-z]{0,8}", fullmatch=True),
)
def test_no_malformed_address_appears_unmasked_in_any_message(
    data: ProgramData, address: str
) -> None:
    """Law: an e-mail address that is refused is still masked in every problem message."""
    doc = json.loads(ledarskap.dumps(data))
    doc["people"][0]["email"] = address
    doc["people"][0][f"x {address}"] = address  # an unknown field: always one problem
    error = _outcome(json.dumps(doc))
    assert error is not None
    local = address.partition("@")[0]
    for text in (str(error), *(p.message for p in error.problems)):
        if len(local) > 1:
            assert f"{local}@" not in text, text

"""Hostile input to every file reader of :mod:`ledarskap.io`, in the manner of python-stdnum's test_robustness.

A deliberate sweep across modules, kept in one file so that no reader is left out.
Sheets (as text, bytes and files; read, inspected and read with a mapping), sheet
mappings, case files and rule-set files are fed long strings,
lone surrogates, NUL and other control characters, deep nesting, huge numbers, formulas,
and every spelling of a personnummer the library accepts with its near misses. Program
documents (``loads`` and ``load``) are fed random bytes, text, JSON and TOML values and
valid documents with random changes (among them, cohorts broken across their fields): they
give a :class:`~ledarskap.ProgramData` or a :class:`~ledarskap.errors.DocumentError`, never
a decoder's error or a cattrs exception group, and the fast decoder never accepts what the
detailed converter refuses. The laws:

- only the library's own errors (:class:`~ledarskap.errors.LedarskapError`) are raised;
- every text the library produces (the error, each problem) is masked: masking it again
  changes nothing, so no personnummer is in it in full;
- each input is handled in bounded time.

``make test`` runs a fast subset; ``LEDARSKAP_SWEEP_EXAMPLES=100000`` runs more.
"""

from __future__ import annotations

import json
import time
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ledarskap
from ledarskap import DocumentError, ProgramData, testing
from ledarskap.errors import LedarskapError, mask_personal_data
from ledarskap.io import inspect_sheet, load_ruleset, load_sheet_mapping, read_sheet
from ledarskap.io._construct import SMALL, Constructor
from ledarskap.io._convert import Flavour, make_converter
from ledarskap.io._decode import Decoder
from ledarskap.io._sheet_columns import COLUMNS
from ledarskap.io.rulecases import load_cases_text
from tests._hostile import COMMON_PIECES, EXAMPLES, PERSONNUMMER, SWEEP, assert_masked, long
from tests.io._cohorts import broken_cohorts

SECONDS = 5.0

PIECES = [
    *COMMON_PIECES,
    "\t=1+1",
    '=HYPERLINK("http://x")',
    "@SUM(1)",
    ";",
    ",",
    "\r",
    "PK",
    long("[", 2000),
    long("{", 2000),
    long("x", 20_000),
    "ja",
]
HOSTILE = st.lists(st.sampled_from(PIECES) | st.text(max_size=20), max_size=8).map("".join)


def only_library_errors(call: Callable[[], object], *, summary: bool = True) -> object:
    """*call*'s result, or the library's error it raised; anything else fails the test.

    With *summary* false, the first line of the error (which names the file) is not checked.
    """
    start = time.perf_counter()
    try:
        result = call()
    except LedarskapError as error:
        result = error
        for text in (str(error), error.render("sv")):
            shown = text if summary else text.partition("\n")[2]
            assert_masked(shown)
            assert mask_personal_data(shown) == shown
        for problem in getattr(error, "problems", ()):
            assert_masked(str(problem))
            assert_masked(problem.render("sv"))
            # repr() escapes characters ("\x19" before "2025-09-01" makes a run of ten
            # digits that no input held), so only the spellings given are looked for.
            assert not any(number in repr(problem) for number in PERSONNUMMER)
    assert time.perf_counter() - start < SECONDS
    return result


@st.composite
def sheets(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(sorted(COLUMNS)))
    headers = [c.sv for c in COLUMNS[kind]]
    header = draw(st.lists(st.sampled_from(headers) | HOSTILE, min_size=1, max_size=8))
    rows = draw(st.lists(st.lists(HOSTILE, max_size=8), max_size=4))
    delimiter = draw(st.sampled_from([";", ",", "\t"]))
    return "\n".join(delimiter.join(row) for row in [header, *rows]) + "\n"


@SWEEP
@given(sheets(), st.sampled_from(sorted(COLUMNS)), st.sampled_from(["text", "bytes", "cp1252"]))
def test_a_hostile_sheet_gives_records_or_the_librarys_error(
    text: str, kind: str, form: str
) -> None:
    """Law: any sheet text (as text, UTF-8 or cp1252 bytes) gives records or the library's error, every problem masked."""
    source: str | bytes = text
    if form == "bytes":
        source = text.encode("utf-8", "surrogatepass")
    elif form == "cp1252":
        source = text.encode(
            "cp1252", "ignore"
        )  # a "?" for what it lacks would make a new spelling
    result = only_library_errors(lambda: read_sheet(source, kind, cohort_id="c"))  # type: ignore[arg-type]
    for problem in getattr(result, "problems", ()):
        assert_masked(str(problem))


@SWEEP
@given(HOSTILE)
def test_a_hostile_sheet_path_gives_the_librarys_error(name: str) -> None:
    """Law: any path to a sheet that is not there gives the library's error, never an OSError."""
    only_library_errors(lambda: read_sheet(name or "x", "participants"), summary=False)


def test_the_summary_of_an_unreadable_sheet_masks_its_name() -> None:
    only_library_errors(lambda: read_sheet("19850312-2395.csv", "participants"))


def test_a_personnummer_spelled_with_a_spaced_dash_is_masked() -> None:
    """Every spelling Personnummer accepts is masked, a dash between spaces too."""
    assert "2395" not in mask_personal_data("19850312 - 2395").replace("XX95", "")


@SWEEP
@given(sheets(), st.sampled_from(sorted(COLUMNS)))
def test_a_hostile_sheet_is_inspected_or_the_librarys_error(text: str, kind: str) -> None:
    """Law: inspect_sheet() of any sheet gives an inspection or the library's error, masked."""
    result = only_library_errors(lambda: inspect_sheet(text, kind))  # type: ignore[arg-type]
    for problem in getattr(result, "problems", ()):
        assert_masked(str(problem))


MAPPING = """format = "ledarskap.sheet-mapping/1"
kind = {kind}
cohort = {cohort}
ignore = [{ignored}]

[columns]
{header} = {field}

[defaults]
{field} = {default}
"""


@SWEEP
@given(st.lists(HOSTILE, min_size=6, max_size=6), st.booleans(), sheets())
def test_a_hostile_sheet_mapping_gives_a_mapping_or_the_librarys_error(
    tmp_path: Path, values: list[str], quoted: bool, sheet: str
) -> None:
    """Law: a mapping file with hostile values (quoted or bare) gives a mapping or the
    library's error, masked, whether it is loaded or read with a sheet (``mapping=``)."""

    def value(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"' if quoted else text

    kind, cohort, ignored, header, field, default = map(value, values)
    text = MAPPING.format(
        kind=kind, cohort=cohort, ignored=ignored, header=header, field=field, default=default
    )
    path = tmp_path / "mapping.toml"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    only_library_errors(lambda: load_sheet_mapping(path))
    only_library_errors(lambda: read_sheet(sheet, "participants", mapping=path))


CASE_FILE = """format = "ledarskap.rule-cases/1"
ruleset = {ruleset}

[[case]]
name = {name}
outcome = {outcome}
as_of = {as_of}
applicant = {{ title = {title}, personnummer = {name} }}
"""


@SWEEP
@given(st.lists(HOSTILE, min_size=5, max_size=5), st.booleans())
def test_a_hostile_case_file_gives_the_librarys_error(values: list[str], quoted: bool) -> None:
    """Law: a case file with hostile values (quoted or bare) gives cases or the library's error, masked."""

    def value(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"' if quoted else text

    ruleset, name, outcome, as_of, title = map(value, values)
    text = CASE_FILE.format(ruleset=ruleset, name=name, outcome=outcome, as_of=as_of, title=title)
    only_library_errors(lambda: load_cases_text(text))
    only_library_errors(lambda: load_cases_text(text.encode("utf-8", "surrogatepass")))


RULE_SET = """format = "ledarskap.rules/1"
id = {id}
version = "1"

[[rules]]
id = {rule}
when = {when}
"""


@SWEEP
@given(st.lists(HOSTILE, min_size=3, max_size=3))
def test_a_hostile_rule_set_file_gives_the_librarys_error(
    tmp_path: Path, values: list[str]
) -> None:
    """Law: a rule-set file with hostile ids and conditions gives a rule set or the library's error."""
    quoted = ['"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"' for v in values]
    path = tmp_path / "rules.toml"
    text = RULE_SET.format(id=quoted[0], rule=quoted[1], when=quoted[2])
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    only_library_errors(lambda: load_ruleset(path))


@pytest.mark.parametrize("number", PERSONNUMMER)
def test_a_personnummer_in_any_spelling_is_masked_in_every_sheet_problem(number: str) -> None:
    sheet = read_sheet(
        f"Förnamn;Efternamn;Kommun;Personnummer;{number}\n{number};{number};{number};{number};x\n",
        "mentors",
        cohort_id="c",
    )
    assert sheet.problems
    for problem in sheet.problems:
        assert number not in str(problem)
        assert number not in repr(problem)


SETTINGS = settings(
    max_examples=max(80, EXAMPLES), deadline=None, suppress_health_check=list(HealthCheck)
)


# Examples that start from a generated program cost more: fewer of them.
SLOW = settings(
    max_examples=max(25, EXAMPLES // 4), deadline=None, suppress_health_check=list(HealthCheck)
)


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
    """Law: any bytes, read as JSON or TOML, give a ProgramData or a DocumentError, masked."""
    _outcome(raw)
    _outcome(raw, "toml")


@SETTINGS
@given(text=st.text(max_size=200))
def test_random_text(text: str) -> None:
    """Law: any text, read as JSON or TOML, gives a ProgramData or a DocumentError, masked."""
    _outcome(text)
    _outcome(text, "toml")


@SETTINGS
@given(value=JSON_VALUES)
def test_random_json_values(value: Any) -> None:
    """Law: any JSON value (not only an object) gives a ProgramData or a DocumentError."""
    _outcome(json.dumps(value))


@SETTINGS
@given(body=st.dictionaries(KEYS, JSON_VALUES, max_size=5))
def test_random_bodies_behind_a_valid_header(body: dict[str, Any]) -> None:
    """Law: any keys and values behind a valid header, in JSON and TOML, give a ProgramData or a DocumentError."""
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
    if draw(st.booleans()):  # its cohorts broken across their fields too
        doc, _ = draw(broken_cohorts(doc))
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
    """Law: a valid document with any one value replaced or removed gives a ProgramData or a DocumentError."""
    _outcome(json.dumps(doc))
    _outcome(_toml(doc), "toml")


@settings(
    max_examples=max(10, EXAMPLES // 10), deadline=None, suppress_health_check=list(HealthCheck)
)
@given(doc=mutated_documents(), suffix=st.sampled_from([".json", ".toml"]))
def test_load_from_files(tmp_path_factory: pytest.TempPathFactory, doc: Any, suffix: str) -> None:
    """Law: a mutated document read from a file gives a ProgramData or a DocumentError naming the file."""
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


WHOLE_DOCUMENTS = testing.program_data(max_cohorts=1, max_participants=2).map(
    lambda data: json.loads(ledarskap.dumps(data))
)


@SLOW
@given(
    doc=st.one_of(mutated_documents(), WHOLE_DOCUMENTS), syntax=st.sampled_from(["json", "toml"])
)
def test_the_fast_decoder_never_accepts_what_the_detailed_converter_refuses(
    doc: dict[str, Any], syntax: str
) -> None:
    """Law: what the fast decoder (msgspec) returns, the detailed converter returns too, equal.

    Whole documents too, so that the comparison is made often (a mutated one is mostly
    refused); only what the decoder names as its refusals ends a draw: anything else it
    raises is a bug, and fails the law.
    """
    flavour: Flavour = "toml" if syntax == "toml" else "json"
    decoder = Decoder(flavour)
    if flavour == "toml":
        try:
            doc = tomllib.loads(_toml(doc))
        except (TypeError, ValueError):  # a value no TOML holds (tomli_w, tomllib refuse it)
            return
    try:
        fast = decoder.convert(doc) if flavour == "toml" else decoder.decode(json.dumps(doc))
    except decoder.refusals:
        return
    body = {k: v for k, v in doc.items() if k not in ("format", "format_version")}
    assert make_converter(flavour=flavour).structure(body, ProgramData) == fast


@SLOW
@given(doc=mutated_documents(), syntax=st.sampled_from(["json", "toml"]))
def test_the_small_document_reader_accepts_exactly_what_the_detailed_converter_accepts(
    doc: dict[str, Any], syntax: str
) -> None:
    """Law: the constructor reader (small documents) and the detailed converter agree.

    Both read the document, to equal records, or both refuse it (the reader raises one of
    its refusals; the converter reports the problems).
    """
    flavour: Flavour = "toml" if syntax == "toml" else "json"
    if flavour == "toml":
        doc = tomllib.loads(_toml(doc))
    body = {k: v for k, v in doc.items() if k not in ("format", "format_version")}
    reader = Constructor(flavour)
    try:
        small: object = reader.read(body)
    except reader.refusals:
        small = DocumentError
    try:
        detailed: object = make_converter(flavour=flavour).structure(body, ProgramData)
    except DocumentError:
        detailed = DocumentError
    assert small == detailed


@SLOW
@given(
    data=testing.program_data(max_cohorts=2, max_participants=2),
    syntax=st.sampled_from(["json", "toml"]),
    large=st.booleans(),
    draw=st.data(),
)
def test_each_item_breaking_its_cohort_is_one_problem_at_its_path(
    data: ProgramData, syntax: str, large: bool, draw: st.DataObject
) -> None:
    """Law: a document whose cohorts have sessions outside their dates and repeated ids or
    municipalities has as many problems as offending items, each at its item's path,
    whichever reader reads it first (small or large, JSON or TOML); the small-document
    reader refuses it, as the detailed converter does."""
    doc, paths = draw.draw(broken_cohorts(json.loads(ledarskap.dumps(data))))
    flavour: Flavour = "toml" if syntax == "toml" else "json"
    text = json.dumps(doc) if flavour == "json" else _toml(doc)
    error = _outcome(text + " " * (SMALL + 1) if large else text, flavour)
    if flavour == "toml":
        paths = [path.removeprefix("$.") for path in paths]
        doc = tomllib.loads(text)
    found = [] if error is None else [problem.path for problem in error.problems]
    assert sorted(found) == sorted(paths)
    body = {k: v for k, v in doc.items() if k not in ("format", "format_version")}
    reader = Constructor(flavour)
    if paths:
        with pytest.raises(reader.refusals):
            reader.read(body)
    else:
        assert reader.read(body) == data


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

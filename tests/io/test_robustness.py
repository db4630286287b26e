"""Hostile input to the file readers of :mod:`ledarskap.io`, in the manner of python-stdnum's test_robustness.

Sheets (as text, bytes and files), case files and rule-set files are fed long strings,
lone surrogates, NUL and other control characters, deep nesting, huge numbers, formulas,
and every spelling of a personnummer the library accepts with its near misses. The laws:

- only the library's own errors (:class:`~ledarskap.errors.LedarskapError`) are raised;
- every text the library produces (the error, each problem) is masked: masking it again
  changes nothing, so no personnummer is in it in full;
- each input is handled in bounded time.

``make test`` runs a fast subset; ``LEDARSKAP_SWEEP_EXAMPLES=100000`` runs more.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledarskap.errors import LedarskapError, mask_personal_data
from ledarskap.io import load_ruleset, read_sheet
from ledarskap.io._sheet_columns import COLUMNS
from ledarskap.io.rulecases import load_cases_text

EXAMPLES = int(os.environ.get("LEDARSKAP_SWEEP_EXAMPLES", "60"))
SWEEP = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
SECONDS = 5.0

PERSONNUMMER = [
    "19850312-2395",
    "850312-2395",
    "850312+2395",
    "198503122395",
    "8503122395",
    "19850312:2395",
    "1985-03-12-2395",
    "85 03 12 23 95",
    "19850312-23951",
    "1985031223951",
]
PIECES = [
    *PERSONNUMMER,
    "",
    " ",
    "\x00",
    "\ud800",
    "\udcff",
    "\x01\x1f\x7f",
    "\t=1+1",
    '=HYPERLINK("http://x")',
    "@SUM(1)",
    "'",
    '"',
    ";",
    ",",
    "\n",
    "\r",
    "\ufeff",
    "PK",
    "[" * 2000,
    "{" * 2000,
    "9" * 5000,
    "x" * 20_000,
    "1 " * 6000,
    "anna.berg@linkoping.se",
    "Linköping",
    "2025-09-01",
    "Förvaltningschef",
    "ja",
]
HOSTILE = st.lists(st.sampled_from(PIECES) | st.text(max_size=20), max_size=8).map("".join)


NUMBER = re.compile(r"\d(?:[-+: ]?\d){9,}")  # what mask_personal_data takes for a personnummer


def assert_masked(text: str) -> None:
    """No personnummer in *text* in full (and for text, masking again changes nothing)."""
    assert NUMBER.search(text) is None, text[:300]


def only_library_errors(call: Callable[[], object], *, summary: bool = True) -> object:
    """*call*'s result, or the library's error it raised; anything else fails the test.

    With *summary* false, the first line of the error (which names the file) is not checked.
    """
    start = time.perf_counter()
    try:
        result = call()
    except LedarskapError as error:
        result = error
        shown = str(error) if summary else str(error).partition("\n")[2]
        assert_masked(shown)
        assert mask_personal_data(shown) == shown
        for problem in getattr(error, "problems", ()):
            assert_masked(str(problem))
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
    source: str | bytes = text
    if form == "bytes":
        source = text.encode("utf-8", "surrogatepass")
    elif form == "cp1252":
        source = text.encode("cp1252", "replace")
    result = only_library_errors(lambda: read_sheet(source, kind, cohort_id="c"))  # type: ignore[arg-type]
    for problem in getattr(result, "problems", ()):
        assert_masked(str(problem))


@SWEEP
@given(HOSTILE)
def test_a_hostile_sheet_path_gives_the_librarys_error(name: str) -> None:
    only_library_errors(lambda: read_sheet(name or "x", "participants"), summary=False)


def test_the_summary_of_an_unreadable_sheet_masks_its_name() -> None:
    only_library_errors(lambda: read_sheet("19850312-2395.csv", "participants"))


def test_a_personnummer_spelled_with_a_spaced_dash_is_masked() -> None:
    """Every spelling Personnummer accepts is masked, a dash between spaces too."""
    assert "2395" not in mask_personal_data("19850312 - 2395").replace("XX95", "")


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

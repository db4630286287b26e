"""Hostile input to every public entry point that takes text, data or a path.

In the manner of python-stdnum's ``test_robustness``: program documents (``loads``,
``load``), rules and rule sets (``parse_rule``, ``rule_from_data``, ``parse_ruleset``),
decision data (``Decision.from_data``), the look-ups (``municipality``, ``county``,
``position``, ``match_title``), ``Personnummer``, pairing proposals (``propose``,
``Proposal.from_data``), calendars (``cohort_calendar`` and the calendar it updates),
the arguments of pairing, plans, comparisons, health reports and calendars (values of
any kind), pseudonym keys (``PseudonymKey``, ``PseudonymKey.from_file``) and every reader and
writer of a path are fed long strings, lone surrogates, NUL and other control
characters, deep nesting, huge numbers and every spelling of a personnummer the library
accepts with its near misses. The file readers of :mod:`ledarskap.io` (sheets, sheet
mappings, case files, rule-set files) have their own sweep in
``tests/io/test_robustness.py``, the command line in ``tests/cli/test_robustness.py``.
The laws:

- only the library's own errors (:class:`~ledarskap.errors.LedarskapError`) are raised;
- every text the library produces (the error, each problem, the repr of what it returns)
  shows no personnummer in full, can be written as UTF-8, and quotes a bad value only in
  part;
- time grows linearly with the length of the input (checked by the ratio of two sizes,
  eight times apart, with room for noise: a quadratic reader grows sixty-four times).

``make test`` runs a fast subset; ``LEDARSKAP_SWEEP_EXAMPLES=100000`` runs more.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import ledarskap
from ledarskap import (
    Application,
    Decision,
    Person,
    Personnummer,
    PoliticalBody,
    PoliticalBodyKind,
    mentoring,
)
from ledarskap import calendar as calendar_module
from ledarskap import io as ledarskap_io
from ledarskap.eligibility import default_ruleset, parse_rule, parse_ruleset, rule_from_data
from ledarskap.errors import InvalidValueError, LedarskapError, mask_personal_data
from ledarskap.io import make_converter
from ledarskap.io.rulecases import load_cases_text, run_cases_text
from ledarskap.mentoring import Proposal, propose
from ledarskap.tables import PseudonymKey, program_tables, write_tables
from tests._hostile import COMMON_PIECES, PERSONNUMMER, SWEEP, assert_masked, long

LONGEST_PROBLEM = 2_000
"""The most characters one problem may take: a bad value is quoted in part, never whole."""

PIECES = [
    *COMMON_PIECES,
    "\\",
    "(",
    ")",
    "[",
    "]",
    "{",
    "==",
    " and ",
    " or ",
    "not ",
    "in",
    long("(", 500),
    long("[", 500),
    long("x", 5000),
    "0580",
    "position",
    "leads_staff_function",
]
HOSTILE = st.lists(st.sampled_from(PIECES) | st.text(max_size=12), max_size=8).map("".join)


def _shown(text: str) -> None:
    """No personnummer in full, nothing left to mask, in *text*."""
    assert_masked(text)
    assert mask_personal_data(text) == text, text[:300]


def only_library_errors(call: Callable[[], object]) -> object:
    """*call*'s result or the library's error it raised; anything else fails the test."""
    try:
        result = call()
    except LedarskapError as error:
        _shown(str(error))
        _shown(error.render("sv"))
        for problem in getattr(error, "problems", ()):
            _shown(str(problem))
            _shown(problem.render("sv"))
            assert len(str(problem)) <= LONGEST_PROBLEM, str(problem)[:300]
        return error
    if result is not None:
        # repr() escapes characters, so only the spellings given are looked for in it.
        assert not any(number in repr(result) for number in PERSONNUMMER)
    return result


# Documents ------------------------------------------------------------------------------

HEADER = {"format": "ledarskap.program", "format_version": 1}
FIELDS = ["id", "given_name", "family_name", "email", "personnummer", "municipality"]


@st.composite
def documents(draw: st.DrawFn) -> str:
    """A document whose people hold hostile values, or hostile text outright."""
    if draw(st.booleans()):
        return draw(HOSTILE)
    person = {field: draw(HOSTILE) for field in draw(st.lists(st.sampled_from(FIELDS)))}
    document = {**HEADER, "program": {"id": draw(HOSTILE), "name": "LiKO"}, "people": [person]}
    return json.dumps(document, ensure_ascii=draw(st.booleans()))


@SWEEP
@given(documents(), st.sampled_from(["json", "toml"]), st.booleans())
def test_a_hostile_document_gives_data_or_the_librarys_error(
    text: str, syntax: str, as_bytes: bool
) -> None:
    """Law: loads() of anything gives a ProgramData or a masked LedarskapError."""
    source: str | bytes = text.encode("utf-8", "surrogatepass") if as_bytes else text
    only_library_errors(lambda: ledarskap.loads(source, syntax=syntax))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "name", ["19850312-2395.json", "x\x00.json", "\ud800.json", "a" * 300 + ".json", ""]
)
def test_a_hostile_path_gives_the_librarys_error(tmp_path: Path, name: str) -> None:
    """Law: load() of a path that cannot be a file is the library's error, its name masked."""
    only_library_errors(lambda: ledarskap.load(tmp_path / name if name else name))


# Rules ----------------------------------------------------------------------------------


@SWEEP
@given(HOSTILE)
def test_a_hostile_rule_gives_a_rule_or_the_librarys_error(text: str) -> None:
    """Law: parse_rule() of any text gives a Rule or a masked RuleError, quoting in part."""
    only_library_errors(lambda: parse_rule(text))


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | HOSTILE,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(HOSTILE, inner, max_size=3),
    max_leaves=10,
)
RULE_KEYS = st.sampled_from(["all_of", "any_of", "not", "predicate", "field", "op", "value"])


@SWEEP
@given(st.dictionaries(RULE_KEYS | HOSTILE, JSON, max_size=4))
def test_a_hostile_rule_table_gives_a_rule_or_the_librarys_error(data: dict[str, Any]) -> None:
    """Law: rule_from_data() of any table gives a Rule or a masked RuleError."""
    only_library_errors(lambda: rule_from_data(data))


@SWEEP
@given(HOSTILE, st.lists(HOSTILE, max_size=3), st.sampled_from(["toml", "json"]))
def test_a_hostile_rule_set_gives_a_rule_set_or_the_librarys_error(
    head: str, conditions: list[str], syntax: str
) -> None:
    """Law: parse_ruleset() of any text gives a RuleSet or a masked RuleError."""
    rules = [{"id": f"r{i}", "when": when} for i, when in enumerate(conditions)]
    document = {"format": "ledarskap.rules/1", "id": head, "version": "1", "rules": rules}
    text = json.dumps(document) if syntax == "json" else head
    only_library_errors(lambda: parse_ruleset(text, syntax=syntax))  # type: ignore[arg-type]


SYNTAXES = (
    st.sampled_from(["yaml", "JSON", "", " toml", "xml"]) | st.none() | st.integers() | HOSTILE
)


@SWEEP
@given(SYNTAXES)
def test_a_syntax_the_library_does_not_read_is_its_error_naming_the_argument(
    syntax: object,
) -> None:
    """Law: every reader and writer given a syntax (or flavour) other than json and toml
    says so, naming the argument; none reads the text in another syntax (review: a bare
    ValueError, a KeyError, and case files and converters read as JSON)."""
    assume(syntax not in ("json", "toml"))
    for call, where in (
        (lambda: parse_ruleset("x = 1", syntax=syntax), "parse_ruleset(syntax)"),  # type: ignore[arg-type]
        (lambda: load_cases_text("x = 1", syntax=syntax), "load_cases_text(syntax)"),  # type: ignore[arg-type]
        (lambda: run_cases_text("x = 1", syntax=syntax), "load_cases_text(syntax)"),  # type: ignore[arg-type]
        (lambda: make_converter(flavour=syntax), "make_converter(flavour)"),  # type: ignore[arg-type]
        (lambda: ledarskap.loads("{}", syntax=syntax), "syntax"),  # type: ignore[arg-type]
    ):
        error = only_library_errors(call)
        assert isinstance(error, InvalidValueError), (where, error)
        assert str(error).startswith(f"{where}: expected 'json' or 'toml'"), str(error)


@SWEEP
@given(st.dictionaries(HOSTILE, JSON, max_size=5), st.booleans())
def test_hostile_decision_data_gives_a_decision_or_the_librarys_error(
    data: dict[str, Any], tagged: bool
) -> None:
    """Law: Decision.from_data() of any data gives a Decision or a masked error."""
    if tagged:
        data = {**data, "format": "ledarskap.decision/1"}
    only_library_errors(lambda: Decision.from_data(data))


# Look-ups and the personnummer ----------------------------------------------------------

LOOKUPS: dict[str, Callable[[str], object]] = {
    "municipality": ledarskap.municipality,
    "county": ledarskap.county,
    "position": ledarskap.position,
    "match_title": ledarskap.match_title,
    "Personnummer": Personnummer,
}


@SWEEP
@given(st.sampled_from(sorted(LOOKUPS)), HOSTILE)
def test_a_hostile_name_gives_a_value_or_the_librarys_error(lookup: str, text: str) -> None:
    """Law: every look-up of any text gives a value, None or a masked error."""
    only_library_errors(lambda: LOOKUPS[lookup](text))


@pytest.mark.parametrize("number", PERSONNUMMER)
@pytest.mark.parametrize("lookup", sorted(LOOKUPS))
def test_no_spelling_of_a_personnummer_is_shown(lookup: str, number: str) -> None:
    """Every spelling of a personnummer and its near misses, given where a name goes."""
    result = only_library_errors(lambda: LOOKUPS[lookup](number))
    if isinstance(result, LedarskapError):
        assert number not in str(result)


# Pairing, calendars and keys ------------------------------------------------------------

EXAMPLE = ledarskap.example_program()
COHORT = EXAMPLE.cohorts[0].id
PROPOSAL = propose(EXAMPLE, COHORT).to_data()
PROPOSAL_KEYS = st.sampled_from([*sorted(PROPOSAL), "participant_id", "mentor_id", "parts"])


@SWEEP
@given(st.dictionaries(PROPOSAL_KEYS | HOSTILE, JSON, max_size=5), st.booleans())
def test_hostile_proposal_data_gives_a_proposal_or_the_librarys_error(
    changes: dict[str, Any], whole: bool
) -> None:
    """Law: Proposal.from_data() of any data (a proposal's with hostile changes, or
    hostile data outright) gives a Proposal or a masked error."""
    data = {**PROPOSAL, **changes} if whole else changes
    only_library_errors(lambda: Proposal.from_data(data))


COHORT_ENTRIES: dict[str, Callable[[str], object]] = {
    "propose": lambda cohort: propose(EXAMPLE, cohort),
    "cohort_calendar": lambda cohort: calendar_module.cohort_calendar(
        EXAMPLE, cohort, stamp=dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    ),
}


@SWEEP
@given(st.sampled_from(sorted(COHORT_ENTRIES)), HOSTILE)
def test_a_hostile_cohort_id_gives_a_result_or_the_librarys_error(entry: str, cohort: str) -> None:
    """Law: pairing or a calendar for any cohort id gives a result or a masked error."""
    only_library_errors(lambda: COHORT_ENTRIES[entry](cohort))


ANY = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.sampled_from([10**400, 10**12, -(10**12)])
    | st.floats()
    | HOSTILE
    | st.dates()
    | st.datetimes(timezones=st.none() | st.timezones())
    | st.times(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(HOSTILE, inner, max_size=3),
    max_leaves=6,
)
"""Any value a caller might pass, of any kind, hostile or huge."""
PAIR = EXAMPLE.mentorship("ms-001")
MENTORING_ENTRIES: dict[str, Callable[[dict[str, Any]], object]] = {
    "MatchingOptions": lambda kw: propose(
        EXAMPLE,
        COHORT,
        mentoring.MatchingOptions(**kw),
    ),
    "Weights": lambda kw: mentoring.Weights(**kw),
    "Cadence": lambda kw: mentoring.plan_meetings(
        PAIR, mentoring.Cadence(**kw), cohort=EXAMPLE.cohorts[0]
    ),
    "plan_meetings": lambda kw: mentoring.plan_meetings(PAIR, **kw),
    "compare": lambda kw: mentoring.plan_meetings(PAIR, cohort=EXAMPLE.cohorts[0]).compare(**kw),
    "health_report": lambda kw: mentoring.health_report(EXAMPLE, COHORT, **kw),
    "cohort_calendar": lambda kw: calendar_module.cohort_calendar(EXAMPLE, COHORT, **kw),
}
MENTORING_ARGUMENTS = {
    "MatchingOptions": [
        "weights",
        "wishes",
        "conflicts",
        "forbid_earlier_pairs",
        "unavailable",
        "pins",
        "bans",
        "capacities",
        "adepts",
    ],
    "Weights": ["wish", "distance", "continuity", "municipality_spread", "county_spread"],
    "Cadence": [
        "every_weeks",
        "weekday",
        "summer_weeks",
        "excluded",
        "avoid_sessions",
        "window_days",
    ],
    "plan_meetings": ["cadence", "cohort", "start", "end"],
    "compare": ["meetings", "as_of"],
    "health_report": ["as_of", "cadence", "not_met_weeks"],
    "cohort_calendar": [
        "plans",
        "meetings",
        "sessions",
        "at",
        "timezone",
        "language",
        "stamp",
        "previous",
    ],
}


MENTORING_REQUIRED: dict[str, dict[str, Any]] = {
    "plan_meetings": {"cohort": EXAMPLE.cohorts[0]},
    "compare": {"meetings": EXAMPLE.meetings, "as_of": dt.date(2026, 3, 1)},
    "health_report": {"as_of": dt.date(2026, 3, 1)},
    "cohort_calendar": {"stamp": dt.datetime(2026, 1, 1, tzinfo=dt.UTC)},
}
"""What each entry needs to run at all; a drawn argument replaces it."""


@st.composite
def mentoring_calls(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    """An entry point of mentoring or calendars, and keyword arguments of any kind for it."""
    entry = draw(st.sampled_from(sorted(MENTORING_ENTRIES)))
    names = draw(st.lists(st.sampled_from(MENTORING_ARGUMENTS[entry]), unique=True, max_size=3))
    return entry, {**MENTORING_REQUIRED.get(entry, {}), **{name: draw(ANY) for name in names}}


@SWEEP
@given(mentoring_calls())
def test_any_argument_to_mentoring_gives_a_result_or_the_librarys_error(
    call: tuple[str, dict[str, Any]],
) -> None:
    """Law: a pairing, a plan, a comparison, a health report or a calendar with arguments
    of any kind gives a result or a masked library error."""
    entry, arguments = call
    only_library_errors(lambda: MENTORING_ENTRIES[entry](arguments))


CALENDAR_PIECES = [
    "BEGIN:VCALENDAR\r\n",
    "END:VCALENDAR\r\n",
    "BEGIN:VEVENT\r\n",
    "END:VEVENT\r\n",
    "UID:x@ledarskap.cks.liu.se\r\n",
    "SEQUENCE:",
    "DTSTART:20250901T100000Z\r\n",
    "X-LEDARSKAP-HASH:",
    " ",
    "\r\n ",
]


@SWEEP
@given(
    st.lists(st.sampled_from(CALENDAR_PIECES) | HOSTILE, max_size=12).map("".join)
    | st.binary(max_size=200).map(lambda b: b.decode("latin-1"))
)
def test_a_hostile_previous_calendar_gives_a_calendar_or_the_librarys_error(text: str) -> None:
    """Law: a calendar updating any previous file gives an update or a masked DocumentError."""
    previous = text.encode("utf-8", "surrogatepass")
    only_library_errors(
        lambda: calendar_module.cohort_calendar(
            EXAMPLE, COHORT, previous=previous, stamp=dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
        )
    )


@SWEEP
@given(st.binary(max_size=80) | HOSTILE.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_a_hostile_key_gives_a_key_or_the_librarys_error(tmp_path: Path, key: bytes) -> None:
    """Law: a pseudonym key of any bytes, given or in a file, gives a key or a masked error."""
    only_library_errors(lambda: PseudonymKey(key))
    path = tmp_path / "key.bin"
    path.write_bytes(key)
    only_library_errors(lambda: PseudonymKey.from_file(path))


# Paths: every reader and writer -----------------------------------------------------------

TABLES = program_tables(EXAMPLE)

# Each entry point that takes a path, with the suffix its file has.
PATHS: dict[str, tuple[str, Callable[[Any], object]]] = {
    "load": (".json", ledarskap.load),
    "load_ruleset": (".toml", ledarskap_io.load_ruleset),
    "load_cases": (".toml", ledarskap_io.load_cases),
    "run_cases": (".toml", ledarskap_io.run_cases),
    "read_sheet": (".csv", lambda path: ledarskap_io.read_sheet(path, "participants")),
    "read_sheet(mapping=)": (
        ".toml",
        lambda path: ledarskap_io.read_sheet("Förnamn\nA\n", "mentors", mapping=path),
    ),
    "inspect_sheet": (".csv", lambda path: ledarskap_io.inspect_sheet(path, "mentors")),
    "load_sheet_mapping": (".toml", ledarskap_io.load_sheet_mapping),
    "revision_of": (".json", ledarskap.revision_of),
    "PseudonymKey.from_file": (".key", PseudonymKey.from_file),
    "dump": (".json", lambda path: ledarskap.dump(EXAMPLE, path)),
    "write_sheet": (".csv", lambda path: ledarskap_io.write_sheet(EXAMPLE, path, kind="mentors")),
    "write_tables": (".json", lambda path: write_tables(TABLES, path, format="json")),
    "write_tables (folder)": (".csv", lambda path: write_tables(TABLES, path, format="csv")),
    "save_sheet_mapping": (
        ".toml",
        lambda path: ledarskap_io.save_sheet_mapping(
            ledarskap_io.SheetMapping(kind="mentors"), path
        ),
    ),
    "write_cohort_calendar": (
        ".ics",
        lambda path: calendar_module.write_cohort_calendar(
            path, EXAMPLE, COHORT, stamp=dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
        ),
    ),
}


def _bad_paths(folder: Path, suffix: str) -> list[object]:
    """Paths no entry point can use, and values that are no path at all."""
    (folder / "device").unlink(missing_ok=True)
    (folder / f"device{suffix}").symlink_to("/dev/zero")
    return [
        42,
        None,
        b"x.json",
        ["x"],
        EXAMPLE,
        "",
        str(folder / f"a\x00b{suffix}"),
        str(folder / "missing" / f"x{suffix}"),
        str(folder),
        str(folder / f"device{suffix}"),
    ]


@pytest.mark.parametrize("entry", sorted(PATHS))
def test_a_path_that_cannot_be_used_gives_the_librarys_error(tmp_path: Path, entry: str) -> None:
    """Law: every reader and writer given no path, or a path it cannot use (a NUL, a
    missing folder, a folder, an endless device), raises the library's error at once,
    masked and writable as UTF-8; nothing is read from a device or written over one. A
    name that is not UTF-8 (which Linux allows) is read or written, or refused the same way."""
    suffix, call = PATHS[entry]
    for path in _bad_paths(tmp_path, suffix):
        if isinstance(path, bytes) and entry in ("read_sheet", "inspect_sheet"):
            continue  # bytes are a sheet's content there
        if path is None and entry == "read_sheet(mapping=)":
            continue  # no mapping
        if entry == "revision_of" and (path is EXAMPLE or "missing" in str(path)):
            continue  # data's revision, and no file's (None)
        start = time.perf_counter()
        result = only_library_errors(lambda path=path: call(path))  # type: ignore[misc]
        assert isinstance(result, LedarskapError), (entry, path)
        assert time.perf_counter() - start < 5, (entry, path)
    assert (tmp_path / f"device{suffix}").is_symlink()
    name = str(tmp_path / f"\udcff-19850312-2395{suffix}")
    only_library_errors(lambda: call(name) and None)  # what is returned names the file given


@SWEEP
@given(st.sampled_from(sorted(PATHS)), HOSTILE)
def test_a_hostile_file_name_gives_a_result_or_the_librarys_error(
    tmp_path: Path, entry: str, name: str
) -> None:
    """Law: every reader and writer given any file name (in a folder of its own) gives a
    result or the library's error, masked."""
    suffix, call = PATHS[entry]
    name = name.replace("/", "_").replace("\x00", "") + suffix
    only_library_errors(lambda: call(tmp_path / name) and None)  # as given, in what is returned


# Time -----------------------------------------------------------------------------------


def _document_with_a_long_id(n: int) -> str:
    document = {**HEADER, "program": {"id": "x y" * (n // 3), "name": "LiKO"}}
    return json.dumps(document)


def _document_with(**person: str) -> str:
    people = [{"id": "p-1", "given_name": "A", "family_name": "B", **person}]
    return json.dumps({**HEADER, "program": {"id": "liko", "name": "LiKO"}, "people": people})


GROWING: dict[str, Callable[[int], Callable[[], object]]] = {
    "loads, a long e-mail address": lambda n: (
        lambda: ledarskap.loads(_document_with(email="x@" + "a." * (n // 2) + "@"))
    ),
    "loads, a long unknown key": lambda n: (
        lambda: ledarskap.loads(
            json.dumps({**HEADER, "program": {"id": "liko", "name": "LiKO"}, "k" * n: 1})
        )
    ),
    "loads, a long bad id": lambda n: lambda: ledarskap.loads(_document_with_a_long_id(n)),
    "loads, deep nesting": lambda n: lambda: ledarskap.loads("[" * n),
    "parse_rule, junk": lambda n: lambda: parse_rule("x " * (n // 2)),
    "parse_rule, nesting": lambda n: lambda: parse_rule("(" * n + "leads_staff_function"),
    "parse_rule, a long text": lambda n: lambda: parse_rule("position == '" + "a" * n),
    "parse_ruleset, a long condition": lambda n: (
        lambda: parse_ruleset(
            'format = "ledarskap.rules/1"\nid = "x"\nversion = "1"\n[[rules]]\nid = "r"\n'
            f'when = "{"y" * n}"\n'
        )
    ),
    "municipality": lambda n: lambda: ledarskap.municipality("Linköping" * (n // 9)),
    "position": lambda n: lambda: ledarskap.position("a" * n),
    "match_title": lambda n: lambda: ledarskap.match_title("chef " * (n // 5)),
    "Personnummer": lambda n: lambda: Personnummer("1 " * (n // 2)),
    "mask_personal_data": lambda n: lambda: mask_personal_data("1 x@" * (n // 4)),
    "mask_personal_data, lone surrogates": lambda n: (
        lambda: mask_personal_data("\udcff1" * (n // 2))
    ),
    "Proposal.from_data, a long id": lambda n: (
        lambda: Proposal.from_data({**PROPOSAL, "cohort_id": "1 " * (n // 2)})
    ),
    "propose, a long cohort id": lambda n: lambda: propose(EXAMPLE, "1 " * (n // 2)),
    "cohort_calendar, a long previous line": lambda n: (
        lambda: calendar_module.cohort_calendar(
            EXAMPLE,
            COHORT,
            previous=b"BEGIN:VCALENDAR\r\nX-A:" + b"1 " * (n // 2) + b"\r\nEND:VCALENDAR\r\n",
            stamp=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
        )
    ),
    "PseudonymKey, a long key": lambda n: (
        lambda: PseudonymKey(bytes(range(256)) * (n // 256 + 1)).pseudonym("person", "x")
    ),
    "loads TOML, a long dotted key": lambda n: (
        lambda: ledarskap.loads("a." * (n // 2) + "b = 1\n", syntax="toml")
    ),
    "loads TOML, dots in a string": lambda n: (
        lambda: ledarskap.loads(f'x = "{"a. " * (n // 3)}"\n', syntax="toml")
    ),
    "parse_ruleset, quotes without end": lambda n: (
        lambda: parse_ruleset(('"' + "x" * 1000) * (n // 1000))
    ),
}


def _seconds(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    with contextlib.suppress(LedarskapError):
        call()
    return time.perf_counter() - start


@pytest.mark.parametrize("name", sorted(GROWING))
def test_time_grows_linearly_with_the_input(name: str) -> None:
    """Law: eight times the input takes at most about eight times as long (not 64)."""
    small, large = GROWING[name](10_000), GROWING[name](80_000)
    # The least of five runs each, taken in turn, so that both sizes see the same load:
    # the check is of growth, not of speed.
    runs = [(_seconds(small), _seconds(large)) for _ in range(5)]
    ratio = min(r[1] for r in runs) / max(min(r[0] for r in runs), 1e-4)
    assert ratio < 24, f"{name}: {ratio:.1f}x the time for 8x the input"


# Every surface --------------------------------------------------------------------------


@pytest.mark.parametrize("number", [n for n in PERSONNUMMER if re.fullmatch(r"[0-9A-Za-z.:-]+", n)])
def test_an_id_that_is_a_personnummer_is_masked_on_every_surface(number: str) -> None:
    """Where an id (or a name) is a personnummer, it is treated as one: the str and repr of
    a record, and a decision's repr, render and data, never show it whole."""
    person = Person(id=number, given_name="Anna", family_name="Berg")
    body = PoliticalBody(kind=PoliticalBodyKind.NAMND, name=f"nämnd {number}")
    app = Application(
        id=number,
        person_id=number,
        cohort_id="c-1",
        submitted=dt.date(2025, 4, 1),
        municipality="Linköping",
        title="Förvaltningschef",
        reports_to=[body],
    )
    decision = default_ruleset().evaluate(app, as_of=dt.date(2025, 9, 1))
    surfaces = [repr(person), repr(app), repr(body), repr(decision), json.dumps(decision.to_data())]
    named = Person(id="p-1", given_name=number, family_name=number)
    surfaces += [str(named), str(body), repr(named)]
    surfaces += [decision.render(language, tree=True) for language in ("sv", "en")]
    surfaces += [repr(node) for node in decision.tree.children]
    for text in surfaces:
        _shown(text)
        assert number not in text


ID_SPELLINGS = [n for n in PERSONNUMMER if re.fullmatch(r"[0-9A-Za-z.:-]+", n)]


@pytest.mark.parametrize("number", ID_SPELLINGS)
def test_a_repeated_id_that_is_a_personnummer_is_masked_in_the_validation_report(
    number: str,
) -> None:
    """A validation report quotes an id that repeats: every spelling of a personnummer an id
    can hold is masked in its rendering, its data and its findings."""
    document = json.loads(ledarskap.dumps(EXAMPLE))
    for table in ("people", "participants", "mentors", "applications"):
        document[table][0]["id"] = document[table][1]["id"] = number
    report = ledarskap.validate(ledarskap.loads(json.dumps(document)))
    repeated = report.filter(code="id.repeated")
    assert len(repeated.findings) == 4
    texts = [report.render("sv"), report.render("en"), repr(report), str(report)]
    texts += [json.dumps(report.to_data(), ensure_ascii=False)]
    texts += [repr(finding) for finding in report.findings]
    for text in texts:
        _shown(text)
        assert number not in text


@pytest.mark.parametrize("number", PERSONNUMMER)
def test_the_summary_of_a_document_of_another_version_masks_its_name(
    tmp_path: Path, number: str
) -> None:
    """A FormatVersionError names the file in its first line: masked, as every message."""
    path = tmp_path / f"{number}.json"
    path.write_text(json.dumps({"format": "ledarskap.program", "format_version": 99}), "utf-8")
    error = only_library_errors(lambda: ledarskap.load(path))
    assert isinstance(error, ledarskap.FormatVersionError)
    assert number not in str(error)


def test_the_repr_of_a_proposal_masks_the_ids_it_holds() -> None:
    """A proposal read from data holds the ids the data gave (found by the sweep above: the
    repaired adepts were shown whole): its repr, and its parts', are masked."""
    data = {**PROPOSAL, "repaired": ["19850312-2395"]}
    proposal = Proposal.from_data(data)
    _shown(repr(proposal))
    assert "19XXXXXX-XX95" in repr(proposal)

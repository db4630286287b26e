"""Rule case files: read and checked whole, every problem named by case and key; run."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ledarskap
from ledarskap.errors import DocumentError, FileAccessError, UnknownReferenceError, UsageError
from ledarskap.io.rulecases import (
    CASES_FORMAT,
    CaseFile,
    load_cases,
    load_cases_text,
    record_cases,
    run_cases,
    run_cases_text,
)
from tests.io._swedish import english_words

ROOT = Path(__file__).parents[2]
DEFAULT_CASES = ROOT / "tests" / "rules" / "test_default.rules.toml"
EXAMPLE_CASES = ROOT / "examples" / "rules" / "test_strategnatverket.rules.toml"

HEAD = """
ruleset = "default"
[defaults]
as_of = 2025-09-01
collaborating = ["Linköping", "Motala"]
"""


def problems_of(text: str, **options: object) -> list[str]:
    with pytest.raises(DocumentError) as caught:
        load_cases_text(text, **options)  # type: ignore[arg-type]
    return [str(problem) for problem in caught.value.problems]


def test_the_default_cases_pass_and_cover_every_clause() -> None:
    report = ledarskap.run_cases(DEFAULT_CASES)
    assert report, str(report)
    assert len(report.results) >= 12
    assert report.coverage.uncovered() == ()
    assert report.coverage.unevaluated() == {}


def test_the_example_cases_pass_and_cover_every_clause() -> None:
    report = run_cases(EXAMPLE_CASES)
    assert report, str(report)
    assert report.coverage.uncovered() == ()
    assert "6 of 6 clauses" in report.coverage.report()


def test_a_case_file_names_its_cases_and_their_lines() -> None:
    cases = ledarskap.load_cases(DEFAULT_CASES)
    assert isinstance(cases, CaseFile)
    assert cases.ruleset_name == "default"
    assert cases.ruleset.id == "ledarskap-i-kommuner"
    first = cases.cases[0]
    assert first.name.startswith("IT-chef")
    assert first.line is not None
    assert DEFAULT_CASES.read_text("utf-8").splitlines()[first.line - 1] == "[[case]]"
    assert cases.case(first.name) is first
    with pytest.raises(
        UnknownReferenceError, match=r"test_default\.rules\.toml: case: expected"
    ) as caught:
        cases.case(first.name[:-1])
    assert isinstance(caught.value, LookupError)
    assert "did you mean" in str(caught.value)


def test_the_applicant_reads_as_in_a_program_document() -> None:
    cases = load_cases_text(
        HEAD
        + """
[[case]]
name = "förvaltningschef"
outcome = "eligible"
[case.applicant]
municipality = "0580"
position = "Socialdirektör"
organisation_kind = "administration"
in_position_since = 2020-01-01
reports_to = ["Socialnämnden", "Kommunstyrelsen", "Styrelsen för Tekniska verken AB",
              { name = "Kommunfullmäktige", kind = "fullmaktige" }]
"""
    )
    app = cases.cases[0].application
    assert app.municipality is not None
    assert app.municipality.name == "Linköping"
    assert app.position is not None
    assert app.position.slug == "forvaltningschef"
    assert app.submitted == dt.date(2025, 9, 1)
    assert app.reports_to is not None
    assert [b.kind.value for b in app.reports_to] == [
        "namnd",
        "kommunstyrelse",
        "styrelse",
        "fullmaktige",
    ]
    assert app.leads_staff_function is None  # left out: unknown, never "no"


def test_defaults_apply_and_a_case_overrides_them() -> None:
    cases = load_cases_text(
        """
ruleset = "default"
[defaults]
as_of = 2025-09-01
collaborating = ["Linköping"]
applicant = { municipality = "Linköping", title = "Ekonomichef" }

[[case]]
name = "from the defaults"
outcome = "undetermined"

[[case]]
name = "own"
as_of = 2026-01-10
collaborating = ["Motala"]
outcome = "undetermined"
applicant = { municipality = "Motala" }
"""
    )
    first, second = cases.cases
    assert first.as_of == dt.date(2025, 9, 1)
    assert second.as_of == dt.date(2026, 1, 10)
    assert second.application.municipality is not None
    assert second.application.municipality.name == "Motala"
    assert second.application.title == "Ekonomichef"
    assert second.cohort is not None
    assert [m.name for m in second.cohort.municipalities] == ["Motala"]


def test_every_problem_is_reported_at_once_with_case_and_key() -> None:
    found = problems_of(
        """format = "ledarskap.rule-cases/9"
ruleset = "default"
colour = "blue"

[[case]]
name = "first"
as_of = "2025-02-30"
outcome = "eligable"
reasons = "is_chief_executive"
applicant = { municipality = "Linkopingg", leads_staff_function = "yes" }

[[case]]
outcome = "eligible"
as_of = 2025-09-01
collaborating = ["Motala", "Atlantis"]

[[case]]
name = "first"
as_of = 2025-09-01
outcome = "eligible"
applicant = { position = "avdelningschefen", reports_to = ["Tekniska verken"] }
"""
    )
    assert found == [
        "<text>:3: colour: unknown key 'colour': expected one of format, ruleset, description, "
        "defaults, case",
        "<text>:1: format: expected 'ledarskap.rule-cases/1', found text 'ledarskap.rule-cases/9'",
        "<text>:7: case 'first', key as_of: expected a date YYYY-MM-DD, found text '2025-02-30'",
        "<text>:8: case 'first', key outcome: expected one of eligible, not-eligible, "
        "undetermined, found text 'eligable' (did you mean 'eligible'?)",
        "<text>:9: case 'first', key reasons: expected a list of codes (text), found text "
        "'is_chief_executive'",
        "<text>:10: case 'first', key applicant.municipality: expected one of Sweden's 290 "
        "municipality codes or names, found text 'Linkopingg' (did you mean 0580 Linköping?)",
        "<text>:10: case 'first', key applicant.leads_staff_function: expected true or false, "
        "found text 'yes'",
        "<text>:15: case[1], key collaborating[1]: expected one of Sweden's 290 municipality "
        "codes or names, found text 'Atlantis'",
        "<text>:12: case[1], key name: expected the case's name as text, found none",
        "<text>:21: case 'first', key applicant.position: expected a position of the catalog, "
        "found text 'avdelningschefen' (did you mean 'avdelningschef'?)",
        "<text>:21: case 'first', key applicant.reports_to[0]: cannot tell the kind of political "
        "body from the name 'Tekniska verken': write "
        '{name = "Tekniska verken", kind = "namnd"} (kinds: namnd, kommunstyrelse, styrelse, '
        "fullmaktige)",
    ]


def test_names_are_unique_and_fit_a_node_id() -> None:
    case = '[[case]]\nname = "{}"\nas_of = 2025-09-01\noutcome = "eligible"\n'
    found = problems_of(
        'ruleset = "default"\n' + case.format("twice") + case.format("twice") + case.format("a::b")
    )
    assert found == [
        "<text>:7: case 'twice', key name: the name is taken by case[0]: names must be unique",
        "<text>:11: case 'a::b', key name: expected a name, without '::' or a line break",
    ]


def test_as_of_is_required() -> None:
    found = problems_of('ruleset = "default"\n[[case]]\nname = "x"\noutcome = "eligible"\n')
    assert found == [
        "<text>:2: case 'x', key as_of: expected the date the case is decided on "
        "(as_of = 2025-09-01), found none: every case needs one, nothing is decided for "
        "today's date"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "[[case]]\n",
            '<text>: ruleset: expected the rule set under test: "default" or a rule-set file',
        ),
        ("ruleset = 3\n[[case]]\n", "<text>:1: ruleset: expected text, found the number 3"),
        (
            'ruleset = "default"\n',
            "<text>: case: expected a list of cases ([[case]] tables), found none",
        ),
        ('ruleset = "default"\ncase = 3\n', "<text>:2: case: expected a list of cases"),
        (
            'ruleset = "default"\ncase = [3]\n',
            "<text>: case[0]: expected a table, found the number 3",
        ),
        ('ruleset = "default"\ndefaults = 3\ncase = []\n', "<text>:2: defaults: expected a table"),
        (
            'ruleset = "default"\n[defaults]\nas_if = 2025-09-01\n[[case]]\n',
            "<text>:3: defaults.as_if: unknown key 'as_if': expected one of as_of, collaborating, "
            "cohort, applicant (did you mean 'as_of'?)",
        ),
    ],
)
def test_problems_with_the_file_itself(text: str, expected: str) -> None:
    assert any(problem.startswith(expected) for problem in problems_of(text)), problems_of(text)


def test_a_case_names_either_collaborating_or_a_cohort() -> None:
    found = problems_of(
        HEAD
        + """
[[case]]
name = "both"
outcome = "eligible"
collaborating = ["Motala"]
cohort = { program = "example", id = "liko-2025" }
"""
    )
    assert found == [
        "<text>:11: case 'both', key cohort: expected either collaborating or cohort, found both"
    ]


@pytest.mark.parametrize(
    ("cohort", "expected"),
    [
        ('"liko-2025"', "key cohort: expected a table, found text 'liko-2025'"),
        ('{ program = "example" }', "key cohort.id: expected the id of a cohort of that program"),
        (
            '{ program = "example", id = "liko-2024" }',
            "key cohort.id: expected the id of a cohort in 'example': one of liko-2025, found "
            "'liko-2024' (did you mean 'liko-2025'?)",
        ),
        (
            '{ program = "nowhere.toml", id = "c" }',
            "key cohort.program: cannot read the program document",
        ),
        (
            '{ program = "example", id = "liko-2025", year = 2025 }',
            "key cohort.year: unknown key 'year'",
        ),
    ],
)
def test_cohort_references_are_checked(cohort: str, expected: str) -> None:
    text = f'ruleset = "default"\n[[case]]\nname = "c"\nas_of = 2025-09-01\noutcome = "eligible"\ncohort = {cohort}\n'
    found = problems_of(text)
    assert any(expected in problem for problem in found), found


def test_a_cohort_of_a_program_document_beside_the_case_file(tmp_path: Path) -> None:
    ledarskap.dump(ledarskap.example_program(), tmp_path / "program.toml")
    (tmp_path / "cases.rules.toml").write_text(
        """
ruleset = "default"
[[case]]
name = "hr"
as_of = 2025-09-15
cohort = { program = "program.toml", id = "liko-2025" }
outcome = "eligible"
applicant = { municipality = "Ydre", title = "HR-chef", reports_to = [], leads_staff_function = true }
""",
        encoding="utf-8",
    )
    report = run_cases(tmp_path / "cases.rules.toml")
    assert report, str(report)


def test_a_broken_program_document_is_reported_under_the_case(tmp_path: Path) -> None:
    (tmp_path / "program.json").write_text('{"format": "ledarskap.program"}', encoding="utf-8")
    found = problems_of(
        'ruleset = "default"\n[[case]]\nname = "c"\nas_of = 2025-09-01\noutcome = "eligible"\n'
        'cohort = { program = "program.json", id = "c" }\n',
        base=tmp_path,
    )
    assert found[0].endswith(
        "key cohort.program: the program document 'program.json' cannot be read"
    )
    assert len(found) > 1


def test_a_rule_set_beside_the_case_file(tmp_path: Path) -> None:
    (tmp_path / "mine.rules.toml").write_text(
        'format = "ledarskap.rules/1"\nid = "mine"\nversion = "1"\n'
        '[[rules]]\nid = "ceo"\nwhen = \'position == "bolags-vd"\'\n',
        encoding="utf-8",
    )
    text = (
        'ruleset = "mine.rules.toml"\n[[case]]\nname = "vd"\nas_of = 2025-09-01\n'
        'outcome = "eligible"\napplicant = { title = "VD" }\n'
    )
    report = run_cases_text(text, base=tmp_path)
    assert report, str(report)
    cache: dict[object, object] = {}
    (tmp_path / "test_mine.rules.toml").write_text(text, encoding="utf-8")
    first = load_cases(tmp_path / "test_mine.rules.toml", ruleset_cache=cache)
    second = load_cases(tmp_path / "test_mine.rules.toml", ruleset_cache=cache)
    assert first.ruleset is second.ruleset
    assert len(cache) == 1


def test_a_broken_rule_set_is_reported_with_its_own_problems(tmp_path: Path) -> None:
    (tmp_path / "bad.rules.toml").write_text(
        'format = "ledarskap.rules/1"\nid = "bad"\nversion = "1"\n'
        '[[rules]]\nid = "x"\nwhen = "reports_to_politcal_body"\n',
        encoding="utf-8",
    )
    found = problems_of('ruleset = "bad.rules.toml"\n[[case]]\n', base=tmp_path)
    assert found[0] == "<text>: ruleset: the rule set 'bad.rules.toml' cannot be loaded"
    assert any("did you mean 'reports_to_political_body'?" in p for p in found)


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("cases.yaml", b"", "expected a name ending .toml or .json"),
        ("cases.toml", b"ruleset = ", "the rule cases are not valid TOML"),
        ("cases.json", b'{"ruleset": ', "the rule cases are not valid JSON"),
        ("cases.json", b"[]", "the rule cases are not an object"),
        ("cases.toml", b"\xff\xfe", "the rule cases are not UTF-8 text"),
    ],
)
def test_files_that_cannot_be_read(
    tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DocumentError, match=expected) as caught:
        load_cases(path)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize(
    "path", ["no/such/test_cases.rules.toml", "nul\0.rules.toml", "lone\ud800.rules.toml"]
)
def test_a_file_that_cannot_be_read(path: str) -> None:
    """A case file that cannot be read is a FileAccessError, as for load and load_ruleset."""
    with pytest.raises(FileAccessError, match="cannot read"):
        load_cases(path)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: load_cases(3), r"load_cases\(path\): expected a file path, found int"),  # type: ignore[arg-type]
        (lambda: load_cases(b"cases.toml"), "expected a file path, found bytes"),  # type: ignore[arg-type]
        (lambda: load_cases("x.toml", registry={}), "expected a PredicateRegistry, found dict"),  # type: ignore[arg-type]
        (lambda: load_cases_text(None), "expected text, found NoneType"),  # type: ignore[arg-type]
        (lambda: load_cases_text("", registry=1), "expected a PredicateRegistry, found int"),  # type: ignore[arg-type]
    ],
)
def test_a_call_with_arguments_of_the_wrong_type_is_a_usage_error(
    call: Callable[[], object], message: str
) -> None:
    with pytest.raises(UsageError, match=message):
        call()


def test_text_with_a_lone_surrogate_is_a_document_error() -> None:
    with pytest.raises(DocumentError, match="not UTF-8 text"):
        load_cases_text('format = "ledarskap.rule-cases/1"\nruleset = "\ud800"\n')


@pytest.mark.parametrize("name", ["nul\0.toml", "x" * 5000 + ".toml"])
def test_a_rule_set_name_that_is_no_file_name_is_a_problem(name: str) -> None:
    text = CASES_TEXT_WITH_RULESET.replace("RULESET", json.dumps(name))
    with pytest.raises(DocumentError) as caught:
        load_cases_text(text)
    (problem,) = [p for p in caught.value.problems if p.path == "ruleset"]
    assert problem.code == "missing-file"
    assert len(str(problem)) < 500


def test_a_rule_set_that_cannot_be_read_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "rules.toml").mkdir()
    text = CASES_TEXT_WITH_RULESET.replace("RULESET", '"rules.toml"')
    with pytest.raises(DocumentError) as caught:
        load_cases_text(text, base=tmp_path)
    (problem,) = [p for p in caught.value.problems if p.path == "ruleset"]
    assert problem.code == "unreadable"
    assert "the rule set 'rules.toml' cannot be read: Is a directory" in problem.message


CASES_TEXT_WITH_RULESET = """format = "ledarskap.rule-cases/1"
ruleset = RULESET

[[case]]
name = "one"
outcome = "eligible"
as_of = 2025-09-01
applicant = {}
"""


def test_json_case_files_with_text_dates() -> None:
    document = {
        "format": CASES_FORMAT,
        "ruleset": "default",
        "case": [
            {
                "name": "kommunchef",
                "as_of": "2025-09-01",
                "outcome": "not-eligible",
                "applicant": {"title": "Kommunchef"},
            }
        ],
    }
    cases = load_cases_text(
        json.dumps(document, indent=2),
        syntax="json",
    )
    assert cases.cases[0].as_of == dt.date(2025, 9, 1)
    assert cases.cases[0].line == 6
    assert cases.run_all()


def test_a_report_lists_failures_with_the_decision() -> None:
    report = run_cases_text(
        HEAD
        + """
[[case]]
name = "wrong"
outcome = "eligible"
warnings = ["position.in"]
missing = []
applicant = { municipality = "Motala", title = "Kommunchef", reports_to = [] }

[[case]]
name = "known wrong"
outcome = "eligible"
xfail = "kommunchefer are mentors"
applicant = { municipality = "Motala", title = "Kommunchef", reports_to = [] }

[[case]]
name = "later"
outcome = "eligible"
skip = "not yet"
"""
    )
    assert not report
    assert [r.case.name for r in report.failed] == ["wrong"]
    assert [r.case.name for r in report.passed] == ["known wrong"]
    wrong = report.failed[0]
    assert wrong.failures == (
        "outcome: expected eligible, decided not-eligible",
        "missing: expected [], decided ['leads_staff_function'] "
        "(not expected: leads_staff_function)",
    )
    assert str(report).splitlines()[:3] == [
        "2 cases, 1 passed, 1 failed",
        "  FAILED  wrong: Inte behörig: kommunchef är kommunens högsta tjänsteman och mentor, "
        "inte deltagare",
        "            outcome: expected eligible, decided not-eligible",
    ]
    english = wrong.explain(languages=["en"])
    assert "The decision (en):" in english
    assert "Beslutet (sv):" not in english
    assert "rule case 'wrong' (<text>:7)" in english


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('as_of = "2025/09/01"', "key as_of: expected a date YYYY-MM-DD, found text '2025/09/01'"),
        (
            "as_of = 2025-09-01T10:00:00",
            "key as_of: expected a date YYYY-MM-DD, found the date-time",
        ),
        ("description = 3", "key description: expected text, found the number 3"),
        ('collaborating = "Linköping"', "key collaborating: expected a list of municipality names"),
        ("applicant = 3", "key applicant: expected a table, found the number 3"),
    ],
)
def test_values_of_the_wrong_kind(line: str, expected: str) -> None:
    text = f'ruleset = "default"\n[[case]]\nname = "c"\noutcome = "eligible"\n{line}\n'
    if "as_of" not in line:
        text += "as_of = 2025-09-01\n"
    found = problems_of(text)
    assert any(expected in problem for problem in found), found


def test_a_passing_case_explains_itself_too() -> None:
    report = run_cases(DEFAULT_CASES)
    explained = report.results[0].explain()
    assert explained.splitlines()[0] == "as expected"
    assert '  "samt ledare i stabsfunktion"' in explained


_CASE_KEYS = [
    "name",
    "as_of",
    "outcome",
    "applicant",
    "collaborating",
    "cohort",
    "reasons",
    "warnings",
    "missing",
    "skip",
    "xfail",
    "nonsense",
]
_APPLICANT_KEYS = [
    "municipality",
    "title",
    "position",
    "reports_to",
    "leads_staff_function",
    "organisation_kind",
    "in_position_since",
    "submitted",
    "id",
]
_junk = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-3, 3)
    | st.sampled_from(["2025-09-01", "eligible", "Linköping", "Kommunchef", "namnd", "example"])
    | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from([*_APPLICANT_KEYS, "name", "kind", "program", "id"]), inner, max_size=4
        )
    ),
    max_leaves=12,
)
_cases = st.lists(
    st.dictionaries(
        st.sampled_from(_CASE_KEYS),
        _junk | st.dictionaries(st.sampled_from(_APPLICANT_KEYS), _junk, max_size=5),
        max_size=8,
    )
    | _junk,
    max_size=3,
)


@settings(max_examples=150, deadline=None)
@given(
    ruleset=st.sampled_from(["default", None, 3, "", "missing.rules.toml"]),
    cases=_cases,
    defaults=st.none() | st.dictionaries(st.sampled_from(_CASE_KEYS), _junk, max_size=3),
)
def test_junk_never_escapes_as_anything_but_a_document_error(
    ruleset: object, cases: object, defaults: object
) -> None:
    """Reading a case file either gives cases or raises DocumentError: never another error."""
    document: dict[str, object] = {"ruleset": ruleset, "case": cases}
    if defaults is not None:
        document["defaults"] = defaults
    try:
        case_file = load_cases_text(json.dumps(document), syntax="json")
    except DocumentError:
        return
    for case in case_file.cases:
        case_file.run(case)


def test_run_cases_takes_a_case_file_already_read() -> None:
    cases = load_cases(EXAMPLE_CASES)
    assert run_cases(cases)


def test_a_json_case_is_found_by_its_name_as_json_writes_it() -> None:
    text = json.dumps(
        {
            "ruleset": "default",
            "case": [
                {"name": 'say "hej"', "as_of": "2025-09-01", "outcome": "undetermined"},
            ],
        }
    )
    assert load_cases_text(text, syntax="json").cases[0].line == 1


def test_recorded_cases_pass_against_the_rule_set_they_were_recorded_with() -> None:
    """Law: recording the decisions of a cohort and running them again changes nothing."""
    program = ledarskap.example_program()
    cohort = program.cohorts[0]
    applications = program.applications_to(cohort.id)
    text = record_cases(
        applications, as_of=cohort.start, cohort=cohort, program=program, description="baseline"
    )
    cases = load_cases_text(text)
    assert cases.description == "baseline"
    assert len(cases.cases) == len(applications)
    report = cases.run_all()
    assert report, str(report)
    outcomes = {r.decision.outcome.value for r in report.results}
    assert outcomes == {"eligible", "not-eligible", "undetermined"}


def test_recorded_cases_show_what_a_rule_change_moves(tmp_path: Path) -> None:
    program = ledarskap.example_program()
    cohort = program.cohorts[0]
    stricter = ledarskap.parse_ruleset(
        'format = "ledarskap.rules/1"\nid = "stricter"\nversion = "2"\n'
        '[[rules]]\nid = "role"\nwhen = "reports_to_political_body"\n'
    )
    (tmp_path / "stricter.rules.toml").write_text(
        'format = "ledarskap.rules/1"\nid = "stricter"\nversion = "2"\n'
        '[[rules]]\nid = "role"\nwhen = "reports_to_political_body or leads_staff_function"\n',
        encoding="utf-8",
    )
    text = record_cases(
        program.applications_to(cohort.id),
        as_of=cohort.start,
        ruleset="stricter.rules.toml",
        rules=stricter,
        program=program,
    )
    report = run_cases_text(text, base=tmp_path)
    moved = [r for r in report.failed if r.failures[0].startswith("outcome:")]
    assert moved
    for result in moved:
        assert result.failures[0] == "outcome: expected not-eligible, decided eligible"
        assert result.case.application.leads_staff_function is True


def test_recording_needs_the_rule_set_for_a_file() -> None:
    with pytest.raises(TypeError, match="rules="):
        record_cases([], as_of=dt.date(2025, 9, 1), ruleset="mine.rules.toml")


def test_a_recorded_name_is_unique() -> None:
    app = ledarskap.Application(
        id="ans-1", person_id="p-1", cohort_id="c", submitted=dt.date(2025, 1, 1)
    )
    text = record_cases([app, app], as_of=dt.date(2025, 9, 1))
    assert [c.name for c in load_cases_text(text).cases] == ["ans-1", "ans-1 (2)"]


@pytest.mark.parametrize("syntax", ["toml", "json"])
def test_a_number_too_long_to_read_is_a_syntax_problem(syntax: str) -> None:
    text = "x = " + "9" * 5000 if syntax == "toml" else '{"x": ' + "9" * 5000 + "}"
    with pytest.raises(DocumentError, match="a number too long to read"):
        load_cases_text(text, syntax=syntax)  # type: ignore[arg-type]


def test_a_case_files_problems_in_swedish() -> None:
    text = HEAD + (
        '[[case]]\nname = "a"\noutcme = "eligible"\n'
        '[case.applicant]\nreports_to = ["Chefen"]\nmunicipality = "Linkoping"\n'
        '[[case]]\nname = "b"\noutcome = "eligible"\n'
        'cohort = {program = "example", id = "liko-2024"}\n'
    )
    with pytest.raises(DocumentError) as caught:
        load_cases_text(text, source="c.toml")
    assert caught.value.render("sv") == (
        "c.toml: regelfallen kan inte läsas (5 problem)\n"
        "  - c.toml:8: fall 'a', nyckel outcme: okänd nyckel 'outcme': förväntade en av name, "
        "description, as_of, applicant, collaborating, cohort, outcome, reasons, warnings, "
        "missing, skip, xfail (menade du 'outcome'?)\n"
        "  - c.toml:6: fall 'a', nyckel outcome: förväntade utfallet, ett av eligible, "
        "not-eligible, undetermined, fick inget\n"
        "  - c.toml:10: fall 'a', nyckel applicant.reports_to[0]: kan inte avgöra vilken sorts "
        'politiskt organ det är av namnet \'Chefen\': skriv {name = "Chefen", kind = "namnd"} '
        "(sorter: namnd, kommunstyrelse, styrelse, fullmaktige)\n"
        "  - c.toml:11: fall 'a', nyckel applicant.municipality: förväntade en kommunkod eller "
        "ett kommunnamn som SCB skriver det, fick texten 'Linkoping' (menade du 0580 Linköping?)\n"
        "  - c.toml:15: fall 'b', nyckel cohort.id: förväntade id:t för en omgång i 'example': "
        "ett av liko-2025, fick 'liko-2024' (menade du 'liko-2025'?)"
    )
    assert str(caught.value).startswith("c.toml: the rule cases cannot be read (5 problems)\n")
    assert "case 'a', key outcome: expected the outcome" in str(caught.value)


def test_a_case_file_without_rule_set_or_cases_in_swedish() -> None:
    with pytest.raises(DocumentError) as caught:
        load_cases_text('format = "x"\n[[case]]\nname = 3\nas_of = "igår"\n', source="c.toml")
    swedish = caught.value.render("sv")
    assert "  - c.toml:1: format: förväntade 'ledarskap.rule-cases/1', fick texten 'x'\n" in swedish
    assert "  - c.toml:3: case[0], nyckel name: förväntade text, fick talet 3\n" in swedish
    assert english_words(swedish.replace("nyckel name", "nyckel")) == []  # the key is data
    with pytest.raises(UsageError) as raised:
        load_cases_text(3)  # type: ignore[arg-type]
    assert raised.value.render("sv") == "load_cases_text(text): förväntade text, fick int"


def test_recording_from_a_rule_set_file_needs_the_rule_set() -> None:
    program = ledarskap.example_program()
    with pytest.raises(TypeError) as raised:
        record_cases(program.applications[:1], as_of=dt.date(2025, 9, 1), ruleset="r.toml")
    assert isinstance(raised.value, UsageError)
    assert raised.value.render("sv") == (
        "record_cases behöver själva regeluppsättningen (rules=) för en fil med en regeluppsättning"
    )

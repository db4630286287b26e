"""The pytest plugin: rule case files collected, run, reported; light when there are none."""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]

RULES = """
format = "ledarskap.rules/1"
id = "demo"
version = "1"

[[rules]]
id = "role"
when = "reports_to_political_body or leads_staff_function"

[[rules]]
id = "county"
when = 'municipality_in_county(county="05")'
"""

CASES = """
ruleset = "{ruleset}"

[defaults]
as_of = 2025-09-01

[[case]]
name = "förvaltningschef in Linköping"
outcome = "eligible"
applicant = {{ municipality = "Linköping", title = "Förvaltningschef", reports_to = ["Socialnämnden"] }}

[[case]]
name = "wrong on purpose"
outcome = "eligible"
reasons = []
applicant = {{ municipality = "Jönköping", title = "Förvaltningschef", reports_to = ["Socialnämnden"] }}
"""


@pytest.fixture
def demo(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makefile(".rules.toml", demo=RULES)
    pytester.makefile(".rules.toml", test_demo=CASES.format(ruleset="demo.rules.toml"))
    return pytester


def test_each_case_is_an_item_named_for_the_case(demo: pytest.Pytester) -> None:
    result = demo.runpytest("-v")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(
        [
            "*test_demo.rules.toml::förvaltningschef in Linköping PASSED*",
            "*test_demo.rules.toml::wrong on purpose FAILED*",
        ]
    )


def test_a_failure_shows_the_difference_and_the_tree_in_both_languages(
    demo: pytest.Pytester,
) -> None:
    result = demo.runpytest()
    result.stdout.fnmatch_lines(
        [
            "*rule case: wrong on purpose*",
            "outcome: expected eligible, decided not-eligible",
            "reasons: expected ??, decided ??municipality_in_county?? *",
            "rule case 'wrong on purpose' (*test_demo.rules.toml:11)",
            "Beslutet (sv):",
            "  Inte behörig: *",
            "*county*",
            "The decision (en):",
            "  Not eligible: *",
        ]
    )
    assert "Traceback" not in result.stdout.str()
    assert "def runtest" not in result.stdout.str()
    result.stdout.fnmatch_lines(
        ["FAILED test_demo.rules.toml::wrong on purpose - outcome: expected eligible, *"]
    )


def test_rule_language_picks_one_language(demo: pytest.Pytester) -> None:
    result = demo.runpytest("--rule-language=en")
    assert "The decision (en):" in result.stdout.str()
    assert "Beslutet (sv):" not in result.stdout.str()


def test_a_bad_case_file_is_one_collection_error_naming_file_case_and_key(
    pytester: pytest.Pytester,
) -> None:
    pytester.makefile(
        ".rules.toml",
        test_bad="""
ruleset = "default"
[[case]]
name = "typo"
as_of = 2025-09-01
outcom = "eligible"
applicant = { municipality = "Linkopingg" }
""",
    )
    result = pytester.runpytest()
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(
        [
            "*ERROR collecting test_bad.rules.toml*",
            "*test_bad.rules.toml: the rule cases cannot be read (3 problems)",
            "  - *test_bad.rules.toml:5: case 'typo', key outcom: unknown key 'outcom': "
            "expected one of name, *(did you mean 'outcome'?)",
            "  - *test_bad.rules.toml:2: case 'typo', key outcome: expected the outcome*found none",
            "  - *test_bad.rules.toml:6: case 'typo', key applicant.municipality: expected*Linköping*",
        ]
    )
    assert "Traceback" not in result.stdout.str()


def test_a_missing_rule_set_file_is_a_collection_error(pytester: pytest.Pytester) -> None:
    pytester.makefile(".rules.toml", test_lost=CASES.format(ruleset="nowhere.rules.toml"))
    result = pytester.runpytest()
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*ruleset: expected*existing rule-set file*nowhere.rules.toml*"])


def test_json_case_files_are_collected(pytester: pytest.Pytester) -> None:
    pytester.makefile(
        ".rules.json",
        test_cases="""{
  "ruleset": "default",
  "case": [
    {"name": "kommunchef", "as_of": "2025-09-01", "collaborating": ["Linköping"],
     "outcome": "not-eligible", "reasons": ["is_chief_executive"],
     "applicant": {"municipality": "Linköping", "title": "Kommunchef",
                   "reports_to": ["Kommunstyrelsen"]}}
  ]
}""",
    )
    result = pytester.runpytest("-v")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["*test_cases.rules.json::kommunchef PASSED*"])


def test_rule_coverage_lists_clauses_not_seen_both_ways(demo: pytest.Pytester) -> None:
    result = demo.runpytest("--rule-coverage")
    result.stdout.fnmatch_lines(
        [
            "*= rule decision coverage =*",
            "rule set demo.rules.toml (demo 1): 1 of 4 clauses seen both true and false (25%)",
            "  role@initial role: never false  (*)",
            "  role@initial role[0]: never false  (reports_to_political_body)",
            "  role@initial role[1]: never true nor false (only unknown)  (leads_staff_function)",
        ]
    )


def test_no_coverage_report_without_the_option(demo: pytest.Pytester) -> None:
    result = demo.runpytest()
    assert "rule decision coverage" not in result.stdout.str()


def test_skip_and_xfail(pytester: pytest.Pytester) -> None:
    pytester.makefile(
        ".rules.toml",
        test_marks="""
ruleset = "default"
[defaults]
as_of = 2025-09-01
collaborating = ["Linköping"]
applicant = { municipality = "Linköping", title = "Kommunchef", reports_to = [] }

[[case]]
name = "later"
outcome = "eligible"
skip = "the rule is being rewritten"

[[case]]
name = "known wrong"
outcome = "eligible"
xfail = "kommunchefer are mentors"
""",
    )
    result = pytester.runpytest("-rsx")
    result.assert_outcomes(skipped=1, xfailed=1)
    result.stdout.fnmatch_lines(["*the rule is being rewritten*", "*kommunchefer are mentors*"])


def test_the_file_patterns_are_an_ini_setting(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\nrule_case_files = *.cases.toml\n")
    text = CASES.format(ruleset="default").replace(
        "[defaults]", '[defaults]\ncollaborating = ["Linköping"]'
    )
    pytester.makefile(".cases.toml", mine=text)
    pytester.makefile(".rules.toml", test_ignored=text)
    result = pytester.runpytest("-v")
    result.assert_outcomes(passed=1, failed=1)
    assert "test_ignored" not in result.stdout.str()


def test_other_files_are_left_alone(pytester: pytest.Pytester) -> None:
    pytester.makefile(".toml", test_settings="not = [valid")
    pytester.makefile(".rules.toml", notes_about="not = [valid")
    pytester.makepyfile(test_plain="def test_ok():\n    assert True\n")
    result = pytester.runpytest()
    result.assert_outcomes(passed=1)


def test_the_plugin_can_be_disabled(demo: pytest.Pytester) -> None:
    result = demo.runpytest("-p", "no:ledarskap")
    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED


def test_loading_the_plugin_imports_no_rules(pytester: pytest.Pytester) -> None:
    """Installed, the plugin rides along in every pytest run: it must stay light."""
    pytester.makepyfile(
        test_light="""
import sys

def test_light(pytestconfig):
    assert pytestconfig.pluginmanager.has_plugin("ledarskap")
    heavy = [m for m in ("ledarskap.eligibility", "ledarskap.io", "cattrs") if m in sys.modules]
    assert heavy == []
"""
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)


REGISTRY_MODULE = """
from ledarskap.eligibility import Check, Texts, default_registry

registry = default_registry()


@registry.predicate(
    "applied_early",
    description="The application came in before the given date.",
    sv=Texts(true="sökte i god tid", false="sökte sent", unknown="okänt när ansökan kom in"),
    en=Texts(true="applied early", false="applied late", unknown="unknown when applied"),
    arguments={"before": "date"},
)
def applied_early(application, context, *, before):
    return Check(application.submitted < before, seen=str(application.submitted),
                 expected=str(before))
"""


def test_rule_sets_with_predicates_of_their_own(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(my_predicates=REGISTRY_MODULE)
    pytester.syspathinsert()
    pytester.makeini("[pytest]\nrule_registry = my_predicates:registry\n")
    pytester.makefile(
        ".rules.toml",
        early=(
            'format = "ledarskap.rules/1"\nid = "early"\nversion = "1"\n'
            '[[rules]]\nid = "early"\nwhen = \'applied_early(before="2025-05-01")\'\n'
        ),
    )
    pytester.makefile(
        ".rules.toml",
        test_early="""
ruleset = "early.rules.toml"
[[case]]
name = "late"
as_of = 2025-09-01
outcome = "not-eligible"
reasons = ["applied_early"]
applicant = { submitted = 2025-06-01 }
""",
    )
    result = pytester.runpytest("-v")
    result.assert_outcomes(passed=1)


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        ("no_such_module:registry", "*rule_registry = 'no_such_module:registry': cannot load*"),
        ("os:sep", "*rule_registry = 'os:sep': *expected a PredicateRegistry, found str*"),
    ],
)
def test_a_bad_registry_setting_is_a_collection_error(
    demo: pytest.Pytester, setting: str, expected: str
) -> None:
    demo.makeini(f"[pytest]\nrule_registry = {setting}\n")
    result = demo.runpytest()
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines([expected])


def test_a_predicate_the_registry_refuses_is_said_in_its_own_words(
    pytester: pytest.Pytester,
) -> None:
    """A predicate of the wrong shape stops collection with the registry's message, no traceback."""
    pytester.makepyfile(
        wrong_predicates=REGISTRY_MODULE.replace(
            "def applied_early(application, context, *, before):",
            "def applied_early(application, *, before):",
        )
    )
    pytester.syspathinsert()
    pytester.makeini("[pytest]\nrule_registry = wrong_predicates:registry\n")
    pytester.makefile(".rules.toml", test_nothing='ruleset = "none.rules.toml"\n')
    result = pytester.runpytest()
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*rule_registry = 'wrong_predicates:registry': *applied_early*"])
    result.stdout.no_fnmatch_line("*expected module:name*")
    result.stdout.no_fnmatch_line("*Traceback*")


def test_an_error_inside_a_predicate_is_shown_as_an_error(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        broken_predicates=REGISTRY_MODULE.replace(
            "    return Check(", "    raise RuntimeError('the predicate broke')\n    return Check("
        )
    )
    pytester.syspathinsert()
    pytester.makeini("[pytest]\nrule_registry = broken_predicates:registry\n")
    pytester.makefile(
        ".rules.toml",
        early=(
            'format = "ledarskap.rules/1"\nid = "early"\nversion = "1"\n'
            '[[rules]]\nid = "early"\nwhen = \'applied_early(before="2025-05-01")\'\n'
        ),
    )
    pytester.makefile(
        ".rules.toml",
        test_early=(
            'ruleset = "early.rules.toml"\n[[case]]\nname = "late"\nas_of = 2025-09-01\n'
            'outcome = "not-eligible"\n'
        ),
    )
    result = pytester.runpytest()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*RuntimeError: the predicate broke*"])


def test_coverage_adds_up_over_files_of_one_rule_set(demo: pytest.Pytester) -> None:
    demo.makefile(
        ".rules.toml",
        test_more="""
ruleset = "demo.rules.toml"
[[case]]
name = "neither"
as_of = 2025-09-01
outcome = "not-eligible"
applicant = { municipality = "Motala", reports_to = [], leads_staff_function = false }
""",
    )
    result = demo.runpytest("--rule-coverage")
    result.stdout.fnmatch_lines(
        ["rule set demo.rules.toml (demo 1): 3 of 4 clauses seen both true and false (75%)"]
    )


def test_under_the_projects_strict_settings(demo: pytest.Pytester) -> None:
    """The settings ledarskap's own suite runs with: warnings are errors, importlib imports."""
    demo.makeini(
        "[pytest]\n"
        "addopts = --strict-markers --strict-config --import-mode=importlib -p no:cacheprovider\n"
        "xfail_strict = true\n"
        "filterwarnings = error\n"
    )
    demo.makepyfile(test_plain="def test_ok():\n    assert True\n")
    result = demo.runpytest("--rule-coverage", "-W", "error")
    result.assert_outcomes(passed=2, failed=1)
    assert "warnings summary" not in result.stdout.str()


@pytest.mark.parametrize(("mark", "code"), [("50", 1), ("0", 0)])
def test_rule_coverage_fail_under(pytester: pytest.Pytester, mark: str, code: int) -> None:
    pytester.makefile(".rules.toml", demo=RULES)
    passing = CASES.format(ruleset="demo.rules.toml").split('[[case]]\nname = "wrong')[0]
    pytester.makefile(".rules.toml", test_demo=passing)
    result = pytester.runpytest(f"--rule-coverage-fail-under={mark}")
    result.assert_outcomes(passed=1)
    assert result.ret == code
    result.stdout.fnmatch_lines(["*= rule decision coverage =*"])
    failure = (
        "FAIL: the decision coverage of rule set demo.rules.toml is 0%, below the required 50%"
    )
    assert (failure in result.stdout.str()) == (code == 1)

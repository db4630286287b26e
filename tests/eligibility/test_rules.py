"""Rules as values: construction, normal form, printing and parsing, the registry."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledarskap.eligibility import (
    AllOf,
    Comparison,
    EvaluationContext,
    Not,
    Outcome,
    ParameterRef,
    Rule,
    Truth,
    all_of,
    any_of,
    compare,
    not_,
    param,
    parse_rule,
    predicate,
    rule_from_data,
)
from ledarskap.eligibility._evaluation import plan
from ledarskap.errors import RuleError, UsageError
from ledarskap.model import Application, PositionKind, county
from ledarskap.testing import eligibility_rules, forgetting, rule_applications

A = predicate("reports_to_political_body")
B = predicate("leads_staff_function")
C = predicate("works_in_central_administration")


def test_operators_build_the_same_values_as_the_functions() -> None:
    assert all_of(A, B) == (A & B)
    assert any_of(A, B) == (A | B)
    assert ~A == not_(A) == Not(A)


def test_normal_form_flattens_and_cancels_double_negation() -> None:
    assert all_of(all_of(A, B), C) == AllOf((A, B, C))
    assert all_of(A) == A
    assert not_(not_(A)) == A
    assert hash(all_of(all_of(A, B), C)) == hash(AllOf((A, B, C)))
    assert all_of(A, B) != all_of(B, A)  # order is kept: it is the order of explanations


def test_values_are_normalised() -> None:
    assert compare("position", "in", ["HR-direktör", "ekonomichef", "personaldirektor"]) == (
        Comparison("position", "in", ("ekonomidirektor", "personaldirektor"))
    )
    assert compare("position_kind", "==", "staff") == Comparison(
        "position_kind", "==", PositionKind.STAFF
    )
    assert compare("municipality", "==", "Linköping") == Comparison("municipality", "==", "0580")
    # A default argument is left out, so both spellings are one value.
    assert (
        predicate("reports_to_political_body", kinds=["namnd", "kommunstyrelse", "styrelse"]) == A
    )


@pytest.mark.parametrize(
    "text",
    [
        "reports_to_political_body",
        "not is_chief_executive",
        "reports_to_political_body or leads_staff_function",
        "(reports_to_political_body or leads_staff_function) and not is_chief_executive",
        'position == "strateg" and works_in_central_administration',
        'position_kind in ["political-line", "staff"]',
        'position not in ["kommunchef"]',
        "years_in_position >= 2",
        "years_in_position >= min_years",
        'municipality_in_county(county="05")',
        'reports_to_political_body(kinds=["namnd"])',
        "not (reports_to_political_body and leads_staff_function)",
        'county in ["05", "06"] or not municipality == "0580"',
    ],
)
def test_printing_gives_back_the_source(text: str) -> None:
    rule = parse_rule(text)
    assert str(rule) == text
    assert parse_rule(str(rule)) == rule
    assert repr(rule) == f"<Rule({text!r})>"


def test_parameters_are_bare_names() -> None:
    rule = parse_rule("years_in_position >= min_years and municipality in towns")
    assert rule.parameters() == {"min_years", "towns"}
    assert compare("years_in_position", ">=", param("min_years")) == Comparison(
        "years_in_position", ">=", ParameterRef("min_years")
    )


def test_evaluating_a_single_rule_is_deprecated() -> None:
    """``Rule.evaluate`` still gives the truth, with a DeprecationWarning (gone in 0.4)."""
    app = Application(
        id="a",
        person_id="p",
        cohort_id="c",
        submitted=dt.date(2025, 1, 1),
        title="IT-chef",
        in_position_since=dt.date(2020, 9, 2),
    )
    rule = parse_rule("years_in_position >= min_years")
    day = dt.date(2025, 9, 1)
    with pytest.warns(DeprecationWarning, match="Rule.evaluate is deprecated"):
        assert rule.evaluate(app, as_of=day, parameters={"min_years": 4}) is Truth.TRUE
    with pytest.warns(DeprecationWarning, match="Rule.evaluate"):
        assert rule.evaluate(app, as_of=day, parameters={"min_years": 5}) is Truth.FALSE
    with pytest.warns(DeprecationWarning, match="Rule.evaluate"):
        assert rule.evaluate(app, as_of=day) is Truth.UNKNOWN
    with pytest.warns(DeprecationWarning, match="Rule.evaluate"):
        assert A.evaluate(app, as_of=day) is Truth.UNKNOWN


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "expected a rule"),
        ("reports_to_political_body or", "expected a predicate"),
        ("(leads_staff_function", "expected ')'"),
        ("leads_staff_function leads_staff_function", "expected 'and', 'or'"),
        ("position == ", "expected a value"),
        ("position == [1, [2]]", "plain value"),
        ("position @ 1", "unexpected character"),
        ("position == '\\d'", "unknown escape"),
        ("reprts_to_political_body", "did you mean 'reports_to_political_body'?"),
        ("position_knd == 'staff'", "did you mean 'position_kind'?"),
        ("position == 'avdelningschefen'", "did you mean 'avdelningschef'?"),
        ("position_kind == 'stab'", "expected a kind of position"),
        ("municipality == 'Linkopping'", "did you mean 0580 Linköping?"),
        ("position in []", "non-empty list"),
        ("position > 'strateg'", "cannot be compared with >"),
        ("years_in_position == 'two'", "whole number"),
        ("municipality_in_county", "needs the argument 'county'"),
        ("municipality_in_county(contry='05')", "did you mean 'county'?"),
        ("municipality_in_county(county='05', county='06')", "given twice"),
        ("position", "is a field"),
        ("leads_staff_function == true", "is a predicate, not a field"),
    ],
)
def test_parse_errors_say_where_and_what(text: str, message: str) -> None:
    """Each kind of mistake in a rule's text is a RuleError saying what, each problem with a code."""
    with pytest.raises(RuleError) as info:
        parse_rule(text)
    assert message in str(info.value)
    assert all(p.code for p in info.value.problems)


def test_every_problem_is_reported_at_once_with_a_caret() -> None:
    with pytest.raises(RuleError) as info:
        parse_rule("reprts_to or position == 'x' or leeds_staff_function")
    assert len(info.value.problems) == 3
    first = str(info.value.problems[0])
    assert first.splitlines()[1:] == [
        "    reprts_to or position == 'x' or leeds_staff_function",
        "    ^^^^^^^^^",
    ]


def test_nesting_is_bounded() -> None:
    """Text or data nested absurdly deep is a RuleError, never a RecursionError."""

    assert parse_rule("(" * 60 + "leads_staff_function" + ")" * 60) == B
    with pytest.raises(RuleError, match="nested more than 64 deep"):
        parse_rule("(" * 5000 + "leads_staff_function" + ")" * 5000)
    with pytest.raises(RuleError, match="nested more than 64 deep"):
        parse_rule("not " * 5000 + "leads_staff_function")
    data: object = "leads_staff_function"
    for _ in range(5000):
        data = {"not": data}
    with pytest.raises(RuleError, match="nested more than 64 deep"):
        rule_from_data(data)


def test_a_number_that_is_not_whole_says_so() -> None:
    with pytest.raises(RuleError, match=r"expected a whole number, found '2\.5'"):
        parse_rule("years_in_position >= 2.5")


def test_empty_junctions_are_rule_errors() -> None:

    with pytest.raises(RuleError, match="at least one rule"):
        all_of()
    with pytest.raises(RuleError, match="at least one rule"):
        any_of()
    with pytest.raises(UsageError, match="expected a Rule"):
        not_("reports_to_political_body")  # type: ignore[arg-type]


def test_predicate_problems_read_as_text() -> None:

    with pytest.raises(RuleError) as caught:
        predicate("reports_to_politcal_body")
    assert str(caught.value.problems[0]) == (
        "predicate 'reports_to_politcal_body': unknown predicate or field "
        "'reports_to_politcal_body' (did you mean 'reports_to_political_body'?)"
    )


AS_OF = dt.date(2025, 9, 1)


COLLABORATING = frozenset(m.code for m in county("05").municipalities[:6])


CTX = EvaluationContext(as_of=AS_OF, collaborating=COLLABORATING)


LAWS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def truth(rule: Rule, app: Application) -> Truth:
    return Truth.of(plan(rule).test(app, CTX)[0])


def explained(rule: Rule, app: Application) -> Truth:
    return plan(rule).explain(app, CTX, "r").result


def outcome(rule: Rule, app: Application) -> Outcome:
    return Outcome.of(truth(rule, app))


@LAWS
@given(eligibility_rules(), eligibility_rules(), rule_applications())
def test_adding_a_condition_to_all_of_never_makes_more_applicants_eligible(
    rule: Rule, extra: Rule, app: Application
) -> None:
    """If ``all_of(rule, extra)`` holds for an applicant, ``rule`` alone holds too.

    Asserted for every applicant, as Kleene logic orders the three truths (false below
    unknown below true): ``all_of(rule, extra)`` is never above ``rule``.
    """
    rank = {Truth.FALSE: 0, Truth.UNKNOWN: 1, Truth.TRUE: 2}
    assert rank[truth(all_of(rule, extra), app)] <= rank[truth(rule, app)]
    if outcome(all_of(rule, extra), app) is Outcome.ELIGIBLE:
        assert outcome(rule, app) is Outcome.ELIGIBLE


@LAWS
@given(eligibility_rules(), rule_applications())
def test_not_swaps_eligible_and_not_eligible_and_keeps_undetermined(
    rule: Rule, app: Application
) -> None:
    """``not_`` turns eligible into not eligible and back; undetermined stays undetermined."""
    swapped = {
        Outcome.ELIGIBLE: Outcome.NOT_ELIGIBLE,
        Outcome.NOT_ELIGIBLE: Outcome.ELIGIBLE,
        Outcome.UNDETERMINED: Outcome.UNDETERMINED,
    }
    assert outcome(not_(rule), app) is swapped[outcome(rule, app)]


@LAWS
@given(eligibility_rules(), rule_applications(complete=True), st.data())
def test_learning_a_missing_fact_never_flips_a_definite_outcome(
    rule: Rule, whole: Application, data: st.DataObject
) -> None:
    """A definite outcome on partial facts is the outcome once every fact is known."""
    partial = data.draw(forgetting(whole))
    before = outcome(rule, partial)
    if before is not Outcome.UNDETERMINED:
        assert outcome(rule, whole) is before


@LAWS
@given(eligibility_rules(), rule_applications())
def test_a_rule_printed_and_parsed_again_is_equal_and_decides_the_same(
    rule: Rule, app: Application
) -> None:
    """``parse_rule(str(rule)) == rule``, with the same hash and the same decision."""
    again = parse_rule(str(rule))
    assert again == rule
    assert hash(again) == hash(rule)
    assert str(again) == str(rule)
    assert truth(again, app) is truth(rule, app)


@LAWS
@given(eligibility_rules(), rule_applications())
def test_the_fast_path_and_the_explanation_agree(rule: Rule, app: Application) -> None:
    """Short-circuit evaluation and exhaustive explanation give the same truth."""
    assert truth(rule, app) is explained(rule, app)


@LAWS
@given(eligibility_rules(), eligibility_rules(), rule_applications())
def test_operators_are_the_factory_functions(a: Rule, b: Rule, app: Application) -> None:
    """``&``, ``|``, ``~`` decide as Kleene's AND, OR, NOT of the parts."""
    assert truth(a & b, app) is truth(a, app) & truth(b, app)
    assert truth(a | b, app) is truth(a, app) | truth(b, app)
    assert truth(~a, app) is ~truth(a, app)


@LAWS
@given(eligibility_rules())
def test_a_rule_as_data_and_back_is_equal(rule: Rule) -> None:
    """``rule_from_data(rule.to_data()) == rule``: the table form loses nothing."""
    assert rule_from_data(rule.to_data()) == rule


JUNK_DATA = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.text(max_size=30)
    | st.sampled_from(["all_of", "any_of", "not", "predicate", "field", "op", "value", "in"]),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "all_of",
                    "any_of",
                    "not",
                    "predicate",
                    "args",
                    "field",
                    "op",
                    "value",
                    "param",
                    "x",
                ]
            ),
            inner,
            max_size=3,
        )
    ),
    max_leaves=12,
)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=80), JUNK_DATA))
def test_junk_rules_raise_only_rule_errors(junk: object) -> None:
    """Any text or data either is a rule or raises RuleError with at least one problem."""
    readers: tuple[Callable[[Any], Rule], ...] = (parse_rule, rule_from_data)
    for read in readers:
        try:
            rule = read(junk)
        except RuleError as error:
            assert error.problems  # noqa: PT017  # the law is about what any junk raises
        else:
            assert parse_rule(str(rule)) == rule


def test_a_mistyped_rule_is_said_whole_in_swedish() -> None:
    """The commonest mistake, a misspelt name, in Swedish: summary, place, message, hint, caret."""
    with pytest.raises(RuleError) as caught:
        parse_rule("reports_to_politcal_body or leeds_staff_function")
    assert caught.value.render("sv") == (
        "ogiltig regel (2 problem)\n"
        "  - regel, kolumn 1: okänt predikat eller fält 'reports_to_politcal_body' "
        "(menade du 'reports_to_political_body'?)\n"
        "    reports_to_politcal_body or leeds_staff_function\n"
        "    ^^^^^^^^^^^^^^^^^^^^^^^^\n"
        "  - regel, kolumn 29: okänt predikat eller fält 'leeds_staff_function' "
        "(menade du 'leads_staff_function'?)\n"
        "    reports_to_politcal_body or leeds_staff_function\n"
        "                                ^^^^^^^^^^^^^^^^^^^^"
    )
    assert str(caught.value).splitlines()[:2] == [
        "invalid rule (2 problems)",
        "  - rule, column 1: unknown predicate or field 'reports_to_politcal_body' "
        "(did you mean 'reports_to_political_body'?)",
    ]


@pytest.mark.parametrize(
    ("text", "swedish"),
    [
        ("", "förväntade en regel, fick regelns slut"),
        ("(leads_staff_function", "förväntade ')', fick regelns slut"),
        (
            "leads_staff_function leads_staff_function",
            "förväntade 'and', 'or' eller regelns slut, fick 'leads_staff_function'",
        ),
        ("position @ 1", "oväntat tecken '@'"),
        ("position == '\\d'", "okänd escape-sekvens \\d i texten"),
        ("years_in_position >= 2.5", "förväntade ett heltal, fick '2.5'"),
        (
            "years_in_position >= 1234567890",
            "förväntade ett heltal med högst 9 siffror, fick 'XXXXXX-XX90'",
        ),
        (
            "position_kind in 'staff'",
            "position_kind in: förväntade en lista med värden av typen position-kind, "
            "fick texten 'staff'",
        ),
        (
            "position in []",
            "position in: förväntade en icke-tom lista med värden av typen position, "
            "fick en lista med 0 element",
        ),
        (
            "position == 'avdelningschefen'",
            "position ==: förväntade en befattning ur katalogen, fick texten 'avdelningschefen' "
            "(menade du 'avdelningschef'?)",
        ),
        (
            "position > 'strateg'",
            "position (position) kan inte jämföras med >; använd == , != , in eller not in",
        ),
        ("municipality_in_county", "municipality_in_county behöver argumentet 'county' (county)"),
        (
            "municipality_in_county(county='Östergötlandd')",
            "argumentet 'county' till municipality_in_county: förväntade en av Sveriges 21 "
            "länskoder eller länsnamn, fick texten 'Östergötlandd' (menade du Östergötlands län?)",
        ),
        (
            "municipality_in_county(county='05', county='06')",
            "argumentet 'county' anges två gånger",
        ),
        ("position", "'position' är ett fält: jämför det med ett värde (t.ex. position == …)"),
        (
            "leads_staff_function == true",
            "'leads_staff_function' är ett predikat, inte ett fält: det kan inte jämföras",
        ),
    ],
)
def test_each_kind_of_mistake_is_said_in_swedish(text: str, swedish: str) -> None:
    """The first problem of each kind of mistake, as a Swedish reader sees it."""
    with pytest.raises(RuleError) as caught:
        parse_rule(text)
    assert caught.value.problems[0].message_in("sv") == swedish


def test_an_unknown_argument_is_said_in_swedish_with_the_arguments_it_takes() -> None:
    with pytest.raises(RuleError) as caught:
        parse_rule("municipality_in_county(contry='05')")
    assert [p.message_in("sv") for p in caught.value.problems] == [
        "municipality_in_county har inget argument 'contry'; dess argument är county "
        "(menade du 'county'?)",
        "municipality_in_county behöver argumentet 'county' (county)",
    ]


@pytest.mark.parametrize(
    ("data", "swedish"),
    [
        (3, "förväntade en regel (text eller tabell), fick talet 3"),
        ({"predicate": 3}, "predicate tar ett namn och en args-tabell"),
        (
            {"field": "x"},
            "en jämförelse behöver field, op (en av ==, !=, in, not in, <, <=, >, >=) och value",
        ),
        ({"any_of": "x"}, "any_of tar en lista med regler"),
        ({"all_of": [], "x": 1}, "okänd nyckel 'x' i en all_of-tabell"),
        ({"all_of": [], "x": 1, "y": 2}, "okända nycklar 'x', 'y' i en all_of-tabell"),
        ({"any_of": []}, "tom any_of: den är aldrig uppfylld"),
        ({"all_of": []}, "tom all_of: det är inget villkor"),
        (
            {"all_of": [], "any_of": []},
            "en regeltabell har exakt en av all_of, any_of, not, predicate, field; "
            "fick all_of och any_of",
        ),
    ],
)
def test_a_rule_table_is_said_in_swedish(data: object, swedish: str) -> None:
    with pytest.raises(RuleError) as caught:
        rule_from_data(data)
    assert caught.value.problems[0].message_in("sv") == swedish


def test_calls_that_make_no_rule_are_said_in_swedish() -> None:
    with pytest.raises(RuleError) as empty:
        all_of()
    assert (
        empty.value.render("sv") == "ogiltig regel (1 problem)\n  - all_of: behöver minst en regel"
    )
    with pytest.raises(UsageError) as wrong:
        not_("reports_to_political_body")  # type: ignore[arg-type]
    assert wrong.value.render("sv") == "not_: förväntade en Rule, fick str"
    assert str(wrong.value) == "not_: expected a Rule, found str"
    with pytest.raises(RuleError) as missing:
        compare("years_in_position", ">=", "two")
    assert missing.value.render("sv") == (
        "ogiltig jämförelse (1 problem)\n"
        "  - jämförelsen av 'years_in_position': years_in_position >=: "
        "förväntade ett heltal, fick texten 'two'"
    )


@settings(max_examples=100, deadline=None)
@given(st.one_of(st.text(max_size=80), JUNK_DATA))
def test_every_problem_of_a_junk_rule_has_its_swedish(junk: object) -> None:
    """Law: whatever text or data a rule is read from, every problem it raises, and the
    summary, is worded in Swedish too: a Swedish reader never meets English alone."""
    readers: tuple[Callable[[Any], Rule], ...] = (parse_rule, rule_from_data)
    for read in readers:
        try:
            read(junk)
        except RuleError as error:
            assert error.summary_sv is not None  # noqa: PT017  # the law is about any junk
            assert all(p.message_sv is not None for p in error.problems)  # noqa: PT017


@pytest.mark.parametrize(
    "text",
    [
        "position in " + "[" * 1000 + "]" * 1000,
        "municipality_in_county(county=" + "[" * 1000 + "]" * 1000 + ")",
        "position in ['strateg', [[['x']]]]",
    ],
)
def test_a_list_in_a_list_is_refused_before_it_is_read(text: str) -> None:
    """Brackets nest no deeper than one list: however many, a RuleError at the first inner."""
    with pytest.raises(RuleError, match="expected a plain value in a list") as info:
        parse_rule(text)
    (problem,) = info.value.problems
    assert problem.column == text.index("[", text.index("[") + 1) + 1


def test_a_rule_built_in_python_nests_no_deeper_than_text_can() -> None:
    """Built by hand 3,000 deep: a RuleError when it passes the bound, never a RecursionError."""
    rule: Rule = B
    for _ in range(21):  # three levels each: 63 deep
        rule = not_(all_of(any_of(rule, A), C))
    deeper = any_of(rule, A)  # 64 deep
    with pytest.raises(RuleError, match="a rule nested more than 64 deep"):
        all_of(deeper, C)
    hand_built: Rule = B
    for _ in range(3000):  # as deep as anyone may build it: a RuleError, in time
        try:
            hand_built = not_(all_of(any_of(hand_built, A), C))
        except RuleError:
            break
    assert hand_built == rule
    assert parse_rule(str(rule)) == rule  # as deep as the bound, it prints and reads back
    assert rule_from_data(rule.to_data()) == rule
    with pytest.raises(RuleError, match="nested more than 64 deep"):
        AllOf((Not(rule), A))  # the classes themselves check, not only the functions


def test_text_within_tables_is_bounded_as_a_whole() -> None:
    """Tables and the text inside them, each within the bound, may not pass it together."""
    data: object = "not (is_chief_executive and " * 20 + "leads_staff_function" + ")" * 20
    for _ in range(30):
        data = {"not": {"all_of": [data, "is_chief_executive"]}}
    with pytest.raises(RuleError, match="a rule nested more than 64 deep"):
        rule_from_data(data)


def test_every_bad_item_of_a_list_is_reported_with_its_caret() -> None:
    text = "position in ['avdelningschefen', 'strateg', 'kontorschefen']"
    with pytest.raises(RuleError) as info:
        parse_rule(text)
    found = [(p.column, p.hint) for p in info.value.problems]
    assert found == [
        (text.index("'avdelningschefen'") + 1, "did you mean 'avdelningschef'?"),
        (text.index("'kontorschefen'") + 1, "did you mean 'kontorschef'?"),
    ]
    assert info.value.problems[1].excerpt is not None
    assert info.value.problems[1].excerpt.splitlines()[1].strip() == "^" * 15
    with pytest.raises(RuleError) as info:
        parse_rule("reports_to_political_body(kinds=['namd', 'styrelsen'])")
    assert len(info.value.problems) == 2
    with pytest.raises(RuleError) as info:  # the table form names each item too
        rule_from_data({"field": "position", "op": "in", "value": ["x1", "strateg", "x2"]})
    assert len(info.value.problems) == 2


@pytest.mark.parametrize(
    ("text", "message", "hint"),
    [
        ('position = "strateg"', "expected an operator", "did you mean '=='?"),
        ("years_in_position >= 3,5", "expected a whole number, found '3,5'", None),
        ("years_in_position >= 2025-01-01", "expected a whole number, found '2025-01-01'", None),
        ("years_in_position in [3-5]", "expected a whole number, found '3-5'", None),
        ("years_in_position >= 1_000", "expected a whole number, found '1_000'", "1000"),
        ("leads_staff_function adn is_chief_executive", "found 'adn'", "did you mean 'and'?"),
        ("leads_staff_function AND is_chief_executive", "found 'AND'", "did you mean 'and'?"),
        ("(leads_staff_function oor is_chief_executive)", "expected ')'", "did you mean 'or'?"),
        ("position in [strateg]", "expected a plain value in a list", 'quote text: "strateg"'),
    ],
)
def test_a_tired_authors_typos_get_a_hint(text: str, message: str, hint: str | None) -> None:
    with pytest.raises(RuleError) as info:
        parse_rule(text)
    (problem,) = info.value.problems
    assert message in problem.message
    assert problem.hint == hint or (hint is not None and hint in (problem.hint or ""))
    assert problem.message_sv is not None  # in Swedish too


def test_a_list_of_numbers_still_reads_with_commas() -> None:
    assert parse_rule("years_in_position in [3,5]") == compare("years_in_position", "in", [3, 5])


@pytest.mark.parametrize("name", ["min years", "or", "är_min", "1st"])
def test_a_parameter_name_no_rule_can_write_is_refused(name: str) -> None:
    """``param("or")`` would print as ``years_in_position >= or``, which reads as nothing."""
    with pytest.raises(RuleError, match="expected a name a rule can write") as info:
        compare("years_in_position", ">=", param(name))
    assert info.value.problems[0].message_sv is not None
    with pytest.raises(RuleError, match="expected a name a rule can write"):
        rule_from_data({"predicate": "municipality_in_county", "args": {"county": {"param": name}}})

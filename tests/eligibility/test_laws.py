"""Laws of the eligibility rules, checked with hypothesis over generated rules and applications."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledarskap.eligibility import (
    Decision,
    EvaluationContext,
    Outcome,
    Rule,
    Truth,
    all_of,
    default_ruleset,
    not_,
    parse_rule,
    rule_from_data,
)
from ledarskap.eligibility._evaluation import plan
from ledarskap.eligibility.messages import render_node
from ledarskap.errors import RuleError
from ledarskap.model import Application, Cohort, Collaboration, county
from ledarskap.testing import eligibility_rules, forgetting, rule_applications

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
    """If ``all_of(rule, extra)`` holds for an applicant, ``rule`` alone holds too."""
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
@given(rule_applications(), st.dates(dt.date(2000, 1, 1), dt.date(2040, 12, 31)))
def test_evaluation_never_raises_on_a_valid_application(app: Application, day: dt.date) -> None:
    """The default rule set decides every valid application on every date, and explains it."""
    decision = default_ruleset().evaluate(app, as_of=day)
    assert decision.outcome in Outcome
    assert decision.render("sv")
    assert decision.render("en", tree=True)
    assert type(decision).from_data(decision.to_data()) == decision


@LAWS
@given(rule_applications())
def test_a_not_eligible_decision_always_has_a_reason(app: Application) -> None:
    """Every "no" and every "undetermined" says why; an unknown never hides a definite no."""
    decision = default_ruleset().evaluate(app, as_of=AS_OF)
    if decision.outcome is not Outcome.ELIGIBLE:
        assert decision.reasons
    if decision.outcome is Outcome.NOT_ELIGIBLE:
        assert all(r.result is not Truth.UNKNOWN for r in decision.reasons)


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


@LAWS
@given(eligibility_rules(), rule_applications(), st.sampled_from(["sv", "en"]))
def test_every_node_renders_to_words(rule: Rule, app: Application, language: str) -> None:
    """Every node of every tree has a text in both languages, with no placeholder left."""

    tree = plan(rule).explain(app, CTX, "r")
    facts = {"position": app.position.slug} if app.position else {}
    for node in tree.walk():
        if node.children:
            continue
        text = render_node(node, language, facts=facts)  # type: ignore[arg-type]
        assert text
        assert "{" not in text
        assert "}" not in text


@settings(max_examples=150, deadline=None)
@given(rule_applications(), st.data())
def test_junk_decision_data_raises_only_rule_errors(app: Application, data: st.DataObject) -> None:
    """Decision data with any one value replaced by junk reads back or raises RuleError."""

    good = default_ruleset().evaluate(app, as_of=AS_OF).to_data()
    junk = data.draw(JUNK_DATA)
    key = data.draw(st.sampled_from(sorted(good)))
    broken = dict(good) | {key: junk}
    if data.draw(st.booleans()) and good["rules"]:
        rules = [dict(r) for r in good["rules"]]
        tree = dict(rules[0]["tree"])
        tree[data.draw(st.sampled_from(sorted(tree)))] = junk
        rules[0]["tree"] = tree
        broken = dict(good) | {"rules": rules}
    try:
        Decision.from_data(broken)
    except RuleError as error:
        assert error.problems  # noqa: PT017  # the law is about what any junk raises


_DEFAULT = default_ruleset()
_COHORT = Cohort(
    id="c-1",
    program_id="liko",
    name="Omgång",
    start=AS_OF,
    end=AS_OF + dt.timedelta(days=300),
    collaborations=[Collaboration(municipality=code) for code in sorted(COLLABORATING)],
)


@LAWS
@given(rule_applications(complete=True), st.data(), st.booleans())
def test_learning_a_missing_fact_never_flips_a_whole_decision(
    whole: Application, data: st.DataObject, with_cohort: bool
) -> None:
    """The law above for the default rule set, required and advisory rules together, with
    and without the cohort (the collaborating municipalities unknown without it)."""
    partial = data.draw(forgetting(whole))
    options: dict[str, Any] = {"cohort": _COHORT} if with_cohort else {"as_of": AS_OF}
    before = _DEFAULT.evaluate(partial, **options).outcome
    if before is not Outcome.UNDETERMINED:
        assert _DEFAULT.evaluate(whole, **options).outcome is before

"""Decisions: explained when read, compared, frozen, and read back from their data."""

from __future__ import annotations

import copy
import datetime as dt
import json
import pickle
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledarskap.eligibility import (
    Decision,
    DecisionNode,
    Outcome,
    RuleResult,
    RuleSet,
    Truth,
    default_ruleset,
)
from ledarskap.eligibility.decisions import leaves_explaining
from ledarskap.errors import RuleError
from ledarskap.model import Application
from ledarskap.testing import rule_applications

from ._cases import AS_OF, COHORT, application
from .test_pickle import rule_sets


def decide(app: Application) -> Decision:
    return default_ruleset().evaluate(app, cohort=COHORT)


def test_a_decision_records_versions_and_round_trips_as_json() -> None:
    decision = decide(application(municipality="Motala", title="Avdelningschef", reports_to=[]))
    assert decision.as_of == COHORT.start
    assert decision.rule_versions == {
        "role": "2010-01-01",
        "collaborating-municipality": "2010-01-01",
        "not-chief-executive": "2010-01-01",
        "suggested-positions": "2010-01-01",
    }
    data = json.loads(json.dumps(decision.to_data()))
    assert data["format"] == "ledarskap.decision/1"
    again = Decision.from_data(data)
    assert again == decision
    assert again.render("sv", tree=True) == decision.render("sv", tree=True)


def test_the_tree_mirrors_the_rule() -> None:
    decision = decide(application(municipality="Motala", title="Avdelningschef", reports_to=[]))
    role = decision.rules[0].tree
    assert role is not None
    assert role.code == "any_of"
    assert [c.path for c in role.children] == ["role[0]", "role[1]", "role[2]"]
    strateg = role.children[2]
    assert [c.code for c in strateg.children] == ["position.eq", "works_in_central_administration"]
    assert strateg.children[0].seen == "avdelningschef"
    assert strateg.children[0].expected == "strateg"
    assert decision.tree.children[0] is role


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ([1], "$: expected a table, found a list of 1 items"),
        ({"format": "ledarskap.decision/1", "outcome": "maybe"}, "$.outcome: expected one of"),
        ({"format": "ledarskap.decision/1", "as_of": "2025-13-01"}, "$.as_of: expected a date"),
        (
            {"format": "ledarskap.decision/1", "rules": [{"id": "x"}]},
            "$.rules[0].version: expected a value, found none",
        ),
        ({"format": "ledarskap.decision/9"}, "$.format: expected 'ledarskap.decision/1'"),
    ],
)
def test_unreadable_decision_data_is_located(data: object, problem: str) -> None:
    """Each problem of decision data names its path and what was expected, no Python internals."""
    with pytest.raises(RuleError) as caught:
        Decision.from_data(data)
    assert any(str(p).startswith(problem) for p in caught.value.problems), caught.value
    assert "Error(" not in str(caught.value)


def test_unreadable_decision_data_names_every_path_inside_the_tree() -> None:
    app = application(municipality="Motala", title="Avdelningschef", reports_to=[])
    data = default_ruleset().evaluate(app, cohort=COHORT).to_data()
    data["outcome"] = "maybe"
    data["rules"][0]["tree"]["children"][1]["result"] = "yes"
    data["rules"][1]["valid_from"] = "2010-13-01"
    data["reasons"] = [3]
    with pytest.raises(RuleError) as caught:
        Decision.from_data(data)
    assert [str(p) for p in caught.value.problems] == [
        "$.outcome: expected one of eligible, not-eligible, undetermined, found text 'maybe'",
        "$.rules[0].tree.children[1].result: expected one of true, false, unknown, found text 'yes'",
        "$.rules[1].valid_from: expected a date YYYY-MM-DD, found text '2010-13-01'",
        "$.reasons[0]: expected a table, found the number 3",
    ]
    with pytest.raises(RuleError, match=r"\$: expected a table, found text 'a decision'"):
        Decision.from_data("a decision")
    with pytest.raises(RuleError, match=r"\$.children\[0\]: expected a table"):
        DecisionNode.from_data({"path": "r", "code": "all_of", "result": "true", "children": [1]})


def test_a_decision_from_a_bulk_evaluation_is_explained_when_first_read() -> None:
    """The outcome is there at once; the rest is made on first reading, then kept."""
    app = application(municipality="Motala", title="Avdelningschef", reports_to=[])
    (lazy,) = default_ruleset().evaluate_many([app], cohort=COHORT)
    assert lazy.outcome is Outcome.UNDETERMINED  # whether a staff function is led is not known
    assert lazy.reasons is lazy.reasons  # made once
    assert lazy == decide(app)
    assert lazy.explain() is lazy
    assert lazy.explain().rules == decide(app).rules


def test_a_decision_is_a_frozen_value() -> None:
    """Decisions compare by everything but their facts, and cannot be changed."""
    made = decide(application(municipality="Motala", title="Strateg"))
    same = Decision(
        outcome=made.outcome,
        as_of=made.as_of,
        ruleset=made.ruleset,
        ruleset_version=made.ruleset_version,
        application_id=made.application_id,
        rules=made.rules,
        reasons=made.reasons,
        warnings=made.warnings,
        missing_facts=made.missing_facts,
    )
    assert same == made
    assert same.facts == {}
    assert made != "a decision"
    assert made.eligible is (made.outcome is Outcome.ELIGIBLE)
    assert repr(made).startswith("Decision(outcome=<Outcome.")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        made.outcome = Outcome.ELIGIBLE  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        del made.as_of
    plain = Decision(
        outcome=Outcome.ELIGIBLE, as_of=dt.date(2025, 9, 1), ruleset="r", ruleset_version="1"
    )
    assert hash(plain) == hash(
        Decision(
            outcome=Outcome.ELIGIBLE, as_of=dt.date(2025, 9, 1), ruleset="r", ruleset_version="1"
        )
    )


def test_nodes_and_results_read_back_from_their_data() -> None:
    """A node and a rule's result are read back from what they write, alone too."""
    made = decide(application(municipality="Motala", title="Avdelningschef", reports_to=[]))
    result = made.rules[0]
    assert RuleResult.from_data(json.loads(json.dumps(result.to_data()))) == result
    assert result.tree is not None
    assert DecisionNode.from_data(result.tree.to_data()) == result.tree
    with pytest.raises(RuleError, match=r"\$.level: expected one of required, advisory"):
        RuleResult.from_data(result.to_data() | {"level": "mandatory"})


def test_decision_data_nested_too_deep_is_refused() -> None:
    """A tree nested absurdly deep is a RuleError, never a RecursionError."""
    node: dict[str, Any] = {"path": "r", "code": "not", "result": "true"}
    for _ in range(300):
        node = {"path": "r", "code": "not", "result": "true", "children": [node]}
    with pytest.raises(RuleError, match="nested more than 408 deep"):
        DecisionNode.from_data(node)
    rule = {"id": "r", "version": "1", "level": "required", "result": "true", "tree": node}
    with pytest.raises(RuleError, match="nested more than 408 deep"):
        Decision.from_data({"format": "ledarskap.decision/1", "rules": [rule]})
    with pytest.raises(RuleError, match=r"\$.children: expected a list, found text 'x'"):
        DecisionNode.from_data({"path": "r", "code": "not", "result": "true", "children": "x"})


def test_the_leaves_that_explain_a_result() -> None:
    """Below ``not`` the leaf with the opposite result explains it; below junctions, alike."""
    leaf = DecisionNode(path="r[0]", code="leads_staff_function", result=Truth.TRUE)
    negated = DecisionNode(path="r", code="not", result=Truth.FALSE, children=(leaf,))

    assert leaves_explaining(negated, Truth.FALSE) == [leaf]


def test_a_decision_pickles_and_copies_explained() -> None:
    """A decision travels to another process, or is copied, with its explanation made."""

    app = application(municipality="Motala", title="Avdelningschef", reports_to=[])
    (lazy,) = default_ruleset().evaluate_many([app], cohort=COHORT)
    again = pickle.loads(pickle.dumps(lazy))  # our own data
    assert again == lazy
    assert again.facts == lazy.facts
    assert copy.deepcopy(lazy) == lazy


LAWS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@LAWS
@given(rule_sets(), rule_applications(), st.dates(dt.date(2010, 1, 1), dt.date(2030, 12, 31)))
def test_every_decision_round_trips_as_json(rules: RuleSet, app: Application, day: dt.date) -> None:
    """Law: a decision's data, through JSON, reads back to an equal decision that renders
    the same, in both languages, its tree too (rule sets with parameters in use among them)."""
    try:
        decision = rules.evaluate(app, as_of=day)
    except RuleError:  # no required rule in force that day: nothing decided
        return
    again = Decision.from_data(json.loads(json.dumps(decision.to_data())))
    assert again == decision
    for language in ("sv", "en"):
        assert again.render(language, tree=True) == decision.render(language, tree=True)


@LAWS
@given(st.one_of(rule_applications(complete=True), rule_applications()))
def test_a_not_eligible_decision_always_has_a_reason(app: Application) -> None:
    """Every "no" and every "undetermined" says why; an unknown never hides a definite no."""
    decision = default_ruleset().evaluate(app, as_of=AS_OF)
    if decision.outcome is not Outcome.ELIGIBLE:
        assert decision.reasons
    if decision.outcome is Outcome.NOT_ELIGIBLE:
        assert all(r.result is not Truth.UNKNOWN for r in decision.reasons)


JUNK_DATA = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.text(max_size=30)
    | st.sampled_from(["true", "false", "unknown", "eligible", "required", "r[0]"]),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(["path", "code", "result", "rule", "children", "tree", "x"]),
            inner,
            max_size=3,
        )
    ),
    max_leaves=12,
)
"""Junk in the shapes of decision data: its words, its keys, nested."""


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


@pytest.mark.parametrize("written", ["20250901", " 2025-09-01", "2025-W36-1", "2025-09-01T00:00"])
def test_decision_data_reads_dates_as_documents_do(written: str) -> None:
    """One date form for every file: YYYY-MM-DD, nothing else."""
    app = application(municipality="Motala", title="Avdelningschef", reports_to=[])
    data = default_ruleset().evaluate(app, cohort=COHORT).to_data()
    data["as_of"] = written
    with pytest.raises(RuleError) as caught:
        Decision.from_data(data)
    assert [str(p) for p in caught.value.problems] == [
        f"$.as_of: expected a date YYYY-MM-DD, found text {written!r}"
    ]


def test_unreadable_decision_data_is_said_in_swedish() -> None:
    app = application(municipality="Motala", title="Avdelningschef", reports_to=[])
    data = default_ruleset().evaluate(app, cohort=COHORT).to_data()
    data["outcome"] = "maybe"
    data["rules"][1]["valid_from"] = "2010-13-01"
    data["reasons"] = [3]
    with pytest.raises(RuleError) as caught:
        Decision.from_data(data)
    assert caught.value.render("sv") == (
        "inte ett beslut (3 problem)\n"
        "  - $.outcome: förväntade en av eligible, not-eligible, undetermined, fick texten 'maybe'\n"
        "  - $.rules[1].valid_from: förväntade ett datum ÅÅÅÅ-MM-DD, fick texten '2010-13-01'\n"
        "  - $.reasons[0]: förväntade en tabell, fick talet 3"
    )
    with pytest.raises(RuleError) as caught:
        Decision.from_data({"format": "ledarskap.decision/9"})
    assert caught.value.render("sv") == (
        "inte ett beslut (1 problem)\n"
        "  - $.format: förväntade 'ledarskap.decision/1', fick texten 'ledarskap.decision/9'"
    )
    assert str(caught.value).splitlines()[0] == "not a decision (1 problem)"


def test_a_node_or_result_read_back_says_what_it_is_not_in_swedish() -> None:
    with pytest.raises(RuleError) as node:
        DecisionNode.from_data([1])
    assert node.value.render("sv") == (
        "inte en beslutsnod (1 problem)\n  - $: förväntade en tabell, fick en lista med 1 element"
    )
    with pytest.raises(RuleError) as result:
        RuleResult.from_data({"id": "r", "version": "1", "level": "must", "result": "true"})
    assert result.value.render("sv") == (
        "inte ett regelresultat (1 problem)\n"
        "  - $.level: förväntade en av required, advisory, fick texten 'must'"
    )
    deep: object = {}
    for _ in range(300):
        deep = {"children": [deep]}
    with pytest.raises(RuleError) as nested:
        DecisionNode.from_data(deep)
    assert nested.value.problems[0].message_in("sv") == (
        "tabeller och listor nästlade djupare än 408 nivåer"
    )

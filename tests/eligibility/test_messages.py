"""The message catalogue: decisions in Swedish and English, and nothing else."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledarskap.eligibility import (
    EvaluationContext,
    Rule,
    Truth,
    default_ruleset,
    parse_ruleset,
)
from ledarskap.eligibility._evaluation import plan
from ledarskap.eligibility.messages import join, render_node, render_reason
from ledarskap.errors import InvalidValueError
from ledarskap.model import Application, county
from ledarskap.testing import eligibility_rules, rule_applications

from ._cases import AS_OF, COHORT, application


def test_an_unknown_language_is_refused_not_english() -> None:
    app = Application(id="a-1", person_id="p-1", cohort_id="c-1", submitted=dt.date(2025, 4, 1))
    decision = default_ruleset().evaluate(app, as_of=dt.date(2025, 9, 1))
    with pytest.raises(InvalidValueError, match="language"):
        decision.render("de")  # type: ignore[arg-type]
    summary = default_ruleset().evaluate_many([app], as_of=dt.date(2025, 9, 1)).summary
    with pytest.raises(InvalidValueError, match="language"):
        summary.render("de")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "call",
    [
        lambda d, r: d.render("sv ", tree=True),
        lambda d, r: render_node(d.reasons[0], "de"),  # type: ignore[arg-type]
        lambda d, r: render_reason(d.reasons, "de"),  # type: ignore[arg-type]
        lambda d, r: join(["a", "b"], "EN"),  # type: ignore[arg-type]
        lambda d, r: d.outcome.label("de"),
        lambda d, r: Truth.TRUE.label("fi"),  # type: ignore[arg-type]
        lambda d, r: r.entries[0].title("de"),
        lambda d, r: r.registry.get_predicate("leads_staff_function").texts("de"),
        lambda d, r: r.registry.get_field("position").label(None),
    ],
)
def test_every_text_of_eligibility_refuses_an_unknown_language(call: Any) -> None:
    """Nowhere does an unknown language silently give English."""
    app = application(municipality="Motala", title="Avdelningschef", reports_to=[])
    rules = default_ruleset()
    decision = rules.evaluate(app, cohort=COHORT)
    with pytest.raises(InvalidValueError) as caught:
        call(decision, rules)
    assert str(caught.value).startswith("language: expected 'sv' or 'en', found ")


COLLABORATING = frozenset(m.code for m in county("05").municipalities[:6])


CTX = EvaluationContext(as_of=AS_OF, collaborating=COLLABORATING)


LAWS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


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


_NO_VALUE_YET = """
format = "ledarskap.rules/1"
id = "d"
version = "1"
[parameters.min]
type = "integer"
values = { 2026-01-01 = 2 }
[parameters.county]
type = "county"
values = { 2026-01-01 = "05" }
[[rules]]
id = "r"
when = "years_in_position >= min"
[[rules]]
id = "c"
when = "municipality_in_county(county=county)"
"""


def test_a_parameter_with_no_value_on_the_day_is_named_as_the_reason() -> None:
    """Not "the years in the position: not known" (they are), nor "lies in None"."""
    rules = parse_ruleset(_NO_VALUE_YET)
    app = application(in_position_since=dt.date(2020, 1, 1), municipality="Linköping")
    day = dt.date(2025, 6, 1)
    decision = rules.evaluate(app, as_of=day)
    assert decision.render("en").splitlines()[0] == (
        "Undetermined: the parameter 'min' has no value on 2025-06-01, "
        "and the parameter 'county' has no value on 2025-06-01"
    )
    assert decision.render("sv").splitlines()[0] == (
        "Obestämd: parametern 'min' har inget värde den 2025-06-01, "
        "och parametern 'county' har inget värde den 2025-06-01"
    )
    tree = decision.render("en", tree=True)
    assert "Missing facts: the parameter 'min', the parameter 'county'" in tree
    assert "None" not in tree
    assert "not known" not in tree
    summary = rules.evaluate_many([app], as_of=day).summary.render("en")
    assert "1 × the parameter 'min' has no value on the date decided for" in summary
    assert "1 × the parameter 'county'" in summary
    unknown = rules.evaluate(application(municipality="Linköping"), as_of=day)
    assert "the years in the position: not known, and the parameter 'min' has no value" in (
        unknown.render("en")
    )

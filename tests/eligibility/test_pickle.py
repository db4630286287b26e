"""Rule sets, bulk results and decisions pickle and copy, so that they cross process pools.

A rule set is compiled to closures, which do not pickle: it pickles as what it is made of
and is compiled again where it is unpickled. Its registry holds functions: it pickles as
the ``module:name`` that holds it. A bulk result makes its decisions first, as a decision
does.
"""

from __future__ import annotations

import concurrent.futures
import copy
import datetime as dt
import functools
import importlib
import json
import multiprocessing
import pickle
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ledarskap
from ledarskap.eligibility import (
    BulkResult,
    Check,
    Parameter,
    PredicateRegistry,
    RuleEntry,
    RuleLevel,
    RuleSet,
    Texts,
    any_of,
    compare,
    default_registry,
    default_ruleset,
    not_,
    param,
    parse_rule,
    parse_ruleset,
)
from ledarskap.eligibility.compiled import CompiledRuleSet
from ledarskap.eligibility.predicates import registry_or_builtin
from ledarskap.errors import UsageError
from ledarskap.model import Application, county
from ledarskap.testing import eligibility_rules, rule_applications

from ._cases import AS_OF, COHORT, application

LAWS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_TEXTS = Texts(true="ja", false="nej", unknown="okänt")

REGISTRY = default_registry()
"""A registry of another tool: a module holds it, so it pickles by its name."""


@REGISTRY.predicate(
    "applied_before",
    description="The application came in before a date.",
    sv=_TEXTS,
    en=_TEXTS,
    arguments={"day": "date"},
)
def _applied_before(application: Application, context: object, *, day: dt.date) -> Check:
    return Check(application.submitted < day, seen=application.submitted, expected=day)


_CUSTOM = parse_ruleset(
    'format = "ledarskap.rules/1"\nid = "early"\nversion = "2"\ntitle = "Tidigt"\n'
    '[[rules]]\nid = "early"\nwhen = \'applied_before(day="2025-05-01") and '
    "employed_by_collaborating_municipality'\n",
    source="early.rules.toml",
    registry=REGISTRY,
)

_CODES = [m.code for m in county("05").municipalities]


@st.composite
def rule_sets(draw: st.DrawFn) -> RuleSet:
    """Rule sets of generated rules: levels, windows, a parameter, a title and a source."""
    rules = draw(st.lists(eligibility_rules(max_leaves=4), min_size=1, max_size=3))
    days = st.none() | st.dates(dt.date(2010, 1, 1), dt.date(2030, 12, 31))
    entries = []
    for index, rule in enumerate(rules):
        start, end = draw(days), draw(days)
        if start is not None and end is not None and end <= start:
            start, end = end, (None if end == start else start)
        entries.append(
            RuleEntry(
                id=f"rule-{index}",
                rule=rule,
                level=draw(st.sampled_from(RuleLevel)),
                valid_from=start,
                valid_to=end,
                title_sv=draw(st.none() | st.sampled_from(["Roll", "Kommun"])),
                title_en=draw(st.none() | st.sampled_from(["Role", "Municipality"])),
            )
        )
    towns = draw(st.lists(st.sampled_from(_CODES), min_size=1, max_size=4, unique=True))
    collaborating = Parameter(
        "collaborating_municipalities",
        {None: tuple(sorted(towns))},  # normalised: a list of municipalities is sorted
        description="Samverkande kommuner",
        type_name="list[municipality]",
    )
    with_parameter = draw(st.booleans())
    if with_parameter and draw(st.booleans()):  # and a rule that names it, in some windows
        network = param("collaborating_municipalities")
        entries.append(
            RuleEntry(
                id="in-network",
                rule=draw(
                    st.sampled_from(
                        [
                            compare("municipality", "in", network),
                            not_(compare("municipality", "in", network)),
                            any_of(compare("municipality", "in", network), rules[0]),
                        ]
                    )
                ),
                level=draw(st.sampled_from(RuleLevel)),
            )
        )
    return RuleSet(
        id=draw(st.sampled_from(["demo", "network.2026"])),
        version=draw(st.sampled_from(["1", "2025.10"])),
        entries=entries,
        parameters=[collaborating] if with_parameter else [],
        title=draw(st.sampled_from(["", "Målgruppen"])),
        source=draw(st.none() | st.just("demo.rules.toml")),
        registry=draw(st.sampled_from([None, registry_or_builtin(None)])),
    )


def _same(again: RuleSet, rules: RuleSet) -> None:
    """*again* is *rules*: equal, and so what equality leaves out (title, source, registry)."""
    assert again == rules
    assert hash(again) == hash(rules)
    assert (again.title, again.source, again.registry) == (
        rules.title,
        rules.source,
        rules.registry,
    )
    assert again.to_data() == rules.to_data()
    assert [(e.title_sv, e.title_en) for e in again.entries] == [
        (e.title_sv, e.title_en) for e in rules.entries
    ]
    for name, parameter in rules.parameters.items():
        copied = again.parameters[name]
        assert (copied.description, copied.type_name) == (
            parameter.description,
            parameter.type_name,
        )


@LAWS
@given(rule_sets(), st.lists(rule_applications(), min_size=1, max_size=4), st.data())
def test_a_pickled_or_copied_rule_set_is_the_rule_set_and_decides_alike(
    rules: RuleSet, applications: list[Application], data: st.DataObject
) -> None:
    """A rule set pickled, copied or deep-copied is equal to it, keeps its title, source and
    registry, and decides every application, on every date, as it does."""
    day = data.draw(st.dates(dt.date(2009, 1, 1), dt.date(2031, 12, 31)))
    copies = [pickle.loads(pickle.dumps(rules)), copy.copy(rules), copy.deepcopy(rules)]
    for again in copies:
        _same(again, rules)
        for app in applications:
            for cohort in (None, COHORT):
                options: dict[str, Any] = {"as_of": day, "cohort": cohort}
                assert again.evaluate(app, **options) == rules.evaluate(app, **options)
        many = rules.evaluate_many(applications, as_of=day)
        assert again.evaluate_many(applications, as_of=day).decisions == many.decisions
    assert copies[2].registry is rules.registry  # a copy shares the vocabulary


@LAWS
@given(rule_sets())
def test_a_rule_set_read_back_from_its_data_is_the_rule_set(rules: RuleSet) -> None:
    """``to_data()`` written as JSON and parsed again gives an equal rule set, with its title,
    and the source and registry it is parsed with."""
    text = json.dumps(rules.to_data())
    again = parse_ruleset(text, syntax="json", source=rules.source, registry=rules.registry)
    _same(again, _as_parsed(rules))


def _as_parsed(rules: RuleSet) -> RuleSet:
    """*rules* with the registry parsing gives it (the built-in one for ``None``)."""
    return RuleSet(
        id=rules.id,
        version=rules.version,
        entries=rules.entries,
        parameters=rules.parameters,
        title=rules.title,
        source=rules.source,
        registry=registry_or_builtin(rules.registry),
    )


def test_the_default_rule_set_pickles_with_its_source_and_version() -> None:
    rules = default_ruleset()
    again = pickle.loads(pickle.dumps(rules))
    _same(again, rules)
    assert (again.id, again.version, again.source) == (
        "ledarskap-i-kommuner",
        "2025.1",
        "default-rules.toml",
    )
    assert again.registry is rules.registry  # the built-in registry, by its name
    assert again is not rules


def test_a_rule_set_of_another_tools_registry_pickles_by_the_registrys_name() -> None:
    """The registry is found in the module that holds it, and imported again by its name."""
    again = pickle.loads(pickle.dumps(_CUSTOM))
    _same(again, _CUSTOM)
    assert again.registry is REGISTRY
    app = application(municipality="Linköping", submitted=dt.date(2025, 4, 1))
    assert again.evaluate(app, cohort=COHORT) == _CUSTOM.evaluate(app, cohort=COHORT)
    assert again.evaluate(app, cohort=COHORT).eligible
    assert pickle.loads(pickle.dumps(REGISTRY)) is REGISTRY
    assert f"{__name__}:REGISTRY".encode() in pickle.dumps(_CUSTOM)


def test_a_registry_no_module_holds_cannot_be_pickled_and_says_why() -> None:
    registry = default_registry()  # a local name only
    registry.predicate("anything", description="", sv=_TEXTS, en=_TEXTS)(
        lambda application, context: Check(True)
    )
    rules = RuleSet(
        id="local",
        version="1",
        entries=[RuleEntry(id="r", rule=parse_rule("anything", registry=registry))],
        registry=registry,
    )
    for value in (registry, rules, rules.evaluate_many([application()], as_of=AS_OF)):
        with pytest.raises(UsageError, match="no module holds it") as raised:
            pickle.dumps(value)
        assert isinstance(raised.value, TypeError)  # as pickle's own errors are
    assert str(raised.value).startswith(
        "cannot pickle <PredicateRegistry: 7 fields, 7 predicates>: it holds functions, so it "
        "is pickled as the module-level name that holds it (module:name, as the pytest "
        "plugin's rule_registry)"
    )
    assert raised.value.render("sv").startswith("<PredicateRegistry: 7 fields, 7 predicates> kan")
    # Copies need no name: they share the registry, or copy it.
    assert copy.deepcopy(rules) == rules
    assert copy.deepcopy(rules).registry is registry
    copied = copy.deepcopy(registry)
    assert copied is not registry
    assert copied.predicates == registry.predicates
    copied.predicate("more", description="", sv=_TEXTS, en=_TEXTS)(
        lambda application, context: Check(True)
    )
    assert "more" not in registry


def test_a_copied_registry_keeps_its_entries_and_whether_it_is_frozen() -> None:
    builtin = registry_or_builtin(None)
    for copied in (copy.copy(builtin), copy.deepcopy(builtin)):
        assert copied is not builtin
        assert copied.predicates == builtin.predicates
        assert copied.fields == builtin.fields
        with pytest.raises(ValueError, match="frozen"):
            copied.register(builtin.predicates["leads_staff_function"])
    assert pickle.loads(pickle.dumps(builtin)) is builtin


def test_a_registry_named_wrongly_says_so_when_unpickled(monkeypatch: pytest.MonkeyPatch) -> None:
    data = pickle.dumps(_CUSTOM)
    monkeypatch.setattr(sys.modules[__name__], "REGISTRY", "not a registry")
    with pytest.raises(UsageError, match=r"REGISTRY': expected a PredicateRegistry, found str"):
        pickle.loads(data)
    monkeypatch.delattr(sys.modules[__name__], "REGISTRY")
    with pytest.raises(UsageError, match=r"cannot load the PredicateRegistry '.*:REGISTRY'"):
        pickle.loads(data)


@pytest.mark.parametrize("explain", [True, False])
@pytest.mark.parametrize("read", [0, 1, 4])
def test_a_bulk_result_pickles_and_copies_with_its_decisions_made(explain: bool, read: int) -> None:
    """However many decisions were read, a copy has them all: equal, summarised alike."""
    program = ledarskap.example_program()
    cohort = program.cohorts[0]
    applications = program.applications_to(cohort.id)
    result = _CUSTOM.evaluate_many(applications, cohort=cohort, program=program, explain=explain)
    for index in range(read):
        result[index]  # made when read
    for again in (pickle.loads(pickle.dumps(result)), copy.deepcopy(result)):
        assert isinstance(again, BulkResult)
        assert again.explained  # decided with a program: every decision made first
        assert again.applications == result.applications
        assert again.outcomes == result.outcomes
        assert again.decisions == result.decisions
        assert list(again) == list(result)
        assert again[-1] == result[-1]
        assert again.summary == result.summary
        assert again.summary.render("en") == result.summary.render("en")
        assert repr(again) == repr(result)
        assert again.eligible() == result.eligible()
    assert pickle.loads(pickle.dumps(result.summary)) == result.summary


def test_a_bulk_result_without_explanations_pickles_without_making_its_decisions() -> None:
    """Those read go as they are; the others are made where it is unpickled, alike."""
    program = ledarskap.example_program()
    cohort = program.cohorts[0]
    applications = program.applications_to(cohort.id)
    result = _CUSTOM.evaluate_many(applications, cohort=cohort, explain=False)
    first = result[0]
    data = pickle.dumps(result)
    assert not result.explained  # nor explained to be pickled: the rules go instead
    assert _someone_else(program).encode() not in data  # the cohort goes, not the program
    again = pickle.loads(data)
    assert not again.explained
    assert again[0] == first
    assert again.decisions == result.decisions
    assert [d.reasons for d in again] == [d.reasons for d in result]
    assert again.explained
    twice = pickle.loads(pickle.dumps(again))  # unpickled, then pickled again
    assert twice.decisions == result.decisions


def test_a_bulk_result_decided_with_a_program_pickles_its_decisions_made() -> None:
    """The program would be too large to send in their place: the decisions go."""
    program = ledarskap.example_program()
    result = _CUSTOM.evaluate_many(program.applications, program=program, explain=False)
    data = pickle.dumps(result)
    assert result.explained
    assert _someone_else(program).encode() not in data  # nor the program
    assert pickle.loads(data).decisions == result.decisions


def _someone_else(program: ledarskap.ProgramData) -> str:
    """The family name of someone in *program* who did not apply (a mentor, say)."""
    applied = {a.person_id for a in program.applications}
    return next(p.family_name for p in program.people if p.id not in applied)


def test_a_bulk_result_of_the_default_rules_round_trips_after_its_summary() -> None:
    rules = default_ruleset()
    apps = [application(id=f"ans-{i}", municipality=m) for i, m in enumerate(_CODES[:5])]
    result = rules.evaluate_many(apps, cohort=COHORT)
    summary = result.summary
    again = pickle.loads(pickle.dumps(result))
    assert again.summary == summary
    assert again.summary.render("sv") == summary.render("sv")


def test_a_decision_of_a_bulk_result_pickles_alone() -> None:
    """A decision read from a bulk result, not yet explained, pickles explained."""
    rules = default_ruleset()
    result = rules.evaluate_many([application(municipality="Motala")], cohort=COHORT)
    decision = result[0]
    again = pickle.loads(pickle.dumps(decision))
    assert again == decision == rules.evaluate(application(municipality="Motala"), cohort=COHORT)
    assert again.render("en") == decision.render("en")


def test_a_compiled_rule_set_pickles_though_deprecated() -> None:
    with pytest.warns(DeprecationWarning, match=r"RuleSet.compile\(\) is deprecated"):
        compiled = default_ruleset().compile()
    for again in (pickle.loads(pickle.dumps(compiled)), copy.deepcopy(compiled)):
        assert isinstance(again, CompiledRuleSet)
        assert again.ruleset == compiled.ruleset
        with pytest.warns(DeprecationWarning, match="CompiledRuleSet.evaluate"):
            decided = again.evaluate(application(municipality="Motala"), cohort=COHORT)
        assert decided == default_ruleset().evaluate(
            application(municipality="Motala"), cohort=COHORT
        )


_VOCABULARY = """
from ledarskap.eligibility import Check, Texts, default_registry

texts = Texts(true="i Linköping", false="inte i Linköping", unknown="okänd kommun")
registry = default_registry()


@registry.predicate("in_linkoping", description="Works in Linköping.", sv=texts, en=texts)
def in_linkoping(application, context):
    town = application.municipality
    return Check(None if town is None else town.code == "0580")
"""


def test_a_process_pool_decides_with_a_pickled_rule_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fresh interpreter (``spawn``) decides as the caller does: with the default rule set,
    with another tool's registry (imported there by its name), and in bulk."""
    (tmp_path / "pool_vocabulary.py").write_text(textwrap.dedent(_VOCABULARY), "utf-8")
    monkeypatch.syspath_prepend(tmp_path)  # the worker is given the caller's path
    vocabulary = importlib.import_module("pool_vocabulary")
    monkeypatch.setitem(sys.modules, "pool_vocabulary", vocabulary)  # forgotten after the test
    own = parse_ruleset(
        'format = "ledarskap.rules/1"\nid = "lkpg"\nversion = "1"\n'
        '[[rules]]\nid = "lkpg"\nwhen = "in_linkoping"\n',
        registry=vocabulary.registry,
    )
    rules = default_ruleset()
    program = ledarskap.example_program()
    cohort = program.cohorts[0]
    applications = program.applications_to(cohort.id)[:6]
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        decide = functools.partial(RuleSet.evaluate, rules, cohort=cohort)
        decided = list(pool.map(decide, applications, timeout=120))
        theirs = list(pool.map(functools.partial(own.evaluate, cohort=cohort), applications))
        bulk = pool.submit(rules.evaluate_many, applications, cohort=cohort).result(timeout=60)
    assert decided == [rules.evaluate(a, cohort=cohort) for a in applications]
    assert theirs == [own.evaluate(a, cohort=cohort) for a in applications]
    assert bulk.decisions == tuple(decided)
    assert bulk.summary.render("en") == rules.evaluate_many(
        applications, cohort=cohort
    ).summary.render("en")


def test_a_rule_set_whose_registry_cannot_be_named_fails_where_it_is_pickled() -> None:
    """Pickling fails in the caller, where the message is seen, not in a worker; a rule set
    made without a registry pickles without one."""
    registry = PredicateRegistry()
    rules = RuleSet(id="empty", version="1", entries=[], registry=registry)
    with pytest.raises(UsageError, match="cannot pickle <PredicateRegistry: 0 fields"):
        pickle.dumps(rules)
    assert pickle.loads(pickle.dumps(RuleSet(id="empty", version="1", entries=[]))).registry is None
